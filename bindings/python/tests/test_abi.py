"""The binding against plaint.h: the function table, the event struct, the enumeration and
status codes. plaint.h is the specification here; the expected values are read from it (and a
few are also written out by hand)."""

from __future__ import annotations

import ctypes
import pickle
import re
import shutil
import subprocess
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

import plaint
from plaint import _enums, _error, _lib

import support


def _strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def header_functions(header: Path) -> Dict[str, Tuple[str, List[str]]]:
    """name -> (return type, parameter types) of every PLAINT_API function in plaint.h."""
    text = _strip_comments(support.read_header(header))
    found: Dict[str, Tuple[str, List[str]]] = {}
    pattern = r"PLAINT_API\s+([^;(]*?)\b(plaint_\w+)\s*\(([^)]*)\)\s*;"
    for ret, name, params in re.findall(pattern, text, flags=re.S):
        types = []
        for param in params.split(","):
            param = " ".join(param.split())
            if param in ("void", ""):
                continue
            # Drop the parameter name: the last identifier.
            types.append(re.sub(r"\s*\b\w+$", "", param).replace(" *", "*").strip())
        found[name] = (" ".join(ret.split()).replace(" *", "*"), types)
    return found


def header_defines(header: Path, prefix: str) -> Dict[str, int]:
    """SUFFIX -> value of every ``#define <prefix>SUFFIX <int>`` in plaint.h."""
    text = support.read_header(header)
    pattern = rf"#define {prefix}(\w+)\s+\(?(-?\d+)\)?"
    return {name: int(value) for name, value in re.findall(pattern, text)}


