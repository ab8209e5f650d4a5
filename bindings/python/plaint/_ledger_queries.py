"""The ledger's queries of what is due (a room of :class:`plaint.Ledger`, mixed into it): the
clocks open, in warning or breached at an instant, the escalations and return visits due, and
the return-visit quotas of a period — the faces of ``Ledger::clocks_at``, ``escalations_due``,
``visits_due`` and ``visit_quotas`` (``src/ledger_queries.cpp``). Since 0.6.
"""

from __future__ import annotations

import ctypes
import threading
from ctypes import byref, c_size_t
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence

from ._enums import Role, VisitMethod, from_code
from ._error import OutOfRangeError
from ._lib import (
    PlaintEscalationDue,
    PlaintLedgerClock,
    PlaintQuotaCompliance,
    PlaintVisitDue,
    lib,
)
from ._sla import Clock
from ._time import InstantLike, to_instant


@dataclass(frozen=True)
class LedgerClock:
    """One SLA clock of one complaint in the ledger (:meth:`Ledger.clocks_at`).

    Attributes:
        index: the complaint.
        clock: the clock, as :meth:`plaint.Complaint.clocks` would give it.
    """

    index: int
    clock: Clock


@dataclass(frozen=True)
class EscalationDue:
    """A complaint whose clocks or rules call for a higher owner (:meth:`Ledger.escalations_due`).

    Attributes:
        index: the complaint.
        owner: the owner now.
        to: the role that should own it.
        reason: "rules" when the rules call for it, else the name of the target whose warning or
            breach does.
    """

    index: int
    owner: Role
    to: Role
    reason: str


@dataclass(frozen=True)
class VisitDue:
    """A complaint awaiting its return visit (:meth:`Ledger.visits_due`).

    Attributes:
        index: the complaint.
        method: how to visit, from the profile's return-visit rules.
        resolved_at: the latest ``resolve`` event.
        due: the due instant of its policy's ``return_visit`` target, or None when the policy has
            none (the default policies have none).
    """

    index: int
    method: VisitMethod
    resolved_at: int
    due: Optional[int]


@dataclass(frozen=True)
class QuotaCompliance:
    """Return visits made by one role in a period against the profile's monthly quota
    (:meth:`Ledger.visit_quotas`).

    Attributes:
        role: the role.
        visits: ``visit`` events with this actor in the period.
        required: the profile's quota (0 for a role without one).
        compliant: ``visits >= required``.
    """

    role: Role
    visits: int
    required: int
    compliant: bool


#: The filters of :meth:`Ledger.clocks_at`: PLAINT_CLOCKS_OPEN, _WARNING, _BREACHED.
CLOCK_FILTERS = {"open": 1, "warning": 2, "breached": 3}


class QueryMethods:
    """The queries of what is due of :class:`plaint.Ledger` (which provides ``_lock``,
    ``_live`` and ``__len__``)."""

    _lock: threading.RLock

    def _live(self) -> int:  # pragma: no cover - Ledger's
        raise NotImplementedError

    def __len__(self) -> int:  # pragma: no cover - Ledger's
        raise NotImplementedError

    def _fetch(self, func: Any, struct: Any, args: Sequence[Any], guess: int) -> List[Any]:
        """The elements of an array call (the caller holds the lock): one call with room for
        ``guess`` results, and another when there are more."""
        capacity = max(guess, 1)
        while True:
            arr = (struct * capacity)()
            arr[0].size = ctypes.sizeof(struct)
            count = c_size_t()
            func(self._live(), *args, arr, capacity, byref(count))
            if count.value <= capacity:
                return list(arr[: count.value])
            capacity = count.value

    def clocks_at(self, at: InstantLike, which: str = "open") -> List[LedgerClock]:
        """The clocks of every complaint as of ``at`` (events after it are not seen) that
        ``which`` selects — "open" (started, not stopped), "warning" or "breached" — by
        complaint index, then in the policy's target order. Complaints received after ``at``
        have none.

        Raises:
            OutOfRangeError: an unknown ``which``; an instant outside the years a calendar
                computes.
        """
        if not isinstance(which, str):
            raise TypeError(f"which must be a str, not {type(which).__name__}")
        code = CLOCK_FILTERS.get(which)
        if code is None:
            raise OutOfRangeError(
                f"unknown clock filter {which!r}; expected one of {', '.join(CLOCK_FILTERS)}"
            )
        t = to_instant(at, "at")
        with self._lock:
            guess = 2 * len(self)
            items = self._fetch(lib.plaint_ledger_clocks_at, PlaintLedgerClock, (t, code), guess)
            # The target names are the profile's; Clock._from_c copies them.
            return [LedgerClock(index=k.index, clock=Clock._from_c(k)) for k in items]

    def escalations_due(self, at: InstantLike) -> List[EscalationDue]:
        """The open complaints received by ``at`` whose clocks (warning or breached as of
        ``at``) or rules call for a higher owner than the present one: the highest such role,
        with the reason, by complaint index.

        Raises:
            OutOfRangeError: an instant outside the years a calendar computes.
        """
        t = to_instant(at, "at")
        with self._lock:
            items = self._fetch(
                lib.plaint_ledger_escalations_due, PlaintEscalationDue, (t,), len(self)
            )
            return [
                EscalationDue(
                    index=e.index,
                    owner=from_code(Role, e.owner),
                    to=from_code(Role, e.to),
                    reason=(e.reason or b"").decode("utf-8", errors="replace"),
                )
                for e in items
            ]

    def visits_due(self) -> List[VisitDue]:
        """The complaints awaiting their return visit (state ``resolved``), by index, with the
        method the profile's return-visit rules give."""
        with self._lock:
            items = self._fetch(lib.plaint_ledger_visits_due, PlaintVisitDue, (), len(self))
        return [
            VisitDue(
                index=v.index,
                method=from_code(VisitMethod, v.method),
                resolved_at=v.resolved_at,
                due=v.due if v.has_due else None,
            )
            for v in items
        ]

    def visit_quotas(self, start: InstantLike, end: InstantLike) -> List[QuotaCompliance]:
        """Return visits (``visit`` events, by their actor) made in [``start``, ``end``) by each
        role with a quota in the profile, and by any other role that made visits, with the
        compliance check, in role order. :func:`plaint.month_range` gives a month's period."""
        a = to_instant(start, "start")
        b = to_instant(end, "end")
        with self._lock:
            items = self._fetch(lib.plaint_ledger_visit_quotas, PlaintQuotaCompliance, (a, b), 5)
        return [
            QuotaCompliance(
                role=from_code(Role, q.role),
                visits=q.visits,
                required=q.required,
                compliant=bool(q.compliant),
            )
            for q in items
        ]
