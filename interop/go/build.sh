#!/usr/bin/env bash
# Build the Go client from `make dist` and the usage program beside this script, offline.
#
#   interop/go/build.sh [CLIENT_DIR]     (default: dist/go)
#
# The generated client imports one module outside the standard library, golang.org/x/oauth2.
# Resolving it in module mode needs the Go module proxy; instead this builds in GOPATH mode
# against the copy that Debian's golang-golang-x-oauth2-dev package installs under
# /usr/share/gocode, so nothing is downloaded. A Go team builds the same client in module
# mode as usual (`go mod tidy && go build ./...`).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
client="$(cd "${1:-$here/../../dist/go}" && pwd)"
debian_gopath=/usr/share/gocode

if [ ! -d "$debian_gopath/src/golang.org/x/oauth2" ]; then
  echo "build.sh: golang.org/x/oauth2 is missing: apt-get install golang-golang-x-oauth2-dev" >&2
  exit 1
fi

# A fixed folder, so that Go's build cache (keyed by source paths too) is reused.
work="${TMPDIR:-/tmp}/guest-rides-go-interop"
rm -rf "$work"
mkdir -p "$work/src/usage"
cp -R "$client" "$work/src/guestrides"
cp "$here/main.go" "$work/src/usage/"

export GO111MODULE=off GOPATH="$work:$debian_gopath" GOPROXY=off GOFLAGS= GOTOOLCHAIN=local
cd "$work/src/usage"
go vet guestrides usage
go build -o "$work/usage" usage
help="$("$work/usage" -h 2>&1 || true)"
grep -q -- "-product" <<<"$help"
echo "build.sh: the Go client and its usage program build ($(go version | cut -d' ' -f3))"
