//! Text normalisation shared by the stages after reading: labels are compared
//! after folding whitespace, full/half width, traditional characters and
//! list numbering away.

/// Traditional (and a few variant) forms of the characters that occur in the
/// templates' labels, headings and the prose patterns, with their simplified
/// forms. Reports mirrored as 繁体 must still match.
const TRADITIONAL: &[(char, char)] = &[
    ('兩', '两'),
    ('減', '减'),
    ('爲', '为'),
    ('祕', '秘'),
    ('罰', '罚'),
    ('試', '试'),
    ('諱', '讳'),
    ('護', '护'),
    ('載', '载'),
    ('銷', '销'),
    ('錯', '错'),
    ('鏈', '链'),
    ('駁', '驳'),
    ('開', '开'),
    ('規', '规'),
    ('範', '范'),
    ('與', '与'),
    ('數', '数'),
    ('據', '据'),
    ('處', '处'),
    ('決', '决'),
    ('許', '许'),
    ('強', '强'),
    ('製', '制'),
    ('發', '发'),
    ('廢', '废'),
    ('現', '现'),
    ('費', '费'),
    ('額', '额'),
    ('單', '单'),
    ('萬', '万'),
    ('項', '项'),
    ('採', '采'),
    ('釆', '采'),
    ('購', '购'),
    ('總', '总'),
    ('計', '计'),
    ('請', '请'),
    ('結', '结'),
    ('轉', '转'),
    ('辦', '办'),
    ('務', '务'),
    ('機', '机'),
    ('關', '关'),
    ('權', '权'),
    ('屬', '属'),
    ('國', '国'),
    ('維', '维'),
    ('穩', '稳'),
    ('內', '内'),
    ('類', '类'),
    ('過', '过'),
    ('執', '执'),
    ('詢', '询'),
    ('無', '无'),
    ('補', '补'),
    ('確', '确'),
    ('訪', '访'),
    ('舉', '举'),
    ('報', '报'),
    ('訴', '诉'),
    ('訟', '讼'),
    ('複', '复'),
    ('復', '复'),
    ('議', '议'),
    ('糾', '纠'),
    ('審', '审'),
    ('為', '为'),
    ('納', '纳'),
    ('繳', '缴'),
    ('當', '当'),
    ('體', '体'),
    ('況', '况'),
    ('動', '动'),
    ('問', '问'),
    ('題', '题'),
    ('進', '进'),
    ('門', '门'),
    ('縣', '县'),
    ('區', '区'),
    ('鎮', '镇'),
    ('鄉', '乡'),
    ('號', '号'),
    ('條', '条'),
    ('個', '个'),
    ('構', '构'),
    ('織', '织'),
    ('組', '组'),
    ('會', '会'),
    ('業', '业'),
    ('資', '资'),
    ('訊', '讯'),
    ('產', '产'),
    ('這', '这'),
    ('經', '经'),
    ('後', '后'),
    ('應', '应'),
    ('對', '对'),
    ('層', '层'),
    ('統', '统'),
    ('於', '于'),
    ('從', '从'),
    ('實', '实'),
    ('際', '际'),
    ('將', '将'),
    ('來', '来'),
    ('時', '时'),
    ('間', '间'),
    ('續', '续'),
    ('繼', '继'),
    ('設', '设'),
    ('劃', '划'),
    ('協', '协'),
    ('紀', '纪'),
    ('監', '监'),
    ('網', '网'),
    ('戶', '户'),
    ('們', '们'),
    ('員', '员'),
    ('學', '学'),
    ('專', '专'),
    ('責', '责'),
    ('頁', '页'),
    ('沒', '没'),
    ('獲', '获'),
    ('區', '区'),
    ('營', '营'),
    ('險', '险'),
    ('義', '义'),
    ('衛', '卫'),
    ('財', '财'),
    ('貿', '贸'),
    ('勞', '劳'),
    ('環', '环'),
    ('屆', '届'),
    ('歲', '岁'),
    ('廳', '厅'),
    ('聯', '联'),
    ('舊', '旧'),
    ('筆', '笔'),
    ('檔', '档'),
    ('違', '违'),
    ('斷', '断'),
    ('證', '证'),
    ('書', '书'),
    ('態', '态'),
    ('廣', '广'),
    ('電', '电'),
    ('視', '视'),
    ('聞', '闻'),
    ('寫', '写'),
    ('編', '编'),
    ('佈', '布'),
    ('陳', '陈'),
    ('並', '并'),
    ('僅', '仅'),
    ('種', '种'),
    ('優', '优'),
    ('輸', '输'),
    ('導', '导'),
    ('擇', '择'),
    ('現', '现'),
    ('節', '节'),
    ('達', '达'),
    ('億', '亿'),
    ('讀', '读'),
    ('覽', '览'),
    ('軟', '软'),
    ('週', '周'),
    ('內', '内'),
    ('頒', '颁'),
    ('輯', '辑'),
    ('續', '续'),
    ('選', '选'),
    ('圍', '围'),
    ('質', '质'),
    ('詳', '详'),
    ('細', '细'),
    ('較', '较'),
    ('幹', '干'),
    ('術', '术'),
    ('準', '准'),
    ('長', '长'),
    ('簡', '简'),
    ('稱', '称'),
    ('館', '馆'),
    ('醫', '医'),
    ('療', '疗'),
    ('場', '场'),
    ('東', '东'),
    ('臺', '台'),
    ('華', '华'),
    ('漢', '汉'),
    ('陽', '阳'),
    ('雲', '云'),
    ('遼', '辽'),
    ('寧', '宁'),
    ('龍', '龙'),
    ('蘇', '苏'),
    ('廈', '厦'),
    ('慶', '庆'),
    ('貴', '贵'),
    ('灣', '湾'),
    ('張', '张'),
    ('鳥', '鸟'),
    ('見', '见'),
    ('頭', '头'),
    ('傳', '传'),
    ('統', '统'),
    ('習', '习'),
    ('爭', '争'),
    ('則', '则'),
    ('議', '议'),
    ('錄', '录'),
    ('閱', '阅'),
    ('覆', '复'),
    ('徵', '征'),
    ('稅', '税'),
    ('齊', '齐'),
    ('貫', '贯'),
    ('徹', '彻'),
    ('體', '体'),
    ('補', '补'),
    ('認', '认'),
    ('識', '识'),
    ('戰', '战'),
    ('為', '为'),
    ('並', '并'),
    ('適', '适'),
];

