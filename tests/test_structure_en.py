"""Line roles of English article text: the line cues read the English word lists
(quellenlage/lang/en/lexicons) of the text's language; the line model is the same
(texts written for these tests)."""

from quellenlage.ingest import article_from_html
from quellenlage.structure import LineClassifier
from quellenlage.structure.cues import Cues, lexicon_language
from quellenlage.structure.headline import strip_site_name

# An extracted article: few lines around the body, read by the rules.
EXTRACTED = """City council approves new bike lanes after heated debate
By Jane Doe, Associated Press
Updated 3:45 p.m. ET, November 30, 2026
5 min read
The city council voted 7-2 on Tuesday to approve a network of protected bike lanes across downtown, ending months of debate over parking and safety.
Mayor Tom Reyes said the vote was "a turning point for how we move around this city" and promised construction would start in the spring.
A cyclist rides along Main Street in Springfield. (AP Photo/John Smith)
Advertisement
Business owners on Main Street had warned that removing parking spaces would hurt their sales, and several of them spoke against the plan at the meeting.
"We are not against bikes, we are against losing our customers," said Maria Lopez, who runs a bakery near the square.
Read more: How other cities redesigned their streets for cyclists
Council member Ann Brooks, who voted against the plan, said the city had not done enough to consult residents before drawing up the routes.
The first lanes are expected to open next summer, according to the city's transportation department.
Share this article
Sign up for our newsletter
© 2026 The Springfield Times. All rights reserved."""

# A scraped page: navigation above, boxes below, read by the line model.
SCRAPED = """Skip to main content
The Springfield Times
Home
News
Politics
Business
Sports
Opinion
Subscribe
Sign in
Politics
Governor vetoes budget, setting up clash with legislature
By Mark Ellis and Priya Nair
Published November 30, 2026 6:02 AM
4 min read
Governor Linda Shaw speaks to reporters at the Capitol on Monday. Photo: Kevin Wu/Getty Images
Governor Linda Shaw on Monday vetoed the state budget passed by lawmakers last week, saying it spent too much on new programs and left too little in reserve.
The veto sets up a confrontation with the Democratic-led legislature, which needs a two-thirds majority in both chambers to override her decision.
"This budget writes checks the state cannot cash," Shaw said at a news conference, adding that she was ready to negotiate a new version within days.
Advertisement
Story continues below advertisement
Senate leader Carlos Ortega called the veto reckless and said his members would begin counting votes for an override on Tuesday morning.
Read more: Lawmakers pass budget after all-night session
Analysts said a prolonged standoff could delay payments to schools and local governments, which depend on state funds at the start of the year.
The legislature is scheduled to reconvene on Thursday, when leaders said they would decide whether to attempt an override.
Share this article
Facebook
Twitter
Email
Related
Lawmakers pass budget after all-night session
Five things to know about the state budget
Most read
Storm knocks out power to thousands
Follow us on Facebook
We use cookies to improve your experience. By continuing you agree to our cookie policy.
Privacy Policy | Terms of Use | Contact Us
© 2026 The Springfield Times. All rights reserved."""

WIRE = """Storm knocks out power to thousands along the coast
Reuters
A winter storm knocked out power to more than 80,000 homes along the coast on Sunday, utility companies said, as winds of up to 70 miles per hour toppled trees and power lines.
Crews expected to restore most connections by Monday evening, a spokesperson for the largest utility said, but warned that remote areas could wait longer.
Reporting by Anna Kowalski; Editing by Tom Hogue
Click here to get breaking news alerts"""


def roles(text, language="en"):
    return {line.text.strip(): line.role for line in LineClassifier(language).classify(text)}


def test_english_extracted_article():
    r = roles(EXTRACTED)
    assert r["City council approves new bike lanes after heated debate"] == "headline"
    assert r["By Jane Doe, Associated Press"] == "byline"
    assert r["Updated 3:45 p.m. ET, November 30, 2026"] == "byline"
    assert r["5 min read"] == "byline"
    assert r["A cyclist rides along Main Street in Springfield. (AP Photo/John Smith)"] == "caption"
    assert r["Advertisement"] == "boilerplate"
    assert r["Read more: How other cities redesigned their streets for cyclists"] == "boilerplate"
    for k in ("Share this article", "Sign up for our newsletter", "© 2026 The Springfield Times. All rights reserved."):
        assert r[k] == "boilerplate", k
    paragraphs = [t for t, role in r.items() if role == "paragraph"]
    assert len(paragraphs) == 6
    assert paragraphs[0].startswith("The city council voted")  # the lede is body, not a teaser


