//! Concepts, terms and glossaries.

use serde::{Deserialize, Serialize};

/// How a term may be used (ISO 12620 administrative status, simplified).
/// Written by its [`Status::name`]; read from any name [`Status::parse`]
/// takes, in JSON as in the other formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The term to use.
    Preferred,
    /// Acceptable; a term whose status is not given (as an empty cell of a
    /// table reads).
    #[default]
    Admitted,
    /// To be avoided; checks flag it.
    Deprecated,
    /// Proposed (by `glossary align` or `build`, or a reviewer) and not yet
    /// reviewed: kept and shown, but never demanded by checks.
    Proposed,
}

impl Status {
    /// The lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Status::Preferred => "preferred",
            Status::Admitted => "admitted",
            Status::Deprecated => "deprecated",
            Status::Proposed => "proposed",
        }
    }

    /// Whether someone decided on the term (preferred, admitted or
    /// deprecated), as against a proposal awaiting review.
    pub fn is_reviewed(self) -> bool {
        self != Status::Proposed
    }

    /// Parses a name in any case: kotoba's, TBX's administrative statuses
    /// (`preferredTerm-admn-sts`) and ISO 12620's normative authorizations
    /// (`preferredTerm`, `standardizedTerm`, `legalTerm`, `regulatedTerm`;
    /// `admittedTerm`; `deprecatedTerm`, `supersededTerm`), and for a term
    /// awaiting review `proposed`, `proposal`, `candidate`, `unreviewed` or
    /// TBX's process statuses `provisionallyProcessed` and `unprocessed`.
    /// UTX's `provisional` is admitted: kotoba has always written admitted
    /// terms so, and reading it as proposed would take them out of checks.
    pub fn parse(s: &str) -> Option<Status> {
        match s.trim().to_ascii_lowercase().as_str() {
            "preferred"
            | "preferredterm-admn-sts"
            | "approved"
            | "preferredterm"
            | "standardizedterm"
            | "legalterm"
            | "regulatedterm" => Some(Status::Preferred),
            "admitted" | "admittedterm-admn-sts" | "admittedterm" | "provisional" | "" => {
                Some(Status::Admitted)
            }
            "deprecated"
            | "deprecatedterm-admn-sts"
            | "supersededterm-admn-sts"
            | "deprecatedterm"
            | "supersededterm"
            | "forbidden"
            | "non-standard" => Some(Status::Deprecated),
            "proposed"
            | "proposal"
            | "candidate"
            | "unreviewed"
            | "provisionallyprocessed"
            | "unprocessed" => Some(Status::Proposed),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Status, D::Error> {
        let name = String::deserialize(d)?;
        Status::parse(&name).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown status `{name}` (preferred, admitted, deprecated, proposed, or a TBX \
                 or ISO 12620 name such as forbidden, deprecatedTerm)"
            ))
        })
    }
}

/// One term of a concept in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// The term.
    pub term: String,
    /// Kana reading (Japanese terms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// Usage status (admitted when not given).
    #[serde(default)]
    pub status: Status,
    /// A note on this term's use (`Ambiguous: 米 = USA`), beside the
    /// concept's definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The two languages of the glossary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The language a column header or language tag names, in any case:
    /// `en`, `ja`, a tag of them (`en-US`, `ja_JP`), ISO 639-3 (`eng`,
    /// `jpn`) or the name (`English`, `Japanese`), as spreadsheets and CAT
    /// tools label their columns.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        let mut subtags = tag.split(['-', '_']);
        let lang = match subtags.next().unwrap_or("") {
            "en" | "eng" | "english" => Lang::En,
            "ja" | "jpn" | "japanese" => Lang::Ja,
            _ => return None,
        };
        // `en_freq` and `ja_freq`, columns of align's ranking, are counts,
        // not languages (a review found the ranking refused as naming `en`
        // twice); any other tag or column name (`en-GB-oxendict`,
        // `ja_term`) names its language.
        (!subtags.any(|s| s == "freq")).then_some(lang)
    }

    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ja,
            Lang::Ja => Lang::En,
        }
    }
}

