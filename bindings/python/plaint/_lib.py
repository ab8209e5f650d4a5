"""Loading of the plaint C library and the declaration of its whole C ABI.

The library is looked for, in order:

1. at the path in the environment variable ``PLAINT_LIBRARY``, when it is set and not empty
   (and only there: a library asked for by name that cannot be used is an error, not a reason
   to pick another one);
2. next to this package (``libplaint.so.1``, then ``libplaint.so``);
3. through :func:`ctypes.util.find_library`.

A library whose ``plaint_abi_version()`` is not :data:`ABI_VERSION` is refused. When nothing
usable is found, :class:`ImportError` lists every place tried and why each one failed.

:data:`FUNCTIONS` is the one table of every function in ``plaint.h``: its return type and
argument types. Handles are ``c_void_p``. The functions that return a status get the shared
:func:`check_status` as ``errcheck``, which raises the :class:`plaint.Error` subclass of a
negative status with the library's message and the place in the input it names (JSON pointer,
line, column).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from ctypes import (
    POINTER,
    c_char_p,
    c_double,
    c_int,
    c_int8,
    c_int32,
    c_int64,
    c_size_t,
    c_uint32,
    c_uint64,
    c_void_p,
)
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ._error import Problem, error_for

#: The C ABI version (the library's SOVERSION) this package is written for.
ABI_VERSION = 1

#: Length meaning "NUL-terminated" (``PLAINT_NTS``, that is ``SIZE_MAX``).
NTS = c_size_t(-1).value

ENV_VAR = "PLAINT_LIBRARY"


class PlaintEvent(ctypes.Structure):
    """Mirror of ``struct plaint_event``; set ``size`` to ``ctypes.sizeof(PlaintEvent)``."""

    _fields_ = [
        ("size", c_uint32),
        ("type", c_int32),
        ("at", c_int64),
        ("role", c_int32),
        ("note", c_char_p),
        ("nature", c_int32),
        ("severity", c_int32),
        ("target_role", c_int32),
        ("visit_method", c_int32),
        ("has_deadline", c_int32),
        ("deadline", c_int64),
        ("from_state", c_int32),
        ("to_state", c_int32),
        ("handler", c_char_p),  # Since 0.7
        ("team", c_char_p),  # Since 0.7
    ]


class PlaintClock(ctypes.Structure):
    """Mirror of ``struct plaint_clock``; set ``size`` to ``ctypes.sizeof(PlaintClock)``."""

    _fields_ = [
        ("size", c_uint32),
        ("target", c_char_p),
        ("kind", c_int32),
        ("cycle", c_int32),
        ("round", c_int32),
        ("state", c_int32),
        ("escalate_to", c_int32),
        ("has_started", c_int32),
        ("started", c_int64),
        ("has_stopped", c_int32),
        ("stopped", c_int64),
        ("has_due", c_int32),
        ("due", c_int64),
        ("has_breached_at", c_int32),
        ("breached_at", c_int64),
        ("duration", c_int64),
        ("elapsed", c_int64),
        ("remaining", c_int64),
        ("percent", c_double),
        ("warning_count", c_uint32),
        ("warnings", c_int64 * 4),
    ]


class PlaintFactsColumns(ctypes.Structure):
    """Mirror of ``struct plaint_facts_columns``; set ``size`` to
    ``ctypes.sizeof(PlaintFactsColumns)``."""

    _fields_ = [
        ("size", c_uint32),
        ("count", c_size_t),
        ("channel", POINTER(c_int32)),
        ("category", POINTER(c_int32)),
        ("nature", POINTER(c_int32)),
        ("severity", POINTER(c_int32)),
        ("reporter_count", POINTER(c_int32)),
        ("repeat_count", POINTER(c_int32)),
        ("hours_since_received", POINTER(c_double)),
        ("content", POINTER(c_char_p)),
        ("building", POINTER(c_char_p)),
        ("unit", POINTER(c_char_p)),
        ("received", POINTER(c_int64)),
        ("kind", POINTER(c_int32)),  # Since 0.7
    ]


class PlaintScore(ctypes.Structure):
    """Mirror of ``struct plaint_score``; set ``size`` to ``ctypes.sizeof(PlaintScore)``."""

    _fields_ = [
        ("size", c_uint32),
        ("value", c_double),
        ("low", c_double),
        ("high", c_double),
        ("sd", c_double),
        ("se", c_double),
        ("percent", c_double),
        ("n", c_uint64),
        ("successes", c_uint64),
        ("passives", c_uint64),
        ("detractors", c_uint64),
        ("missing", c_uint64),
    ]


class PlaintAhpResult(ctypes.Structure):
    """Mirror of ``struct plaint_ahp_result``; set ``size`` to
    ``ctypes.sizeof(PlaintAhpResult)``."""

    _fields_ = [
        ("size", c_uint32),
        ("ri_table", c_int32),
        ("method", c_int32),
        ("consistent", c_int32),
        ("lambda_max", c_double),
        ("ci", c_double),
        ("ri", c_double),
        ("cr", c_double),
        ("worst_i", c_int64),
        ("worst_j", c_int64),
    ]


class PlaintIndicatorTree(ctypes.Structure):
    """Mirror of ``struct plaint_indicator_tree``; set ``size`` to
    ``ctypes.sizeof(PlaintIndicatorTree)``."""

    _fields_ = [
        ("size", c_uint32),
        ("count", c_size_t),
        ("parent", POINTER(c_int32)),
        ("weight", POINTER(c_double)),
        ("lowest", POINTER(c_int32)),
        ("highest", POINTER(c_int32)),
        ("name", POINTER(c_char_p)),
    ]


class PlaintGroupInput(ctypes.Structure):
    """Mirror of ``struct plaint_group_input``; set ``size`` to
    ``ctypes.sizeof(PlaintGroupInput)``."""

    _fields_ = [
        ("size", c_uint32),
        ("rows", c_size_t),
        ("key_count", c_size_t),
        ("keys", POINTER(POINTER(c_int32))),
        ("key_names", POINTER(c_char_p)),
        ("score_count", c_size_t),
        ("scores", POINTER(POINTER(c_int8))),
        ("score_names", POINTER(c_char_p)),
        ("lowest", POINTER(c_int32)),
        ("highest", POINTER(c_int32)),
        ("satisfied", POINTER(c_uint64)),
        ("nps", POINTER(c_int32)),
        ("index_count", c_size_t),
        ("index_names", POINTER(c_char_p)),
        ("index_sizes", POINTER(c_uint32)),
        ("index_columns", POINTER(c_uint32)),
        ("index_weights", POINTER(c_double)),
        ("index_units", POINTER(c_int32)),
    ]


class PlaintImportResult(ctypes.Structure):
    """Mirror of ``struct plaint_import_result``; set ``size`` to its sizeof."""

    _fields_ = [
        ("size", c_uint32),
        ("committed", c_int32),
        ("complaints", c_uint64),
        ("events", c_uint64),
        ("rows", c_uint64),
        ("bad_rows", c_uint64),
    ]


class PlaintReportOptions(ctypes.Structure):
    """Mirror of ``struct plaint_report_options``; set ``size`` to its sizeof."""

    _fields_ = [
        ("size", c_uint32),
        ("month", c_char_p),
        ("timezone", c_char_p),
        ("surveys", POINTER(c_char_p)),
        ("survey_lens", POINTER(c_size_t)),
        ("survey_count", c_size_t),
        ("has_as_of", c_int32),
        ("as_of", c_int64),
        ("confidence", c_double),
        ("csat_target", c_double),
        ("top", c_uint32),
    ]


class PlaintComplaintView(ctypes.Structure):
    """Mirror of ``struct plaint_complaint_view``; set ``size`` to its sizeof. Since 0.6."""

    _fields_ = [
        ("size", c_uint32),
        ("index", c_size_t),
        ("id", c_void_p),
        ("id_len", c_size_t),
        ("received", c_int64),
        ("channel", c_int32),
        ("category", c_int32),
        ("subcategory", c_void_p),
        ("subcategory_len", c_size_t),
        ("building", c_void_p),
        ("building_len", c_size_t),
        ("unit", c_void_p),
        ("unit_len", c_size_t),
        ("content", c_void_p),
        ("content_len", c_size_t),
        ("reporter_count", c_int32),
        ("repeat_count", c_int32),
        ("state", c_int32),
        ("owner", c_int32),
        ("nature", c_int32),
        ("severity", c_int32),
        ("visit_method", c_int32),
        ("has_rectification_deadline", c_int32),
        ("rectification_deadline", c_int64),
        ("cycle", c_int32),
        ("escalations", c_int32),
        ("event_count", c_size_t),
        ("last_event_at", c_int64),
        ("reevaluations", c_int32),
        ("rule_nature", c_int32),
        ("rule_escalate_to", c_int32),
        ("planned_visit", c_int32),
        ("sla_policy", c_void_p),
        ("sla_policy_len", c_size_t),
        ("kind", c_int32),  # Since 0.7
        ("kind_decided", c_int32),  # Since 0.7
        ("handler", c_void_p),  # Since 0.7
        ("handler_len", c_size_t),
        ("team", c_void_p),
        ("team_len", c_size_t),
        ("rule_team", c_void_p),
        ("rule_team_len", c_size_t),
        ("team_from_rules", c_int32),
    ]


class PlaintQuery(ctypes.Structure):
    """Mirror of ``struct plaint_query``; fill it with ``plaint_query_init``. Since 0.6."""

    _fields_ = [
        ("size", c_uint32),
        ("state", c_int32),
        ("owner", c_int32),
        ("category", c_int32),
        ("nature", c_int32),
        ("severity", c_int32),
        ("building", c_char_p),
        ("open_only", c_int32),
        ("has_received_from", c_int32),
        ("received_from", c_int64),
        ("has_received_before", c_int32),
        ("received_before", c_int64),
        ("kind", c_int32),  # Since 0.7
        ("team", c_char_p),  # Since 0.7
        ("handler", c_char_p),  # Since 0.7
    ]


class PlaintLedgerClock(ctypes.Structure):
    """Mirror of ``struct plaint_ledger_clock``: the complaint's index, then the fields of
    ``plaint_clock``; set ``size`` of an array's first element to its sizeof. Since 0.6."""

    _fields_ = [("size", c_uint32), ("index", c_size_t)] + PlaintClock._fields_[1:]


