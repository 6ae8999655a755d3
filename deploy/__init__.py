"""The production front: nginx before gunicorn (see front.py)."""
