use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let opts = govreport::Options::default();
    let doc = govreport::read::read(&bytes, govreport::read::Format::Docx, &opts.limits).unwrap();
    let loc = govreport::locate::locate(&doc);
    let text = &loc.sections[0].text;
    let t = Instant::now();
    let mut n = 0usize;
    for _ in 0..100 {
        let v: Vec<String> = text
            .split_inclusive(['。', ';', '；', '!', '！', '?', '？', '\n'])
            .filter(|x| x.contains(&['申', '件', '复', '復', '複', '讼', '訟'][..]))
            .map(|x| {
                x.chars()
                    .filter(|c| !govreport::text::is_space(*c))
                    .map(govreport::text::fold_char)
                    .collect()
            })
            .collect();
        n += v.len();
    }
    println!(
        "prep {:.3} ms per doc, {} sentences",
        t.elapsed().as_secs_f64() * 10.0,
        n / 100
    );
    let t = Instant::now();
    for _ in 0..100 {
        let v: Vec<&str> = text
            .split_inclusive(['。', ';', '；', '!', '！', '?', '？', '\n'])
            .collect();
        n += v.len();
    }
    println!(
        "split only {:.3} ms per doc",
        t.elapsed().as_secs_f64() * 10.0
    );
    let sents: Vec<String> = text
        .split_inclusive(['。', '\n'])
        .map(|x| {
            x.chars()
                .filter(|c| !govreport::text::is_space(*c))
                .map(govreport::text::fold_char)
                .collect()
        })
        .collect();
    for rule in govreport::template::NARRATIVE_RULES {
        let re = regex::Regex::new(rule.pattern).unwrap();
        let t = Instant::now();
        let mut k = 0;
        for _ in 0..100 {
            for s in &sents {
                if s.contains(rule.anchor) {
                    k += 1;
                    std::hint::black_box(re.is_match(s));
                }
            }
        }
        let t2 = Instant::now();
        for _ in 0..100 {
            for s in &sents {
                if s.contains(rule.anchor) {
                    for c in re.captures_iter(s) {
                        std::hint::black_box(c.get(1));
                        break;
                    }
                }
            }
        }
        println!(
            "   captures {:.3} ms per doc",
            t2.elapsed().as_secs_f64() * 10.0
        );
        println!(
            "rule {:?}: {:.3} ms per doc over {} sentences",
            rule.anchor,
            t.elapsed().as_secs_f64() * 10.0,
            k / 100
        );
    }
    let tables = govreport::check::Tables::default();
    let t = Instant::now();
    for _ in 0..100 {
        let mut w = Vec::new();
        govreport::check::check_narrative(&loc.sections, &tables, &mut w);
    }
    println!(
        "check_narrative {:.3} ms per doc (no tables)",
        t.elapsed().as_secs_f64() * 10.0
    );
}