class PlaintEscalationDue(ctypes.Structure):
    """Mirror of ``struct plaint_escalation_due``; set ``size`` of an array's first element to
    its sizeof. Since 0.6."""

    _fields_ = [
        ("size", c_uint32),
        ("index", c_size_t),
        ("owner", c_int32),
        ("to", c_int32),
        ("reason", c_char_p),
    ]


class PlaintVisitDue(ctypes.Structure):
    """Mirror of ``struct plaint_visit_due``; set ``size`` of an array's first element to its
    sizeof. Since 0.6."""

    _fields_ = [
        ("size", c_uint32),
        ("index", c_size_t),
        ("method", c_int32),
        ("resolved_at", c_int64),
        ("has_due", c_int32),
        ("due", c_int64),
    ]


class PlaintQuotaCompliance(ctypes.Structure):
    """Mirror of ``struct plaint_quota_compliance``; set ``size`` of an array's first element
    to its sizeof. Since 0.6."""

    _fields_ = [
        ("size", c_uint32),
        ("role", c_int32),
        ("visits", c_int32),
        ("required", c_int32),
        ("compliant", c_int32),
    ]


class PlaintPerformanceOptions(ctypes.Structure):
    """Mirror of ``struct plaint_performance_options``; fill it with
    ``plaint_performance_options_init``. Since 0.7."""

    _fields_ = [
        ("size", c_uint32),
        ("by", c_int32),
        ("from", c_int64),  # a keyword in Python: setattr(o, "from", ...)
        ("to", c_int64),
        ("has_as_of", c_int32),
        ("as_of", c_int64),
        ("confidence", c_double),
        ("small_sample", c_size_t),
        ("overall", c_char_p),
        ("surveys", POINTER(c_char_p)),
        ("survey_lens", POINTER(c_size_t)),
        ("survey_count", c_size_t),
    ]


