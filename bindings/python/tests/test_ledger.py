"""plaint.Ledger: bulk imports of the shipped sample data, bad rows with their line numbers, the
all-or-nothing import, complaints and events one by one, snapshots (and refused files), and the
monthly report as a dict, CSV, HTML, files and a pandas DataFrame.

Expected values come from outside the code under test: the sample files counted line by line
here with the csv module and plain reading (``_lines``, ``_survey_figures``), and the figures of
examples/data/sample/README.md (October's CS manager makes 258 return visits counting
September's complaints, the general manager 11; September misses the general manager's quota
of 1 with none; CSAT 90.0 % in September, 85.1 % in October).
"""

from __future__ import annotations

import csv
import json
import math
import threading
from pathlib import Path
from typing import Iterator, Tuple

import pytest

import plaint
import support

SAMPLE = support.SOURCE_ROOT / "examples" / "data" / "sample"
OCTOBER = SAMPLE / "complaints-2026-10.jsonl"
SEPTEMBER = SAMPLE / "complaints-2026-09.jsonl"
SURVEYS = [SAMPLE / "surveys-2026-09.csv", SAMPLE / "surveys-2026-10.csv"]


def _lines(path: Path) -> int:
    """Non-blank lines of a file: one complaint each in the JSON lines files."""
    with open(path, encoding="utf-8") as f:
        return sum(1 for line in f if line.strip())


def _csv_rows(path: Path) -> int:
    with open(path, encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))


def _survey_figures(path: Path) -> Tuple[int, int]:
    """(answered, satisfied) of the overall question: 4 and 5 count as satisfied."""
    with open(path, encoding="utf-8", newline="") as f:
        overall = [int(r["overall"]) for r in csv.DictReader(f) if r["overall"]]
    return len(overall), sum(1 for v in overall if v >= 4)


@pytest.fixture(scope="module")
def both_months() -> Iterator[plaint.Ledger]:
    """September and October of the sample, imported from JSON lines."""
    with plaint.Ledger() as ledger:
        ledger.import_json_lines(SEPTEMBER)
        ledger.import_json_lines(OCTOBER)
        yield ledger


def test_import_json_lines_from_a_path_and_from_text() -> None:
    n = _lines(OCTOBER)
    assert n == 2231
    events = _csv_rows(SAMPLE / "events-2026-10.csv")  # the same events, one row each
    with plaint.Ledger() as ledger:
        assert len(ledger) == 0
        r = ledger.import_json_lines(OCTOBER)
        assert (r.complaints, r.rows, r.bad_rows, r.committed) == (n, n, 0, True)
        assert r.events == events
        assert r.problems == ()
        assert len(ledger) == n
        # every input event, a receive per complaint, and the ledger's re-evaluations
        assert ledger.event_count >= events + n
    with plaint.Ledger(plaint.Profile.default()) as ledger:
        r = ledger.import_json_lines(OCTOBER.read_text(encoding="utf-8"))
        assert r.complaints == n and len(ledger) == n
        assert ledger.profile.to_json() == plaint.Profile.default().to_json()


def test_import_csv_with_events() -> None:
    with plaint.Ledger() as ledger:
        r = ledger.import_csv(SAMPLE / "complaints-2026-10.csv", SAMPLE / "events-2026-10.csv")
        assert r.complaints == _csv_rows(SAMPLE / "complaints-2026-10.csv") == 2231
        assert r.events == _csv_rows(SAMPLE / "events-2026-10.csv")
        assert r.bad_rows == 0
    with plaint.Ledger() as ledger:
        r = ledger.import_csv("id,received\nA,2026-10-01T09:00:00+08:00\nB,yesterday\n")
        assert (r.complaints, r.bad_rows) == (1, 1)
        assert [(p.file, p.line) for p in r.problems] == [("complaints", 3)]
        assert r.problems[0].code == -3  # PLAINT_E_PARSE: "yesterday" is no instant


def test_a_bad_line_is_reported_with_its_number() -> None:
    lines = OCTOBER.read_text(encoding="utf-8").splitlines()[:3]
    text = "\n".join([lines[0], '{"id": "broken",', lines[1], lines[2]]) + "\n"
    with plaint.Ledger() as ledger:
        r = ledger.import_json_lines(text, all_or_nothing=True)
        assert not r.committed and r.bad_rows == 1 and r.rows == 4
        assert len(ledger) == 0
        assert [(p.file, p.line) for p in r.problems] == [("json lines", 2)]
        assert r.problems[0].message
        r = ledger.import_json_lines(text)
        assert r.committed and r.complaints == 3 and len(ledger) == 3
        assert r.problems[0].line == 2
        # all or nothing on a ledger that holds complaints: nothing moves
        r = ledger.import_json_lines(text, all_or_nothing=True)
        assert not r.committed and len(ledger) == 3


