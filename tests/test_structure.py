"""Line roles on scraped article text of several site layouts (texts written for these tests)."""

from quellenlage.structure import LineClassifier

REGIONAL = """Lokales
Brücke über die Ruhr bleibt bis Ende Mai gesperrt
Von Jana Krüger
26.11.2026, 09:14 Uhr
Die Stadt hat die Sanierung der Ruhrbrücke erneut verschoben. Grund seien Schäden an den Lagern, die bei einer Prüfung im Oktober entdeckt wurden, teilte das Tiefbauamt am Dienstag mit.
Pendler müssen weiter Umwege von bis zu zwölf Kilometern fahren. Die Buslinie 42 wird über die Autobahnbrücke umgeleitet, wie die Verkehrsbetriebe mitteilten.
Mehr zum Thema
Neue Radwege an der Ruhr: Was sich 2027 ändert
Baustellen im Überblick
Das Tiefbauamt rechnet mit Kosten von rund 4,5 Millionen Euro. Ein Teil soll aus Fördermitteln des Landes kommen, hieß es im Rathaus.
Was sagen die Anwohner?
„Wir warten seit zwei Jahren auf die Brücke“, sagte Anwohnerin Petra Lenz. Viele Geschäfte im Ortskern klagten über weniger Kundschaft.
Diesen Artikel teilen
Jetzt den Newsletter abonnieren und keine Nachricht aus Ihrer Stadt verpassen!
Kommentare (12)
© 2026 Ruhr Nachrichten Verlag"""

WIRE = """Ausland
Waldbrände in Südeuropa: Tausende Menschen in Sicherheit gebracht
Athen (dpa) - Wegen heftiger Waldbrände haben die Behörden in Griechenland mehrere Dörfer räumen lassen. Rund 3.000 Menschen seien in Sicherheit gebracht worden, sagte ein Sprecher des Zivilschutzes am Abend.
Feuerwehrleute kämpften mit Löschflugzeugen gegen die Flammen. Starke Winde erschwerten die Arbeiten, hieß es aus Einsatzkreisen.
Folgen Sie uns auf Instagram und Facebook, um keine Eilmeldung zu verpassen.
dpa/AFP
Anzeige"""


PORTAL = """Zum Inhalt springen
Startseite > Politik > Deutschland
Haushaltsstreit: Koalition einigt sich auf Kompromiss bei der Schuldenbremse
Von Maria Schneider und Jonas Weber
Finanzminister Klaus Richter sprach am Mittwoch von einem „tragfähigen Ergebnis“. Die Neuverschuldung solle begrenzt werden, sagte Richter in Berlin.
Mehr zum Thema:
• Schuldenbremse: Was Sie jetzt wissen müssen
• Kommentar: Ein Sieg der Vernunft
Wie geht es weiter?
Der Bundestag soll den Haushalt Mitte Dezember beschließen. Ökonomen warnten, die Einigung löse die Probleme nicht.
Quelle: AFP/dpa
Mehr aus Politik"""


def roles(text):
    return [(line.text.strip(), line.role) for line in LineClassifier().classify(text)]


def role_of(text, start):
    return next(role for line, role in roles(text) if line.startswith(start))


def test_regional_page_layout():
    assert role_of(REGIONAL, "Lokales") == "section"
    assert role_of(REGIONAL, "Brücke über die Ruhr") == "headline"
    assert role_of(REGIONAL, "Von Jana Krüger") == "byline"
    assert role_of(REGIONAL, "26.11.2026") == "boilerplate"
    assert role_of(REGIONAL, "Die Stadt hat") == "paragraph"
    assert role_of(REGIONAL, "Mehr zum Thema") == "boilerplate"
    assert role_of(REGIONAL, "Neue Radwege an der Ruhr") == "boilerplate"  # a linked title
    assert role_of(REGIONAL, "Was sagen die Anwohner?") == "subheading"
    assert role_of(REGIONAL, "„Wir warten") == "paragraph"
    for start in ("Diesen Artikel teilen", "Jetzt den Newsletter", "Kommentare (12)", "© 2026"):
        assert role_of(REGIONAL, start) == "boilerplate", start


