"""An editor fixes a step in the admin; a visitor's checklist shows it at once."""

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from walkthroughs.models import Step

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW_TEXT = "In the menu on the left, open Privacy (LinkedIn renamed Data privacy)."
CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  `${e.violatedDirective} ${e.blockedURI || 'inline'} ${e.sourceFile}:${e.lineNumber}`));
"""


def sign_in(page, before_submit=lambda: True) -> None:
    """The editor signs in with the password; `before_submit` is checked on the sign-in page."""
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-long-test-password")
    assert before_submit()
    page.get_by_role("button", name="Log in").click()


def test_an_editors_change_reaches_a_visitor_at_once(new_context):
    user = User.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    step = Step.objects.get(action__slug="ai-training", surface="web", position=3)

    visitor = new_context().new_page()
    visitor.goto("/checklist/de/web/")
    expect(visitor.locator("#ai-training .steps")).to_contain_text(step.text)

    editor_context = new_context()
    editor_context.add_init_script(CSP_LISTENER)
    editor = editor_context.new_page()
    sign_in(editor)
    expect(editor.get_by_role("link", name="Editors' overview")).to_be_visible()

    editor.goto(f"/admin/walkthroughs/step/{step.pk}/change/")
    editor.locator("#id_text").fill(NEW_TEXT)
    editor.get_by_role("button", name="Save", exact=True).click()
    expect(editor.locator(".messagelist")).to_contain_text("was changed successfully")
    # The admin works under the strict Content Security Policy.
    assert editor.evaluate("window.__csp") == []

    visitor.reload()
    expect(visitor.locator("#ai-training .steps")).to_contain_text(NEW_TEXT)
    assert editor_context.cookies(), "the editor is signed in with a session cookie"


def test_staff_set_up_the_second_factor_under_the_strict_policy(new_context, settings):
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.ADMIN_REQUIRE_2FA = True
    user = User.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    context = new_context()
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    sign_in(page, before_submit=lambda: page.evaluate("window.__csp") == [])

    expect(page.get_by_role("heading", name="Set up your second factor")).to_be_visible()
    assert page.evaluate("window.__csp") == []
    qr = page.get_by_role("img", name="QR code for your authenticator app")
    # Drawn by our own server; decode() waits for the image, which a busy machine loads late.
    assert qr.evaluate("img => img.decode().then(() => img.naturalWidth)") > 100
    device = TOTPDevice.objects.get(user=user)
    code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    page.get_by_label("Code from your authenticator app").fill(f"{code:06d}")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("link", name="Editors' overview")).to_be_visible()
    assert page.evaluate("window.__csp") == []
