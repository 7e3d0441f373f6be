"""kotoba as a worker under Spark's RDD.pipe, in local mode, checked against
one kotoba run over the same corpus. Run by `cargo xtask demo-spark`:

    python spark_pipe.py KOTOBA CORPUS.jsonl WORKDIR

Exit status 1 when a piped result differs from the single run.
"""

import subprocess
import sys
import time

from pyspark import SparkConf, SparkContext

kotoba, corpus, workdir = sys.argv[1:4]


def run(args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


sc = SparkContext(conf=SparkConf().setMaster("local[2]").setAppName("kotoba-pipe"))
sc.setLogLevel("ERROR")
docs = sc.textFile(corpus, minPartitions=4)
ok = True

# Summaries: one output record per input record, in partition order.
worker = f"{kotoba} --threads 1 summarize --jsonl --keep-fields --format jsonl -q -"
start = time.time()
piped = docs.pipe(worker).collect()
seconds = time.time() - start
single = run(worker.split()[:-1] + [corpus]).splitlines()
same = piped == single
ok &= same
print(
    f"summarize: {docs.getNumPartitions()} partitions, {len(piped)} records piped "
    f"in {seconds:.1f} s, {len(single)} in one run; identical: {same}"
)

# Glossary building: each partition emits its counts as one line; the lines
# together are ranked once, as in docs/scale-out.md.
worker = f"{kotoba} --threads 1 glossary build --jsonl --lang en --emit-stats - -"
records = docs.pipe(worker).collect()
shards = f"{workdir}/shard-stats.jsonl"
with open(shards, "w", encoding="utf-8") as f:
    f.write("\n".join(records) + "\n")
from_shards = run([kotoba, "glossary", "build", "--stats", shards])
single = run([kotoba, "glossary", "build", "--jsonl", "--lang", "en", corpus])
same = from_shards == single
ok &= same
print(
    f"glossary build: {len(records)} shard records merged, "
    f"{len(single.splitlines()) - 1} terms ranked; identical to one run: {same}"
)

sc.stop()
sys.exit(0 if ok else 1)
