"""The production front on one machine: gunicorn on a unix socket, nginx before it.

    python -m deploy.front --prepare   # make serve: migrate, collect static, then run
    python -m deploy.front             # the Docker image: run only

nginx's configuration is deploy/nginx/nginx.conf.template, filled in here from FRONT_*
variables (see .env.example). Ctrl-C or SIGTERM stops both; if either stops by itself,
so does the other, and this exits non-zero.
"""

import argparse
import dataclasses
import grp
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import environ

from config.anonymous_logs import redact

ROOT = Path(__file__).resolve().parents[1]
NGINX_DIR = ROOT / "deploy" / "nginx"
BROTLI_STATIC = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
INSTALL_HINT = (
    "nginx is needed for the production front. On Debian or Ubuntu, as root:\n"
    "    apt-get install -y nginx libnginx-mod-http-brotli-static"
)


@dataclasses.dataclass
class Options:
    """What the nginx template is filled in with; the defaults are for production."""

    run_dir: Path
    port: int = 8080
    host: str = "127.0.0.1"
    # Per client address: requests a second to pages and the API, with a burst on top;
    # form posts a minute; open connections.
    rate: int = 20
    burst: int = 80
    post_rate: int = 30
    post_burst: int = 10
    conn_per_client: int = 100
    # How long nginx keeps a public page before asking Django again (with If-None-Match).
    cache_seconds: int = 10
    worker_connections: int = 4096
    access_log: bool = True
    # Believe X-Forwarded-Proto: https from the client (a TLS proxy stands before this one).
    behind_tls_proxy: bool = False
    # Addresses of proxies before this one, whose X-Forwarded-For names the real client.
    real_ip_from: tuple[str, ...] = ()
    static_root: Path = ROOT / "staticfiles"
    static_url: str = "/static/"
    admin_url: str = "/admin/"
    upstream: str = ""  # default: gunicorn's socket in run_dir

    @property
    def socket(self) -> Path:
        return self.run_dir / "gunicorn.sock"

    def make_run_dir(self) -> Path:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        # nginx's workers run as nobody when started by root: they must reach the socket.
        self.run_dir.chmod(0o755)
        return self.run_dir

    @classmethod
    def from_env(cls, env: dict[str, str], run_dir: Path) -> "Options":
        def number(name: str, default: int) -> int:
            return int(env.get(name) or default)

        def flag(name: str, default: str = "") -> bool:
            return env.get(name, default).lower() in ("1", "true", "yes", "on")

        proxies = env.get("FRONT_REAL_IP_FROM", "").split(",")

        return cls(
            run_dir=run_dir,
            port=number("PORT", cls.port),
            host=env.get("FRONT_HOST") or cls.host,
            rate=number("FRONT_RATE", cls.rate),
            burst=number("FRONT_BURST", cls.burst),
            post_rate=number("FRONT_POST_RATE", cls.post_rate),
            post_burst=number("FRONT_POST_BURST", cls.post_burst),
            conn_per_client=number("FRONT_CONNECTIONS_PER_CLIENT", cls.conn_per_client),
            cache_seconds=number("FRONT_CACHE_SECONDS", cls.cache_seconds),
            worker_connections=number("FRONT_WORKER_CONNECTIONS", cls.worker_connections),
            access_log=flag("FRONT_ACCESS_LOG", "true"),
            behind_tls_proxy=flag("DJANGO_BEHIND_TLS_PROXY"),
            real_ip_from=tuple(address.strip() for address in proxies if address.strip()),
            admin_url="/" + (env.get("DJANGO_ADMIN_PATH") or "admin/").strip("/") + "/",
        )


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(path, os.X_OK)),
        None,
    )


def mime_types(nginx: str) -> Path:
    """The mime.types file that comes with nginx (Debian's is in /etc/nginx)."""
    for path in (
        Path("/etc/nginx/mime.types"),
        Path(nginx).resolve().parents[1] / "conf/mime.types",
    ):
        if path.exists():
            return path
    sys.exit("nginx's mime.types was not found")


