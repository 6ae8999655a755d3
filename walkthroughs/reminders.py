"""Reminders without an account: an iCalendar file (RFC 5545) that any calendar imports.

A few lines of text need no library: one all-day event three months ahead, with an alarm
that morning, carrying the checklist's address and nothing about the visitor.
"""

import calendar
import datetime

from django.utils import timezone

RECHECK_AFTER_MONTHS = 3


def months_later(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month, months later; the month's last day where it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued on lines that start with a space."""
    encoded = line.encode()
    parts = []
    while len(encoded) > 75:
        cut = 75 if not parts else 74
        # Never split a UTF-8 sequence: back up to the start of a character.
        while cut and (encoded[cut] & 0xC0) == 0x80:
            cut -= 1
        parts.append(encoded[:cut].decode())
        encoded = encoded[cut:]
    parts.append(encoded.decode())
    return "\r\n ".join(parts)


def recheck_calendar(
    *,
    name: str,
    url: str,
    title: str,
    description: str,
    host: str,
    today: datetime.date | None = None,
) -> str:
    """A calendar with one reminder, three months from today, to open the checklist again.

    ``name`` tells checklists apart in the event's identifier, e.g. 'de-web'.
    """
    today = today or timezone.localdate()
    day = months_later(today, RECHECK_AFTER_MONTHS)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Opt-Out Guide//Re-check reminder//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        # The same day's file is the same file: cacheable, and imported twice it is one event.
        f"UID:recheck-{name}-{day:%Y%m%d}@{host}",
        f"DTSTAMP:{today:%Y%m%d}T000000Z",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_escape(title)}",
        f"DESCRIPTION:{_escape(description)}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(title)}",
        # Nine in the morning of that day.
        "TRIGGER:PT9H",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(f"{_fold(line)}\r\n" for line in lines)
