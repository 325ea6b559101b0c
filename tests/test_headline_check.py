"""The headline check on headline/body pairs of our own (none taken from a real article).

Half of the pairs are fair headlines that a careful reader would not flag: the check must not
call them `unsupported_as_fact`. The others drop a source, a hedge or a denial that the body
keeps. Modal verbs are read by meaning, compounds are split, figures match number words.
"""

from __future__ import annotations

import pytest

from quellenlage.schema import Analysis, HeadlineFinding

FLAG = "unsupported_as_fact"


def article(headline: str, *paragraphs: str) -> str:
    """Kicker, headline and body paragraphs, as the analyzer sees a mini-article."""
    return "\n\n".join(("Lokales", headline, *paragraphs)) + "\n"


def findings(a: Analysis) -> list[HeadlineFinding]:
    assert a.headline_check is not None, "no headline found"
    return a.headline_check.findings


def finding(a: Analysis, words: str) -> HeadlineFinding:
    found = [f for f in findings(a) if words in f.assertion]
    assert found, f"no assertion with {words!r} in {[f.assertion for f in findings(a)]}"
    return found[0]


# --- fair headlines: never flagged -----------------------------------------------------------

FAIR = [
    pytest.param(  # compound parts: Sensortechnik ~ Sensoren, Technik; Kuhstall ~ Stall, Kuh
        "Neue Sensortechnik im Kuhstall",
        ("Im Stall des Hofes messen neue Sensoren die Temperatur jeder Kuh, die Technik meldet Fieber sofort.",),
        "Sensortechnik", "supported", id="compound-parts",
    ),
    pytest.param(  # a number word in the body, a figure in the headline
        "12 Schulen erhalten neue Computer",
        ("Im Landkreis erhalten in diesem Herbst zwölf Schulen neue Computer für den Informatikunterricht.",),
        "Schulen", "supported", id="number-word",
    ),
    pytest.param(  # "soll … eröffnet werden": a schedule, the outlet's own voice
        "Hallenbad öffnet im Frühjahr 2026",
        ("Das neue Hallenbad am Stadtpark soll im Frühjahr 2026 öffnen, die Bauarbeiten laufen seit dem März.",),
        "Hallenbad", "supported", id="planning-soll-in-body",
    ),
    pytest.param(  # a planning "soll" in the headline marks no hearsay
        "Grundsteuer soll 2026 sinken",
        ("Die Grundsteuer in der Stadt sinkt im Jahr 2026 um zwei Punkte, das hat der Rat beschlossen.",),
        "Grundsteuer", "supported", id="planning-soll-in-headline",
    ),
    pytest.param(  # hearsay "soll … haben" in the headline: the headline keeps the distance
        "Bürgermeister soll Geld angenommen haben",
        ("Der Bürgermeister soll nach Angaben eines Zeugen Geld eines Bauunternehmers angenommen haben.",),
        "Bürgermeister", "attributed_only", id="hearsay-soll-in-headline",
    ),
    pytest.param(  # colon frame naming the source
        "Polizei: Täter floh mit einem Fahrrad",
        ("Der Täter floh nach Angaben der Polizei mit einem Fahrrad in Richtung der Innenstadt.",),
        "Täter", "attributed_only", id="colon-frame",
    ),
    pytest.param(  # the headline is a quotation
        "„Wir schaffen den Umbau bis Ostern“",
        ('Bürgermeisterin Anna Roth sagte am Montag im Rat: „Wir schaffen den Umbau bis Ostern, wenn das Wetter mitspielt.“',),
        "Umbau", "attributed_only", id="quotation",
    ),
    pytest.param(  # a speech verb with its actor
        "Gewerkschaft fordert höhere Löhne für Pflegekräfte",
        ("Die Gewerkschaft verlangt in der laufenden Tarifrunde acht Prozent mehr Lohn für alle Pflegekräfte.",),
        "Löhne", "attributed_only", id="speech-verb",
    ),
    pytest.param(  # "wie X berichtete" beside an indicative main clause: the outlet adopts it
        "Sängerin hat zehn Kilo abgenommen",
        ("Die Sängerin hat in den vergangenen Monaten rund zehn Kilo abgenommen, wie die Zeitung „Morgenblatt“ berichtete.",),
        "Kilo", "supported", id="wie-berichtete",
    ),
    pytest.param(  # "will" of intention: the subject's own plan, named in the headline
        "Konzern will 300 neue Stellen schaffen",
        ("Der Konzern plant bis zum Jahr 2027 rund 300 neue Stellen am Standort in Kassel.",),
        "Stellen", "attributed_only", id="will-intention",
    ),
    pytest.param(  # several independent sources report it
        "Fabrik schließt Ende des Jahres",
        (
            "Nach Angaben der Gewerkschaft schließt die Fabrik am Hafen Ende des Jahres endgültig.",
            "Auch der Betriebsrat sagte am Dienstag, die Fabrik am Hafen schließe Ende des Jahres.",
        ),
        "Fabrik", "supported", id="several-sources",
    ),
    pytest.param(  # the author writing in the first person is the outlet
        "Zwölf Bäcker und ihre besten Brötchen",
        ("Für diesen Artikel habe ich zwölf Bäcker in Köln besucht und nach ihren besten Brötchen gefragt.",),
        "Bäcker", "supported", id="first-person-author",
    ),
    pytest.param(  # "X erklärt, wie …": the topic of an explanation, no claim of X
        "So schützen Mieter ihre Kaution",
        ("Rechtsanwältin Eva Lang erklärt, wie Mieter ihre Kaution vor dem Zugriff des Vermieters schützen können.",),
        "Kaution", "supported", id="open-question",
    ),
    pytest.param(  # a fact the outlet states itself, with an unrelated quote beside it
        "Brücke über die Elbe gesperrt",
        (
            "Die Brücke über die Elbe ist seit Montag wegen Rissen im Beton für den Verkehr gesperrt.",
            "„Wir prüfen die Lage jeden Tag“, sagte ein Sprecher des Bauamts am Dienstag.",
        ),
        "Brücke", "supported", id="own-voice-fact",
    ),
    pytest.param(  # nothing in the body: a separate, lower-emphasis verdict
        "Trainer vor dem Rauswurf",
        ("Das Wetter am Wochenende bleibt in ganz Norddeutschland sonnig und für die Jahreszeit zu warm.",),
        "Trainer", "not_in_body", id="not-in-body",
    ),
    pytest.param(  # the outlet says it in other words; a source is quoted with the headline's words
        "Landrat Falk nahm 5000 Euro von Baufirma an",
        (
            "Der Landrat Peter Falk hat im Sommer 5000 Euro von der Baufirma Weber erhalten, das zeigen Kontoauszüge.",
            "Die Zeitung „Nordblatt“ berichtet, Falk habe die 5000 Euro der Baufirma ohne Quittung angenommen.",
        ),
        "Baufirma", "supported", id="own-paraphrase-beside-a-source",
    ),
    pytest.param(  # the teaser states it in the outlet's voice, the body quotes a source
        "Kreis schließt Klinik in Celle",
        (
            "Der Landkreis schließt die Klinik in Celle zum Jahresende.",
            "„Die Klinik in Celle wird zum Jahresende geschlossen“, sagte der Landrat Peter Falk am Dienstag im Kreistag.",
        ),
        "Klinik", "supported", id="teaser-own-voice",
    ),
    pytest.param(  # one source reports it, another confirms it: no longer one source's claim
        "Bahn streicht die Strecke nach Husum",
        (
            "Der Landrat Peter Falk sagte am Montag, die Bahn streiche im Winter die Strecke nach Husum.",
            "Das bestätigte am Dienstag auch ein Sprecher der Bahn in Hamburg.",
        ),
        "Husum", "supported", id="reported-and-confirmed",
    ),
    pytest.param(  # stated in the indicative and credited ("wie X berichtete"): the outlet vouches
        "Bahn streicht die Strecke nach Husum",
        ("Die Bahn streicht im Winter die Strecke nach Husum, wie der NDR am Montag berichtete.",),
        "Husum", "supported", id="credited-indicative",
    ),
    pytest.param(  # an actor's act stated in the indicative, its announcer named in the next sentence
        "Stadt stoppt den Bau der Umgehungsstraße",
        ("Die Stadt hat den Bau der geplanten Umgehungsstraße vorerst gestoppt. Das teilte der Oberbürgermeister Jan Horn am Dienstag mit.",),
        "Umgehungsstraße", "supported", id="announced-in-the-next-sentence",
    ),
    pytest.param(  # an indirect paraphrase by several words in the outlet's voice
        "Stadt baut neue Radwege am Ring",
        ("Am Ring baut die Stadt in diesem Sommer zwei neue Radwege mit insgesamt vier Kilometern Länge.",),
        "Radwege", "supported", id="paraphrase",
    ),
]


