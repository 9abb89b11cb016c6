"""Many literal terms as one regular expression: a trie, and the word boundaries
the term matchers share (`kinds.common`, `termindex`)."""
from __future__ import annotations

import re

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Iterable

#: No word character or combining mark just after / just before.
RIGHT_BOUNDARY = r"(?![\w\u0300-\u036f])"
LEFT_BOUNDARY = r"(?<![\w\u0300-\u036f])"


def trie_pattern(terms: Iterable[str], ignore_case: bool = False) -> str:
    r"""Regular-expression source matching any of `terms`, as a trie.

    `["Kiev", "Kiev Metro", "Kyiv"]` becomes `K(?:iev(?:\ Metro)?|yiv)`: the
    engine follows one branch per character instead of trying every term, and
    the optional tails make the longest term win. With `ignore_case` the trie
    is built from case-folded terms (compile the result with IGNORECASE).
    """
    root: dict = {}
    for term in terms:
        node = root
        for ch in (term.lower() if ignore_case else term):
            node = node.setdefault(ch, {})
        node[""] = {}
    if not root:
        return "(?!)"

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        ends_here = "" in node
        if len(branches) == 1 and not ends_here:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if ends_here else group

    return emit(root)
