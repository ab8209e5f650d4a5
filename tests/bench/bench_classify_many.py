"""Profile.classify_many from numpy columns against the C batch it calls, in rows per second.

Both classify the same rows under the embedded default profile: numpy columns of channel,
category, nature, severity (int32 codes), reporter and repeat counts, hours since receipt and
the received instant (int64 seconds; a second run gives them as datetime64). "C batch" times
plaint_profile_classify_many alone, called through ctypes on columns prepared once; "Python"
times Profile.classify_many on the numpy columns, checks and conversions included. The issue
(13, item 5) asks Python to reach at least half the C batch's rows per second.

Run (Release build):
    PLAINT_LIBRARY=build/release/libplaint.so PYTHONPATH=bindings/python \\
        /usr/bin/python3 tests/bench/bench_classify_many.py [rows] [repeats]
It prints the best of ``repeats`` runs of each, and the ratio.
"""

from __future__ import annotations

import ctypes
import sys
import time

import numpy as np

import plaint
from plaint import _lib

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
REPEATS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
T0 = 1772414100  # 2026-03-02T01:15:00Z


def columns(rows: int) -> dict:
    rng = np.random.default_rng(13)
    return {
        "channel": rng.integers(1, 6, rows, dtype=np.int32),
        "category": rng.integers(1, 6, rows, dtype=np.int32),
        "nature": rng.integers(0, 4, rows, dtype=np.int32),
        "severity": rng.integers(0, 5, rows, dtype=np.int32),
        "reporter_count": rng.integers(1, 40, rows, dtype=np.int32),
        "repeat_count": rng.integers(0, 4, rows, dtype=np.int32),
        "hours_since_received": rng.uniform(0, 96, rows),
        "received": T0 + rng.integers(0, 86400 * 30, rows, dtype=np.int64),
    }


def best(func) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    profile = plaint.Profile.default()
    cols = columns(ROWS)

    spec = _lib.PlaintFactsColumns()
    spec.size = ctypes.sizeof(_lib.PlaintFactsColumns)
    spec.count = ROWS
    i32 = ctypes.POINTER(ctypes.c_int32)
    for name in ("channel", "category", "nature", "severity", "reporter_count", "repeat_count"):
        setattr(spec, name, cols[name].ctypes.data_as(i32))
    spec.hours_since_received = cols["hours_since_received"].ctypes.data_as(
        ctypes.POINTER(ctypes.c_double)
    )
    spec.received = cols["received"].ctypes.data_as(ctypes.POINTER(ctypes.c_int64))
    outs = [np.zeros(ROWS, dtype=np.int32) for _ in range(4)]
    out_ptrs = [o.ctypes.data_as(i32) for o in outs]
    with profile._use() as handle:
        c_time = best(
            lambda: _lib.lib.plaint_profile_classify_many(handle, ctypes.byref(spec), *out_ptrs)
        )
    py_time = best(lambda: profile.classify_many(**cols))
    stamps = dict(cols, received=cols["received"].astype("datetime64[s]"))
    dt_time = best(lambda: profile.classify_many(**stamps))

    result = profile.classify_many(**cols)
    assert all((result[k] == o).all() for k, o in zip(result, outs)), "Python and C disagree"
    c_rate, py_rate, dt_rate = ROWS / c_time, ROWS / py_time, ROWS / dt_time
    print(f"rows {ROWS:,}, best of {REPEATS}")
    print(f"C batch (plaint_profile_classify_many):  {c_rate / 1e6:6.2f} M rows/s")
    print(f"Python classify_many, numpy columns:     {py_rate / 1e6:6.2f} M rows/s")
    print(f"Python classify_many, datetime64 column: {dt_rate / 1e6:6.2f} M rows/s")
    print(f"Python / C: {py_rate / c_rate:.0%} (datetime64: {dt_rate / c_rate:.0%})")


if __name__ == "__main__":
    main()
