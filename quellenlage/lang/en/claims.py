"""The English claim rules (`quellenlage.claims.language.ClaimRules`), the decisions of the
claims layer and the source collector: grammar the German rules read from STTS tags,
Konjunktiv and verb-second order, read here from the English model's Penn Treebank tags,
universal POS, morphology and dependency parse.

- Hearsay and plans: a passive verb of reporting with a to-infinitive ("is said to have",
  "is alleged to", "is believed to") or "is accused of" is hearsay; "claims to have" is the
  subject's own claim; "will", "is to", "plans to", "is set to", "is due to" state a plan,
  schedule or forecast in the outlet's voice (no distance); "wants to" is the subject's
  intention. English has no mood of reported speech (no Konjunktiv).
- Replies: a verb of answering (reaction_cues.tsv) that is not negated or refused ("did not
  deny", "refused to confirm or deny", "declined to comment" are no reaction), with its
  subject from the parse; "reject", "dismiss", "challenge", "question" only with a claim as
  object ("rejected the allegations", not "rejected the proposal").
- Attribution in the body: "according to X", "X said/says/reported/told …" with the reported
  words in the verb's clause, not "…, as X reported" (the outlet adopts the report).
- Headlines: "Smith: Tax cut will pass" (a colon frame naming a source), "Tax cut will pass,
  says Smith" / "…, report says" (a trailing frame), "according to", "allegedly"/"reportedly",
  "Smith on tax cut" (what Smith says about it).
"""

from __future__ import annotations

from functools import lru_cache
from re import Pattern

from spacy.tokens import Doc, Span, Token

from quellenlage.attribution.speakers import mention_index
from quellenlage.claims.headline import loaded_words
from quellenlage.claims.hedges import hedge
from quellenlage.claims.language import CLAIM, HEARSAY, INTENTION, PLAN
from quellenlage.claims.reactions import Reply, act_status
from quellenlage.lang.de.grammar import is_quote_char as is_quote_char
from quellenlage.lang.de.grammar import media_names as media_names  # the shared lists: see "sources" below
from quellenlage.lang.de.grammar import source_nouns as source_nouns
from quellenlage.lexicons import grouped, patterns, rows, words
from quellenlage.schema import Speaker

LANG = "en"

DEFINITE = frozenset({"the"})
INDEFINITE = frozenset({"a", "an"})
POSSESSIVE = frozenset("his her its their our my your".split())
DETERMINERS = DEFINITE | POSSESSIVE | frozenset("this these that those such any all no 's ’s".split())
PRONOUN_ANAPHORS = frozenset({"that", "this", "it"})
POINTING_PRONOUNS: frozenset[str] = frozenset()  # "nothing of the sort" is a phrase of reactions.tsv
FRONTED = frozenset({"that", "this"})  # "That was confirmed by X", a short "That is not true"
PERSONAL = frozenset({"he", "she", "they", "we", "i"})
NEGATIONS = frozenset({"not", "n't", "n’t", "never", "no", "nothing", "none", "neither", "nor"})
CONFESSION = frozenset({"admit", "concede", "confess", "acknowledge"})  # its content is the charge
CONTENT_CLAUSE = frozenset({"that", "whether", "if"})  # "disputed that …": a statement is questioned
OTHER_DEEDS: tuple[str, ...] = ("other", "further", "additional", "more")  # a confession of more than the charge
OPEN_QUESTION = frozenset({"how", "which", "what", "where", "why", "when", "whether", "who"})
FIRST_PERSON = frozenset({"i", "we", "us", "me"})
ABOUT = "on"  # "Obama on Trump": what Obama says about Trump
ATTRIBUTING = ("according to",)
REFERENCE = frozenset({"as"})  # "…, as the Post reported": the outlet states it and names where it read it
SOURCE_BESIDE_ANAPHOR = True  # "These claims are false, and The Times should know better"
BEHALF = (frozenset({"on"}), frozenset({"behalf"}), frozenset({"of"}))  # "a lawyer on behalf of X"

