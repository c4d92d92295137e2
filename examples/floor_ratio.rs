//! govreport / floor over every DOCX and PDF of some folders, in one run:
//! the check that a benchmark fixture's ratio holds on other files.
//!
//!     cargo run --release --example floor_ratio -- samples ../shared/devset/corpus
//!
//! With `--each` first, every file's times and ratio are printed too.
//!
//! The floors are issue 12's: for DOCX, open the zip, inflate
//! word/document.xml and walk every quick-xml event; for PDF, lopdf's
//! `Document::load_mem` plus `Content::decode` of every page. Each file is
//! timed both ways in turns (ours, the floor, ours, …), best of `ROUNDS`
//! each; files a floor cannot read
//! (encrypted, damaged) are left out of both sums.
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ROUNDS: usize = 11;

fn walk_events(xml: &[u8]) -> Option<usize> {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut events = 0usize;
    loop {
        match r.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Eof) => return Some(events),
            Err(_) => return None,
            Ok(_) => events += 1,
        }
        buf.clear();
    }
}

fn docx_floor(bytes: &[u8]) -> Option<usize> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut xml = Vec::new();
    std::io::Read::read_to_end(&mut z.by_name("word/document.xml").ok()?, &mut xml).ok()?;
    walk_events(&xml)
}

fn pdf_floor(bytes: &[u8]) -> Option<usize> {
    let doc = lopdf::Document::load_mem(bytes).ok()?;
    if doc.is_encrypted() {
        return None;
    }
    let mut ops = 0usize;
    for (_, id) in doc.get_pages() {
        let content = doc.get_page_content(id);
        ops += lopdf::content::Content::decode(&content)
            .ok()?
            .operations
            .len();
    }
    Some(ops)
}

/// The best time of each of two jobs over `ROUNDS` rounds, run in turns
/// (a, b, a, b, …): on a shared machine a slow spell then touches both
/// rather than the whole of one.
fn best_of_each(mut a: impl FnMut(), mut b: impl FnMut()) -> (Duration, Duration) {
    let time = |f: &mut dyn FnMut()| {
        let t = Instant::now();
        f();
        t.elapsed()
    };
    let (mut best_a, mut best_b) = (Duration::MAX, Duration::MAX);
    for _ in 0..ROUNDS {
        best_a = best_a.min(time(&mut a));
        best_b = best_b.min(time(&mut b));
    }
    (best_a, best_b)
}

fn files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for d in dirs {
        let Ok(entries) = std::fs::read_dir(d) else {
            continue;
        };
        for e in entries.flatten() {
            out.push(e.path());
        }
    }
    out.sort();
    out
}

fn ext(p: &Path) -> String {
    p.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let each = args.first().is_some_and(|a| a == "--each");
    if each {
        args.remove(0);
    }
    let dirs: Vec<PathBuf> = args.into_iter().map(PathBuf::from).collect();
    let opts = govreport::Options::default();
    for (format, floor) in [
        ("docx", docx_floor as fn(&[u8]) -> Option<usize>),
        ("pdf", pdf_floor),
    ] {
        let (mut ours, mut theirs, mut n, mut worst) =
            (Duration::ZERO, Duration::ZERO, 0, (0.0f64, String::new()));
        let mut ratios: Vec<f64> = Vec::new();
        for path in files(&dirs).into_iter().filter(|p| ext(p) == format) {
            let bytes = std::fs::read(&path).expect("read");
            if floor(&bytes).is_none() {
                continue;
            }
            let name = path.to_string_lossy().into_owned();
            let (a, b) = best_of_each(
                || {
                    std::hint::black_box(govreport::extract(&bytes, &name, &opts));
                },
                || {
                    std::hint::black_box(floor(&bytes));
                },
            );
            let r = a.as_secs_f64() / b.as_secs_f64();
            if each {
                println!(
                    "{r:.2}  {:.3} ms / {:.3} ms  {name}",
                    a.as_secs_f64() * 1e3,
                    b.as_secs_f64() * 1e3
                );
            }
            ratios.push(r);
            if r > worst.0 {
                worst = (r, name);
            }
            ours += a;
            theirs += b;
            n += 1;
        }
        if n == 0 {
            continue;
        }
        ratios.sort_by(f64::total_cmp);
        let at = |q: f64| ratios[((ratios.len() - 1) as f64 * q).round() as usize];
        println!(
            "{format}: {n} files; per file govreport / floor: median {:.2}, 90th percentile {:.2}, \
             worst {:.2} ({}); all files together {:.2} ms / {:.2} ms = {:.2}",
            at(0.5),
            at(0.9),
            worst.0,
            worst.1,
            ours.as_secs_f64() * 1e3 / n as f64,
            theirs.as_secs_f64() * 1e3 / n as f64,
            ours.as_secs_f64() / theirs.as_secs_f64(),
        );
    }
}
