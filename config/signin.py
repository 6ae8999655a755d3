"""Signing in to the admin: a password and a one-time code, under limits per client and account.

Every attempt takes one from two buckets (config/ratelimit.py) before the password is
checked, so parallel guesses cannot race past a limit:

- per client: when its bucket is empty, the client waits (a few minutes at most, the time
  one attempt takes to come back) whatever it sends;
- per account, from any client: when its bucket is empty, a password alone no longer
  signs in and every failure gets the same answer, so a guesser learns nothing; the right
  password with the right code from the account's authenticator app still does, and an
  account without one waits for its next attempt.

Events go to the `optout.auth` logger with the account, never the client's address.
"""

import io
import logging
from base64 import b32encode

import segno
from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import authenticate, get_user_model
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import ratelimit

log = logging.getLogger("optout.auth")


class Throttled(Exception):
    """An attempt refused by a limit; the sign-in page says how long to wait."""

    def __init__(self, retry_after: int, message: str) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.message = message


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def account_name(username: str) -> str:
    """How a log line names an account: its user name if it exists, never a typed guess."""
    exists = get_user_model()._default_manager.filter(**{get_user_model().USERNAME_FIELD: username})
    return username if exists.exists() else "(no such account)"


def wait_text(seconds: int) -> str:
    if seconds < 90:
        return "1 second" if seconds == 1 else f"{seconds} seconds"
    return f"{round(seconds / 60)} minutes"


class SignInForm(AdminAuthenticationForm):
    otp_token = forms.CharField(
        label="Code from your authenticator app",
        required=False,
        max_length=10,
        strip=True,
        help_text="The 6-digit code, once your account has a second factor.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "code_needed": "Enter the 6-digit code from your authenticator app.",
        "wrong_code": "That code is wrong or expired: enter the one your app shows now.",
    }

    def clean(self) -> dict:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not username or not password:
            return self.cleaned_data
        code = self.cleaned_data.get("otp_token", "")
        limit, window = settings.ADMIN_LOGIN_ATTEMPTS, settings.ADMIN_LOGIN_WINDOW

        by_client = ratelimit.consume_for_client(self.request, "signin-client", limit, window)
        if not by_client.allowed:
            log.warning("sign-in refused: too many attempts from one client")
            raise Throttled(
                by_client.retry_after,
                "Too many sign-in attempts from your connection. "
                f"Please wait {wait_text(by_client.retry_after)} and try again.",
            )
        by_account = ratelimit.consume("signin-account", username.casefold(), limit, window)

        user = authenticate(self.request, username=username, password=password)
        device = confirmed_device(user) if user is not None else None
        if not by_account.allowed:
            # Locked: only the password together with the code gets through.
            if user is None or device is None or not code or not verified(user, device, code):
                log.warning("sign-in refused: account locked user=%s", account_name(username))
                raise Throttled(
                    by_account.retry_after,
                    "Too many failed sign-ins for this account. Sign in with your password "
                    "and the code from your authenticator app, or wait "
                    f"{wait_text(by_account.retry_after)} and try again.",
                )
        elif user is None:
            log.warning("sign-in failed: wrong password user=%s", account_name(username))
            raise self.get_invalid_login_error()
        elif device is not None and not code:
            log.warning("sign-in failed: no code user=%s", username)
            raise forms.ValidationError(self.error_messages["code_needed"], code="code_needed")
        elif device is not None and not verified(user, device, code):
            log.warning("sign-in failed: wrong second factor user=%s", username)
            raise forms.ValidationError(self.error_messages["wrong_code"], code="wrong_code")

        try:
            self.confirm_login_allowed(user)
        except forms.ValidationError:
            log.warning("sign-in failed: not an active staff account user=%s", username)
            raise
        if device is not None:
            # django-otp records the device in the session when Django signs the user in.
            user.otp_device = device
        self.user_cache = user
        log.info(
            "sign-in succeeded user=%s second_factor=%s",
            username,
            "yes" if device is not None else "no",
        )
        return self.cleaned_data


def verified(user, device: TOTPDevice, code: str) -> bool:
    """Whether the code is the device's current one (django-otp also slows repeated misses)."""
    digits = "".join(c for c in code if c.isdigit())
    return verify_token(user, device.persistent_id, digits) is not None


def needs_enrolment(request: HttpRequest) -> bool:
    """A signed-in staff member who must give a second factor and has none yet."""
    user = request.user
    return (
        settings.ADMIN_REQUIRE_2FA
        and user.is_active
        and user.is_staff
        and confirmed_device(user) is None
    )


def _pending_device(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


class EnrolForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


@never_cache
def enrol(request: HttpRequest, site) -> HttpResponse:
    """Set up the second factor: scan the code, then prove it works with one code."""
    user = request.user
    if not (user.is_active and user.is_staff):
        return redirect("admin:login")
    if confirmed_device(user) is not None:
        # Replacing a device is for an administrator, never for a password-only session.
        return redirect("admin:index" if user.is_verified() else "admin:login")
    device = _pending_device(user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
            if device.verify_token("".join(c for c in form.cleaned_data["code"] if c.isdigit())):
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                otp_login(request, device)
                log.info("second factor enrolled user=%s", user.get_username())
                return redirect("admin:index")
        log.warning("second factor enrolment failed: wrong code user=%s", user.get_username())
        form.add_error("code", SignInForm.error_messages["wrong_code"])
    context = {
        **site.each_context(request),
        "title": "Set up your second factor",
        "form": form,
        "secret": b32encode(device.bin_key).decode(),
        "qr_url": reverse("admin:two_factor_qr", current_app=site.name),
    }
    request.current_app = site.name
    return TemplateResponse(request, "admin/two_factor.html", context)


@never_cache
def enrol_qr(request: HttpRequest) -> HttpResponse:
    """The QR code of the device being set up, drawn here: the secret never leaves our server."""
    user = request.user
    if not (user.is_active and user.is_staff) or confirmed_device(user) is not None:
        return HttpResponse(status=404)
    device = _pending_device(user)
    svg = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        svg, kind="svg", xmldecl=False, scale=5, dark="#000", light="#fff"
    )
    return HttpResponse(svg.getvalue(), content_type="image/svg+xml")
