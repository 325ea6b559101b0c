"""Quotes and speakers on our own German sentences: every construction of the analyze issue.

Each case is a short text, the quote we expect (kind, a piece of its text) and its speaker
(a word of the canonical name, or None). Texts are written for these tests.
"""

from __future__ import annotations

import pytest

# (text, kind, words the quote must contain, speaker word or None)
FOUND = [
    # direct, every quotation-mark style
    ("Die Ministerin sagte: „Wir werden das Gesetz noch in diesem Jahr ändern.“", "direct", "Gesetz noch in diesem Jahr", "Ministerin"),
    ("»Das ist ein schwarzer Tag für die Stadt«, sagte Bürgermeister Klaus Berger.", "direct", "schwarzer Tag", "Berger"),
    ('"Wir haben alles versucht", erklärte der Trainer Jens Hofmann nach dem Spiel.', "direct", "alles versucht", "Hofmann"),
    ("“Niemand hat uns gewarnt”, sagte die Anwohnerin Maria Keller.", "direct", "Niemand hat uns gewarnt", "Keller"),
    ("Der Sprecher betonte: ‚Wir prüfen alle Hinweise sehr genau.‘", "direct", "Wir prüfen alle Hinweise", "Sprecher"),
    ("«Die Lage bleibt angespannt», sagte Polizeisprecher Urs Meier.", "direct", "Lage bleibt angespannt", "Meier"),
    # quote interrupted by its frame
    ("„Wir sind überrascht“, sagte Anna Schmidt, „aber wir geben nicht auf.“", "direct", "geben nicht auf", "Schmidt"),
    ("„Wir sind überrascht“, sagte Anna Schmidt, „aber wir geben nicht auf.“", "direct", "Wir sind überrascht", "Schmidt"),
    # partial quote inside a sentence
    ("Der Verband nannte die Pläne „völlig realitätsfern“ und kündigte Widerstand an.", "direct", "völlig realitätsfern", "Verband"),
    ("Gesundheitsminister Peter Lang sprach von einem „historischen Durchbruch“ in der Forschung.", "direct", "historischen Durchbruch", "Lang"),
    # colon-introduced, also as bullets
    ("Thomas Weber: „Ich bleibe bis zum Ende der Saison im Amt.“", "direct", "bis zum Ende der Saison", "Weber"),
    ("Die Ärztin schildert den Ablauf so:\n\n  • „Wir haben die ganze Nacht operiert, und am Morgen war er stabil.“", "direct", "ganze Nacht operiert", "Ärztin"),
    # speaker as a pronoun or a description resolved to the entity
    ("Finanzminister Karl Brandt verteidigte den Haushalt. „Wir sparen, wo es vernünftig ist“, sagte er.", "direct", "wo es vernünftig ist", "Brandt"),
    ("Der Vorstandschef Martin Vogel äußerte sich am Abend. „Die Zahlen sind enttäuschend“, sagte Vogel.", "direct", "Zahlen sind enttäuschend", "Martin Vogel"),
    # indirect: speech-verb frames
    ("Der Minister sagte, die Reform werde im Herbst vorgelegt.", "indirect", "Reform werde im Herbst", "Minister"),
    ("Die Behörde teilte mit, dass die Brücke bis Montag gesperrt bleibt.", "indirect", "Brücke bis Montag gesperrt", "Behörde"),
    ("Die Angaben seien falsch, erklärte ein Sprecher des Konzerns.", "indirect", "Angaben seien falsch", "Sprecher"),
    ("Die Gewerkschaft kritisierte, die Löhne seien seit Jahren zu niedrig.", "indirect", "Löhne seien seit Jahren", "Gewerkschaft"),
    ("Der Konzern dementierte, dass Stellen abgebaut werden sollen.", "indirect", "Stellen abgebaut", "Konzern"),
    ("Die Polizei bestätigte, dass zwei Männer festgenommen wurden.", "indirect", "zwei Männer festgenommen", "Polizei"),
    ("Die Forscher schreiben, das Eis schmelze schneller als erwartet.", "indirect", "Eis schmelze schneller", "Forscher"),
    ("Bürgermeisterin Eva Roth betonte, die Stadt habe genug Geld für den Umbau.", "indirect", "Stadt habe genug Geld", "Roth"),
    # zufolge, laut, nach Angaben, so X, hieß es
    ("Der Polizei zufolge wurde niemand verletzt.", "indirect", "niemand verletzt", "Polizei"),
    ("Laut dem Wetterdienst wird es am Wochenende deutlich kälter.", "indirect", "Wochenende deutlich kälter", "Wetterdienst"),
    ("Nach Angaben der Feuerwehr brach das Feuer gegen Mitternacht aus.", "indirect", "Feuer gegen Mitternacht", "Feuerwehr"),
    ("Die Verhandlungen stehen kurz vor dem Abschluss, so der Unterhändler.", "indirect", "kurz vor dem Abschluss", "Unterhändler"),
    ("Aus Regierungskreisen hieß es, eine Einigung sei in Sicht.", "indirect", "Einigung sei in Sicht", None),
    ("Wie die Zeitung berichtet, habe der Minister von den Plänen gewusst.", "indirect", "Minister von den Plänen gewusst", "Zeitung"),
    # Konjunktiv I continuing a report without a new frame
    ("Die Sprecherin Lisa Hahn sagte, der Termin stehe fest. Die Gäste seien bereits eingeladen.", "indirect", "Gäste seien bereits eingeladen", "Hahn"),
    # modal distancing
    ("Der Täter soll das Geld in einem Wald versteckt haben.", "indirect", "Geld in einem Wald versteckt", None),
    ("Der Zeuge will den Wagen am Tatort gesehen haben.", "indirect", "Wagen am Tatort gesehen", "Zeuge"),
    # hearsay
    ("Dem Sänger wird eine Affäre mit einer Kollegin nachgesagt.", "indirect", "Affäre mit einer Kollegin", None),
    # zu-infinitive complement
    ("Die Opposition forderte die Regierung auf, den Bericht sofort zu veröffentlichen.", "indirect", "Bericht sofort zu veröffentlichen", "Opposition"),
    # the subject of coordinated verbs, a quote that ends its sentence
    ("Die Ministerin trat vor die Presse und erklärte: „Wir haben keine Fehler gemacht.“ Danach ging sie.", "direct", "keine Fehler gemacht", "Ministerin"),
    # a frame in a relative clause speaks for the noun it refers to
    ("Der Rat verabschiedete eine Resolution, die die Regierung auffordert, das Gesetz zurückzunehmen.", "indirect", "Gesetz zurückzunehmen", "Resolution"),
    # a passive with its agent or document
    ("In einer Mitteilung der Stadt wird gefordert, dass die Straße saniert werden müsse.", "indirect", "Straße saniert", "Mitteilung"),
    ("Im Bericht heißt es, die Schule sei in einem schlechten Zustand.", "indirect", "Schule sei in einem schlechten", "Bericht"),
    # an apposed name makes the description a person
    ("Das sagte der Leiter der Feuerwehr, Tom Berger, der Zeitung, die Lage sei unter Kontrolle.", "indirect", "Lage sei unter Kontrolle", "Berger"),
    # a colon ends the speaker's clause; a quote taken up by the next sentence
    ("Die Trainerin, die seit Jahren im Verein ist, will im Sommer aufhören: „Ich habe genug erlebt.“", "direct", "genug erlebt", "Trainerin"),
    ("„Wir haben Fehler gemacht“. Das räumte der Vorstandschef Peter Hahn am Montag ein.", "direct", "Fehler gemacht", "Hahn"),
    # a speech noun's complement, a wire report introduced by 'wie', a compound frame noun
    ("Der Verteidiger wies den Vorwurf der Anklage, sein Mandant sei vorbestraft, entschieden zurück.", "indirect", "Mandant sei vorbestraft", "Anklage"),
    ("Denn wie die Zeitung am Montag berichtete, leidet der Sänger an einer schweren Krankheit.", "indirect", "leidet der Sänger", "Zeitung"),
    ("Nach Polizeiangaben wurden bei dem Unfall drei Menschen leicht verletzt.", "indirect", "drei Menschen leicht verletzt", "Polizei"),
    # evaluative partial quotes: a predicate after 'als', an object of the cue, a governed preposition
    ("Die Bürgermeisterin bezeichnete den Neubau als „Schandfleck“ und verlangte einen Abriss.", "direct", "Schandfleck", "Bürgermeisterin"),
    ("Die Opposition nannte das einen „Skandal ohnegleichen“ und verließ den Saal.", "direct", "Skandal ohnegleichen", "Opposition"),
    ("Der Landrat würdigte die Helfer als „Rückgrat der Gemeinde“.", "direct", "Rückgrat der Gemeinde", "Landrat"),
    ("Als „verlorenes Jahrzehnt“ beschrieb die Historikerin Ute Kramer die Zeit nach dem Krieg.", "direct", "verlorenes Jahrzehnt", "Kramer"),
    ("Der Verbandschef warnte vor den „Folgen für den Mittelstand“.", "direct", "Folgen für den Mittelstand", "Verbandschef"),
    ("Die Ärztin riet dringend zu „Ruhe und Geduld“.", "direct", "Ruhe und Geduld", "Ärztin"),
    ("Der Richter konstatierte eine „Kette von Versäumnissen“ bei den Behörden.", "direct", "Kette von Versäumnissen", "Richter"),
    # subjects past an adverb, with a quoted name and a genitive, a demonstrative, a document before a relative clause
    ("Die Gewerkschaft hingegen erklärte, die Löhne seien zu niedrig.", "indirect", "Löhne seien zu niedrig", "Gewerkschaft"),
    ("Das „Zentrum für Klimafolgen“ der Universität geht davon aus, dass die Dürre anhält.", "indirect", "Dürre anhält", "Klimafolgen"),
    ("Der Vorstand traf sich mit Petra Lindner. Diese bestätigte, dass die Gespräche weitergehen.", "indirect", "Gespräche weitergehen", "Lindner"),
    ("In dem Gutachten, das im Mai vorgelegt wurde, heißt es, die Brücke sei marode.", "indirect", "Brücke sei marode", "Gutachten"),
    # a speech frame without content announces who the next Konjunktiv sentence reports
    ("Der Betriebsrat kritisierte die Pläne scharf. Die Löhne seien seit Jahren zu niedrig.", "indirect", "Löhne seien seit Jahren", "Betriebsrat"),
    ("Die Ärztin äußerte sich zurückhaltend. Sie rate zu mehr Bewegung im Alltag.", "indirect", "rate zu mehr Bewegung", "Ärztin"),
    # Konjunktiv I of verbs in -eln/-ern; 'Demnach' after an announcement without content
    ("Die Ministerin sagte, vermutlich handele es sich um einen Fehler im System.", "indirect", "handele es sich", "Ministerin"),
    ("Die Kommission gab das Ergebnis bekannt. Demnach hat die Koalition die Wahl gewonnen.", "indirect", "Koalition die Wahl gewonnen", "Kommission"),
    # an anaphoric adverb hands the sentence to the source before it
    ("Die Feuerwehr teilte mit, das Dach sei eingestürzt. Demnach seien drei Häuser beschädigt worden.", "indirect", "drei Häuser beschädigt", "Feuerwehr"),
    # the subject of the reported clause has a relative clause of its own
    ("Der Trainer meinte, die Spielerin, die verletzt ausgewechselt wurde, sei bald wieder fit.", "indirect", "sei bald wieder fit", "Trainer"),
    ("Die Ministerin sagte, das Werk, das seit Mai stillsteht, werde nicht wieder geöffnet.", "indirect", "werde nicht wieder geöffnet", "Ministerin"),
    # an agentless passive of a verb of saying: the statement is reported, its speaker unnamed
    ("Bei der Versammlung wurde betont, die Schule bleibe im Ort.", "indirect", "Schule bleibe im Ort", None),
    ("Am Abend wurde mitgeteilt, dass die Brücke gesperrt bleibt.", "indirect", "Brücke gesperrt bleibt", None),
    # "laut X" around a verb whose object is a noun: the whole clause is X's report
    ("Laut Polizei kündigte der Mann die Tat vorher im Internet an.", "indirect", "kündigte der Mann die Tat", "Polizei"),
    ("Nach Angaben der Feuerwehr meldete ein Nachbar den Brand.", "indirect", "meldete ein Nachbar den Brand", "Feuerwehr"),
    ("Der Zeitung zufolge bestätigte der Verein den Wechsel am Abend.", "indirect", "bestätigte der Verein den Wechsel", "Zeitung"),
    # speech verbs with a separated particle "hin"/"hervor" and a correlate "darauf"
    ("Die Ärztin wies darauf hin, dass die Impfung keinen vollständigen Schutz biete.", "indirect", "Impfung keinen vollständigen Schutz", "Ärztin"),
    ("Der Minister verwies darauf, dass der Haushalt wieder ausgeglichen sei.", "indirect", "Haushalt wieder ausgeglichen", "Minister"),
    ("Die Kanzlerin hob dabei hervor, dass dies Arbeitsplätze sichern könne.", "indirect", "Arbeitsplätze sichern", "Kanzlerin"),
    # a zu-infinitive of a particle verb ("niederzulegen", "fortzusetzen") is the reported demand
    ("Die Partei hatte den Abgeordneten gestern aufgefordert, sein Mandat niederzulegen.", "indirect", "Mandat niederzulegen", "Partei"),
    # an agentless passive of accusing or demanding
    ("Die drei Männer werden beschuldigt, einen Anschlag geplant zu haben.", "indirect", "Anschlag geplant", None),
    # a report noun with a "wonach" clause: what the report says, its genitive the source
    ("Für Unruhe sorgte ein Bericht der Lokalzeitung, wonach die Schule geschlossen werde.", "indirect", "Schule geschlossen werde", "Lokalzeitung"),
    ("Die Polizei konnte Berichte nicht bestätigen, wonach Zeugen Schüsse gehört hätten.", "indirect", "Zeugen Schüsse gehört", None),
    # a frame inside a subordinate clause, its report a verb-second clause in Konjunktiv I
    ("Das Urteil überraschte, weil der Verteidiger stets betont hatte, der Angeklagte sei nicht gefährlich.", "indirect", "Angeklagte sei nicht gefährlich", "Verteidiger"),
    ("Die Polizei ermittelt, nachdem die Zeitung berichtet hatte, dass der Bürgermeister Geld angenommen habe.", "indirect", "Bürgermeister Geld angenommen", "Zeitung"),
    # a leading frame with a quoted name is cut whole from the report
    ("Einem Bericht der „Lokalpost“ zufolge soll der Konzern Stellen streichen.", "indirect", "soll der Konzern Stellen streichen", "Lokalpost"),
    ("Nach Informationen des „Kuriers“ plant die Regierung eine Reform.", "indirect", "plant die Regierung eine Reform", "Kurier"),
    # "Wie X erfuhr": the newsroom's attribution to X's own reporting
    ("Wie die Nachrichtenagentur dpa erfuhr, soll der Vertrag verlängert werden.", "indirect", "soll der Vertrag verlängert werden", "dpa"),
    # a report with a relative clause in it before the tag: the prefield is the report, not the subject
    ("Die Lage, die sich seit Tagen zuspitze, sei ernst, sagte der Anwalt.", "indirect", "sei ernst", "Anwalt"),
    ("Der Vorwurf, die Firma habe Steuern hinterzogen, sei haltlos, sagte ihr Anwalt.", "indirect", "sei haltlos", "Anwalt"),
    ("Anna Roth, die in eine Firma, die Drohnen baut, investiert, sagte, sie sehe große Chancen.", "indirect", "sehe große Chancen", "Anna Roth"),
    # after a clause-opening subject pronoun stands the finite verb, whatever the tagger says ("äußere")
    ("Auf Anfrage teilte die Pressestelle mit, man äußere sich nicht zu laufenden Verfahren.", "indirect", "äußere sich nicht", "Pressestelle"),
    # via: a medium the statement came through
    ("Die Angaben stimmten nicht, sagte der Sprecher Paul Frank nach Angaben der Nachrichtenagentur dpa.", "indirect", "Angaben stimmten nicht", "Frank"),
]

