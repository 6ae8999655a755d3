"""Signing in to the admin: a second factor for staff, limits per client and account, a log."""

import datetime
import logging
import re

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from config import ratelimit

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
LOGIN = "/admin/login/"


@pytest.fixture
def required(settings):
    settings.ADMIN_REQUIRE_2FA = True


@pytest.fixture
def boss() -> User:
    return User.objects.create_superuser("boss", password=PASSWORD)


@pytest.fixture
def device(boss) -> TOTPDevice:
    return TOTPDevice.objects.create(user=boss, name="phone", confirmed=True)


@pytest.fixture
def clock(monkeypatch):
    class Clock:
        now = 1_800_000_000.0

    monkeypatch.setattr(ratelimit, "now", lambda: Clock.now)
    return Clock


def code(device: TOTPDevice) -> str:
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def sign_in(client, password=PASSWORD, otp="", address="192.0.2.10", username="boss"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "otp_token": otp},
        REMOTE_ADDR=address,
    )


def test_staff_sign_in_with_password_and_code(client, required, device):
    response = sign_in(client, otp=code(device))
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_password_alone_does_not_sign_in_an_account_with_a_second_factor(
    client, required, device
):
    response = sign_in(client)
    assert response.status_code == 200
    assert "Enter the 6-digit code" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_wrong_code_is_refused(client, required, device):
    wrong = f"{(int(code(device)) + 1) % 1_000_000:06d}"
    response = sign_in(client, otp=wrong)
    assert response.status_code == 200
    assert "That code is wrong or expired" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_staff_without_a_second_factor_set_one_up_before_using_the_admin(client, required, boss):
    response = sign_in(client)
    assert response.status_code == 302 and response["Location"] == "/admin/two-factor/"
    # Nothing of the admin until it is done.
    assert client.get("/admin/walkthroughs/step/").status_code == 302
    assert client.get(LOGIN)["Location"] == "/admin/two-factor/"

    page = client.get("/admin/two-factor/")
    html = page.content.decode()
    assert page.status_code == 200 and 'src="/admin/two-factor/qr.svg"' in html
    assert "no-cache" in page["Cache-Control"]
    qr = client.get("/admin/two-factor/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content
    pending = TOTPDevice.objects.get(user=boss)
    assert not pending.confirmed and pending.key  # the secret stayed on our server

    wrong = client.post(
        "/admin/two-factor/", {"code": "000000" if code(pending) != "000000" else "1"}
    )
    assert "That code is wrong or expired" in wrong.content.decode()
    pending.throttle_reset()  # django-otp makes each miss wait longer; not the point here
    done = client.post("/admin/two-factor/", {"code": code(pending)})
    assert done.status_code == 302 and done["Location"] == "/admin/"
    assert TOTPDevice.objects.get(user=boss).confirmed
    assert client.get("/admin/walkthroughs/step/").status_code == 200
    # Once set up, the page is closed: replacing a device is for an administrator.
    assert client.get("/admin/two-factor/qr.svg").status_code == 404


def test_a_session_without_the_second_factor_is_sent_back_to_sign_in(client, required, device):
    client.force_login(device.user)
    assert client.get("/admin/")["Location"].startswith(LOGIN)
    page = client.get(LOGIN)
    assert page.status_code == 200 and "Code from your authenticator app" in page.content.decode()


def test_pages_of_the_sign_in_keep_the_strict_policy(client, required, boss):
    for html in (
        client.get(LOGIN).content.decode(),
        (sign_in(client), client.get("/admin/two-factor/").content.decode())[1],
    ):
        assert not re.search(r"<script(?![^>]*\bsrc=)", html)
        assert not re.search(r"\sstyle=|<style", html)
        assert not re.search(r"\son[a-z]+=", html)


def test_one_client_over_the_limit_waits_whatever_it_sends(client, settings, boss, clock):
    settings.ADMIN_LOGIN_ATTEMPTS, settings.ADMIN_LOGIN_WINDOW = 3, 900
    for _ in range(3):
        assert sign_in(client, password="guess").status_code == 200
    blocked = sign_in(client)
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "300"
    assert "Too many sign-in attempts from your connection" in blocked.content.decode()
    assert sign_in(client, address="198.51.100.7", username="nobody").status_code == 200
    clock.now += 300
    assert sign_in(client).status_code == 302


def test_guesses_from_many_clients_lock_the_account_but_the_code_still_signs_in(
    client, settings, required, device, clock
):
    settings.ADMIN_LOGIN_ATTEMPTS, settings.ADMIN_LOGIN_WINDOW = 3, 900
    for n in range(3):
        assert sign_in(client, password="guess", address=f"203.0.113.{n}").status_code == 200

    locked = sign_in(client, address="192.0.2.99")
    assert locked.status_code == 429
    message = "Too many failed sign-ins for this account. Sign in with your password and the code"
    assert message in locked.content.decode()
    # A guesser learns nothing: a wrong password reads the same as the right one.
    guess = sign_in(client, password="guess", otp="123456", address="192.0.2.98")
    assert guess.status_code == 429 and message in guess.content.decode()

    assert sign_in(client, otp=code(device), address="192.0.2.99").status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_locked_account_without_second_factor_gets_in_after_a_short_delay(
    client, settings, boss, clock
):
    settings.ADMIN_LOGIN_ATTEMPTS, settings.ADMIN_LOGIN_WINDOW = 3, 900
    for n in range(3):
        sign_in(client, password="guess", address=f"203.0.113.{n}")
    locked = sign_in(client)
    assert locked.status_code == 429 and locked["Retry-After"] == "300"
    assert "wait 5 minutes" in locked.content.decode()
    clock.now += 300
    assert sign_in(client).status_code == 302


def test_sign_in_events_are_logged_without_the_address(
    client, settings, required, device, clock, caplog
):
    settings.ADMIN_LOGIN_ATTEMPTS, settings.ADMIN_LOGIN_WINDOW = 3, 900
    caplog.set_level(logging.INFO)
    wrong = f"{(int(code(device)) + 1) % 1_000_000:06d}"
    sign_in(client, password="guess", address="203.0.113.77")
    sign_in(client, password="guess", username="my-password-typed-here", address="203.0.113.77")
    sign_in(client, otp=wrong, address="203.0.113.77")
    sign_in(client, address="203.0.113.78")
    sign_in(client, address="203.0.113.79")  # the account's three attempts are used up
    device.throttle_reset()  # django-otp makes each miss wait longer; not the point here
    sign_in(client, otp=code(device), address="203.0.113.79")

    lines = [r.getMessage() for r in caplog.records if r.name == "optout.auth"]
    assert lines == [
        "sign-in failed: wrong password user=boss",
        "sign-in failed: wrong password user=(no such account)",
        "sign-in failed: wrong second factor user=boss",
        "sign-in failed: no code user=boss",
        "sign-in refused: account locked user=boss",
        "sign-in succeeded user=boss second_factor=yes",
    ]
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert "203.0.113" not in everything and "my-password-typed-here" not in everything


def test_a_client_lockout_is_logged(client, settings, boss, caplog):
    settings.ADMIN_LOGIN_ATTEMPTS = 1
    sign_in(client, password="guess")
    sign_in(client, username="someone-else")
    assert "sign-in refused: too many attempts from one client" in caplog.messages


def test_an_idle_admin_session_is_signed_out(client, settings, boss):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    sign_in(client)
    assert client.get("/admin/").status_code == 200
    session = Session.objects.get()
    expected = timezone.now() + datetime.timedelta(minutes=30)
    assert abs(session.expire_date - expected) < datetime.timedelta(seconds=30)

    # Each request moves the expiry on; half an hour without one ends the session.
    Session.objects.update(expire_date=timezone.now() + datetime.timedelta(minutes=1))
    assert client.get("/admin/").status_code == 200
    assert Session.objects.get().expire_date > expected - datetime.timedelta(seconds=30)
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get("/admin/")["Location"].startswith(LOGIN)
