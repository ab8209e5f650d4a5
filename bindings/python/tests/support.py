"""Helpers and hand-checked constants shared by the tests (imported as ``support``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional

TESTS_DIR = Path(__file__).resolve().parent
PACKAGE_ROOT = TESTS_DIR.parent  # bindings/python
SOURCE_ROOT = PACKAGE_ROOT.parent.parent  # the repository
HEADER = SOURCE_ROOT / "capi" / "include" / "plaint" / "plaint.h"


def read_header(header: Path) -> str:
    """The text of the C ABI: plaint.h (the umbrella) and every concept's plaint/c/X.h it
    includes, in that order."""
    parts = [header.read_text()]
    parts += [h.read_text() for h in sorted((header.parent / "c").glob("*.h"))]
    return "\n".join(parts)
EXAMPLE = SOURCE_ROOT / "examples" / "lifecycle.py"
DEADLINE_EXAMPLE = SOURCE_ROOT / "examples" / "deadline.py"
SLA_EXAMPLE = SOURCE_ROOT / "examples" / "sla_clocks.py"
SATISFACTION_EXAMPLE = SOURCE_ROOT / "examples" / "satisfaction.py"
LEDGER_EXAMPLE = SOURCE_ROOT / "examples" / "ledger_queries.py"
CALENDARS = SOURCE_ROOT / "examples" / "data" / "calendars"

# 2026-03-02T09:15:00+08:00, that is 01:15:00 UTC, worked by hand: 56 years from 1970 with 14
# leap days (1972 ... 2024) give 56 * 365 + 14 = 20454 days to 2026-01-01; 31 + 28 + 1 more
# days reach 2026-03-02, day 20514; 20514 * 86400 + 75 * 60 = 1772414100.
T0 = 1772414100
MINUTE = 60
HOUR = 3600
DAY = 86400


def fallback_library() -> Optional[Path]:
    """A libplaint.so in a build* directory at the top of the source tree, if any."""
    for build_dir in sorted(SOURCE_ROOT.glob("build*")):
        candidate = build_dir / "libplaint.so"
        if candidate.is_file():
            return candidate
    return None


def copy_package(package_dir: Path, dest: Path, library: Optional[Path] = None) -> Path:
    """Copies the package, without any C library, to ``dest``/plaint; with ``library``, copies
    that file next to it as libplaint.so.1. Returns ``dest``."""
    shutil.copytree(
        package_dir,
        dest / "plaint",
        ignore=shutil.ignore_patterns("__pycache__", "libplaint.so*", "*.dylib", "*.dll"),
    )
    if library is not None:
        shutil.copy2(library, dest / "plaint" / "libplaint.so.1")
    return dest


def clean_env(**extra: str) -> Dict[str, str]:
    """This environment without the variables that steer the library search or imports,
    plus ``extra``."""
    steering = ("PLAINT_LIBRARY", "PYTHONPATH", "LD_LIBRARY_PATH", "PYTHONHOME")
    env = {k: v for k, v in os.environ.items() if k not in steering}
    env.update(extra)
    return env


def run_example(
    example: Path, library_file: Path, package_dir: Path, timeout: int = 300
) -> List[str]:
    """Runs the example script ``example`` in a fresh interpreter (warnings as errors) with the
    library and package under test; checks that it exits 0 and gives its output's lines."""
    assert example.is_file(), f"example not found at {example}"
    env = clean_env(PLAINT_LIBRARY=str(library_file), PYTHONPATH=str(package_dir.parent))
    result = subprocess.run(
        [sys.executable, "-W", "error", str(example)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def run_python(code: str, cwd: Path, env: Dict[str, str]) -> subprocess.CompletedProcess:
    """Runs ``code`` in a fresh interpreter (this one, warnings as errors) in ``cwd``."""
    return subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        cwd=str(cwd),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def snapshot(c) -> tuple:  # type: ignore[no-untyped-def]
    """Everything observable about a complaint, to check that a rejected call changed
    nothing."""
    return (
        c.id,
        c.received,
        c.channel,
        c.category,
        c.name,
        c.contact,
        c.building,
        c.unit,
        c.content,
        c.remedy,
        c.subcategory,
        c.reporter_count,
        tuple(c.tags),
        c.nature,
        c.severity,
        c.state,
        c.owner,
        c.visit_method,
        c.cycle,
        c.rectification_deadline,
        tuple(c.events),
    )