/// A concept: its terms in English and Japanese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concept {
    /// Stable id (kebab-case).
    pub id: String,
    /// Subject field.
    #[serde(default)]
    pub domain: String,
    /// One-line English definition.
    #[serde(default)]
    pub definition: String,
    /// A note on the entry as a whole, such as where a machine proposal
    /// came from (TBX, JSON and the tables carry it; UTX and OmegaT do not).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// English terms, preferred first.
    #[serde(default)]
    pub en: Vec<Term>,
    /// Japanese terms, preferred first.
    #[serde(default)]
    pub ja: Vec<Term>,
}

impl Concept {
    /// The terms in `lang`.
    pub fn terms(&self, lang: Lang) -> &[Term] {
        match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }

    /// The terms in `lang`, mutable.
    pub fn terms_mut(&mut self, lang: Lang) -> &mut Vec<Term> {
        match lang {
            Lang::En => &mut self.en,
            Lang::Ja => &mut self.ja,
        }
    }

    /// The preferred term in `lang`, else the first reviewed one, else the
    /// first: a proposal stands for its concept only when nothing reviewed
    /// does.
    pub fn preferred(&self, lang: Lang) -> Option<&Term> {
        let terms = self.terms(lang);
        terms
            .iter()
            .find(|t| t.status == Status::Preferred)
            .or_else(|| terms.iter().find(|t| t.status.is_reviewed()))
            .or(terms.first())
    }

    /// Removes the empty (or blank) terms of a concept that has others, and
    /// says what was removed, as loaders report it: every other format's
    /// reader refuses an empty term, so JSON's must too. A concept all of
    /// whose terms are empty is left to [`Concept::problem`].
    pub(crate) fn drop_empty_terms(&mut self) -> Vec<String> {
        if self
            .en
            .iter()
            .chain(&self.ja)
            .all(|t| t.term.trim().is_empty())
        {
            return Vec::new();
        }
        let mut dropped = Vec::new();
        for lang in [Lang::En, Lang::Ja] {
            let id = &self.id;
            let terms = match lang {
                Lang::En => &mut self.en,
                Lang::Ja => &mut self.ja,
            };
            let mut k = 0;
            terms.retain(|t| {
                k += 1;
                let empty = t.term.trim().is_empty();
                if empty {
                    dropped.push(format!("concept `{id}`: {} term {k} is empty", lang.code()));
                }
                !empty
            });
        }
        dropped
    }

    /// Merges `user`, a concept of the same id from a file that gives no
    /// ids, over this one: in each language the user's terms come first
    /// with their statuses (a reading or note only this one has is kept),
    /// then this concept's other terms; where the user prefers a term, this
    /// concept's preferred ones there become admitted, so that the user's
    /// choice is the preferred term. A term the user only proposes keeps
    /// the status this concept gives it (a proposal decides nothing). Domain,
    /// definition and note are the user's where given.
    pub fn merge_over(&mut self, user: Concept) {
        for lang in [Lang::En, Lang::Ja] {
            let mut terms = user.terms(lang).to_vec();
            let user_prefers = terms.iter().any(|t| t.status == Status::Preferred);
            for old in self.terms(lang) {
                match terms.iter_mut().find(|t| t.term == old.term) {
                    Some(t) => {
                        if t.status == Status::Proposed {
                            t.status = if user_prefers && old.status == Status::Preferred {
                                Status::Admitted
                            } else {
                                old.status
                            };
                        }
                        if t.reading.is_none() {
                            t.reading.clone_from(&old.reading);
                        }
                        if t.note.is_none() {
                            t.note.clone_from(&old.note);
                        }
                    }
                    None => {
                        let mut kept = old.clone();
                        if user_prefers && kept.status == Status::Preferred {
                            kept.status = Status::Admitted;
                        }
                        terms.push(kept);
                    }
                }
            }
            // Proposals after the decided terms, whichever layer they came
            // from (a stable sort keeps each group's order).
            terms.sort_by_key(|t| t.status == Status::Proposed);
            *self.terms_mut(lang) = terms;
        }
        for (mine, theirs) in [
            (&mut self.domain, user.domain),
            (&mut self.definition, user.definition),
            (&mut self.note, user.note),
        ] {
            if !theirs.is_empty() {
                *mine = theirs;
            }
        }
    }

