//! A 1-best Viterbi over the IPADIC lattice that reproduces MeCab's choices:
//! white space is skipped before a word (never a node of its own), one line
//! is one sentence, unknown words are proposed as MeCab proposes them, and
//! ties go where MeCab's linked lists send them.
//!
//! MeCab keeps, for every position, a list of the nodes ending there, each
//! new node pushed to the front, and picks the first node of least cost. A
//! `Vec` pushed at the back and read from the back gives the same order.
//!
//! A long line is analysed in pieces so that the lattice stays small (see
//! [`Bound`]): a piece ends where the whole line's best path provably passes,
//! so the stitched result is the whole line's.

use super::chardef::CharInfo;
use super::dictionary::Ipadic;

/// MeCab's default limit on the length of a grouped unknown word.
const MAX_GROUPING: usize = 24;

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordRef {
    /// A lexicon entry of lindera's dictionary (its word id).
    Known(u32),
    /// An unknown-word template: character class and index in `unk.def`.
    Unknown(u8, u16),
    /// An entry of `extra.csv`.
    Extra(u16),
    /// Beginning or end of sentence.
    Boundary,
}

#[derive(Debug, Clone, Copy)]
struct Node {
    start: u32,
    end: u32,
    left_id: u16,
    right_id: u16,
    wcost: i16,
    word: WordRef,
    total: i64,
    prev: u32,
}

/// Reusable buffers for one thread.
#[derive(Default)]
pub struct Lattice {
    nodes: Vec<Node>,
    ends: Vec<Vec<u32>>,
    pending: Vec<Node>,
    lefts: Vec<(usize, i64, u32)>,
    infos: Vec<CharInfo>,
}

/// Limits on one run over a long line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    /// From this many characters on, stop at the first exact cut.
    pub sync_after: usize,
    /// Give up after this many characters without an exact cut.
    pub max_piece: usize,
}

/// How far one run went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The text was analysed to its end; `context` is the right id of its last word.
    End {
        /// Right context id of the last word (the given context when there is none).
        context: u16,
    },
    /// The words before char `at` are final: no word crosses `at` and every word
    /// ending there has the right id `context`, so analysing the rest from `at`
    /// after such a word gives exactly the whole text's path.
    Cut {
        /// Char index where the rest starts.
        at: usize,
        /// Right context id of the word ending at `at`.
        context: u16,
    },
    /// No exact cut within `max_piece` characters; nothing was written.
    Stuck {
        /// The last point from `sync_after` on that no word crosses, if any.
        seam: Option<usize>,
    },
}

/// One segment of the best path: char range and word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// First char of the surface (after any skipped white space).
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The word.
    pub word: WordRef,
}

impl Lattice {
    /// Finds MeCab's best path through `chars` (one line, no line break, or a
    /// piece of one), starting after a word of right id `context` (0 is the
    /// beginning of a sentence). Without a bound the end of `chars` is the end
    /// of the sentence; with one the run may stop early (see [`Outcome`]), and
    /// `chars` must reach far enough past `max_piece` for every lookup.
    pub fn run(
        &mut self,
        dic: &Ipadic,
        chars: &[char],
        context: u16,
        bound: Option<Bound>,
        out: &mut Vec<Segment>,
    ) -> Outcome {
        out.clear();
        let n = chars.len();
        let (sync_after, max_piece) = bound.map_or((usize::MAX, usize::MAX), |b| {
            (b.sync_after.max(1), b.max_piece.max(1))
        });
        self.nodes.clear();
        for list in self.ends.iter_mut().take(n + 1) {
            list.clear();
        }
        if self.ends.len() < n + 1 {
            self.ends.resize_with(n + 1, Vec::new);
        }
        self.infos.clear();
        self.infos.extend(chars.iter().map(|&c| dic.chars.info(c)));
        let space = dic.chars.info(' ');
        let matrix = &dic.dict.connection_cost_matrix;

        self.nodes.push(Node {
            start: 0,
            end: 0,
            left_id: 0,
            right_id: context,
            wcost: 0,
            word: WordRef::Boundary,
            total: 0,
            prev: 0,
        });
        self.ends[0].push(0);
        // The furthest end of any node so far: no node crosses a position at or past it.
        let mut reach = 0usize;
        let mut seam = None;

        for pos in 0..n {
            if pos >= sync_after && reach <= pos && !self.ends[pos].is_empty() {
                if let Some((at, right_id)) = self.sole_context(pos) {
                    self.trace(at, out);
                    return Outcome::Cut {
                        at: pos,
                        context: right_id,
                    };
                }
                seam = Some(pos);
            }
            if pos >= max_piece {
                return Outcome::Stuck { seam };
            }
            if self.ends[pos].is_empty() {
                continue;
            }
            let mut begin = pos;
            let mut seen = space;
            while begin < n && seen.is_kind_of(self.infos[begin]) {
                seen = self.infos[begin];
                begin += 1;
            }
            if begin == n {
                continue;
            }
            self.pending.clear();
            self.lookup(dic, chars, begin);
            // Connect in MeCab's list order: the newest proposal first.
            // The left nodes' (right id, total) once, for every new node.
            self.lefts.clear();
            for &l in self.ends[pos].iter().rev() {
                let left = &self.nodes[l as usize];
                self.lefts.push((left.right_id as usize, left.total, l));
            }
            for k in (0..self.pending.len()).rev() {
                let mut node = self.pending[k];
                let mut best = i64::MAX;
                let mut best_prev = 0u32;
                let row = matrix.row(node.left_id as u32);
                for &(right_id, total, l) in &self.lefts {
                    let cost = total + row.get(right_id).copied().unwrap_or(i16::MAX) as i64;
                    if cost < best {
                        best = cost;
                        best_prev = l;
                    }
                }
                node.total = best + node.wcost as i64;
                node.prev = best_prev;
                reach = reach.max(node.end as usize);
                let id = self.nodes.len() as u32;
                self.nodes.push(node);
                self.ends[node.end as usize].push(id);
            }
        }

        let Some(last) = (0..=n).rev().find(|&p| !self.ends[p].is_empty()) else {
            return Outcome::End { context };
        };
        let mut best = i64::MAX;
        let mut at = 0u32;
        for &l in self.ends[last].iter().rev() {
            let left = &self.nodes[l as usize];
            let cost = left.total + matrix.cost(left.right_id as u32, 0) as i64;
            if cost < best {
                best = cost;
                at = l;
            }
        }
        self.trace(at, out);
        Outcome::End {
            context: self.nodes[at as usize].right_id,
        }
    }

