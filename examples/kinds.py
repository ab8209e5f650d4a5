"""Kinds of request with the plaint Python package: a service desk takes complaints, repairs,
consultations, suggestions and praise (DOMAIN.md §8), and each kind has its own workflow.

A ledger under the default profile takes in three requests on Monday 2026-10-12 (+08:00) with
their kind stated at intake: a repair (a lift stuck), which is assigned without a judged nature,
fixed and confirmed by the resident; a consultation (how to pay the parking fee), answered and
closed; a suggestion (more benches), passed on to the CS manager and acknowledged. Each request
prints the states its events went through; then the table's answer to a few moves, the open
requests by kind, and what happens when a complaint is "confirmed" (its kind has no such move).

Run it with the C library's path in PLAINT_LIBRARY and the package on PYTHONPATH::

    PLAINT_LIBRARY=build/release/libplaint.so PYTHONPATH=bindings/python python3 examples/kinds.py
"""

from __future__ import annotations

import sys
from typing import List, Tuple

import plaint

DAY = "2026-10-12T"
OFFSET = "+08:00"

# (id, kind, category, content, [(event, local time, actor, details)])
REQUESTS: List[Tuple[str, str, str, str, List[Tuple[str, str, str, dict]]]] = [
    (
        "R-1",
        "repair",
        "equipment",
        "lift stuck on floor 3",
        [
            ("record", "09:05", "duty_staff", {}),
            ("assign", "09:10", "duty_staff", {"to": "cs_assistant"}),
            ("start", "09:40", "cs_assistant", {}),
            ("resolve", "11:00", "cs_assistant", {}),
            ("confirm", "11:30", "duty_staff", {}),
        ],
    ),
    (
        "Q-1",
        "consultation",
        "other",
        "请问停车费怎么缴纳？",
        [
            ("record", "09:20", "duty_staff", {}),
            ("answer", "09:25", "duty_staff", {}),
        ],
    ),
    (
        "S-1",
        "suggestion",
        "other",
        "more benches by the pond, please",
        [
            ("record", "10:00", "duty_staff", {}),
            ("assign", "10:05", "duty_staff", {"to": "cs_manager"}),
            ("acknowledge", "14:00", "cs_manager", {}),
        ],
    ),
]


def at(hhmm: str) -> int:
    """The instant of a local time on the day of the example."""
    return plaint.parse_instant(f"{DAY}{hhmm}:00{OFFSET}")


def main() -> int:
    """Runs the three requests through a ledger and prints what happened; the exit status."""
    try:
        with plaint.Ledger() as ledger:
            for rid, kind, category, content, events in REQUESTS:
                received = at(events[0][1]) - 5 * 60  # received five minutes before recording
                with plaint.Complaint(rid, received, category=category, content=content) as c:
                    index = ledger.add(c, kind=kind)
                path = [ledger.view(index).state.label]
                for event, time, actor, details in events:
                    ledger.add_event(index, event, at(time), actor, **details)
                    path.append(ledger.view(index).state.label)
                view = ledger.view(index)
                print(f"{view.kind.label} {rid}: {' -> '.join(path)}")

            print("the table:")
            for kind, state, event in (
                ("repair", "recorded", "assign"),
                ("complaint", "recorded", "assign"),
                ("consultation", "waiting", "answer"),
                ("praise", "recorded", "acknowledge"),
            ):
                after = plaint.transition(kind, state, event)
                print(f"  {kind} {state} + {event}: {after.label if after else 'not allowed'}")

            ledger.add({"id": "C-1", "received": f"{DAY}15:00:00{OFFSET}"})
            ledger.add_event("C-1", "record", at("15:05"), "duty_staff")
            open_by_kind = {k.label: ledger.select(kind=k, open_only=True) for k in plaint.Kind}
            print(
                "open by kind: " + ", ".join(f"{k} {len(v)}" for k, v in open_by_kind.items() if v)
            )
            try:
                ledger.add_event("C-1", "confirm", at("15:10"), "duty_staff")
            except plaint.IllegalTransitionError as exc:
                print(f"a complaint cannot be confirmed: {exc.message}")
        return 0
    except plaint.Error as exc:
        print(f"plaint error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
