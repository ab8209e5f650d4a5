"""Staff performance from Python (Since 0.7, issue 15 part 3, DOMAIN.md §8 绩效考核):
Ledger.performance and Ledger.performance_frame per handler and per team, plaint.StaffBy, survey
responses joined by complaint id (text, paths, several documents, another question), as_of and
small samples; bad input refused (wrong types, bools for numbers, unknown groupings, an empty
period, confidences 0, 1 and NaN, bad survey CSV); and examples/performance.py, its lines checked
against a second count made here from the complaints' own logs and clocks.

The hand-worked ledger is that of tests/unit/test_performance.cpp: one policy of two
round-the-clock targets (record within 1 h, resolution within 72 h). T0 =
2026-03-02T09:00:00+08:00 = support.T0 - 15 min = 1772413200.
  A: eng-17 of eng; recorded in 10 min, assigned at 30 min, resolved at 5 h, a satisfied visit.
  B: eng-17 of eng, a day later; recorded at 2 h (late), assigned at 2 h 10, resolved at 80 h
     (late), an unsatisfied visit, resolved again at 90 h, a satisfied visit.
  C: cs-05 of cs, two days later; escalated at 90 min with its record clock past due, recorded
     at 100 min, assigned at 2 h, resolved at 10 h, a satisfied visit, reopened at 20 h, open.
  D: nobody, three days later; recorded in 5 min, left open.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import pytest

import plaint
from support import DAY, HOUR, MINUTE, SOURCE_ROOT, run_example

T0 = 1772413200
MARCH = (T0 - DAY - 9 * HOUR, T0 - DAY - 9 * HOUR + 31 * DAY)  # 1 March to 1 April, +08:00

PROFILE = {
    "plaint_profile": 1,
    "policies": {
        "p": {
            "targets": [
                {"kind": "record", "duration": "1h"},
                {"kind": "resolution", "duration": "72h"},
            ]
        }
    },
    "teams": {"eng": {}, "cs": {}},
    "rules": {
        "sections": [
            {
                "name": "policy",
                "hit": "first",
                "rows": [{"id": "all", "then": {"sla_policy": "p"}}],
            }
        ]
    },
}

# The answers of test_performance.cpp: A 5, B 2, C 4; Z is no case of the ledger.
SURVEYS = (
    "complaint_id,building,at,overall\n"
    "A,,2026-03-03T09:00:00+08:00,5\n"
    "B,,2026-03-07T09:00:00+08:00,2\n"
    "C,,2026-03-05T09:00:00+08:00,4\n"
    "Z,,2026-03-02T09:00:00+08:00,1\n"
)

Step = Tuple[str, int, Dict[str, object]]


def _apply(ledger: plaint.Ledger, cid: str, start: int, steps: List[Step]) -> None:
    ledger.add({"id": cid, "received": start, "content": "x"})
    for event, offset, extra in steps:
        args: Dict[str, object] = dict(extra)
        if event == "classify":
            args["nature"] = "valid"
        if event == "visit":
            args["method"] = "phone"
        if event == "unsatisfied":
            args["deadline"] = start + offset + 19 * HOUR
        ledger.add_event(cid, event, start + offset, "duty_staff", **args)  # type: ignore[arg-type]


@pytest.fixture
def ledger() -> plaint.Ledger:
    return _hand_ledger(PROFILE)


def _hand_ledger(profile_doc: Dict[str, object]) -> plaint.Ledger:
    with plaint.Profile.from_json(profile_doc) as profile:
        led = plaint.Ledger(profile)
    eng = {"handler": "eng-17", "team": "eng"}
    _apply(
        led,
        "A",
        T0,
        [
            ("record", 10 * MINUTE, {"handler": "desk-1"}),
            ("classify", 20 * MINUTE, {}),
            ("assign", 30 * MINUTE, eng),
            ("start", HOUR, {}),
            ("resolve", 5 * HOUR, {}),
            ("visit", 6 * HOUR, {}),
            ("satisfied", 6 * HOUR + MINUTE, {}),
        ],
    )
    _apply(
        led,
        "B",
        T0 + DAY,
        [
            ("record", 2 * HOUR, {}),
            ("classify", 2 * HOUR + 5 * MINUTE, {}),
            ("assign", 2 * HOUR + 10 * MINUTE, eng),
            ("start", 3 * HOUR, {}),
            ("resolve", 80 * HOUR, {}),
            ("visit", 81 * HOUR, {}),
            ("unsatisfied", 81 * HOUR + MINUTE, {}),
            ("resolve", 90 * HOUR, {}),
            ("visit", 91 * HOUR, {}),
            ("satisfied", 91 * HOUR + MINUTE, {}),
        ],
    )
    _apply(
        led,
        "C",
        T0 + 2 * DAY,
        [
            ("escalate", 90 * MINUTE, {}),
            ("record", 100 * MINUTE, {}),
            ("classify", 110 * MINUTE, {}),
            ("assign", 2 * HOUR, {"handler": "cs-05", "team": "cs"}),
            ("start", 3 * HOUR, {}),
            ("resolve", 10 * HOUR, {}),
            ("visit", 11 * HOUR, {}),
            ("satisfied", 11 * HOUR + MINUTE, {}),
            ("reopen", 20 * HOUR, {}),
        ],
    )
    _apply(led, "D", T0 + 3 * DAY, [("record", 5 * MINUTE, {})])
    return led


def test_staff_by_codes_by_hand() -> None:
    # Read off plaint/c/performance.h.
    assert plaint.StaffBy.HANDLER == 1 and plaint.StaffBy.TEAM == 2
    assert [m.label for m in plaint.StaffBy] == ["handler", "team"]


def test_by_handler_worked_by_hand(ledger: plaint.Ledger) -> None:
    figs = ledger.performance(*MARCH, surveys=SURVEYS)
    assert isinstance(figs, tuple)
    assert [f.id for f in figs] == ["", "cs-05", "eng-17"]
    nobody, cs, eng = figs

    # eng-17: A and B, both closed complaints.
    assert (eng.cases, eng.closed) == (2, 2)
    assert eng.cases_by_kind[plaint.Kind.COMPLAINT] == 2
    assert eng.cases_by_kind[plaint.Kind.REPAIR] == 0
    assert eng.closed_by_kind[plaint.Kind.COMPLAINT] == 2
    assert set(eng.cases_by_kind) == set(plaint.Kind)
    record, resolution = eng.target("record"), eng.target("resolution")
    assert record is not None and resolution is not None
    assert (record.met, record.breached) == (1, 1)  # A in 10 min; B at 2 h
    assert (resolution.met, resolution.breached) == (1, 1)  # A at 5 h; B at 80 h
    assert resolution.share_met.value == pytest.approx(0.5)
    assert (resolution.share_met.successes, resolution.share_met.n) == (1, 2)
    assert resolution.share_met.low < 0.5 < resolution.share_met.high
    assert eng.target("rectification") is None
    # First response: 1,800 and 7,800 s: mean 4,800, p50 4,800, p90 1,800 + 0.9 * 6,000.
    fr = eng.first_response
    assert (fr.n, fr.mean, fr.p50, fr.p90) == (2, 4800, 4800, 7200)
    # The mean's t interval: sd 4,242.64 = 3,000 x sqrt(2), t(0.975, 1) = 12.7062047: half
    # 12.7062047 x 3,000 = 38,118.61 (not clipped at 0). The 90th percentile's: of two order
    # statistics, B ~ Binomial(2, 0.9): P(B = 0) = 0.01 <= 0.025, so x(1) = 1,800 s is the low
    # end; P(B >= 2) = 0.81 > 0.025: no high end.
    assert fr.mean_low == pytest.approx(4800 - 38118.614, abs=0.01)
    assert fr.mean_high == pytest.approx(4800 + 38118.614, abs=0.01)
    assert fr.p90_low == 1800 and math.isnan(fr.p90_high)
    # Resolution: 5 h and 80 h: 18,000 and 288,000 s.
    assert eng.resolution.n == 2
    assert eng.resolution.mean == pytest.approx(153000)
    assert (eng.reopened.successes, eng.reopened.n, eng.reopened.value) == (0, 2, 0)
    assert (eng.unsatisfied_visits.successes, eng.unsatisfied_visits.n) == (1, 3)
    assert eng.unsatisfied_visits.value == pytest.approx(1 / 3)
    assert eng.breach_escalations == 0
    assert (eng.satisfaction.mean, eng.satisfaction.n) == (3.5, 2)  # 5 and 2
    assert eng.satisfaction.low < 3.5 < eng.satisfaction.high
    assert (eng.csat.successes, eng.csat.n, eng.csat.value) == (1, 2, 0.5)
    assert eng.small_sample is True

    # cs-05: C, reopened and open; its escalation came with its record clock past due.
    assert (cs.cases, cs.closed) == (1, 0)
    assert cs.reopened.successes == 1
    assert cs.breach_escalations == 1
    assert cs.first_response.mean == 2 * HOUR  # the escalation is no response
    assert cs.resolution.mean == 10 * HOUR
    assert cs.target("record").breached == 1  # type: ignore[union-attr]
    # Resolution: cycle 1 met at 10 h; cycle 2 from the reopen open past 72 h by 1 April.
    assert (cs.target("resolution").met, cs.target("resolution").breached) == (1, 1)  # type: ignore
    assert (cs.satisfaction.mean, cs.satisfaction.n) == (4, 1)
    assert math.isnan(cs.satisfaction.low)  # one answer: no interval
    assert cs.csat.successes == 1

    # Nobody: D, recorded in 5 min, its resolution open past due; nothing measured.
    assert nobody.cases == 1
    assert nobody.target("record").met == 1  # type: ignore[union-attr]
    assert nobody.target("resolution").breached == 1  # type: ignore[union-attr]
    assert nobody.first_response.n == 0 and math.isnan(nobody.first_response.mean)
    assert nobody.satisfaction.n == 0 and math.isnan(nobody.satisfaction.mean)
    assert math.isnan(nobody.csat.value)


def test_options(ledger: plaint.Ledger, tmp_path: Path) -> None:
    # As of 3 March at noon: of eng-17's cases only A is closed and resolved.
    early = ledger.performance(*MARCH, as_of=T0 + DAY + 3 * HOUR)
    assert (early[2].closed, early[2].resolution.n) == (1, 1)
    # A threshold of 2: eng-17 is no longer flagged, cs-05 is; 0 flags nobody.
    two = ledger.performance(*MARCH, small_sample=2)
    assert [f.small_sample for f in two] == [True, True, False]
    assert not any(f.small_sample for f in ledger.performance(*MARCH, small_sample=0))
    # Surveys as a path, as bytes, and split over two documents: the same mean.
    path = tmp_path / "surveys.csv"
    path.write_text(SURVEYS, encoding="utf-8")
    head, *rows = SURVEYS.splitlines(keepends=True)
    for surveys in (path, SURVEYS.encode(), [head + rows[0], head + rows[1]]):
        eng = ledger.performance(*MARCH, surveys=surveys)[2]  # type: ignore[arg-type]
        assert (eng.satisfaction.mean, eng.satisfaction.n) == (3.5, 2)
    # Another question as overall; a question the surveys lack; no surveys.
    q1 = "complaint_id,building,at,q1\nA,,2026-03-03T09:00:00+08:00,4\nB,,2026-03-07,4\n"
    q1 = q1.replace("2026-03-07,", "2026-03-07T09:00:00+08:00,")
    eng = ledger.performance(*MARCH, surveys=q1, overall="q1")[2]
    assert (eng.satisfaction.mean, eng.csat.value) == (4, 1)
    assert ledger.performance(*MARCH, surveys=q1)[2].satisfaction.n == 0
    assert ledger.performance(*MARCH)[2].satisfaction.n == 0
    # A narrower confidence gives a narrower interval around the same share.
    wide = ledger.performance(*MARCH, confidence=0.99)[2].target("resolution").share_met
    narrow = ledger.performance(*MARCH, confidence=0.5)[2].target("resolution").share_met
    assert narrow.low > wide.low and narrow.high < wide.high
    # A period holding only A; a period with no case.
    only_a = ledger.performance(MARCH[0], MARCH[0] + 2 * DAY)
    assert [(f.id, f.cases) for f in only_a] == [("eng-17", 1)]
    assert ledger.performance(MARCH[1], MARCH[1] + DAY) == ()


def test_by_team(ledger: plaint.Ledger) -> None:
    for by in ("team", plaint.StaffBy.TEAM, 2):
        figs = ledger.performance(*MARCH, by)
        assert [(f.id, f.cases, f.closed) for f in figs] == [
            ("", 1, 0),
            ("cs", 1, 0),
            ("eng", 2, 2),
        ]
    assert ledger.performance(*MARCH, by="team")[1].breach_escalations == 1


def test_frame(ledger: plaint.Ledger) -> None:
    pd = pytest.importorskip("pandas")
    frame = ledger.performance_frame(*MARCH, surveys=SURVEYS)
    assert list(frame.columns) == [
        "id",
        "cases",
        "closed",
        "sla_record",
        "sla_resolution",
        "first_response_mean_s",
        "first_response_p90_s",
        "resolution_mean_s",
        "resolution_p90_s",
        "reopened",
        "unsatisfied_visits",
        "breach_escalations",
        "satisfaction_mean",
        "csat",
        "csat_low",
        "csat_high",
        "small_sample",
    ]
    assert list(frame["id"]) == ["", "cs-05", "eng-17"]
    assert str(frame["cases"].dtype) == "int64" and str(frame["small_sample"].dtype) == "bool"
    eng = frame.iloc[2]
    assert (eng["cases"], eng["closed"], eng["sla_resolution"]) == (2, 2, 0.5)
    assert (eng["first_response_mean_s"], eng["first_response_p90_s"]) == (4800, 7200)
    assert eng["unsatisfied_visits"] == pytest.approx(1 / 3)
    assert (eng["satisfaction_mean"], eng["csat"]) == (3.5, 0.5)
    cs = frame.iloc[1]
    assert (cs["reopened"], cs["breach_escalations"], cs["sla_record"]) == (1.0, 1, 0.0)
    assert pd.isna(frame.iloc[0]["first_response_mean_s"])
    # A target only some groups have is NaN for the others.
    only_a = ledger.performance_frame(MARCH[0], MARCH[0] + 2 * DAY)
    assert len(only_a) == 1


def test_bad_input(ledger: plaint.Ledger) -> None:
    f, t = MARCH
    # Wrong types, bools for numbers.
    with pytest.raises(TypeError):
        ledger.performance(float(f), t)
    with pytest.raises(TypeError):
        ledger.performance(f, "2026-04-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ledger.performance(True, t)
    with pytest.raises(TypeError):
        ledger.performance(f, t, True)
    with pytest.raises(TypeError):
        ledger.performance(f, t, 1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ledger.performance(f, t, plaint.Kind.COMPLAINT)
    with pytest.raises(TypeError):
        ledger.performance(f, t, confidence=True)
    with pytest.raises(TypeError):
        ledger.performance(f, t, confidence="0.9")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ledger.performance(f, t, small_sample=True)
    with pytest.raises(TypeError):
        ledger.performance(f, t, small_sample=2.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ledger.performance(f, t, overall=b"overall")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ledger.performance(f, t, surveys=42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ledger.performance(f, t, as_of=1.5)  # type: ignore[arg-type]
    with pytest.raises(plaint.OutOfRangeError):
        ledger.performance(f, t, small_sample=-1)
    # Unknown groupings: names and codes.
    for by in ("staff", "Team", "", 0, 3, 2**40):
        with pytest.raises(plaint.InvalidArgumentError, match="staff grouping"):
            ledger.performance(f, t, by)  # type: ignore[arg-type]
    # An empty or backward period.
    for a, b in ((f, f), (t, f)):
        with pytest.raises(plaint.InvalidArgumentError, match="start must be before"):
            ledger.performance(a, b)
    # Confidences 0, 1, NaN, below 0.
    for c in (0, 1, 1.0, math.nan, -0.5):
        with pytest.raises(plaint.InvalidArgumentError, match="confidence"):
            ledger.performance(f, t, confidence=c)
    # Bad surveys: a bad instant (line 2), an answer out of range, no `at`, a NUL in overall,
    # a missing file.
    bad_at = "complaint_id,building,at,overall\nA,,not-an-instant,5\n"
    with pytest.raises(plaint.ParseError, match=r"options\.surveys\[1\].*line 2"):
        ledger.performance(f, t, surveys=[SURVEYS, bad_at])
    with pytest.raises(plaint.ParseError, match=r"surveys\[0\]"):
        ledger.performance(f, t, surveys="complaint_id,building,at,overall\nA,,0,300\n")
    with pytest.raises(plaint.InvalidArgumentError, match=r"surveys\[0\]"):
        ledger.performance(f, t, surveys="complaint_id,building,overall\nA,,5\n")
    with pytest.raises(plaint.EncodingError):
        ledger.performance(f, t, overall="over\0all")
    with pytest.raises(plaint.FileError):
        ledger.performance(f, t, surveys=Path("/nonexistent/surveys.csv"))
    # A closed ledger.
    ledger.close()
    with pytest.raises(plaint.ClosedError):
        ledger.performance(f, t)


# ---- the example ---------------------------------------------------------------------------


def _resolved_at(c: plaint.Complaint, until: int) -> Optional[int]:
    """The first resolve, explain, answer or acknowledge at or before ``until``."""
    ends = {"resolve", "explain", "answer", "acknowledge"}
    for e in c.events:
        if e.at > until:
            break
        if e.type.label in ends:
            return e.at
    return None


def _second_count(ledger: plaint.Ledger, start: int, end: int) -> Dict[str, Dict[str, object]]:
    """Per team, counted from each complaint's view, log and clocks (read at ``end``, each in
    the calendar of the team that owns the case: the profile's clocks with the rules' team)."""
    profile = ledger.profile
    teams: Dict[str, Dict[str, object]] = defaultdict(
        lambda: {
            "cases": 0,
            "closed": 0,
            "times": [],
            "met": defaultdict(int),
            "n": defaultdict(int),
        }
    )
    for i in range(len(ledger)):
        v = ledger.view(i)
        if not start <= v.received < end:
            continue
        g = teams[v.team or ""]
        g["cases"] += 1  # type: ignore[operator]
        c = ledger.to_complaint(i)
        state = None
        for e in c.events:
            if e.at <= end:
                state = e.to_state
        g["closed"] += state in (plaint.State.CLOSED, plaint.State.EXPLAINED)  # type: ignore
        done = _resolved_at(c, end)
        if done is not None:
            g["times"].append(done - v.received)  # type: ignore[union-attr]
        if v.sla_policy:
            for k in c.clocks(profile, v.sla_policy, end, team=v.rule_team):
                if k.state in (plaint.ClockState.MET, plaint.ClockState.BREACHED):
                    g["n"][k.target] += 1  # type: ignore[index]
                    g["met"][k.target] += k.state == plaint.ClockState.MET  # type: ignore
    return teams


def test_the_performance_example(library_file: Path, package_dir: Path) -> None:
    lines = run_example(SOURCE_ROOT / "examples" / "performance.py", library_file, package_dir)
    with plaint.Ledger() as ledger:
        ledger.import_json_lines(
            SOURCE_ROOT / "examples" / "data" / "sample" / "complaints-2026-10.jsonl"
        )
        start, end = plaint.month_range("2026-10")
        month = _second_count(ledger, start, end)
        week = _second_count(ledger, start, start + 7 * DAY)
    want = ["October 2026 by team"]
    for team in sorted(month):
        g = month[team]
        parts = [f"{team or '(none)'}: {g['cases']} cases, {g['closed']} closed"]
        for target in ("resolution", "repair_completion"):
            n = g["n"][target]  # type: ignore[index]
            if n:
                parts.append(f"{target} {100 * g['met'][target] / n:.1f}% of {n}")  # type: ignore
        times: List[int] = g["times"]  # type: ignore[assignment]
        want.append(
            "; ".join(parts) + f"; resolved in {sum(times) / len(times) / 3600:.1f} h on average"
        )
    want.append("1-7 October by team")
    for team in sorted(week):
        n = week[team]["cases"]
        want.append(f"{team or '(none)'}: {n} cases" + (" (small sample)" if n < 30 else ""))  # type: ignore
    assert lines == want
    # The sample's README: 2,231 requests in October, every one counted once.
    assert sum(g["cases"] for g in month.values()) == 2231  # type: ignore[misc]
    # The default profile dispatches equipment to engineering, whose repairs keep the repair
    # policy's completion target; a team of fewer than 30 cases in the first week is flagged.
    assert any(line.startswith("engineering:") and "repair_completion" in line for line in lines)
    assert any(line.endswith("(small sample)") for line in lines)


# Scores: half the closed share, half the reopen rate, each scoring 100 x the share (closed) or
# 100 x (1 - the rate) (reopened) — as tests/c/test_capi_performance.c.
SCORED = dict(
    PROFILE,
    performance={
        "metrics": [
            {"metric": "closed_share", "target": 1, "band": 1, "weight": 0.5},
            {"metric": "reopen_rate", "direction": "lower", "target": 0, "band": 1, "weight": 0.5},
        ]
    },
)


def _wilson(k: int, n: int, z: float = 1.959963984540054) -> Tuple[float, float]:
    """The Wilson interval, written out here as a second method."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def test_scores_worked_by_hand() -> None:
    led = _hand_ledger(SCORED)
    f, t = MARCH
    scores = led.performance_scores(f, t, "team", small_sample=1)
    assert [s.id for s in scores] == ["", "cs", "eng"]
    nobody, cs, eng = scores
    # D: open (closed share 0: score 0), not reopened (score 100): 50; nobody's: not ranked.
    assert nobody.score == pytest.approx(50)
    assert not nobody.ranked and nobody.rank_best is None
    # eng: A and B closed, neither reopened: 100; low end: Wilson of 2 of 2 and of 0 of 2.
    assert eng.score == pytest.approx(100)
    low2, _ = _wilson(2, 2)
    _, high0 = _wilson(0, 2)
    assert eng.low == pytest.approx(0.5 * 100 * low2 + 0.5 * 100 * (1 - high0))
    assert eng.high == pytest.approx(100)
    closed = eng.metric("closed_share")
    assert closed is not None and closed.value == 1 and closed.contribution == pytest.approx(50)
    assert eng.metric("csat") is None
    # cs: C open and reopened: 0, its high end 79.3 above eng's low: ranks 1 to 2 for both.
    assert cs.score == pytest.approx(0)
    assert cs.high == pytest.approx(100 * _wilson(0, 1)[1])
    assert (eng.rank_best, eng.rank_worst) == (1, 2)
    assert (cs.rank_best, cs.rank_worst) == (1, 2)
    # Small samples (30 cases by default) are never ranked.
    assert not any(s.ranked for s in led.performance_scores(f, t, "team"))


