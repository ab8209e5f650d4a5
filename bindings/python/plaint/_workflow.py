"""The handling workflow (the C++ header ``workflow.hpp``): the table of states and events of
each kind of request. :meth:`plaint.Complaint.allows` asks one complaint, its guards included;
:func:`transition` reads the table alone."""

from __future__ import annotations

from ctypes import byref, c_int32
from typing import Optional, Union

from ._complaint import EventTypeLike, KindLike
from ._enums import EventType, Kind, State, from_code, to_code
from ._lib import lib


def transition(
    kind: KindLike, state: Union[State, int, str], event: EventTypeLike
) -> Optional[State]:
    """The state after ``event`` in ``state`` for a request of kind ``kind``, or None when the
    table has no such move. Each argument is a member, its int code or its lower-case name.

    The table alone: a complaint's guards (an invalid complaint is explained, not assigned...)
    and the details an event needs are :meth:`plaint.Complaint.apply`'s. In short: a complaint
    follows the full cycle; a repair may be assigned from RECORDED and is confirmed (RESOLVED to
    CLOSED) or found unsatisfied (RESOLVED to RECTIFICATION) by the resident; a consultation is
    answered (to CLOSED) from RECORDED, CLASSIFIED, ASSIGNED or IN_PROGRESS; a suggestion or a
    praise is acknowledged (to CLOSED) from RECORDED, CLASSIFIED or ASSIGNED; every kind may be
    escalated while open and reopened when closed. Since 0.7.

    Raises:
        OutOfRangeError: an unknown kind, state or event (code or name).
        TypeError: a member of another enumeration, a bool, or another type.
    """
    k = to_code(Kind, kind, "kind")
    s = to_code(State, state, "state")
    e = to_code(EventType, event, "event")
    out = c_int32()
    lib.plaint_workflow_transition(k, s, e, byref(out))
    return from_code(State, out.value) if out.value else None
