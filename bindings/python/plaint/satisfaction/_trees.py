"""Indicator trees: global weights, the weighted satisfaction index of a tree (or of a profile's
:class:`plaint.Survey`) and SERVQUAL gaps."""

from __future__ import annotations

import ctypes
import math
import operator
from ctypes import POINTER, byref, c_char_p, c_double, c_int32
from typing import Any, List, Mapping, Optional, Sequence, Tuple, Union

from .._error import InvalidArgumentError
from .._lib import PlaintIndicatorTree, lib
from .._marshal import DP, I32P, doubles, encode_nts, labels_of, same_labels, sequence_items
from .. import _survey
from ._results import Indicator, ItemWeight, ScaleLike, Servqual, WeightedIndex, _scale


TreeLike = Union["_survey.Survey", Sequence[Any]]


def _indicator(node: Any, where: str) -> Indicator:
    """An Indicator from an Indicator or a mapping {"name", "weight", "scale", "children" or
    "items"}; items given as plain strings are leaves of weight 1."""
    if isinstance(node, Indicator):
        return node
    if isinstance(node, str):
        return Indicator(node)
    if isinstance(node, Mapping):
        children = node.get("children", node.get("items", ()))
        return Indicator(
            name=str(node["name"]),
            weight=float(node.get("weight", 1.0)),
            scale=_scale(node.get("scale", (1, 5)), f"{where} scale"),
            children=tuple(
                _indicator(c, f"{where}/{i}") for i, c in enumerate(sequence_items(children, where))
            ),
        )
    raise TypeError(f"{where} must be an Indicator, a mapping or a name, not {type(node).__name__}")


class _FlatTree:
    """An indicator tree as the columns of ``plaint_indicator_tree``, in pre-order (so the
    leaves in array order are the items in depth-first order)."""

    def __init__(self, tree: TreeLike) -> None:
        roots = tree.dimensions if isinstance(tree, _survey.Survey) else tree
        nodes = [_indicator(r, f"tree[{i}]") for i, r in enumerate(sequence_items(roots, "tree"))]
        self.parent: List[int] = []
        self.weight: List[float] = []
        self.lowest: List[int] = []
        self.highest: List[int] = []
        self.names: List[bytes] = []
        self.paths: List[str] = []
        self.scales: List[ScaleLike] = []
        self.leaves: List[int] = []  # node index of each item, depth-first
        stack: List[Tuple[Indicator, int, str]] = [(n, -1, "") for n in reversed(nodes)]
        while stack:
            node, parent, prefix = stack.pop()
            index = len(self.parent)
            path = f"{prefix}/{node.name}" if prefix else node.name
            self.parent.append(parent)
            self.weight.append(float(node.weight))
            lo, hi = _scale(node.scale, f"scale of {path!r}")
            self.lowest.append(lo)
            self.highest.append(hi)
            self.names.append(encode_nts(node.name, "indicator name"))
            self.paths.append(path)
            self.scales.append((lo, hi))
            if not node.children:
                self.leaves.append(index)
            for child in reversed(node.children):
                stack.append((_indicator(child, path), index, path))
        n = len(self.parent)
        self._arrays = (
            (c_int32 * n)(*self.parent),
            (c_double * n)(*self.weight),
            (c_int32 * n)(*self.lowest),
            (c_int32 * n)(*self.highest),
            (c_char_p * n)(*self.names),
        )
        self.struct = PlaintIndicatorTree()
        self.struct.size = ctypes.sizeof(PlaintIndicatorTree)
        self.struct.count = n
        self.struct.parent = ctypes.cast(self._arrays[0], I32P)
        self.struct.weight = ctypes.cast(self._arrays[1], DP)
        self.struct.lowest = ctypes.cast(self._arrays[2], I32P)
        self.struct.highest = ctypes.cast(self._arrays[3], I32P)
        self.struct.name = ctypes.cast(self._arrays[4], POINTER(c_char_p))

    @property
    def count(self) -> int:
        return len(self.parent)

    def items(self, weights: Any) -> Tuple[ItemWeight, ...]:
        return tuple(ItemWeight(self.paths[i], weights[i], self.scales[i]) for i in self.leaves)


def global_weights(tree: TreeLike) -> Tuple[ItemWeight, ...]:
    """The items of an indicator tree (a :class:`Survey`, or a sequence of top-level
    :class:`Indicator` s or mappings) in depth-first order, with their global weights (the
    product of the normalised local weights along the path), which sum to 1.

    Raises:
        InvalidArgumentError: no indicators, a negative or non-finite weight, siblings whose
            weights sum to 0, a bad scale, a tree deeper than 32 levels.
    """
    flat = _FlatTree(tree)
    out = (c_double * max(flat.count, 1))()
    lib.plaint_global_weights(byref(flat.struct), ctypes.cast(out, DP))
    return flat.items(out)


