"""German grammar the attribution rules rest on: finite verbs, Konjunktiv I, clauses, noun phrases.

The trained pipeline supplies POS, morphology and lemmas; where a token carries none
(an unknown word, a blank pipeline in tests) the functions fall back on spelling.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import POS, TAG
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span, Token

from quellenlage.extensions import doc_cache, token_words
from quellenlage.lang.de.mood import has_konjunktiv1_shape, konjunktiv1_lemmas, konjunktiv2_stems
from quellenlage.lexicons import grouped, rows, words

LANG = "de"  # the German rules read the German word lists

SUBORDINATORS = frozenset(
    "dass ob weil da wenn als nachdem obwohl damit während bevor seit seitdem sodass falls wo warum "
    "weshalb wieso was wer wann wie inwiefern wodurch womit woran worauf wofür".split()
)
COORDINATORS = frozenset("und oder aber sondern denn doch".split())
PERSONAL_PRONOUNS = frozenset("er sie es ich wir ihr man".split())
# what can follow a verb-first Konjunktiv I as its subject ("Habe er …", "Gebe die Regierung nach")
THIRD_PERSON_OPENERS = frozenset("er sie es man der die das dem den ein eine einer dies diese dieser jemand niemand".split())
# Object pronouns that stand between a verb and its subject: "sagt uns die Quelle".
OBJECT_PRONOUNS = frozenset("mir mich dir dich uns euch ihm ihn ihnen".split())
# Nominative pronouns that only a subject can be: right after the finite verb they make the
# prefield an object ("Die Bürger forderte er auf"); "sie" and "es" are accusative too.
NOMINATIVE_PRONOUNS = frozenset("er ich wir du".split())
# Prepositions with the genitive that taggers often take for adverbs ("Angesichts solcher
# Alternativen nannte X …"): what follows them is never the subject.
GENITIVE_PREPOSITIONS = frozenset(
    "angesichts aufgrund wegen trotz infolge anlässlich mithilfe seitens zugunsten anstatt statt "
    "außerhalb innerhalb bezüglich hinsichtlich inmitten oberhalb unterhalb zwecks".split()
)
# Indefinite pronouns that can be the subject of a report: "Manche sagen, …".
INDEFINITE_PRONOUNS = frozenset("manche einige viele mehrere andere".split())
DEMONSTRATIVES = frozenset("dieser diese dieses jener jene jenes letzterer letztere".split())
DEFINITE = frozenset("der die das des dem den".split())
INDEFINITE = frozenset("ein eine einer eines einem einen".split())
POSSESSIVE = frozenset(
    "sein seine seiner seines seinem seinen ihr ihre ihrer ihres ihrem ihren unser unsere unserer unseres unserem unseren".split()
)
ARTICLES = DEFINITE | INDEFINITE
DETERMINERS = DEFINITE | INDEFINITE | POSSESSIVE
# The separable particles of speech verbs ("teilte … mit", "wies … zurück", "legt … offen").
PARTICLES = frozenset(
    "mit zurück ein hinzu offen fest dar bekannt klar vor zu auf an aus heraus hervor hin durch nach ab".split()
)
# Verb prefixes a zu-infinitive has "zu" inside ("zurückzunehmen", "niederzulegen").
SEPARABLE_PREFIXES = PARTICLES | frozenset(
    "weg zusammen nieder weiter fort frei her los um bei wieder hinaus herbei vorbei entgegen".split()
)
# Particles inside personal names ("Karl-Theodor zu Guttenberg", "Ursula von der Leyen",
# "Rafael van der Vaart"): the first one, then articles that may follow it.
NAME_PARTICLES = frozenset("von zu vom zum van de di da del dos du ter".split())
NAME_PARTICLE_ARTICLES = frozenset("der den dem".split())
# Sentence-final parts of verbal complexes that are never subjects or speakers.
NOUNISH = frozenset({"NOUN", "PROPN"})
QUOTE_CHARS = "„“”\"»«‚‘’'›‹"


@lru_cache(maxsize=1)
def cue_verbs() -> dict[str, tuple[str, str]]:
    """lemma -> (class, reaction)."""
    return {r[0]: (r[1], r[2] if len(r) > 2 else "-") for r in rows(LANG, "cue_verbs.tsv")}


@lru_cache(maxsize=1)
def frame_nouns() -> frozenset[str]:
    return words(LANG, "frame_nouns.tsv")


@lru_cache(maxsize=1)
def speech_nouns() -> dict[str, str]:
    """noun -> speech | thought."""
    return {r[0]: r[1] for r in rows(LANG, "speech_nouns.tsv")}


@lru_cache(maxsize=1)
def frame_nouns_lower() -> frozenset[str]:
    return frozenset(n.lower() for n in frame_nouns())


@lru_cache(maxsize=1)
def source_nouns() -> dict[str, str]:
    return {r[0]: r[1] for r in rows(LANG, "source_nouns.tsv")}


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns that describe a person without naming them ("Mann", "Kollege", "Dame")."""
    return words(LANG, "person_nouns.tsv")


