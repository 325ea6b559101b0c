"""Speed and memory of the analysis pipeline: figures printed, nothing asserted.

    python benchmarks/pipeline_bench.py processes [--repeat 2]   # analyze_many words/s, 1 vs 2 processes
    python benchmarks/pipeline_bench.py overhead [--repeat 2] [--lang en]   # full analysis vs the bare language pipeline
    python benchmarks/pipeline_bench.py coldstart [--repeat 3]   # `quellenlage analyze` on the example: wall s, peak RSS

Texts: the 24 pages of ../shared/dev (plain text), each repeated `--repeat` times; for English
(`--lang en`), the first 24 articles of PolNeAR dev (measuring only). Rates are
after model loading and a warm-up: `overhead` per CPU-second of its one process, `processes`
per wall-clock second (the workers' time is not ours to count); the machine is shared, so
compare figures of one run only, on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"
ENGLISH = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
EXAMPLE = ROOT / "quellenlage" / "examples" / "newsde-putin-trump-woodward.de.txt"
WARM_UP = "Die Ministerin sagte am Montag, sie sei zuversichtlich."


def dev_texts(repeat: int, lang: str = "de") -> list[str]:
    folder = ENGLISH if lang == "en" else DEV
    paths = sorted(folder.glob("*.txt"))[:24]
    if not paths:
        sys.exit(f"no texts in {folder}")
    return [p.read_text(encoding="utf-8") for p in paths] * repeat


def words(texts: list[str]) -> int:
    from quellenlage.eval.metrics import WORD_RE

    return sum(len(WORD_RE.findall(t)) for t in texts)


def rate(run, texts: list[str], clock=time.perf_counter) -> float:
    start = clock()
    run(texts)
    return words(texts) / (clock() - start)


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the workers of `nlp.pipe`)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def processes(repeat: int) -> None:
    """Wall-clock words/s of `analyze_many` with 1 and 2 processes, and the CPU time each spends
    in all (on a busy machine the wall rate cannot show a gain the CPU time would allow)."""
    from quellenlage.pipeline import analyze_many, get_pipeline
    from quellenlage.settings import Settings

    texts = dev_texts(repeat)
    get_pipeline()(WARM_UP)
    rates, cpus = {}, {}
    for n in (1, 2):
        before = cpu_seconds()
        rates[n] = rate(lambda ts, n=n: list(analyze_many(ts, Settings(n_process=n))), texts)
        cpus[n] = cpu_seconds() - before
        print(f"analyze_many n_process={n}: {rates[n]:,.0f} words/s wall, {cpus[n]:.1f} CPU-s in all "
              f"({len(texts)} texts, {words(texts):,} words)")
    print(f"ratio 2/1 processes: {rates[2] / rates[1]:.2f} wall rate, {cpus[2] / cpus[1]:.2f} CPU time")


def overhead(repeat: int, lang: str = "de") -> None:
    from quellenlage.lang import get_language
    from quellenlage.pipeline import analyze_many, get_pipeline
    from quellenlage.settings import Settings

    texts = dev_texts(repeat, lang)
    bare = get_language(lang).load_pipeline()
    bare(WARM_UP)
    get_pipeline(language=lang)(WARM_UP)
    settings = Settings(language=lang)
    # CPU time of this one process: what the work costs, whatever else the machine runs
    spacy_rate = rate(lambda ts: list(bare.pipe(ts)), texts, time.process_time)
    full_rate = rate(lambda ts: list(analyze_many(ts, settings)), texts, time.process_time)
    print(f"language: {lang}, {len(texts)} texts, {words(texts):,} words")
    print(f"bare language pipeline: {spacy_rate:,.0f} words per CPU-second")
    print(f"full analysis (analyze_many): {full_rate:,.0f} words per CPU-second")
    print(f"ratio full/bare: {full_rate / spacy_rate:.2f}")


def coldstart(repeat: int) -> None:
    """`python -m quellenlage analyze` (= the `quellenlage` command) in fresh processes: the best
    wall time of `repeat` runs (the first one also warms the file cache) and the peak RSS.

    The runs may write bytecode (`PYTHONDONTWRITEBYTECODE` is dropped for them), as an
    installed package has it: pip compiles what it installs, so otherwise the figure would
    include compiling Quellenlage's own modules on every start."""
    walls, cpus = [], []
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for _ in range(max(repeat, 1)):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        command = [sys.executable, "-m", "quellenlage", "analyze", "-f", "json", str(EXAMPLE)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"quellenlage analyze -f json (example), best of {len(walls)}: {min(walls):.2f} s wall, "
          f"{min(cpus):.2f} s CPU, peak RSS {peak:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["processes", "overhead", "coldstart"])
    parser.add_argument("--repeat", type=int, default=2, help="times each dev text is analysed (coldstart: runs)")
    parser.add_argument("--lang", choices=["de", "en"], default="de", help="overhead: the language of the texts")
    args = parser.parse_args()
    if args.what == "overhead":
        overhead(args.repeat, args.lang)
    else:
        {"processes": processes, "coldstart": coldstart}[args.what](args.repeat)


if __name__ == "__main__":
    main()
