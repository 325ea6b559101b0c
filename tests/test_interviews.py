"""Interviews, embedded posts and colon-framed block quotations (the `interview_finder`).

Every text here is made up for the test; the conventions are those of ANNOTATION.md
("Interviews and embedded posts").
"""

from __future__ import annotations

import pytest

from quellenlage.attribution.interviews import addresses, is_thanks, mentions_interview, speaks_for_self

UNLABELLED = """Wirtschaft
Stadtwerke-Chef Thomas Berger: „Wir bauen das Netz bis 2030 aus“
Die Stadtwerke wollen in den kommenden Jahren kräftig investieren. Im Interview spricht Vorstandschef Thomas Berger über Preise, Leitungen und seine Pläne für die Region.
Herr Berger, viele Kunden klagen über steigende Preise. Was können Sie ihnen sagen?
Wir verstehen den Ärger sehr gut. Unsere Einkaufspreise sind im vergangenen Jahr stark gestiegen, und wir geben nur einen Teil davon weiter.
Wann sinken die Preise wieder?
Das hängt vom Markt ab. Ich rechne frühestens im Herbst mit einer Entspannung.
Wie viel Geld stecken Sie in das neue Wärmenetz?
Wir planen mit rund 80 Millionen Euro bis zum Ende des Jahrzehnts. Das ist die größte Investition unserer Geschichte.
Einen Teil davon tragen Bund und Land.
Vielen Dank für das Gespräch!
"""

LABELLED = """Kultur
„Das Theater muss wieder mutiger werden“
Die neue Intendantin Clara Vogt über ihre erste Spielzeit. Das Interview führte Paul Krämer.
Frage: Frau Vogt, Sie kommen aus Leipzig. Was hat Sie an unserer Stadt gereizt?
Vogt: Die Offenheit des Publikums. Ich habe hier Vorstellungen gesehen, bei denen der Saal regelrecht gebebt hat.
Frage: Was planen Sie für die erste Spielzeit?
Vogt: Wir beginnen mit drei Uraufführungen. Außerdem holen wir das Jugendtheater zurück ins große Haus.
Frage: Fürchten Sie nicht, das Stammpublikum zu verschrecken?
Vogt: Nein. Ich traue den Leuten mehr zu, als man gemeinhin denkt.
Clara Vogt leitet das Haus seit August. Zuvor war sie Schauspieldirektorin in Leipzig.
"""

FAQ = """Ratgeber
Was ist eigentlich Kurzarbeit?
Kurzarbeit hilft Betrieben in der Krise. Die wichtigsten Fragen und Antworten im Überblick.
Wer bekommt Kurzarbeitergeld?
Beschäftigte in Betrieben, die einen erheblichen Arbeitsausfall haben. Der Betrieb muss ihn bei der Arbeitsagentur anzeigen.
Wie hoch ist das Kurzarbeitergeld?
Es beträgt in der Regel 60 Prozent des ausgefallenen Nettolohns, mit Kindern 67 Prozent.
Wie lange wird es gezahlt?
Die Bezugsdauer beträgt regulär bis zu zwölf Monate.
"""

POSTS = """Netz
Was die Politik am Wochenende twitterte
Die Verkehrsministerin Katrin Albers äußerte sich am Samstag zum Streik bei der Bahn. Ihr Beitrag wurde tausendfach geteilt.
Ein Streik auf dem Rücken der Pendler hilft niemandem. Ich erwarte, dass sich beide Seiten noch heute an einen Tisch setzen.
— KatrinAlbers (@k_albers) 12. März 2022
Auch der Fahrgastverband meldete sich zu Wort und verwies auf die Folgen für den Berufsverkehr.
"""

BLOCK = """Politik
Ministerin verteidigt neue Regeln
Die Bildungsministerin Sabine Roth hat die Kritik der Lehrerverbände zurückgewiesen. In einem Brief an die Schulen schreibt sie:
Wir nehmen die Sorgen ernst, aber die neuen Regeln geben den Schulen mehr Freiheit und nicht weniger.
Die Verbände wollen nun eine Anhörung im Landtag erreichen.
"""

NOT_A_BLOCK = """Rezepte
Ein Kuchen für den Sonntag
Für den Teig brauchen Sie folgende Zutaten:
250 Gramm Mehl, 200 Gramm Butter, drei Eier und eine Prise Salz.
Den Ofen auf 180 Grad vorheizen und den Teig gleichmäßig in der Form verteilen.
"""


def found(analysis, rule: str) -> list:
    return [q for q in analysis.quotes if q.rule == rule]


