"""Screenshot a corpus report in headless Chromium, to look at it before calling it done.

    .venv/bin/python benchmarks/screenshot_report.py RESULTS/report.html [--out report.png]

Chromium runs with networking in the background disabled: a self-contained report must
render fully without it. The PNG is for looking at, not for committing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("--out", type=Path, default=Path("report.png"))
    parser.add_argument("--size", default="1200,2600", help="window WIDTH,HEIGHT in pixels")
    args = parser.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("error: chromium not found (apt-get install -y chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--no-first-run", f"--user-data-dir={profile}", f"--window-size={args.size}",
            f"--screenshot={args.out.resolve()}", args.report.resolve().as_uri(),
        ], check=True, capture_output=True, timeout=120)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
