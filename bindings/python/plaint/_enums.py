"""The enumerations of plaint, with the integer codes of ``plaint.h``.

Each is an :class:`enum.IntEnum` whose values equal the C ``PLAINT_*`` codes, which never
change, and which prints its name ("State.CLASSIFIED") on every Python version. Member names
are the C names in upper case; :attr:`PlaintEnum.label` gives the stable lower-case name the
library uses in text ("on_site"). Wherever the API takes an enumeration it
accepts the member, its int code or its lower-case name.
"""

from __future__ import annotations

import ctypes
import enum
from typing import Dict, Type, TypeVar, Union

from ._marshal import check_int32
from ._error import OutOfRangeError
from ._lib import lib


class NamedIntEnum(enum.IntEnum):
    """An IntEnum that prints its name, as IntEnum did before Python 3.11 (whose ``str()``
    gives the bare value): ``print(State.CLASSIFIED)`` and ``f"{State.CLASSIFIED}"`` give
    "State.CLASSIFIED"; a format spec (``f"{s:d}"``, ``f"{s:>3}"``) formats the code."""

    def __str__(self) -> str:
        return f"{type(self).__name__}.{self.name}"

    def __format__(self, spec: str) -> str:
        return str(self) if not spec else format(int(self), spec)


class PlaintEnum(NamedIntEnum):
    """Base of the plaint enumerations."""

    @property
    def label(self) -> str:
        """The stable lower-case name the library uses ("cs_manager")."""
        return self.name.lower()


class Channel(PlaintEnum):
    """How the complaint reached the office (投诉方式)."""

    PHONE = 1
    VISIT = 2
    LETTER = 3
    ONLINE = 4
    AUTHORITY = 5
    MEDIA = 6
    OTHER = 7


class Category(PlaintEnum):
    """What the complaint is about (投诉内容)."""

    EQUIPMENT = 1
    ATTITUDE = 2
    QUALITY = 3
    SUDDEN_EVENT = 4
    OTHER = 5


class Nature(PlaintEnum):
    """The nature judged at classification (投诉性质)."""

    UNJUDGED = 0
    VALID = 1
    INVALID = 2
    MAJOR = 3
    HELP_SEEKING = 4
    CONSULTING = 5
    VENTING = 6


class Kind(PlaintEnum):
    """The kind of request the service desk takes (DOMAIN.md §8); each has its own workflow
    (:func:`plaint.transition`). Since 0.7."""

    COMPLAINT = 1  # 投诉: the full cycle, with a nature judged before handling
    REPAIR = 2  # 报修: assessed on site, fixed, confirmed with the resident
    CONSULTATION = 3  # 咨询: answered and closed
    SUGGESTION = 4  # 建议: acknowledged and closed
    PRAISE = 5  # 表扬: acknowledged and closed


class Severity(PlaintEnum):
    """Severity, P1 most urgent; UNSET until assessed."""

    UNSET = 0
    P1 = 1
    P2 = 2
    P3 = 3
    P4 = 4


class Role(PlaintEnum):
    """Roles, in escalation order: each escalates to the next."""

    DUTY_STAFF = 1
    CS_ASSISTANT = 2
    CS_MANAGER = 3
    GENERAL_MANAGER = 4
    COMPANY = 5


class VisitMethod(PlaintEnum):
    """How a return visit (回访) is made."""

    PHONE = 1
    ON_SITE = 2
    MEETING = 3
    PUBLIC_NOTICE = 4
    OTHER = 5


class State(PlaintEnum):
    """Lifecycle states of a complaint."""

    RECEIVED = 1
    RECORDED = 2
    CLASSIFIED = 3
    ASSIGNED = 4
    IN_PROGRESS = 5
    WAITING = 6
    RESOLVED = 7
    RETURN_VISIT = 8
    RECTIFICATION = 9
    CLOSED = 10
    EXPLAINED = 11