def test_answers_of_an_unlabelled_interview_are_direct_quotes_of_the_interviewee(analyze_text):
    analysis = analyze_text(UNLABELLED)
    answers = found(analysis, "interview")
    assert [q.text for q in answers] == [
        "Wir verstehen den Ärger sehr gut. Unsere Einkaufspreise sind im vergangenen Jahr stark gestiegen, "
        "und wir geben nur einen Teil davon weiter.",
        "Das hängt vom Markt ab. Ich rechne frühestens im Herbst mit einer Entspannung.",
        "Wir planen mit rund 80 Millionen Euro bis zum Ende des Jahrzehnts. Das ist die größte Investition "
        "unserer Geschichte.",
        "Einen Teil davon tragen Bund und Land.",  # a second paragraph of the same answer
    ]
    assert all(q.kind == "direct" and q.speaker and q.speaker.name == "Thomas Berger" for q in answers)
    assert all(q.cue is not None and q.cue.text.endswith("?") for q in answers)  # the question asked
    texts = {q.text for q in analysis.quotes}
    assert not any(t.endswith("?") for t in texts)  # questions are no quotes
    assert not any("Vielen Dank" in t for t in texts)  # nor the interviewer's thanks


def test_labelled_answers_leave_the_label_out(analyze_text):
    analysis = analyze_text(LABELLED)
    answers = found(analysis, "interview")
    assert [q.text[:30] for q in answers] == [
        "Die Offenheit des Publikums. I",
        "Wir beginnen mit drei Urauffüh",
        "Nein. Ich traue den Leuten meh",
    ]
    assert all(q.speaker and q.speaker.name == "Clara Vogt" for q in answers)
    assert all(q.cue and q.cue.text == "Vogt" for q in answers)
    text = analysis.text
    assert all(text[q.start : q.end] == q.text for q in answers)
    assert not any(q.text.startswith("Clara Vogt leitet") for q in analysis.quotes)  # the article's own note


def test_questions_and_answers_of_a_guide_are_no_interview(analyze_text):
    assert found(analyze_text(FAQ), "interview") == []


def test_an_embedded_post_is_a_direct_quote_of_its_author(analyze_text):
    analysis = analyze_text(POSTS)
    posts = found(analysis, "post")
    assert [q.text for q in posts] == [
        "Ein Streik auf dem Rücken der Pendler hilft niemandem. Ich erwarte, dass sich beide Seiten noch "
        "heute an einen Tisch setzen."
    ]
    assert posts[0].speaker.name == "Katrin Albers"  # the display name as the article names her
    assert posts[0].cue.text.startswith("— KatrinAlbers (@k_albers)")


def test_a_dash_line_without_a_handle_is_no_post_signature(analyze_text):
    text = POSTS.replace("(@k_albers) ", "")
    assert found(analyze_text(text), "post") == []


def test_a_colon_framed_block_without_marks_is_a_direct_quote(analyze_text):
    analysis = analyze_text(BLOCK)
    blocks = found(analysis, "block")
    assert [q.text for q in blocks] == [
        "Wir nehmen die Sorgen ernst, aber die neuen Regeln geben den Schulen mehr Freiheit und nicht weniger."
    ]
    assert blocks[0].kind == "direct"
    assert blocks[0].speaker and blocks[0].speaker.name == "Sabine Roth"
    assert blocks[0].cue.text == "schreibt"


def test_a_colon_without_a_speech_frame_introduces_no_quote(analyze_text):
    assert found(analyze_text(NOT_A_BLOCK), "block") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Herr Berger, wann kommt die Entscheidung?", True),
        ("Was planen Sie für den Herbst?", True),
        ("Wie erkennt Ihr, was der Kunde will?", True),
        ("Du hast viel ausprobiert. Was hat funktioniert?", True),
        ("Sie kommen aus Leipzig?", False),  # sentence-initial "Sie" may be "they"
        ("Wie hoch ist das Kurzarbeitergeld?", False),
        ("Ihre Kunden zahlen dafür. Und die Sender?", False),
    ],
)
def test_questions_that_address_someone(text, expected):
    assert addresses(text) is expected


def test_first_person_interview_nouns_and_thanks():
    assert speaks_for_self("Wir planen mit rund 80 Millionen Euro.")
    assert not speaks_for_self("Die Stadtwerke planen mit rund 80 Millionen Euro.")
    assert mentions_interview("Das ERP-Interview führte die Redaktion.")
    assert not mentions_interview("Wir fragen den Kunden, bevor wir etwas ändern.")
    assert is_thanks("Vielen Dank für das Gespräch!")
    assert not is_thanks("Vielen Dank an alle, die mitgeholfen haben.")