    /// What is wrong with the concept, if anything (for loaders).
    pub fn problem(&self) -> Option<String> {
        if self.id.trim().is_empty() {
            return Some("concept has no id".into());
        }
        if self
            .en
            .iter()
            .chain(&self.ja)
            .all(|t| t.term.trim().is_empty())
        {
            return Some(format!("concept `{}` has no term", self.id));
        }
        None
    }
}

/// A glossary: concepts in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    /// The concepts.
    pub concepts: Vec<Concept>,
}

impl Glossary {
    /// Layers `other` over this glossary: a concept with a known id replaces
    /// the existing one; new concepts are appended. Returns the ids replaced.
    pub fn layer(&mut self, other: Glossary) -> Vec<String> {
        self.layer_merging(other, |_| false).replaced
    }

    /// Layers `other` over this glossary as [`Glossary::layer`] does, but a
    /// concept of a known id for which `merge` is true (its id was made
    /// from its term, by a format without ids) merges into the existing one
    /// instead of replacing it: see [`Concept::merge_over`].
    pub fn layer_merging(&mut self, other: Glossary, merge: impl Fn(&str) -> bool) -> Layered {
        let mut index: std::collections::HashMap<String, usize> = self
            .concepts
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let mut layered = Layered::default();
        for c in other.concepts {
            match index.get(&c.id) {
                Some(&i) if merge(&c.id) => {
                    layered.merged.push(c.id.clone());
                    self.concepts[i].merge_over(c);
                }
                Some(&i) => {
                    layered.replaced.push(c.id.clone());
                    self.concepts[i] = c;
                }
                None => {
                    index.insert(c.id.clone(), self.concepts.len());
                    self.concepts.push(c);
                }
            }
        }
        layered
    }

    /// The concept with `id`.
    pub fn get(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.id == id)
    }
}

/// What [`Glossary::layer_merging`] did with the concepts of ids already
/// there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layered {
    /// Ids of the concepts replaced.
    pub replaced: Vec<String>,
    /// Ids of the concepts merged into (see [`Concept::merge_over`]).
    pub merged: Vec<String>,
}

