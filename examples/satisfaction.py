"""A month of return visits scored with the plaint Python package (DOMAIN.md §6).

Ten residents answered the March 2026 return-visit survey of the default profile: an overall
5-point rating (1 very dissatisfied .. 5 very satisfied), the four dimensions the survey weighs
(response speed, attitude, quality, result) and "would you recommend us" on 0..10. The script
prints the overall mean with its t interval, the satisfaction rate (answers 4 and 5) with its
Wilson interval checked against the 85% target, the NPS, the survey's satisfaction index, the
weights two managers' pairwise judgements give the dimensions (AHP) with their consistency,
and the overall scores per building and month, grouped in one pass. With pandas installed,
``grouped.to_pandas()`` gives the same table as a DataFrame.

Run it with the C library's path in PLAINT_LIBRARY and the package on PYTHONPATH::

    PLAINT_LIBRARY=build/release/libplaint.so PYTHONPATH=bindings/python \\
        python3 examples/satisfaction.py
"""

from __future__ import annotations

import sys
from typing import List, Sequence

import plaint
from plaint import satisfaction as sat

# The March answers, one per resident.
OVERALL = [5, 1, 4, 5, 3, 4, 5, 3, 4, 5]
RECOMMEND = [9, 10, 10, 9, 8, 7, 6, 3, 0, 10]
DIMENSIONS = {
    "response_speed": [5, 5, 4, 5, 4, 5, 4, 5, 4, 5],
    "attitude": [5, 4, 4, 4, 4, 5, 4, 4, 4, 4],
    "quality": [4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
    "result": [5, 4, 3, 4, 3, 5, 4, 3, 4, 3],
}
TARGET = 0.85  # the office's CSAT target

# Two managers compare the dimensions in pairs (Saaty's 1-9 scale), in the order of DIMENSIONS:
# A says response speed matters twice as much as each other dimension, which matter equally;
# B's judgements contradict each other (attitude below quality, which equals result, yet
# attitude three times result).
MANAGER_A: List[List[float]] = [[1, 2, 2, 2], [1 / 2, 1, 1, 1], [1 / 2, 1, 1, 1], [1 / 2, 1, 1, 1]]
MANAGER_B: List[List[float]] = [
    [1, 3, 2, 2],
    [1 / 3, 1, 1 / 2, 3],
    [1 / 2, 2, 1, 1],
    [1 / 2, 1 / 3, 1, 1],
]

# The spring's answers by building and month; None is a question the resident skipped.
BUILDING = ["A", "A", "A", "A", "A", "B", "B", "B", "B", "B", "B", "B"]
MONTH = ["2026-03"] * 3 + ["2026-04"] * 2 + ["2026-03"] * 4 + ["2026-04"] * 3
SPRING_OVERALL = [5, 4, 4, 3, None, 2, 5, 4, 5, 4, 1, 5]
SPRING_RECOMMEND = [10, 9, 6, 7, 8, 3, 10, 9, 9, 9, 0, 8]


def weights_line(who: str, judgements: Sequence[Sequence[float]]) -> str:
    """One manager's AHP weights and their consistency, as a line."""
    result = sat.ahp(judgements)
    names = list(DIMENSIONS)
    weights = ", ".join(f"{n} {w:.2f}" for n, w in zip(names, result.weights))
    verdict = "consistent" if result.consistent else "inconsistent"
    if result.worst is not None:
        i, j = result.worst
        verdict += f", check {names[i]} vs {names[j]}"
    return f"manager {who}: {weights}; CR {result.cr:.3f}: {verdict}"


def main() -> int:
    """Scores the month and prints it; returns the exit status."""
    try:
        print(f"return visits of March 2026: {len(OVERALL)} answers")
        m = sat.mean(OVERALL)
        print(
            f"overall: mean {m.value:.2f} (95% t interval {m.low:.2f}..{m.high:.2f}), "
            f"{m.percent:.1f}% of the scale"
        )
        rate = sat.csat(OVERALL, satisfied=(4, 5))
        verdict = sat.check_target(rate, TARGET)
        print(
            f"CSAT {{4, 5}}: {rate.value:.2f} (Wilson {rate.low:.2f}..{rate.high:.2f}); "
            f"target {TARGET:.2f}: {verdict.label}"
        )
        p = sat.nps(RECOMMEND)
        print(
            f"NPS: {p.value:.1f} points (se {p.se:.1f}, {p.low:.1f}..{p.high:.1f}); "
            f"{p.promoters} promoters, {p.passives} passives, {p.detractors} detractors"
        )

        means = {name: sat.mean(answers).value for name, answers in DIMENSIONS.items()}
        print("dimension means: " + ", ".join(f"{n} {v:.2f}" for n, v in means.items()))
        with plaint.Profile.default() as profile:
            survey = profile.survey("return_visit")
        scores = {item.path: means[item.path.split("/")[-1]] for item in survey.items}
        index = sat.weighted_index(survey, scores)
        print(
            f"satisfaction index ({survey.name} survey of the default profile): {index.value:.1f}"
        )

        print(weights_line("A", MANAGER_A))
        print(weights_line("B", MANAGER_B))

        grouped = sat.group(
            {"building": BUILDING, "month": MONTH},
            {
                "overall": SPRING_OVERALL,  # 1..5, CSAT counts 4 and 5
                "recommend": sat.Question(SPRING_RECOMMEND, scale=(0, 10), nps=True),
            },
        )
        print("by building and month:")
        print("building  month    rows  missing  mean  csat    nps")
        for g in grouped:
            overall = g.scores["overall"]
            rec = g.scores["recommend"]
            assert overall.csat is not None and rec.nps is not None
            building, month = g.keys
            print(
                f"{building:<9} {month:<8} {g.rows:4d} {overall.missing:8d} "
                f"{overall.mean.value:5.2f} {overall.csat.value:5.2f} {rec.nps.value:6.1f}"
            )
    except plaint.Error as exc:
        print(f"plaint error {exc.code}: {exc.message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