WRAPPED = """Wirtschaft
„Wir müssen schneller werden“
Die Digitalchefin eines Versandhändlers, Miriam Lenz, über Lieferzeiten und Lager. Ein Interview.
Frau Lenz, Ihre Kunden warten im Schnitt drei Tage auf ein Paket. Reicht das noch?
Nein, das reicht nicht mehr. Wir haben deshalb zwei neue Lager gebaut, die rund um die Uhr
arbeiten, und wir testen gerade die Lieferung am selben Tag in drei Städten.
Was kostet Sie das?
Einen dreistelligen Millionenbetrag. Ich halte das aber für notwendig.
Lieferung am selben Tag
Wann kommt die Lieferung am selben Tag überall?
Wir rechnen mit zwei Jahren. Vorher müssen wir mehr Fahrer finden.
"""

ANONYMOUS_LABELS = """Gesellschaft
„Ich wollte nicht mehr wegsehen“
Eine Pflegerin aus einem Berliner Heim hat Missstände öffentlich gemacht. Sie möchte anonym bleiben.
F: Wann haben Sie zum ersten Mal gemerkt, dass etwas nicht stimmt?
A: Vor etwa zwei Jahren. Ich habe gesehen, dass Bewohner stundenlang nicht versorgt wurden.
F: Haben Sie mit Ihrer Leitung gesprochen?
A: Mehrmals. Aber man hat mir gesagt, ich solle mich nicht einmischen.
"""

REPORT_WITH_QUESTIONS = """Politik
Streit um den Haushalt
Die Koalition ringt um den Haushalt für das kommende Jahr. Wie groß ist die Lücke wirklich?
Nach Angaben des Finanzministeriums fehlen rund zwölf Milliarden Euro. Der Minister will vor allem bei den Subventionen sparen.
Und wer soll das bezahlen?
Die Opposition hält die Pläne für unausgegoren und fordert einen Nachtragshaushalt.
"""


def test_a_hard_wrapped_answer_is_one_quote_and_an_intertitle_does_not_end_the_interview(analyze_text):
    answers = found(analyze_text(WRAPPED), "interview")
    assert [q.text[:24] for q in answers] == ["Nein, das reicht nicht m", "Einen dreistelligen Mill", "Wir rechnen mit zwei Jah"]
    assert "\n" in answers[0].text and answers[0].text.endswith("in drei Städten.")
    assert all(q.speaker and q.speaker.name == "Miriam Lenz" for q in answers)
    assert not any(q.text == "Lieferung am selben Tag" for q in analyze_text(WRAPPED).quotes)


def test_anonymous_answer_labels_make_an_interview_without_a_named_speaker(analyze_text):
    answers = found(analyze_text(ANONYMOUS_LABELS), "interview")
    assert [q.text[:20] for q in answers] == ["Vor etwa zwei Jahren", "Mehrmals. Aber man h"]
    assert all(q.cue and q.cue.text == "A" for q in answers)


def test_questions_in_a_report_make_no_interview(analyze_text):
    assert found(analyze_text(REPORT_WITH_QUESTIONS), "interview") == []


def test_a_quotation_in_marks_after_a_colon_stays_with_the_direct_quote_finder(analyze_text):
    text = BLOCK.replace(
        "Wir nehmen die Sorgen ernst, aber die neuen Regeln geben den Schulen mehr Freiheit und nicht weniger.",
        "„Wir nehmen die Sorgen ernst, aber die neuen Regeln geben den Schulen mehr Freiheit.“",
    )
    analysis = analyze_text(text)
    assert found(analysis, "block") == []
    assert [q.text for q in analysis.quotes if q.kind == "direct"] == [
        "Wir nehmen die Sorgen ernst, aber die neuen Regeln geben den Schulen mehr Freiheit."
    ]


REPORTS_IN_ANSWERS = UNLABELLED.replace(
    "Das hängt vom Markt ab. Ich rechne frühestens im Herbst mit einer Entspannung.",
    "Ich glaube, dass die Preise im Herbst sinken. Der Wirtschaftsminister hat gesagt, dass der Bund die Netzentgelte senken wolle.",
)