@pytest.mark.parametrize("headline,body,words,verdict", FAIR)
def test_fair_headline_is_not_flagged(analyze_text, headline, body, words, verdict):
    a = analyze_text(article(headline, *body))
    assert all(f.verdict != FLAG for f in findings(a)), [(f.assertion, f.why) for f in findings(a)]
    assert finding(a, words).verdict == verdict


# --- headlines that drop what the body keeps -------------------------------------------------

UNSUPPORTED = [
    pytest.param(
        "Spieler wechselt nach München",
        ("Der Spieler wechselt angeblich im Sommer für zehn Millionen Euro nach München.",),
        "Spieler", "hedged", id="angeblich",
    ),
    pytest.param(  # "will … gesehen haben": the neighbour's claim only
        "Nachbar sah den Täter vor dem Haus",
        ("Ein Nachbar will den Täter am späten Abend vor dem Haus in der Lindenstraße gesehen haben.",),
        "Täter", "hedged", id="will-claim",
    ),
    pytest.param(  # hearsay "soll … haben" in the body, plain fact in the headline
        "Minister nahm Geld von Lobbyisten",
        ("Der Minister soll im vergangenen Jahr Geld von Lobbyisten der Tabakindustrie angenommen haben.",),
        "Lobbyisten", "hedged", id="soll-hearsay",
    ),
    pytest.param(  # one named source only
        "Bahn streicht die Strecke nach Husum",
        ("Landrat Peter Falk sagte am Montag, die Bahn streiche im Winter die Strecke nach Husum.",),
        "Husum", "attributes this to", id="single-source",
    ),
    pytest.param(  # reported and denied
        "Konzern streicht 500 Stellen",
        (
            "Laut der „Morgenpost“ streicht der Konzern Weber im nächsten Jahr 500 Stellen in der Verwaltung.",
            "„Das ist falsch“, sagte ein Sprecher des Konzerns am Abend in einer knappen Stellungnahme.",
        ),
        "500 Stellen", "denied", id="denied",
    ),
    pytest.param(  # an own sentence that only shares the names does not vouch for the charge
        "Landrat Falk nahm Spenden der Baufirma an",
        (
            "Das „Nordblatt“ berichtet, der Landrat Peter Falk habe Spenden der Baufirma Weber angenommen.",
            "Landrat Peter Falk ist seit 2019 im Amt, die Baufirma Weber baut in Celle Wohnungen.",
        ),
        "Spenden", "attributes this to", id="own-sentence-with-the-names-only",
    ),
    pytest.param(  # a fronted "Das" before a verb of denial points at the claim just reported
        "Bahn streicht die Strecke nach Husum",
        (
            "Der Landrat Peter Falk sagte am Montag, die Bahn streiche im Winter die Strecke nach Husum.",
            "Das wies die Bahn in Hamburg am Dienstag entschieden zurück.",
        ),
        "Husum", "denied", id="das-denied",
    ),
    pytest.param(  # a claim taken up by a verb of claiming keeps the distance ("Das behauptet zumindest X")
        "Minister traf sich heimlich mit dem Lobbyisten",
        ("Der Minister hat sich im Mai heimlich mit dem Lobbyisten getroffen. Das behauptet zumindest der Journalist Paul Roth in seinem Buch.",),
        "Lobbyisten", "attributes this to", id="claimed-in-the-next-sentence",
    ),
    pytest.param(  # the same credit with the Konjunktiv keeps the distance
        "Bahn streicht die Strecke nach Husum",
        ("Die Bahn streiche im Winter die Strecke nach Husum, wie der NDR am Montag berichtete.",),
        "Husum", "hedged", id="credited-konjunktiv",
    ),
    pytest.param(  # an unattributed rumour ("wird nachgesagt")
        "Trainer hat Streit mit dem Kapitän",
        ("Dem Trainer wird seit Wochen ein heftiger Streit mit dem Kapitän der Mannschaft nachgesagt.",),
        "Streit", "hedged", id="nachgesagt",
    ),
]