class _Status:
    """Marks a function of :data:`FUNCTIONS` that returns a status: ``int`` plus errcheck."""


STATUS = _Status()

_P = c_void_p  # an opaque handle
_I32P = POINTER(c_int32)
_I64P = POINTER(c_int64)
_SZP = POINTER(c_size_t)
_PP = POINTER(c_void_p)
_EVP = POINTER(PlaintEvent)
_CLP = POINTER(PlaintClock)
_FCP = POINTER(PlaintFactsColumns)
_DP = POINTER(c_double)
_U64P = POINTER(c_uint64)
_SCP = POINTER(PlaintScore)
_AHP = POINTER(PlaintAhpResult)
_TRP = POINTER(PlaintIndicatorTree)
_GIP = POINTER(PlaintGroupInput)
_IRP = POINTER(PlaintImportResult)
_ROP = POINTER(PlaintReportOptions)
_CVP = POINTER(PlaintComplaintView)
_QP = POINTER(PlaintQuery)
_LCP = POINTER(PlaintLedgerClock)
_EDP = POINTER(PlaintEscalationDue)
_VDP = POINTER(PlaintVisitDue)
_QCP = POINTER(PlaintQuotaCompliance)
_POP = POINTER(PlaintPerformanceOptions)

#: Every function of plaint.h: name -> (return type, argument types). ``STATUS`` stands for an
#: ``int`` status checked by :func:`check_status`.
FUNCTIONS: Dict[str, Tuple[Any, Sequence[Any]]] = {
    # Versions
    "plaint_version_number": (c_int32, []),
    "plaint_version_string": (c_char_p, []),
    "plaint_abi_version": (c_int32, []),
    # Status codes and errors
    "plaint_last_error_message": (c_char_p, []),
    "plaint_status_string": (c_char_p, [c_int]),
    "plaint_string_free": (None, [c_void_p]),
    # Enumerations
    "plaint_enum_name": (STATUS, [c_int32, c_int32, POINTER(c_char_p)]),
    "plaint_enum_parse": (STATUS, [c_int32, c_char_p, _I32P]),
    # Time
    "plaint_instant_parse": (STATUS, [c_char_p, c_size_t, _I64P]),
    "plaint_instant_format": (STATUS, [c_int64, c_int32, _PP]),
    # Complaints
    "plaint_event_init": (None, [_EVP, ctypes.c_size_t]),
    "plaint_complaint_new": (STATUS, [_PP, c_char_p, c_int64]),
    "plaint_complaint_free": (None, [_P]),
    "plaint_complaint_clone": (STATUS, [_P, _PP]),
    "plaint_complaint_set_text": (STATUS, [_P, c_int32, c_char_p, c_size_t]),
    "plaint_complaint_text": (STATUS, [_P, c_int32, _PP, _SZP]),
    "plaint_complaint_set_channel": (STATUS, [_P, c_int32]),
    "plaint_complaint_set_category": (STATUS, [_P, c_int32]),
    "plaint_complaint_set_kind": (STATUS, [_P, c_int32]),
    "plaint_complaint_kind": (STATUS, [_P, _I32P]),
    "plaint_complaint_stated_kind": (STATUS, [_P, _I32P]),
    "plaint_complaint_handler": (STATUS, [_P, _PP]),
    "plaint_complaint_team": (STATUS, [_P, _PP]),
    "plaint_complaint_set_reporter_count": (STATUS, [_P, c_int32]),
    "plaint_complaint_set_received": (STATUS, [_P, c_int64]),
    "plaint_complaint_add_tag": (STATUS, [_P, c_char_p]),
    "plaint_complaint_remove_tag": (STATUS, [_P, c_char_p]),
    "plaint_complaint_tag_count": (STATUS, [_P, _SZP]),
    "plaint_complaint_tag": (STATUS, [_P, c_size_t, _PP]),
    "plaint_complaint_received": (STATUS, [_P, _I64P]),
    "plaint_complaint_channel": (STATUS, [_P, _I32P]),
    "plaint_complaint_category": (STATUS, [_P, _I32P]),
    "plaint_complaint_nature": (STATUS, [_P, _I32P]),
    "plaint_complaint_severity": (STATUS, [_P, _I32P]),
    "plaint_complaint_reporter_count": (STATUS, [_P, _I32P]),
    "plaint_complaint_state": (STATUS, [_P, _I32P]),
    "plaint_complaint_owner": (STATUS, [_P, _I32P]),
    "plaint_complaint_visit_method": (STATUS, [_P, _I32P]),
    "plaint_complaint_cycle": (STATUS, [_P, _I32P]),
    "plaint_complaint_rectification_deadline": (STATUS, [_P, _I32P, _I64P]),
    "plaint_complaint_apply": (STATUS, [_P, c_int32, c_int64, c_int32, c_char_p]),
    "plaint_complaint_apply_event": (STATUS, [_P, _EVP]),
    "plaint_complaint_allows": (STATUS, [_P, c_int32, _I32P]),
    "plaint_workflow_transition": (STATUS, [c_int32, c_int32, c_int32, _I32P]),
    "plaint_complaint_event_count": (STATUS, [_P, _SZP]),
    "plaint_complaint_event": (STATUS, [_P, c_size_t, _EVP]),
    # Business calendars
    "plaint_last_error_location": (STATUS, [POINTER(c_char_p), _SZP, _SZP]),
    "plaint_last_error_problem_count": (STATUS, [_SZP]),
    "plaint_last_error_problem": (
        STATUS,
        [c_size_t, POINTER(c_char_p), _SZP, _SZP, POINTER(c_char_p)],
    ),
    "plaint_calendar_from_json": (STATUS, [_PP, c_char_p, c_size_t]),
    "plaint_calendar_always_open": (STATUS, [_PP]),
    "plaint_calendar_free": (None, [_P]),
    "plaint_calendar_to_json": (STATUS, [_P, _PP]),
    "plaint_calendar_is_open": (STATUS, [_P, c_int64, _I32P]),
    "plaint_calendar_next_open": (STATUS, [_P, c_int64, _I64P]),
    "plaint_calendar_add": (STATUS, [_P, c_int64, c_int64, _I64P]),
    "plaint_calendar_sub": (STATUS, [_P, c_int64, c_int64, _I64P]),
    "plaint_calendar_between": (STATUS, [_P, c_int64, c_int64, _I64P]),
    "plaint_calendar_add_many": (STATUS, [_P, _I64P, _I64P, c_size_t, _I64P]),
    "plaint_calendar_sub_many": (STATUS, [_P, _I64P, _I64P, c_size_t, _I64P]),
    "plaint_calendar_between_many": (STATUS, [_P, _I64P, _I64P, c_size_t, _I64P]),
    "plaint_tzdb_version": (STATUS, [_PP]),
    # SLA policies and clocks
    "plaint_policy_set_from_json": (STATUS, [_PP, c_char_p, c_size_t]),
    "plaint_policy_set_default": (STATUS, [_PP]),
    "plaint_policy_set_free": (None, [_P]),
    "plaint_policy_set_to_json": (STATUS, [_P, _PP]),
    "plaint_policy_set_policy_count": (STATUS, [_P, _SZP]),
    "plaint_policy_set_policy_name": (STATUS, [_P, c_size_t, _PP]),
    "plaint_policy_set_calendar": (STATUS, [_P, c_char_p, _PP]),
    "plaint_duration_parse": (STATUS, [c_char_p, c_size_t, _I64P]),
    "plaint_clock_init": (None, [_CLP, c_size_t]),
    "plaint_complaint_clocks": (STATUS, [_P, _P, c_char_p, c_int64, _PP]),
    "plaint_clock_list_count": (STATUS, [_P, _SZP]),
    "plaint_clock_list_get": (STATUS, [_P, c_size_t, _CLP]),
    "plaint_clock_list_free": (None, [_P]),
    # Profiles and classification
    "plaint_complaint_from_json": (STATUS, [_PP, c_char_p, c_size_t]),
    "plaint_complaint_to_json": (STATUS, [_P, _PP]),
    "plaint_profile_from_json": (STATUS, [_PP, c_char_p, c_size_t]),
    "plaint_profile_from_file": (STATUS, [_PP, c_char_p]),
    "plaint_profile_default": (STATUS, [_PP]),
    "plaint_profile_free": (None, [_P]),
    "plaint_profile_to_json": (STATUS, [_P, _PP]),
    "plaint_profile_policy_set": (STATUS, [_P, _PP]),
    "plaint_profile_visit_quota": (STATUS, [_P, c_int32, _I32P]),
    "plaint_profile_warning_count": (STATUS, [_P, _SZP]),
    "plaint_profile_repeat_window": (STATUS, [_P, _I64P]),
    "plaint_profile_keyword_count": (STATUS, [_P, _SZP]),
    "plaint_profile_keyword": (STATUS, [_P, c_size_t, _PP]),
    "plaint_profile_find_keywords": (
        STATUS,
        [_P, c_char_p, c_size_t, POINTER(c_uint32), c_size_t, _SZP],
    ),
    "plaint_profile_folds_keywords": (STATUS, [_P, _I32P]),
    "plaint_profile_clocks": (STATUS, [_P, _P, c_char_p, c_char_p, c_int64, _PP]),
    "plaint_profile_keyword_match": (
        STATUS,
        [_P, c_size_t, c_char_p, c_size_t, _SZP, _SZP],
    ),
    "plaint_profile_keyword_memory": (STATUS, [_P, _SZP]),
    # People and teams (Since 0.7)
    "plaint_staff_id_check": (STATUS, [c_char_p, c_size_t]),
    "plaint_profile_team_count": (STATUS, [_P, _SZP]),
    "plaint_profile_team_id": (STATUS, [_P, c_size_t, _PP]),
    "plaint_profile_team_name": (STATUS, [_P, c_size_t, _PP]),
    "plaint_profile_team_calendar": (STATUS, [_P, c_size_t, _PP]),
    "plaint_profile_team_roles": (STATUS, [_P, c_size_t, _I32P, c_size_t, _SZP]),
    "plaint_profile_find_team": (STATUS, [_P, c_char_p, _SZP]),
    "plaint_profile_warning": (STATUS, [_P, c_size_t, _PP, _PP]),
    "plaint_profile_classify": (STATUS, [_P, _P, c_int64, c_char_p, _PP]),
    "plaint_decision_free": (None, [_P]),
    "plaint_decision_nature": (STATUS, [_P, _I32P]),
    "plaint_decision_severity": (STATUS, [_P, _I32P]),
    "plaint_decision_escalate_to": (STATUS, [_P, _I32P]),
    "plaint_decision_visit_method": (STATUS, [_P, _I32P]),
    "plaint_decision_kind": (STATUS, [_P, _I32P]),
    "plaint_decision_sla_policy": (STATUS, [_P, _PP]),
    "plaint_decision_team": (STATUS, [_P, _PP]),
    "plaint_decision_tag_count": (STATUS, [_P, _SZP]),
    "plaint_decision_tag": (STATUS, [_P, c_size_t, _PP]),
    "plaint_decision_matched_count": (STATUS, [_P, _SZP]),
    "plaint_decision_matched": (STATUS, [_P, c_size_t, _PP]),
    "plaint_decision_to_json": (STATUS, [_P, _PP]),
    "plaint_decision_explain_json": (STATUS, [_P, _PP]),
    "plaint_profile_classify_many": (STATUS, [_P, _FCP, _I32P, _I32P, _I32P, _I32P]),
    "plaint_profile_classify_many_v2": (STATUS, [_P, _FCP, _I32P, _I32P, _I32P, _I32P, _I32P]),
    # Satisfaction scores
    "plaint_score_init": (None, [_SCP, c_size_t]),
    "plaint_levels": (STATUS, [_I32P, c_size_t, _U64P]),
    "plaint_wilson": (STATUS, [c_uint64, c_uint64, c_double, _DP, _DP]),
    "plaint_mean": (STATUS, [_DP, c_size_t, c_int32, c_int32, c_double, _SCP]),
    "plaint_csat": (STATUS, [_DP, c_size_t, c_uint64, c_int32, c_int32, c_double, _SCP]),
    "plaint_nps": (STATUS, [_DP, c_size_t, c_double, _SCP]),
    "plaint_ces": (STATUS, [_DP, c_size_t, c_int32, c_double, _SCP]),
    "plaint_check_target": (STATUS, [_SCP, c_double, _I32P]),
    "plaint_ahp_result_init": (None, [_AHP, c_size_t]),
    "plaint_ahp": (STATUS, [_DP, c_size_t, c_int32, c_int32, _DP, _AHP]),
    "plaint_random_index": (STATUS, [c_int32, c_size_t, _DP]),
    "plaint_ri_table_name": (STATUS, [c_int32, _PP]),
    "plaint_ri_table_parse": (STATUS, [c_char_p, _I32P]),
    "plaint_key_drivers": (
        STATUS,
        [_DP, POINTER(_DP), c_size_t, c_size_t, _DP, _DP, _DP, _DP, _DP, _DP],
    ),
    "plaint_acsi": (STATUS, [_DP, c_size_t, c_size_t, _DP, c_double, _DP, _SCP]),
    "plaint_indicator_tree_init": (None, [_TRP, c_size_t]),
    "plaint_global_weights": (STATUS, [_TRP, _DP]),
    "plaint_weighted_index": (STATUS, [_TRP, _DP, _DP, _DP, _DP]),
    "plaint_servqual": (
        STATUS,
        [_DP, _DP, _I32P, c_size_t, c_size_t, _DP, c_int32, c_int32, _DP, _DP, _DP, _DP],
    ),
    "plaint_mttr": (STATUS, [c_double, c_uint64, _DP]),
    "plaint_mean_duration": (STATUS, [_DP, c_size_t, _DP]),
    "plaint_percentile": (STATUS, [_DP, c_size_t, c_double, _DP]),
    "plaint_within_limit": (STATUS, [_DP, c_size_t, c_double, c_double, _SCP]),
    "plaint_sample_size": (STATUS, [c_double, c_double, c_double, c_uint64, _U64P]),
    # Grouped satisfaction scores
    "plaint_group_input_init": (None, [_GIP, c_size_t]),
    "plaint_groups_new": (STATUS, [_PP, _GIP, c_double]),
    "plaint_groups_free": (None, [_P]),
    "plaint_groups_count": (STATUS, [_P, _SZP]),
    "plaint_groups_key_count": (STATUS, [_P, _SZP]),
    "plaint_groups_score_count": (STATUS, [_P, _SZP]),
    "plaint_groups_index_count": (STATUS, [_P, _SZP]),
    "plaint_groups_key_name": (STATUS, [_P, c_size_t, _PP]),
    "plaint_groups_score_name": (STATUS, [_P, c_size_t, _PP]),
    "plaint_groups_index_name": (STATUS, [_P, c_size_t, _PP]),
    "plaint_groups_key": (STATUS, [_P, c_size_t, c_size_t, _I32P]),
    "plaint_groups_rows": (STATUS, [_P, c_size_t, _U64P]),
    "plaint_groups_score": (STATUS, [_P, c_size_t, c_size_t, c_int32, _SCP]),
    "plaint_groups_index": (STATUS, [_P, c_size_t, c_size_t, _SCP]),
    "plaint_groups_export_keys": (STATUS, [_P, c_size_t, _I32P]),
    "plaint_groups_export_rows": (STATUS, [_P, _U64P]),
    "plaint_groups_export": (STATUS, [_P, c_size_t, c_int32, _DP]),
    "plaint_groups_export_count": (STATUS, [_P, c_size_t, c_int32, _U64P]),
    "plaint_groups_export_index": (STATUS, [_P, c_size_t, c_int32, _DP]),
    "plaint_groups_export_index_count": (STATUS, [_P, c_size_t, c_int32, _U64P]),
    "plaint_groups_to_json": (STATUS, [_P, _PP]),
    # Surveys of a profile
    "plaint_profile_survey_count": (STATUS, [_P, _SZP]),
    "plaint_profile_survey_name": (STATUS, [_P, c_size_t, _PP]),
    "plaint_profile_survey_json": (STATUS, [_P, c_char_p, _PP]),
    # The ledger, snapshots and the monthly report
    "plaint_import_result_init": (None, [_IRP, c_size_t]),
    "plaint_ledger_new": (STATUS, [_PP, _P]),
    "plaint_ledger_free": (None, [_P]),
    "plaint_ledger_profile": (STATUS, [_P, _PP]),
    "plaint_ledger_count": (STATUS, [_P, _SZP]),
    "plaint_ledger_event_count": (STATUS, [_P, _SZP]),
    "plaint_ledger_import_json_lines": (STATUS, [_P, c_char_p, c_size_t, c_uint32, _IRP, _PP]),
    "plaint_ledger_import_csv": (
        STATUS,
        [_P, c_char_p, c_size_t, c_char_p, c_size_t, c_uint32, _IRP, _PP],
    ),
    "plaint_ledger_add_complaint_json": (STATUS, [_P, c_char_p, c_size_t, _SZP]),
    "plaint_ledger_add_complaint": (STATUS, [_P, _P, _SZP]),
    "plaint_ledger_add_event": (STATUS, [_P, c_size_t, _EVP]),
    "plaint_ledger_find": (STATUS, [_P, c_char_p, _SZP]),
    "plaint_ledger_complaint": (STATUS, [_P, c_size_t, _PP]),
    "plaint_ledger_complaint_json": (STATUS, [_P, c_size_t, _PP]),
    "plaint_ledger_save": (STATUS, [_P, c_char_p]),
    "plaint_ledger_load": (STATUS, [_PP, c_char_p, _P]),
    "plaint_report_options_init": (None, [_ROP, c_size_t]),
    "plaint_ledger_report_json": (STATUS, [_P, _ROP, _PP]),
    "plaint_ledger_report_csv": (STATUS, [_P, _ROP, _PP]),
    "plaint_ledger_report_html": (STATUS, [_P, _ROP, _PP]),
    "plaint_ledger_report_files": (STATUS, [_P, _ROP, c_char_p]),
    # Ledger queries, replay and re-evaluation (Since 0.6)
    "plaint_complaint_view_init": (None, [_CVP, c_size_t]),
    "plaint_ledger_view": (STATUS, [_P, c_size_t, _CVP]),
    "plaint_query_init": (None, [_QP, c_size_t]),
    "plaint_ledger_select": (STATUS, [_P, _QP, _SZP, c_size_t, _SZP]),
    "plaint_ledger_clock_init": (None, [_LCP, c_size_t]),
    "plaint_ledger_clocks_at": (STATUS, [_P, c_int64, c_int32, _LCP, c_size_t, _SZP]),
    "plaint_escalation_due_init": (None, [_EDP, c_size_t]),
    "plaint_ledger_escalations_due": (STATUS, [_P, c_int64, _EDP, c_size_t, _SZP]),
    "plaint_visit_due_init": (None, [_VDP, c_size_t]),
    "plaint_ledger_visits_due": (STATUS, [_P, _VDP, c_size_t, _SZP]),
    "plaint_quota_compliance_init": (None, [_QCP, c_size_t]),
    "plaint_ledger_visit_quotas": (STATUS, [_P, c_int64, c_int64, _QCP, c_size_t, _SZP]),
    "plaint_month_range": (STATUS, [c_char_p, c_int32, _I64P, _I64P]),
    "plaint_ledger_replay": (STATUS, [_P, _P, _PP]),
    "plaint_ledger_reevaluate": (STATUS, [_P, c_int64, _SZP]),
    # Staff performance (Since 0.7)
    "plaint_performance_options_init": (None, [_POP, c_size_t]),
    "plaint_ledger_performance_json": (STATUS, [_P, _POP, _PP]),
    "plaint_ledger_performance_scores_json": (STATUS, [_P, _POP, _PP]),
}


