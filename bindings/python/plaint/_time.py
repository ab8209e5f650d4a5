"""Time across the C ABI (the C++ header ``time.hpp``): instants are int64 UTC seconds since the
Unix epoch, durations int64 seconds.

From Python an instant may be an ``int`` or a timezone-aware :class:`datetime.datetime`; a naive
datetime is refused (its zone is unknown), and so are ``bool`` and ``float`` (a float loses
precision, a bool is a mistake). :func:`parse_instant` and :func:`format_instant` convert to and
from ISO 8601 text.
"""

from __future__ import annotations

import ctypes
import datetime as _dt
import operator
from typing import Union

from ._error import ArithmeticOverflowError, InvalidArgumentError, OutOfRangeError
from ._lib import lib, take_string
from ._marshal import INT64_MAX, INT64_MIN, TextLike, check_int32, encode_text

#: An instant as the API accepts it: UTC seconds, or an aware datetime.
InstantLike = Union[int, _dt.datetime]
#: A duration as the API accepts it: int seconds, or a timedelta of whole seconds.
DurationLike = Union[int, _dt.timedelta]

EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)

#: The first and last instants with an ISO 8601 form (``plaint::min_text_instant`` and
#: ``max_text_instant`` of time.hpp): 1400-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
MIN_TEXT_INSTANT = -17987443200
MAX_TEXT_INSTANT = 253402300799


def to_instant(value: object, what: str = "instant") -> int:
    """UTC seconds from an ``int``, an aware datetime (floored to the second) or a numpy
    ``datetime64`` (read as UTC, floored to the second).

    Raises:
        TypeError: a ``bool``, ``float`` or other non-integer.
        InvalidArgumentError: a naive datetime (also a ``ValueError``).
        ArithmeticOverflowError: an int outside int64.
    """
    if isinstance(value, _dt.datetime):
        if value.utcoffset() is None:
            raise InvalidArgumentError(
                f"{what} is a naive datetime ({value.isoformat()}); give it a tzinfo, "
                "such as datetime.timezone.utc"
            )
        delta = value - EPOCH  # exact: days, seconds and microseconds, microseconds >= 0
        return delta.days * 86400 + delta.seconds
    if type(value).__name__ == "datetime64" and hasattr(value, "astype"):
        # A numpy datetime64 scalar: UTC (numpy has no zones), floored to the second.
        if value != value:  # NaT
            raise InvalidArgumentError(f"{what} is NaT (no time)")
        return int(value.astype("datetime64[s]").astype("int64"))
    if isinstance(value, (bool, float)):
        raise TypeError(
            f"{what} must be an int (UTC seconds) or an aware datetime, not {type(value).__name__}"
        )
    try:
        seconds = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(
            f"{what} must be an int (UTC seconds) or an aware datetime, not {type(value).__name__}"
        ) from None
    if not INT64_MIN <= seconds <= INT64_MAX:
        raise ArithmeticOverflowError(f"{what} {seconds} does not fit in int64 seconds")
    return seconds


def to_duration(value: object, what: str = "duration") -> int:
    """Seconds from an ``int``, or a :class:`datetime.timedelta` or numpy ``timedelta64`` of
    whole seconds.

    Raises:
        TypeError: a ``bool``, ``float`` or other non-integer.
        OutOfRangeError: a timedelta with a fraction of a second (also a ``ValueError``).
        ArithmeticOverflowError: seconds outside int64.
    """
    if isinstance(value, _dt.timedelta):
        whole, rest = divmod(value, _dt.timedelta(seconds=1))
        if rest:
            raise OutOfRangeError(f"{what} {value} is not a whole number of seconds")
        seconds = int(whole)
    elif type(value).__name__ == "timedelta64" and hasattr(value, "astype"):
        # A numpy timedelta64 scalar of whole seconds.
        if value != value:  # NaT
            raise InvalidArgumentError(f"{what} is NaT (no time)")
        seconds = int(value.astype("timedelta64[s]").astype("int64"))
        if value.astype("timedelta64[s]") != value:
            raise OutOfRangeError(f"{what} {value} is not a whole number of seconds")
    elif isinstance(value, (bool, float)):
        raise TypeError(
            f"{what} must be an int (seconds) or a datetime.timedelta, not {type(value).__name__}"
        )
    else:
        try:
            seconds = operator.index(value)  # type: ignore[arg-type]
        except TypeError:
            raise TypeError(
                f"{what} must be an int (seconds) or a datetime.timedelta, "
                f"not {type(value).__name__}"
            ) from None
    if not INT64_MIN <= seconds <= INT64_MAX:
        raise ArithmeticOverflowError(f"{what} {seconds} does not fit in int64 seconds")
    return seconds


