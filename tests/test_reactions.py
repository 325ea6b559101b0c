"""Reactions only when explicit: a reacting speaker, a cue of answering, and a claim it refers
to. Criticism, accusation, a court's finding or a bare confirmation of an event are none.
Every text is written for these tests; the eval's matching rule is tested with them.
"""

from __future__ import annotations

import pytest

from quellenlage.schema import Analysis

CLAIM = 'Die Zeitung „Nordblatt“ berichtet, der Landrat Peter Falk habe Spenden einer Baufirma für seinen Wahlkampf angenommen.'


def article(*paragraphs: str) -> str:
    return "\n\n".join(("Lokales", "Streit um Spenden im Landkreis Celle", *paragraphs)) + "\n"


def reactions(a: Analysis) -> set[tuple[str, str]]:
    """(the reacting speaker's name, status) of every reaction."""
    return {(r.by.name, r.status) for c in a.claims for r in c.reactions}


@pytest.mark.parametrize("reply,expected", [
    pytest.param("Das Landratsamt wies die Vorwürfe am Dienstag entschieden zurück.",
                 ("Landratsamt", "denied"), id="frame-denial"),
    pytest.param('„Das ist frei erfunden“, sagte Peter Falk am Abend vor dem Kreistag.',
                 ("Falk", "denied"), id="reply-words"),
    pytest.param("Das bestätigte am Dienstag auch Peter Falk selbst in einem Telefonat mit dem Sender.",
                 ("Falk", "confirmed"), id="das-back-reference"),
    pytest.param('„Unser Mandant hat nie Spenden einer Baufirma angenommen, das ist falsch“, schreibt ein Anwalt im Auftrag von Peter Falk.',
                 ("Falk", "denied"), id="on-behalf"),
])
def test_explicit_reaction_is_found(analyze_text, reply, expected):
    a = analyze_text(article(CLAIM, reply))
    who, status = expected
    assert any(who in name and s == status for name, s in reactions(a)), reactions(a)


def test_coordinated_reacting_subjects_each_react(analyze_text):
    a = analyze_text(article(
        CLAIM,
        "Sowohl Peter Falk als auch Anna Roth weisen diese Darstellung am Montag entschieden zurück.",
    ))
    names = {name for name, status in reactions(a) if status == "denied"}
    assert any("Falk" in n for n in names) and any("Roth" in n for n in names), names


def test_denial_with_its_own_content_needs_no_earlier_claim(analyze_text):
    a = analyze_text(article(
        "Der Bürgermeister Jan Kruse bestritt am Montag, Geld von der Baufirma angenommen zu haben.",
    ))
    assert any("Kruse" in name and status == "denied" for name, status in reactions(a)), reactions(a)


def test_answer_opening_with_its_verdict_answers_what_came_before(analyze_text):
    a = analyze_text(article(
        "Im Sommer bezahlte die Baufirma Weber den gesamten Wahlkampf des Landrats Peter Falk in Celle.",
        '„Absolut richtig, das war im Sommer so abgesprochen“, sagte Peter Falk am Abend am Telefon.',
    ))
    assert any("Falk" in name and status == "confirmed" for name, status in reactions(a)), reactions(a)


def test_confession_of_a_reported_charge_confirms_it(analyze_text):
    a = analyze_text(article(
        "Die Zeitung „Nordblatt“ berichtet, der Reporter Tim Hagen habe seine Geschichte über den Landrat erfunden.",
        "Tim Hagen gestand am Freitag, die Geschichte über den Landrat weitgehend erfunden zu haben.",
    ))
    assert any("Hagen" in name and status == "confirmed" for name, status in reactions(a)), reactions(a)
    assert not any(status == "denied" for _, status in reactions(a))  # "erfunden" is what he admits


def test_admission_without_a_reported_claim_is_no_reaction(analyze_text):
    a = analyze_text(article(
        "Der Reporter Tim Hagen gestand am Freitag, bei der Recherche über den Landrat Fehler gemacht zu haben.",
    ))
    assert reactions(a) == set()


