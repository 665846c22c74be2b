"""The proxy: an ASGI app that forwards to an upstream server through one fault.

Webhook deliveries go from the sandbox to the suite's receiver, not through the proxy. So
that a fault can act on them too, the proxy puts itself in their way: a registration of a
receiver URL of the suite (`PUT /__sandbox/webhook` with a URL under
`contract_tests.webhooks.RECEIVER_PATH`) reaches the sandbox with a relay URL of the proxy
instead, and each delivery to the relay is forwarded to the receiver (through the fault's
`on_delivery`, if any), with the receiver's status as the answer. Answers of the webhook
controls name the receiver's URL again, so the suite sees the server as it is. Other URLs
(the fuzzed ones) are forwarded unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from contract_tests.faults.catalogue import Delivery, Fault
from contract_tests.webhooks import RECEIVER_PATH

RELAY_PATH = "/__fault-proxy/relay/"
WEBHOOK_CONTROLS = "/__sandbox/webhook"

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
        self._relay_client: httpx.AsyncClient | None = None
        self.relays: dict[str, str] = {}  # relay URL -> the receiver URL it stands for
        self.receivers: dict[str, str] = {}  # Authorization -> its application's receiver URL

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
                    for client in (self._client, self._relay_client):
                        if client is not None:
                            await client.aclose()
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
        if exchange.method == "POST" and exchange.path.startswith(RELAY_PATH):
            await self._relay(exchange, scope)
            await self._answer(exchange, send)
            return
        self._through_relay(exchange, scope)
        answered = self.fault.on_request(exchange, self.state) if self.fault else False
        if not answered:
            try:
                await self._forward(exchange)
                self._name_receivers(exchange)
                if self.fault:
                    await self.fault.on_response(exchange, self.state, self._forward)
            except httpx.HTTPError as exc:
                exchange.status = 502
                exchange.response_headers = {"content-type": "text/plain"}
                exchange.response_body = f"proxy: upstream failed: {exc}".encode()
        await self._answer(exchange, send)

    async def _answer(self, exchange: Exchange, send: Any) -> None:
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

    # --- webhook deliveries ------------------------------------------------------------------

    def _through_relay(self, exchange: Exchange, scope: dict) -> None:
        """A receiver URL of the suite's, registered with the sandbox, becomes a relay URL."""
        if exchange.method != "PUT" or exchange.path.split("?")[0] != WEBHOOK_CONTROLS:
            return
        try:
            body = json.loads(exchange.body)
        except ValueError:
            return
        url = body.get("url") if isinstance(body, dict) and len(body) == 1 else None
        if not isinstance(url, str) or not urlsplit(url).path.startswith(RECEIVER_PATH):
            return
        host, port = scope["server"][:2]
        relay = next((r for r, u in self.relays.items() if u == url), None)
        if relay is None:
            relay = f"http://{host}:{port}{RELAY_PATH}{len(self.relays)}"
            self.relays[relay] = url
        self.receivers[exchange.headers.get("authorization", "")] = url
        exchange.body = json.dumps({"url": relay}).encode()

    def _name_receivers(self, exchange: Exchange) -> None:
        """Answers of the webhook controls name the receiver's URL, not the relay's."""
        if exchange.path.startswith(WEBHOOK_CONTROLS) and self.relays:
            for relay, url in self.relays.items():
                exchange.response_body = exchange.response_body.replace(
                    relay.encode(), url.encode()
                )

    async def _relay(self, exchange: Exchange, scope: dict) -> None:
        host, port = scope["server"][:2]
        url = self.relays.get(f"http://{host}:{port}{exchange.path}")
        exchange.response_headers = {}
        exchange.response_body = b""
        if url is None:
            exchange.status = 404
            return
        delivery = Delivery(
            url=url,
            headers=dict(exchange.headers),
            body=exchange.body,
            other_urls=tuple(dict.fromkeys(u for u in self.receivers.values() if u != url)),
        )
        if self.fault is not None:
            exchange.status = await self.fault.on_delivery(delivery, self.state, self._send)
        else:
            exchange.status = await self._send(delivery.url, delivery.headers, delivery.body)

    async def _send(self, url: str, headers: dict[str, str], body: bytes) -> int:
        """Post a delivery to a receiver; its status, or 502 when it cannot be reached."""
        if self._relay_client is None:
            self._relay_client = httpx.AsyncClient(timeout=10, trust_env=False)
        try:
            answer = await self._relay_client.post(url, content=body, headers=headers)
        except httpx.HTTPError:
            return 502
        return answer.status_code
