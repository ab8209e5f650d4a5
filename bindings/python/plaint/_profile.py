"""The :class:`Profile` handle (its classification, :class:`Decision` and explanations are in
:mod:`plaint._rules`).

A profile is one JSON document that bundles a customer's calendars, SLA policies,
classification rules, return-visit rules and surveys. A kiosk vendor ships one per customer
and never recompiles: :meth:`Profile.classify` runs a complaint through its rules and says
what the complaint is (its nature, severity, SLA policy, who it escalates to, how the return
visit is made) and, through :meth:`Decision.explain`, why.
"""

from __future__ import annotations

import json
import os
from ctypes import byref, c_int32, c_int64, c_size_t, c_uint32, c_void_p
from typing import List, Optional, Tuple, Union

from ._enums import Role, to_code
from ._handle import DocumentLike, Handle, document_bytes
from ._lib import lib, take_string
from ._marshal import TextLike, borrowed, encode_nts, encode_text
from ._people import Team, find_team, teams_of
from ._rules import Classifier
from ._sla import PolicySet
from ._survey import Survey



class Profile(Handle, Classifier):
    """A compiled profile: calendars, SLA policies, classification and return-visit rules.

    Make one with :meth:`from_json`, :meth:`from_file` or :meth:`default`. A profile is
    immutable, so one object may be used from many threads at once without a lock;
    :meth:`close` waits for the calls running in other threads (``classify_many`` included)
    to return, and later calls raise :class:`plaint.ClosedError`. The object owns a C handle: free
    it with :meth:`close` or a ``with`` block, or leave it to the garbage collector. Policy sets
    and decisions taken from it stay valid after it is closed.
    """

    _kind = "profile"

    @staticmethod
    def _free(handle: int) -> None:
        lib.plaint_profile_free(handle)

    def __init__(self) -> None:
        raise TypeError("use Profile.from_json, Profile.from_file or Profile.default")

    # ---- Construction ---------------------------------------------------------------------

    @classmethod
    def default(cls) -> "Profile":
        """The embedded default profile (examples/data/default-profile.json): DOMAIN.md's
        natures, severities, SLA policies and return visits."""
        out = c_void_p()
        lib.plaint_profile_default(byref(out))
        return cls._wrap(out.value)

    @classmethod
    def from_json(cls, document: DocumentLike) -> "Profile":
        """Compiles a profile from its JSON form, ``{"plaint_profile": 1, "name",
        "description", "calendars", "policies", "rules", "return_visits", "surveys"}``.

        Args:
            document: JSON text (``str``, or ``bytes`` in UTF-8), or a value that
                :func:`json.dumps` serialises, such as a dict.

        Raises:
            ParseError: malformed JSON; the error's ``line`` and ``column`` say where.
            ValidationError: unknown keys, bad values, undefined calendars or policies; the
                error's ``problems`` lists every one with its pointer, line and column.
            UnsupportedError: a ``plaint_profile`` version other than 1.
            TooLargeError: a document over 16 MiB, nested too deep, with too many rows.
            EncodingError: a ``str`` that cannot be encoded as UTF-8.
        """
        data = document_bytes(document, "profile document")
        out = c_void_p()
        lib.plaint_profile_from_json(byref(out), data, len(data))
        return cls._wrap(out.value)

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"]) -> "Profile":
        """Compiles the profile in a JSON file (UTF-8).

        The library reads it as a stream (``plaint_profile_from_file``): a pipe, a FIFO or
        ``/dev/stdin`` works as a file does.

        Raises:
            FileError: the file cannot be opened or read, or is a directory (also an
                ``OSError``).
            TooLargeError: more than 16 MiB (the rest is not read).
            ValueError: a path holding a NUL byte.
            and the errors of :meth:`from_json`.
        """
        raw = os.fsencode(path)
        if b"\0" in raw:
            raise ValueError("path holds a NUL byte")
        out = c_void_p()
        lib.plaint_profile_from_file(byref(out), raw)
        return cls._wrap(out.value)

    # ---- Handle management ------------------------------------------------------------

    def __repr__(self) -> str:
        if self.closed:
            return "<plaint.Profile (closed)>"
        return f"<plaint.Profile name={json.loads(self.to_json()).get('name', '')!r}>"

    # ---- Contents -------------------------------------------------------------------------

    def to_json(self) -> str:
        """The profile as JSON (keys sorted); :meth:`from_json` of it gives an equal profile."""
        out = c_void_p()
        with self._use() as handle:
            lib.plaint_profile_to_json(handle, byref(out))
        return take_string(out.value)

    @property
    def warnings(self) -> List[Tuple[str, str]]:
        """Non-fatal findings (an unreachable row...) as (JSON pointer, message) pairs."""
        with self._use() as handle:
            count = c_size_t()
            lib.plaint_profile_warning_count(handle, byref(count))
            found = []
            for index in range(count.value):
                pointer = c_void_p()
                message = c_void_p()
                lib.plaint_profile_warning(handle, index, byref(pointer), byref(message))
                found.append((borrowed(pointer.value), borrowed(message.value)))
            return found

    @property
    def policy_set(self) -> PolicySet:
        """The profile's calendars and SLA policies, as a :class:`plaint.PolicySet` that
        shares them and stays valid after the profile is closed."""
        out = c_void_p()
        with self._use() as handle:
            lib.plaint_profile_policy_set(handle, byref(out))
        return PolicySet._wrap(out.value)

    def survey_names(self) -> List[str]:
        """The names of the profile's surveys (its ``surveys`` section), in document order."""
        with self._use() as handle:
            count = c_size_t()
            lib.plaint_profile_survey_count(handle, byref(count))
            names = []
            for index in range(count.value):
                name = c_void_p()
                lib.plaint_profile_survey_name(handle, index, byref(name))
                names.append(borrowed(name.value))
            return names

    def survey(self, name: TextLike) -> Survey:
        """The survey ``name`` of the profile: its instrument, scale, satisfied levels, the
        indicator tree of its dimensions with local and global weights, the overall question
        and, when the weights came from a pairwise matrix, its AHP result. The default profile
        has ``return_visit``.

        Raises:
            NotFoundError: the profile has no such survey.
        """
        out = c_void_p()
        with self._use() as handle:
            lib.plaint_profile_survey_json(handle, encode_nts(name, "survey name"), byref(out))
        return Survey.from_json(take_string(out.value))

    @property
    def teams(self) -> Tuple[Team, ...]:
        """The teams of the profile's ``teams`` section (``{"<id>": {"name", "roles",
        "calendar"}}``), sorted by id; empty when it has none. The default profile has
        cleaning, customer_service, engineering, greening and security. Since 0.7."""
        with self._use() as handle:
            return teams_of(handle)

    def team(self, id: str) -> Team:
        """The team with id ``id`` (compared exactly). Since 0.7.

        Raises:
            NotFoundError: the profile has no such team.
            TypeError: ``id`` is not a ``str``.
            EncodingError: a NUL character or a lone surrogate in ``id``.
        """
        with self._use() as handle:
            return find_team(handle, id)

    @property
    def repeat_window_days(self) -> int:
        """How far back, in days, earlier complaints from the same unit count as repeats
        (the rules' ``repeat_window_days``; 30 when the profile sets none). A ledger counts
        ``repeat_count`` with it."""
        out = c_int64()
        with self._use() as handle:
            lib.plaint_profile_repeat_window(handle, byref(out))
        return out.value // 86400

    @property
    def keywords(self) -> List[str]:
        """The keywords of the rules' ``keywords`` conditions, each once, in the order first met
        in the document and the form first written there (since 0.7: the written forms of one
        word, 電梯 and 电梯, are one keyword; before, folded: Latin letters in lower case)."""
        with self._use() as handle:
            count = c_size_t()
            lib.plaint_profile_keyword_count(handle, byref(count))
            words = []
            for index in range(count.value):
                word = c_void_p()
                lib.plaint_profile_keyword(handle, index, byref(word))
                words.append(borrowed(word.value))
            return words

    def find_keywords(self, text: TextLike) -> List[str]:
        """The profile's keywords found in ``text`` (one pass, whatever their number), in the
        order of :attr:`keywords`: what ``keywords`` conditions see in a complaint's content."""
        data = encode_text(text, "text")
        count = c_size_t()
        with self._use() as handle:
            lib.plaint_profile_find_keywords(handle, data, len(data), None, 0, byref(count))
            found = (c_uint32 * max(count.value, 1))()
            lib.plaint_profile_find_keywords(
                handle, data, len(data), found, count.value, byref(count)
            )
        words = self.keywords
        return [words[found[i]] for i in range(count.value)]

    @property
    def folds_keywords(self) -> bool:
        """Whether keywords match in all their written forms - traditional and simplified
        Chinese with the Hong Kong and Taiwan forms, full-width and half-width, Unicode case and
        NFKC - or each as written (``"fold_keywords": false`` in the rules). Since 0.7."""
        out = c_int32()
        with self._use() as handle:
            lib.plaint_profile_folds_keywords(handle, byref(out))
        return bool(out.value)

    def keyword_match(self, keyword: int, text: TextLike) -> Optional[str]:
        """The form in which keyword number ``keyword`` (an index into :attr:`keywords`) first
        occurs in ``text`` - ``"電梯"`` for the keyword ``"电梯"`` - or None when it does not.
        Since 0.7.

        Raises:
            OutOfRangeError: ``keyword`` is not an index into :attr:`keywords`.
        """
        data = encode_text(text, "text")
        offset = c_size_t()
        length = c_size_t()
        with self._use() as handle:
            lib.plaint_profile_keyword_match(
                handle, keyword, data, len(data), byref(offset), byref(length)
            )
        if length.value == 0:
            return None
        return data[offset.value : offset.value + length.value].decode("utf-8")

    @property
    def keyword_memory(self) -> int:
        """The bytes the compiled keyword matcher holds. Since 0.7."""
        out = c_size_t()
        with self._use() as handle:
            lib.plaint_profile_keyword_memory(handle, byref(out))
        return out.value

    def visit_quota(self, role: Union[Role, int, str]) -> int:
        """The monthly minimum of return visits ``role`` makes; 0 when the profile sets none.

        Raises:
            OutOfRangeError: an unknown role.
        """
        out = c_int32()
        with self._use() as handle:
            lib.plaint_profile_visit_quota(handle, to_code(Role, role, "role"), byref(out))
        return out.value
