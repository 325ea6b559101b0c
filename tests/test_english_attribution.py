"""English attribution (quellenlage/lang/en): direct and reported speech, speakers, entities,
on sentences written for these tests."""

from __future__ import annotations

import pytest

from quellenlage import analyze_many
from quellenlage.lang.en.quotes import pair_quotes
from quellenlage.settings import Settings


@pytest.fixture(scope="module")
def analyze():
    def run(text: str):
        return next(iter(analyze_many([text], Settings(language="en"))))

    return run


def quotes(analysis):
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in analysis.quotes]


def find(analysis, text: str):
    hits = [q for q in analysis.quotes if q.text == text]
    assert hits, f"no quote {text!r} in {quotes(analysis)}"
    return hits[0]


def test_pair_quotes_styles():
    assert pair_quotes("He said “yes” and “no”.")[0] == [(9, 12), (19, 21)]
    assert pair_quotes('He said "yes, we can" today.')[0] == [(9, 20)]
    spans, unclosed = pair_quotes("“This paragraph goes on")
    assert unclosed and spans == [(1, 23)]
    assert pair_quotes("Critics called it ‘a very bad deal’ on Monday.")[0] == [(19, 34)]
    assert pair_quotes("Don't say it's over.")[0] == []  # apostrophes are no quotes


def test_direct_quote_frame_after_with_apposition(analyze):
    a = analyze("“We will win this fight,” said Jane Doe, a spokeswoman for the ministry.\n")
    q = find(a, "We will win this fight")
    assert q.kind == "direct" and q.speaker.name == "Jane Doe" and q.speaker.type == "person"
    assert q.cue.text == "said"


def test_direct_quote_frame_before_with_colon_and_title(analyze):
    a = analyze("Senator John Smith spoke in Ohio.\n\nMr. Smith said: “This is a disaster for the country.”\n")
    q = find(a, "This is a disaster for the country.")
    assert q.kind == "direct" and q.speaker.name == "John Smith"


def test_interrupted_quote_gives_two_spans_of_one_speaker(analyze):
    a = analyze("Mary Jones, the mayor, spoke on Friday.\n\n“We will win the vote,” she said, “and we will win it soon.”\n")
    first, second = find(a, "We will win the vote"), find(a, "and we will win it soon.")
    assert first.speaker.name == second.speaker.name == "Mary Jones"
    assert first.speaker_mention.text == "she"


def test_quote_paragraph_continues_the_speaker_before(analyze):
    a = analyze(
        "“The budget is a mess,” Senator Tom Baker said on Tuesday.\n\n“Nobody in this town wants to admit how bad it is.”\n"
    )
    q = find(a, "Nobody in this town wants to admit how bad it is.")
    assert q.speaker.name == "Tom Baker" and q.rule == "en_continued"


def test_scare_quotes_and_titles_are_no_quotes(analyze):
    a = analyze("He appeared on “Saturday Night Live” and called the idea “silly”.\n")
    assert not any(q.text.startswith("Saturday") for q in a.quotes)


def test_reported_speech_that_clause(analyze):
    a = analyze("The governor, Anna Lee, told reporters on Monday that the state would not raise taxes.\n")
    q = find(a, "that the state would not raise taxes")
    assert q.kind == "indirect" and q.speaker.name == "Anna Lee" and q.cue.text == "told"


def test_reported_speech_content_before_frame(analyze):
    a = analyze("Senator John Smith visited the plant.\n\nThe plan will fail, Smith said.\n")
    q = find(a, "The plan will fail")
    assert q.kind == "indirect" and q.speaker.name == "John Smith" and q.cue.text == "said"


@pytest.mark.parametrize("verb", ["claimed", "denied", "warned", "argued", "insisted", "acknowledged"])
def test_reported_speech_verbs(analyze, verb):
    a = analyze(f"Robert King {verb} that the company had broken the law.\n")
    q = find(a, "that the company had broken the law")
    assert q.speaker.name == "Robert King" and q.cue.text == verb and q.rule == "en_verb"


def test_belief_has_its_own_rule(analyze):
    a = analyze("Laura Chen believes that the market will recover next year.\n")
    q = find(a, "that the market will recover next year")
    assert q.rule == "en_belief" and q.speaker.name == "Laura Chen"


def test_according_to_an_anonymous_source(analyze):
    a = analyze("According to people familiar with the matter, the deal is off.\n")
    q = find(a, "the deal is off")
    assert q.speaker.type == "anonymous" and q.speaker.name == "people familiar with the matter"
    assert q.rule == "en_according"


def test_relative_clause_subject(analyze):
    a = analyze("Peter Hall, who leads the union, said the strike would continue.\n")
    q = find(a, "the strike would continue")
    assert q.speaker.name == "Peter Hall"


