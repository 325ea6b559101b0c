"""What a German "sollen"/"wollen" means in its clause: hearsay or a plan.

"soll" reports what others say when it takes a perfect infinitive ("soll Geld angenommen
haben") or a stative predicate about the present or past ("soll schwer krank sein"); it states
a plan, schedule or obligation with a passive or future infinitive ("soll 2027 gebaut
werden"), with an act ("Die Steuer soll sinken") or with a stative predicate that the clause
places in the future ("soll ab Mai gültig sein"). "will" with a perfect infinitive is the
subject's own claim ("will nichts gewusst haben"); otherwise it is the subject's intention.
Read from the tags and morphology of the spaCy Doc (the pipeline has no parser): the modal's
clause and its infinitives and participles.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

# the readings: HEARSAY (soll: others say so), CLAIM (will + perfect: the subject says so of
# itself), PLAN (soll: plan, schedule, obligation), INTENTION (will: the subject means to)
from quellenlage.claims.language import CLAIM, HEARSAY, INTENTION, PLAN
from quellenlage.extensions import token_words
from quellenlage.lang.de.grammar import clause_bounds, is_year, lemma
from quellenlage.lexicons import grouped

LANG = "de"  # the German rules read the German word lists
PARTICIPLE_TAGS = frozenset({"VVPP", "VAPP", "VMPP"})
INFINITIVE_TAGS = frozenset({"VVINF", "VAINF", "VMINF", "VVIZU"})


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    return {kind: frozenset(words) for kind, words in grouped(LANG, "modals.tsv").items()}


MODAL_FORMS = {
    "sollen": frozenset({"soll", "sollen", "sollst", "sollt"}),
    "wollen": frozenset({"will", "wollen", "willst", "wollt"}),
}
ANY_MODAL_FORM = MODAL_FORMS["sollen"] | MODAL_FORMS["wollen"]


def _is_modal(t: Token, lemma_: str) -> bool:
    return t.tag_ == "VMFIN" and lemma(t) == lemma_ or t.lower_ in MODAL_FORMS[lemma_]


def modal_reading(t: Token, sent: Span) -> str | None:
    """The reading of a present-tense "soll(en)"/"will/wollen" in `sent` (a sentence or any
    span around it), or None for any other token. ("sollte", past or Konjunktiv II, advises or narrates; it is no hearsay.)"""
    if t.tag_ != "VMFIN" and t.lower_ not in ANY_MODAL_FORM:
        return None  # most tokens: no modal at all
    if _is_modal(t, "sollen") and t.lower_.startswith("soll") and not t.lower_.startswith("sollte"):
        kind = "sollen"
    elif _is_modal(t, "wollen") and not t.lower_.startswith("wollte"):
        kind = "wollen"
    else:
        return None
    start, end = clause_bounds(sent, t.i)
    clause = [x for x in sent.doc[start:end] if x.i != t.i]
    verbs = [x for x in clause if x.tag_ in INFINITIVE_TAGS | PARTICIPLE_TAGS]
    has_participle = any(x.tag_ in PARTICIPLE_TAGS for x in verbs)
    auxiliaries = {lemma(x) for x in verbs if x.tag_ == "VAINF"}
    if has_participle:  # a terse headline's tagger may call the final "haben" finite, and the "haben" of "gedient haben soll"
        auxiliaries |= {
            lemma(x) for x in clause if x.tag_ == "VAFIN" and (x.i > t.i or x.i == t.i - 1) and lemma(x) in ("haben", "sein")
        }
    perfect = has_participle and bool(auxiliaries & {"haben", "sein"})
    infinitives = {lemma(x) for x in verbs if x.tag_ in INFINITIVE_TAGS}
    if kind == "wollen":
        if any(x.lower_ in ("ich", "wir") for x in clause):
            return INTENTION  # "Wir wollen mehr wissen": the writer's own aim, no claim
        # "will nichts gewusst haben", "will ihn nicht kennen": the subject's claim about itself
        states = _lexicon()["stative"] - {"sein", "haben"}
        return CLAIM if perfect or (infinitives and infinitives <= states) else INTENTION
    future = any(x.lower_ in _lexicon()["future"] or _is_future_year(x) for x in clause)
    if perfect and not (future and "sein" in auxiliaries and "worden" not in {x.lower_ for x in clause}):
        return HEARSAY  # "soll … angenommen haben", "soll getötet worden sein"
    if perfect:
        return PLAN  # "soll bis 2010 fertiggestellt sein": a state scheduled ahead
    if "werden" in auxiliaries:
        return PLAN  # "soll … gebaut werden", "soll … Chef werden"
    if not infinitives:
        return PLAN  # elliptic ("Das soll so bleiben?" has one; "Er soll." has none)
    if infinitives <= _lexicon()["stative"]:
        return PLAN if future else HEARSAY
    return PLAN


def _is_future_year(t: Token) -> bool:
    """A four-digit year after a time preposition or alone ("2027"): a schedule, whatever the year."""
    return is_year(t) and t.text.startswith("20")


def distancing_modal(span: Span) -> Token | None:
    """The first modal in the span that reports without vouching (hearsay "soll", claiming "will")."""
    doc = span.doc
    _, lowers, lemmas, _ = token_words(doc)
    candidates = (doc[i] for i in range(span.start, span.end) if lowers[i] in ANY_MODAL_FORM or lemmas[i] in MODAL_FORMS)
    return next((t for t in candidates if modal_reading(t, span) in (HEARSAY, CLAIM)), None)  # no other word has a reading
