"""Wait until a local sandbox is ready: ``python -m mock_server.wait http://127.0.0.1:8000``.

Polls ``GET /__sandbox/health`` (no token needed) until it answers 200 with ``"status":
"ok"``, then prints the answer and exits 0; exits 1 if that has not happened within
``--timeout`` seconds. For CI jobs that start the sandbox in the background:

    python -m mock_server --port 8000 --store sqlite:sandbox.db & echo $! > sandbox.pid
    python -m mock_server.wait http://127.0.0.1:8000 --timeout 30
    ...                                   # the tests
    kill "$(cat sandbox.pid)"

Only the standard library: it starts in a few tens of milliseconds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

HEALTH_PATH = "/__sandbox/health"


def health_url(url: str) -> str:
    """``url`` itself if it names a path, else its health endpoint."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) URL: {url!r}")
    if parts.path in ("", "/"):
        return urllib.parse.urlunsplit(parts._replace(path=HEALTH_PATH))
    return url


def probe(url: str, timeout: float) -> tuple[bool, str]:
    """One look: whether the sandbox is ready, and what it said (or why it did not)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:  # noqa: S310 (http only)
            text = answer.read().decode("utf-8", "replace")
            ready = answer.status == 200 and json.loads(text).get("status") == "ok"
            return ready, text
    except urllib.error.HTTPError as error:
        return False, f"{error.code} {error.read().decode('utf-8', 'replace')[:200]}"
    except (OSError, ValueError) as error:
        return False, str(error)


def wait(url: str, timeout: float, interval: float = 0.05) -> tuple[bool, str]:
    """Probe ``url`` until the sandbox is ready or ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        ready, said = probe(url, max(0.1, min(2.0, left)))
        if ready or left <= 0:
            return ready, said
        time.sleep(min(interval, max(0.0, left)))
        interval = min(interval * 2, 0.5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mock_server.wait", description=__doc__)
    parser.add_argument("url", help="the sandbox's base URL (or its health URL)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds (default 30)")
    parser.add_argument("--quiet", action="store_true", help="print nothing when ready")
    args = parser.parse_args(argv)
    try:
        url = health_url(args.url)
    except ValueError as error:
        parser.error(str(error))
    ready, said = wait(url, args.timeout)
    if not ready:
        print(f"{url}: not ready after {args.timeout:g} s ({said})", file=sys.stderr)
        return 1
    if not args.quiet:
        print(said)
    return 0


if __name__ == "__main__":
    sys.exit(main())