def test_scores_frame() -> None:
    pytest.importorskip("pandas")
    led = _hand_ledger(SCORED)
    f, t = MARCH
    frame = led.performance_scores_frame(f, t, plaint.StaffBy.TEAM, small_sample=1)
    assert list(frame.columns) == [
        "id",
        "cases",
        "small_sample",
        "score",
        "low",
        "high",
        "rank_best",
        "rank_worst",
        "closed_share_value",
        "closed_share_score",
        "closed_share_contribution",
        "reopen_rate_value",
        "reopen_rate_score",
        "reopen_rate_contribution",
    ]
    assert list(frame["id"]) == ["", "cs", "eng"]
    assert frame["rank_best"].isna().tolist() == [True, False, False]
    assert list(frame["reopen_rate_value"]) == [0, 1, 0]
    assert str(frame["rank_worst"].dtype) == "Int64"


def test_scores_bad_input(ledger: plaint.Ledger) -> None:
    f, t = MARCH
    # The fixture's profile has no performance section.
    with pytest.raises(plaint.NotFoundError, match="no performance section"):
        ledger.performance_scores(f, t)
    led = _hand_ledger(SCORED)
    with pytest.raises(plaint.InvalidArgumentError):
        led.performance_scores(t, f)
    with pytest.raises(TypeError):
        led.performance_scores(f, t, confidence=True)
    with pytest.raises(plaint.InvalidArgumentError):
        led.performance_scores(f, t, "nobody")
    # A bad section: each problem with its place.
    bad = [
        (
            {"metrics": [{"metric": "speed", "target": 1, "band": 1, "weight": 1}]},
            "/performance/metrics/0/metric: unknown metric 'speed'",
        ),
        (
            {"metrics": [{"metric": "csat", "target": 0.9, "band": 0.5, "weight": 0.7}]},
            "/performance/metrics: the weights sum to 0.7; they must sum to 1",
        ),
        (
            {
                "metrics": [
                    {
                        "metric": "reopen_rate",
                        "direction": "higher",
                        "target": 0,
                        "band": 1,
                        "weight": 1,
                    }
                ]
            },
            "/performance/metrics/0/direction: reopen_rate is better lower",
        ),
        (
            {"metrics": [{"metric": "sla_met:fast", "target": 1, "band": 1, "weight": 1}]},
            "no SLA policy has a target named 'fast'",
        ),
    ]
    for section, message in bad:
        with pytest.raises(plaint.ValidationError) as info:
            plaint.Profile.from_json(dict(PROFILE, performance=section))
        assert message in str(info.value)


