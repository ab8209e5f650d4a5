"""Staff scores with the plaint Python package: the month's teams and handlers scored by the
default profile's `performance` section (DOMAIN.md §8 绩效考核; README "Scoring").

A ledger under the default profile takes in the sample month (examples/data/sample, October
2026) with its return-visit surveys. Each team gets its score out of 100 with the score's
interval and the two metrics that gave it most; then the handlers the scores can rank (30 cases
or more) from the best to the worst, each with its rank as a range — two handlers whose
intervals overlap share ranks instead of being ordered by chance — and last the handlers too new
or too rarely assigned to rank.

Run it with the C library's path in PLAINT_LIBRARY and the package on PYTHONPATH::

    PLAINT_LIBRARY=build/release/libplaint.so PYTHONPATH=bindings/python \\
        python3 examples/performance_scores.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import plaint

SAMPLE = Path(__file__).resolve().parent / "data" / "sample"


def rank(s: plaint.StaffScore) -> str:
    """The rank as "3" or "2-5"."""
    if s.rank_best == s.rank_worst:
        return str(s.rank_best)
    return f"{s.rank_best}-{s.rank_worst}"


def main() -> int:
    """Prints the month's team scores, the ranked handlers and the unranked ones; the exit
    status."""
    surveys = [SAMPLE / "surveys-2026-09.csv", SAMPLE / "surveys-2026-10.csv"]
    try:
        with plaint.Ledger() as ledger:
            ledger.import_json_lines(SAMPLE / "complaints-2026-10.jsonl")
            start, end = plaint.month_range("2026-10")
            print("October 2026: teams")
            for s in ledger.performance_scores(start, end, by="team", surveys=surveys):
                if not s.id:
                    continue
                best = sorted(s.metrics, key=lambda m: -m.contribution)[:2]
                parts = ", ".join(f"{m.metric} {m.contribution:.1f}" for m in best)
                print(f"{s.id}: {s.score:.1f} ({s.low:.1f}-{s.high:.1f}) of {s.cases}; {parts}")
            scores = ledger.performance_scores(start, end, by="handler", surveys=surveys)
            ranked = sorted((s for s in scores if s.ranked), key=lambda s: (-s.score, s.id))
            print("Handlers, best first")
            for s in ranked:
                print(f"{s.id}: {s.score:.1f} ({s.low:.1f}-{s.high:.1f}), rank {rank(s)}")
            small = [f"{s.id} ({s.cases})" for s in scores if s.id and s.small_sample]
            print("Too few cases to rank: " + ", ".join(small))
        return 0
    except plaint.Error as exc:
        print(f"plaint error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