const CJK_FIRST: u32 = 0x3400;
const CJK_LAST: u32 = 0x9FFF;

/// A dense lookup over the CJK blocks (traditional → simplified, 0 = same):
/// every CJK character of a document passes through `simplify`.
static DENSE: std::sync::LazyLock<Vec<u32>> = std::sync::LazyLock::new(|| {
    let mut v = vec![0u32; (CJK_LAST - CJK_FIRST + 1) as usize];
    for &(t, s) in TRADITIONAL {
        if let Some(slot) = (t as u32)
            .checked_sub(CJK_FIRST)
            .and_then(|i| v.get_mut(i as usize))
        {
            *slot = s as u32;
        }
    }
    v
});

fn simplify(c: char) -> char {
    let Some(i) = (c as u32).checked_sub(CJK_FIRST) else {
        return c;
    };
    match DENSE.get(i as usize) {
        Some(&s) if s != 0 => char::from_u32(s).unwrap_or(c),
        _ => c,
    }
}

/// True for every kind of space a report uses for alignment, including the
/// ideographic space, no-break spaces and zero-width characters.
pub fn is_space(c: char) -> bool {
    // Spelled out: `char::is_whitespace` does a table search for every CJK
    // character, and every character of a report passes through here.
    matches!(
        c as u32,
        0x09..=0x0D | 0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200D | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 | 0xFEFF
    )
}

/// A digit as reports type them: ASCII, or full width (１７４, an input
/// method in full-width mode).
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Folds one character: full-width ASCII to half width, traditional forms to
/// simplified, CJK punctuation variants to one form.
pub fn fold_char(c: char) -> char {
    match c {
        // Full-width ASCII, including （）［］．－，：.
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(c as u32 - 0xFEE0).map_or(c, |h| if h == '\'' { '"' } else { h })
        }
        '【' | '〔' => '[',
        '】' | '〕' => ']',
        '｡' => '.',
        '“' | '”' | '「' | '」' | '『' | '』' | '\'' | '‘' | '’' => '"',
        // Dashes and minus signs of every width (⸺ and ⸻ print as long
        // blank markers in tables).
        '—' | '–' | '─' | '―' | '‐' | '‑' | '‒' | '−' | '⸺' | '⸻' | '﹣' | '━' => {
            '-'
        }
        c if (c as u32) >= 0x3400 => simplify(c),
        c => c,
    }
}

