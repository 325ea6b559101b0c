"""Bad and unusual input: one clear line and a non-zero exit, or a valid (possibly empty) analysis."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from quellenlage.errors import ExtractionError, InputError
from quellenlage.ingest import article_from_html, decode_bytes, read_path

CLI = [sys.executable, "-m", "quellenlage"]
TEXT = "Die Polizei teilte mit, dass niemand verletzt wurde. „Wir hatten Glück“, sagte ein Sprecher."


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=300)


def test_utf8_and_bom():
    assert decode_bytes("Grüße".encode("utf-8")) == "Grüße"
    assert decode_bytes(b"\xef\xbb\xbf" + "Grüße".encode("utf-8")) == "Grüße"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_legacy_encodings_are_decoded(encoding):
    text = "Der Bürgermeister äußerte sich „überrascht“ über die Größe der Straße." if encoding == "cp1252" else \
        "Der Bürgermeister äußerte sich überrascht über die Größe der Straße und die Übergänge."
    assert decode_bytes(text.encode(encoding)) == text


def test_binary_is_refused():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(bytes(range(256)) * 10)


def test_oversized_file_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Ein Satz. " * 2_100_000)  # about 20 MB
    with pytest.raises(InputError, match="too large"):
        read_path(str(big))


def test_html_without_article_is_an_extraction_error():
    with pytest.raises(ExtractionError):
        article_from_html("<html><body><nav><a href='/'>Start</a></nav></body></html>", name="leer")


def test_html_article_keeps_title_as_first_line():
    body = "".join(f"<p>{TEXT} Absatz {i} mit genug Text, damit er als Artikel zählt.</p>" for i in range(6))
    html = f"<html><head><title>Brücke gesperrt</title></head><body><article><h1>Brücke gesperrt</h1>{body}</article></body></html>"
    article = article_from_html(html, name="seite")
    assert article.text.splitlines()[0] == "Brücke gesperrt"
    assert "niemand verletzt" in article.text
    assert article.input_format == "html"


def test_cli_empty_file_gives_a_valid_empty_analysis(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("analyze", str(empty), "--format", "json")
    assert result.returncode == 0, result.stderr
    analysis = json.loads(result.stdout)
    assert analysis["quotes"] == [] and analysis["lines"] == []


@pytest.mark.parametrize("payload,message", [(bytes(range(256)) * 10, b"binary"), (None, b"no such file")])
def test_cli_bad_input_is_one_line_no_traceback(tmp_path, payload, message):
    path = tmp_path / "bad.txt"
    if payload is not None:
        path.write_bytes(payload)
    result = run("analyze", str(path))
    assert result.returncode != 0
    assert message in result.stderr
    assert b"Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_reads_stdin_and_writes_one_file_per_input(tmp_path):
    result = run("analyze", "-", "--format", "json", stdin=TEXT.encode("cp1252"))
    assert result.returncode == 0, result.stderr
    assert any(q["kind"] == "direct" for q in json.loads(result.stdout)["quotes"])
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="latin-1", errors="replace")
    out = tmp_path / "out"
    result = run("analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "html", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(os.listdir(out)) == ["a.html", "b.html"]


def test_cli_html_input_without_article_fails_cleanly(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><div>Cookies</div></body></html>", encoding="utf-8")
    result = run("analyze", str(page))
    assert result.returncode != 0 and b"no article text" in result.stderr and b"Traceback" not in result.stderr