# (text, words that must NOT be reported as any quote)
NOT_QUOTES = [
    ('Der Autor stellte sein neues Buch "Die letzte Grenze" in Berlin vor.', "Die letzte Grenze"),
    ("Wie der britische „Guardian“ berichtet, wurde das Treffen abgesagt.", "Guardian"),
    ("Der Film „Das Leben der Anderen“ gewann einen Oscar.", "Das Leben der Anderen"),
    ("Die sogenannten „Experten“ lagen falsch, das zeigte sich schnell.", "Experten"),
    ("Die Partei startete die Kampagne „Zukunft jetzt“ im Frühjahr.", "Zukunft jetzt"),
    ("Der „Spiegel“ erscheint seit 1947 in Hamburg.", "Spiegel"),
    ("Wenn es regnen würde, wäre das Fest ausgefallen.", "wäre das Fest"),
    ("Er hätte gern mehr Zeit gehabt, doch der Zug fuhr pünktlich ab.", "mehr Zeit gehabt"),
    ("Die Stadt hat im vergangenen Jahr drei neue Schulen gebaut.", "drei neue Schulen"),
    ("Ein Sprecher wollte nicht bestätigen, dass der Vertrag gekündigt wurde.", "Vertrag gekündigt"),
    ("Der Verdacht, dass das Wasser verunreinigt sei, hat sich bestätigt.", "Wasser verunreinigt"),
    ("Das Unternehmen „Nordwind Energie GmbH“ baut den Windpark.", "Nordwind Energie"),
    # names next to speech verbs: subject, addressee, so called, a coordinated title, a platform
    ("Wie „tagesschau.de“ berichtet, bleibt die Brücke gesperrt.", "tagesschau"),
    ("Auch das „Kulturhaus“ der Stadt äußerte sich nicht zu dem Fall.", "Kulturhaus"),
    ("Der Minister sagte der „Rheinischen Zeitung“, er bleibe im Amt.", "Rheinischen Zeitung"),
    ("Der Fahrer der so genannten „Stadtlinie“ sagte, der Bus sei pünktlich gewesen.", "Stadtlinie"),
    ("Der Bericht nennt „Instagram“ als wichtigste Quelle der Gerüchte.", "Instagram"),
    ("Der Pilot sah sich gezwungen, den Fluggast zu „entsorgen“.", "entsorgen"),
    ("Der Begriff bedeutet etwa „Gemeinschaft“ und bezeichnet eine alte Tradition.", "Gemeinschaft"),
    ("Danach fuhren die Gäste mit dem Bus zurück in die Stadt.", "Gäste mit dem Bus"),
    ("Der »Tagblatt«-Chefredakteur sagte, die Auflage sei stabil.", "Tagblatt"),
    # imperatives and the first person look like Konjunktiv I but report nothing
    ("Höre auf dein Herz. Nehme dir Zeit für deine Träume.", "Zeit für deine Träume"),
    ("Auf der Messe erfahre ich nichts Neues über die Pläne.", "nichts Neues"),
    ("Der Sprecher bestätigte die Verteilung des „Stadtkurier“ an alle Haushalte.", "Stadtkurier"),
    # present participles, attributive adjectives and the weak past in -te are no Konjunktiv I
    ("Die aus Leipzig stammende Sängerin erhielt am Sonntag den Preis.", "Sängerin erhielt"),
    ("In der Nähe wohnende Helfer brachten die Verletzten weg.", "Helfer brachten"),
    ("Mit hoher Geschwindigkeit erfasste ein Lieferwagen am Morgen einen Radfahrer.", "Lieferwagen am Morgen"),
    ("Der Mann rannte in Richtung Bahnhof davon.", "Richtung Bahnhof"),
    # a clause ending in a colon announces the quote that follows; "laut X" does not report it
    ("Die Sprecherin kommentierte den Bericht laut „Kurier“ wie folgt: „Das ist falsch.“", "kommentierte den Bericht"),
    # "wies den Weg", "verwies den Fall": the verbs without a statement
    ("Der Fahrer wies den Gästen den Weg zum Bahnhof.", "Weg zum Bahnhof"),
    ("Die Kommission verwies den Fall an das Gericht in Brüssel.", "Fall an das Gericht"),
    ("Der Wirt hat die Gäste des Lokals verwiesen, um die Polizei zu rufen.", "die Polizei zu rufen"),
    # a report noun with a relative clause is a document, not a report
    ("Der Bericht, der am Montag erschien, umfasst dreihundert Seiten.", "am Montag erschien"),
    # after a subordinate frame, the main clause is the writer's: "Nachdem X berichtet hatte, ermittelt …"
    ("Nachdem die Zeitung über den Fall berichtet hatte, ermittelt nun die Polizei.", "ermittelt nun die Polizei"),
    # "sich sagen": a thought to oneself, told to nobody
    ("Das sind die Momente, in denen sich der Kunde sagt, dass er lieber online kauft.", "lieber online kauft"),
    # "erfahren" without "wie X erfuhr" is learning something, not a report
    ("Er erfuhr erst am Abend, wie schlimm die Lage war.", "wie schlimm die Lage war"),
    # a quoted name inside a compound ("ZDF-„Morgenmagazin“") is no quote
    ("Die Parteichefin sagte im ZDF-„Morgenmagazin“, sie halte an dem Plan fest.", "Morgenmagazin"),
    # a passive with a subject of its own reports nothing in the clause after it
    ("Die Bedeutung der Pflege wird betont, die Lage bleibt aber ernst.", "Lage bleibt"),
]


