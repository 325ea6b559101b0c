"""`DirectQuoteFinder`: the source's own words in quotation marks, in every German and English style.

Quotation marks are paired per line („…“, »…«, «…», “…”, "…", ‚…‘). What they enclose is a
quote unless it is a title or name ('das Buch "War"', 'der britische "Daily Express"') or a
scare quote (one or two words with no speech frame nearby). The speaker comes from the frame
in the quote's sentence, from "Name: „…“", or from a line ending in a colon that introduces
the quote (whose speaker then becomes the via when the quote names its own speaker).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from quellenlage.attribution.frames import (
    Frame,
    FrameFinder,
    owner_of_statement,
    plausible_source,
    source_type_of,
    relative_clause,
    subject_of_main_clause,
    verb_cue,
)
from quellenlage.lang.de.grammar import (
    DEFINITE,
    clause_bounds,
    is_finite,
    is_konjunktiv1,
    is_zu_infinitive,
    media_names,
    noun_phrase,
    pos,
    speech_nouns,
    title_nouns,
)
from quellenlage.attribution.lines import body_lines, line_of, line_span
from quellenlage.attribution.sentences import sentence_of, sentences
from quellenlage.extensions import LINGUISTIC, QUOTE_FINDINGS, doc_text
from quellenlage.schema import Line

CLOSERS = {"„": "“”\"", "»": "«", "«": "»", "“": "”\"", "\"": "\"“”", "‚": "‘’'", "›": "‹", "‹": "›"}
# Every mark `pair_quotes` acts on: the openers, the closers and the single marks.
QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(set("„»«“\"‚›‘'").union(*CLOSERS.values())))) + "]")
WORD = re.compile(r"\w+")
TERMINAL = re.compile(r"[.!?…]\W*$")
NAME_SHAPE = re.compile(r"\s[–-]\s|\be\.\s?V\.|\bGmbH\b|\bAG\b|\b(Inc|Ltd|Corp)\.|\([A-ZÄÖÜ]{2,}\)")
# Legal forms that end a company name with a full stop: not the end of a quoted sentence.
COMPANY_ABBREVIATION = re.compile(r"\b(e\.\s?V|Inc|Ltd|Corp|Co)\.")
NAME_FUNCTION_WORDS = frozenset(
    "und der die das des von vom zur zum für am im an auf ohne gegen zu in mit über unter vor nach bei aus "
    "of the and de la le".split()
)
DOMAIN = re.compile(r"\w\.(de|com|org|net|at|ch|eu|info)\b")
# Pronouns of a speaker talking: a phrase with them is speech, not a name.
SPEAKER_PRONOUNS = frozenset("ich wir du ihr mich uns mir dich euch mein meine unser unsere".split())
SENTENCE_END = re.compile(r"[.!?…,]\W*$")
# Prepositions that say where words appeared, not what was said: 'laut „Spiegel“', 'in der „Zeit“'.
CITING_PREPOSITIONS = frozenset("laut in im bei beim auf aus gemäß nach".split())


def _after_noun(doc: Doc, span: Span) -> bool:
    """Named by apposition: a common noun or name right before the opening mark. Not a noun of
    saying, which introduces words ('mit der Parole „…“'), nor the adverbial 'zum Beispiel'."""
    before = doc[span.start - 2] if span.start >= 2 else None
    if before is None or before.tag_ not in ("NN", "NE") or pos(before) not in ("NOUN", "PROPN"):
        return False
    if before.lower_ == "beispiel" and before.i > 0 and doc[before.i - 1].lower_ == "zum":
        return False
    return (before.lemma_ or before.text) not in speech_nouns() and before.text not in speech_nouns()


def _glued(q: Span) -> bool:
    """The quote is glued to a compound after its closing mark: '„engine cutoff“-Sensoren'."""
    doc = q.doc
    return q.end + 1 < len(doc) and doc[q.end + 1].text.startswith("-") and not doc[q.end].whitespace_


def _near_title_noun(doc: Doc, span: Span) -> bool:
    """'Buch', 'Film', 'Zeitung' … within three words of the quotation marks."""
    before = list(doc[max(0, span.start - 4) : span.start - 1])
    after = list(doc[span.end + 1 : span.end + 4])
    while any("\n" in t.text for t in before):
        before = before[1:]  # only the quote's own paragraph
    after = after[: next((k for k, t in enumerate(after) if "\n" in t.text), len(after))]
    near = before + after
    return any(is_title_noun(t) for t in near)


def _named_by_title_noun(doc: Doc, span: Span) -> bool:
    """A title noun right before the opening mark names what follows: 'das Motto „…“', 'der
    Titel „…“', 'die Zeitung „…“'."""
    before = doc[span.start - 2] if span.start >= 2 else None
    return before is not None and pos(before) == "NOUN" and is_title_noun(before)


