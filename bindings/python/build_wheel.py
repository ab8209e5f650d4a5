"""Builds the plaint wheel that carries the C library: ``pip install plaint-*.whl`` then needs no
``PLAINT_LIBRARY``, since the package finds ``libplaint.so.1`` next to itself.

usage: build_wheel.py LIBRARY OUT_DIR [--strip PROGRAM | --no-strip]

LIBRARY is the library under its soname (``build/release/libplaint.so.1``, a link to the real
file): the real file's bytes go into the package as ``plaint/<soname>``, the one name the loader
looks for first and the one the library answers to, without the links a wheel cannot hold. The
copy is stripped of its debug information (``strip --strip-unneeded``, kept dynamic symbols)
unless ``--no-strip``. Run it with Debian's interpreter (``/usr/bin/python3``), which has
``python3-pip``, ``python3-setuptools`` and ``python3-wheel``: nothing comes from a package index.

The wheel is built by pip from a copy of this directory (the source tree gets no ``build/`` or
``*.egg-info``), without build isolation, then tagged ``py3-none-<platform>`` (for example
``py3-none-linux_x86_64``) with ``Root-Is-Purelib: false``. setuptools alone would call it
``py3-none-any``, since the package has no extension module; but the library is machine code for
this platform. It is not tied to a Python version: the package loads it through ctypes, so no
CPython ABI is involved, and one wheel serves every Python 3 from 3.9 on. The tag is
``linux_<arch>``, not ``manylinux``: the library needs the system's libstdc++, Boost.Serialization
1.74 and date-tz (Debian 12's ``libboost-serialization1.74.0`` and ``libdate-tz3``), so the wheel is
for systems that have those, which is what the plain platform tag says.

Any ``plaint-*.whl`` already in OUT_DIR is removed, so that ``pip install OUT_DIR/plaint-*.whl``
installs this one. Prints the wheel's path.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def platform_tag() -> str:
    """This interpreter's platform as a wheel tag (``linux_x86_64``), as bdist_wheel forms it."""
    return re.sub(r"[-.]", "_", sysconfig.get_platform())


def record_hash(data: bytes) -> str:
    """A RECORD entry's hash of ``data`` (PEP 376/427: urlsafe base64 sha256, no padding)."""
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode("ascii")


def stage(library: Path, soname: str, dest: Path, strip: str) -> None:
    """Copies the package (without any library already lying in it) and the library to
    ``dest``."""
    shutil.copy2(HERE / "pyproject.toml", dest / "pyproject.toml")
    shutil.copytree(
        HERE / "plaint",
        dest / "plaint",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "libplaint.so*"),
    )
    target = dest / "plaint" / soname
    shutil.copyfile(os.path.realpath(library), target)
    os.chmod(target, 0o755)
    if strip:
        subprocess.run([strip, "--strip-unneeded", str(target)], check=True)


def build_pure(source: Path, out: Path) -> Path:
    """Runs pip's wheel build of ``source`` without isolation or index; the wheel built."""
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-build-isolation"]
    command += ["--no-index", "--no-deps", "--wheel-dir", str(out), str(source)]
    subprocess.run(command, check=True, env=env)
    built = sorted(out.glob("plaint-*.whl"))
    if len(built) != 1:
        raise SystemExit(f"build_wheel.py: expected one wheel from pip, found {built}")
    return built[0]


def retag(wheel: Path, tag: str, out_dir: Path) -> Path:
    """Writes ``wheel`` again as a platform wheel with ``tag``: the WHEEL file says the tag and
    that the root is platlib, RECORD gets WHEEL's new hash, and the file name the new tag."""
    name, version = wheel.name.split("-")[:2]
    target = out_dir / f"{name}-{version}-{tag}.whl"
    info = f"{name}-{version}.dist-info"
    with zipfile.ZipFile(wheel) as src:
        entries = [(item, src.read(item.filename)) for item in src.infolist()]
    files = {item.filename: data for item, data in entries}
    lines = files[f"{info}/WHEEL"].decode("utf-8").splitlines()
    # An e-mail style header block: a blank line would end it.
    lines = [line for line in lines if line and not line.startswith(("Tag:", "Root-Is-Purelib:"))]
    lines += ["Root-Is-Purelib: false", f"Tag: {tag}"]
    wheel_file = ("\n".join(lines) + "\n").encode("utf-8")
    record = []
    for line in files[f"{info}/RECORD"].decode("utf-8").splitlines():
        if line.startswith(f"{info}/WHEEL,"):
            line = f"{info}/WHEEL,{record_hash(wheel_file)},{len(wheel_file)}"
        record.append(line)
    record_file = ("\n".join(record) + "\n").encode("utf-8")
    replaced = {f"{info}/WHEEL": wheel_file, f"{info}/RECORD": record_file}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item, data in entries:
            dst.writestr(item, replaced.get(item.filename, data), zipfile.ZIP_DEFLATED)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("library", type=Path, help="the library under its soname")
    parser.add_argument("out_dir", type=Path, help="where the wheel goes")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--strip", default=shutil.which("strip") or "", help="strip program")
    group.add_argument("--no-strip", action="store_true", help="keep the debug information")
    args = parser.parse_args()

    soname = args.library.name
    if not re.fullmatch(r"libplaint\.so\.[0-9]+", soname):
        parser.error(f"{args.library}: give the library under its soname, libplaint.so.N")
    if not args.library.is_file():
        parser.error(f"{args.library}: no such file")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="plaint-wheel-") as tmp:
        source = Path(tmp) / "src"
        source.mkdir()
        stage(args.library, soname, source, "" if args.no_strip else args.strip)
        pure = build_pure(source, Path(tmp) / "dist")
        for old in args.out_dir.glob(f"{pure.name.split('-')[0]}-*.whl"):
            old.unlink()  # a wheel of an earlier build would be installed as well as this one
        wheel = retag(pure, f"py3-none-{platform_tag()}", args.out_dir)
    print(wheel)
    return 0


if __name__ == "__main__":
    sys.exit(main())
