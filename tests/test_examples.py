"""The examples in examples/ run against the local sandbox, as their docstrings say."""

from __future__ import annotations

import subprocess
import sys

from contract_tests.sandbox import local_sandbox
from scripts.spec_tools import REPO_ROOT


def test_book_a_ride_books_accepts_a_surge_fare_and_completes_the_trip() -> None:
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
    assert "409 surge: Fare is higher than normal" in lines
    assert "sending the request again with fare_id" in lines
    assert "the guest reaches the driver at +" in lines
    assert "dispatch refused as documented (404)" in lines
    assert "is completed, fare $" in lines
