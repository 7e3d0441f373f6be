//! `cargo xtask bench`: whole-CLI throughput on corpora assembled from text
//! every machine of this kind has (and the shared evaluation data), with the
//! peers run side by side in the same session. Ratios are what count on
//! shared machines; absolute figures vary.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::{aclsum, apt, corpora, ipadic, peers};

/// Target corpus sizes.
const EN_BYTES: usize = 64 << 20;
/// Size of the parallel TSV.
const PAIRS_BYTES: usize = 25 << 20;
const JA_BYTES: usize = 24 << 20;

/// One measured command: best wall time of three runs, peak RSS.
struct Measure {
    secs: f64,
    rss_mb: f64,
}

/// Runs `program args` three times; best time, largest peak RSS (from GNU time).
fn measure(program: &Path, args: &[String]) -> Result<Measure> {
    measure_best_of(program, args, 3)
}

/// [`measure`] with the best of `runs` runs: a run of a tenth of a second
/// varies by half its length on this machine, so short runs need more.
fn measure_best_of(program: &Path, args: &[String], runs: usize) -> Result<Measure> {
    let mut best = Measure {
        secs: f64::MAX,
        rss_mb: 0.0,
    };
    let report = bench_dir()?.join("time.txt");
    for _ in 0..runs {
        let start = Instant::now();
        let status = Command::new("/usr/bin/time")
            .args(["-f", "%M", "-o"])
            .arg(&report)
            .arg(program)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .status()
            .with_context(|| format!("{} {}", program.display(), args.join(" ")))?;
        let secs = start.elapsed().as_secs_f64();
        if !status.success() {
            bail!(
                "{} {} failed with {status}",
                program.display(),
                args.join(" ")
            );
        }
        let kb: f64 = fs::read_to_string(&report)?
            .lines()
            .last()
            .and_then(|l| l.trim().parse().ok())
            .unwrap_or(0.0);
        best.secs = best.secs.min(secs);
        best.rss_mb = best.rss_mb.max(kb / 1024.0);
    }
    Ok(best)
}

fn strings(args: &[&str], input: &Path) -> Vec<String> {
    let mut v: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    v.push(input.display().to_string());
    v
}

