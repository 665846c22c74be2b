"""Run the local sandbox: ``python -m mock_server --port 8000``."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import sys
import threading
import time
from typing import Any

import uvicorn
from starlette.types import ASGIApp

from .app import Sandbox, create_app
from .auth import DEV_APPLICATIONS, load_applications
from .domain.state import StoreUnavailable
from .store import STORE_KINDS, open_store
from .webhook_delivery import RetryPolicy, WebhookDelivery

# How the parent process hands its options to worker processes (``--workers N``).
WORKER_OPTIONS = "MOCK_SERVER_WORKER_OPTIONS"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mock_server", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument(
        "--spec", default=os.environ.get("GUEST_RIDES_SPEC"), help="the OpenAPI document"
    )
    parser.add_argument(
        "--strict", action="store_true", help="check every response against the document"
    )
    parser.add_argument(
        "--auto-drive",
        action="store_true",
        help="trips advance by themselves on the clock (a run header is then optional)",
    )
    parser.add_argument(
        "--no-run-required",
        dest="run_required",
        action="store_false",
        help="accept trips without x-uber-sandbox-runuuid (they find no driver unless"
        " --auto-drive); by default, as on Uber's sandbox, create needs a live run near the pickup",
    )
    parser.add_argument(
        "--rate-limits",
        action="store_true",
        help="enforce Uber's rate limits (200 requests/hour per endpoint per application, 100"
        " token requests/hour): 429 with Retry-After, on the sandbox clock",
    )
    parser.add_argument("--apps", help="a JSON file of applications to add to the development ones")
    parser.add_argument(
        "--static-token", help="a fixed bearer token for the first-party development application"
    )
    parser.add_argument(
        "--webhook-url",
        action="append",
        default=[],
        metavar="[CLIENT_ID=]URL",
        help="send an application's webhook events to URL (default application:"
        " sandbox-client-id); repeatable",
    )
    parser.add_argument(
        "--webhook-backoff",
        type=float,
        default=RetryPolicy().backoff_seconds,
        help="seconds before the first retry, doubling each time (Uber: 30)",
    )
    parser.add_argument(
        "--webhook-timeout",
        type=float,
        default=RetryPolicy().timeout_seconds,
        help="seconds a webhook endpoint has to answer",
    )
    parser.add_argument(
        "--webhook-allow-remote",
        action="store_true",
        help="allow --webhook-url URLs off this machine (PUT /__sandbox/webhook never does)",
    )
    parser.add_argument(
        "--store",
        default=os.environ.get("SANDBOX_STORE", "memory"),
        help=f"where state lives: {STORE_KINDS} (kept across restarts and shared by workers)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes serving one sandbox (needs --store sqlite:PATH)",
    )
    parser.add_argument("--log-level", default="warning")
    parser.add_argument(
        "--exit-with-parent",
        action="store_true",
        help="exit when the process that started the sandbox has gone (for test harnesses: "
        "a harness killed before it could stop its sandbox leaves none behind)",
    )
    args = parser.parse_args(argv)
    if args.exit_with_parent:
        exit_with_parent()
    if args.workers < 1:
        parser.error("--workers: at least 1")
    if args.workers > 1 and args.store == "memory":
        parser.error("--workers: worker processes share state only through --store sqlite:PATH")
    url = f"http://{args.host if ':' not in args.host else f'[{args.host}]'}:{args.port}"
    options = {
        "spec": args.spec,
        "strict": args.strict,
        "auto_drive": args.auto_drive,
        "apps": args.apps,
        "static_token": args.static_token,
        "rate_limits": args.rate_limits,
        "run_required": args.run_required,
        "store": args.store,
        "base_url": url,
        "webhook_urls": dict(webhook_target(value) for value in args.webhook_url),
        "webhook_allow_remote": args.webhook_allow_remote,
        "webhook_backoff": args.webhook_backoff,
        "webhook_timeout": args.webhook_timeout,
        "exit_with_parent": args.exit_with_parent,
    }
    try:
        sandbox = build_sandbox(options)  # fails here, once, if anything is wrong
    except (OSError, ValueError, RuntimeError, StoreUnavailable) as error:
        parser.error(str(error))
    print(
        f"Local Guest Rides sandbox on {url}"
        f" (strict={'on' if args.strict else 'off'}, auto-drive={'on' if args.auto_drive else 'off'},"
        f" rate-limits={'on' if args.rate_limits else 'off'},"
        f" run-required={'on' if args.run_required and not args.auto_drive else 'off'},"
        f" store={args.store}, workers={args.workers})\n"
        "Get a token with the development credentials:\n"
        f"  curl -s -X POST {url}/oauth/v2/token \\\n"
        "    -d client_id=sandbox-client-id -d client_secret=sandbox-client-secret \\\n"
        "    -d grant_type=client_credentials -d scope=guests.trips\n"
        "then send it as 'Authorization: Bearer <access_token>'. Third-party application:\n"
        "  sandbox-3p-client-id / sandbox-3p-client-secret, with\n"
        "  x-uber-organizationuuid: 7d3f1c2a-9b8e-4f6d-a5c4-2e1b0d9f8a7c\n"
        "Webhooks: `make listen` receives and checks them; or set an application's URL with\n"
        f'  PUT {url}/__sandbox/webhook {{"url": "http://127.0.0.1:4242/"}}',
        flush=True,
    )
    for client_id, target in sorted(options["webhook_urls"].items()):
        print(f"  {client_id} sends its webhook events to {target}", flush=True)
    logging.basicConfig(level=args.log_level.upper())
    # Each webhook delivery attempt is logged, whatever the level of the rest.
    logging.getLogger("mock_server.webhooks").setLevel(logging.INFO)
    if args.workers == 1:
        serve(sandbox, args.host, args.port, args.log_level)
        return 0
    sandbox.release_webhooks()  # a worker process delivers them, not this one
    sandbox.store.close()
    os.environ[WORKER_OPTIONS] = json.dumps(options)
    uvicorn.run(
        "mock_server.__main__:worker_app",
        factory=True,
        workers=args.workers,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        access_log=False,
        proxy_headers=False,
    )
    return 0


# How often `--exit-with-parent` looks whether the parent is still there.
PARENT_CHECK_SECONDS = 0.5


def exit_with_parent() -> None:
    """End this process, at once, once the process that started it has exited: an orphan is
    handed to another parent (init, or a subreaper), so its parent id changes. Polled from a
    daemon thread, which works wherever the parent id does (no Linux-only signal)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        # Nothing to hand over: the memory store dies with the process, and SQLite keeps
        # what it committed whatever the way a process ends.
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def build_sandbox(options: dict[str, Any]) -> Sandbox:
    """The sandbox the command-line options describe."""
    applications = list(DEV_APPLICATIONS)
    if options.get("apps"):
        applications += load_applications(options["apps"])
    return create_app(
        options.get("spec"),
        strict=bool(options.get("strict")),
        auto_drive=bool(options.get("auto_drive")),
        applications=applications,
        static_token=options.get("static_token"),
        rate_limits=bool(options.get("rate_limits")),
        run_required=bool(options.get("run_required", True)),
        store=open_store(options.get("store") or "memory"),
        base_url=str(options.get("base_url") or "http://127.0.0.1:8000"),
        webhook_urls=dict(options.get("webhook_urls") or {}),
        webhook_allow_remote=bool(options.get("webhook_allow_remote")),
        webhooks=WebhookDelivery(
            policy=RetryPolicy(
                backoff_seconds=float(
                    options.get("webhook_backoff", RetryPolicy().backoff_seconds)
                ),
                timeout_seconds=float(
                    options.get("webhook_timeout", RetryPolicy().timeout_seconds)
                ),
            )
        ),
    )