def test_complaints_and_events_one_by_one() -> None:
    with plaint.Ledger() as ledger:
        first = OCTOBER.read_text(encoding="utf-8").splitlines()[0]
        assert ledger.add(first) == 0
        assert ledger.add({"id": "X-1", "received": "2026-10-31T10:00:00+08:00"}) == 1
        with pytest.raises(plaint.InvalidArgumentError):
            ledger.add({"id": "X-1", "received": "2026-10-31T10:00:00+08:00"})
        t = plaint.parse_instant("2026-10-31T10:00:00+08:00")
        ledger.add_event("X-1", "record", t + 60, "duty_staff")
        with pytest.raises(plaint.OutOfOrderError):
            ledger.add_event("X-1", "classify", t + 30, "duty_staff", nature="valid")
        with pytest.raises(plaint.IllegalTransitionError):
            ledger.add_event(1, "close", t + 120, "duty_staff")
        with pytest.raises(plaint.NotFoundError):
            ledger.add_event("nobody", "record", t + 60, "duty_staff")
        with pytest.raises(plaint.OutOfRangeError):
            ledger.add_event(7, "record", t + 60, "duty_staff")
        view = ledger.complaint("X-1")
        assert view["state"] == "recorded" and view["index"] == 1
        assert view["event_count"] == 2 and view["complaint"]["id"] == "X-1"
        first_view = ledger.complaint("2026-10-0001")
        assert first_view["tags"] == ["holiday", "water"]  # the sample's first line
        assert first_view["complaint"]["building"] == "A5"
        c = ledger.to_complaint("X-1")
        assert c.state is plaint.State.RECORDED and c.received == t
        with pytest.raises(plaint.InvalidArgumentError):
            ledger.add(c)  # X-1 again
        c2 = plaint.Complaint("X-2", t, building="B3")
        assert ledger.add(c2) == 2
        assert ledger.find("X-2") == 2 and ledger.find("nobody") is None
        assert "X-1" in ledger and "nobody" not in ledger
        with pytest.raises(plaint.NotFoundError):
            ledger.complaint("nobody")
        with pytest.raises(plaint.OutOfRangeError):
            ledger.complaint(3)


def test_snapshot_round_trip_and_refused_files(tmp_path: Path) -> None:
    path = tmp_path / "october.snapshot"
    with plaint.Ledger() as ledger:
        ledger.import_json_lines(OCTOBER)
        ledger.save(path)
        with plaint.Ledger.load(path) as back:
            assert len(back) == len(ledger) == 2231
            assert back.complaint(1234) == ledger.complaint(1234)
        with plaint.Ledger.load(str(path), plaint.Profile.default()) as back:
            assert back.complaint("2026-10-0042") == ledger.complaint("2026-10-0042")
        with pytest.raises(plaint.FileError):
            ledger.save(tmp_path / "no-such-dir" / "x.snapshot")
    data = path.read_bytes()
    cut = tmp_path / "cut.snapshot"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(plaint.ParseError):
        plaint.Ledger.load(cut)
    with pytest.raises(plaint.ParseError):
        plaint.Ledger.load(OCTOBER)  # not a snapshot
    with pytest.raises(plaint.FileError):
        plaint.Ledger.load(tmp_path / "missing.snapshot")
    with pytest.raises(TypeError):
        plaint.Ledger.load(path, profile="default")  # type: ignore[arg-type]


def test_the_report_of_october(both_months: plaint.Ledger) -> None:
    rep = both_months.report("2026-10", SURVEYS)
    assert rep["plaint_report"] == 1
    assert rep["month"] == "2026-10" and rep["previous_month"] == "2026-09"
    c = rep["complaints"]
    assert c["received"] == _lines(OCTOBER) == 2231
    assert c["received_previous"] == _lines(SEPTEMBER)
    assert sum(c["by_building"].values()) == 2231
    assert len(c["by_building"]) == 12  # README: twelve buildings
    visits = rep["return_visits"]
    assert visits["by_role"]["cs_manager"] == 258  # README, counting September's complaints
    assert visits["by_role"]["general_manager"] == 11
    assert visits["quotas_met"] is True
    sat = rep["satisfaction"]
    answered, satisfied = _survey_figures(SURVEYS[1])
    assert sat["current"]["csat_successes"] == satisfied
    assert sat["current"]["csat"] == pytest.approx(satisfied / answered, abs=1e-12)
    assert round(100 * sat["current"]["csat"], 1) == 85.1  # README
    answered, satisfied = _survey_figures(SURVEYS[0])
    assert sat["previous"]["csat"] == pytest.approx(satisfied / answered, abs=1e-12)
    assert round(100 * sat["previous"]["csat"], 1) == 90.0  # README
    # September: the general manager made no visit, so the quota is missed (README)
    sep = both_months.report("2026-09")
    assert sep["return_visits"]["by_role"]["general_manager"] == 0
    assert sep["return_visits"]["quotas_met"] is False
    assert sep["satisfaction"]["current"] is None  # no surveys given


