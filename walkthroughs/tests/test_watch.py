"""The watch against real sockets: local HTTP servers the tests start, GitHub's answer as
recorded. Redirects, 404, a timeout, a name that does not resolve, a new legal version,
no network at all, and the politeness and time limits."""

import http.server
import io
import json
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
from django.core.management import call_command

from walkthroughs import watch
from walkthroughs.models import Action, Alert, WatchedDocument
from walkthroughs.overview import watch_feed_path

from .factories import editor

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).parent / "fixtures" / "github-commits-vlopses-ie-privacy-policy.json"
IE = "OpenTermsArchive/vlopses-ie-versions"
LATEST = "1b38be45ded13b440582b63b69badd26a1f18514"
EARLIER = "4c4c93bf719a8028457289860ecd11bce69f274e"


class Site(http.server.BaseHTTPRequestHandler):
    """LinkedIn, a regulator and GitHub, as far as the watch sees them."""

    state: dict = {}

    def log_message(self, *args) -> None:
        pass

    def do_HEAD(self) -> None:
        self.answer(body=False)

    def do_GET(self) -> None:
        self.answer(body=True)

    def answer(self, body: bool) -> None:
        state = self.state
        with state["lock"]:
            state["active"] += 1
            state["most_at_once"] = max(state["most_at_once"], state["active"])
            state["requests"].append((time.monotonic(), self.command, self.path, self.headers))
        try:
            self.route(body)
        finally:
            with state["lock"]:
                state["active"] -= 1

    def route(self, body: bool) -> None:
        url = urllib.parse.urlsplit(self.path)
        base = f"http://{self.headers['Host']}"
        if url.path == "/moved":
            self.send(301, location="/elsewhere")
        elif url.path == "/settings/ai":
            # Signed out, LinkedIn sends every settings page to its sign-in page, which
            # comes back to the address asked for.
            target = urllib.parse.quote(f"{base}/settings/ai", safe="")
            self.send(302, location=f"/login?session_redirect={target}")
        elif url.path == "/gone":
            self.send(200 if self.state.get("fixed") else 404, body=body)
        elif url.path == "/slow":
            time.sleep(2)
            self.send(200, body=body)
        elif url.path == "/no-head":
            self.send(405 if self.command == "HEAD" else 200, body=body)
        elif url.path == f"/repos/{IE}/commits":
            query = urllib.parse.parse_qs(url.query)
            assert query["path"] == ["LinkedIn/Privacy Policy.md"]
            self.send(200, body=body, data=FIXTURE.read_bytes(), kind="application/json")
        elif url.path == "/repos/OpenTermsArchive/limited-versions/commits":
            # GitHub's answer once the hour's requests are spent.
            self.send_response(403)
            self.send_header("X-RateLimit-Remaining", "0")
            self.send_header("Content-Length", "2")
            self.end_headers()
            if body:
                self.wfile.write(b"{}")
        elif url.path.startswith("/repos/"):
            self.send(404, body=body, data=b'{"message": "Not Found"}', kind="application/json")
        else:
            self.send(200, body=body)

    def send(self, status, location="", body=True, data=b"<!doctype html><p>ok", kind="text/html"):
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)


@pytest.fixture
def site(settings):
    Site.state = {"lock": threading.Lock(), "active": 0, "most_at_once": 0, "requests": []}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    settings.WATCH_GITHUB_API = base
    settings.WATCH_HOST_DELAY = 0
    settings.WATCH_TIMEOUT = 1
    settings.WATCH_DEADLINE = 20
    # One watched document: the ERPN's versions in the Irish repository.
    WatchedDocument.objects.exclude(repository=IE).delete()
    yield base
    server.shutdown()
    server.server_close()


def link(slug: str, url: str) -> str:
    Action.objects.filter(slug=slug).update(deep_link=url)
    return url


def open_alerts() -> dict[str, Alert]:
    return {alert.subject: alert for alert in Alert.objects.filter(resolved_at__isnull=True)}


def test_a_setting_whose_link_now_redirects_elsewhere_is_an_alert(site):
    moved = link("ai-training", f"{site}/moved")
    summary = watch.run(urls=[moved])
    alert = open_alerts()[moved]
    assert alert.kind == Alert.Kind.REDIRECTS
    assert alert.message == (
        "The link of “Stop LinkedIn training AI on your data” now redirects elsewhere: "
        f"{site}/elsewhere"
    )
    assert alert.link == f"{site}/elsewhere"
    assert len(summary.opened) == 1 and not summary.offline


