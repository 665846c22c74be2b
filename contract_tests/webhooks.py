"""The webhook events of the suite's own flows: received, and checked against the document.

Against the local sandbox the suite starts a receiver at start-up (an HTTP server on a free
loopback port, on a thread of this process). While the flows run (test_flows.py, the first
tests of a run) it is, by the sandbox's own control `PUT /__sandbox/webhook`, the webhook
URL of each of the suite's applications, one path per application
(`/contract-webhooks/<role>`); then each application gets back the URL it had. Every
delivery is kept as it arrived: the raw body, the headers, and which application's URL
received it. A remote server has no way to register a URL, so there the checks are skipped
and the summary table says why.

How the sandbox sends (mock_server/webhook_delivery.py): events are produced when a request
changes a trip (and once a second of real time for driver positions), then sent by worker
threads on real time, in order per trip, each retried with backoff until it gets a 2xx. So
waiting for an event is waiting on real time, never on the sandbox's clock; the suite does
not sleep for a fixed time but polls the sandbox's delivery log
(`GET /__sandbox/webhook/deliveries`) and wakes on each arrival, until the log has a final
attempt for the trip's last status and nothing pending, or `WAIT_SECONDS` have passed.
The receiver answers 200 to everything it keeps, whatever the checks think of it: a 4xx
would make the sandbox retry for a minute, and the checks judge what arrived anyway.

The checks (README, "Contract tests"):

- `webhook_matches_document`: each body validates against the schema of its `event_type`
  under the document's `webhooks` (read from there, with the documented headers, by the
  webhook package's `EventSchemas`);
- `webhook_signature_valid`: `X-Uber-Signature` is the HMAC-SHA256 of the raw body keyed
  with the client secret of the application whose URL received it (the package's
  `verify_signature`);
- `webhook_per_status_change`: a trip a flow drove gets exactly one
  `guests.trips.status_changed` per status change the flow saw, in the order of the life
  cycle. Delivery is at least once, so the same `event_id` arriving twice is one event
  (the document: "de-duplicate on `event_id`"); two different `event_id`s for one change
  are a duplicate;
- `webhook_only_own_trips`: an application's URL never receives an event (by
  `meta.resource_id` or `resource_href`) for a trip the suite created as another
  application. Trips whose creator the suite does not know are not judged.

Fuzzing `PUT /__sandbox/webhook` and `DELETE /__sandbox/webhook` (test_operations.py, as the
primary application) moves the primary application's URL elsewhere. That cannot make these
checks flaky: the receivers are registered only for the flows, which run before the
per-operation tests (conftest's module order); the on-demand flow registers them again
before it creates its trip, so its trip's events go to the receiver whatever ran before;
and the last test (test_webhooks.py) judges each delivery that did arrive, with no check
that depends on how many arrived. The stateful and per-operation tests run without a
webhook URL, as before: sending their trips' events would cost the sandbox (and the fault
proxy's relay) work during the sequences, and add nothing the flows do not check.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from contract_tests import run as _run

# The receiver's URLs are under this path; the fault proxy relays only URLs under it.
RECEIVER_PATH = "/contract-webhooks/"
STATUS_CHANGED = "guests.trips.status_changed"
ROLES = ("primary", "second", "third")
CHECKS = (
    "webhook_matches_document",
    "webhook_signature_valid",
    "webhook_per_status_change",
    "webhook_only_own_trips",
)
REMOTE_REASON = (
    "needs the local sandbox: a remote server has no way to register the suite's webhook URL"
)
# How long a flow waits (real time) for its trip's events to be delivered: the first
# attempt and four retries of the sandbox's default backoff (1 + 2 + 4 + 8 s) fit.
# How often wait_for_more looks at what arrived.
RECEIVER_STEP_SECONDS = 0.005
WAIT_SECONDS = 30.0
POLL_SECONDS = 0.25
MAX_BODY_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Received:
    """One delivery as it arrived at the URL of application `role`."""

    role: str
    index: int  # arrival order over all applications
    body: bytes
    headers: Mapping[str, str]  # lower-case names

    @property
    def event(self) -> dict[str, Any] | None:
        try:
            value = json.loads(self.body)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    @property
    def event_id(self) -> str:
        return str((self.event or {}).get("event_id", ""))

    @property
    def event_type(self) -> str:
        return str((self.event or {}).get("event_type", ""))

    @property
    def trip_ids(self) -> set[str]:
        """The trip the event names, by `meta.resource_id` and by `resource_href`."""
        event = self.event or {}
        ids = set()
        meta = event.get("meta")
        if isinstance(meta, dict) and isinstance(meta.get("resource_id"), str):
            ids.add(meta["resource_id"].lower())
        href = event.get("resource_href")
        if isinstance(href, str) and href:
            ids.add(urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1].lower())
        return ids

    @property
    def status(self) -> str | None:
        meta = (self.event or {}).get("meta")
        return meta.get("status") if isinstance(meta, dict) else None

    def describe(self) -> str:
        return f"{self.event_type or 'event'} {self.event_id or '?'} (at {self.role}'s URL)"


class Receiver:
    """An HTTP server on a free loopback port that keeps every POST under RECEIVER_PATH."""

    def __init__(self, roles: tuple[str, ...] = ROLES) -> None:
        self.roles = roles
        self._lock = threading.Condition()
        self._received: list[Received] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="contract-webhook-receiver",
            daemon=True,
        )

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, role: str) -> str:
        return f"{self.base_url}{RECEIVER_PATH}{role}"

    def start(self) -> Receiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def keep(self, role: str, body: bytes, headers: Mapping[str, str]) -> None:
        with self._lock:
            lowered = {name.lower(): value for name, value in headers.items()}
            self._received.append(Received(role, len(self._received), body, lowered))
            self._lock.notify_all()

    def received(self) -> list[Received]:
        with self._lock:
            return list(self._received)

    def wait_for_more(self, seen: int, timeout: float) -> None:
        """Return once more than `seen` deliveries arrived, or after `timeout` seconds.

        It looks every few milliseconds rather than waiting on the condition with a
        timeout: under libfaketime (running the suite at an odd hour) a timed wait on a
        condition never times out, and a delivery that came before the wait began would
        leave the flow hanging."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self._received) > seen:
                    return
            time.sleep(RECEIVER_STEP_SECONDS)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 - the standard library's name
                role = self.path.split("?")[0].removeprefix(RECEIVER_PATH)
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(min(length, MAX_BODY_BYTES))
                if not self.path.startswith(RECEIVER_PATH) or role not in receiver.roles:
                    self._answer(404)
                    return
                receiver.keep(role, body, dict(self.headers.items()))
                self._answer(200)

            def _answer(self, status: int) -> None:
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        return Handler


