"""The watch: tells editors when LinkedIn's links or legal texts change.

Every deep link and source address is asked for (HEAD, then GET where HEAD is refused),
redirects followed; the legal texts' version history is read from Open Terms Archive's
repositories through GitHub's API. What it finds becomes an ``Alert`` for editors: one
open alert per address or document, closed again when the link answers as it should.

Polite and bounded: one request at a time per host with a pause between two, a few
hosts at once, a timeout per request and a deadline for the whole run. Without a network
every check fails the same way: that is recorded once, and the run ends normally.

The network is read in threads; the database only in the caller's thread, afterwards.
"""

import dataclasses
import datetime
import threading
import time
import urllib.parse
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

import httpx
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Action, Alert, AlertKind, Source, WatchedDocument

USER_AGENT = (
    "OptOutGuideWatch/1.0 (checks that the links of a public opt-out guide still work; "
    "one request per address per run)"
)
# The subject of the alert that says the watch reached nothing at all.
NETWORK = "network"


@dataclasses.dataclass(frozen=True)
class LinkResult:
    url: str
    status: int | None = None
    final_url: str = ""
    error: str = ""
    # Whether the failure was the transport's (no DNS, no route, timeout), not an answer.
    transport: bool = False

    @property
    def redirected_elsewhere(self) -> bool:
        return bool(self.final_url) and not _same_place(self.url, self.final_url)

    @property
    def broken(self) -> bool:
        return self.status is not None and self.status >= 400 and self.status not in (429, 999)


@dataclasses.dataclass(frozen=True)
class DocumentResult:
    document_id: int
    version: str = ""
    day: datetime.date | None = None
    diff_url: str = ""
    error: str = ""
    transport: bool = False


def _same_place(asked: str, landed: str) -> bool:
    """The same host and path once trivial differences are set aside (scheme, www., a
    trailing slash, the query string that trackers add), or a sign-in page that will come
    back to the address asked for: a signed-out watch is sent there, a member is not."""

    def key(url: str) -> tuple[str, str]:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname.removeprefix("www.") if parts.hostname else ""
        return host, parts.path.rstrip("/") or "/"

    if key(asked) == key(landed):
        return True
    query = urllib.parse.unquote(urllib.parse.urlsplit(landed).query)
    path = urllib.parse.urlsplit(asked).path.rstrip("/")
    return key(asked)[0] == key(landed)[0] and len(path) > 1 and path in query


class Polite:
    """One request at a time per host, a pause between two, and a deadline for all."""

    def __init__(self, deadline: float, delay: float) -> None:
        self.deadline = deadline
        self.delay = delay
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._guard = threading.Lock()

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def host(self, url: str) -> threading.Lock:
        host = urllib.parse.urlsplit(url).netloc.lower()
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    def wait_turn(self, url: str) -> None:
        host = urllib.parse.urlsplit(url).netloc.lower()
        pause = self._last.get(host, 0) + self.delay - time.monotonic()
        if pause > 0:
            time.sleep(min(pause, max(self.remaining(), 0)))

    def done(self, url: str) -> None:
        self._last[urllib.parse.urlsplit(url).netloc.lower()] = time.monotonic()


def _request(client: httpx.Client, polite: Polite, method: str, url: str, **kwargs):
    with polite.host(url):
        polite.wait_turn(url)
        timeout = min(settings.WATCH_TIMEOUT, polite.remaining())
        if timeout <= 0:
            raise httpx.TimeoutException("the watch ran out of time")
        try:
            return client.request(method, url, timeout=timeout, **kwargs)
        finally:
            polite.done(url)


def check_link(client: httpx.Client, polite: Polite, url: str) -> LinkResult:
    try:
        response = _request(client, polite, "HEAD", url)
        if response.status_code in (403, 405, 501):
            # Some servers refuse HEAD but answer GET.
            response = _request(client, polite, "GET", url)
    except httpx.TimeoutException:
        return LinkResult(url, error="no answer in time", transport=True)
    except httpx.TooManyRedirects:
        return LinkResult(url, error="too many redirects")
    except httpx.TransportError as error:
        return LinkResult(url, error=_plain(error), transport=True)
    except httpx.HTTPError as error:
        return LinkResult(url, error=_plain(error))
    final = str(response.url) if response.history else ""
    return LinkResult(url, status=response.status_code, final_url=final)


