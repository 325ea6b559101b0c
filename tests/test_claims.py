"""Claims, reactions, transparency and the headline check on our own German mini-articles.

Every text is written for these tests (none comes from a real article). The pipeline is the
default one plus `claim_builder` and `headline_checker`, built once for the module.
"""

from __future__ import annotations

import pytest

from quellenlage.schema import Analysis, Claim, HeadlineFinding

KICKER = "Lokales"


def article(headline: str, *paragraphs: str) -> str:
    """A mini-article as the analyzer sees them: kicker, headline (four words or more) and body
    paragraphs (a body paragraph is a sentence of twelve words or more)."""
    return "\n\n".join((KICKER, headline, *paragraphs)) + "\n"


@pytest.fixture(scope="module")
def run(analyze_text):
    return analyze_text


def claim_with(a: Analysis, words: str) -> Claim:
    found = [c for c in a.claims if words in c.text]
    assert found, f"no claim with {words!r} in {[c.text for c in a.claims]}"
    return found[0]


def finding(a: Analysis, words: str) -> HeadlineFinding:
    assert a.headline_check is not None
    found = [f for f in a.headline_check.findings if words in f.assertion]
    assert found, f"no assertion with {words!r} in {[f.assertion for f in a.headline_check.findings]}"
    return found[0]


def reactions(c: Claim) -> set[tuple[str, str]]:
    """(a word of the reacting speaker, status)."""
    return {(r.by.name.split()[-1], r.status) for r in c.reactions}


# --- reactions -------------------------------------------------------------------------------

def test_denial_by_words_of_the_reply(run):
    a = run(article(
        "Streit um Spenden im Rathaus von Celle",
        'Der „Tagesanzeiger“ berichtet, Bürgermeister Jan Kruse habe Spenden des Sportvereins für sein Büro verwendet.',
        '„Das ist frei erfunden, ich habe nie Geld genommen“, sagte Kruse am Dienstag vor dem Rat.',
    ))
    c = claim_with(a, "Spenden des Sportvereins")
    assert ("Kruse", "denied") in reactions(c)
    assert c.source is not None and "Tagesanzeiger" in c.source.name


def test_denial_by_cue_verb_without_reported_content(run):
    a = run(article(
        "Werk in Kassel vor dem Aus?",
        "Nach Angaben der Gewerkschaft will der Autozulieferer Brandner sein Werk in Kassel schließen.",
        "Die Firma Brandner dementierte die Pläne zur Schließung des Werks am Dienstagabend in einer knappen Mitteilung.",
    ))
    c = claim_with(a, "Werk in Kassel")
    assert any(r.status == "denied" and r.quote_id is None and r.cue.text == "dementierte" for r in c.reactions)


def test_confirmation_by_cue_verb(run):
    a = run(article(
        "Verlag zieht nach Leipzig",
        "Wie das Branchenblatt „Buchreport“ berichtet, verlegt der Verlag Hofmann seinen Sitz nach Leipzig.",
        "Eine Sprecherin des Verlags bestätigte, dass der Sitz im kommenden Jahr nach Leipzig verlegt wird.",
    ))
    c = claim_with(a, "Sitz nach Leipzig")
    assert any(r.status == "confirmed" and r.cue is not None and r.cue.text == "bestätigte" for r in c.reactions)


def test_confirmation_by_words(run):
    a = run(article(
        "Grundschule am Markt bekommt neue Turnhalle",
        "Laut dem Elternbeirat bekommt die Grundschule am Markt im nächsten Jahr eine neue Turnhalle mit Kletterwand.",
        '„Das stimmt, die Turnhalle wird im Sommer gebaut“, sagte Schulleiterin Eva Roth.',
    ))
    c = claim_with(a, "neue Turnhalle")
    assert ("Roth", "confirmed") in reactions(c)