def test_the_report_people_on_the_sample() -> None:
    """The sample month's report has a people section whose parts add up to the month."""
    with plaint.Ledger() as led:
        led.import_json_lines(
            SOURCE_ROOT / "examples" / "data" / "sample" / "complaints-2026-10.jsonl"
        )
        report = led.report("2026-10")
        start, end = plaint.month_range("2026-10")
        by_team = led.performance(start, end, "team", as_of=end)
    people = report["people"]
    # The default profile's five teams, and "" for the requests no team took.
    assert [t["id"] for t in people["teams"]] == [
        "",
        "cleaning",
        "customer_service",
        "engineering",
        "greening",
        "security",
    ]
    assert people["teams"][3]["name"] == "工程维修部 engineering and repair"
    assert sum(t["cases"] for t in people["teams"]) == report["complaints"]["received"] == 2231
    # The same counts as Ledger.performance over the month.
    assert [t["cases"] for t in people["teams"]] == [f.cases for f in by_team]
    heat = people["team_category"]
    assert sum(map(sum, heat["cells"])) == 2231
    assert heat["rows"] == [t["id"] for t in people["teams"]]
    # Top and bottom handlers: ranked, disjoint, best first and worst first.
    top, bottom = people["top_handlers"], people["bottom_handlers"]
    assert top and bottom
    assert not {h["id"] for h in top} & {h["id"] for h in bottom}
    assert all(h["ranked"] and h["cases"] >= 30 for h in top + bottom)
    assert [h["score"] for h in top] == sorted((h["score"] for h in top), reverse=True)
    assert [h["score"] for h in bottom] == sorted(h["score"] for h in bottom)
    assert min(h["score"] for h in top) >= max(h["score"] for h in bottom)
    assert people["handlers"] >= len(top) + len(bottom) + people["handlers_small"]


