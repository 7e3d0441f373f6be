"""Runs a sumy 0.13.0 summarizer over kotoba's JSON Lines documents.

Usage: python sumy_runner.py METHOD N DOCS.jsonl > SUMMARIES.jsonl

Each document's text holds one sentence per line (blank lines between
sections), as `kotoba summarize --split lines` reads it; sumy gets the same
sentences. Prints the CPU seconds spent summarizing (loading excluded) on
stderr. Part of `cargo xtask eval-summarization` and `cargo xtask bench`.
"""
import json
import sys
import time

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.nlp.tokenizers import Tokenizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

METHODS = {
    "lexrank": LexRankSummarizer,
    "luhn": LuhnSummarizer,
    "textrank": TextRankSummarizer,
    "sumbasic": SumBasicSummarizer,
    "lsa": LsaSummarizer,
    "kl": KLSummarizer,
}


def main():
    method, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    tokenizer = Tokenizer("english")
    summarizer = METHODS[method](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    docs = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    spent = 0.0
    for doc in docs:
        start = time.process_time()
        paragraphs = []
        for block in doc["text"].split("\n\n"):
            sentences = [Sentence(s, tokenizer) for s in block.split("\n") if s.strip()]
            if sentences:
                paragraphs.append(Paragraph(sentences))
        picked = summarizer(ObjectDocumentModel(paragraphs), n) if paragraphs else []
        spent += time.process_time() - start
        record = {"id": doc["id"], "sentences": [{"text": str(s)} for s in picked]}
        print(json.dumps(record, ensure_ascii=False))
    print(f"{spent:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()
