"""Gunicorn settings; each can be overridden by the matching GUNICORN_* variable.

gunicorn is not meant to face the internet: it binds to loopback unless told otherwise,
and deploy/front.py (make serve, the Docker image) puts nginx before it on a unix socket.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = "-"
# No client address and no user agent: a privacy site keeps no visitor identifiers.
access_log_format = '"%(r)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
# The error log would name clients ("Invalid request from ip=…"); this logger blanks them.
logger_class = "config.anonymous_logs.AnonymousLogger"
# X-Forwarded-Proto and the like are believed from no one unless a proxy is named here
# (gunicorn's own default trusts loopback, so any local client could claim HTTPS). A peer
# on a unix socket is always trusted: that is how the front (deploy/front.py) connects.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "")
# gunicorn's control socket sits at one path per user: several instances on one machine
# (tests, make serve, the benchmark) would take it from each other. Nothing here uses it.
control_socket_disable = True
