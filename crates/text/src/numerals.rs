//! Roman numerals, as page numbers and article numbers write them.

/// The value of a Roman numeral in capitals written the standard way, 1 to
/// 3999 (`XIX`, `MCMXCIV`; not `IIII`, `VX`, `DVD`): its value, read letter
/// by letter, written back gives the same letters.
pub(crate) fn roman_value(word: &[u8]) -> Option<u32> {
    let letter = |b: u8| match b {
        b'I' => Some(1),
        b'V' => Some(5),
        b'X' => Some(10),
        b'L' => Some(50),
        b'C' => Some(100),
        b'D' => Some(500),
        b'M' => Some(1000),
        _ => None,
    };
    let values = word
        .iter()
        .map(|&b| letter(b))
        .collect::<Option<Vec<u32>>>()?;
    if values.is_empty() || values.len() > 15 {
        return None;
    }
    let mut value: i64 = 0;
    for (k, &v) in values.iter().enumerate() {
        if values.get(k + 1).is_some_and(|&next| next > v) {
            value -= i64::from(v);
        } else {
            value += i64::from(v);
        }
    }
    let value = u32::try_from(value)
        .ok()
        .filter(|v| (1..4000).contains(v))?;
    (roman(value).as_bytes() == word).then_some(value)
}

/// `value` (1 to 3999) as a standard Roman numeral.
fn roman(mut value: u32) -> String {
    let mut out = String::new();
    for (digits, v) in [
        ("M", 1000),
        ("CM", 900),
        ("D", 500),
        ("CD", 400),
        ("C", 100),
        ("XC", 90),
        ("L", 50),
        ("XL", 40),
        ("X", 10),
        ("IX", 9),
        ("V", 5),
        ("IV", 4),
        ("I", 1),
    ] {
        while value >= v {
            out.push_str(digits);
            value -= v;
        }
    }
    out
}