def _find(analysis, kind, words):
    return [q for q in analysis.quotes if q.kind == kind and words in q.text]


@pytest.mark.parametrize("text,kind,words,speaker", FOUND)
def test_quote_and_speaker(analyze_text, text, kind, words, speaker):
    analysis = analyze_text(text)
    hits = _find(analysis, kind, words)
    assert hits, f"no {kind} quote with {words!r}: {[(q.kind, q.text) for q in analysis.quotes]}"
    quote = hits[0]
    assert analysis.text[quote.start : quote.end] == quote.text
    if speaker is None:
        assert quote.speaker is None or quote.speaker_type in ("anonymous", "unknown")
    else:
        assert quote.speaker is not None and speaker in quote.speaker.name, quote.speaker


@pytest.mark.parametrize("text,words", NOT_QUOTES)
def test_not_a_quote(analyze_text, text, words):
    analysis = analyze_text(text)
    assert not any(words in q.text for q in analysis.quotes), [(q.kind, q.text) for q in analysis.quotes]


def test_via_chain_names_the_agency(analyze_text):
    analysis = analyze_text(FOUND[-1][0])
    quote = _find(analysis, "indirect", "Angaben stimmten nicht")[0]
    assert any("Nachrichtenagentur" in v or "dpa" in v for v in quote.via)


