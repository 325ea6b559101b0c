"""Where a sentence ends, by its punctuation: the one list of the marks both sentence splitters use.

There are two splitters because they do two jobs. `ql_sentences` (quellenlage.nlp.components)
sets the sentence boundaries of the language pipeline, token by token, before any finding
exists. `quellenlage.attribution.sentences.sentences` re-splits a line for attribution, where
the quotes are known: it never ends a sentence inside a quotation ('„Das ist falsch. Wir
prüfen das“, sagte er.' is one frame) and splits only before a word that can start a sentence.
What they share is here: which tokens end a sentence, which marks close it, and that a line
break always ends one.
"""

from __future__ import annotations

from spacy.tokens import Token

#: Tokens that end a sentence.
TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??"})
#: Closing quotation marks and brackets that still belong to the sentence before them: 'kommen.“'.
CLOSING = frozenset({"“", "”", '"', "'", "’", "»", "«", ")", "]", "}", "‘"})


def is_terminal(text: str) -> bool:
    """A token that ends a sentence: '.', '!', '…', or a short run of ! and ? ('?!?', '!!!')."""
    return text in TERMINALS or (text[:1] in "!?." and text[-1:] in "!?" and len(text) < 4)


def breaks_line(token: Token) -> bool:
    """A token whose text or trailing whitespace holds a line break: the next one starts a sentence."""
    return "\n" in token.text or "\n" in token.whitespace_
