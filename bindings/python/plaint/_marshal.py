"""How Python values cross into the C library: text as UTF-8 bytes, integers checked against
the C type they become, borrowed texts copied out, and arrays — numpy arrays (pandas columns
too), ``array.array`` and plain sequences — as pointers to contiguous C arrays.

Every module of the package marshals through here, so one value is accepted (or refused, with
the same error) wherever it is given. numpy is optional: :func:`numpy_module` imports it on
first use, and :func:`loaded_numpy` only says whether it was imported (an ndarray can exist
only then). An array that already has the C layout (a C-contiguous numpy array of the right
dtype, an ``array.array`` of the right typecode) is handed to the library in place, without a
copy; anything else is converted. Each conversion returns the object that keeps the memory
alive, to be held until the C call returned.
"""

from __future__ import annotations

import array
import ctypes
import datetime as _dt
import math
import operator
import re
import sys
from ctypes import POINTER, c_char_p, c_double, c_int8, c_int32, c_int64, c_uint32, c_uint64
from typing import Any, Callable, List, Optional, Sequence, Tuple, Union

from ._error import (
    ArithmeticOverflowError,
    EncodingError,
    Error,
    InvalidArgumentError,
    OutOfRangeError,
    TooLargeError,
)

#: Text as the API accepts it: ``str`` (encoded as UTF-8) or raw ``bytes``.
TextLike = Union[str, bytes]

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
UINT32_MAX, UINT64_MAX = 2**32 - 1, 2**64 - 1

#: The answer code of a missing answer in a score column of :func:`plaint.satisfaction.group`
#: (``PLAINT_MISSING``; ``None`` and NaN are read as missing too).
MISSING = -1

DP = POINTER(c_double)
I8P = POINTER(c_int8)
I32P = POINTER(c_int32)
I64P = POINTER(c_int64)
U32P = POINTER(c_uint32)
U64P = POINTER(c_uint64)

# ---- text ---------------------------------------------------------------------------------



def encode_str(value: object, what: str) -> bytes:
    """``value``, which must be a ``str``, in UTF-8 (text keys such as handler and team ids).

    Raises:
        TypeError: ``value`` is not a ``str``.
        EncodingError: it cannot be encoded (a lone surrogate).
    """
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str, not {type(value).__name__}")
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise EncodingError(
            f"{what} cannot be encoded as UTF-8: {exc.reason} at index {exc.start}"
        ) from None


def encode_text(value: object, what: str) -> bytes:
    """``value`` as the bytes to pass to C: a ``str`` in UTF-8, ``bytes`` as they are.

    Raises:
        TypeError: ``value`` is neither ``str`` nor bytes-like.
        EncodingError: a ``str`` that cannot be encoded (a lone surrogate).
    """
    if isinstance(value, str):
        return encode_str(value, what)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"{what} must be str or bytes, not {type(value).__name__}")


def encode_nts(value: object, what: str) -> bytes:
    """Like :func:`encode_text`, for a C parameter that is NUL-terminated (no length).

    Such a parameter cannot carry a NUL byte: the library would silently see a shorter text,
    so one is refused here with :class:`EncodingError`.
    """
    data = encode_text(value, what)
    nul = data.find(b"\0")
    if nul >= 0:
        raise EncodingError(f"{what}: embedded NUL at byte {nul}")
    return data


def borrowed(ptr: Optional[int]) -> str:
    """A borrowed NUL-terminated text of the library, copied ("" for NULL)."""
    return ctypes.string_at(ptr).decode("utf-8", errors="replace") if ptr else ""


def borrowed_text(ptr: Optional[int], length: int) -> str:
    """A borrowed text of the library given as pointer and length (not NUL-terminated),
    copied."""
    if not ptr or not length:
        return ""
    return ctypes.string_at(ptr, length).decode("utf-8", errors="replace")


# ---- integers ------------------------------------------------------------------------------


def check_int32(value: object, what: str) -> int:
    """``value`` as an int that fits an int32_t; :class:`OutOfRangeError` if it does not."""
    number = as_int(value, what)
    if not INT32_MIN <= number <= INT32_MAX:
        raise OutOfRangeError(f"{what} {number} does not fit in a 32-bit integer")
    return number


