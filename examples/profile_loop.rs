//! Runs one document through the pipeline N times (for profilers).

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile_loop FILE [N]");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(200);
    let bytes = std::fs::read(&path).expect("read file");
    let opts = govreport::Options::default();
    let mut warnings = 0;
    for _ in 0..n {
        warnings += govreport::extract(&bytes, &path, &opts).warnings.len();
    }
    println!("{warnings}");
}