def render(options: Options, nginx: str) -> Path:
    """Write nginx.conf and its includes into the run directory; return nginx.conf's path."""
    run = options.make_run_dir()
    upstream = options.upstream or f"unix:{options.socket}"
    real_ip = "".join(f"    set_real_ip_from {address};\n" for address in options.real_ip_from)
    if real_ip:
        real_ip += "    real_ip_header X-Forwarded-For;\n    real_ip_recursive on;\n"
    user = ""
    if os.geteuid() == 0:
        # Started by root, nginx's workers would run as nobody, who may not even reach the
        # project's files; they run as the project's owner instead.
        owner = ROOT.stat()
        user = f"user {pwd.getpwuid(owner.st_uid).pw_name} {grp.getgrgid(owner.st_gid).gr_name};"
    values = {
        "USER": user,
        "NOFILE": str(options.worker_connections * 2 + 64),
        "RUN_DIR": str(run),
        "CONF_DIR": str(run),
        "FRONT_DIR": str(NGINX_DIR),
        "MIME_TYPES": str(mime_types(nginx)),
        "LOAD_MODULES": f"load_module {BROTLI_STATIC};" if BROTLI_STATIC.exists() else "",
        "BROTLI_STATIC": "            brotli_static on;" if BROTLI_STATIC.exists() else "",
        "WORKER_CONNECTIONS": str(options.worker_connections),
        "ACCESS_LOG": "/dev/stdout anonymous" if options.access_log else "off",
        "RATE": str(options.rate),
        "BURST": str(options.burst),
        "POST_RATE": str(options.post_rate),
        "POST_BURST": str(options.post_burst),
        "CONN_PER_CLIENT": str(options.conn_per_client),
        "CACHE_SECONDS": str(options.cache_seconds),
        "REAL_IP": real_ip,
        "TRUST_FORWARDED_PROTO": "        https https;" if options.behind_tls_proxy else "",
        "UPSTREAM": upstream,
        "LISTEN": f"{options.host}:{options.port}",
        "STATIC_ROOT": str(options.static_root),
        "STATIC_URL": options.static_url,
        "ADMIN_URL": options.admin_url,
    }
    for template in [NGINX_DIR / "nginx.conf.template", *sorted(NGINX_DIR.glob("*.conf"))]:
        text = template.read_text()
        for name, value in values.items():
            text = text.replace(f"@{name}@", value)
        if leftover := re.findall(r"@[A-Z_]+@", text):
            raise ValueError(f"{template.name}: not filled in: {leftover}")
        (run / template.name.removesuffix(".template")).write_text(text)
    return run / "nginx.conf"


def _wait(check, process: subprocess.Popen, what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if process.poll() is not None:
            raise RuntimeError(f"{what} stopped while starting (exit {process.returncode})")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start within {timeout:.0f} s")
        time.sleep(0.1)


def _connects(address) -> bool:
    family = socket.AF_UNIX if isinstance(address, str) else socket.AF_INET
    try:
        with socket.socket(family) as sock:
            sock.settimeout(1)
            sock.connect(address)
        return True
    except OSError:
        return False


def _stop(process: subprocess.Popen | None, sig: int, timeout: float = 20) -> None:
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, sig)
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)
    except ProcessLookupError:
        pass


def _pass_on_redacted(source, target) -> None:
    """nginx's error log, without the client addresses it names in every line."""
    for line in source:
        if target is not None:
            target.write(redact(line.decode(errors="replace")).encode())
            target.flush()


def start_gunicorn(options: Options, env: dict[str, str], **popen) -> subprocess.Popen:
    options.make_run_dir()
    env = {**env, "GUNICORN_BIND": f"unix:{options.socket}"}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT, env=env, start_new_session=True, **popen,
    )  # fmt: skip
    try:
        _wait(lambda: _connects(str(options.socket)), process, "gunicorn", 60)
    except BaseException:
        _stop(process, signal.SIGTERM)
        raise
    return process


