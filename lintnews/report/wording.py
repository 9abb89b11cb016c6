"""How a report names a piece of text: a quotation mark by its name, other text in quotes.

`““”` says nothing to a reader; “a curly opening quotation mark “” does. The
text, HTML and GitHub reports and the language server's titles use `shown`
for what a fix puts in and what it replaces.
"""
from __future__ import annotations

#: The marks a fix puts in or takes out, by name (LN405, LN406, LN407).
MARK_NAMES = {
    "“": "a curly opening quotation mark",
    "”": "a curly closing quotation mark",
    "‘": "a curly opening single quotation mark",
    "’": "a curly apostrophe or closing single quotation mark",
    '"': "a straight quotation mark",
    "'": "a straight apostrophe",
    "«": "an opening guillemet",
    "»": "a closing guillemet",
    "‹": "a single opening guillemet",
    "›": "a single closing guillemet",
    "„": "a low opening quotation mark",
    "‚": "a low single opening quotation mark",
    "`": "a backtick",
}


def shown(text: str) -> str:
    """`text` as a message shows it: “Kyiv”, or a mark by its name and itself."""
    stripped = text.strip()
    if stripped in MARK_NAMES:
        return f"{MARK_NAMES[stripped]} {stripped}"
    return f"“{text}”"
