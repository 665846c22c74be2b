"""Run the local sandbox: ``python -m mock_server --port 8000``."""

from __future__ import annotations

import argparse
import logging
import os
import sys

import uvicorn

from .app import create_app
from .auth import DEV_APPLICATIONS, load_applications


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
        "--auto-drive", action="store_true", help="trips advance by themselves on the clock"
    )
    parser.add_argument("--apps", help="a JSON file of applications to add to the development ones")
    parser.add_argument(
        "--static-token", help="a fixed bearer token for the first-party development application"
    )
    parser.add_argument("--log-level", default="warning")
    args = parser.parse_args(argv)

    applications = list(DEV_APPLICATIONS)
    if args.apps:
        applications += load_applications(args.apps)
    sandbox = create_app(
        args.spec,
        strict=args.strict,
        auto_drive=args.auto_drive,
        applications=applications,
        static_token=args.static_token,
    )
    url = f"http://{args.host}:{args.port}"
    print(
        f"Local Guest Rides sandbox on {url}"
        f" (strict={'on' if args.strict else 'off'}, auto-drive={'on' if args.auto_drive else 'off'})\n"
        "Get a token with the development credentials:\n"
        f"  curl -s -X POST {url}/oauth/v2/token \\\n"
        "    -d client_id=sandbox-client-id -d client_secret=sandbox-client-secret \\\n"
        "    -d grant_type=client_credentials -d scope=guests.trips\n"
        "then send it as 'Authorization: Bearer <access_token>'. Third-party application:\n"
        "  sandbox-3p-client-id / sandbox-3p-client-secret, with\n"
        "  x-uber-organizationuuid: 7d3f1c2a-9b8e-4f6d-a5c4-2e1b0d9f8a7c",
        flush=True,
    )
    logging.basicConfig(level=args.log_level.upper())
    uvicorn.run(sandbox, host=args.host, port=args.port, log_level=args.log_level, access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