def check_int(value: object, what: str, lowest: int, highest: int) -> int:
    """``value`` as an int within ``lowest..highest``: every integer given to a C parameter of
    an unsigned or narrower type goes through here, so ctypes never wraps it.

    Raises:
        TypeError: a ``bool``, ``float`` or non-integer.
        OutOfRangeError: outside the range, naming ``what`` and the value as given.
    """
    number = as_int(value, what)
    if not lowest <= number <= highest:
        raise OutOfRangeError(f"{what} {number} is outside {lowest}..{highest}")
    return number


def check_uint32(value: object, what: str) -> int:
    """``value`` as an int that fits a uint32_t (0..2**32 - 1)."""
    return check_int(value, what, 0, UINT32_MAX)


def check_uint64(value: object, what: str) -> int:
    """``value`` as an int that fits a uint64_t or size_t (0..2**64 - 1)."""
    return check_int(value, what, 0, UINT64_MAX)


def as_int(value: object, what: str) -> int:
    """``value`` as a Python int; ``bool``, ``float`` and non-integers raise TypeError."""
    if isinstance(value, (bool, float)):
        raise TypeError(f"{what} must be an int, not {type(value).__name__}")
    try:
        return operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{what} must be an int, not {type(value).__name__}") from None


# ---- labels ----------------------------------------------------------------------------

def labels_of(values: Any) -> Any:
    """The labels (index) of a pandas Series or DataFrame; None for anything else."""
    pd = sys.modules.get("pandas")  # a Series exists only if pandas was imported
    if pd is not None and isinstance(values, (pd.Series, pd.DataFrame)):
        return values.index
    return None


def same_labels(columns: Sequence[Tuple[str, Any]]) -> None:
    """Refuses pandas columns that would be paired by position although their labels differ.

    Columns are read by position; two Series whose indexes differ (another order, other rows)
    would pair the values of different rows without a word. Such columns are refused; align
    them first (``b.reindex(a.index)``). Plain sequences and numpy arrays carry no labels.

    Raises:
        InvalidArgumentError: naming the two columns.
    """
    first: Optional[Tuple[str, Any]] = None
    for name, values in columns:
        index = labels_of(values)
        if index is None:
            continue
        if first is None:
            first = (name, index)
        elif not index.equals(first[1]):
            raise InvalidArgumentError(
                f"{name} and {first[0]} are pandas objects with different labels (index); "
                f"they would be paired by position: align them first, e.g. with "
                f"{name}.reindex({first[0]}.index)"
            )


# ---- arrays --------------------------------------------------------------------------------

_numpy_cache: List[Any] = []  # [module or None] once looked for


def numpy_module() -> Any:
    """numpy, imported on first use; None when it cannot be imported."""
    if not _numpy_cache:
        try:
            import numpy
        except ImportError:
            numpy = None  # type: ignore[assignment]
        _numpy_cache.append(numpy)
    return _numpy_cache[0]


def loaded_numpy() -> Any:
    """numpy when it has been imported (an ndarray can exist only then); else None."""
    return sys.modules.get("numpy")


def as_numpy(values: Any) -> Any:
    """``values`` as a numpy array when it is one or exposes ``__array__`` (a pandas column);
    else None."""
    np = loaded_numpy()
    if np is None:
        return None
    if isinstance(values, np.ndarray):
        return values
    if hasattr(values, "__array__") and not isinstance(values, (array.array, memoryview)):
        return np.asarray(values)
    return None


def sequence_items(values: Any, what: str) -> List[Any]:
    """A plain sequence's items; TypeError for text or a non-iterable."""
    if isinstance(values, (str, bytes, bytearray)):
        raise TypeError(f"{what} must be a sequence of numbers, not {type(values).__name__}")
    try:
        return list(values)
    except TypeError:
        raise TypeError(
            f"{what} must be a list, tuple, array.array or numpy array, "
            f"not {type(values).__name__}"
        ) from None


