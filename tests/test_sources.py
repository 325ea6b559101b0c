"""Sources the article relies on without quoting them (ANNOTATION.md §3): documents, registers,
legal rules, unnamed groups, citations and source lines — with sentences written for these tests."""

import pytest


def _sources(analyze_text, text):
    return {s.name: s.type for s in analyze_text(text).sources}


@pytest.mark.parametrize(
    ("text", "name", "stype"),
    [
        # unnamed groups whose view or expectation is reported
        ("Der Umsatz stieg stärker, als viele Analysten erwartet hatten.", "viele Analysten", "anonymous"),
        ("Analysten hatten mit einem deutlich höheren Verlust gerechnet.", "Analysten", "anonymous"),
        ("Ein teurer Irrweg, glauben Kritiker, gerade bei der Bahn.", "Kritiker", "anonymous"),
        ("Verlage wie Ullstein fürchten durch das neue Gesetz hohe Kosten.", "Verlage wie Ullstein", "anonymous"),
        # documents a statement was made in, that show something, that the newsroom holds
        ("Die Prüfer schrieben in einem Sondergutachten, das Netz sei lückenhaft.", "Sondergutachten", "document"),
        ("Interne Unterlagen deuten darauf hin, dass der Vorstand früh Bescheid wusste.", "Interne Unterlagen", "document"),
        ("Der Vertrag läuft bis 2030, wie aus einem Schreiben hervorgeht, das uns vorliegt.", "Schreiben", "document"),
        ("Dies geht aus einer Mitteilung des Konzerns hervor.", "Mitteilung des Konzerns", "document"),
        ("Der Plan stammt vom Frühjahr. Das zeigen Protokolle, die dem Sender vorliegen.", "Protokolle", "document"),
        ("In der uns vorliegenden Abmahnung werden 900 Euro verlangt.", "Abmahnung", "document"),
        ("Ein Brief des Ministeriums liegt uns vor.", "Brief des Ministeriums", "document"),
        # public registers and legal rules cited as authorities
        ("Eingetragen ist die Firma seit 2012 im Handelsregister.", "Handelsregister", "document"),
        ("Die Firma steht weder im Handels- noch im Vereinsregister.", "Vereinsregister", "document"),
        ("Das Tierschutzgesetz verbietet es, Hunde an der Kette zu halten.", "Tierschutzgesetz", "document"),
        ("Der Wert liegt über dem Grenzwert der Richtlinie 2011/65/EU.", "Richtlinie 2011/65/EU", "document"),
        # the author of a document; an estimate; a party that declined to answer
        ("Nach einem Beschluss des Oberlandesgerichts Köln muss die Seite offline gehen.", "Oberlandesgericht Köln", "organization"),
        ("Die Organisation Foodwatch schätzt den Schaden auf rund zwei Millionen Euro.", "Foodwatch", "organization"),
        ("Die Reederei Nordlicht wollte die Fragen nicht beantworten.", "Nordlicht", "organization"),
        ("Für Aufsehen sorgte ein Interview, das der Minister in den Tagesthemen gab.", "Tagesthemen", "media"),
        ("Der Sänger wurde in der Talkshow Maischberger gefragt, warum er absagte.", "Talkshow Maischberger", "media"),
        ("Das Protokoll des Vorsitzenden Karl Brenner belegt, dass es Streit gab.", "Karl Brenner", "person"),
        ("Das war die Kernforderung der 14 Managerinnen, die sie der Firma schickten.", "14 Managerinnen", "anonymous"),
        ("Die Länder erwarten durch den Beschluss der Bundesregierung Mehrkosten.", "Bundesregierung", "organization"),
        # citations in parentheses
        ("Die Fettauflage wird nach Hoffmann (2004) gemessen.", "Hoffmann (2004)", "document"),
        ("Die Methode gilt als verlässlich (Berger 2011).", "Berger (2011)", "document"),
        ("Ein Algorithmus ist „eine Vorschrift, die ein Problem in endlich vielen Schritten löst“ (Brockhaus).", "Brockhaus", "document"),
        # frames with no reported clause
        ("Für jedes weitere Bild gibt es laut fotoschutz.de zehn Euro.", "fotoschutz.de", "media"),
    ],
)
def test_a_cited_source(analyze_text, text, name, stype):
    sources = _sources(analyze_text, text)
    assert sources.get(name) == stype, sources


