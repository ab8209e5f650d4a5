"""Runs the kiosk on sample.jsonl with the default and the commercial profile and checks the
decisions worked by hand from each profile's rules; then feeds it hostile input (lines far over
its 4 MiB limit, under a memory limit; a line with 30,000 problems; stdin a directory; stdout
/dev/full) and checks the limits and exit codes its header comment documents.

usage: check_kiosk.py KIOSK_EXECUTABLE KIOSK_DIR
"""

import json
import os
import resource
import subprocess
import sys
import threading
from pathlib import Path

MAX_LINE = 4 << 20  # kiosk.c: KIOSK_MAX_LINE, the library's limit for one complaint


def run(kiosk: str, sample: Path, *profile: str) -> list:
    with open(sample, "rb") as stdin:
        done = subprocess.run([kiosk, *profile], stdin=stdin, capture_output=True, check=True)
    return [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]


def main() -> int:
    kiosk, here = sys.argv[1], Path(sys.argv[2])
    sample = here / "sample.jsonl"
    default = run(kiosk, sample)
    commercial = run(kiosk, sample, str(here / "commercial-profile.json"))
    assert len(default) == len(commercial) == 5, (default, commercial)

    # K-1, an elevator stuck (equipment, no urgent keyword). Default profile: the repair
    # policy, valid, P3 as equipment, tagged elevator, a phone return visit. Commercial: any
    # elevator fault is P2, escalated to the CS manager.
    d = default[0]["decision"]
    assert default[0]["id"] == "K-1"
    assert (d["sla_policy"], d["nature"], d["severity"], d["tags"], d["visit_method"]) == (
        "repair",
        "valid",
        "p3",
        ["elevator"],
        "phone",
    ), d
    d = commercial[0]["decision"]
    assert (d["sla_policy"], d["severity"], d["escalate_to"]) == ("repair", "p2", "cs_manager"), d

    # K-2, "请问物业费怎么交？" in the other category: a consultation under both profiles.
    for out in (default, commercial):
        d = out[1]["decision"]
        assert (d["nature"], d["sla_policy"]) == ("consulting", "consultation"), d

    # K-3, six tenants about the air conditioning. Default: fewer than 10 reporters, so P4 and
    # a phone visit. Commercial: 5 or more tenants: P2, a meeting, tagged hvac and collective.
    d = default[2]["decision"]
    assert (d["severity"], d["visit_method"]) == ("p4", "phone"), d
    d = commercial[2]["decision"]
    assert (d["severity"], d["visit_method"], d["tags"]) == (
        "p2",
        "meeting",
        ["hvac", "collective"],
    ), d

    # K-4, through the media: major, P1, the general manager, on site, under both profiles.
    for out in (default, commercial):
        d = out[3]["decision"]
        assert (d["nature"], d["severity"], d["escalate_to"], d["visit_method"]) == (
            "major",
            "p1",
            "general_manager",
            "on_site",
        ), d
        rows = out[3]["explanation"]
        assert {
            "decided": True,
            "id": "reached-authorities",
            "matched": True,
            "section": "nature",
        } in rows, rows

    # Line 5 is not a complaint: its error and every problem, then the kiosk went on.
    for out in (default, commercial):
        e = out[4]
        assert e["line"] == 5 and "error" in e, e
        assert [(p["pointer"], p["line"], p["column"]) for p in e["problems"]] == [
            ("/received", 1, 27),
            ("/channel", 1, 51),
        ], e
    print("kiosk: 5 lines checked with 2 profiles")

    good = sample.read_bytes().splitlines()[0]  # K-1
    check_long_line_under_memory_limit(kiosk, good)
    check_line_limit_edge(kiosk, good)
    check_many_problems(kiosk)
    check_problem_cap_edge(kiosk)
    check_io_errors(kiosk, sample)
    print("kiosk: limits, bounded output and exit codes checked")
    return 0


def limit_memory(limit: int):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def feed(kiosk: str, chunks, limit: int = 0):
    """Runs the kiosk writing `chunks` (an iterable of bytes) to its stdin from a thread, so that
    no input is ever held whole here; returns (exit status, stdout lines, stderr, peak resident
    memory in bytes)."""
    proc = subprocess.Popen(
        [kiosk],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=limit_memory(limit) if limit else None,
    )

    def write():
        try:
            for chunk in chunks:
                proc.stdin.write(chunk)
        except BrokenPipeError:
            pass
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=write)
    writer.start()
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    writer.join()
    return proc.returncode, out.decode("utf-8").splitlines(), err, usage.ru_maxrss * 1024