#: Verbs that carry tense, voice or modality, not content.
LIGHT_VERBS = frozenset(
    "be have do make get go come give keep let will would shall should can could may might must seem".split()
)
#: Verbs of saying and reporting that frame what a source says (their subject is the source).
SPEECH_VERBS = frozenset(
    "say tell report claim allege state announce write add insist explain argue note testify "
    "assert contend maintain declare tweet suggest warn acknowledge admit confirm deny".split()
)
#: Passive verbs of reporting that make hearsay with a to-infinitive ("is said to have").
REPORTING_PASSIVE = frozenset(
    "say allege report rumor rumour believe think understand suspect claim purport".split()
)
#: Verbs of refusal: what they govern is not done ("declined to confirm", "refused to deny").
REFUSALS = frozenset({"decline", "refuse", "fail", "reject"})
#: Verbs of answering that answer a claim only with a claim as their object.
NEEDS_CLAIM_OBJECT = frozenset({"reject", "dismiss", "challenge", "question", "counter", "correct", "contest"})
#: Words that begin like an anaphor noun of reactions.tsv but name something else.
NOT_ANAPHORS = ("reporter", "accountant", "accounting", "accountab", "claimant", "chargeable", "documentar")
#: Headline colon frames and trailing frames that name a source ("Report: …", "…, police say").
SOURCE_NOUNS = frozenset(
    "report reports study survey poll police officials official sources source experts expert analysts "
    "prosecutors prosecutor investigators investigation documents document lawsuit court judge "
    "witnesses witness insiders insider spokesman spokeswoman spokesperson aides aide critics "
    "researchers scientists doctors lawyers lawyer memo filing data figures".split()
)
ROLE_NOUNS = frozenset(
    "senator minister president mayor governor spokesman spokeswoman spokesperson lawyer attorney official "
    "director chairman chairwoman chair chief executive ceo secretary premier chancellor leader manager "
    "councillor councilor representative congressman congresswoman lawmaker mp judge prosecutor officer "
    "coach founder owner professor doctor expert analyst aide adviser advisor candidate".split()
)
ORG_NOUNS = frozenset(
    "company firm ministry department government police agency council party union club bank "
    "administration office committee board authority authorities campaign group organisation organization "
    "university hospital school court".split()
)
MEDIA_NOUNS = frozenset("report newspaper paper magazine broadcaster outlet article story investigation".split())
NER_TYPES = {"PERSON": "person", "ORG": "organization", "NORP": "organization", "GPE": "organization"}
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
HEDGING_ADVERBS = frozenset({"perhaps", "maybe", "possibly", "probably", "allegedly", "reportedly", "supposedly"})
TENTATIVE_MODALS = frozenset({"may", "might", "could"})


# --- words and tags -------------------------------------------------------------------------


def pos(t: Token) -> str:
    """The universal POS (the English model tags every token)."""
    return t.pos_ or ("PUNCT" if t.is_punct else "SPACE" if t.is_space else "X")


def lemma(t: Token) -> str:
    return (t.lemma_ or t.text).lower()


def is_finite(t: Token) -> bool:
    """A finite verb: VerbForm=Fin, or a past/present/modal PTB tag."""
    return "Fin" in t.morph.get("VerbForm", []) or t.tag_ in FINITE_TAGS


def stem(word: str) -> str:
    """Lower case without a possessive and a plural -s (the lemma gives the rest): the same for
    headline and body, which is all matching needs."""
    low = word.lower()
    for end in ("'s", "’s", "'", "’"):
        if low.endswith(end) and len(low) > len(end) + 2:
            low = low[: -len(end)]
            break
    if low.endswith("ies") and len(low) >= 6:
        return low[:-3] + "y"
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) >= 5:
        return low[:-1]
    return low


def content_verb(lemma_: str, text: str) -> bool:
    """A verb that carries content: neither light nor a verb that frames a source."""
    return not (lemma_ in LIGHT_VERBS or lemma_ in frame_verbs())


@lru_cache(maxsize=1)
def number_words() -> dict[str, str]:
    return {r[0]: r[1] for r in rows(LANG, "numbers.tsv")}


def compound_parts(word: str) -> tuple[str, ...]:
    """English writes compounds apart: no word to split."""
    return ()


