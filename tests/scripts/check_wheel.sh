#!/bin/sh
# The Python package installed as a user installs it, offline:
# 1. bindings/python/build_wheel.py builds the wheel that carries the library; it is a platform
#    wheel (py3-none-linux_<machine>, root in platlib) holding plaint/libplaint.so.1;
# 2. `pip install --no-index` puts it into a fresh venv (no system site packages: the package
#    needs nothing but the interpreter), and examples/lifecycle.py, copied out of the tree, runs
#    there with no PLAINT_LIBRARY and prints the walk it describes, with the library from the
#    venv;
# 3. `pip install --no-build-isolation --no-index` installs the package from its source into a
#    venv that sees Debian's setuptools and wheel (--system-site-packages), and PLAINT_LIBRARY
#    then names the library it loads. The source is copied first, since pip builds in the tree.
# usage: check_wheel.sh PYTHON LIBRARY SOURCE_ROOT WORK_DIR
#   PYTHON: Debian's interpreter; LIBRARY: libplaint.so under its soname (libplaint.so.1)
set -eu
py=$1 lib=$2 src=$3 work=$4
rm -rf "$work"
mkdir -p "$work/elsewhere"

# Nothing steers the search for the library or the packages: no PLAINT_LIBRARY or PYTHONPATH,
# and no pip configuration (a find-links directory is looked in even with --no-index).
unset PLAINT_LIBRARY PYTHONPATH PYTHONHOME LD_LIBRARY_PATH
for v in $(env | sed -n 's/^\(PIP_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done
export PIP_CONFIG_FILE=/dev/null PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
export PIP_ROOT_USER_ACTION=ignore

fail() { echo "FAIL: $*"; exit 1; }

version=$(grep -rh "^#define PLAINT_VERSION_STRING " "$src/capi/include" | head -n 1 |
  sed "s/.*\"\(.*\)\"/\1/")
[ -n "$version" ] || fail "no PLAINT_VERSION_STRING under $src/capi/include"

echo "== build the wheel"
wheel=$("$py" "$src/bindings/python/build_wheel.py" "$lib" "$work/dist")
name=$(basename "$wheel")
echo "$name: $(wc -c < "$wheel") bytes"
[ "$name" = "plaint-$version-py3-none-linux_$(uname -m).whl" ] || fail "unexpected name $name"
[ "$(ls "$work/dist")" = "$name" ] || fail "more than the wheel in $work/dist"
"$py" - "$wheel" "$version" <<'EOF'
import sys, zipfile
wheel, version = sys.argv[1:]
with zipfile.ZipFile(wheel) as z:
    names = z.namelist()
    meta = z.read(f"plaint-{version}.dist-info/WHEEL").decode()
    record = z.read(f"plaint-{version}.dist-info/RECORD").decode()
    lib = z.read("plaint/libplaint.so.1")
assert lib[:4] == b"\x7fELF", "plaint/libplaint.so.1 is not an ELF file"
libs = [n for n in names if n.startswith("plaint/libplaint")]
assert libs == ["plaint/libplaint.so.1"], libs
assert "plaint/__init__.py" in names and "plaint/py.typed" in names, names
assert "Root-Is-Purelib: false\n" in meta, meta
assert "Root-Is-Purelib: true" not in meta, meta
assert meta.count("Tag: ") == 1 and "\n\n" not in meta, meta
assert f"plaint/libplaint.so.1,sha256=" in record, record
print("contents: ok")
EOF

echo "== install it offline into a fresh venv"
"$py" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --no-index "$wheel"
cp "$src/examples/lifecycle.py" "$work/elsewhere/"
cd "$work/elsewhere"
where=$("$work/venv/bin/python" -c "import plaint; print(plaint.library_path())")
echo "loaded $where"
case "$where" in
  "$work/venv/lib/"*"/site-packages/plaint/libplaint.so.1") ;;
  *) fail "the installed package loaded $where, not its own library" ;;
esac
# The walk of examples/lifecycle.py's docstring and calls: the events it applies at the times it
# gives (+08:00), each moving the state along the lifecycle, with the role and note it passes.
# Trailing blanks (the first event has no note) are not compared.
out=$("$work/venv/bin/python" lifecycle.py | sed 's/ *$//')
expected='complaint 2026-03-0042: closed
2026-03-02T09:15:00+08:00  receive  received -> received  duty_staff
2026-03-02T09:20:00+08:00  record  received -> recorded  duty_staff  recorded on the complaint form
2026-03-02T09:30:00+08:00  classify  recorded -> classified  duty_staff  within our scope
2026-03-02T09:35:00+08:00  assign  classified -> assigned  duty_staff  to the customer-service assistant
2026-03-02T10:00:00+08:00  start  assigned -> in_progress  cs_assistant  plumber on site
2026-03-02T14:00:00+08:00  resolve  in_progress -> resolved  cs_assistant  pipe joint replaced
2026-03-03T10:00:00+08:00  visit  resolved -> return_visit  cs_assistant  return call
2026-03-03T10:05:00+08:00  satisfied  return_visit -> closed  cs_assistant  resident satisfied'
[ "$out" = "$expected" ] || { echo "$out"; fail "examples/lifecycle.py printed the above"; }
echo "lifecycle.py: ok"

echo "== install the package from its source, without build isolation"
mkdir "$work/source"
cp "$src/bindings/python/pyproject.toml" "$work/source/"
cp -R "$src/bindings/python/plaint" "$work/source/"
rm -rf "$work/source/plaint/__pycache__" "$work/source/plaint"/libplaint.so*
"$py" -m venv --system-site-packages "$work/venv-source"
"$work/venv-source/bin/pip" install --quiet --no-build-isolation --no-index "$work/source"
[ ! -e "$work/venv-source/lib/"*"/site-packages/plaint/libplaint.so.1" ] ||
  fail "the package installed from source carries a library"
shown=$(PLAINT_LIBRARY="$lib" "$work/venv-source/bin/python" -c \
  "import plaint; print(plaint.__file__); print(plaint.library_path()); print(plaint.version())")
echo "$shown"
case "$shown" in
  "$work/venv-source/lib/"*"/site-packages/plaint/__init__.py
$lib
$version") ;;
  *) fail "the package installed from source is not the one imported, or not on PLAINT_LIBRARY" ;;
esac
echo "ok"
