"""Grouped satisfaction scores (the C++ header ``aggregate.hpp``): :func:`group` scores survey
answers given as columns per building, month, category or team in one pass in the library, as a
:class:`Grouped` result. Re-exported by :mod:`plaint.satisfaction`."""

from __future__ import annotations

import ctypes
import importlib
from ctypes import byref, c_char_p, c_double, c_int32, c_size_t, c_uint32, c_uint64, c_void_p
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

from ._error import InvalidArgumentError, OutOfRangeError
from ._lib import PlaintGroupInput, lib
from ._marshal import (
    I8P,
    I32P,
    MISSING,  # re-exported: plaint.satisfaction.MISSING
    Int32Keys,
    encode_nts,
    int8_answers,
    numpy_module,
    out_array,
    result_of,
    same_labels,
)
from .satisfaction._results import MeanScore, Nps, ScaleLike, Share, _confidence, _scale
from .satisfaction._scores import levels

#: Units of a weighted index in :func:`group`, with their C codes (``PLAINT_INDEX_*``).
INDEX_UNITS: Dict[str, int] = {"percent": 0, "scale": 1}

# Statistic codes of the batch exporters (PLAINT_STAT_* and PLAINT_MEASURE_*).
_STAT_MEAN, _STAT_MEAN_SD, _STAT_MEAN_LOW, _STAT_MEAN_HIGH, _STAT_MEAN_PERCENT = 1, 2, 3, 4, 5
_STAT_CSAT, _STAT_CSAT_LOW, _STAT_CSAT_HIGH = 6, 7, 8
_STAT_NPS, _STAT_NPS_SE, _STAT_NPS_LOW, _STAT_NPS_HIGH = 9, 10, 11, 12
_STAT_MEAN_N, _STAT_CSAT_SUCCESSES, _STAT_CSAT_N, _STAT_NPS_N = 13, 14, 15, 16
_STAT_NPS_PROMOTERS, _STAT_NPS_PASSIVES, _STAT_NPS_DETRACTORS, _STAT_MISSING = 17, 18, 19, 20


@dataclass(frozen=True)
class Question:
    """A column of answers for :func:`group`, with what to compute of it.

    Attributes:
        data: the answers, one per row: levels of the scale, or :data:`MISSING` (-1), None or
            NaN for a missing answer. An ``int8`` numpy array or ``array.array('b')`` is read
            in place.
        scale: (lowest, highest), within 0..127.
        satisfied: the levels counted for CSAT; None means {4, 5} on the 1..5 scale and no CSAT
            on other scales; ``()`` asks for no CSAT.
        nps: compute the NPS (the scale must be 0..10).
    """

    data: Any
    scale: ScaleLike = (1, 5)
    satisfied: Optional[Sequence[int]] = None
    nps: bool = False


@dataclass(frozen=True)
class Index:
    """A weighted index over questions of :func:`group`.

    Attributes:
        weights: question name → weight (non-negative, normalised).
        units: "percent" (each answer rescaled to 0..100 first, any mix of scales) or "scale"
            (raw answers, all questions on one scale).
    """

    weights: Mapping[str, float]
    units: str = "percent"


@dataclass(frozen=True)
class ColumnStats:
    """One question's scores in one group.

    Attributes:
        mean: the mean of the answers with its t interval.
        csat: the satisfied share with its Wilson interval; None when not asked.
        nps: the NPS; None when not asked.
        missing: the group's missing answers.
    """

    mean: MeanScore
    csat: Optional[Share]
    nps: Optional[Nps]
    missing: int


@dataclass(frozen=True)
class Group:
    """One group of :class:`Grouped`.

    Attributes:
        keys: its key values, in the order of the key columns.
        rows: its rows.
        scores: question name → :class:`ColumnStats`.
        indexes: index name → :class:`MeanScore` (n counts the rows with every question of the
            index answered).
    """

    keys: Tuple[Any, ...]
    rows: int
    scores: Dict[str, ColumnStats]
    indexes: Dict[str, MeanScore]