@pytest.mark.parametrize("headline,body,words,why", UNSUPPORTED)
def test_headline_dropping_the_bodys_marking_is_flagged(analyze_text, headline, body, words, why):
    a = analyze_text(article(headline, *body))
    f = finding(a, words)
    assert f.verdict == FLAG and why in f.why, (f.verdict, f.why)
    assert f.evidence and all(a.text[e.start : e.end] == e.text for e in f.evidence)
    assert "false" not in f.why.lower().replace("denied or disputed", "")


def test_topic_label_before_colon_is_no_assertion(analyze_text):
    a = analyze_text(article(
        "Zwischenbilanz: Stadt baut neue Brücke",
        "Die Stadt baut seit dem Frühjahr eine neue Brücke über den Kanal am alten Hafen.",
    ))
    assert [f.assertion for f in findings(a)] == ["Stadt baut neue Brücke"]


def test_a_list_of_topics_is_no_assertion(analyze_text):
    a = analyze_text(article(
        "Marketing • Soziale Medien",
        "Ein Artikel von Jens Braun argumentiert, dass Chefs nicht twittern sollten.",
    ))
    assert all(f.verdict != FLAG for f in findings(a)), [(f.assertion, f.why) for f in findings(a)]


def test_longer_verbless_topic_before_colon_is_no_assertion(analyze_text):
    a = analyze_text(article(
        "Einstieg ins Fernsehgeschäft: Wie der Konzern Kunden gewinnen will",
        "Der Konzern kauft einen Sendernetzbetreiber. „Wir steigen ins Fernsehgeschäft ein“, sagte der Chef Karl Weber.",
    ))
    assert all("Einstieg" not in f.assertion for f in findings(a))


