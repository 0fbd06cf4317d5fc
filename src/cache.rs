//! Hints to the processor's cache. The ingest hands rows from core to core (the reader
//! fills a row, a worker parses it, the taker stores it, and the row goes back to the
//! reader to be filled again), and the first read of a row on the next core missed
//! the cache nearly every time: each stage asks for the rows a few places ahead.

/// A hint that `at` will be read soon. It reads nothing into the program and cannot
/// fault, whatever the address.
pub(crate) fn prefetch(at: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint to the cache (it cannot fault, whatever the
    // address); SSE, which has the instruction, is part of every x86_64 CPU.
    unsafe {
        use core::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(at.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = at;
}

/// A hint that the whole of `value` (its own bytes, not what it points to) will be
/// read soon: each of its cache lines.
pub(crate) fn prefetch_value<T>(value: &T) {
    let start: *const u8 = (value as *const T).cast();
    for offset in (0..std::mem::size_of::<T>()).step_by(64) {
        prefetch(start.wrapping_add(offset));
    }
}