def doubles(values: Any, what: str) -> Tuple[Any, int, Any]:
    """``values`` as (pointer to doubles for C, length, object keeping the memory alive).

    A C-contiguous one-dimensional numpy float64 array and an ``array.array('d')`` are passed
    in place; another numpy array of numbers is converted by numpy, anything else item by item.
    """
    arr = as_numpy(values)
    if arr is not None:
        np = loaded_numpy()
        if arr.ndim != 1:
            raise InvalidArgumentError(f"{what} must be one-dimensional, not {arr.ndim}-D")
        if arr.dtype.kind not in "iuf":
            raise TypeError(f"{what} must hold numbers, not {arr.dtype}")
        if arr.dtype != np.float64 or not arr.flags.c_contiguous:
            arr = np.ascontiguousarray(arr, dtype=np.float64)
        return arr.ctypes.data_as(DP), int(arr.shape[0]), arr
    if isinstance(values, array.array) and values.typecode == "d":
        n = len(values)
        return (c_double * n).from_buffer(values), n, values
    items = sequence_items(values, what)
    for i, v in enumerate(items):
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            continue
        if isinstance(v, (bool, str, bytes)):
            raise TypeError(f"{what}[{i}] must be a number, not {type(v).__name__}")
        try:
            items[i] = float(v)
        except (TypeError, ValueError):
            raise TypeError(f"{what}[{i}] must be a number, not {type(v).__name__}") from None
    buffer = array.array("d", items)
    n = len(buffer)
    return (c_double * n).from_buffer(buffer), n, buffer


def _is_missing(value: Any) -> bool:
    """None, a float NaN (numpy's too) or pandas' NA: how pandas marks a missing answer."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    pd = sys.modules.get("pandas")
    if pd is not None and value is pd.NA:
        return True
    np = loaded_numpy()
    return np is not None and isinstance(value, np.floating) and bool(np.isnan(value))


def _nullable_as_floats(values: Any, what: str) -> Any:
    """A pandas column of a nullable extension type (``Int64``, ``Float64``...) as a float64
    array with NaN for its NA; anything else as it is."""
    pd = sys.modules.get("pandas")
    np = loaded_numpy()
    if (
        pd is not None
        and np is not None
        and isinstance(values, (pd.Series, pd.Index, pd.api.extensions.ExtensionArray))
        and not isinstance(values.dtype, np.dtype)
        and not isinstance(values.dtype, pd.CategoricalDtype)
    ):
        if values.dtype.kind not in "iuf":
            raise TypeError(f"{what} must hold numbers, not {values.dtype}")
        return values.to_numpy(dtype="float64", na_value=np.nan)
    return values


def answer_doubles(values: Any, what: str) -> Tuple[Any, int, Any, Optional[List[int]], int]:
    """Answers as :func:`doubles`, the missing ones left out: None, NaN and pandas' NA (the
    gaps of a nullable ``Int64`` or ``Float64`` column) are missing answers. Returns (pointer,
    answers kept, keep-alive, the input positions of the answers kept — None when nothing was
    missing —, answers missing).

    A float64 array without NaN is still passed in place.
    """
    np = loaded_numpy()
    values = _nullable_as_floats(values, what)
    arr = as_numpy(values)
    if arr is not None and arr.ndim == 1 and arr.dtype.kind in "fO":
        if arr.dtype.kind == "O":
            return answer_doubles(list(arr), what)
        gaps = np.isnan(arr)
        if gaps.any():
            kept = np.flatnonzero(~gaps)
            pointer, n, keep = doubles(np.ascontiguousarray(arr[kept]), what)
            return pointer, n, keep, kept.tolist(), int(arr.shape[0]) - n
        pointer, n, keep = doubles(arr, what)
        return pointer, n, keep, None, 0
    if arr is not None or isinstance(values, array.array):
        if isinstance(values, array.array) and values.typecode in "fd":
            if any(math.isnan(v) for v in values):
                return answer_doubles(list(values), what)
        pointer, n, keep = doubles(values, what)
        return pointer, n, keep, None, 0
    items = sequence_items(values, what)
    kept_items = [i for i, v in enumerate(items) if not _is_missing(v)]
    if len(kept_items) == len(items):
        pointer, n, keep = doubles(items, what)
        return pointer, n, keep, None, 0
    pointer, n, keep = doubles([items[i] for i in kept_items], what)
    return pointer, n, keep, kept_items, len(items) - n


def renumbered(exc: Error, kept: Optional[List[int]]) -> Error:
    """``exc`` of a call on the answers :func:`answer_doubles` kept, with its "at index i"
    naming the input's position rather than the position among the answers kept."""
    if kept is None:
        return exc
    message = re.sub(
        r"at index (\d+)",
        lambda m: f"at index {kept[int(m.group(1))]}" if int(m.group(1)) < len(kept) else m[0],
        exc.message,
    )
    return type(exc)(message, exc.code, exc.pointer, exc.line, exc.column, exc.problems)