# The ctypes types a C type may be declared as.
_C_TYPES = {
    "int": {ctypes.c_int},
    "int32_t": {ctypes.c_int32},
    "int64_t": {ctypes.c_int64},
    "size_t": {ctypes.c_size_t},
    "uint32_t": {ctypes.c_uint32},
    "uint32_t*": {ctypes.POINTER(ctypes.c_uint32)},
    "const char*": {ctypes.c_char_p},
    "char*": {ctypes.c_char_p, ctypes.c_void_p},
    "char**": {ctypes.POINTER(ctypes.c_void_p)},
    "const char**": {ctypes.POINTER(ctypes.c_char_p), ctypes.POINTER(ctypes.c_void_p)},
    "plaint_complaint*": {ctypes.c_void_p},
    "const plaint_complaint*": {ctypes.c_void_p},
    "plaint_complaint**": {ctypes.POINTER(ctypes.c_void_p)},
    "plaint_event*": {ctypes.POINTER(_lib.PlaintEvent)},
    "const plaint_event*": {ctypes.POINTER(_lib.PlaintEvent)},
    "plaint_calendar*": {ctypes.c_void_p},
    "const plaint_calendar*": {ctypes.c_void_p},
    "plaint_calendar**": {ctypes.POINTER(ctypes.c_void_p)},
    "plaint_policy_set*": {ctypes.c_void_p},
    "const plaint_policy_set*": {ctypes.c_void_p},
    "plaint_policy_set**": {ctypes.POINTER(ctypes.c_void_p)},
    "plaint_clock_list*": {ctypes.c_void_p},
    "const plaint_clock_list*": {ctypes.c_void_p},
    "plaint_clock_list**": {ctypes.POINTER(ctypes.c_void_p)},
    "plaint_clock*": {ctypes.POINTER(_lib.PlaintClock)},
    "plaint_profile*": {ctypes.c_void_p},
    "const plaint_profile*": {ctypes.c_void_p},
    "plaint_profile**": {ctypes.POINTER(ctypes.c_void_p)},
    "plaint_decision*": {ctypes.c_void_p},
    "const plaint_decision*": {ctypes.c_void_p},
    "plaint_decision**": {ctypes.POINTER(ctypes.c_void_p)},
    "const plaint_facts_columns*": {ctypes.POINTER(_lib.PlaintFactsColumns)},
    "const int64_t*": {ctypes.POINTER(ctypes.c_int64)},
    "int32_t*": {ctypes.POINTER(ctypes.c_int32)},
    "int64_t*": {ctypes.POINTER(ctypes.c_int64)},
    "size_t*": {ctypes.POINTER(ctypes.c_size_t)},
    "void": {None},
    # Since 0.4: satisfaction scores.
    "double": {ctypes.c_double},
    "double*": {ctypes.POINTER(ctypes.c_double)},
    "const double*": {ctypes.POINTER(ctypes.c_double)},
    "const double* const*": {ctypes.POINTER(ctypes.POINTER(ctypes.c_double))},
    "const int32_t*": {ctypes.POINTER(ctypes.c_int32)},
    "uint64_t": {ctypes.c_uint64},
    "uint64_t*": {ctypes.POINTER(ctypes.c_uint64)},
    "plaint_score*": {ctypes.POINTER(_lib.PlaintScore)},
    "const plaint_score*": {ctypes.POINTER(_lib.PlaintScore)},
    "plaint_ahp_result*": {ctypes.POINTER(_lib.PlaintAhpResult)},
    "plaint_indicator_tree*": {ctypes.POINTER(_lib.PlaintIndicatorTree)},
    "const plaint_indicator_tree*": {ctypes.POINTER(_lib.PlaintIndicatorTree)},
    "plaint_group_input*": {ctypes.POINTER(_lib.PlaintGroupInput)},
    "const plaint_group_input*": {ctypes.POINTER(_lib.PlaintGroupInput)},
    "plaint_groups*": {ctypes.c_void_p},
    "const plaint_groups*": {ctypes.c_void_p},
    "plaint_groups**": {ctypes.POINTER(ctypes.c_void_p)},
    # Since 0.5: the ledger, snapshots and the monthly report.
    "plaint_ledger*": {ctypes.c_void_p},
    "const plaint_ledger*": {ctypes.c_void_p},
    "plaint_ledger**": {ctypes.POINTER(ctypes.c_void_p)},
    "plaint_import_result*": {ctypes.POINTER(_lib.PlaintImportResult)},
    "const plaint_report_options*": {ctypes.POINTER(_lib.PlaintReportOptions)},
    "plaint_report_options*": {ctypes.POINTER(_lib.PlaintReportOptions)},
    # Since 0.6: the ledger's queries.
    "plaint_complaint_view*": {ctypes.POINTER(_lib.PlaintComplaintView)},
    "plaint_query*": {ctypes.POINTER(_lib.PlaintQuery)},
    "const plaint_query*": {ctypes.POINTER(_lib.PlaintQuery)},
    "plaint_ledger_clock*": {ctypes.POINTER(_lib.PlaintLedgerClock)},
    "plaint_escalation_due*": {ctypes.POINTER(_lib.PlaintEscalationDue)},
    "plaint_visit_due*": {ctypes.POINTER(_lib.PlaintVisitDue)},
    "plaint_quota_compliance*": {ctypes.POINTER(_lib.PlaintQuotaCompliance)},
    # Since 0.7: staff performance.
    "plaint_performance_options*": {ctypes.POINTER(_lib.PlaintPerformanceOptions)},
    "const plaint_performance_options*": {ctypes.POINTER(_lib.PlaintPerformanceOptions)},
}