/// A label as compared by the matchers: no whitespace at all, folded chars.
/// Quotes are dropped (危及“三安全一稳定” = 危及三安全一稳定).
/// `norm(s).is_empty()` without building the string: only spaces and quotes.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| is_space(c) || fold_char(c) == '"')
}

pub fn norm(s: &str) -> String {
    // Sized once (folding never lengthens a label much): a collect from a
    // filter would grow the string several times.
    let mut out = String::with_capacity(s.len());
    norm_into(s, &mut out);
    out
}

/// [`norm`] appended to `out` (many labels normalised into one buffer).
pub fn norm_into(s: &str, out: &mut String) {
    let start = out.len();
    // Whether a phrase to fold may be present, noted on the way (searching
    // the result for a CJK character costs more than the folding).
    let mut phrase = false;
    let dense = &*DENSE;
    // Characters that stay as they are (most of them) are copied a run at
    // a time rather than pushed one by one.
    let mut run = 0;
    for (i, c) in s.char_indices() {
        let u = c as u32;
        // Most of a report is CJK ideographs: none is a space, and each
        // folds to its simplified form alone (the table read directly).
        let f = if (CJK_FIRST..=CJK_LAST).contains(&u) {
            match dense[(u - CJK_FIRST) as usize] {
                0 => c,
                s => char::from_u32(s).unwrap_or(c),
            }
        } else if is_space(c) {
            out.push_str(&s[run..i]);
            run = i + c.len_utf8();
            continue;
        } else {
            fold_char(c)
        };
        phrase |= f == PHRASE_MARK;
        if f != c || f == '"' {
            out.push_str(&s[run..i]);
            run = i + c.len_utf8();
            if f != '"' {
                out.push(f);
            }
        }
    }
    out.push_str(&s[run..]);
    if phrase {
        let folded = fold_phrases(out.split_off(start));
        out.push_str(&folded);
    }
}

/// A character every phrase of [`PHRASES`] holds: without it, none can be
/// present.
const PHRASE_MARK: char = '讯';

/// `hay.contains(needle)`, quicker for the short labels matched against
/// keywords: with a haystack under sixteen bytes longer than the needle,
/// std's search profiled as a memcmp call per place, where testing the
/// first and last byte first rules most places out. Longer haystacks go to
/// std's vectorised search. (A match of UTF-8 in UTF-8 always starts at a
/// character boundary, so the bytes decide.)
pub fn contains(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let (Some(&first), Some(&last)) = (n.first(), n.last()) else {
        return true;
    };
    if h.len() < n.len() {
        return false;
    }
    let starts = h.len() - n.len();
    if starts >= 16 {
        return hay.contains(needle);
    }
    (0..=starts).any(|i| h[i] == first && h[i + n.len() - 1] == last && &h[i..i + n.len()] == n)
}

