"""`ReportedSpeechFinder`: indirect speech — what a source said, without quotation marks.

Each sentence of the body is cut into units at colons. A unit is reported speech when it
holds an attribution frame (its content is the complement clause: "sagte, dass …", "…, sagte
X", "Wie X berichtet, habe …", "laut X …", "X zufolge …", "…, so X"), when it is hedged by a
modal of distance ("soll … haben": an allegation without a source; "will … haben": a claim of
the subject), or when its main verb is in Konjunktiv I without a frame — the German way of
continuing a report, attributed to the source of the report before it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from quellenlage.attribution.frames import (
    AGENT_PREPOSITIONS,
    PREPOSITIONAL_RULES,
    Frame,
    FrameFinder,
    passive,
    passive_agent,
    plausible_source,
    relative_clause,
    subject_of_main_clause,
)
from quellenlage.lang.de.grammar import (
    COORDINATORS,
    PARTICLES,
    SUBORDINATORS,
    speech_nouns,
    clause_bounds,
    finite_at,
    is_finite,
    is_konjunktiv1,
    opens_relative_clause,
    is_zu_infinitive,
    lemma,
    noun_phrase,
    pos,
)
from quellenlage.attribution.lines import body_lines
from quellenlage.lang.de.modals import CLAIM, HEARSAY, modal_reading
from quellenlage.attribution.sentences import sentences
from quellenlage.extensions import LINGUISTIC, QUOTE_FINDINGS, token_words
from quellenlage.lang.de.mood import konjunktiv2_for_konjunktiv1
from quellenlage.schema import GermanRule

ADVERBIAL_SUBORDINATORS = frozenset(
    "wenn falls als nachdem weil obwohl bevor während seit seitdem sobald damit sodass da um ohne statt".split()
)
# Hearsay verbs whose passive carries the rumour itself: "Ihm wird ein Hang … nachgesagt".
OBJECT_HEARSAY = frozenset({"nachsagen", "munkeln", "unterstellen"})
COMPLEMENTIZERS = frozenset({"dass", "ob", "wie", "warum", "wer", "was", "wann", "weshalb", "wieso", "inwiefern"})
MIN_TOKENS = 3
# Adverbs by which the writer passes on a claim without vouching for it.
HEARSAY_ADVERBS = frozenset({"angeblich", "vorgeblich"})  # the adverbs; "ein angeblicher Zünder" is no clause
# Verbs that carry a cue's tense or mood: "hat erklärt", "wollte sagen".
AUXILIARIES = frozenset({"haben", "sein", "werden", "wollen", "können", "müssen", "sollen", "dürfen", "mögen"})
# Adverbs that set a clause against the one before: a clause of its own, not a tag of it.
ADVERSATIVES = frozenset({"aber", "jedoch", "doch", "allerdings"})
# Demonstratives that take up the sentence before as what was said: "Das berichtet X."
TAKING_UP = frozenset({"das", "dies"})


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation, spaces and stray quotation marks at both ends."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


# The words of prepositional frames folded into a verb frame, and the rule each one reports by.
TAG_RULES: dict[str, GermanRule] = {"laut": "laut", "gemäß": "laut", "nach": "angaben", "zufolge": "zufolge"}


def _units(sent: Span) -> list[Span]:
    """A sentence cut at colons that introduce a clause."""
    doc = sent.doc
    cuts = [sent.start]
    lowers = token_words(doc).lowers
    for i in range(sent.start + 1, sent.end - 1):
        if lowers[i] == ":":
            cuts.append(i + 1)
    cuts.append(sent.end)
    return [doc[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]


def _main_finite(unit: Span):
    """The finite verb of the unit's main clause (not one inside a subordinate clause)."""
    doc = unit.doc
    texts, lowers = token_words(doc)[:2]
    sub = False
    for i in range(unit.start, unit.end):
        if texts[i] == ",":
            sub = False
        elif lowers[i] in SUBORDINATORS and i > unit.start and texts[i - 1] in (",", "–"):
            sub = True
        elif lowers[i] in SUBORDINATORS and i == unit.start:
            sub = True
        elif lowers[i] in ("was", "wer") and not sub and doc[i].tag_ in ("PRELS", "PWS", "PRELAT"):
            sub = True  # "Nicht alles, was … gefordert wird, sei …": a free relative clause
        elif i > unit.start and texts[i - 1] == "," and opens_relative_clause(doc, i):
            sub = True  # "Der Takt, der … eingeführt werden soll, habe …": a relative clause
        elif not sub and finite_at(doc, i):
            return doc[i]
    return None