def test_the_header_parser_sees_the_whole_header(header: Path) -> None:
    functions = header_functions(header)
    # Counted by hand in plaint.h: 3 version, 4 error (with plaint_last_error_location), 2 enum
    # and 2 time functions, plaint_event_init, 30 plaint_complaint_* functions (with
    # plaint_complaint_clocks), 12 plaint_calendar_* functions, plaint_tzdb_version, 7
    # plaint_policy_set_* functions, plaint_duration_parse, plaint_clock_init and 3
    # plaint_clock_list_* functions; since 0.3, 2 plaint_last_error_problem* functions,
    # plaint_complaint_from_json and _to_json, 11 plaint_profile_* functions (with _classify and
    # _classify_many) and 12 plaint_decision_* functions; since 0.4, 48 satisfaction functions:
    # 4 struct initialisers, plaint_levels, _wilson, _mean, _csat, _nps, _ces, _check_target,
    # _ahp, _random_index, _ri_table_name and _parse, _key_drivers, _acsi, _global_weights,
    # _weighted_index, _servqual, _mttr, _mean_duration, _percentile, _within_limit,
    # _sample_size, 20 plaint_groups_* functions and 3 plaint_profile_survey_* functions; since
    # 0.5, 2 struct initialisers (import result, report options) and 19 plaint_ledger_*
    # functions; since 0.6, 6 struct initialisers (complaint view, query, ledger clock,
    # escalation due, visit due, quota compliance), 8 plaint_ledger_* functions (view, select,
    # clocks_at, escalations_due, visits_due, visit_quotas, replay, reevaluate),
    # plaint_month_range and 4 plaint_profile_* functions (repeat_window, keyword_count,
    # keyword, find_keywords); since 0.7, 3 plaint_profile_* functions (folds_keywords,
    # keyword_match, keyword_memory), and for kinds of request 3 plaint_complaint_* functions
    # (kind, stated_kind, set_kind), plaint_workflow_transition, plaint_decision_kind and
    # plaint_profile_classify_many_v2; for people (plaint/c/people.h) plaint_staff_id_check,
    # 6 plaint_profile_* functions (team_count, team_id, team_name, team_calendar, team_roles,
    # find_team), plaint_decision_team and 2 plaint_complaint_* functions (handler, team); for
    # staff performance (plaint/c/performance.h) plaint_performance_options_init and
    # plaint_ledger_performance_json and plaint_ledger_performance_scores_json; for team
    # calendars plaint_profile_clocks.
    assert len(functions) == 205
    assert functions["plaint_ledger_performance_json"] == (
        "int",
        ["const plaint_ledger*", "const plaint_performance_options*", "char**"],
    )
    assert functions["plaint_performance_options_init"] == (
        "void",
        ["plaint_performance_options*", "size_t"],
    )
    assert functions["plaint_staff_id_check"] == ("int", ["const char*", "size_t"])
    assert functions["plaint_profile_team_roles"] == (
        "int",
        ["const plaint_profile*", "size_t", "int32_t*", "size_t", "size_t*"],
    )
    assert functions["plaint_workflow_transition"] == (
        "int",
        ["int32_t", "int32_t", "int32_t", "int32_t*"],
    )
    assert functions["plaint_complaint_text"] == (
        "int",
        ["const plaint_complaint*", "int32_t", "const char**", "size_t*"],
    )
    assert functions["plaint_version_string"] == ("const char*", [])
    assert functions["plaint_calendar_add_many"] == (
        "int",
        ["const plaint_calendar*", "const int64_t*", "const int64_t*", "size_t", "int64_t*"],
    )
    assert functions["plaint_last_error_location"] == (
        "int",
        ["const char**", "size_t*", "size_t*"],
    )
    assert functions["plaint_complaint_clocks"] == (
        "int",
        [
            "const plaint_complaint*",
            "const plaint_policy_set*",
            "const char*",
            "int64_t",
            "plaint_clock_list**",
        ],
    )
    assert functions["plaint_clock_list_get"] == (
        "int",
        ["const plaint_clock_list*", "size_t", "plaint_clock*"],
    )


def test_the_table_declares_every_function_of_the_header(header: Path) -> None:
    assert set(_lib.FUNCTIONS) == set(header_functions(header))


def test_every_int_returning_function_is_declared_and_checked(header: Path) -> None:
    for name, (ret, params) in header_functions(header).items():
        func = getattr(_lib.lib, name)
        assert func.argtypes is not None, name
        assert len(func.argtypes) == len(params), name
        for declared, c_type in zip(func.argtypes, params):
            assert declared in _C_TYPES[c_type], (name, c_type, declared)
        if ret == "int":
            assert _lib.FUNCTIONS[name][0] is _lib.STATUS, name
            assert func.restype is ctypes.c_int, name
            assert func.errcheck is _lib.check_status, name
        else:
            assert func.restype in _C_TYPES[ret], name


