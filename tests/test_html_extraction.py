"""The HTML path's main text: other articles' cards inside the body, a page whose body the model
misses, and pages in scripts written without spaces (pages written for these tests)."""

from __future__ import annotations

from quellenlage.ingest.dom import render_page
from quellenlage.ingest.html import article_from_html, word_count
from quellenlage.structure.lines import other_articles_cards, second_opinion

PARAGRAPHS = [
    "Der Stadtrat hat am Dienstagabend beschlossen, die Brücke über den Kanal bis zum Herbst zu sanieren.",
    "Die Arbeiten sollen nach Angaben der Verwaltung rund vier Millionen Euro kosten und im Mai beginnen.",
    "Während der Bauzeit wird der Verkehr über eine Behelfsbrücke am Hafen geführt, hieß es im Rathaus.",
    "Anwohner hatten sich seit Jahren über Schlaglöcher und rostige Geländer auf der Brücke beschwert.",
]
CARD = """<div class="box"><div class="boxhead">Weitere Informationen</div>
<h2><a href="/verkehr/baustellen-im-sommer.html">Wo im Sommer überall gebaut wird</a></h2>
<p>Die Stadt saniert in diesem Jahr so viele Straßen wie nie. Ein Überblick über die Baustellen.
<a href="/verkehr/baustellen-im-sommer.html">mehr</a></p></div>"""


def page(body: str) -> str:
    return ("<html lang='de'><head><title>Brücke am Kanal wird saniert | Stadtbote</title></head><body>"
            "<nav><a href='/'>Start</a> <a href='/lokales'>Lokales</a></nav><article>"
            f"<h1>Brücke am Kanal wird saniert</h1>{body}</article>"
            "<footer>© 2026 Stadtbote</footer></body></html>")


def roles_of(html: str) -> dict[str, str]:
    return {line.text: line.role for line in article_from_html(html, name="seite").lines}


def test_a_line_ending_in_a_link_is_marked_in_the_markup():
    lines = render_page(page(CARD)).lines
    marked = {line.text for line in lines if "end-link" in line.context}
    assert any(t.endswith("Baustellen. mehr") for t in marked)
    assert not any(t.startswith("Weitere Informationen") for t in marked)


def test_another_articles_card_between_paragraphs_is_furniture():
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + CARD + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    roles = roles_of(page(body))
    assert roles["Wo im Sommer überall gebaut wird"] == "boilerplate"
    assert roles["Die Stadt saniert in diesem Jahr so viele Straßen wie nie. Ein Überblick über die Baustellen. mehr"] == "boilerplate"
    without_card = roles_of(page("".join(f"<p>{p}</p>" for p in PARAGRAPHS)))
    assert [roles[p] for p in PARAGRAPHS] == [without_card[p] for p in PARAGRAPHS]
    assert roles[PARAGRAPHS[0]] == roles[PARAGRAPHS[2]] == "paragraph"


def test_a_subheading_that_is_no_link_and_a_paragraph_ending_in_a_link_stay_body():
    body = (f"<p>{PARAGRAPHS[0]}</p><h2>Kosten und Zeitplan</h2>"
            f"<p>{PARAGRAPHS[1]} Der <a href='/haushalt'>Haushalt</a></p><p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p>")
    context = [frozenset({"article"}), frozenset({"article", "h2", "heading"}), frozenset({"article", "end-link"}),
               frozenset({"article"})]
    roles = ["paragraph", "subheading", "paragraph", "paragraph"]
    why = [""] * 4
    other_articles_cards(roles, context, [0.0, 0.0, 0.1, 0.0], why)
    assert roles == ["paragraph", "subheading", "paragraph", "paragraph"]
    assert roles_of(page(body))["Kosten und Zeitplan"] == "subheading"


def test_linked_heading_without_a_description_ending_in_a_link_is_left_to_the_model():
    context = [frozenset({"article"}), frozenset({"article", "h3", "heading"}), frozenset({"article"})]
    roles = ["paragraph", "subheading", "paragraph"]
    other_articles_cards(roles, context, [0.0, 1.0, 0.0], [""] * 3)
    assert roles == ["paragraph", "subheading", "paragraph"]


def test_without_any_paragraph_trafilaturas_main_text_below_the_headline_is_the_body():
    roles = ["boilerplate", "headline", "boilerplate", "boilerplate", "boilerplate", "boilerplate"]
    context = [frozenset({"nav", "traf"}), frozenset({"h1", "heading", "traf"}), frozenset({"traf"}),
               frozenset({"h2", "heading", "traf"}), frozenset({"traf"}), frozenset({"footer"})]
    why = [""] * 6
    second_opinion(roles, context, [None] * 6, why)  # type: ignore[list-item]
    assert roles == ["boilerplate", "headline", "paragraph", "subheading", "paragraph", "boilerplate"]


def test_a_page_with_a_body_keeps_the_models_furniture():
    roles = ["headline", "paragraph", "boilerplate"]
    context = [frozenset({"h1"}), frozenset({"traf"}), frozenset({"traf"})]
    second_opinion(roles, context, [None] * 3, [""] * 3)  # type: ignore[list-item]
    assert roles == ["headline", "paragraph", "boilerplate"]


def test_words_of_unspaced_scripts_are_counted():
    assert word_count("Die Brücke wird saniert.") == 4
    assert word_count("市役所は火曜日に橋の改修を決めた。") >= 7
    japanese = "".join(f"<p>{s}</p>" for s in (
        "市役所は火曜日の夜に、運河にかかる橋を秋までに改修することを決めました。",
        "工事費は約四百万ユーロで、五月に始まる予定だと市の担当者が説明しました。",
    ))
    html = f"<html lang='ja'><body><h1>運河の橋を改修へ</h1>{japanese}</body></html>"
    article = article_from_html(html, name="ja")  # not refused as a page without an article
    assert "工事費は約四百万ユーロ" in article.text


def test_decomposed_umlauts_are_composed():
    html = page("".join(f"<p>{p}</p>" for p in PARAGRAPHS).replace("ü", "u\u0308"))
    lines = render_page(html).lines
    assert any("Brücke über den Kanal" in line.text for line in lines)
    assert not any("\u0308" in line.text for line in lines)


def test_sentences_between_the_headline_and_the_body_in_trafilaturas_text_are_the_lead():
    from quellenlage.structure.cues import Cues
    from quellenlage.structure.lines import lead_under_the_headline

    texts = ["Start", "Brücke am Kanal wird saniert", "Bild vergrößern", PARAGRAPHS[0], "Abspielen",
             "Bewerten", PARAGRAPHS[1], PARAGRAPHS[2], "Teilen", "Anwohner hatten sich beschwert, und sie sagen es laut."]
    cues = Cues("de")
    shapes = [cues.shape(k, 0, t) for k, t in enumerate(texts)]
    traf = frozenset({"traf"})
    context = [frozenset(), traf, frozenset(), traf, frozenset(), frozenset(), traf, traf, frozenset(), traf]
    roles = ["boilerplate", "headline", "boilerplate", "boilerplate", "boilerplate", "boilerplate",
             "paragraph", "paragraph", "boilerplate", "boilerplate"]
    lead_under_the_headline(roles, context, shapes, [""] * len(roles))
    # the lead is body; widgets stay furniture; a sentence after the body is left to the model
    assert roles == ["boilerplate", "headline", "boilerplate", "paragraph", "boilerplate", "boilerplate",
                     "paragraph", "paragraph", "boilerplate", "boilerplate"]
