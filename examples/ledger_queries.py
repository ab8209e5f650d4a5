"""Asks a ledger of the sample data what a manager asks on a given day, with the plaint Python
package: which deadlines are blown and still open, who should take over which case, which
return visits are waiting, and whether October's return-visit quotas were met.

The ledger holds the two months of examples/data/sample/ (September and October 2026, the
default profile), exported at 2026-11-01T00:00:00+08:00. At that instant it lists the SLA clocks
still open past their due instant, by target; the complaints whose clocks or rules call for a
higher owner, by the role they call for (the first three in full); the complaints resolved and
awaiting their return visit, by method; and October's return visits by role against the
monthly quotas (CS manager 3, general manager 1).

Run it with the C library's path in PLAINT_LIBRARY and the package on PYTHONPATH::

    PLAINT_LIBRARY=build/release/libplaint.so PYTHONPATH=bindings/python \\
        python3 examples/ledger_queries.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import plaint

SAMPLE = Path(__file__).resolve().parent / "data" / "sample"
SITE_OFFSET = 8 * 3600  # the estate's UTC offset, +08:00, in seconds
DAY = "2026-11-01T00:00:00+08:00"
MONTH = "2026-10"


def tally(counts: Counter) -> str:
    """``name n, name n`` in descending count, then by name."""
    return ", ".join(f"{k} {n}" for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def main() -> int:
    """Loads the sample and prints the answers; returns the exit status."""
    try:
        with plaint.Ledger() as ledger:
            september = ledger.import_json_lines(SAMPLE / "complaints-2026-09.jsonl")
            october = ledger.import_json_lines(SAMPLE / "complaints-2026-10.jsonl")
            print(
                f"ledger: {len(ledger)} complaints ({september.complaints} of September,"
                f" {october.complaints} of October)"
            )

            at = plaint.parse_instant(DAY)
            late = [k for k in ledger.clocks_at(at, "breached") if k.clock.stopped is None]
            print(f"on {plaint.format_instant(at, SITE_OFFSET)}:")
            print(
                f"  open and past due: {len(late)} clocks of"
                f" {len({k.index for k in late})} complaints"
                f" ({tally(Counter(k.clock.target for k in late))})"
            )
            due = ledger.escalations_due(at)
            print(f"  escalations due: {len(due)} ({tally(Counter(e.to.label for e in due))})")
            for e in due[:3]:
                v = ledger.view(e.index)
                print(f"    {v.id} {v.building}: {e.owner.label} -> {e.to.label} ({e.reason})")

            visits = ledger.visits_due()
            print(
                f"return visits due: {len(visits)}"
                f" ({tally(Counter(v.method.label for v in visits))})"
            )

            start, end = plaint.month_range(MONTH, SITE_OFFSET)
            print(f"return-visit quotas, {MONTH}:")
            for q in ledger.visit_quotas(start, end):
                quota = f"quota {q.required}: {'met' if q.compliant else 'MISSED'}"
                print(f"  {q.role.label}  {q.visits} visits  {quota if q.required else 'no quota'}")
        return 0
    except plaint.Error as e:
        print(f"error ({type(e).__name__}): {e.message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