def test_cue_and_mention_point_at_the_text(analyze_text):
    analysis = analyze_text("„Wir bleiben hart“, sagte die Chefin der Gewerkschaft, Sabine Wolf.")
    quote = analysis.quotes[0]
    assert quote.cue is not None and analysis.text[quote.cue.start : quote.cue.end] == "sagte"
    assert quote.speaker_mention is not None
    assert analysis.text[quote.speaker_mention.start : quote.speaker_mention.end] == quote.speaker_mention.text


def test_title_becomes_a_document_source(analyze_text):
    analysis = analyze_text(
        'Die Journalistin Ina Berg legt mit "Schattenjahre" ein neues Buch vor. '
        "Darin schreibt sie, der Konzern habe die Behörden jahrelang getäuscht."
    )
    assert any(s.name == "Schattenjahre" and s.type == "document" for s in analysis.sources)


def test_quote_tagged_by_hearsay_stays_one_direct_quote(analyze_text):
    """'„…“, hieß es': the words in quotation marks are one direct quote, not also an indirect one."""
    analysis = analyze_text(
        "Die Rede dauerte eine Stunde. „Reformen voranzutreiben bedeutet zusammenzuarbeiten“, hieß es in der Rede."
    )
    hits = [q for q in analysis.quotes if "zusammenzuarbeiten" in q.text]
    assert [q.kind for q in hits] == ["direct"], [(q.kind, q.text) for q in analysis.quotes]