@lru_cache(maxsize=1)
def courts() -> dict[str, frozenset[str]]:
    """ruling -> the nouns of a court's ruling; court_word / court_abbreviation -> what names a court."""
    return {kind: frozenset(values) for kind, values in grouped(LANG, "courts.tsv").items()}


@lru_cache(maxsize=4096)
def is_court(name: str) -> bool:
    """A court's name: "Europäischer Gerichtshof", "Landgericht Berlin", "BGH"."""
    words = courts()
    endings = tuple(words["court_word"])
    return any(w.lower().endswith(endings) or w in words["court_abbreviation"] for w in name.split())


@lru_cache(maxsize=1)
def time_nouns() -> frozenset[str]:
    return words(LANG, "time_nouns.tsv")


@lru_cache(maxsize=1)
def title_nouns() -> frozenset[str]:
    return words(LANG, "title_nouns.tsv")


@lru_cache(maxsize=1)
def media_names() -> dict[str, str]:
    return {r[0]: r[1] for r in rows(LANG, "media_names.tsv")}


@lru_cache(maxsize=1)
def sentence_adverbs() -> frozenset[str]:
    return words(LANG, "sentence_adverbs.tsv")


@lru_cache(maxsize=1)
def irregular_verb_forms() -> dict[str, str]:
    return {r[0]: r[1] for r in rows(LANG, "verb_forms.tsv")}


def capitalised_non_noun(text: str) -> bool:
    """'Zudem', 'Demnach', 'Sinngemäß': capitalised only because they open the sentence."""
    return text.lower() in sentence_adverbs()


VERB_PREFIXES = ("be", "ver", "er", "ent", "zer", "miss", "ge")


@lru_cache(maxsize=65536)
def verb_lemmas(form: str) -> tuple[str, ...]:
    """Candidate infinitives of a German verb form, most likely first, from the irregular
    table and the regular endings (sagte, berichtet, dementierten, gesagt -> sagen …)."""
    low = form.lower()
    out: list[str] = []
    irregular = irregular_verb_forms()
    if low in irregular:
        out.append(irregular[low])
    for prefix in VERB_PREFIXES[:-1]:  # bestritt -> be + stritt
        if low.startswith(prefix) and low[len(prefix):] in irregular:
            out.append(prefix + irregular[low[len(prefix):]])
    stem = low
    if stem.startswith("ge") and stem.endswith(("t", "en")) and len(stem) > 5:
        base = stem[2:-1] if stem.endswith("t") else stem[2:-2]  # gesagt, gefunden
        out.append(base + "en")
        if base.endswith(("el", "er")):
            out.append(base + "n")  # gesickert -> sickern
    for ending in ("eten", "etest", "ete", "est", "et", "ten", "test", "te", "st", "t", "e", "en", "n"):
        if stem.endswith(ending) and len(stem) - len(ending) >= 3:
            base = stem[: -len(ending)]
            out.append(base + "en")
            if base.endswith(("el", "er")):
                out.append(base + "n")  # handelte -> handeln, äußerte -> äußern
    # separable participles: "durchgesickert" -> "durchsickern", "zurückgewiesen" -> "zurückweisen"
    k = low.find("ge", 2)
    if 2 <= k <= 6 and low[:k] in PARTICLES | {"durch", "heraus", "hinzu", "bekannt", "offen", "fest", "klar"}:
        out.extend(low[:k] + c for c in verb_lemmas(low[k:]) if not c.startswith("ge"))
    return tuple(dict.fromkeys(out))


