"""plaint.Profile, plaint.Decision, Complaint.from_json / to_json and Error.problems, in Python.

Expected values come from DOMAIN.md as the default profile encodes it, the cases of
tests/unit/test_profile.cpp and tests/unit/test_json_forms.cpp (the comment beside each says
which): §3 natures (a complaint that reached the media is major, P1, escalated to the general
manager; a question is a consultation under the ``consultation`` policy), §4 return visits (on
site for major ones, a meeting for 10 or more reporters, a public notice for 30 or more, by
phone otherwise; 3 visits a month for the CS manager, 1 for the general manager). Positions in
the bad profile were counted by hand in test_profile.cpp.
"""

from __future__ import annotations

import gc
import json
import os
import threading
from pathlib import Path
from typing import Iterator

import pytest

import plaint
from support import T0

DATA = Path(__file__).resolve().parents[3] / "examples" / "data"

# test_profile.cpp: eight problems, in document order, with their hand-counted places.
BAD_PROFILE = """{
  "plaint_profile": 1,
  "colour": "blue",
  "calendars": {"office": {"timezone": "Asia/Shanghai", "week": {"mon": [["09:00", "25:00"]]}}},
  "policies": {"p": {"targets": [{"kind": "record", "duration": "1h", "calendar": "night"}]}},
  "rules": {"sections": [{"name": "n", "hit": "first", "rows": [
    {"id": "a", "when": {"channel": ["phone", "sms"]}, "then": {"nature": "valid"}},
    {"id": "b", "then": {"sla_policy": "fast"}}]}]},
  "return_visits": {"rules": [{"when": {"nature": "major"}, "method": "by_pigeon"}],
                    "quotas": {"boss": 3}},
  "surveys": {"s": {"scale": [5, 1], "dimensions": ["a"]}}
}"""


@pytest.fixture(scope="module")
def default() -> Iterator[plaint.Profile]:
    with plaint.Profile.default() as p:
        yield p


def test_the_media_case_as_test_json_forms_works_it(default: plaint.Profile) -> None:
    with plaint.Complaint("M", T0, channel="media") as c:
        d = default.classify(c)
    assert d.nature is plaint.Nature.MAJOR
    assert d.severity is plaint.Severity.P1
    assert d.escalate_to is plaint.Role.GENERAL_MANAGER
    assert d.visit_method is plaint.VisitMethod.ON_SITE
    assert d.sla_policy == "complaint"
    assert d.tags == ()
    assert d.matched == ("complaint", "reached-authorities", "authorities-p1")
    assert d.to_json() == (
        '{"escalate_to":"general_manager","matched":["complaint","reached-authorities",'
        '"authorities-p1"],"nature":"major","severity":"p1","sla_policy":"complaint",'
        '"tags":[],"visit_method":"on_site"}'
    )
    rows = d.explain()
    # The default profile's first row (section "kind") fails on the category.
    assert rows[0] == plaint.RowExplanation(
        "kind", "equipment-is-repair", False, False, "category in [equipment] (was other)"
    )
    assert plaint.RowExplanation("nature", "reached-authorities", True, True, "") in rows
    text = d.explain_text().splitlines()
    assert text[0] == "kind/equipment-is-repair: failed: category in [equipment] (was other)"
    assert "nature/reached-authorities: decided" in text
    assert len(text) == len(rows)


def test_default_decisions(default: plaint.Profile) -> None:
    # §3 communicative: a question in the `other` category.
    with plaint.Complaint("Q", T0, category="other", content="请问物业费怎么交？") as c:
        d = default.classify(c, T0 + 60)
    assert d.nature is plaint.Nature.CONSULTING
    assert d.sla_policy == "consultation"
    assert d.visit_method is plaint.VisitMethod.PHONE
    # §4: twelve reporters: P2, a meeting, tagged collective; 35: a public notice.
    with plaint.Complaint("R", T0, reporter_count=12) as c:
        d = default.classify(c, policy="complaint")
        assert d.severity is plaint.Severity.P2
        assert d.escalate_to is plaint.Role.CS_MANAGER
        assert d.visit_method is plaint.VisitMethod.MEETING
        assert "collective" in d.tags
        c.reporter_count = 35
        assert default.classify(c).visit_method is plaint.VisitMethod.PUBLIC_NOTICE
        with pytest.raises(plaint.NotFoundError):
            default.classify(c, policy="no-such-policy")
    with pytest.raises(TypeError):
        default.classify("not a complaint")  # type: ignore[arg-type]


