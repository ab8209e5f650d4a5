"""Enumeration arguments: a member, its int code or its lower-case name."""

from __future__ import annotations

import pytest

import plaint
from plaint import _enums
from support import T0, MINUTE, snapshot


def test_a_member_an_int_or_a_name(complaint: plaint.Complaint) -> None:
    complaint.channel = plaint.Channel.MEDIA
    assert complaint.channel is plaint.Channel.MEDIA
    complaint.channel = 3  # PLAINT_CHANNEL_LETTER
    assert complaint.channel is plaint.Channel.LETTER
    complaint.channel = "online"
    assert complaint.channel is plaint.Channel.ONLINE
    complaint.category = "sudden_event"
    assert complaint.category is plaint.Category.SUDDEN_EVENT


def test_names_in_apply(complaint: plaint.Complaint) -> None:
    complaint.apply("record", T0 + MINUTE, "duty_staff")
    complaint.apply("classify", T0 + 2 * MINUTE, "cs_manager", nature="help_seeking", severity="p1")
    assert complaint.nature is plaint.Nature.HELP_SEEKING
    assert complaint.severity is plaint.Severity.P1
    complaint.apply("assign", T0 + 3 * MINUTE, "cs_manager", to="cs_assistant")
    complaint.apply("start", T0 + 4 * MINUTE, 2)
    complaint.apply("resolve", T0 + 5 * MINUTE, plaint.Role.CS_ASSISTANT)
    complaint.apply(9, T0 + 6 * MINUTE, "cs_assistant", method="on_site")  # 9: visit
    assert complaint.visit_method is plaint.VisitMethod.ON_SITE
    assert complaint.state is plaint.State.RETURN_VISIT


def test_an_unknown_int_is_refused_by_the_library(complaint: plaint.Complaint) -> None:
    before = snapshot(complaint)
    with pytest.raises(plaint.OutOfRangeError) as info:
        complaint.channel = 99
    assert info.value.code == -2
    assert "99" in info.value.message  # the library's message names the code
    with pytest.raises(plaint.OutOfRangeError):
        complaint.category = 0  # categories start at 1
    with pytest.raises(plaint.OutOfRangeError):
        complaint.apply(99, T0 + MINUTE, "duty_staff")  # events end at 18 (confirm)
    with pytest.raises(plaint.OutOfRangeError):
        complaint.apply("record", T0 + MINUTE, 6)  # roles end at 5 (company)
    with pytest.raises(plaint.OutOfRangeError):
        complaint.allows(0)
    assert snapshot(complaint) == before


def test_an_int_beyond_int32_is_refused_before_the_call(complaint: plaint.Complaint) -> None:
    before = snapshot(complaint)
    with pytest.raises(plaint.OutOfRangeError):
        complaint.channel = 2**32 + 1  # would wrap to 1 (phone) if passed on
    assert snapshot(complaint) == before


def test_an_unknown_name_is_refused_listing_the_names(complaint: plaint.Complaint) -> None:
    before = snapshot(complaint)
    with pytest.raises(plaint.OutOfRangeError) as info:
        complaint.channel = "fax"
    assert "fax" in info.value.message and "phone" in info.value.message
    with pytest.raises(plaint.OutOfRangeError):
        complaint.channel = "PHONE"  # names are the library's lower-case ones
    with pytest.raises(plaint.OutOfRangeError):
        complaint.channel = "phone\0fax"  # would read as "phone" through a C string
    with pytest.raises(plaint.OutOfRangeError):
        complaint.apply("recrod", T0 + MINUTE, "duty_staff")
    assert snapshot(complaint) == before


def test_wrong_types_raise_type_error(complaint: plaint.Complaint) -> None:
    before = snapshot(complaint)
    for value in (True, 1.0, None, b"phone", plaint.Role.DUTY_STAFF):
        with pytest.raises(TypeError):
            complaint.channel = value  # type: ignore[assignment]
    assert snapshot(complaint) == before


def test_labels() -> None:
    assert plaint.VisitMethod.ON_SITE.label == "on_site"
    assert plaint.Role.CS_MANAGER.label == "cs_manager"
    assert plaint.State.RETURN_VISIT.label == "return_visit"


def test_a_code_newer_than_the_package_reads_as_an_int() -> None:
    assert _enums.from_code(plaint.State, 10) is plaint.State.CLOSED
    assert _enums.from_code(plaint.State, 12) == 12


def test_numpy_integers_are_ints_and_numpy_floats_are_not(complaint: plaint.Complaint) -> None:
    numpy = pytest.importorskip("numpy")
    complaint.channel = numpy.int32(2)
    assert complaint.channel is plaint.Channel.VISIT
    complaint.received = numpy.int64(T0 + 1)
    assert complaint.received == T0 + 1
    with pytest.raises(TypeError):
        complaint.received = numpy.float64(T0)  # type: ignore[assignment]
