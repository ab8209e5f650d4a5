"""The README's "Limits" table from Python (issue 12, item 5): each limit the binding reaches, at
its edge and one past it, with the error class of the documented status. Edge values come from
the documented limits (README, plaint.h); large inputs are built in memory."""

from __future__ import annotations

import pytest

import plaint
from plaint import satisfaction as sat

MIB = 1 << 20
# 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z: 25,567 days before 1970 (70 years, 17 leap
# days), 84,006 after (230 years, 56 leap days: 1972..2196 less 2100).
Y1900 = -25567 * 86400
Y2200 = 84006 * 86400


def padded(head: str, tail: str, size: int) -> bytes:
    """`head`, spaces, `tail`: exactly `size` bytes (ASCII)."""
    return (head + " " * (size - len(head) - len(tail)) + tail).encode()


def test_complaint_texts_and_counts():
    assert len(plaint.Complaint("x" * 128, 0).id) == 128
    with pytest.raises(plaint.TooLargeError):
        plaint.Complaint("x" * 129, 0)
    with pytest.raises(plaint.InvalidArgumentError):
        plaint.Complaint("", 0)
    c = plaint.Complaint("K", 0)
    for field in ("name", "contact", "building", "unit", "subcategory"):
        setattr(c, field, "x" * 256)
        with pytest.raises(plaint.TooLargeError):
            setattr(c, field, "x" * 257)
        assert len(getattr(c, field)) == 256
    for field in ("content", "remedy"):
        setattr(c, field, "x" * 65536)
        with pytest.raises(plaint.TooLargeError):
            setattr(c, field, "x" * 65537)
    tags = ["x" * 64] + [f"t{i}" for i in range(1, 32)]
    c.tags = tags
    assert len(c.tags) == 32
    with pytest.raises(plaint.TooLargeError):
        c.tags = tags + ["t32"]
    with pytest.raises(plaint.TooLargeError):
        c.tags = ["x" * 65]
    assert len(c.tags) == 32
    c.reporter_count = 1000000
    with pytest.raises(plaint.OutOfRangeError):
        c.reporter_count = 1000001
    c.reporter_count = 1
    with pytest.raises(plaint.OutOfRangeError):
        c.reporter_count = 0


def test_documents_bytes_and_depth():
    head = '{"id": "K", "received": 0'
    assert plaint.Complaint.from_json(padded(head, "}", 4 * MIB)).id == "K"
    with pytest.raises(plaint.TooLargeError):
        plaint.Complaint.from_json(padded(head, "}", 4 * MIB + 1))
    with pytest.raises(plaint.ValidationError):  # 8 levels: past the depth check
        plaint.Complaint.from_json('{"events": [[[[[[[]]]]]]]}')
    with pytest.raises(plaint.TooLargeError):  # 9 levels
        plaint.Complaint.from_json('{"events": [[[[[[[[]]]]]]]]}')

    cal = '{"timezone": "UTC", "week": {"mon": [["09:00", "17:00"]]}'
    assert plaint.Calendar.from_json(padded(cal, "}", 16 * MIB)) is not None
    with pytest.raises(plaint.TooLargeError):
        plaint.Calendar.from_json(padded(cal, "}", 16 * MIB + 1))

    prof = '{"plaint_profile": 1, "name": "edge"'
    assert plaint.Profile.from_json(padded(prof, "}", 16 * MIB)) is not None
    with pytest.raises(plaint.TooLargeError):
        plaint.Profile.from_json(padded(prof, "}", 16 * MIB + 1))
    with pytest.raises(plaint.ValidationError):  # 64 levels
        plaint.Profile.from_json('{"name": ' + "[" * 63 + "]" * 63 + "}")
    with pytest.raises(plaint.TooLargeError):  # 65 levels
        plaint.Profile.from_json('{"name": ' + "[" * 64 + "]" * 64 + "}")


def test_calendar_years():
    always = plaint.Calendar.from_json('"24x7"')
    assert always.is_open(Y1900)
    with pytest.raises(plaint.OutOfRangeError):
        always.is_open(Y1900 - 1)
    assert always.is_open(Y2200 - 1)
    with pytest.raises(plaint.OutOfRangeError):
        always.is_open(Y2200 + 1)
    assert always.add(Y2200 - 2, 1) == Y2200 - 1
    with pytest.raises(plaint.OutOfRangeError):
        always.add(Y2200 - 1, 2)


def rows(n: int) -> str:
    row = '{"when": {"channel": "phone"}, "then": {"tags": ["t"]}}'
    return '{"sections": [{"hit": "collect", "rows": [' + ",".join([row] * n) + "]}]}"


