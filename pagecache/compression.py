"""How cached pages are compressed: cheaply on the miss, brotli's best once, in the background.

Measured on a checklist page (43 KB of HTML, README "Benchmarks"): brotli's quality 11
takes about 90 ms for 7.5 KB, quality 5 about 1.5 ms for 8.7 KB; gzip level 6 about
1 ms, and level 9 saves nothing more. A miss therefore compresses at brotli 5 and gzip
6 and is answered at once; one background thread per process then compresses the page
at brotli 11 and stores it again, so every later visitor gets the smallest page and no
visitor waits for it. Brotli releases the GIL while it works, so the thread does not
hold up the process's requests. Its queue is short: during a storm of misses the pages
it cannot take stay at quality 5 until they expire, rather than piling up work.
"""

import gzip
import logging
import queue
import threading

import brotli
from django.core.cache import cache

logger = logging.getLogger(__name__)

FAST_BROTLI = 5
BEST_BROTLI = 11
GZIP_LEVEL = 6
QUEUE_SIZE = 32

Encoded = dict[str, tuple[int, bytes]]


def fast(content: bytes) -> Encoded:
    """The body in each encoding browsers read, at the levels a miss can afford."""
    return {
        "br": (FAST_BROTLI, brotli.compress(content, quality=FAST_BROTLI)),
        "gzip": (GZIP_LEVEL, gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0)),
    }


class _Upgrader:
    """One thread per process that recompresses freshly cached pages at brotli's best."""

    def __init__(self) -> None:
        self._queue: queue.Queue[tuple[tuple[str, ...], dict, int | None]] = queue.Queue(QUEUE_SIZE)
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, keys: tuple[str, ...], entry: dict, timeout: int | None) -> None:
        try:
            self._queue.put_nowait((keys, entry, timeout))
        except queue.Full:
            return
        with self._lock:
            # Started on first use, so that each forked worker has its own.
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="brotli-best", daemon=True)
                self._thread.start()

    def wait(self) -> None:
        """Until every page submitted so far is recompressed (for tests and benchmarks)."""
        self._queue.join()

    def _run(self) -> None:
        while True:
            keys, entry, timeout = self._queue.get()
            try:
                best = brotli.compress(entry["content"], quality=BEST_BROTLI)
                upgraded = {**entry, "encoded": {**entry["encoded"], "br": (BEST_BROTLI, best)}}
                cache.set_many(dict.fromkeys(keys, upgraded), timeout)
            except Exception:
                logger.exception("Recompressing a cached page failed; it stays as it was")
            finally:
                self._queue.task_done()


UPGRADER = _Upgrader()
