"""Headers Django has no setting for."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# Deny every powerful feature; the checklist's copy and share buttons need only these two.
PERMISSIONS_POLICY = ", ".join(
    [
        *(
            f"{feature}=()"
            for feature in (
                "accelerometer",
                "ambient-light-sensor",
                "autoplay",
                "bluetooth",
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
        "web-share=(self)",
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
