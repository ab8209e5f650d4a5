"""Satisfaction scores (DOMAIN.md §6), through the plaint C library.

Scores of answers: :func:`mean` (the 5-point mean with its t interval), :func:`csat` (the share
of satisfied answers with its Wilson interval; :func:`check_target` says whether a target such
as 85% is met, missed or undecided), :func:`nps`, :func:`ces`; :func:`wilson` on its own.
Weights and indices: :func:`ahp` (weights from a manager's pairwise judgements, with the
consistency ratio), :func:`weighted_index` over an indicator tree (or a profile's
:class:`Survey`), :func:`acsi`, :func:`servqual`, :func:`key_drivers`. The report's figures:
:func:`mttr`, :func:`mean_duration`, :func:`percentile`, :func:`within_limit`,
:func:`sample_size`. And :func:`group`: every score per building, month, category or team in
one pass over columns of answers, as a :class:`Grouped` result (a pandas DataFrame with
:meth:`Grouped.to_pandas` when pandas is installed).

Answers may be lists, tuples, ``array.array`` or numpy arrays (pandas columns too). A
contiguous numpy ``float64`` array or an ``array.array('d')`` is handed to the library without
a copy; so are, for :func:`group`, ``int8`` answers (``array.array('b')``) and ``int32`` keys
(``array.array('i')``). Anything else is converted. numpy and pandas are optional.

The package's modules: ``_scores`` (scores of answers), ``_weights`` (AHP, key drivers, ACSI),
``_trees`` (indicator trees, SERVQUAL), ``_operational`` (the report's figures) and ``_results``
(the result types); :func:`group` lives in :mod:`plaint._aggregate` and :class:`Survey` in
:mod:`plaint._survey`. Import the names from :mod:`plaint.satisfaction`.

Bad input raises the :class:`plaint.Error` subclasses the library reports: NaN or infinity
:class:`plaint.InvalidArgumentError` naming the index, an answer that is not a level of its
scale :class:`plaint.OutOfRangeError` naming index and value. Parts of a result the data leave
undefined (an interval from one answer, anything from none) are NaN, never an error.

Example::

    from plaint import satisfaction as sat

    rate = sat.csat([5, 4, 4, 3, 5, 2, 4, 5, 4, 5])      # value 0.8, Wilson low/high
    sat.check_target(rate, 0.85)                         # Verdict.UNDECIDED
    sat.ahp([[1, 3], [1 / 3, 1]]).weights                # (0.75, 0.25)
"""

from __future__ import annotations

from .._aggregate import (
    INDEX_UNITS,
    MISSING,
    ColumnStats,
    Group,
    Grouped,
    Index,
    Question,
    group,
)
from .._survey import Survey
from ._operational import mean_duration, mttr, percentile, sample_size, within_limit
from ._results import (
    AHP_METHODS,
    RI_TABLES,
    AcsiScore,
    Ahp,
    Ces,
    Indicator,
    ItemWeight,
    KeyDrivers,
    MeanScore,
    Nps,
    ScaleLike,
    Servqual,
    Share,
    Verdict,
    WeightedIndex,
)
from ._scores import ces, check_target, csat, levels, mean, nps, wilson
from ._trees import TreeLike, global_weights, servqual, weighted_index
from ._weights import acsi, ahp, key_drivers, random_index

__all__ = [
    "AcsiScore",
    "Ahp",
    "Ces",
    "ColumnStats",
    "Group",
    "Grouped",
    "Index",
    "Indicator",
    "ItemWeight",
    "KeyDrivers",
    "MISSING",
    "MeanScore",
    "Nps",
    "Question",
    "RI_TABLES",
    "Servqual",
    "Share",
    "Survey",
    "Verdict",
    "WeightedIndex",
    "acsi",
    "ahp",
    "ces",
    "check_target",
    "csat",
    "global_weights",
    "group",
    "key_drivers",
    "levels",
    "mean",
    "mean_duration",
    "mttr",
    "nps",
    "percentile",
    "random_index",
    "sample_size",
    "servqual",
    "weighted_index",
    "wilson",
    "within_limit",
]
