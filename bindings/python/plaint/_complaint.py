"""The :class:`Complaint` handle and the :class:`Event` records of its log."""

from __future__ import annotations

import ctypes
import json
from ctypes import byref, c_int32, c_int64, c_size_t, c_void_p
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Dict, Iterable, List, Optional, Type, TypeVar, Union

from ._marshal import TextLike, check_int32, encode_nts, encode_text
from ._time import InstantLike, to_datetime, to_instant, to_stored_instant
from ._enums import (
    Category,
    Channel,
    EventType,
    Kind,
    Nature,
    PlaintEnum,
    Role,
    Severity,
    State,
    VisitMethod,
    from_code,
    to_code,
)
from ._handle import LockedHandle
from ._lib import PlaintEvent, lib, take_string
from ._people import staff_arg, staff_id_or_none
from ._sla import Clock, PolicySet, clocks_of

E = TypeVar("E", bound=PlaintEnum)

# PLAINT_FIELD_* codes of the text fields.
_FIELD_ID = 1
_FIELD_NAME = 2
_FIELD_CONTACT = 3
_FIELD_BUILDING = 4
_FIELD_UNIT = 5
_FIELD_CONTENT = 6
_FIELD_REMEDY = 7
_FIELD_SUBCATEGORY = 8

ChannelLike = Union[Channel, int, str]
CategoryLike = Union[Category, int, str]
NatureLike = Union[Nature, int, str]
SeverityLike = Union[Severity, int, str]
RoleLike = Union[Role, int, str]
VisitMethodLike = Union[VisitMethod, int, str]
EventTypeLike = Union[EventType, int, str]
KindLike = Union[Kind, int, str]


def make_event(
    event: EventTypeLike,
    at: InstantLike,
    role: RoleLike,
    note: Optional[TextLike] = "",
    *,
    nature: Optional[NatureLike] = None,
    severity: Optional[SeverityLike] = None,
    to: Optional[RoleLike] = None,
    method: Optional[VisitMethodLike] = None,
    deadline: Optional[InstantLike] = None,
    handler: Optional[str] = None,
    team: Optional[str] = None,
) -> PlaintEvent:
    """The C event of :meth:`Complaint.apply`'s arguments (also used by the ledger)."""
    ev = PlaintEvent()
    ev.size = ctypes.sizeof(PlaintEvent)
    ev.type = to_code(EventType, event, "event")
    ev.at = to_stored_instant(at, "at")
    ev.role = to_code(Role, role, "role")
    ev.note = encode_nts(note, "note") if note is not None else None
    if nature is not None:
        ev.nature = to_code(Nature, nature, "nature")
    if severity is not None:
        ev.severity = to_code(Severity, severity, "severity")
    if to is not None:
        ev.target_role = to_code(Role, to, "to")
    if method is not None:
        ev.visit_method = to_code(VisitMethod, method, "method")
    if deadline is not None:
        ev.has_deadline = 1
        ev.deadline = to_stored_instant(deadline, "deadline")
    ev.handler = staff_arg(handler, "handler")
    ev.team = staff_arg(team, "team")
    return ev


