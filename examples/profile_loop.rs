//! Runs documents through the pipeline N times each (for profilers):
//! `profile_loop FILE… [N]` (N 200 when left out).

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = match args.last().and_then(|s| s.parse().ok()) {
        Some(n) if args.len() > 1 => {
            args.pop();
            n
        }
        _ => 200,
    };
    assert!(!args.is_empty(), "usage: profile_loop FILE… [N]");
    let files: Vec<(String, Vec<u8>)> = args
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read file");
            (p, bytes)
        })
        .collect();
    let opts = govreport::Options::default();
    let mut warnings = 0;
    for _ in 0..n {
        for (path, bytes) in &files {
            warnings += govreport::extract(bytes, path, &opts).warnings.len();
        }
    }
    println!("{warnings}");
}
