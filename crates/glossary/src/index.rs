//! Looking terms up: exact on normalized keys, near misses by edit distance.

use std::collections::{BTreeSet, HashMap};

use unicode_normalization::UnicodeNormalization;

use crate::normalize::{english_forms, inflected_alike, kanji_forms, key_en, key_ja, spelling_key};
use crate::{Concept, Glossary};

/// A lookup index over a glossary.
pub struct Index<'g> {
    glossary: &'g Glossary,
    /// English keys ([`key_en`]) of every term's forms.
    en_keys: HashMap<String, Vec<usize>>,
    /// Japanese keys ([`key_ja`]) of every term, spelling and reading: kept
    /// apart from the English ones, which a Latin term's key may equal
    /// (`protectionism`'s stem is `protection`).
    ja_keys: HashMap<String, Vec<usize>>,
}

// By hand: the fields hold tables and automata too large to print.
impl std::fmt::Debug for Index<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").finish_non_exhaustive()
    }
}

impl<'g> Index<'g> {
    /// Indexes every term (English by stemmed words; Japanese by width- and
    /// kana-folded form, and by reading).
    pub fn new(glossary: &'g Glossary) -> Index<'g> {
        let mut en_keys: HashMap<String, Vec<usize>> = HashMap::new();
        let mut ja_keys: HashMap<String, Vec<usize>> = HashMap::new();
        let add = |keys: &mut HashMap<String, Vec<usize>>, key: String, i: usize| {
            if key.is_empty() {
                return;
            }
            let list = keys.entry(key).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        };
        for (i, c) in glossary.concepts.iter().enumerate() {
            for t in &c.en {
                // The term and its other forms: `US Trade Representative`
                // for `U.S. Trade Representative`, as annotation accepts it.
                for form in english_forms(&t.term) {
                    add(&mut en_keys, key_en(&form), i);
                }
            }
            for t in &c.ja {
                add(&mut ja_keys, key_ja(&t.term), i);
                // 割り当て, 割当て and 割当; 7ヶ国 and 7カ国; セクタ and セクター.
                add(&mut ja_keys, key_ja(&spelling_key(&t.term)), i);
                // 主要七か国 for 主要7か国, 三〇一条 and 三百一条 for 301条.
                for kanji in kanji_forms(&t.term) {
                    add(&mut ja_keys, key_ja(&spelling_key(&kanji)), i);
                }
                if let Some(r) = &t.reading {
                    add(&mut ja_keys, key_ja(r), i);
                }
            }
        }
        Index {
            glossary,
            en_keys,
            ja_keys,
        }
    }

    /// Concepts with a term (or reading) equal to `query` once case, width,
    /// inflection and kana are folded: first those with a term that is the
    /// query as written or one of its plurals (`tariffs` → tariff), then
    /// those with a term whose words are other inflections of the query's
    /// (`rules` → ruling, `exported` → export), each in glossary order. A
    /// term that only shares the query's Snowball stems is another word
    /// made from it, and another concept: `tariffication` finds no
    /// `tariff`, `protection` no `protectionism`.
    pub fn lookup(&self, query: &str) -> Vec<&'g Concept> {
        let written = written_as(query);
        let ja_hits = self.ja_hits(query);
        let glossary = self.glossary;
        let (mut first, inflected): (Vec<&'g Concept>, Vec<&'g Concept>) = self
            .en_keys
            .get(&key_en(query))
            .into_iter()
            .flatten()
            .copied()
            .filter(|i| !ja_hits.contains(i))
            .filter(|&i| {
                glossary.concepts[i].en.iter().any(|t| {
                    english_forms(&t.term)
                        .iter()
                        .any(|f| inflected_alike(f, query))
                })
            })
            .chain(ja_hits.iter().copied())
            .collect::<BTreeSet<usize>>()
            .into_iter()
            .map(|i| &glossary.concepts[i])
            .partition(|c| written(c));
        first.extend(inflected);
        first
    }

    /// The concepts with a term (or reading) whose folded key is `query`'s,
    /// in glossary order.
    fn sharing_stems(&self, query: &str) -> impl Iterator<Item = &'g Concept> + use<'g> {
        let mut hits = self.ja_hits(query);
        hits.extend(self.en_keys.get(&key_en(query)).into_iter().flatten());
        hits.sort_unstable();
        hits.dedup();
        let glossary = self.glossary;
        hits.into_iter().map(move |i| &glossary.concepts[i])
    }