@lru_cache(maxsize=1)
def reaction_cues() -> dict[str, str]:
    """verb lemma (or "verb particle") -> status, reaction_cues.tsv."""
    return {r[0]: r[1] for r in rows(LANG, "reaction_cues.tsv")}


@lru_cache(maxsize=1)
def speech_act_verbs() -> frozenset[str]:
    return words(LANG, "speech_acts.tsv")


@lru_cache(maxsize=1)
def anaphor_nouns() -> tuple[str, ...]:
    return tuple(r[1] for r in rows(LANG, "reactions.tsv") if r[0] == "anaphor")


@lru_cache(maxsize=1)
def frame_verbs() -> frozenset[str]:
    """Verbs that make their subject a source and are no content of a claim."""
    return SPEECH_VERBS | frozenset(k.split()[0] for k in reaction_cues())


def is_anaphor_noun(t: Token) -> bool:
    low = t.lower_
    return pos(t) in ("NOUN", "PROPN") and low.startswith(anaphor_nouns()) and not low.startswith(NOT_ANAPHORS)


def is_possessor(t: Token) -> bool:
    """The possessive before an anaphor noun: "Smith 's claims"."""
    return t.tag_ == "POS"


def plural_anaphor(phrase: Span) -> bool:
    """"these claims" point at several claims, "that" at one."""
    nouns = [t for t in phrase if is_anaphor_noun(t)]
    return bool(nouns) and ("Plur" in nouns[0].morph.get("Number", []) or nouns[0].lower_.endswith("s"))


def reaction_patterns() -> list[tuple[str, Pattern[str]]]:
    """(status or status-act, regex) of reactions.tsv."""
    return patterns(LANG, "reactions.tsv")


@lru_cache(maxsize=1)
def charge_nouns() -> tuple[str, ...]:
    return tuple(r[1] for r in rows(LANG, "reactions.tsv") if r[0] == "charge")


# --- modality -------------------------------------------------------------------------------


def _next(t: Token, k: int = 1) -> Token | None:
    return t.doc[t.i + k] if t.i + k < len(t.doc) else None


def _be_before(t: Token) -> bool:
    """'is said', 'are alleged', 'has been reported': a form of 'be' right before (an adverb between)."""
    for k in (1, 2, 3):
        if t.i - k < 0:
            return False
        x = t.doc[t.i - k]
        if lemma(x) == "be" or x.lower_ in ("been", "being"):
            return True
        if pos(x) != "ADV":
            return False
    return False


#: Words that schedule or forecast with "to": the outlet's own statement about the future, not hearsay.
PLANNING = frozenset({"plan", "intend", "aim", "schedule", "set", "due", "expect", "prepare", "likely", "poise", "slate"})


def modal_reading(t: Token, sent: Span) -> str | None:
    """hearsay | claim | plan | intention for the word that makes a statement reported,
    claimed, planned or intended, else None."""
    nxt = _next(t)
    nxt_low = nxt.lower_ if nxt is not None else ""
    low, lem = t.lower_, lemma(t)
    if t.tag_ == "VBN" and lem in REPORTING_PASSIVE and nxt_low == "to" and _be_before(t):
        return HEARSAY  # "is said to have taken", "are believed to be"
    if t.tag_ == "VBN" and lem in ("accuse", "suspect") and nxt_low == "of" and _be_before(t):
        return HEARSAY  # "is accused of taking bribes"
    if lem in ("claim", "purport", "profess") and is_finite(t) and nxt_low == "to":
        return CLAIM  # "claims to have invented"
    if t.tag_ == "MD" and low in ("will", "'ll", "’ll", "shall"):
        return PLAN
    if lem == "be" and nxt_low == "to" and (after := _next(t, 2)) is not None and after.tag_ == "VB":
        return PLAN  # "is to open"
    if lem in PLANNING and nxt_low == "to":
        return PLAN  # "plans to", "is set to", "is due to", "is expected to", "is likely to" (a forecast, not hearsay)
    if lem in ("want", "seek", "hope", "wish") and nxt_low == "to" and is_finite(t):
        return INTENTION  # "Smith wants to buy Greenland"
    return None


