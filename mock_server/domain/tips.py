"""Tips: production only. Uber's sandbox does not support them, and neither does this one."""

from __future__ import annotations

from .errors import Forbidden

TIPS_NOT_SUPPORTED = "Tips are not supported in the sandbox."


def refuse_tip() -> None:
    """Every tip is refused, after the checks every request gets (token, scope, body)."""
    raise Forbidden(TIPS_NOT_SUPPORTED)
