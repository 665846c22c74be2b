"""The proxy: an ASGI app that forwards to an upstream server through one fault."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx

from contract_tests.faults.catalogue import Fault

HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailers",
    "transfer-encoding",
    "upgrade",
    "content-length",
    "host",
    # httpx hands over the decoded body, so its encoding no longer applies.
    "content-encoding",
}


@dataclass
class Exchange:
    """One request and the answer the proxy is about to send; faults edit it in place."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes
    status: int = 0
    response_headers: dict[str, str] = field(default_factory=dict)
    response_body: bytes = b""


class FaultProxy:
    """Forward every request to `upstream`, letting `fault` change requests and answers."""

    def __init__(self, upstream: str, fault: Fault | None) -> None:
        self.upstream = upstream.rstrip("/")
        self.fault = fault
        self.state: dict[str, Any] = {}
        self._client: httpx.AsyncClient | None = None

    async def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(base_url=self.upstream, timeout=30)
        return self._client

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    if self._client is not None:
                        await self._client.aclose()
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers: dict[str, str] = {}
        for raw_name, raw_value in scope["headers"]:
            name = raw_name.decode("latin-1").lower()
            if name not in HOP_BY_HOP:
                headers[name] = raw_value.decode("latin-1")
        exchange = Exchange(
            method=scope["method"],
            # Forward the path as the client sent it (still percent-encoded).
            path=(scope.get("raw_path") or scope["path"].encode()).decode("latin-1"),
            query=scope.get("query_string", b"").decode("latin-1"),
            headers=headers,
            body=body,
        )
        answered = self.fault.on_request(exchange, self.state) if self.fault else False
        if not answered:
            try:
                await self._forward(exchange)
                if self.fault:
                    await self.fault.on_response(exchange, self.state, self._forward)
            except httpx.HTTPError as exc:
                exchange.status = 502
                exchange.response_headers = {"content-type": "text/plain"}
                exchange.response_body = f"proxy: upstream failed: {exc}".encode()
        out_headers = [
            (name.encode("latin-1"), value.encode("latin-1"))
            for name, value in exchange.response_headers.items()
            if name.lower() not in HOP_BY_HOP
        ]
        out_headers.append((b"content-length", str(len(exchange.response_body)).encode()))
        await send(
            {"type": "http.response.start", "status": exchange.status, "headers": out_headers}
        )
        await send({"type": "http.response.body", "body": exchange.response_body})

    async def _forward(self, exchange: Exchange) -> None:
        client = await self._http()
        url = exchange.path + (f"?{exchange.query}" if exchange.query else "")
        # Header values go out byte for byte (latin-1), as the client sent them.
        headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in exchange.headers.items()]
        response = await client.request(
            exchange.method, url, headers=headers, content=exchange.body
        )
        exchange.status = response.status_code
        exchange.response_headers = {k.lower(): v for k, v in response.headers.items()}
        exchange.response_body = response.content
