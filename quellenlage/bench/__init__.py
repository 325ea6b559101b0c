"""`quellenlage bench`: Quellenlage measured against the field, in one rerunnable command.

One module per suite (`extraction`, `boilerplate`, `speech`, `attribution`, `throughput`), each
with `run(data_dir, limit, ...) -> SuiteResult`; `metrics` holds the shared scoring and timing,
`report` writes docs/benchmarks.md and docs/benchmarks.json, `cli` is the command.
"""
