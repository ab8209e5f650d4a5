#!/bin/sh
# plaint-report on the shipped sample data (issue 6, the README's main job): writes the three
# files into a fresh folder, report.json parses and holds the month's figures; usage errors exit
# with 2 and unreadable input with 1.
# usage: check_report.sh PLAINT_REPORT WORKDIR
set -eu
prog=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
out="$work/out/nested"

"$prog" --out "$out" > "$work/stdout.txt"
for f in report.json report.csv report.html; do
    test -s "$out/$f" || { echo "missing $out/$f"; exit 1; }
done
# No temporary file is left behind by the atomic writes.
if ls -A "$out" | grep -q '^\.'; then echo "temporary files left in $out"; exit 1; fi
# Issue 15: of the sample month's 2,231 requests (kind not stated: the default profile's kind
# section) 708 are repairs (equipment) and 257 consultations (questions); the headline counts
# the other 1,266, the complaints.
grep -q 'complaints received: 1266 of 2231 requests (repair 708, consultation 257;' "$work/stdout.txt" ||
    { cat "$work/stdout.txt"; exit 1; }

/usr/bin/python3 - "$out/report.json" "$out/report.csv" <<'PY'
import csv, json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
assert r["plaint_report"] == 1 and r["month"] == "2026-10", r["month"]
c = r["complaints"]
# examples/data/sample/README.md: about 2,200 complaints in October; 12 buildings.
assert c["received"] == 2231 and len(c["by_building"]) == 12, c["received"]
assert c["complaints"] == 1266 and c["by_kind"]["repair"] == 708, c["by_kind"]
assert c["by_kind"]["consultation"] == 257, c["by_kind"]
assert sum(c["by_kind"].values()) == c["received"]
assert sum(c["by_category"].values()) == c["received"]
s = r["satisfaction"]
# README: CSAT 90.0 % -> 85.1 %, mean overall 4.39 -> 4.25.
assert abs(s["current"]["csat"] - 0.851) < 0.0005 and abs(s["previous"]["csat"] - 0.900) < 0.0005
assert abs(s["current"]["mean"] - 4.25) < 0.005 and abs(s["previous"]["mean"] - 4.39) < 0.005
# README: the CS manager makes 258 visits in October, the general manager 11: both quotas met.
q = {x["role"]: x for x in r["return_visits"]["quotas"]}
assert q["cs_manager"]["visits"] == 258 and q["general_manager"]["visits"] == 11
assert r["return_visits"]["quotas_met"] is True
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8", newline="")))
assert rows and set(rows[0]) == {"section", "group", "item", "metric", "value"}
got = [x["value"] for x in rows if x["section"] == "complaints" and x["metric"] == "received"]
assert got == ["2231"], got
PY

# Usage errors: 2; unreadable input: 1; --help and --version: 0.
set +e
"$prog" --bogus > /dev/null 2>&1; test $? -eq 2 || { echo "--bogus: expected 2"; exit 1; }
"$prog" --month 2026-1 > /dev/null 2>&1; test $? -eq 2 || { echo "bad month: expected 2"; exit 1; }
"$prog" --out > /dev/null 2>&1; test $? -eq 2 || { echo "--out: expected 2"; exit 1; }
"$prog" --complaints "$work/none.jsonl" --out "$work/x" > /dev/null 2>&1
test $? -eq 1 || { echo "missing file: expected 1"; exit 1; }
# A directory given as a file: 1, said as such (not read as an empty file).
mkdir -p "$work/folder.jsonl"
"$prog" --complaints "$work/folder.jsonl" --out "$work/x" > /dev/null 2> "$work/folder-stderr.txt"
test $? -eq 1 || { echo "a directory: expected 1"; exit 1; }
grep -q "is a directory" "$work/folder-stderr.txt" || { cat "$work/folder-stderr.txt"; exit 1; }
set -e
"$prog" --help | grep -q -- '--complaints'
"$prog" --help | grep -q -- '--strict'
"$prog" --version | grep -q '^plaint-report '