def test_english_scraped_page():
    r = roles(SCRAPED)
    assert r["Governor vetoes budget, setting up clash with legislature"] == "headline"
    for k in ("By Mark Ellis and Priya Nair", "Published November 30, 2026 6:02 AM", "4 min read"):
        assert r[k] == "byline", k
    assert r["Governor Linda Shaw speaks to reporters at the Capitol on Monday. Photo: Kevin Wu/Getty Images"] == "caption"
    assert r["Governor Linda Shaw on Monday vetoed the state budget passed by lawmakers last week, saying it spent too much "
             "on new programs and left too little in reserve."] == "paragraph"
    for k in ("Advertisement", "Story continues below advertisement", "Read more: Lawmakers pass budget after all-night session",
              "Skip to main content", "Share this article", "Related", "Most read", "Follow us on Facebook",
              "We use cookies to improve your experience. By continuing you agree to our cookie policy.",
              "© 2026 The Springfield Times. All rights reserved."):
        assert r[k] == "boilerplate", k
    assert sum(role == "paragraph" for role in r.values()) == 6


def test_english_agency_byline_and_alert():
    r = roles(WIRE)
    assert r["Storm knocks out power to thousands along the coast"] == "headline"
    assert r["Reuters"] == "byline"
    assert r["Click here to get breaking news alerts"] == "boilerplate"


def test_english_cues():
    cues = Cues("en")
    for line in ("Advertisement", "Share this article", "Sign up for our newsletter", "Read more: A title", "Related",
                 "We use cookies to give you the best experience", "All rights reserved", "Follow us on Instagram",
                 "Click here to subscribe"):
        assert cues.boilerplate_cue(cues.shape(0, 0, line)), line
    for line in ("Photo: Jane Doe", "(AP Photo/Evan Vucci)", "A man walks past. Getty Images", "Reuters/Kim Kyung-Hoon"):
        assert cues.is_caption(cues.shape(0, 0, line)), line
    for line in ("By Jane Doe", "Associated Press", "Reuters", "Updated 3:45 p.m. ET", "5 min read", "AP"):
        assert cues.is_byline(cues.shape(0, 0, line)), line
    assert not cues.is_byline(cues.shape(0, 0, "Reuters reported on Monday that talks had stalled"))
    assert not cues.is_caption(cues.shape(0, 0, "Reuters reported on Monday that talks had stalled."))


def test_language_of_the_cues():
    assert lexicon_language("en-US") == "en" and lexicon_language("de_AT") == "de"
    assert lexicon_language("fr") == "de" and lexicon_language(None) == "de"
    assert Cues("de").boilerplate_cue(Cues("de").shape(0, 0, "Artikel teilen")) == "share"
    assert Cues("en").boilerplate_cue(Cues("en").shape(0, 0, "Artikel teilen")) is None


def test_english_site_name_is_cut_from_the_headline():
    assert strip_site_name("Governor vetoes budget - The Springfield Herald", language="en") == "Governor vetoes budget"
    assert strip_site_name("Governor vetoes budget - BBC News", language="en") == "Governor vetoes budget"


def test_html_page_uses_its_declared_language():
    body = "".join(f"<p>{line}</p>" for line in SCRAPED.split("\n")[16:25])
    html = (f"<html lang='en-US'><head><title>Governor vetoes budget, setting up clash with legislature | Springfield Times</title></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Governor vetoes budget, setting up clash with legislature</h1>"
            f"<p>By Mark Ellis</p><p>5 min read</p>{body}<p>Share this article</p></article><footer><p>Sign up for our newsletter</p></footer></body></html>")
    article = article_from_html(html, name="en-page")
    r = {line.text.strip(): line.role for line in article.lines}
    assert r["Governor vetoes budget, setting up clash with legislature"] == "headline"
    assert r["By Mark Ellis"] == "byline"
    assert r["Advertisement"] == "boilerplate"
    assert r["Story continues below advertisement"] == "boilerplate"
    assert r["Sign up for our newsletter"] == "boilerplate"


def test_component_reads_the_lexicons_of_the_doc_language():
    import spacy

    import quellenlage.extensions  # noqa: F401 - registers doc._.lines
    import quellenlage.structure.lines  # noqa: F401 - registers the factory

    nlp = spacy.blank("en")
    nlp.add_pipe("line_classifier")
    r = {line.text.strip(): line.role for line in nlp(EXTRACTED)._.lines}
    assert r["Updated 3:45 p.m. ET, November 30, 2026"] == "byline"
    assert r["Advertisement"] == "boilerplate"
