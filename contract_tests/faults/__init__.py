"""A small HTTP proxy that puts one named contract fault in front of any server.

    python -m contract_tests.faults --upstream http://127.0.0.1:8000 --fault wrong-type --port 9000

Everything is forwarded unchanged except what the chosen fault breaks, so a suite run
through the proxy must fail, and must fail on that fault. `tests/test_contract_faults.py`
runs the suite through it once per fault.
"""

from contract_tests.faults.catalogue import FAULTS, Fault
from contract_tests.faults.proxy import FaultProxy

__all__ = ["FAULTS", "Fault", "FaultProxy"]
