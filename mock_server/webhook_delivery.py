"""Delivering webhook events: signing, a bounded queue, retries with backoff, the attempt log.

The domain says *what* happened (``domain/webhooks.py``); this edge sends it, the way an
HTTP answer is the edge's business. Each application has at most one webhook URL. Each event
becomes a `Delivery`: its body is signed once (``X-Uber-Signature``: hex HMAC-SHA256 keyed
with the application's client secret) and posted until the receiver answers 2xx.

- **At least once, in order per trip.** A trip's events wait in one lane; only the head of
  a lane is sent, so a later event of a trip never overtakes an earlier one, while the
  lanes of other trips go on.
- **Retries.** A non-2xx answer, a refused connection or no answer within the timeout is
  retried after ``backoff * 2 ** (attempt - 1)`` seconds, up to ``max_attempts`` attempts
  (Uber: 7 attempts with a 30-second multiplier; the local default multiplier is 1 s so a
  developer sees the whole series within about a minute). After the last attempt the
  delivery is ``failed`` and the lane moves on.
- **Never in the API's way.** `enqueue` only appends to memory under a short lock; sending
  happens on worker threads. The queue is bounded (``max_queued`` undelivered events): an
  event beyond it is recorded as ``failed`` with the reason, and not sent.
- **Visible.** Every attempt (when, the status answered or the error, how long it took) is
  kept with its delivery, for the last ``history_per_app`` deliveries of each application,
  and logged on the ``mock_server.webhooks`` logger.

Retries run on the real (monotonic) clock, not the sandbox's: moving the sandbox's clock
makes trips produce events, it does not make a receiver answer sooner. Tests inject the
clock and the sender and call `deliver_due` themselves.
"""

from __future__ import annotations

import collections
import hashlib
import hmac
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

import attrs

if TYPE_CHECKING:
    import httpx

log = logging.getLogger("mock_server.webhooks")

SIGNATURE_HEADER = "X-Uber-Signature"
ENVIRONMENT_HEADER = "X-Environment"
PENDING = "pending"
DELIVERED = "delivered"
FAILED = "failed"
URL_REMOVED = "the webhook URL was removed"


class Sender(Protocol):
    """Posts one request; returns the HTTP status, raises on no answer (refused, timeout)."""

    def __call__(self, url: str, body: bytes, headers: dict[str, str], timeout: float) -> int: ...