@pytest.mark.parametrize(
    "c_name, struct",
    [
        ("plaint_event", _lib.PlaintEvent),
        ("plaint_clock", _lib.PlaintClock),
        ("plaint_facts_columns", _lib.PlaintFactsColumns),
        ("plaint_score", _lib.PlaintScore),
        ("plaint_ahp_result", _lib.PlaintAhpResult),
        ("plaint_indicator_tree", _lib.PlaintIndicatorTree),
        ("plaint_group_input", _lib.PlaintGroupInput),
        ("plaint_import_result", _lib.PlaintImportResult),
        ("plaint_report_options", _lib.PlaintReportOptions),
        ("plaint_complaint_view", _lib.PlaintComplaintView),
        ("plaint_query", _lib.PlaintQuery),
        ("plaint_ledger_clock", _lib.PlaintLedgerClock),
        ("plaint_escalation_due", _lib.PlaintEscalationDue),
        ("plaint_visit_due", _lib.PlaintVisitDue),
        ("plaint_quota_compliance", _lib.PlaintQuotaCompliance),
        ("plaint_performance_options", _lib.PlaintPerformanceOptions),
    ],
)
def test_the_structs_match_the_c_compiler(
    header: Path, tmp_path: Path, c_name: str, struct: type
) -> None:
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler")
    fields = [name for name, _ in struct._fields_]  # type: ignore[attr-defined]
    lines = [f'printf("sizeof %zu\\n", sizeof({c_name}));']
    lines += [f'printf("{f} %zu\\n", offsetof({c_name}, {f}));' for f in fields]
    source = tmp_path / "layout.c"
    source.write_text(
        "#include <stddef.h>\n#include <stdio.h>\n#include <plaint/plaint.h>\n"
        "int main(void) {\n" + "\n".join(lines) + "\nreturn 0;\n}\n"
    )
    exe = tmp_path / "layout"
    include = header.parent.parent
    subprocess.run([cc, "-std=c99", "-I", str(include), "-o", str(exe), str(source)], check=True)
    out = subprocess.run([str(exe)], check=True, capture_output=True, text=True).stdout
    layout = {k: int(v) for k, v in (line.split() for line in out.splitlines())}
    assert layout["sizeof"] == ctypes.sizeof(struct)
    for f in fields:
        assert layout[f] == getattr(struct, f).offset, f


def test_the_event_struct_by_hand() -> None:
    # x86-64 / aarch64 LP64 layout, worked by hand: size 0, type 4, at 8, role 16, (pad),
    # note 24, nature 32, severity 36, target_role 40, visit_method 44, has_deadline 48, (pad),
    # deadline 56, from_state 64, to_state 68: 72 bytes in 0.6; then (0.7) handler 72, team 80:
    # 88 bytes.
    if ctypes.sizeof(ctypes.c_void_p) != 8:
        pytest.skip("the hand-worked layout is for 64-bit targets")
    assert ctypes.sizeof(_lib.PlaintEvent) == 88
    assert (_lib.PlaintEvent.handler.offset, _lib.PlaintEvent.team.offset) == (72, 80)
    assert _lib.PlaintEvent.note.offset == 24
    assert _lib.PlaintEvent.deadline.offset == 56
    assert _lib.PlaintEvent.to_state.offset == 68


def test_the_clock_struct_by_hand() -> None:
    # LP64 layout, worked by hand: size 0, (pad), target 8, kind 16, cycle 20, round 24, state
    # 28, escalate_to 32, has_started 36, started 40, has_stopped 48, (pad), stopped 56,
    # has_due 64, (pad), due 72, has_breached_at 80, (pad), breached_at 88, duration 96,
    # elapsed 104, remaining 112, percent 120, warning_count 128, (pad), warnings 136-167:
    # 168 bytes.
    if ctypes.sizeof(ctypes.c_void_p) != 8:
        pytest.skip("the hand-worked layout is for 64-bit targets")
    assert ctypes.sizeof(_lib.PlaintClock) == 168
    assert _lib.PlaintClock.target.offset == 8
    assert _lib.PlaintClock.started.offset == 40
    assert _lib.PlaintClock.stopped.offset == 56
    assert _lib.PlaintClock.breached_at.offset == 88
    assert _lib.PlaintClock.percent.offset == 120
    assert _lib.PlaintClock.warnings.offset == 136


def test_the_facts_columns_struct_by_hand() -> None:
    # LP64 layout, worked by hand: size 0, (pad), count 8, then twelve pointers from 16 to 112:
    # channel 16, ..., content 72, building 80, unit 88, received 96, kind 104 (0.7): 112 bytes.
    if ctypes.sizeof(ctypes.c_void_p) != 8:
        pytest.skip("the hand-worked layout is for 64-bit targets")
    assert ctypes.sizeof(_lib.PlaintFactsColumns) == 112
    assert _lib.PlaintFactsColumns.kind.offset == 104
    assert _lib.PlaintFactsColumns.count.offset == 8
    assert _lib.PlaintFactsColumns.channel.offset == 16
    assert _lib.PlaintFactsColumns.content.offset == 72
    assert _lib.PlaintFactsColumns.received.offset == 96


