"""Delivering webhook events: signing, a bounded queue, retries with backoff, the attempt log.

The domain says *what* happened (``domain/webhooks.py``); this edge sends it, the way an
HTTP answer is the edge's business. Each application has at most one webhook URL. Each event
becomes a `Delivery`: its body is signed once (``X-Uber-Signature``: hex HMAC-SHA256 keyed
with the application's client secret) and posted until the receiver answers 2xx.

- **At least once, in order per trip.** A trip's events wait in one lane; only the head of
  a lane is sent, so a later event of a trip never overtakes an earlier one, while the
  lanes of other trips go on.
- **Each application on its own.** Each application's lanes are sent by its own sender
  threads (``threads_per_app``, started on its first event), so a receiver that hangs until
  the timeout holds up only its own application's events, never another's.
- **Retries.** A non-2xx answer, a refused connection or no answer within the timeout is
  retried after ``backoff * 2 ** (attempt - 1)`` seconds, up to ``max_attempts`` attempts
  (Uber: 7 attempts with a 30-second multiplier; the local default multiplier is 1 s so a
  developer sees the whole series within about a minute). After the last attempt the
  delivery is ``failed`` and the lane moves on.
- **Never in the API's way.** `enqueue` only appends to memory under a short lock; sending
  happens on sender threads. The queue is bounded (``max_queued`` undelivered events): an
  event beyond it is recorded as ``failed`` with the reason, and not sent.
- **Visible.** Every attempt (when, the status answered or the error, how long it took) is
  kept with its delivery, for the last ``history_per_app`` deliveries of each application,
  and logged on the ``mock_server.webhooks`` logger; ``recorder`` is told of every change
  (the sandbox keeps the records in its store, for every worker process to list).

Retries wait on the real (monotonic) clock, and moving an application's sandbox clock
forward brings its waiting retries forward by as much (`advance`): a retry is due when its
wait has passed in real time or on the application's clock, whichever comes first, so a
test that moves the clock sees the retries it expects without sleeping. Tests inject the
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
    """The real sender: one pooled HTTP client shared by the sender threads, made on first
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

    @property
    def version(self) -> int:
        """Grows with every change of the record (an attempt, the final state)."""
        return 2 * len(self.attempts) + (self.state != PENDING)

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


