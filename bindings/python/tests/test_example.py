"""The examples examples/lifecycle.py and examples/deadline.py run and print what they should."""

from __future__ import annotations

import sys
import subprocess
from pathlib import Path

from support import DEADLINE_EXAMPLE, EXAMPLE, clean_env

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