# --- the checks, as plain functions of what arrived ------------------------------------------


def document_problems(received: list[Received], schemas: Any) -> list[str]:
    """`webhook_matches_document`: body and headers against the document's webhook."""
    problems = []
    for delivery in received:
        event = delivery.event
        if event is None:
            problems.append(f"{delivery.describe()}: the body is not a JSON object")
            continue
        found = schemas.problems(event, delivery.headers)
        if found:
            problems.append(f"{delivery.describe()}: {'; '.join(found[:5])}")
    return problems


def signature_problems(received: list[Received], secrets: Mapping[str, str | None]) -> list[str]:
    """`webhook_signature_valid`: the signature of the raw body under the receiving
    application's client secret."""
    from uber_guest_rides_webhooks import SIGNATURE_HEADER, verify_signature

    problems = []
    for delivery in received:
        secret = secrets.get(delivery.role)
        if not secret:
            continue  # an application given by token only: its secret is unknown
        signature = delivery.headers.get(SIGNATURE_HEADER.lower())
        if not verify_signature(delivery.body, signature, secret):
            problems.append(
                f"{delivery.describe()}: {SIGNATURE_HEADER} {signature!r} is not the "
                f"HMAC-SHA256 of the body under {delivery.role}'s client secret"
            )
    return problems


def foreign_trip_problems(received: list[Received], owners: Mapping[str, str]) -> list[str]:
    """`webhook_only_own_trips`: no event for a trip another application created."""
    problems = []
    for delivery in received:
        for trip in sorted(delivery.trip_ids):
            owner = owners.get(trip)
            if owner is not None and owner != delivery.role:
                problems.append(
                    f"{delivery.describe()}: trip {trip} belongs to the {owner} application"
                )
    return problems


