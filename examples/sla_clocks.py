"""Prints the SLA clocks of one complaint at a few instants with the plaint Python package.

The complaint is the leaking pipe of examples/lifecycle.py: received by phone on 2026-03-02 at
09:15 (+08:00), recorded at 09:20, judged valid at 09:30, assigned at 09:35, repaired from 10:00
to 14:00, visited and closed the next morning. Its clocks come from the default `complaint`
policy (record within 1 hour, first feedback within 24, a result within 72, round the clock;
rectification by the deadline of an unsatisfied visit). Clocks are derived from the event log,
so each instant sees only the events up to it. Each line gives a clock's target, its state, its
due instant at +08:00 ("-" before it starts), the hours elapsed and remaining, and the percent
of its duration used.

Run it with the C library's path in PLAINT_LIBRARY and the package on PYTHONPATH::

    PLAINT_LIBRARY=build/release/libplaint.so PYTHONPATH=bindings/python \\
        python3 examples/sla_clocks.py
"""

from __future__ import annotations

import sys

import plaint

SITE_OFFSET = 8 * 3600  # the site's UTC offset, +08:00, in seconds
POLICY = "complaint"
INSTANTS = [
    "2026-03-02T09:45:00+08:00",  # assigned, not yet started
    "2026-03-02T12:00:00+08:00",  # the plumber is on site
    "2026-03-03T10:05:00+08:00",  # closed after the return visit
]


def hours(seconds: int) -> str:
    """Seconds as hours with two decimals."""
    return f"{seconds / 3600:.2f}"


def main() -> int:
    """Builds the complaint and prints its clocks; returns the exit status."""
    try:
        at = plaint.parse_instant
        with plaint.PolicySet.default() as policies, plaint.Complaint(
            "2026-03-0042",
            at("2026-03-02T09:15:00+08:00"),
            channel=plaint.Channel.PHONE,
            category=plaint.Category.EQUIPMENT,
            content="卫生间天花板漏水 / water leaking from the bathroom ceiling",
        ) as c:
            c.apply("record", at("2026-03-02T09:20:00+08:00"), "duty_staff")
            c.apply(
                "classify",
                at("2026-03-02T09:30:00+08:00"),
                "duty_staff",
                nature=plaint.Nature.VALID,
                severity="p2",
            )
            c.apply(
                "assign", at("2026-03-02T09:35:00+08:00"), "duty_staff", to=plaint.Role.CS_ASSISTANT
            )
            c.apply("start", at("2026-03-02T10:00:00+08:00"), "cs_assistant")
            c.apply("resolve", at("2026-03-02T14:00:00+08:00"), "cs_assistant")
            c.apply(
                "visit",
                at("2026-03-03T10:00:00+08:00"),
                "cs_assistant",
                method=plaint.VisitMethod.PHONE,
            )
            c.apply("satisfied", at("2026-03-03T10:05:00+08:00"), "cs_assistant")

            print(f"complaint {c.id} under the default policy '{POLICY}'")
            for text in INSTANTS:
                print(f"at {text}")
                for k in c.clocks(policies, POLICY, at(text)):
                    due = "-" if k.due is None else plaint.format_instant(k.due, SITE_OFFSET)
                    print(
                        f"  {k.target}  {k.state.label}  due {due}"
                        f"  elapsed {hours(k.elapsed)} h  remaining {hours(k.remaining)} h"
                        f"  {k.percent:.1f}%"
                    )
        return 0
    except plaint.Error as e:
        print(f"error ({type(e).__name__}): {e.message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
