"""Every operation the target serves: examples, coverage and fuzzing phases, positive and
negative data, every built-in check and the suite's own (contract_tests/checks.py)."""

from __future__ import annotations

import pytest

from contract_tests import suite

schema = suite.only_selected(suite.load())


# One operation's phases can take a while on a loaded machine; the project default is 120 s.
@pytest.mark.timeout(900)
@schema.parametrize()
def test_operation_conforms_to_document(case):
    case.call_and_validate()