def _zu_infinitive(doc: Doc, start: int, stop: int) -> int:
    """End of a zu-infinitive clause from `start` ("die Frage … vor den Sicherheitsrat zu
    bringen", "… aufzunehmen"), or 0 when the clause is not one."""
    end = start
    while end < stop and doc[end].text not in (",", ";", ":", ".") and (
        not is_finite(doc[end]) or doc[end - 1].lower_ == "zu"
    ):
        end += 1
    last = doc[end - 1] if end > start + 1 else None
    if last is None or end - start < MIN_TOKENS:
        return 0
    return end if is_zu_infinitive(last) else 0


def _clause_end(doc: Doc, start: int, stop: int) -> int:
    """End of a verb-final clause from `start` with the clauses that depend on it: "dass es
    unwahrscheinlich sei, dass jemand … lüge" is one report."""
    end = _verb_final_end(doc, start, stop)
    while end + 2 < stop and doc[end].text == "," and _opens_dependent_clause(doc, end + 1):
        end = _verb_final_end(doc, end + 1, stop)
    return end


def _verb_final_end(doc: Doc, start: int, stop: int) -> int:
    """The first finite verb from `start` followed by a comma or the end."""
    for t in doc[start:stop]:
        if is_finite(t) and t.i > start + 1:
            nxt = doc[t.i + 1] if t.i + 1 < stop else None
            if nxt is None or nxt.text in (",", ".", ";", ":", "!", "?") or nxt.is_space:
                return t.i + 1
    return stop


def _ends_in_colon(unit: Span) -> bool:
    """The unit announces what follows it ("sagte der Minister:")."""
    return next((t.text for t in reversed(unit) if not t.is_space), "") == ":"


def _subject_of_clause(doc: Doc, comma: int, stop: int) -> bool:
    """The words before `comma` are the subject of a verb-second clause, with a relative clause
    of their own in between: "sagte, die Sängerin, die gesungen hatte, sei nicht da". Then the
    finite verb follows the relative clause's closing comma (an apposition is followed by more
    of the clause: "sagte Müller, Sprecher der Wehr, die … leitete, es sei …")."""
    if not relative_clause(doc, comma + 1, stop):
        return False
    end = clause_bounds(doc[comma + 1 : stop], comma + 1)[1]
    return end + 1 < stop and doc[end].text == "," and is_finite(doc[end + 1])


def _opens_dependent_clause(doc: Doc, i: int) -> bool:
    """A subordinate or relative clause opens at token i (not "wie"/"so", which open frames)."""
    t = doc[i]
    if t.lower_ in SUBORDINATORS and t.lower_ not in ("wie", "so", "als"):
        return True
    return opens_relative_clause(doc, i)


def _named_view(frame: Frame) -> bool:
    """'…, glaubt Stenger': a view tagged after its content, held by someone named or described
    (not 'denke ich', 'glaubt man')."""
    speaker = frame.speaker
    return speaker is not None and frame.cue.start < speaker.start and not (
        len(speaker) == 1 and speaker[0].lower_ in ("ich", "wir", "man", "es")
    )


def _continued_past_frame(doc: Doc, frame: Frame, end: int, uend: int) -> int:
    """'Er sei Mitglied, sagt er, aber man solle beim Verband fragen': the report goes on after
    an interrupting frame when the rest of the sentence is again in Konjunktiv I."""
    after = frame.clause[1]
    if after >= uend or doc[after].text != ",":
        return end
    rest = doc[after + 1 : uend]
    if any(is_konjunktiv1(t) for t in rest if is_finite(t)) and not any(t.text in ("„", "»", "\"") for t in rest):
        return _trim(doc, after + 1, uend)[1]
    return end


def _reported_frame(doc: Doc, frame: Frame) -> bool:
    """A frame that is itself part of a report: its finite verb is in Konjunktiv I ("Sie rate",
    "Niemand habe ihm mitgeteilt"), or it stands in an adverbial clause ("als ihm Mitglieder
    davon erzählten")."""
    start, end = clause_bounds(doc[frame.clause[0] : frame.clause[1]], frame.cue.start)
    finite = next((t for t in doc[start:end] if is_finite(t)), frame.cue[0])
    opener = next((t for t in doc[start:end] if not (t.is_punct or t.is_space)), None)
    return is_konjunktiv1(frame.cue[0]) or is_konjunktiv1(finite) or opener is not None and opener.lower_ in ADVERBIAL_SUBORDINATORS