def double_matrix(matrix: Any, what: str) -> Tuple[Any, int, Any]:
    """A square matrix (nested sequences or a 2-D numpy array) as (row-major doubles, n,
    keep-alive); a C-contiguous float64 array is passed in place."""
    arr = as_numpy(matrix)
    if arr is not None:
        np = loaded_numpy()
        if arr.ndim != 2 or arr.shape[0] != arr.shape[1]:
            raise InvalidArgumentError(f"{what} must be a square matrix, not of shape {arr.shape}")
        if arr.dtype.kind not in "iuf":
            raise TypeError(f"{what} must hold numbers, not {arr.dtype}")
        if arr.dtype != np.float64 or not arr.flags.c_contiguous:
            arr = np.ascontiguousarray(arr, dtype=np.float64)
        return arr.ctypes.data_as(DP), int(arr.shape[0]), arr
    rows = sequence_items(matrix, what)
    n = len(rows)
    flat: List[Any] = []
    for i, row in enumerate(rows):
        cells = sequence_items(row, f"{what} row {i}")
        if len(cells) != n:
            raise InvalidArgumentError(
                f"{what} must be square: it has {n} rows but row {i} has {len(cells)} cells"
            )
        flat.extend(cells)
    pointer, _, keep = doubles(flat, what)
    return pointer, n, keep


def double_rows(answers: Any, what: str) -> Tuple[Any, int, int, Any]:
    """Respondents × items answers (nested sequences or a 2-D numpy array) as (row-major
    doubles, rows, items, keep-alive)."""
    arr = as_numpy(answers)
    if arr is not None:
        np = loaded_numpy()
        if arr.ndim != 2:
            raise InvalidArgumentError(f"{what} must be two-dimensional, not {arr.ndim}-D")
        if arr.dtype.kind not in "iuf":
            raise TypeError(f"{what} must hold numbers, not {arr.dtype}")
        if arr.dtype != np.float64 or not arr.flags.c_contiguous:
            arr = np.ascontiguousarray(arr, dtype=np.float64)
        return arr.ctypes.data_as(DP), int(arr.shape[0]), int(arr.shape[1]), arr
    rows = sequence_items(answers, what)
    width = -1
    flat: List[Any] = []
    for i, row in enumerate(rows):
        cells = sequence_items(row, f"{what} row {i}")
        if width < 0:
            width = len(cells)
        elif len(cells) != width:
            raise InvalidArgumentError(
                f"{what} row {i} has {len(cells)} answers; row 0 has {width}"
            )
        flat.extend(cells)
    pointer, _, keep = doubles(flat, what)
    return pointer, len(rows), max(width, 0), keep


# The element types of the arrays the library fills: numpy dtype name -> (ctypes type, pointer).
_OUT_TYPES = {
    "float64": (c_double, DP),
    "int32": (c_int32, I32P),
    "int64": (c_int64, I64P),
    "uint64": (c_uint64, U64P),
}


def out_array(n: int, dtype: str, zeroed: bool = False) -> Tuple[Any, Any]:
    """A new array of ``n`` values of ``dtype`` ("float64", "int32", "int64", "uint64") for
    the library to fill: (pointer, array). The array is a numpy array when numpy can be
    imported, else a ctypes array (zeroed); :func:`result_of` gives it to the caller."""
    ctype, pointer = _OUT_TYPES[dtype]
    np = numpy_module()
    if np is not None:
        arr = np.zeros(n, dtype=dtype) if zeroed else np.empty(n, dtype=dtype)
        return arr.ctypes.data_as(pointer), arr
    buffer = (ctype * n)()
    return ctypes.cast(buffer, pointer), buffer


