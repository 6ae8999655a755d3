"""Settings for Opt-Out Guide, read from the environment (see .env.example)."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local .env is a convenience for development; real deployments set variables.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)

if DEBUG:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="insecure-development-key-only-for-debug")
else:
    # Fail at start-up rather than run production with a guessable key.
    SECRET_KEY = env.str("DJANGO_SECRET_KEY")

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# The address visitors use, with its port where that is not the scheme's own. Cached pages
# are rendered and kept for it alone whatever Host a client sends, so that a hundred ports
# of an allowed host are one entry and nobody can put another address into pages others
# get. By default the first allowed host; in debug the request's own, so that links work
# on any port.
CANONICAL_HOST = env.str(
    "DJANGO_CANONICAL_HOST",
    default="" if DEBUG else next((h for h in ALLOWED_HOSTS if h != "*" and h[0] != "."), ""),
)
if CANONICAL_HOST:
    from django.core.exceptions import ImproperlyConfigured
    from django.http.request import split_domain_port, validate_host

    if not validate_host(split_domain_port(CANONICAL_HOST)[0], ALLOWED_HOSTS):
        raise ImproperlyConfigured("DJANGO_CANONICAL_HOST must be one of DJANGO_ALLOWED_HOSTS.")

INSTALLED_APPS = [
    "config.admin.OptOutAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "simple_history",
    "config",
    "pagecache",
    "translations",
    "regions",
    "walkthroughs",
]

MIDDLEWARE = [
    "config.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.SecurityHeadersMiddleware",
    "config.middleware.FormEncodingMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.StaticFilesMiddleware",
    # Compresses our own pages (WhiteNoise serves static files already compressed). Django's
    # version pads its output against BREACH for pages that carry a CSRF token.
    "django.middleware.gzip.GZipMiddleware",
    # Cached public pages leave here, with every header above, before the rest runs.
    "pagecache.middleware.CachedPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "languages.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF check, so that a method no view accepts is a 405 and not a 403.
    "config.middleware.MethodNotAllowedMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Tells whether the signed-in user gave their second factor (request.user.is_verified()).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "config.health.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database host that drops packets must fail a request in seconds, not hold a worker
    # for the system's two minutes: cached pages go on being served meanwhile.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers share the file: readers never wait for the writer (WAL), a
    # transaction takes the write lock when it begins rather than failing half-way
    # (IMMEDIATE), and a writer waits its turn instead of erring at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://opt-out-guide")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # A Redis that is down or hung is a cache miss, not an error: pages render from the
    # database (config/cache.py).
    CACHES["default"]["BACKEND"] = "config.cache.ResilientRedisCache"
# How long a process trusts its cached copy of the content version. A shared cache (Redis)
# is told of every change, but a change made while Redis was unreachable never reached
# it: a minute bounds how long pages can stay that stale once it is back. A per-process
# cache checks the database every few seconds, so every worker follows an editor's change.
_SHARED_CACHE = "LocMemCache" not in CACHES["default"]["BACKEND"]
CONTENT_VERSION_TTL = env.int("DJANGO_CONTENT_VERSION_TTL", default=0) or (
    60 if _SHARED_CACHE else 5
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The visitor's languages; English addresses have no prefix, the others /fr/, /de/, ….
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("nl", "Nederlands"),
    ("it", "Italiano"),
    ("es", "Español"),
    ("pt", "Português"),
    ("pl", "Polski"),
    ("zh-hant", "繁體中文"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files (the steps' screenshots): local files in MEDIA_ROOT, or a bucket of any
# S3-compatible store when one is named. Either way the site serves them at its own
# address (walkthroughs/screenshots.py), so the bucket stays private and pages load
# nothing from another host. Credentials come the usual way for boto3
# (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the machine's role).
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default="") or BASE_DIR / "media")
MEDIA_S3_BUCKET = env.str("DJANGO_MEDIA_S3_BUCKET", default="")
if MEDIA_S3_BUCKET:
    from botocore.config import Config as S3Config

    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": env.str("DJANGO_MEDIA_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("DJANGO_MEDIA_S3_REGION", default="") or None,
            "default_acl": None,
            "file_overwrite": False,
            # A store that is down or slow costs a screenshot, not a worker: short waits.
            "client_config": S3Config(
                connect_timeout=3, read_timeout=10, retries={"max_attempts": 2, "mode": "standard"}
            ),
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Hashed file names never change content, so browsers and CDNs may keep them for a year.
WHITENOISE_MAX_AGE = 365 * 24 * 60 * 60 if not DEBUG else 0

# Security. Production is the default; DJANGO_DEBUG=true relaxes what needs HTTPS.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
if env.bool("DJANGO_BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 0 if DEBUG else 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# The report form's token cookie lives as long as the browser session, not Django's year.
CSRF_COOKIE_AGE = None
X_FRAME_OPTIONS = "DENY"

from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    # Sign-ins, failures, lockouts and second-factor events, never with the client's address.
    # httpx (the watch) logs every request at INFO: the command's summary says enough.
    "loggers": {"optout.auth": {"level": "INFO"}, "httpx": {"level": "WARNING"}},
}

# The country a CDN detected for the visitor, e.g. CF-IPCountry; read, never stored.
COUNTRY_HEADER = env.str("DJANGO_COUNTRY_HEADER", default="")

# Content not verified on a live account for this many days is flagged stale to editors.
VERIFICATION_STALE_AFTER_DAYS = env.int("DJANGO_VERIFICATION_STALE_AFTER_DAYS", default=90)

# The watch (manage.py watch): how long it may run in all, each request's timeout, how
# many requests at once (never two at once to one host), the pause between two requests
# to one host, and where GitHub's API is (Open Terms Archive's version repositories).
WATCH_DEADLINE = env.float("WATCH_DEADLINE", default=300.0)
WATCH_TIMEOUT = env.float("WATCH_TIMEOUT", default=15.0)
WATCH_CONCURRENCY = env.int("WATCH_CONCURRENCY", default=4)
WATCH_HOST_DELAY = env.float("WATCH_HOST_DELAY", default=2.0)
WATCH_GITHUB_API = env.str("WATCH_GITHUB_API", default="https://api.github.com")
# A GitHub token (read-only, public repositories) lifts the API's limit of 60 requests an
# hour per address to 5,000; sent to WATCH_GITHUB_API only.
WATCH_GITHUB_TOKEN = env.str("WATCH_GITHUB_TOKEN", default="")

# Header holding the client address appended by a trusted proxy (e.g. X-Forwarded-For).
# Used only, hashed, for rate limits; never logged or stored.
CLIENT_IP_HEADER = env.str("DJANGO_CLIENT_IP_HEADER", default="")
# Visitor reports: at most this many per client per hour.
REPORTS_PER_HOUR = env.int("DJANGO_REPORTS_PER_HOUR", default=5)

# Public pages, the API, QR codes and the feed are cached per content version (see
# pagecache/responses.py). Browsers and CDNs may keep them this many seconds, and serve
# a stale copy this much longer while they fetch a fresh one.
PUBLIC_CACHE_MAX_AGE = env.int("DJANGO_PUBLIC_CACHE_MAX_AGE", default=300)
PUBLIC_CACHE_STALE_WHILE_REVALIDATE = env.int(
    "DJANGO_PUBLIC_CACHE_STALE_WHILE_REVALIDATE", default=3600
)
# How long our own cache keeps a rendered page; a content change makes it unreachable
# at once, whatever this says.
PAGE_CACHE_TIMEOUT = env.int("DJANGO_PAGE_CACHE_TIMEOUT", default=24 * 60 * 60)

# The admin's address (change it to keep password guessers from finding it), and how many
# failed sign-ins a client may make per window before it must wait.
ADMIN_PATH = env.str("DJANGO_ADMIN_PATH", default="admin/").strip("/") + "/"
# Sign-in attempts per client and, separately, per account: this many at once, then one
# more every window / attempts seconds (config/ratelimit.py).
ADMIN_LOGIN_ATTEMPTS = env.int("DJANGO_ADMIN_LOGIN_ATTEMPTS", default=10)
ADMIN_LOGIN_WINDOW = env.int("DJANGO_ADMIN_LOGIN_WINDOW", default=15 * 60)
# Staff must give a one-time code from an authenticator app (TOTP) to use the admin; only
# development may do without.
ADMIN_REQUIRE_2FA = env.bool("DJANGO_ADMIN_REQUIRE_2FA", default=not DEBUG)
OTP_TOTP_ISSUER = "Opt-Out Guide"
# The admin shows no device's secret once it exists.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Sessions exist only for the admin: one idle this many seconds is signed out (each
# request moves the expiry on).
SESSION_COOKIE_AGE = env.int("DJANGO_ADMIN_IDLE_TIMEOUT", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