def test_fronted_phrase_with_relative_clause_is_not_a_report(analyze_text):
    """'In einer Botschaft, die … gezeigt wurde, rief er …': the phrase before the verb is no content."""
    analysis = analyze_text("In einer Videobotschaft, die am Abend auf der Kundgebung gezeigt wurde, rief er zum Streik auf.")
    assert not any("Videobotschaft" in q.text for q in analysis.quotes), [(q.kind, q.text) for q in analysis.quotes]


def test_name_ending_in_s_keeps_its_s(analyze_text):
    """'Klaus Lewis' is not the genitive of 'Klaus Lewi': only a name used before nouns loses its s."""
    analysis = analyze_text(
        "Der Autor Klaus Lewis sagte, das Buch sei fertig. Lewis erklärte, es erscheine im Mai. "
        "Lewis betonte, er sei zufrieden."
    )
    names = [e.name for e in analysis.entities if e.type == "person"]
    assert "Klaus Lewis" in names, names


def test_quoted_name_without_a_hint_is_no_document_source(analyze_text):
    """A quoted phrase after a preposition is a name, but only a known medium or a word like
    'Buch' next to it makes it a source."""
    analysis = analyze_text(
        "Die Steuer sei aus „Verbrauchersicht“ unverständlich, sagte der Verbandschef Ralf Otto. "
        "Das Buch „Die stille Stadt“ erschien im Mai."
    )
    names = {s.name for s in analysis.sources}
    assert "Verbrauchersicht" not in names and "Die stille Stadt" in names, names


def test_described_agencies_are_agency_sources(analyze_text):
    """'mehrere Nachrichtenagenturen' is an agency by its noun, not only by a known name."""
    analysis = analyze_text("Wie mehrere Nachrichtenagenturen meldeten, sei der Gipfel abgesagt worden.")
    types = {s.name: s.type for s in analysis.sources}
    assert any("Nachrichtenagenturen" in n and t == "agency" for n, t in types.items()), types