def pos(t: Token) -> str:
    """The token's POS, or a guess from spelling when the tagger gave none.

    A capitalised word at the start of a clause that German spells lower case elsewhere is not
    a noun, whatever the (small) tagger says."""
    return pos_tags(t.doc)[t.i]


def pos_tags(doc: Doc) -> list[str]:
    """`pos` of every token of the Doc, read once per Doc: the attribution components ask it for
    the same tokens again and again, after tagging and NER are done."""
    cache = doc_cache(doc)
    known = cache.get("quellenlage.pos")
    if known is None or len(known) != len(doc):
        texts, strings = token_words(doc).texts, doc.vocab.strings
        # after „…“, a word may be the frame's verb (`_verb_after_quote`): read from its Token
        after_quote = {i for i in range(2, len(texts)) if texts[i - 1] == "," and texts[i - 2] in QUOTE_CHARS}
        known = cache["quellenlage.pos"] = [
            (None if i in after_quote else _pos_of_words(POS_NAMES[coarse], strings[fine], text)) or _pos(doc[i])
            for i, ((coarse, fine), text) in enumerate(zip(doc.to_array([POS, TAG]).tolist(), texts))
        ]
    return known


def _pos_of_words(tag: str, fine: str, text: str) -> str | None:
    """`_pos` where the tagger's coarse and fine tag and the word's text decide (most tokens),
    None where the Token must be read (its neighbours, entity, number shape)."""
    if not tag:
        return None
    upper = text[:1].isupper()
    if tag in ("NUM", "X", "SYM", "VERB", "AUX"):
        return None if upper else tag
    if tag in ("NOUN", "PROPN"):
        return None if capitalised_non_noun(text) else tag
    if tag in ("ADJ", "ADV") and upper:
        return None
    if tag in ("PRON", "ADJ", "ADV") and text.islower() and text in media_names():
        return "PROPN"
    if tag in ("SCONJ", "CCONJ", "ADP") and fine in FINITE_TAGS and text.islower():
        return "AUX" if fine == "VAFIN" else "VERB"
    if tag in ("SCONJ", "CCONJ", "ADP") and fine in ("NN", "NE") and upper:
        return "NOUN" if fine == "NN" else "PROPN"  # "Marktanalyst Robert Halver": no preposition is a name
    return tag


