"""The example examples/lifecycle.py runs and prints the log it should."""

from __future__ import annotations

import sys
import subprocess
from pathlib import Path

from support import EXAMPLE, clean_env

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