@pytest.mark.parametrize(
    "text",
    [
        "Das vorliegende Schreiben ist zwei Seiten lang.",  # 'vorliegend' without a holder: 'this'
        "Im vorliegenden Fall kam die Hilfe zu spät.",
        "Er antwortete am Abend in einer kurzen Mail.",  # a personal message is no document of record
        "Das Stadion wurde erweitert (Stand 2019).",  # a date, no author
        "Die Band spielte Lieder aus dem Album (Sommer 1999).",
        "Die Analysten der Bank hatten gute Laune.",  # no verb of saying or expecting
        "Sie hat zwei der Männer gefragt.",
        "Nach dem Urteil gingen die Fans nach Hause.",  # no owner of the document
        "Viele Anwohner wussten von dem Plan.",  # knowing is no reported view
        "Soldaten fanden das Wrack am Sonntag.",  # finding, not a view
        "Alle Beamten wurden am Samstag gewarnt.",  # a passive: the group is warned
        "Die Partei „Bündnis für Arbeit und Recht“ (BAR) trat nicht an.",  # a quoted name, then its abbreviation
        "Die Luxemburger hissen den „Roude Léiw“ (Roten Löwen).",  # a quoted name, then its translation
        "Das zeigt die Statistik der Führungen.",  # no institution owns it
        "Als Sieger ging die Volkspartei aus der Parlamentswahl hervor.",  # emerging, not evidence
        "Er äußerte sich nach einem Blick in die Unterlagen.",  # a direction, not a document spoken in
        "Gefeiert wird die „Woche des verbotenen Buches“ (Banned Books Week).",  # a name and its translation
        "Nun liegt die Begründung des Urteils vor.",  # available, held by no one named
        "Die Reportage ist heute Abend im Magazin Frontal zu sehen.",  # a view of a programme, no statement
        "Mehrere Anfragen wurden nicht beantwortet.",  # a passive refusal names no one
    ],
)
def test_no_cited_source(analyze_text, text):
    assert not analyze_text(text).sources, [(s.name, s.type) for s in analyze_text(text).sources]


def test_the_addressee_is_no_group_source(analyze_text):
    sources = _sources(analyze_text, "Der Wahlbeobachter sagte Reportern, dass alles friedlich blieb.")
    assert "Reportern" not in sources and any("Wahlbeobachter" in name for name in sources), sources


def test_one_source_with_and_without_its_article(analyze_text):
    names = [s.name for s in analyze_text("Die Beamten wurden in einem Rundschreiben gewarnt.").sources]
    assert len([n for n in names if n.endswith("Rundschreiben")]) == 1, names


def test_a_duty_names_no_document(analyze_text):
    sources = _sources(analyze_text, "Die Partei muss die Spenden in ihren Berichten offenlegen.")
    assert not any(t == "document" for t in sources.values()), sources


def test_a_source_line_names_the_outlet(analyze_text):
    text = "Neues Tablet vorgestellt\n\nDas Gerät kommt im Herbst in den Handel und kostet 499 Euro.\n\nQuelle: Netzwelt"
    assert _sources(analyze_text, text).get("Netzwelt") == "media"


def test_agencies_noted_before_the_date(analyze_text):
    text = (
        "Wirtschaft\nUber verliert weniger als erwartet\n"
        "Der Fahrdienst hat im ersten Quartal weniger Verlust gemacht als im Vorjahr. Der Umsatz stieg um ein Fünftel.\n"
        "Die Aktie legte nachbörslich um drei Prozent zu. Der Konzern will im Herbst neue Märkte erschließen.\n"
        "(Agenturen) | Stand: 05/08/2019, 5:30\nZur Startseite"
    )
    assert _sources(analyze_text, text).get("Agenturen") == "agency"


def test_a_described_speaker_is_typed_and_a_pronoun_is_dropped(analyze_text):
    sources = _sources(analyze_text, "Es gebe noch viel Potenzial, prognostizieren Fachleute. Er sagte nichts dazu.")
    assert sources.get("Fachleute") == "anonymous", sources
    assert not any(name.lower() in ("er", "sie", "es") for name in sources), sources


def test_cited_agency_by_quoted_name_costs_no_analysis(analyze_text):
    """'ein Bericht der Nachrichtenagentur „Interfax“': the agency hint must not break the
    source list (a Speaker has no 'agency' type); the source keeps its agency type."""
    analysis = analyze_text(
        "Unklarheit über die Festnahme\n\nEin Bericht der russischen Nachrichtenagentur „Interfax“, wonach der "
        "Oppositionsführer festgenommen worden sein soll, wurde dementiert. Ein Berater sagte, er sei frei.\n\nEnde."
    )
    assert not analysis.errors, analysis.errors
    assert ("Interfax", "agency") in {(s.name, s.type) for s in analysis.sources}, analysis.sources
