"""The :class:`PolicySet` handle, the :class:`Clock` records it computes, and
:func:`parse_duration`.

A policy set bundles business calendars and SLA policies: each policy a named list of targets
(record within 1 hour, first feedback within 24, a result within 72…), each target counted in
its own calendar or round the clock. Clocks are never stored: :meth:`plaint.Complaint.clocks`
derives them from the complaint's event log at any instant, so a changed policy recomputes
every clock from history.
"""

from __future__ import annotations

import ctypes
import os
from ctypes import byref, c_int64, c_size_t, c_void_p
from dataclasses import dataclass
from typing import List, Optional, Tuple, Union

from ._calendar import Calendar
from ._handle import DocumentLike, Handle, document_bytes
from ._marshal import TextLike, encode_nts, encode_text
from ._enums import ClockState, Role, TargetKind, from_code
from ._lib import PlaintClock, lib, take_string


def parse_duration(text: TextLike) -> int:
    """Parses a duration into seconds: digits (``"3600"``), a sum of d/h/m/s parts
    (``"1h30m"``, ``"24h"``, ``"45s"``) or ISO 8601 (``"PT72H"``, ``"P1DT2H"``; a day is 86,400
    seconds), as policy documents write them.

    Raises:
        ParseError: anything else (a sign, spaces, a number without its unit).
        ArithmeticOverflowError: a duration beyond int64 seconds.
        EncodingError: a ``str`` that cannot be encoded as UTF-8.
    """
    data = encode_text(text, "duration")
    out = c_int64()
    lib.plaint_duration_parse(data, len(data), byref(out))
    return out.value


@dataclass(frozen=True)
class Clock:
    """One SLA clock of a complaint at an instant, as :meth:`plaint.Complaint.clocks` computed
    it. Instants are int UTC seconds (None when not set); durations are business seconds of
    the target's calendar.

    Attributes:
        target: the target's name (its kind's name unless the policy names it).
        kind: what the target measures.
        cycle: the handling cycle it belongs to: 1, plus one per reopen.
        round: 1, or more when the target started again in the cycle (a second
            rectification); 0 for a clock that has not started in its cycle.
        state: NOT_STARTED, RUNNING, PAUSED, WARNING, MET or BREACHED.
        escalate_to: the role the target escalates to in the WARNING or BREACHED state, or None.
        started: the instant of the start event.
        stopped: the instant of the stop event (or of the reopen that ended the cycle).
        due: when the running time reaches the duration; while paused, projected as if the
            clock resumed at the query instant.
        breached_at: the due instant, once the clock is BREACHED.
        duration: the target.
        elapsed: counted so far.
        remaining: ``duration - elapsed``; negative when over.
        percent: ``100 * elapsed / duration``.
        warnings: the instants each warning fraction is reached, ascending.
    """

    target: str
    kind: TargetKind
    cycle: int
    round: int
    state: ClockState
    escalate_to: Optional[Role]
    started: Optional[int]
    stopped: Optional[int]
    due: Optional[int]
    breached_at: Optional[int]
    duration: int
    elapsed: int
    remaining: int
    percent: float
    warnings: Tuple[int, ...]

    @classmethod
    def _from_c(cls, k: PlaintClock) -> "Clock":
        count = min(int(k.warning_count), 4)
        return cls(
            target=(k.target or b"").decode("utf-8", errors="replace"),
            kind=from_code(TargetKind, k.kind),
            cycle=k.cycle,
            round=k.round,
            state=from_code(ClockState, k.state),
            escalate_to=from_code(Role, k.escalate_to) if k.escalate_to else None,
            started=k.started if k.has_started else None,
            stopped=k.stopped if k.has_stopped else None,
            due=k.due if k.has_due else None,
            breached_at=k.breached_at if k.has_breached_at else None,
            duration=k.duration,
            elapsed=k.elapsed,
            remaining=k.remaining,
            percent=k.percent,
            warnings=tuple(k.warnings[i] for i in range(count)),
        )