def check_long_line_under_memory_limit(kiosk: str, good: bytes) -> None:
    # A 300 MB line, then a good one, with 100 MiB of address space (the kiosk runs in about
    # 60 MB): the long line is read through in pieces, never held, and answered with an error
    # line giving its length; the good line after it is classified; exit 0. A sanitized build
    # reserves terabytes of address space and cannot start under such a limit: then the kiosk
    # runs without it, and its peak resident memory must stay under 200 MiB (holding the line
    # would take 300 MB).
    size = 300 * 1000 * 1000
    piece = b"x" * (1 << 20)

    def chunks():
        left = size
        while left > 0:
            yield piece[: min(left, len(piece))]
            left -= len(piece)
        yield b"\n" + good + b"\n"

    limit = 100 << 20
    if feed(kiosk, [good + b"\n"], limit=limit)[0] != 0:
        limit = 0
    status, lines, err, peak = feed(kiosk, chunks(), limit=limit)
    assert status == 0, (status, err)
    assert limit or peak < 200 << 20, peak
    assert len(lines) == 2, lines
    e = json.loads(lines[0])
    assert e["line"] == 1 and e["problems"] == [] and e["problem_count"] == 0, e
    assert str(size) in e["error"] and str(MAX_LINE) in e["error"], e
    assert json.loads(lines[1])["id"] == "K-1", lines[1]


def check_line_limit_edge(kiosk: str, good: bytes) -> None:
    # K-1 padded with JSON whitespace before its closing brace to exactly 4 MiB: a complaint
    # (the limit is inclusive); one byte more: an error line naming 4,194,305 bytes.
    at_limit = good[:-1] + b" " * (MAX_LINE - len(good)) + b"}"
    over = good[:-1] + b" " * (MAX_LINE + 1 - len(good)) + b"}"
    assert len(at_limit) == MAX_LINE and len(over) == MAX_LINE + 1
    status, lines, err, _ = feed(kiosk, [at_limit, b"\n", over, b"\n", good])  # no final newline
    assert status == 0, (status, err)
    assert len(lines) == 3, [x[:200] for x in lines]
    assert json.loads(lines[0])["id"] == "K-1", lines[0][:200]
    e = json.loads(lines[1])
    assert e["line"] == 2 and "4194305" in e["error"] and e["problem_count"] == 0, e
    assert json.loads(lines[2])["id"] == "K-1", lines[2][:200]
    # The same with CRLF line ends: the CR belongs to the newline and is not counted (it was, so
    # a line of exactly 4 MiB was refused when it came from a Windows file).
    status, lines, err, _ = feed(kiosk, [at_limit, b"\r\n", over, b"\r\n"])
    assert status == 0, (status, err)
    assert len(lines) == 2, [x[:200] for x in lines]
    assert json.loads(lines[0])["id"] == "K-1", lines[0][:200]
    e = json.loads(lines[1])
    assert e["line"] == 2 and "4194305" in e["error"], e


def check_many_problems(kiosk: str) -> None:
    # 30,000 unknown keys (a 390 KB line): each is a problem (a complaint's keys are a fixed
    # set). The error line lists the first 20, counts them all, and stays small.
    keys = ", ".join('"k%05d": 0' % i for i in range(30000))
    line = '{"id": "K-9", "received": "2026-10-01T08:00:00+08:00", ' + keys + "}"
    status, lines, err, _ = feed(kiosk, [line.encode() + b"\n"])
    assert status == 0, (status, err)
    assert len(lines) == 1 and len(lines[0]) < 16000, len(lines[0])
    e = json.loads(lines[0])
    assert e["line"] == 1 and len(e["problems"]) == 20, e
    assert e["problem_count"] >= 20, e
    assert all(p["pointer"].startswith("/k") for p in e["problems"]), e["problems"]
    assert len(e["error"]) <= 1003, e["error"]


def check_problem_cap_edge(kiosk: str) -> None:
    # The 20 problems an error line lists, at the edge: 20 unknown keys (one problem each, a
    # complaint's keys being a fixed set) are all listed; 21 list 20 and count 21.
    for keys, listed in ((20, 20), (21, 20)):
        extra = ", ".join('"k%02d": 0' % i for i in range(keys))
        line = '{"id": "K-8", "received": "2026-10-01T08:00:00+08:00", ' + extra + "}"
        status, lines, err, _ = feed(kiosk, [line.encode() + b"\n"])
        assert status == 0, (status, err)
        e = json.loads(lines[0])
        assert len(e["problems"]) == listed and e["problem_count"] == keys, e


def check_io_errors(kiosk: str, sample: Path) -> None:
    # stdin a directory: a read error, exit 3 with a message. stdout /dev/full: a write error,
    # exit 4 with a message.
    folder = os.open("/tmp", os.O_RDONLY)
    try:
        done = subprocess.run([kiosk], stdin=folder, capture_output=True)
    finally:
        os.close(folder)
    assert done.returncode == 3 and b"cannot read" in done.stderr, done
    assert done.stdout == b"", done
    with open(sample, "rb") as stdin, open("/dev/full", "wb") as stdout:
        done = subprocess.run([kiosk], stdin=stdin, stdout=stdout, stderr=subprocess.PIPE)
    assert done.returncode == 4 and b"cannot write" in done.stderr, done


if __name__ == "__main__":
    sys.exit(main())
