"""The custom attributes our components set on spaCy objects (registered once, on import).

Findings live on the Doc, as spaCy does it: quotes are `doc.spans["quotes"]` whose spans
carry `kind`, `cue`, `speaker_mention`, `speaker`, `via` and `rule`; everything the JSON
shows is read off these attributes by `quellenlage.convert`.
"""

from spacy.tokens import Doc, Span

#: What the attribution components read of the language pipeline (their declared `requires`).
LINGUISTIC = ["token.tag", "token.pos", "token.morph", "token.lemma", "token.is_sent_start"]
#: What a quote finder sets on the spans it adds to `doc.spans["quotes"]` (its declared `assigns`).
QUOTE_FINDINGS = ["span._.kind", "span._.cue", "span._.speaker_mention", "span._.via", "span._.rule"]

_DOC = {
    "lines": [],  # list[schema.Line]
    "meta": {},  # dict from ingest
    "entities": [],  # list[attribution.entities.EntityCluster]
    "sources": [],  # list[schema.Source]
    "claims": [],  # list[schema.Claim]
    "headline_check": None,  # schema.HeadlineCheck | None
    "transparency": None,  # schema.Transparency | None
    "errors": [],  # list[str]: "component: ExceptionType: message" (assigned, never appended to)
}
_SPAN = {
    "kind": None,  # "direct" | "indirect"
    "cue": None,  # Span | None
    "speaker_mention": None,  # Span | None
    "speaker": None,  # schema.Speaker | None
    "via": [],  # list[str]
    "rule": "",  # which rule found it
}

for name, default in _DOC.items():
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=default)
for name, default in _SPAN.items():
    if not Span.has_extension(name):
        Span.set_extension(name, default=default)
