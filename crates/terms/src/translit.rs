//! Katakana loanwords and their English sources: katakana romanized
//! (Hepburn-like), both sides folded to a rough sound skeleton, compared by
//! normalized edit distance (サミット ~ summit, ハワイ ~ Hawaii).

/// Romanizes katakana (Hepburn-like: シ shi, チ chi, ツ tsu, ッ doubles the
/// next consonant, ー repeats the vowel before). Other characters are dropped,
/// except ASCII letters, which are kept lowercase.
pub fn romanize(kana: &str) -> String {
    let chars: Vec<char> = kana.chars().collect();
    let mut out = String::new();
    let mut double_next = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        // Two-character sounds first (キャ, ティ, ファ, ヴァ …).
        if let Some(r) = next.and_then(|n| digraph(c, n)) {
            push(&mut out, r, &mut double_next);
            i += 2;
            continue;
        }
        match c {
            'ッ' => double_next = true,
            'ー' => {
                if let Some(v) = out.chars().last().filter(|v| "aeiou".contains(*v)) {
                    out.push(v);
                }
            }
            _ => {
                if let Some(r) = mono(c) {
                    push(&mut out, r, &mut double_next);
                } else if c.is_ascii_alphabetic() {
                    out.push(c.to_ascii_lowercase());
                }
            }
        }
        i += 1;
    }
    out
}

fn push(out: &mut String, r: &str, double_next: &mut bool) {
    if std::mem::take(double_next)
        && let Some(first) = r.chars().next().filter(|c| !"aeiou".contains(*c))
    {
        out.push(if r.starts_with("ch") { 't' } else { first });
    }
    out.push_str(r);
}

fn digraph(c: char, n: char) -> Option<&'static str> {
    let small = match n {
        'ャ' => "a",
        'ュ' => "u",
        'ョ' => "o",
        'ァ' => "a",
        'ィ' => "i",
        'ゥ' => "u",
        'ェ' => "e",
        'ォ' => "o",
        _ => return None,
    };
    let base = match (c, small) {
        ('シ', v) => return Some(sh(v)),
        ('チ', v) => return Some(ch(v)),
        ('ジ', v) => return Some(j(v)),
        ('テ', "i") => return Some("ti"),
        ('デ', "i") => return Some("di"),
        ('デ', "u") => return Some("du"),
        ('ト', "u") => return Some("tu"),
        ('ド', "u") => return Some("du"),
        ('ツ', v) => return Some(ts(v)),
        ('フ', v) => return Some(f(v)),
        ('ウ', "i") => return Some("wi"),
        ('ウ', "e") => return Some("we"),
        ('ウ', "o") => return Some("wo"),
        ('ヴ', v) => return Some(vv(v)),
        ('キ', _) => "ky",
        ('ギ', _) => "gy",
        ('ニ', _) => "ny",
        ('ヒ', _) => "hy",
        ('ビ', _) => "by",
        ('ピ', _) => "py",
        ('ミ', _) => "my",
        ('リ', _) => "ry",
        _ => return None,
    };
    Some(match (base, small) {
        ("ky", "a") => "kya",
        ("ky", "u") => "kyu",
        ("ky", "o") => "kyo",
        ("gy", "a") => "gya",
        ("gy", "u") => "gyu",
        ("gy", "o") => "gyo",
        ("ny", "a") => "nya",
        ("ny", "u") => "nyu",
        ("ny", "o") => "nyo",
        ("hy", "a") => "hya",
        ("hy", "u") => "hyu",
        ("hy", "o") => "hyo",
        ("by", "a") => "bya",
        ("by", "u") => "byu",
        ("by", "o") => "byo",
        ("py", "a") => "pya",
        ("py", "u") => "pyu",
        ("py", "o") => "pyo",
        ("my", "a") => "mya",
        ("my", "u") => "myu",
        ("my", "o") => "myo",
        ("ry", "a") => "rya",
        ("ry", "u") => "ryu",
        ("ry", "o") => "ryo",
        _ => return None,
    })
}