def _pos(t: Token) -> str:
    tag = t.pos_
    if tag in ("DET", "PRON") and _verb_after_quote(t):
        return "VERB"
    if tag:
        if tag in ("NUM", "X", "SYM"):
            if t.text[:1].isupper() and not t.like_num:
                return "PROPN"  # "EBay-Deutschland" is no number
        elif tag in ("VERB", "AUX"):
            if t.text[:1].isupper():
                opens = t.i == 0 or t.nbor(-1).is_punct or t.nbor(-1).is_space
                nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
                if not opens or (nxt is not None and nxt.tag_ in ("VVFIN", "VAFIN", "VMFIN")):
                    return "PROPN"  # "Kurt Weiß sagte", "Weiß bestätigte": a name, not "weiß"
        elif tag in ("NOUN", "PROPN") and capitalised_non_noun(t.text):
            if not t.ent_type_ and (t.i == 0 or t.nbor(-1).is_punct or t.nbor(-1).is_space):
                return "ADV"
        elif tag in ("ADJ", "ADV") and t.text[:1].isupper() and _capitalised_noun(t):
            return "PROPN" if t.tag_ == "NE" or t.ent_type_ else "NOUN"
        elif tag in ("PRON", "ADJ", "ADV") and t.text.islower() and t.text in media_names():
            return "PROPN"  # "Die taz vermutet": a medium spelt in lower case
        elif tag in ("SCONJ", "CCONJ", "ADP") and t.tag_ in FINITE_TAGS and t.text.islower():
            return "AUX" if t.tag_ == "VAFIN" else "VERB"  # "„…“, zitierte man X": the fine tag knows the verb
        elif tag in ("SCONJ", "CCONJ", "ADP") and t.tag_ in ("NN", "NE") and t.text[:1].isupper():
            return "NOUN" if t.tag_ == "NN" else "PROPN"  # "Marktanalyst Robert Halver": no preposition is a name
        return tag
    if t.is_punct:
        return "PUNCT"
    if t.is_space:
        return "SPACE"
    if t.is_digit:
        return "NUM"
    if t.text[:1].isupper() and not t.is_sent_start:
        return "PROPN"
    return "X"


FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
ADJECTIVE_SUFFIXES = ("lich", "ig", "isch", "bar", "sam", "haft", "los", "voll", "weise")


def _capitalised_noun(t: Token) -> bool:
    """A capitalised word the tagger took for an adjective or adverb that German spelling makes
    a noun: the fine tag says name ("Pötsch" NE), or it is capitalised inside a clause, where
    only nouns are ("äußerte sich Vatikansprecher …"; attributive adjectives of names such as
    "Europäische Union" keep their tag), or a hyphenated compound ends in a capitalised part
    ("UNMIS-Sprecher", "EBay-Deutschland")."""
    low = t.lower_
    stem = next((low[: -len(e)] for e in ("es", "en", "er", "em", "e") if low.endswith(e)), "")
    if capitalised_non_noun(t.text) or low.endswith(ADJECTIVE_SUFFIXES) or stem.endswith(ADJECTIVE_SUFFIXES):
        return False  # "Unmissverständlich sagt das Gericht", "Aufmerksames Auge für die Umwelt"
    if t.tag_ == "NE":
        return True
    head = t.text.rsplit("-", 1)[-1]
    if "-" in t.text and head[:1].isupper() and len(head) > 1:
        return True
    opens = t.i == 0 or t.nbor(-1).is_punct or t.nbor(-1).is_space or t.is_sent_start
    if opens:  # "Milinkewitsch sagte": a word the article also uses as a name; "Freizeitforscher": a source noun's compound
        return t.text in _name_words(t.doc) or low.endswith(_long_source_nouns())
    return t.tag_ in ("NN", "ADJD", "ADV")


@lru_cache(maxsize=1)
def _long_source_nouns() -> tuple[str, ...]:
    """The source nouns of five letters or more: the ends of compounds that name a source."""
    return tuple(n for n in source_nouns() if len(n) >= 5)


def _name_words(doc: Doc) -> frozenset[str]:
    """The words of the Doc's named-entity spans, read once per Doc."""
    cache = doc_cache(doc)
    if "quellenlage.name_words" not in cache:
        cache["quellenlage.name_words"] = frozenset(t.text for ent in doc.ents for t in ent)
    return cache["quellenlage.name_words"]


def lemma(t: Token) -> str:
    return (t.lemma_ or t.text).lower()


def is_finite(t: Token) -> bool:
    """A finite verb; the tagger's word for it unless the word cannot be a verb ("Weiß")."""
    return finite_at(t.doc, t.i)


def finite_at(doc: Doc, i: int) -> bool:
    """`is_finite` of token i, read once per token and Doc, like `pos`."""
    cache = doc_cache(doc)
    known = cache.get("quellenlage.finite")
    if known is None or len(known) != len(doc):
        known = cache["quellenlage.finite"] = [None] * len(doc)
    finite = known[i]
    if finite is None:
        finite = known[i] = _is_finite(doc[i])
    return finite