# One kind alone (issue 15): the 708 repairs, and a kind that does not exist is a usage error.
"$prog" --kind repair --out "$work/repairs" > "$work/repairs.txt"
grep -q 'repair requests received: 708 ' "$work/repairs.txt" || { cat "$work/repairs.txt"; exit 1; }
set +e
"$prog" --kind request --out "$work/none" 2> "$work/kind-stderr.txt"
status=$?
set -e
test $status -eq 2 || { echo "--kind request: expected 2, got $status"; exit 1; }
grep -q "expects one of complaint, repair" "$work/kind-stderr.txt" || { cat "$work/kind-stderr.txt"; exit 1; }

# People by team (issue 15): the sample names on every assignment the team that carries the
# case, the default profile's dispatch or else customer_service (examples/data/sample/README.md,
# "People"), so all five teams have cases; "" gathers the outside-scope cases the desk explained
# without assigning them (and that no dispatch row names). The cases add up to the month's 2,231
# requests.
"$prog" --by team --out "$work/people" > "$work/people.txt"
grep -q '^people by team, 2026-10 ' "$work/people.txt" || { cat "$work/people.txt"; exit 1; }
/usr/bin/python3 - "$work/people/people.json" <<'PY'
import json, sys
figs = json.load(open(sys.argv[1], encoding="utf-8"))
ids = [f["id"] for f in figs]
assert ids == ["", "cleaning", "customer_service", "engineering", "greening", "security"], ids
assert sum(f["cases"] for f in figs) == 2231
assert all(0 <= f["closed"] <= f["cases"] for f in figs)
# The README's 708 repairs are the equipment requests, all of them engineering's.
eng = figs[ids.index("engineering")]
assert eng["cases_by_kind"]["repair"] == 708, eng["cases_by_kind"]
# Nobody took the "" cases: each was explained at the desk.
nobody = figs[0]
assert 0 < nobody["cases"] == nobody["closed"] < 60, nobody["cases"]
PY
# People by handler: the sample's pseudonymous staff (README "People": some thirty, ids such as
# eng-03), every case some handler's or nobody's, and a few with too few cases to judge.
"$prog" --by handler --out "$work/handlers" > "$work/handlers.txt"
grep -q '^people by handler, 2026-10 ' "$work/handlers.txt" || { cat "$work/handlers.txt"; exit 1; }
/usr/bin/python3 - "$work/handlers/people.json" <<'PY'
import json, re, sys
figs = json.load(open(sys.argv[1], encoding="utf-8"))
ids = [f["id"] for f in figs]
assert ids[0] == "" and all(re.match(r"^(cs|eng|sec|cln|grn|mgr|gm)-[0-9]{2}$", i) for i in ids[1:])
assert 20 <= len(ids) <= 36, ids
assert sum(f["cases"] for f in figs) == 2231
assert any(f["small_sample"] for f in figs) and not all(f["small_sample"] for f in figs)
PY
# Scored by the embedded profile's performance section: one score per handler in the same order,
# small samples and nobody's cases never ranked, a rank range within the ranked count.
/usr/bin/python3 - "$work/handlers/people.json" "$work/handlers/scores.json" <<'PY'
import json, sys
figs = json.load(open(sys.argv[1], encoding="utf-8"))
scores = json.load(open(sys.argv[2], encoding="utf-8"))
assert [s["id"] for s in scores] == [f["id"] for f in figs]
ranked = [s for s in scores if s["ranked"]]
assert ranked and all(s["id"] and not s["small_sample"] and s["cases"] >= 30 for s in ranked)
assert not any(s["ranked"] for s in scores if s["small_sample"] or not s["id"])
for s in ranked:
    assert 1 <= s["rank_best"] <= s["rank_worst"] <= len(ranked), s
    assert s["low"] <= s["score"] <= s["high"], s
    assert abs(sum(m["contribution"] for m in s["metrics"]) - s["score"]) < 1e-6, s
PY
grep -q 'score (interval)' "$work/handlers.txt" || { cat "$work/handlers.txt"; exit 1; }
set +e
"$prog" --by nobody --out "$work/none" 2> "$work/by-stderr.txt"
status=$?
set -e
test $status -eq 2 || { echo "--by nobody: expected 2, got $status"; exit 1; }
grep -q "expects team or handler" "$work/by-stderr.txt" || { cat "$work/by-stderr.txt"; exit 1; }

