"""What every source test shares: no endpoint state (limits learnt, connections) leaks between tests.

Sources of one address and pool share a limiter and connections in the process
(:func:`acurefs.sources.limits.shared_endpoint`). A loopback server's port can come back
in a later test, with other limits: each test here starts and ends with no shared endpoint.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from acurefs.sources.limits import close_endpoints


@pytest.fixture(autouse=True)
def no_shared_endpoints() -> Iterator[None]:
    close_endpoints()
    yield
    close_endpoints()