def test_a_decision_is_a_frozen_value(default: plaint.Profile) -> None:
    with plaint.Complaint("M", T0, channel="media") as c:
        a = default.classify(c)
        b = default.classify(c, T0 + 3600)
    assert a == b and hash(a) == hash(b)
    with pytest.raises(AttributeError):
        a.nature = plaint.Nature.VALID  # type: ignore[misc]


def test_profile_contents(default: plaint.Profile) -> None:
    assert default.warnings == []
    # DOMAIN.md §4 quotas.
    assert default.visit_quota("cs_manager") == 3
    assert default.visit_quota(plaint.Role.GENERAL_MANAGER) == 1
    assert default.visit_quota("duty_staff") == 0
    with pytest.raises(plaint.OutOfRangeError):
        default.visit_quota(0)
    with pytest.raises(plaint.OutOfRangeError):
        default.visit_quota("boss")
    with default.policy_set as s:
        assert s.policy_names == ["complaint", "consultation", "feedback", "repair", "repair_urgent"]
    text = default.to_json()
    assert json.loads(text)["name"] == "default"
    with plaint.Profile.from_json(text) as again:
        assert again.to_json() == text
    with plaint.Profile.from_json(json.loads(text)) as again:
        assert again.to_json() == text
    with plaint.Profile.from_file(DATA / "default-profile.json") as again:
        assert again.to_json() == text
    assert "default" in repr(default)


def test_an_unreachable_row_is_a_warning() -> None:
    doc = {
        "plaint_profile": 1,
        "name": "w",
        "rules": {
            "sections": [
                {
                    "name": "n",
                    "hit": "first",
                    "rows": [
                        {"id": "all", "then": {"nature": "valid"}},
                        {"id": "never", "then": {"nature": "invalid"}},
                    ],
                }
            ]
        },
    }
    with plaint.Profile.from_json(doc) as p:
        [(pointer, message)] = p.warnings
    assert pointer == "/rules/sections/0/rows/1"
    assert "unreachable" in message


def test_every_problem_with_its_place() -> None:
    with pytest.raises(plaint.ValidationError) as info:
        plaint.Profile.from_json(BAD_PROFILE)
    err = info.value
    assert [(p.pointer, p.line, p.column) for p in err.problems] == [
        ("/colour", 3, 13),
        ("/calendars/office/week/mon/0", 4, 74),
        ("/policies/p/targets/0/calendar", 5, 83),
        ("/rules/sections/0/rows/0/when/channel/1", 7, 47),
        ("/rules/sections/0/rows/1/then/sla_policy", 8, 40),
        ("/return_visits/rules/0/method", 9, 71),
        ("/return_visits/quotas/boss", 10, 40),
        ("/surveys/s/scale", 11, 30),
    ]
    assert err.problems[3].message.startswith("unknown channel 'sms'")
    assert (err.pointer, err.line, err.column) == ("/colour", 3, 13)
    assert isinstance(err.problems[0], plaint.Problem)


def test_other_failures() -> None:
    with pytest.raises(plaint.UnsupportedError) as info:
        plaint.Profile.from_json('{"plaint_profile": 2}')
    assert info.value.problems == []
    with pytest.raises(plaint.ParseError) as parse:
        plaint.Profile.from_json("[1, 2")
    # One problem, at the element the input ended before (issue 12).
    assert [(p.pointer, p.line, p.column) for p in parse.value.problems] == [("/2", 1, 6)]
    with pytest.raises(plaint.ParseError):
        plaint.Profile.from_json(b'{"plaint_profile": 1}\0')
    with pytest.raises(plaint.FileError):
        plaint.Profile.from_file("/nonexistent/profile.json")
    with pytest.raises(TypeError):
        plaint.Profile()
    # A later success keeps nothing of an earlier failure.
    with pytest.raises(plaint.ValidationError):
        plaint.Profile.from_json(BAD_PROFILE)
    with pytest.raises(plaint.OutOfRangeError) as again:
        plaint.Profile.default().visit_quota(99)
    assert again.value.problems == []