# Bad rows (issue 12): one good complaint, one with 50,000 unknown keys (a 1.5 MB message of one
# problem a line), then 30 rows that are not JSON. The report is written without them, stderr
# shows 10 rows of at most 4 lines of 300 bytes each (about 13 KB at most) and counts the rest,
# and the exit status is 3; with --strict the run fails with 1 and writes nothing.
/usr/bin/python3 - "$work/bad.jsonl" <<'PY'
import json, sys
good = {"id": "T-1", "received": "2026-10-02T09:15:00+08:00", "channel": "phone",
        "category": "equipment", "building": "A", "unit": "1802", "content": "电梯停了"}
bad = dict(good, id="T-2", **{"k%05d" % i: 0 for i in range(50000)})
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(json.dumps(good, ensure_ascii=False) + "\n" + json.dumps(bad) + "\n")
    f.write("not json\n" * 30)
PY
set +e
"$prog" --complaints "$work/bad.jsonl" --out "$work/bad-out" > "$work/bad-stdout.txt" 2> "$work/bad-stderr.txt"
status=$?
set -e
test $status -eq 3 || { echo "bad rows: expected 3, got $status"; exit 1; }
test -s "$work/bad-out/report.json" || { echo "bad rows: the report was not written"; exit 1; }
# The good row is an equipment request without a kind: a repair, the one request of the month.
grep -q 'complaints received: 0 of 1 requests (repair 1;' "$work/bad-stdout.txt" || { cat "$work/bad-stdout.txt"; exit 1; }
size=$(wc -c < "$work/bad-stderr.txt")
test "$size" -lt 16000 || { echo "bad rows: $size bytes on stderr"; exit 1; }
shown=$(grep -c "^plaint-report: $work/bad.jsonl:" "$work/bad-stderr.txt")
test "$shown" -eq 10 || { echo "bad rows: $shown rows shown, expected 10"; exit 1; }
grep -q "bad.jsonl:2: " "$work/bad-stderr.txt" || { echo "bad rows: line 2 not named"; exit 1; }
grep -q "more lines" "$work/bad-stderr.txt" || { echo "bad rows: row 2 not cut"; exit 1; }
grep -q '31 bad rows' "$work/bad-stderr.txt" || { cat "$work/bad-stderr.txt"; exit 1; }
grep -q 'dropped' "$work/bad-stderr.txt" || { cat "$work/bad-stderr.txt"; exit 1; }
set +e
"$prog" --strict --complaints "$work/bad.jsonl" --out "$work/strict-out" > /dev/null 2> "$work/strict-stderr.txt"
status=$?
set -e
test $status -eq 1 || { echo "--strict with bad rows: expected 1, got $status"; exit 1; }
test ! -e "$work/strict-out" || { echo "--strict with bad rows: a report was written"; exit 1; }
grep -q -- '--strict' "$work/strict-stderr.txt" || { cat "$work/strict-stderr.txt"; exit 1; }
# --strict on clean data: 0, as without it.
head -n 1 "$work/bad.jsonl" > "$work/good.jsonl"
# The 10 bad rows shown, at the edge: 10 bad rows are all shown, 11 show 10 and count 11.
for n in 10 11; do
  { cat "$work/good.jsonl"; i=0; while [ $i -lt $n ]; do echo "not json"; i=$((i + 1)); done; } \
    > "$work/edge$n.jsonl"
  set +e
  "$prog" --complaints "$work/edge$n.jsonl" --out "$work/edge$n-out" > /dev/null 2> "$work/edge$n.txt"
  status=$?
  set -e
  test $status -eq 3 || { echo "$n bad rows: expected 3, got $status"; exit 1; }
  shown=$(grep -c "^plaint-report: $work/edge$n.jsonl:" "$work/edge$n.txt")
  test "$shown" -eq 10 || { echo "$n bad rows: $shown shown, expected 10"; exit 1; }
  grep -q "$n bad rows (10 shown above)" "$work/edge$n.txt" || { cat "$work/edge$n.txt"; exit 1; }
done
"$prog" --strict --complaints "$work/good.jsonl" --out "$work/good-out" > /dev/null
echo "check_report: ok"
