"""Weights and indices from answers: AHP weights from pairwise judgements with their
consistency, the random index, key drivers (regression) and the ACSI-style index."""

from __future__ import annotations

import ctypes
from ctypes import POINTER, byref, c_double, c_int32
from typing import Any, List, Mapping, Optional, Sequence, Union

from .._error import InvalidArgumentError, OutOfRangeError
from .._lib import PlaintAhpResult, lib
from .._marshal import (
    DP,
    check_uint64,
    double_matrix,
    double_rows,
    doubles,
    encode_nts,
    labels_of,
    out_doubles,
    same_labels,
    sequence_items,
)
from ._results import (
    AHP_METHODS,
    RI_TABLES,
    AcsiScore,
    Ahp,
    KeyDrivers,
    _METHOD_NAMES,
    _confidence,
    _new_score,
)


def random_index(n: int, ri_table: str = "saaty1980") -> float:
    """The random index RI(n) of a table (0 for n ≤ 2).

    Raises:
        OutOfRangeError: an unknown table, n = 0 or n beyond the table (a negative n or one
            beyond 2**64 - 1 too, named as given).
    """
    size = check_uint64(n, "n")
    out = c_double()
    lib.plaint_random_index(_ri_table_code(ri_table), size, byref(out))
    return out.value


def _ri_table_code(ri_table: str) -> int:
    code = c_int32()
    lib.plaint_ri_table_parse(encode_nts(ri_table, "ri_table"), byref(code))
    return code.value


def ahp(matrix: Any, ri_table: str = "saaty1980", method: str = "eigen") -> Ahp:
    """AHP weights from a positive reciprocal pairwise-comparison matrix (Saaty's 1–9 scale:
    ``matrix[i][j]`` says how much more criterion i matters than j), with λmax, CI and the
    consistency ratio CR = CI/RI(n); CR ≥ 0.10 is inconsistent, and the judgement that
    contributes most is named in ``worst``.

    Args:
        matrix: n×n judgements (nested sequences or a 2-D numpy array).
        ri_table: "saaty1980" (the default), "saaty2005", "donegan_dodd" or "alonso_lamata".
        method: "eigen" (the principal eigenvector) or "geometric" (row geometric means).

    Raises:
        InvalidArgumentError: an empty or non-square matrix; a non-finite, non-positive,
            non-reciprocal or off-1 diagonal cell (the message names it as "(i, j)").
        OutOfRangeError: an unknown table or method, or n beyond the table.
    """
    table = _ri_table_code(ri_table)
    if method not in AHP_METHODS:
        raise OutOfRangeError(
            f"unknown AHP method {method!r}; expected one of {', '.join(AHP_METHODS)}"
        )
    pointer, n, keep = double_matrix(matrix, "matrix")
    weights = (c_double * max(n, 1))()
    out = PlaintAhpResult()
    out.size = ctypes.sizeof(PlaintAhpResult)
    lib.plaint_ahp(pointer, n, table, AHP_METHODS[method], ctypes.cast(weights, DP), byref(out))
    del keep
    names = {code: name for name, code in RI_TABLES.items()}
    return Ahp(
        weights=tuple(weights[:n]),
        lambda_max=out.lambda_max,
        ci=out.ci,
        cr=out.cr,
        consistent=bool(out.consistent),
        ri=out.ri,
        ri_table=names.get(out.ri_table, ri_table),
        method=_METHOD_NAMES.get(out.method, method),
        worst=(int(out.worst_i), int(out.worst_j)) if out.worst_i >= 0 else None,
    )


def key_drivers(overall: Any, dimensions: Union[Mapping[str, Any], Sequence[Any]]) -> KeyDrivers:
    """Which dimension scores move the overall score: least-squares regression of ``overall``
    on the ``dimensions`` (a mapping name → column, a pandas DataFrame, or a sequence of
    columns, named "0", "1"…),
    with standardised coefficients and each dimension's relative importance.

    Raises:
        InvalidArgumentError: columns of different lengths, too few responses, a non-finite
            value, a constant overall score, a constant dimension or collinear dimensions (the
            message names the dimension by its position); pandas columns whose labels
            (index) differ.
    """
    if isinstance(dimensions, Mapping):
        names = tuple(str(k) for k in dimensions)
        columns = list(dimensions.values())
    elif labels_of(dimensions) is not None and hasattr(dimensions, "columns"):  # a DataFrame
        names = tuple(str(k) for k in dimensions.columns)
        columns = [dimensions[k] for k in dimensions.columns]
    else:
        columns = sequence_items(dimensions, "dimensions")
        names = tuple(str(i) for i in range(len(columns)))
    same_labels([("overall", overall)] + [(f"dimension {k!r}", c) for k, c in zip(names, columns)])
    py, n, keep_y = doubles(overall, "overall")
    keep: List[Any] = [keep_y]
    pointers = (DP * max(len(columns), 1))()
    for j, column in enumerate(columns):
        pj, nj, kj = doubles(column, f"dimension {names[j]!r}")
        if nj != n:
            raise InvalidArgumentError(
                f"dimension {names[j]!r} has {nj} values but overall has {n}"
            )
        pointers[j] = pj
        keep.append(kj)
    d = len(columns)
    outs = [(c_double * max(d, 1))() for _ in range(4)]
    intercept, r2 = c_double(), c_double()
    lib.plaint_key_drivers(
        py,
        ctypes.cast(pointers, POINTER(DP)),
        d,
        n,
        *[ctypes.cast(o, DP) for o in outs],
        byref(intercept),
        byref(r2),
    )
    del keep
    coefficients, standardized, correlations, importance = (tuple(o[:d]) for o in outs)
    return KeyDrivers(
        names, n, intercept.value, coefficients, standardized, correlations, importance, r2.value
    )


def acsi(answers: Any, weights: Optional[Any] = None, confidence: float = 0.95) -> AcsiScore:
    """An ACSI-style index: each respondent's weighted mean of items answered on 1..10,
    rescaled to 0..100, and their mean with a t interval.

    Args:
        answers: one row per respondent, one answer per item (nested sequences or a 2-D numpy
            array).
        weights: one non-negative weight per item (normalised); None for equal weights. A
            pandas Series of weights for a DataFrame of answers is aligned with its columns
            by label.

    Raises:
        OutOfRangeError: an answer that is not a whole 1..10 (naming row and item).
        InvalidArgumentError: rows of different lengths, no items, a bad weight, NaN.
    """
    if weights is not None and labels_of(weights) is not None and hasattr(answers, "columns"):
        # A Series of weights for a DataFrame of answers: aligned with the columns by label.
        if set(weights.index) != set(answers.columns) or len(weights) != len(answers.columns):
            raise InvalidArgumentError(
                "the weights' labels must be the answers' columns: "
                f"{list(weights.index)} against {list(answers.columns)}"
            )
        weights = weights.reindex(answers.columns)
    pointer, rows, items, keep = double_rows(answers, "answers")
    if rows == 0 and items == 0 and weights is not None:
        items = len(sequence_items(weights, "weights"))
    wp: Any = None
    keep_w: Any = None
    if weights is not None:
        wp, nw, keep_w = doubles(weights, "weights")
        if nw != items:
            raise InvalidArgumentError(f"{nw} weights given for {items} items")
    each_pointer, each = out_doubles(rows)
    out = _new_score()
    lib.plaint_acsi(pointer, rows, items, wp, _confidence(confidence), each_pointer, byref(out))
    del keep, keep_w
    respondents = list(each) if isinstance(each, ctypes.Array) else each
    return AcsiScore(
        out.value, int(out.n), out.low, out.high, out.sd, out.percent, respondents=respondents
    )
