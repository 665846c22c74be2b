"""An httpx transport for the generated client that sends through Schemathesis.

The flows (test_flows.py) use the generated client on purpose: they prove that it works.
Its requests still go where every other request of the suite goes: the transport maps each
one to the document's operation (method and path template), sends it as a Schemathesis
case of that operation through Schemathesis' transport (the profile's rate limits, the
hooks, the HAR report), and hands the answer back to the client as an `httpx.Response`.
The request is sent as the client made it: the hooks add no header and move no pickup.

A request that matches no operation of the document (as the target is tested) is an error
that names it, never sent around the transport.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import httpx
import requests

from contract_tests import run as _run

# Headers of the client's connection, not of its request: the transport sets its own.
CONNECTION_HEADERS = frozenset({"host", "content-length", "connection", "transfer-encoding"})
# Headers of the answer that describe its transfer: the body handed back is already decoded.
TRANSFER_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})
FORM = "application/x-www-form-urlencoded"


class UnknownRequest(RuntimeError):
    """The client sent a request that is no operation of the document."""


def _template(path: str) -> re.Pattern[str]:
    """A path template (`/v1/guests/trips/{request_id}`) as a pattern of its segments."""
    pattern = re.sub(
        r"\\\{([^}]+)\\\}", lambda m: f"(?P<{_group(m.group(1))}>[^/]+)", re.escape(path)
    )
    return re.compile(f"^{pattern}$")


def _group(name: str) -> str:
    return "p_" + re.sub(r"\W", "_", name)


class DocumentTransport(httpx.BaseTransport):
    """Sends each request of the generated client as a Schemathesis case of its operation."""

    def __init__(self, base_url: str, run: _run.Run | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._run = run

    @property
    def run(self) -> _run.Run:
        return self._run or _run.current()

    def operation_of(self, method: str, url: httpx.URL) -> tuple[Any, dict[str, str]]:
        """The document's operation a request calls, and its path parameters (decoded)."""
        base = urlsplit(self.base_url)
        where = f"{url.scheme}://{url.netloc.decode('ascii')}"
        raw_path = url.raw_path.decode("ascii").split("?", 1)[0]
        if where != f"{base.scheme}://{base.netloc}" or not raw_path.startswith(base.path):
            raise UnknownRequest(
                f"{method} {url} is not a request to the server under test ({self.base_url})"
            )
        path = raw_path[len(base.path) :] or "/"
        schema = self.run.document_schema()
        operation = schema.find_operation_by_path(method, unquote(path))
        if operation is None:
            raise UnknownRequest(
                f"{method} {path} is no operation of the document as the target is tested: not sent"
            )
        match = _template(operation.path).match(path)
        if match is None:  # the router matched a path the template does not (encoded slashes)
            raise UnknownRequest(f"{method} {path}: its parameters do not fit {operation.path}")
        parameters = {
            name: unquote(match.group(_group(name)))
            for name in re.findall(r"\{([^}]+)\}", operation.path)
        }
        return operation, parameters

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        operation, path_parameters = self.operation_of(request.method, request.url)
        query = _fields(request.url.params.multi_items())
        headers = {
            name: value
            for name, value in (
                (raw_name.decode("latin-1"), raw_value.decode("latin-1"))
                for raw_name, raw_value in request.headers.raw
            )
            if name.lower() not in CONNECTION_HEADERS
        }
        content = request.read()
        body: dict[str, Any] = {}
        if content:
            media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
            body = {"body": _decoded(content, media_type, request), "media_type": media_type}
        timeout = (request.extensions.get("timeout") or {}).get("read")
        # Redirects are the client's to follow (httpx sends each hop through this transport).
        transport: dict[str, Any] = {"base_url": self.base_url, "allow_redirects": False}
        if timeout is not None:
            transport["timeout"] = timeout
        try:
            answer = self.run.send(
                operation,
                path_parameters=path_parameters,
                query=query,
                headers=headers,
                **body,
                **transport,
            )
        except requests.Timeout as exc:
            raise httpx.TimeoutException(str(exc), request=request) from exc
        except requests.ConnectionError as exc:
            raise httpx.ConnectError(str(exc), request=request) from exc
        return httpx.Response(
            status_code=answer.status_code,
            headers=[
                (name, value)
                for name, values in answer.headers.items()
                if name.lower() not in TRANSFER_HEADERS
                for value in values
            ],
            content=answer.content,
            request=request,
            extensions={"reason_phrase": (answer.message or "").encode("latin-1", "replace")},
        )


def _decoded(content: bytes, media_type: str, request: httpx.Request) -> Any:
    """The request's body as the case carries it (Schemathesis serializes it again)."""
    if media_type == "application/json" or media_type.endswith("+json"):
        return json.loads(content)
    if media_type == FORM:
        return _fields(parse_qsl(content.decode("utf-8"), keep_blank_values=True))
    raise UnknownRequest(
        f"{request.method} {request.url}: a body of type {media_type or '(none)'} that the "
        "transport does not send"
    )


def _fields(pairs: Any) -> dict[str, Any]:
    """Name-value pairs (a query, a form) as a case carries them: a name given more than
    once has the list of its values."""
    fields: dict[str, Any] = {}
    for name, value in pairs:
        if name not in fields:
            fields[name] = value
        else:
            earlier = fields[name]
            fields[name] = [*(earlier if isinstance(earlier, list) else [earlier]), value]
    return fields
