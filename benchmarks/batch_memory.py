"""Peak memory of each process of a `quellenlage batch` run (issue 16: at most 450 MB per worker).

    .venv/bin/python benchmarks/batch_memory.py INPUT [--workers 2] [--out DIR]

Runs `python -m quellenlage batch INPUT -o OUT -w N -q` and samples the resident set (RSS,
MiB = 2**20 bytes) of the batch process and of each of its workers every 0.2 s; prints each
one's maximum, the CPU seconds of the whole run (workers included) and the batch's own summary
line (articles/s). The results folder is a temporary one unless `--out` is given.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("input", type=Path)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--out", type=Path, default=None)
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = a.out or Path(tmp) / "results"
        cmd = [sys.executable, "-m", "quellenlage", "batch", str(a.input), "-o", str(out), "-w", str(a.workers), "-q"]
        log = (Path(tmp) / "stderr").open("w+")  # a file, not a pipe: a full pipe would stall the run
        proc = subprocess.Popen(cmd, cwd=REPO, stderr=log, text=True)
        batch = psutil.Process(proc.pid)
        peak: dict[int, tuple[str, int]] = {}
        while proc.poll() is None:
            try:
                family = [batch, *batch.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            for process in family:
                try:
                    rss = process.memory_info().rss
                except psutil.NoSuchProcess:
                    continue
                role = "batch" if process.pid == proc.pid else "worker"
                peak[process.pid] = (role, max(rss, peak.get(process.pid, (role, 0))[1]))
            time.sleep(0.2)
        proc.wait()
        log.seek(0)
        summary = log.read().strip().splitlines()
        log.close()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    for pid, (role, rss) in sorted(peak.items(), key=lambda kv: kv[1][1], reverse=True):
        if rss > 50 * 2**20:  # not the multiprocessing resource tracker
            print(f"{role:>6} {pid}: peak RSS {rss / 2**20:.0f} MiB")
    print(f"CPU {used.ru_utime + used.ru_stime:.1f} s (the batch process and its workers)")
    print(summary[-1] if summary else f"batch exited with {proc.returncode}")


if __name__ == "__main__":
    main()
