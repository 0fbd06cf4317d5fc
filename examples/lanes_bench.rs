use std::time::Instant;
use tally::store::lanes::{compress, H0};
fn run<const N: usize>(blocks: &[[u8; 64]], n: usize) {
    let t = Instant::now();
    let mut s = [H0; N];
    for i in 0..n / N {
        compress(&mut s, std::array::from_fn(|l| &blocks[(i * N + l) % 1024]));
    }
    println!(
        "lanes {N}: {:.1} ns/block {:x}",
        t.elapsed().as_nanos() as f64 / n as f64,
        s[0][0]
    );
}
fn main() {
    let n = 8_000_000usize;
    let blocks: Vec<[u8; 64]> = (0..1024u32)
        .map(|i| {
            let mut b = [0u8; 64];
            b[0] = i as u8;
            b[1] = (i >> 8) as u8;
            b
        })
        .collect();
    for _ in 0..2 {
        run::<1>(&blocks, n);
        run::<2>(&blocks, n);
        run::<3>(&blocks, n);
        run::<4>(&blocks, n);
        run::<6>(&blocks, n);
        run::<8>(&blocks, n);
    }
}