    /// When every node ending at `pos` has one right id, each later node picks
    /// the same one of them (least total, first in MeCab's order): that node
    /// and its right id.
    fn sole_context(&self, pos: usize) -> Option<(u32, u16)> {
        let list = &self.ends[pos];
        let right_id = self.nodes[*list.first()? as usize].right_id;
        let mut best = i64::MAX;
        let mut at = 0u32;
        for &l in list.iter().rev() {
            let node = &self.nodes[l as usize];
            if node.right_id != right_id {
                return None;
            }
            if node.total < best {
                best = node.total;
                at = l;
            }
        }
        Some((at, right_id))
    }

    /// Writes the path ending at node `at`, first word first.
    fn trace(&self, mut at: u32, out: &mut Vec<Segment>) {
        let from = out.len();
        while at != 0 {
            let node = &self.nodes[at as usize];
            out.push(Segment {
                start: node.start as usize,
                end: node.end as usize,
                word: node.word,
            });
            at = node.prev;
        }
        out[from..].reverse();
    }

    /// Capacity of the node store, for tests of the memory bound.
    #[cfg(all(test, feature = "embedded-ipadic"))]
    pub fn node_capacity(&self) -> usize {
        self.nodes.capacity()
    }

    /// Proposes every node starting at `begin`, in MeCab's creation order.
    fn lookup(&mut self, dic: &Ipadic, chars: &[char], begin: usize) {
        let rest = &chars[begin..];
        let mut extras = dic
            .extra
            .iter()
            .enumerate()
            .filter(|(_, e)| rest.starts_with(&e.surface))
            .peekable();
        for (bytes, len) in dic.dict.prefix_dictionary.common_prefix_search(rest) {
            while let Some((i, e)) = extras.next_if(|(_, e)| e.surface.len() < len) {
                self.push_entry(begin, e.surface.len(), e, WordRef::Extra(i as u16));
            }
            for rec in bytes.chunks_exact(10) {
                let word_id = u32::from_le_bytes([rec[0], rec[1], rec[2], rec[3]]);
                let wcost = i16::from_le_bytes([rec[4], rec[5]]);
                let left_id = u16::from_le_bytes([rec[6], rec[7]]);
                let right_id = u16::from_le_bytes([rec[8], rec[9]]);
                self.pending.push(Node {
                    start: begin as u32,
                    end: (begin + len) as u32,
                    left_id,
                    right_id,
                    wcost,
                    word: WordRef::Known(word_id),
                    total: 0,
                    prev: 0,
                });
            }
        }
        for (i, e) in extras {
            self.push_entry(begin, e.surface.len(), e, WordRef::Extra(i as u16));
        }

        let info = self.infos[begin];
        let class = dic.chars.class(info);
        if !self.pending.is_empty() && !class.invoke {
            return;
        }
        let n = chars.len();
        let mut group_end = None;
        if class.group {
            let mut p = begin + 1;
            let mut seen = info;
            let mut count = 0;
            // Past MAX_GROUPING no group is proposed, and `group_end` only
            // matters within `class.length` of `begin`: the scan stops there
            // rather than run to the end of a long run at every character.
            while p < n && count <= MAX_GROUPING && seen.is_kind_of(self.infos[p]) {
                seen = self.infos[p];
                p += 1;
                count += 1;
            }
            if count <= MAX_GROUPING {
                self.push_unknown(dic, info, begin, p);
            }
            group_end = Some(p);
        }
        let mut end = begin + 1;
        for _ in 0..class.length {
            if end > n || Some(end) == group_end {
                break;
            }
            self.push_unknown(dic, info, begin, end);
            if end >= n || !info.is_kind_of(self.infos[end]) {
                break;
            }
            end += 1;
        }
        if self.pending.is_empty() {
            self.push_unknown(dic, info, begin, end);
        }
    }

    fn push_entry(
        &mut self,
        begin: usize,
        len: usize,
        e: &super::dictionary::Entry,
        word: WordRef,
    ) {
        self.pending.push(Node {
            start: begin as u32,
            end: (begin + len) as u32,
            left_id: e.left_id,
            right_id: e.right_id,
            wcost: e.cost,
            word,
            total: 0,
            prev: 0,
        });
    }

    fn push_unknown(&mut self, dic: &Ipadic, info: CharInfo, begin: usize, end: usize) {
        let class = info.default_class;
        for (k, e) in dic.unknown[class as usize].iter().enumerate() {
            self.push_entry(begin, end - begin, e, WordRef::Unknown(class, k as u16));
        }
    }
}
