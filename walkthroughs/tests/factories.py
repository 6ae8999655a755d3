"""Tiny helpers for tests: users and admin form data."""

from html.parser import HTMLParser

from django.contrib.auth.models import Group, User


def editor(username: str = "editor") -> User:
    user = User.objects.create_user(username, password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


class _FormParser(HTMLParser):
    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.data: dict[str, str | list[str]] = {}
        self._select: str | None = None
        self._multiple = False
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data[name] = attrs.get("value", "on")
            elif kind not in ("submit", "button", "file"):
                self.data[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self._select = name
            self._multiple = "multiple" in attrs
            self.data.setdefault(name, [] if self._multiple else "")
        elif tag == "option" and self._select and "selected" in attrs:
            if self._multiple:
                self.data[self._select].append(attrs.get("value", ""))
            else:
                self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            # Browsers drop the newline that follows <textarea>.
            text = data if self.data[self._textarea] else data.removeprefix("\n")
            self.data[self._textarea] += text


def form_data(html: str, form_id: str) -> dict[str, str | list[str]]:
    """The values a browser would submit from the form with this id, as rendered."""
    parser = _FormParser(form_id)
    parser.feed(html)
    return parser.data