/// Runs the benchmarks and prints the tables.
pub fn run(args: &[String]) -> Result<()> {
    if args.iter().any(|a| a == "extraction") {
        // Only the table against YAKE.
        apt::ensure(&["time"], &["/usr/bin/time"])?;
        return extraction_peer(&crate::build_release_kotoba()?);
    }
    ipadic::prepare()?;
    apt::ensure(
        &["mecab", "mecab-ipadic-utf8"],
        &["/usr/bin/mecab", "/var/lib/mecab/dic/ipadic-utf8"],
    )?;
    apt::ensure(&["time"], &["/usr/bin/time"])?;
    let kotoba = crate::build_release_kotoba()?;
    let en_jsonl = english_jsonl()?;
    let (ja_txt, ja_jsonl) = japanese()?;
    let big = glossary_10k(&kotoba)?;
    let big = big.display().to_string();
    let pairs = parallel_tsv()?;
    let (system, reference) = summaries_to_score(&kotoba, &en_jsonl)?;
    let reference_arg = reference.display().to_string();
    println!("Whole CLI runs, best of 3; peak RSS of the 2-thread run.\n");
    println!("| task | input | MB | 1 thread MB/s | 2 threads MB/s | 2/1 scaling | peak RSS MB |");
    println!("|---|---|---:|---:|---:|---:|---:|");
    let corpus_runs: Vec<(&str, Vec<String>, &Path)> = vec![
        (
            "sentences (en)",
            strings(&["sentences", "--jsonl"], &en_jsonl),
            &en_jsonl,
        ),
        (
            "detect (en, by document)",
            strings(&["detect", "--jsonl"], &en_jsonl),
            &en_jsonl,
        ),
        (
            "tokenize --format tsv (en)",
            strings(&["tokenize", "--jsonl", "--lang", "en"], &en_jsonl),
            &en_jsonl,
        ),
        (
            "summarize (en, leadrank)",
            strings(&["summarize", "--jsonl"], &en_jsonl),
            &en_jsonl,
        ),
        (
            "glossary annotate (en, 10k terms)",
            strings(
                &["glossary", "annotate", "--jsonl", "--glossary", &big],
                &en_jsonl,
            ),
            &en_jsonl,
        ),
        (
            "glossary extract (en)",
            strings(
                &["glossary", "extract", "--jsonl", "--lang", "en"],
                &en_jsonl,
            ),
            &en_jsonl,
        ),
        (
            "sentences (ja)",
            strings(&["sentences", "--jsonl"], &ja_jsonl),
            &ja_jsonl,
        ),
        (
            "tokenize --format mecab (ja)",
            strings(&["tokenize", "--jsonl", "--format", "mecab"], &ja_jsonl),
            &ja_jsonl,
        ),
        (
            "summarize (ja, leadrank)",
            strings(&["summarize", "--jsonl"], &ja_jsonl),
            &ja_jsonl,
        ),
        (
            "glossary extract (ja)",
            strings(
                &["glossary", "extract", "--jsonl", "--lang", "ja"],
                &ja_jsonl,
            ),
            &ja_jsonl,
        ),
        (
            "glossary check (EN–JA pairs)",
            strings(&["glossary", "check", "--parallel"], &pairs),
            &pairs,
        ),
        (
            "glossary align (EN–JA pairs)",
            strings(&["glossary", "align", "--parallel"], &pairs),
            &pairs,
        ),
        (
            "eval rouge (leadrank against lead-3)",
            strings(
                &[
                    "eval",
                    "rouge",
                    "--stem",
                    "--reference",
                    &reference_arg,
                    "--system",
                ],
                &system,
            ),
            &system,
        ),
    ];
    for (task, args, input) in corpus_runs {
        let mb = mb_of(input)?;
        let with = |t: &str| [vec!["--threads".to_string(), t.to_string()], args.clone()].concat();
        let one = measure(&kotoba, &with("1"))?;
        let two = measure(&kotoba, &with("2"))?;
        println!(
            "| kotoba {task} | {} | {mb:.1} | {:.1} | {:.1} | {:.2}× | {:.0} |",
            name(input),
            mb / one.secs,
            mb / two.secs,
            one.secs / two.secs,
            two.rss_mb
        );
    }

    // The same plain Japanese file through MeCab and kotoba.
    let mb = mb_of(&ja_txt)?;
    let ours = measure(
        &kotoba,
        &strings(
            &["--threads", "1", "tokenize", "--format", "mecab"],
            &ja_txt,
        ),
    )?;
    let ours2 = measure(
        &kotoba,
        &strings(
            &["--threads", "2", "tokenize", "--format", "mecab"],
            &ja_txt,
        ),
    )?;
    let mecab = measure(
        Path::new("/usr/bin/mecab"),
        &strings(&["-b", "100000000"], &ja_txt),
    )?;
    println!("\n| Japanese tokens, MeCab format, one {mb:.1} MB file | MB/s | peak RSS MB |");
    println!("|---|---:|---:|");
    println!(
        "| MeCab 0.996 + ipadic-utf8 | {:.1} | {:.0} |",
        mb / mecab.secs,
        mecab.rss_mb
    );
    println!(
        "| kotoba, 1 thread | {:.1} ({:.2}× MeCab) | {:.0} |",
        mb / ours.secs,
        mecab.secs / ours.secs,
        ours.rss_mb
    );
    println!(
        "| kotoba, 2 threads | {:.1} ({:.2}× MeCab) | {:.0} |",
        mb / ours2.secs,
        mecab.secs / ours2.secs,
        ours2.rss_mb
    );

    sentences_peer(&kotoba, &en_jsonl)?;
    extraction_peer(&kotoba)?;
    memory(&kotoba)?;
    summaries(&kotoba)
}

/// pySBD (the Python port of pragmatic_segmenter) on a 2 MB slice of the
/// English text, beside kotoba on the same slice.
fn sentences_peer(kotoba: &Path, en_jsonl: &Path) -> Result<()> {
    let slice = bench_dir()?.join("en-2mb.txt");
    let mut text = String::new();
    for line in fs::read_to_string(en_jsonl)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        text.push_str(v["text"].as_str().unwrap_or(""));
        text.push_str("\n\n");
        if text.len() > 2 << 20 {
            break;
        }
    }
    fs::write(&slice, &text)?;
    let mb = text.len() as f64 / 1e6;
    let python = peers::venv("pysbd", &["pysbd==0.3.4"])?;
    let script = "import sys, time, pysbd\n\
        text = open(sys.argv[1], encoding='utf-8').read()\n\
        seg = pysbd.Segmenter(language='en', clean=False)\n\
        t = time.process_time()\n\
        for block in text.split('\\n\\n'):\n\
        \x20   seg.segment(block)\n\
        print(time.process_time() - t)\n";
    let out = crate::checked_output(
        Command::new(&python).arg("-c").arg(script).arg(&slice),
        "pySBD",
    )?;
    let cpu: f64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(f64::NAN);
    let ours = measure(kotoba, &strings(&["--threads", "1", "sentences"], &slice))?;
    println!("\n| English sentences, {mb:.1} MB | MB/s (one core) |\n|---|---:|");
    println!(
        "| pySBD 0.3.4 (CPU time, start-up excluded) | {:.2} |",
        mb / cpu
    );
    println!(
        "| kotoba sentences (wall time, start-up included) | {:.1} |",
        mb / ours.secs
    );
    Ok(())
}