def test_dispute(run):
    a = run(article(
        "Weniger Arbeitslose im Kreis",
        "Landrätin Petra Sommer sagte am Montag, die Arbeitslosigkeit im Kreis sei im Mai deutlich gesunken.",
        '„Diese Darstellung ist irreführend, weil viele Menschen in Kursen stecken“, sagte der Oppositionsführer Ralf Berg.',
    ))
    c = claim_with(a, "Arbeitslosigkeit im Kreis")
    assert ("Berg", "disputed") in reactions(c)


def test_stimmt_nicht_is_a_denial_not_a_confirmation(run):
    a = run(article(
        "Gerüchte um Trainer Lars Engel",
        "Laut der „Sportwoche“ steht Trainer Lars Engel nach der fünften Niederlage in Folge vor der Entlassung.",
        '„Das stimmt nicht“, sagte Vereinspräsident Otto Brehm am Sonntag nach dem Spiel im Stadion an der Weser.',
    ))
    c = claim_with(a, "Entlassung")
    assert reactions(c) == {("Brehm", "denied")}


def test_anaphor_naming_the_source_links_to_its_claims(run):
    a = run(article(
        "Schwere Vorwürfe gegen die Klinik",
        "Die Journalistin Maria Hahn schreibt in ihrem neuen Buch, die Klinik habe jahrelang Patientendaten verkauft.",
        "Hahn zufolge seien an dem Handel mit den Daten auch mehrere große Versicherungen beteiligt gewesen.",
        "Der Zahnarzt Uwe Stein aus dem Nachbarort sagte, er habe seine Praxis im Frühjahr verkauft.",
        'Klinikchef Georg Wendt sagte: „Keine dieser Behauptungen von Frau Hahn ist wahr.“',
    ))
    assert ("Wendt", "denied") in reactions(claim_with(a, "Patientendaten"))
    assert ("Wendt", "denied") in reactions(claim_with(a, "Versicherungen"))
    assert not reactions(claim_with(a, "Praxis im Frühjahr"))


def test_specific_reply_replaces_the_general_one(run):
    a = run(article(
        "Neue Vorwürfe gegen Bauamt",
        "Die Zeitung „Nordkurier“ berichtet, das Bauamt der Stadt habe mehrere Gutachten zur Statik gefälscht.",
        "Zudem habe das Bauamt in den vergangenen Jahren Aufträge ohne Ausschreibung vergeben, so der „Nordkurier“.",
        "Die Angaben stimmten nicht, sagte Amtsleiter Kurt Weiß am Montag. Weiß bestätigte aber, dass Aufträge ohne Ausschreibung vergeben worden seien.",
    ))
    assert reactions(claim_with(a, "Gutachten")) == {("Weiß", "denied")}
    assert reactions(claim_with(a, "Ausschreibung")) == {("Weiß", "confirmed")}


def test_no_reaction_between_unrelated_statements(run):
    a = run(article(
        "Großes Pokalspiel am Samstag in Bremen",
        "Trainer Jens Hofmann sagte am Donnerstag, das Team sei nach der langen Pause gut vorbereitet.",
        "Kapitän Tim Lorenz erklärte, die Mannschaft freue sich auf das Spiel vor vollem Stadion an der Weser.",
    ))
    assert len(a.claims) == 2
    assert all(not c.reactions for c in a.claims)


def test_denial_without_a_claim_to_answer_is_a_claim_itself(run):
    a = run(article(
        "Streit um neue Radwege im Land",
        "Der Verkehrsminister sagte am Mittwoch im Landtag, die Kritik an den neuen Radwegen sei falsch.",
    ))
    assert len(a.claims) == 1 and not a.claims[0].reactions
    assert a.claims[0].source is not None and "Verkehrsminister" in a.claims[0].source.name


def test_reply_never_answers_its_own_speakers_claim(run):
    a = run(article(
        "Minister verteidigt seinen Haushalt im Landtag",
        "Finanzminister Karl Brandt sagte am Dienstag im Landtag, der Haushalt sei solide finanziert.",
        '„Die Vorwürfe der Opposition sind haltlos, wir machen keine neuen Schulden“, sagte Brandt.',
    ))
    c = claim_with(a, "Haushalt sei solide")
    assert not c.reactions