def test_name_with_a_predicate_before_colon_is_an_assertion(analyze_text):
    a = analyze_text(article(
        "Minister Karl Weber überfordert: Ämter arbeiten langsam",
        "Die Ämter arbeiten langsam. Der Minister sei überfordert, schreibt die Zeitung Abendpost.",
    ))
    assert any("überfordert" in f.assertion for f in findings(a)), [f.assertion for f in findings(a)]


def test_name_before_colon_with_a_topic_is_no_source_frame(analyze_text):
    a = analyze_text(article(
        "Galaxy Note: Bald auch in Schwarz",
        "Das Galaxy Note kommt bald auch in Schwarz in den Handel, der Preis bleibt gleich.",
    ))
    assert all(f.marking is None or "colon" not in f.marking for f in findings(a))


# --- modal verbs by meaning ------------------------------------------------------------------

@pytest.mark.parametrize("sentence,reading", [
    ("Die Steuer soll 2026 sinken.", "plan"),
    ("Die Brücke soll bis 2027 gebaut werden.", "plan"),
    ("Die Halle soll ab Mai fertig sein.", "plan"),
    ("Scobel soll neuer Geschäftsführer werden.", "plan"),
    ("Der Minister soll Geld von Lobbyisten angenommen haben.", "hearsay"),
    ("Er soll schwer krank sein.", "hearsay"),
    ("Sie sagte, dass er das Geld genommen haben soll.", "hearsay"),
    ("Er will nichts davon gewusst haben.", "claim"),
    ("Die Regierung will die Steuern senken.", "intention"),
])
def test_modal_reading(sentence, reading):
    from quellenlage.lang.de.modals import modal_reading
    from quellenlage.nlp import load_pipeline

    doc = load_pipeline()(sentence)
    readings = [r for t in doc if (r := modal_reading(t, doc[:])) is not None]
    assert readings == [reading]


@pytest.mark.parametrize("word,parts", [
    ("Kindersitze", ("kind", "sitz")),
    ("Sensortechnik", ("sensor", "technik")),
    ("Regierungssprecher", ("regierung", "sprecher")),
    ("Minister", ()),  # no chance split ("Mini|ster")
])
def test_compound_parts(word, parts):
    from quellenlage.lang.de.claims import compound_parts

    assert compound_parts(word) == parts