class _App:
    """One application's lanes (one per trip) and the threads that send them."""

    def __init__(self, lock: threading.Lock) -> None:
        self.lanes: dict[str, collections.deque[Delivery]] = {}
        self.busy: set[str] = set()
        self.ready = threading.Condition(lock)
        self.threads: list[threading.Thread] = []

    def due_lane(self, now: float) -> tuple[str, Delivery] | None:
        for request_id, lane in self.lanes.items():
            if request_id not in self.busy and lane and lane[0].due <= now:
                return request_id, lane[0]
        return None

    def next_due(self) -> float | None:
        dues = [lane[0].due for key, lane in self.lanes.items() if lane and key not in self.busy]
        return min(dues) if dues else None


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
        threads_per_app: int = 2,
    ) -> None:
        self._sender: Sender = sender if sender is not None else HttpSender()
        self.policy = policy
        self._clock = clock
        self.wall_ms = wall_ms
        self.environment = environment
        self.max_queued = max_queued
        self.history_per_app = history_per_app
        self._threads_per_app = threads_per_app
        self._urls: dict[str, str] = {}
        self._apps: dict[str, _App] = {}
        self._queued = 0
        self._history: dict[str, collections.deque[Delivery]] = {}
        self._lock = threading.Lock()
        self._started = False
        self._stopping = False
        self._warmed = False
        # Told of every new or changed delivery (outside the lock), with its version and
        # view: the sandbox keeps the attempt log in its store with it.
        self.recorder: Callable[[Delivery, int, dict[str, Any]], None] | None = None

    def _record(self, changed: list[tuple[Delivery, int, dict[str, Any]]]) -> None:
        if self.recorder is not None:
            for delivery, version, view in changed:
                self.recorder(delivery, version, view)

    @staticmethod
    def _snapshot(delivery: Delivery) -> tuple[Delivery, int, dict[str, Any]]:
        """The delivery as it is now (taken under the lock)."""
        return delivery, delivery.version, delivery.view()

    # ------------------------------------------------------------------ registrations

    def url_for(self, app_id: str) -> str | None:
        return self._urls.get(app_id)

    def subscribers(self) -> list[str]:
        return list(self._urls)

    def set_url(self, app_id: str, url: str | None) -> None:
        """Set (or, with None, remove) the application's URL. Removing it abandons the
        application's undelivered events; changing it leaves them on the URL they were for."""
        abandoned = []
        with self._lock:
            if url is not None:
                self._urls[app_id] = url
                if not self._warmed and isinstance(self._sender, HttpSender):
                    self._warmed = True
                    threading.Thread(target=self._sender.warm, daemon=True).start()
                return
            self._urls.pop(app_id, None)
            app = self._apps.get(app_id)
            if app is None:
                return
            for request_id in list(app.lanes):
                lane = app.lanes[request_id]
                # A head being sent right now stays until its attempt ends (`_attempt`).
                keep = [lane.popleft()] if request_id in app.busy else []
                for delivery in lane:
                    self._finish(delivery, FAILED, URL_REMOVED)
                    abandoned.append(self._snapshot(delivery))
                lane.clear()
                lane.extend(keep)
                if not lane:
                    del app.lanes[request_id]
        self._record(abandoned)

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
            else:
                delivery.due = self._clock()
                app = self._app(app_id)
                app.lanes.setdefault(request_id, collections.deque()).append(delivery)
                self._queued += 1
                app.ready.notify()
            snapshot = self._snapshot(delivery)
        self._record([snapshot])
        return delivery

    def _app(self, app_id: str) -> _App:
        """The application's lanes; its sender threads start with them (once started)."""
        app = self._apps.get(app_id)
        if app is None:
            app = self._apps[app_id] = _App(self._lock)
        if self._started and not app.threads:
            self._start_threads(app_id, app)
        return app

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

    def advance(self, app_id: str, seconds: float) -> None:
        """The application's clock moved forward by ``seconds``: its waiting retries are
        due that much sooner (never sooner than now)."""
        if seconds <= 0:
            return
        with self._lock:
            app = self._apps.get(app_id)
            if app is None:
                return
            for request_id, lane in app.lanes.items():
                if lane and request_id not in app.busy:
                    lane[0].due -= seconds
            app.ready.notify_all()

    # ------------------------------------------------------------------ sending

    def next_due(self) -> float | None:
        """When the earliest waiting attempt is due (monotonic seconds), or None."""
        with self._lock:
            dues = [due for app in self._apps.values() if (due := app.next_due()) is not None]
        return min(dues) if dues else None

    def deliver_due(self) -> int:
        """Send every attempt that is due now, one lane head at a time; how many were sent."""
        sent = 0
        while True:
            with self._lock:
                now = self._clock()
                picked = None
                for app_id, app in self._apps.items():
                    found = app.due_lane(now)
                    if found is not None:
                        picked = app_id, app, *found
                        break
                if picked is None:
                    return sent
                app_id, app, request_id, delivery = picked
                app.busy.add(request_id)
            self._attempt(app, request_id, delivery)
            sent += 1

    def _attempt(self, app: _App, request_id: str, delivery: Delivery) -> None:
        number = len(delivery.attempts) + 1
        sent_at = self.wall_ms()
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
            app.busy.discard(request_id)
            if ok:
                self._pop(app, request_id, delivery, DELIVERED)
            elif delivery.app_id not in self._urls:
                delivery.reason = URL_REMOVED
                self._pop(app, request_id, delivery, FAILED)
            elif number >= self.policy.max_attempts:
                self._pop(app, request_id, delivery, FAILED)
            else:
                delivery.due = self._clock() + self.policy.delay_after(number)
            app.ready.notify()
            snapshot = self._snapshot(delivery)
        self._record([snapshot])

    def _pop(self, app: _App, request_id: str, delivery: Delivery, state: str) -> None:
        lane = app.lanes.get(request_id)
        if lane and lane[0] is delivery:
            lane.popleft()
            self._queued -= 1
            if lane:
                lane[0].due = min(lane[0].due, self._clock())
            else:
                del app.lanes[request_id]
        if delivery.state == PENDING:
            delivery.state = state

    def _finish(self, delivery: Delivery, state: str, reason: str) -> None:
        delivery.state = state
        delivery.reason = reason
        self._queued -= 1

    # ------------------------------------------------------------------ sender threads

    def start(self) -> None:
        """Send in the background: each application's sender threads wait for its due
        attempts (started for an application when it has events)."""
        with self._lock:
            if self._started:
                return
            self._started = True
            self._stopping = False
            for app_id, app in self._apps.items():
                if not app.threads:
                    self._start_threads(app_id, app)

    def _start_threads(self, app_id: str, app: _App) -> None:
        for index in range(self._threads_per_app):
            thread = threading.Thread(
                target=self._work, args=(app,), name=f"webhook-{app_id}-{index}", daemon=True
            )
            thread.start()
            app.threads.append(thread)

    def stop(self, timeout: float = 5.0) -> None:
        with self._lock:
            self._stopping = True
            self._started = False
            threads = [thread for app in self._apps.values() for thread in app.threads]
            for app in self._apps.values():
                app.threads = []
                app.ready.notify_all()
        for thread in threads:
            thread.join(timeout)
        if isinstance(self._sender, HttpSender):
            self._sender.close()

    def _work(self, app: _App) -> None:
        while True:
            with self._lock:
                while True:
                    if self._stopping:
                        return
                    now = self._clock()
                    picked = app.due_lane(now)
                    if picked is not None:
                        request_id, delivery = picked
                        app.busy.add(request_id)
                        break
                    due = app.next_due()
                    app.ready.wait(max(0.0, due - now) if due is not None else None)
            self._attempt(app, request_id, delivery)