def status_change_problems(
    request_id: str, observed: list[str], received: list[Received]
) -> list[str]:
    """`webhook_per_status_change`: one status event per change the flow saw, in order.

    `observed` is every status the flow read for the trip, in order (repeats are one
    change); `received` what the trip's own application received, in arrival order."""
    from contract_tests.checks import rule_status_never_goes_back

    request_id = request_id.lower()
    changes = [s for i, s in enumerate(observed) if i == 0 or observed[i - 1] != s]
    events: dict[str, Received] = {}  # event_id -> first arrival (at least once: dedupe)
    for delivery in received:
        if delivery.event_type == STATUS_CHANGED and request_id in delivery.trip_ids:
            events.setdefault(delivery.event_id, delivery)
    ordered = sorted(events.values(), key=lambda d: d.index)
    statuses = [str(d.status) for d in ordered]
    what = f"trip {request_id}"
    problems = []
    missing = [s for s in changes if s not in statuses]
    if missing:
        problems.append(
            f"{what}: no {STATUS_CHANGED} for {', '.join(missing)}; the flow saw "
            f"{' -> '.join(changes)}, the receiver got {' -> '.join(statuses) or 'none'}"
        )
    for status in dict.fromkeys(statuses):
        ids = [d.event_id for d in ordered if d.status == status]
        if len(ids) > 1:
            problems.append(
                f"{what}: {len(ids)} events with different event_ids for the change to "
                f"{status}: {', '.join(ids)}"
            )
        if status not in changes:
            problems.append(f"{what}: an event for {status}, a status the flow never saw")
    arrived = f"events arrived as {' -> '.join(statuses)}, the trip went {' -> '.join(changes)}"
    try:
        rule_status_never_goes_back(statuses, f"{what} (webhook order)")
    except AssertionError as error:
        problems.append(f"{error}: {arrived}")
    else:
        if not missing and list(dict.fromkeys(statuses)) != changes:
            problems.append(f"{what}: {arrived}")
    return problems


# --- the suite's receivers, registered with the local sandbox -------------------------------