# Subject pronouns: opening a clause, they are its prefield, and the finite verb follows them.
SUBJECT_PRONOUNS = frozenset("ich du er sie es man wir ihr".split())


def _verb_after_subject_pronoun(t: Token) -> bool:
    """"…, man äußere sich nicht", "Sie halte …": right after a subject pronoun that opens the
    clause stands the finite verb (verb second), whatever a tagger calls it ("äußere" ADJA)."""
    doc = t.doc
    if t.i < 1 or not t.text.islower() or pos(t) != "ADJ" or doc[t.i - 1].lower_ not in SUBJECT_PRONOUNS:
        return False
    return doc[t.i - 1].is_sent_start or t.i >= 2 and doc[t.i - 2].text in (",", ":", ";", "–", "—")


def _is_finite(t: Token) -> bool:
    if has_konjunktiv1_shape(t) or _verb_after_subject_pronoun(t):
        return True
    if pos(t) not in ("VERB", "AUX"):
        # the two taggers disagree ("ballere": ADJ but VVFIN): a lower-case word tagged finite is a verb
        return t.tag_ in ("VVFIN", "VAFIN", "VMFIN") and t.text.islower()
    if _infinitive_before_finite(t):
        return False
    return "Fin" in t.morph.get("VerbForm", []) or t.tag_ in ("VVFIN", "VAFIN", "VMFIN") or _verb_after_quote(t)


def _verb_after_quote(t: Token) -> bool:
    """„…“, meinen die beiden: the lower-case word right after a closing quotation mark and its
    comma is the frame's verb when it is a form of a speech verb, whatever a tagger calls it
    (the possessive "meinen")."""
    doc = t.doc
    if t.i < 2 or not t.text.islower() or doc[t.i - 1].text != "," or not is_quote_char(doc[t.i - 2]):
        return False
    return any(v in cue_verbs() for v in verb_lemmas(t.lower_))


def _infinitive_before_finite(t: Token) -> bool:
    """"gedient haben soll", "geprüft werden muss": in a clause-final verb cluster the -en form
    before the finite modal or auxiliary is its infinitive, whatever its tag."""
    if not t.lower_.endswith("en") or t.i + 1 >= len(t.doc) or t.i == 0:
        return False
    nxt, before = t.doc[t.i + 1], t.doc[t.i - 1]
    return (
        pos(before) in ("VERB", "AUX") and "Part" in before.morph.get("VerbForm", [])
        and pos(nxt) in ("VERB", "AUX") and nxt.tag_ in ("VMFIN", "VAFIN") and not nxt.lower_.endswith("en")
    )


# Noun suffixes of the feminine ("Ministerin", "Regierung", "Kritik").
FEMININE_SUFFIXES = ("in", "ung", "heit", "keit", "schaft", "ion", "tät", "ik")
# Articles with no plural form: the noun after them is singular whatever its tag says.
SINGULAR_ARTICLES = frozenset("das dem des ein eine einer eines einem einen".split())


def article_of(head: Token) -> Token | None:
    """The article of a noun, across its adjectives ("der neue Sprecher" -> "der")."""
    k = head.i
    while k > 0 and pos(head.doc[k - 1]) == "ADJ":
        k -= 1
    article = head.doc[k - 1] if k > 0 else None
    return article if article is not None and article.lower_ in DEFINITE | INDEFINITE else None


def nominative_singular(head: Token) -> bool:
    """"der" before a masculine noun that nothing governs is the nominative singular, not the
    genitive plural the two forms share ("antwortete der Politiker", "Der Sprecher sagte"): a
    genitive needs a noun or a preposition before it, a verb or the start of a sentence is none."""
    article = article_of(head)
    if article is None or article.lower_ != "der" or head.morph.get("Gender", []) != ["Masc"]:
        return False
    if head.lower_.endswith(FEMININE_SUFFIXES):
        return False  # "haben der Bildungsministerin vorgeworfen": the suffix says feminine, whatever the tag
    before = head.doc[article.i - 1] if article.i > 0 else None
    return before is None or article.is_sent_start or is_finite(before) or pos(before) == "ADV"


