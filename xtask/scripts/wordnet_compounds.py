#!/usr/bin/env python3
"""Derives kotoba-terms' list of compound nouns from WordNet's noun index.

Usage: wordnet_compounds.py WORDNET_DIR WORDFREQ_TSV OUT

Writes every noun lemma of WordNet 3.0 made of two or more words (joined by
spaces, written `_` in WordNet, or by hyphens), lowercase, whose words are all
in the background list (WORDFREQ_TSV), one a line, sorted by UTF-8 bytes.
A dictionary lists such a compound because it is a unit of the language
(`blood pressure`, `wind tunnel`), which a free combination of words is not.
WORDNET_DIR is Debian's wordnet-base: /usr/share/wordnet.
"""

import os
import re
import sys


def main():
    wn, wordfreq, out = sys.argv[1:4]
    with open(wordfreq, encoding="utf-8") as f:
        known = {line.split("\t", 1)[0] for line in f if not line.startswith("#")}
    compounds = set()
    with open(os.path.join(wn, "index.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            lemma = line.split(" ", 1)[0].lower().replace("_", " ")
            words = [w for w in re.split(r"[ -]", lemma) if w]
            if len(words) >= 2 and all(w in known for w in words):
                compounds.add(lemma)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Compound nouns of WordNet 3.0: noun lemmas of two or more words (joined by\n")
        f.write("# spaces or hyphens), lowercase, each word in wordfreq-en.tsv.\n")
        f.write("# Derived from WordNet 3.0 (Debian wordnet-base) by xtask/scripts/wordnet_compounds.py.\n")
        f.write("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n")
        f.write("# Licence: the WordNet 3.0 licence (permission to use, copy, modify and distribute\n")
        f.write("# for any purpose without fee, with this notice); see NOTICE.\n")
        f.write("# Lines sorted by UTF-8 bytes: kotoba-terms looks compounds up in place.\n")
        for c in sorted(compounds, key=lambda c: c.encode("utf-8")):
            f.write(c + "\n")


if __name__ == "__main__":
    main()