class EventType(PlaintEnum):
    """Events that drive the lifecycle."""

    RECEIVE = 1
    RECORD = 2
    CLASSIFY = 3
    ASSIGN = 4
    START = 5
    WAIT = 6
    RESUME = 7
    RESOLVE = 8
    VISIT = 9
    SATISFIED = 10
    UNSATISFIED = 11
    EXPLAIN = 12
    CLOSE = 13
    ESCALATE = 14
    REOPEN = 15
    ANSWER = 16  # a consultation is answered, which closes it. Since 0.7.
    ACKNOWLEDGE = 17  # a suggestion or praise is acknowledged, which closes it. Since 0.7.
    CONFIRM = 18  # the resident confirms a finished repair, which closes it. Since 0.7.


class TargetKind(PlaintEnum):
    """What an SLA target measures; each kind brings default start, stop, pause and resume
    events (the README's "SLA policies and clocks" section lists them)."""

    RECORD = 1
    ACKNOWLEDGE = 2
    FIRST_RESPONSE = 3
    FIRST_FEEDBACK = 4
    RESOLUTION = 5
    REPAIR_RESPONSE = 6
    REPAIR_COMPLETION = 7
    CONSULTATION_ANSWER = 8
    RETURN_VISIT = 9
    RECTIFICATION = 10
    CUSTOM = 11


class ClockState(PlaintEnum):
    """The state of an SLA clock at an instant."""

    NOT_STARTED = 0
    RUNNING = 1
    PAUSED = 2
    MET = 3
    WARNING = 4
    BREACHED = 5


#: The ``PLAINT_ENUM_*`` kind of each enumeration, for plaint_enum_name / plaint_enum_parse.
ENUM_KINDS: Dict[Type[PlaintEnum], int] = {
    Channel: 1,
    Category: 2,
    Nature: 3,
    Severity: 4,
    Role: 5,
    VisitMethod: 6,
    State: 7,
    EventType: 8,
    TargetKind: 9,
    ClockState: 10,
    Kind: 11,
}

E = TypeVar("E", bound=PlaintEnum)


def parse_name(cls: Type[PlaintEnum], name: str) -> int:
    """The code of the lower-case ``name`` in ``cls``, looked up by the library.

    Raises:
        OutOfRangeError: an unknown name (the library's message lists the valid ones).
    """
    try:
        data = name.encode("utf-8")
    except UnicodeEncodeError:
        data = b"\0"
    if b"\0" in data:  # the C parameter is NUL-terminated: such a name cannot be one
        raise OutOfRangeError(f"unknown {cls.__name__} name {name!r}")
    out = ctypes.c_int32()
    lib.plaint_enum_parse(ENUM_KINDS[cls], data, ctypes.byref(out))
    return out.value


def to_code(cls: Type[PlaintEnum], value: Union[PlaintEnum, int, str], what: str) -> int:
    """The C code for ``value``: a member of ``cls``, an int code or a lower-case name.

    An int is only checked to fit an int32_t; whether it is a known code is left to the
    library, which raises :class:`OutOfRangeError`.

    Raises:
        TypeError: a member of another enumeration, a ``bool``, or another type.
        OutOfRangeError: an unknown name, or an int that does not fit an int32_t.
    """
    if isinstance(value, cls):
        return int(value)
    if isinstance(value, enum.Enum):
        raise TypeError(f"{what} must be a {cls.__name__}, not {value!r}")
    if isinstance(value, str):
        return parse_name(cls, value)
    try:
        return check_int32(value, what)
    except TypeError:
        raise TypeError(
            f"{what} must be a {cls.__name__}, its int code or its name, "
            f"not {type(value).__name__}"
        ) from None


def from_code(cls: Type[E], code: int) -> E:
    """The member of ``cls`` with ``code``; the bare int for a code newer than this package."""
    try:
        return cls(code)
    except ValueError:
        return code  # type: ignore[return-value]