def _library_names() -> Tuple[str, ...]:
    """File names the library may have next to the package, preferred first."""
    if sys.platform == "darwin":
        return ("libplaint.1.dylib", "libplaint.dylib")
    if sys.platform == "win32":
        return ("plaint.dll",)
    return ("libplaint.so.1", "libplaint.so")


def _open(name: str) -> Tuple[Optional[ctypes.CDLL], str]:
    """Loads ``name`` and checks its ABI version: (library, "") or (None, why not)."""
    try:
        cdll = ctypes.CDLL(name)
    except OSError as exc:
        return None, str(exc) or "could not be loaded"
    try:
        abi = cdll.plaint_abi_version
    except AttributeError:
        return None, "loaded, but it has no plaint_abi_version: not a plaint library"
    abi.restype = c_int32
    abi.argtypes = []
    found = abi()
    if found != ABI_VERSION:
        return None, f"loaded, but its ABI version is {found}; this package needs {ABI_VERSION}"
    return cdll, ""


def _find() -> Tuple[ctypes.CDLL, str]:
    """Finds and loads the library as the module docstring says; (library, where)."""
    explicit = os.environ.get(ENV_VAR)
    if explicit:
        cdll, why = _open(explicit)
        if cdll is None:
            raise ImportError(
                f"cannot use the plaint library that {ENV_VAR} names, {explicit}: {why}"
            )
        return cdll, explicit

    tried: List[str] = [f"{ENV_VAR}: not set"]
    here = Path(__file__).resolve().parent
    for name in _library_names():
        path = here / name
        if not path.exists():
            tried.append(f"{path}: no such file")
            continue
        cdll, why = _open(str(path))
        if cdll is not None:
            return cdll, str(path)
        tried.append(f"{path}: {why}")

    found = ctypes.util.find_library("plaint")
    if found is None:
        tried.append('ctypes.util.find_library("plaint"): found nothing')
    else:
        cdll, why = _open(found)
        if cdll is not None:
            return cdll, found
        tried.append(f'ctypes.util.find_library("plaint") -> {found}: {why}')

    raise ImportError(
        "cannot find the plaint C library; tried:\n  "
        + "\n  ".join(tried)
        + f"\nSet {ENV_VAR} to the path of libplaint.so.{ABI_VERSION}."
    )