def to_stored_instant(value: object, what: str = "instant") -> int:
    """:func:`to_instant` for an instant a complaint keeps (its receipt, an event's instant or
    deadline): it must have an ISO 8601 form, within years 1400–9999 (``MIN_TEXT_INSTANT`` to
    ``MAX_TEXT_INSTANT``), as ``Complaint.from_json`` requires, or the complaint could not be
    written back as JSON, nor its instants read as datetimes.

    Raises:
        OutOfRangeError: an instant outside years 1400–9999 (also a ``ValueError``).
        and the errors of :func:`to_instant`.
    """
    seconds = to_instant(value, what)
    if not MIN_TEXT_INSTANT <= seconds <= MAX_TEXT_INSTANT:
        raise OutOfRangeError(
            f"{what} {seconds} lies outside years 1400-9999 ({MIN_TEXT_INSTANT}.."
            f"{MAX_TEXT_INSTANT}), which a complaint's instants must lie in"
        )
    return seconds


def to_datetime(seconds: int) -> _dt.datetime:
    """The aware UTC datetime of an instant.

    Raises:
        OutOfRangeError: an instant outside years 1–9999, which datetime cannot hold.
    """
    try:
        return EPOCH + _dt.timedelta(seconds=seconds)
    except OverflowError:
        raise OutOfRangeError(
            f"instant {seconds} lies outside years 1-9999; a datetime cannot hold it"
        ) from None


def parse_instant(text: TextLike) -> int:
    """Parses an ISO 8601 instant with an offset ("2026-03-02T09:30:00+08:00" or "...Z").

    A fraction of a second is truncated. The text passes with its length, so a NUL inside it
    is seen (and refused) by the library.

    Returns:
        UTC seconds since the Unix epoch.

    Raises:
        ParseError: malformed text (the message names the column).
        OutOfRangeError: a year outside 1400–9999 or an offset beyond ±18:00.
        EncodingError: a ``str`` that cannot be encoded as UTF-8.
    """
    data = encode_text(text, "instant text")
    out = ctypes.c_int64()
    lib.plaint_instant_parse(data, len(data), ctypes.byref(out))
    return out.value


def format_instant(t: InstantLike, offset_seconds: Union[int, _dt.timedelta] = 0) -> str:
    """Formats an instant as ISO 8601: in UTC ("...Z") for offset 0, else as the wall time at
    ``offset_seconds`` east of UTC with "±hh:mm".

    Raises:
        OutOfRangeError: outside years 1400–9999, or an offset that is not a whole minute
            within ±18:00.
    """
    seconds = to_instant(t, "instant")
    if isinstance(offset_seconds, _dt.timedelta):
        whole, rest = divmod(offset_seconds, _dt.timedelta(seconds=1))
        if rest:
            raise OutOfRangeError(f"offset {offset_seconds} is not a whole number of seconds")
        offset = check_int32(whole, "offset")
    else:
        offset = check_int32(offset_seconds, "offset")
    out = ctypes.c_void_p()
    lib.plaint_instant_format(seconds, offset, ctypes.byref(out))
    return take_string(out.value)
