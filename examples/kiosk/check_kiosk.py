"""Runs the kiosk on sample.jsonl with the default and the commercial profile and checks the
decisions worked by hand from each profile's rules.

usage: check_kiosk.py KIOSK_EXECUTABLE KIOSK_DIR
"""

import json
import subprocess
import sys
from pathlib import Path


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
    return 0


if __name__ == "__main__":
    sys.exit(main())