def test_report_defaults_text_and_errors(both_months: plaint.Ledger, tmp_path: Path) -> None:
    assert both_months.report()["month"] == "2026-10"  # the latest complaint's month
    text = (SAMPLE / "surveys-2026-10.csv").read_text(encoding="utf-8")
    assert both_months.report(surveys=text)["satisfaction"]["current"]["responses"] > 0
    csv_text = both_months.report_csv("2026-10")
    assert csv_text.startswith("section,group,item,metric,value\n")
    assert "complaints,,,received,2231\n" in csv_text
    html = both_months.report_html("2026-10")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html
    paths = both_months.report_files(tmp_path / "out", "2026-10", SURVEYS)
    assert sorted(paths) == ["csv", "html", "json"]
    assert json.loads(paths["json"].read_text(encoding="utf-8"))["month"] == "2026-10"
    assert paths["csv"].read_text(encoding="utf-8").startswith("section,")
    with pytest.raises((plaint.ParseError, plaint.OutOfRangeError)):
        both_months.report("2026-13")
    with pytest.raises(plaint.NotFoundError):
        both_months.report("2026-10", timezone="Nowhere/Atlantis")
    with pytest.raises(plaint.ParseError, match=r"surveys\[0\]"):
        both_months.report("2026-10", "complaint_id,building,at,overall\nX,A1,then,5\n")
    with pytest.raises(plaint.InvalidArgumentError):
        both_months.report("2026-10", confidence=1.5)
    with pytest.raises(plaint.FileError):
        both_months.report("2026-10", tmp_path / "missing.csv")
    with pytest.raises(plaint.FileError):
        both_months.report_files(SAMPLE / "README.md" / "out")
    with plaint.Ledger() as empty:
        with pytest.raises(plaint.InvalidArgumentError):
            empty.report()


def test_report_frame(both_months: plaint.Ledger) -> None:
    pytest.importorskip("pandas", reason="pandas is not installed; report_frame is skipped")
    frame = both_months.report_frame("2026-10", SURVEYS)
    assert list(frame.columns) == ["section", "group", "item", "metric", "value", "text"]
    assert str(frame["value"].dtype) == "float64"  # numeric (issue 13), texts in "text"
    received = frame[(frame["section"] == "complaints") & (frame["metric"] == "received")]
    assert received["value"].tolist() == [2231.0] and received["text"].tolist() == [""]
    month = frame[(frame["section"] == "meta") & (frame["metric"] == "month")]
    assert month["text"].tolist() == ["2026-10"] and math.isnan(month["value"].iloc[0])
    roles = frame[(frame["group"] == "by_role") & (frame["item"] == "cs_manager")]
    assert roles["value"].tolist() == [258.0]
    assert len(frame) == len(both_months.report_csv("2026-10", SURVEYS).splitlines()) - 1
    # an undefined figure is NaN: the general manager's September quota has no CSAT of its own,
    # so look for any empty cell of the CSV instead
    empty = [line for line in both_months.report_csv("2026-10").splitlines() if line.endswith(",")]
    if empty:
        assert frame["value"].map(lambda v: isinstance(v, float) and math.isnan(v)).any()


def test_handles_and_bad_arguments() -> None:
    ledger = plaint.Ledger()
    assert repr(ledger) == "<plaint.Ledger complaints=0>"
    ledger.close()
    ledger.close()
    assert ledger.closed and repr(ledger) == "<plaint.Ledger (closed)>"
    with pytest.raises(plaint.ClosedError):
        len(ledger)
    with pytest.raises(TypeError):
        plaint.Ledger("default")  # type: ignore[arg-type]
    with plaint.Ledger() as ledger:
        with pytest.raises(plaint.FileError):
            ledger.import_json_lines("no-such-file.jsonl")
        with pytest.raises(TypeError):
            ledger.import_json_lines(42)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            ledger.report("2026-10", top=0)
        # the profile outlives a closed ledger, and the ledger a closed profile
        profile = ledger.profile
    assert profile.survey_names() == ["return_visit"]
    p = plaint.Profile.default()
    with plaint.Ledger(p) as ledger:
        p.close()
        assert ledger.import_json_lines(OCTOBER).complaints == 2231


def test_concurrent_reads(both_months: plaint.Ledger) -> None:
    found = []

    def read() -> None:
        found.append(both_months.complaint("2026-10-0100")["id"])

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert found == ["2026-10-0100"] * 4
