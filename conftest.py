"""How the tests are spread over pytest-xdist workers (`make test` runs `pytest -n 2`).

Each test file is one unit of work, so a module's fixtures (a sandbox it starts, the fault
proof's inner runs) are set up once, in one worker. The contract suite (contract_tests/) is
one unit: its modules share the sandbox the suite starts and run in an order (flows,
stateful, operations, webhooks). Units are handed out in collection order, and the two
largest are collected first (the contract suite, then the fault proof), so that the small
files fill the other worker meanwhile instead of one worker running the longest unit alone
at the end. Without `-n` nothing here changes the run.
"""

from __future__ import annotations

from typing import Any

import pytest

CONTRACT_SUITE = "contract_tests"
# Units that start long-running work of their own, handed out first, in this order.
FIRST = (CONTRACT_SUITE, "tests/test_contract_faults.py")


def unit_of(nodeid: str) -> str:
    """The unit of work a test belongs to: its file, or the whole contract suite."""
    path = nodeid.split("::", 1)[0]
    return CONTRACT_SUITE if path.startswith(CONTRACT_SUITE + "/") else path


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """A scope scheduler whose scopes are `unit_of` (pytest-xdist's `loadgroup` relies on
    renaming node ids, which pytest 9 no longer allows: its groups end up split)."""
    from xdist.scheduler import LoadScopeScheduling

    class ByUnit(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return unit_of(nodeid)

    config.option.loadscopereorder = False  # collection order, as sorted below
    return ByUnit(config, log)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not hasattr(config, "workerinput"):
        return  # not an xdist worker: leave the order alone

    # A stable sort: the order inside each unit (the contract suite's own) is kept.
    def rank(item: pytest.Item) -> int:
        unit = unit_of(item.nodeid)
        return FIRST.index(unit) if unit in FIRST else len(FIRST)

    items.sort(key=rank)