# Frames of German word order and newsroom convention: the subject after the verb when the
# phrase before it is an object or a preposition's, "zitieren", and verbless colon frames.
# (text, kind, words the quote must contain, speaker word, words of the mention it rests on)
FRAMED = [
    ("Der Abgeordnete Karl Brenner sprach im Landtag. Das Angebot der Regierung lehnt er jedoch ab: „Das ist zu wenig für die Opfer.“",
     "direct", "zu wenig für die Opfer", "Brenner", "er"),
    ("Die Vorschläge der Kommission bezeichnete Ministerin Helga Brandt als „völlig unausgegoren“.",
     "direct", "völlig unausgegoren", "Brandt", "Brandt"),
    ("Die Leitungen im Norden sind alt. Als Begründung sagte eine Sprecherin der Stadtwerke: „Die Rohre stammen aus den Fünfzigern.“",
     "direct", "Rohre stammen", "Sprecherin", "Sprecherin"),
    ("Angesichts der hohen Kosten nannte der Bürgermeister Paul Hagen den Neubau „nicht bezahlbar“.",
     "direct", "nicht bezahlbar", "Hagen", "Hagen"),
    ("Im Norden wird wieder gekämpft. Ein UNO-Sprecher teilte mit, die Truppen hätten die Stadt verlassen.",
     "indirect", "Truppen hätten die Stadt", "Sprecher", "UNO-Sprecher"),
    # a capitalised word inside a clause is a noun, whatever the tagger says of an unknown compound
    ("Der Streit hält an. EBay-Deutschland gab dazu bekannt: „Das ist der meistgesehene Artikel.“",
     "direct", "meistgesehene Artikel", "EBay", "EBay-Deutschland"),
    # slogans are the words of those who chant or carry them
    ("Tausende zogen durch die Stadt. Die Demonstranten skandierten Parolen wie zum Beispiel „Stoppt den Kohleabbau“.",
     "direct", "Stoppt den Kohleabbau", "Demonstranten", "Die Demonstranten"),
    ("Die Gegner des Festes haben mit der Parole „Wir erwarten euch“ gedroht.",
     "direct", "Wir erwarten euch", "Gegner", "Die Gegner"),
    ("Die Ermittlungen dauern an. „Wir prüfen jeden Hinweis“, wird Polizeichef Max Lorenz zitiert.",
     "direct", "prüfen jeden Hinweis", "Lorenz", "Lorenz"),
    ("Die Mannschaft verlor am Samstag. Die Zeitung zitiert den Trainer Jan Albers mit den Worten: „Wir haben verdient verloren.“",
     "direct", "verdient verloren", "Albers", "Albers"),
    ("Das Team musste das Land verlassen. „Wir sind unerwünschte Zeugen“, zitierte man die Reporterin Tina Berg.",
     "direct", "unerwünschte Zeugen", "Berg", "Berg"),
    ("Der Verband kritisierte die Pläne scharf. Verbandschef Otto Reim wörtlich: „Das ist ein schlechter Scherz.“",
     "direct", "schlechter Scherz", "Reim", "Reim"),
    ("Die Wahl ging knapp aus. Zitat von Anna Kern: „Wir haben es am Ende geschafft.“",
     "direct", "am Ende geschafft", "Kern", "Kern"),
    ("Die Debatte dauerte bis in die Nacht. Lisa Hahn, Präsidentin des Landtags: „Wir brauchen mehr Zeit für dieses Gesetz.“",
     "direct", "mehr Zeit für dieses Gesetz", "Hahn", "Hahn"),
    ("Der Versuch lief fünf Jahre. Das Fazit von Projektleiterin Ute Sommer fällt gemischt aus: „Wir sind erst auf halbem Weg.“",
     "direct", "auf halbem Weg", "Sommer", "Sommer"),
    ("Der Minister Rolf Weiß war im Urlaub. Als der Minister davon erfuhr, sagte er: „Das ist ein Skandal.“",
     "direct", "ein Skandal", "Weiß", "er"),
    ("Seine Bilder werden von Kunstkennern als „Meilensteine der Moderne“ bezeichnet.",
     "direct", "Meilensteine der Moderne", "Kunstkenner", "Kunstkennern"),
    # one person with two roles under one article is singular; the party in parentheses is no end of the name
    ("Der frühere Bürgermeister und Justizsenator, Henning Scherf (SPD), warnte die CDU vor einem „populistischen Wahlkampf“.",
     "direct", "populistischen Wahlkampf", "Scherf", "Henning Scherf"),
    # the name apposed right before the verb is its subject, the phrase after the verb the object
    ("Die Debatte dauerte lange. Die Haushaltsexpertin von Bündnis 90 / Die Grünen, Anja Hajek, kritisierte die Pläne der Regierung. Die Mittel seien zu knapp.",
     "indirect", "Mittel seien zu knapp", "Hajek", "Anja Hajek"),
    # quoted names in the subject: a verb inside them is not the clause's verb
    ("Die Hilfe läuft an. Moritz Wohlfahrt von der „Aktion Nachbar hilft“ sagte, es seien bereits Spenden angekommen.",
     "indirect", "bereits Spenden angekommen", "Wohlfahrt", "Moritz Wohlfahrt"),
    ("Die Lage ist ernst. Wie „netz aktuell“ berichtet, sei der Server ausgefallen.",
     "indirect", "Server ausgefallen", "netz aktuell", "netz aktuell"),
    # an abstract noun before the verb is its object when a source follows the verb
    ("Die Koalition streitet. Die praktische Anwendung der Richtlinie stellte der SPD-Vorsitzende Franz Münte in Frage: „Das ist nicht lebenswirklich.“",
     "direct", "nicht lebenswirklich", "Münte", "Franz Münte"),
    # "nach eigenem Bekunden" is the subject's own account, and the quote after it continues it
    ("Der Besuch war geheim. Der ältere Bruder des Bischofs, Georg Rainer, war nach eigenem Bekunden seit langem eingeweiht. „Mein Bruder wünscht sich mehr Ruhe.“",
     "direct", "mehr Ruhe", "Georg Rainer", "Georg Rainer"),
    # an abstract phrase after the verb is its object; a genitive name may open the subject
    ("Das Urteil fiel am Montag. Berlins Regierender Bürgermeister Klaus Weber (SPD) bedauerte die Verzögerung des Baus, die Kosten seien gestiegen.",
     "indirect", "Kosten seien gestiegen", "Weber", "Klaus Weber"),
    # "das", "die", "eine" are nominative as well as accusative: first after the verb, the subject
    ("Der Pilot wurde befragt. Dazu gab das russische Außenministerium weiter bekannt: „Die Ermittlungen dauern an.“",
     "direct", "Ermittlungen dauern an", "Außenministerium", "Außenministerium"),
    ("Die Abstimmung steht an. Unterdessen haben einige Abgeordnete aus der Koalition angekündigt, sie würden klagen.",
     "indirect", "sie würden klagen", "Abgeordnete", "einige Abgeordnete"),
    # "mit dem Argument, …": the one who argues is the subject of the clause
    ("Die Scheiben sind zerkratzt. Die Stadtbahn begegnet der Kritik mit dem Argument, die Züge seien meist unterirdisch unterwegs.",
     "indirect", "meist unterirdisch", "Stadtbahn", "Die Stadtbahn"),
    # a quote taken up by "Das" and a modal frame: the infinitive after "musste" is no participle
    ("Die Debatte begann am Dienstag.\n\n„Ja, es gibt Zumutungen“. Das musste Finanzminister Peer Steinfeld zu Beginn der Debatte einräumen.",
     "direct", "es gibt Zumutungen", "Steinfeld", "Peer Steinfeld"),
    # "…, so X weiter/wörtlich": the tag names the speaker past its adverb
    ("Die Pläne stehen. „Das Milieu reicht bis in die Büros“, so Karl Gutmann wörtlich.",
     "direct", "Milieu reicht", "Gutmann", "Karl Gutmann"),
    ("Die Seite ist gesperrt. Derzeit werde geprüft, wie die Weiterleitung wieder hergestellt werden kann, so der Verein weiter.",
     "indirect", "Derzeit werde geprüft", "Verein", "der Verein"),
    # a Konjunktiv I clause before the colon is itself reported: the quote continues its speaker
    ("Die Regierungschefin von Queensland, Anna Blum, erklärte, sie helfe gern. Queensland sei Neuseeland zu Dank verpflichtet: „Sie haben uns Helfer geschickt.“",
     "direct", "uns Helfer geschickt", "Blum", "Anna Blum"),
    # "dessen" before a noun after the verb is a determiner: "teilte dessen Stellvertreter mit"
    ("Der Chef war verreist. Zu den Gerüchten teilte dessen Stellvertreter über die Pläne seines Chefs mit: „Er ruft uns an.“",
     "direct", "ruft uns an", "Stellvertreter", "dessen Stellvertreter"),
    # "der" is also the masculine nominative: a source after it is the subject when no other follows
    ("Die Lage ist ernst. Auch wirft der Jahresbericht den Behörden vor, die Opfer zu vernachlässigen.",
     "indirect", "Opfer zu vernachlässigen", "Jahresbericht", "der Jahresbericht"),
    # a sentence-initial compound of a source noun, a lower-case medium, anonymous circles
    ("Es kommen viele Gäste. Freizeitforscher bezweifeln aber, dass so viele Besucher kommen werden.",
     "indirect", "so viele Besucher", "Freizeitforscher", "Freizeitforscher"),
    ("Die Pässe speichern Fotos. Die taz vermutet, dass der Zugriff schon heute üblich ist.",
     "indirect", "Zugriff schon heute", "taz", "taz"),
    ("Der Fonds zahlt nicht mehr. Aus Regierungskreisen verlautete, dies sei nur Spekulation.",
     "indirect", "nur Spekulation", "Regierungskreise", "Regierungskreisen"),
    # a Konjunktiv I sentence is itself the report: its object-first order names no speaker
    ("Der Reporter sprach mit dem Nachbarn. Den Täter kenne er nur vom Sehen, sagte der Nachbar.",
     "indirect", "Täter kenne er", "Nachbar", "der Nachbar"),
    # a subordinate clause is verb-final: "wie" opens it, its subject is the source
    ("Wie die Zeitung unter Berufung auf Insider berichtet, sei der Vertrag gekündigt.",
     "indirect", "Vertrag gekündigt", "Zeitung", "die Zeitung"),
]


