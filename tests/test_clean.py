"""Cleaning: furniture goes, story stays, offsets lead back to the file."""

import re

import pytest

from briefgen.sources import furniture
from briefgen.sources.reader import article_from_text

STORY = """Port strike spreads to three more cities, union says

By Dana Whitlock 5 Min Read

  • Union leader Omar Feld said the strike would spread to three more cities
  • Comes after talks with the shipping association collapsed in May

Union leader Omar Feld said on Tuesday that the strike would spread to three more cities after talks collapsed.

We're now on Telegram. Click here to join.

Feld told reporters the shipping association had refused every offer since talks with the shipping association collapsed in May.

READ MORE: Dockers walk out in the north as pay row deepens

Omar Feld (pictured) told a rally on Tuesday the union would not back down

This picture taken on May 3, 2024 shows cranes idle at the harbour

Feld, left, is greeted by workers in Lisbon

Visit our news page for updates. Follow us: WhatsApp || Twitter || Facebook ||

Share This Article
Dana Whitlock is a reporter who loves the sea. #harbour
Source: Read Full Article
"""


def _article(text=STORY, **meta):
    return article_from_text(text, "S1", meta)


def test_clean_drops_furniture_keeps_story():
    text = _article().text
    for furniture_line in ("Min Read", "WhatsApp", "Telegram", "READ MORE", "(pictured)",
                           "This picture taken", "left, is greeted", "Share This Article",
                           "loves the sea", "Read Full Article"):
        assert furniture_line not in text
    assert "Feld told reporters the shipping association had refused every offer" in text
    assert "Union leader Omar Feld said on Tuesday" in text


def test_clean_drops_standfirst_bullets_covered_by_body():
    text = _article().text
    assert "Comes after talks with the shipping association collapsed" not in text
    assert not re.search(r"^\s*•", text, re.MULTILINE)


def test_clean_headline_and_author_from_text():
    article = _article()
    assert article.source.title == "Port strike spreads to three more cities, union says"
    assert article.text[: article.headline_end] == article.source.title
    assert article.source.author == "Dana Whitlock"


def test_clean_offsets_index_original_text():
    article = _article()
    for m in re.finditer(r"\S+", article.text):
        span = article.span(m.start(), m.end())
        assert article.raw[span.start:span.end] == span.text == m.group()
    # A span across a removed paragraph still starts and ends in the original.
    start = article.text.index("Union leader Omar Feld said on")
    end = article.text.index("every offer") + len("every offer")
    span = article.span(start, end)
    assert span.text.startswith("Union leader Omar Feld said on")
    assert span.text.endswith("every offer")


def test_clean_front_matter_metadata_and_config_override():
    raw = "---\ntitle: Harbour reopens\noutlet: Coast Herald\npublished: 2024-05-06\n---\nThe harbour reopened on Monday, officials said.\n"
    article = _article(raw)
    assert article.source.outlet == "Coast Herald"
    assert str(article.source.published) == "2024-05-06"
    assert article.text.startswith("Harbour reopens\n\nThe harbour reopened")
    span = article.span(0, len("Harbour reopens"))
    assert span.text == "Harbour reopens" and raw[span.start:span.end] == "Harbour reopens"
    overridden = _article(raw, outlet="Other Paper")
    assert overridden.source.outlet == "Other Paper"


def test_clean_markdown_markup_removed_with_offsets():
    raw = "# Harbour reopens\n\nThe **harbour** reopened, [officials](https://example.org) said. ![crane](x.png)\n"
    article = article_from_text(raw, "S1", {}, markdown=True)
    assert "The harbour reopened, officials said." in article.text
    start = article.text.index("officials")
    span = article.span(start, start + len("officials"))
    assert raw[span.start:span.end] == "officials"


def test_furniture_kinds():
    assert furniture.kind_of("By Ann Lee | 3 min read") == "byline"
    assert furniture.kind_of("Follow:") == "call to action"
    assert furniture.kind_of("Sign up to our newsletter here") == "call to action"
    assert furniture.kind_of("Home || World || Sport") == "link list"
    assert furniture.kind_of("RELATED: Ten things to know") == "teaser"
    assert furniture.kind_of("Smith, right, greets the minister in Rome") == "caption"
    # Ordinary story sentences are not furniture.
    assert furniture.kind_of("The minister said the talks would follow the summit in Rome.") is None
    assert furniture.kind_of("Police said the suspect posted threats on Facebook and Telegram before the attack, "
                             "and investigators were studying messages he shared with at least three other people.") is None


def test_clean_markdown_hides_scripts_comments_and_link_definitions():
    raw = ("# Harbour reopens\n\nThe mayor said<script>alert(1)</script> the harbour reopened.[^1]\n\n"
           "<script>\nalert(2)\n</script>\n"
           "<!-- editor: check\nthis -->\n[docs]: https://example.org/a \"Docs\"\n"
           "<style>p{background:url(x.png)}</style>\n[^1]: The mayor spoke on Monday.\n\n* * *\n")
    article = article_from_text(raw, "S1", {}, markdown=True)
    assert article.text == "Harbour reopens\n\nThe mayor said the harbour reopened.\n\nThe mayor spoke on Monday."
    _assert_copied(article)


def test_clean_markdown_unclosed_markup_stays_linear():
    import time

    for raw in ("[" * 200_000, "<script>\n" * 20_000, "<!--\n" * 20_000, "![a](" * 40_000):
        started = time.perf_counter()
        article_from_text("The mayor said so.\n" + raw, "S1", {}, markdown=True)
        assert time.perf_counter() - started < 3, raw[:10]


def test_clean_separator_lines_are_furniture():
    assert furniture.kind_of("* * *") == furniture.kind_of("———") == furniture.kind_of("🙂 ✔") == "separator"
    assert furniture.kind_of("2024") is None


def _assert_copied(article):
    for pos, char in enumerate(article.text):
        if char != "\n":
            assert article.raw[article.offsets.to_raw(pos)] == char


def test_clean_title_case_first_line_with_a_period_is_the_headline():
    raw = ("Harbour Board Delays Vote on Northern Pier Repairs.\n\n"
           "The harbour board postponed its vote on Tuesday, the chair said.\n")
    article = article_from_text(raw, "S1", {})
    assert article.text[:article.headline_end].strip().startswith("Harbour Board Delays Vote")


def test_clean_sentence_case_first_line_with_a_period_is_body():
    raw = ("Ana Lind and Per Holm argued over the pier on Monday.\n\n"
           "The harbour board postponed its vote on Tuesday, the chair said.\n")
    article = article_from_text(raw, "S1", {})
    assert article.headline_end == 0


@pytest.mark.parametrize("line", [
    "Holm: The pier will reopen in May.",
    "Mayor Ana Lind: 'We will not sell the harbour.'",
    "Lind to dock workers: the strike must end.",
])
def test_clean_speaker_line_with_a_period_is_the_headline(line):
    raw = line + "\n\nThe harbour board postponed its vote on Tuesday, the chair said.\n"
    article = article_from_text(raw, "S1", {})
    assert article.text[:article.headline_end].strip() == line


def test_clean_opening_sentence_with_a_colon_is_body():
    raw = ("The board had one question for the mayor: would the pier reopen in May?\n\n"
           "The harbour board postponed its vote on Tuesday, the chair said.\n")
    article = article_from_text(raw, "S1", {})
    assert article.headline_end == 0
