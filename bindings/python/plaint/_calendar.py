"""The :class:`Calendar` handle: business hours in a time zone, and arithmetic in them.

Single calls take instants as int UTC seconds or aware datetimes and answer in kind. The batch
calls (:meth:`Calendar.add_many`, :meth:`Calendar.sub_many`, :meth:`Calendar.between_many`) go
through the C library's batch functions in one call: a numpy ``int64`` array that is already
contiguous, or an ``array.array('q')``, is handed to the library without a copy. numpy is
optional: it is imported only when a batch call needs it for its result, and without it the
results are lists.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sys
from ctypes import byref, c_int32, c_int64, c_void_p
from typing import Any, Callable, Union, overload

from ._handle import DocumentLike, Handle, document_bytes
from ._error import InvalidArgumentError
from ._lib import lib, take_string
from ._marshal import datetime_kind, int64s, numpy_module, out_array, result_of, same_labels
from ._time import DurationLike, InstantLike, to_datetime, to_duration, to_instant


class Calendar(Handle):
    """A compiled business calendar: weekly opening hours in a time zone, closed dates and dates
    with their own hours (the README's "Business calendars" section gives the JSON form and the
    exact rules).

    A calendar is immutable, so one object may be used from many threads at once without a
    lock. :meth:`close` waits for the calls running in other threads (a batch included) to
    return, and calls made afterwards raise :class:`plaint.ClosedError`. The object owns a C
    handle: free it with :meth:`close` or a ``with`` block, or leave it to the garbage
    collector. ``Calendar()`` is always open, like :meth:`always_open`.

    Instants are int UTC seconds (answers are then ints) or aware datetimes (answers are then
    aware UTC datetimes); durations are int seconds or timedeltas of whole seconds. The years
    1900 to 2199 are computed; an instant outside them raises :class:`plaint.OutOfRangeError`.
    """

    _kind = "calendar"

    @staticmethod
    def _free(handle: int) -> None:
        lib.plaint_calendar_free(handle)

    def __init__(self) -> None:
        """A calendar that is always open (24×7)."""
        out = c_void_p()
        lib.plaint_calendar_always_open(byref(out))
        self._adopt(out.value)

    # ---- Construction ---------------------------------------------------------------------

    @classmethod
    def always_open(cls) -> "Calendar":
        """A calendar that is always open (24×7)."""
        return cls()

    @classmethod
    def from_json(cls, document: DocumentLike) -> "Calendar":
        """Compiles a calendar from its JSON form.

        Args:
            document: JSON text (``str``, or ``bytes`` in UTF-8), such as ``'"24x7"'`` or
                ``'{"timezone": "Asia/Shanghai", "week": {...}}'`` (the bare text ``24x7`` is
                taken as ``'"24x7"'``); or a value that :func:`json.dumps` serialises, such as
                a dict.

        Raises:
            ParseError: malformed JSON; the error's ``line`` and ``column`` say where.
            ValidationError: a document of the wrong shape, a bad time or date, overlapping
                openings; the message lists every problem, ``pointer`` is the first one's.
            NotFoundError: a time zone that is neither in the zone database nor a POSIX TZ
                string.
            TooLargeError: a document over 16 MiB or nested too deep.
            EncodingError: a ``str`` that cannot be encoded as UTF-8.
        """
        if isinstance(document, str) and document.strip() == "24x7":
            document = '"24x7"'  # the bare text 24x7 can only mean the document "24x7"
        data = document_bytes(document, "calendar document")
        out = c_void_p()
        lib.plaint_calendar_from_json(byref(out), data, len(data))
        return cls._wrap(out.value)

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"]) -> "Calendar":
        """Compiles the calendar in a JSON file (UTF-8).

        Raises:
            FileError: the file cannot be read (also an ``OSError``).
            and the errors of :meth:`from_json`.
        """
        return cls.from_json(cls._read_file(path))

    # ---- Handle management ------------------------------------------------------------

    def to_json(self) -> str:
        """The calendar as its JSON form (``'"24x7"'`` or an object with every field);
        :meth:`from_json` of it gives an equal calendar."""
        out = c_void_p()
        with self._use() as handle:
            lib.plaint_calendar_to_json(handle, byref(out))
        return take_string(out.value)

    def __repr__(self) -> str:
        if self.closed:
            return "<plaint.Calendar (closed)>"
        doc = json.loads(self.to_json())
        if doc == "24x7":
            return "<plaint.Calendar 24x7>"
        return f"<plaint.Calendar timezone={doc.get('timezone')!r}>"

    # ---- Single instants --------------------------------------------------------------

    def is_open(self, t: InstantLike) -> bool:
        """Whether the office is open at ``t``; openings are half-open (open at their start,
        closed at their end)."""
        seconds = to_instant(t, "t")
        out = c_int32()
        with self._use() as handle:
            lib.plaint_calendar_is_open(handle, seconds, byref(out))
        return bool(out.value)

    @overload
    def next_open(self, t: int) -> int:
        ...

    @overload
    def next_open(self, t: _dt.datetime) -> _dt.datetime:
        ...

    def next_open(self, t: InstantLike) -> InstantLike:
        """``t`` itself when the office is open then, else the next instant it opens.

        Raises:
            NotFoundError: it never opens again within the years computed.
        """
        seconds = to_instant(t, "t")
        out = c_int64()
        with self._use() as handle:
            lib.plaint_calendar_next_open(handle, seconds, byref(out))
        return _like(t, out.value)

    @overload
    def add(self, t: int, seconds: DurationLike) -> int:
        ...

    @overload
    def add(self, t: _dt.datetime, seconds: DurationLike) -> _dt.datetime:
        ...

    def add(self, t: InstantLike, seconds: DurationLike) -> InstantLike:
        """The earliest instant u ≥ t with ``seconds`` of open time in [t, u): 16:00 plus one
        hour on a 09:00–17:00 day is 17:00 that day. A negative duration is :meth:`sub`.

        Raises:
            OutOfRangeError: ``t`` or the answer outside the years computed.
            ArithmeticOverflowError: a duration that cannot be negated or added.
        """
        start = to_instant(t, "t")
        d = to_duration(seconds, "seconds")
        out = c_int64()
        with self._use() as handle:
            lib.plaint_calendar_add(handle, start, d, byref(out))
        return _like(t, out.value)

    @overload
    def sub(self, t: int, seconds: DurationLike) -> int:
        ...

    @overload
    def sub(self, t: _dt.datetime, seconds: DurationLike) -> _dt.datetime:
        ...

    def sub(self, t: InstantLike, seconds: DurationLike) -> InstantLike:
        """The latest instant u ≤ t with ``seconds`` of open time in [u, t). A negative
        duration is :meth:`add`. Raises as :meth:`add`."""
        start = to_instant(t, "t")
        d = to_duration(seconds, "seconds")
        out = c_int64()
        with self._use() as handle:
            lib.plaint_calendar_sub(handle, start, d, byref(out))
        return _like(t, out.value)

    def between(self, a: InstantLike, b: InstantLike) -> int:
        """The open seconds in [a, b); negative when ``b`` is before ``a``."""
        first = to_instant(a, "a")
        last = to_instant(b, "b")
        out = c_int64()
        with self._use() as handle:
            lib.plaint_calendar_between(handle, first, last, byref(out))
        return out.value

    # ---- Batches --------------------------------------------------------------------------

    def add_many(self, starts: Any, seconds: Any) -> Any:
        """``add(starts[i], seconds[i])`` for every i, in one library call.

        Args:
            starts: instants (int seconds; a list or tuple may also hold aware datetimes).
            seconds: durations (int seconds; a list or tuple may also hold timedeltas).
            Each is a list, a tuple, an ``array.array('q')``, a one-dimensional numpy array
            of integers or a pandas column; a contiguous int64 array is read in place. Starts
            may be a numpy ``datetime64`` array or a pandas column of datetimes (aware ones
            are converted to UTC, naive ones read as UTC), durations ``timedelta64`` of whole
            seconds; numpy converts them, with no Python work per item.

        Returns:
            The answers in the form the starts came in: for datetimes, a pandas column of UTC
            datetimes (with the starts' index), a numpy ``datetime64[s]`` array or a list of
            aware UTC datetimes; else UTC seconds, as a numpy int64 array when numpy can be
            imported, else a list of ints.

        Raises:
            InvalidArgumentError: the lengths differ, or pandas Series with different labels
                (index), which would be paired by position (also a ``ValueError``).
            the errors of :meth:`add` for the first element that fails; the message begins
            "at index i: ".
        """
        return self._batch(lib.plaint_calendar_add_many, starts, seconds, "starts", "seconds")

    def sub_many(self, starts: Any, seconds: Any) -> Any:
        """``sub(starts[i], seconds[i])`` for every i; as :meth:`add_many`."""
        return self._batch(lib.plaint_calendar_sub_many, starts, seconds, "starts", "seconds")

    def between_many(self, a: Any, b: Any) -> Any:
        """``between(a[i], b[i])`` for every i, as seconds (ints, as :meth:`between`, whatever
        form the instants came in); arguments as :meth:`add_many`."""
        return self._batch(lib.plaint_calendar_between_many, a, b, "a", "b")

    def _batch(self, func: Callable[..., int], x: Any, y: Any, xname: str, yname: str) -> Any:
        durations = yname == "seconds"
        second = to_duration if durations else to_instant
        same_labels([(xname, x), (yname, y)])
        px, n, keep_x = int64s(x, xname, to_instant, kind="instant")
        py, m, keep_y = int64s(y, yname, second, kind="duration" if durations else "instant")
        if n != m:
            raise InvalidArgumentError(f"{xname} has {n} items but {yname} has {m}")
        pointer, out = out_array(n, "int64")
        with self._use() as handle:
            func(handle, px, py, n, pointer)
        result = result_of(out)
        del keep_x, keep_y  # the inputs stay alive until the call returned
        return _instants_like(x, result) if durations else result


def _instants_like(starts: Any, seconds: Any) -> Any:
    """The answers of add_many or sub_many in the form the starts came in: datetimes for
    datetimes (a pandas column of UTC datetimes with the starts' index, a numpy
    ``datetime64[s]`` array, a list of aware UTC datetimes), else the seconds as they are."""
    how = datetime_kind(starts)
    if how == "series":
        pd = sys.modules["pandas"]
        stamps = pd.to_datetime(numpy_module().asarray(seconds, dtype="int64"), unit="s", utc=True)
        return pd.Series(stamps, index=starts.index, name=starts.name)
    if how == "numpy":
        return numpy_module().asarray(seconds, dtype="int64").astype("datetime64[s]")
    if how == "list":
        return [to_datetime(int(s)) for s in seconds]
    return seconds


def _like(t: InstantLike, seconds: int) -> InstantLike:
    """``seconds`` as an int, or as an aware UTC datetime when ``t`` was a datetime."""
    return to_datetime(seconds) if isinstance(t, _dt.datetime) else seconds


def tzdb_version() -> str:
    """The version of the system zone database that IANA zone names are read from ("2024a"),
    or "" when it cannot be read."""
    out = c_void_p()
    lib.plaint_tzdb_version(byref(out))
    return take_string(out.value)