def weighted_index(tree: TreeLike, item_scores: Any) -> WeightedIndex:
    """The weighted satisfaction index of an indicator tree (DOMAIN.md §6): each item's score
    rescaled to 0..100 on its scale and weighted by its global weight.

    Args:
        tree: a :class:`Survey` (a profile's definition), or a sequence of top-level
            :class:`Indicator` s or mappings ``{"name", "weight", "scale", "children"}``.
        item_scores: the items' mean answers (real numbers within their scales): a mapping
            or a pandas Series from an item's path ("service_quality/attitude") to its score
            (read by label), or a plain sequence in the items' depth-first order.

    Raises:
        InvalidArgumentError: as :func:`global_weights`; a missing or unknown item, a count
            that differs from the items, a non-finite score.
        OutOfRangeError: a score outside its item's scale (naming the item's path).
    """
    flat = _FlatTree(tree)
    scores = [math.nan] * flat.count
    if labels_of(item_scores) is not None:  # a pandas Series: by label, never by position
        item_scores = {str(k): v for k, v in item_scores.items()}
    if isinstance(item_scores, Mapping):
        by_path = {flat.paths[i]: i for i in flat.leaves}
        unknown = sorted(set(map(str, item_scores)) - set(by_path))
        if unknown:
            raise InvalidArgumentError(
                f"unknown item(s) {', '.join(unknown)}; the items are {', '.join(by_path)}"
            )
        for path, i in by_path.items():
            if path not in item_scores:
                raise InvalidArgumentError(f"no score for item {path!r}")
            scores[i] = float(item_scores[path])
    else:
        values = sequence_items(item_scores, "item_scores")
        if len(values) != len(flat.leaves):
            raise InvalidArgumentError(
                f"the tree has {len(flat.leaves)} items but {len(values)} scores were given"
            )
        for i, v in zip(flat.leaves, values):
            scores[i] = float(v)
    given = (c_double * max(flat.count, 1))(*scores)
    rescaled = (c_double * max(flat.count, 1))()
    weights = (c_double * max(flat.count, 1))()
    out = c_double()
    lib.plaint_weighted_index(
        byref(flat.struct),
        ctypes.cast(given, DP),
        ctypes.cast(rescaled, DP),
        ctypes.cast(weights, DP),
        byref(out),
    )
    return WeightedIndex(out.value, flat.items(weights), tuple(rescaled[i] for i in flat.leaves))


def servqual(
    perception: Any,
    expectation: Any,
    dimension_of: Sequence[int],
    dimension_weights: Optional[Any] = None,
    scale: ScaleLike = (1, 7),
) -> Servqual:
    """SERVQUAL gaps: perception − expectation per item, per dimension (the mean of its
    items) and overall, unweighted and weighted.

    Args:
        perception: each item's mean perception score.
        expectation: each item's mean expectation score.
        dimension_of: each item's dimension, 0..dimensions − 1.
        dimension_weights: one non-negative weight per dimension (e.g. the 100 points customers
            allocate), normalised; None for equal weights. The number of dimensions is the
            number of weights, else the largest dimension index + 1.
        scale: the scores' scale (1..7 is usual).

    Raises:
        InvalidArgumentError: lists of different lengths, no items, a dimension without items
            or out of range, a bad weight, a non-finite score.
        OutOfRangeError: a score outside the scale.
    """
    lowest, highest = _scale(scale)
    same_labels(
        [("perception", perception), ("expectation", expectation), ("dimension_of", dimension_of)]
    )
    pp, n, keep_p = doubles(perception, "perception")
    pe, ne, keep_e = doubles(expectation, "expectation")
    dims = [operator.index(d) for d in sequence_items(dimension_of, "dimension_of")]
    if ne != n or len(dims) != n:
        raise InvalidArgumentError(
            f"perception has {n} items, expectation {ne}, dimension_of {len(dims)}"
        )
    for i, d in enumerate(dims):
        if not -(2**31) <= d < 2**31:
            raise InvalidArgumentError(f"dimension_of[{i}] is {d}; out of range")
    wp: Any = None
    keep_w: Any = None
    if dimension_weights is not None:
        wp, k, keep_w = doubles(dimension_weights, "dimension_weights")
    else:
        k = max(dims, default=-1) + 1
    dim_array = (c_int32 * max(n, 1))(*dims)
    item_gaps = (c_double * max(n, 1))()
    dimension_gaps = (c_double * max(k, 1))()
    unweighted, weighted = c_double(), c_double()
    lib.plaint_servqual(
        pp,
        pe,
        ctypes.cast(dim_array, I32P),
        n,
        k,
        wp,
        lowest,
        highest,
        ctypes.cast(item_gaps, DP),
        ctypes.cast(dimension_gaps, DP),
        byref(unweighted),
        byref(weighted),
    )
    del keep_p, keep_e, keep_w
    return Servqual(
        tuple(item_gaps[:n]), tuple(dimension_gaps[:k]), unweighted.value, weighted.value
    )
