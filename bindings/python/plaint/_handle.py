"""What the handle classes share: owning one C handle freed exactly once (by ``close()``, a
``with`` block or the garbage collector), and reading the JSON documents they are compiled from
and the texts or files (sources) they import.
The immutable ones (Calendar, PolicySet, Profile) are :class:`Handle`; the mutable ones
(Complaint, Ledger) are :class:`LockedHandle`, whose lock their methods hold across C calls."""

from __future__ import annotations

import json
import os
import threading
import time
import weakref
from typing import Any, Callable, Dict, List, Optional, Type, TypeVar, Union

from ._marshal import encode_text
from ._error import ClosedError, FileError, TooLargeError

#: A document: JSON text (``str`` or UTF-8 ``bytes``), or a value to serialise (a dict).
DocumentLike = Union[str, bytes, bytearray, memoryview, Dict[str, Any]]

PathLike = Union[str, "os.PathLike[str]"]
#: Text given directly (``bytes``, or a ``str`` holding a line break or starting with ``{``) or
#: the path of a file to read (any other ``str``, or an ``os.PathLike``).
Source = Union[str, bytes, bytearray, memoryview, "os.PathLike[str]"]

# A JSON document's size limit in the library (calendars, policy sets, profiles): 16 MiB.
MAX_DOCUMENT_BYTES = 16 << 20

H = TypeVar("H", bound="Handle")


def _free_boxed(free: Callable[[int], None], box: List[Optional[int]]) -> None:
    """Frees the handle in ``box`` once; the finalizer of every handle object."""
    handle, box[0] = box[0], None
    if handle:
        free(handle)


def document_bytes(document: Any, what: str) -> bytes:
    """A document as UTF-8 bytes: JSON text (str), raw bytes, or a value serialised to JSON."""
    if isinstance(document, str):
        return encode_text(document, what)
    if isinstance(document, (bytes, bytearray, memoryview)):
        return bytes(document)
    return encode_text(json.dumps(document, ensure_ascii=False), what)


class _InUse:
    """One use of a handle by C calls (``with obj._use() as handle:``): gives the handle and
    counts it as in use until the block ends, so :meth:`Handle.close` waits for it.

    Lock-free: a use first registers itself (``list.append`` is atomic), then checks that
    close has not begun; close first marks itself begun, then waits until no use is
    registered. Whichever order two threads run in, either close sees the use and waits, or
    the use sees close and raises ClosedError.
    """

    __slots__ = ("_owner",)

    def __init__(self, owner: "Handle") -> None:
        self._owner = owner

    def __enter__(self) -> int:
        owner = self._owner
        owner._users.append(None)
        handle = owner._box[0]
        if not handle or owner._closing:
            owner._users.pop()
            raise ClosedError(f"{owner._kind} is closed")
        return handle

    def __exit__(self, *exc_info: object) -> None:
        self._owner._users.pop()


class Handle:
    """An object that owns one C handle of an immutable plaint object.

    ctypes releases the GIL during every C call, so another thread may close the object while
    a call (a batch of a million instants...) runs on its handle. Every C call on the handle
    is therefore made inside ``with self._use() as handle:``, which counts the call, and
    :meth:`close` waits until no call runs before it frees the handle; a call that begins once
    ``close`` began raises :class:`ClosedError`.
    """

    _kind = "handle"  # what the object is called in messages
    _box: List[Optional[int]]
    _finalizer: weakref.finalize
    _users: List[None]  # one entry per use running (see _InUse)
    _closing: bool

    @staticmethod
    def _free(handle: int) -> None:  # pragma: no cover - every subclass sets its own
        raise NotImplementedError

    def _adopt(self, handle: Optional[int]) -> None:
        self._users = []
        self._closing = False
        self._box = [handle]
        self._finalizer = weakref.finalize(self, _free_boxed, type(self)._free, self._box)

    @classmethod
    def _wrap(cls: Type[H], handle: Optional[int]) -> H:
        obj = cls.__new__(cls)
        obj._adopt(handle)
        return obj

    @classmethod
    def _read_file(cls, path: Union[str, "os.PathLike[str]"]) -> bytes:
        # Streamed, as the library's loaders read (src/file_input.hpp): a FIFO works, and an
        # endless device is refused once it gave more than the documents' 16 MiB limit.
        try:
            with open(path, "rb") as f:
                data = f.read(MAX_DOCUMENT_BYTES + 1)
        except OSError as exc:
            raise FileError(f"cannot read {cls._kind} file {os.fsdecode(path)}: {exc}") from exc
        if len(data) > MAX_DOCUMENT_BYTES:
            raise TooLargeError(
                f"{cls._kind} file {os.fsdecode(path)} is more than {MAX_DOCUMENT_BYTES} bytes "
                "(the limit)"
            )
        return data

    def _use(self) -> _InUse:
        """``with self._use() as handle:`` around C calls on the handle (see the class)."""
        return _InUse(self)

    def _live(self) -> int:
        """The handle, for a C call made while holding the object's lock (a
        :class:`LockedHandle`, whose :meth:`close` takes that lock too); other calls use
        :meth:`_use`."""
        handle = self._box[0]
        if not handle:
            raise ClosedError(f"{self._kind} is closed")
        return handle

    def close(self) -> None:
        """Frees the C handle, once every C call running on it in another thread returned
        (a call that begins afterwards raises ClosedError). Safe to call more than once."""
        self._closing = True
        pause = 0.0001
        while self._users:  # calls running in other threads: wait until they returned
            time.sleep(pause)
            pause = min(pause * 2, 0.01)
        self._finalizer()

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return not self._box[0]

    def __enter__(self: H) -> H:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class LockedHandle(Handle):
    """An object that owns one C handle of a mutable plaint object, with the re-entrant lock
    its methods hold across their C calls (and :meth:`close` too)."""

    _lock: threading.RLock

    def _adopt(self, handle: Optional[int]) -> None:
        self._lock = threading.RLock()
        super()._adopt(handle)

    def close(self) -> None:
        """Frees the C handle, under the object's lock (so after the method running in another
        thread returned). Safe to call more than once; later use raises ClosedError."""
        with self._lock:
            super().close()


def is_text(source: object) -> bool:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return True
    if isinstance(source, str):
        return "\n" in source or source.lstrip().startswith("{") or not source
    return False


def source_bytes(source: Source, what: str) -> bytes:
    """The bytes of ``source``: text given directly, or the contents of the file it names."""
    if is_text(source):
        return document_bytes(source, what)
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(f"{what} must be text (str, bytes) or a path, not {type(source).__name__}")
    try:
        with open(source, "rb") as f:
            return f.read()
    except OSError as exc:
        raise FileError(f"cannot read {what} file {os.fsdecode(source)}: {exc}") from exc


def path_bytes(path: PathLike, what: str) -> bytes:
    raw = os.fsencode(path)
    if b"\0" in raw:
        raise ValueError(f"{what} holds a NUL byte")
    return raw
