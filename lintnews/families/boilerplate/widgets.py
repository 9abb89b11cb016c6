"""Widgets that a page puts between the article's paragraphs.

A video player, an inline newsletter box or a notice that the page needs
JavaScript sits inside the article, not around it: the article goes on after
it. Each is found by what its lines say and how they stand together:

- a video widget: two or more cues within a few short lines (a video label
  such as "Ad Feedback" or "Play video", a duration "01:42", a source line
  "Source: CNN"), with the title between them;
- a sign-up box: two or more lines in a row that pitch a newsletter, ask for an
  email address or state the terms of signing up, one of them with newsletter
  words ("Sign up for our morning briefing" / "Enter your email" / "Sign up");
- a JavaScript notice: a short line about JavaScript or the browser.

The body search bridges a widget (it costs little, like a subheading), and the
widget's lines inside the body are reported under the widget's name.
"""
from __future__ import annotations

import re
from lintnews.text.patterns import deferred_re

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from lintnews.families.boilerplate.features import Line

#: A widget's line has at most this many words.
WIDGET_LINE_WORDS = 30
#: A video widget's lines (label, title, duration, source) have at most this many words ...
VIDEO_LINE_WORDS = 14
#: ... and its cues stand at most this many lines apart.
VIDEO_SPAN = 4
_duration = deferred_re(r"\(?\d{1,2}:\d{2}(?::\d{2})?\)?(?:\s*(?:min|mins|minutes)\b)?(?:\s*[-–—|•]\s*(?:video\s+)?source\s*:.*)?",
                       re.IGNORECASE)
_source = deferred_re(r"(?:video\s+)?source\s*:\s*\S.{0,60}", re.IGNORECASE)
_VIDEO_LABELS = frozenset({"video", "videos", "watch", "play", "replay", "watch now", "play video", "now playing"})
_SIGNUP_KINDS = ("newsletter", "cookie", "footer")


def _video_cue(ln: "Line") -> bool:
    if ln.vocab.get("video", 0) > 0:
        return True
    text = ln.text.strip()
    if ":" not in text:  # a duration and a source line both have one
        return text.casefold() in _VIDEO_LABELS
    return (bool(_duration().fullmatch(text)) or bool(_source().fullmatch(text))
            or text.casefold().rstrip(":") in _VIDEO_LABELS)


def _signup_line(ln: "Line") -> bool:
    if not ln.vocab:
        return False
    return ln.words <= WIDGET_LINE_WORDS and any(ln.vocab.get(k) for k in _SIGNUP_KINDS) \
        or ln.words <= 4 and ln.vocab.get("share", 0) > 0 and "mail" in ln.text.casefold()


def find_widgets(lines: list["Line"]) -> dict[int, str]:
    """Line index -> widget kind ("video", "signup", "javascript") for the page's widget lines."""
    found: dict[int, str] = {}
    n = len(lines)
    cues = [i for i, ln in enumerate(lines) if ln.words <= VIDEO_LINE_WORDS and _video_cue(ln)]
    for a, b in zip(cues, cues[1:]):
        if b - a <= VIDEO_SPAN and all(lines[k].words <= VIDEO_LINE_WORDS and not lines[k].sentence_end
                                       for k in range(a, b + 1)):
            for k in range(a, b + 1):
                found[k] = "video"
    i = 0
    while i < n:
        if not _signup_line(lines[i]):
            i += 1
            continue
        j = i
        while j < n and _signup_line(lines[j]):
            j += 1
        if j - i >= 2 and any(lines[k].vocab.get("newsletter") for k in range(i, j)):
            for k in range(i, j):
                found.setdefault(k, "signup")
        i = j
    for i, ln in enumerate(lines):
        if ln.words <= WIDGET_LINE_WORDS and ln.vocab.get("javascript"):
            found.setdefault(i, "javascript")
    return found