/// A set of phrases, each with a tag, found in a short text by their first
/// characters: the text is read once, and only the phrases whose first
/// character shares the low byte of the character at hand (a bucket of one
/// or two) are compared there. For texts of a few dozen characters this
/// beats both a search per phrase (each sets up a searcher) and a regex or
/// Aho-Corasick automaton (their set-up and byte-wise walk outweigh a short
/// CJK text).
pub(crate) struct PhraseSet<T> {
    /// The phrases with their first characters and tags, ordered by the
    /// first character's low byte.
    phrases: Vec<(char, &'static str, T)>,
    /// For each low byte, where its phrases start in `phrases` (they end
    /// where the next byte's start).
    bucket_starts: [u16; 257],
}

impl<T: Copy> PhraseSet<T> {
    /// The set of `phrases` (a few hundred at most: the buckets index them
    /// with 16 bits).
    pub(crate) fn new(phrases: impl IntoIterator<Item = (&'static str, T)>) -> PhraseSet<T> {
        let mut all: Vec<(char, &'static str, T)> = phrases
            .into_iter()
            .filter_map(|(p, tag)| p.chars().next().map(|c| (c, p, tag)))
            .take(usize::from(u16::MAX))
            .collect();
        all.sort_by_key(|(c, _, _)| *c as u32 & 255);
        let mut bucket_starts = [0u16; 257];
        for (c, _, _) in &all {
            bucket_starts[(*c as u32 & 255) as usize + 1] += 1;
        }
        for b in 1..257 {
            bucket_starts[b] += bucket_starts[b - 1];
        }
        PhraseSet {
            phrases: all,
            bucket_starts,
        }
    }

    /// The phrases that may begin with `c`: those whose first character
    /// shares its low byte.
    fn bucket(&self, c: char) -> &[(char, &'static str, T)] {
        let b = (c as u32 & 255) as usize;
        &self.phrases[usize::from(self.bucket_starts[b])..usize::from(self.bucket_starts[b + 1])]
    }

    /// Calls `f` with the tag of each phrase occurrence in `text`.
    pub(crate) fn each_in(&self, text: &str, mut f: impl FnMut(T)) {
        for (i, c) in text.char_indices() {
            for (first, p, tag) in self.bucket(c) {
                if *first == c && text[i..].starts_with(p) {
                    f(*tag);
                }
            }
        }
    }

    /// Whether any phrase occurs in `text`.
    pub(crate) fn any_in(&self, text: &str) -> bool {
        text.char_indices().any(|(i, c)| {
            self.bucket(c)
                .iter()
                .any(|(f, p, _)| *f == c && text[i..].starts_with(p))
        })
    }
}

/// Words that 繁体 conversion (OpenCC's Taiwan phrases) replaces as a whole.
const PHRASES: &[(&str, &str)] = &[("资讯", "信息")];

fn fold_phrases(s: String) -> String {
    PHRASES
        .iter()
        .fold(s, |acc, (from, to)| acc.replace(from, to))
}

const CN_NUMERALS: &str = "一二三四五六七八九十〇零";

/// Strips a leading list label: `一、` `（一）` `(1)` `1.` `1、` `1．` `①`.
/// Works on normalised or raw text.
pub fn strip_numbering(s: &str) -> &str {
    let t = s.trim_start_matches(is_space);
    let mut chars = t.char_indices().peekable();
    let Some((_, first)) = chars.peek().copied() else {
        return t;
    };
    // Circled numbers.
    if ('\u{2460}'..='\u{2473}').contains(&first) {
        return t[first.len_utf8()..].trim_start_matches(is_space);
    }
    let open = matches!(first, '(' | '（');
    if open {
        chars.next();
    }
    let mut end_num = None;
    let mut saw = false;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_ascii_digit() || ('０'..='９').contains(&c) || CN_NUMERALS.contains(c) {
            saw = true;
            chars.next();
            end_num = Some(i + c.len_utf8());
        } else {
            break;
        }
    }
    let Some(end) = end_num else { return t };
    if !saw {
        return t;
    }
    let rest = &t[end..];
    let mut rc = rest.chars();
    match rc.next() {
        Some(')' | '）') if open => rest[rest.chars().next().map_or(0, char::len_utf8)..]
            .trim_start_matches(|c: char| is_space(c) || matches!(c, '、' | '.' | '．')),
        Some('、' | '.' | '．' | ',' | '，') if !open => {
            let after = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
            // "1.5万元" is a number, not a label.
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                t
            } else {
                after.trim_start_matches(is_space)
            }
        }
        _ => t,
    }
}

/// Value of a Chinese numeral written the way section numbers and counts are
/// (一 … 九十九, 两, 〇/零 digits as in 二〇二〇). `None` when not a numeral.
pub fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' | '○' | 'О' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    if s.is_empty() {
        return None;
    }
    if !s.contains('十') && !s.contains('百') {
        // Digit by digit (二〇二〇).
        let mut v: u32 = 0;
        for c in s.chars() {
            v = v.checked_mul(10)?.checked_add(digit(c)?)?;
        }
        return Some(v);
    }
    let mut total = 0u32;
    let mut cur = 0u32;
    for c in s.chars() {
        match c {
            '百' => {
                total += cur.max(1) * 100;
                cur = 0;
            }
            '十' => {
                total += cur.max(1) * 10;
                cur = 0;
            }
            c => cur = digit(c)?,
        }
    }
    Some(total + cur)
}