@pytest.mark.parametrize("sentence", [
    pytest.param("Die Opposition im Kreistag kritisierte die Pläne des Landrats am Dienstag scharf.", id="criticism"),
    pytest.param("Die Gewerkschaft wirft dem Landrat vor, die Löhne der Angestellten zu drücken.", id="accusation"),
    pytest.param('„Das ist der falsche Weg für den Landkreis“, sagte die Fraktionschefin Eva Lang.', id="evaluation"),
    pytest.param("Das Gericht stellte am Mittwoch fest, dass der Vertrag mit der Baufirma ungültig ist.", id="court-finding"),
    pytest.param("Die Polizei bestätigte am Abend einen schweren Unfall auf der Autobahn bei Celle.", id="confirming-an-event"),
    pytest.param("Der Landrat lehnte den Antrag der Grünen auf einen neuen Radweg am Montag ab.", id="rejecting-a-motion"),
])
def test_no_reaction_without_an_answer_to_a_claim(analyze_text, sentence):
    a = analyze_text(article(sentence))
    assert reactions(a) == set()


def test_criticism_after_a_claim_is_no_reaction(analyze_text):
    a = analyze_text(article(
        CLAIM,
        "Die Opposition im Kreistag kritisierte den Landrat Peter Falk am Dienstag scharf für seinen Wahlkampf.",
    ))
    assert reactions(a) == set()


# --- the eval's matching rule (ANNOTATION.md §2) and reaction scoring ---------------------------

@pytest.mark.parametrize("pred,gold,ok", [
    ("Peskow", "Dmitri Peskow", True),
    ("die Polizei", "Polizei", True),
    ("Gericht", "Gericht in Den Haag", True),
    ("Dmitri Peskow", "Peskow", False),  # only the shorter predicted form counts
    ("Peter Falk", "Anna Roth", False),
    (None, None, True),
    ("Falk", None, False),
])
def test_names_match(pred, gold, ok):
    from quellenlage.eval.matching import names_match

    assert names_match(pred, gold) is ok


def test_reactions_scored_by_reactor_and_status():
    from quellenlage.eval.claims import score_claims_check
    from quellenlage.schema import Analysis, Claim, HeadlineCheck, HeadlineFinding, Reaction, Speaker

    text = "Kopf\nDer Landrat bestreitet das. Falk bestätigt es."
    def reaction(name: str, status: str, start: int, end: int) -> Reaction:
        return Reaction(by=Speaker(name=name, type="person"), status=status, text=text[start:end], start=start, end=end)

    a = Analysis(
        text=text,
        claims=[Claim(id="c1", text="x", start=0, end=4, status="rumour", reactions=[
            reaction("Falk", "denied", 5, 32), reaction("Falk", "confirmed", 33, 49), reaction("Roth", "denied", 5, 32),
        ])],
        headline_check=HeadlineCheck(text="Kopf", findings=[
            HeadlineFinding(assertion="Kopf", start=0, end=4, verdict="not_in_body", why="-"),
        ]),
    )
    gold = {"headline": "Kopf", "findings": [{"assertion": "Kopf", "verdict": "supported"}],
            "reactions": [{"by": "Peter Falk", "status": "denied", "evidence": "Der Landrat bestreitet das."}]}
    s = score_claims_check(gold, a)
    assert (s.reactions.tp, s.reactions.n_pred, s.reactions.n_gold) == (1, 3, 1)
    assert s.headline_found.correct == 1 and s.fair_flagged.correct == 0 and s.verdicts.correct == 0


def test_claims_gold_is_read_beside_the_gold_file(tmp_path):
    """`quellenlage eval` reads NAME.claims.json when present and scores the headline check."""
    from quellenlage.eval.gold import evaluate_gold
    from quellenlage.schema import Analysis, HeadlineCheck, HeadlineFinding

    text = "Kopf der Seite\nDer Text sagt etwas.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.gold.json").write_text('{"lines": {}, "quotes": [], "sources": []}', encoding="utf-8")
    (tmp_path / "a.claims.json").write_text(
        '{"id": "a", "headline": "Kopf  der Seite", "findings": '
        '[{"assertion": "Kopf der Seite", "verdict": "supported", "why": "-"}], "reactions": []}',
        encoding="utf-8",
    )
    flagged = Analysis(text=text, headline_check=HeadlineCheck(text="Kopf der Seite", findings=[
        HeadlineFinding(assertion="Kopf der Seite", start=0, end=14, verdict="unsupported_as_fact", why="-"),
    ]))
    report = evaluate_gold(tmp_path, analyze_many=lambda texts: iter([flagged for _ in texts]))
    scores = report.overall.claims_check
    assert scores.headline_found.correct == 1  # whitespace is normalised
    assert (scores.fair_flagged.correct, scores.fair_flagged.total) == (1, 1)
    assert scores.verdicts.correct == 0


