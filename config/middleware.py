"""What Django has no setting for: a few headers, and answers given before the view runs."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.utils.log import log_response
from whitenoise.middleware import WhiteNoiseMiddleware

# Deny every powerful feature; the checklist's copy button needs only clipboard-write.
# Only features Chromium knows are named: it warns on every page about any other (it knew
# neither ambient-light-sensor, bluetooth nor web-share in version 156; web-share is
# allowed for our own pages by default anyway, which is all the share button needs).
PERMISSIONS_POLICY = ", ".join(
    [
        *(
            f"{feature}=()"
            for feature in (
                "accelerometer",
                "autoplay",
                "browsing-topics",
                "camera",
                "display-capture",
                "encrypted-media",
                "fullscreen",
                "geolocation",
                "gyroscope",
                "hid",
                "identity-credentials-get",
                "idle-detection",
                "interest-cohort",
                "local-fonts",
                "magnetometer",
                "microphone",
                "midi",
                "otp-credentials",
                "payment",
                "picture-in-picture",
                "publickey-credentials-create",
                "publickey-credentials-get",
                "screen-wake-lock",
                "serial",
                "storage-access",
                "usb",
                "window-management",
                "xr-spatial-tracking",
            )
        ),
        "clipboard-write=(self)",
    ]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Our pages and files are for our own pages; the API opts out with CORS.
        response.setdefault("Cross-Origin-Resource-Policy", "same-site")
        return response


class FormEncodingMiddleware:
    """A form post in a charset other than UTF-8 is a plain 400, not an error and a traceback.

    Django refuses such a body with BadRequest wherever it is first read; when that is the
    CSRF check, the 400 handler's own CSRF check reads it again and the answer becomes a 500.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.method == "POST"
            and request.content_type == "application/x-www-form-urlencoded"
            and (request.encoding or "utf-8").lower().replace("_", "-") not in ("utf-8", "utf8")
        ):
            response = HttpResponseBadRequest(
                "Forms must be sent in UTF-8.\n", content_type="text/plain; charset=utf-8"
            )
            log_response("Bad Request (form charset): %s", request.path, response=response)
            return response
        return self.get_response(request)


def declared_methods(view: Callable) -> list[str] | None:
    """The methods a view accepts, as its require_http_methods (or require_safe…) says."""
    while view is not None:
        code, cells = getattr(view, "__code__", None), getattr(view, "__closure__", None)
        if code is not None and cells:
            free = dict(zip(code.co_freevars, cells, strict=True))
            if "request_method_list" in free:
                return list(free["request_method_list"].cell_contents)
        view = getattr(view, "__wrapped__", None)
    return None


class MethodNotAllowedMiddleware:
    """405 with Allow for a method the view refuses anyway, before the CSRF check says 403."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable, args: tuple, kwargs: dict
    ) -> HttpResponse | None:
        allowed = declared_methods(view)
        if allowed is None or request.method in allowed:
            return None
        response = HttpResponseNotAllowed(allowed)
        log_response("Method Not Allowed (%s): %s", request.method, request.path, response=response)
        return response


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise, without the manifest of hashed names: that is build output, not public."""

    def add_file_to_dictionary(self, url: str, path: str, stat_cache=None) -> None:
        if not self._is_manifest(url):
            super().add_file_to_dictionary(url, path, stat_cache=stat_cache)

    def find_file(self, url: str):
        return None if self._is_manifest(url) else super().find_file(url)

    def _is_manifest(self, url: str) -> bool:
        return url.startswith(f"{self.static_prefix}staticfiles.json")
