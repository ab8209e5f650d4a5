"""Snapshots (the C++ header ``snapshot.hpp``): a whole ledger, with its profile, saved to a file
atomically and loaded back, a truncated or foreign file refused. :class:`plaint.Ledger` inherits
:class:`SnapshotMethods`."""

from __future__ import annotations

import threading
from ctypes import byref, c_void_p
from typing import Optional, Type, TypeVar

from ._handle import PathLike, path_bytes
from ._lib import lib
from ._profile import Profile

L = TypeVar("L", bound="SnapshotMethods")


class SnapshotMethods:
    """The snapshot methods of :class:`plaint.Ledger` (which provides ``_lock``, ``_live``
    and ``_adopt``)."""

    _lock: threading.RLock

    def _live(self) -> int:  # pragma: no cover - Ledger's
        raise NotImplementedError

    def _adopt(self, handle: Optional[int]) -> None:  # pragma: no cover - Ledger's
        raise NotImplementedError

    def save(self, path: PathLike) -> None:
        """Saves the whole ledger, with its profile, as a snapshot file, atomically (a
        temporary file beside it, synced, then renamed over it).

        Raises:
            FileError: the file cannot be written (``path`` keeps what it held).
        """
        raw = path_bytes(path, "path")
        with self._lock:
            lib.plaint_ledger_save(self._live(), raw)

    @classmethod
    def load(cls: Type[L], path: PathLike, profile: Optional[Profile] = None) -> L:
        """Loads a snapshot file: the ledger saved, under its stored profile (``profile``
        None or equal to it), or replayed under ``profile`` (everything derived again).

        Raises:
            FileError: the file cannot be read.
            ParseError: not a snapshot, or a truncated or corrupted one.
            UnsupportedError: a newer format, another byte order.
        """
        if profile is not None and not isinstance(profile, Profile):
            raise TypeError(f"profile must be a plaint.Profile, not {type(profile).__name__}")
        out = c_void_p()
        raw = path_bytes(path, "path")
        if profile is None:
            lib.plaint_ledger_load(byref(out), raw, None)
        else:
            with profile._use() as handle:
                lib.plaint_ledger_load(byref(out), raw, handle)
        obj = cls.__new__(cls)
        obj._adopt(out.value)
        return obj
