#!/usr/bin/env python3
"""Derives kotoba-terms' part-of-speech list from WordNet's index files.

Usage: wordnet_pos.py WORDNET_DIR WORDFREQ_TSV OUT

For every word of the background list (WORDFREQ_TSV), writes the parts of
speech WordNet 3.0 allows it (n noun, v verb, a adjective, r adverb), as a
lemma or as a regular or listed inflection of one (WordNet's morphy rules and
its .exc files). Words WordNet does not know are left out.
WORDNET_DIR is Debian's wordnet-base: /usr/share/wordnet.
"""

import os
import sys

POS = [("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")]
RULES = {
    "n": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
          ("shes", "sh"), ("men", "man"), ("ies", "y")],
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"),
          ("ed", ""), ("ing", "e"), ("ing", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}


def main():
    wn, wordfreq, out = sys.argv[1:4]
    lemmas = {}
    exceptions = {}
    for letter, name in POS:
        words = set()
        with open(os.path.join(wn, f"index.{name}"), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                w = line.split(" ", 1)[0]
                if "_" not in w:
                    words.add(w.lower())
        lemmas[letter] = words
        exc = {}
        path = os.path.join(wn, f"{name}.exc")
        with open(path, encoding="latin-1") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and "_" not in parts[0]:
                    exc[parts[0].lower()] = parts[1:]
        exceptions[letter] = exc

    def allows(word, letter):
        if word in lemmas[letter]:
            return True
        if any(b in lemmas[letter] for b in exceptions[letter].get(word, [])):
            return True
        for suffix, repl in RULES[letter]:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                base = word[: len(word) - len(suffix)] + repl
                if base in lemmas[letter]:
                    return True
                # Doubled consonants: "submitted" -> "submit".
                if suffix in ("ed", "ing") and len(base) > 2 and base[-1] == base[-2]:
                    if base[:-1] in lemmas[letter]:
                        return True
        return False

    rows = []
    with open(wordfreq, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            w = line.split("\t", 1)[0]
            flags = "".join(l for l, _ in POS if allows(w, l))
            if flags:
                rows.append((w, flags))
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Parts of speech of English words (n noun, v verb, a adjective, r adverb):\n")
        f.write("# the words of wordfreq-en.tsv that WordNet 3.0 knows, as lemmas or inflections.\n")
        f.write("# Derived from WordNet 3.0 (Debian wordnet-base) by xtask/scripts/wordnet_pos.py.\n")
        f.write("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n")
        f.write("# Licence: the WordNet 3.0 licence (permission to use, copy, modify and distribute\n")
        f.write("# for any purpose without fee, with this notice); see NOTICE.\n")
        f.write("# Lines sorted by word (UTF-8 bytes): kotoba-terms looks words up in place.\n")
        # Sorted: the crate binary-searches the text.
        for w, flags in sorted(rows, key=lambda r: r[0].encode("utf-8")):
            f.write(f"{w}\t{flags}\n")


if __name__ == "__main__":
    main()