@pytest.mark.parametrize("text,kind,words,speaker,mention", FRAMED)
def test_frame_speaker_and_mention(analyze_text, text, kind, words, speaker, mention):
    hits = _find(analyze_text(text), kind, words)
    assert hits, f"no {kind} quote with {words!r}"
    quote = hits[0]
    assert quote.speaker is not None and speaker in quote.speaker.name, quote.speaker
    assert quote.speaker_mention is not None and mention in quote.speaker_mention.text, quote.speaker_mention


def test_quoted_person_speaks_via_the_citing_medium(analyze_text):
    """'Die Zeitung zitiert X mit den Worten': X spoke, the newspaper passed it on."""
    analysis = analyze_text("Das Spiel ging deutlich verloren. Die Morgenpost zitiert den Trainer Jan Albers mit den Worten: „Wir waren chancenlos.“")
    quote = _find(analysis, "direct", "chancenlos")[0]
    assert quote.speaker is not None and "Albers" in quote.speaker.name and any("Morgenpost" in v for v in quote.via), (quote.speaker, quote.via)


NOT_QUOTES_FRAMED = [
    # titles: named by a title noun whatever their length, and the titles listed with them
    ("Sie demonstrierten unter dem Motto „Genug ist genug – wir bleiben hier!“ vor dem Rathaus.", "Genug ist genug"),
    ("Als Modelle nennt der Hersteller die Typen „Atlas“ und „Borealis“.", "Borealis"),
    ("Die Schauspielerin spielte in „Der stille Hafen“ oder „Jeder gegen jeden“ mit.", "Jeder gegen jeden"),
    ("Ende Januar verkündete der „Norddeutsche Schachbund“, kurz „NSB“, dann offiziell den Termin.", "NSB"),
    ("Die Unternehmensgruppe „Nordlicht Holdings Inc.“ gibt dem Autobauer Geld.", "Nordlicht"),
    ("Am Montag feierte das Projekt FreeWriter.org, kurz: „FreeWriter“, seinen zehnten Geburtstag.", "FreeWriter"),
    ("Der Hersteller zeigte die neue Version (Codename: „Polarstern“) auf der Messe.", "Polarstern"),
    ("Das ist das erste Mal, dass das so genannte „public-private-partnership“ genutzt wird.", "public-private"),
    ("Von Freunden stets „der Lange“ genannt, galt er als einflussreich.", "der Lange"),
    ("„Helfer ohne Grenzen“ sowie das Rote Kreuz kündigten an, mehr Helfer zu schicken.", "Helfer ohne Grenzen"),
    # a negated speech verb reports nothing, also with its subject pronoun after the verb
    ("Nähere Einzelheiten gab er nicht bekannt, er verwies aber auf die Polizei.", "verwies aber"),
    # a noun phrase without a source before a colon is no speaker
    ("Am Sonntag wurde gewählt. Das Ergebnis: „Alles bleibt beim Alten.“", "Alles bleibt"),
]


