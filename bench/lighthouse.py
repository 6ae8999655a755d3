"""Lighthouse, mobile: the landing page, three checklists and a plan of all ten services,
scored as a phone sees them.

Budgets: 100 for accessibility, best practices and SEO, 95 or more for performance, the
median of several runs per page (a loaded 2-core machine swings a single run's
performance score by several points, since Lighthouse slows the CPU four times on top).
The pages come from gunicorn with production settings on loopback, as in bench/run.py.

Lighthouse comes from the npm registry (pinned below) into .cache/lighthouse the first
time; Chromium from the system (Debian: apt-get install chromium).

    make lighthouse                 # 5 runs per page
    LIGHTHOUSE_RUNS=5 make lighthouse
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERSION = "12.8.2"
CACHE = ROOT / ".cache" / "lighthouse"
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "5"))
PAGES = [
    "/",
    "/checklist/de/web/",
    "/fr/checklist/us/ios/",
    "/de/checklist/chatgpt/de/android/",
    "/plan/de/android/linkedin+facebook+instagram+whatsapp+gemini+chatgpt+claude+copilot+x+pinterest/",
]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)

sys.path.insert(0, str(ROOT))
from bench.run import free_port, prepare_site, start_gunicorn, wait_for  # noqa: E402


def ensure_lighthouse() -> Path:
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    installed = CACHE / "node_modules" / "lighthouse" / "package.json"
    if binary.exists() and json.loads(installed.read_text())["version"] == VERSION:
        return binary
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm is needed to install Lighthouse (Debian: apt-get install npm)")
    print(f"Installing Lighthouse {VERSION} into {CACHE.relative_to(ROOT)}…", flush=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [npm, "install", "--prefix", str(CACHE), "--no-audit", "--no-fund", "--silent",
         f"lighthouse@{VERSION}"],
        check=True,
    )  # fmt: skip
    return binary


def score(lighthouse: Path, chromium: str, url: str, output: Path) -> dict[str, int] | None:
    """One run's scores, or None when Lighthouse could not score the page (said why)."""
    try:
        subprocess.run(
            [str(lighthouse), url, "--quiet", "--output=json", f"--output-path={output}",
             f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"],
            env={**os.environ, "CHROME_PATH": chromium},
            check=True,
            capture_output=True,
            text=True,
            timeout=180,
        )  # fmt: skip
    except subprocess.CalledProcessError as error:
        print(f"Lighthouse failed on {url}: {error.stderr.strip()[-500:]}", flush=True)
        return None
    except subprocess.TimeoutExpired:
        print(f"Lighthouse took over 180 s on {url}", flush=True)
        return None
    report = json.loads(output.read_text())
    if report.get("runtimeError"):
        print(f"Lighthouse could not load {url}: {report['runtimeError']}", flush=True)
        return None
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["KiB"] = round(report["audits"]["total-byte-weight"]["numericValue"] / 1024)
    return scores


def scored_once_more(lighthouse: Path, chromium: str, url: str, output: Path):
    """A run's scores; a run Lighthouse could not finish (it loses a trace now and then,
    NO_NAVSTART) is tried once more, and counts as a miss if that fails too."""
    return score(lighthouse, chromium, url, output) or score(lighthouse, chromium, url, output)


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("Chromium is needed: apt-get install chromium, then run again")
    lighthouse = ensure_lighthouse()
    workdir = Path(tempfile.mkdtemp(prefix="optout-lighthouse-"))
    env = prepare_site(workdir)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_gunicorn(env, port, "--workers", "2")
    failed = []
    try:
        wait_for(base)
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print(f"\nLighthouse {VERSION}, mobile, median of {RUNS} runs per page (load {load}):\n")
        print(f"| page | {' | '.join(CATEGORIES)} | KiB |")
        print(f"| --- |{' ---: |' * (len(CATEGORIES) + 1)}")
        for path in PAGES:
            # Once uncounted, as most visitors get the page from the cache.
            urllib.request.urlopen(base + path, timeout=30).read()
            scored = [
                scored_once_more(lighthouse, chromium, base + path, workdir / f"report-{n}.json")
                for n in range(RUNS)
            ]
            runs = [run for run in scored if run is not None]
            if len(runs) < len(scored):
                failed.append(f"{path}: {len(scored) - len(runs)} of {len(scored)} runs failed")
            if not runs:
                continue
            medians = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            cells = " | ".join(f"{medians[name]:g}" for name in (*CATEGORIES, "KiB"))
            print(f"| `{path}` | {cells} |", flush=True)
            failed += [
                f"{path}: {name} {medians[name]:g} (budget {budget})"
                for name, budget in BUDGETS.items()
                if medians[name] < budget
            ]
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(workdir, ignore_errors=True)
    print()
    for failure in failed:
        print(f"missed: {failure}")
    print("all budgets met" if not failed else f"{len(failed)} budget(s) missed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