def noun_number(head: Token) -> str | None:
    """A noun's grammatical number where its article decides it ("einer Quelle", "antwortete
    der Politiker": singular), else the tagger's."""
    article = article_of(head)
    if article is not None and article.lower_ in SINGULAR_ARTICLES or nominative_singular(head):
        return "Sing"
    number = head.morph.get("Number", [])
    return number[0] if number else None


def is_konjunktiv1(t: Token) -> bool:
    """Konjunktiv I ("habe", "sei", "werde", "könne"), the grammatical mark of reported speech:
    the forms of `quellenlage.lang.de.mood` read in their clause (first person, imperative).

    Only forms that differ from the indicative count: "sei"/"seien", and the 3rd person
    singular stem + "e" ("habe" from "haben", "gebe" from "geben"); the plural ("haben") is
    ambiguous and Konjunktiv II ("hätte", "würde") marks hypotheticals as often as reports.
    """
    low = t.lower_
    if low in ("sei", "seien", "seiest", "seist"):
        return True
    if not low.endswith("e") or low.startswith(konjunktiv2_stems()) or not (is_finite(t) or pos(t) in ("VERB", "AUX")):
        return False
    prev = t.nbor(-1).lower_ if t.i > 0 else ""
    nxt = t.nbor(1).lower_ if t.i + 1 < len(t.doc) else ""
    if "ich" in (prev, nxt):
        return False  # "ich habe", "erfahre ich": first person indicative
    if nxt in ("dich", "dir", "du", "mich", "mir"):
        return False  # "frage dich", "melde dich": an imperative addressed to the reader
    if _imperative(t, nxt):
        return False
    if has_konjunktiv1_shape(t) and t.i > 0:
        return True
    if not _can_be_konjunktiv1(t, low):
        return False
    if "Sub" in t.morph.get("Mood", []) or lemma(t) in konjunktiv1_lemmas(low):  # the stem + e of its infinitive
        return True
    # a word a tagger calls finite whose lemma went astray ("ballere" -> "baller", "heiße" ->
    # "heiß"): stem + e, not a weak preterite (-te), with no first person in its clause
    sent = t.sent
    start, end = clause_bounds(sent, t.i)
    return (
        (t.tag_ in FINITE_TAGS or is_finite(t) and t.text.islower()) and not low.endswith("te") and not lemma(t).endswith("en")
        and not any(x.lower_ in ("ich", "du") for x in t.doc[start:end])
    )


def _can_be_konjunktiv1(t: Token, low: str) -> bool:
    """False for forms in -e the taggers may call finite that cannot be Konjunktiv I: a present
    participle ("die aus Hamburg stammende Frau": lemma "stammend"), an attributive adjective
    ("der aktuelle Stand"), and a weak preterite or Konjunktiv II in -te whose verb's
    Konjunktiv I differs ("erfasste", "rannte" of "erfassen", "rennen": "erfasse", "renne")."""
    word = lemma(t)
    if word.endswith("end") or t.tag_ == "ADJA" and not _verb_after_subject_pronoun(t):
        return False
    return not (low.endswith("te") and word.endswith("n") and word not in konjunktiv1_lemmas(low))


def _imperative(t: Token, nxt: str) -> bool:
    """'Höre auf dein Herz', 'Habe Zeit für Träume': a stem + e verb first in its sentence
    with no third-person subject after it is an imperative; 'Gebe die Regierung nach, …' is not."""
    first = t.i == 0 or t.is_sent_start or t.nbor(-1).is_space or t.nbor(-1).text in (".", "!", "?", ":", "„", "\"")
    return first and nxt not in THIRD_PERSON_OPENERS