@dataclass
class Webhooks:
    """The receiver, the applications registered with it, and who created which trip."""

    receiver: Receiver
    roles: tuple[str, ...]
    owners: dict[str, str] = field(default_factory=dict)
    previous: dict[str, str | None] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # registrations that failed
    _schema: Any = None
    _schemas: Any = None

    @property
    def run(self) -> _run.Run:
        """The run state now (tests of the suite's tooling start new ones in the same
        process, so it is never kept)."""
        return _run.current()

    def schema(self) -> Any:
        """The schema the local controls are sent through: the suite's, or loaded when no
        test module loaded one yet (a run of the flows only)."""
        if self._schema is None:
            if self.run.schema is None:
                from contract_tests.suite import load

                self._schema = load()
            else:
                self._schema = self.run.schema
        return self._schema

    def register(self) -> None:
        """Make the receiver each application's webhook URL (again), remembering the URL
        each had before the suite's first registration."""
        self.problems = []
        for role in self.roles:
            try:
                if role not in self.previous:
                    before = self.run.call("getSandboxWebhook", schema=self.schema(), role=role)
                    if before is not None and before.status_code == 200:
                        self.previous[role] = (before.json() or {}).get("url")
                answer = self.run.call(
                    "setSandboxWebhook",
                    schema=self.schema(),
                    role=role,
                    body={"url": self.receiver.url(role)},
                )
            except Exception as exc:  # reported by the checks that needed it
                self.problems.append(f"registering the {role} application's URL failed: {exc}")
                continue
            if answer is None or answer.status_code != 200:
                status = "not tested" if answer is None else answer.status_code
                self.problems.append(f"PUT /__sandbox/webhook as {role} answered {status}")

    def restore(self) -> list[str]:
        """Give each application back the webhook URL it had (none: remove it)."""
        notes = []
        for role, url in self.previous.items():
            try:
                if url:
                    answer = self.run.call(
                        "setSandboxWebhook", schema=self.schema(), role=role, body={"url": url}
                    )
                else:
                    answer = self.run.call("deleteSandboxWebhook", schema=self.schema(), role=role)
            except Exception as exc:
                notes.append(f"could not restore the {role} application's webhook URL: {exc}")
                continue
            if answer is not None and answer.status_code not in (200, 204):
                notes.append(
                    f"restoring the {role} application's webhook URL: {answer.status_code}"
                )
        return notes

    def created(self, role: str, request_id: Any) -> None:
        """The suite created this trip as application `role`."""
        self.owners[str(request_id).lower()] = role

    def secrets(self) -> dict[str, str | None]:
        target = self.run.target
        apps = {"second": target.second_app, "third": target.third_party_app}
        found: dict[str, str | None] = {"primary": target.client_secret}
        for role, app in apps.items():
            found[role] = app.client_secret if app is not None else None
        return found

    def schemas(self) -> Any:
        if self._schemas is None:
            from contract_tests.suite import raw_document
            from uber_guest_rides_webhooks.listen import EventSchemas

            self._schemas = EventSchemas(raw_document())
        return self._schemas

    def judge(self, received: list[Received]) -> dict[str, list[str]]:
        """The problems of these deliveries, per check (document, signature, own trips)."""
        found = {
            "webhook_matches_document": document_problems(received, self.schemas()),
            "webhook_signature_valid": signature_problems(received, self.secrets()),
            "webhook_only_own_trips": foreign_trip_problems(received, self.owners),
        }
        return {check: problems for check, problems in found.items() if problems}

    # --- a flow's trip ---------------------------------------------------------------------

    def _log(self, request_id: str) -> list[dict[str, Any]] | None:
        answer = self.run.call(
            "listSandboxWebhookDeliveries",
            schema=self.schema(),
            query={"request_id": request_id, "limit": 1000},
        )
        if answer is None or answer.status_code != 200:
            return None
        deliveries = (answer.json() or {}).get("deliveries")
        return deliveries if isinstance(deliveries, list) else None

    def wait_for_trip(self, request_id: str, last_status: str) -> str | None:
        """Wait until the sandbox's log has a final attempt for the trip's status event of
        `last_status` and nothing of the trip pending (events of a trip are sent in order,
        so everything before it is final too). None when it has; else what is missing."""
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            log = self._log(request_id) or []
            pending = [d for d in log if d.get("state") == "pending"]
            last = [
                d
                for d in log
                if d.get("event_type") == STATUS_CHANGED
                and d.get("state") != "pending"
                and ((d.get("event") or {}).get("meta") or {}).get("status") == last_status
            ]
            if last and not pending:
                return None
            if time.monotonic() >= deadline:
                return (
                    f"after {WAIT_SECONDS:.0f} s the sandbox's delivery log of trip "
                    f"{request_id} has {len(pending)} pending and "
                    f"{'no' if not last else 'a'} final event for {last_status}"
                )
            self.receiver.wait_for_more(len(self.receiver.received()), POLL_SECONDS)

    def check_trip(self, request_id: Any, observed: list[str]) -> dict[str, list[str]]:
        """Every check on the events of one trip a flow drove (created as the primary
        application), once its deliveries are final. Problems per check."""
        request_id = str(request_id).lower()
        waited = self.wait_for_trip(request_id, observed[-1])
        mine = [d for d in self.receiver.received() if request_id in d.trip_ids]
        found = self.judge(mine)
        own = [d for d in mine if d.role == self.owners.get(request_id, "primary")]
        per_change = status_change_problems(request_id, observed, own)
        if per_change:
            notes = [waited] if waited else []
            found["webhook_per_status_change"] = per_change + notes + self.problems
        return found


_SESSION: Webhooks | None = None


def session() -> Webhooks | None:
    """The receivers of this run; None when the target is not the local sandbox."""
    return _SESSION


@contextmanager
def receiving() -> Iterator[Webhooks | None]:
    """Against the local sandbox, a receiver for the run (registered on first use by
    `register`); elsewhere None, and the webhook checks noted as skipped."""
    global _SESSION
    run = _run.current()
    if not run.target.local_sandbox:
        for check in CHECKS:
            run.skip(check, REMOTE_REASON)
        yield None
        return
    roles = tuple(role for role in ROLES if run.has(role))
    receiver = Receiver(roles).start()
    _SESSION = Webhooks(receiver, roles)
    try:
        yield _SESSION
    finally:
        _SESSION = None
        receiver.stop()


def created(role: str, request_id: Any) -> None:
    """Note the creator of a trip (no-op without receivers)."""
    if _SESSION is not None:
        _SESSION.created(role, request_id)