def test_passive_without_agent_has_no_speaker(analyze):
    a = analyze("It was reported that the talks had collapsed.\n")
    q = find(a, "that the talks had collapsed")
    assert q.speaker is None and q.rule == "en_passive"


def test_noun_frame(analyze):
    a = analyze("Dan Ford repeated his claim that the election was rigged.\n")
    q = find(a, "that the election was rigged")
    assert q.speaker.name == "Dan Ford"


def test_infinitive_promise(analyze):
    a = analyze("Hillary Clinton promised to raise taxes on the rich.\n")
    q = find(a, "to raise taxes on the rich")
    assert q.rule == "en_infinitive" and q.speaker.name == "Hillary Clinton"


def test_via_chain(analyze):
    a = analyze("The New York Times reported that officials said the deal was dead.\n")
    q = find(a, "the deal was dead")
    assert q.speaker.type == "anonymous" and q.via == ["The New York Times"]


def test_role_noun_resolves_to_person(analyze):
    a = analyze("Senator John Smith arrived late.\n\nThe senator said the bill would pass.\n")
    assert find(a, "the bill would pass").speaker.name == "John Smith"


def test_pronoun_agrees_in_gender(analyze):
    a = analyze("Mrs. Susan Miller met Mr. David Brown on Monday.\n\nShe said the meeting went well.\n")
    assert find(a, "the meeting went well").speaker.name == "Susan Miller"


def test_headline_colon_frame(analyze):
    a = analyze("Poll: Voters Turn Against the Tax Plan\n\nThe survey was taken in May.\n")
    q = find(a, "Voters Turn Against the Tax Plan")
    assert q.kind == "indirect" and q.speaker.name == "Poll"


def test_call_for(analyze):
    a = analyze("Bernie Sanders called for a new investigation into the banks.\n")
    q = find(a, "a new investigation into the banks")
    assert q.rule == "en_call_for" and q.speaker.name == "Bernie Sanders"


def test_media_source_and_entities(analyze):
    a = analyze("CNN reported that the senator would resign.\n\nJohn Smith did not comment. Smith left.\n")
    q = find(a, "that the senator would resign")
    assert q.speaker.name == "CNN" and q.speaker.type == "media"
    assert ("CNN", "media") in [(s.name, s.type) for s in a.sources]


def test_partial_quote_takes_the_clause_subject(analyze):
    a = analyze("Ted Cruz attacked the “New York values” of his rival.\n")
    q = find(a, "New York values")
    assert q.speaker.name == "Ted Cruz" and q.rule == "en_partial"


def test_an_anonymous_description_is_named_without_its_relative_clause(analyze):
    a = analyze(
        "A senior official at the agency who spoke on condition of anonymity because he was not "
        "authorized to discuss the matter said that the minister had called him twice."
    )
    q = find(a, "that the minister had called him twice")
    assert (q.speaker.name, q.speaker.type) == ("A senior official at the agency", "anonymous")


@pytest.mark.parametrize(
    "text, content, speaker, kind",
    [
        ("The mayor approved the deal in secret, according to a report in The Guardian on Sunday.",
         "The mayor approved the deal in secret", "The Guardian", "media"),
        ("According to a report by Reuters, the factory will close in June.", "the factory will close in June", "Reuters", None),
        ("According to a report, the factory will close in June.", "the factory will close in June", "a report", "document"),
    ],
)
def test_a_document_speaks_for_its_named_author(analyze, text, content, speaker, kind):
    q = find(analyze(text), content)
    assert q.speaker.name == speaker
    assert kind is None or q.speaker.type == kind


def test_a_pronoun_skips_the_people_a_quote_talks_about(analyze):
    a = analyze('Senator John Reed spoke to voters in Dayton on Tuesday. "Nobody trusts Mark Evans any more," he said.')
    assert find(a, "Nobody trusts Mark Evans any more").speaker.name == "John Reed"


def test_a_passive_after_a_clause_is_not_its_frame(analyze):
    a = analyze("Lee, 35, is charged with two counts of fraud; Park, 40, is charged with one.")
    assert not a.quotes
    b = analyze("The bridge will stay closed until June, the mayor said.")
    assert find(b, "The bridge will stay closed until June").speaker.name == "the mayor"


@pytest.mark.parametrize("text, content, speaker", [
    ("Lee signed false certifications, according to court records.", "Lee signed false certifications", "court records"),
    ("According to the indictment, Lee lied to investigators.", "Lee lied to investigators", "the indictment"),
])
def test_records_and_filings_are_documents(analyze, text, content, speaker):
    q = find(analyze(text), content)
    assert (q.speaker.name, q.speaker.type) == (speaker, "document")


