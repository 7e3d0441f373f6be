#!/usr/bin/env python3
"""Derives kotoba-terms' list of words English writes as names from WordNet.

Usage: wordnet_names.py WORDNET_DIR WORDFREQ_TSV STOPWORDS OUT

A word of the background list (WORDFREQ_TSV) is a name when WordNet 3.0
writes it with a capital (Japan, Mexico, NATO) in senses that its sense
tag counts (cntlist.rev, from the SemCor corpus) use more than the senses it
writes in lower case (japan, "lacquer"), or when it has no lower-case sense
at all. The list gives each such word's capitalised form, the one of most
tagged uses. A word's lower-case senses include those of the lemmas it
inflects (WordNet's morphy rules and exception lists: `laws` is `law`'s,
`lent` is `lend`'s), and the capitalised ones must be tagged more
often. Where no sense of either is tagged, the capitalised senses
must be at least as many (Geneva, the city, beside geneva, a gin). Stop
words (STOPWORDS: `it`, `us`, `who`), words of one or two letters, Roman
numerals, acronyms of three letters that spell a common word (`sam`,
`inc`: Zipf 4 or more) and units named after people (`newton`, `watt`)
are never names.
WORDNET_DIR is Debian's wordnet-base: /usr/share/wordnet.
"""

import os
import re
import sys

ROMAN = re.compile(r"m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")

FILES = [("noun", 1), ("verb", 2), ("adj", 3), ("adv", 4)]
RULES = {
    "noun": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
             ("shes", "sh"), ("men", "man"), ("ies", "y")],
    "verb": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"),
             ("ed", ""), ("ing", "e"), ("ing", "")],
    "adj": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "adv": [],
}
# Units of measure named after people: lower case in running text.
UNITS = {
    "ampere", "amperes", "becquerel", "coulomb", "farad", "gray", "henry",
    "hertz", "joule", "joules", "kelvin", "newton", "newtons", "ohm", "ohms",
    "pascal", "pascals", "siemens", "sievert", "tesla", "volt", "volts",
    "watt", "watts", "weber",
}


def main():
    wn, wordfreq, stopwords, out = sys.argv[1:5]
    stop = set()
    with open(stopwords, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w and not w.startswith("#"):
                stop.add(w)
    exceptions = {}
    for name, _ in FILES:
        with open(os.path.join(wn, f"{name}.exc"), encoding="latin-1") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2:
                    exceptions.setdefault(parts[0].lower(), set()).update(parts[1:])

    def bases(w):
        """The lemmas `w` may inflect, by WordNet's morphy rules and lists."""
        out = set(exceptions.get(w, ()))
        for name, _ in FILES:
            for suffix, repl in RULES[name]:
                if w.endswith(suffix) and len(w) > len(suffix) + 1:
                    base = w[: len(w) - len(suffix)] + repl
                    out.add(base)
                    if suffix in ("ed", "ing") and len(base) > 2 and base[-1] == base[-2]:
                        out.add(base[:-1])
        out.discard(w)
        return out

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
            w, zipf = line.rstrip("\n").split("\t")[:2]
            if w not in spellings:
                continue
            if w in stop or w in UNITS or len(w) <= 2 or ROMAN.fullmatch(w):
                continue
            best = max(sorted(spellings[w]), key=lambda s: spellings[w][s])
            if len(w) == 3 and best.isupper() and float(zipf) >= 4:
                continue
            up = cased.get(w, 0)
            down = lower.get(w, 0) + sum(lower.get(b, 0) for b in bases(w))
            down_senses = lower.get(w + " senses", 0) + sum(
                lower.get(b + " senses", 0) for b in bases(w)
            )
            if up == 0 and down == 0:
                if cased.get(w + " senses", 0) < down_senses:
                    continue
            elif up <= down:
                continue
            rows.append((w, best))
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Words English writes as names (Japan, Mexico, NATO), with their usual spelling:\n")
        f.write("# the words of wordfreq-en.tsv that WordNet 3.0 writes capitalised in senses its\n")
        f.write("# sense tag counts use more than the lower-case senses of the word and of\n")
        f.write("# the lemmas it inflects (or, none tagged, in as many senses); no stop words, no units.\n")
        f.write("# Derived from WordNet 3.0 (Debian wordnet-base) by xtask/scripts/wordnet_names.py.\n")
        f.write("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n")
        f.write("# Licence: the WordNet 3.0 licence (permission to use, copy, modify and distribute\n")
        f.write("# for any purpose without fee, with this notice); see NOTICE.\n")
        f.write("# Lines sorted by word (UTF-8 bytes): kotoba-terms looks words up in place.\n")
        for w, best in sorted(rows, key=lambda r: r[0].encode("utf-8")):
            f.write(f"{w}\t{best}\n")


if __name__ == "__main__":
    main()