def test_wire_story_layout():
    assert role_of(WIRE, "Ausland") == "section"
    assert role_of(WIRE, "Waldbrände in Südeuropa") == "headline"
    assert role_of(WIRE, "Athen (dpa)") == "paragraph"
    assert role_of(WIRE, "Folgen Sie uns") == "boilerplate"
    assert role_of(WIRE, "dpa/AFP") == "byline"
    assert role_of(WIRE, "Anzeige") == "boilerplate"


def test_every_non_blank_line_gets_one_role_with_its_offset():
    text = "Titel der Meldung\n\n" + REGIONAL + "\n\n"
    lines = LineClassifier().classify(text)
    non_blank = [i for i, line in enumerate(text.split("\n")) if line.strip()]
    assert [line.index for line in lines] == non_blank
    for line in lines:
        assert text[line.start : line.start + len(line.text)] == line.text


def test_bullets_before_the_body_are_teasers_and_in_the_body_paragraphs():
    text = "\n".join([
        "Streit um Mietpreisbremse",
        "  • Koalition uneins über Verlängerung",
        "  • Mieterbund warnt vor steigenden Kosten",
        "Die Koalition streitet über die Verlängerung der Mietpreisbremse, die Ende des Jahres ausläuft. Der Mieterbund warnte vor deutlich steigenden Mieten in den Großstädten.",
        "Die Forderungen des Verbands im Einzelnen:",
        "  • Die Bremse soll um fünf Jahre verlängert werden.",
        "  • Ausnahmen für Neubauten sollen enger gefasst werden.",
    ])
    got = dict(roles(text))
    assert got["• Koalition uneins über Verlängerung"] == "teaser"
    assert got["• Die Bremse soll um fünf Jahre verlängert werden."] == "paragraph"


def test_empty_and_single_line_text():
    assert LineClassifier().classify("") == []
    assert LineClassifier().classify("\n  \n") == []
    assert [line.role for line in LineClassifier().classify("Nur ein Satz.")] == ["paragraph"]


def test_portal_layout_skip_link_breadcrumb_and_link_list():
    assert role_of(PORTAL, "Zum Inhalt springen") == "boilerplate"
    assert role_of(PORTAL, "Startseite > Politik") == "section"
    assert role_of(PORTAL, "Haushaltsstreit") == "headline"
    assert role_of(PORTAL, "• Kommentar") == "boilerplate"
    assert role_of(PORTAL, "Wie geht es weiter?") == "subheading"  # the bulleted link list has ended
    assert role_of(PORTAL, "Quelle: AFP/dpa") == "byline"
    assert role_of(PORTAL, "Mehr aus Politik") == "boilerplate"


# A short scraped text (an extracted article with a little navigation above): a run of
# one-word navigation items, a kicker, the headline with the site's address.
SHORT_NAV = """Start
Region
Sport
Wetter
Verkehr
Fähre nach Helgoland fällt im Winter aus | www.kuestenbote.de
Die Reederei stellt den Fährverkehr nach Helgoland von November bis März ein. Grund seien gestiegene Kosten für Personal und Treibstoff, teilte das Unternehmen am Montag mit.
Die Insel bleibt im Winter nur mit dem Flugzeug erreichbar. Der Bürgermeister kritisierte die Entscheidung als schweren Schlag für den Tourismus.
Teilen"""


def test_a_run_of_navigation_labels_is_furniture_and_the_title_with_the_sites_address_the_headline():
    assert [role_of(SHORT_NAV, label) for label in ("Start", "Region", "Sport", "Wetter")] == ["boilerplate"] * 4
    assert role_of(SHORT_NAV, "Verkehr") == "section"  # the last label above the headline is its kicker
    headline = next(line for line in LineClassifier().classify(SHORT_NAV) if line.role == "headline")
    assert headline.text == "Fähre nach Helgoland fällt im Winter aus"  # the address cut
    assert SHORT_NAV[headline.start:headline.start + len(headline.text)] == headline.text