def result_of(array: Any) -> Any:
    """An array of :func:`out_array` as a result: the numpy array, or a list of the ctypes
    array's values."""
    return list(array) if isinstance(array, ctypes.Array) else array


def out_doubles(n: int) -> Tuple[Any, Any]:
    """A new array of n doubles for the library to fill: (pointer, array)."""
    return out_array(n, "float64")


def _check_range(values: Any, what: str, lowest: int, highest: int) -> None:
    """Raises OutOfRangeError "at row i: ..." for the first value outside lowest..highest."""
    if (lowest, highest) == (INT64_MIN, INT64_MAX) or not len(values):
        return
    np = loaded_numpy()
    if np is not None and isinstance(values, np.ndarray):
        bad = (values < lowest) | (values > highest)
        if not bad.any():
            return
        row = int(np.argmax(bad))
    else:
        row = next((i for i, v in enumerate(values) if not lowest <= v <= highest), -1)
        if row < 0:
            return
    raise OutOfRangeError(
        f"at row {row}: {what} {int(values[row])} is outside {lowest}..{highest}"
    )


def datetime_kind(values: Any) -> Optional[str]:
    """How instants came in, to give datetimes back: "series" (a pandas column of datetimes),
    "numpy" (a datetime64 array), "list" (a sequence of datetimes), or None (seconds)."""
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(values, pd.Series):
        return "series" if values.dtype.kind == "M" else None
    np = loaded_numpy()
    if np is not None and isinstance(values, np.ndarray):
        return "numpy" if values.dtype.kind == "M" else None
    if isinstance(values, (list, tuple)) and values and isinstance(values[0], _dt.datetime):
        return "list"
    return None


def _seconds_of(values: Any, what: str, kind: Optional[str]) -> Any:
    """A numpy datetime64 (``kind`` "instant") or timedelta64 (``kind`` "duration") array as
    int64 seconds: instants floored to the second (as datetimes are), durations whole seconds
    only; NaT refused."""
    np = loaded_numpy()
    is_time = values.dtype.kind == "M"
    if kind != ("instant" if is_time else "duration"):
        expected = "durations (seconds)" if kind == "duration" else "instants (UTC seconds)"
        raise TypeError(f"{what} must hold {expected}, not {values.dtype}")
    nat = np.isnat(values)
    if nat.any():
        raise InvalidArgumentError(f"at row {int(np.argmax(nat))}: {what} is NaT (no time)")
    seconds = values.astype("datetime64[s]" if is_time else "timedelta64[s]")
    if not is_time and (seconds != values).any():
        row = int(np.argmax(seconds != values))
        raise OutOfRangeError(
            f"at row {row}: {what} {values[row]} is not a whole number of seconds"
        )
    return seconds.view(np.int64)


