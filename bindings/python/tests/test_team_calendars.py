"""Team calendars on the sample month (README.md, "Teams and their calendars"): a case's SLA
clocks count in the calendar of the team that owns it. The default profile's greening team works
`office` hours, the other teams have no calendar, so the report's `first_feedback` and
`resolution` rows (targets of the `complaint` policy, naming no calendar of their own) mix office
time for greening's cases with wall time for the rest.

A second derivation, written here from the event logs alone: the rules' policy and dispatched team
are read from the ledger (plaint.Ledger.view), the clocks are worked out with an office calendar
built from the profile's own lists (09:00-18:00 at UTC+8 — Asia/Shanghai keeps no daylight saving
— Monday to Friday, less its closed dates, plus its extra working dates), and the counts of met,
breached and pending clocks and the mean elapsed business time of the stopped ones must equal the
report's.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Dict, List, Optional, Set, Tuple

import plaint
from support import SOURCE_ROOT

DATA = SOURCE_ROOT / "examples" / "data"
TZ = dt.timezone(dt.timedelta(hours=8))
OFFICE = json.loads((DATA / "default-profile.json").read_text(encoding="utf-8"))["calendars"][
    "office"
]
CLOSED: Set[str] = set(OFFICE["closed"])
EXTRA: Set[str] = set(OFFICE["dates"])
assert all(h == [["09:00", "18:00"]] for h in OFFICE["dates"].values())
assert all(OFFICE["week"][d] == [["09:00", "18:00"]] for d in ("mon", "tue", "wed", "thu", "fri"))

# The default events of the two targets (README.md, "SLA policies and clocks").
TARGETS = {
    "first_feedback": (
        24 * 3600,
        {"receive", "reopen"},
        {"start", "resolve", "explain", "answer", "acknowledge"},
        set(),
        set(),
    ),
    "resolution": (
        72 * 3600,
        {"receive", "reopen"},
        {"resolve", "explain", "answer", "acknowledge"},
        {"wait"},
        {"resume"},
    ),
}


def instant(text: str) -> int:
    return int(dt.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def open_hours(day: dt.date) -> Optional[Tuple[int, int]]:
    key = day.isoformat()
    if key in EXTRA or (day.weekday() < 5 and key not in CLOSED):
        start = int(dt.datetime(day.year, day.month, day.day, 9, tzinfo=TZ).timestamp())
        return start, start + 9 * 3600
    return None


def local_day(t: int) -> dt.date:
    return dt.datetime.fromtimestamp(t, TZ).date()


def between(a: int, b: int, office: bool) -> int:
    if not office:
        return b - a
    total, day = 0, local_day(a)
    while int(dt.datetime(day.year, day.month, day.day, tzinfo=TZ).timestamp()) < b:
        hours = open_hours(day)
        if hours:
            total += max(0, min(b, hours[1]) - max(a, hours[0]))
        day += dt.timedelta(days=1)
    return total


def add(t: int, amount: int, office: bool) -> int:
    if not office:
        return t + amount
    day = local_day(t)
    while True:
        hours = open_hours(day)
        if hours and hours[1] > t:
            start = max(t, hours[0])
            if start + amount <= hours[1]:
                return start + amount
            amount -= hours[1] - start
        day += dt.timedelta(days=1)


def clocks(
    events: List[Tuple[str, int, str]], target: str, as_of: int, team: str
) -> List[Tuple[str, Optional[int]]]:
    """(state, elapsed if stopped) of each started clock of `target`; the owner starts as `team`
    and changes at each event naming one, the rest of a running clock then counting in the new
    owner's calendar."""
    duration, start, stop, pause, resume = TARGETS[target]
    out: List[Tuple[str, Optional[int]]] = []
    office = team == "greening"
    active = running = False
    acc = since = 0
    due: Optional[int] = None

    def close(at: int) -> None:
        nonlocal acc, running, due
        length = between(since, at, office)
        if due is None and acc + length >= duration:
            due = add(since, duration - acc, office)
        acc += length
        running = False

    def finish(stopped: Optional[int]) -> None:
        when = due
        if when is None:
            when = add(stopped if stopped is not None else as_of, duration - acc, office)
            if running:
                when = add(since, duration - acc, office)
        if stopped is not None:
            out.append(("met" if stopped <= when else "breached", acc))
        else:
            out.append(("breached" if as_of > when else "pending", None))

    for kind, at, named in events:
        if at > as_of:
            break
        if kind == "reopen" and active:
            if running:
                close(at)
            finish(at)
            active = False
        if active and kind in stop:
            if running:
                close(at)
            finish(at)
            active = False
        elif active:
            if running and kind in pause:
                close(at)
            elif not running and kind in resume:
                running, since = True, at
        elif kind in start:
            active = running = True
            since, acc, due = at, 0, None
        if named and (named == "greening") != office:
            if active and running:
                close(at)
                running, since = True, at
            office = named == "greening"
    if active:
        finish(None)
    return out


def test_the_sample_months_clocks_count_in_greenings_office_hours() -> None:
    with plaint.Ledger() as ledger:
        for month in ("2026-09", "2026-10"):
            ledger.import_json_lines(DATA / "sample" / f"complaints-{month}.jsonl")
        report = ledger.report("2026-10")
        start, end = instant(report["from"]), instant(report["to"])
        as_of = instant(report["as_of"]) if "as_of" in report else end
        tally: Dict[str, Counter] = {t: Counter() for t in TARGETS}
        wall: Dict[str, Counter] = {t: Counter() for t in TARGETS}
        elapsed: Dict[str, List[int]] = {t: [] for t in TARGETS}
        wall_elapsed: Dict[str, List[int]] = {t: [] for t in TARGETS}
        greening = 0
        for i in range(len(ledger)):
            view = ledger.view(i)
            if not start <= view.received < end or view.sla_policy != "complaint":
                continue
            log = ledger.complaint(i)["complaint"]
            events = [("receive", instant(log["received"]), "")] + [
                (e["type"], instant(e["at"]), e.get("team") or "")
                for e in log["events"]
                if e["type"] != "receive"
            ]
            team = view.rule_team or ""
            greening += team == "greening" or any(e[2] == "greening" for e in events)
            for target in TARGETS:
                for state, spent in clocks(events, target, as_of, team):
                    tally[target][state] += 1
                    if spent is not None:
                        elapsed[target].append(spent)
                for state, spent in clocks(events, target, as_of, ""):
                    wall[target][state] += 1
                    if spent is not None:
                        wall_elapsed[target].append(spent)
    assert greening > 0
    rows = {r["target"]: r for r in report["sla"]["targets"]}
    for target in TARGETS:
        row = rows[target]
        got = (row["clocks"], row["met"], row["breached"], row["pending"])
        want = tally[target]
        assert got == (sum(want.values()), want["met"], want["breached"], want["pending"]), target
        mean = sum(elapsed[target]) / len(elapsed[target])
        assert abs(row["mean_elapsed_s"] - mean) < 1e-6, target
        # Round the clock for every case would give other figures: greening's office hours count.
        wall_mean = sum(wall_elapsed[target]) / len(wall_elapsed[target])
        assert abs(row["mean_elapsed_s"] - wall_mean) > 1.0, target
