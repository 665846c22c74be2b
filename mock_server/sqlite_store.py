"""A durable store: the tenants' state in an SQLite file, behind the domain's ``StateStore``.

``python -m mock_server --store sqlite:sandbox.db`` keeps tokens, trips, runs, fares,
sessions, each application's clock offset, the ``--rate-limits`` counters, the webhook
URLs and the webhook attempt log in ``sandbox.db``: a restarted sandbox carries on where it stopped, and several worker
processes (``--workers N``) serve one sandbox from one file.

Each use case is one SQLite transaction (``BEGIN IMMEDIATE``, so writers queue instead of
failing; WAL, so readers never wait; a busy timeout for the queue). Within it, a tenant's
state is read entry by entry as the domain asks for it (``Rows``, a mapping over the
``entries`` table) and every entry that changed is written back before ``COMMIT``: two
workers never see or write a tenant's state halfway through each other's use case.

Entries are pickled domain objects, so a file belongs to the sandbox version that wrote it:
the file records a fingerprint of the stored classes, and a sandbox whose classes differ
refuses to open it. Open only files this sandbox wrote (unpickling runs code).

``synchronous=NORMAL``: a committed change survives the process (a crash, a restart), not
necessarily a power loss.
"""

from __future__ import annotations

import array
import bisect
import contextlib
import hashlib
import json
import pickle
import sqlite3
import threading
from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path
from typing import Any

import attrs

from .domain import lifetimes, products, runs, sessions, trips
from .domain.errors import ClientError
from .domain.state import MAPPINGS, IssuedToken, StoreUnavailable, TenantState
from .domain.trips import Trip
from .limits import retry_after_seconds

# How long (sandbox clock) a worker may go without looking for expired entries of a tenant
# that another worker wrote: reads skip expired entries anyway, this only frees the space.
SWEEP_EVERY_MS = 60_000
BUSY_TIMEOUT_MS = 30_000
# The meta key of an application's clock offset (its id follows).
CLOCK_OFFSET_KEY = "clock_offset_ms:"
# How many webhook delivery records an application keeps (as the in-memory attempt log).
DELIVERIES_PER_APP = 1_000
# The meta key of the lease of the process that delivers webhooks ("OWNER UNTIL_MS").
WEBHOOK_SENDER_KEY = "webhook_sender"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value);
CREATE TABLE IF NOT EXISTS entries (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    app_id TEXT NOT NULL,
    value BLOB NOT NULL,
    expires_at INTEGER,
    ref TEXT,
    PRIMARY KEY (kind, key, app_id)
);
CREATE INDEX IF NOT EXISTS entries_due ON entries (app_id, expires_at)
    WHERE expires_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS entries_ref ON entries (ref) WHERE ref IS NOT NULL;
