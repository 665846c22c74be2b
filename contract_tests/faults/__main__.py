"""python -m contract_tests.faults --upstream URL --fault NAME [--host H] [--port P]"""

from __future__ import annotations

import argparse
import sys

import uvicorn

from contract_tests.faults.catalogue import FAULTS, Fault
from contract_tests.faults.proxy import FaultProxy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m contract_tests.faults", description=__doc__)
    parser.add_argument("--upstream", help="the server to put the fault in front of")
    parser.add_argument(
        "--fault", choices=sorted(FAULTS), help="omitted: forward everything unchanged"
    )
    parser.add_argument("--list", action="store_true", help="list the faults and exit")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9000)
    args = parser.parse_args(argv)
    if args.list:
        for listed in FAULTS.values():
            print(f"{listed.name:30} {listed.breaks}")
        return 0
    if not args.upstream:
        parser.error("--upstream is required")
    fault: Fault | None = FAULTS[args.fault] if args.fault else None
    print(
        f"Proxy {args.host}:{args.port} -> {args.upstream} (fault: {args.fault or 'none'})",
        flush=True,
    )
    uvicorn.run(
        FaultProxy(args.upstream, fault), host=args.host, port=args.port, log_level="warning"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