def test_gold_headline_injection_moves_the_headline_role():
    from types import SimpleNamespace

    from quellenlage.eval.claims import _inject_headline
    from quellenlage.schema import Line

    lines = [
        Line(index=0, role="headline", text="Politik", start=0),
        Line(index=1, role="paragraph", text="Der echte Titel", start=8),
        Line(index=2, role="paragraph", text="Ein Satz im Text.", start=24),
    ]
    doc = SimpleNamespace(_=SimpleNamespace(lines=lines))
    gold = {"lines": {"0": "section", "1": "headline", "2": "paragraph"}, "claims_check": {"headline": "Der echte Titel"}}
    _inject_headline(doc, gold)
    assert [line.role for line in lines] == ["section", "headline", "paragraph"]


# --- who reacts: coordinated speakers, "beide", pronouns; yes and no; hearsay about oneself ----

def test_each_person_of_a_coordinated_quote_speaker_reacts(analyze_text):
    a = analyze_text(article(
        "Die Zeitung „Nordblatt“ berichtet, der Landrat Peter Falk und die Kassenwartin Anna Roth hätten Spenden einer Baufirma angenommen.",
        "Falk und Roth sagen, das sei frei erfunden.",
    ))
    denied = {name for name, status in reactions(a) if status == "denied"}
    assert any("Falk" in n and "Roth" not in n for n in denied), denied
    assert any("Roth" in n and "Falk" not in n for n in denied), denied


@pytest.mark.parametrize("paragraph,who", [
    pytest.param("Die Reporterin zeigt den beiden Fahrern ein Foto und fragt sie, ob sie den Landrat kennen. Beide sagen Nein.",
                 "die beiden Fahrer", id="dative-plural"),
    pytest.param("Die beiden Zeugen werden von der Reporterin gefragt, ob sie den Landrat kennen. Beide sagen Nein.",
                 "die beiden Zeugen", id="nominative"),
])
def test_beide_names_the_two_it_stands_for(analyze_text, paragraph, who):
    a = analyze_text(article(CLAIM, paragraph))
    assert (who, "denied") in reactions(a), reactions(a)


def test_beide_without_two_named_before_is_no_reactor(analyze_text):
    a = analyze_text(article(CLAIM, "Beide sagen Nein."))
    assert not any(name.lower() == "beide" for name, _ in reactions(a)), reactions(a)


@pytest.mark.parametrize("answer,status", [
    pytest.param("Ja, das sei er, sagt Falk.", "confirmed", id="ja-konjunktiv"),
    pytest.param("Nein, das stimme nicht, sagt Falk.", "denied", id="nein"),
    pytest.param("„Ja, das ist richtig“, sagt Falk.", "confirmed", id="ja-direct"),
])
def test_reported_yes_or_no_answers_the_question_of_fact(analyze_text, answer, status):
    a = analyze_text(article(
        f"Wir fragen Peter Falk in Celle, ob er der Vorsitzende des Vereins sei. {answer}",
    ))
    assert ("Peter Falk", status) in reactions(a), reactions(a)


def test_yes_followed_by_not_is_no_confirmation(analyze_text):
    a = analyze_text(article(
        "Wir fragen Peter Falk in Celle, ob er der Vorsitzende des Vereins sei. Ja, das sei so nicht richtig, sagt Falk.",
    ))
    assert ("Peter Falk", "confirmed") not in reactions(a), reactions(a)


