"""The HAR report of a pytest run of the suite: every request it sent, in the order sent.

Schemathesis' pytest plugin builds its HAR from the tests it runs, and so misses requests:

- it records a request under the label of the request's operation, and writes what a label
  recorded when that operation's own test ends; a request a check sends to an operation
  whose test has already ended (reading a trip back with `getGuestTrip` while the test of
  `createGuestTrip` runs, say) waits for a write that never comes;
- it listens on the schema of the parametrized operation tests, and takes the stateful
  test's own steps from that test: the checks' requests during stateful sequences, token
  requests and the client flows are not seen at all;
- the stateful test and the operation tests open a writer each on the same file, and the
  operation tests' writer, opened last, truncates the stateful test's HAR.

So the suite writes the HAR itself: the global `after_call` and `after_network_error` hooks
(contract_tests/hooks.py), which Schemathesis calls for every request sent through its
transport (generated cases, stateful steps, the checks' requests, token requests, the
generated client's requests in the flows, the run's restore), hand each one to `TRAFFIC`,
which writes it at once with Schemathesis' own HAR writer. Headers and URLs are sanitized by
that writer; bodies are sanitized here too (a token request carries the client secret in its
body, its answer the token), with the same `[output.sanitization]` settings.
"""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from schemathesis.config import OutputConfig, SanitizationConfig
from schemathesis.core.output.sanitization import is_sensitive_key, sanitize_value
from schemathesis.core.transport import Response
from schemathesis.engine.recorder import Interaction, Request

FORM = "application/x-www-form-urlencoded"
# One part of a multipart body: its headers (with the field name), a blank line, its value.
_MULTIPART_FIELD = re.compile(
    rb'(name="(?P<name>[^"]*)"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n)(?P<value>.*?)(?=\r\n--)',
    re.DOTALL,
)


def _media_type(headers: dict[str, list[str]]) -> str:
    for name, values in headers.items():
        if name.lower() == "content-type" and values:
            return values[0].split(";", 1)[0].strip().lower()
    return ""


def _sensitive(name: str, config: SanitizationConfig) -> bool:
    return is_sensitive_key(
        name,
        keys_to_sanitize=config.keys_to_sanitize,
        sensitive_markers=config.sensitive_markers,
    )


def sanitize_body(body: bytes | None, media_type: str, config: SanitizationConfig) -> bytes | None:
    """`body` with the values of sensitive fields (JSON keys, form and multipart fields)
    replaced; unchanged, byte for byte, when it has none."""
    if not body or not config.enabled:
        return body
    lowered = body.lower()
    names = (*config.sensitive_markers, *config.keys_to_sanitize)
    if not any(name.encode("utf-8") in lowered for name in names):
        return body  # no field could be sensitive: most bodies, and the cheap way out
    if media_type == FORM:
        try:
            fields = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
        except (UnicodeDecodeError, ValueError):
            return body
        if not any(_sensitive(name, config) for name, _ in fields):
            return body
        masked = [
            (name, config.replacement if _sensitive(name, config) else value)
            for name, value in fields
        ]
        return urlencode(masked).encode("utf-8")
    if media_type.startswith("multipart/"):
        replacement = config.replacement.encode("utf-8")

        def mask(match: re.Match[bytes]) -> bytes:
            name = match.group("name").decode("utf-8", "replace")
            value = replacement if _sensitive(name, config) else match.group("value")
            return match.group(1) + value

        return _MULTIPART_FIELD.sub(mask, body)
    if media_type == "application/json" or media_type.endswith("+json"):
        try:
            data = json.loads(body)
        except ValueError:
            return body
        original = json.dumps(data)
        sanitize_value(data, config=config)
        masked_json = json.dumps(data)
        return body if masked_json == original else masked_json.encode("utf-8")
    return body


def _sanitized_request(request: Request, config: SanitizationConfig) -> Request:
    body = sanitize_body(request.body, _media_type(request.headers), config)
    if body is request.body:
        return request
    return Request(
        method=request.method,
        uri=request.uri,
        body=body,
        body_size=len(body) if body is not None else None,
        headers=request.headers,
    )


def _sanitized_response(response: Response, config: OutputConfig) -> Response:
    content = sanitize_body(response.content, _media_type(response.headers), config.sanitization)
    limit = config.truncation.max_recorded_payload_size
    truncated = bool(limit and content and len(content) > limit)
    if content is response.content and not truncated:
        return response
    assert content is not None
    return Response(
        status_code=response.status_code,
        headers=response.headers,
        content=content[:limit] if truncated else content,
        request=response.request,
        elapsed=response.elapsed,
        verify=response.verify,
        message=response.message,
        http_version=response.http_version,
        encoding=response.encoding,
        content_size=len(content),
        stream_cut_short=response.stream_cut_short,
    )


class _One:
    """One interaction in the shape Schemathesis' HAR writer reads (a recorded scenario)."""

    def __init__(self, interaction: Interaction) -> None:
        self.interactions = {"0": interaction}


class Traffic:
    """Writes every request it is handed to one HAR file, from `open` to `close`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._writer: Any = None
        self._config: OutputConfig | None = None
        self.path: Path | None = None
        self.sent = 0

    @property
    def recording(self) -> bool:
        return self._writer is not None

    def open(self, path: Path, config: OutputConfig) -> None:
        from schemathesis.reporting.har import HarWriter

        path.parent.mkdir(parents=True, exist_ok=True)
        writer = HarWriter(output=path, config=config)
        writer.open()
        with self._lock:
            self._writer, self._config, self.path, self.sent = writer, config, path, 0

    def answered(self, response: Response) -> None:
        """A request sent and its answer."""
        config = self._config
        if self._writer is None or config is None:
            return
        request = Request.from_prepared_request(response.request)
        self._write(
            Interaction(
                request=_sanitized_request(request, config.sanitization),
                response=_sanitized_response(response, config),
            )
        )

    def unanswered(self, prepared: Any) -> None:
        """A request sent that got no answer (a network error)."""
        config = self._config
        if self._writer is None or config is None:
            return
        request = Request.from_prepared_request(prepared)
        self._write(
            Interaction(request=_sanitized_request(request, config.sanitization), response=None)
        )

    def _write(self, interaction: Interaction) -> None:
        with self._lock:
            if self._writer is None:
                return
            self._writer.write(_One(interaction))
            self.sent += 1

    def close(self) -> None:
        with self._lock:
            writer, self._writer = self._writer, None
        if writer is not None:
            writer.close()


TRAFFIC = Traffic()
