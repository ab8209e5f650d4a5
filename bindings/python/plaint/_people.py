"""The people of the service desk (the C++ header ``people.hpp``, DOMAIN.md §8 "Who handles
it"): the teams a profile defines (customer service, engineering and repair, security,
cleaning...) and the handlers who carry a case.

The library knows a handler only by an opaque, pseudonymous id the caller chooses ("eng-017");
it stores no name or other personal data about staff. An event names its handler and, on
``assign`` and ``escalate``, a team (:meth:`plaint.Complaint.apply`'s ``handler`` and ``team``);
:attr:`plaint.Complaint.handler` and :attr:`plaint.Complaint.team` give the owner;
:attr:`plaint.Profile.teams` the teams; :attr:`plaint.Decision.team` the team the rules dispatch
a case to; a ledger's views and :meth:`plaint.Ledger.select` carry both. Since 0.7.
"""

from __future__ import annotations

from ctypes import byref, c_int32, c_size_t, c_void_p
from dataclasses import dataclass
from typing import Optional, Tuple

from ._enums import Role, from_code
from ._error import EncodingError
from ._lib import lib
from ._marshal import borrowed, encode_str

#: The most bytes a handler or team id holds (PLAINT_STAFF_ID_MAX).
STAFF_ID_MAX = 64

# Roles there are (duty staff to company): the most a team can list.
_ROLES = 5


@dataclass(frozen=True)
class Team:
    """A team of a profile's ``teams`` section (:attr:`plaint.Profile.teams`). Since 0.7.

    Attributes:
        id: its key in the profile, a handler-style id (:func:`check_staff_id`).
        name: its display name ("工程维修部"); "" when the profile gives none.
        roles: the roles its members hold, in role order; every role when the profile lists
            none.
        calendar: the calendar its work counts in (one of the profile's, or "24x7"); "" when
            the team keeps the calendars of the SLA targets.
    """

    id: str
    name: str
    roles: Tuple[Role, ...]
    calendar: str


def check_staff_id(id: str) -> None:
    """Checks a handler or team id as the library checks the ids of events and teams: 1 to 64
    bytes of UTF-8 without control characters (C0, DEL, C1) — an opaque key, not a name.
    Returns None when it is good. Since 0.7.

    Raises:
        InvalidArgumentError: an empty id, or one with a control character.
        TooLargeError: more than 64 bytes of UTF-8.
        EncodingError: a NUL character, or a ``str`` that cannot be encoded (a lone surrogate).
        TypeError: anything but a ``str``.
    """
    data = encode_str(id, "id")
    lib.plaint_staff_id_check(data, len(data))


def staff_arg(value: Optional[str], what: str) -> Optional[bytes]:
    """The C field of an event's ``handler`` or ``team``: None for None; the id's UTF-8 bytes,
    NUL-terminated, the library checking them when the event is applied.

    Raises:
        TypeError: anything but a ``str`` or None.
        EncodingError: a NUL character (the C field would silently end there), a lone
            surrogate.
    """
    if value is None:
        return None
    data = encode_str(value, what)
    nul = data.find(b"\0")
    if nul >= 0:
        raise EncodingError(f"{what}: embedded NUL at byte {nul}")
    return data


def staff_id_or_none(data: Optional[bytes]) -> Optional[str]:
    """A handler or team id the library gave (``b""`` or NULL for none) as a ``str`` or None."""
    return data.decode("utf-8", errors="replace") if data else None


def teams_of(handle: int) -> Tuple[Team, ...]:
    """Every team of the profile ``handle`` (the caller keeps it alive), in id order."""
    count = c_size_t()
    lib.plaint_profile_team_count(handle, byref(count))
    return tuple(team_at(handle, index) for index in range(count.value))


def team_at(handle: int, index: int) -> Team:
    """Team ``index`` of the profile ``handle``, copied out."""

    def text(func: object) -> str:
        ptr = c_void_p()
        func(handle, index, byref(ptr))  # type: ignore[operator]
        return borrowed(ptr.value)

    roles = (c_int32 * _ROLES)()
    n = c_size_t()
    lib.plaint_profile_team_roles(handle, index, roles, _ROLES, byref(n))
    return Team(
        id=text(lib.plaint_profile_team_id),
        name=text(lib.plaint_profile_team_name),
        roles=tuple(from_code(Role, roles[i]) for i in range(min(n.value, _ROLES))),
        calendar=text(lib.plaint_profile_team_calendar),
    )


def find_team(handle: int, id: str) -> Team:
    """The team ``id`` of the profile ``handle``.

    Raises:
        NotFoundError: no team has this id.
        TypeError: ``id`` is not a ``str``.
        EncodingError: a NUL character or a lone surrogate in ``id``.
    """
    data = staff_arg(id, "team")
    index = c_size_t()
    lib.plaint_profile_find_team(handle, data, byref(index))
    return team_at(handle, index.value)


__all__ = ["STAFF_ID_MAX", "Team", "check_staff_id"]