def webhook_target(value: str) -> tuple[str, str]:
    """``CLIENT_ID=URL`` or a bare URL (the first-party development application's)."""
    if not value.lower().startswith(("http://", "https://")) and "=" in value:
        client_id, _, url = value.partition("=")
        return client_id, url
    return DEV_APPLICATIONS[0].client_id, value


def worker_app() -> ASGIApp:
    """One worker process's sandbox (``--workers N``): the parent's options, the shared store."""
    options = json.loads(os.environ[WORKER_OPTIONS])
    if options.get("exit_with_parent"):
        exit_with_parent()  # the supervisor's: it exits with its own parent, then so do these
    sandbox = build_sandbox(options)
    freeze_long_lived_objects()
    return sandbox


def serve(app: ASGIApp, host: str, port: int, log_level: str) -> None:
    """Run an ASGI app with the sandbox's server settings (the benchmark's ceiling uses them too).

    uvicorn picks httptools and uvloop when they are installed (they are pinned in the
    project); no access log, and no proxy headers (the sandbox serves loopback clients).
    """
    freeze_long_lived_objects()
    uvicorn.run(
        app, host=host, port=port, log_level=log_level, access_log=False, proxy_headers=False
    )


def freeze_long_lived_objects() -> None:
    """Keep garbage collections short while the store grows.

    Stored trips live as long as the server, yet each full collection would scan every one
    of them again (with 100,000 trips one takes over 100 ms, a latency spike for every
    request in flight). So what start-up built (the document, its validators) and, after
    each collection of the older generations, everything that survived it are moved out of
    the collector's sight with ``gc.freeze``: later collections scan only what is new.
    Reference counting still frees frozen objects; only reference cycles that are alive at
    a freeze and die later stay, and the request path makes none that outlive a request.
    """
    gc.freeze()

    def freeze_survivors(phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and info.get("generation", 0) >= 1:
            gc.freeze()

    gc.callbacks.append(freeze_survivors)


if __name__ == "__main__":
    sys.exit(main())
