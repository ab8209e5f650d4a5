"""Staff performance with the plaint Python package: the figures teams are assessed by (DOMAIN.md
§8 绩效考核).

A ledger under the default profile takes in the sample month (examples/data/sample, October
2026: 2,231 requests) and gives, per team that carries the cases (named on their assignments:
the default profile's dispatch, else customer service), the cases received
in the month, how many were closed by its end, the share of resolution clocks met ("resolution"
for complaints; "repair_completion" for repairs, which go to engineering), and the mean hours
from receipt to resolution — "" being the cases no team owns (explained at the desk). Then the first week alone, where
teams with fewer than 30 cases are flagged as small samples: their shares and means are too
uncertain to rank teams by.

Run it with the C library's path in PLAINT_LIBRARY and the package on PYTHONPATH::

    PLAINT_LIBRARY=build/release/libplaint.so PYTHONPATH=bindings/python \\
        python3 examples/performance.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import plaint

SAMPLE = Path(__file__).resolve().parent / "data" / "sample"
WEEK = 7 * 86400


def met(f: plaint.StaffFigures, target: str) -> Optional[str]:
    """A target's share met as "93.4% of 75", or None when the team has no such clock."""
    t = f.target(target)
    if t is None or t.share_met.n == 0:
        return None
    return f"{target} {100 * t.share_met.value:.1f}% of {t.share_met.n}"


def main() -> int:
    """Prints the month's figures by team, then the first week's small samples; the exit
    status."""
    try:
        with plaint.Ledger() as ledger:
            ledger.import_json_lines(SAMPLE / "complaints-2026-10.jsonl")
            start, end = plaint.month_range("2026-10")
            print("October 2026 by team")
            for f in ledger.performance(start, end, by="team"):
                shares = [met(f, t) for t in ("resolution", "repair_completion")]
                print(
                    f"{f.id or '(none)'}: {f.cases} cases, {f.closed} closed; "
                    + "; ".join(s for s in shares if s)
                    + f"; resolved in {f.resolution.mean / 3600:.1f} h on average"
                )
            print("1-7 October by team")
            for f in ledger.performance(start, start + WEEK, by=plaint.StaffBy.TEAM):
                flag = " (small sample)" if f.small_sample else ""
                print(f"{f.id or '(none)'}: {f.cases} cases{flag}")
        return 0
    except plaint.Error as exc:
        print(f"plaint error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
