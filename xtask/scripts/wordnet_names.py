#!/usr/bin/env python3
"""Derives kotoba-terms' list of words English writes as names from WordNet.

Usage: wordnet_names.py WORDNET_DIR WORDFREQ_TSV OUT

A word of the background list (WORDFREQ_TSV) is a name when WordNet 3.0
writes it with a capital (Japan, Mexico, NATO) in senses that its sense
tag counts (cntlist.rev, from the SemCor corpus) use more than the senses it
writes in lower case (japan, "lacquer"), or when it has no lower-case sense
at all. The list gives each such word's capitalised form, the one of most
tagged uses. Where no sense of either is tagged, the capitalised senses
must be at least as many (Geneva, the city, beside geneva, a gin).
WORDNET_DIR is Debian's wordnet-base: /usr/share/wordnet.
"""

import os
import sys

FILES = [("noun", 1), ("verb", 2), ("adj", 3), ("adv", 4)]


def main():
    wn, wordfreq, out = sys.argv[1:4]
    counts = {}
    with open(os.path.join(wn, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                key = parts[0]
                # lemma%ss_type:lex_filenum:lex_id:head_word:head_id; a
                # satellite adjective (5) counts as an adjective (3).
                lemma, rest = key.split("%", 1)
                fields = rest.split(":")
                ss = "3" if fields[0] == "5" else fields[0]
                short = f"{lemma}%{ss}:{fields[1]}:{fields[2]}"
                counts[short] = counts.get(short, 0) + int(parts[2])
    # For each lower-case word: tagged uses of its capitalised senses, of
    # its lower-case senses, and of each capitalised spelling.
    cased = {}
    lower = {}
    spellings = {}
    senses = {}
    for name, ss in FILES:
        with open(os.path.join(wn, f"data.{name}"), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                parts = line.split()
                lex_filenum = parts[1]
                n = int(parts[3], 16)
                for k in range(n):
                    word = parts[4 + 2 * k]
                    lex_id = int(parts[5 + 2 * k], 16)
                    # Adjectives carry a marker like `(a)`.
                    word = word.split("(", 1)[0]
                    if "_" in word or "-" in word or not word.isalpha():
                        continue
                    w = word.lower()
                    key = f"{w}%{ss}:{lex_filenum}:{lex_id:02d}"
                    if (key, word) in senses:
                        continue
                    senses[(key, word)] = True
                    c = counts.get(key, 0)
                    if word[0].isupper():
                        cased[w] = cased.get(w, 0) + c
                        cased[w + " senses"] = cased.get(w + " senses", 0) + 1
                        spelling = spellings.setdefault(w, {})
                        spelling[word] = spelling.get(word, 0) + c + 1
                    else:
                        lower[w] = lower.get(w, 0) + c
                        lower[w + " senses"] = lower.get(w + " senses", 0) + 1
    rows = []
    with open(wordfreq, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            w = line.split("\t", 1)[0]
            if w not in spellings:
                continue
            up, down = cased.get(w, 0), lower.get(w, 0)
            if up == 0 and down == 0:
                if cased.get(w + " senses", 0) < lower.get(w + " senses", 0):
                    continue
            elif up <= down:
                continue
            best = max(sorted(spellings[w]), key=lambda s: spellings[w][s])
            rows.append((w, best))
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Words English writes as names (Japan, Mexico, NATO), with their usual spelling:\n")
        f.write("# the words of wordfreq-en.tsv that WordNet 3.0 writes capitalised in senses its\n")
        f.write("# sense tag counts use more than the word's lower-case senses (or, none tagged, as many).\n")
        f.write("# Derived from WordNet 3.0 (Debian wordnet-base) by xtask/scripts/wordnet_names.py.\n")
        f.write("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n")
        f.write("# Licence: the WordNet 3.0 licence (permission to use, copy, modify and distribute\n")
        f.write("# for any purpose without fee, with this notice); see NOTICE.\n")
        f.write("# Lines sorted by word (UTF-8 bytes): kotoba-terms looks words up in place.\n")
        for w, best in sorted(rows, key=lambda r: r[0].encode("utf-8")):
            f.write(f"{w}\t{best}\n")


if __name__ == "__main__":
    main()