def _metric_value(f: plaint.StaffFigures, metric: str) -> float:
    """A metric of the default profile's section, from the figures (a second method)."""
    if metric == "sla_met":
        met = sum(t.met for t in f.sla)
        n = sum(t.met + t.breached for t in f.sla)
        return met / n if n else math.nan
    return {
        "first_response_mean_h": f.first_response.mean / HOUR,
        "resolution_p90_h": f.resolution.p90 / HOUR,
        "reopen_rate": f.reopened.value,
        "unsatisfied_visit_rate": f.unsatisfied_visits.value,
        "csat": f.csat.value,
    }[metric]


def _score_by_hand(f: plaint.StaffFigures, metrics: List[Dict[str, object]]) -> float:
    """The README's rule: 100 at the target, 0 at the band short of it, weights carried by the
    metrics with data."""
    points = present = 0.0
    for m in metrics:
        v = _metric_value(f, str(m["metric"]))
        if math.isnan(v):
            continue
        target, band, weight = float(m["target"]), float(m["band"]), float(m["weight"])  # type: ignore
        short = target - v if m["direction"] == "higher" else v - target
        points += weight * 100 * min(1.0, max(0.0, 1 - max(0.0, short) / band))
        present += weight
    return points / present


def test_the_performance_scores_example(library_file: Path, package_dir: Path) -> None:
    lines = run_example(
        SOURCE_ROOT / "examples" / "performance_scores.py", library_file, package_dir
    )
    data = SOURCE_ROOT / "examples" / "data"
    metrics = json.loads((data / "default-profile.json").read_text(encoding="utf-8"))[
        "performance"
    ]["metrics"]
    surveys = [data / "sample" / "surveys-2026-09.csv", data / "sample" / "surveys-2026-10.csv"]
    with plaint.Ledger() as led:
        led.import_json_lines(data / "sample" / "complaints-2026-10.jsonl")
        start, end = plaint.month_range("2026-10")
        teams = led.performance(start, end, by="team", surveys=surveys)
        handlers = led.performance(start, end, by="handler", surveys=surveys)
    assert lines[0] == "October 2026: teams"
    team_lines = lines[1 : lines.index("Handlers, best first")]
    assert [line.split(":")[0] for line in team_lines] == [f.id for f in teams if f.id]
    for line, f in zip(team_lines, [f for f in teams if f.id]):
        score = float(line.split(": ")[1].split(" ")[0])
        assert score == pytest.approx(_score_by_hand(f, metrics), abs=0.05), line
        assert f" of {f.cases};" in line
    ranked = lines[lines.index("Handlers, best first") + 1 : -1]
    big = {f.id for f in handlers if f.id and not f.small_sample}
    assert {line.split(":")[0] for line in ranked} == big
    by_id = {f.id: f for f in handlers}
    previous = 101.0
    for line in ranked:
        hid, rest = line.split(": ")
        score = float(rest.split(" ")[0])
        assert score == pytest.approx(_score_by_hand(by_id[hid], metrics), abs=0.05), line
        assert score <= previous
        previous = score
    small = sorted(f"{f.id} ({f.cases})" for f in handlers if f.id and f.small_sample)
    assert lines[-1] == "Too few cases to rank: " + ", ".join(small)
