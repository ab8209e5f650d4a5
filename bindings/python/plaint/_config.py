"""Versions (the C++ header ``config.hpp``): the run-time C library's version and ABI version,
and where it was loaded from."""

from __future__ import annotations

from ._lib import lib as _clib, library_path as _library_path


def version() -> str:
    """The run-time C library's version string ("0.6.0")."""
    raw: bytes = _clib.plaint_version_string()
    return raw.decode("ascii", errors="replace")


def abi_version() -> int:
    """The run-time C library's ABI version; always :data:`ABI_VERSION` once imported."""
    return int(_clib.plaint_abi_version())


def library_path() -> str:
    """Where the C library was loaded from: a path, or the name find_library gave."""
    return _library_path