def check_document(client: httpx.Client, polite: Polite, document: WatchedDocument):
    api = settings.WATCH_GITHUB_API.rstrip("/")
    url = f"{api}/repos/{document.repository}/commits"
    try:
        response = _request(
            client,
            polite,
            "GET",
            url,
            params={"path": document.path, "per_page": 1},
            headers=github_headers(),
        )
        response.raise_for_status()
        (latest,) = response.json()[:1] or [None]
    except httpx.TimeoutException:
        return DocumentResult(document.pk, error="no answer in time", transport=True)
    except httpx.TransportError as error:
        return DocumentResult(document.pk, error=_plain(error), transport=True)
    except httpx.HTTPStatusError as error:
        return DocumentResult(document.pk, error=_github_refusal(error.response))
    except (httpx.HTTPError, ValueError) as error:
        return DocumentResult(document.pk, error=_plain(error))
    if latest is None:
        return DocumentResult(document.pk, error="no version of this file in the repository")
    try:
        when = datetime.datetime.fromisoformat(latest["commit"]["committer"]["date"])
        return DocumentResult(
            document.pk, version=latest["sha"], day=when.date(), diff_url=latest["html_url"]
        )
    except (KeyError, TypeError, ValueError):
        return DocumentResult(document.pk, error="GitHub's answer had an unexpected shape")


def github_headers() -> dict[str, str]:
    """What every request to GitHub's API carries: the token, only when one is set."""
    headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
    if settings.WATCH_GITHUB_TOKEN:
        headers["Authorization"] = f"Bearer {settings.WATCH_GITHUB_TOKEN}"
    return headers


def _github_refusal(response: httpx.Response) -> str:
    """Why GitHub refused, in words that say what to do about it."""
    status = response.status_code
    if status in (403, 429) and response.headers.get("x-ratelimit-remaining") == "0":
        if settings.WATCH_GITHUB_TOKEN:
            return "GitHub's hourly limit for this token is used up; the next run tries again"
        return (
            "GitHub's limit of 60 requests an hour without a token is used up; "
            "set WATCH_GITHUB_TOKEN to raise it"
        )
    if status == 401:
        return "GitHub refused WATCH_GITHUB_TOKEN (401): it is wrong or has expired"
    return f"GitHub answered {status}"