def distancing_modal(span: Span) -> Token | None:
    """The first word in the span that reports without vouching ("is said to", "claims to")."""
    return next((t for t in span if modal_reading(t, span) in (HEARSAY, CLAIM)), None)


@lru_cache(maxsize=1)
def hedge_patterns() -> list[tuple[str, Pattern[str]]]:
    """Epistemic adverbs and speculative modals ("reportedly", "allegedly", "may have")."""
    return patterns(LANG, "hedges.tsv")


def reported_mood(span: Span) -> Token | None:
    """English has no mood of reported speech."""
    return None


# --- replies --------------------------------------------------------------------------------


def _governing(t: Token) -> Token:
    """The first of coordinated verbs ("confirm or deny" -> confirm)."""
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    return t


def negated_or_refused(t: Token) -> bool:
    """"did not deny", "never confirmed", "would neither confirm nor deny", "refused to
    confirm or deny", "declined to confirm": the act is not done."""
    first = _governing(t)
    for v in {t, first}:
        if any(c.dep_ == "neg" or c.lower_ in ("never", "neither", "nor") for c in v.children):
            return True
        if v.dep_ in ("xcomp", "ccomp") and lemma(v.head) in REFUSALS:
            return True
    k = t.i - 1  # "neither confirm nor deny" where the parser attaches "nor" elsewhere
    while k >= 0 and t.i - k <= 4 and not t.doc[k].is_punct:
        if t.doc[k].lower_ in ("not", "n't", "n’t", "never", "neither", "nor") or lemma(t.doc[k]) in REFUSALS:
            return True
        k -= 1
    return False


def _claim_object(t: Token) -> bool:
    """"rejected the allegations", "dismissed the report as false", "questioned whether …"."""
    for c in t.subtree:
        if c.i == t.i:
            continue
        if c.head.i == t.i and c.dep_ in ("dobj", "nsubjpass", "ccomp") and (
            is_anaphor_noun(c) or c.dep_ == "ccomp" or any(x.lower_ in CONTENT_CLAUSE for x in c.children)
        ):
            return True
        if c.lower_ == "as" and c.head.i == t.i:
            return True
    return False


def reaction_cue(t: Token, sent: Span) -> tuple[str, str, Span] | None:
    """(lemma, status, cue span) when t is a verb of answering that answers (not negated, not
    refused; "reject"/"dismiss" only with a claim as object); a particle verb as "push back"."""
    if pos(t) != "VERB":
        return None
    cues = reaction_cues()
    lem = lemma(t)
    particles = [c.lower_ for c in t.children if c.dep_ == "prt"]
    nxt = _next(t)
    if nxt is not None and nxt.lower_ in ("back", "off", "down"):
        particles.append(nxt.lower_)
    found = next((f"{lem} {p}" for p in particles if f"{lem} {p}" in cues), None)
    if found is None and lem in cues:
        if lem in NEEDS_CLAIM_OBJECT and not _claim_object(t):
            return None
        found = lem
    if found is None or negated_or_refused(t):
        return None
    return found, cues[found], t.doc[t.i : t.i + 1]


def subject_of(t: Token) -> Token | None:
    """The subject of a verb, or of the verb it is coordinated with ("denied it and called …")."""
    v = t
    for _ in range(4):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if v.dep_ not in ("conj", "xcomp", "advcl") or v.head is v:
            return None
        v = v.head
    return None


def subject_span(subj: Token, within: Span | None = None) -> Span:
    """The subject's noun phrase (its subtree, without a relative or participle clause after
    the head, within its sentence and line, at most eight tokens)."""
    doc = subj.doc
    lo, hi = (within.start, within.end) if within is not None else (0, len(doc))
    end = subj.i + 1
    for c in subj.rights:
        if c.dep_ in ("relcl", "acl", "punct", "appos", "advcl"):
            break
        end = c.right_edge.i + 1
    start = max(subj.left_edge.i, lo)
    for k in range(subj.i - 1, start - 1, -1):  # the parse may run across lines: not past a line break
        if doc[k].is_space or doc[k].text in (".", "!", "?"):
            start = k + 1
            break
    end = min(end, hi)
    for k in range(subj.i + 1, end):
        if doc[k].is_space:
            end = k
            break
    if end - start > 8:
        start = max(start, subj.i - 7)
        end = min(end, start + 8)
    return doc[start:end]


