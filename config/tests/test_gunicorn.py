"""A real gunicorn with config/gunicorn.py: what it logs, whose forwarded headers it believes."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from config.tests.servers import free_port, server_env

ROOT = Path(__file__).resolve().parents[2]
# Loopback has a whole /8: the client speaks from an address the server does not listen on,
# so that finding it in a log can only mean the log names the client.
CLIENT = "127.0.0.77"


def exchange(port: int, raw: bytes, client: str = CLIENT) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5, source_address=(client, 0)) as s:
        s.sendall(raw)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.fixture
def gunicorn(tmp_path):
    port = free_port()
    log = tmp_path / "gunicorn.log"
    env = server_env(
        DJANGO_SECRET_KEY="gunicorn-test-key",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="true",
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
    )
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.py",
             "--log-level", "debug", "config.wsgi"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while not answers(port):
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "gunicorn did not start:\n" + log.read_text()
            time.sleep(0.2)
        yield port, process, log
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)


def answers(port: int) -> bool:
    try:
        return b" 200 " in exchange(port, b"GET /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
    except OSError:
        return False


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


def test_no_client_address_in_any_gunicorn_log(gunicorn):
    port, process, log = gunicorn
    host = b"Host: 127.0.0.1\r\n"
    assert exchange(port, b"NOT A REQUEST\r\n\r\n").startswith(b"HTTP/1.1 400")
    assert exchange(port, b"GET / HTTP/1.1\r\n" + host + b"Bad Header\r\n\r\n").startswith(
        b"HTTP/1.1 400"
    )
    assert exchange(port, b"GET /" + b"x" * 9000 + b" HTTP/1.1\r\n" + host + b"\r\n")[:12] in (
        b"HTTP/1.1 414",
        b"HTTP/1.1 400",
    )
    exchange(
        port,
        b"GET /robots.txt HTTP/1.1\r\n" + host + b"X-Forwarded-For: 203.0.113.9\r\n"
        b"Connection: close\r\n\r\n",
    )
    stop(process)

    text = log.read_text()
    assert "Invalid request" in text, text  # the errors were logged, without their sender
    assert CLIENT not in text, text
    assert "203.0.113.9" not in text, text


def test_forwarded_proto_is_not_believed_from_an_unnamed_peer(gunicorn):
    port, _process, _log = gunicorn
    # From 127.0.0.1 itself, but no proxy was named: claiming HTTPS must not skip the
    # redirect to it.
    response = exchange(
        port,
        b"GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Proto: https\r\n"
        b"Connection: close\r\n\r\n",
        client="127.0.0.1",
    )
    assert response.startswith(b"HTTP/1.1 301"), response[:300]
    assert b"Location: https://127.0.0.1/robots.txt" in response
