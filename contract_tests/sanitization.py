"""Reports must not carry credentials: scan them for the secrets this run used."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def run_secrets() -> list[str]:
    """Secrets this process knows: configured ones and the tokens it fetched."""
    import os

    values = [
        os.environ.get(n, "") for n in ("UBER_TOKEN", "UBER_USER_TOKEN", "UBER_CLIENT_SECRET")
    ]
    from contract_tests.run import current

    values += current().secrets()
    # Short values (a development secret like "x") would match anywhere; they are not secrets.
    return sorted({v for v in values if len(v) >= 8})


def leaks(paths: Iterable[Path], secrets: Iterable[str]) -> list[str]:
    """`file: what` for every secret found in a report file."""
    secrets = list(secrets)
    found = []
    for path in paths:
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for secret in secrets:
            if secret in text:
                found.append(f"{path.name}: a credential ({secret[:3]}...) is written in clear")
    return found
