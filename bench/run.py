"""Load benchmark: gunicorn alone, then the production front (nginx before it), under wrk.

Part 1, gunicorn with production settings on loopback: four addresses; the budget is a
cached checklist at 0.8x the static file's throughput.
Part 2, through the shipped front (deploy/front.py, rate limits lifted so that one
benchmarking client is not taken for an attack): a cached checklist at 0.5x the front's
own static-file throughput; no error at 64 nor at 1,000 connections; and 30 clients
trickling request bodies and headers do not slow a cached page (0.7x or better).

Part 3, one request at a time to gunicorn: the median cost of an uncached checklist
against a cached one (at most 15 times).

Prints requests per second, p50 and p99 latency and errors for each. Exits non-zero when
a budget is missed or any request failed.

    make bench                                    # 3 rounds of 10 s per address
    BENCH_SECONDS=30 BENCH_ROUNDS=5 make bench    # longer
"""

import http.client
import json
import os
import re
import resource
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
# Each address is measured this many times, interleaved with the others, and the median
# reported: on a small shared machine one run alone swings by a third.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "64"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
BUDGET = 0.8
FRONT_BUDGET = 0.5
SLOW_CLIENTS = 30
SLOW_BUDGET = 0.7
MANY = 1000
# An uncached checklist may cost at most this many cached ones (medians, same run).
MISS_BUDGET = 15
MISSES = int(os.environ.get("BENCH_MISSES", "60"))
UPGRADE_PAUSE = 0.5

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from deploy.front import Front, Options, nginx_binary  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare_site(workdir: Path, database_url: str | None = None) -> dict[str, str]:
    """Production settings on loopback, a migrated database (a throwaway SQLite one in
    ``workdir`` unless named) and collected static files: the environment to serve with."""
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url or f"sqlite:///{workdir / 'bench.sqlite3'}",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    for command in (["migrate", "--no-input", "-v0"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    return env


def start_gunicorn(env: dict[str, str], port: int, *options: str) -> subprocess.Popen:
    """gunicorn with config/gunicorn.py on 127.0.0.1:port, in a process group of its own."""
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.py", *options,
         "--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null", "config.wsgi"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )  # fmt: skip


def wait_for(base: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"gunicorn did not answer at {base}")


def ensure_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk:
        return wrk
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing wrk from Debian's packages…", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True)
        return shutil.which("wrk") or sys.exit("wrk did not install")
    sys.exit("wrk is needed: install it (e.g. apt-get install wrk) and run make bench again")


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value.strip()).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def run_wrk(wrk: str, url: str, connections: int = CONNECTIONS, timeout: int = 2) -> dict:
    out = subprocess.run(
        # As browsers ask: compressed where the server can.
        [wrk, f"-t{THREADS}", f"-c{connections}", f"-d{SECONDS}s", "--latency",
         f"--timeout={timeout}s", "-H", "Accept-Encoding: gzip, br", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout  # fmt: skip
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        # The latency distribution's own lines: "+/- Stdev" columns such as 87.99% are not.
        "p50_ms": to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        "p99_ms": to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def raise_fd_limit() -> None:
    """1,000 connections need more descriptors than many shells allow; wrk inherits this."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 8192 if hard == resource.RLIM_INFINITY else min(hard, 8192)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    if soft < MANY * 2 + 64:
        sys.exit(f"open-file limit {soft} is too low for {MANY} connections: raise it (ulimit -n)")


def summarise(runs: dict) -> dict:
    return {
        name: {
            "rps": statistics.median(r["rps"] for r in measured),
            "p50_ms": statistics.median(r["p50_ms"] for r in measured),
            "p99_ms": statistics.median(r["p99_ms"] for r in measured),
            "errors": sum(r["errors"] for r in measured),
        }
        for name, measured in runs.items()
    }


def print_table(results: dict) -> None:
    print(f"{'address':<34}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
    for name, r in results.items():
        print(
            f"{name:<34}{r['rps']:>10.0f}{r['p50_ms']:>10.2f}{r['p99_ms']:>10.2f}{r['errors']:>8}"
        )


def trickle(port: int, head: bytes, until: float) -> None:
    """One slow client: a request's start, then a byte a second until `until`."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(head)
            while time.monotonic() < until:
                sock.sendall(b"a")
                time.sleep(1)
    except OSError:
        pass


def bench_front(wrk: str, env: dict, static: str) -> tuple[dict, bool]:
    """Through nginx before gunicorn, as make serve and the image run them."""
    run_dir = Path(tempfile.mkdtemp(prefix="optout-bench-front-"))
    options = Options(
        run_dir=run_dir,
        port=free_port(),
        # One benchmarking client on 127.0.0.1 must not be limited as an attacker would be.
        rate=1_000_000,
        burst=1_000_000,
        conn_per_client=60_000,
        access_log=False,
    )
    base = f"http://127.0.0.1:{options.port}"
    checklist = f"{base}/checklist/de/web/"
    targets = {
        "front: checklist (cached)": checklist,
        "front: static file": f"{base}/static/{static}",
    }
    output = subprocess.DEVNULL
    with Front(options, {**env, "GUNICORN_CMD_ARGS": "--access-logfile=/dev/null"}, stdout=output):
        for url in targets.values():
            for _ in range(20):
                urllib.request.urlopen(url, timeout=30).read()
        runs = {name: [] for name in targets}
        for round_number in range(1, ROUNDS + 1):
            for name, url in targets.items():
                print(f"… round {round_number}/{ROUNDS}, {name}", flush=True)
                runs[name].append(run_wrk(wrk, url))
        print(f"… {MANY} connections, front: checklist (cached)", flush=True)
        many = run_wrk(wrk, checklist, connections=MANY, timeout=10)

        print(f"… {SLOW_CLIENTS} slow clients, front: checklist (cached)", flush=True)
        until = time.monotonic() + SECONDS + 3
        heads = [
            b"POST /checklist/de/web/report/ai-training/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n",
            b"GET /changes/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ",
        ]
        slow = [
            threading.Thread(target=trickle, args=(options.port, heads[n % 2], until), daemon=True)
            for n in range(SLOW_CLIENTS)
        ]
        for thread in slow:
            thread.start()
        time.sleep(1)
        with_slow = run_wrk(wrk, checklist)
        for thread in slow:
            thread.join(timeout=SECONDS + 10)
    shutil.rmtree(run_dir, ignore_errors=True)

    results = summarise(runs)
    results[f"front: checklist, {MANY} connections"] = many
    results[f"front: checklist, {SLOW_CLIENTS} slow clients"] = with_slow
    print(f"\nthrough the front (nginx before the same gunicorn), {CONNECTIONS} connections")
    print("unless said otherwise, rate limits lifted for the one benchmarking client\n")
    print_table(results)
    cached = results["front: checklist (cached)"]["rps"]
    ratio = cached / results["front: static file"]["rps"]
    slow_ratio = with_slow["rps"] / cached
    errors = sum(r["errors"] for r in results.values())
    print(f"\nfront: checklist / static file throughput: {ratio:.2f} (budget: {FRONT_BUDGET})")
    print(
        f"front: {SLOW_CLIENTS} slow clients: {slow_ratio:.2f} of the rate (budget: {SLOW_BUDGET})"
    )
    print(f"front: errors: {errors} (budget: none)")
    return results, ratio >= FRONT_BUDGET and slow_ratio >= SLOW_BUDGET and errors == 0


def bench_misses(port: int) -> bool:
    """An uncached checklist against a cached one: single requests, one at a time.

    Each miss is a checklist no one asked for yet (another country, surface and language
    each time), each after the cached checklist, so that both see the same machine at the
    same moment; the medians of the two are compared.
    """
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Accept-Encoding": "gzip, br", "Host": "127.0.0.1"}

    def timed(path: str) -> float:
        started = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        elapsed = time.perf_counter() - started
        assert response.status == 200, f"{path}: {response.status}"
        return elapsed * 1000

    connection.request("GET", "/api/v1/countries/", headers={"Host": "127.0.0.1"})
    codes = [c["code"] for c in json.loads(connection.getresponse().read())["countries"]]
    languages = ["", "fr/", "de/", "nl/", "it/", "es/", "pt/", "pl/", "zh-hant/"]
    surfaces = ["ios", "android", "web"]
    misses = [
        f"/{languages[n % len(languages)]}checklist/{code}/{surfaces[n % len(surfaces)]}/"
        for n, code in enumerate(c for c in codes if c not in ("de", "us"))
    ][:MISSES]
    print(f"… {len(misses)} uncached checklists, each after a cached one", flush=True)
    for _ in range(20):
        timed("/checklist/de/web/")
    uncached, cached = [], []
    for path in misses:
        cached.append(timed("/checklist/de/web/"))
        uncached.append(timed(path))
        # Each miss leaves its page to be recompressed at brotli's best in the background
        # (pagecache/compression.py); let that finish, or it would slow the next request.
        time.sleep(UPGRADE_PAUSE)
    connection.close()
    miss, hit = statistics.median(uncached), statistics.median(cached)
    ratio = miss / hit
    print(f"\none request at a time, medians of {len(misses)}:")
    print(f"uncached checklist {miss:.1f} ms, cached checklist {hit:.2f} ms")
    print(f"uncached / cached cost: {ratio:.1f} (budget: at most {MISS_BUDGET})\n")
    return ratio <= MISS_BUDGET


def main() -> int:
    wrk = ensure_wrk()
    if nginx_binary() is None:
        sys.exit("nginx is needed for the front's part: apt-get install nginx, then run again")
    raise_fd_limit()
    workdir = Path(tempfile.mkdtemp(prefix="optout-bench-"))
    env = prepare_site(workdir, os.environ.get("DATABASE_URL"))
    manifest = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())
    static = manifest["paths"]["css/site.css"]

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_gunicorn(env, port)
    targets = {
        "landing page": "/",
        "checklist (cached)": "/checklist/de/web/",
        "API checklist": "/api/v1/checklists/us/",
        "static file": f"/static/{static}",
    }
    try:
        wait_for(base)
        # Warm every worker's cache before measuring.
        for path in targets.values():
            for _ in range(50):
                urllib.request.urlopen(base + path, timeout=5).read()

        runs = {name: [] for name in targets}
        for round_number in range(1, ROUNDS + 1):
            for name, path in targets.items():
                print(f"… round {round_number}/{ROUNDS}, {name}: {path}", flush=True)
                runs[name].append(run_wrk(wrk, base + path))
        results = summarise(runs)
        misses_ok = bench_misses(port)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    print(f"\nmedian of {ROUNDS} runs of {SECONDS} s each, {CONNECTIONS} connections,")
    print(f"{THREADS} wrk threads, asking for gzip and brotli as browsers do;")
    print("gunicorn with the workers and threads of config/gunicorn.py\n")
    print_table(results)
    ratio = results["checklist (cached)"]["rps"] / results["static file"]["rps"]
    errors = sum(r["errors"] for r in results.values())
    print(f"\nchecklist / static file throughput: {ratio:.2f} (budget: at least {BUDGET})")
    print(f"errors: {errors} (budget: none)\n")

    try:
        _front_results, front_ok = bench_front(wrk, env, static)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0 if ratio >= BUDGET and errors == 0 and misses_ok and front_ok else 1


if __name__ == "__main__":
    sys.exit(main())