def _question(name: str, spec: Any) -> Question:
    if isinstance(spec, Question):
        return spec
    if isinstance(spec, Mapping):
        unknown = sorted(set(spec) - {"data", "scale", "satisfied", "nps"})
        if unknown:
            raise TypeError(f"question {name!r}: unknown option(s) {', '.join(unknown)}")
        if "data" not in spec:
            raise TypeError(f"question {name!r} has no 'data'")
        return Question(**spec)
    return Question(spec)


def _index(name: str, spec: Any) -> Index:
    if isinstance(spec, Index):
        return spec
    if isinstance(spec, Mapping):
        return Index(spec)
    raise TypeError(
        f"index {name!r} must be an Index or a mapping question -> weight, "
        f"not {type(spec).__name__}"
    )


class Grouped:
    """The result of :func:`group`: groups in ascending order of their keys, each with every
    question's scores and every index. A plain object: it holds copies, not the C result.

    Attributes:
        key_names: the key columns' names.
        score_names: the questions' names.
        index_names: the indices' names.
        columns: the flat result, one entry per statistic, each one value per group (numpy
            arrays when numpy is installed, else lists): the keys by their names, ``rows``,
            per question ``<q>_mean``, ``_sd``, ``_low``, ``_high``, ``_percent``, ``_n``,
            ``_missing``, with CSAT ``<q>_csat``, ``_csat_low``, ``_csat_high``,
            ``_csat_successes``, ``_csat_n``, with NPS ``<q>_nps``, ``_nps_se``, ``_nps_low``,
            ``_nps_high``, ``_nps_n``, ``<q>_promoters``, ``_passives``, ``_detractors``, and
            per index ``<i>``, ``<i>_sd``, ``_low``, ``_high``, ``_percent``, ``_n``.
    """

    key_names: Tuple[str, ...]
    score_names: Tuple[str, ...]
    index_names: Tuple[str, ...]
    columns: Dict[str, Any]

    def __init__(
        self,
        key_names: Tuple[str, ...],
        score_names: Tuple[str, ...],
        index_names: Tuple[str, ...],
        asked: Dict[str, Tuple[bool, bool]],
        columns: Dict[str, Any],
        count: int,
    ) -> None:
        self.key_names = key_names
        self.score_names = score_names
        self.index_names = index_names
        self.columns = columns
        self._asked = asked
        self._count = count
        self._groups: Optional[List[Group]] = None

    def __len__(self) -> int:
        return self._count

    def __repr__(self) -> str:
        return (
            f"<plaint.satisfaction.Grouped {self._count} groups by "
            f"{', '.join(self.key_names) or '(nothing)'}; questions "
            f"{', '.join(self.score_names)}>"
        )

    @property
    def groups(self) -> List[Group]:
        """Every group as a :class:`Group`, in key order (built on first use)."""
        if self._groups is None:
            self._groups = self._build()
        return self._groups

    def __iter__(self) -> Iterator[Group]:
        return iter(self.groups)

    def __getitem__(self, index: int) -> Group:
        return self.groups[index]

    def _build(self) -> List[Group]:
        c = {k: _as_list(v) for k, v in self.columns.items()}
        out = []
        for g in range(self._count):
            scores = {}
            for q in self.score_names:
                asked_csat, asked_nps = self._asked[q]
                scores[q] = ColumnStats(
                    mean=MeanScore(
                        c[f"{q}_mean"][g],
                        c[f"{q}_n"][g],
                        c[f"{q}_low"][g],
                        c[f"{q}_high"][g],
                        c[f"{q}_sd"][g],
                        c[f"{q}_percent"][g],
                        c[f"{q}_missing"][g],
                    ),
                    csat=(
                        Share(
                            c[f"{q}_csat"][g],
                            c[f"{q}_csat_n"][g],
                            c[f"{q}_csat_low"][g],
                            c[f"{q}_csat_high"][g],
                            c[f"{q}_csat_successes"][g],
                            c[f"{q}_missing"][g],
                        )
                        if asked_csat
                        else None
                    ),
                    nps=(
                        Nps(
                            c[f"{q}_nps"][g],
                            c[f"{q}_nps_n"][g],
                            c[f"{q}_nps_low"][g],
                            c[f"{q}_nps_high"][g],
                            c[f"{q}_nps_se"][g],
                            c[f"{q}_promoters"][g],
                            c[f"{q}_passives"][g],
                            c[f"{q}_detractors"][g],
                            c[f"{q}_missing"][g],
                        )
                        if asked_nps
                        else None
                    ),
                    missing=c[f"{q}_missing"][g],
                )
            indexes = {
                i: MeanScore(
                    c[i][g],
                    c[f"{i}_n"][g],
                    c[f"{i}_low"][g],
                    c[f"{i}_high"][g],
                    c[f"{i}_sd"][g],
                    c[f"{i}_percent"][g],
                )
                for i in self.index_names
            }
            out.append(
                Group(
                    keys=tuple(c[k][g] for k in self.key_names),
                    rows=c["rows"][g],
                    scores=scores,
                    indexes=indexes,
                )
            )
        return out

    def records(self) -> List[Dict[str, Any]]:
        """One flat dict per group (the :attr:`columns`' names as keys), in key order."""
        c = {k: _as_list(v) for k, v in self.columns.items()}
        return [{k: v[g] for k, v in c.items()} for g in range(self._count)]

    def to_pandas(self) -> Any:
        """The result as a pandas DataFrame: one row per group, indexed by the keys (a
        MultiIndex for two or three), with the :attr:`columns` as columns.

        Raises:
            ImportError: pandas is not installed.
        """
        try:
            pandas: Any = importlib.import_module("pandas")
        except ImportError as exc:
            raise ImportError(
                f"Grouped.to_pandas needs pandas ({exc}); use Grouped.columns or "
                "Grouped.records() without it"
            ) from None
        frame = pandas.DataFrame(self.columns)
        if self.key_names:
            frame = frame.set_index(list(self.key_names))
        return frame