CREATE TABLE IF NOT EXISTS tokens (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    value TEXT NOT NULL UNIQUE,
    client_id TEXT NOT NULL,
    scopes TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS tokens_by_app ON tokens (client_id, seq);
CREATE TABLE IF NOT EXISTS rate_windows (
    app_id TEXT NOT NULL,
    operation_id TEXT NOT NULL,
    hits BLOB NOT NULL,
    PRIMARY KEY (app_id, operation_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS webhook_urls (app_id TEXT PRIMARY KEY, url TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS webhook_deliveries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    app_id TEXT NOT NULL,
    event_id TEXT NOT NULL UNIQUE,
    request_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    view BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_by_app ON webhook_deliveries (app_id, seq);
"""


class StoreFormatError(RuntimeError):
    """The file was written by a sandbox whose stored classes differ from this one's."""


def _text_key(key: Any) -> str:
    return str(key)


def _pair_key(key: Any) -> str:
    return json.dumps(list(key))


def _pair_from_text(text: str) -> Any:
    return tuple(json.loads(text))


@attrs.frozen
class Kind:
    """How one mapping of ``TenantState`` is kept: its keys as text, when an entry expires
    (None: never by itself), and which trip or run it goes with (evicted with it)."""

    name: str
    encode: Callable[[Any], str] = _text_key
    decode: Callable[[str], Any] = str
    expires: Callable[[Any, Any], int | None] = lambda key, value: None
    ref: Callable[[Any, Any], str | None] = lambda key, value: None


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("trips", expires=lambda key, trip: lifetimes.trip_retained_until(trip)),
        Kind("runs", expires=lambda key, run: run.expires_at),
        Kind("run_trips", ref=lambda run_id, ids: run_id),
        Kind("fares", expires=lambda key, fare: lifetimes.fare_retained_until(fare)),
        Kind("sessions", ref=lambda request_id, session: request_id),
        Kind("session_by_participant", ref=lambda phone, request_id: request_id),
        Kind(
            "scheduled",
            encode=_pair_key,
            decode=_pair_from_text,
            expires=lambda key, ids: key[1],
        ),
        Kind("guest_locales", expires=lambda key, v: lifetimes.locale_retained_until(v[1])),
    )
}
if tuple(KINDS) != MAPPINGS:
    raise ImportError("sqlite_store.KINDS must describe every mapping of TenantState")
# TenantState's other fields (all but its id and the in-memory eviction heap) are kept
# together in one entry per tenant.
TENANT_ROW = "tenant"
NOT_STORED = frozenset({"app_id", "dues"})


def format_fingerprint() -> str:
    """What the stored pickles depend on: the fields of every stored class."""
    classes = (
        TenantState,
        trips.Trip,
        trips.Guest,
        trips.Place,
        trips.Driver,
        products.Product,
        products.HourlyTier,
        products.Fare,
        runs.Run,
        runs.RunDriver,
        sessions.Session,
    )
    shape = [[cls.__qualname__, [f.name for f in attrs.fields(cls)]] for cls in classes]
    shape.append(["RideType", [member.value for member in trips.RideType]])
    shape.append(["kinds", sorted(KINDS)])
    return hashlib.sha256(json.dumps(shape).encode()).hexdigest()[:16]


_GONE: Any = object()  # an entry that is not there (or was deleted)
_UNREAD: Any = object()  # an entry written without being read first


class Rows(MutableMapping[Any, Any]):
    """One mapping of a tenant's state, read from the file entry by entry, within one
    transaction; ``flush`` writes back the entries that changed."""

    __slots__ = ("_tx", "_app_id", "_kind", "_cache")

    def __init__(self, tx: Transaction, app_id: str, kind: Kind):
        self._tx = tx
        self._app_id = app_id
        self._kind = kind
        self._cache: dict[Any, list[Any]] = {}  # key -> [value or _GONE, stored bytes]

    def _entry(self, key: Any) -> list[Any]:
        entry = self._cache.get(key)
        if entry is None:
            stored = self._tx.read(self._kind.name, self._kind.encode(key), self._app_id)
            value = _GONE if stored is None else pickle.loads(stored)
            entry = self._cache[key] = [value, stored]
        return entry

    def __getitem__(self, key: Any) -> Any:
        value = self._entry(key)[0]
        if value is _GONE:
            raise KeyError(key)
        return value

    def get(self, key: Any, default: Any = None) -> Any:
        value = self._entry(key)[0]
        return default if value is _GONE else value

    def __contains__(self, key: object) -> bool:
        return self._entry(key)[0] is not _GONE

    def __setitem__(self, key: Any, value: Any) -> None:
        entry = self._cache.get(key)
        if entry is None:
            self._cache[key] = [value, _UNREAD]
        else:
            entry[0] = value

    def __delitem__(self, key: Any) -> None:
        entry = self._entry(key)
        if entry[0] is _GONE:
            raise KeyError(key)
        entry[0] = _GONE

    def __iter__(self) -> Iterator[Any]:
        stored = [self._kind.decode(text) for text in self._tx.keys(self._kind.name, self._app_id)]
        for key in dict.fromkeys([*stored, *self._cache]):
            if key in self:
                yield key

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def flush(self) -> None:
        kind = self._kind
        for key, (value, stored) in self._cache.items():
            text = kind.encode(key)
            if value is _GONE:
                if stored is not None:
                    self._tx.delete(kind.name, text, self._app_id)
                continue
            data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
            if data != stored:
                self._tx.write(
                    kind.name,
                    text,
                    self._app_id,
                    data,
                    kind.expires(key, value),
                    kind.ref(key, value),
                )


class Transaction:
    """One use case's transaction: the tenants it loaded, and their reads and writes."""

    def __init__(self, store: SQLiteStore):
        self.store = store
        self.conn = store.conn
        self.now_ms = -1  # entries that expire after this are still there
        self.tenants: dict[str, tuple[TenantState, list[Rows], bytes | None]] = {}

    def read(self, kind: str, key: str, app_id: str) -> bytes | None:
        row = self.conn.execute(
            "SELECT value FROM entries WHERE kind = ? AND key = ? AND app_id = ?"
            " AND (expires_at IS NULL OR expires_at > ?)",
            (kind, key, app_id, self.now_ms),
        ).fetchone()
        return None if row is None else bytes(row[0])

    def keys(self, kind: str, app_id: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT key FROM entries WHERE kind = ? AND app_id = ?"
            " AND (expires_at IS NULL OR expires_at > ?)",
            (kind, app_id, self.now_ms),
        )
        return [row[0] for row in rows]

    def write(
        self,
        kind: str,
        key: str,
        app_id: str,
        data: bytes,
        expires_at: int | None,
        ref: str | None,
    ) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO entries (kind, key, app_id, value, expires_at, ref)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (kind, key, app_id, data, expires_at, ref),
        )
        if expires_at is not None:
            self.store.note_due(app_id, expires_at)

    def delete(self, kind: str, key: str, app_id: str) -> None:
        self.conn.execute(
            "DELETE FROM entries WHERE kind = ? AND key = ? AND app_id = ?", (kind, key, app_id)
        )

    def tenant(self, app_id: str) -> TenantState:
        loaded = self.tenants.get(app_id)
        if loaded is not None:
            return loaded[0]
        mapped: dict[str, Any] = {name: Rows(self, app_id, kind) for name, kind in KINDS.items()}
        others = self.store.other_fields
        stored = None
        extra: dict[str, Any] = {}
        if others:
            stored = self.read(TENANT_ROW, "", app_id)
            if stored is not None:
                extra = pickle.loads(stored)
        state = TenantState(app_id, **mapped, **extra, dues=None)
        self.tenants[app_id] = (state, list(mapped.values()), stored)
        return state

    def flush(self) -> None:
        others = self.store.other_fields
        for app_id, (state, rows, stored) in self.tenants.items():
            for mapping in rows:
                mapping.flush()
            if others:
                data = pickle.dumps(
                    {name: getattr(state, name) for name in others}, pickle.HIGHEST_PROTOCOL
                )
                if data != stored:
                    self.write(TENANT_ROW, "", app_id, data, None, None)


class SQLiteStore:
    """A ``StateStore`` in an SQLite file, shared by every process that opens it."""

    kind = "sqlite"

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._lock = threading.RLock()
        self._tx: Transaction | None = None
        # When this process should next look for expired entries of each tenant.
        self._next_sweep: dict[str, int] = {}
        self.other_fields = tuple(
            f.name
            for f in attrs.fields(TenantState)
            if f.name not in KINDS and f.name not in NOT_STORED
        )
        try:
            self.conn = sqlite3.connect(
                self.path,
                isolation_level=None,
                check_same_thread=False,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
            self._open()
        except sqlite3.Error as error:
            raise StoreUnavailable(f"{self.path}: {error}") from error

    def _open(self) -> None:
        """WAL, the busy timeout, the tables, and a check that this version wrote the file."""
        with self._lock:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("BEGIN IMMEDIATE")
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self.conn.execute(statement)
            self._check_format()
            self.conn.execute("COMMIT")

    def _check_format(self) -> None:
        fingerprint = format_fingerprint()
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        if row is None:
            self.conn.execute("INSERT INTO meta VALUES ('format', ?)", (fingerprint,))
        elif row[0] != fingerprint:
            self.conn.execute("ROLLBACK")
            raise StoreFormatError(
                f"{self.path} was written by another version of the sandbox (stored classes"
                f" {row[0]}, this version {fingerprint}); start with another file or remove it"
            )

    # ------------------------------------------------------------ transactions

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """One transaction for a whole use case (re-entrant: inner uses join it).

        A client error (a documented refusal) still commits what the use case changed
        before it, as the in-memory store keeps it (a refused surge booking keeps the
        fresh fare it offers); any other exception rolls the use case back.
        """
        with self._lock:
            if self._tx is not None:
                yield
                return
            self.conn.execute("BEGIN IMMEDIATE")
            tx = self._tx = Transaction(self)
            try:
                yield
            except ClientError:
                self._end(tx, commit=True)
                raise
            except BaseException:
                self._end(tx, commit=False)
                raise
            else:
                self._end(tx, commit=True)

    def _end(self, tx: Transaction, commit: bool) -> None:
        self._tx = None
        if commit:
            try:
                tx.flush()
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")

    def _transaction(self) -> Transaction:
        if self._tx is None:
            raise RuntimeError("the SQLite store is read and written only under locked()")
        return self._tx

    # ------------------------------------------------------------------ tenants

    def tenant(self, app_id: str, now_ms: int | None = None) -> TenantState:
        tx = self._transaction()
        if now_ms is not None:
            tx.now_ms = max(tx.now_ms, now_ms)
            if now_ms >= self._next_sweep.get(app_id, -1):
                self._sweep(app_id, now_ms)
        return tx.tenant(app_id)

    def note_due(self, app_id: str, expires_at: int) -> None:
        due = self._next_sweep.get(app_id)
        if due is not None and expires_at < due:
            self._next_sweep[app_id] = expires_at

    def _sweep(self, app_id: str, now_ms: int) -> None:
        """Delete the tenant's expired entries, with the entries of its expired trips and
        runs (sessions, who holds them, a run's list of trips)."""
        conn = self.conn
        conn.execute(
            "DELETE FROM entries WHERE app_id = ? AND ref IN (SELECT key FROM entries"
            " WHERE app_id = ? AND expires_at <= ? AND kind IN ('trips', 'runs'))",
            (app_id, app_id, now_ms),
        )
        conn.execute("DELETE FROM entries WHERE app_id = ? AND expires_at <= ?", (app_id, now_ms))
        row = conn.execute(
            "SELECT MIN(expires_at) FROM entries WHERE app_id = ? AND expires_at IS NOT NULL",
            (app_id,),
        ).fetchone()
        next_due = now_ms + SWEEP_EVERY_MS
        if row[0] is not None:
            next_due = min(next_due, int(row[0]))
        self._next_sweep[app_id] = next_due

    def add_trip(self, trip: Trip) -> None:
        with self.locked():
            self.tenant(trip.app_id).add_trip(trip)

    def owner_of(self, request_id: str) -> str | None:
        with self._lock:
            row = self.conn.execute(
                "SELECT app_id FROM entries WHERE kind = 'trips' AND key = ?", (request_id,)
            ).fetchone()
        return None if row is None else str(row[0])

    def next_proxy_number(self) -> str:
        with self.locked():
            row = self.conn.execute(
                "INSERT INTO meta VALUES ('proxy_numbers', 1000)"
                " ON CONFLICT (key) DO UPDATE SET value = value + 1 RETURNING value"
            ).fetchone()
        return f"+1415555{int(row[0]) % 10000:04d}"

    # ------------------------------------------------------------------- tokens

    def save_token(self, token: IssuedToken, keep_per_app: int, now_ms: int) -> None:
        with self.locked():
            self.conn.execute(
                "INSERT INTO tokens (value, client_id, scopes, expires_at) VALUES (?, ?, ?, ?)",
                (token.value, token.client_id, " ".join(sorted(token.scopes)), token.expires_at_ms),
            )
            self.conn.execute(
                "DELETE FROM tokens WHERE client_id = ? AND (expires_at <= ? OR seq <= ("
                "SELECT seq FROM tokens WHERE client_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?))",
                (token.client_id, now_ms, token.client_id, keep_per_app),
            )

    def load_token(self, value: str) -> IssuedToken | None:
        with self._lock:
            row = self.conn.execute(
                "SELECT client_id, scopes, expires_at FROM tokens WHERE value = ?", (value,)
            ).fetchone()
        if row is None:
            return None
        return IssuedToken(value, row[0], frozenset(row[1].split()), int(row[2]))

    # -------------------------------------------------------------- the clock

    def load_clock_offset_ms(self, app_id: str) -> int:
        with self._lock:
            row = self.conn.execute(
                "SELECT value FROM meta WHERE key = ?", (CLOCK_OFFSET_KEY + app_id,)
            ).fetchone()
        return 0 if row is None else int(row[0])

    def update_clock_offset_ms(self, app_id: str, change: Callable[[int], int]) -> int:
        """Replace an application's clock offset by ``change(offset)`` in one transaction."""
        with self.locked():
            offset = change(self.load_clock_offset_ms(app_id))
            self.conn.execute(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                (CLOCK_OFFSET_KEY + app_id, int(offset)),
            )
        return offset

    # -------------------------------------------------------------- rate limits

    def count_request(
        self, app_id: str, operation_id: str, limit: int, window_ms: int, now_ms: int
    ) -> int | None:
        """The window of an (application, operation) is one row: the times of the requests
        it counts (at most ``limit``, packed 8 bytes each), read and written back in the
        transaction, so every worker process counts in the same window. One row, not a
        row per request: a request writes one page of the file, not two."""
        with self.locked():
            key = (app_id, operation_id)
            row = self.conn.execute(
                "SELECT hits FROM rate_windows WHERE app_id = ? AND operation_id = ?", key
            ).fetchone()
            hits = array.array("q")
            if row is not None:
                hits.frombytes(row[0])
            # Out of the window, or ahead of a clock that was reset: not counted.
            start = bisect.bisect_right(hits, now_ms - window_ms)
            end = bisect.bisect_right(hits, now_ms)
            if start or end < len(hits):
                hits = hits[start:end]
            if len(hits) >= limit:
                return retry_after_seconds(hits[0], window_ms, now_ms)
            hits.append(now_ms)
            self.conn.execute(
                "INSERT OR REPLACE INTO rate_windows VALUES (?, ?, ?)", (*key, hits.tobytes())
            )
        return None

    # ---------------------------------------------------------- webhook URLs

    def load_webhook_url(self, app_id: str) -> str | None:
        with self._lock:
            row = self.conn.execute(
                "SELECT url FROM webhook_urls WHERE app_id = ?", (app_id,)
            ).fetchone()
        return None if row is None else str(row[0])

    def save_webhook_url(self, app_id: str, url: str | None) -> None:
        with self.locked():
            if url is None:
                self.conn.execute("DELETE FROM webhook_urls WHERE app_id = ?", (app_id,))
            else:
                self.conn.execute(
                    "INSERT OR REPLACE INTO webhook_urls VALUES (?, ?)", (app_id, url)
                )

    def webhook_urls(self) -> dict[str, str]:
        with self._lock:
            rows = self.conn.execute("SELECT app_id, url FROM webhook_urls").fetchall()
        return {str(app_id): str(url) for app_id, url in rows}

    def record_delivery(
        self, app_id: str, event_id: str, request_id: str, version: int, view: dict[str, Any]
    ) -> None:
        """Upsert the record; an application keeps its last ``DELIVERIES_PER_APP``."""
        data = json.dumps(view, separators=(",", ":")).encode()
        with self.locked():
            inserted = self.conn.execute(
                "INSERT INTO webhook_deliveries (app_id, event_id, request_id, version, view)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO UPDATE"
                " SET version = excluded.version, view = excluded.view"
                " WHERE excluded.version >= webhook_deliveries.version RETURNING seq",
                (app_id, event_id, request_id, version, data),
            ).fetchall()
            if (
                inserted and version <= 1
            ):  # new (no attempt yet): forget the oldest beyond the bound
                self.conn.execute(
                    "DELETE FROM webhook_deliveries WHERE app_id = ? AND seq <= (SELECT seq"
                    " FROM webhook_deliveries WHERE app_id = ? ORDER BY seq DESC LIMIT 1"
                    " OFFSET ?)",
                    (app_id, app_id, DELIVERIES_PER_APP),
                )

    def load_deliveries(
        self, app_id: str, request_id: str | None, limit: int
    ) -> list[dict[str, Any]] | None:
        if not limit:
            return []
        query = "SELECT view FROM webhook_deliveries WHERE app_id = ?"
        values: tuple[Any, ...] = (app_id,)
        if request_id is not None:
            query += " AND request_id = ?"
            values += (request_id,)
        with self._lock:
            rows = self.conn.execute(query + " ORDER BY seq DESC LIMIT ?", (*values, limit))
            found = [json.loads(row[0]) for row in rows]
        return found[::-1]

    def claim_webhook_sender(self, owner: str, now_ms: int, lease_ms: int) -> bool:
        with self.locked():
            row = self.conn.execute(
                "SELECT value FROM meta WHERE key = ?", (WEBHOOK_SENDER_KEY,)
            ).fetchone()
            if row is not None:
                holder, _, until = str(row[0]).partition(" ")
                if holder != owner and int(until) > now_ms:
                    return False
            self.conn.execute(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                (WEBHOOK_SENDER_KEY, f"{owner} {now_ms + lease_ms}"),
            )
        return True

    def release_webhook_sender(self, owner: str) -> None:
        with self.locked():
            self.conn.execute(
                "DELETE FROM meta WHERE key = ? AND value LIKE ?",
                (WEBHOOK_SENDER_KEY, owner + " %"),
            )

    # ------------------------------------------------------------------ the rest

    def counts(self) -> dict[str, int]:
        """How many entries of each kind the file holds (expired ones not yet swept too)."""
        with self._lock:
            rows = self.conn.execute("SELECT kind, COUNT(*) FROM entries GROUP BY kind")
            counts = dict.fromkeys(MAPPINGS, 0)
            counts.update({str(kind): int(n) for kind, n in rows if kind in counts})
            counts["tokens"] = int(self.conn.execute("SELECT COUNT(*) FROM tokens").fetchone()[0])
        return counts

    def check(self) -> None:
        try:
            with self._lock:
                self.conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except sqlite3.Error as error:
            raise StoreUnavailable(str(error)) from error

    def close(self) -> None:
        with self._lock:
            self.conn.close()