@dataclass(frozen=True)
class Event:
    """One event of a complaint's log, as the library recorded it.

    The details (``nature`` to ``deadline``) belong to the event types named below; the library
    ignores the details an event type does not use, so they hold their defaults in the log.

    Attributes:
        type: what happened.
        at: when, in UTC seconds since the Unix epoch.
        role: who did it.
        note: the free-text note ("" for none).
        nature: ``classify``: the judged nature (``Nature.UNJUDGED`` when none was given).
        severity: ``classify``: the severity (``Severity.UNSET`` kept the previous one).
        target: ``assign`` and ``escalate``: the new owner (filled in by the library when
            defaulted); None when none was given.
        method: ``visit``: how the return visit was made; None when none was given.
        deadline: ``unsatisfied``: the rectification deadline (UTC seconds); None when none
            was given.
        from_state: the state before the event.
        to_state: the state after it.
        handler: who did it, an opaque handler id; on ``assign`` and ``escalate`` the handler
            who took the case. None when none was named. Since 0.7.
        team: ``assign`` and ``escalate``: the team that took the case; None when none was
            named. Since 0.7.
    """

    type: EventType
    at: int
    role: Role
    note: str
    nature: Nature
    severity: Severity
    target: Optional[Role]
    method: Optional[VisitMethod]
    deadline: Optional[int]
    from_state: State
    to_state: State
    handler: Optional[str] = None
    team: Optional[str] = None

    @property
    def at_datetime(self) -> datetime:
        """:attr:`at` as an aware UTC datetime."""
        return to_datetime(self.at)

    @classmethod
    def _from_c(cls, ev: PlaintEvent) -> "Event":
        return cls(
            type=from_code(EventType, ev.type),
            at=ev.at,
            role=from_code(Role, ev.role),
            note=(ev.note or b"").decode("utf-8", errors="replace"),
            nature=from_code(Nature, ev.nature),
            severity=from_code(Severity, ev.severity),
            target=from_code(Role, ev.target_role) if ev.target_role else None,
            method=from_code(VisitMethod, ev.visit_method) if ev.visit_method else None,
            deadline=ev.deadline if ev.has_deadline else None,
            from_state=from_code(State, ev.from_state),
            to_state=from_code(State, ev.to_state),
            handler=staff_id_or_none(ev.handler),
            team=staff_id_or_none(ev.team),
        )


def _tag_list(handle: int) -> List[bytes]:
    count = c_size_t()
    lib.plaint_complaint_tag_count(handle, byref(count))
    tags = []
    for index in range(count.value):
        ptr = c_void_p()
        lib.plaint_complaint_tag(handle, index, byref(ptr))
        tags.append(ctypes.string_at(ptr.value) if ptr.value else b"")
    return tags


