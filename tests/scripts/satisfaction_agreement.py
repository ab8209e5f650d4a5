#!/usr/bin/python3
"""Agreement of plaint's grouped satisfaction scores with the pandas peer on the peer's own rows.

    /usr/bin/python3 tests/scripts/satisfaction_agreement.py BENCH_SATISFACTION [ROWS=1000000] [DIR]

Draws the rows exactly as ../shared/peers/satisfaction/bench_groupby.py does (numpy
default_rng(20260303): building int32 0..999, month int8 0..11, five scores int8 1..5, nps int8
0..10), aggregates them with the peer's pandas code, writes them to DIR/rows.bin for
`bench_satisfaction --agreement DIR/rows.bin DIR/plaint.csv` (tests/bench/bench_satisfaction.cpp),
and compares every group: n exactly; mean overall, CSAT (overall >= 4), NPS (points) and the
composite within 1e-9. Prints one AGREEMENT line; exits 1 on a disagreement.
"""
import os, struct, subprocess, sys, tempfile
import numpy as np, pandas as pd

BENCH = sys.argv[1]
ROWS = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
DIR = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="plaint-sat-")
TOL = 1e-9

# ---- the peer, verbatim (bench_groupby.py) ----
W = {"response": 0.20, "attitude": 0.25, "quality": 0.20, "result": 0.15, "overall": 0.20}
rng = np.random.default_rng(20260303)
df = pd.DataFrame({
    "building": rng.integers(0, 1000, ROWS, dtype=np.int32),
    "month": rng.integers(0, 12, ROWS, dtype=np.int8),
    **{k: rng.integers(1, 6, ROWS, dtype=np.int8) for k in W},
    "nps": rng.integers(0, 11, ROWS, dtype=np.int8),
})
tmp = pd.DataFrame({
    "building": df.building, "month": df.month,
    "overall": df.overall,
    "csat": (df.overall >= 4),
    "promoter": (df.nps >= 9), "detractor": (df.nps <= 6),
    "composite": sum(df[k].astype(np.float64) * w for k, w in W.items()),
})
g = tmp.groupby(["building", "month"], sort=True).agg(
    n=("overall", "size"), mean_overall=("overall", "mean"), csat=("csat", "mean"),
    promoter=("promoter", "mean"), detractor=("detractor", "mean"), composite=("composite", "mean"))
g["nps"] = 100.0 * (g.promoter - g.detractor)
peer = g[["n", "mean_overall", "csat", "nps", "composite"]]

# ---- the same rows to plaint ----
rows_file = os.path.join(DIR, "rows.bin")
with open(rows_file, "wb") as f:
    f.write(b"PLNTSAT1" + struct.pack("=Q", ROWS))
    f.write(df.building.to_numpy(np.int32).tobytes())
    f.write(df.month.to_numpy(np.int32).tobytes())  # plaint's keys are int32
    for k in ["response", "attitude", "quality", "result", "overall", "nps"]:
        f.write(df[k].to_numpy(np.int8).tobytes())
out_file = os.path.join(DIR, "plaint.csv")
subprocess.run([BENCH, "--agreement", rows_file, out_file], check=True)
ours = pd.read_csv(out_file).set_index(["building", "month"])

# ---- compare ----
peer = peer.reset_index().astype({"building": np.int64, "month": np.int64})
peer = peer.set_index(["building", "month"])
same_groups = list(ours.index) == list(peer.index)
same_n = same_groups and (ours.n.to_numpy() == peer.n.to_numpy()).all()
diffs = {}
for col in ["mean_overall", "csat", "nps", "composite"]:
    diffs[col] = float(np.max(np.abs(ours[col].to_numpy() - peer[col].to_numpy()))) if same_groups else float("inf")
ok = same_groups and same_n and all(d <= TOL for d in diffs.values())
print(f"# pandas {pd.__version__}, numpy {np.__version__}; rows={ROWS}; files in {DIR}")
print("AGREEMENT " + ("ok" if ok else "FAILED") + f" rows={ROWS} groups={len(ours)} peer_groups={len(peer)} "
      f"same_groups={same_groups} same_n={bool(same_n)} " +
      " ".join(f"max_abs_diff_{k}={v:.3g}" for k, v in diffs.items()) + f" tolerance={TOL:g}")
sys.exit(0 if ok else 1)
