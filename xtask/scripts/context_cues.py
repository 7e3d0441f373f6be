"""Context cues for English term ranking, simulated on the development domains.

Re-ranks the combined ranking that `eval-terms en` dumps, adding one
feature read from the words around each candidate's occurrences, and prints
F1@|gold| per weight. Development domains only (corp, wind); the held-out
ones are never read.

    KOTOBA_WEIGHTS='{}' KOTOBA_TERMS_DUMP=/tmp/dump cargo xtask eval-terms en
    python3 xtask/scripts/context_cues.py /tmp/dump ../shared/eval/acter/en

Features: the share of occurrences after a determiner, the share after a
modal or `to` (a verb's context), and Frantzi, Ananiadou & Mima's (2000)
NC-value context factor: content words within a window of the candidate,
each weighted by the share of the top T candidates it stands beside. Only
the top 3·|gold| candidates are re-ranked; occurrences are found by their
lowercase surface, so inflected forms are not pooled as the extractor does.
Weight 0 reproduces the extractor's own F1.
"""

import collections
import glob
import math
import re
import sys

DEV = ["corp", "wind"]
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their",
               "his", "her", "our", "your", "my", "each", "every", "any", "no", "some", "such"}
VERB_CUES = {"to", "will", "would", "can", "could", "must", "should", "may", "might",
             "not", "shall", "does", "did", "do", "cannot"}
TOKEN = re.compile(r"[\w][\w\-’'&/.]*[\w]|[\w]|[^\w\s]")


def load(dump, acter, domain):
    gold_path = f"{acter}/{domain}/annotations/unique_annotation_lists/{domain}_en_terms_nes.tsv"
    with open(gold_path, encoding="utf-8") as f:
        gold = {line.split("\t")[0].strip().lower() for line in f if line.strip()}
    rows = []
    with open(f"{dump}/{domain}-combined.tsv", encoding="utf-8") as f:
        next(f)
        for line in f:
            cells = line.rstrip("\n").split("\t")
            rows.append((cells[0], float(cells[1])))
    tokens = []
    for path in sorted(glob.glob(f"{acter}/{domain}/texts/*.txt")):
        with open(path, encoding="utf-8") as f:
            tokens += ["<s>"] + TOKEN.findall(f.read().lower())
    return gold, rows, tokens


def f1(terms, gold):
    seen, unique = set(), []
    for t in map(str.lower, terms):
        if t not in seen:
            seen.add(t)
            unique.append(t)
    hits = sum(1 for t in unique[: len(gold)] if t in gold)
    p, r = hits / min(len(gold), len(unique)), hits / len(gold)
    return 2 * p * r / (p + r) if p + r else 0.0


def occurrences(candidates, tokens):
    """Yields (candidate, start, end) for each occurrence of a candidate."""
    for i in range(len(tokens)):
        for n in range(1, 6):
            gram = " ".join(tokens[i : i + n])
            if gram in candidates:
                yield gram, i, i + n


def share_after(words, candidates, tokens):
    seen, cued = collections.Counter(), collections.Counter()
    for gram, start, _ in occurrences(candidates, tokens):
        seen[gram] += 1
        cued[gram] += tokens[start - 1] in words
    return {g: cued[g] / seen[g] for g in seen}


def context_factor(candidates, top, tokens, window, stop):
    context, seen = collections.defaultdict(collections.Counter), collections.Counter()
    for gram, start, end in occurrences(candidates, tokens):
        seen[gram] += 1
        around = tokens[max(0, start - window) : start] + tokens[end : end + window]
        for w in {w for w in around if w not in stop and re.match(r"[a-z]", w)}:
            context[gram][w] += 1
    beside_top = collections.Counter(w for g in top for w in context[g])
    return {
        g: sum(n * beside_top[w] / len(top) for w, n in context[g].items()) / seen[g]
        for g in seen
    }


def rerank(gold, rows, feature, weight):
    n = 3 * len(gold)
    scored = sorted(
        ((score + weight * feature.get(term.lower(), 0.0), -i, term)
         for i, (term, score) in enumerate(rows[:n])),
        reverse=True,
    )
    return f1([t for _, _, t in scored] + [t for t, _ in rows[n:]], gold)


def main():
    dump, acter = sys.argv[1], sys.argv[2]
    with open("crates/terms/data/stopwords-terms-en.txt", encoding="utf-8") as f:
        stop = {l.strip() for l in f if l.strip() and not l.startswith("#")}
    weights = [-1, -0.5, 0, 0.5, 1, 2]
    print("| feature | " + " | ".join(f"w={w}: corp / wind" for w in weights) + " |")
    print("|---|" + "---|" * len(weights))
    data = {d: load(dump, acter, d) for d in DEV}
    features = {}
    for d, (gold, rows, tokens) in data.items():
        candidates = {t.lower() for t, _ in rows[: 3 * len(gold)]}
        features.setdefault("after a determiner", {})[d] = share_after(DETERMINERS, candidates, tokens)
        features.setdefault("after a modal or to", {})[d] = share_after(VERB_CUES, candidates, tokens)
        for top in (100, 300):
            for window in (1, 3, 5):
                top_terms = {t.lower() for t, _ in rows[:top]}
                name = f"NC-value context, top {top}, window {window}"
                features.setdefault(name, {})[d] = context_factor(candidates, top_terms, tokens, window, stop)
    for name, by_domain in features.items():
        cells = [
            " / ".join(f"{rerank(*data[d][:2], by_domain[d], w):.3f}" for d in DEV)
            for w in weights
        ]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