def is_title_noun(t: Token) -> bool:
    """'Magazin', also in the genitive the lemmatiser may miss ('des Magazines')."""
    low = t.lower_
    forms = {(t.lemma_ or t.text).lower(), low, low[:-2] if low.endswith("es") else low, low[:-1] if low.endswith("s") else low}
    return bool(forms & title_nouns())


def _abbreviated(doc: Doc, span: Span) -> bool:
    """The short form of a name just given: '…, kurz: „OpenOffice“', '(abgekürzt „DFB“)'."""
    k = span.start - 2
    if k >= 0 and doc[k].text == ":":
        k -= 1
    return k >= 0 and doc[k].lower_ in ("kurz", "abgekürzt")


def _so_called(doc: Doc, span: Span) -> bool:
    """Named, not quoted: 'so genannte „…“', 'sogenannten „…“', '„…“ genannt'."""
    before = " ".join(t.lower_ for t in doc[max(0, span.start - 3) : span.start - 1])
    after = doc[span.end + 1].lower_ if span.end + 1 < len(doc) else ""
    return "genannt" in before or after == "genannt"


def _cited(doc: Doc, span: Span) -> bool:
    """After a preposition that names where something appeared ('laut "Newsweek"', 'in der
    „Correio da Manhã“'), or after another preposition that no speech verb of the clause
    governs ('von „Ärzte ohne Grenzen“', but 'sprach von „Wortbruch“', 'riet zu „Gelassenheit“').
    'als' and 'wie' compare rather than cite: 'bezeichnete ihn als „Fest“'."""
    k = span.start - 2
    if k >= 1 and doc[k].tag_ == "ART" and doc[k - 1].lower_ in CITING_PREPOSITIONS:
        k -= 1
    before = doc[k] if k >= 0 else None
    if before is None or before.tag_ not in ("APPR", "APPRART") or before.lower_ in ("als", "wie"):
        return False
    if before.lower_ in CITING_PREPOSITIONS:
        return True
    lo = clause_bounds(sentence_of(doc, before.i), before.i)[0]
    return not any(verb_cue(t, doc[lo : before.i + 1]) is not None for t in doc[lo : before.i])


def _subject_name(doc: Doc, span: Span) -> bool:
    """A quoted name opening the sentence as subject of its verb: '„Muslix64“ erwähnte'."""
    opener = span.start - 1
    starts = opener == 0 or doc[opener].is_sent_start or doc[opener - 1].is_punct or doc[opener - 1].is_space
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if after is not None and after.lower_ in ("und", "sowie", "oder"):  # '„Ärzte ohne Grenzen“ sowie das Rote Kreuz kündigten an'
        other = noun_phrase(doc, after.i + 1)
        after = doc[other.end] if other is not None and other.end < len(doc) else None
    return starts and after is not None and is_finite(after)


def _named_by_article(doc: Doc, span: Span) -> bool:
    """A capitalised phrase right after a definite article: 'die „Aktion Deutschland hilft“'."""
    before = doc[span.start - 2] if span.start >= 2 else None
    return before is not None and before.tag_ == "ART" and before.lower_ in DEFINITE and span.text[:1].isupper()