def is_zu_infinitive(t: Token) -> bool:
    """"zu bringen" or a particle verb with infixed zu ("zurückzunehmen", "einzurichten")."""
    if t.tag_ == "VVIZU" or (t.i > 0 and t.nbor(-1).lower_ == "zu" and pos(t) in ("VERB", "AUX")):
        return True
    low = t.lower_
    k = low.find("zu", 2)
    return pos(t) == "VERB" and low.endswith("en") and 2 <= k <= len(low) - 5 and low[:k] in SEPARABLE_PREFIXES


def is_quote_char(t: Token) -> bool:
    return _is_quote_mark(t.text)


CLAUSE_MARKS = frozenset({",", ":", ";", "–", "—", "-"})  # the marks between clauses (`clause_bounds`)


def clause_bounds(sent: Span, i: int) -> tuple[int, int]:
    """Token range [start, end) of the comma/colon/dash-delimited clause around token i."""
    texts = token_words(sent.doc).texts
    start = i
    while start > sent.start and texts[start - 1] not in CLAUSE_MARKS:
        start -= 1
    end = i + 1
    while end < sent.end and texts[end] not in CLAUSE_MARKS:
        end += 1
    return start, end


def strip_genitive(text: str) -> str:
    """'Trumps' -> 'Trump', 'Woodwards' -> 'Woodward' (the caller checks that the stem is known)."""
    if text.endswith("'"):
        return text[:-1]
    if text.endswith(("s", "’s", "'s")) and len(text) > 3:
        return text[:-2] if text.endswith(("’s", "'s")) else text[:-1]
    return text


