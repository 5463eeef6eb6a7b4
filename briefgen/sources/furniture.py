"""Rules that recognise page furniture: text a web page wraps around the story.

Each rule is general (it holds for any site): calls to share or follow,
bylines with read times, link lists, teasers, aggregator footers, photo
captions, separator lines. ``kind_of(paragraph)`` names the rule a
paragraph falls under, or None for story text. Rules that need the whole
article (repeated standfirsts, author boxes) live in ``clean.py``.
"""

from __future__ import annotations

import re

# Platforms pages ask readers to follow or share on.
PLATFORMS = (
    r"whatsapp|telegram|twitter|facebook|instagram|youtube|tiktok|linkedin|"
    r"threads|reddit|google news|snapchat|pinterest|flipboard|newsletter|rss|\bx\b"
)

_CALL_TO_ACTION = re.compile(
    r"\b(share|follow|join|subscribe|sign up|click|tap|download|visit|like us|"
    r"we(?:'|’)re (?:now )?on|find us|get the app|read the full)\b",
    re.IGNORECASE,
)
_PLATFORM = re.compile(PLATFORMS, re.IGNORECASE)
_CTA_OBJECT = re.compile(r"\b(this article|this story|here|our (?:website|page|channel|app))\b", re.IGNORECASE)

_BYLINE = re.compile(
    r"^(?:by|written by)\s+[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,4}"
    r"(?:\s*[|,·•–-]?\s*\d+\s*min(?:ute)?s?\.?\s*read)?\s*$"
    r"|^\d+\s*min(?:ute)?s?\.?\s*read$",
    re.IGNORECASE,
)
_TEASER = re.compile(
    r"^(?:read more|read also|also read|related|more|see also|recommended|watch|"
    r"listen|trending|latest|don(?:'|’)t miss)\s*:", re.IGNORECASE
)
_SOURCE_FOOTER = re.compile(r"^source\s*:\s*read (?:the )?full (?:article|story)\s*$", re.IGNORECASE)
_READ_FULL = re.compile(r"^(?:read|view|see) (?:the )?(?:full|original) (?:article|story)\b", re.IGNORECASE)

_CAPTION_PICTURED = re.compile(r"\((?:[^()]*\b)?pictured\b[^()]*\)|\b(?:is|are|was|were) pictured\b", re.IGNORECASE)
_CAPTION_PHOTO = re.compile(
    r"^(?:this|the|a|an|in this)?\s*(?:file |handout )?(?:picture|photo|photograph|image|screenshot|video still)s?\b"
    r"[^.]{0,200}?\b(?:taken|shows?|showed|released|provided|obtained|distributed)\b",
    re.IGNORECASE,
)
_CAPTION_CREDIT = re.compile(r"^(?:photo|image|picture|credit|photograph|illustration)s?\s*(?:credit)?\s*:", re.IGNORECASE)
# Positional markers of people in a photo: "Smith, right, is welcomed by ...".
_CAPTION_POSITION = re.compile(
    r",\s*(?:left|right|centre|center|second (?:left|right)|far (?:left|right)|above|below|top|bottom|"
    r"front|back)\s*,|\((?:left|right|centre|center|L|R|C|above|below|top|bottom|front|back)\)",
    re.IGNORECASE,
)
# Rules (---, * * *), ornaments and emoji lines: no letter or digit, no story.
_ALNUM = re.compile(r"[^\W_]")
_SENTENCE_END = re.compile(r"[.!?…]['\"’”)\]]*\s*$")


def _is_call_to_action(text: str) -> bool:
    # Story sentences may mention platforms; furniture is short and imperative.
    if len(text) > 220:
        return False
    if not _CALL_TO_ACTION.search(text):
        return False
    if _PLATFORM.search(text) or _CTA_OBJECT.search(text):
        return True
    # "Follow:" or "Share" alone on a line.
    return len(text.split()) <= 3


def _is_link_list(text: str) -> bool:
    if "||" in text:
        return True
    parts = [p.strip() for p in text.split("|")]
    return len(parts) >= 4 and all(len(p.split()) <= 4 for p in parts)


def _is_caption(text: str) -> bool:
    if _CAPTION_PICTURED.search(text) or _CAPTION_CREDIT.match(text):
        return True
    if _CAPTION_PHOTO.match(text) and len(text) < 400:
        return True
    # A positional marker in a line without final punctuation is a caption;
    # in a finished sentence it may be ordinary prose.
    return bool(_CAPTION_POSITION.search(text)) and not _SENTENCE_END.search(text)


_MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_DATELINE_WORDS = re.compile(
    r"\b(?:" + _MONTH + r"|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?|posted|updated|last|published|modified|created|on|at|am|pm|a\.m|p\.m"
    r"|gmt|utc|bst|cet|cest|ist|[ecmp][sd]?t|\d+(?:st|nd|rd|th|am|pm)?)\b\.?", re.IGNORECASE)
_DATELINE_DATE = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
MAX_DATELINE = 90


def is_dateline(text: str) -> bool:
    """"Posted 11/27/2005 7:21 AM", "Friday, Sep 10, 2010 | Updated 8:52 PM EDT",
    "Last Updated: Monday, 28 November 2005, 02:24 GMT": a date and time and the
    words around them, nothing else. Metadata, never a sentence of the story."""
    text = text.strip()
    if len(text) > MAX_DATELINE or not _DATELINE_DATE.search(text):
        return False
    rest = _DATELINE_WORDS.sub(" ", text)
    return not re.search(r"[^\W\d_]", rest)


def kind_of(text: str) -> str | None:
    """The furniture kind of one paragraph, or None if it is story text."""
    text = text.strip()
    if not text:
        return None
    if not _ALNUM.search(text):
        return "separator"
    if _BYLINE.match(text):
        return "byline"
    if _is_link_list(text):
        return "link list"
    if _TEASER.match(text):
        return "teaser"
    if _SOURCE_FOOTER.match(text) or (_READ_FULL.match(text) and len(text) < 80):
        return "footer"
    if _is_call_to_action(text):
        return "call to action"
    if _is_caption(text):
        return "caption"
    return None


def byline_author(text: str) -> str | None:
    """The author's name in a byline paragraph ("By Jane Doe 4 Min Read")."""
    m = re.match(r"^(?:by|written by)\s+(.+?)(?:\s*[|,·•–-]?\s*\d+\s*min(?:ute)?s?\.?\s*read)?\s*$",
                 text.strip(), re.IGNORECASE)
    return m.group(1).strip() if m else None
