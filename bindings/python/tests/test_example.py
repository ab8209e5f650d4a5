"""The examples examples/lifecycle.py, examples/deadline.py, examples/sla_clocks.py,
examples/satisfaction.py and examples/ledger_queries.py run and print what they should."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import Counter
from pathlib import Path
from typing import List, Tuple

from support import (
    DEADLINE_EXAMPLE,
    EXAMPLE,
    LEDGER_EXAMPLE,
    SATISFACTION_EXAMPLE,
    SLA_EXAMPLE,
    SOURCE_ROOT,
    run_example,
)

# Worked by hand from the example's calls and the README's state table: each event at its wall
# time at +08:00, with the states before and after it, the actor and the note.
EXPECTED = [
    "complaint 2026-03-0042: closed",
    "2026-03-02T09:15:00+08:00  receive  received -> received  duty_staff  ",
    "2026-03-02T09:20:00+08:00  record  received -> recorded  duty_staff"
    "  recorded on the complaint form",
    "2026-03-02T09:30:00+08:00  classify  recorded -> classified  duty_staff  within our scope",
    "2026-03-02T09:35:00+08:00  assign  classified -> assigned  duty_staff"
    "  to the customer-service assistant",
    "2026-03-02T10:00:00+08:00  start  assigned -> in_progress  cs_assistant  plumber on site",
    "2026-03-02T14:00:00+08:00  resolve  in_progress -> resolved  cs_assistant"
    "  pipe joint replaced",
    "2026-03-03T10:00:00+08:00  visit  resolved -> return_visit  cs_assistant  return call",
    "2026-03-03T10:05:00+08:00  satisfied  return_visit -> closed  cs_assistant"
    "  resident satisfied",
]


def test_the_lifecycle_example(library_file: Path, package_dir: Path) -> None:
    lines = run_example(EXAMPLE, library_file, package_dir, timeout=120)
    assert lines == EXPECTED


# Worked by hand from examples/data/calendars/cn-office.json (Mon-Fri 09:00-12:00, 13:00-18:00;
# closed 25-27 Sep and 1-7 Oct 2026; Saturday 10 Oct worked), 24 business hours each:
# - 26 Sep (holiday Saturday): the clock starts Mon 28 Sep 09:00; 28, 29, 30 Sep 8 h each, due
#   30 Sep 18:00.
# - 29 Sep 10:00: 7 h that day, 8 h on 30 Sep (15 h), 8 h on 8 Oct (23 h), 1 h on 9 Oct: 10:00.
# - 30 Sep 15:00: 3 h, 8 Oct 8 h, 9 Oct 8 h, then 5 h on 10 Oct (09-12, 13-15): 15:00.
# - 30 Sep 17:30: 0.5 h, 8 and 9 Oct 16 h, then 7.5 h on 10 Oct (09-12, 13-17:30): 17:30.
# - 3 Oct (holiday): the clock starts 8 Oct 09:00; 8, 9 and 10 Oct 8 h each: 10 Oct 18:00.
DEADLINES = [
    "calendar cn-office.json: limit 24 business hours",
    "received 2026-09-26T09:00:00+08:00 (closed)  due 2026-09-30T18:00:00+08:00",
    "received 2026-09-29T10:00:00+08:00 (open)  due 2026-10-09T10:00:00+08:00",
    "received 2026-09-30T15:00:00+08:00 (open)  due 2026-10-10T15:00:00+08:00",
    "received 2026-09-30T17:30:00+08:00 (open)  due 2026-10-10T17:30:00+08:00",
    "received 2026-10-03T11:00:00+08:00 (closed)  due 2026-10-10T18:00:00+08:00",
]


def test_the_deadline_example(library_file: Path, package_dir: Path) -> None:
    lines = run_example(DEADLINE_EXAMPLE, library_file, package_dir, timeout=120)
    assert lines == DEADLINES


# Worked by hand from the default complaint policy (record 1 h, first feedback 24 h, resolution
# 72 h, round the clock; rectification only after an unsatisfied visit) and the example's
# events: received 09:15, recorded 09:20, started 10:00, resolved 14:00 on 2 March.
# - record: 09:15 to 09:20 is 5 min = 0.08 h of 1 h (8.3%), 55 min = 0.92 h left; due 10:15.
# - first_feedback, stopped by the start at 10:00: at 09:45 running, 30 min = 0.50 h of 24 h
#   (2.1%); from 10:00 met with 45 min = 0.75 h (3.1%), 23.25 h left; due 3 March 09:15.
# - resolution, stopped by the resolve at 14:00: at 09:45 0.50 h of 72 h (0.7%); at 12:00
#   2.75 h (3.8%), 69.25 h left; from 14:00 met with 4.75 h (6.6%), 67.25 h left; due 5 March
#   09:15.
# - rectification: never started, so no due instant and nothing counted.
SLA_LINES = [
    "complaint 2026-03-0042 under the default policy 'complaint'",
    "at 2026-03-02T09:45:00+08:00",
    "  record  met  due 2026-03-02T10:15:00+08:00  elapsed 0.08 h  remaining 0.92 h  8.3%",
    "  first_feedback  running  due 2026-03-03T09:15:00+08:00  elapsed 0.50 h"
    "  remaining 23.50 h  2.1%",
    "  resolution  running  due 2026-03-05T09:15:00+08:00  elapsed 0.50 h  remaining 71.50 h"
    "  0.7%",
    "  rectification  not_started  due -  elapsed 0.00 h  remaining 0.00 h  0.0%",
    "at 2026-03-02T12:00:00+08:00",
    "  record  met  due 2026-03-02T10:15:00+08:00  elapsed 0.08 h  remaining 0.92 h  8.3%",
    "  first_feedback  met  due 2026-03-03T09:15:00+08:00  elapsed 0.75 h  remaining 23.25 h"
    "  3.1%",
    "  resolution  running  due 2026-03-05T09:15:00+08:00  elapsed 2.75 h  remaining 69.25 h"
    "  3.8%",
    "  rectification  not_started  due -  elapsed 0.00 h  remaining 0.00 h  0.0%",
    "at 2026-03-03T10:05:00+08:00",
    "  record  met  due 2026-03-02T10:15:00+08:00  elapsed 0.08 h  remaining 0.92 h  8.3%",
    "  first_feedback  met  due 2026-03-03T09:15:00+08:00  elapsed 0.75 h  remaining 23.25 h"
    "  3.1%",
    "  resolution  met  due 2026-03-05T09:15:00+08:00  elapsed 4.75 h  remaining 67.25 h  6.6%",
    "  rectification  not_started  due -  elapsed 0.00 h  remaining 0.00 h  0.0%",
]


def test_the_sla_clocks_example(library_file: Path, package_dir: Path) -> None:
    lines = run_example(SLA_EXAMPLE, library_file, package_dir, timeout=120)
    assert lines == SLA_LINES


def _power_iteration(a: List[List[float]]) -> Tuple[List[float], float]:
    """The principal eigenvector (sum 1) and eigenvalue of a positive matrix, by power
    iteration: a second method beside the library's eigen solver."""
    n = len(a)
    w = [1.0 / n] * n
    lam = 0.0
    for _ in range(10000):
        nxt = [sum(a[i][j] * w[j] for j in range(n)) for i in range(n)]
        lam = sum(nxt)  # with sum(w) = 1, sum(A.w) tends to lambda_max
        nxt = [x / lam for x in nxt]
        moved = max(abs(x - y) for x, y in zip(nxt, w))
        w = nxt
        if moved < 1e-15:
            break
    return w, lam