class HttpSender:
    """The real sender: one pooled HTTP client shared by the worker threads, made on first
    use (a sandbox that never sends pays nothing for it at start-up)."""

    def __init__(self) -> None:
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    def _http(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                import httpx  # on first use: importing it costs start-up time

                self._client = httpx.Client(follow_redirects=False, trust_env=False)
            return self._client

    def __call__(self, url: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
        return self._http().post(url, content=body, headers=headers, timeout=timeout).status_code

    def warm(self) -> None:
        """Make the client now (on a thread of its own), so the first event is not late."""
        self._http()

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None


def sign(body: bytes, secret: str) -> str:
    return hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


@attrs.frozen
class RetryPolicy:
    max_attempts: int = 7
    backoff_seconds: float = 1.0
    timeout_seconds: float = 5.0

    def delay_after(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based)."""
        return float(self.backoff_seconds * 2 ** (attempt - 1))


@attrs.frozen
class Attempt:
    number: int
    sent_at_ms: int  # wall-clock epoch milliseconds
    duration_ms: float
    status: int | None  # None: no answer
    error: str | None

    def view(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "attempt": self.number,
            "sent_at_ms": self.sent_at_ms,
            "duration_ms": round(self.duration_ms, 3),
        }
        if self.status is not None:
            out["status"] = self.status
        if self.error is not None:
            out["error"] = self.error
        return out


@attrs.define(eq=False)
class Delivery:
    app_id: str
    request_id: str
    event_id: str
    event_type: str
    event: dict[str, Any]
    url: str
    body: bytes
    headers: dict[str, str]
    state: str = PENDING
    attempts: list[Attempt] = attrs.Factory(list)
    due: float = 0.0  # monotonic seconds of the next attempt
    reason: str | None = None  # why a delivery failed without a final answer

    def view(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "event_id": self.event_id,
            "event_type": self.event_type,
            "request_id": self.request_id,
            "url": self.url,
            "state": self.state,
            "attempts": [attempt.view() for attempt in self.attempts],
            "event": self.event,
        }
        if self.reason is not None:
            out["reason"] = self.reason
        return out


class WebhookDelivery:
    """Per-application URLs, and the lanes of events on their way to them."""

    def __init__(
        self,
        *,
        sender: Sender | None = None,
        policy: RetryPolicy = RetryPolicy(),
        clock: Callable[[], float] = time.monotonic,
        wall_ms: Callable[[], int] = lambda: int(time.time() * 1000),
        environment: str = "sandbox",
        max_queued: int = 10_000,
        history_per_app: int = 1_000,
        workers: int = 4,
    ) -> None:
        self._sender: Sender = sender if sender is not None else HttpSender()
        self.policy = policy
        self._clock = clock
        self._wall_ms = wall_ms
        self.environment = environment
        self.max_queued = max_queued
        self.history_per_app = history_per_app
        self._workers = workers
        self._urls: dict[str, str] = {}
        self._lanes: dict[tuple[str, str], collections.deque[Delivery]] = {}
        self._busy: set[tuple[str, str]] = set()
        self._queued = 0
        self._history: dict[str, collections.deque[Delivery]] = {}
        self._lock = threading.Condition()
        self._threads: list[threading.Thread] = []
        self._stopping = False
        self._warmed = False

    # ------------------------------------------------------------------ registrations

    def url_for(self, app_id: str) -> str | None:
        return self._urls.get(app_id)

    def subscribers(self) -> list[str]:
        return list(self._urls)

    def set_url(self, app_id: str, url: str | None) -> None:
        """Set (or, with None, remove) the application's URL. Removing it abandons the
        application's undelivered events; changing it leaves them on the URL they were for."""
        with self._lock:
            if url is not None:
                self._urls[app_id] = url
                if not self._warmed and isinstance(self._sender, HttpSender):
                    self._warmed = True
                    threading.Thread(target=self._sender.warm, daemon=True).start()
                return
            self._urls.pop(app_id, None)
            for key in [key for key in self._lanes if key[0] == app_id]:
                lane = self._lanes[key]
                # A head being sent right now stays until its attempt ends (`_attempt`).
                keep = [lane.popleft()] if key in self._busy else []
                for delivery in lane:
                    self._finish(delivery, FAILED, URL_REMOVED)
                lane.clear()
                lane.extend(keep)
                if not lane:
                    del self._lanes[key]

    # ------------------------------------------------------------------ queueing

    def enqueue(
        self,
        app_id: str,
        secret: str,
        request_id: str,
        event_id: str,
        event_type: str,
        event: dict[str, Any],
        body: bytes,
    ) -> Delivery | None:
        """Queue an event for the application's URL; None when it has none. Never blocks."""
        with self._lock:
            url = self._urls.get(app_id)
            if url is None:
                return None
            headers = {
                "content-type": "application/json",
                SIGNATURE_HEADER: sign(body, secret),
                ENVIRONMENT_HEADER: self.environment,
            }
            delivery = Delivery(app_id, request_id, event_id, event_type, event, url, body, headers)
            history = self._history.setdefault(
                app_id, collections.deque(maxlen=self.history_per_app)
            )
            history.append(delivery)
            if self._queued >= self.max_queued:
                delivery.state = FAILED
                delivery.reason = f"the delivery queue is full ({self.max_queued} events)"
                log.warning("webhook %s dropped: %s", event_id, delivery.reason)
                return delivery
            delivery.due = self._clock()
            self._lanes.setdefault((app_id, request_id), collections.deque()).append(delivery)
            self._queued += 1
            self._lock.notify_all()
            return delivery

    def deliveries(
        self, app_id: str, request_id: str | None = None, limit: int = 100
    ) -> list[Delivery]:
        """The application's most recent deliveries, oldest first."""
        with self._lock:
            found = [
                delivery
                for delivery in self._history.get(app_id, ())
                if request_id is None or delivery.request_id == request_id
            ]
        return found[-limit:] if limit else []

    @property
    def queued(self) -> int:
        return self._queued

    # ------------------------------------------------------------------ sending

    def _due_lane(self, now: float) -> tuple[tuple[str, str], Delivery] | None:
        for key, lane in self._lanes.items():
            if key not in self._busy and lane and lane[0].due <= now:
                return key, lane[0]
        return None

    def next_due(self) -> float | None:
        """When the earliest waiting attempt is due (monotonic seconds), or None."""
        with self._lock:
            dues = [
                lane[0].due for key, lane in self._lanes.items() if lane and key not in self._busy
            ]
        return min(dues) if dues else None

    def deliver_due(self) -> int:
        """Send every attempt that is due now, one lane head at a time; how many were sent."""
        sent = 0
        while True:
            with self._lock:
                picked = self._due_lane(self._clock())
                if picked is None:
                    return sent
                key, delivery = picked
                self._busy.add(key)
            self._attempt(key, delivery)
            sent += 1

    def _attempt(self, key: tuple[str, str], delivery: Delivery) -> None:
        number = len(delivery.attempts) + 1
        sent_at = self._wall_ms()
        started = time.perf_counter()
        status: int | None = None
        error: str | None = None
        try:
            status = self._sender(
                delivery.url, delivery.body, dict(delivery.headers), self.policy.timeout_seconds
            )
        except Exception as problem:  # any failure to get an answer is retried
            error = f"{type(problem).__name__}: {problem}"[:300] or type(problem).__name__
        duration = (time.perf_counter() - started) * 1000
        attempt = Attempt(number, sent_at, duration, status, error)
        ok = status is not None and 200 <= status < 300
        log.info(
            "webhook %s %s trip %s -> %s attempt %d: %s (%.1f ms)",
            delivery.event_id,
            delivery.event_type,
            delivery.request_id,
            delivery.url,
            number,
            status if status is not None else error,
            duration,
        )
        with self._lock:
            delivery.attempts.append(attempt)
            self._busy.discard(key)
            if ok:
                self._pop(key, delivery, DELIVERED)
            elif delivery.app_id not in self._urls:
                delivery.reason = URL_REMOVED
                self._pop(key, delivery, FAILED)
            elif number >= self.policy.max_attempts:
                self._pop(key, delivery, FAILED)
            else:
                delivery.due = self._clock() + self.policy.delay_after(number)
            self._lock.notify_all()

    def _pop(self, key: tuple[str, str], delivery: Delivery, state: str) -> None:
        lane = self._lanes.get(key)
        if lane and lane[0] is delivery:
            lane.popleft()
            self._queued -= 1
            if lane:
                lane[0].due = min(lane[0].due, self._clock())
            else:
                del self._lanes[key]
        if delivery.state == PENDING:
            delivery.state = state

    def _finish(self, delivery: Delivery, state: str, reason: str) -> None:
        delivery.state = state
        delivery.reason = reason
        self._queued -= 1

    # ------------------------------------------------------------------ worker threads

    def start(self) -> None:
        """Send in the background: worker threads that wait for due attempts."""
        if self._threads:
            return
        self._stopping = False
        for index in range(self._workers):
            thread = threading.Thread(
                target=self._work, name=f"webhook-delivery-{index}", daemon=True
            )
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout: float = 5.0) -> None:
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        for thread in self._threads:
            thread.join(timeout)
        self._threads = []
        if isinstance(self._sender, HttpSender):
            self._sender.close()

    def _work(self) -> None:
        while True:
            with self._lock:
                while True:
                    if self._stopping:
                        return
                    now = self._clock()
                    picked = self._due_lane(now)
                    if picked is not None:
                        key, delivery = picked
                        self._busy.add(key)
                        break
                    dues = [
                        lane[0].due
                        for lane_key, lane in self._lanes.items()
                        if lane and lane_key not in self._busy
                    ]
                    self._lock.wait(max(0.0, min(dues) - now) if dues else None)
            self._attempt(key, delivery)