/// Term extraction on each ACTER domain (English), beside YAKE 0.7.3 on the
/// same texts, twice: YAKE's cheapest run (top 100, n-grams up to 3) and a run
/// that ranks as many candidates as kotoba lists (n-grams up to 5, as
/// kotoba's), since YAKE's work grows with the number it ranks.
fn extraction_peer(kotoba: &Path) -> Result<()> {
    let acter = crate::root().join("../shared/eval/acter/en");
    let python = peers::venv("yake", &["yake==0.7.3"])?;
    let script = "import sys, time, glob, yake\n\
        files = sorted(glob.glob(sys.argv[1] + '/*.txt'))\n\
        text = '\\n'.join(open(f, encoding='utf-8').read() for f in files)\n\
        for n, top in ((3, 100), (5, int(sys.argv[2]))):\n\
        \x20   t = time.process_time()\n\
        \x20   yake.KeywordExtractor(lan='en', n=n, top=top).extract_keywords(text)\n\
        \x20   print(time.process_time() - t)\n";
    println!(
        "\n| term extraction, ACTER domain | MB | kotoba terms listed | kotoba s (1 thread, with start-up) | 2 threads s | YAKE top 100 CPU s | ratio | YAKE as many terms CPU s | ratio |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for domain in ["corp", "equi", "htfl", "wind"] {
        let texts = acter.join(domain).join("texts");
        let mb = fs::read_dir(&texts)?
            .filter_map(|e| e.ok())
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum::<u64>() as f64
            / 1e6;
        let args = |threads: &str| {
            strings(
                &["--threads", threads, "glossary", "extract", "--lang", "en"],
                &texts,
            )
        };
        let one = measure_best_of(kotoba, &args("1"), 9)?;
        let two = measure_best_of(kotoba, &args("2"), 9)?;
        let listed = Command::new(kotoba)
            .args(args("1"))
            .output()
            .context("running kotoba glossary extract")?;
        // Rows after the header.
        let terms = String::from_utf8_lossy(&listed.stdout)
            .lines()
            .count()
            .saturating_sub(1);
        let out = crate::checked_output(
            Command::new(&python)
                .arg("-c")
                .arg(script)
                .arg(&texts)
                .arg(terms.to_string()),
            "YAKE",
        )?;
        let yake: Vec<f64> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.trim().parse().unwrap_or(f64::NAN))
            .collect();
        let (top100, all) = (
            yake.first().copied().unwrap_or(f64::NAN),
            yake.get(1).copied().unwrap_or(f64::NAN),
        );
        println!(
            "| {domain} | {mb:.2} | {terms} | {:.2} | {:.2} | {top100:.1} | {:.0}× | {all:.1} | {:.0}× |",
            one.secs,
            two.secs,
            top100 / one.secs,
            all / one.secs
        );
    }
    Ok(())
}

/// Peak memory of `summarize` over ACLSum repeated to 100 and 400 MB: it
/// must stay flat (documents stream through, 256 at a time).
fn memory(kotoba: &Path) -> Result<()> {
    let dev = aclsum::split("dev")?;
    let test = aclsum::split("test")?;
    let papers = fs::read_to_string(&dev.docs)? + &fs::read_to_string(&test.docs)?;
    println!(
        "\n| summarize over ACLSum repeated | MB | seconds (2 threads) | peak RSS MB |\n|---|---:|---:|---:|"
    );
    for target in [100usize << 20, 400 << 20] {
        let path = bench_dir()?.join(format!("aclsum-{}mb.jsonl", target >> 20));
        if !path.exists() {
            let mut f = std::io::BufWriter::new(fs::File::create(&path)?);
            let mut written = 0;
            while written < target {
                std::io::Write::write_all(&mut f, papers.as_bytes())?;
                written += papers.len();
            }
        }
        let m = measure(
            kotoba,
            &strings(
                &["--threads", "2", "summarize", "--jsonl", "--split", "lines"],
                &path,
            ),
        )?;
        println!(
            "| {} | {:.0} | {:.1} | {:.0} |",
            name(&path),
            mb_of(&path)?,
            m.secs,
            m.rss_mb
        );
    }
    Ok(())
}