def test_profile_rows_and_repeat_window():
    plaint.Profile.from_json('{"plaint_profile": 1, "rules": ' + rows(10000) + "}")
    with pytest.raises(plaint.TooLargeError) as e:
        plaint.Profile.from_json('{"plaint_profile": 1, "rules": ' + rows(10001) + "}")
    assert e.value.problems[0].pointer == "/rules/sections/0/rows/10000"
    for days in (1, 3650):
        plaint.Profile.from_json(
            '{"plaint_profile": 1, "rules": {"sections": [], "repeat_window_days": %d}}' % days
        )
    for days in (0, 3651):
        with pytest.raises(plaint.ValidationError):
            plaint.Profile.from_json(
                '{"plaint_profile": 1, "rules": {"sections": [], "repeat_window_days": %d}}'
                % days
            )


def policies_profile(n: int, targets: int) -> str:
    def target(k: int) -> str:
        return '{"kind": "record", "name": "t%d", "duration": "1h"}' % k

    policies = []
    for i in range(n):
        k = targets if i == 0 else 1
        policies.append('"p%d": {"targets": [%s]}' % (i, ", ".join(target(t) for t in range(k))))
    return (
        '{"plaint_profile": 1, "rules": {"sections": []}, "policies": {'
        + ", ".join(policies)
        + "}}"
    )


def test_ledger_policies_and_targets():
    plaint.Ledger(plaint.Profile.from_json(policies_profile(254, 16))).close()
    with pytest.raises(plaint.UnsupportedError):
        plaint.Ledger(plaint.Profile.from_json(policies_profile(255, 1)))
    with pytest.raises(plaint.UnsupportedError):
        plaint.Ledger(plaint.Profile.from_json(policies_profile(1, 17)))


def test_ledger_event_after_receipt():
    # The ledger keeps an event's time as 32 bits of seconds after receipt: 2^32 - 1 at most.
    with plaint.Ledger() as l:
        i = l.add({"id": "K", "received": Y1900})
        with pytest.raises(plaint.OutOfRangeError):
            l.add_event(i, "record", Y1900 + 2**32, "duty_staff")
        with pytest.raises(plaint.OutOfRangeError):
            l.add_event(i, "record", 2**63 - 1, "duty_staff")
        l.add_event(i, "record", Y1900 + 2**32 - 1, "duty_staff")
        assert l.event_count == 2


def test_ledger_events_per_complaint():
    # At most 1,000 events in one complaint's log in a ledger, the receipt included. With no SLA
    # policy and no rules the log is exactly what is applied: receipt, record, 249 cycles of
    # classify/explain/close/reopen (998), classify (999), explain (1,000); then close is refused.
    bare = plaint.Profile.from_json(
        '{"plaint_profile": 1, "rules": {"sections": []}, "policies": {}}')
    with plaint.Ledger(bare) as l:
        i = l.add({"id": "K", "received": 0})
        t = 0

        def ev(kind: str) -> None:
            nonlocal t
            t += 1
            l.add_event(i, kind, t, "cs_manager",
                        nature="invalid" if kind == "classify" else None)

        ev("record")
        for _ in range(249):
            for kind in ("classify", "explain", "close", "reopen"):
                ev(kind)
        ev("classify")
        ev("explain")
        assert l.event_count == 1000
        with pytest.raises(plaint.TooLargeError):
            ev("close")
        assert l.event_count == 1000


def test_import_line_and_problem_caps():
    with plaint.Ledger() as l:
        r = l.import_json_lines(b'{"id": ""}\n' * 1000)
        assert r.bad_rows == 1000 and len(r.problems) == 1000
        r = l.import_json_lines(b'{"id": ""}\n' * 1001)
        assert r.bad_rows == 1001 and len(r.problems) == 1000
        r = l.import_json_lines(padded('{"id": "A", "received": 0', "}\n", 4 * MIB + 1))
        assert r.complaints == 1 and r.bad_rows == 0
        r = l.import_json_lines(padded('{"id": "B", "received": 0', "}\n", 4 * MIB + 2))
        assert r.complaints == 0 and r.bad_rows == 1
        assert r.problems[0].code == plaint.TooLargeError.default_code


def test_scales_and_random_index():
    assert sat.mean([0, 1000], scale=(0, 1000)).value == 500
    with pytest.raises(plaint.InvalidArgumentError):
        sat.mean([0, 1000], scale=(0, 1001))
    assert sat.random_index(15) == 1.59
    with pytest.raises(plaint.OutOfRangeError):
        sat.random_index(16)
    assert sat.random_index(20, "donegan_dodd") == 1.5371
    with pytest.raises(plaint.OutOfRangeError):
        sat.random_index(21, "donegan_dodd")
