"""A refused event leaves the ledger whole (issue 12), from Python.

The refused event's rollback used to leave the complaint's last event linked to the removed
slot: with the refused event opening a new chunk of 4,096 events, the next complaint's receipt
took that slot and the first complaint's log ran into it (in C, a use after free). Here: fillers
of one event each (their receipt), X's log ending at event 4,096, then an ``unsatisfied`` event
whose deadline in year 4052 lies past every calendar's years (1900-2199).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import plaint

CST = timezone(timedelta(hours=8))
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=CST)
M = timedelta(minutes=1)


def walk(ledger: plaint.Ledger, key: str) -> datetime:
    at = T0
    for kind in ("record", "classify", "assign", "start", "resolve"):
        at += 30 * M
        ledger.add_event(key, kind, at, "duty_staff",
                         nature="valid" if kind == "classify" else None)
    at += 60 * M
    ledger.add_event(key, "visit", at, "cs_manager", method="phone")
    return at


def test_a_refused_event_at_a_chunk_edge_leaves_the_log_as_it_was(tmp_path) -> None:
    with plaint.Ledger() as scratch:
        scratch.add({"id": "X", "received": T0.isoformat()})
        walk(scratch, "X")
        x_events = scratch.event_count
    with plaint.Ledger() as ledger:
        for k in range(4096 - x_events):
            ledger.add({"id": f"F-{k}", "received": T0.isoformat()})
        ledger.add({"id": "X", "received": T0.isoformat()})
        at = walk(ledger, "X")
        assert ledger.event_count == 4096
        far = datetime(4052, 1, 1, tzinfo=timezone.utc)
        with pytest.raises(plaint.OutOfRangeError):
            ledger.add_event("X", "unsatisfied", at + M, "cs_manager", deadline=far)
        assert ledger.event_count == 4096
        ledger.add({"id": "Y", "received": (T0 + 240 * M).isoformat()})
        assert len(ledger.complaint("X")["complaint"]["events"]) == x_events
        assert len(ledger.complaint("Y")["complaint"]["events"]) == 1
        path = tmp_path / "edge.plaintsn"
        ledger.save(path)
        with plaint.Ledger.load(path) as back:
            assert len(back.complaint("X")["complaint"]["events"]) == x_events
