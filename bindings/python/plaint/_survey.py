"""A survey definition from a profile's ``surveys`` section (the C++ header ``survey.hpp``):
the :class:`Survey` :meth:`plaint.Profile.survey` gives."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Tuple, Union

from .satisfaction._results import Ahp, Indicator, ItemWeight, ScaleLike


@dataclass(frozen=True)
class Survey:
    """A survey definition from a profile (:meth:`plaint.Profile.survey`).

    Attributes:
        name: its key in the profile's ``surveys``.
        description: free text.
        instrument: "return_visit", "periodic", "nps", "ces"...
        scale: the answer scale of every question, (lowest, highest).
        satisfied: the levels counted as satisfied.
        dimensions: the indicator tree, with local weights normalised among siblings.
        items: its items (leaves) with their global weights.
        overall: the overall question's name ("" when none).
        ahp: when the top-level weights came from a pairwise matrix, its :class:`Ahp`.
    """

    name: str
    description: str
    instrument: str
    scale: ScaleLike
    satisfied: Tuple[int, ...]
    dimensions: Tuple[Indicator, ...]
    items: Tuple[ItemWeight, ...]
    overall: str
    ahp: Optional[Ahp] = None

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "Survey":
        """A survey from the library's JSON form (``plaint_profile_survey_json``)."""
        doc = json.loads(text)
        scale = (int(doc["scale"][0]), int(doc["scale"][1]))

        def node(d: Mapping[str, Any]) -> Indicator:
            children = tuple(node(c) for c in d.get("items", ()))
            return Indicator(str(d["name"]), float(d["weight"]), scale, children)

        ahp_doc = doc.get("ahp")
        ahp_result = None
        if ahp_doc is not None:
            worst = ahp_doc.get("worst")
            ahp_result = Ahp(
                weights=tuple(float(w) for w in ahp_doc["weights"]),
                lambda_max=float(ahp_doc["lambda_max"]),
                ci=float(ahp_doc["ci"]),
                cr=float(ahp_doc["cr"]),
                consistent=bool(ahp_doc["consistent"]),
                ri=float(ahp_doc["ri"]),
                ri_table=str(ahp_doc["ri_table"]),
                method=str(ahp_doc["method"]),
                worst=(int(worst[0]), int(worst[1])) if worst else None,
            )
        return cls(
            name=str(doc["name"]),
            description=str(doc.get("description", "")),
            instrument=str(doc.get("instrument", "")),
            scale=scale,
            satisfied=tuple(int(v) for v in doc.get("satisfied", ())),
            dimensions=tuple(node(d) for d in doc.get("dimensions", ())),
            items=tuple(
                ItemWeight(str(i["path"]), float(i["weight"]), scale) for i in doc.get("items", ())
            ),
            overall=str(doc.get("overall", "")),
            ahp=ahp_result,
        )

    @property
    def item_paths(self) -> Tuple[str, ...]:
        """The items' paths, in depth-first order."""
        return tuple(i.path for i in self.items)