class _Columns(Dict[str, Any]):
    """The flat columns of a grouped result; a name given twice (a question "q" and an
    index "q_mean") is an error rather than a silent overwrite."""

    def __setitem__(self, key: str, value: Any) -> None:
        if key in self:
            raise InvalidArgumentError(
                f"the result would have two columns named {key!r}; rename a key, question or "
                "index"
            )
        super().__setitem__(key, value)


def _as_list(values: Any) -> List[Any]:
    return list(values.tolist()) if hasattr(values, "tolist") else list(values)


def group(
    keys: Mapping[str, Any],
    scores: Mapping[str, Any],
    indexes: Optional[Mapping[str, Any]] = None,
    confidence: float = 0.95,
) -> Grouped:
    """Groups survey answers by up to three key columns and scores every group, in one pass
    over the rows in the library (DOMAIN.md §6).

    Args:
        keys: key name → column (building, month, category or team). Ints that fit int32 are
            used as they are (an ``int32`` numpy array or ``array.array('i')`` in place); other
            keys (text, dates, large ints) are encoded as codes of their sorted distinct values
            and decoded in the result. With no keys every row is in one group.
        scores: question name → column of answers, or a :class:`Question` (or a mapping with
            its fields) saying the scale, the satisfied levels and whether to compute the NPS.
            A bare column is a 1..5 question with CSAT {4, 5}.
        indexes: index name → :class:`Index`, or a mapping question → weight (units "percent").
        confidence: of every interval, in (0, 1).

    Returns:
        a :class:`Grouped` (``.to_pandas()`` gives a DataFrame when pandas is installed).

    Raises:
        InvalidArgumentError: columns of different lengths or, for pandas columns, different
            labels (index; the rows are paired by position), more than three keys, duplicate
            names, a bad scale or satisfied level, NPS on a scale other than 0..10, an index
            over unknown questions or with bad weights, a bad confidence.
        OutOfRangeError: an answer that is neither a level of its scale nor missing (naming
            the question, the row and the value).
    """
    key_specs = list(keys.items())
    score_specs = [(str(name), _question(str(name), spec)) for name, spec in scores.items()]
    index_specs = [(str(name), _index(str(name), spec)) for name, spec in (indexes or {}).items()]
    if len(key_specs) > 3:
        raise InvalidArgumentError(f"{len(key_specs)} key columns given; at most 3 are allowed")
    names = [str(k) for k, _ in key_specs] + [n for n, _ in score_specs]
    names += [n for n, _ in index_specs]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise InvalidArgumentError(f"duplicate column name(s) {', '.join(duplicates)}")

    same_labels(
        [(f"key column {str(k)!r}", v) for k, v in key_specs]
        + [(f"score column {n!r}", q.data) for n, q in score_specs]
    )
    key_columns = [Int32Keys(str(name), values) for name, values in key_specs]
    answers = []
    scales = []
    for name, q in score_specs:
        scale = _scale(q.scale, f"scale of {name!r}")
        scales.append(scale)
        answers.append(int8_answers(name, q.data, scale))
    lengths = {c.name: c.size for c in key_columns}
    lengths.update({name: a[1] for (name, _), a in zip(score_specs, answers)})
    if len(set(lengths.values())) > 1:
        raise InvalidArgumentError(
            "columns differ in length: " + ", ".join(f"{k} has {v}" for k, v in lengths.items())
        )
    rows = next(iter(lengths.values()), 0)

    ks, ss, xs = len(key_columns), len(score_specs), len(index_specs)
    masks = []
    asked: Dict[str, Tuple[bool, bool]] = {}
    for (name, q), scale in zip(score_specs, scales):
        if q.satisfied is None:
            mask = levels((4, 5)) if scale == (1, 5) else 0
        else:
            mask = levels(q.satisfied)
        masks.append(mask)
        asked[name] = (mask != 0, bool(q.nps))
    position = {name: i for i, (name, _) in enumerate(score_specs)}
    index_columns: List[int] = []
    index_weights: List[float] = []
    index_sizes: List[int] = []
    index_units: List[int] = []
    for name, spec in index_specs:
        if spec.units not in INDEX_UNITS:
            raise OutOfRangeError(
                f"index {name!r}: unknown units {spec.units!r}; expected one of "
                f"{', '.join(INDEX_UNITS)}"
            )
        for question, weight in spec.weights.items():
            if question not in position:
                raise InvalidArgumentError(f"index {name!r} weighs unknown question {question!r}")
            index_columns.append(position[question])
            index_weights.append(float(weight))
        index_sizes.append(len(spec.weights))
        index_units.append(INDEX_UNITS[spec.units])

    def strings(values: Sequence[str], what: str) -> Any:
        return (c_char_p * max(len(values), 1))(*[encode_nts(v, what) for v in values])

    arrays = {
        "keys": (I32P * max(ks, 1))(*[c.pointer for c in key_columns]),
        "key_names": strings([c.name for c in key_columns], "key name"),
        "scores": (I8P * max(ss, 1))(*[a[0] for a in answers]),
        "score_names": strings([n for n, _ in score_specs], "question name"),
        "lowest": (c_int32 * max(ss, 1))(*[s[0] for s in scales]),
        "highest": (c_int32 * max(ss, 1))(*[s[1] for s in scales]),
        "satisfied": (c_uint64 * max(ss, 1))(*masks),
        "nps": (c_int32 * max(ss, 1))(*[1 if q.nps else 0 for _, q in score_specs]),
        "index_names": strings([n for n, _ in index_specs], "index name"),
        "index_sizes": (c_uint32 * max(xs, 1))(*index_sizes),
        "index_columns": (c_uint32 * max(len(index_columns), 1))(*index_columns),
        "index_weights": (c_double * max(len(index_weights), 1))(*index_weights),
        "index_units": (c_int32 * max(xs, 1))(*index_units),
    }
    spec_struct = PlaintGroupInput()
    spec_struct.size = ctypes.sizeof(PlaintGroupInput)
    spec_struct.rows = rows
    spec_struct.key_count = ks
    spec_struct.score_count = ss
    spec_struct.index_count = xs
    for field_name, value in arrays.items():
        setattr(spec_struct, field_name, ctypes.cast(value, type(getattr(spec_struct, field_name))))
    handle = c_void_p()
    lib.plaint_groups_new(byref(handle), byref(spec_struct), _confidence(confidence))
    try:
        return _collect(handle.value, key_columns, score_specs, [n for n, _ in index_specs], asked)
    finally:
        lib.plaint_groups_free(handle.value)


