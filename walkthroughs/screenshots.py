"""Screenshots of steps: what an upload becomes before it is stored, and how it is served.

An editor's upload is never kept as it came. It is decoded (PNG, JPEG or WebP only, within
a size and pixel budget, so that no crafted file can make the server decode a giant
image), turned upright, flattened onto white, scaled to fit ``MAX_SIZE`` and written
afresh twice: WebP for the browsers that read it (all current ones) and JPEG as the
fallback. Written afresh means nothing of the original file survives: no EXIF (camera,
place, time), no colour profile, no comments, no hidden frames.

The two files get random names under ``screenshots/`` in the default storage (local files,
or an S3-compatible bucket when configured) and are served by our own address, so pages
never load anything from another host and a name never changes content (a year's cache).
"""

import dataclasses
import io
import logging
import secrets
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe
from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

FOLDER = "screenshots"
FORMATS = ("PNG", "JPEG", "WEBP")
MAX_UPLOAD_BYTES = 15 * 1024 * 1024
# A phone's screenshot is about 3.3 million pixels and a 5K screen's 15 million.
MAX_PIXELS = 40_000_000
# Phones' tall screenshots are scaled to 1600 pixels high (about 740 wide), desktop ones to
# 1280 wide: sharp at twice the width the page shows them.
MAX_SIZE = (1280, 1600)
WEBP_QUALITY = 82
JPEG_QUALITY = 85
CONTENT_TYPES = {"webp": "image/webp", "jpg": "image/jpeg"}
YEAR = 365 * 24 * 60 * 60


@dataclasses.dataclass(frozen=True)
class Encoded:
    webp: ContentFile
    jpeg: ContentFile
    width: int
    height: int


def encode(upload) -> Encoded:
    """The upload decoded, cleaned, scaled and written as WebP and JPEG.

    Raises ValidationError, with a message an editor can act on, for anything that is not
    a PNG, JPEG or WebP image of a sensible size.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            "This file is %(size)s MB; a screenshot may be at most %(limit)s MB.",
            code="too_large",
            params={"size": _mb(upload.size), "limit": _mb(MAX_UPLOAD_BYTES)},
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload, formats=FORMATS) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise ValidationError(
                        "This image is %(width)s × %(height)s pixels, too large to be a "
                        "screenshot.",
                        code="too_many_pixels",
                        params={"width": width, "height": height},
                    )
                image.seek(0)  # an animated file: its first frame only
                upright = ImageOps.exif_transpose(image)
                flat = _flatten(upright)
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            "This file is not a PNG, JPEG or WebP image we can read.", code="not_an_image"
        ) from None
    except (OSError, SyntaxError, ValueError) as error:
        # Truncated or corrupt data surfaces while decoding, in any of these.
        logger.info("Screenshot upload could not be decoded: %s", error)
        raise ValidationError(
            "This image is damaged or incomplete; export it again and upload that.",
            code="damaged",
        ) from None
    flat.thumbnail(MAX_SIZE, Image.Resampling.LANCZOS)
    return Encoded(
        webp=ContentFile(_written(flat, "WEBP", quality=WEBP_QUALITY, method=6)),
        jpeg=ContentFile(
            _written(flat, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
        ),
        width=flat.width,
        height=flat.height,
    )


def _flatten(image: Image.Image) -> Image.Image:
    """A new RGB image with the pixels alone, transparency laid on white."""
    rgba = image.convert("RGBA")
    flat = Image.new("RGB", rgba.size, "white")
    flat.paste(rgba, mask=rgba.getchannel("A"))
    return flat


def _written(image: Image.Image, format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format, **options)
    return buffer.getvalue()


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")


def new_names() -> tuple[str, str]:
    """Fresh storage names for one screenshot's WebP and JPEG files."""
    stem = secrets.token_hex(10)
    return f"{FOLDER}/{stem}.webp", f"{FOLDER}/{stem}.jpg"


@require_safe
def serve(request: HttpRequest, name: str, extension: str) -> HttpResponse:
    """One screenshot file, from whichever storage holds them.

    Names are random and never reused, so a file may be kept a year. The database is not
    asked: the storage holds the files of current screenshots only (deleting one deletes
    its files), so this answers while the database is down, and a storage that fails
    gives a 503, not an error page.
    """
    path = f"{FOLDER}/{name}.{extension}"
    try:
        if not default_storage.exists(path):
            raise Http404("No such screenshot.")
        response = FileResponse(
            default_storage.open(path, "rb"), content_type=CONTENT_TYPES[extension]
        )
    except Http404:
        raise
    except Exception:  # any storage backend's failure, local or remote
        logger.warning("Screenshot %s could not be read from storage", path, exc_info=True)
        response = HttpResponse(
            "The screenshot cannot be read just now.", status=503, content_type="text/plain"
        )
        response["Retry-After"] = "60"
        response["Cache-Control"] = "no-store"
        return response
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    return response


def delete_files(*names: str) -> None:
    """Remove stored files; one that is gone already, or a storage that fails, is logged."""
    for name in names:
        if not name:
            continue
        try:
            default_storage.delete(name)
        except Exception:  # any storage backend's failure
            logger.warning("Screenshot file %s could not be deleted", name, exc_info=True)
