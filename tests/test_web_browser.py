"""The result page in a real browser: headless Chromium (Debian's `chromium`) against a real
`quellenlage serve` on 127.0.0.1. Skipped where Chromium is not installed."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not (shutil.which("chromium") or shutil.which("chromium-browser")),
                                reason="Chromium not installed (apt-get install chromium); `make screenshot` needs it too")


def _web_check():
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "web_check.py"
    spec = importlib.util.spec_from_file_location("web_check", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _share_of(image, rgb: tuple[int, int, int]) -> float:
    """Share of pixels of (about) one colour."""
    import numpy as np

    pixels = (image[..., :3] * 255).round().astype(int)
    return float((np.abs(pixels - np.array(rgb)).sum(axis=-1) <= 6).mean())


def test_result_page_renders_with_its_styles_in_chromium(tmp_path):
    from matplotlib.image import imread

    web_check = _web_check()
    with web_check.server(str(tmp_path / "shots.db")) as base:
        shots = {p.stem: p for p in web_check.take_screenshots(base, tmp_path / "shots")}
    result = imread(shots["result"])
    phone = imread(shots["result-phone"])
    assert result.shape[:2] == (1600, 1280) and phone.shape[1] == 390
    # the stylesheets loaded under the CSP: the dark header and the quote highlights are there
    assert _share_of(result, (0x10, 0x2A, 0x43)) > 0.02
    assert _share_of(result, (0xEC, 0xE3, 0xFF)) + _share_of(result, (0xD3, 0xE5, 0xFF)) > 0.005
    assert _share_of(phone, (0xEC, 0xE3, 0xFF)) + _share_of(phone, (0xD3, 0xE5, 0xFF)) > 0.002
    assert _share_of(imread(shots["start"]), (0x1C, 0x5F, 0xC2)) > 0.0005  # the Analyse button
