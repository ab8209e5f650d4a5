"""Classifies the same complaints written in simplified and traditional Chinese (with the Hong
Kong and Taiwan forms) and with full-width letters, with the default profile, and prints for each
the kind of request the rules decide (``-`` when none: a complaint), the nature, the tags and
the keywords the deciding rows found, each once - in the form the text wrote them ("電梯 as
电梯"). Keywords match in every written form unless a profile says
``"fold_keywords": false`` in its rules.

Run it with the C library's path in PLAINT_LIBRARY and the package on PYTHONPATH::

    PLAINT_LIBRARY=build/release/libplaint.so PYTHONPATH=bindings/python \\
        python3 examples/keyword_forms.py
"""

from __future__ import annotations

import plaint

TEXTS = [
    "请问物业费怎么交",  # simplified
    "請問物業費怎麼交",  # traditional
    "电梯停运",
    "電梯停運",  # traditional (Hong Kong and Taiwan alike)
    "ELEVATOR out of order",
    "ＥＬＥＶＡＴＯＲ out of order",  # full-width, as phones and kiosks type it
]


def main() -> None:
    profile = plaint.Profile.default()
    print(f"keywords in every written form: {profile.folds_keywords}")
    for text in TEXTS:
        complaint = plaint.Complaint("K", 1772414100, channel="phone", content=text)
        decision = profile.classify(complaint)
        # A keyword two deciding rows found (the kind's and the nature's 请问) is listed once.
        found = list(
            dict.fromkeys(k for row in decision.explain() if row.decided for k in row.keywords)
        )
        kind = decision.kind.name.lower() if decision.kind else "-"
        nature = decision.nature.name.lower() if decision.nature else "-"
        print(
            f"{text}: {kind}, {nature}; tags {', '.join(decision.tags) or '-'}; "
            f"keywords {', '.join(found) or '-'}"
        )


if __name__ == "__main__":
    main()
