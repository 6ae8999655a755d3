"""Logs without client addresses: a privacy site keeps no visitor identifiers."""

import ipaddress
import logging
import re

from gunicorn.glogging import Logger

# Anything that may be an IPv4 or IPv6 address, with or without a port or brackets; each
# candidate is checked with ipaddress before it is blanked out.
CANDIDATE = re.compile(r"\[?[0-9A-Fa-f:.]*[.:][0-9A-Fa-f:.]*\]?")


def _address(token: str) -> str | None:
    """The IP address in a token such as 1.2.3.4, 1.2.3.4:80, [::1]:80 or ::1."""
    host = token
    if host.startswith("["):
        host = host[1:].split("]")[0]
    for candidate in (host, host.rsplit(":", 1)[0]):
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


def redact(text: str, keep: frozenset[str] = frozenset()) -> str:
    """The text with every IP address in it but those in `keep` replaced by "-"."""

    def replace(match: re.Match) -> str:
        address = _address(match.group())
        return match.group() if address is None or address in keep else "-"

    return CANDIDATE.sub(replace, text)


class _RedactAddresses(logging.Filter):
    def __init__(self, keep: set[str]) -> None:
        super().__init__()
        # The server's own listening addresses are no one's identity.
        self.keep = frozenset(keep)

    def redact(self, text: str) -> str:
        return redact(text, self.keep)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self.redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
        return True


class AnonymousLogger(Logger):
    """The error log names no client: "Invalid request from ip=…" and the like lose it."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        keep = set()
        for address in cfg.address:
            if isinstance(address, tuple):
                keep.add(_address(address[0]) or address[0])
        self.error_log.addFilter(_RedactAddresses(keep))