def test_the_score_structs_by_hand() -> None:
    # LP64 layouts, worked by hand. plaint_score: size 0, (pad), six doubles value 8 .. percent
    # 48, five uint64 n 56 .. missing 88: 96 bytes. plaint_ahp_result: size 0, ri_table 4,
    # method 8, consistent 12, four doubles 16 .. 40, worst_i 48, worst_j 56: 64 bytes.
    # plaint_indicator_tree: size 0, (pad), count 8, five pointers 16 .. 48: 56 bytes.
    # plaint_group_input: size 0, (pad), rows 8, key_count 16, keys 24, key_names 32,
    # score_count 40, scores 48 ... nps 88, index_count 96, index_names 104 ... index_units
    # 136: 144 bytes.
    if ctypes.sizeof(ctypes.c_void_p) != 8:
        pytest.skip("the hand-worked layout is for 64-bit targets")
    assert ctypes.sizeof(_lib.PlaintScore) == 96
    assert _lib.PlaintScore.value.offset == 8
    assert _lib.PlaintScore.n.offset == 56
    assert _lib.PlaintScore.missing.offset == 88
    assert ctypes.sizeof(_lib.PlaintAhpResult) == 64
    assert _lib.PlaintAhpResult.lambda_max.offset == 16
    assert _lib.PlaintAhpResult.worst_j.offset == 56
    assert ctypes.sizeof(_lib.PlaintIndicatorTree) == 56
    assert _lib.PlaintIndicatorTree.name.offset == 48
    assert ctypes.sizeof(_lib.PlaintGroupInput) == 144
    assert _lib.PlaintGroupInput.score_count.offset == 40
    assert _lib.PlaintGroupInput.nps.offset == 88
    assert _lib.PlaintGroupInput.index_units.offset == 136


def test_the_ledger_query_structs_by_hand() -> None:
    # LP64 layouts, worked by hand.
    # plaint_complaint_view: size 0, (pad), index 8, id 16, id_len 24, received 32, channel 40,
    # category 44, then four texts of pointer and length from 48 to 111 (content 96), ten int32
    # reporter_count 112 .. has_rectification_deadline 140, rectification_deadline 144, cycle
    # 152, escalations 156, event_count 160, last_event_at 168, four int32 reevaluations 176 ..
    # planned_visit 188, sla_policy 192, sla_policy_len 200, then (0.7) kind 208, kind_decided
    # 212, handler 216, handler_len 224, team 232, team_len 240, rule_team 248, rule_team_len
    # 256, team_from_rules 264, (pad to the 8-byte alignment): 272 bytes (208 in 0.6).
    # plaint_query: size 0, five int32 state 4 .. severity 20, building 24, open_only 32,
    # has_received_from 36, received_from 40, has_received_before 48, (pad), received_before
    # 56, then (0.7) kind 64, (pad), team 72, handler 80: 88 bytes (64 in 0.6).
    # plaint_ledger_clock: size 0, (pad), index 8, then plaint_clock's fields 8 bytes further
    # than in plaint_clock (target 16, started 48, percent 128, warnings 144): 176 bytes.
    # plaint_escalation_due: size 0, index 8, owner 16, to 20, reason 24: 32 bytes.
    # plaint_visit_due: size 0, index 8, method 16, (pad), resolved_at 24, has_due 32, (pad),
    # due 40: 48 bytes. plaint_quota_compliance: five int32: 20 bytes.
    if ctypes.sizeof(ctypes.c_void_p) != 8:
        pytest.skip("the hand-worked layout is for 64-bit targets")
    v = _lib.PlaintComplaintView
    assert ctypes.sizeof(v) == 272
    assert (v.kind.offset, v.kind_decided.offset) == (208, 212)
    assert (v.handler.offset, v.handler_len.offset, v.team.offset) == (216, 224, 232)
    assert (v.rule_team.offset, v.rule_team_len.offset, v.team_from_rules.offset) == (248, 256, 264)
    assert (v.index.offset, v.received.offset, v.content.offset) == (8, 32, 96)
    assert (v.reporter_count.offset, v.rectification_deadline.offset) == (112, 144)
    assert (v.event_count.offset, v.planned_visit.offset, v.sla_policy_len.offset) == (
        160,
        188,
        200,
    )
    q = _lib.PlaintQuery
    assert ctypes.sizeof(q) == 88
    assert (q.kind.offset, q.team.offset, q.handler.offset) == (64, 72, 80)
    assert (q.severity.offset, q.building.offset, q.received_before.offset) == (20, 24, 56)
    k = _lib.PlaintLedgerClock
    assert ctypes.sizeof(k) == 176
    assert (k.index.offset, k.target.offset, k.started.offset) == (8, 16, 48)
    assert (k.percent.offset, k.warnings.offset) == (128, 144)
    assert ctypes.sizeof(_lib.PlaintEscalationDue) == 32
    assert _lib.PlaintEscalationDue.reason.offset == 24
    assert ctypes.sizeof(_lib.PlaintVisitDue) == 48
    assert _lib.PlaintVisitDue.due.offset == 40
    assert ctypes.sizeof(_lib.PlaintQuotaCompliance) == 20
    assert _lib.PlaintQuotaCompliance.compliant.offset == 16


