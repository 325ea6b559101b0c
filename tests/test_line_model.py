"""The line-role model: HTML rendered as lines, features, the sequence constraints, the headline
without site name, gzipped HTML input (page and texts written for these tests)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from quellenlage.errors import InputError
from quellenlage.ingest import read_path
from quellenlage.ingest.dom import render_page
from quellenlage.ingest.html import article_from_html
from quellenlage.structure import LineClassifier
from quellenlage.structure.features import PageFeatures, main_prose_run, title_similarity
from quellenlage.structure.headline import strip_site_name, title_line
from quellenlage.structure.lines import one_body, one_headline

PAGE = Path(__file__).parent / "fixtures" / "html" / "stadtkurier.html"

# A scraped page: navigation, kicker, headline with the site's name, byline, teaser, body with a
# box of other articles in it, then furniture.
SCRAPED = """Startseite
Politik
Wirtschaft
Sport
Kultur
Suche
Anmelden
Menü
Wirtschaft
Werft in Kiel erhält Großauftrag für Forschungsschiffe | Nordkurier Online
12.05.2026, 14:20 Uhr
Von Hanna Petersen
Die Werft soll zwei Schiffe für die Meeresforschung bauen. Der Auftrag sichert nach Angaben des Betriebsrats mehrere hundert Arbeitsplätze.
Der Vertrag wurde am Dienstag im Rathaus unterzeichnet, wie eine Sprecherin der Werft mitteilte. Die Schiffe sollen ab 2029 in Dienst gestellt werden und sind für Fahrten in die Arktis ausgelegt.
Über die Höhe des Auftrags machte das Unternehmen keine Angaben. Branchenkenner schätzen den Wert auf mehr als 300 Millionen Euro, hieß es in Kiel.
Lesen Sie auch
Hafenausbau: Stadt sucht neue Flächen
vor 2 Std.
Fährverkehr nach Oslo wird ausgeweitet
vor 5 Std.
Der Betriebsrat begrüßte die Entscheidung. Man habe lange auf ein solches Signal gewartet, sagte die Vorsitzende. Für die Beschäftigten sei das eine gute Nachricht vor dem Sommer.
Artikel teilen
Newsletter abonnieren
Kommentare (4)
Impressum
Datenschutz
© 2026 Nordkurier Verlag"""


# --- HTML rendered as lines -------------------------------------------------------------------


@pytest.fixture(scope="module")
def page():
    return render_page(PAGE.read_text(encoding="utf-8"))


def test_blocks_are_lines_with_whitespace_collapsed_and_no_break_space_as_space(page):
    texts = [line.text for line in page.lines]
    assert "Der Gemeinderat hat am Montagabend den Kauf einer neuen Fähre beschlossen. Das elektrisch " \
           "angetriebene Schiff soll rund 1,2 Millionen Euro kosten und bis zu 40 Fahrgäste befördern." in texts
    assert "2. März 2026, 08:15 Uhr" in texts
    assert "Von Lea Sommer" in texts  # inline link text stays in its line


def test_script_style_and_hidden_elements_are_not_rendered(page):
    text = "\n".join(line.text for line in page.lines)
    assert "tracking" not in text and "color" not in text
    assert "versteckt" not in text  # hidden attribute
    assert "Cookies" not in text  # display: none
    assert ": " not in [line.text for line in page.lines]  # text for screen readers only


def test_kicker_in_the_headline_heading_is_a_line_of_its_own(page):
    texts = [line.text for line in page.lines]
    assert "Verkehr" in texts and "Neue Fähre für den Altrhein" in texts
    assert not any("Verkehr" in t and "Fähre" in t for t in texts)


def test_lines_carry_their_markup_context(page):
    ctx = {line.text: line.context for line in page.lines}
    assert "nav" in ctx["Startseite"] and "header" in ctx["Startseite"]
    assert "h1" in ctx["Neue Fähre für den Altrhein"]
    assert "figcaption" in ctx["Die alte Fähre am Anleger Nord. Foto: Stadtkurier"]
    assert "time" in ctx["2. März 2026, 08:15 Uhr"]
    assert "cls:byline" in ctx["Von Lea Sommer"]
    assert "aside" in ctx["Brückensanierung verzögert sich erneut"]
    assert "footer" in ctx["© 2026 Stadtkurier Verlag"]
    links = {line.text: line.link_density for line in page.lines}
    assert links["Startseite"] == 1.0 and links["Von Lea Sommer"] < 1.0


def test_head_titles_are_read(page):
    assert page.og_title == "Verkehr: Neue Fähre für den Altrhein"
    assert page.title == "Neue Fähre für den Altrhein | Stadtkurier Online"
    assert page.site == "Stadtkurier Online"


def test_broken_markup_gives_an_empty_page():
    assert render_page("").lines == []


# --- HTML input ---------------------------------------------------------------------------


def test_html_roles_come_from_the_markup_and_no_article_line_is_lost():
    article = article_from_html(PAGE.read_text(encoding="utf-8"), name="stadtkurier")
    roles = {line.text: line.role for line in article.lines}
    assert [line.text for line in article.lines if line.role == "headline"] == ["Neue Fähre für den Altrhein"]
    for sentence in ("„Wir sparen damit jedes Jahr mehrere tausend Liter Diesel“", "im Halbstundentakt"):
        assert sentence in article.text
    assert roles["Startseite"] == "boilerplate"
    assert roles["© 2026 Stadtkurier Verlag"] == "boilerplate"
    body = [t for t, r in roles.items() if r == "paragraph"]
    assert any(t.startswith("Der Gemeinderat") for t in body)
    for line in article.lines:  # offsets are those of the analysed text
        assert article.text[line.start:line.start + len(line.text)] == line.text
    assert article.meta["title"] == "Neue Fähre für den Altrhein"


def test_gzipped_html_is_read(tmp_path):
    path = tmp_path / "stadtkurier.html.gz"
    path.write_bytes(gzip.compress(PAGE.read_bytes()))
    article = read_path(str(path))
    assert article.input_format == "html"
    assert article.id == "stadtkurier"
    assert any(line.role == "headline" for line in article.lines)


def test_broken_gzip_is_a_clear_input_error(tmp_path):
    path = tmp_path / "kaputt.html.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00kaputt")
    with pytest.raises(InputError, match="gzip"):
        read_path(str(path))


def test_markup_roles_reach_the_analysis(analyze_text):
    from quellenlage import analyze

    article = article_from_html(PAGE.read_text(encoding="utf-8"), name="stadtkurier")
    analysis = analyze(article)
    assert [(line.index, line.role) for line in analysis.lines] == [(line.index, line.role) for line in article.lines]


# --- headline -------------------------------------------------------------------------------


@pytest.mark.parametrize("title, headline", [
    ("Neue Fähre für den Altrhein | Stadtkurier Online", "Neue Fähre für den Altrhein"),
    ("Stau auf der A7 - Wirtschaft - Nordkurier.de", "Stau auf der A7"),
    ("Brand in der Altstadt – Lübecker Nachrichten", "Brand in der Altstadt"),
    ("Merz – die Bilanz eines Jahres", "Merz – die Bilanz eines Jahres"),  # a dash of the headline
    ("Warum die Preise steigen - und was hilft", "Warum die Preise steigen - und was hilft"),
])
def test_site_name_is_cut_from_the_headline(title, headline):
    assert strip_site_name(title) == headline


def test_known_site_name_after_a_dash_is_cut():
    assert strip_site_name("Ein Jahr danach - DER KURIER 12/2026", site="DER KURIER") == "Ein Jahr danach"


def test_title_line_prefers_the_article_heading_over_the_navigation():
    texts = ["Neue Fähre für den Altrhein", "Lokales", "Neue Fähre für den Altrhein", "Der Rat hat beschlossen."]
    contexts = [frozenset({"nav", "h1", "heading"}), frozenset({"nav"}), frozenset({"article", "h2", "heading"}),
                frozenset({"article"})]
    assert title_line(texts, contexts, "Neue Fähre für den Altrhein | Stadtkurier") == 2


def test_scraped_headline_loses_the_site_name_and_keeps_its_offsets():
    lines = LineClassifier().classify(SCRAPED)
    headlines = [line for line in lines if line.role == "headline"]
    assert len(headlines) <= 1
    for line in headlines:
        assert "Nordkurier Online" not in line.text
        assert SCRAPED[line.start:line.start + len(line.text)] == line.text


# --- features -------------------------------------------------------------------------------


def test_features_describe_shape_cues_and_position():
    lines = [line for line in SCRAPED.split("\n") if line.strip()]
    feats = PageFeatures().page(lines, title="Werft in Kiel erhält Großauftrag für Forschungsschiffe")
    by_line = dict(zip(lines, feats))
    assert "date-line" in by_line["12.05.2026, 14:20 Uhr"] and "clock" in by_line["12.05.2026, 14:20 Uhr"]
    assert "byline-shape" in by_line["Von Hanna Petersen"]
    assert "relative-time" in by_line["vor 2 Std."]
    assert "cue=share" in by_line["Artikel teilen"]
    assert "copyright" in by_line["© 2026 Nordkurier Verlag"]
    assert "in-body" in by_line[lines[13]] and any(f.startswith("before-body=") for f in by_line["Startseite"])
    assert any(f.startswith("short-run=") for f in by_line["Sport"])
    assert "separator" in by_line[lines[9]]
    assert any(f.startswith("title=") for f in by_line[lines[9]])
    assert "-1:none" in by_line["Startseite"] and "1:none" in by_line[lines[-1]]
    assert not any(f.startswith("dom:") for f in by_line["Startseite"])  # no markup for plain text


def test_markup_features_only_with_markup():
    feats = PageFeatures().page(["Start", "Ein Satz mit genug Wörtern, damit er als Absatz zählt und endet."],
                                context=[frozenset({"nav"}), frozenset({"article"})], link_density=[1.0, 0.0])
    assert "dom:nav" in feats[0] and "links=1.0" in feats[0]
    assert "1:dom:article" in feats[0] and "-1:dom:nav" in feats[1]


def test_markup_features_come_in_a_fixed_order_so_training_writes_the_same_model_file():
    # a line's markup context is a set, whose order follows Python's per-process string hashing;
    # the CRF numbers its features in the order met, so the features must not follow it
    context = frozenset({"nav", "li", "footer", "aside", "heading", "cls:share", "cls:related"})
    feats = PageFeatures().page(["Teilen", "Mehr zum Thema", "Impressum"], context=[context] * 3,
                                link_density=[1.0, 1.0, 1.0])
    own = [f for f in feats[1] if f.startswith("dom:")]
    before = [f for f in feats[1] if f.startswith("-1:dom:")]
    assert own == [f"dom:{c}" for c in sorted(context)]
    assert len(before) >= 2 and before == sorted(before)


def test_title_similarity():
    assert title_similarity("Neue Fähre für den Altrhein", "Neue Fähre für den Altrhein") == 1.0
    assert title_similarity("Sport", "Neue Fähre für den Altrhein") == 0.0
    assert 0 < title_similarity("Fähre für den Altrhein", "Verkehr: Neue Fähre für den Altrhein") < 1


def test_main_prose_run_skips_a_promotion_above_the_headline():
    from quellenlage.structure.cues import Cues

    texts = ["Unterstützen Sie unabhängigen Journalismus mit einer Spende, denn jeder Beitrag hilft uns sehr weiter.",
             "Menü", "Suche", "Login", "Impressum", "Kontakt", "Archiv", "Shop", "Jobs", "Podcasts", "Themen",
             "Die Schlagzeile des Tages",
             "Der erste Absatz des Artikels erzählt, was am Montag in der Stadt geschehen ist und warum.",
             "Der zweite Absatz des Artikels liefert die Hintergründe und lässt die Beteiligten zu Wort kommen."]
    cues = Cues()
    assert main_prose_run([cues.shape(i, 0, t) for i, t in enumerate(texts)]) == (12, 13)


# --- sequence constraints -------------------------------------------------------------------


def test_one_headline_keeps_the_most_probable_and_demotes_the_others():
    roles = ["headline", "headline", "paragraph"]
    marginals = [{"headline": 0.6, "boilerplate": 0.3, "teaser": 0.1},
                 {"headline": 0.9, "boilerplate": 0.05, "teaser": 0.05},
                 {"paragraph": 1.0, "headline": 0.0}]
    why = [""] * 3
    one_headline(roles, marginals, why)
    assert roles == ["boilerplate", "headline", "paragraph"]


def test_one_body_drops_a_small_far_group_and_keeps_a_continuation():
    roles = ["paragraph"] * 5 + ["boilerplate"] * 10 + ["paragraph"] + ["boilerplate"] * 3
    words = [40] * 5 + [2] * 10 + [15] + [2] * 3
    one_body(roles, words, [""] * len(roles))
    assert roles[:5] == ["paragraph"] * 5
    assert roles[15] == "boilerplate"  # 15 words against 200: a small group far from the body
    roles = ["paragraph"] * 5 + ["boilerplate"] * 10 + ["paragraph"] * 5
    one_body(roles, [40] * 20, [""] * 20)
    assert roles[15:] == ["paragraph"] * 5  # the article goes on after a box of other articles


def test_classified_page_has_at_most_one_headline_and_one_body():
    lines = LineClassifier().classify(SCRAPED)
    assert sum(line.role == "headline" for line in lines) <= 1
    roles = {line.text: line.role for line in lines}
    assert roles["Startseite"] == "boilerplate"
    assert roles["© 2026 Nordkurier Verlag"] == "boilerplate"
    body = [line.index for line in lines if line.role == "paragraph"]
    assert body and max(body) - min(body) < 20


def test_a_headline_is_a_title():
    classifier = LineClassifier()
    shape = classifier.features.cues.shape
    assert classifier.title_like(shape(0, 0, "Werft in Kiel erhält Großauftrag für Forschungsschiffe"))
    assert classifier.title_like(shape(0, 0, "Wer zahlt die neue Brücke?"))
    assert classifier.title_like(shape(0, 0, "Drachenbootrennen am 19. August auf dem Baldeneysee"))
    for line in ("Der Rat hat am Montag den Kauf beschlossen.", "Foto: Stadtkurier", "12.05.2026, 14:20 Uhr",
                 "Startseite > Lokales > Verkehr", "12.05.2026 | 14:20 Uhr aktualisiert am 12.05.2026 um 15:00 Uhr", "Von Hanna Petersen", "www.nordkurier.de", "Sport",
                 "Newsletter abonnieren", "MEHR ZUM THEMA"):
        assert not classifier.title_like(shape(0, 0, line)), line


def test_a_title_like_line_is_preferred_as_headline():
    roles = ["headline", "boilerplate", "paragraph"]
    marginals = [{"headline": 0.7, "boilerplate": 0.3}, {"headline": 0.4, "boilerplate": 0.6},
                 {"paragraph": 1.0, "headline": 0.0}]
    one_headline(roles, marginals, [""] * 3, title_like=[False, True, False])
    assert roles == ["boilerplate", "headline", "paragraph"]  # the only title above the body


def test_dates_and_authors_at_the_body_are_bylines():
    text = SCRAPED.replace("Werft in Kiel erhält Großauftrag für Forschungsschiffe | Nordkurier Online",
                           "Werft in Kiel erhält Großauftrag")
    roles = {line.text: line.role for line in LineClassifier().classify(text)}
    assert roles["12.05.2026, 14:20 Uhr"] == "byline"
    assert roles["Von Hanna Petersen"] == "byline"


def test_html_teaser_is_the_description_line():
    article = article_from_html(PAGE.read_text(encoding="utf-8"), name="stadtkurier")
    roles = {line.text: line.role for line in article.lines}
    assert roles["Die Gemeinde bestellt ein elektrisches Schiff, das ab Mai zwischen den Ufern pendeln soll."] == "teaser"


def test_extracted_article_text_keeps_the_rules():
    text = "\n".join(SCRAPED.split("\n")[8:16])  # kicker, headline, byline and body only
    classifier = LineClassifier()
    assert classifier.is_extracted_article([t for t in text.split("\n") if t.strip()])
    assert not classifier.is_extracted_article([t for t in SCRAPED.split("\n") if t.strip()])
    assert [line.role for line in classifier.classify(text)] == [line.role for line in classifier.rules.classify(text)]


def test_the_bylines_author_introduces_the_author_box():
    from quellenlage.structure.cues import Cues

    cues = Cues()
    texts = ["Von Hanna Petersen", "Der Rat hat beschlossen.", "Hanna Petersen",
             "Hanna Petersen ist Redakteurin im Ressort Wirtschaft.", "Petersen sagte nichts dazu."]
    roles = ["byline", "paragraph", "boilerplate", "paragraph", "paragraph"]
    LineClassifier().author_box(roles, [cues.shape(i, 0, t) for i, t in enumerate(texts)], [""] * 5)
    assert roles == ["byline", "paragraph", "byline", "byline", "paragraph"]


def test_first_prose_under_the_headline_is_the_teaser():
    from quellenlage.structure.cues import Cues
    from quellenlage.structure.lines import lead_is_teaser

    cues = Cues()
    texts = ["Werft erhält Großauftrag", "Von Hanna Petersen",
             "Die Werft soll zwei Schiffe für die Meeresforschung bauen, teilte sie mit.",
             "Der Vertrag wurde am Dienstag im Rathaus unterzeichnet, hieß es."]
    roles = ["headline", "byline", "paragraph", "paragraph"]
    lead_is_teaser(roles, [cues.shape(i, 0, t) for i, t in enumerate(texts)], [""] * 4)
    assert roles == ["headline", "byline", "teaser", "paragraph"]
    roles = ["headline", "subheading", "paragraph", "paragraph"]  # the body has begun
    lead_is_teaser(roles, [cues.shape(i, 0, t) for i, t in enumerate(texts)], [""] * 4)
    assert roles == ["headline", "subheading", "paragraph", "paragraph"]


def test_titles_after_a_read_more_line_are_boilerplate():
    roles = {line.text: line.role for line in LineClassifier().classify(SCRAPED)}
    assert roles["Lesen Sie auch"] == "boilerplate"
    assert roles["Hafenausbau: Stadt sucht neue Flächen"] == "boilerplate"
    assert roles["Fährverkehr nach Oslo wird ausgeweitet"] == "boilerplate"
    # ... and the article goes on after the box
    assert roles[[t for t in roles if t.startswith("Der Betriebsrat begrüßte")][0]] == "paragraph"


# --- the headline of plain text -------------------------------------------------------------

# A second scraped layout: navigation, kicker, headline, subtitle, date, teaser, body with a box
# of other articles (titles and dates), footer.
SCRAPED_KICKER = """Home
Region
Politik
Wirtschaft
Sport
Kultur
Energie
Stadtwerke senken den Gaspreis für Privatkunden
03.02.2026, 09:15 Uhr
Von Jonas Albrecht
Ab März zahlen Haushalte in der Stadt weniger für Gas. Die Stadtwerke geben gesunkene Einkaufspreise an ihre Kunden weiter.
Die Stadtwerke senken den Gaspreis zum 1. März um knapp zwölf Prozent, wie das Unternehmen am Montag mitteilte. Ein Haushalt mit einem Verbrauch von 15.000 Kilowattstunden spart damit rund 180 Euro im Jahr.
Grund für die Senkung seien die gesunkenen Preise im Großhandel, sagte ein Sprecher der Stadtwerke. Die Kunden würden per Brief über den neuen Gaspreis informiert.
Mehr zum Thema
Neues Hallenbad öffnet im Herbst
01.02.2026
Busfahrer streiken am Donnerstag
30.01.2026
Die Verbraucherzentrale riet Kunden dennoch, die Angebote anderer Versorger zu vergleichen. Wer den Anbieter wechsle, könne oft mehr sparen als durch die Senkung des Gaspreises.
Kommentare
Impressum
Datenschutz
Kontakt"""


def test_headline_candidates_are_titles_near_the_body():
    from quellenlage.structure.headline_model import candidates

    classifier = LineClassifier()
    texts = [t for t in SCRAPED_KICKER.split("\n") if t.strip()]
    shapes = [classifier.features.cues.shape(k, 0, t) for k, t in enumerate(texts)]
    ks = [texts[k] for k in candidates(shapes, [classifier.title_like(s) for s in shapes])]
    assert "Stadtwerke senken den Gaspreis für Privatkunden" in ks
    assert "03.02.2026, 09:15 Uhr" not in ks and "Von Jonas Albrecht" not in ks  # dates and bylines are no titles
    assert "Impressum" not in ks  # far below the start of the body


def test_headline_is_the_title_that_announces_the_body_not_the_kicker_or_a_box_title():
    lines = LineClassifier().classify(SCRAPED_KICKER)
    headlines = [line.text for line in lines if line.role == "headline"]
    assert headlines == ["Stadtwerke senken den Gaspreis für Privatkunden"]
    roles = {line.text: line.role for line in lines}
    assert roles["Neues Hallenbad öffnet im Herbst"] == "boilerplate"


def test_a_headline_shares_words_with_the_opening_of_its_article():
    texts = [t for t in SCRAPED_KICKER.split("\n") if t.strip()]
    by_line = dict(zip(texts, PageFeatures().page(texts)))
    headline = by_line["Stadtwerke senken den Gaspreis für Privatkunden"]
    assert "body-sim=0.75" in headline or "body-sim=>0.75" in headline  # 3 of its 4 content words
    assert "body-sim=0.0" in by_line["Sport"]
    assert "title-rank=1" in by_line["Stadtwerke senken den Gaspreis für Privatkunden"]


def test_an_authors_name_alone_at_the_body_is_a_byline_and_opens_the_author_box():
    from quellenlage.structure.cues import is_name_line

    assert is_name_line("Hanna Petersen") and is_name_line("Dr. Jonas Albrecht")
    assert not is_name_line("Neue Rechte") and not is_name_line("Weitere Themen") and not is_name_line("Hanna")
    text = SCRAPED_KICKER.replace("Von Jonas Albrecht", "Jonas Albrecht").replace(
        "Kommentare\n", "Über den Autor\nJonas Albrecht\nJonas Albrecht schreibt seit 2019 über Energie und Verkehr in der Region.\nKommentare\n")
    roles = {line.text: line.role for line in LineClassifier().classify(text)}
    assert roles["Jonas Albrecht"] == "byline"
    assert roles["Über den Autor"] == "byline"
    assert roles["Jonas Albrecht schreibt seit 2019 über Energie und Verkehr in der Region."] == "byline"


def test_source_and_written_by_lines_are_byline_shaped():
    cues = LineClassifier().features.cues
    for line in ("Quelle: Tagesblatt", "(Quelle: APA/dpa)", "geschrieben von Lea Vogel", "Autorin", "Über die Autorin"):
        assert cues.is_byline(cues.shape(0, 0, line)), line
    assert not cues.is_byline(cues.shape(0, 0, "Die Quelle des Flusses liegt in den Alpen."))


def test_further_links_announce_a_block_of_other_articles():
    text = SCRAPED_KICKER.replace("Kommentare\n", "Weiterführende Links:\nPreisvergleich der Gasversorger\nTipps zum Energiesparen im Winter\nKommentare\n")
    roles = {line.text: line.role for line in LineClassifier().classify(text)}
    assert roles["Preisvergleich der Gasversorger"] == "boilerplate"
    assert roles["Tipps zum Energiesparen im Winter"] == "boilerplate"


def test_author_box_heading_and_comment_section():
    text = SCRAPED_KICKER.replace("Kommentare\n", "Über die Autorin\nLea Vogel\nSie berichtet seit vielen Jahren über Energiepolitik.\n"
                                  "Kommentare (2)\nMax sagt:\n03.02.2026 um 10:12 Uhr\nDas ist endlich eine gute Nachricht für alle Kunden hier in der Stadt, finde ich.\n"
                                  ).replace("Kontakt", "Kontakt\nAGB\nMediadaten\nJobs")
    roles = {line.text: line.role for line in LineClassifier().classify(text)}
    assert roles["Über die Autorin"] == "byline"
    assert roles["Lea Vogel"] == "byline"
    assert roles["Sie berichtet seit vielen Jahren über Energiepolitik."] == "byline"
    for line in ("Max sagt:", "03.02.2026 um 10:12 Uhr", "Das ist endlich eine gute Nachricht für alle Kunden hier in der Stadt, finde ich."):
        assert roles[line] == "boilerplate", line  # readers' comments are not the article


def test_a_genre_by_an_author_is_a_byline():
    cues = LineClassifier().features.cues
    for line in ("Eine Analyse von Lea Vogel", "Ein Kommentar von Jonas Albrecht", "Eine Reportage von Anna Berger"):
        assert cues.is_byline(cues.shape(0, 0, line)), line


def test_a_comment_button_above_the_body_does_not_end_the_article():
    text = SCRAPED_KICKER.replace("Von Jonas Albrecht\n", "Von Jonas Albrecht\nKommentieren\n")
    roles = {line.text: line.role for line in LineClassifier().classify(text)}
    assert roles[next(t for t in text.split("\n") if t.startswith("Grund für die Senkung"))] == "paragraph"


def test_initials_and_dated_labels_at_the_body_are_bylines():
    text = SCRAPED_KICKER.replace("03.02.2026, 09:15 Uhr\n", "Stand: 03/02/2026, 9:15\n").replace(
        "Kommentare\n", "jal\nKommentare\n")
    roles = {line.text: line.role for line in LineClassifier().classify(text)}
    assert roles["Stand: 03/02/2026, 9:15"] == "byline"
    assert roles["jal"] == "byline"  # the author's initials under the last paragraph
    lone = SCRAPED_KICKER.replace("Impressum\n", "Impressum\nneu\n")
    assert {line.text: line.role for line in LineClassifier().classify(lone)}["neu"] == "boilerplate"  # not under the body


def test_a_short_title_between_two_paragraphs_is_a_subheading():
    from quellenlage.structure.cues import Cues

    cues = Cues()
    texts = ["Der erste Absatz erzählt, was am Montag im Rathaus beschlossen wurde und warum.", "Streit um die Kosten",
             "Der zweite Absatz erzählt, wer gegen den Beschluss gestimmt hat und aus welchem Grund.", "Foto: Stadtkurier",
             "Der dritte Absatz nennt die Summe, die der Umbau nach den Plänen der Verwaltung kosten soll."]
    roles = ["paragraph", "boilerplate", "paragraph", "boilerplate", "paragraph"]
    LineClassifier().subheadings_between_paragraphs(roles, [cues.shape(i, 0, t) for i, t in enumerate(texts)], [""] * 5)
    assert roles == ["paragraph", "subheading", "paragraph", "boilerplate", "paragraph"]  # a credit stays what it was


def test_a_photo_credit_inside_the_article_is_a_caption():
    from quellenlage.structure.cues import Cues

    cues = Cues()
    texts = ["Neue Fähre für den Altrhein", "Die Fähre am Anleger. Foto: Stadtkurier",
             "Der erste Absatz erzählt, was am Montag im Rathaus beschlossen wurde und warum.",
             "Der zweite Absatz erzählt, wer gegen den Beschluss gestimmt hat und aus welchem Grund.", "© 2026 Stadtkurier"]
    roles = ["headline", "paragraph", "paragraph", "paragraph", "boilerplate"]
    LineClassifier().credits_in_the_article(roles, [cues.shape(i, 0, t) for i, t in enumerate(texts)], [""] * 5)
    assert roles == ["headline", "caption", "paragraph", "paragraph", "boilerplate"]  # the footer's © stays


def test_a_title_printed_twice_above_the_body_is_the_headline_where_it_stands_last():
    from quellenlage.structure.lines import repeated_title

    texts = ["Startseite", "Ein Albtraum", "Politik", "Ein  Albtraum", "Von Anna Muster", "Ein langer erster Absatz."]
    title_like = [True, True, True, True, False, False]
    assert repeated_title(texts, title_like, keep=1, body_start=5) == 3
    assert repeated_title(texts, title_like, keep=2, body_start=5) == 2  # no repeat: unchanged
    assert repeated_title(texts, title_like, keep=1, body_start=2) == 1  # the repeat is in the body


def test_a_headline_with_its_sites_address_is_still_a_title():
    classifier = LineClassifier()
    shape = classifier.features.cues.shape
    assert classifier.title_like(shape(0, 0, "Fähre nach Helgoland fällt im Winter aus - kuestenbote.de"))
    assert classifier.title_like(shape(0, 0, "Neue Radwege für die Innenstadt | www.stadtanzeiger-nord.de"))
    assert not classifier.title_like(shape(0, 0, "www.stadtanzeiger-nord.de"))  # the address alone is no title
    assert not classifier.title_like(shape(0, 0, "Start > Region > Verkehr > Radwege"))  # a link trail


def test_headline_candidates_know_the_next_text_below_the_articles_furniture():
    from quellenlage.structure.headline_model import candidate_features, candidates, next_text

    classifier = LineClassifier()
    cues = classifier.features.cues
    text = ("Home\nRegion\nSport\nWasser: Wie viel kostet der Liter?\nFähre nach Helgoland fällt im Winter aus\n12.10.2026\n"
            "Von Lea Vogel\nTeilen\nIm Winter fährt keine Fähre mehr nach Helgoland, die Reederei spart Personal und Treibstoff.\n"
            + SCRAPED_KICKER.split("Kunden weiter.\n", 1)[1])
    texts = [t for t in text.split("\n") if t.strip()]
    shapes = [cues.shape(k, 0, t) for k, t in enumerate(texts)]
    headline = texts.index("Fähre nach Helgoland fällt im Winter aus")
    question = texts.index("Wasser: Wie viel kostet der Liter?")
    assert next_text(shapes, cues, headline, 1) == headline + 4  # over the date, byline and share label
    assert next_text(shapes, cues, headline, -1) == question
    ks = candidates(shapes, [classifier.title_like(s) for s in shapes])
    features = dict(zip(ks, candidate_features(shapes, cues, ks)))
    assert "next-text:prose" in features[headline] and "titles-to-sentence=0" in features[headline]
    assert "next-text:title" in features[question]  # a short question is a title, not a sentence
    assert "titles-to-sentence=1" in features[question]


def test_an_author_box_heading_ends_a_block_of_other_articles():
    text = SCRAPED_KICKER.replace("Kommentare\n", "Auch interessant für dich\nPreisvergleich der Gasversorger\n"
                                  "Über die Autorin\nLea Vogel\nSie berichtet seit vielen Jahren über Energiepolitik.\nKommentare\n")
    roles = {line.text: line.role for line in LineClassifier().classify(text)}
    assert roles["Preisvergleich der Gasversorger"] == "boilerplate"
    assert roles["Über die Autorin"] == "byline"
    assert roles["Lea Vogel"] == "byline"


def test_a_navigation_trail_with_a_pipe_is_no_title():
    classifier = LineClassifier()
    shape = classifier.features.cues.shape
    assert not classifier.title_like(shape(0, 0, "Startseite | Politik"))
    assert not classifier.title_like(shape(0, 0, "Start | Region | Verkehr"))


def test_numeric_and_english_date_lines_at_the_body_are_bylines():
    from quellenlage.structure.cues import DATE_LINE

    for line in ("05/08/2019", "3rd August 2017", "15. Mai 2019, 05:28 Uhr"):
        assert DATE_LINE.match(line), line
    for line in ("06/2019", "1/2 Tasse Zucker", "Warm Up 11:00 Uhr"):
        assert not DATE_LINE.match(line), line
    text = SCRAPED_KICKER.replace("03.02.2026, 09:15 Uhr", "3rd February 2026")
    roles = {line.text: line.role for line in LineClassifier().classify(text)}
    assert roles["3rd February 2026"] == "byline"


def test_an_author_line_in_the_first_lines_of_the_body_is_a_byline():
    classifier = LineClassifier()
    texts = ["Stadtwerke senken den Gaspreis für Privatkunden",
             "Ab März zahlen Haushalte in der Stadt weniger für Gas, die Stadtwerke geben gesunkene Preise weiter.",
             "Für einen Haushalt mit Gasheizung macht das im Jahr rund 180 Euro aus, rechnet das Unternehmen vor.",
             "Von Jonas Albrecht, Kiel", "3rd February 2026",
             "Die Stadtwerke senken den Gaspreis zum 1. März um knapp zwölf Prozent, wie das Unternehmen mitteilte."]
    texts += [f"Der {n}. Absatz des Artikels erzählt weiter, was die Kunden jetzt wissen müssen, und endet hier." for n in range(2, 14)]
    texts += ["Von Lea Vogel"]  # an author line far down in the body: not the article's byline
    texts += [f"Der {n}. Absatz des Artikels erzählt weiter, was die Kunden jetzt wissen müssen, und endet hier." for n in range(14, 16)]
    shapes = [classifier.features.cues.shape(k, 0, t) for k, t in enumerate(texts)]
    roles = ["headline", "paragraph", "paragraph", "boilerplate", "boilerplate"] + ["paragraph"] * (len(texts) - 5)
    roles[texts.index("Von Lea Vogel")] = "boilerplate"
    classifier.bylines_at_the_body(roles, shapes, ["model"] * len(texts))
    assert roles[3:5] == ["byline", "byline"]
    assert roles[texts.index("Von Lea Vogel")] == "boilerplate"


def test_a_title_above_the_headline_is_kicker_or_furniture():
    from quellenlage.structure.lines import titles_above_the_headline

    roles = ["subheading", "paragraph", "caption", "caption", "teaser", "headline", "teaser", "paragraph"]
    title_like = [True, False, True, False, True, True, False, False]
    marginals = [{"section": 0.1, "boilerplate": 0.2}, {}, {"section": 0.1, "boilerplate": 0.3},
                 {}, {"section": 0.3, "boilerplate": 0.1}, {}, {}, {}]
    why = [""] * len(roles)
    titles_above_the_headline(roles, marginals, why, title_like)
    assert roles[2] == "boilerplate" and roles[4] == "section"  # the more probable of the two
    assert roles[3] == "caption"  # not a title (a caption with its credit)
    assert roles[0] == "subheading"  # above a line of prose: not the page's head
    assert roles[5:] == ["headline", "teaser", "paragraph"]


def test_bylines_far_from_the_article_are_other_articles_or_comments():
    from quellenlage.structure.lines import BYLINE_REACH

    roles = (["boilerplate"] * 12 + ["byline", "headline", "byline", "teaser"] + ["paragraph"] * 10
             + ["byline"] + ["boilerplate"] * BYLINE_REACH + ["byline", "boilerplate", "byline", "byline"])
    roles[1] = "byline"  # a date in the page's top bar, far above the article
    texts = ["Zeile"] * len(roles)
    texts[-1] = "Veröffentlicht am 03.02.2026"  # the article's own date, wherever it stands
    classifier = LineClassifier()
    shapes = [classifier.features.cues.shape(k, 0, t) for k, t in enumerate(texts)]
    why = [""] * len(roles)
    classifier.bylines_away_from_the_article(roles, shapes, why)
    assert roles[-1] == "byline"
    roles = roles[:-1]
    assert roles[1] == "boilerplate"
    assert roles[12] == roles[14] == "byline"  # above and under the headline, at the body
    assert roles[26] == "byline"  # right under the last paragraph
    assert roles[-3] == roles[-1] == "boilerplate"  # far below: teasers' dates, comments


def test_the_items_of_a_list_the_body_announces_with_a_colon_are_body():
    text = SCRAPED_KICKER.replace(
        "Mehr zum Thema\n",
        "So sieht der Zeitplan für die Umstellung aus:\nBriefe an die Kunden 10:00 Uhr\nNeue Tarife ab 1. März\n"
        "Abrechnung im Sommer\nDie Stadtwerke wollen die Kunden außerdem auf ihrer Internetseite über alle Schritte informieren, hieß es.\n"
        "Mehr zum Thema\n")
    roles = {line.text: line.role for line in LineClassifier().classify(text)}
    for item in ("Briefe an die Kunden 10:00 Uhr", "Neue Tarife ab 1. März", "Abrechnung im Sommer"):
        assert roles[item] == "paragraph", item
    assert roles["Neues Hallenbad öffnet im Herbst"] == "boilerplate"  # the box after "Mehr zum Thema" is no list of the body


def test_a_list_ends_at_prose_and_at_furniture():
    classifier = LineClassifier()
    texts = ["Die Verbraucherzentrale nennt drei Punkte, auf die Kunden jetzt achten sollten:", "Laufzeit des Vertrags",
             "Artikel teilen", "Kündigungsfrist"]
    shapes = [classifier.features.cues.shape(k, 0, t) for k, t in enumerate(texts)]
    roles = ["paragraph", "boilerplate", "boilerplate", "boilerplate"]
    classifier.announced_lists(roles, shapes, [""] * len(texts))
    assert roles == ["paragraph", "paragraph", "boilerplate", "boilerplate"]


def test_a_row_of_other_articles_cards_after_the_body_is_furniture():
    cards = ("Verkehr\nNeue Buslinie verbindet die Vororte\nAb Juni fährt alle zwanzig Minuten ein Bus zwischen den beiden Vororten, teilten die Verkehrsbetriebe mit.\nweiterlesen\n"
             "Energie\nSolarpark auf der alten Deponie\nDer Stadtrat hat den Bau eines Solarparks auf der ehemaligen Mülldeponie am Stadtrand beschlossen, die Arbeiten beginnen im Herbst.\nweiterlesen\n")
    text = SCRAPED_KICKER.replace("Kommentare\n", cards + "Kommentare\n")
    roles = {line.text: line.role for line in LineClassifier().classify(text)}
    for line in ("Neue Buslinie verbindet die Vororte", "Solarpark auf der alten Deponie"):
        assert roles[line] == "boilerplate", line
    for line in [t for t in cards.split("\n") if t.startswith(("Ab Juni", "Der Stadtrat"))]:
        assert roles[line] == "boilerplate", line
    # the article's own kicker, headline and teaser are one card, not a row
    assert roles["Stadtwerke senken den Gaspreis für Privatkunden"] == "headline"
    assert roles[[t for t in roles if t.startswith("Die Verbraucherzentrale riet")][0]] == "paragraph"


def test_one_card_alone_is_not_a_row():
    classifier = LineClassifier()
    texts = ["Fazit", "Der Grill überzeugt im Test",
             "Das Steak gelingt gleichmäßig, nur in der Mitte wird der Grill deutlich heißer als am Rand des Rosts.",
             "Die Reinigung dauert dagegen lange, weil sich Fett in den Ecken der Schublade sammelt und festbrennt."]
    shapes = [classifier.features.cues.shape(k, 0, t) for k, t in enumerate(texts)]
    roles = ["subheading", "subheading", "paragraph", "paragraph"]
    classifier.teaser_cards(roles, shapes, [""] * len(texts))
    assert roles == ["subheading", "subheading", "paragraph", "paragraph"]


def test_von_alone_and_the_authors_name_on_the_next_line_are_bylines():
    text = SCRAPED_KICKER.replace("Von Jonas Albrecht\n", "Teilen\nVon\nJonas Albrecht\n")
    roles = {line.text: line.role for line in LineClassifier().classify(text)}
    assert roles["Von"] == "byline" and roles["Jonas Albrecht"] == "byline"
    classifier = LineClassifier("en")
    texts = ["Share", "By", "Lea Vogel", "The council approved the plan on Monday after a long debate about its costs and its timing."]
    shapes = [classifier.features.cues.shape(k, 0, t) for k, t in enumerate(texts)]
    roles_en = ["boilerplate", "boilerplate", "boilerplate", "paragraph"]
    classifier.bylines_at_the_body(roles_en, shapes, [""] * len(texts))
    assert roles_en == ["boilerplate", "byline", "byline", "paragraph"]


def test_the_authors_box_under_a_comment_count_stays_byline():
    text = SCRAPED_KICKER.replace("Kommentare\n", "12 Kommentare\nTeilen\nJonas Albrecht\nJonas Albrecht schreibt seit 2019 über Energie und Verkehr in der Region.\n"
                                  "Max sagt:\nDas ist endlich eine gute Nachricht für alle Kunden hier in der Stadt, finde ich.\n")
    roles = {line.text: line.role for line in LineClassifier().classify(text)}
    assert roles["Jonas Albrecht"] == "byline"
    assert roles["Jonas Albrecht schreibt seit 2019 über Energie und Verkehr in der Region."] == "byline"
    assert roles["Max sagt:"] == "boilerplate"  # a reader's comment


# --- round 4: conventions of the article's head and foot (texts written for these tests) ------


def test_a_section_below_the_headline_is_not_its_kicker():
    from quellenlage.structure.lines import LineClassifier as LC

    roles = ["boilerplate", "section", "headline", "paragraph", "section", "paragraph"]
    marginals = [{}, {}, {}, {}, {"section": 0.5, "boilerplate": 0.3, "subheading": 0.2}, {}]
    why = [""] * len(roles)
    LC.kicker_above_the_headline(roles, marginals, why)
    assert roles == ["boilerplate", "section", "headline", "paragraph", "boilerplate", "paragraph"]


def test_a_read_on_link_followed_by_the_articles_date_announces_no_titles():
    classifier = LineClassifier()
    texts = ["Stadtwerke senken den Gaspreis", "Ab März zahlen Haushalte in der Stadt weniger für Gas.", "weiterlesen",
             "4 Minuten", "Von Jonas Albrecht", "03.02.2026",
             "Die Stadtwerke senken den Gaspreis zum 1. März um knapp zwölf Prozent, wie das Unternehmen am Montag mitteilte.",
             "Mehr zum Thema", "Neues Hallenbad öffnet im Herbst", "01.02.2026",
             "Grund seien die gesunkenen Preise im Großhandel, sagte ein Sprecher der Stadtwerke am Montag in der Stadt."]
    shapes = [classifier.features.cues.shape(k, 0, t) for k, t in enumerate(texts)]
    roles = ["headline", "teaser", "boilerplate", "byline", "byline", "byline", "paragraph",
             "boilerplate", "subheading", "byline", "paragraph"]
    classifier.read_more_blocks(roles, shapes, [""] * len(texts))
    assert roles[3:6] == ["byline"] * 3  # the article's reading time, author and date
    assert roles[8:10] == ["boilerplate"] * 2  # a "Mehr zum Thema" box takes its titles and their dates


def test_the_authors_biography_under_the_name_is_byline():
    classifier = LineClassifier()
    texts = ["Stadtwerke senken den Gaspreis", "Jonas Albrecht", "Redakteur im Ressort Wirtschaft.",
             "Lea Vogel", "Volontärin in der Lokalredaktion.",
             "Die Stadtwerke senken den Gaspreis zum 1. März um knapp zwölf Prozent, wie das Unternehmen am Montag mitteilte.",
             "Grund seien die gesunkenen Preise im Großhandel, sagte ein Sprecher der Stadtwerke am Montag in der Stadt.",
             "Jonas Albrecht", "Journalist und Autor aus Kiel.",
             "Davor war er Reporter in Kiel.",
             "Weitere Artikel"]
    shapes = [classifier.features.cues.shape(k, 0, t) for k, t in enumerate(texts)]
    roles = ["headline", "byline", "paragraph", "byline", "paragraph", "paragraph", "paragraph",
             "byline", "boilerplate", "boilerplate", "boilerplate"]
    classifier.author_box(roles, shapes, [""] * len(texts))
    assert roles[2] == roles[4] == "byline"  # the author's role under the name
    assert roles[5:7] == ["paragraph", "paragraph"]  # the body's prose is no biography
    assert roles[8:10] == ["byline", "byline"] and roles[10] == "boilerplate"  # the box ends at the furniture


def test_a_title_repeated_in_other_words_under_a_date_is_the_headline_where_it_stands_last():
    from quellenlage.structure.lines import repeated_title

    texts = ["Ratgeber", "Mit Kneipp-Güssen sofort besser schlafen!", "12. Juni 2026",
             "Kneipp-Güsse am Abend: So schläfst du sofort besser", "Teilen",
             "Wer abends kalt duscht, schläft schneller ein, sagen Schlafforscher."]
    title_like = [False, True, False, True, False, False]
    assert repeated_title(texts, title_like, keep=1, body_start=5) == 3
    other = texts[:3] + ["Was hilft gegen Rückenschmerzen im Büro?"] + texts[4:]
    assert repeated_title(other, title_like, keep=1, body_start=5) == 1  # another title: unchanged
    teaser = texts[:2] + ["Kalt duschen hilft, sagen Forscher."] + texts[3:]  # a sentence between: not a repeat
    assert repeated_title(teaser, [False, True, False, True, False, False], keep=1, body_start=5) == 1


def test_all_articles_link_is_navigation_not_a_title():
    classifier = LineClassifier()
    shape = classifier.features.cues.shape
    assert classifier.features.cues.boilerplate_cue(shape(0, 0, "Alle Artikel zu unseren Recherchen")) == "related"
    assert not classifier.title_like(shape(0, 0, "Alle Meldungen aus der Region"))
    assert classifier.features.cues.boilerplate_cue(shape(0, 0, "Alle Parteien lehnen den Vorschlag ab")) is None


def test_numbered_entries_of_a_listicle_are_subheadings():
    from quellenlage.structure.cues import Cues
    from quellenlage.structure.lines import numbered_subheadings

    cues = Cues()
    prose = "Sie erklärt im Gespräch, warum ihr kurzer Beitrag über den neuen Radweg so oft geteilt wurde."
    texts = ["Fünf Radfahrerinnen und ihre Tipps", prose,
             "1. Lea Vogel, Lehrerin und Bloggerin (8.200 Follower): Fotos vom Weg zur Arbeit", prose,
             "2. Jonas Albrecht, Stadtrat (3.100 Follower): Klar Stellung beziehen", prose, prose,
             "3. Anna Muster, Fahrradmechanikerin (1.900 Follower): Tipps zur Reparatur", prose]
    shapes = [cues.shape(k, 0, t) for k, t in enumerate(texts)]
    roles = ["headline", "paragraph", "boilerplate", "paragraph", "paragraph", "paragraph", "paragraph", "boilerplate", "paragraph"]
    numbered_subheadings(roles, shapes, [""] * len(texts))
    assert [roles[k] for k in (2, 4, 7)] == ["subheading"] * 3
    # a numbered list of short steps without prose under each stays body, and two numbers are no list
    steps = ["Hier die Schritte:", "1. Mehl sieben", "2. Eier trennen", "3. Teig kneten", prose]
    roles = ["paragraph"] * 5
    numbered_subheadings(roles, [cues.shape(k, 0, t) for k, t in enumerate(steps)], [""] * 5)
    assert roles == ["paragraph"] * 5
    roles = ["headline", "paragraph", "boilerplate", "paragraph", "paragraph", "paragraph"]
    numbered_subheadings(roles, shapes[:6], [""] * 6)
    assert roles[2] == "boilerplate" and roles[4] == "paragraph"


def test_a_shop_box_with_its_product_rows_is_furniture():
    classifier = LineClassifier()
    prose = "Der Mixer zerkleinert auch gefrorene Früchte zuverlässig, braucht dafür aber etwas länger als teure Geräte."
    texts = [prose, "Die meistverkauften Standmixer der Woche", "Modell", "Preis", "Mixfix 3000", "79,99 Euro", "Bei Amazon",
             "Blendmaster Pro", "119 Euro", "Zum Angebot", "Reinigung und Pflege", prose]
    shapes = [classifier.features.cues.shape(k, 0, t) for k, t in enumerate(texts)]
    roles = ["paragraph", "subheading", "paragraph", "paragraph", "paragraph", "paragraph", "boilerplate",
             "paragraph", "paragraph", "boilerplate", "subheading", "paragraph"]
    classifier.shop_boxes(roles, shapes, [""] * len(texts))
    assert roles[1:10] == ["boilerplate"] * 9
    assert roles[10] == "subheading" and roles[11] == "paragraph"  # after the box's last link
    # a table of test results without shop links stays the article's
    table = [prose, "Modell", "Preis", "Mixfix 3000", "79,99 Euro", "Blendmaster Pro", "119 Euro", prose]
    roles = ["paragraph"] * len(table)
    classifier.shop_boxes(roles, [classifier.features.cues.shape(k, 0, t) for k, t in enumerate(table)], [""] * len(table))
    assert roles == ["paragraph"] * len(table)


def test_body_like_lines_above_the_headline_are_furniture():
    from quellenlage.structure.cues import Cues
    from quellenlage.structure.lines import body_below_the_headline

    cues = Cues()
    promo = "Wir bleiben an unseren Geschichten dran und berichten weiter, wenn es Neues gibt."
    prose = "Die Stadtwerke senken den Gaspreis zum 1. März um knapp zwölf Prozent, wie das Unternehmen am Montag mitteilte."
    texts = ["Aktuelle Artikel", promo, "Stadtwerke senken den Gaspreis", prose, prose, prose, prose]
    roles = ["boilerplate", "paragraph", "headline", "paragraph", "paragraph", "paragraph", "paragraph"]
    body_below_the_headline(roles, [cues.shape(k, 0, t) for k, t in enumerate(texts)], [""] * len(texts))
    assert roles[1] == "boilerplate" and roles[3:] == ["paragraph"] * 4
    # a headline chosen inside the body leaves the body above it alone
    texts = [prose, prose, prose, "Wie geht es weiter", prose]
    roles = ["paragraph", "paragraph", "paragraph", "headline", "paragraph"]
    body_below_the_headline(roles, [cues.shape(k, 0, t) for k, t in enumerate(texts)], [""] * len(texts))
    assert roles[:3] == ["paragraph"] * 3


def test_newsletter_donation_and_embedded_post_lines():
    cues = LineClassifier().features.cues
    shape = cues.shape
    assert cues.boilerplate_cue(shape(0, 0, "Die wichtigsten Nachrichten per Mail")) == "promo"
    assert cues.boilerplate_cue(shape(0, 0, "Er bestätigte den Termin per Mail.")) is None  # a sentence of the body
    assert cues.boilerplate_cue(shape(0, 0, "Jetzt unterstützen")) == "promo"
    assert cues.boilerplate_cue(shape(0, 0, "View this post on Instagram")) == "notice"
    assert cues.is_caption(shape(0, 0, "Ein Beitrag geteilt von Stadtbad Nord (@stadtbad.nord) am 3. Mai 2026 um 9:12 Uhr"))
    assert cues.is_caption(shape(0, 0, "A post shared by Lea Vogel (@leavogel) on May 3, 2026 at 9:12am PDT"))
    assert not cues.is_caption(shape(0, 0, "Ein Beitrag über das Stadtbad und seine Gäste"))


def test_an_embedded_post_and_its_signature_are_body():
    from quellenlage.structure.cues import Cues
    from quellenlage.structure.lines import embedded_posts

    cues = Cues()
    prose = "Die Stadt hat den Radweg an der Ruhr am Montag freigegeben, wie eine Sprecherin am Abend mitteilte."
    texts = ["Neuer Radweg an der Ruhr", prose, "Endlich fertig! Danke an alle, die mitgeholfen haben. pic.twitter.com/abc123",
             "— Lea Vogel (@leavogel) 3. Mai 2026", prose, "— Jonas Albrecht (@jalbrecht) 4. Mai 2026"]
    roles = ["headline", "paragraph", "subheading", "boilerplate", "paragraph", "byline"]
    embedded_posts(roles, [cues.shape(k, 0, t) for k, t in enumerate(texts)], [""] * len(texts))
    assert roles == ["headline", "paragraph", "paragraph", "paragraph", "paragraph", "paragraph"]
    assert cues.boilerplate_cue(cues.shape(0, 0, "Folgen Sie uns auf Twitter")) == "promo"
    long_line = ("Sie ist auf Twitter seit Jahren aktiv. Kein Wunder, dass es so viele ebenso normale Menschen gibt, "
                 "die ihr gern folgen.")
    assert cues.boilerplate_cue(cues.shape(0, 0, long_line)) is None  # a sentence about following, no promotion


def test_recommend_and_gallery_counter_lines_are_furniture():
    cues = LineClassifier().features.cues
    shape = cues.shape
    assert cues.boilerplate_cue(shape(0, 0, "Artikel empfehlen:")) == "share"
    assert cues.boilerplate_cue(shape(0, 0, "Bild 3 von 12")) == "notice"
    assert cues.boilerplate_cue(shape(0, 0, "Das Bild von 1912 zeigt den alten Hafen")) is None


def test_quelle_alone_over_a_byline_and_autoren_in_the_navigation():
    classifier = LineClassifier()
    prose = "Die Stadtwerke senken den Gaspreis zum 1. März um knapp zwölf Prozent, wie das Unternehmen am Montag mitteilte."
    texts = ["Autoren", "Stadtwerke senken den Gaspreis", prose, prose, "Quelle", "Veröffentlicht am 03.02.2026", "Über den Autor",
             "Jonas Albrecht"]
    shapes = [classifier.features.cues.shape(k, 0, t) for k, t in enumerate(texts)]
    roles = ["boilerplate", "headline", "paragraph", "paragraph", "boilerplate", "byline", "boilerplate", "boilerplate"]
    why = [""] * len(texts)
    classifier.bylines_at_the_body(roles, shapes, why)
    assert roles[4] == "byline"  # the source label over the article's dated line
    classifier.author_box(roles, shapes, why)
    assert roles[0] == "boilerplate"  # "Autoren" above the headline: navigation
    assert roles[6] == roles[7] == "byline"  # the author box under the article