def last_error_message() -> str:
    """The message of the last failed plaint call on this thread ("" if none failed)."""
    raw: Optional[bytes] = lib.plaint_last_error_message()
    return raw.decode("utf-8", errors="replace") if raw else ""


def status_string(code: int) -> str:
    """The library's fixed description of a status code ("invalid argument")."""
    raw: Optional[bytes] = lib.plaint_status_string(code)
    return raw.decode("utf-8", errors="replace") if raw else ""


def last_error_location() -> Tuple[Optional[str], Optional[int], Optional[int]]:
    """(JSON pointer, line, column) of the last failed plaint call on this thread; each None
    when the failure had no such place."""
    pointer = c_char_p()
    line = c_size_t()
    column = c_size_t()
    lib.plaint_last_error_location(ctypes.byref(pointer), ctypes.byref(line), ctypes.byref(column))
    text = pointer.value.decode("utf-8", errors="replace") if pointer.value else None
    return text, line.value or None, column.value or None


def last_error_problems() -> List[Problem]:
    """Every problem of the last failed plaint call on this thread (a document that failed
    validation), in document order; empty for other failures."""
    count = c_size_t()
    if lib.plaint_last_error_problem_count(ctypes.byref(count)) != 0:
        return []
    problems = []
    for index in range(count.value):
        pointer = c_char_p()
        line = c_size_t()
        column = c_size_t()
        message = c_char_p()
        status = lib.plaint_last_error_problem(
            index,
            ctypes.byref(pointer),
            ctypes.byref(line),
            ctypes.byref(column),
            ctypes.byref(message),
        )
        if status != 0:
            break
        problems.append(
            Problem(
                (pointer.value or b"").decode("utf-8", errors="replace"),
                line.value,
                column.value,
                (message.value or b"").decode("utf-8", errors="replace"),
            )
        )
    return problems


def check_status(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """The ``errcheck`` of every status-returning function: raises for a negative status."""
    if result < 0:
        message = last_error_message() or status_string(result)
        pointer, line, column = last_error_location()
        problems = last_error_problems()
        raise error_for(result, message, pointer, line, column, problems)
    return result


def _declare(cdll: ctypes.CDLL, where: str) -> None:
    """Sets ``restype``, ``argtypes`` and (for statuses) ``errcheck`` from :data:`FUNCTIONS`."""
    for name, (restype, argtypes) in FUNCTIONS.items():
        try:
            func = getattr(cdll, name)
        except AttributeError:
            raise ImportError(f"the plaint library at {where} lacks the function {name}") from None
        func.argtypes = list(argtypes)
        if restype is STATUS:
            func.restype = c_int
            func.errcheck = check_status
        else:
            func.restype = restype


def take_string(ptr: Optional[int]) -> str:
    """Reads an owned string the library returned as ``char *`` and frees it."""
    if not ptr:
        return ""
    try:
        return ctypes.string_at(ptr).decode("utf-8", errors="replace")
    finally:
        lib.plaint_string_free(ptr)


lib, library_path = _find()
_declare(lib, library_path)