class PolicySet(Handle):
    """Business calendars and SLA policies, compiled once (the README's "SLA policies and
    clocks" section gives the JSON form).

    Make one with :meth:`from_json`, :meth:`from_file` or :meth:`default`. A policy set is
    immutable, so one object may be used from many threads at once without a lock;
    :meth:`close` waits for the calls running in other threads to return, and later calls
    raise :class:`plaint.ClosedError`. The object owns a C handle: free
    it with :meth:`close` or a ``with`` block, or leave it to the garbage collector. Calendars
    and clocks taken from a set stay valid after it is closed.
    """

    _kind = "policy set"

    @staticmethod
    def _free(handle: int) -> None:
        lib.plaint_policy_set_free(handle)

    def __init__(self) -> None:
        raise TypeError("use PolicySet.from_json, PolicySet.from_file or PolicySet.default")

    # ---- Construction ---------------------------------------------------------------------

    @classmethod
    def default(cls) -> "PolicySet":
        """The default policies (DOMAIN.md §5): ``complaint`` (record 1 h, first feedback 24 h,
        result 72 h, round the clock), ``repair`` (response 24 h, completion 48 h),
        ``repair_urgent`` (4 h / 24 h) and ``consultation`` (answered within 1 hour of the
        ``office`` calendar), each with rectification by the deadline set at an unsatisfied
        return visit.

        Each call gives a handle of its own onto the one compiled default set (cheap), so
        closing it never disturbs another caller's.
        """
        out = c_void_p()
        lib.plaint_policy_set_default(byref(out))
        return cls._wrap(out.value)

    @classmethod
    def from_json(cls, document: DocumentLike) -> "PolicySet":
        """Compiles a policy set from its JSON form.

        Args:
            document: JSON text (``str``, or ``bytes`` in UTF-8) such as
                ``'{"calendars": {...}, "policies": {"p": {"targets": [...]}}}'``; or a value
                that :func:`json.dumps` serialises, such as a dict.

        Raises:
            ParseError: malformed JSON; the error's ``line`` and ``column`` say where.
            ValidationError: unknown keys, undefined calendars, duplicate target names, bad
                durations, events, roles or calendars (an unknown time zone too); the message
                lists every problem, ``pointer`` is the first one's
                ("/policies/p/targets/0/calendar").
            TooLargeError: a document over 16 MiB or nested too deep.
            EncodingError: a ``str`` that cannot be encoded as UTF-8.
        """
        data = document_bytes(document, "policy set document")
        out = c_void_p()
        lib.plaint_policy_set_from_json(byref(out), data, len(data))
        return cls._wrap(out.value)

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"]) -> "PolicySet":
        """Compiles the policy set in a JSON file (UTF-8).

        Raises:
            FileError: the file cannot be read (also an ``OSError``).
            and the errors of :meth:`from_json`.
        """
        return cls.from_json(cls._read_file(path))

    # ---- Handle management ------------------------------------------------------------

    def __repr__(self) -> str:
        if self.closed:
            return "<plaint.PolicySet (closed)>"
        return f"<plaint.PolicySet policies={self.policy_names!r}>"

    # ---- Contents -------------------------------------------------------------------------

    @property
    def policy_names(self) -> List[str]:
        """The policies' names, sorted."""
        with self._use() as handle:
            count = c_size_t()
            lib.plaint_policy_set_policy_count(handle, byref(count))
            names = []
            for index in range(count.value):
                ptr = c_void_p()
                lib.plaint_policy_set_policy_name(handle, index, byref(ptr))
                raw = ctypes.string_at(ptr.value) if ptr.value else b""
                names.append(raw.decode("utf-8", errors="replace"))
            return names

    def calendar(self, name: TextLike) -> Calendar:
        """The calendar named ``name`` ("24x7" always exists), as a :class:`plaint.Calendar`
        that shares the compiled calendar and stays valid after the set is closed.

        Raises:
            NotFoundError: the set defines no such calendar.
            EncodingError: a name holding a NUL byte.
        """
        data = encode_nts(name, "calendar name")
        out = c_void_p()
        with self._use() as handle:
            lib.plaint_policy_set_calendar(handle, data, byref(out))
        return Calendar._wrap(out.value)

    def to_json(self) -> str:
        """The set as its JSON form, every target written out with its events and warnings;
        :meth:`from_json` of it gives an equal set."""
        out = c_void_p()
        with self._use() as handle:
            lib.plaint_policy_set_to_json(handle, byref(out))
        return take_string(out.value)


def clocks_of(
    complaint: int,
    policy_set: Handle,
    policy: bytes,
    at: int,
    team: Optional[bytes] = None,
) -> List[Clock]:
    """The clocks of the complaint handle ``complaint`` (its owner holds its lock) under
    ``policy`` (NUL-free UTF-8) at ``at``, copied out of one clock list: of a :class:`PolicySet`
    in the targets' calendars, or of a :class:`plaint.Profile` in the owning team's, ``team``
    (NUL-free UTF-8 or None) being the team the rules dispatched the case to."""
    out = c_void_p()
    with policy_set._use() as handle:
        if isinstance(policy_set, PolicySet):
            lib.plaint_complaint_clocks(complaint, handle, policy, at, byref(out))
        else:
            lib.plaint_profile_clocks(handle, complaint, policy, team, at, byref(out))
    try:
        count = c_size_t()
        lib.plaint_clock_list_count(out.value, byref(count))
        clocks = []
        for index in range(count.value):
            k = PlaintClock()
            k.size = ctypes.sizeof(PlaintClock)
            lib.plaint_clock_list_get(out.value, index, byref(k))
            clocks.append(Clock._from_c(k))  # copies the borrowed target name at once
        return clocks
    finally:
        lib.plaint_clock_list_free(out.value)