def _narrated(unit: Span, finite: Token, in_quote: set[int]) -> bool:
    """The clause opens and has its finite verb outside quotation marks: the writer reports,
    quoting some words ("Er habe jetzt »einen echten Plan für alle Fälle«")."""
    first = next((t for t in unit if not (t.is_punct or t.is_space)), None)
    return first is not None and first.i not in in_quote and finite.i not in in_quote


def _elliptic_with_tag(doc: Doc, start: int, end: int, frame: Frame, uend: int) -> bool:
    """'Eine fatale Sucht, glauben Kritiker, gerade im Ressort, das …': a verbless statement
    interrupted by an inverted tag, with more of it after the tag; the tag stays in the span."""
    after = frame.clause[1]
    return (
        frame.rule == "verb" and frame.verb_class in ("speech", "thought", "writing")
        and frame.speaker is not None and frame.speaker.start > frame.cue.start
        and after + 2 < uend and doc[after].text == ","
        and pos(doc[start]) in ("DET", "ADJ", "NOUN") and end - start >= 2
        and (opens_relative_clause(doc, after + 1) or not any(is_finite(t) for t in doc[after + 1 : clause_bounds(doc[after + 1 : uend], after + 1)[1]]))
    )


def _before_tags(content: Span, frame: Frame) -> Span:
    """Cut a folded-in tag off the content's end ("…, so der Autor in 'War'")."""
    doc = content.doc
    end = content.end
    for start, _ in frame.tags:
        if content.start < start <= end:
            end = start
    start, end = _trim(doc, content.start, end)
    return doc[start:end] if end > start else content


def _giver_of(doc: Doc, unit: Span, noun: Token, in_quote: set[int]) -> Span | None:
    """Who gives the argument in 'X begegnet der Kritik mit dem Argument, …' or 'wurde von X
    mit der Begründung abgelehnt, …': the clause's subject, or the agent of its passive."""
    if noun.i < unit.start + 2 or doc[noun.i - 1].lower_ not in ("dem", "der") or doc[noun.i - 2].lower_ != "mit":
        return None
    finite = next((x for x in unit if x.i < noun.i and is_finite(x) and x.i not in in_quote), None)
    if finite is None:
        return None
    end = next((k for k in range(noun.i, unit.end) if doc[k].text == ","), unit.end)
    if passive(doc, unit.start, end):
        return passive_agent(doc, unit.start, end)
    subject = subject_of_main_clause(unit, finite, noun.i, in_quote)[0]
    return subject if subject is not None and plausible_source(subject) else None


def _named_claimant(frames: list[Frame]) -> Span | None:
    """Who a "soll" report names as its source: a "laut X" / "X zufolge" frame, also when it was
    folded into a speech verb inside the reported clause ("Laut ISNA soll das Gericht die Urteile
    bestätigt haben": ISNA, not the court)."""
    frame = next((f for f in frames if f.rule in PREPOSITIONAL_RULES), None)
    if frame is not None:
        return frame.speaker
    host = next((f for f in frames if f.tags), None)
    if host is None:
        return None
    return host.via[-1] if host.via else host.speaker