def test_a_sign_in_wall_that_comes_back_is_not_a_move(site):
    wall = link("ai-training", f"{site}/settings/ai")
    watch.run(urls=[wall])
    assert wall not in open_alerts()


def test_a_404_is_broken_and_the_alert_closes_once_it_answers(site):
    gone = link("ad-sharing", f"{site}/gone")
    watch.run(urls=[gone])
    alert = open_alerts()[gone]
    assert alert.kind == Alert.Kind.BROKEN
    assert "is broken: it answers 404." in alert.message
    # The next run sees the same: still one alert, seen again.
    watch.run(urls=[gone])
    assert Alert.objects.filter(subject=gone).count() == 1
    Site.state["fixed"] = True
    summary = watch.run(urls=[gone])
    assert gone not in open_alerts() and summary.closed == 1


def test_a_server_refusing_head_is_asked_with_get(site):
    url = link("ai-training", f"{site}/no-head")
    watch.run(urls=[url])
    assert url not in open_alerts()
    methods = [method for _at, method, path, _h in Site.state["requests"] if path == "/no-head"]
    assert methods == ["HEAD", "GET"]


def test_a_timeout_is_recorded_and_bounded(site, settings):
    settings.WATCH_TIMEOUT = 0.3
    slow = link("ai-training", f"{site}/slow")
    started = time.monotonic()
    watch.run(urls=[slow, f"{site}/fine"])
    assert time.monotonic() - started < 1.5
    alert = open_alerts()[slow]
    assert alert.kind == Alert.Kind.UNREACHABLE and "no answer in time" in alert.message


def test_a_name_that_does_not_resolve_is_recorded(site):
    nowhere = link("ai-training", "http://linkedin.invalid/settings")
    watch.run(urls=[nowhere, f"{site}/fine"])
    alert = open_alerts()[nowhere]
    assert alert.kind == Alert.Kind.UNREACHABLE
    assert alert.message.startswith("The link of “Stop LinkedIn training AI on your data” could")


def test_a_new_version_of_a_legal_text_is_an_alert_with_its_diff(site):
    WatchedDocument.objects.filter(repository=IE).update(read_version=EARLIER)
    watch.run(urls=[])
    document = WatchedDocument.objects.get(repository=IE)
    assert (document.latest_version, str(document.latest_on)) == (LATEST, "2026-08-21")
    alert = open_alerts()[str(document)]
    assert alert.kind == Alert.Kind.DOCUMENT
    assert alert.message.startswith("LinkedIn's “LinkedIn European Regional Privacy Notice")
    assert alert.message.endswith(f"changed on 21 August 2026 ({IE}).")
    assert alert.link == f"https://github.com/{IE}/commit/{LATEST}"
    # Once an editor has read it and says so, the next run closes the alert.
    WatchedDocument.objects.filter(repository=IE).update(read_version=LATEST)
    watch.run(urls=[])
    assert str(document) not in open_alerts()


def test_the_version_our_content_rests_on_is_no_alert(site):
    assert WatchedDocument.objects.get(repository=IE).read_version == LATEST
    watch.run(urls=[])
    assert not open_alerts()
    request = next(r for r in Site.state["requests"] if r[2].startswith("/repos/"))
    assert request[3]["Accept"] == "application/vnd.github+json"


def test_without_a_token_github_is_asked_anonymously(site, settings):
    settings.WATCH_GITHUB_TOKEN = ""
    watch.run(urls=[])
    request = next(r for r in Site.state["requests"] if r[2].startswith("/repos/"))
    assert "Authorization" not in request[3]


def test_a_token_goes_to_github_and_to_no_other_host(site, settings):
    settings.WATCH_GITHUB_TOKEN = "github_pat_test"
    watch.run(urls=[link("ai-training", f"{site}/settings/ai")])
    requests = Site.state["requests"]
    (to_github,) = [r for r in requests if r[2].startswith("/repos/")]
    assert to_github[3]["Authorization"] == "Bearer github_pat_test"
    # The settings page lives on the same local server here, but at LinkedIn's address
    # the watch never sends the token: only WATCH_GITHUB_API requests carry it.
    assert all("Authorization" not in r[3] for r in requests if not r[2].startswith("/repos/"))


