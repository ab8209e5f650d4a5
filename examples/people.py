"""Handlers and teams with the plaint Python package: who handles a case (DOMAIN.md §8).

The default profile defines five teams (cleaning, customer service, engineering and repair,
greening, security) and a ``dispatch`` section that sends a case to one of them by its category
and words. A ledger under it takes in four requests on Monday 2026-10-12 (+08:00): a stuck lift,
rubbish in a stairwell, a broken door lock letting strangers in, and a question about fees. Each
prints the team the rules dispatch it to. The desk then assigns three of them to a team and a
handler (an opaque staff id such as "eng-17": the library stores no name or other personal data
about staff), leaves the door lock with the rules' security team, escalates the lift without
naming a handler, and asks the ledger which open cases each team has and which have nobody yet.
Last, an assignment to a team the profile lacks is refused.

Run it with the C library's path in PLAINT_LIBRARY and the package on PYTHONPATH::

    PLAINT_LIBRARY=build/release/libplaint.so PYTHONPATH=bindings/python python3 examples/people.py
"""

from __future__ import annotations

import sys
from typing import List, Optional, Tuple

import plaint

DAY = "2026-10-12T"
OFFSET = "+08:00"

# (id, category, content)
REQUESTS: List[Tuple[str, str, str]] = [
    ("W-1", "equipment", "lift stuck between floors 3 and 4"),
    ("W-2", "other", "楼道垃圾三天没人清理"),
    ("W-3", "other", "门禁坏了，有陌生人跟进来"),
    ("W-4", "other", "how is the management fee paid?"),
]

# (id, team, handler) of the assignments; W-3 stays with the rules' team.
ASSIGNMENTS: List[Tuple[str, str, str]] = [
    ("W-1", "engineering", "eng-17"),
    ("W-2", "cleaning", "cl-03"),
    ("W-4", "customer_service", "cs-05"),
]


def at(hhmm: str) -> int:
    """The instant of a local time on the day of the example."""
    return plaint.parse_instant(f"{DAY}{hhmm}:00{OFFSET}")


def owner(ledger: plaint.Ledger, rid: str) -> str:
    """A case's team (marked when it is the rules') and handler, as one line."""
    v = ledger.view(rid)
    team: Optional[str] = v.team
    label = f"{team} (the rules')" if v.team_from_rules else str(team)
    return f"{label} / {v.handler or 'nobody yet'}"


def ids(ledger: plaint.Ledger, indexes: List[int]) -> str:
    return ", ".join(ledger.view(i).id for i in indexes)


def main() -> int:
    """Dispatches, assigns and queries the four requests; the exit status."""
    try:
        with plaint.Ledger() as ledger:
            print("teams: " + ", ".join(t.id for t in ledger.profile.teams))
            for rid, category, content in REQUESTS:
                ledger.add(
                    {"id": rid, "received": at("09:00"), "category": category, "content": content}
                )
                rule_team = ledger.view(rid).rule_team
                print(f"{rid} {content}: dispatched to {rule_team or 'nobody'}")
                ledger.add_event(rid, "record", at("09:05"), "duty_staff", handler="desk-01")
                ledger.add_event(
                    rid, "classify", at("09:10"), "duty_staff", nature="valid", handler="desk-01"
                )
            for rid, team, handler in ASSIGNMENTS:
                ledger.add_event(
                    rid, "assign", at("09:15"), "duty_staff", team=team, handler=handler
                )
            for rid, _, _ in REQUESTS:
                print(f"{rid}: {owner(ledger, rid)}")

            # Escalated to the CS assistant without a handler named: the team stays.
            ledger.add_event("W-1", "escalate", at("10:00"), "duty_staff")
            print(f"after escalation W-1: {owner(ledger, 'W-1')}")

            for team in ("engineering", "security"):
                print(
                    f"{team}'s open cases: {ids(ledger, ledger.select(team=team, open_only=True))}"
                )
            print(f"nobody's: {ids(ledger, ledger.select(handler='', open_only=True))}")

            try:
                ledger.add_event("W-3", "assign", at("10:30"), "duty_staff", team="gardening")
            except plaint.NotFoundError:
                print("unknown team: not found")
        return 0
    except plaint.Error as exc:
        print(f"plaint error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