# --- claim status and chain ------------------------------------------------------------------

def test_soll_without_source_is_a_rumour(run):
    a = run(article(
        "Sänger Tom Wagner trennt sich",
        "Der Sänger Tom Wagner soll sich nach zwölf Jahren Ehe von seiner Frau getrennt haben.",
    ))
    c = claim_with(a, "getrennt")
    assert c.status == "rumour" and c.source is None


def test_angeblich_makes_an_attributed_claim_hedged(run):
    a = run(article(
        "Geld für einen Stadtrat in Celle",
        "Die „Lokalzeitung“ berichtet, ein Stadtrat habe angeblich Geld von einem Bauunternehmer angenommen.",
    ))
    assert claim_with(a, "Geld von einem Bauunternehmer").status == "hedged"


def test_plain_report_is_attributed(run):
    a = run(article(
        "Zwei Festnahmen am Bahnhof in Hagen",
        "Die Polizei teilte am Morgen mit, dass zwei Männer am Bahnhof in Hagen festgenommen wurden.",
    ))
    c = claim_with(a, "zwei Männer")
    assert c.status == "attributed"
    assert c.source is not None and "Polizei" in c.source.name
    assert c.quote_ids == [a.quotes[0].id]


def test_claim_the_outlet_states_itself_is_asserted(run):
    a = run(article(
        "Hochwasser in Passau steigt weiter",
        "Der Pegel der Donau in Passau ist am Sonntag auf zehn Meter gestiegen.",
        "Die Stadtverwaltung erklärte, der Pegel der Donau in Passau sei auf zehn Meter gestiegen.",
    ))
    assert claim_with(a, "zehn Meter").status == "asserted"


def test_via_chain_of_a_claim(run):
    a = run(article(
        "Minister kündigt Reform der Rente an",
        "Der Minister sagte nach Angaben der Nachrichtenagentur Reuters, die Reform der Rente komme im Herbst.",
    ))
    c = claim_with(a, "Reform der Rente komme")
    assert c.source is not None and "Minister" in c.source.name
    assert any("Reuters" in v for v in c.via)


# --- transparency ----------------------------------------------------------------------------

def test_transparency_counts_attributed_sentences_and_single_sources(run):
    a = run(article(
        "Neue Buslinie zur Universität startet",
        "Die neue Buslinie fährt ab Montag durch die Stadt. Sie verbindet den Bahnhof mit der Universität im Norden.",
        "Verbundsprecherin Anna Klein teilte am Freitag mit, dass die Linie tagsüber alle zehn Minuten fährt.",
    ))
    t = a.transparency
    assert t.body_sentences == 3 and t.attributed_sentences == 1
    assert t.attributed_share == pytest.approx(1 / 3, abs=0.01)
    assert t.single_source_claims == 1
    assert t.named_sources >= 1 and t.anonymous_sources == 0


def test_transparency_confirmed_claim_is_not_single_source(run):
    a = run(article(
        "Verlag zieht nach Leipzig",
        "Wie das Branchenblatt „Buchreport“ berichtet, verlegt der Verlag Hofmann seinen Sitz nach Leipzig.",
        "Eine Sprecherin des Verlags bestätigte, dass der Sitz im kommenden Jahr nach Leipzig verlegt wird.",
    ))
    assert a.transparency.single_source_claims == 0


# --- headline check --------------------------------------------------------------------------

def test_outlet_statement_supports_the_headline(run):
    a = run(article(
        "Brücke in Hamm wegen Schäden gesperrt",
        "Die Brücke über die Lippe in Hamm ist seit Montag wegen Schäden am Beton gesperrt.",
        "Autofahrer müssen bis zum Ende der Arbeiten einen Umweg von zehn Kilometern fahren.",
    ))
    f = finding(a, "Brücke")
    assert f.verdict == "supported"
    assert f.evidence and "Beton" in f.evidence[0].text
    assert a.text[f.start : f.end] == f.assertion