@pytest.mark.parametrize("paragraph", [
    pytest.param("Die Grünen im Kreistag sagen Ja zur neuen Umgehungsstraße.", id="ja-zu-a-plan"),
    pytest.param('„Nein, das überlassen wir den Sendern“, sagte der Vorstand Jan Kruse über die Werbung.', id="nein-about-plans"),
    pytest.param('„Ja, wir wollen die Straße bauen“, sagte die Fraktionschefin Eva Lang.', id="ja-to-a-plan"),
])
def test_yes_or_no_about_plans_is_no_reaction(analyze_text, paragraph):
    a = analyze_text(article(CLAIM, paragraph))
    assert not any(s in ("confirmed", "denied") and ("Kruse" in n or "Lang" in n or "Grünen" in n)
                   for n, s in reactions(a)), reactions(a)


def test_denying_what_others_say_one_said(analyze_text):
    a = analyze_text(article(
        "So soll der Landrat Peter Falk auf einer Sitzung gesagt haben, dass die Baufirma den Wahlkampf bezahle. "
        "Das erklärte der frühere Kassenwart Tim Hagen.",
        "Falk sagt, er habe nichts Derartiges gesagt.",
    ))
    assert ("Peter Falk", "denied") in reactions(a), reactions(a)


def test_own_statement_is_not_denied_by_its_speaker(analyze_text):
    a = analyze_text(article(
        "Der Landrat Peter Falk sagte auf einer Sitzung, dass die Baufirma den Wahlkampf bezahle.",
        "Falk sagt, er habe nichts Derartiges gesagt.",
    ))
    assert reactions(a) == set(), reactions(a)


def test_a_denial_summed_up_and_told_again_is_one_reaction(analyze_text):
    a = analyze_text(article(
        CLAIM,
        "Sowohl Falk als auch Roth behaupten, nichts von den Spenden der Baufirma gewusst zu haben.",
        "Der Landrat Peter Falk bestritt am Montag erneut, von den Spenden der Baufirma gewusst zu haben.",
    ))
    falk = {(r.start, r.end) for c in a.claims for r in c.reactions if "Falk" in r.by.name and r.status == "denied"}
    assert len(falk) == 1, falk
    assert any("Roth" in n and s == "denied" for n, s in reactions(a)), reactions(a)


def test_the_answer_after_a_reported_question_is_the_asked_persons(analyze_text):
    a = analyze_text(article(
        "Nächster Anruf in Celle. Peter Falk geht ans Telefon. Ob er der Vorsitzende des Vereins sei? Ja, das sei er.",
    ))
    assert ("Peter Falk", "confirmed") in reactions(a), reactions(a)


def test_an_answer_naming_its_own_speaker_keeps_it(analyze_text):
    a = analyze_text(article(
        "Der Landrat Peter Falk sagte, die Baufirma habe gezahlt. Ob er das wisse? Ja, das sei sicher, sagte sein Sprecher Jan Kruse.",
    ))
    assert not any("Falk" in n for n, _ in reactions(a)), reactions(a)


def test_confession_answers_the_charges_against_its_speaker(analyze_text):
    a = analyze_text(article(
        "Die Vorwürfe gegen den Reporter Tim Hagen wiegen schwer. Am Montag konfrontiert ihn der Chef damit.",
        "Am Nachmittag gesteht Hagen, die Geschichte über den Landrat weitgehend erfunden zu haben.",
    ))
    assert ("Tim Hagen", "confirmed") in reactions(a), reactions(a)


def test_confession_after_charges_against_someone_else_is_no_reaction(analyze_text):
    a = analyze_text(article(
        "Die Vorwürfe gegen den Landrat Peter Falk wiegen schwer.",
        "Der Reporter Tim Hagen gestand am Freitag, bei der Recherche über den Landrat Fehler gemacht zu haben.",
    ))
    assert not any("Hagen" in n for n, _ in reactions(a)), reactions(a)


def test_a_version_in_contradiction_to_what_a_source_holds_is_disputed_by_it(analyze_text):
    a = analyze_text(article(
        "Der Landrat Peter Falk bestreitet, Geld von der Baufirma angenommen zu haben. "
        "Seine Darstellung steht damit im Widerspruch zu Unterlagen, die dem Sender NDR vorliegen.",
    ))
    assert ("NDR", "disputed") in reactions(a), reactions(a)


