"""Measuring Quellenlage against annotated data.

`gold` scores folders of ANNOTATION.md gold files, `spkatt` scores the SpkAtt-2023 speaker
attribution corpus, and `metrics` holds the matching rules both share, so that every figure the
project reports is computed the same way.
"""