/// A kebab-case id made from a term (for formats without ids).
pub fn id_from(term: &str) -> String {
    let mut id = String::new();
    for c in term.chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Language tags and column names name their language, but for
    /// `en_freq` and `ja_freq`, align's counts.
    #[test]
    fn language_tags_and_column_names() {
        for (tag, lang) in [
            ("en", Some(Lang::En)),
            ("EN-us", Some(Lang::En)),
            ("ja_JP", Some(Lang::Ja)),
            ("ja-Jpan-JP", Some(Lang::Ja)),
            ("Japanese", Some(Lang::Ja)),
            ("en-419", Some(Lang::En)),
            ("en_freq", None),
            ("ja_freq", None),
            ("english_term", Some(Lang::En)),
            ("ja_text", Some(Lang::Ja)),
            ("en-GB-oxendict", Some(Lang::En)),
            ("ja-JP-u-ca-japanese", Some(Lang::Ja)),
            ("fr", None),
        ] {
            assert_eq!(Lang::from_tag(tag), lang, "{tag}");
        }
    }

    /// JSON refused `forbidden`, which the tables take (a translator's
    /// review): every name `Status::parse` takes reads, in any case.
    #[test]
    fn json_reads_every_status_name_the_tables_read() {
        for (name, want) in [
            ("forbidden", Status::Deprecated),
            ("Preferred", Status::Preferred),
            ("deprecatedTerm-admn-sts", Status::Deprecated),
            ("provisional", Status::Admitted),
        ] {
            let got: Result<Status, _> = serde_json::from_str(&format!("\"{name}\""));
            assert_eq!(got.ok(), Some(want), "{name}");
            assert_eq!(Status::parse(name), Some(want));
        }
        let err = serde_json::from_str::<Status>("\"best\"")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("unknown status `best` (preferred"), "{err}");
        // Written by its name, as before.
        assert_eq!(
            serde_json::to_string(&Status::Deprecated).ok().as_deref(),
            Some("\"deprecated\"")
        );
    }

    #[test]
    fn ids_from_terms() {
        assert_eq!(
            id_from("Most-Favored-Nation treatment"),
            "most-favored-nation-treatment"
        );
        assert_eq!(id_from("貿易黒字"), "貿易黒字");
    }

    #[test]
    fn empty_terms_are_dropped_and_named() {
        let term = |t: &str| Term {
            term: t.into(),
            reading: None,
            status: Status::Admitted,
            note: None,
        };
        let mut c = Concept {
            id: "tariff".into(),
            domain: String::new(),
            definition: String::new(),
            note: String::new(),
            en: vec![term("tariff"), term(" ")],
            ja: vec![term(""), term("関税")],
        };
        assert_eq!(
            c.drop_empty_terms(),
            [
                "concept `tariff`: en term 2 is empty",
                "concept `tariff`: ja term 1 is empty"
            ]
        );
        assert_eq!((c.en.len(), c.ja.len()), (1, 1));
        assert_eq!(c.problem(), None);
        // No term at all is the concept's problem, said once.
        let mut c = Concept {
            en: vec![term("")],
            ja: vec![],
            ..c
        };
        assert!(c.drop_empty_terms().is_empty());
        assert_eq!(c.problem().as_deref(), Some("concept `tariff` has no term"));
    }

    /// A concept whose id was made from its term (an `en,ja` row
    /// `tariff,関税`) replaced the built-in `tariff` with all its variants
    /// (a translator's review): it merges into it, its terms first.
    #[test]
    fn layering_merges_concepts_of_made_ids() {
        let term = |t: &str, status, reading: Option<&str>| Term {
            term: t.into(),
            reading: reading.map(String::from),
            status,
            note: None,
        };
        let built_in = Concept {
            id: "tariff".into(),
            domain: "trade".into(),
            definition: "A tax on imports.".into(),
            note: String::new(),
            en: vec![
                term("tariff", Status::Preferred, None),
                term("customs duty", Status::Admitted, None),
            ],
            ja: vec![
                term("関税", Status::Preferred, Some("かんぜい")),
                term("輸入関税", Status::Admitted, Some("ゆにゅうかんぜい")),
            ],
        };
        let user = Concept {
            id: "tariff".into(),
            domain: String::new(),
            definition: String::new(),
            note: String::new(),
            en: vec![term("tariff", Status::Preferred, None)],
            ja: vec![
                term("関税率", Status::Preferred, None),
                term("関税", Status::Deprecated, None),
            ],
        };
        let base = Glossary {
            concepts: vec![built_in.clone()],
        };
        let mut g = base.clone();
        let layered = g.layer_merging(
            Glossary {
                concepts: vec![user.clone()],
            },
            |id| id == "tariff",
        );
        assert_eq!(
            layered,
            Layered {
                replaced: vec![],
                merged: vec!["tariff".into()]
            }
        );
        let c = &g.concepts[0];
        let terms = |ts: &[Term]| -> Vec<(String, Status, Option<String>)> {
            ts.iter()
                .map(|t| (t.term.clone(), t.status, t.reading.clone()))
                .collect()
        };
        assert_eq!(
            terms(&c.en),
            [
                ("tariff".into(), Status::Preferred, None),
                ("customs duty".into(), Status::Admitted, None)
            ]
        );
        assert_eq!(
            terms(&c.ja),
            [
                ("関税率".into(), Status::Preferred, None),
                ("関税".into(), Status::Deprecated, Some("かんぜい".into())),
                (
                    "輸入関税".into(),
                    Status::Admitted,
                    Some("ゆにゅうかんぜい".into())
                )
            ]
        );
        assert_eq!(c.definition, "A tax on imports.");
        // An id given replaces, as before.
        let mut g = base;
        let layered = g.layer_merging(
            Glossary {
                concepts: vec![user.clone()],
            },
            |_| false,
        );
        assert_eq!(layered.replaced, ["tariff"]);
        assert_eq!(g.concepts[0], user);
    }

    #[test]
    fn layering_replaces_by_id_and_appends() {
        let c = |id: &str, def: &str| Concept {
            id: id.into(),
            domain: String::new(),
            definition: def.into(),
            note: String::new(),
            en: vec![Term {
                term: id.into(),
                reading: None,
                status: Status::Preferred,
                note: None,
            }],
            ja: vec![],
        };
        let mut g = Glossary {
            concepts: vec![c("a", "old"), c("b", "b")],
        };
        g.layer(Glossary {
            concepts: vec![c("a", "new"), c("z", "z")],
        });
        let defs: Vec<&str> = g.concepts.iter().map(|c| c.definition.as_str()).collect();
        assert_eq!(defs, ["new", "b", "z"]);
    }

    /// Unreviewed pairs had no status of their own and were written
    /// admitted (a terminologist's review): `proposed` is read by its name
    /// and common aliases in any case, in JSON as in the tables, and written
    /// by its name; UTX's `provisional` stays admitted.
    #[test]
    fn proposed_is_a_status_of_its_own() {
        for name in [
            "proposed",
            "Proposed",
            "PROPOSAL",
            "candidate",
            "unreviewed",
            "provisionallyProcessed",
            "unprocessed",
        ] {
            assert_eq!(Status::parse(name), Some(Status::Proposed), "{name}");
            let got: Result<Status, _> = serde_json::from_str(&format!("\"{name}\""));
            assert_eq!(got.ok(), Some(Status::Proposed), "{name}");
        }
        assert_eq!(Status::parse("provisional"), Some(Status::Admitted));
        assert_eq!(Status::Proposed.name(), "proposed");
        assert_eq!(
            serde_json::to_string(&Status::Proposed).ok().as_deref(),
            Some("\"proposed\"")
        );
        assert!(!Status::Proposed.is_reviewed());
        assert!(Status::Deprecated.is_reviewed());
    }

    /// A proposal stands for its concept only where nothing reviewed does;
    /// merged over a concept, it decides nothing: a term the concept has
    /// keeps its status, a new one comes after the reviewed terms.
    #[test]
    fn a_proposal_neither_leads_nor_overrides() {
        let term = |t: &str, status| Term {
            term: t.into(),
            reading: None,
            status,
            note: None,
        };
        let concept = |en: Vec<Term>, ja: Vec<Term>| Concept {
            id: "tariff".into(),
            domain: String::new(),
            definition: String::new(),
            note: String::new(),
            en,
            ja,
        };
        let c = concept(
            vec![
                term("duty", Status::Proposed),
                term("tariff", Status::Admitted),
            ],
            vec![term("関税", Status::Proposed)],
        );
        assert_eq!(
            c.preferred(Lang::En).map(|t| t.term.as_str()),
            Some("tariff")
        );
        assert_eq!(c.preferred(Lang::Ja).map(|t| t.term.as_str()), Some("関税"));
        let mut built_in = concept(
            vec![
                term("tariff", Status::Preferred),
                term("duty", Status::Admitted),
            ],
            vec![term("関税", Status::Preferred)],
        );
        built_in.merge_over(concept(
            vec![
                term("tariffs", Status::Proposed),
                term("tariff", Status::Proposed),
            ],
            vec![term("関税", Status::Proposed)],
        ));
        let statuses = |ts: &[Term]| -> Vec<(String, Status)> {
            ts.iter().map(|t| (t.term.clone(), t.status)).collect()
        };
        assert_eq!(
            statuses(&built_in.en),
            [
                ("tariff".into(), Status::Preferred),
                ("duty".into(), Status::Admitted),
                ("tariffs".into(), Status::Proposed)
            ]
        );
        assert_eq!(statuses(&built_in.ja), [("関税".into(), Status::Preferred)]);
        // Where the user prefers another term, the old preferred one a
        // proposal names is admitted, as any other old preferred term.
        let mut built_in = concept(vec![term("tariff", Status::Preferred)], vec![]);
        built_in.merge_over(concept(
            vec![
                term("customs duty", Status::Preferred),
                term("tariff", Status::Proposed),
            ],
            vec![],
        ));
        assert_eq!(
            statuses(&built_in.en),
            [
                ("customs duty".into(), Status::Preferred),
                ("tariff".into(), Status::Admitted)
            ]
        );
    }
}
