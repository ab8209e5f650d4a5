"""Handle management: close, context managers, finalizers, clones and threads."""

from __future__ import annotations

import gc
import threading

import pytest

import plaint
from support import MINUTE, T0, snapshot


def test_close_is_idempotent() -> None:
    c = plaint.Complaint("C-1", T0)
    assert not c.closed
    c.close()
    assert c.closed
    c.close()
    assert c.closed


def test_use_after_close_raises_closed_error() -> None:
    c = plaint.Complaint("C-1", T0)
    c.close()
    with pytest.raises(plaint.ClosedError) as info:
        c.state
    err = info.value
    assert isinstance(err, plaint.Error) and isinstance(err, ValueError)
    assert isinstance(err, plaint.InvalidArgumentError)
    assert err.code == -1 and str(err) == "complaint is closed"
    for name in ("id", "name", "channel", "tags", "events", "received", "rectification_deadline"):
        with pytest.raises(plaint.ClosedError):
            getattr(c, name)
    calls = [
        lambda: setattr(c, "name", "x"),
        lambda: setattr(c, "channel", "phone"),
        lambda: setattr(c, "tags", ["x"]),
        lambda: setattr(c, "reporter_count", 2),
        lambda: c.apply("record", T0, "duty_staff"),
        lambda: c.allows("record"),
        lambda: c.clone(),
    ]
    for call in calls:
        with pytest.raises(plaint.ClosedError):
            call()
    assert repr(c) == "<plaint.Complaint (closed)>"


def test_the_context_manager_closes() -> None:
    with plaint.Complaint("C-1", T0) as c:
        assert repr(c) == "<plaint.Complaint id='C-1' state=received>"
    assert c.closed
    with pytest.raises(RuntimeError):
        with plaint.Complaint("C-2", T0) as d:
            raise RuntimeError("boom")
    assert d.closed


def test_the_finalizer_frees_an_unclosed_complaint() -> None:
    c = plaint.Complaint("C-1", T0)
    finalizer = c._finalizer
    assert finalizer.alive
    del c
    gc.collect()
    assert not finalizer.alive


def test_a_clone_is_independent(complaint: plaint.Complaint) -> None:
    complaint.tags = ["a"]
    copy = complaint.clone()
    try:
        assert snapshot(copy) == snapshot(complaint)
        copy.apply("record", T0 + MINUTE, "duty_staff")
        copy.tags = ["b"]
        assert complaint.state is plaint.State.RECEIVED and complaint.tags == ["a"]
        complaint.close()
        assert copy.state is plaint.State.RECORDED  # closing the original leaves the clone
    finally:
        copy.close()


def test_replacing_tags_keeps_the_handle_managed() -> None:
    c = plaint.Complaint("C-1", T0)
    c.tags = ["x"]  # swaps in a new handle
    c.tags = ["y"]
    finalizer = c._finalizer
    c.close()
    assert not finalizer.alive and c.closed


def test_threads_share_one_complaint(complaint: plaint.Complaint) -> None:
    complaint.apply("record", T0, "duty_staff")
    complaint.apply("classify", T0, "duty_staff", nature="valid")
    errors: list = []

    def work(n: int) -> None:
        try:
            for i in range(50):
                # Re-classification keeps the state and appends one event.
                complaint.apply("classify", T0 + MINUTE, "duty_staff", f"{n}/{i}", nature="major")
                complaint.content = f"thread {n} pass {i}"
                assert complaint.state is plaint.State.CLASSIFIED
                complaint.tags = [f"t{n}"]
                _ = complaint.events[-1]
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(complaint.events) == 3 + 4 * 50
    assert len(complaint.tags) == 1
