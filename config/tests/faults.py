"""Real failures for tests: a Redis of their own to stop or freeze, a database that is gone."""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
from django.db import connections

REDIS = shutil.which("redis-server")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"{what} within {seconds} s"
        time.sleep(0.05)


class RedisServer:
    """A redis-server on a free port, owned by one test: started, stopped, frozen by it."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def start(self) -> None:
        self.process = subprocess.Popen(
            [REDIS, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_until(self.answers, 10, "redis-server answers")

    def stop(self) -> None:
        """Gone: every connection refused."""
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGCONT)
            self.process.terminate()
            self.process.wait(timeout=10)
        wait_until(lambda: not self.answers(), 5, "redis-server stops")

    def freeze(self) -> None:
        """Hung: connections are accepted, nothing is ever answered."""
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Fail, rather than hang, when the block takes longer (the main thread only: the
    test database belongs to it)."""

    def expire(signum, frame):
        raise TimeoutError(f"still waiting after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def redis_server() -> Iterator[RedisServer]:
    if REDIS is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is needed for the fault tests", pytrace=False)
        pytest.skip("redis-server is not installed")
    server = RedisServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def database_down(alias: str = "default") -> Iterator[None]:
    """The database unreachable for a while: the connection is pointed at an address where
    nothing listens (a closed port for PostgreSQL, a file in a missing folder for SQLite),
    so that the real driver fails as it does when the server is gone. The live connection
    (the test's transaction included) is set aside and given back afterwards."""
    connection = connections[alias]
    saved = dict(vars(connection))
    dead = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        dead["NAME"] = "/nonexistent-folder-of-the-fault-tests/db.sqlite3"
    else:
        dead.update(HOST="127.0.0.1", PORT=str(free_port()))
    connection.settings_dict = dead
    connection.connection = None
    try:
        yield
    finally:
        if connection.connection is not None:
            connection.connection.close()
        vars(connection).clear()
        vars(connection).update(saved)