def test_the_tail_of_a_fuller_name_is_the_same_person(analyze):
    a = analyze("The minister put Kathleen Hawk Sawyer in charge. Hawk Sawyer said the agency would recover.")
    assert [e.name for e in a.entities if e.type == "person"] == ["Kathleen Hawk Sawyer"]
    assert find(a, "the agency would recover").speaker.name == "Kathleen Hawk Sawyer"


def test_a_quoted_phrase_inside_reported_speech_has_the_reporters_speaker(analyze):
    a = analyze('Colonel Anne Vega told lawmakers it was her "duty" to report the call to the Army lawyers.')
    report = next(q for q in a.quotes if q.kind == "indirect")
    partial = find(a, "duty")
    assert report.speaker.name == partial.speaker.name == "Anne Vega"


def test_a_hyphenated_name_is_printed_as_written(analyze):
    a = analyze("Eva-Marie Persson said the decision had been taken after interviews with seven witnesses.")
    assert find(a, "the decision had been taken after interviews with seven witnesses").speaker.name == "Eva-Marie Persson"


@pytest.mark.parametrize("text", ["A spokesman for the ministry declined to comment.", "The mayor refused to say more on Friday."])
def test_a_refusal_to_speak_is_no_quote(analyze, text):
    assert not analyze(text).quotes


def test_a_promise_is_reported(analyze):
    assert find(analyze("The mayor promised to cut the water rates."), "to cut the water rates").speaker.name == "The mayor"


@pytest.mark.parametrize("text", [
    "The committee opens a review of the pipeline deal; the senator's office denies any wrongdoing.",
    "The committee opens a review of the pipeline deal, the senator's office denies any wrongdoing.",
])
def test_a_verb_with_its_own_object_is_no_frame_of_the_clause_before(analyze, text):
    assert not any(q.text.startswith("The committee opens") for q in analyze(text).quotes)

def test_two_apostrophes_are_one_quotation_mark(analyze):
    assert pair_quotes("''We will win,'' she said of the leaders' plan.")[0] == [(2, 14)]
    a = analyze(
        "Senator Ann Fields spoke in Dayton.\n\n''The mill will reopen,'' Ms. Fields said. ''We have the money.''\n\n"
        "''Nobody believed us\n\n''But here we are.''\n"
    )
    assert find(a, "The mill will reopen").kind == "direct"
    assert find(a, "We have the money.").speaker.name == "Ann Fields"
    assert find(a, "Nobody believed us\n\n''But here we are.").kind == "direct"  # one quotation over two paragraphs


@pytest.mark.parametrize(
    "text, content",
    [
        # a frame inside the sentence stays inside the span
        ("The new budget, Senator Lisa Grant said, will cut school funding.",
         "The new budget, Senator Lisa Grant said, will cut school funding"),
        ("Over the coming months, Lisa Grant noted, the deficit will grow.",
         "Over the coming months, Lisa Grant noted, the deficit will grow"),
        # a frame at an edge is left out
        ("The deficit will grow next year, Lisa Grant warned.", "The deficit will grow next year"),
        ("As Lisa Grant noted on Monday, the deficit will grow next year.", "the deficit will grow next year"),
    ],
)
def test_a_frame_set_into_the_clause_it_reports(analyze, text, content):
    q = find(analyze(text), content)
    assert q.kind == "indirect" and q.speaker.name == "Lisa Grant"


def test_as_of_time_or_reason_is_no_frame(analyze):
    a = analyze("The crowd cheered as Lisa Grant replied.\n\nPrices rose, as buyers responded to the shortage.\n")
    assert a.quotes == []


@pytest.mark.parametrize(
    "text, content",
    [
        ("Mayor Tom Reed urged voters to reject the new tax.", "to reject the new tax"),
        ("Mayor Tom Reed called on the council not to close the library.", "not to close the library"),
        ("Mayor Tom Reed accused the company of hiding the accident.", "of hiding the accident"),
        ("Mayor Tom Reed denied having met the developer.", "having met the developer"),
        ("Mayor Tom Reed asked the governor whether the plant would close.", "whether the plant would close"),
    ],
)
def test_non_finite_and_question_contents(analyze, text, content):
    q = find(analyze(text), content)
    assert q.kind == "indirect" and q.speaker.name == "Tom Reed"


def test_a_noun_phrase_after_accuse_is_no_quote(analyze):
    assert analyze("Mayor Tom Reed accused the company of fraud.").quotes == []


def test_a_coordinated_report_is_a_quote_of_its_own(analyze):
    a = analyze("Mayor Tom Reed spoke on Monday, urging voters to stay calm and promising to rebuild the bridge.")
    assert find(a, "to stay calm").speaker.name == "Tom Reed"
    assert find(a, "to rebuild the bridge").rule == "en_infinitive"


def test_a_reported_clause_goes_on_after_the_parser_hung_it_on_the_verb(analyze):
    a = analyze(
        "A spokesman for the agency said the inquiry had nothing to do with the election, had started "
        "in 2014 and been suspended in July.\n"
    )
    q = find(a, "the inquiry had nothing to do with the election, had started in 2014 and been suspended in July")
    assert q.speaker.type == "anonymous"


