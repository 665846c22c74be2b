"""The examples in examples/ run against the local sandbox, as their docstrings say."""

from __future__ import annotations

import re
import subprocess
import sys

from contract_tests.sandbox import local_sandbox
from scripts.spec_tools import REPO_ROOT


def test_book_a_ride_estimates_books_the_fare_drives_reads_the_receipt_and_cancels() -> None:
    with local_sandbox(strict=True) as sandbox:
        result = subprocess.run(
            [
                sys.executable,
                str(REPO_ROOT / "examples" / "book_a_ride.py"),
                "--base-url",
                sandbox.base_url,
                "--surge",
                "1.4",
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    lines = result.stdout
    quoted = re.search(r"estimate for UberX: (\$[0-9.]+) \(surge x1\.4\)", lines)
    assert quoted, lines
    assert "with its upfront fare: processing" in lines
    # The estimate's fare accepts the surge price at once: no line reports a 409 (a line
    # starts with it; ids are random and may contain those digits anywhere).
    assert not re.search(r"^409 ", lines, re.MULTILINE), lines
    assert "the guest reaches the driver at +" in lines
    assert "texted the driver" in lines
    assert f"is completed, fare {quoted.group(1)}" in lines
    assert "receipt not ready yet" in lines
    assert f"receipt: total {quoted.group(1)}, owed $0.00" in lines
    assert re.search(r"second trip \S+ is rider_canceled \(coordinator_canceled\)", lines), lines
