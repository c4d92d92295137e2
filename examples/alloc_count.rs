//! Allocations a document costs, through the whole pipeline (the second of
//! two runs, so one-time set-up such as compiling the narrative patterns
//! is left out):
//!
//!     cargo run --release --example alloc_count -- FILE…
//!
//! For where they are made, run a build without mimalloc under
//! `valgrind --tool=dhat`.
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// mimalloc, as the command line uses, with counters.
struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static REALLOCS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        REALLOCS.fetch_add(1, Relaxed);
        // SAFETY: as above.
        unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn main() {
    let opts = govreport::Options::default();
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("read file");
        govreport::extract(&bytes, &path, &opts);
        let (a, r, b) = (
            ALLOCS.load(Relaxed),
            REALLOCS.load(Relaxed),
            BYTES.load(Relaxed),
        );
        govreport::extract(&bytes, &path, &opts);
        println!(
            "{path}: {} allocations, {} reallocations, {} KB allocated",
            ALLOCS.load(Relaxed) - a,
            REALLOCS.load(Relaxed) - r,
            (BYTES.load(Relaxed) - b) / 1024
        );
    }
}