def noun_phrase(doc: Doc, i: int) -> Span | None:
    """The noun phrase that starts at token i ("Putins Sprecher Dmitri Peskow", "ein Mitarbeiter
    Trumps", "der britische 'Daily Express'"), or None if none starts there. Read off the Doc's
    word and POS lists (`token_words`, `pos_tags`): it is asked for at most tokens of a clause."""
    n = len(doc)
    if not 0 <= i < n:
        return None  # a phrase "after" the last token: a text cut off mid-clause
    texts, lowers, _, spaces = token_words(doc)
    tags = pos_tags(doc)
    if i + 1 < n and len(texts[i]) == 4 and texts[i].isdigit() and is_year(doc[i]) and lowers[i + 1] in ARTICLES:
        i += 1  # "2005 der mexikanische Präsident": a year, then the phrase
    j = i
    if lowers[i] in INDEFINITE_PRONOUNS and (i + 1 >= n or tags[i + 1] not in ("NOUN", "PROPN", "ADJ")):
        return doc[i : i + 1]  # "Manche sagen": a group without a name
    # determiners, possessives, adjectives, numbers, genitive names
    while j < n and (
        lowers[j] in DETERMINERS
        # "teilte dessen Stellvertreter mit": a determiner, unless it opens a relative clause
        or (j == i and lowers[j] in ("dessen", "deren") and i > 0 and texts[i - 1] != ",")
        or tags[j] in ("DET", "ADJ", "NUM")
        or (tags[j] == "ADV" and j + 1 < n and tags[j + 1] == "ADJ")
    ):
        if j > i and lowers[j] in ARTICLES and tags[j - 1] in ("DET", "PRON"):
            return None  # 'nannte dies einen „Putsch“': a pronoun, then the next phrase
        j += 1
    if j < n and tags[j] == "ADP" and j > i:
        # an extended attribute: "der für die Omo-Region zuständige Koordinator"
        k = j + 1
        while k < n and k - j < 8 and tags[k] not in ("VERB", "AUX", "PUNCT") and tags[k] != "ADJ":
            k += 1
        if k + 1 < n and tags[k] == "ADJ" and tags[k + 1] in NOUNISH:
            j = k + 1
    head_start = j
    close = _quoted_name_end(doc, j)
    if close is not None:  # a quoted name, whatever its words' tags: 'der britische "Daily Express"'
        return doc[i:close]
    while j < n and (
        tags[j] in NOUNISH or (_is_quote_mark(texts[j]) and j > head_start)
        or (spaces[j] and "\n" not in texts[j] and j > head_start and j + 1 < n and tags[j + 1] in NOUNISH)
    ):  # "Wikimedia  Deutschland": a doubled space inside a name
        j += 1
    if j == head_start:
        if j < n and tags[j] == "PRON" and lowers[j] in PERSONAL_PRONOUNS and j == i:
            return doc[j : j + 1]
        if lowers[i] in DEMONSTRATIVES and i + 1 < n and is_finite(doc[i + 1]):
            return doc[i : i + 1]  # "Dieser bestätigte, …": a demonstrative standing for the last name
        return None
    # coordinated role nouns before a name: "der Investigativjournalist und Autor Bob Woodward"
    k = j
    if k + 2 < n and lowers[k] == "und" and tags[k + 1] == "NOUN":
        m = k + 1
        while m < n and tags[m] in NOUNISH:
            m += 1
        if m > k + 2 and any(tags[x] == "PROPN" or doc[x].ent_type_ == "PER" for x in range(k + 2, m)):
            j = m
    # genitive attributes: "ein Sprecher der Polizei", "Der Leiter des Programms der WHO"
    # a proper name takes no genitive: "sagte Allendorf der Zeitung" names the addressee
    while j + 1 < n and tags[j - 1] == "NOUN" and (
        lowers[j] in ("des", "der", "eines", "einer")
        or (tags[j] == "ADJ" and lowers[j].endswith("er") and tags[j + 1] == "NOUN")  # "Betreiber privater Bahnen"
    ):
        k = j + 1 if lowers[j] in ("des", "der", "eines", "einer") else j
        while k < n and tags[k] == "ADJ":
            k += 1
        if k >= n or tags[k] not in NOUNISH:
            break
        while k < n and tags[k] in NOUNISH:
            k += 1
        j = k
    # drop an unmatched quotation mark at the end
    while j > i and _is_quote_mark(texts[j - 1]) and sum(_is_quote_mark(x) for x in texts[i:j]) % 2:
        j -= 1
    # a quoted name in close apposition: "die britische Zeitung „The Sun“"
    close = _quoted_name_end(doc, j) if j > head_start and tags[j - 1] == "NOUN" else None
    if close is not None:
        return doc[i:close]
    return doc[i:j] if j > i else None


def _quoted_name_end(doc: Doc, j: int) -> int | None:
    """End (after the closing mark) of a short quoted name opening at token j: „The Sun“."""
    texts = token_words(doc).texts
    if j + 1 >= len(doc) or not _is_quote_mark(texts[j]) or not texts[j + 1][:1].isupper():
        return None
    close = next((k for k in range(j + 1, min(j + 7, len(doc))) if _is_quote_mark(texts[k])), None)
    return close + 1 if close is not None else None


def _is_quote_mark(text: str) -> bool:
    """`is_quote_char` of a token's text."""
    return len(text) == 1 and text in QUOTE_CHARS


def is_year(t: Token) -> bool:
    """A four-digit year ("2005")."""
    return t.like_num and len(t.text) == 4 and t.text.isdigit()


def opens_relative_clause(doc: Doc, i: int) -> bool:
    """A relative pronoun at token i, or a preposition with one: "der …", "von denen …"."""
    t = doc[i]
    return t.tag_ in ("PRELS", "PRELAT") or (pos(t) == "ADP" and i + 1 < len(doc) and doc[i + 1].tag_ in ("PRELS", "PRELAT"))


def noun_phrase_ending(doc: Doc, end: int, floor: int) -> Span | None:
    """The noun phrase that ends right before token `end` (search back to `floor`)."""
    best = None
    for start in range(end - 1, max(floor, end - 8) - 1, -1):
        np = noun_phrase(doc, start)
        if np is not None and np.end == end:
            best = np
    return best
