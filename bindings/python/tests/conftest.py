"""Shared set-up of the plaint binding's tests.

The tests use the C library named by ``PLAINT_LIBRARY`` (CTest sets it). When it is unset,
they fall back to a ``libplaint.so`` in a ``build*`` directory at the top of the source tree,
found relative to this file. The package is imported from ``PYTHONPATH``, or else from the
directory above this one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator

import pytest

import support

if not os.environ.get("PLAINT_LIBRARY"):
    _found = support.fallback_library()
    if _found is not None:
        os.environ["PLAINT_LIBRARY"] = str(_found)

try:
    import plaint
except ModuleNotFoundError:
    sys.path.insert(0, str(support.PACKAGE_ROOT))
    import plaint


@pytest.fixture
def complaint() -> Iterator[plaint.Complaint]:
    """A fresh complaint "C-0001" received at T0, closed after the test."""
    with plaint.Complaint("C-0001", support.T0) as c:
        yield c


@pytest.fixture(scope="session")
def library_file() -> Path:
    """The real file of the C library the tests loaded."""
    return Path(os.path.realpath(plaint.library_path()))


@pytest.fixture(scope="session")
def package_dir() -> Path:
    """The directory of the plaint package under test."""
    return Path(plaint.__file__).resolve().parent


@pytest.fixture(scope="session")
def header() -> Path:
    """plaint.h in the source tree; the tests that read it are skipped without it."""
    if not support.HEADER.is_file():
        pytest.skip(f"plaint.h not found at {support.HEADER}")
    return support.HEADER