def start_nginx(options: Options, **popen) -> subprocess.Popen:
    nginx = nginx_binary()
    if nginx is None:
        raise FileNotFoundError(INSTALL_HINT)
    conf = render(options, nginx)
    check = subprocess.run(
        [nginx, "-t", "-q", "-p", str(options.run_dir), "-c", str(conf)],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    if check.returncode != 0:
        raise RuntimeError(f"nginx refused its configuration:\n{check.stderr}")
    target = popen.pop("stderr", None)
    if target == subprocess.STDOUT:
        target = popen.get("stdout")
    if target is None:
        target = sys.stderr.buffer
    elif target == subprocess.DEVNULL:
        target = None
    process = subprocess.Popen(
        [nginx, "-p", str(options.run_dir), "-c", str(conf), "-g", "daemon off;"],
        start_new_session=True, stderr=subprocess.PIPE, **popen,
    )  # fmt: skip
    threading.Thread(target=_pass_on_redacted, args=(process.stderr, target), daemon=True).start()
    host = "127.0.0.1" if options.host in ("0.0.0.0", "*") else options.host.strip("[]")
    try:
        _wait(lambda: _connects((host, options.port)), process, "nginx", 30)
    except BaseException:
        _stop(process, signal.SIGQUIT)
        raise
    return process


class Front:
    """gunicorn and nginx, started together and stopped together."""

    def __init__(self, options: Options, env: dict[str, str], **popen) -> None:
        self.options, self.env, self.popen = options, env, popen
        self.gunicorn: subprocess.Popen | None = None
        self.nginx: subprocess.Popen | None = None

    def __enter__(self) -> "Front":
        try:
            self.gunicorn = start_gunicorn(self.options, self.env, **self.popen)
            self.nginx = start_nginx(self.options, **self.popen)
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        # nginx first, gracefully (SIGQUIT lets it finish what it is sending), then gunicorn.
        _stop(self.nginx, signal.SIGQUIT)
        _stop(self.gunicorn, signal.SIGTERM)

    def running(self) -> bool:
        return all(p is not None and p.poll() is None for p in (self.gunicorn, self.nginx))


def _manage(*args: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--prepare",
        action="store_true",
        help="for a local run: defaults for plain HTTP on this machine, migrate, collect static",
    )
    args = parser.parse_args(argv)
    if nginx_binary() is None:
        print(INSTALL_HINT, file=sys.stderr)
        return 2

    # The same .env that settings read, so that PORT and FRONT_* may live there too.
    environ.Env.read_env(ROOT / ".env", overwrite=False)
    env = dict(os.environ)
    env["DJANGO_DEBUG"] = "false"
    # nginx puts its own peer's address here, replacing whatever a client claimed.
    env.setdefault("DJANGO_CLIENT_IP_HEADER", "X-Forwarded-For")
    if args.prepare:
        # Production (the image) fails at start-up without a key; this machine gets one.
        if not env.get("DJANGO_SECRET_KEY"):
            env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
            print(
                "DJANGO_SECRET_KEY is not set: using a random key made for this run only "
                "(sign-ins end when it stops). Set one in .env to keep it.",
                flush=True,
            )
        # This machine, over plain HTTP: no redirect to HTTPS, and the local host names.
        env.setdefault("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
        # Cached pages are made for one address: the one printed below, port included.
        env.setdefault("DJANGO_CANONICAL_HOST", f"127.0.0.1:{env.get('PORT', '8080')}")
        if "DJANGO_SECURE_SSL_REDIRECT" not in env:
            env["DJANGO_SECURE_SSL_REDIRECT"] = "false"
            print("Plain HTTP on this machine: DJANGO_SECURE_SSL_REDIRECT=false.", flush=True)
        _manage("migrate", "--no-input", env=env)
        _manage("collectstatic", "--no-input", "--verbosity", "0", env=env)

    run_dir = Path(tempfile.mkdtemp(prefix="optout-front-"))
    options = Options.from_env(env, run_dir)
    stopping = []

    def request_stop(signum, frame) -> None:
        stopping.append(signum)

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    try:
        with Front(options, env) as front:
            shown = "127.0.0.1" if options.host == "0.0.0.0" else options.host
            print(
                f"\nOpt-Out Guide at http://{shown}:{options.port}/ "
                f"(nginx on {options.host}:{options.port}, gunicorn on {options.socket}).\n"
                "Ctrl-C stops both.\n",
                flush=True,
            )
            while not stopping and front.running():
                time.sleep(0.2)
            if not stopping:
                print("gunicorn or nginx stopped by itself: stopping the other.", file=sys.stderr)
                return 1
        print("Stopped nginx and gunicorn.", flush=True)
        return 0
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