def _manager_b_line() -> str:
    """Manager B's line, from power iteration and Saaty's RI(4) = 0.90: CR = (lambda - 4)/3/0.90;
    the worst judgement is the largest |ln(a_ij w_j / w_i)|, i < j."""
    names = ["response_speed", "attitude", "quality", "result"]
    a = [[1, 3, 2, 2], [1 / 3, 1, 1 / 2, 3], [1 / 2, 2, 1, 1], [1 / 2, 1 / 3, 1, 1]]
    w, lam = _power_iteration(a)
    cr = (lam - 4) / 3 / 0.90
    assert cr >= 0.10  # inconsistent
    pairs = [(i, j) for i in range(4) for j in range(i + 1, 4)]
    i, j = max(pairs, key=lambda p: abs(math.log(a[p[0]][p[1]] * w[p[1]] / w[p[0]])))
    weights = ", ".join(f"{n} {x:.2f}" for n, x in zip(names, w))
    return f"manager B: {weights}; CR {cr:.3f}: inconsistent, check {names[i]} vs {names[j]}"


# Worked by hand from the example's answers, except manager B's line (power iteration above):
# - overall 5, 1, 4, 5, 3, 4, 5, 3, 4, 5: mean 39/10 = 3.90; sd sqrt(14.9/9) = 1.286684; half
#   width t(0.975, 9) * sd / sqrt(10) = 2.262157 * 0.406887 = 0.920440 -> 2.98..4.82; percent
#   (3.9 - 1)/4 = 72.5.
# - CSAT: 7 of 10 at 4 or 5 = 0.70; Wilson with z^2 = 3.841459: centre (0.7 + 0.192073)/1.384146
#   = 0.644486, half 1.959964 * sqrt(0.021 + 0.009604)/1.384146 = 0.247716 -> 0.40..0.89; the
#   target 0.85 lies inside: undecided.
# - NPS (test_satisfaction.cpp's answers): 5 promoters, 2 passives, 3 detractors -> 20.0;
#   se 100 * sqrt(0.76/10) = 27.57; 20 -/+ 1.959964 * 27.57 -> -34.0..74.0.
# - dimension means 46/10, 42/10, 40/10, 38/10; the default survey weighs response speed 0.4 and
#   attitude, quality, result 0.2 each: 0.4 * 90 + 0.2 * (80 + 75 + 70) = 81.0.
# - manager A: a consistent matrix from weights 2:1:1:1 -> 0.40, 0.20, 0.20, 0.20, CR 0.
# - by building and month (rows in key order; months sort as text):
#   A 2026-03: overall 5, 4, 4 -> 13/3 = 4.33, CSAT 3/3; recommend 10, 9, 6 -> 100 * (2 - 1)/3.
#   A 2026-04: overall 3 and a skipped answer -> 3.00, CSAT 0/1; recommend 7, 8 -> 0.
#   B 2026-03: overall 2, 5, 4, 5 -> 4.00, CSAT 3/4; recommend 3, 10, 9, 9 -> 100 * (3 - 1)/4.
#   B 2026-04: overall 4, 1, 5 -> 10/3 = 3.33, CSAT 2/3; recommend 9, 0, 8 -> 0.
SATISFACTION_LINES = [
    "return visits of March 2026: 10 answers",
    "overall: mean 3.90 (95% t interval 2.98..4.82), 72.5% of the scale",
    "CSAT {4, 5}: 0.70 (Wilson 0.40..0.89); target 0.85: undecided",
    "NPS: 20.0 points (se 27.6, -34.0..74.0); 5 promoters, 2 passives, 3 detractors",
    "dimension means: response_speed 4.60, attitude 4.20, quality 4.00, result 3.80",
    "satisfaction index (return_visit survey of the default profile): 81.0",
    "manager A: response_speed 0.40, attitude 0.20, quality 0.20, result 0.20; CR 0.000: "
    "consistent",
    _manager_b_line(),
    "by building and month:",
    "building  month    rows  missing  mean  csat    nps",
    "A         2026-03     3        0  4.33  1.00   33.3",
    "A         2026-04     2        1  3.00  0.00    0.0",
    "B         2026-03     4        0  4.00  0.75   50.0",
    "B         2026-04     3        0  3.33  0.67    0.0",
]