fn sh(v: &str) -> &'static str {
    match v {
        "a" => "sha",
        "u" => "shu",
        "e" => "she",
        "o" => "sho",
        _ => "shi",
    }
}

fn ch(v: &str) -> &'static str {
    match v {
        "a" => "cha",
        "u" => "chu",
        "e" => "che",
        "o" => "cho",
        _ => "chi",
    }
}

fn j(v: &str) -> &'static str {
    match v {
        "a" => "ja",
        "u" => "ju",
        "e" => "je",
        "o" => "jo",
        _ => "ji",
    }
}

fn ts(v: &str) -> &'static str {
    match v {
        "a" => "tsa",
        "i" => "tsi",
        "e" => "tse",
        "o" => "tso",
        _ => "tsu",
    }
}

fn f(v: &str) -> &'static str {
    match v {
        "a" => "fa",
        "i" => "fi",
        "e" => "fe",
        "o" => "fo",
        _ => "fu",
    }
}

fn vv(v: &str) -> &'static str {
    match v {
        "a" => "va",
        "i" => "vi",
        "e" => "ve",
        "o" => "vo",
        _ => "vu",
    }
}

fn mono(c: char) -> Option<&'static str> {
    const ROWS: &[(char, &str)] = &[
        ('ア', "a"),
        ('イ', "i"),
        ('ウ', "u"),
        ('エ', "e"),
        ('オ', "o"),
        ('カ', "ka"),
        ('キ', "ki"),
        ('ク', "ku"),
        ('ケ', "ke"),
        ('コ', "ko"),
        ('ガ', "ga"),
        ('ギ', "gi"),
        ('グ', "gu"),
        ('ゲ', "ge"),
        ('ゴ', "go"),
        ('サ', "sa"),
        ('シ', "shi"),
        ('ス', "su"),
        ('セ', "se"),
        ('ソ', "so"),
        ('ザ', "za"),
        ('ジ', "ji"),
        ('ズ', "zu"),
        ('ゼ', "ze"),
        ('ゾ', "zo"),
        ('タ', "ta"),
        ('チ', "chi"),
        ('ツ', "tsu"),
        ('テ', "te"),
        ('ト', "to"),
        ('ダ', "da"),
        ('ヂ', "ji"),
        ('ヅ', "zu"),
        ('デ', "de"),
        ('ド', "do"),
        ('ナ', "na"),
        ('ニ', "ni"),
        ('ヌ', "nu"),
        ('ネ', "ne"),
        ('ノ', "no"),
        ('ハ', "ha"),
        ('ヒ', "hi"),
        ('フ', "fu"),
        ('ヘ', "he"),
        ('ホ', "ho"),
        ('バ', "ba"),
        ('ビ', "bi"),
        ('ブ', "bu"),
        ('ベ', "be"),
        ('ボ', "bo"),
        ('パ', "pa"),
        ('ピ', "pi"),
        ('プ', "pu"),
        ('ペ', "pe"),
        ('ポ', "po"),
        ('マ', "ma"),
        ('ミ', "mi"),
        ('ム', "mu"),
        ('メ', "me"),
        ('モ', "mo"),
        ('ヤ', "ya"),
        ('ユ', "yu"),
        ('ヨ', "yo"),
        ('ラ', "ra"),
        ('リ', "ri"),
        ('ル', "ru"),
        ('レ', "re"),
        ('ロ', "ro"),
        ('ワ', "wa"),
        ('ヰ', "i"),
        ('ヱ', "e"),
        ('ヲ', "o"),
        ('ン', "n"),
        ('ヴ', "vu"),
        ('ァ', "a"),
        ('ィ', "i"),
        ('ゥ', "u"),
        ('ェ', "e"),
        ('ォ', "o"),
        ('ャ', "ya"),
        ('ュ', "yu"),
        ('ョ', "yo"),
        ('ヵ', "ka"),
        ('ヶ', "ke"),
    ];
    ROWS.iter().find(|(k, _)| *k == c).map(|(_, r)| *r)
}

/// True when `s` is written in katakana (with the long mark and middle dot).
pub fn is_katakana(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー') || is_name_joiner(c))
}

