use std::io::Read;
use std::time::Instant;
fn main() {
    let bytes = std::fs::read(std::env::args().nth(1).unwrap()).unwrap();
    let n = 300;
    let t = Instant::now();
    let mut total = 0;
    for _ in 0..n {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
        let mut f = z.by_name("word/document.xml").unwrap();
        let mut v = Vec::new();
        f.read_to_end(&mut v).unwrap();
        total += v.len();
    }
    println!(
        "unzip document.xml: {:.3} ms",
        t.elapsed().as_secs_f64() * 1000.0 / n as f64
    );
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let mut v = Vec::new();
    z.by_name("word/document.xml")
        .unwrap()
        .read_to_end(&mut v)
        .unwrap();
    let t = Instant::now();
    let mut ev = 0;
    for _ in 0..n {
        let mut r = quick_xml::reader::Reader::from_reader(&v[..]);
        loop {
            match r.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => ev += 1,
                Err(_) => break,
            }
        }
    }
    println!(
        "quick-xml events only: {:.3} ms ({} events)",
        t.elapsed().as_secs_f64() * 1000.0 / n as f64,
        ev / n
    );
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(sha2::Digest::finalize(
            <sha2::Sha256 as sha2::Digest>::new_with_prefix(&bytes),
        ));
    }
    println!(
        "sha256: {:.3} ms {}",
        t.elapsed().as_secs_f64() * 1000.0 / n as f64,
        total / n
    );
}