def _collect(
    handle: Optional[int],
    key_columns: List[Int32Keys],
    score_specs: List[Tuple[str, Question]],
    index_names: List[str],
    asked: Dict[str, Tuple[bool, bool]],
) -> Grouped:
    """Every statistic of the C result, one batch export per column."""
    count = c_size_t()
    lib.plaint_groups_count(handle, byref(count))
    n = count.value
    np = numpy_module()

    def reals(func: Any, position: int, stat: int) -> Any:
        pointer, out = out_array(n, "float64")
        func(handle, position, stat, pointer)
        return result_of(out)

    def counts(func: Any, position: int, stat: int) -> Any:
        pointer, out = out_array(n, "uint64")
        func(handle, position, stat, pointer)
        return out.view(np.int64) if np is not None else result_of(out)  # counts < 2**63

    columns: Dict[str, Any] = _Columns()
    for k, column in enumerate(key_columns):
        pointer, codes = out_array(n, "int32")
        lib.plaint_groups_export_keys(handle, k, pointer)
        columns[column.name] = column.decode(result_of(codes))
    pointer, rows = out_array(n, "uint64")
    lib.plaint_groups_export_rows(handle, pointer)
    columns["rows"] = rows.view(np.int64) if np is not None else result_of(rows)

    export, export_count = lib.plaint_groups_export, lib.plaint_groups_export_count
    for c, (q, _) in enumerate(score_specs):
        columns[f"{q}_mean"] = reals(export, c, _STAT_MEAN)
        columns[f"{q}_sd"] = reals(export, c, _STAT_MEAN_SD)
        columns[f"{q}_low"] = reals(export, c, _STAT_MEAN_LOW)
        columns[f"{q}_high"] = reals(export, c, _STAT_MEAN_HIGH)
        columns[f"{q}_percent"] = reals(export, c, _STAT_MEAN_PERCENT)
        columns[f"{q}_n"] = counts(export_count, c, _STAT_MEAN_N)
        columns[f"{q}_missing"] = counts(export_count, c, _STAT_MISSING)
        asked_csat, asked_nps = asked[q]
        if asked_csat:
            columns[f"{q}_csat"] = reals(export, c, _STAT_CSAT)
            columns[f"{q}_csat_low"] = reals(export, c, _STAT_CSAT_LOW)
            columns[f"{q}_csat_high"] = reals(export, c, _STAT_CSAT_HIGH)
            columns[f"{q}_csat_successes"] = counts(export_count, c, _STAT_CSAT_SUCCESSES)
            columns[f"{q}_csat_n"] = counts(export_count, c, _STAT_CSAT_N)
        if asked_nps:
            columns[f"{q}_nps"] = reals(export, c, _STAT_NPS)
            columns[f"{q}_nps_se"] = reals(export, c, _STAT_NPS_SE)
            columns[f"{q}_nps_low"] = reals(export, c, _STAT_NPS_LOW)
            columns[f"{q}_nps_high"] = reals(export, c, _STAT_NPS_HIGH)
            columns[f"{q}_nps_n"] = counts(export_count, c, _STAT_NPS_N)
            columns[f"{q}_promoters"] = counts(export_count, c, _STAT_NPS_PROMOTERS)
            columns[f"{q}_passives"] = counts(export_count, c, _STAT_NPS_PASSIVES)
            columns[f"{q}_detractors"] = counts(export_count, c, _STAT_NPS_DETRACTORS)
    export_index = lib.plaint_groups_export_index
    for x, name in enumerate(index_names):
        columns[name] = reals(export_index, x, _STAT_MEAN)
        columns[f"{name}_sd"] = reals(export_index, x, _STAT_MEAN_SD)
        columns[f"{name}_low"] = reals(export_index, x, _STAT_MEAN_LOW)
        columns[f"{name}_high"] = reals(export_index, x, _STAT_MEAN_HIGH)
        columns[f"{name}_percent"] = reals(export_index, x, _STAT_MEAN_PERCENT)
        columns[f"{name}_n"] = counts(lib.plaint_groups_export_index_count, x, _STAT_MEAN_N)
    return Grouped(
        tuple(c.name for c in key_columns),
        tuple(q for q, _ in score_specs),
        tuple(index_names),
        asked,
        dict(columns),
        n,
    )