def test_the_performance_options_struct_by_hand() -> None:
    # LP64 layout, worked by hand: size 0, by 4, from 8, to 16, has_as_of 24, (pad), as_of 32,
    # confidence 40, small_sample 48, overall 56, surveys 64, survey_lens 72, survey_count 80:
    # 88 bytes.
    if ctypes.sizeof(ctypes.c_void_p) != 8:
        pytest.skip("the hand-worked layout is for 64-bit targets")
    o = _lib.PlaintPerformanceOptions
    assert ctypes.sizeof(o) == 88
    assert (o.by.offset, getattr(o, "from").offset, o.to.offset) == (4, 8, 16)
    assert (o.has_as_of.offset, o.as_of.offset, o.confidence.offset) == (24, 32, 40)
    assert (o.small_sample.offset, o.overall.offset, o.surveys.offset) == (48, 56, 64)
    assert (o.survey_lens.offset, o.survey_count.offset) == (72, 80)


def test_performance_codes_equal_the_header(header: Path) -> None:
    assert {m.name: int(m) for m in plaint.StaffBy} == header_defines(header, "PLAINT_STAFF_BY_")


def test_the_performance_options_initialiser() -> None:
    # The defaults of plaint/c/performance.h, by hand: by handler, confidence 0.95, small
    # samples under 30 cases, everything else zero or NULL.
    o = _lib.PlaintPerformanceOptions()
    ctypes.memset(ctypes.byref(o), 0xAB, ctypes.sizeof(o))
    _lib.lib.plaint_performance_options_init(ctypes.byref(o), ctypes.sizeof(o))
    assert (o.size, o.by, o.confidence, o.small_sample) == (ctypes.sizeof(o), 1, 0.95, 30)
    assert (getattr(o, "from"), o.to, o.has_as_of, o.as_of, o.survey_count) == (0, 0, 0, 0, 0)
    assert o.overall is None and not o.surveys and not o.survey_lens


def test_ledger_query_codes_equal_the_header(header: Path) -> None:
    from plaint import _ledger_queries

    assert {k.upper(): v for k, v in _ledger_queries.CLOCK_FILTERS.items()} == header_defines(
        header, "PLAINT_CLOCKS_"
    )
    any_ = re.search(r"#define PLAINT_ANY \((-?\d+)\)", support.read_header(header))
    assert any_ is not None and int(any_.group(1)) == -1


def test_satisfaction_codes_equal_the_header(header: Path) -> None:
    from plaint import satisfaction as sat

    assert {m.name: int(m) for m in sat.Verdict} == header_defines(header, "PLAINT_VERDICT_")
    assert {k.upper(): v for k, v in sat.RI_TABLES.items()} == header_defines(header, "PLAINT_RI_")
    assert {k.upper(): v for k, v in sat.AHP_METHODS.items()} == header_defines(
        header, "PLAINT_AHP_"
    )
    assert {k.upper(): v for k, v in sat.INDEX_UNITS.items()} == header_defines(
        header, "PLAINT_INDEX_"
    )
    missing = re.search(r"#define PLAINT_MISSING \((-?\d+)\)", support.read_header(header))
    assert missing is not None and int(missing.group(1)) == sat.MISSING
    stats = header_defines(header, "PLAINT_STAT_")
    from plaint import _aggregate

    for name, code in stats.items():
        assert getattr(_aggregate, f"_STAT_{name}") == code, name
    # The table names are the library's.
    for name, code in sat.RI_TABLES.items():
        out = ctypes.c_void_p()
        _lib.lib.plaint_ri_table_name(code, ctypes.byref(out))
        assert out.value is not None
        assert ctypes.string_at(out.value).decode() == name