def _same_clause(doc: Doc, q: Span, cue: Span, in_quote: set[int]) -> bool:
    """No finite verb between quote and cue, outside quotes: the quote is an argument of the cue."""
    lo, hi = (q.end + 1, cue.start) if cue.start >= q.end else (cue.end, q.start - 1)
    if cue.start >= q.end and cue.start > 0 and pos(doc[cue.start - 1]) == "CCONJ":
        return False  # '… bedeutet „Menschlichkeit“ und bezeichnet eine Philosophie'
    return not any(is_finite(t) and not is_zu_infinitive(t) and t.i not in in_quote for t in doc[lo:hi])


def _subject_of_cue(doc: Doc, q: Span) -> bool:
    """Right before the finite speech verb of a subordinate clause: 'Wie „heise online“ berichtet'."""
    after = doc[q.end + 1] if q.end + 1 < len(doc) else None
    before = doc[q.start - 2] if q.start >= 2 else None
    if before is not None and (before.lower_ in ("als", "für") or before.tag_ in ("APPR", "APPRART")):
        return False  # a predicate or object: 'Als „verpasste Chance“ beurteilte er …'
    return after is not None and is_finite(after) and verb_cue(after, sentence_of(doc, after.i)) is not None


def _has_cue_verb(sent: Span) -> bool:
    """Any speech verb in the sentence, whatever its frame ('als „nebelartig“ beschrieben')."""
    return any(verb_cue(t, sent) is not None for t in sent if pos(t) in ("VERB", "AUX"))


def _tagged_after(doc: Doc, q: Span, cue: Span) -> bool:
    """The frame right after the closing mark and a comma: '„…“, sagte er', '„…“, hieß es'."""
    return q.end + 1 < len(doc) and doc[q.end + 1].text == "," and q.end + 2 <= cue.start <= q.end + 3


def _attributive(doc: Doc, q: Span) -> bool:
    """One word right before a noun, in the phrase it modifies."""
    after = doc[q.end + 1] if q.end + 1 < len(doc) else None
    return len(q) == 1 and after is not None and pos(after) in ("NOUN", "PROPN")


MAX_QUOTED_PARAGRAPHS = 12
COLON_HEAD_MAX = 12  # words before the colon of a verbless frame ("X, Präsident des Rats der EU:")


def paragraph_quotes(doc: Doc, lines: list) -> list[tuple[int, int]]:
    """A quotation over several paragraphs, the German way: it opens on the first paragraph and
    closes on the last, with no marks in between. Each paragraph is one quote (character offsets)."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        opened = _unclosed_opener(line.text)
        if opened is None:
            k += 1
            continue
        for m in range(k + 1, min(k + 1 + MAX_QUOTED_PARAGRAPHS, len(lines))):
            nxt = lines[m]
            if nxt.index != lines[m - 1].index + 1 and doc_text(doc)[lines[m - 1].start + len(lines[m - 1].text) : nxt.start].strip():
                break  # only consecutive body paragraphs
            closer = _leading_closer(nxt.text)
            if closer is None and _unclosed_opener(nxt.text) is not None:
                break  # another quotation opens: not one long quote
            if closer is not None:
                out.append((line.start + opened + 1, line.start + len(line.text.rstrip())))
                out += [(mid.start, mid.start + len(mid.text.rstrip())) for mid in lines[k + 1 : m]]
                out.append((nxt.start, nxt.start + closer))
                k = m
                break
        k += 1
    return out


def _unclosed_opener(line: str) -> int | None:
    """Offset of a „ or » that no mark closes on its line."""
    pairs = pair_quotes(line)
    after = pairs[-1][1] + 1 if pairs else 0
    i = min((line.find(ch, after) for ch in "„»" if line.find(ch, after) >= 0), default=-1)
    return i if i >= 0 else None


def _leading_closer(line: str) -> int | None:
    """Offset of a closing “ or « before any opening mark of the line."""
    for i, ch in enumerate(line):
        if ch in "„»":
            return None
        if ch in "“«":
            return i
    return None


def pair_quotes(line: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each top-level pair of quotation marks in one line."""
    pairs: list[tuple[int, int]] = []
    opener: str | None = None
    open_at = 0
    depth_single = False
    for m in QUOTE_MARK.finditer(line):  # the loop acts on quotation marks only
        i, ch = m.start(), m.group()
        if opener is None:
            if ch in ("„", "»", "«", "“", "\"", "‚", "›"):
                if ch == "«" and "»" not in line[i + 1 :]:
                    continue
                if ch in ("‚",) and (i + 1 >= len(line) or line[i + 1] == " "):
                    continue
                opener, open_at = ch, i
        else:
            if opener != "‚" and ch in ("‚",):
                depth_single = True
                continue
            if depth_single and ch in ("‘", "'"):
                depth_single = False
                continue
            if ch in CLOSERS[opener]:
                pairs.append((open_at + 1, i))
                opener = None
    return pairs