def int64s(
    values: object,
    what: str,
    convert: Callable[[object, str], int],
    lowest: int = INT64_MIN,
    highest: int = INT64_MAX,
    kind: Optional[str] = None,
) -> Tuple[Any, int, Any]:
    """``values`` as (pointer for C, length, object keeping the memory alive).

    A contiguous numpy int64 array and an ``array.array('q')`` are used in place. Another numpy
    array of integers, a pandas column, and — for ``kind`` "instant" or "duration" — a numpy
    ``datetime64`` or ``timedelta64`` array or a pandas column of them (aware ones converted to
    UTC; naive ones read as UTC, as numpy reads them) are converted by numpy, without Python
    work per item; any other iterable is read item by item with ``convert`` (so lists may hold
    datetimes or timedeltas). Arrays are checked against ``lowest..highest`` (``convert``
    checks the items of other iterables).
    """
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(values, (pd.Series, pd.Index)):
        if isinstance(values.dtype, pd.DatetimeTZDtype):
            values = values.to_numpy(dtype="datetime64[ns]")  # the UTC instants
        elif values.dtype.kind in "iumM":
            values = values.to_numpy()
    np = sys.modules.get("numpy")  # an ndarray exists only if numpy was imported
    if np is not None and isinstance(values, np.ndarray):
        if values.ndim != 1:
            raise InvalidArgumentError(f"{what} must be one-dimensional, not {values.ndim}-D")
        if values.dtype.kind in "mM":
            values = _seconds_of(values, what, kind)
        if values.dtype.kind not in "iu":
            raise TypeError(f"{what} must hold integers (seconds), not {values.dtype}")
        if values.dtype != np.int64 or not values.flags.c_contiguous:
            if values.dtype.kind == "u" and values.size and int(values.max()) > INT64_MAX:
                raise ArithmeticOverflowError(f"{what} holds a value beyond int64")
            values = np.ascontiguousarray(values, dtype=np.int64)
        _check_range(values, what, lowest, highest)
        return values.ctypes.data_as(I64P), int(values.shape[0]), values
    if isinstance(values, array.array) and values.typecode == "q":
        if (lowest, highest) != (INT64_MIN, INT64_MAX):
            _check_range(values, what, lowest, highest)
        n = len(values)
        return (c_int64 * n).from_buffer(values), n, values
    if isinstance(values, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"{what} must be a sequence of numbers, not {type(values).__name__}")
    try:
        items = list(values)  # type: ignore[call-overload]
    except TypeError:
        raise TypeError(
            f"{what} must be a list, tuple, array.array or numpy array, "
            f"not {type(values).__name__}"
        ) from None
    buffer = (c_int64 * len(items))(*[convert(v, f"{what}[{i}]") for i, v in enumerate(items)])
    return buffer, len(items), buffer


# ---- batch columns ----------------------------------------------------------------------


def int32_column(
    values: Any,
    what: str,
    convert: Callable[[object, str], int],
    lowest: int = INT32_MIN,
    highest: int = INT32_MAX,
) -> Tuple[Any, int, Any]:
    """A column of int32 values within ``lowest..highest`` as (pointer, length, keep-alive).

    A numpy array of integers is range-checked and converted by numpy, with no Python work
    per element (a C-contiguous int32 array is used in place); a numpy array of other values
    (names, a pandas categorical...) converts each distinct value once with ``convert``; any
    other sequence converts item by item. A value out of range raises
    :class:`OutOfRangeError` "at row i: <what> <value> is outside lowest..highest".
    """
    arr = as_numpy(values)
    if arr is not None:
        np = loaded_numpy()
        if arr.ndim != 1:
            raise InvalidArgumentError(f"{what} must be one-dimensional, not {arr.ndim}-D")
        if arr.dtype.kind in "iu":
            if arr.size:
                bad = (arr < lowest) | (arr > highest)
                if bad.any():
                    row = int(np.argmax(bad))
                    raise OutOfRangeError(
                        f"at row {row}: {what} {int(arr[row])} is outside {lowest}..{highest}"
                    )
            if arr.dtype != np.int32 or not arr.flags.c_contiguous:
                arr = np.ascontiguousarray(arr, dtype=np.int32)
            return arr.ctypes.data_as(I32P), int(arr.shape[0]), arr
        if arr.dtype.kind in "fcmMb":
            raise TypeError(f"{what} must hold integers or names, not {arr.dtype}")
        try:
            uniques, inverse = np.unique(arr, return_inverse=True)
        except TypeError:  # values that do not sort: one by one
            return int32_column(list(arr), what, convert, lowest, highest)
        codes = np.empty(len(uniques), dtype=np.int32)
        for k, value in enumerate(uniques):
            try:
                code = convert(value, what)
            except Error as exc:
                row = int(np.argmax(inverse == k))
                raise type(exc)(f"at row {row}: {exc.message}", exc.code) from None
            if not lowest <= code <= highest:
                row = int(np.argmax(inverse == k))
                raise OutOfRangeError(f"at row {row}: {what} {code} is outside {lowest}..{highest}")
            codes[k] = code
        out = np.ascontiguousarray(codes[inverse], dtype=np.int32)
        return out.ctypes.data_as(I32P), int(out.shape[0]), out
    items = sequence_items(values, what)
    buffer = (c_int32 * len(items))()
    for row, value in enumerate(items):
        try:
            code = convert(value, what)
        except Error as exc:
            raise type(exc)(f"at row {row}: {exc.message}", exc.code) from None
        if not lowest <= code <= highest:
            raise OutOfRangeError(f"at row {row}: {what} {code} is outside {lowest}..{highest}")
        buffer[row] = code
    return ctypes.cast(buffer, I32P), len(items), buffer