ENUM_PREFIXES = [
    ("PLAINT_CHANNEL_", plaint.Channel),
    ("PLAINT_CATEGORY_", plaint.Category),
    ("PLAINT_NATURE_", plaint.Nature),
    ("PLAINT_SEVERITY_", plaint.Severity),
    ("PLAINT_ROLE_", plaint.Role),
    ("PLAINT_VISIT_", plaint.VisitMethod),
    ("PLAINT_STATE_", plaint.State),
    ("PLAINT_EVENT_", plaint.EventType),
    ("PLAINT_TARGET_", plaint.TargetKind),
    ("PLAINT_CLOCK_", plaint.ClockState),
    ("PLAINT_KIND_", plaint.Kind),
]


@pytest.mark.parametrize("prefix, cls", ENUM_PREFIXES, ids=[c.__name__ for _, c in ENUM_PREFIXES])
def test_enum_codes_equal_the_header(header: Path, prefix: str, cls: type) -> None:
    defines = header_defines(header, prefix)
    defines.pop("NONE", None)  # "none" is None in Python
    defines.pop("INIT", None)  # PLAINT_EVENT_INIT and PLAINT_CLOCK_INIT are not codes
    assert {m.name: int(m) for m in cls} == defines  # type: ignore[attr-defined]


def test_some_enum_codes_by_hand() -> None:
    # Read off plaint.h by hand.
    assert plaint.Channel.PHONE == 1 and plaint.Channel.OTHER == 7
    assert plaint.Category.SUDDEN_EVENT == 4
    assert plaint.Nature.UNJUDGED == 0 and plaint.Nature.HELP_SEEKING == 4
    assert plaint.Nature.VENTING == 6
    assert plaint.Severity.UNSET == 0 and plaint.Severity.P4 == 4
    assert plaint.Role.DUTY_STAFF == 1 and plaint.Role.COMPANY == 5
    assert plaint.VisitMethod.ON_SITE == 2 and plaint.VisitMethod.OTHER == 5
    assert plaint.State.RECTIFICATION == 9 and plaint.State.EXPLAINED == 11
    assert plaint.EventType.UNSATISFIED == 11 and plaint.EventType.REOPEN == 15
    assert plaint.TargetKind.RECORD == 1 and plaint.TargetKind.RESOLUTION == 5
    assert plaint.TargetKind.RECTIFICATION == 10 and plaint.TargetKind.CUSTOM == 11
    assert plaint.ClockState.NOT_STARTED == 0 and plaint.ClockState.MET == 3
    assert plaint.ClockState.BREACHED == 5
    assert plaint.Kind.COMPLAINT == 1 and plaint.Kind.PRAISE == 5  # Since 0.7
    assert plaint.EventType.ANSWER == 16 and plaint.EventType.CONFIRM == 18


def test_enum_kinds_equal_the_header(header: Path) -> None:
    defines = header_defines(header, "PLAINT_ENUM_")
    names = {
        "CHANNEL": plaint.Channel,
        "CATEGORY": plaint.Category,
        "NATURE": plaint.Nature,
        "SEVERITY": plaint.Severity,
        "ROLE": plaint.Role,
        "VISIT_METHOD": plaint.VisitMethod,
        "STATE": plaint.State,
        "EVENT": plaint.EventType,
        "TARGET_KIND": plaint.TargetKind,
        "CLOCK_STATE": plaint.ClockState,
        "KIND": plaint.Kind,
    }
    assert {k: _enums.ENUM_KINDS[cls] for k, cls in names.items()} == defines


@pytest.mark.parametrize("prefix, cls", ENUM_PREFIXES, ids=[c.__name__ for _, c in ENUM_PREFIXES])
def test_labels_are_the_library_names(prefix: str, cls: type) -> None:
    for member in cls:  # type: ignore[attr-defined]
        out = ctypes.c_char_p()
        _lib.lib.plaint_enum_name(_enums.ENUM_KINDS[cls], int(member), ctypes.byref(out))
        assert out.value is not None
        assert member.label == out.value.decode()