def test_the_satisfaction_example(library_file: Path, package_dir: Path) -> None:
    lines = run_example(SATISFACTION_EXAMPLE, library_file, package_dir, timeout=120)
    assert lines == SATISFACTION_LINES


def _sample_facts() -> Tuple[List[int], int, Counter]:
    """From the sample's JSON lines themselves: the complaints of each month; how many await
    their return visit (the last event other than an escalation is a resolve: the state table
    leaves such a complaint resolved); and October's visits by role."""
    sample = SOURCE_ROOT / "examples" / "data" / "sample"
    # October 2026 at +08:00
    start = dt.datetime(2026, 10, 1, tzinfo=dt.timezone(dt.timedelta(hours=8))).timestamp()
    end = dt.datetime(2026, 11, 1, tzinfo=dt.timezone(dt.timedelta(hours=8))).timestamp()
    months: List[int] = []
    resolved = 0
    visits: Counter = Counter()
    for name in ("complaints-2026-09.jsonl", "complaints-2026-10.jsonl"):
        n = 0
        with open(sample / name, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                n += 1
                events = json.loads(line).get("events", [])
                kinds = [e["type"] for e in events if e["type"] != "escalate"]
                resolved += bool(kinds) and kinds[-1] == "resolve"
                for e in events:
                    at = dt.datetime.fromisoformat(e["at"]).timestamp()
                    if e["type"] == "visit" and start <= at < end:
                        visits[e["role"]] += 1
        months.append(n)
    return months, resolved, visits


def _tally_total(text: str) -> int:
    return sum(int(part.rsplit(" ", 1)[1]) for part in text.split(", ")) if text else 0


def test_the_ledger_queries_example(library_file: Path, package_dir: Path) -> None:
    lines = run_example(LEDGER_EXAMPLE, library_file, package_dir, timeout=300)
    lines = lines
    (september, october), resolved, visits = _sample_facts()
    assert lines[0] == (
        f"ledger: {september + october} complaints ({september} of September, {october} of"
        " October)"
    )
    assert lines[1] == "on 2026-11-01T00:00:00+08:00:"
    late = re.fullmatch(r"  open and past due: (\d+) clocks of (\d+) complaints \((.*)\)", lines[2])
    assert late is not None, lines[2]
    assert _tally_total(late.group(3)) == int(late.group(1)) >= int(late.group(2))
    due = re.fullmatch(r"  escalations due: (\d+) \((.*)\)", lines[3])
    assert due is not None, lines[3]
    assert _tally_total(due.group(2)) == int(due.group(1))
    shown = min(int(due.group(1)), 3)
    for line in lines[4 : 4 + shown]:
        assert re.fullmatch(r"    2026-(09|10)-\d{4} \w+: \w+ -> \w+ \(\w+\)", line), line
    rest = lines[4 + shown :]
    visits_due = re.fullmatch(r"return visits due: (\d+) \((.*)\)", rest[0])
    assert visits_due is not None, rest[0]
    assert int(visits_due.group(1)) == resolved
    assert _tally_total(visits_due.group(2)) == resolved
    # README of the sample: the CS manager makes 258 return visits in October (counting
    # September's complaints), the general manager 11; the assistant's are counted above.
    assert rest[1:] == [
        "return-visit quotas, 2026-10:",
        f"  cs_assistant  {visits['cs_assistant']} visits  no quota",
        "  cs_manager  258 visits  quota 3: met",
        "  general_manager  11 visits  quota 1: met",
    ]