def describe(span: Span) -> str:
    """The mention without a leading article ("the senator" -> "senator" keeps its case)."""
    words_ = [t.text for t in span if not t.is_punct or t.text in ("-", "'s", "’s")]
    if words_ and words_[0].lower() in DEFINITE | INDEFINITE:
        words_ = words_[1:]
    return " ".join(words_).replace(" 's", "'s").replace(" ’s", "’s")


def speaker_of(doc: Doc, mention: Span, index: dict | None = None) -> Speaker:
    """The speaker a mention names: its entity, a named entity of the model, or the description
    ("the senator", typed by its head noun)."""
    index = index if index is not None else {}
    head = mention.root
    clusters = [index[i] for i in range(mention.start, mention.end) if i in index]
    ents = [e for e in doc.ents if mention.start <= e.start and e.end <= mention.end and e.label_ in NAME_LABELS]
    head_named = head.i in index or head.ent_type_ in NAME_LABELS
    if not head_named and lemma(head) in MEDIA_NOUNS and ents:  # "a report in The Post"
        return Speaker(name=ents[-1].text, type="media")
    if head_named or (ents and pos(head) == "PROPN"):
        if clusters:
            best = next((c for c in reversed(clusters) if c.type == "person"), clusters[-1])
            kind = {"person": "person", "organization": "organization", "media": "media", "agency": "media"}.get(best.type)
            if kind is None:
                ent = next((e for e in ents if e.start <= head.i < e.end), ents[-1] if ents else None)
                kind = NER_TYPES.get(ent.label_, "unknown") if ent is not None else "unknown"
            return Speaker(name=best.name, type=kind, entity_id=best.id)  # type: ignore[arg-type]
        if ents:
            ent = next((e for e in ents if e.start <= head.i < e.end), ents[-1])
            return Speaker(name=ent.text, type=NER_TYPES[ent.label_])  # type: ignore[arg-type]
    name = describe(mention)
    low = lemma(head)
    if low in ROLE_NOUNS:
        return Speaker(name=name, type="person" if "Plur" not in head.morph.get("Number", []) else "anonymous")
    if low in ORG_NOUNS:
        return Speaker(name=name, type="organization")
    if low in MEDIA_NOUNS:
        return Speaker(name=name, type="media")
    if low in SOURCE_NOUNS:
        return Speaker(name=name, type="anonymous")
    return Speaker(name=name or mention.text, type="unknown")


def last_person(doc: Doc, pronoun: Token) -> Speaker | None:
    """The person a singular "he"/"she" stands for: the person named last before its sentence."""
    if pronoun.lower_ not in ("he", "she"):
        return None
    start = pronoun.sent.start if doc.has_annotation("SENT_START") else pronoun.i
    best: tuple[int, Speaker] | None = None
    for c in doc._.entities:
        i = c.last_before(start)
        is_person = c.type == "person" or any(m.root.ent_type_ == "PERSON" for m in c.mentions)
        if i >= 0 and is_person and (best is None or i > best[0]):
            best = (i, Speaker(name=c.name, type="person", entity_id=c.id))
    for e in doc.ents:
        if e.label_ == "PERSON" and e.end <= start and (best is None or e.start > best[0]):
            best = (e.start, Speaker(name=e.text, type="person"))
    return best[1] if best is not None else None


