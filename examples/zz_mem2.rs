#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn hwm() -> String {
    let s = std::fs::read_to_string("/proc/self/status").unwrap();
    s.lines()
        .filter(|l| l.starts_with("VmHWM"))
        .collect::<Vec<_>>()
        .join(" ")
}
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    eprintln!("start {}", hwm());
    let r = lopdf::Document::load_mem(&bytes);
    eprintln!("lopdf {} {}", hwm(), r.is_ok());
    let opts = govreport::Options::default();
    let format = govreport::read::sniff(&bytes);
    let d = govreport::read::read(&bytes, format, &opts.limits);
    eprintln!("read {} {}", hwm(), d.is_ok());
}
