# syntax=docker/dockerfile:1
# The image is the whole production front: nginx on PORT (8080) before gunicorn, which
# listens only on a unix socket inside the container (deploy/front.py starts both).
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8080 \
    FRONT_HOST=0.0.0.0

# Debian's nginx, and its module that sends the precompressed .br files. Not pinned: the
# base image's Debian release fixes the versions, and its security updates should land.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends nginx libnginx-mod-http-brotli-static \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, so a code change does not reinstall them.
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .

# Compile the translations, and collect static files (settings need a key to load; this
# one is a build-time placeholder only).
RUN pybabel -q compile --domain django --directory locale \
    && DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input \
    && useradd --system --uid 10001 --no-create-home app \
    && mkdir -p /app/media \
    && chown -R app /app

# Editors' screenshots, when they are kept on local disk (no DJANGO_MEDIA_S3_BUCKET): a
# volume, so that they outlive the container. With more than one container, use a bucket.
ENV DJANGO_MEDIA_ROOT=/app/media
VOLUME ["/app/media"]

USER 10001

EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request; sys.exit(urllib.request.urlopen(f\"http://127.0.0.1:{os.environ['PORT']}/healthz\", timeout=2).status != 200)"]

# Migrations load the content; run them before starting the new version, e.g.
#   docker run --rm --env-file .env IMAGE python manage.py migrate
CMD ["python", "-m", "deploy.front"]