def test_plans_in_contradiction_to_goals_are_no_reaction(analyze_text):
    a = analyze_text(article("Die Pläne des Landrats Peter Falk stehen im Widerspruch zu den Klimazielen des NDR."))
    assert reactions(a) == set(), reactions(a)


@pytest.mark.parametrize("confession", [
    "Am Nachmittag gesteht Hagen, mehrere andere Geschichten über den Kreistag erfunden zu haben.",
    "Hagen kommt am Nachmittag. Und er gesteht, mehrere weitere Geschichten über den Kreistag erfunden zu haben.",
])
def test_confessing_other_deeds_than_the_charged_is_no_reaction(analyze_text, confession):
    a = analyze_text(article(
        "Die Vorwürfe gegen den Reporter Tim Hagen wiegen schwer. Am Montag konfrontiert ihn der Chef damit.",
        confession,
    ))
    assert not any(s == "confirmed" for _, s in reactions(a)), reactions(a)


def test_beide_after_two_named_people_is_each_of_them(analyze_text):
    a = analyze_text(article(
        "Das „Nordblatt“ berichtet, der Landrat Peter Falk und die Kassenwartin Anna Roth hätten Spenden angenommen. "
        "Wir fragen Peter Falk und Anna Roth am Montag danach. Beide bestreiten das entschieden.",
    ))
    denied = {n for n, s in reactions(a) if s == "denied"}
    assert {"Peter Falk", "Anna Roth"} <= denied, reactions(a)


@pytest.mark.parametrize("reply", [
    "Falk sagte am Montag, der Brief sei eine Fälschung.",
    "Die Unterlagen des Nordblatts seien gefälscht, sagte Falk am Montag.",
])
def test_calling_the_source_of_a_claim_forged_disputes_it(analyze_text, reply):
    a = analyze_text(article(
        "Das „Nordblatt“ berichtet unter Berufung auf einen Brief, der Landrat Peter Falk habe Spenden einer Baufirma angenommen.",
        reply,
    ))
    assert ("Peter Falk", "disputed") in reactions(a), reactions(a)


def test_a_finding_of_manipulation_is_no_reaction(analyze_text):
    a = analyze_text(article("Die Polizei stellte am Montag fest, dass der Tacho des Wagens manipuliert worden war."))
    assert reactions(a) == set(), reactions(a)


@pytest.mark.parametrize("title,who", [
    pytest.param("Vereinsvorsitzende", "Jan Kruse", id="the-role-as-a-compound-title"),
    pytest.param("Parteivorsitzende", "der Vorsitzende des Vereins", id="another-organisation"),
])
def test_a_role_with_its_organisation_is_the_person_titled_so(analyze_text, title, who):
    a = analyze_text(article(
        "Das „Nordblatt“ berichtet, der Verein habe die Partei über die Anzeigen informiert.",
        f"Der Vorsitzende des Vereins stritt ab, die Partei über die Anzeigen informiert zu haben. "
        f"Die Partei kenne er gar nicht, sagt der {title} Jan Kruse.",
    ))
    assert (who, "denied") in reactions(a), reactions(a)


@pytest.mark.parametrize("reply,expected", [
    pytest.param("Falk wies die Vorwürfe am Dienstag entschieden von sich.", ("Peter Falk", "denied"), id="von-sich-weisen"),
    pytest.param("Falk stellte das am Dienstag entschieden in Abrede.", ("Peter Falk", "denied"), id="in-abrede-stellen"),
    pytest.param("Die Kassenwartin Anna Roth stellte die Angaben des Blattes am Dienstag in Frage.",
                 ("Anna Roth", "disputed"), id="in-frage-stellen"),
    pytest.param("Die Kassenwartin Anna Roth zog die Angaben des Blattes am Dienstag in Zweifel.",
                 ("Anna Roth", "disputed"), id="in-zweifel-ziehen"),
])
def test_answers_with_a_phrase_at_the_clause_end(analyze_text, reply, expected):
    a = analyze_text(article(CLAIM, reply))
    assert expected in reactions(a), reactions(a)


def test_questioning_a_plan_is_no_reaction(analyze_text):
    a = analyze_text(article("Der Bürgermeister stellte die Pläne für das Hallenbad am Dienstag in Frage."))
    assert reactions(a) == set(), reactions(a)
