"""A source's run statistics, counted from many worker threads at once."""

from __future__ import annotations

import sys
import threading

from acurefs.sources.crossref.adapter import Stats
from acurefs.sources.pubmed.adapter import PubMedStats


def test_counts_from_many_threads_add_up() -> None:
    """The counts are taken under a lock (today's GIL happens to keep a bare ``+=`` whole in
    this loop; a free-threaded interpreter would not)."""
    stats = Stats(requests={"single": 0, "list": 0})
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:

        def work() -> None:
            for _ in range(5_000):
                stats.count("retries")
                stats.sent("single")

        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(switch)
    assert stats.retries == 40_000
    assert stats.requests["single"] == 40_000
    assert stats.total_requests == 40_000


def test_pubmed_stats_start_at_zero_for_every_utility() -> None:
    stats = PubMedStats()
    assert stats.total_requests == 0
    stats.count("cache_hits", 3)
    assert stats.cache_hits == 3
