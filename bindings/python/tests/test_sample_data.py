"""The sample data of examples/data/sample: the generator examples/data/make_sample.py is
deterministic (it rewrites the committed files byte for byte), every complaint line loads
through the binding, and the CSV files agree with the JSON lines."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import pytest

import plaint
from support import SOURCE_ROOT

DATA = SOURCE_ROOT / "examples" / "data"
SAMPLE = DATA / "sample"
GENERATOR = DATA / "make_sample.py"
MONTHS = ("2026-09", "2026-10")
FILES = (
    "complaints-2026-09.jsonl",
    "complaints-2026-10.jsonl",
    "complaints-2026-10.csv",
    "events-2026-10.csv",
    "surveys-2026-09.csv",
    "surveys-2026-10.csv",
)
COMPLAINT_COLUMNS = [
    "id",
    "received",
    "channel",
    "category",
    "subcategory",
    "building",
    "unit",
    "reporter_count",
    "content",
    "tags",
]
EVENT_COLUMNS = [
    "complaint_id",
    "at",
    "type",
    "role",
    "note",
    "nature",
    "severity",
    "target",
    "method",
    "deadline",
]
SURVEY_COLUMNS = [
    "complaint_id",
    "building",
    "at",
    "response_speed",
    "attitude",
    "quality",
    "result",
    "overall",
    "recommend",
]


def jsonl(month: str) -> List[str]:
    return (SAMPLE / f"complaints-{month}.jsonl").read_text(encoding="utf-8").splitlines()


def read_csv(name: str) -> Tuple[Optional[Sequence[str]], List[Dict[str, str]]]:
    with open(SAMPLE / name, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        header = reader.fieldnames
    return header, rows


@pytest.fixture(scope="module")
def documents() -> Dict[str, List[dict]]:
    return {m: [json.loads(line) for line in jsonl(m)] for m in MONTHS}


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--out", str(tmp_path), "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for name in FILES:
        fresh = (tmp_path / name).read_bytes()
        assert fresh == (SAMPLE / name).read_bytes(), f"{name} differs from a fresh run"
        assert len(fresh) < 3_200_000, f"{name} is {len(fresh)} bytes"


@pytest.mark.parametrize("month", MONTHS)
def test_every_complaint_loads(month: str) -> None:
    lines = jsonl(month)
    assert 1500 <= len(lines) <= 3500
    states: Dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        doc = json.loads(line)
        with plaint.Complaint.from_json(line) as c:
            assert c.id == doc["id"], f"line {number}"
            # the receive event plus every listed event, applied in order
            assert len(c.events) == len(doc["events"]) + 1, f"line {number}: {doc['id']}"
            assert c.reporter_count == doc["reporter_count"]
            states[c.state.name] = states.get(c.state.name, 0) + 1
    assert states.get("CLOSED", 0) > 0.85 * len(lines)


def test_the_complaints_csv_matches_the_json_lines(documents) -> None:
    header, rows = read_csv("complaints-2026-10.csv")
    assert header == COMPLAINT_COLUMNS
    docs = documents["2026-10"]
    assert len(rows) == len(docs)
    for row, doc in zip(rows, docs):
        assert row["id"] == doc["id"]
        assert row["received"] == doc["received"]
        assert row["channel"] == doc["channel"] and row["category"] == doc["category"]
        assert row["subcategory"] == doc["subcategory"]
        assert row["building"] == doc.get("building", "") and row["unit"] == doc.get("unit", "")
        assert int(row["reporter_count"]) == doc["reporter_count"]
        assert row["content"] == doc["content"]
        assert row["tags"] == ";".join(doc.get("tags", []))


def test_the_events_csv_matches_the_json_lines(documents) -> None:
    header, rows = read_csv("events-2026-10.csv")
    assert header == EVENT_COLUMNS
    expected = [(doc["id"], e) for doc in documents["2026-10"] for e in doc["events"]]
    assert len(rows) == len(expected)
    for row, (cid, e) in zip(rows, expected):
        assert row["complaint_id"] == cid
        for column in EVENT_COLUMNS[1:]:
            assert row[column] == e.get(column, ""), (cid, column)


@pytest.mark.parametrize("month", MONTHS)
def test_one_survey_per_visited_complaint(month: str, documents) -> None:
    header, rows = read_csv(f"surveys-{month}.csv")
    assert header == SURVEY_COLUMNS
    visited = {
        doc["id"]: doc
        for doc in documents[month]
        if any(e["type"] == "visit" for e in doc["events"])
    }
    assert len(rows) == len(visited)
    assert len({row["complaint_id"] for row in rows}) == len(rows)
    for row in rows:
        doc = visited[row["complaint_id"]]
        assert row["building"] == doc["building"]
        first_visit = next(e["at"] for e in doc["events"] if e["type"] == "visit")
        assert row["at"] == first_visit
        for column in SURVEY_COLUMNS[3:8]:
            assert row[column] == "" or 1 <= int(row[column]) <= 5
        assert row["recommend"] == "" or 0 <= int(row["recommend"]) <= 10
    overall = [int(row["overall"]) for row in rows if row["overall"]]
    csat = sum(1 for v in overall if v >= 4) / len(overall)
    assert 0.85 <= csat <= 0.92


def test_repeat_counts_agree_with_a_count_from_the_files(documents) -> None:
    # The second method: for each complaint with a unit, the complaints of the same building
    # and unit received in [t - 30 days, t), counted from the JSON lines alone (the files are in
    # order received, as the ledger takes them in).
    from datetime import datetime, timedelta

    window = timedelta(days=30)
    seen: Dict[Tuple[str, str], List[datetime]] = {}
    expected: Dict[str, int] = {}
    for month in MONTHS:
        for doc in documents[month]:
            t = datetime.fromisoformat(doc["received"])
            unit = doc.get("unit") or ""
            if not unit:
                expected[doc["id"]] = 0
                continue
            earlier = seen.setdefault((doc.get("building") or "", unit), [])
            expected[doc["id"]] = sum(1 for e in earlier if t - window <= e < t)
            earlier.append(t)
    with plaint.Ledger() as ledger:
        for month in MONTHS:
            ledger.import_json_lines(SAMPLE / f"complaints-{month}.jsonl")
        assert len(ledger) == len(expected)
        got = {ledger.view(i).id: ledger.view(i).repeat_count for i in range(len(ledger))}
    assert got == expected
    # The sample has repeat complaints, and third complaints that the default rules raise.
    assert sum(1 for n in expected.values() if n >= 1) > 100
    assert sum(1 for n in expected.values() if n >= 2) > 20