/// Summaries of ACLSum papers (all 250, forty times over for kotoba, so that
/// a run lasts long enough for the 2-thread ratio to be stable on a shared
/// machine) per method, beside sumy's on the same 250 papers.
fn summaries(kotoba: &Path) -> Result<()> {
    let dev = aclsum::split("dev")?;
    let test = aclsum::split("test")?;
    let all = bench_dir()?.join("aclsum-250.jsonl");
    const REPEAT: usize = 40;
    let repeated = bench_dir()?.join("aclsum-10000.jsonl");
    let text = fs::read_to_string(&dev.docs)? + &fs::read_to_string(&test.docs)?;
    fs::write(&all, &text)?;
    fs::write(&repeated, text.repeat(REPEAT))?;
    let papers = (dev.papers + test.papers) as f64;
    println!(
        "\n| summarize -n 3 | kotoba papers/s, 1 thread (with start-up) | 2 threads | 2/1 | sumy 0.13.0 papers per CPU-second | kotoba / sumy |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    let scratch = bench_dir()?.join("sumy-out.jsonl");
    for method in [
        "lexrank", "textrank", "luhn", "sumbasic", "lead", "centroid", "pacsum", "leadrank",
    ] {
        let run = |threads: &str| {
            time_cmd(
                Command::new(kotoba)
                    .args([
                        "--threads",
                        threads,
                        "summarize",
                        "--jsonl",
                        "--split",
                        "lines",
                        "-n",
                        "3",
                        "--method",
                        method,
                    ])
                    .arg(&repeated),
            )
        };
        let one = best_of(3, || run("1"))?;
        let two = best_of(3, || run("2"))?;
        let rate1 = REPEAT as f64 * papers / one;
        let rate2 = REPEAT as f64 * papers / two;
        let (sumy, ratio) = if ["lexrank", "textrank", "luhn", "sumbasic"].contains(&method) {
            let cpu = peers::run_sumy(method, 3, &all, &scratch)?;
            let rate = papers / cpu;
            (format!("{rate:.0}"), format!("{:.0}×", rate1 / rate))
        } else {
            ("–".into(), "–".into())
        };
        println!(
            "| {method} | {rate1:.0} | {rate2:.0} | {:.2}× | {sumy} | {ratio} |",
            one / two
        );
    }
    Ok(())
}

/// The default glossary plus synthetic two-word English terms (with made-up
/// Japanese), 10,000 concepts in all, as a user glossary in TSV.
fn glossary_10k(kotoba: &Path) -> Result<PathBuf> {
    let out = bench_dir()?.join("glossary-10k.tsv");
    if out.exists() {
        return Ok(out);
    }
    let listed = Command::new(kotoba)
        .args(["glossary", "list", "--format", "jsonl"])
        .output()?;
    let listed = String::from_utf8(listed.stdout)?;
    let mut words: Vec<String> = Vec::new();
    for line in listed.lines() {
        let concept: serde_json::Value = serde_json::from_str(line)?;
        for t in concept["en"].as_array().into_iter().flatten() {
            for w in t["term"].as_str().unwrap_or("").split_whitespace() {
                let w = w.to_lowercase();
                if w.len() > 3 && w.chars().all(|c| c.is_ascii_lowercase()) && !words.contains(&w) {
                    words.push(w);
                }
            }
        }
    }
    let mut n = listed.lines().count();
    let mut tsv = String::from("en\tja\n");
    'outer: for (i, a) in words.iter().enumerate() {
        for (j, b) in words.iter().enumerate() {
            if i == j {
                continue;
            }
            if n >= 10_000 {
                break 'outer;
            }
            tsv.push_str(&format!("{a} {b}\t語{n}\n"));
            n += 1;
        }
    }
    fs::write(&out, tsv)?;
    Ok(out)
}

fn name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn mb_of(p: &Path) -> Result<f64> {
    Ok(fs::metadata(p)?.len() as f64 / 1e6)
}

fn best_of(n: usize, mut f: impl FnMut() -> Result<f64>) -> Result<f64> {
    let mut best = f64::MAX;
    for _ in 0..n {
        best = best.min(f()?);
    }
    Ok(best)
}

