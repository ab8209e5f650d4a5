"""The monthly report (the C++ header ``report.hpp``): the :class:`Ledger` methods that compute
it for one month and give it as a dict, a CSV table, an HTML page, files or a pandas DataFrame.
:class:`plaint.Ledger` inherits :class:`ReportMethods`."""

from __future__ import annotations

import ctypes
import importlib
import io
import json
import math
import os
import threading
from ctypes import POINTER, byref, c_char_p, c_size_t, c_void_p
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Union

from ._handle import PathLike, Source, path_bytes, source_bytes
from ._lib import PlaintReportOptions, lib, take_string
from ._error import InvalidArgumentError
from ._marshal import UINT32_MAX, check_int, encode_nts
from ._time import InstantLike, to_instant


def _csv_number(text: str) -> float:
    """A cell of the report's ``value`` column as a number: NaN when empty or text."""
    try:
        return float(text) if text else math.nan
    except ValueError:
        return math.nan


def _csv_text(text: str) -> str:
    """A cell of the report's ``value`` column as text: the text when it is no number."""
    try:
        float(text)
    except ValueError:
        return text
    return ""


def _fraction(value: Any, what: str, low: float, high: float, closed_high: bool) -> float:
    """``value`` as a float in (low, high) or (low, high]; InvalidArgumentError naming
    ``what`` otherwise (0, which the C options read as "unset", included)."""
    if isinstance(value, (bool, str, bytes)):
        raise TypeError(f"{what} must be a number, not {type(value).__name__}")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"{what} must be a number, not {type(value).__name__}") from None
    inside = low < number < high or (closed_high and number == high)
    if not inside:
        upper = "]" if closed_high else ")"
        raise InvalidArgumentError(
            f"{what} must be in ({low:g}, {high:g}{upper}, not {value!r}; None means the default"
        )
    return number


def set_surveys(o: Any, surveys: Union[Source, Sequence[Source]], keep: List[Any]) -> None:
    """Stores survey documents in the options struct ``o`` (``surveys``, ``survey_lens``,
    ``survey_count``: the report's and staff performance's): one source or a list of them, each
    text or a path; the arrays go into ``keep``, which the caller holds across the C call.

    Raises:
        TypeError: a source that is neither text nor a path.
        FileError: a file that cannot be read.
    """
    items: Sequence[Source]
    if isinstance(surveys, (str, bytes, bytearray, memoryview, os.PathLike)):
        items = [surveys]
    else:
        items = list(surveys)
    texts = [source_bytes(s, "surveys") for s in items]
    n = len(texts)
    arr = (c_char_p * n)(*texts)
    lens = (c_size_t * n)(*[len(t) for t in texts])
    keep.extend((texts, arr, lens))
    o.surveys = ctypes.cast(arr, POINTER(c_char_p))
    o.survey_lens = ctypes.cast(lens, POINTER(c_size_t))
    o.survey_count = n