def test_reports_of_the_interviewee_inside_answers_are_the_answer_not_extra_quotes(analyze_text):
    analysis = analyze_text(REPORTS_IN_ANSWERS)
    indirect = [q for q in analysis.quotes if q.kind == "indirect"]
    assert not any(q.text.startswith("dass die Preise") for q in indirect)  # "Ich glaube, dass …"
    assert any(q.text.startswith("dass der Bund") for q in indirect)  # a third party's report stays
    assert any(q.rule == "interview" and q.text.startswith("Ich glaube") for q in analysis.quotes)


def test_a_colon_before_a_list_of_quoted_exchanges_is_no_block(analyze_text):
    text = (
        "Politik\nStreit im Rathaus\nIn dem Protokoll heißt es, schreibt die Zeitung:\n"
        "• Bürgermeister Jens Kohl: „Ich unterschreibe das nicht.“\n"
        "• Kämmerin Ute Rahn: „Dann tun wir es ohne Sie.“\n"
    )
    analysis = analyze_text(text)
    assert found(analysis, "block") == []
    assert len([q for q in analysis.quotes if q.kind == "direct"]) == 2


OUTLET_LABELS = """Politik
„Ich werde nicht zurücktreten“
Der Landrat Georg Heller steht wegen der Kliniken unter Druck. Ein Interview über Fehler und Verantwortung.
Kurier: Herr Heller, drei Kliniken schließen. Wer trägt dafür die Verantwortung?
Heller: Der Kreistag hat das gemeinsam beschlossen, und ich stehe dazu.
Kurier: Die Beschäftigten sehen das anders.
Heller: Das verstehe ich. Wir haben jedem von ihnen eine Stelle im neuen Zentrum angeboten.
Kurier: Treten Sie zurück, wenn das Zentrum nicht rechtzeitig fertig wird?
Heller: Nein. Das wäre die bequemste Lösung, aber nicht die richtige.
"""

PRESENTED = """Sport
Trainerin Lena Brandt im Interview: „Wir haben die Wende geschafft“
Was hat sich seit dem Trainerwechsel verändert?
Die Mannschaft glaubt wieder an sich. Wir haben viel über Haltung gesprochen und wenig über Taktik.
Und wie geht es weiter?
Wir denken nur an das nächste Spiel. Alles andere wäre vermessen.
"""


def test_the_interviewers_statements_under_its_label_are_no_answers(analyze_text):
    answers = found(analyze_text(OUTLET_LABELS), "interview")
    assert [q.text[:22] for q in answers] == ["Der Kreistag hat das g", "Das verstehe ich. Wir ", "Nein. Das wäre die beq"]
    assert all(q.speaker and q.speaker.name == "Georg Heller" for q in answers)


def test_a_page_that_calls_itself_an_interview_needs_two_exchanges(analyze_text):
    answers = found(analyze_text(PRESENTED), "interview")
    assert [q.text[:20] for q in answers] == ["Die Mannschaft glaub", "Wir denken nur an da"]
    assert all(q.speaker and q.speaker.name == "Lena Brandt" for q in answers)
    not_presented = PRESENTED.replace(" im Interview", "")
    assert found(analyze_text(not_presented), "interview") == []


INTRO_NAMES_TWO = """Politik
Die Innenpolitik im Gespräch
Innenminister Frank Obermaier will der Polizei mehr Befugnisse geben. Obermaier nennt das Vorsorge.
In einem Interview äußert sich die Abgeordnete Maria Lindner zu den Plänen des Ministers. Das Gespräch führte Jonas Weil.
Welche Pläne des Ministers lehnen Sie ab?
Vor allem die Speicherung der Fingerabdrücke. Ich halte sie für unverhältnismäßig.
Was schlagen Sie stattdessen vor?
Wir brauchen zuerst eine ehrliche Bilanz der bisherigen Gesetze.
"""


def test_the_interviewee_is_the_person_the_intro_names_with_the_interview(analyze_text):
    answers = found(analyze_text(INTRO_NAMES_TWO), "interview")
    assert len(answers) == 2
    assert all(q.speaker and q.speaker.name == "Maria Lindner" for q in answers)  # not the minister, not the interviewer


def test_the_author_of_the_interview_is_not_the_interviewee(analyze_text):
    text = INTRO_NAMES_TWO.replace(
        "In einem Interview äußert sich die Abgeordnete Maria Lindner zu den Plänen des Ministers. Das Gespräch führte Jonas Weil.",
        "Ein Interview von Jonas Weil. Die Abgeordnete Maria Lindner lehnt die Pläne des Ministers ab, Maria Lindner will klagen.",
    )
    answers = found(analyze_text(text), "interview")
    assert answers and not any(q.speaker and q.speaker.name.startswith("Jonas") for q in answers)