@pytest.mark.parametrize("text,words", NOT_QUOTES_FRAMED[:-1])
def test_not_a_quote_framed(analyze_text, text, words):
    analysis = analyze_text(text)
    assert not any(words in q.text for q in analysis.quotes), [(q.kind, q.text) for q in analysis.quotes]


def test_noun_before_a_colon_is_no_speaker(analyze_text):
    """'Das Ergebnis: „…“' names no one: the quote gets no speaker from the colon."""
    analysis = analyze_text(NOT_QUOTES_FRAMED[-1][0])
    assert all(q.speaker is None for q in analysis.quotes if "Alles bleibt" in q.text), [(q.text, q.speaker) for q in analysis.quotes]


def test_title_after_a_genitive_title_noun(analyze_text):
    """'des Magazines „…“': the genitive the lemmatiser misses still names a title, no direct quote."""
    analysis = analyze_text("Laut einem Test des Magazines „rad, weg und ziel“ sind die Räder sicher.")
    assert not any(q.kind == "direct" and "rad, weg" in q.text for q in analysis.quotes), [(q.kind, q.text) for q in analysis.quotes]


def test_impersonal_passive_of_hearsay_has_no_speaker(analyze_text):
    """'Es wird befürchtet, dass …': nobody is named, 'es' is no speaker; 'Es wird diskutiert' reports nothing."""
    analysis = analyze_text("Die Zahl der Toten steigt. Es wird befürchtet, dass sich die Zahl noch erhöhen könnte. "
                            "Es wird argumentiert, diskutiert, gemeckert – je nach Laune.")
    hits = _find(analysis, "indirect", "Zahl noch erhöhen")
    assert hits and hits[0].speaker is None and hits[0].speaker_mention is None, hits
    assert not any("gemeckert" in q.text for q in analysis.quotes), [(q.kind, q.text) for q in analysis.quotes]


HEARSAY_SOURCES = [
    ("Das Weiße Haus verlangte einen Rückzug. Aus Paris hieß es, das Vorgehen sei eine schwere Verletzung des Abkommens.",
     "Vorgehen sei eine schwere", "Paris"),
    ("Später fand man einen zweiten Sprengsatz. Bei der Agentur Tass hieß es, es habe zwei Explosionen gegeben.",
     "zwei Explosionen", "Tass"),
    ("Der Antrag wurde zurückgezogen. In dem Antrag heißt es wörtlich: „Die Einstufung ist aufzuheben.“",
     "Einstufung ist aufzuheben", "Antrag"),
]


@pytest.mark.parametrize("text,words,speaker", HEARSAY_SOURCES)
def test_hearsay_names_where_it_was_said(analyze_text, text, words, speaker):
    """'Aus Paris hieß es', 'Bei der Agentur X hieß es', 'In dem Antrag heißt es': the place,
    agency or document is the source of the hearsay."""
    hits = [q for q in analyze_text(text).quotes if words in q.text]
    assert hits and hits[0].speaker is not None and speaker in hits[0].speaker.name, [(q.text, q.speaker) for q in hits]


def test_soll_report_names_its_laut_source(analyze_text):
    """'Laut X soll …': X is the claimant, even when a speech verb inside the report took the
    'laut' frame ('Laut ISNA soll das Gericht die Urteile bestätigt haben'); 'laut „Welt“' too."""
    analysis = analyze_text("Die Männer wurden verurteilt. Laut ISNA soll das Gericht die Urteile bestätigt haben. "
                            "Der Manager wurde verhaftet. Laut „Morgenblatt“ soll er sich in der Anstalt Landsberg befinden. "
                            "Der Täter soll geflohen sein.")
    speakers = {q.text[:20]: q.speaker.name if q.speaker else None for q in analysis.quotes if q.kind == "indirect"}
    assert any("ISNA" in (s or "") for t, s in speakers.items() if "Gericht" in t or "ISNA" in t), speakers
    assert any("Morgenblatt" in (s or "") for t, s in speakers.items() if "Morgenblatt" in t or "er sich" in t), speakers
    assert [s for t, s in speakers.items() if t.startswith("Der Täter")] == [None], speakers


def test_passive_with_its_participle_tagged_finite(analyze_text):
    """'In einem Bericht der Zeitung wurde vermutet, dass …': a weak participle right after
    'werden' is a passive whatever its tag, and the report it names is the source."""
    analysis = analyze_text("Das Flugzeug stürzte ab. In einem Bericht der Nordsee-Zeitung wurde vermutet, dass niemand überlebt hat.")
    hits = _find(analysis, "indirect", "niemand überlebt")
    assert hits and hits[0].speaker is not None and "Bericht" in hits[0].speaker.name, hits


def test_inflected_adjective_opening_a_line_is_no_name(analyze_text):
    """'Aufmerksames Auge für die Umwelt': a capitalised adjective at the start of a line stays an
    adjective, whatever the tagger's name tag, while 'Milinkewitsch sagte' stays a name."""
    analysis = analyze_text("So kam die Formel zustande:\nAufmerksames Auge für die Umwelt\nFoto posten\n"
                            "Der Politiker Andrej Milinkewitsch war in Haft. Milinkewitsch sagte dazu: „Das ist Willkür.“")
    names = {e.name for e in analysis.entities}
    assert not any(n.startswith("Aufmerksam") for n in names), names
    assert any("Milinkewitsch" in (q.speaker.name if q.speaker else "") for q in analysis.quotes), analysis.quotes