fn time_cmd(cmd: &mut Command) -> Result<f64> {
    let start = Instant::now();
    let status = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .status()
        .with_context(|| format!("{cmd:?}"))?;
    let secs = start.elapsed().as_secs_f64();
    if !status.success() {
        bail!("{cmd:?} failed with {status}");
    }
    Ok(secs)
}

fn bench_dir() -> Result<PathBuf> {
    let dir = crate::root().join("target/bench");
    fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// ACTER's English texts (all four domains) and the seed article as JSONL
/// documents, repeated to about 64 MB.
fn english_jsonl() -> Result<PathBuf> {
    let out = bench_dir()?.join("en.jsonl");
    if out.exists() {
        return Ok(out);
    }
    let acter = crate::root().join("../shared/eval/acter/en");
    let mut texts = vec![fs::read_to_string(
        crate::root().join("testdata/clinton-japan-trade-1993.en.txt"),
    )?];
    for domain in ["corp", "equi", "htfl", "wind"] {
        let dir = acter.join(domain).join("texts");
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .with_context(|| format!("{} (the shared evaluation data)", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        for f in files {
            texts.push(fs::read_to_string(f)?);
        }
    }
    write_jsonl(&out, &texts, EN_BYTES)?;
    Ok(out)
}

/// The Japanese gettext and man-page text, as one plain file (for MeCab) and
/// as JSONL documents of 200 lines, repeated to about 24 MB.
fn japanese() -> Result<(PathBuf, PathBuf)> {
    let dir = bench_dir()?;
    let (txt, jsonl) = (dir.join("ja.txt"), dir.join("ja.jsonl"));
    if txt.exists() && jsonl.exists() {
        return Ok((txt, jsonl));
    }
    let mut text = fs::read_to_string(corpora::japanese_gettext()?)?;
    text.push_str(&fs::read_to_string(corpora::japanese_manpages()?)?);
    let lines: Vec<&str> = text.lines().collect();
    let docs: Vec<String> = lines.chunks(200).map(|c| c.join("\n")).collect();
    let mut plain = String::new();
    while plain.len() < JA_BYTES {
        plain.push_str(&text);
    }
    fs::write(&txt, plain)?;
    write_jsonl(&jsonl, &docs, JA_BYTES)?;
    Ok((txt, jsonl))
}

/// Summaries of `en.jsonl` to score with `eval rouge`: leadrank's as the
/// system, Lead-3 as the reference (13,000 pairs).
fn summaries_to_score(kotoba: &Path, en_jsonl: &Path) -> Result<(PathBuf, PathBuf)> {
    let dir = bench_dir()?;
    let (system, reference) = (
        dir.join("rouge-system.jsonl"),
        dir.join("rouge-reference.jsonl"),
    );
    if !(system.exists() && reference.exists()) {
        for (method, out) in [("leadrank", &system), ("lead", &reference)] {
            crate::run(
                Command::new(kotoba)
                    .args([
                        "summarize",
                        "--jsonl",
                        "--format",
                        "jsonl",
                        "-q",
                        "--method",
                        method,
                    ])
                    .arg(en_jsonl)
                    .arg("-o")
                    .arg(out),
            )?;
        }
    }
    Ok((system, reference))
}

/// The seed translation's sentence pairs repeated to about 26 MB, as a
/// parallel TSV for `glossary check` and `glossary align`.
fn parallel_tsv() -> Result<PathBuf> {
    let out = bench_dir()?.join("pairs.tsv");
    if out.exists() {
        return Ok(out);
    }
    let seed =
        fs::read_to_string(crate::root().join("testdata/clinton-japan-trade-1993.en-ja.tsv"))?;
    let (header, body) = seed
        .split_once('\n')
        .context("the seed TSV has no header")?;
    let mut text = format!("{header}\n");
    while text.len() < PAIRS_BYTES {
        text.push_str(body.trim_end_matches('\n'));
        text.push('\n');
    }
    fs::write(&out, text)?;
    Ok(out)
}

fn write_jsonl(path: &Path, texts: &[String], target: usize) -> Result<()> {
    let mut out = String::new();
    let mut n = 0usize;
    while out.len() < target {
        for t in texts {
            n += 1;
            out.push_str(&serde_json::json!({"id": format!("d{n}"), "text": t}).to_string());
            out.push('\n');
        }
    }
    fs::write(path, out)?;
    Ok(())
}
