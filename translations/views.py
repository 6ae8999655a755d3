"""The style sheets, read-only, for staff in the admin (wrapped by admin_view in the URLs)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import style
from .admin import LANGUAGE_NAMES


@require_GET
def style_sheet(request: HttpRequest, language: str) -> HttpResponse:
    text = style.style_sheet(language)
    if text is None:
        raise Http404("No style sheet for this language.")
    return render(
        request,
        "admin/style_sheet.html",
        {
            "title": f"Style sheet: {LANGUAGE_NAMES[language]}",
            "text": text,
            "language": language,
            "path": f"docs/style/{language}.md",
        },
    )