/// `len` characters drawn from `alphabet` by a small LCG on `seed`: random
/// text for the differential tests of the folding and sentence helpers.
#[cfg(test)]
pub(crate) fn random_text(seed: &mut u64, alphabet: &[char], len: usize) -> String {
    (0..len)
        .map(|_| {
            *seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            alphabet[(*seed >> 33) as usize % alphabet.len()]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_holds_the_mark_norm_looks_for() {
        assert!(PHRASES.iter().all(|(from, _)| from.contains(PHRASE_MARK)));
        assert_eq!(norm("政府資訊公開"), "政府信息公开");
    }

    /// `norm` reads CJK ideographs from the table directly: it gives what
    /// folding every character with `fold_char` gives, on every character
    /// of the CJK blocks, their edges, every traditional form, and mixed
    /// text with spaces, quotes, dashes and full-width forms.
    #[test]
    fn norm_folds_as_fold_char_does() {
        fn by_fold_char(s: &str) -> String {
            let out: String = s
                .chars()
                .filter(|c| !is_space(*c))
                .map(fold_char)
                .filter(|f| *f != '"')
                .collect();
            fold_phrases(out)
        }
        let block: String = (CJK_FIRST - 8..=CJK_LAST + 8)
            .filter_map(char::from_u32)
            .collect();
        assert_eq!(norm(&block), by_fold_char(&block));
        let traditional: String = TRADITIONAL.iter().map(|(t, _)| *t).collect();
        assert_eq!(norm(&traditional), by_fold_char(&traditional));
        let alphabet: Vec<char> = "資訊 公開\u{3000}“申请”－—（１２）【件】\t'a1讯資"
            .chars()
            .collect();
        let mut seed = 5u64;
        for len in 0..40 {
            for _ in 0..50 {
                let text = random_text(&mut seed, &alphabet, len);
                assert_eq!(norm(&text), by_fold_char(&text), "{text:?}");
            }
        }
    }

    /// The short-label search finds what `str::contains` finds, at every
    /// length either side of where it hands over to it.
    #[test]
    fn contains_agrees_with_str_contains() {
        let pieces = [
            "",
            "申请",
            "公开",
            "其他",
            "件",
            "a",
            "1",
            "（一）",
            "处理决定",
            "讯",
        ];
        let mut rng = crate::test_rng::Xorshift(0x0bad_5eed);
        let mut next = |k: usize| rng.below(k);
        for _ in 0..20_000 {
            let hay: String = (0..next(12)).map(|_| pieces[next(pieces.len())]).collect();
            let needle: String = (0..next(4)).map(|_| pieces[next(pieces.len())]).collect();
            assert_eq!(
                contains(&hay, &needle),
                hay.contains(&needle),
                "{hay:?} {needle:?}"
            );
        }
    }

    #[test]
    fn is_blank_agrees_with_norm_being_empty() {
        for s in ["", " \u{3000}\t", "\"＂", "０", "－", "a", "总 计"] {
            assert_eq!(is_blank(s), norm(s).is_empty(), "{s:?}");
        }
    }

    #[test]
    fn norm_folds_space_width_and_traditional() {
        assert_eq!(norm("商业 企业"), "商业企业");
        assert_eq!(norm("（二）部分\u{3000}公開"), "(二)部分公开");
        assert_eq!(norm("危及“三安全一稳定”"), "危及三安全一稳定");
        assert_eq!(norm("政府集中釆购"), "政府集中采购");
        assert_eq!(norm("１２３\u{a0}"), "123");
    }

    #[test]
    fn traditional_table_has_one_entry_per_character() {
        let mut seen = std::collections::HashMap::new();
        for &(t, s) in TRADITIONAL {
            assert_ne!(t, s, "{t} maps to itself");
            if let Some(prev) = seen.insert(t, s) {
                assert_eq!(prev, s, "{t} has two simplified forms");
            }
        }
        // 資訊 is the Taiwan word for 信息: folded as a phrase.
        assert_eq!(
            norm("收到和處理政府資訊公開申請情況"),
            "收到和处理政府信息公开申请情况"
        );
    }

    #[test]
    fn strip_numbering_variants() {
        assert_eq!(strip_numbering("一、总体情况"), "总体情况");
        assert_eq!(strip_numbering("（一）予以公开"), "予以公开");
        assert_eq!(strip_numbering("(1)概述"), "概述");
        assert_eq!(strip_numbering("1.属于国家秘密"), "属于国家秘密");
        assert_eq!(strip_numbering("2、重复申请"), "重复申请");
        assert_eq!(strip_numbering("3．其他"), "其他");
        assert_eq!(strip_numbering("十一、附则"), "附则");
        assert_eq!(strip_numbering("1.5万元"), "1.5万元");
        assert_eq!(strip_numbering("其他"), "其他");
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number("六"), Some(6));
        assert_eq!(chinese_number("十一"), Some(11));
        assert_eq!(chinese_number("二十三"), Some(23));
        assert_eq!(chinese_number("二〇二〇"), Some(2020));
        assert_eq!(chinese_number("两"), Some(2));
        assert_eq!(chinese_number("年"), None);
    }
}