class ReportedSpeechFinder:
    def __init__(self, nlp: Language, name: str = "reported_speech_finder") -> None:
        self.name = name
        self.frames = FrameFinder()

    def __call__(self, doc: Doc) -> Doc:
        direct = list(doc.spans.get("quotes", []))
        titles = list(doc.spans.get("titles", []))
        in_quote = {i for q in direct for i in range(q.start - 1, q.end + 1)}
        in_title = {i for q in titles for i in range(q.start - 1, q.end + 1)}
        found: list[Span] = []
        reported_only: list[Frame] = []
        reporting = False  # the previous sentence was reported speech
        for line in body_lines(doc):
            span = doc.char_span(line.start, line.start + len(line.text), alignment_mode="expand")
            if span is None:
                continue
            previous: Span | None = None  # the sentence before, while it is nobody's report
            for sent in sentences(span, in_quote | in_title):
                in_report = False
                announcing: Frame | None = None  # a frame that ends its unit in a colon
                for unit in _units(sent):
                    if all(t.i in in_quote or t.is_punct or t.is_space for t in unit):
                        in_report = in_report or any(t.i in in_quote for t in unit)
                        announcing = None
                        continue
                    quote = self._unit(doc, unit, in_quote, reported_only, reporting)
                    if quote is None and previous is not None:
                        quote = self._taken_up(doc, unit, previous, in_quote)
                    if quote is None and announcing is not None:
                        quote = self._after_colon(doc, unit, announcing, in_quote)
                    announcing = self._announcing(unit, in_quote) if quote is None else None
                    if quote is not None:
                        found.append(quote)
                        in_report = True
                reporting = in_report
                previous = None if in_report else sent
        doc.spans["quotes"] = sorted(direct + found + self._quoted_in_reports(doc, found), key=lambda s: s.start)
        # labelled "class:lemma": a view ("sieht das so") announces a speaker but cites no source
        doc.spans["reported_sources"] = [
            Span(doc, f.speaker.start, f.speaker.end, label=f"{f.verb_class or 'speech'}:{f.lemma}") for f in reported_only if f.speaker is not None
        ]
        return doc

    def _unit(
        self, doc: Doc, unit: Span, in_quote: set[int], reported_only: list[Frame], reporting: bool
    ) -> Span | None:
        frames = [f for f in self.frames.find(unit, skip=in_quote) if unit.start <= f.cue.start < unit.end]
        for frame in sorted(frames, key=lambda f: (f.rule not in ("verb", "hearsay", "view"), f.cue.start)):
            content = self._content(doc, unit, frame, in_quote)
            if content is not None and all(i in in_quote for i in range(content.start, content.end)):
                continue  # '„…“, hieß es': the direct quote is already the report
            if content is not None:
                content = _before_tags(content, frame)
                return self._make(content, frame.rule, frame.cue, frame.speaker, frame.via)
            if frame.rule == "verb" and frame.speaker is not None:
                reported_only.append(frame)
            if frame.rule == "verb" and frame.via and frame.tags:
                tagged = self._tagged_report(doc, unit, frame, in_quote)
                if tagged is not None:
                    return tagged
        noun_report = self._noun_complement(doc, unit, in_quote)
        if noun_report is not None:
            return noun_report
        finite = _main_finite(unit)
        if finite is None:
            return None
        start, end = _trim(doc, unit.start, unit.end)
        if end - start < MIN_TOKENS or any(i in in_quote for i in range(start, end)) and end - start < 6:
            return None
        reading = modal_reading(finite, unit)
        if reading == HEARSAY:
            return self._make(doc[start:end], "soll", doc[finite.i : finite.i + 1], _named_claimant(frames), [])
        if reading == CLAIM:
            subject = noun_phrase(doc, start)
            return self._make(doc[start:end], "will", doc[finite.i : finite.i + 1], subject, [])
        if any(f.rule == "verb" and f.verb_class != "thought" and not _reported_frame(doc, f) for f in frames):
            # a report without content ("CNN berichtete darüber"); "Sie rate zum Kauf", "Niemand habe
            # ihm mitgeteilt, …" and "…, als ihm Mitglieder davon erzählten" do not stop the report
            return None
        if reporting and finite.lower_.startswith(konjunktiv2_for_konjunktiv1()) and not self._inside_quote(unit, in_quote):
            # right after a report, Konjunktiv II stands in for an ambiguous Konjunktiv I
            # ("Starke Winde hätten den Brand verursacht")
            return self._make(doc[start:end], "konjunktiv", doc[finite.i : finite.i + 1], None, [])
        if is_konjunktiv1(finite) and (not self._inside_quote(unit, in_quote) or _narrated(unit, finite, in_quote)):
            return self._make(doc[start:end], "konjunktiv", doc[finite.i : finite.i + 1], None, [])
        lowers = token_words(doc).lowers
        hedge = next((doc[i] for i in range(start, end) if lowers[i] in HEARSAY_ADVERBS and i not in in_quote), None)
        if hedge is not None and not self._inside_quote(unit, in_quote):
            # "Er hat angeblich mit ihm gesprochen": the writer passes on what others claim
            frame = next((f for f in frames if f.rule in PREPOSITIONAL_RULES), None)
            return self._make(doc[start:end], "hedge", doc[hedge.i : hedge.i + 1], frame.speaker if frame else None, [])
        return None

    def _tagged_report(self, doc: Doc, unit: Span, frame: Frame, in_quote: set[int]) -> Span | None:
        """A verb frame without content inside a "laut X" / "nach Angaben X" / "X zufolge": the
        clause is X's report ("Laut Polizei kündigte der Täter die Tat an"), not the verb's; a
        clause ending in a colon announces what the verb's subject says next ("kommentierte das
        laut X wie folgt:")."""
        if _ends_in_colon(unit):
            return None
        start, end = frame.tags[-1]
        cue = doc[start] if doc[start].lower_ in TAG_RULES else doc[end - 1]
        rule = TAG_RULES.get(cue.lower_)
        if rule is None:
            return None
        tag = Frame(doc[cue.i : cue.i + 1], rule, frame.via[-1], clause=(start, end))
        content = self._content(doc, unit, tag, in_quote)
        if content is None:
            return None
        return self._make(_before_tags(content, tag), rule, tag.cue, tag.speaker, frame.via[:-1])

    def _noun_complement(self, doc: Doc, unit: Span, in_quote: set[int]) -> Span | None:
        """'der Vorwurf der Verteidigung, das Gericht sei nicht legitim' / 'die Forderung, dass …':
        a speech noun whose complement clause is the report; its genitive is the speaker."""
        nouns = speech_nouns()
        texts = token_words(doc).texts
        for t in (doc[i] for i in range(unit.start, unit.end) if texts[i] in nouns):
            if t.i + 1 >= unit.end:
                break  # the noun ends the unit: no complement follows ("… erhebt die Forderung")
            owner = noun_phrase(doc, t.i + 1) if doc[t.i + 1].lower_ in ("des", "der") else None
            after = owner.end if owner is not None else t.i + 1
            owner = owner or _giver_of(doc, unit, t, in_quote)
            # the comma may follow a verb that ends the clause: "wurde die Botschaft hinterlassen, …",
            # "konnte Berichte nicht bestätigen, wonach …", "wies einen Bericht zurück, wonach …"
            comma = next((k for k in range(after, min(after + 4, unit.end)) if doc[k].text == ","), None)
            if comma is None or comma + 1 >= unit.end or any(
                pos(x) not in ("VERB", "AUX") and x.lower_ not in PARTICLES and x.lower_ != "nicht" for x in doc[after:comma]
            ):
                continue
            if nouns[t.text] == "thought" and owner is None:
                continue  # "der Verdacht, dass …" of nobody in particular is no report
            j = comma + 1
            if doc[j].lower_ in ("dass", "wonach"):  # "Berichte, wonach …": what the reports say
                end = _clause_end(doc, j, unit.end)
            else:
                finite = _main_finite(doc[j : unit.end])
                if finite is None or not is_konjunktiv1(finite) or finite.i - j > 6:
                    continue
                end = next((k for k in range(finite.i, unit.end) if doc[k].text == ","), unit.end)
            start, end = _trim(doc, j, end)
            if end - start < MIN_TOKENS or any(k in in_quote for k in range(start, end)):
                continue
            return self._make(doc[start:end], "noun", doc[t.i : t.i + 1], owner, [])
        return None

    @staticmethod
    def _inside_quote(unit: Span, in_quote: set[int]) -> bool:
        words = [t for t in unit if not t.is_punct and not t.is_space]
        return bool(words) and sum(t.i in in_quote for t in words) > len(words) / 2

    def _content(self, doc: Doc, unit: Span, frame: Frame, in_quote: set[int]) -> Span | None:
        """The reported clause a frame governs, or None (a frame without content: "CNN berichtete")."""
        ustart, uend = unit.start, unit.end
        fstart, fend = frame.clause
        if frame.rule in ("laut", "zufolge", "angaben", "view"):
            start, end = _trim(doc, ustart, uend)
            if end - start < MIN_TOKENS + (fend - fstart):
                return None
            if fstart <= start < fend or all(pos(t) in ("ADV", "CCONJ", "PART") for t in doc[start:fstart]):
                start, end = _trim(doc, fend, end)  # a leading frame is not part of the report: "Doch laut X …"
            return doc[start:end] if end - start >= MIN_TOKENS else None
        if frame.rule == "anaphoric":  # "Demnach habe er …": all after the adverb; inside: all
            start, end = _trim(doc, fend if _trim(doc, ustart, uend)[0] >= fstart else ustart, uend)
            return doc[start:end] if end - start >= MIN_TOKENS else None
        if frame.rule == "hearsay":
            i = frame.cue.end
            if i < uend and lemma(doc[i]) == "werden" and is_finite(doc[i]):
                i += 1  # "…, in der ihnen vorgeworfen wird, dass …": the auxiliary closes the clause
            if i < uend and doc[i].lower_ == "es":
                i += 1
            if i < uend and doc[i].text in (",", ":") and relative_clause(doc, i + 1, uend):
                return None  # "wurden keine Schäden durch den Sturm berichtet, der …": what follows describes the noun
            if i < uend and doc[i].text in (",", ":"):
                start, end = _trim(doc, i + 1, uend)  # "heißt es, …"
                if doc[start].lower_ not in COMPLEMENTIZERS and not any(is_zu_infinitive(t) for t in doc[start:end]):
                    finite = _main_finite(doc[start:end])
                    if finite is None:
                        return None  # "werden ihm vorgeworfen, darunter Völkermord …": a list, no clause
                    if not (is_konjunktiv1(finite) or "Sub" in finite.morph.get("Mood")):
                        return None  # "Die Bedeutung wird betont, die Lage bleibt ernst": a clause of its own
            elif fstart > ustart and doc[fstart - 1].text == "," and doc[fstart].lower_ in ("hieß", "heißt", "hatte", "hat"):
                start, end = _trim(doc, ustart, fstart - 1)  # "…, hieß es"
            elif frame.lemma in OBJECT_HEARSAY:
                start, end = _trim(doc, ustart, uend)  # "Ihm wird nachgesagt, …" / "wird ein Hang … nachgesagt"
            else:
                return None
            return doc[start:end] if end - start >= MIN_TOKENS else None
        # the frame stands after its content: "…, sagte X" / "…, so X" / "…, schreibt X:"
        # "…, von denen X behauptet, …": a relative clause with its own subject frames what follows
        relative = opens_relative_clause(doc, fstart) and frame.speaker is not None and frame.speaker.start > fstart + 1
        if fstart > ustart and doc[fstart - 1].text in (",", "–", "-") and not relative:
            before = self._content_before(doc, unit, frame, in_quote)
            opener = doc[fstart]
            if before is not None or frame.rule != "verb" or frame.speaker is None or not (
                is_finite(opener) or opener.lower_ in SUBORDINATORS and opener.lower_ not in ("wie", "so")
            ):
                return before
            # the clause before is the prefield of this main clause, and no report ("Als er
            # kam, erklärte er, …"): the verb's own complement follows it
        if frame.rule != "verb":
            return None
        # the content follows the frame: a complement clause after a comma, past appositions
        # and prepositional phrases ("sagte X, Koordinator für Y, gegenüber der BBC, dass …")
        i = next(
            (k for k in range(fend, uend) if doc[k].lower_ == "dass" and doc[k - 1].text == ","),
            None,
        )
        if i is None:
            i = fend
            while i < uend and doc[i].text != ",":
                if doc[i].lower_ in COMPLEMENTIZERS and doc[i - 1].text == ",":
                    break
                i += 1
        if i >= uend - 1:
            return None
        j = i + 1 if doc[i].text == "," else i
        while j < uend and doc[j].lower_ not in COMPLEMENTIZERS:
            # an addressee or apposition before the content: "sagte X, Leiter der Feuerwehr, der Zeitung, …"
            k = next((m for m in range(j, uend) if doc[m].text == ","), uend)
            if k >= uend - 1 or any(is_finite(t) or t.lower_ == "zu" for t in doc[j:k]) or _subject_of_clause(doc, k, uend):
                break
            j = k + 1
        if relative_clause(doc, j, uend):
            return None  # "…, der mit 'War' ein neues Buch vorlegt": not what was said
        if j < uend and doc[j].lower_ in COMPLEMENTIZERS and doc[j].lower_ != "dass" and frame.verb_class not in ("speech", "writing"):
            return None  # "fand heraus, was …": an indirect question after a verb of finding out
        if j < uend and doc[j].lower_ in COMPLEMENTIZERS:
            start, end = _trim(doc, j, _clause_end(doc, j, uend))
        elif doc[fstart].lower_ in ("wie", "so"):
            start, end = _trim(doc, j, uend)  # "Wie X berichtet, habe …"
        elif doc[fstart].lower_ in SUBORDINATORS:
            # "Nachdem X berichtet hatte, ermittelt die Polizei": the main clause is not the report;
            # "weil X betont hatte, der Angeklagte sei …": a verb-second Konjunktiv clause is
            finite = _main_finite(doc[j:uend])
            if finite is None or finite.i == j or not is_konjunktiv1(finite):
                return None
            stop = next((k for k in range(finite.i, uend - 1) if doc[k].text == "," and is_finite(doc[k + 1])), uend)
            start, end = _trim(doc, j, stop)
        elif _zu_infinitive(doc, j, uend):
            if frame.verb_class not in ("speech", "writing"):
                return None  # "sah Anlass, … auszusprechen": a view or a perception takes no reported plan
            start, end = _trim(doc, j, _zu_infinitive(doc, j, uend))  # "forderte, die Frage … zu bringen"
        else:
            finite = _main_finite(doc[j:uend])
            if finite is None:
                return None
            subjunctive = is_konjunktiv1(finite) or "Sub" in finite.morph.get("Mood")
            # "Er sagte, er habe …"; in the indicative only after a verb of saying and a clause of
            # its own ("Die Zeitung berichtete, 200 Mitarbeiter sollen gehen"), not "sagte er, und ging"
            # nor in a list of actions ("fährt hin, ruft an, er kommt runter")
            if not subjunctive and not (
                frame.verb_class in ("speech", "report") and not frame.shared_subject and doc[j].lower_ not in COORDINATORS
                and pos(doc[j]) not in ("CCONJ", "ADV") and not opens_relative_clause(doc, j)
                and finite.i > j and frame.cue.start < j
            ):
                return None
            start, end = _trim(doc, j, uend)
        if end - start < MIN_TOKENS or all(k in in_quote for k in range(start, end)):
            return None
        return doc[start:end]

    @staticmethod
    def _content_before(doc: Doc, unit: Span, frame: Frame, in_quote: set[int]) -> Span | None:
        """The report before a frame that follows it after a comma ("Die Lage sei ernst, sagte X")."""
        ustart, uend = unit.start, unit.end
        fstart = frame.clause[0]
        if frame.rule == "verb" and frame.verb_class not in ("speech", "writing", "report") and not _named_view(frame):
            return None
        passive_tag = lemma(doc[fstart]) == "werden" and passive(doc, *frame.clause) and not any(
            t.lower_ in ADVERSATIVES for t in doc[fstart : frame.clause[1]]
        )  # "…, wird in der Mitteilung betont"; not "…, wurde aber von X abgelehnt", a clause of its own
        inverted = frame.speaker is not None and (frame.speaker.start > frame.cue.start or passive_tag)
        if frame.rule == "verb" and not inverted and doc[fstart].lower_ != "wie":
            # not an inverted tag: "Der Leiter der WHO, Klaus Stöhr, sagte" ("…, wie X berichtete"
            # and the passive "…, wird in der Mitteilung betont" are tags)
            return None
        if doc[fstart].lower_ == "wie" and any(t.lower_ in ("so", "genauso", "ebenso") for t in doc[max(ustart, fstart - 4) : fstart - 1]):
            return None  # "betrügt genauso gut, wie er schreibt": a comparison, not a source
        left = fstart - 1
        start = ustart
        for t in doc[ustart:left]:
            if t.text in ("–", "—", ";") or (t.text == "-" and t.whitespace_):
                start = t.i + 1
        start, end = _trim(doc, start, left)
        main = _main_finite(doc[start:end])  # of what stands before the frame
        if not any(is_finite(t) for t in doc[start:end]) and _elliptic_with_tag(doc, start, end, frame, uend):
            whole = _trim(doc, start, uend)
            return doc[whole[0] : whole[1]]
        end = _continued_past_frame(doc, frame, end, uend)
        if doc[start].lower_ in ADVERBIAL_SUBORDINATORS and main is None or not any(is_finite(t) for t in doc[start:end]):
            # "Wenn X verurteilt werden sollte, sagte Y": a condition, not the report ("Um … zu
            # kommen, müsse er umsteigen, sagt Y" has its main clause after the adverbial one)
            return None
        if pos(doc[start]) == "ADP" and not any(is_finite(t) for t in doc[start : clause_bounds(unit, start)[1]]) and not (
            main is not None and is_konjunktiv1(main)
        ):
            return None  # "In einem Essay, das … erschien, erinnert er": a fronted phrase, not the report
        if passive_tag and main is None:
            return None  # "Etliches von dem, was X will, wurde gerügt": the passive's subject, not a report
        if end - start >= MIN_TOKENS and not all(i in in_quote for i in range(start, end)):
            return doc[start:end]
        return None

    def _announcing(self, unit: Span, in_quote: set[int]) -> Frame | None:
        """A frame of saying that ends its unit in a colon ("Er stellt fest:", "sagte der
        Minister:"): nothing but its speaker and a particle after the verb, the verb finite or
        with its auxiliary, not a passive without its agent."""
        doc = unit.doc
        if not _ends_in_colon(unit):
            return None
        last = next(t for t in reversed(unit) if not t.is_space)
        for f in self.frames.find(unit, skip=in_quote):
            if f.rule != "verb" or f.speaker is None or f.verb_class not in ("speech", "writing"):
                continue
            rest = [t for t in doc[f.cue.end : last.i] if not (f.speaker.start <= t.i < f.speaker.end)]
            if any(t.lower_ not in PARTICLES for t in rest):
                continue  # "verlangt die Herausgabe der Daten:", "meinte es gut mit uns:": an object, no report
            clause = doc[clause_bounds(unit, f.cue.start)[0] : last.i]
            finite = next((t for t in clause if is_finite(t)), None)
            if finite is None or f.cue.start > 0 and doc[f.cue.start - 1].lower_ == "zu":
                continue  # "ist zu berichten:"
            if finite.i != f.cue.start and lemma(finite) not in AUXILIARIES:
                continue  # "machte von sich reden:": the cue is no verb of its own
            if passive(doc, clause.start, clause.end) and doc[f.speaker.start - 1].lower_ not in AGENT_PREPOSITIONS:
                continue  # "wird wegen des Massakers angeklagt:": the subject is no speaker
            return f
        return None

    def _after_colon(self, doc: Doc, unit: Span, frame: Frame, in_quote: set[int]) -> Span | None:
        """'Er stellt fest: Sie war manipuliert worden.': a clause after the colon of a frame,
        without quotation marks, is what the frame reports."""
        start, end = _trim(doc, unit.start, unit.end)
        if end - start < MIN_TOKENS or any(k in in_quote for k in range(start, end)) or _main_finite(doc[start:end]) is None:
            return None
        return self._make(doc[start:end], "verb", frame.cue, frame.speaker, frame.via)

    def _taken_up(self, doc: Doc, unit: Span, previous: Span, in_quote: set[int]) -> Span | None:
        """'… hat ein Verfahren entwickelt. Das berichtet das Magazin X.': a frame whose object is
        a demonstrative opening its sentence reports the sentence before."""
        first = next((t for t in unit if not (t.is_punct or t.is_space)), None)
        if first is None or first.lower_ not in TAKING_UP or first.i + 1 >= unit.end:
            return None
        frame = next(
            (f for f in self.frames.find(unit, skip=in_quote)
             if f.rule == "verb" and f.cue.start == first.i + 1 and f.speaker is not None and f.verb_class in ("speech", "writing", "report")),
            None,
        )
        if frame is None or frame.speaker.start <= first.i:
            return None
        start, end = _trim(doc, previous.start, previous.end)
        if end - start < MIN_TOKENS or any(k in in_quote for k in range(start, end)):
            return None
        return self._make(doc[start:end], "verb", frame.cue, frame.speaker, frame.via)

    @staticmethod
    def _quoted_in_reports(doc: Doc, reports: list[Span]) -> list[Span]:
        """Quoted words inside a reported clause are a direct quote of the same source:
        'Dabei gehe es um „kulturelle Vielfalt“' gives the indirect clause and the direct words."""
        out = []
        for q in doc.spans.get("unattributed_quotes", []):
            host = next((r for r in reports if r.start < q.start and q.end <= r.end), None)
            if host is None:
                continue
            q._.rule = "in_report"
            q._.cue = host._.cue
            q._.speaker_mention = host._.speaker_mention
            q._.via = list(host._.via)
            out.append(q)
        return out

    @staticmethod
    def _make(content: Span, rule: GermanRule, cue: Span | None, speaker: Span | None, via: list[Span]) -> Span:
        span = content.doc[content.start : content.end]
        span._.kind = "indirect"
        span._.rule = rule
        span._.cue = cue
        span._.speaker_mention = speaker
        span._.via = list(via)
        return span


@Language.factory(
    "reported_speech_finder", requires=[*LINGUISTIC, "doc._.lines", "doc.spans"], assigns=["doc.spans", *QUOTE_FINDINGS]
)
def make_reported_speech_finder(nlp: Language, name: str) -> ReportedSpeechFinder:
    return ReportedSpeechFinder(nlp, name)