def reacting(doc: Doc, t: Token, index: dict) -> list[Speaker]:
    """Who answers with the verb t: its subject, each of a coordinated subject, the person a
    "he"/"she" stands for; nobody for "they"/"it" or a claim noun ("the report was denied")."""
    subj = subject_of(t)
    if subj is None or subj.dep_ == "nsubjpass":
        # "the allegations were denied by X": the agent
        agent = next((c for c in t.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if pobj is None:
            return []
        subj = pobj
    if subj.lower_ in PERSONAL or pos(subj) == "PRON":
        person = last_person(doc, subj) if subj.lower_ in ("he", "she") else None
        return [person] if person is not None else []
    if is_anaphor_noun(subj):
        return []
    within = t.sent if doc.has_annotation("SENT_START") else None
    out = [speaker_of(doc, subject_span(s, within), index) for s in (subj, *subj.conjuncts)]
    return [s for s in out if s.type != "unknown" or s.name]


def hedged_act(t: Token) -> bool:
    """"may deny", "perhaps they will deny": a supposed answer is none."""
    return any(
        (c.dep_ == "aux" and c.lower_ in TENTATIVE_MODALS) or (c.dep_ == "advmod" and c.lower_ in HEDGING_ADVERBS)
        for c in _governing(t).children
    )


def frame_replies(doc: Doc, sentence: Span, skip: set[int], index: dict) -> list[Reply]:
    """Replies the outlet narrates: a verb of answering with its subject ("The senator denied the
    allegations", "X and Y rejected the claims": one reply each), or a phrase that describes the
    subject's answer ("dismissed the report as false", "called it fake news")."""
    out = []
    act = act_status(sentence)
    act_verb = None
    if act is not None:
        act_verb = next((x for x in act[1] if pos(x) == "VERB"), None) or next(
            (x for x in sentence if x.dep_ == "ROOT" and pos(x) in ("VERB", "AUX")), None
        )
    seen: set[int] = set()
    for t in sentence:
        if t.i in skip or pos(t) != "VERB":
            continue
        cue = reaction_cue(t, sentence)
        if cue is not None and cue[0] in CONFESSION and any(t.lower_.startswith(OTHER_DEEDS) for t in sentence):
            continue
        if cue is not None:
            status, cue_span, narrated = cue[1], cue[2], False
        elif act is not None and t == act_verb and not negated_or_refused(t):
            status, cue_span, narrated = act[0], act[1], True
        else:
            continue
        if hedged_act(t) or cue_span.start in seen:
            continue
        seen.add(cue_span.start)
        for sp in reacting(doc, t, index):
            out.append(Reply(sp, status, sentence, cue_span, sentence, narrated=narrated))
    return out


def quote_reactors(doc: Doc, speaker: Speaker | None, mention: Span | None, sentence: Span | None = None) -> list[Speaker]:
    """Who answers with a quote: its speaker, or the person an unresolved "he"/"she" stands for."""
    if mention is None:
        return [speaker] if speaker is not None else []
    if len(mention) == 1 and mention[0].lower_ in PERSONAL and (speaker is None or speaker.entity_id is None):
        person = last_person(doc, mention[0])
        return [person] if person is not None else []
    return [speaker] if speaker is not None else []


def asked_person(doc: Doc, sentence: Span) -> Speaker | None:
    """English reports no interview answer after a bare reported question ("Ob er … sei?")."""
    return None


# --- the voice of a body sentence and headline frames ---------------------------------------


def _name_before(t: Token, span: Span) -> Token | None:
    """The head of the noun phrase right before a verb ("Councillor Peter Falk said")."""
    k = t.i - 1
    if k < span.start or pos(t.doc[k]) not in ("PROPN", "NOUN", "PRON"):
        return None
    return t.doc[k]


def frame_speaker(doc: Doc, mention: Span, cue: Token, index: dict) -> Speaker:
    """Who a report frame names: a pronoun's person ("he said": the person named before, else
    the pronoun), the speaker of the mention; what follows "according to" or is named as the
    subject of a verb of saying is a source whatever the model calls it."""
    if len(mention) == 1 and pos(mention[0]) == "PRON":
        word = mention[0].lower_
        person = last_person(doc, mention[0]) if word in ("he", "she") else None
        if person is not None:
            return person
        return Speaker(name=word, type="unknown" if word in FIRST_PERSON else "anonymous")
    speaker = speaker_of(doc, mention, index)
    if speaker.type == "unknown" and (cue.lower_ == "according" or pos(mention.root) == "PROPN" or mention.root.ent_type_):
        return Speaker(name=speaker.name, type="anonymous", entity_id=speaker.entity_id)
    return speaker


def report_frames(span: Span) -> list[tuple[Span, Token, set[int]]]:
    """(speaker mention, cue, the tokens of what is reported) of the attributions in a
    sentence: "according to X", "X said (that) …", "…, X said", "X told Y …"; not "…, as X
    reported" (the outlet states it and names where it read it), not "X explained how …" (the
    topic of what X says, no claim)."""
    doc = span.doc
    out: list[tuple[Span, Token, set[int]]] = []
    for t in span:
        nxt = _next(t)
        if t.lower_ == "according" and nxt is not None and nxt.lower_ == "to":
            obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
            end = obj.right_edge.i + 1 if obj is not None else nxt.i + 1
            if obj is None:
                while end < span.end and not doc[end].is_punct:
                    end += 1
            mention = doc[nxt.i + 1 : min(end, span.end)]
            if len(mention):
                phrase = set(range(t.i, mention.end))
                out.append((mention, t, {i for i in range(span.start, span.end) if i not in phrase}))
            continue
        if pos(t) != "VERB" or lemma(t) not in SPEECH_VERBS or lemma(t) in reaction_cues():
            continue
        if any(c.dep_ == "mark" and c.lower_ in REFERENCE for c in t.children):
            continue  # "…, as the Post reported"
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None and not span.start <= subj.i < span.end:
            subj = _name_before(t, span)  # the parse ran across a line break
        if subj is None:
            continue
        subject = subject_span(subj, span)
        said = {
            x.i for c in t.children if c.dep_ in ("ccomp", "parataxis", "xcomp", "dobj", "advcl")
            for x in c.subtree
        }
        if t.dep_ in ("parataxis", "ccomp") and t.head.i != t.i:  # "Tax cuts will pass, Smith said"
            said |= {x.i for x in t.head.subtree if not (t.left_edge.i <= x.i <= t.right_edge.i)}
        said = {i for i in said if span.start <= i < span.end}
        first = min(said, default=None)
        if first is not None and doc[first].lower_ in OPEN_QUESTION:
            continue  # "X explained how …"
        comp = next((c for c in t.children if c.dep_ == "ccomp"), None)
        if comp is not None and any(
            x.lower_ in OPEN_QUESTION and x.i < comp.i for x in comp.subtree if x.dep_ in ("advmod", "mark", "dobj", "nsubj")
        ):
            continue  # "X explained how …"
        if said:
            out.append((subject, t, said))
    return out


def announced_after(quote: Span) -> bool:
    """German news names the announcer of a stated act in the next sentence ("Das teilte X
    mit"); English attaches it to the sentence ("…, the city said"), read by the quote itself."""
    return False


def trailing_frame(piece: Span) -> bool:
    """A short clause after a headline's statement that names its source: "says Smith",
    "report says", "police say", "according to officials", "study finds"."""
    tokens = [t for t in piece if not t.is_punct and not t.is_space]
    if not tokens or len(tokens) > 6:
        return False
    if tokens[0].lower_ == "according" and len(tokens) > 1 and tokens[1].lower_ == "to":
        return True
    verbs = [t for t in tokens if pos(t) in ("VERB", "AUX")]
    return len(verbs) == 1 and (lemma(verbs[0]) in SPEECH_VERBS | {"find", "show", "warn", "claim"}) and len(tokens) >= 2


def names_source(span: Span, rest: Span) -> bool:
    """A headline colon frame that names a source: a source noun ("Report:", "Police:"), or a
    name followed by a statement with a verb ("Smith: Tax cut will pass"), not by a noun phrase
    ("iPhone 17: Coming in May" names a topic)."""
    nouns = [t for t in span if pos(t) in ("NOUN", "PROPN")]
    if not nouns:
        return False
    if lemma(nouns[-1]) in SOURCE_NOUNS or nouns[-1].lower_ in SOURCE_NOUNS or lemma(nouns[-1]) in ROLE_NOUNS:
        return True
    only_names = all(
        t.ent_type_ in NAME_LABELS or pos(t) in ("PROPN", "DET") or t.text in ("'s", "’s") for t in span if not t.is_punct
    )
    quoted = sum(is_quote_char(t) for t in rest) >= 2
    return only_names and (any(is_finite(t) for t in rest) or quoted)


def introduces(span: Span) -> bool:
    """A clause before a colon that announces what follows: "Expert warns:", "Insider reveals:"."""
    return any(pos(t) == "VERB" and (lemma(t) in SPEECH_VERBS or lemma(t) in speech_act_verbs()) for t in span) or any(
        e.kind == "revelation" and e.in_word(t.lower_) for t in span for e in loaded_words(LANG)
    )


def says(t: Token) -> bool:
    """A headline verb of saying or of a verbal act ("says", "slams", "vows"), also terse."""
    if pos(t) not in ("VERB", "AUX") or t.tag_ in ("VBN",) and not is_finite(t):
        return False
    return lemma(t) in speech_act_verbs()


def predicates(span: Span) -> bool:
    """A verbless statement: a name with a predicative adjective ("Putin furious")."""
    return any(pos(t) == "PROPN" for t in span) and any(pos(t) == "ADJ" for t in span)


def sensational_rows() -> tuple[tuple[str, ...], ...]:
    """(stem, kind, related roots) of sensational.tsv."""
    return rows(LANG, "sensational.tsv")


def reporting_speakers(span: Span, matched: list[Token]) -> list[Speaker]:
    """The sources the report frames of a sentence make of the matched words ("X said …",
    "according to X"); a first-person frame is kept (the author speaking)."""
    doc = span.doc
    mentions = mention_index(doc)
    at = {t.i for t in matched}
    return [
        s for s in (
            frame_speaker(doc, mention, cue, mentions) for mention, cue, said in report_frames(span)
            if at & said and not at <= set(range(mention.start, mention.end))
        )
        if s.type != "unknown" or s.name.casefold() in FIRST_PERSON
    ]


def speech_cue(q: Span) -> bool:
    """Whether the quote's cue is a verb of saying ("the spokesman said")."""
    cue = q._.cue
    return cue is not None and len(cue) > 0 and lemma(cue[0]) in SPEECH_VERBS


def headline_marking(span: Span) -> str | None:
    """The English headline's own marking: "according to", hearsay ("is said to"), the subject's
    claim or intention ("claims to", "wants to"), a verb of saying with its actor ("Smith says
    …", "Union slams …"), a hedge ("allegedly", "reportedly", "may have"), "Smith on tax cuts"."""
    doc = span.doc
    for t in span:
        if t.lower_ == "according" and t.i + 1 < span.end and doc[t.i + 1].lower_ == "to":
            return "attributed ('according to')"
        reading = modal_reading(t, span)
        if reading == HEARSAY:
            return f"hearsay ({t.text!r})"
        if reading in (CLAIM, INTENTION):
            return f"the subject's own claim or intention ({t.text!r})"
        if t.i > span.start and says(t):
            return f"what its subject says ({t.text!r})"
    marker = hedge(span)
    if marker is not None:
        return f"hedged ({marker[1]!r})"
    if not any(pos(t) in ("VERB", "AUX") for t in span):
        about = next((t for t in span if t.lower_ == ABOUT), None)
        if about is not None and about.i > span.start and all(
            t.ent_type_ in NAME_LABELS for t in doc[span.start : about.i]
        ):
            return f"what {doc[span.start : about.i].text} says (\"{ABOUT}\")"
    return None


# --- sources (attribution/sources.py) --------------------------------------------------------
# Outlet names, source nouns and source-line words are read from the German lists, as the
# source collector did before the rules were per language: English lists of its own for them
# would change what English articles show, which is a decision of its own.


def source_intros() -> list[str]:
    return grouped("de", "bylines.tsv").get("source_intro", [])


def untyped_source_type(name: str, mention: Span | None) -> str | None:
    """No English conventions type a source the resolver left untyped."""
    return None


def unnamed_group(mention: Span) -> bool:
    return False


def cited_sources(doc: Doc, frames) -> list[tuple[Span, str | None, str | None]]:
    """The cited-source rules are German; English finds its sources in its quotes."""
    return []
