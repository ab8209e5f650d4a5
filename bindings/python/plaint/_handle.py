"""What the handle classes share: owning one C handle freed exactly once (by ``close()``, a
``with`` block or the garbage collector), and reading the JSON documents they are compiled from
and the texts or files (sources) they import.
The immutable ones (Calendar, PolicySet, Profile) are :class:`Handle`; the mutable ones
(Complaint, Ledger) are :class:`LockedHandle`, whose lock their methods hold across C calls."""

from __future__ import annotations

import json
import os
import threading
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


class Handle:
    """An object that owns one C handle of an immutable plaint object."""

    _kind = "handle"  # what the object is called in messages
    _box: List[Optional[int]]
    _finalizer: weakref.finalize

    @staticmethod
    def _free(handle: int) -> None:  # pragma: no cover - every subclass sets its own
        raise NotImplementedError

    def _adopt(self, handle: Optional[int]) -> None:
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

    def _live(self) -> int:
        handle = self._box[0]
        if not handle:
            raise ClosedError(f"{self._kind} is closed")
        return handle

    def close(self) -> None:
        """Frees the C handle. Safe to call more than once; later use raises ClosedError."""
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
        """Frees the C handle. Safe to call more than once; later use raises ClosedError."""
        with self._lock:
            self._finalizer()


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
