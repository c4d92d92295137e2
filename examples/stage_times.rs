//! Times each pipeline stage on one document (for finding slow stages).
use std::time::Instant;

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let path = std::env::args().nth(1).expect("usage: stage_times FILE");
    let bytes = std::fs::read(&path).expect("read");
    let opts = govreport::Options::default();
    let n = 300;
    let format = govreport::read::sniff(&bytes);
    let (mut t_read, mut t_loc, mut t_map, mut t_all, mut t_narr) = (0f64, 0f64, 0f64, 0f64, 0f64);
    let (mut t_pages, mut t_sha, mut t_load) = (0f64, 0f64, 0f64);
    for _ in 0..n {
        let t0 = Instant::now();
        if format == govreport::read::Format::Pdf {
            let deadline = govreport::read::Deadline::after(opts.limits.timeout);
            let p = govreport::read::pdf::pages(&bytes, &opts.limits, &deadline).unwrap();
            std::hint::black_box(&p);
        }
        t_pages += t0.elapsed().as_secs_f64();
        let tl = Instant::now();
        if format == govreport::read::Format::Pdf {
            std::hint::black_box(lopdf::Document::load_mem(&bytes).unwrap());
        }
        t_load += tl.elapsed().as_secs_f64();
        let ts = Instant::now();
        std::hint::black_box(govreport::sha256_hex(&bytes));
        t_sha += ts.elapsed().as_secs_f64();
        let t0 = Instant::now();
        let doc = govreport::read::read(&bytes, format, &opts.limits).unwrap();
        let t1 = Instant::now();
        let loc = govreport::locate::locate(&doc);
        let t2 = Instant::now();
        let m = govreport::map::map_tables(&loc.tables, &[], loc.year, false);
        let t3 = Instant::now();
        let tables = govreport::check::Tables {
            active: m.active.as_ref(),
            applications: m.applications.as_ref(),
            reviews: m.reviews.as_ref(),
        };
        let mut w = Vec::new();
        let tn = Instant::now();
        govreport::check::check_narrative(&loc.sections, &tables, loc.year, &mut w);
        t_narr += tn.elapsed().as_secs_f64();
        std::hint::black_box(&m);
        let r = govreport::extract(&bytes, &path, &opts);
        std::hint::black_box(&r);
        let t4 = Instant::now();
        t_read += (t1 - t0).as_secs_f64();
        t_loc += (t2 - t1).as_secs_f64();
        t_map += (t3 - t2).as_secs_f64();
        t_all += (t4 - t3).as_secs_f64();
    }
    let ms = |t: f64| t * 1000.0 / n as f64;
    println!("narrative {:.3} ms", ms(t_narr));
    println!(
        "pdf pages (load + interpretation) {:.3} ms, lopdf load alone {:.3} ms, sha256 {:.3} ms",
        ms(t_pages),
        ms(t_load),
        ms(t_sha)
    );
    println!(
        "read {:.3} ms, locate {:.3} ms, map {:.3} ms, whole extract {:.3} ms",
        ms(t_read),
        ms(t_loc),
        ms(t_map),
        ms(t_all)
    );
}