def text_column(values: Any, what: str, limit: int) -> Tuple[Any, int, Any]:
    """A column of texts as (``char *`` pointers, length, keep-alive): ``str`` encoded as
    UTF-8, ``bytes`` checked to be UTF-8, None as NULL (the library reads ""), each without a
    NUL byte and at most ``limit`` bytes, as a complaint's text fields must be.

    Raises:
        EncodingError: a NUL byte, invalid UTF-8 or a lone surrogate ("at row i: ...").
        TooLargeError: a text over ``limit`` bytes.
        TypeError: a value that is neither text nor None.
    """
    items = sequence_items(values, what)
    encoded: List[Optional[bytes]] = []
    for row, value in enumerate(items):
        if value is None:
            encoded.append(None)
            continue
        try:
            data = encode_nts(value, what)
        except EncodingError as exc:
            raise EncodingError(f"at row {row}: {exc.message}") from None
        except TypeError as exc:
            raise TypeError(f"at row {row}: {exc}") from None
        if not isinstance(value, str):
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"at row {row}: {what} is not valid UTF-8: {exc.reason} at byte {exc.start}"
                ) from None
        if len(data) > limit:
            raise TooLargeError(
                f"at row {row}: {what} is {len(data)} bytes, over the limit of {limit}"
            )
        encoded.append(data)
    buffer = (c_char_p * len(encoded))(*encoded)
    return ctypes.cast(buffer, POINTER(c_char_p)), len(encoded), (buffer, encoded)


# ---- the columns of grouped scores ---------------------------------------------------------


class Int32Keys:
    """A key column ready for C: int32 values (in place when they already are), and the
    values the codes stand for when the keys had to be encoded."""

    def __init__(self, name: str, values: Any) -> None:
        self.name = name
        self.labels: Any = None  # code -> original key, when encoded
        arr = as_numpy(values)
        if arr is not None:
            np = loaded_numpy()
            if arr.ndim != 1:
                raise InvalidArgumentError(f"key column {name!r} must be one-dimensional")
            if arr.dtype == np.int32 and arr.flags.c_contiguous:
                self._set(arr.ctypes.data_as(I32P), int(arr.shape[0]), arr)
                return
            if arr.dtype.kind in "iu" and (
                arr.size == 0 or (int(arr.min()) >= -(2**31) and int(arr.max()) < 2**31)
            ):
                arr = np.ascontiguousarray(arr, dtype=np.int32)
                self._set(arr.ctypes.data_as(I32P), int(arr.shape[0]), arr)
                return
            if arr.dtype.kind == "O":
                self._from_list(list(arr))
                return
            try:
                uniques, codes = np.unique(arr, return_inverse=True)
            except TypeError as exc:
                raise TypeError(f"key column {name!r}: {exc}") from None
            codes = np.ascontiguousarray(codes, dtype=np.int32)
            self.labels = uniques
            self._set(codes.ctypes.data_as(I32P), int(codes.shape[0]), codes)
            return
        if isinstance(values, array.array) and values.typecode in "il" and values.itemsize == 4:
            n = len(values)
            self._set(ctypes.cast((c_int32 * n).from_buffer(values), I32P), n, values)
            return
        self._from_list(sequence_items(values, f"key column {name!r}"))

    def _from_list(self, items: List[Any]) -> None:
        if all(
            isinstance(v, int) and not isinstance(v, bool) and -(2**31) <= v < 2**31
            for v in items
        ):
            buffer = array.array("i", items) if array.array("i").itemsize == 4 else None
            if buffer is not None:
                n = len(buffer)
                self._set(ctypes.cast((c_int32 * n).from_buffer(buffer), I32P), n, buffer)
                return
            ints = (c_int32 * len(items))(*items)
            self._set(ctypes.cast(ints, I32P), len(items), ints)
            return
        self._encode_list(items)

    def _set(self, pointer: Any, n: int, keep: Any) -> None:
        self.pointer, self.size, self._keep = pointer, n, keep

    def _encode_list(self, items: List[Any]) -> None:
        """Keys that are not int32 (text, dates...) as codes of their sorted distinct values."""
        try:
            uniques = sorted(set(items))
        except TypeError as exc:
            raise TypeError(
                f"key column {self.name!r} must hold ints or values that sort and hash: {exc}"
            ) from None
        code_of = {v: i for i, v in enumerate(uniques)}
        codes = (c_int32 * len(items))(*[code_of[v] for v in items])
        self.labels = uniques
        self._set(ctypes.cast(codes, I32P), len(items), codes)

    def decode(self, codes: Any) -> Any:
        if self.labels is None:
            return codes
        np = loaded_numpy()
        if np is not None and isinstance(self.labels, np.ndarray):
            return self.labels[np.asarray(codes, dtype=np.intp)]
        values = [self.labels[int(c)] for c in codes]
        if np is not None and isinstance(codes, np.ndarray):
            out = np.empty(len(values), dtype=object)
            out[:] = values
            return out
        return values