    /// The concepts with a Japanese term, spelling or reading whose key is
    /// `query`'s, in glossary order.
    fn ja_hits(&self, query: &str) -> Vec<usize> {
        let mut hits: Vec<usize> = Vec::new();
        for key in [key_ja(query), key_ja(&spelling_key(query))] {
            if let Some(list) = self.ja_keys.get(&key) {
                hits.extend(list);
            }
        }
        hits.sort_unstable();
        hits.dedup();
        hits
    }

    /// Concepts with a term written as `query` or as one of its inflected
    /// forms (case and width folded), in glossary order: [`Index::lookup`]
    /// without the concepts that only share stems (`rules` is no form of
    /// `ruling`, nor `exporters` of `export`).
    pub fn lookup_written(&self, query: &str) -> Vec<&'g Concept> {
        let written = written_as(query);
        self.sharing_stems(query).filter(|c| written(c)).collect()
    }

    /// Up to `n` concepts whose terms are closest to `query` (for "did you
    /// mean"), best first: terms spelt alike, and terms that hold the query
    /// whole (貿易収支 for 収支, `trade friction` for `friction`), the
    /// shorter first.
    pub fn near(&self, query: &str, n: usize) -> Vec<&'g Concept> {
        if n == 0 {
            return Vec::new();
        }
        let (qe, qj) = (key_en(query), key_ja(query));
        // A part of a term: two characters of Japanese, a whole English word
        // of three letters or more.
        let holds = |key: &str| {
            let part = if qj.chars().count() >= 2 && !qj.is_ascii() && key.contains(qj.as_str()) {
                qj.len()
            } else if qe.len() >= 3
                && key
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == qe.as_str())
            {
                qe.len()
            } else {
                return 0.0;
            };
            0.6 + 0.3 * part as f64 / key.len().max(part) as f64
        };
        // Two empty keys are no likeness: a Japanese query has no English
        // key, nor `¥` one (日本車 was offered 円 (yen)).
        // Kanji spelt otherwise are other words: one kanji in three is no
        // misspelling (日本車 is no 日本円), one in five may be.
        let alike = |q: &str, key: &str| {
            if q.is_empty() || key.is_empty() {
                return 0.0;
            }
            let score = strsim::normalized_levenshtein(q, key);
            let kanji = |s: &str| s.chars().any(crate::normalize::is_kanji);
            if kanji(q) && kanji(key) && score < 0.8 {
                0.0
            } else {
                score
            }
        };
        // A term the query holds (半導体 and 輸出規制 of 半導体輸出規制):
        // two characters of Japanese at least, longer ones first.
        let within = |key: &str| {
            let chars = key.chars().count();
            if chars >= 2 && !key.is_ascii() && qj.chars().count() > chars && qj.contains(key) {
                0.6 + 0.3 * key.len() as f64 / qj.len() as f64
            } else {
                0.0
            }
        };
        let mut scored: Vec<(f64, usize)> = Vec::new();
        for (key, concepts) in self.en_keys.iter().chain(&self.ja_keys) {
            let score = alike(&qe, key)
                .max(alike(&qj, key))
                .max(holds(key))
                .max(within(key));
            if score >= 0.6 {
                scored.extend(concepts.iter().map(|&c| (score, c)));
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut out: Vec<usize> = Vec::new();
        for (_, c) in scored {
            if !out.contains(&c) {
                out.push(c);
            }
            if out.len() == n {
                break;
            }
        }
        out.into_iter()
            .map(|i| &self.glossary.concepts[i])
            .collect()
    }
}

