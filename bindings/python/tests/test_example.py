"""The examples examples/lifecycle.py, examples/deadline.py and examples/sla_clocks.py run and
print what they should."""

from __future__ import annotations

import sys
import subprocess
from pathlib import Path

from support import DEADLINE_EXAMPLE, EXAMPLE, SLA_EXAMPLE, clean_env

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
    assert EXAMPLE.is_file(), f"example not found at {EXAMPLE}"
    env = clean_env(PLAINT_LIBRARY=str(library_file), PYTHONPATH=str(package_dir.parent))
    result = subprocess.run(
        [sys.executable, "-W", "error", str(EXAMPLE)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == EXPECTED


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
    assert DEADLINE_EXAMPLE.is_file(), f"example not found at {DEADLINE_EXAMPLE}"
    env = clean_env(PLAINT_LIBRARY=str(library_file), PYTHONPATH=str(package_dir.parent))
    result = subprocess.run(
        [sys.executable, "-W", "error", str(DEADLINE_EXAMPLE)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == DEADLINES


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
    assert SLA_EXAMPLE.is_file(), f"example not found at {SLA_EXAMPLE}"
    env = clean_env(PLAINT_LIBRARY=str(library_file), PYTHONPATH=str(package_dir.parent))
    result = subprocess.run(
        [sys.executable, "-W", "error", str(SLA_EXAMPLE)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == SLA_LINES
