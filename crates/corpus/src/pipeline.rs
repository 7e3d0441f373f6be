//! Processing documents in parallel while writing results in input order.

use rayon::prelude::*;

use crate::{CorpusError, Document, Resolve};

/// What became of one input item, handed to the sink in input order.
#[derive(Debug)]
pub enum Outcome<T, E> {
    /// The document was processed.
    Done(Document, T),
    /// The document could not be read.
    Unreadable(CorpusError),
    /// The document was read but processing failed.
    Failed(Document, E),
}

/// A document (or why there is none) and what the work made of it.
type Processed<T, E> = (Result<Document, CorpusError>, Option<Result<T, E>>);

/// A batch stops growing at this many bytes of text, whatever its count, so
/// that a corpus of very large documents stays in bounded memory.
const BATCH_BYTES: usize = 4 << 20;

/// The first batch is this fraction of the full size; each next one doubles
/// until the full size. Reading the first batch and writing the last cannot
/// overlap with any work, so small batches at the ends keep both threads busy
/// on short corpora and give the first output sooner.
const RAMP: usize = 64;

/// The next batch: up to `count` items or `bytes` of text.
fn next_batch<I>(docs: &mut I, count: usize, max_bytes: usize) -> Vec<I::Item>
where
    I: Iterator,
    I::Item: Resolve,
{
    let mut items = Vec::new();
    let mut bytes = 0;
    while items.len() < count && bytes < max_bytes {
        let Some(item) = docs.next() else { break };
        bytes += item.size();
        items.push(item);
    }
    items
}

/// Reads `docs` in batches of at most `batch` documents, parses and runs
/// `work` on each batch in parallel with rayon, and hands every outcome to
/// `sink` in input order. Reading the next batch and handing over the
/// previous one overlap with the work on the current one, so at most three
/// batches are in memory. The output does not depend on the number of
/// threads. Stops early when `sink` returns an error.
pub fn process_ordered<I, T, E, W, S, SE>(
    docs: I,
    batch: usize,
    work: W,
    mut sink: S,
) -> Result<(), SE>
where
    I: Iterator + Send,
    I::Item: Resolve,
    T: Send,
    E: Send,
    W: Fn(&Document) -> Result<T, E> + Sync,
    S: FnMut(Outcome<T, E>) -> Result<(), SE> + Send,
    SE: Send,
{
    let batch = batch.max(1);
    let mut docs = docs;
    let (mut count, mut bytes) = ((batch / RAMP).max(1), BATCH_BYTES / RAMP);
    let mut current: Vec<I::Item> = next_batch(&mut docs, count, bytes);
    let mut done: Vec<Processed<T, E>> = Vec::new();
    while !current.is_empty() || !done.is_empty() {
        let to_sink = std::mem::take(&mut done);
        let (processed, (next, sunk)) = rayon::join(
            || run_batch(std::mem::take(&mut current), &work),
            || {
                let sunk = hand_over(to_sink, &mut sink);
                let next: Vec<I::Item> = if sunk.is_ok() {
                    count = count.saturating_mul(2).min(batch);
                    bytes = (bytes * 2).min(BATCH_BYTES);
                    next_batch(&mut docs, count, bytes)
                } else {
                    Vec::new()
                };
                (next, sunk)
            },
        );
        sunk?;
        done = processed;
        current = next;
    }
    Ok(())
}

/// Runs `work` on every item of a batch in parallel; results in input order.
/// The largest documents start first, so that the batch does not end with
/// one thread busy on a long document while the other waits (work that grows
/// faster than the text, like a similarity graph, makes this matter).
fn run_batch<Item, T, E, W>(items: Vec<Item>, work: &W) -> Vec<Processed<T, E>>
where
    Item: Resolve,
    T: Send,
    E: Send,
    W: Fn(&Document) -> Result<T, E> + Sync,
{
    let n = items.len();
    let mut indexed: Vec<(usize, Item)> = items.into_iter().enumerate().collect();
    // Stable: equal sizes keep input order (the output is ordered anyway).
    indexed.sort_by_key(|(_, item)| std::cmp::Reverse(item.size()));
    let done: Vec<(usize, Processed<T, E>)> = indexed
        .into_par_iter()
        .with_max_len(1)
        .map(|(i, item)| {
            let doc = item.resolve();
            let result = doc.as_ref().ok().map(work);
            (i, (doc, result))
        })
        .collect();
    let mut slots: Vec<Option<Processed<T, E>>> = (0..n).map(|_| None).collect();
    for (i, processed) in done {
        slots[i] = Some(processed);
    }
    slots.into_iter().flatten().collect()
}

/// Hands processed documents to the sink in order.
fn hand_over<T, E, S, SE>(done: Vec<Processed<T, E>>, sink: &mut S) -> Result<(), SE>
where
    S: FnMut(Outcome<T, E>) -> Result<(), SE>,
{
    for (item, result) in done {
        let outcome = match (item, result) {
            (Ok(doc), Some(Ok(value))) => Outcome::Done(doc, value),
            (Ok(doc), Some(Err(e))) => Outcome::Failed(doc, e),
            (Err(e), _) => Outcome::Unreadable(e),
            (Ok(_), None) => continue,
        };
        sink(outcome)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_order_is_input_order() {
        let docs = (0..1000).map(|i| {
            Ok(Document {
                id: i.to_string(),
                text: "x".repeat(i % 7),
                record: None,
            })
        });
        let mut seen = Vec::new();
        let result: Result<(), ()> = process_ordered(
            docs,
            64,
            |d| Ok::<usize, ()>(d.text.len()),
            |o| {
                if let Outcome::Done(d, n) = o {
                    seen.push((d.id, n));
                }
                Ok(())
            },
        );
        assert!(result.is_ok());
        let expected: Vec<(String, usize)> = (0..1000).map(|i| (i.to_string(), i % 7)).collect();
        assert_eq!(seen, expected);
    }
}