class Complaint(LockedHandle):
    """A complaint with its lifecycle: the intake record, its classification, its owner, its
    state and the log of the events that drove it there.

    The object owns a C handle. Free it with :meth:`close` or a ``with`` block; otherwise it is
    freed when the object is garbage-collected. Every method holds the object's lock across its
    C calls, so one complaint may be shared between threads. Every failed call leaves the
    complaint unchanged.

    Text fields accept ``str`` (encoded as UTF-8) or ``bytes`` (passed as they are); they read
    back as ``str``. Instants accept int UTC seconds or aware datetimes and read back as ints.
    Enumerations accept the member, its int code or its lower-case name.
    """

    _kind = "complaint"

    @staticmethod
    def _free(handle: int) -> None:
        lib.plaint_complaint_free(handle)

    def __init__(
        self,
        id: TextLike,
        received: InstantLike,
        *,
        channel: Optional[ChannelLike] = None,
        category: Optional[CategoryLike] = None,
        kind: Optional[KindLike] = None,
        name: Optional[TextLike] = None,
        contact: Optional[TextLike] = None,
        building: Optional[TextLike] = None,
        unit: Optional[TextLike] = None,
        content: Optional[TextLike] = None,
        remedy: Optional[TextLike] = None,
        subcategory: Optional[TextLike] = None,
        reporter_count: Optional[int] = None,
        tags: Optional[Iterable[TextLike]] = None,
    ) -> None:
        """Creates a complaint received at ``received``: state RECEIVED, owner DUTY_STAFF, a
        RECEIVE event in its log, and the given fields (``None`` keeps the library's default:
        channel and category OTHER, the kind not stated, one reporter, empty texts, no tags).

        Raises:
            InvalidArgumentError: an empty id.
            EncodingError, TooLargeError: a bad id or text field.
            OutOfRangeError: an unknown channel, category or kind, a reporter count outside 1 to
                1,000,000, a ``received`` outside years 1400–9999 (which a complaint's
                instants must lie in, to have an ISO 8601 form).
        """
        raw_id = encode_text(id, "id")
        seconds = to_stored_instant(received, "received")
        out = c_void_p()
        # plaint_complaint_new reads the id up to its first NUL. An id holding a NUL is given
        # to the library with its length through set_text, which refuses it (EncodingError).
        lib.plaint_complaint_new(byref(out), b"-" if b"\0" in raw_id else raw_id, seconds)
        self._adopt(out.value)
        try:
            if b"\0" in raw_id:
                self._set_text(_FIELD_ID, raw_id, "id")
            if channel is not None:
                self.channel = channel  # type: ignore[assignment]
            if category is not None:
                self.category = category  # type: ignore[assignment]
            if kind is not None:
                self.kind = kind  # type: ignore[assignment]
            for field, value in (
                (_FIELD_NAME, name),
                (_FIELD_CONTACT, contact),
                (_FIELD_BUILDING, building),
                (_FIELD_UNIT, unit),
                (_FIELD_CONTENT, content),
                (_FIELD_REMEDY, remedy),
                (_FIELD_SUBCATEGORY, subcategory),
            ):
                if value is not None:
                    self._set_text(field, value, _FIELD_LABELS[field])
            if reporter_count is not None:
                self.reporter_count = reporter_count
            if tags is not None:
                self.tags = tags  # type: ignore[assignment]
        except BaseException:
            self.close()
            raise

    # ---- Copies -----------------------------------------------------------------------------

    def clone(self) -> "Complaint":
        """A deep, independent copy with its own handle."""
        with self._lock:
            out = c_void_p()
            lib.plaint_complaint_clone(self._live(), byref(out))
            return type(self)._wrap(out.value)

    @classmethod
    def from_json(
        cls, document: Union[str, bytes, bytearray, memoryview, Dict[str, Any]]
    ) -> "Complaint":
        """Reads a complaint from its JSON form, as :meth:`to_json` writes it: ``{"id",
        "received", "channel", "category", "kind" (since 0.7; absent: not stated), "name",
        "contact", "building", "unit", "content", "remedy", "subcategory", "reporter_count",
        "tags", "events"}`` (instants as ISO 8601
        text or UTC seconds, enumerations by name); the ``events`` are applied in order.

        Args:
            document: JSON text (``str``, or ``bytes`` in UTF-8), or a value that
                :func:`json.dumps` serialises, such as a dict.

        Raises:
            ParseError: malformed JSON; ``line`` and ``column`` say where.
            ValidationError: unknown keys, bad values, an event log that cannot be applied;
                ``problems`` lists every problem with its pointer, line and column.
            EncodingError, TooLargeError: bad or oversized text.
        """
        if isinstance(document, str):
            data = encode_text(document, "complaint document")
        elif isinstance(document, (bytes, bytearray, memoryview)):
            data = bytes(document)
        else:
            data = encode_text(json.dumps(document, ensure_ascii=False), "complaint document")
        out = c_void_p()
        lib.plaint_complaint_from_json(byref(out), data, len(data))
        return cls._wrap(out.value)

    def to_json(self) -> str:
        """The complaint as JSON, with its whole event log; :meth:`from_json` of it gives an
        equal complaint."""
        with self._lock:
            out = c_void_p()
            lib.plaint_complaint_to_json(self._live(), byref(out))
        return take_string(out.value)

    def __repr__(self) -> str:
        with self._lock:
            if self.closed:
                return "<plaint.Complaint (closed)>"
            state = self.state
            label = state.label if isinstance(state, PlaintEnum) else str(state)
            return f"<plaint.Complaint id={self.id!r} state={label}>"

    # ---- Low-level accessors (callers of these need not hold the lock) ----------------

    def _get_int(self, func: Callable[..., int], ctype: Type[ctypes._SimpleCData[int]]) -> int:
        out = ctype()
        with self._lock:
            func(self._live(), byref(out))
        return out.value

    def _get_enum(self, func: Callable[..., int], cls: Type[E]) -> E:
        return from_code(cls, self._get_int(func, c_int32))

    def _get_text(self, field: int) -> str:
        ptr = c_void_p()
        size = c_size_t()
        with self._lock:
            lib.plaint_complaint_text(self._live(), field, byref(ptr), byref(size))
            data = ctypes.string_at(ptr.value, size.value) if ptr.value and size.value else b""
        return data.decode("utf-8", errors="replace")

    def _set_text(self, field: int, value: object, what: str) -> None:
        data = encode_text(value, what)
        with self._lock:
            lib.plaint_complaint_set_text(self._live(), field, data, len(data))

    # ---- Intake fields -------------------------------------------------------------------

    @property
    def id(self) -> str:
        """The complaint's id (1 to 128 bytes)."""
        return self._get_text(_FIELD_ID)

    @property
    def name(self) -> str:
        """The complainant's name (up to 256 bytes)."""
        return self._get_text(_FIELD_NAME)

    @name.setter
    def name(self, value: TextLike) -> None:
        self._set_text(_FIELD_NAME, value, "name")

    @property
    def contact(self) -> str:
        """How to reach the complainant (up to 256 bytes)."""
        return self._get_text(_FIELD_CONTACT)

    @contact.setter
    def contact(self, value: TextLike) -> None:
        self._set_text(_FIELD_CONTACT, value, "contact")

    @property
    def building(self) -> str:
        """The building (栋; up to 256 bytes)."""
        return self._get_text(_FIELD_BUILDING)

    @building.setter
    def building(self, value: TextLike) -> None:
        self._set_text(_FIELD_BUILDING, value, "building")

    @property
    def unit(self) -> str:
        """The unit (房号; up to 256 bytes)."""
        return self._get_text(_FIELD_UNIT)

    @unit.setter
    def unit(self, value: TextLike) -> None:
        self._set_text(_FIELD_UNIT, value, "unit")

    @property
    def content(self) -> str:
        """What the complaint says (up to 65,536 bytes)."""
        return self._get_text(_FIELD_CONTENT)

    @content.setter
    def content(self, value: TextLike) -> None:
        self._set_text(_FIELD_CONTENT, value, "content")

    @property
    def remedy(self) -> str:
        """The remedy the complainant wants (up to 65,536 bytes)."""
        return self._get_text(_FIELD_REMEDY)

    @remedy.setter
    def remedy(self, value: TextLike) -> None:
        self._set_text(_FIELD_REMEDY, value, "remedy")

    @property
    def subcategory(self) -> str:
        """A free sub-category refining :attr:`category` (up to 256 bytes)."""
        return self._get_text(_FIELD_SUBCATEGORY)

    @subcategory.setter
    def subcategory(self, value: TextLike) -> None:
        self._set_text(_FIELD_SUBCATEGORY, value, "subcategory")

    @property
    def channel(self) -> Channel:
        """How the complaint arrived."""
        return self._get_enum(lib.plaint_complaint_channel, Channel)

    @channel.setter
    def channel(self, value: ChannelLike) -> None:
        code = to_code(Channel, value, "channel")
        with self._lock:
            lib.plaint_complaint_set_channel(self._live(), code)

    @property
    def category(self) -> Category:
        """What the complaint is about."""
        return self._get_enum(lib.plaint_complaint_category, Category)

    @category.setter
    def category(self, value: CategoryLike) -> None:
        code = to_code(Category, value, "category")
        with self._lock:
            lib.plaint_complaint_set_category(self._live(), code)

    @property
    def kind(self) -> Kind:
        """The kind of request (DOMAIN.md §8), which chooses the workflow its events follow
        (:func:`plaint.transition`): as stated, else ``Kind.COMPLAINT``. Setting states it
        (a member, its int code or its name), while only ``receive`` and ``record`` are in the
        log. Since 0.7.

        Raises (on setting):
            OutOfRangeError: an unknown kind (0 too: a stated kind cannot be unstated).
            IllegalTransitionError: events after ``record`` are in the log.
            TypeError: a member of another enumeration, a bool, or another type.
        """
        return self._get_enum(lib.plaint_complaint_kind, Kind)

    @kind.setter
    def kind(self, value: KindLike) -> None:
        code = to_code(Kind, value, "kind")
        with self._lock:
            lib.plaint_complaint_set_kind(self._live(), code)

    @property
    def stated_kind(self) -> Optional[Kind]:
        """The kind as stated (:attr:`kind`, or the JSON form's ``kind``), or None when it never
        was: a ledger's rules may then decide it. Since 0.7."""
        code = self._get_int(lib.plaint_complaint_stated_kind, c_int32)
        return from_code(Kind, code) if code else None

    @property
    def reporter_count(self) -> int:
        """How many residents raised it (1 to 1,000,000)."""
        return self._get_int(lib.plaint_complaint_reporter_count, c_int32)

    @reporter_count.setter
    def reporter_count(self, value: int) -> None:
        count = check_int32(value, "reporter count")
        with self._lock:
            lib.plaint_complaint_set_reporter_count(self._live(), count)

    @property
    def received(self) -> int:
        """When the complaint was received, UTC seconds. Settable only while RECEIVE is the
        only event (else IllegalTransitionError)."""
        return self._get_int(lib.plaint_complaint_received, c_int64)

    @received.setter
    def received(self, value: InstantLike) -> None:
        seconds = to_stored_instant(value, "received")
        with self._lock:
            lib.plaint_complaint_set_received(self._live(), seconds)

    @property
    def tags(self) -> List[str]:
        """The tags, in the order added. Setting replaces them all, or (on any error) none."""
        with self._lock:
            raw = _tag_list(self._live())
        return [t.decode("utf-8", errors="replace") for t in raw]

    @tags.setter
    def tags(self, values: Iterable[TextLike]) -> None:
        if isinstance(values, (str, bytes, bytearray, memoryview)):
            raise TypeError("tags must be an iterable of tags, not a single text")
        new = [encode_nts(v, "tag") for v in values]
        with self._lock:
            handle = self._live()
            out = c_void_p()
            lib.plaint_complaint_clone(handle, byref(out))
            copy = out.value
            try:
                for old in _tag_list(copy):  # type: ignore[arg-type]
                    lib.plaint_complaint_remove_tag(copy, old)
                for tag in new:
                    lib.plaint_complaint_add_tag(copy, tag)
            except BaseException:
                lib.plaint_complaint_free(copy)
                raise
            # Swap the handles: the finalizer frees whatever the box holds.
            self._box[0] = copy
            lib.plaint_complaint_free(handle)

    # ---- Lifecycle (read-only; changed by events) ------------------------------------------

    @property
    def nature(self) -> Nature:
        """The nature judged by the last ``classify`` (UNJUDGED before)."""
        return self._get_enum(lib.plaint_complaint_nature, Nature)

    @property
    def severity(self) -> Severity:
        """The severity (UNSET until a ``classify`` gives one)."""
        return self._get_enum(lib.plaint_complaint_severity, Severity)

    @property
    def state(self) -> State:
        """The lifecycle state."""
        return self._get_enum(lib.plaint_complaint_state, State)

    @property
    def owner(self) -> Role:
        """The role that owns the complaint now."""
        return self._get_enum(lib.plaint_complaint_owner, Role)

    @property
    def visit_method(self) -> Optional[VisitMethod]:
        """The method of the latest return visit, or None before one."""
        code = self._get_int(lib.plaint_complaint_visit_method, c_int32)
        return from_code(VisitMethod, code) if code else None

    def _get_staff(self, func: Callable[..., int]) -> Optional[str]:
        ptr = c_void_p()
        with self._lock:
            func(self._live(), byref(ptr))
            return staff_id_or_none(ctypes.string_at(ptr.value) if ptr.value else None)

    @property
    def handler(self) -> Optional[str]:
        """The handler who owns the case: the ``handler`` of the latest ``assign`` or
        ``escalate``; None when that event named none (or there was none). Since 0.7."""
        return self._get_staff(lib.plaint_complaint_handler)

    @property
    def team(self) -> Optional[str]:
        """The team that owns the case: the latest ``team`` an ``assign`` or ``escalate``
        gave; None when none did. (A complaint knows no profile: the team its rules dispatch it
        to is a ledger's, :attr:`plaint.ComplaintView.team`.) Since 0.7."""
        return self._get_staff(lib.plaint_complaint_team)

    @property
    def cycle(self) -> int:
        """The handling cycle: 1, plus one per reopen."""
        return self._get_int(lib.plaint_complaint_cycle, c_int32)

    @property
    def rectification_deadline(self) -> Optional[int]:
        """The rectification deadline (UTC seconds) while in rectification, else None."""
        has = c_int32()
        deadline = c_int64()
        with self._lock:
            lib.plaint_complaint_rectification_deadline(self._live(), byref(has), byref(deadline))
        return deadline.value if has.value else None

    @property
    def events(self) -> List[Event]:
        """The event log, oldest first; the first is always RECEIVE."""
        out: List[Event] = []
        with self._lock:
            handle = self._live()
            count = c_size_t()
            lib.plaint_complaint_event_count(handle, byref(count))
            for index in range(count.value):
                ev = PlaintEvent()
                ev.size = ctypes.sizeof(PlaintEvent)
                lib.plaint_complaint_event(handle, index, byref(ev))
                out.append(Event._from_c(ev))  # copies the borrowed note at once
        return out

    def allows(self, event: EventTypeLike) -> bool:
        """Whether ``event`` is allowed now, by the state table of the complaint's kind and its
        nature and owner (an event's own details, such as a deadline, are not considered).

        Raises:
            OutOfRangeError: an unknown event code or name.
        """
        code = to_code(EventType, event, "event")
        out = c_int32()
        with self._lock:
            lib.plaint_complaint_allows(self._live(), code, byref(out))
        return bool(out.value)

    def apply(
        self,
        event: EventTypeLike,
        at: InstantLike,
        role: RoleLike,
        note: Optional[TextLike] = "",
        *,
        nature: Optional[NatureLike] = None,
        severity: Optional[SeverityLike] = None,
        to: Optional[RoleLike] = None,
        method: Optional[VisitMethodLike] = None,
        deadline: Optional[InstantLike] = None,
        handler: Optional[str] = None,
        team: Optional[str] = None,
    ) -> None:
        """Applies one event and appends it to the log; returns None.

        Args:
            event: the event type.
            at: when it happened; not earlier than the last event.
            role: who did it.
            note: free text (no NUL byte: the C field is NUL-terminated).
            nature: ``classify``: the judged nature (required).
            severity: ``classify``: the severity (None keeps the current one).
            to: ``assign``: the new owner (None: the actor); ``escalate``: the new owner,
                above the current one (None: the next role up).
            method: ``visit``: how the return visit is made (required).
            deadline: ``unsatisfied``: the rectification deadline, after ``at`` (required).
            handler: who did it, an opaque handler id (:func:`plaint.check_staff_id`; None or
                "" for none); on ``assign`` and ``escalate`` the handler who takes the case
                (none leaves it to the role or team). Since 0.7.
            team: ``assign`` and ``escalate``: the id of the team that takes the case (None or
                "" keeps the current one); like the other details, ignored on other events.
                A complaint has no profile and takes any well-formed id; a ledger checks it is
                one of its profile's teams. Since 0.7.

        Raises:
            IllegalTransitionError: the event is not allowed in this state (the message names
                the state and the event).
            OutOfOrderError: ``at`` is earlier than the last event.
            InvalidArgumentError: a missing detail (see above) or an escalation not going up; a
                control character in ``handler`` or ``team``.
            OutOfRangeError: an unknown enumeration code or name; ``at`` or ``deadline``
                outside years 1400–9999.
            EncodingError, TooLargeError: a bad note; a ``handler`` or ``team`` that is not
                UTF-8, holds a NUL or is longer than 64 bytes.
            TypeError: a ``handler`` or ``team`` that is not a ``str``.
        """
        ev = make_event(
            event,
            at,
            role,
            note,
            nature=nature,
            severity=severity,
            to=to,
            method=method,
            deadline=deadline,
            handler=handler,
            team=team,
        )
        with self._lock:
            lib.plaint_complaint_apply_event(self._live(), byref(ev))

    # ---- SLA clocks ------------------------------------------------------------------------

    def clocks(
        self,
        policy_set: Any,
        policy: TextLike,
        at: InstantLike,
        *,
        team: Optional[TextLike] = None,
    ) -> List[Clock]:
        """Every SLA clock of this complaint under ``policy`` of ``policy_set``, as of instant
        ``at`` (events after ``at`` are not seen): one per target, handling cycle and round,
        in the policy's target order, then cycle and round. A target that has not started in
        the current cycle gives a NOT_STARTED clock with round 0.

        With a :class:`plaint.Profile` (since 0.7) each clock counts in the calendar of the team
        that owns the case (README.md, "Teams and their calendars"): the team of the latest
        assign or escalate naming one, else ``team``, the team the profile's rules dispatch the
        case to (:attr:`plaint.Decision.team`; None for none); a target naming its own calendar
        keeps it. A ledger of that profile gives the same clocks. With a :class:`PolicySet`, the
        targets' calendars alone.

        Args:
            policy_set: the policies, such as :meth:`PolicySet.default`, or a profile.
            policy: the policy's name ("complaint").
            at: the instant, int UTC seconds or an aware datetime.
            team: with a profile, the team the rules dispatched the case to.

        Raises:
            NotFoundError: the set has no such policy.
            OutOfRangeError: a clock would count time outside the years its calendar computes
                (1900–2199).
            EncodingError: a policy or team name holding a NUL byte.
            TypeError: ``policy_set`` is neither a :class:`PolicySet` nor a
                :class:`plaint.Profile`; a ``team`` with a policy set.
        """
        from ._profile import Profile  # here: the profile's module imports this one

        if not isinstance(policy_set, (PolicySet, Profile)):
            raise TypeError(
                "policy_set must be a plaint.PolicySet or a plaint.Profile, not "
                f"{type(policy_set).__name__}"
            )
        if team is not None and not isinstance(policy_set, Profile):
            raise TypeError("team= needs a plaint.Profile: a policy set knows no teams")
        name = encode_nts(policy, "policy")
        dispatched = None if team is None else encode_nts(team, "team")
        seconds = to_instant(at, "at")
        with self._lock:
            return clocks_of(self._live(), policy_set, name, seconds, dispatched)

    def clock(
        self,
        policy_set: Any,
        policy: TextLike,
        target: str,
        at: InstantLike,
        *,
        team: Optional[TextLike] = None,
    ) -> Clock:
        """The clock of target ``target`` (its name) in the latest cycle and round, as
        :meth:`clocks` computes them (``team`` as there); in a cycle where it has not started
        yet, that cycle's NOT_STARTED clock.

        Raises:
            KeyError: the policy has no target of that name.
            and the errors of :meth:`clocks`.
        """
        found = [k for k in self.clocks(policy_set, policy, at, team=team) if k.target == target]
        if not found:
            raise KeyError(target)
        return max(found, key=lambda k: (k.cycle, k.round))


_FIELD_LABELS = {
    _FIELD_ID: "id",
    _FIELD_NAME: "name",
    _FIELD_CONTACT: "contact",
    _FIELD_BUILDING: "building",
    _FIELD_UNIT: "unit",
    _FIELD_CONTENT: "content",
    _FIELD_REMEDY: "remedy",
    _FIELD_SUBCATEGORY: "subcategory",
}
