"""Text tools the families share: literal-term matching (trie, automaton, index), language identification, word lists, romanization, quotation reading, positions."""