def test_githubs_spent_limit_says_how_to_raise_it(site, settings):
    settings.WATCH_GITHUB_TOKEN = ""
    WatchedDocument.objects.update(repository="OpenTermsArchive/limited-versions")
    watch.run(urls=[])
    (alert,) = open_alerts().values()
    assert "limit of 60 requests an hour without a token is used up" in alert.message
    assert "set WATCH_GITHUB_TOKEN" in alert.message


def test_a_repository_that_is_gone_is_recorded(site):
    WatchedDocument.objects.create(
        source=WatchedDocument.objects.get().source,
        repository="OpenTermsArchive/nowhere-versions",
        path="LinkedIn/Privacy Policy.md",
    )
    watch.run(urls=[])
    (alert,) = open_alerts().values()
    assert alert.message.endswith("could not be read: GitHub answered 404.")


def test_polite_one_request_at_a_time_per_host_with_a_pause(site, settings):
    settings.WATCH_HOST_DELAY = 0.2
    settings.WATCH_CONCURRENCY = 4
    urls = [f"{site}/page-{n}" for n in range(4)]
    watch.run(urls=urls)
    requests = [r for r in Site.state["requests"] if r[2].startswith("/page-")]
    assert len(requests) == 4 and Site.state["most_at_once"] == 1
    starts = sorted(at for at, *_ in requests)
    assert all(later - earlier >= 0.19 for earlier, later in zip(starts, starts[1:], strict=False))
    assert all("OptOutGuideWatch" in headers["User-Agent"] for *_, headers in requests)


def test_the_whole_run_keeps_to_its_deadline(site, settings):
    settings.WATCH_DEADLINE = 0.6
    settings.WATCH_TIMEOUT = 5
    started = time.monotonic()
    watch.run(urls=[f"{site}/slow?n={n}" for n in range(6)])
    assert time.monotonic() - started < 3


def test_without_any_network_one_alert_and_a_clean_exit(settings):
    settings.WATCH_GITHUB_API = "http://api.github.invalid"
    settings.WATCH_HOST_DELAY = 0
    Action.objects.exclude(deep_link="").update(deep_link="https://www.linkedin.invalid/x")
    from walkthroughs.models import Source

    Source.objects.exclude(url="").update(url="https://regulator.invalid/statement")
    out = io.StringIO()
    call_command("watch", stdout=out)
    assert "Nothing could be reached: no network? Recorded as one alert." in out.getvalue()
    (alert,) = Alert.objects.all()
    assert alert.subject == watch.NETWORK and "reached none of the 5" in alert.message
    call_command("watch", stdout=io.StringIO())
    assert Alert.objects.count() == 1


def test_editors_see_alerts_on_the_overview_and_in_their_own_feed(site, client):
    gone = link("ad-sharing", f"{site}/gone")
    watch.run(urls=[gone])
    user = editor()
    client.force_login(user)
    html = client.get("/admin/overview/").content.decode()
    assert "<h2>What the watch saw</h2>" in html
    assert "is broken: it answers 404." in html
    path = watch_feed_path(user)
    assert f"http://testserver{path}</code>" in html
    client.logout()
    feed = client.get(path)
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    assert "is broken: it answers 404." in feed.content.decode()
    assert "no-cache" in feed["Cache-Control"] or "private" in feed["Cache-Control"]
    assert client.get(path[:-3] + "xx/").status_code == 404
    user.is_staff = False
    user.save()
    assert client.get(path).status_code == 404


def test_the_recorded_answer_is_githubs_shape():
    (commit,) = json.loads(FIXTURE.read_text())
    assert commit["sha"] == LATEST
    assert commit["commit"]["committer"]["date"] == "2026-08-21T23:29:29Z"
    assert commit["html_url"] == f"https://github.com/{IE}/commit/{LATEST}"


def test_editors_may_read_and_close_alerts_and_set_followed_versions(client):
    Alert.objects.create(kind=Alert.Kind.BROKEN, subject="https://x.example/", message="Broken.")
    client.force_login(editor())
    assert client.get("/admin/walkthroughs/alert/").status_code == 200
    alert = Alert.objects.get()
    selected = {"action": "resolve", "_selected_action": [alert.pk]}
    assert client.post("/admin/walkthroughs/alert/", selected).status_code == 302
    alert.refresh_from_db()
    assert alert.resolved_at is not None and alert.resolved_by.username == "editor"
    source = WatchedDocument.objects.get(repository=IE).source
    page = client.get(f"/admin/walkthroughs/source/{source.pk}/change/").content.decode()
    assert "Versions followed by the watch" in page and LATEST in page
