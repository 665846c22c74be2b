"""Receive the local sandbox's webhooks: verify, check against the document, print, forward.

``python -m uber_guest_rides_webhooks listen`` (or ``make listen``) starts an HTTP server on
a loopback port, takes a token from the sandbox with the application's credentials,
registers the server as the application's webhook URL (``PUT /__sandbox/webhook``), and
for each event it receives:

1. verifies ``X-Uber-Signature`` over the raw body with the client secret;
2. checks the body and headers against the event's schema under ``webhooks`` in the
   OpenAPI document;
3. prints one line (``--print-json``: the body too);
4. with ``--forward-to URL``, posts the same body and headers to that URL and answers the
   sandbox with the status it got there (so the sandbox retries when your endpoint fails).

An event that fails 1 or 2 is answered 400, so the sandbox's delivery log shows it as
failed. On exit the registration is removed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TextIO

import httpx

from . import ENVIRONMENT_HEADER, SIGNATURE_HEADER, verify_signature

DEFAULT_SANDBOX = "http://127.0.0.1:8000"
DEFAULT_CLIENT_ID = "sandbox-client-id"
DEFAULT_CLIENT_SECRET = "sandbox-client-secret"
FORWARDED_HEADERS = ("content-type", SIGNATURE_HEADER.lower(), ENVIRONMENT_HEADER.lower())
MAX_BODY_BYTES = 1024 * 1024


class EventSchemas:
    """The document's webhook schemas: a body and its headers checked against their event."""

    BASE = "urn:guest-rides-document"

    def __init__(self, document: Mapping[str, Any]):
        from jsonschema import Draft202012Validator, FormatChecker
        from referencing import Registry
        from referencing.jsonschema import DRAFT202012

        self._document = document
        registry: Registry[Any] = Registry().with_resource(
            self.BASE, DRAFT202012.create_resource(dict(document))
        )
        self._validators: dict[str, Any] = {}
        self._headers: dict[str, list[tuple[str, bool, Any]]] = {}
        for event_type, item in (document.get("webhooks") or {}).items():
            operation = item["post"]
            pointer = (
                f"/webhooks/{_escape(event_type)}/post/requestBody/content/application~1json/schema"
            )
            self._validators[event_type] = Draft202012Validator(
                {"$ref": f"{self.BASE}#{pointer}"},
                registry=registry,
                format_checker=FormatChecker(),
            )
            headers = []
            for raw in operation.get("parameters") or []:
                parameter = self._resolve(raw)
                if parameter.get("in") == "header":
                    validator = Draft202012Validator(
                        parameter.get("schema") or {}, format_checker=FormatChecker()
                    )
                    headers.append(
                        (parameter["name"].lower(), bool(parameter.get("required")), validator)
                    )
            self._headers[event_type] = headers

    @classmethod
    def load(cls, path: str | Path) -> EventSchemas:
        import yaml

        with open(path, encoding="utf-8") as handle:
            return cls(yaml.safe_load(handle))

    @property
    def event_types(self) -> list[str]:
        return list(self._validators)

    def _resolve(self, node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            target: Any = self._document
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

    def problems(self, body: Any, headers: Mapping[str, str]) -> list[str]:
        """Every way the event breaks the document (empty when it is valid)."""
        event_type = body.get("event_type") if isinstance(body, dict) else None
        if not isinstance(event_type, str) or event_type not in self._validators:
            return [f"event_type {event_type!r} is not one of the document's webhooks"]
        validator = self._validators[event_type]
        found = []
        for name, required, header_validator in self._headers[event_type]:
            value = headers.get(name)
            if value is None:
                if required:
                    found.append(f"header {name}: missing")
                continue
            for error in header_validator.iter_errors(value):
                found.append(f"header {name}: {error.message}")
        for error in sorted(validator.iter_errors(body), key=lambda e: e.json_path):
            where = "/".join(map(str, error.absolute_path)) or "<body>"
            found.append(f"{where}: {error.message}")
        return found


def _escape(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


class Listener:
    """What happens to one webhook request; no sockets of its own, so it is testable alone."""

    def __init__(
        self,
        secret: str,
        schemas: EventSchemas,
        *,
        out: TextIO = sys.stdout,
        forward_to: str | None = None,
        forward: Callable[[str, bytes, dict[str, str]], int] | None = None,
        print_json: bool = False,
    ):
        self.secret = secret
        self.schemas = schemas
        self.out = out
        self.forward_to = forward_to
        self._forward = forward or _post
        self.print_json = print_json
        self.received = 0
        self.accepted = 0
        self._lock = threading.Lock()

    def handle(self, body: bytes, headers: Mapping[str, str]) -> int:
        """The status to answer the sender with, after printing what arrived."""
        headers = {key.lower(): value for key, value in headers.items()}
        signed = verify_signature(body, headers.get(SIGNATURE_HEADER.lower()), self.secret)
        event: Any = None
        problems: list[str]
        try:
            event = json.loads(body)
        except ValueError as error:
            problems = [f"the body is not JSON ({error})"]
        else:
            problems = self.schemas.problems(event, headers)
        status = 200 if signed and not problems else 400
        forwarded = ""
        if status == 200 and self.forward_to:
            sent = {name: headers[name] for name in FORWARDED_HEADERS if name in headers}
            status = self._forward(self.forward_to, body, sent)
            forwarded = f"  -> {self.forward_to} {status if status else 'unreachable'}"
            status = status or 502
        self._print(event, signed, problems, status, forwarded, body)
        return status

    def _print(
        self,
        event: Any,
        signed: bool,
        problems: list[str],
        status: int,
        forwarded: str,
        body: bytes,
    ) -> None:
        fields: dict[str, Any] = event if isinstance(event, dict) else {}
        meta: dict[str, Any] = fields["meta"] if isinstance(fields.get("meta"), dict) else {}
        when = fields.get("event_time")
        stamp = (
            dt.datetime.fromtimestamp(when, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            if isinstance(when, int) and 0 <= when < 253402300800
            else "-"
        )
        line = (
            f"{stamp}  {fields.get('event_type', '?'):<28}  trip {meta.get('resource_id', '?')}"
            f"  {meta.get('status', '?'):<20}  signature {'ok' if signed else 'MISMATCH'}"
            f"  document {'ok' if not problems else 'VIOLATED'}  [{status}]{forwarded}"
        )
        data: dict[str, Any] = fields["data"] if isinstance(fields.get("data"), dict) else {}
        location = data.get("location")
        if isinstance(location, dict):
            line += f"  at {location.get('latitude')},{location.get('longitude')}"
        with self._lock:
            self.received += 1
            self.accepted += status < 300
            print(line, file=self.out)
            for problem in problems:
                print(f"    {problem}", file=self.out)
            if self.print_json:
                print(body.decode("utf-8", "replace"), file=self.out)
            self.out.flush()


def _post(url: str, body: bytes, headers: dict[str, str]) -> int:
    """Post to the user's endpoint; 0 when it cannot be reached."""
    try:
        return httpx.post(url, content=body, headers=headers, timeout=10).status_code
    except httpx.HTTPError:
        return 0


def make_server(listener: Listener, host: str, port: int) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:  # noqa: N802 - the standard library's name
            length = int(self.headers.get("content-length") or 0)
            if length > MAX_BODY_BYTES:
                self._answer(413)
                return
            body = self.rfile.read(length)
            status = listener.handle(body, {k: v for k, v in self.headers.items()})
            self._answer(status)

        def _answer(self, status: int) -> None:
            self.send_response(status)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass  # the listener prints its own line per event

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    return server


class SandboxRegistration:
    """The application's webhook URL at the local sandbox, set and removed with a token."""

    def __init__(self, sandbox_url: str, client_id: str, client_secret: str):
        self.sandbox_url = sandbox_url.rstrip("/")
        self.client_id = client_id
        self.client_secret = client_secret
        self._token: str | None = None

    def token(self) -> str:
        if self._token is None:
            answer = httpx.post(
                f"{self.sandbox_url}/oauth/v2/token",
                data={
                    "client_id": self.client_id,
                    "client_secret": self.client_secret,
                    "grant_type": "client_credentials",
                    "scope": "guests.trips",
                },
                timeout=10,
            )
            answer.raise_for_status()
            self._token = str(answer.json()["access_token"])
        return self._token

    def _headers(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token()}"}

    def register(self, url: str) -> None:
        answer = httpx.put(
            f"{self.sandbox_url}/__sandbox/webhook",
            json={"url": url},
            headers=self._headers(),
            timeout=10,
        )
        answer.raise_for_status()

    def unregister(self) -> None:
        httpx.delete(f"{self.sandbox_url}/__sandbox/webhook", headers=self._headers(), timeout=10)


def default_spec() -> str | None:
    candidates = [os.environ.get("GUEST_RIDES_SPEC"), "openapi/guest-rides.yaml"]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m uber_guest_rides_webhooks listen",
        description="Receive, verify, check and print the local sandbox's webhooks.",
    )
    parser.add_argument("--sandbox", default=DEFAULT_SANDBOX, help="the local sandbox's URL")
    parser.add_argument("--client-id", default=os.environ.get("UBER_CLIENT_ID", DEFAULT_CLIENT_ID))
    parser.add_argument(
        "--client-secret",
        default=os.environ.get("UBER_CLIENT_SECRET", DEFAULT_CLIENT_SECRET),
        help="the application's client secret: the signatures' key",
    )
    parser.add_argument("--host", default="127.0.0.1", help="where to listen")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--spec", default=default_spec(), help="the OpenAPI document")
    parser.add_argument("--forward-to", help="post each verified event to this URL too")
    parser.add_argument("--print-json", action="store_true", help="print each body")
    parser.add_argument(
        "--no-register", action="store_true", help="only listen; set the webhook URL yourself"
    )
    parser.add_argument(
        "--max-events", type=int, default=0, help="stop after this many events (0: never)"
    )
    return parser


def main(argv: list[str] | None = None, out: TextIO = sys.stdout) -> int:
    args = build_parser().parse_args(argv)
    if not args.spec:
        print("no OpenAPI document found: pass --spec or set GUEST_RIDES_SPEC", file=sys.stderr)
        return 2
    schemas = EventSchemas.load(args.spec)
    listener = Listener(
        args.client_secret,
        schemas,
        out=out,
        forward_to=args.forward_to,
        print_json=args.print_json,
    )
    server = make_server(listener, args.host, args.port)
    host, port = str(server.server_address[0]), int(server.server_address[1])
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}/"
    registration = (
        None
        if args.no_register
        else SandboxRegistration(args.sandbox, args.client_id, args.client_secret)
    )
    try:
        if registration is not None:
            try:
                registration.register(url)
            except httpx.HTTPError as error:
                print(f"could not register with {args.sandbox}: {error}", file=sys.stderr)
                return 1
        where = f"{args.sandbox} ({args.client_id})" if registration else "any sender"
        print(f"Listening on {url} for webhooks from {where}", file=out)
        print(f"Checking them against {args.spec}: {', '.join(schemas.event_types)}", file=out)
        if args.forward_to:
            print(f"Forwarding each verified event to {args.forward_to}", file=out)
        out.flush()
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
        thread.daemon = True
        thread.start()
        stop = threading.Event()
        if threading.current_thread() is threading.main_thread():
            # `kill` (SIGTERM) ends the listener like Ctrl-C: unregistered on the way out.
            signal.signal(signal.SIGTERM, lambda number, frame: stop.set())
        try:
            while not stop.wait(0.1):
                if args.max_events and listener.received >= args.max_events:
                    break
        except KeyboardInterrupt:
            pass
        server.shutdown()
        thread.join()
    finally:
        server.server_close()
        if registration is not None:
            with contextlib.suppress(httpx.HTTPError):
                registration.unregister()
    print(f"{listener.received} event(s) received, {listener.accepted} accepted", file=out)
    return 0