def _plain(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text[:200]


def addresses() -> list[str]:
    """Every deep link of a published item and every source address, once each."""
    links = Action.objects.originals().exclude(deep_link="").values_list("deep_link", flat=True)
    sources = Source.objects.exclude(url="").values_list("url", flat=True)
    return list(dict.fromkeys([*links, *sources]))


def _where_used(url: str) -> str:
    items = list(Action.objects.originals().filter(deep_link=url).values_list("title", flat=True))
    if items:
        return f"the link of “{items[0]}”"
    source = Source.objects.filter(url=url).values_list("title", flat=True).first()
    return f"the address of the source “{source}”" if source else url


@dataclasses.dataclass
class Summary:
    links: int = 0
    documents: int = 0
    opened: list[str] = dataclasses.field(default_factory=list)
    closed: int = 0
    failures: int = 0
    offline: bool = False


def run(*, urls: Iterable[str] | None = None, now: datetime.datetime | None = None) -> Summary:
    """Check every address and watched document once, and record what needs an editor."""
    now = now or timezone.now()
    urls = list(addresses() if urls is None else urls)
    documents = list(WatchedDocument.objects.all())
    polite = Polite(time.monotonic() + settings.WATCH_DEADLINE, settings.WATCH_HOST_DELAY)
    headers = {"User-Agent": USER_AGENT}
    with (
        httpx.Client(headers=headers, follow_redirects=True, max_redirects=5) as client,
        ThreadPoolExecutor(max_workers=max(1, settings.WATCH_CONCURRENCY)) as pool,
    ):
        link_results = list(pool.map(lambda url: check_link(client, polite, url), urls))
        document_results = list(
            pool.map(lambda document: check_document(client, polite, document), documents)
        )
    return record(link_results, document_results, now)


@transaction.atomic
def record(
    links: list[LinkResult], documents: list[DocumentResult], now: datetime.datetime
) -> Summary:
    summary = Summary(links=len(links), documents=len(documents))
    results = [*links, *documents]
    summary.failures = sum(1 for result in results if result.transport)
    summary.offline = bool(results) and all(result.transport for result in results)
    if summary.offline:
        # No network at all: one alert says so, instead of one per address.
        _open(summary, AlertKind.UNREACHABLE, NETWORK, _offline_message(results), "", now)
        return summary
    _close(summary, [AlertKind.UNREACHABLE], [NETWORK], now)

    for result in links:
        where = _where_used(result.url)
        where = where[0].upper() + where[1:]
        if result.redirected_elsewhere:
            message = f"{where} now redirects elsewhere: {result.final_url}"
            _open(summary, AlertKind.REDIRECTS, result.url, message, result.final_url, now)
        elif result.broken:
            message = f"{where} is broken: it answers {result.status}."
            _open(summary, AlertKind.BROKEN, result.url, message, result.url, now)
        elif result.transport or result.error:
            message = f"{where} could not be reached: {result.error}."
            _open(summary, AlertKind.UNREACHABLE, result.url, message, result.url, now)
        else:
            _close(
                summary,
                [AlertKind.REDIRECTS, AlertKind.BROKEN, AlertKind.UNREACHABLE],
                [result.url],
                now,
            )

    by_id = WatchedDocument.objects.select_related("source").in_bulk(
        [result.document_id for result in documents]
    )
    for result in documents:
        document = by_id.get(result.document_id)
        if document is None:
            continue
        subject = str(document)
        if result.error:
            message = f"The versions of {document.path} in {document.repository} could not be "
            _open(
                summary, AlertKind.UNREACHABLE, subject, message + f"read: {result.error}.", "", now
            )
            continue
        _close(summary, [AlertKind.UNREACHABLE], [subject], now)
        document.latest_version, document.latest_on, document.checked_at = (
            result.version,
            result.day,
            now,
        )
        document.save(update_fields=["latest_version", "latest_on", "checked_at"])
        if result.version == document.read_version:
            _close(summary, [AlertKind.DOCUMENT], [subject], now)
            continue
        message = (
            f"{document.source.publisher or 'The publisher'}'s “{document.source.title}” "
            f"changed on {result.day:%-d %B %Y} ({document.repository})."
        )
        _open(summary, AlertKind.DOCUMENT, subject, message, result.diff_url, now)
    return summary


def _offline_message(results: list) -> str:
    reasons = sorted({result.error for result in results if result.error})
    return (
        f"The watch reached none of the {len(results)} addresses and documents it checks "
        f"(no network?): {'; '.join(reasons)[:300]}."
    )


def _open(summary: Summary, kind: str, subject: str, message: str, link: str, now) -> None:
    alert = Alert.objects.filter(kind=kind, subject=subject, resolved_at__isnull=True).first()
    if alert is None:
        Alert.objects.create(
            kind=kind,
            subject=subject,
            message=message[:500],
            link=link[:500],
            first_seen_at=now,
            last_seen_at=now,
        )
        summary.opened.append(message)
    else:
        alert.message, alert.link, alert.last_seen_at = message[:500], link[:500], now
        alert.save(update_fields=["message", "link", "last_seen_at"])


def _close(summary: Summary, kinds: list[str], subjects: list[str], now) -> None:
    summary.closed += Alert.objects.filter(
        kind__in=kinds, subject__in=subjects, resolved_at__isnull=True
    ).update(resolved_at=now)
