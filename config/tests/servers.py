"""What the tests that start real servers share: free ports and a clean environment."""

import os
import socket


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(**settings: str) -> dict[str, str]:
    """This process's environment without our settings, then production-like ones.

    The cache is local memory: a server of a test's own must not share the suite's Redis.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    env.pop("CACHE_URL", None)
    return {**env, "DJANGO_DEBUG": "false", **settings}
