//! A mutation fuzzer on the stable toolchain (cargo-fuzz needs nightly):
//! seeds are the committed samples of one format; each round mutates one
//! (bit flips, byte sets, truncation, insertion, chunk duplication, splicing
//! with another seed) and runs it through the whole pipeline. An input that
//! panics (caught as `error.code = "internal"`) or takes over 2 s is saved
//! to tests/fuzz_regressions/ and reported; one that aborts the process
//! (a stack overflow) is left in the temporary folder as
//! `govreport-fuzz-FORMAT-last.bin`.
//!
//! cargo run --release --example fuzz -- docx 300     # format, seconds
//! cargo run --release --example fuzz -- pdf 300 ../shared/devset/corpus   # more seeds

use std::time::{Duration, Instant};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(seed: &[u8], other: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut d = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        if d.is_empty() {
            d.push(rng.next() as u8);
        }
        let len = d.len();
        match rng.below(7) {
            0 => {
                let i = rng.below(len);
                d[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(len);
                d[i] = [0, 0xFF, b'<', b'>', b'(', b'0', b'9', 0x7F][rng.below(8)];
            }
            2 => d.truncate(rng.below(len)),
            3 => {
                let i = rng.below(len);
                let n = 1 + rng.below(16);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                d.splice(i..i, bytes);
            }
            4 => {
                let a = rng.below(len);
                let b = (a + 1 + rng.below(256)).min(len);
                let chunk = d[a..b].to_vec();
                let at = rng.below(len);
                d.splice(at..at, chunk);
            }
            5 if !other.is_empty() => {
                let cut = rng.below(len);
                let from = rng.below(other.len());
                d.truncate(cut);
                d.extend_from_slice(&other[from..]);
            }
            _ => {
                // Overwrite a run with a repeated byte.
                let i = rng.below(len);
                let n = (1 + rng.below(64)).min(len - i);
                let b = rng.next() as u8;
                d[i..i + n].fill(b);
            }
        }
    }
    d
}

/// Bytes of a seed package's member kept for mutation.
const MAX_SEED_MEMBER_BYTES: u64 = 16 << 20;

/// Mutates the XML members of a package (inflated) that `is_target` picks
/// — a DOCX's word/document.xml, an OFD's page Content.xml — and packs the
/// result again, so mutations reach the XML reader instead of failing the CRC.
fn mutate_package_xml(
    seed: &[u8],
    other: &[u8],
    rng: &mut Rng,
    is_target: fn(&str) -> bool,
) -> Vec<u8> {
    use std::io::{Read, Write};
    let parts = |bytes: &[u8]| -> Vec<(String, Vec<u8>)> {
        let Ok(mut z) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
            return Vec::new();
        };
        (0..z.len())
            .filter_map(|i| {
                let f = z.by_index(i).ok()?;
                let name = f.name().ok()?.to_string();
                // Members inflated up to a bound: a zip bomb among the seeds
                // would otherwise be packed again whole (2 GB inputs).
                let mut b = Vec::new();
                f.take(MAX_SEED_MEMBER_BYTES).read_to_end(&mut b).ok()?;
                Some((name, b))
            })
            .collect()
    };
    let mut files = parts(seed);
    let other_xml = parts(other)
        .into_iter()
        .find(|(n, _)| is_target(n))
        .map(|(_, b)| b)
        .unwrap_or_default();
    for (name, data) in &mut files {
        if is_target(name) {
            *data = mutate(data, &other_xml, rng);
        }
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, data) in &files {
            if w.start_file(name.as_str(), o).is_ok() {
                let _ = w.write_all(data);
            }
        }
        let _ = w.finish();
    }
    buf.into_inner()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let format = args.next().unwrap_or_else(|| "docx".into());
    let seconds: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(60);
    let root = env!("CARGO_MANIFEST_DIR");
    let exts: &[&str] = match format.as_str() {
        "docx" | "docx-xml" => &["docx"],
        "pdf" => &["pdf"],
        "doc" => &["doc"],
        "html" => &["html"],
        "rtf" => &["rtf"],
        "ofd" | "ofd-xml" => &["ofd"],
        _ => &["docx", "pdf", "doc", "rtf", "html", "ofd"],
    };
    // The samples, and test fixtures of the same formats (PDFs with object
    // streams among them), and any folders named after the seconds (the
    // development set's 239 files, say).
    let folders: Vec<String> = ["samples", "tests/fixtures"]
        .iter()
        .map(|d| format!("{root}/{d}"))
        .chain(args)
        .collect();
    let mut seeds: Vec<Vec<u8>> = folders
        .iter()
        .flat_map(|d| std::fs::read_dir(d).expect("seed folder"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| exts.contains(&e))
        })
        .filter_map(|p| std::fs::read(p).ok())
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "no seeds for {format}");
    let out_dir = format!("{root}/tests/fuzz_regressions");
    std::fs::create_dir_all(&out_dir).expect("regressions folder");
    let mut opts = govreport::Options::default();
    opts.limits.timeout = Duration::from_secs(2);
    let last = std::env::temp_dir().join(format!("govreport-fuzz-{format}-last.bin"));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ seconds);
    let start = Instant::now();
    let (mut runs, mut found) = (0u64, 0u64);
    let mut codes: std::collections::BTreeMap<String, u64> = Default::default();
    while start.elapsed() < Duration::from_secs(seconds) {
        let seed = &seeds[rng.below(seeds.len())];
        let other = &seeds[rng.below(seeds.len())];
        let input = if format == "docx-xml" {
            mutate_package_xml(seed, other, &mut rng, |n| n == "word/document.xml")
        } else if format == "ofd-xml" {
            mutate_package_xml(seed, other, &mut rng, |n| {
                n.ends_with("Content.xml") || n.ends_with("Document.xml")
            })
        } else {
            mutate(seed, other, &mut rng)
        };
        // Each input is written out before it runs: one that aborts the
        // process (a stack overflow is not a panic) is left there.
        std::fs::write(&last, &input).expect("save the input about to run");
        let t = Instant::now();
        let rec = govreport::extract(&input, "fuzz", &opts);
        let slow = t.elapsed() > Duration::from_secs(2);
        runs += 1;
        let code = rec.error.as_ref().map_or("ok", |e| e.code).to_string();
        *codes.entry(code.clone()).or_default() += 1;
        if code == "internal" || slow {
            found += 1;
            let name = format!("{out_dir}/{format}-{:016x}.bin", rng.next());
            std::fs::write(&name, &input).expect("save input");
            eprintln!(
                "{}: {name} ({:?})",
                if slow { "slow" } else { "panic" },
                rec.error.map(|e| e.message)
            );
        }
    }
    println!(
        "{format}: {runs} executions in {:.0} s ({:.0}/s), {found} findings; outcomes {codes:?}",
        start.elapsed().as_secs_f64(),
        runs as f64 / start.elapsed().as_secs_f64()
    );
}
