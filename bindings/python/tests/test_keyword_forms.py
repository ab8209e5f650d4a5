"""Keywords in every written form (since 0.7): the issue's hand-picked pairs through the Python
face, and the property that a text and its OpenCC conversions find the same keywords over the
sample month's contents (examples/data/sample)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import plaint
from plaint import Nature

SAMPLE = Path(__file__).resolve().parents[3] / "examples" / "data" / "sample"


def decide(profile: plaint.Profile, content: str) -> plaint.Decision:
    c = plaint.Complaint("F", 1772414100, channel="phone", category="other", content=content)
    return profile.classify(c, 1772414160)


def test_pairs_with_the_default_profile() -> None:
    p = plaint.Profile.default()
    assert p.folds_keywords
    assert decide(p, "请问物业费怎么交").nature == Nature.CONSULTING
    assert decide(p, "請問物業費怎麼交").nature == Nature.CONSULTING
    for text in ("电梯停运", "電梯停運", "ELEVATOR", "ＥＬＥＶＡＴＯＲ", "ｅｌｅｖａｔｏｒ"):
        assert "elevator" in decide(p, text).tags, text
    assert "elevator" not in decide(p, "the stairs").tags
    # The explanation says which form matched.
    rows = [r for r in decide(p, "電梯停運").explain() if r.id == "elevator"]
    assert rows and rows[0].keywords == ("電梯 as 电梯",)
    lift = p.keywords.index("电梯")
    assert p.keyword_match(lift, "昨天電梯停運") == "電梯"
    assert p.keyword_match(lift, "nothing") is None
    with pytest.raises(plaint.OutOfRangeError):
        p.keyword_match(len(p.keywords), "x")
    assert p.keyword_memory > 0


def profile(rules: dict) -> plaint.Profile:
    return plaint.Profile.from_json(json.dumps({"plaint_profile": 1, "name": "f", "rules": rules}))


def test_variants_accents_and_folding_off() -> None:
    rows = [
        {"id": "soft", "when": {"keywords": ["软件"]}, "then": {"tags": ["software"]}},
        {"id": "fire", "when": {"keywords": ["着火"]}, "then": {"tags": ["fire"]}},
        {"id": "cafe", "when": {"keywords": ["É"]}, "then": {"tags": ["e"]}},
        {"id": "lift", "when": {"keywords": ["電梯", "电梯"]}, "then": {"tags": ["lift"]}},
    ]
    p = profile({"sections": [{"name": "t", "hit": "collect", "rows": rows}]})
    assert p.keywords == ["软件", "着火", "É", "電梯"]
    assert p.find_keywords("軟體") == ["软件"]  # Taiwan
    assert p.find_keywords("軟件") == ["软件"]  # Hong Kong
    assert p.find_keywords("著火") == ["着火"]  # Taiwan's 著
    assert p.find_keywords("é") == ["É"]
    assert p.find_keywords("电梯") == ["電梯"]
    exact = profile({"fold_keywords": False, "sections": [{"name": "t", "rows": rows}]})
    assert not exact.folds_keywords
    assert exact.find_keywords("é 軟體") == []
    assert exact.keywords == ["软件", "着火", "É", "電梯", "电梯"]


def test_a_keyword_that_folds_to_nothing_is_refused_at_its_place() -> None:
    rows = [{"id": "a", "when": {"keywords": ["x", "\u200b"]}, "then": {"tags": ["z"]}}]
    with pytest.raises(plaint.ValidationError) as e:
        profile({"sections": [{"name": "t", "rows": rows}]})
    assert any(
        pr.pointer == "/rules/sections/0/rows/0/when/keywords/1"
        and "folds to nothing" in pr.message
        for pr in e.value.problems
    )


def sample_contents() -> list:
    contents = []
    for name in sorted(os.listdir(SAMPLE)):
        if name.endswith(".jsonl"):
            for line in (SAMPLE / name).read_text(encoding="utf-8").splitlines():
                if line.strip():
                    content = json.loads(line).get("content")
                    if content:
                        contents.append(content)
    return contents


# The conversions by OpenCC's own command (Debian's opencc, in dev.sh), not by the library.
def test_a_text_and_its_opencc_conversions_find_the_same_keywords() -> None:
    contents = sample_contents()
    assert len(contents) > 50
    p = plaint.Profile.default()
    joined = "\n".join(c.replace("\n", " ") for c in contents)
    # The sample is written in simplified characters: t2s of it changes little, so t2s is also
    # taken of its traditional, Hong Kong and Taiwan conversions.
    for chain in (("s2t",), ("s2hk",), ("s2twp",), ("t2s",), ("s2hk", "t2s"), ("s2twp", "t2s")):
        out = joined
        for config in chain:
            out = subprocess.run(
                ["opencc", "-c", config + ".json"],
                input=out.encode("utf-8"),
                capture_output=True,
                check=True,
            ).stdout.decode("utf-8")
        converted = out.split("\n")
        assert len(converted) == len(contents)
        for original, other in zip(contents, converted):
            assert p.find_keywords(other) == p.find_keywords(original), (chain, original, other)


# examples/keyword_forms.py: worked by hand from the default profile (examples/data/
# default-profile.json): 请问 asks a question (category other, no grievance words), so its kind
# section makes a consultation and its nature section consulting - one keyword, found by both
# rows, listed once; 电梯 and elevator give the elevator tag, and no kind (a complaint); each
# text's other form is matched "as" the profile's keyword.
KEYWORD_FORMS_LINES = [
    "keywords in every written form: True",
    "请问物业费怎么交: consultation, consulting; tags -; keywords 请问",
    "請問物業費怎麼交: consultation, consulting; tags -; keywords 請問 as 请问",
    "电梯停运: -, valid; tags elevator; keywords 电梯",
    "電梯停運: -, valid; tags elevator; keywords 電梯 as 电梯",
    "ELEVATOR out of order: -, valid; tags elevator; keywords elevator",
    "ＥＬＥＶＡＴＯＲ out of order: -, valid; tags elevator; keywords ＥＬＥＶＡＴＯＲ as elevator",
]


def test_the_keyword_forms_example() -> None:
    example = SAMPLE.parents[1] / "keyword_forms.py"
    env = dict(os.environ)
    result = subprocess.run(
        [sys.executable, "-W", "error", str(example)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == KEYWORD_FORMS_LINES
