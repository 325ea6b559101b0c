"""Look at the web app and load it, on a real `quellenlage serve` on 127.0.0.1.

    .venv/bin/python benchmarks/web_check.py screenshot [--out-dir screenshots]   # make screenshot
    .venv/bin/python benchmarks/web_check.py load [--requests 200 --clients 8]     # make web-load

`screenshot` analyses the bundled example article through the form's API twin and saves
headless-Chromium screenshots of the start page, the result page (desktop and phone width)
and the history; the PNGs are for looking at, not for committing.

`load` sends `--requests` distinct articles (the bundled example, each with its own added
sentence) from `--clients` concurrent clients to `POST /api/analyses` and reports throughput
and p50/p95 latency, then checks that every response was a complete analysis and that the
database holds each article exactly once (a second round of the same articles must all come
back as already stored).
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx

EXAMPLE = Path(__file__).resolve().parents[1] / "quellenlage" / "examples" / "newsde-putin-trump-woodward.de.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(db: str, port: int | None = None, startup: float = 120):
    """`quellenlage serve` in a child process on 127.0.0.1; yields its base URL."""
    port = port or free_port()
    log = tempfile.TemporaryFile()
    process = subprocess.Popen([sys.executable, "-m", "quellenlage", "serve", "--port", str(port), "--db", db],
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup
        while True:
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"the server did not start: {log.read().decode(errors='replace')[-2000:]}")
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def screenshot(url: str, out: Path, size: str = "1280,1600") -> Path:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise RuntimeError("chromium not found (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--no-first-run", f"--user-data-dir={profile}", f"--window-size={size}",
            f"--screenshot={out.resolve()}", url,
        ], check=True, capture_output=True, timeout=120)
    return out


def take_screenshots(base: str, out_dir: Path) -> list[Path]:
    """Start page, the example's result page (desktop and phone width), history."""
    out_dir.mkdir(parents=True, exist_ok=True)
    created = httpx.post(base + "/api/analyses", json={"text": EXAMPLE.read_text(encoding="utf-8")}, timeout=300)
    created.raise_for_status()
    link = f"{base}/a/{created.json()['id']}"
    return [
        screenshot(base + "/", out_dir / "start.png"),
        screenshot(link, out_dir / "result.png"),
        screenshot(link, out_dir / "result-phone.png", "390,1400"),
        screenshot(base + "/history", out_dir / "history.png"),
    ]


def load(base: str, requests: int, clients: int) -> int:
    article = EXAMPLE.read_text(encoding="utf-8")
    texts = [f"{article}\n\nNachtrag {i}: Ein Sprecher sagte, die Angaben würden geprüft." for i in range(requests)]
    start = time.perf_counter()
    httpx.post(base + "/api/analyses", json={"text": article}, timeout=300).raise_for_status()
    print(f"warm-up (pipeline load + first analysis): {time.perf_counter() - start:.1f} s")

    def send(text: str) -> tuple[float, int, dict]:
        t0 = time.perf_counter()
        response = client.post(base + "/api/analyses", json={"text": text}, timeout=600)
        return time.perf_counter() - t0, response.status_code, response.json()

    with httpx.Client(limits=httpx.Limits(max_connections=clients)) as client:
        with ThreadPoolExecutor(clients) as pool:
            start = time.perf_counter()
            results = list(pool.map(send, texts))
            elapsed = time.perf_counter() - start
            repeats = list(pool.map(send, texts))
        listed = client.get(base + "/api/analyses", params={"limit": 500}).json()
    latencies = sorted(r[0] for r in results)
    complete = sum(1 for _, status, body in results
                   if status == 201 and body.get("id") and body.get("quotes") and body["text"].endswith("geprüft."))
    ids = {body.get("id") for _, _, body in results}
    stored = [row["id"] for row in listed]
    again = sum(1 for _, status, body in repeats if status == 200 and body.get("id") in ids)
    p95 = latencies[min(len(latencies) - 1, int(round(0.95 * len(latencies))) - 1)]
    print(f"{requests} analyses from {clients} concurrent clients in {elapsed:.1f} s: "
          f"{requests / elapsed:.2f} analyses/s, latency p50 {statistics.median(latencies):.2f} s, p95 {p95:.2f} s")
    print(f"complete responses (201, id, quotes, full text): {complete}/{requests}; distinct ids {len(ids)}")
    print(f"stored: {len(stored)} rows for {requests + 1} distinct articles (incl. warm-up), "
          f"duplicates in the database: {len(stored) - len(set(stored))}")
    print(f"second round of the same {requests}: {again} answered from the store (200, same id)")
    ok = complete == requests and len(ids) == requests and len(stored) == requests + 1 == len(set(stored)) \
        and again == requests
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    shot = sub.add_parser("screenshot")
    shot.add_argument("--out-dir", type=Path, default=Path("screenshots"))
    bench = sub.add_parser("load")
    bench.add_argument("--requests", type=int, default=200)
    bench.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work, server(str(Path(work) / "load.db")) as base:
        if args.command == "screenshot":
            for path in take_screenshots(base, args.out_dir):
                print(f"wrote {path}")
            return 0
        return load(base, args.requests, args.clients)


if __name__ == "__main__":
    sys.exit(main())