# Header name -> binding class, written out by hand.
STATUS_CLASSES = {
    "INVALID_ARGUMENT": plaint.InvalidArgumentError,
    "OUT_OF_RANGE": plaint.OutOfRangeError,
    "PARSE": plaint.ParseError,
    "ENCODING": plaint.EncodingError,
    "TOO_LARGE": plaint.TooLargeError,
    "OVERFLOW": plaint.ArithmeticOverflowError,
    "ILLEGAL_TRANSITION": plaint.IllegalTransitionError,
    "OUT_OF_ORDER": plaint.OutOfOrderError,
    "NOT_FOUND": plaint.NotFoundError,
    "IO": plaint.FileError,
    "NO_MEMORY": plaint.NoMemoryError,
    "UNSUPPORTED": plaint.UnsupportedError,
    "VALIDATION": plaint.ValidationError,
    "INTERNAL": plaint.InternalError,
}


def test_every_status_code_has_its_class(header: Path) -> None:
    codes = header_defines(header, "PLAINT_E_")
    assert set(codes) == set(STATUS_CLASSES)
    for name, code in codes.items():
        cls = STATUS_CLASSES[name]
        assert cls.default_code == code, name
        err = _error.error_for(code, "some message")
        assert type(err) is cls
        assert err.code == code and err.message == "some message" and str(err) == "some message"
        assert isinstance(err, plaint.Error)
        assert _lib.status_string(code) != "unknown status"


def test_status_codes_by_hand() -> None:
    assert plaint.InvalidArgumentError.default_code == -1
    assert plaint.IllegalTransitionError.default_code == -7
    assert plaint.InternalError.default_code == -100


def test_error_classes_are_also_builtin_exceptions() -> None:
    assert issubclass(plaint.InvalidArgumentError, ValueError)
    assert issubclass(plaint.OutOfRangeError, ValueError)
    assert issubclass(plaint.ParseError, ValueError)
    assert issubclass(plaint.EncodingError, ValueError)
    assert issubclass(plaint.TooLargeError, ValueError)
    assert issubclass(plaint.ValidationError, ValueError)
    assert issubclass(plaint.ArithmeticOverflowError, OverflowError)
    assert issubclass(plaint.NotFoundError, LookupError)
    assert issubclass(plaint.FileError, OSError)
    assert issubclass(plaint.NoMemoryError, MemoryError)
    assert issubclass(plaint.ClosedError, plaint.InvalidArgumentError)
    err = plaint.FileError("cannot read x")
    assert err.code == -10 and str(err) == "cannot read x"


def test_errors_survive_pickling() -> None:
    for cls in [plaint.Error, plaint.ClosedError, *STATUS_CLASSES.values()]:
        err = cls("why", -55 if cls is plaint.Error else None)
        copy = pickle.loads(pickle.dumps(err))
        assert type(copy) is cls
        assert (copy.code, copy.message, str(copy)) == (err.code, "why", "why")
    err = plaint.ValidationError("bad", problems=[plaint.Problem("/colour", 3, 13, "unknown key")])
    copy = pickle.loads(pickle.dumps(err))
    assert copy.problems == [("/colour", 3, 13, "unknown key")]
    assert plaint.ParseError("x").problems == []


def test_an_unknown_status_gives_a_plain_error() -> None:
    err = _error.error_for(-55, "strange")
    assert type(err) is plaint.Error
    assert err.code == -55


def test_errcheck_raises_for_negative_statuses_only() -> None:
    assert _lib.check_status(0, None, ()) == 0
    with pytest.raises(plaint.IllegalTransitionError) as info:
        _lib.check_status(-7, None, ())
    assert info.value.code == -7


def test_messages_that_are_not_utf8_are_decoded_with_replacement() -> None:
    out = ctypes.c_int32()
    with pytest.raises(plaint.OutOfRangeError) as info:
        _lib.lib.plaint_enum_parse(_enums.ENUM_KINDS[plaint.Channel], b"\xff", ctypes.byref(out))
    assert "\ufffd" in info.value.message


def test_a_null_argument_is_reported_by_the_library() -> None:
    with pytest.raises(plaint.InvalidArgumentError) as info:
        _lib.lib.plaint_instant_parse(b"2026-01-01T00:00:00Z", 20, None)
    assert "NULL" in info.value.message