def test_classify_many_equals_one_at_a_time(default: plaint.Profile) -> None:
    rows = [
        ("media", "other", 1, "小区电梯故障"),
        ("phone", "other", 1, "请问停车位怎么办理？"),
        ("visit", "other", 12, None),
        ("online", "equipment", 1, "water from upstairs"),
        ("phone", "sudden_event", 1, ""),
    ]
    out = default.classify_many(
        channel=[r[0] for r in rows],
        category=[r[1] for r in rows],
        reporter_count=[r[2] for r in rows],
        content=[r[3] for r in rows],
    )
    assert set(out) == {"nature", "severity", "escalate_to", "visit_method", "kind"}  # kind: 0.7
    # Hand-worked from test_profile.cpp: major/P1/on site; consulting/P4/phone; valid/P2/meeting;
    # valid/P3/phone; valid/P1/phone.
    assert list(out["nature"]) == [3, 5, 1, 1, 1]
    assert list(out["severity"]) == [1, 4, 2, 3, 1]
    assert list(out["visit_method"]) == [2, 1, 3, 1, 1]
    for i, (channel, category, reporters, content) in enumerate(rows):
        with plaint.Complaint(
            "B",
            T0,
            channel=channel,
            category=category,
            reporter_count=reporters,
            content=content,
        ) as c:
            d = default.classify(c)
        assert int(out["nature"][i]) == d.nature
        assert int(out["severity"][i]) == d.severity
        assert int(out["escalate_to"][i]) == (d.escalate_to or 0)
        assert int(out["visit_method"][i]) == (d.visit_method or 0)
    # The default profile's kind section (0.7): the question asked by phone (the second: 请问,
    # category other, one household, no grievance words) is a consultation (3), the equipment
    # row (the fourth) a repair (2).
    assert list(out["kind"]) == [0, 3, 0, 2, 0]


def test_classify_many_with_numpy_and_defaults(default: plaint.Profile) -> None:
    np = pytest.importorskip("numpy")
    out = default.classify_many(
        channel=np.array([6, 1], dtype=np.int64), reporter_count=np.array([1, 35])
    )
    assert out["nature"].dtype == np.int32
    assert out["visit_method"].tolist() == [2, 4]  # on site; a public notice for 35
    # No columns at all: no rows.
    assert [len(v) for v in default.classify_many().values()] == [0, 0, 0, 0, 0]


def test_classify_many_refuses_bad_columns(default: plaint.Profile) -> None:
    with pytest.raises(plaint.OutOfRangeError) as info:
        default.classify_many(channel=[1, 2, 99])
    assert str(info.value).startswith("at row 2: ")
    with pytest.raises(plaint.OutOfRangeError):
        default.classify_many(category=["other", "noise"])
    with pytest.raises(plaint.InvalidArgumentError):
        default.classify_many(channel=[1, 2], category=[1])
    with pytest.raises(TypeError):
        default.classify_many(colour=[1])


def test_complaints_as_json() -> None:
    # test_json_forms.cpp: a complaint with three events survives a round trip.
    doc = {
        "id": "K-7",
        "received": "2026-03-02T09:15:00+08:00",
        "channel": "phone",
        "category": "equipment",
        "content": "卫生间漏水",
        "reporter_count": 2,
        "tags": ["water"],
        "events": [
            {
                "type": "record",
                "at": "2026-03-02T09:20:00+08:00",
                "role": "duty_staff",
                "note": "recorded",
            },
            {
                "type": "classify",
                "at": "2026-03-02T09:30:00+08:00",
                "nature": "valid",
                "severity": "p2",
            },
            {"type": "assign", "at": "2026-03-02T09:35:00+08:00", "target": "cs_assistant"},
        ],
    }
    with plaint.Complaint.from_json(doc) as c:
        assert c.received == T0
        assert c.state is plaint.State.ASSIGNED
        assert c.owner is plaint.Role.CS_ASSISTANT
        assert c.content == "卫生间漏水"
        assert len(c.events) == 4
        text = c.to_json()
    with plaint.Complaint.from_json(text) as again:
        assert again.to_json() == text
        assert again.events[1].note == "recorded"
    with pytest.raises(plaint.ValidationError) as info:
        plaint.Complaint.from_json(
            '{"id": "X", "received": "yesterday", "channel": "sms",\n            "colour": 1}'
        )
    assert ("/colour", 2, 23) in [(p.pointer, p.line, p.column) for p in info.value.problems]
    with pytest.raises(plaint.ParseError):
        plaint.Complaint.from_json('{"id": "X",')


def test_closed_profiles_and_free_order() -> None:
    p = plaint.Profile.default()
    s = p.policy_set
    with plaint.Complaint("M", T0, channel="media") as c:
        d = p.classify(c)
    p.close()
    p.close()
    assert p.closed and "closed" in repr(p)
    with pytest.raises(plaint.ClosedError):
        p.to_json()
    assert s.policy_names[0] == "complaint"  # the set outlives the profile
    assert d.explain()[0].id == "equipment-is-repair"  # the decision is a copy
    s.close()
    q = plaint.Profile.default()
    del q
    gc.collect()


def test_the_kiosk_example_profile_loads_cleanly() -> None:
    path = DATA.parent / "kiosk" / "commercial-profile.json"
    with plaint.Profile.from_file(path) as p:
        assert p.warnings == []
        assert p.visit_quota("cs_manager") == 5
        with p.policy_set as s:
            assert s.policy_names == ["complaint", "consultation", "repair"]


