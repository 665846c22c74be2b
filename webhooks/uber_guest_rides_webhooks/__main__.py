"""``python -m uber_guest_rides_webhooks listen [options]``: see `uber_guest_rides_webhooks.listen`."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] != "listen":
        print("usage: python -m uber_guest_rides_webhooks listen [--help]", file=sys.stderr)
        return 2
    from .listen import main as listen

    return listen(args[1:])


if __name__ == "__main__":
    sys.exit(main())
