"""Prints the 24-business-hour handling deadline of complaints received around National Day 2026.

The office keeps the hours of examples/data/calendars/cn-office.json: Monday to Friday 09:00-12:00
and 13:00-18:00 in Asia/Shanghai, closed on the 2026 public holidays (Mid-Autumn 25-27 September,
National Day 1-7 October) and open on the make-up Saturday 10 October. A complaint's clock runs
only while the office is open, so a complaint received on the eve of the holiday is due after it.
The deadlines are computed in one batch call; each line gives the instant received, whether the
office was open then, and the deadline, at +08:00.

Run it with the C library's path in PLAINT_LIBRARY and the package on PYTHONPATH::

    PLAINT_LIBRARY=build/release/libplaint.so PYTHONPATH=bindings/python \\
        python3 examples/deadline.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import plaint

CALENDAR = Path(__file__).resolve().parent / "data" / "calendars" / "cn-office.json"
SITE_OFFSET = 8 * 3600  # Asia/Shanghai is UTC+08:00 all year
LIMIT = 24 * 3600  # the handling limit: 24 business hours

RECEIVED = [
    "2026-09-26T09:00:00+08:00",  # a Saturday of the Mid-Autumn holiday: the clock waits
    "2026-09-29T10:00:00+08:00",
    "2026-09-30T15:00:00+08:00",  # the eve of National Day
    "2026-09-30T17:30:00+08:00",
    "2026-10-03T11:00:00+08:00",  # during the holiday
]


def main() -> int:
    """Prints one line per complaint; returns the exit status."""
    try:
        with plaint.Calendar.from_file(CALENDAR) as office:
            received = [plaint.parse_instant(text) for text in RECEIVED]
            due = office.add_many(received, [LIMIT] * len(received))
            print(f"calendar {CALENDAR.name}: limit {LIMIT // 3600} business hours")
            for t, d in zip(received, due):
                state = "open" if office.is_open(t) else "closed"
                print(
                    f"received {plaint.format_instant(t, SITE_OFFSET)} ({state})"
                    f"  due {plaint.format_instant(int(d), SITE_OFFSET)}"
                )
    except plaint.Error as exc:
        print(f"deadline: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
