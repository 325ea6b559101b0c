"""The language layer: profiles by code, detection, and each document analysed in its language."""

from __future__ import annotations

import pytest

from quellenlage.lang import UnknownLanguage, available, get_language
from quellenlage.lang.detect import declared_language, detect_language

GERMAN = "Die Ministerin sagte am Dienstag, sie habe von dem Plan nichts gewusst. Das sei nicht wahr."
ENGLISH = "The minister said on Tuesday that she had not known about the plan. That is not true, he said."


def test_profiles_by_code():
    assert {"de", "en"} <= set(available())
    assert get_language("DE").code == "de"
    assert "en_speaker_resolver" in get_language("en").components
    with pytest.raises(UnknownLanguage, match="available: de, en"):
        get_language("xx")


RUSSIAN = ("Министр заявил во вторник, что правительство не знало о плане, и пообещал провести проверку всех "
           "контрактов, заключённых в прошлом году с частными компаниями.")
LABELS = "Kontakt Impressum Datenschutz Newsletter Kommentare Anfahrt Köln Dormagen Straberger See Wakebeach Telekom StreamOn " \
         "Zero-Rating Messenger Netzwerke Apple iPhone Musik-Downloads Copyright Süddeutsche Zeitung Digitale Medien GmbH"
PORTUGUESE = ("O serviço de atendimento domiciliar registrou um arrombamento em dois veículos na noite de "
              "segunda-feira, segundo a prefeitura, que prometeu reforçar a segurança nas ruas do bairro.")


@pytest.mark.parametrize(
    "text, declared, expected",
    [
        (GERMAN, None, "de"),
        (ENGLISH, None, "en"),
        (ENGLISH, "de-DE", "en"),  # the words clearly say otherwise: a site's template declares its own language
        (GERMAN, "en_US", "de"),
        ("Berlin, 12. Mai 2024", "en", "en"),  # too few words to overrule the declaration
        (GERMAN, "fr", "de"),  # a language we do not have: detected instead
        (PORTUGUESE, "pt-BR", None),  # declared, and not ours by its words
        (RUSSIAN, None, None),  # not in Latin script
        (PORTUGUESE, None, "de"),  # Latin script, few of our function words, nothing declared: analysed in German
        ("", None, "de"),
        ("12345 !!!", None, "de"),
    ],
)
def test_detect_language(text, declared, expected):
    assert detect_language(text, declared) == expected


def test_a_list_of_labels_is_analysed_in_one_of_our_languages():
    """A navigation or address list has few function words in any language: not a foreign text."""
    assert detect_language(LABELS) in ("de", "en")


def test_declared_language_forms():
    assert declared_language(" en-GB ") == "en"
    assert declared_language("") is None
    assert declared_language("pt-BR") is None


def test_mixed_stream_keeps_order_and_language():
    from quellenlage import analyze_many
    from quellenlage.settings import Settings

    texts = [GERMAN, ENGLISH, GERMAN]
    out = list(analyze_many(texts, Settings(batch_size=2)))
    assert [a.text for a in out] == texts
    assert [a.meta.language for a in out] == ["de", "en", "de"]
    assert out[1].meta.model.startswith("core_web_sm")
    forced = next(analyze_many([ENGLISH], Settings(language="de")))
    assert forced.meta.language == "de"


def test_html_declares_its_language():
    from quellenlage.ingest.html import article_from_html

    for declaration, expected in [('<html lang="en-GB">', "en"), ('<html><head><meta property="og:locale" content="de_DE"></head>', "de")]:
        article = article_from_html(f"{declaration}<body><h1>Titel</h1><p>Berlin Hamburg München Köln Frankfurt Stuttgart "
                                    "Dresden Leipzig Bremen Hannover Nürnberg Duisburg Bochum Wuppertal Bielefeld</p></body></html>")
        assert article.meta["language"] == expected
        assert detect_language(article.text, article.meta.get("language")) == expected


def test_a_text_in_another_language_is_not_analysed_with_ours():
    from quellenlage import analyze
    from quellenlage.pipeline import nothing_analysed

    analysis = analyze(RUSSIAN)
    assert nothing_analysed(analysis) and not analysis.quotes
    assert "none of the languages Quellenlage analyses (de, en)" in analysis.errors[0]


def test_a_language_plugs_in_from_its_package_alone():
    """A made-up language with one quote rule and its own claim rules, registered here as a
    language package would register itself: nothing outside its own code changes, and the
    whole analysis runs on it, claims included."""
    import re
    from types import SimpleNamespace

    from spacy.language import Language
    from spacy.tokens import SpanGroup

    from quellenlage import analyze
    from quellenlage.extensions import QUOTE_FINDINGS
    from quellenlage.lang import LanguageProfile, languages
    from quellenlage.lang.en import claims as english_rules
    from quellenlage.schema import Speaker
    from quellenlage.settings import Settings

    @Language.factory("zz_dixit_quotes", assigns=["doc.spans", *QUOTE_FINDINGS])
    def make_dixit(nlp: Language, name: str):
        def find(doc):
            quotes = []
            for m in re.finditer(r"(\w+) dixit «([^»]+)»", doc.text):
                quote = doc.char_span(*m.span(2))
                quote._.kind, quote._.rule = "direct", "zz_dixit"
                quote._.cue = doc.char_span(m.end(1) + 1, m.end(1) + 6)
                quote._.speaker_mention = doc.char_span(*m.span(1))
                quote._.speaker = Speaker(name=m.group(1), type="person")
                quotes.append(quote)
            doc.spans["quotes"] = SpanGroup(doc, name="quotes", spans=quotes)
            return doc

        return find

    class Dixit(Language):  # its spaCy language: its Docs carry its code (`doc.lang_`)
        lang = "zz"

    # its claim rules: the English ones (a language may start from another's), with its own
    # distance marker "fortasse" ("perhaps") in place of the English hedges
    rules = SimpleNamespace(**{k: getattr(english_rules, k) for k in dir(english_rules) if not k.startswith("_")})
    rules.LANG = "zz"
    rules.hedge_patterns = lambda: [("adverb", re.compile(r"\bfortasse\b", re.IGNORECASE))]
    languages.register("zz", func=LanguageProfile(
        code="zz", name="Test", load_pipeline=Dixit,
        components=("zz_dixit_quotes", "source_collector", "claim_builder"),
        stop_words=frozenset({"dixit"}), claim_rules=lambda: rules,
    ))
    analysis = analyze("Marcus dixit «alea iacta est» et abiit.", Settings(language="zz"))
    assert analysis.meta.language == "zz" and not analysis.errors
    [quote] = analysis.quotes
    assert (quote.text, quote.kind, quote.speaker.name, quote.cue.text) == ("alea iacta est", "direct", "Marcus", "dixit")
    assert quote.rule == "zz_dixit"  # its own rule name, prefixed with its code: no schema edit
    [source] = analysis.sources
    assert (source.name, source.quote_ids) == ("Marcus", [quote.id])
    [claim] = analysis.claims
    assert (claim.text, claim.status, claim.source.name) == ("alea iacta est", "attributed", "Marcus")
    # its hedge word keeps the outlet's distance, the English ones do not
    hedged = analyze("Fortasse Marcus dixit «alea iacta est» et abiit.", Settings(language="zz"))
    assert [(c.status, c.source.name) for c in hedged.claims] == [("hedged", "Marcus")] and not hedged.errors
    reportedly = analyze("Reportedly Marcus dixit «alea iacta est» et abiit.", Settings(language="zz"))
    assert [c.status for c in reportedly.claims] == ["attributed"]