def quoted_titles(doc: Doc) -> list[Line]:
    """Headline and subheading lines that are one quotation as a whole („Wir haben die Zusage“):
    a quoted title is a direct quote of the speaker it belongs to (ANNOTATION.md)."""
    titles = []
    for line in doc._.lines:
        if line.role not in ("headline", "subheading"):
            continue
        text = line.text.strip().rstrip(".!?")
        pairs = pair_quotes(text)
        if len(pairs) == 1 and pairs[0][0] == 1 and pairs[0][1] == len(text) - 1:
            titles.append(line)
    return titles


class DirectQuoteFinder:
    def __init__(self, nlp: Language, name: str = "direct_quote_finder") -> None:
        self.name = name
        self.frames = FrameFinder()

    def __call__(self, doc: Doc) -> Doc:
        quotes: list[Span] = []
        titles: list[Span] = []
        lines = body_lines(doc, include_headline=False)
        for start, end in paragraph_quotes(doc, lines):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and WORD.search(span.text):
                span._.kind = "direct"
                quotes.append(span)
        for line in lines + quoted_titles(doc):
            title_end = -1  # where the last title of the line closed: '„Touareg“ und „Phaeton“'
            for start, end in pair_quotes(line.text):
                lead = len(line.text[start:end]) - len(line.text[start:end].lstrip())
                trail = len(line.text[start:end]) - len(line.text[start:end].rstrip())
                span = doc.char_span(line.start + start + lead, line.start + end - trail, alignment_mode="expand")
                if span is None or not WORD.search(span.text):
                    continue
                glued = line.text[end + 1 : end + 2] == "-" and line.text[end + 2 : end + 3].isalpha() or (
                    start >= 3 and line.text[start - 2] == "-" and line.text[start - 3].isalpha()
                )  # '»Zeit«-Chefredakteur', 'im ZDF-„Morgenmagazin“': part of a compound name
                listed = title_end >= 0 and line.text[title_end + 1 : start - 1].strip() in (",", "und", "oder", "sowie", ", kurz")
                if glued or listed or self._is_title(doc, span):
                    titles.append(span)
                    title_end = end
                    continue
                span._.kind = "direct"
                quotes.append(span)
        in_quote = {i for q in quotes + titles for i in range(q.start - 1, q.end + 1)}
        for q in quotes:
            self._attribute(doc, q, in_quote)
        kept = [q for q in quotes if self._keep(q, in_quote)]
        # quoted words kept for now as unattributed: inside a reported clause they are that
        # source's words (ANNOTATION "both kinds at once"), see ReportedSpeechFinder
        doc.spans["unattributed_quotes"] = [q for q in quotes if q not in kept and not self._name_like(q)]
        doc.spans["quotes"] = kept
        doc.spans["titles"] = titles
        return doc

    @staticmethod
    def _name_like(q: Span) -> bool:
        """A quoted name rather than quoted words: glued to a compound, a domain, a name after
        its article, or the subject of its own frame."""
        doc = q.doc
        mention = q._.speaker_mention
        return (
            _glued(q)
            or _named_by_title_noun(doc, q)
            or _abbreviated(doc, q)
            or DOMAIN.search(q.text) is not None
            or _named_by_article(doc, q)
            or _subject_of_cue(doc, q)
            or (mention is not None and mention.start <= q.start and q.end <= mention.end)
        )

    @staticmethod
    def _is_title(doc: Doc, span: Span) -> bool:
        """Titles and names in quotation marks, which are not quotes: 'das Buch "War"', 'laut
        "Newsweek"', 'die Enzyklika „Deus caritas est“', 'documenta 12', '„Muslix64“ erwähnte'.
        A sentence in quotation marks is never one."""
        text = span.text
        words = WORD.findall(text)
        if TERMINAL.search(COMPANY_ABBREVIATION.sub("", text)):
            return False
        capital = text[:1].isupper()
        if len(words) <= 10 and capital and NAME_SHAPE.search(text):
            return True
        if len(words) <= 4 and any(t.like_num for t in span) and not any(is_finite(t) for t in span):
            return True
        if capital and len(words) <= 8 and _after_noun(doc, span):
            return True
        if len(words) <= 6 and _near_title_noun(doc, span):
            return True
        if len(words) <= 4 and (_so_called(doc, span) or capital and words[-1].lower() in title_nouns()):
            return True  # 'die so genannte „EVAC-Ambulanz“', '„der Dicke“ genannt', '„Berliner Zeitung“'
        if len(words) > 4 or text.rstrip().endswith(","):
            return False
        if capital and (_cited(doc, span) or _subject_name(doc, span)):
            return True
        if len(words) == 1:
            return text in media_names()
        if span.start >= 2 and doc[span.start - 2].lower_ == "als":
            return False  # a predicate: 'bezeichnete ihn als „Schatten-CIA“'
        content = [w for w in words if w.lower() not in NAME_FUNCTION_WORDS]
        capitalised = bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)
        # German nouns are capitalised too: a name needs a proper or foreign word in it
        named = any(t.tag_ in ("NE", "FM") or pos(t) in ("PROPN", "X") for t in span)
        return capitalised and named and not any(pos(t) in ("VERB", "AUX") for t in span)

    @staticmethod
    def _keep(q: Span, in_quote: set[int]) -> bool:
        """Keep what someone is said to have said; drop names, titles and scare quotes.

        Sentences and phrases with a verb or a speaker's pronoun are quotes, unless an article
        makes them a name ('die „Aktion Deutschland hilft“ teilte mit'). A shorter phrase
        ('sprach von einer „Gefahr für Leib und Leben“', 'bezeichnete ihn als „Fest“') is a
        quote when its frame stands in the same clause, no other verb between them, and has a
        speaker that is not the quote itself ('Wie „heise online“ berichtet', '(auch
        „Apogäum“ genannt)' have none). Lower-case phrases in a sentence with any speech verb
        count too ('die als „nebelartig“ beschrieben wurden'); a phrase glued to a compound
        ('„engine cutoff“-Sensoren') never does."""
        doc = q.doc
        if _glued(q) or _named_by_title_noun(doc, q) or _abbreviated(doc, q):
            return False  # 'unter dem Motto „50 Jahre sind genug!“': a title, whatever its length
        mention = q._.speaker_mention
        if mention is not None and mention.start <= q.start and q.end <= mention.end:
            return False
        if q._.rule in ("colon", "intro"):
            return True
        words = WORD.findall(q.text)
        n = len(words)
        if DOMAIN.search(q.text):
            return False
        if n >= 3 and (SENTENCE_END.search(q.text) or any(is_finite(t) or t.lower_ in SPEAKER_PRONOUNS for t in q)):
            return SENTENCE_END.search(q.text) is not None or not _named_by_article(doc, q)
        cue = q._.cue
        if n <= 2 and _named_by_article(doc, q):
            return False  # 'die Verteilung des „Extrablatt“': a name after its article
        if cue is not None and mention is not None and _same_clause(doc, q, cue, in_quote):
            return True
        if n >= 3 and cue is not None and _tagged_after(doc, q, cue):
            return True  # '„Änderungen voranzutreiben bedeutet zusammenzuarbeiten“, hieß es'
        if not q.text[:1].islower() or _attributive(doc, q) or _subject_of_cue(doc, q):
            return False  # 'mit „fremden“ Männern'; 'Wie „heise online“ berichtet'
        if n == 1:  # one word needs its frame in the same clause: 'als „nebelartig“ beschrieben'
            if q.start >= 2 and doc[q.start - 2].lower_ == "mit":
                return False  # 'mit „mangelhaft“ bewertet': a grade, not someone's words
            sent = sentence_of(doc, q.start)
            return any(
                verb_cue(t, sent) is not None and _same_clause(doc, q, doc[t.i : t.i + 1], in_quote)
                for t in sent if pos(t) in ("VERB", "AUX") and t.i not in in_quote
            )
        return cue is not None or _has_cue_verb(sentence_of(doc, q.start))

    def _attribute(self, doc: Doc, q: Span, in_quote: set[int]) -> None:
        region = sentence_of(doc, q.start, in_quote)
        frame = self._nearest(self.frames.find(region, skip=in_quote), q, in_quote)
        if frame is not None:
            self._apply(q, frame)  # also '„…“, hieß es vom Abgeordneten'
            return
        colon_np = self._colon_speaker(doc, q) or self._colon_sentence_speaker(doc, q, region, in_quote)
        intro = self._intro_frame(doc, q, in_quote)
        if colon_np is not None:
            q._.speaker_mention = colon_np
            q._.cue = doc[q.start - 2 : q.start - 1]
            q._.rule = "colon"
            if intro is not None and intro.speaker is not None:
                q._.via = [intro.speaker]
            return
        if intro is not None:
            self._apply(q, intro)
            q._.rule = "intro"
            return
        subject = self._colon_clause_subject(doc, q, region, in_quote)
        if subject is not None:  # 'Der Ermittler will … einstellen: „…“'
            q._.speaker_mention = subject
            q._.cue = doc[q.start - 2 : q.start - 1]
            q._.rule = "colon"
            return
        after = self._next_sentence_frame(doc, q, region, in_quote)
        if after is not None:  # '„Ja, es gibt Zumutungen“. Das musste Steinbrück einräumen.'
            self._apply(q, after)

    @staticmethod
    def _colon_clause_subject(doc: Doc, q: Span, region: Span, in_quote: set[int]) -> Span | None:
        """The subject of the clause a colon ends right before the quote, when no speech verb
        is there: the colon itself marks what follows as that subject's words."""
        colon = q.start - 2
        if colon <= region.start or doc[colon].text != ":":
            return None
        clause = doc[region.start : colon]
        verb = next(
            (t for t in clause if is_finite(t) and t.i not in in_quote
             and not relative_clause(doc, clause_bounds(region, t.i)[0], colon)),
            None,
        )  # the main verb, not that of a relative clause ("Der Ermittler, der … gilt, will …:")
        if verb is None or is_konjunktiv1(verb):
            return None  # "Queensland sei zu Dank verpflichtet: „…“": a report itself, its subject is no speaker
        subject, _ = subject_of_main_clause(region, verb, colon, in_quote)
        if subject is None:
            return None
        owner = owner_of_statement(subject)  # "Das Fazit von X überrascht nicht: „…“": X speaks
        return owner if owner is not None else subject if plausible_source(subject) else None

    def _next_sentence_frame(self, doc: Doc, q: Span, region: Span, in_quote: set[int]) -> Frame | None:
        """A quote standing alone, taken up by 'Das/Dies/So …' and a frame in the next sentence."""
        if any(not (t.is_punct or t.is_space) and t.i not in in_quote for t in region):
            return None
        sents = sentences(doc[region.end : line_span(doc, q.start_char).end], in_quote)
        if not sents or sents[0][0].lower_ not in ("das", "dies", "so", "diese", "dieses"):
            return None
        frames = [f for f in self.frames.find(sents[0], skip=in_quote) if f.rule == "verb" and f.speaker is not None]
        return frames[0] if frames else None

    @staticmethod
    def _apply(q: Span, frame: Frame) -> None:
        q._.speaker_mention = frame.speaker
        q._.cue = frame.cue
        q._.via = list(frame.via)
        q._.rule = frame.rule

    @staticmethod
    def _nearest(frames: list[Frame], q: Span, in_quote: set[int]) -> Frame | None:
        """The closest frame outside the quote, one in the quote's own clause first."""
        outside = [f for f in frames if not (q.start <= f.cue.start < q.end)]
        if not outside:
            return None
        return min(outside, key=lambda f: (
            not _same_clause(q.doc, q, f.cue, in_quote), min(abs(f.cue.start - q.start), abs(f.cue.start - q.end))
        ))

    @staticmethod
    def _colon_speaker(doc: Doc, q: Span) -> Span | None:
        """'Wladimir Putin: "…"' — a short noun phrase and a colon before the quote on its line."""
        i = q.start - 1  # the opening mark
        if i < 2 or doc[i - 1].text != ":":
            return None
        line = line_of(doc, doc[i].idx)
        head = [t for t in doc[:i - 1] if t.idx >= line.start and not t.is_space]
        head = [t for t in head if t.text not in ("•", "-", "–", "*", "·")]
        if not head or len(head) > 6:
            return None
        np = noun_phrase(doc, head[0].i)
        if np is None or np.end != i - 1 or is_title_noun(np[-1]):
            return None  # '(Codenamen: „Maelstrom“)' names
        return np

    @staticmethod
    def _colon_sentence_speaker(doc: Doc, q: Span, region: Span, in_quote: set[int]) -> Span | None:
        """The newsroom's verbless frame inside a paragraph: a sentence that is only its speaker
        and a colon before the quote, the speaker perhaps with an apposition, an adverb or a
        prepositional phrase ('Koppelin wörtlich: „…“', 'Erkki Tuomioja, Präsident des Rats:
        „…“', 'Nina Hagen zur neuen Heimat: „…“'), or a speech noun and its owner ('Zitat von
        Schröder: „…“'). The phrase must name or describe a source, not just any noun ('Das
        Ergebnis: „…“')."""
        colon = q.start - 2
        if colon <= region.start or doc[colon].text != ":":
            return None
        head = [t for t in doc[region.start : colon] if not t.is_space and t.text not in ("•", "-", "–", "*", "·")]
        if not head or len(head) > COLON_HEAD_MAX or any(t.i in in_quote or is_finite(t) for t in head):
            return None
        np = noun_phrase(doc, head[0].i)
        if np is None or np.end > colon:
            return None
        owner = owner_of_statement(np) if np.end == colon or doc[np.end].lower_ in ("von", "vom", "des", "der") else None
        if owner is not None:
            return owner
        named = any(t.ent_type_ in ("PER", "ORG") or pos(t) == "PROPN" for t in np)
        return np if plausible_source(np) and (named or source_type_of(np) != "unknown") else None

    def _intro_frame(self, doc: Doc, q: Span, in_quote: set[int]) -> Frame | None:
        """The frame of the line that introduces a block of quotes with a colon
        ("…, schreibt Bob Woodward:" above a list of quoted exchanges)."""
        line = line_of(doc, q.start_char)
        if not _quote_line(doc, line, q.start_char):
            return None
        before = [c for c in body_lines(doc, include_headline=False) if c.start < line.start]
        while before and _quote_line(doc, before[-1], None):
            before.pop()  # the quotes above this one in the same block
        if not before or not before[-1].text.rstrip().endswith(":"):
            return None
        intro = before[-1]
        last = doc.char_span(intro.start, intro.start + len(intro.text.rstrip()), alignment_mode="expand")
        if last is None:
            return None
        frames = self.frames.find(sentences(last, in_quote)[-1], skip=in_quote)
        return max(frames, key=lambda f: f.cue.start) if frames else None


def _quote_line(doc: Doc, line, quote_start: int | None) -> bool:
    """A line that is a quote, optionally after a bullet and 'Name:' ('• Putin: „…“')."""
    text = line.text.strip().lstrip("•-–*·▪► \t")
    if quote_start is not None:
        head = line.text[: max(0, quote_start - 1 - line.start)].strip(" •-–*·▪►\t")
        return not head or head.endswith(":")
    opening = next((i for i, ch in enumerate(text) if ch in "„“\"»«‚"), -1)
    return opening == 0 or (0 < opening <= 60 and text[:opening].rstrip().endswith(":"))


@Language.factory("direct_quote_finder", requires=[*LINGUISTIC, "doc._.lines"], assigns=["doc.spans", *QUOTE_FINDINGS])
def make_direct_quote_finder(nlp: Language, name: str) -> DirectQuoteFinder:
    return DirectQuoteFinder(nlp, name)