def test_according_to_covers_the_whole_coordinated_clause(analyze):
    a = analyze("The team is led by two strategists and includes a data firm, according to people familiar with the effort.")
    assert find(a, "The team is led by two strategists and includes a data firm").rule == "en_according"


def test_a_gerund_frame_after_a_preposition_takes_the_main_clause_subject(analyze):
    a = analyze("Since announcing in May that she would not run again, Governor Kate Moss has stayed quiet.")
    assert find(a, "that she would not run again").speaker.name == "Kate Moss"


def test_a_dateline_is_no_speaker(analyze):
    a = analyze("DENVER, May 3 (AP) — Former Senator Paul Black told delegates that the party had lost its way.")
    assert find(a, "that the party had lost its way").speaker.name == "Paul Black"


def test_a_programme_title_after_a_possessive_is_no_quote(analyze):
    a = analyze("Senator Ann Fields said on NBC's ''Meet the Press'' on Sunday that the bill would pass.")
    assert not any(q.text.startswith("Meet") for q in a.quotes)
    # the parser takes the title for a verb; the that-clause is still her report
    assert find(a, "that the bill would pass").speaker.name == "Ann Fields"


def test_a_closing_frame_reports_the_whole_sentence(analyze):
    a = analyze(
        "A company called Blue Harbor gave $5,000 to the committee on June 27, 2014, and another $9,000 "
        "a month later, campaign finance records show.\n"
    )
    q = find(a, "A company called Blue Harbor gave $5,000 to the committee on June 27, 2014, and another $9,000 a month later")
    assert q.cue.text == "show" and q.speaker_mention.text == "campaign finance records"


def test_no_closing_frame_without_a_verb_of_report(analyze):
    assert analyze("The dog barked at the man, and the neighbours went home.").quotes == []
    assert analyze("Then, last week, Eric Hall called.").quotes == []  # no clause before the frame
    assert analyze("On his wall, the writer Mark Singer has a framed, handwritten note.").quotes == []  # a noun


def test_a_report_made_inside_another_report_is_kept(analyze):
    a = analyze(
        "Senator Kelly Ayres says she will vote for the bill but has withheld her support, conceding "
        "that she does not feel comfortable with its cost."
    )
    assert find(a, "that she does not feel comfortable with its cost").cue.text == "conceding"


def test_accusing_coordinated_objects(analyze):
    a = analyze("Mayor Tom Reed accused the press and the council of distorting his words.")
    assert find(a, "of distorting his words").speaker.name == "Tom Reed"


def test_a_belief_without_a_thinker_is_no_quote(analyze):
    assert analyze("It is hard to see how the senator wins the state in November.").quotes == []
    assert find(analyze("It is widely believed that the senator will win."), "that the senator will win").rule == "en_passive"


def test_transcript_turns_are_direct_quotes_of_their_label(analyze):
    a = analyze(
        "Partial transcript as follows:\n\n"
        "DANA REED: The governor released a plan on Friday. Take a look.\n\n"
        "REED: Do you think the plan will work?\n\n"
        "MOSS: Well, I think the whole state needs to work together on it.\n"
    )
    q = find(a, "Well, I think the whole state needs to work together on it.")
    assert q.kind == "direct" and q.speaker.name == "MOSS" and q.rule == "en_transcript"
    assert find(a, "The governor released a plan on Friday. Take a look.").speaker.name == "DANA REED"
    assert not any(q.text.startswith("Do you think") for q in a.quotes)  # the interviewer's question
    assert not any(q.rule == "en_belief" for q in a.quotes if q.text.startswith("the whole state"))


def test_one_label_line_is_no_transcript(analyze):
    a = analyze("Update: The senator resigned on Monday.\n\nSenator Ann Fields said the bill would pass.\n")
    assert [q.rule for q in a.quotes] == ["en_verb"]


def test_according_to_set_off_inside_the_sentence_stays_inside_the_span(analyze):
    a = analyze("One of the options they have weighed, according to people close to the talks, is to sell the plant.")
    q = find(a, "One of the options they have weighed, according to people close to the talks, is to sell the plant")
    assert q.speaker.name == "people close to the talks" and q.rule == "en_according"


@pytest.mark.parametrize("text, content, speaker", [
    ("The death fuelled conspiracy theories suggesting he had been murdered.", "he had been murdered", "conspiracy theories"),
    ("The ministry issued a statement saying the talks had failed.", "the talks had failed", "The ministry"),
])
def test_a_participle_speaks_for_what_it_describes_unless_someone_issued_it(analyze, text, content, speaker):
    assert find(analyze(text), content).speaker.name == speaker
