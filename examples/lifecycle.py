"""Walks one complaint from intake to closure with the plaint Python package.

The same complaint as examples/lifecycle.cpp and examples/lifecycle.c, with the same output: a
resident of building 3, unit 1202 phones on 2026-03-02 at 09:15 (+08:00) about water leaking
from the bathroom ceiling. The duty staff record it, judge it valid (P2) and assign it to a
customer-service assistant, who has it repaired and makes the return visit by phone; the
resident is satisfied and the complaint closes. The script prints the event log, one event a
line: time at +08:00, event, state before -> after, role, note.

Run it with the C library's path in PLAINT_LIBRARY and the package on PYTHONPATH::

    PLAINT_LIBRARY=build/release/libplaint.so PYTHONPATH=bindings/python \\
        python3 examples/lifecycle.py
"""

from __future__ import annotations

import sys

import plaint

SITE_OFFSET = 8 * 3600  # the site's UTC offset, +08:00, in seconds


def main() -> int:
    """Runs the walk-through and prints the log; returns the exit status."""
    try:
        at = plaint.parse_instant
        with plaint.Complaint(
            "2026-03-0042",
            at("2026-03-02T09:15:00+08:00"),
            channel=plaint.Channel.PHONE,
            category=plaint.Category.EQUIPMENT,
            subcategory="plumbing",
            name="Ms Wang",
            building="3",
            unit="1202",
            content="卫生间天花板漏水 / water leaking from the bathroom ceiling",
            remedy="fix the pipe and repaint the ceiling",
        ) as c:
            c.apply("record", at("2026-03-02T09:20:00+08:00"), "duty_staff",
                    "recorded on the complaint form")
            c.apply("classify", at("2026-03-02T09:30:00+08:00"), "duty_staff",
                    "within our scope", nature=plaint.Nature.VALID, severity="p2")
            c.apply("assign", at("2026-03-02T09:35:00+08:00"), "duty_staff",
                    "to the customer-service assistant", to=plaint.Role.CS_ASSISTANT)
            c.apply("start", at("2026-03-02T10:00:00+08:00"), "cs_assistant", "plumber on site")
            c.apply("resolve", at("2026-03-02T14:00:00+08:00"), "cs_assistant",
                    "pipe joint replaced")
            c.apply("visit", at("2026-03-03T10:00:00+08:00"), "cs_assistant", "return call",
                    method=plaint.VisitMethod.PHONE)
            c.apply("satisfied", at("2026-03-03T10:05:00+08:00"), "cs_assistant",
                    "resident satisfied")

            print(f"complaint {c.id}: {c.state.label}")
            for ev in c.events:
                when = plaint.format_instant(ev.at, SITE_OFFSET)
                print(f"{when}  {ev.type.label}  {ev.from_state.label} -> {ev.to_state.label}"
                      f"  {ev.role.label}  {ev.note}")
        return 0
    except plaint.Error as e:
        print(f"error ({type(e).__name__}): {e.message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