/// Whether a concept has a term written as `query` or as one of its
/// inflected forms, case and width folded.
fn written_as(query: &str) -> impl Fn(&Concept) -> bool {
    let folded: String = query.trim().nfkc().collect::<String>().to_lowercase();
    let query_ja = key_ja(query);
    let query_spelling = key_ja(&spelling_key(query));
    move |c: &Concept| {
        c.en.iter().any(|t| {
            english_forms(&t.term)
                .iter()
                .any(|f| f.to_lowercase() == folded)
        }) || c.ja.iter().any(|t| {
            key_ja(&t.term) == query_ja
                || key_ja(&spelling_key(&t.term)) == query_spelling
                || kanji_forms(&t.term)
                    .iter()
                    .any(|k| key_ja(&spelling_key(k)) == query_spelling)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::default_glossary;

    /// `tariffication` came before `tariff` for `tariffs`, and `export`
    /// before `exporter`: the concept with the term as written comes first.
    #[test]
    fn the_term_as_written_comes_first() -> Result<(), crate::Error> {
        let g = default_glossary()?;
        let index = Index::new(g);
        for (query, first) in [
            ("tariffication", "tariffication"),
            ("tariffs", "tariff"),
            ("exporter", "exporter"),
            ("ｔａｒｉｆｆｓ", "tariff"),
        ] {
            let ids: Vec<&str> = index.lookup(query).iter().map(|c| c.id.as_str()).collect();
            assert_eq!(ids.first().copied(), Some(first), "{query}: {ids:?}");
        }
        Ok(())
    }

    #[test]
    fn folds_case_inflection_width_and_kana() -> Result<(), crate::Error> {
        let g = default_glossary()?;
        let index = Index::new(g);
        let first = |q: &str| {
            index
                .lookup(q)
                .first()
                .map(|c| c.id.clone())
                .unwrap_or_default()
        };
        assert_eq!(first("tariffs"), first("Tariff"));
        assert_eq!(first("ＷＴＯ"), first("WTO"));
        assert_eq!(first("ｾｰﾌｶﾞｰﾄﾞ"), first("safeguard"));
        assert_eq!(first("ぼうえきくろじ"), "trade-surplus");
        assert_eq!(first("貿易黒字"), "trade-surplus");
        assert!(index.lookup("zzzz").is_empty());
        assert!(
            index
                .near("trade surplu", 3)
                .iter()
                .any(|c| c.id == "trade-surplus")
        );
        assert!(index.near("trade surplu", 0).is_empty());
        // A compound the glossary lacks is offered the terms it holds, and
        // no term for one kanji in three alike (日本車 had been offered 円,
        // for its 日本円).
        let near: Vec<&str> = index
            .near("半導体輸出規制", 5)
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert!(near.contains(&"semiconductor"), "{near:?}");
        assert!(near.contains(&"export-restriction"), "{near:?}");
        assert!(!index.near("日本車", 5).iter().any(|c| c.id == "yen"));
        Ok(())
    }

    /// Lookup refused spellings annotation accepted (a review found it):
    /// okurigana, counters and a katakana word's final long vowel.
    #[test]
    fn lookup_takes_the_spellings_annotation_takes() -> Result<(), crate::Error> {
        let g = default_glossary()?;
        let index = Index::new(g);
        for (query, id) in [
            ("関税割り当て", "tariff-rate-quota"),
            ("関税割当て", "tariff-rate-quota"),
            ("輸入割り当て", "import-quota"),
            ("主要7ヶ国", "g7"),
            ("主要７ヵ国", "g7"),
            ("セクタ", "sector"),
            ("自動車メーカ", "automaker"),
            ("通関手続", "customs-procedure"),
            ("US Trade Representative", "trade-representative"),
            ("主要七か国", "g7"),
            ("主要七ヶ国", "g7"),
            ("三〇一条", "section-301"),
            ("三百一条", "section-301"),
            ("スーパー三百一条", "super-301"),
        ] {
            let ids: Vec<&str> = index.lookup(query).iter().map(|c| c.id.as_str()).collect();
            assert_eq!(ids.first().copied(), Some(id), "{query}: {ids:?}");
            let written: Vec<&str> = index
                .lookup_written(query)
                .iter()
                .map(|c| c.id.as_str())
                .collect();
            assert!(written.contains(&id), "{query}: {written:?}");
        }
        Ok(())
    }

    /// British spellings found nothing (a terminologist's review):
    /// `liberalisation` is the glossary's `liberalization`.
    #[test]
    fn lookup_folds_british_spellings() -> Result<(), crate::Error> {
        let g = default_glossary()?;
        let index = Index::new(g);
        for (query, id) in [
            ("liberalisation", "trade-liberalization"),
            ("capital liberalisation", "capital-liberalization"),
            ("Japan External Trade Organisation", "jetro"),
            ("harmonised system", "harmonized-system"),
        ] {
            let ids: Vec<&str> = index.lookup(query).iter().map(|c| c.id.as_str()).collect();
            assert!(ids.contains(&id), "{query}: {ids:?}");
        }
        Ok(())
    }

    /// Katakana with large vowel kana for small ones, or a hyphen or
    /// minus for ー, found nothing (a terminologist's review).
    #[test]
    fn lookup_folds_vowel_kana_and_hyphens_for_long_vowels() -> Result<(), crate::Error> {
        let g = default_glossary()?;
        let index = Index::new(g);
        for (query, id) in [
            ("ソフトウエア", "software"),
            ("ウエーバー", "waiver"),
            ("セ－フガ－ド", "safeguard"),
            ("セ-フガ-ド", "safeguard"),
            ("ｾ-ﾌｶﾞ-ﾄﾞ", "safeguard"),
            ("ウルグァイ・ラウンド", "uruguay-round"),
        ] {
            let ids: Vec<&str> = index.lookup(query).iter().map(|c| c.id.as_str()).collect();
            assert_eq!(ids.first().copied(), Some(id), "{query}: {ids:?}");
        }
        assert_eq!(crate::normalize::key_ja("WTO-GATT"), "wto-gatt");
        Ok(())
    }

    /// Common forms the glossary lacked (a terminologist's review).
    #[test]
    fn lookup_finds_the_common_forms_added() -> Result<(), crate::Error> {
        let g = default_glossary()?;
        let index = Index::new(g);
        for (query, id) in [
            ("アセアン", "asean"),
            ("関税貿易一般協定", "gatt"),
            ("セーフガード措置", "safeguard"),
            ("紐付き援助", "tied-aid"),
            ("ひもつき援助", "tied-aid"),
            ("ロビーイング", "lobbying"),
        ] {
            let ids: Vec<&str> = index
                .lookup_written(query)
                .iter()
                .map(|c| c.id.as_str())
                .collect();
            assert_eq!(ids, [id], "{query}");
        }
        Ok(())
    }

    /// Lookup listed concepts that only share a Snowball stem with the
    /// query, words derived from it (a terminologist's review found it):
    /// inflections are the same concept, derivations are not.
    /// A query in old character forms finds its term (經濟産業省).
    #[test]
    fn lookup_reads_old_character_forms_as_new() -> Result<(), crate::Error> {
        let g = crate::default_glossary()?;
        let index = Index::new(g);
        let ids: Vec<&str> = index
            .lookup("經濟産業省")
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids.first(), Some(&"meti"), "{ids:?}");
        Ok(())
    }

    #[test]
    fn lookup_takes_inflections_not_derivations() -> Result<(), crate::Error> {
        let g = default_glossary()?;
        let index = Index::new(g);
        let ids =
            |q: &str| -> Vec<String> { index.lookup(q).iter().map(|c| c.id.clone()).collect() };
        for (query, not) in [
            ("tariffication", "tariff"),
            ("negotiator", "negotiation"),
            ("exporter", "export"),
            ("importer", "import"),
            ("protection", "protectionism"),
            ("liberal", "trade-liberalization"),
        ] {
            assert!(
                !ids(query).contains(&not.to_string()),
                "{query}: {:?}",
                ids(query)
            );
        }
        for (query, id) in [
            ("tariffs", "tariff"),
            ("exported", "export"),
            ("exporters", "exporter"),
            ("negotiations", "negotiation"),
            ("anti-dumping duties", "anti-dumping-duty"),
        ] {
            assert!(
                ids(query).contains(&id.to_string()),
                "{query}: {:?}",
                ids(query)
            );
        }
        Ok(())
    }

    /// Seeding pairs `rules` with 判断 of `ruling`, and `exporters` with
    /// 輸出 of `export`, came from stems shared (a review found it).
    #[test]
    fn written_lookup_leaves_out_shared_stems() -> Result<(), crate::Error> {
        let g = default_glossary()?;
        let index = Index::new(g);
        let ids = |q: &str| -> Vec<String> {
            index
                .lookup_written(q)
                .iter()
                .map(|c| c.id.clone())
                .collect()
        };
        assert!(index.lookup("rules").iter().any(|c| c.id == "ruling"));
        assert!(!ids("rules").contains(&"ruling".to_string()));
        assert!(!ids("exporters").contains(&"export".to_string()));
        assert!(ids("exporters").contains(&"exporter".to_string()));
        assert!(ids("tariffs").contains(&"tariff".to_string()));
        assert!(ids("ＷＴＯ").contains(&"wto".to_string()));
        assert!(ids("貿易黒字").contains(&"trade-surplus".to_string()));
        Ok(())
    }
}