def test_headline_drops_the_only_source(run):
    a = run(article(
        "Stadt plant neues Hallenbad",
        "Bürgermeister Klaus Berger sagte am Montag, die Stadt habe ein neues Hallenbad am Stadtpark geplant.",
    ))
    f = finding(a, "Hallenbad")
    assert f.verdict == "unsupported_as_fact"  # the headline drops the only source
    assert "attributes this to" in f.why and "Berger" in f.why


def test_hedged_body_makes_headline_unsupported(run):
    a = run(article(
        "Minister nahm Geld von Lobbyisten",
        "Der Minister soll im vergangenen Jahr Geld von Lobbyisten der Tabakindustrie angenommen haben.",
    ))
    f = finding(a, "Lobbyisten")
    assert f.verdict == "unsupported_as_fact"
    assert all(a.text[e.start : e.end] == e.text for e in f.evidence)


def test_denied_body_makes_headline_unsupported(run):
    a = run(article(
        "Konzern streicht 500 Stellen",
        "Laut der „Morgenpost“ streicht der Konzern Weber im nächsten Jahr 500 Stellen in der Verwaltung.",
        '„Das ist falsch“, sagte ein Sprecher des Konzerns am Abend in einer knappen Stellungnahme.',
    ))
    f = finding(a, "500 Stellen")
    assert f.verdict == "unsupported_as_fact" and "denied" in f.why
    assert any("falsch" in e.text for e in f.evidence)


def test_headline_without_basis_in_the_body(run):
    a = run(article(
        "Trainer vor dem Rauswurf",
        "Das Wetter am Wochenende bleibt in ganz Norddeutschland sonnig und für die Jahreszeit zu warm.",
    ))
    f = finding(a, "Trainer")
    assert f.verdict == "not_in_body" and not f.evidence


def test_evaluative_word_without_basis(run):
    a = run(article(
        "Wütender Bürgermeister sperrt die Brücke",
        "Der Bürgermeister ließ die Brücke am Montag wegen Schäden am Beton für den Verkehr sperren.",
    ))
    f = finding(a, "Brücke")
    # the closure is the outlet's own statement: named in the reason, the word flags nothing
    assert f.verdict == "supported" and "wütend" in f.why.lower()


def test_headline_split_at_colon_and_frame_clause_dropped(run):
    a = run(article(
        "Experte warnt: Mieten in Köln steigen weiter",
        "Die Mieten in Köln steigen seit Jahren weiter, vor allem in den Vierteln am Rhein.",
    ))
    assertions = [f.assertion for f in a.headline_check.findings]
    assert assertions == ["Mieten in Köln steigen weiter"]


def test_headline_split_into_two_assertions(run):
    a = run(article(
        "Sturm wütet über Bremen: Dächer abgedeckt, Bäume entwurzelt",
        "In Bremen hat ein schwerer Sturm in der Nacht zum Montag gewütet und viele Dächer abgedeckt.",
    ))
    assert len(a.headline_check.findings) >= 2
    assert finding(a, "Sturm").verdict == "supported"


def test_sensational_words_in_headline(run):
    a = run(article(
        "Skandal im Rathaus: Schock für die Stadt",
        "Im Rathaus der Stadt wurde am Dienstag ein Skandal um falsche Abrechnungen bekannt.",
    ))
    words = {w.word: w.in_body for w in a.headline_check.sensational}
    assert words == {"Skandal": True, "Schock": False}


def test_neutral_headline_has_no_sensational_words(run):
    a = run(article(
        "Gemeinderat beschließt neuen Haushalt",
        "Der Gemeinderat hat am Dienstag den Haushalt für das kommende Jahr beschlossen.",
    ))
    assert a.headline_check.sensational == []
    assert a.headline_check.text == "Gemeinderat beschließt neuen Haushalt"


def test_lexicons_document_their_origin():
    from importlib import resources

    for name in ("reactions.tsv", "hedges.tsv", "sensational.tsv"):
        text = resources.files("quellenlage.lang.de").joinpath("lexicons", name).read_text(encoding="utf-8")
        assert "Origin:" in text.split("\n\n")[0] or "# Origin:" in text
