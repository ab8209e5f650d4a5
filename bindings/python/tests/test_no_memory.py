"""Memory failure through the binding (issue 12): a real allocation failure is plaint.NoMemoryError.

No test hook is involved: a child interpreter lowers its own address-space limit (RLIMIT_AS, soft
limit only) to what it uses plus 24 MiB, then asks for a document whose parsed form needs more:
999,000 empty arrays are 3 MB of text and, parsed, some 50 MB (16 bytes a value in its parent
array and a heap-allocated array each). The library's allocation fails for real and the call must
raise plaint.NoMemoryError, a MemoryError, not another error or a crash. With the limit raised again
the same call in the same process gives its ordinary answer (a validation error: a profile is an
object), and a ledger made before the failure still works.

AddressSanitizer reserves terabytes of address space for its shadow memory, so under it (the
sanitizer preset preloads its runtime) an address-space limit cannot be set: the test says so and
is skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import support

CHILD = r"""
import resource
import sys
import plaint

doc = ("[" + ",".join(["[]"] * 999_000) + "]").encode()
ledger = plaint.Ledger()

def vm_size():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmSize")

def outcome():
    try:
        plaint.Profile.from_json(doc)
    except plaint.NoMemoryError:
        return "NoMemoryError"
    except plaint.Error as e:
        return type(e).__name__
    return "ok"

soft, hard = resource.getrlimit(resource.RLIMIT_AS)
resource.setrlimit(resource.RLIMIT_AS, (vm_size() + (24 << 20), hard))
try:
    limited = outcome()
finally:
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
with open(sys.argv[1], encoding="utf-8") as f:
    lines = "".join(f.readlines()[:10])
print(limited, outcome(), ledger.import_json_lines(lines, all_or_nothing=True).complaints)
"""


def test_a_real_allocation_failure_is_no_memory_error() -> None:
    if "asan" in os.environ.get("LD_PRELOAD", ""):
        pytest.skip(
            "under AddressSanitizer an address-space limit cannot be set (its shadow memory "
            "reserves terabytes); the C++ test_nomem sweep covers this build"
        )
    sample = support.SOURCE_ROOT / "examples" / "data" / "sample" / "complaints-2026-10.jsonl"
    env = os.environ.copy()
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(support.PACKAGE_ROOT), env.get("PYTHONPATH")])
    )
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(sample)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    limited, unlimited, imported = run.stdout.split()
    assert limited == "NoMemoryError"
    assert unlimited == "ValidationError"
    assert imported == "10"
