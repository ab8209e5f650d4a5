"""The exceptions of the plaint binding: one class per C status code.

Every failing C call returns a negative ``PLAINT_E_*`` status; the binding raises the subclass
of :class:`Error` that belongs to that code, carrying the code and the library's message. Each
subclass also derives from the built-in exception a Python caller would expect (a
:class:`ValueError` for bad values, a :class:`LookupError` for a failed look-up, ...), so
``except ValueError`` keeps working for code that does not know about plaint.
"""

from __future__ import annotations

from typing import ClassVar, Dict, List, NamedTuple, Optional, Sequence, Tuple, Type

# Status codes, equal to the PLAINT_* / PLAINT_E_* macros of plaint.h.
OK = 0
E_INVALID_ARGUMENT = -1
E_OUT_OF_RANGE = -2
E_PARSE = -3
E_ENCODING = -4
E_TOO_LARGE = -5
E_OVERFLOW = -6
E_ILLEGAL_TRANSITION = -7
E_OUT_OF_ORDER = -8
E_NOT_FOUND = -9
E_IO = -10
E_NO_MEMORY = -11
E_UNSUPPORTED = -12
E_VALIDATION = -13
E_INTERNAL = -100


class Problem(NamedTuple):
    """One problem of a document that failed validation.

    Attributes:
        pointer: the JSON pointer of the offending value ("" for the whole document).
        line: its 1-based line; 0 when unknown.
        column: its 1-based column, in characters; 0 when unknown.
        message: what is wrong, without the place.
    """

    pointer: str
    line: int
    column: int
    message: str


class Error(Exception):
    """Base class of every error the plaint library reports.

    Attributes:
        code: the C status code, a negative ``PLAINT_E_*`` value.
        message: the library's message (or the binding's, for errors found in Python).
        pointer: for a document that failed validation, the JSON pointer of the first problem
            ("/week/mon/0", "/" for the whole document); else None.
        line: for malformed text, the 1-based line of the problem; else None.
        column: for malformed text, the 1-based column (in bytes) of the problem; else None.
        problems: for a document that failed validation, every problem, in document order;
            else an empty list.
    """

    default_code: ClassVar[Optional[int]] = None

    code: int
    message: str
    pointer: Optional[str]
    line: Optional[int]
    column: Optional[int]
    problems: List[Problem]

    def __init__(
        self,
        message: str = "",
        code: Optional[int] = None,
        pointer: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        problems: Sequence[Problem] = (),
    ) -> None:
        """Creates an error; ``code`` defaults to the subclass's status code."""
        if code is None:
            code = self.default_code
        if code is None:
            raise TypeError("plaint.Error needs a status code")
        super().__init__(message)
        self.code = code
        self.message = message
        self.pointer = pointer
        self.line = line
        self.column = column
        self.problems = [Problem(*p) for p in problems]

    def __str__(self) -> str:
        return self.message

    def __reduce__(
        self,
    ) -> Tuple[
        Type["Error"],
        Tuple[str, int, Optional[str], Optional[int], Optional[int], List[Problem]],
    ]:
        return (
            type(self),
            (self.message, self.code, self.pointer, self.line, self.column, self.problems),
        )


class InvalidArgumentError(Error, ValueError):
    """A missing or empty required value, or a bad combination (``PLAINT_E_INVALID_ARGUMENT``)."""

    default_code = E_INVALID_ARGUMENT


class ClosedError(InvalidArgumentError):
    """The complaint was closed; its handle is gone (code ``PLAINT_E_INVALID_ARGUMENT``)."""


class OutOfRangeError(Error, ValueError):
    """An unknown enumeration code or name, or a number out of range (``PLAINT_E_OUT_OF_RANGE``)."""

    default_code = E_OUT_OF_RANGE


class ParseError(Error, ValueError):
    """Malformed text, such as an ISO 8601 instant (``PLAINT_E_PARSE``)."""

    default_code = E_PARSE


class EncodingError(Error, ValueError):
    """Text that is not valid UTF-8 or holds a NUL byte (``PLAINT_E_ENCODING``)."""

    default_code = E_ENCODING


class TooLargeError(Error, ValueError):
    """A value over a documented size limit (``PLAINT_E_TOO_LARGE``)."""

    default_code = E_TOO_LARGE


class ArithmeticOverflowError(Error, OverflowError):
    """A number that does not fit, or arithmetic that would overflow (``PLAINT_E_OVERFLOW``)."""

    default_code = E_OVERFLOW


class IllegalTransitionError(Error):
    """An event not allowed in the complaint's state (``PLAINT_E_ILLEGAL_TRANSITION``)."""

    default_code = E_ILLEGAL_TRANSITION


class OutOfOrderError(Error):
    """An event earlier than the last one in the log (``PLAINT_E_OUT_OF_ORDER``)."""

    default_code = E_OUT_OF_ORDER


class NotFoundError(Error, LookupError):
    """A look-up that found nothing (``PLAINT_E_NOT_FOUND``)."""

    default_code = E_NOT_FOUND


class FileError(Error, OSError):
    """File input or output failed (``PLAINT_E_IO``)."""

    default_code = E_IO


class NoMemoryError(Error, MemoryError):
    """The library ran out of memory (``PLAINT_E_NO_MEMORY``)."""

    default_code = E_NO_MEMORY


class UnsupportedError(Error):
    """An unsupported format version or feature (``PLAINT_E_UNSUPPORTED``)."""

    default_code = E_UNSUPPORTED


class ValidationError(Error, ValueError):
    """A document failed validation (``PLAINT_E_VALIDATION``)."""

    default_code = E_VALIDATION


class InternalError(Error):
    """A bug in plaint (``PLAINT_E_INTERNAL``); please report it."""

    default_code = E_INTERNAL


ERROR_CLASSES: Dict[int, Type[Error]] = {
    cls.default_code: cls  # type: ignore[misc]
    for cls in (
        InvalidArgumentError,
        OutOfRangeError,
        ParseError,
        EncodingError,
        TooLargeError,
        ArithmeticOverflowError,
        IllegalTransitionError,
        OutOfOrderError,
        NotFoundError,
        FileError,
        NoMemoryError,
        UnsupportedError,
        ValidationError,
        InternalError,
    )
}


def error_for(
    code: int,
    message: str,
    pointer: Optional[str] = None,
    line: Optional[int] = None,
    column: Optional[int] = None,
    problems: Sequence[Problem] = (),
) -> Error:
    """The exception for status ``code``: its subclass, or plain :class:`Error` if unknown,
    with the place in the input and every problem when the library gave them."""
    cls = ERROR_CLASSES.get(code, Error)
    return cls(message, code, pointer, line, column, problems)
