"""Corpus mode: analyse many articles into Parquet/SQLite tables and report on them.

`run_batch` (runner) streams inputs through `analyze_many` on chunks, resumable; `render_report`
(report) turns a results folder into the corpus figures. The CLI lives in `batch.cli`.
"""