class ReportMethods:
    """The report methods of :class:`plaint.Ledger` (which provides ``_lock`` and ``_live``)."""

    _lock: threading.RLock

    def _live(self) -> int:  # pragma: no cover - Ledger's
        raise NotImplementedError

    def _options(
        self,
        month: Optional[str],
        surveys: Union[None, Source, Sequence[Source]],
        timezone: Optional[str],
        as_of: Optional[InstantLike],
        confidence: Optional[float],
        csat_target: Optional[float],
        top: Optional[int],
        keep: List[Any],
    ) -> PlaintReportOptions:
        o = PlaintReportOptions()
        o.size = ctypes.sizeof(PlaintReportOptions)
        if month is not None:
            o.month = encode_nts(month, "month")
        if timezone is not None:
            o.timezone = encode_nts(timezone, "timezone")
        if as_of is not None:
            o.has_as_of = 1
            o.as_of = to_instant(as_of, "as_of")
        # The options struct reads 0 as "the default": None is the default here, and a value
        # the struct would read as unset (0) is refused rather than guessed.
        if confidence is not None:
            o.confidence = _fraction(confidence, "confidence", 0.0, 1.0, closed_high=False)
        if csat_target is not None:
            o.csat_target = _fraction(csat_target, "csat_target", 0.0, 1.0, closed_high=True)
        if top is not None:
            o.top = check_int(top, "top", 1, UINT32_MAX)
        if surveys is not None:
            set_surveys(o, surveys, keep)
        return o

    def _report(self, func: Any, **kwargs: Any) -> str:
        keep: List[Any] = []
        o = self._options(keep=keep, **kwargs)
        out = c_void_p()
        with self._lock:
            func(self._live(), byref(o), byref(out))
        del keep
        return take_string(out.value)

    def report(
        self,
        month: Optional[str] = None,
        surveys: Union[None, Source, Sequence[Source]] = None,
        *,
        timezone: Optional[str] = None,
        as_of: Optional[InstantLike] = None,
        confidence: Optional[float] = None,
        csat_target: Optional[float] = None,
        top: Optional[int] = None,
    ) -> Dict[str, Any]:
        """The monthly report (DOMAIN.md §4–6) as a dict with the stable keys of the report's
        JSON: ``plaint_report``, ``month``, ``previous_month``, ``timezone``, ``from``, ``to``,
        ``as_of``, ``profile``, ``confidence``, ``csat_target``, ``complaints``,
        ``main_issues``, ``sla``, ``escalations``, ``return_visits``, ``satisfaction``,
        ``heatmaps`` (undefined figures are None).

        Args:
            month: "YYYY-MM"; None: the month of the latest complaint.
            surveys: return-visit survey responses as CSV (the form of
                examples/data/sample/surveys-*.csv): one source or a list of them, each text or
                a path; give the month's and the month before's for the change and the trend.
            timezone: the estate's zone (IANA or POSIX TZ); None: the profile's.
            as_of: the instant the clocks are read at; None: the end of the month.
            confidence: of every interval, in (0, 1); None: 0.95.
            csat_target: the satisfaction target, in (0, 1]; None: 0.85.
            top: main issues listed, 1 to 2**32 - 1; None: 10.

        Raises:
            ParseError, OutOfRangeError: a bad month; a bad survey CSV (the message names
                ``options.surveys[i]`` and the line).
            NotFoundError: an unknown time zone.
            InvalidArgumentError: an empty ledger with no month; a confidence or target out of
                range (0 included: "the default" is None).
            OutOfRangeError: ``top`` outside 1 to 2**32 - 1.
            FileError: a survey file cannot be read.
        """
        text = self._report(
            lib.plaint_ledger_report_json,
            month=month,
            surveys=surveys,
            timezone=timezone,
            as_of=as_of,
            confidence=confidence,
            csat_target=csat_target,
            top=top,
        )
        value: Dict[str, Any] = json.loads(text)
        return value

    def report_csv(
        self,
        month: Optional[str] = None,
        surveys: Union[None, Source, Sequence[Source]] = None,
        *,
        timezone: Optional[str] = None,
        as_of: Optional[InstantLike] = None,
        confidence: Optional[float] = None,
        csat_target: Optional[float] = None,
        top: Optional[int] = None,
    ) -> str:
        """The report as one tidy CSV table: header ``section,group,item,metric,value``, one
        figure a row. Arguments and errors as :meth:`report`."""
        return self._report(
            lib.plaint_ledger_report_csv,
            month=month,
            surveys=surveys,
            timezone=timezone,
            as_of=as_of,
            confidence=confidence,
            csat_target=csat_target,
            top=top,
        )

    def report_html(
        self,
        month: Optional[str] = None,
        surveys: Union[None, Source, Sequence[Source]] = None,
        *,
        timezone: Optional[str] = None,
        as_of: Optional[InstantLike] = None,
        confidence: Optional[float] = None,
        csat_target: Optional[float] = None,
        top: Optional[int] = None,
    ) -> str:
        """The report as one self-contained HTML page (inline CSS and SVG, no script).
        Arguments and errors as :meth:`report`."""
        return self._report(
            lib.plaint_ledger_report_html,
            month=month,
            surveys=surveys,
            timezone=timezone,
            as_of=as_of,
            confidence=confidence,
            csat_target=csat_target,
            top=top,
        )

    def report_frame(
        self,
        month: Optional[str] = None,
        surveys: Union[None, Source, Sequence[Source]] = None,
        *,
        timezone: Optional[str] = None,
        as_of: Optional[InstantLike] = None,
        confidence: Optional[float] = None,
        csat_target: Optional[float] = None,
        top: Optional[int] = None,
    ) -> Any:
        """The CSV table of :meth:`report_csv` as a pandas DataFrame with the columns
        ``section``, ``group``, ``item``, ``metric`` (str; "" where the table has nothing),
        ``value`` (float64: the figure, NaN for an undefined one and for a text) and ``text``
        (str: the ``meta`` section's month, zone, instants and profile name; "" for a
        figure).

        Raises:
            ImportError: pandas is not installed.
            and the errors of :meth:`report`.
        """
        try:
            pd: Any = importlib.import_module("pandas")
        except ImportError as exc:
            raise ImportError("Ledger.report_frame needs pandas (pip install pandas)") from exc
        text = self.report_csv(
            month,
            surveys,
            timezone=timezone,
            as_of=as_of,
            confidence=confidence,
            csat_target=csat_target,
            top=top,
        )
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        cells = frame["value"]
        frame["value"] = [_csv_number(v) for v in cells]
        frame["value"] = frame["value"].astype("float64")
        frame["text"] = [_csv_text(v) for v in cells]
        return frame

    def report_files(
        self,
        out_dir: PathLike,
        month: Optional[str] = None,
        surveys: Union[None, Source, Sequence[Source]] = None,
        *,
        timezone: Optional[str] = None,
        as_of: Optional[InstantLike] = None,
        confidence: Optional[float] = None,
        csat_target: Optional[float] = None,
        top: Optional[int] = None,
    ) -> Dict[str, Path]:
        """Writes ``report.json``, ``report.csv`` and ``report.html`` into ``out_dir`` (created
        when missing), each atomically, as the plaint-report program does. Returns the paths
        by format ("json", "csv", "html"). Other arguments and errors as :meth:`report`.

        Raises:
            FileError: the folder cannot be created or written.
        """
        keep: List[Any] = []
        o = self._options(month, surveys, timezone, as_of, confidence, csat_target, top, keep)
        raw = path_bytes(out_dir, "out_dir")
        with self._lock:
            lib.plaint_ledger_report_files(self._live(), byref(o), raw)
        del keep
        folder = Path(os.fsdecode(out_dir))
        return {fmt: folder / f"report.{fmt}" for fmt in ("json", "csv", "html")}
