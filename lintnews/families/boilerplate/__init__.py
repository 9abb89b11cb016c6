"""The structural boilerplate classifier: page furniture found by the shape of a page.

`features` measures each line (length, stopwords, sentence punctuation,
dates, furniture vocabulary); `page` finds the article's body and labels the
furniture around it, helped by `lists` (the article's own lists), `article`
(its long sentences, never furniture) and `widgets` (video players, sign-up
boxes and notices between its paragraphs); `dom` adds what an HTML page's
elements say (links, `nav`/`footer`/`aside`, class and id words). The rule
that reports the blocks is LN305 (lintnews/families/boilerplate/furniture.py,
for the boilerplate kind).
"""
