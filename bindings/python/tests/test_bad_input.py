"""Hostile and malformed input: every rejected call raises the documented error and leaves the
complaint exactly as it was. Limits come from plaint.h (PLAINT_FIELD_* comments)."""

from __future__ import annotations

import pytest

import plaint
from support import MINUTE, T0, snapshot

LONG_LIMIT = 65536  # content, remedy, notes
SHORT_LIMIT = 256  # name, contact, building, unit, subcategory
ID_LIMIT = 128


@pytest.mark.parametrize(
    "value",
    [
        b"\xff\xfe",  # bytes that never occur in UTF-8
        b"caf\xc3",  # a truncated sequence
        b"\xc0\xaf",  # an overlong "/"
        b"\xed\xa0\x80",  # an encoded surrogate
    ],
)
def test_invalid_utf8_bytes(complaint: plaint.Complaint, value: bytes) -> None:
    before = snapshot(complaint)
    with pytest.raises(plaint.EncodingError) as info:
        complaint.name = value
    assert info.value.code == -4
    assert snapshot(complaint) == before


def test_valid_utf8_bytes_are_accepted(complaint: plaint.Complaint) -> None:
    complaint.name = "王".encode("utf-8")
    assert complaint.name == "王"


@pytest.mark.parametrize("value", ["leak\0ing", b"leak\0ing", "\0"])
def test_an_embedded_nul_reaches_the_library(complaint: plaint.Complaint, value: object) -> None:
    before = snapshot(complaint)
    with pytest.raises(plaint.EncodingError) as info:
        complaint.content = value  # type: ignore[assignment]
    assert "NUL" in info.value.message
    assert snapshot(complaint) == before


def test_a_lone_surrogate_cannot_be_encoded(complaint: plaint.Complaint) -> None:
    before = snapshot(complaint)
    with pytest.raises(plaint.EncodingError) as info:
        complaint.content = "bad \ud800 text"
    assert "UTF-8" in info.value.message and info.value.code == -4
    assert snapshot(complaint) == before


def test_size_limits(complaint: plaint.Complaint) -> None:
    complaint.content = "x" * LONG_LIMIT
    assert len(complaint.content) == LONG_LIMIT
    complaint.remedy = "é" * (LONG_LIMIT // 2)  # two bytes each: exactly the limit
    before = snapshot(complaint)
    with pytest.raises(plaint.TooLargeError) as info:
        complaint.content = "x" * (LONG_LIMIT + 1)
    assert info.value.code == -5
    with pytest.raises(plaint.TooLargeError):
        complaint.remedy = "é" * (LONG_LIMIT // 2) + "x"
    complaint_short = [("name", SHORT_LIMIT), ("unit", SHORT_LIMIT), ("subcategory", SHORT_LIMIT)]
    for field, limit in complaint_short:
        with pytest.raises(plaint.TooLargeError):
            setattr(complaint, field, "y" * (limit + 1))
    assert snapshot(complaint) == before
    complaint.building = "b" * SHORT_LIMIT
    assert complaint.building == "b" * SHORT_LIMIT


def test_bad_ids() -> None:
    with plaint.Complaint("i" * ID_LIMIT, T0) as c:
        assert c.id == "i" * ID_LIMIT
    with pytest.raises(plaint.TooLargeError):
        plaint.Complaint("i" * (ID_LIMIT + 1), T0)
    with pytest.raises(plaint.InvalidArgumentError):
        plaint.Complaint("", T0)
    with pytest.raises(plaint.EncodingError):
        plaint.Complaint("C\0-1", T0)
    with pytest.raises(plaint.EncodingError):
        plaint.Complaint("\0", T0)
    with pytest.raises(plaint.EncodingError):
        plaint.Complaint(b"C-\xff", T0)
    with pytest.raises(TypeError):
        plaint.Complaint(17, T0)  # type: ignore[arg-type]


def test_a_failing_keyword_fails_the_constructor() -> None:
    with pytest.raises(plaint.OutOfRangeError):
        plaint.Complaint("C-1", T0, channel=99)
    with pytest.raises(plaint.TooLargeError):
        plaint.Complaint("C-1", T0, content="x" * (LONG_LIMIT + 1))
    with pytest.raises(TypeError):
        plaint.Complaint("C-1", T0, colour="red")  # type: ignore[call-arg]


def test_bad_notes(complaint: plaint.Complaint) -> None:
    before = snapshot(complaint)
    with pytest.raises(plaint.EncodingError):
        complaint.apply("record", T0 + MINUTE, "duty_staff", "a\0b")
    with pytest.raises(plaint.EncodingError):
        complaint.apply("record", T0 + MINUTE, "duty_staff", b"\xff")
    with pytest.raises(plaint.TooLargeError):
        complaint.apply("record", T0 + MINUTE, "duty_staff", "n" * (LONG_LIMIT + 1))
    assert snapshot(complaint) == before
    complaint.apply("record", T0 + MINUTE, "duty_staff", "n" * LONG_LIMIT)
    assert complaint.events[-1].note == "n" * LONG_LIMIT


def test_reporter_count(complaint: plaint.Complaint) -> None:
    complaint.reporter_count = 1_000_000
    before = snapshot(complaint)
    for bad in (0, -1, 1_000_001, 2**31, 2**40 + 5):
        with pytest.raises(plaint.OutOfRangeError):
            complaint.reporter_count = bad
    for wrong in (2.0, True, "3"):
        with pytest.raises(TypeError):
            complaint.reporter_count = wrong  # type: ignore[assignment]
    assert snapshot(complaint) == before


def test_tags(complaint: plaint.Complaint) -> None:
    complaint.tags = ["a", b"b", "a"]
    assert complaint.tags == ["a", "b"]
    complaint.tags = [f"t{i}" for i in range(32)]  # the limit: 32 tags
    assert len(complaint.tags) == 32
    before = snapshot(complaint)
    with pytest.raises(plaint.TooLargeError):
        complaint.tags = [f"u{i}" for i in range(33)]
    with pytest.raises(plaint.TooLargeError):
        complaint.tags = ["ok", "g" * 65]  # one tag: 1 to 64 bytes
    with pytest.raises(plaint.InvalidArgumentError):
        complaint.tags = ["ok", ""]
    with pytest.raises(plaint.EncodingError):
        complaint.tags = ["ok", "a\0b"]
    with pytest.raises(plaint.EncodingError):
        complaint.tags = ["ok", b"\xff"]
    with pytest.raises(TypeError):
        complaint.tags = "abc"  # type: ignore[assignment]
    with pytest.raises(TypeError):
        complaint.tags = ["ok", 3]  # type: ignore[list-item]
    assert snapshot(complaint) == before  # all 32 old tags, none of the new ones
    complaint.tags = ["g" * 64]
    assert complaint.tags == ["g" * 64]
    complaint.tags = []
    assert complaint.tags == []


def test_wrong_text_types(complaint: plaint.Complaint) -> None:
    before = snapshot(complaint)
    for wrong in (12, None, ["a"]):
        with pytest.raises(TypeError):
            complaint.unit = wrong  # type: ignore[assignment]
    assert snapshot(complaint) == before


def test_read_only_properties(complaint: plaint.Complaint) -> None:
    for name in ("id", "state", "nature", "severity", "owner", "cycle", "events"):
        with pytest.raises(AttributeError):
            setattr(complaint, name, 1)