/// A mark joining the words of a foreign name or loanword written in
/// katakana: the middle dot (キャサリン・タイ) or a double hyphen
/// (オコンジョ＝イウェアラ; ASCII `=` once in NFKC, U+30A0).
pub fn is_name_joiner(c: char) -> bool {
    matches!(c, '・' | '=' | '＝' | '゠')
}

/// Folds Latin text (English, or romanized katakana) to a rough sound form:
/// letters only, lowercase, English spellings mapped to what katakana can
/// write (`ph`→f, `th`→s, `c`→k, `l`→r, `v`→b, `x`→ks, `wh`→w), romaji
/// spellings to the same (`shi`→si, `tsu`→tu, `chi`→ti), doubled letters single.
pub fn fold(latin: &str) -> String {
    let lower: String = latin
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let mut s = lower;
    for (from, to) in [
        ("tch", "ch"),
        ("sh", "s"),
        ("ch", "t"),
        ("ts", "t"),
        ("ph", "f"),
        ("th", "s"),
        ("wh", "w"),
        ("ck", "k"),
        ("qu", "k"),
        ("x", "ks"),
        ("c", "k"),
        ("q", "k"),
        ("l", "r"),
        ("v", "b"),
        ("y", "i"),
        ("j", "z"),
        ("dz", "z"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// English with `r` after a vowel and before a consonant or the end of a
/// word dropped, as katakana writes it (`server` → `seve`, サーバー).
fn non_rhotic(english: &str) -> String {
    let chars: Vec<char> = english.to_lowercase().chars().collect();
    let vowel = |c: Option<&char>| c.is_some_and(|c| "aeiou".contains(*c));
    let mut out = String::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let drop = c == 'r'
            && i > 0
            && vowel(chars.get(i - 1))
            && !vowel(chars.get(i + 1))
            && chars.get(i + 1) != Some(&'r')
            && chars.get(i + 1) != Some(&'y');
        if !drop {
            out.push(c);
        }
    }
    out
}

/// The consonants of a folded form.
fn skeleton(folded: &str) -> String {
    folded.chars().filter(|c| !"aeiou".contains(*c)).collect()
}

/// Similarity in [0, 1] of an English term and a katakana word: the mean
/// of the normalized edit similarities of their folded forms and of their
/// consonant skeletons; 0 when `kana` is not katakana.
pub fn similarity(english: &str, kana: &str) -> f64 {
    if !is_katakana(kana) {
        return 0.0;
    }
    let a = fold(&non_rhotic(english));
    let b = fold(&romanize(kana));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let full = strsim::normalized_levenshtein(&a, &b);
    let (sa, sb) = (skeleton(&a), skeleton(&b));
    let bones = if sa.is_empty() && sb.is_empty() {
        1.0
    } else {
        strsim::normalized_levenshtein(&sa, &sb)
    };
    (full + bones) / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanizes_katakana() {
        assert_eq!(romanize("サミット"), "samitto");
        assert_eq!(romanize("ハワイ"), "hawai");
        assert_eq!(romanize("シアトル"), "shiatoru");
        assert_eq!(romanize("コンピューター"), "konpyuutaa");
        assert_eq!(romanize("ファイル"), "fairu");
        assert_eq!(romanize("ホワイトハウス"), "howaitohausu");
    }

    #[test]
    fn loanwords_are_close_to_their_sources() {
        for (en, ja) in [
            ("summit", "サミット"),
            ("Hawaii", "ハワイ"),
            ("Seattle", "シアトル"),
            ("White House", "ホワイトハウス"),
            ("file", "ファイル"),
            ("server", "サーバー"),
            ("computer", "コンピューター"),
        ] {
            assert!(
                similarity(en, ja) >= 0.6,
                "{en} {ja} {}",
                similarity(en, ja)
            );
        }
        for (en, ja) in [
            ("summit", "ハワイ"),
            ("file", "サーバー"),
            ("Seattle", "貿易"),
        ] {
            assert!(similarity(en, ja) < 0.5, "{en} {ja} {}", similarity(en, ja));
        }
    }
}
