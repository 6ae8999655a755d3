# syntax=docker/dockerfile:1
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

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
    && chown -R app /app

USER 10001

EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"]

# Migrations load the content; run them before starting the new version, e.g.
#   docker run --rm IMAGE python manage.py migrate
CMD ["gunicorn", "--config", "config/gunicorn.py", "config.wsgi"]
