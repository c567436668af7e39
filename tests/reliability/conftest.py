"""Reliability tests' fixtures; the fuzz counters' summary at the end of the run."""
from __future__ import annotations

import pytest

from .helpers import FUZZ_COUNTS


def pytest_terminal_summary(terminalreporter):
    if FUZZ_COUNTS:
        terminalreporter.write_sep("-", "fuzz targets: generated inputs")
        for target, n in sorted(FUZZ_COUNTS.items()):
            terminalreporter.write_line(f"{target}: {n}")


@pytest.fixture
def events_of():
    """events_of(url) -> {event_id: record} of everything stored."""
    from newsevents.store import Store

    def _events(url: str) -> dict[str, dict]:
        with Store(url) as s:
            recs = list(s.iter_events())
        out = {r["event_id"]: r for r in recs}
        assert len(out) == len(recs), "an event_id is stored twice"
        return out

    return _events