def test_repeat_window_and_keywords() -> None:
    # By hand from the document: "Leak" and "leak" are one keyword, folded, in the order first
    # met; 7 days of repeat window; the default profile states 30.
    doc = {
        "plaint_profile": 1,
        "name": "k",
        "rules": {
            "repeat_window_days": 7,
            "sections": [
                {
                    "name": "n",
                    "hit": "collect",
                    "rows": [
                        {"id": "a", "when": {"keywords": ["Leak", "漏水"]}, "then": {"tags": ["x"]}},
                        {
                            "id": "b",
                            "when": {"keywords": {"none": ["leak", "Power Cut"]}},
                            "then": {"tags": ["y"]},
                        },
                    ],
                }
            ],
        },
    }
    p = plaint.Profile.from_json(doc)
    assert p.repeat_window_days == 7
    assert p.keywords == ["Leak", "漏水", "Power Cut"]  # as first written, since 0.7
    assert p.find_keywords("POWER CUT and a leak, leak") == ["Leak", "Power Cut"]
    assert p.find_keywords("楼上漏水".encode()) == ["漏水"]
    assert p.find_keywords(b"\xe6\xbc\x8f\xe6\xb0\xb4\0leak") == ["Leak", "漏水"]
    assert p.find_keywords("") == []
    with pytest.raises(TypeError):
        p.find_keywords(None)  # type: ignore[arg-type]
    assert plaint.Profile.default().repeat_window_days == 30
    assert "how do i" in plaint.Profile.default().keywords
    doc["rules"]["repeat_window_days"] = 0  # type: ignore[index]
    with pytest.raises(plaint.ValidationError) as info:
        plaint.Profile.from_json(doc)
    assert "/rules/repeat_window_days" in str(info.value)
    p.close()
    with pytest.raises(plaint.Error):
        p.keywords


# ---- File loaders (issue 12, "Files") ------------------------------------------------------
# The library reads files as streams: a FIFO loads as a regular file does, a directory is an I/O
# error that says so, and /dev/zero and /dev/urandom (which never end) are too large once more
# than a document's 16 MiB came (plaint.h, plaint_profile_from_file).


def _feed_fifo(path: Path, data: bytes) -> threading.Thread:
    """Makes a FIFO at `path` and a started thread writing `data` into it."""
    os.mkfifo(path)

    def write() -> None:
        try:
            with open(path, "wb") as f:
                f.write(data)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=write)
    writer.start()
    return writer


def _release(path: Path, writer: threading.Thread) -> None:
    """Lets a writer still waiting for a reader go, and waits for it."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    os.close(fd)
    writer.join()


def test_profile_from_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "profile.fifo"
    writer = _feed_fifo(fifo, (DATA / "default-profile.json").read_bytes())
    try:
        with plaint.Profile.from_file(fifo) as p:
            assert json.loads(p.to_json())["name"] == "default"
    finally:
        _release(fifo, writer)


def test_files_that_are_not_documents(tmp_path: Path) -> None:
    with pytest.raises(plaint.FileError, match="is a directory"):
        plaint.Profile.from_file(tmp_path)
    for device in ("/dev/zero", "/dev/urandom"):
        with pytest.raises(plaint.TooLargeError):
            plaint.Profile.from_file(device)
        # Calendars and policy sets are read by the binding, with the same limit.
        with pytest.raises(plaint.TooLargeError):
            plaint.Calendar.from_file(device)
        with pytest.raises(plaint.TooLargeError):
            plaint.PolicySet.from_file(device)
    with pytest.raises(plaint.FileError):
        plaint.Calendar.from_file(tmp_path)
    with pytest.raises(ValueError):
        plaint.Profile.from_file("a\0b")


def test_profile_file_size_limit(tmp_path: Path) -> None:
    # The default profile padded with JSON whitespace to exactly 16 MiB loads; a byte more is
    # too large, from a regular file and from a FIFO.
    text = (DATA / "default-profile.json").read_bytes()
    limit = 16 << 20
    for size, fits in ((limit, True), (limit + 1, False)):
        data = text + b" " * (size - len(text))
        regular = tmp_path / f"profile-{size}.json"
        regular.write_bytes(data)
        fifo = tmp_path / f"profile-{size}.fifo"
        writer = _feed_fifo(fifo, data)
        try:
            for path in (regular, fifo):
                if fits:
                    with plaint.Profile.from_file(path) as p:
                        assert json.loads(p.to_json())["name"] == "default"
                else:
                    with pytest.raises(plaint.TooLargeError):
                        plaint.Profile.from_file(path)
        finally:
            _release(fifo, writer)
