"""How the package finds the C library, and what it says when it cannot."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import plaint
from support import HEADER, clean_env, read_header, copy_package, run_python

SHOW = "import plaint; print(plaint.__file__); print(plaint.library_path())"
FIND = "import ctypes.util; print(ctypes.util.find_library('plaint'))"


def test_the_tests_load_the_library_named_by_plaint_library() -> None:
    assert os.environ.get("PLAINT_LIBRARY"), "conftest sets PLAINT_LIBRARY when it is unset"
    assert plaint.library_path() == os.environ["PLAINT_LIBRARY"]


def test_plaint_library_in_a_fresh_interpreter(
    tmp_path: Path, package_dir: Path, library_file: Path
) -> None:
    copy_package(package_dir, tmp_path)
    env = clean_env(PLAINT_LIBRARY=str(library_file), PYTHONPATH=str(tmp_path))
    result = run_python(SHOW, tmp_path, env)
    assert result.returncode == 0, result.stderr
    module_file, loaded = result.stdout.splitlines()
    assert Path(module_file).parent == tmp_path / "plaint"
    assert loaded == str(library_file)


def test_library_next_to_the_package(tmp_path: Path, package_dir: Path, library_file: Path) -> None:
    copy_package(package_dir, tmp_path, library=library_file)
    result = run_python(SHOW, tmp_path, clean_env(PYTHONPATH=str(tmp_path)))
    assert result.returncode == 0, result.stderr
    module_file, loaded = result.stdout.splitlines()
    assert Path(module_file).parent == tmp_path / "plaint"
    assert loaded == str(tmp_path / "plaint" / "libplaint.so.1")


def test_library_through_find_library(
    tmp_path: Path, package_dir: Path, library_file: Path
) -> None:
    copy_package(package_dir, tmp_path)
    env = clean_env(PYTHONPATH=str(tmp_path), LD_LIBRARY_PATH=str(library_file.parent))
    probe = run_python(FIND, tmp_path, env)
    assert probe.returncode == 0, probe.stderr
    name = probe.stdout.strip()
    if name == "None":
        pytest.skip(
            "ctypes.util.find_library('plaint') finds nothing here, even with LD_LIBRARY_PATH"
        )
    result = run_python(SHOW, tmp_path, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == name


def test_a_bad_plaint_library_fails_at_once_naming_the_path(
    tmp_path: Path, package_dir: Path, library_file: Path
) -> None:
    # A usable library lies next to the package, but the one asked for explicitly wins.
    copy_package(package_dir, tmp_path, library=library_file)
    missing = tmp_path / "no-such-dir" / "libplaint.so"
    env = clean_env(PLAINT_LIBRARY=str(missing), PYTHONPATH=str(tmp_path))
    result = run_python(SHOW, tmp_path, env)
    assert result.returncode != 0
    assert "ImportError" in result.stderr
    assert str(missing) in result.stderr
    assert "PLAINT_LIBRARY" in result.stderr


def test_import_error_lists_every_place_tried(tmp_path: Path, package_dir: Path) -> None:
    copy_package(package_dir, tmp_path)
    env = clean_env(PYTHONPATH=str(tmp_path))
    probe = run_python(FIND, tmp_path, env)
    if probe.stdout.strip() != "None":
        pytest.skip(f"find_library finds an installed plaint here: {probe.stdout.strip()}")
    result = run_python(SHOW, tmp_path, env)
    assert result.returncode != 0
    err = result.stderr
    assert "ImportError: cannot find the plaint C library" in err
    assert "PLAINT_LIBRARY: not set" in err
    assert f"{tmp_path / 'plaint' / 'libplaint.so.1'}: no such file" in err
    assert f"{tmp_path / 'plaint' / 'libplaint.so'}: no such file" in err
    assert 'find_library("plaint"): found nothing' in err


@pytest.fixture
def fake_abi2_library(tmp_path: Path) -> Path:
    """A shared library whose plaint_abi_version() returns 2 (built with the C compiler)."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler to build a fake library")
    source = tmp_path / "fake.c"
    source.write_text("int plaint_abi_version(void) { return 2; }\n")
    lib = tmp_path / "libfake.so"
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(lib), str(source)], check=True)
    return lib


def test_a_library_of_another_abi_is_refused(
    tmp_path: Path, package_dir: Path, fake_abi2_library: Path
) -> None:
    pkg = copy_package(package_dir, tmp_path / "pkg")
    env = clean_env(PLAINT_LIBRARY=str(fake_abi2_library), PYTHONPATH=str(pkg))
    result = run_python(SHOW, pkg, env)
    assert result.returncode != 0
    assert "ImportError" in result.stderr
    assert "ABI version is 2; this package needs 1" in result.stderr


def test_a_library_of_another_abi_next_to_the_package_is_listed(
    tmp_path: Path, package_dir: Path, fake_abi2_library: Path
) -> None:
    pkg = copy_package(package_dir, tmp_path / "pkg", library=fake_abi2_library)
    env = clean_env(PYTHONPATH=str(pkg))
    if run_python(FIND, pkg, env).stdout.strip() != "None":
        pytest.skip("find_library finds an installed plaint here")
    result = run_python(SHOW, pkg, env)
    assert result.returncode != 0
    expected = f"{pkg / 'plaint' / 'libplaint.so.1'}: loaded, but its ABI version is 2"
    assert expected in result.stderr


def test_versions() -> None:
    # PLAINT_VERSION_STRING is "0.6.0" and PLAINT_ABI_VERSION is 1 in plaint.h.
    assert plaint.version() == "0.6.0"
    assert plaint.__version__ == "0.6.0"
    assert plaint.abi_version() == 1
    assert plaint.ABI_VERSION == 1


def test_version_matches_the_header() -> None:
    if not HEADER.is_file():
        pytest.skip("plaint.h not found")
    text = read_header(HEADER)
    match = re.search(r'#define PLAINT_VERSION_STRING "([^"]+)"', text)
    assert match is not None
    assert plaint.version() == match.group(1)