def _bad_answer(name: str, row: int, value: Any, scale: Tuple[int, int]) -> OutOfRangeError:
    return OutOfRangeError(
        f"score column '{name}' row {row}: answer {value} is neither a level of the scale "
        f"{scale[0]}..{scale[1]} nor missing ({MISSING})"
    )


def int8_answers(name: str, values: Any, scale: Tuple[int, int]) -> Tuple[Any, int, Any]:
    """A score column as (int8 pointer for C, rows, keep-alive): an int8 numpy array or an
    ``array.array('b')`` in place; other arrays and lists converted, None, NaN and pandas' NA
    becoming
    ``MISSING``, and answers that cannot be int8 refused here (the library checks the
    scale)."""
    values = _nullable_as_floats(values, f"score column {name!r}")
    arr = as_numpy(values)
    if arr is not None:
        np = loaded_numpy()
        if arr.ndim != 1:
            raise InvalidArgumentError(f"score column {name!r} must be one-dimensional")
        if arr.dtype == np.int8 and arr.flags.c_contiguous:
            return arr.ctypes.data_as(I8P), int(arr.shape[0]), arr
        if arr.dtype.kind == "f":
            missing = np.isnan(arr)
            bad = ~missing & ((arr != np.floor(np.where(missing, 0, arr))) | ~np.isfinite(arr))
            bad |= ~missing & ((arr < -128) | (arr > 127))
            if bad.any():
                row = int(np.argmax(bad))
                raise _bad_answer(name, row, arr[row], scale)
            arr = np.where(missing, MISSING, arr)
        elif arr.dtype.kind in "iu":
            bad = (arr < -128) | (arr > 127)
            if bad.any():
                row = int(np.argmax(bad))
                raise _bad_answer(name, row, arr[row], scale)
        elif arr.dtype.kind == "O":
            return int8_answers(name, list(arr), scale)
        else:
            raise TypeError(f"score column {name!r} must hold numbers, not {arr.dtype}")
        arr = np.ascontiguousarray(arr, dtype=np.int8)
        return arr.ctypes.data_as(I8P), int(arr.shape[0]), arr
    if isinstance(values, array.array) and values.typecode == "b":
        n = len(values)
        return ctypes.cast((c_int8 * n).from_buffer(values), I8P), n, values
    items = sequence_items(values, f"score column {name!r}")
    codes = []
    for row, v in enumerate(items):
        if _is_missing(v):
            codes.append(MISSING)
            continue
        if isinstance(v, bool):
            raise TypeError(f"score column {name!r} row {row}: an answer must be a number")
        try:
            number = float(v)
        except (TypeError, ValueError):
            raise TypeError(
                f"score column {name!r} row {row}: an answer must be a number, "
                f"not {type(v).__name__}"
            ) from None
        if not math.isfinite(number) or number != math.floor(number) or not -128 <= number <= 127:
            raise _bad_answer(name, row, v, scale)
        codes.append(int(number))
    buffer = array.array("b", codes)
    n = len(buffer)
    return ctypes.cast((c_int8 * n).from_buffer(buffer), I8P), n, buffer
