//! SHA-256 compressions of several independent messages at once. One message's
//! blocks must be compressed one after the other, and on x86's SHA extensions each
//! step waits for the one before it; the steps of another message fill those waits.
//! On this project's machine (AMD Zen 4) two messages at once take about the time of
//! one. Machines without the extensions compress each message in turn with `sha2`.

/// SHA-256's initial state (FIPS 180-4, 5.3.3).
pub const H0: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];

/// Compresses `blocks[i]` into `states[i]`, for every `i` together.
#[inline]
pub fn compress<const N: usize>(states: &mut [[u32; 8]; N], blocks: [&[u8; 64]; N]) {
    #[cfg(target_arch = "x86_64")]
    if x86::available() {
        // SAFETY: the CPU has the instructions the function is compiled for.
        unsafe { x86::compress(states, blocks) };
        return;
    }
    for (state, block) in states.iter_mut().zip(blocks) {
        one(state, block);
    }
}

/// Compresses one block into one state with `sha2` (its best code for the machine).
#[inline]
pub fn one(state: &mut [u32; 8], block: &[u8; 64]) {
    sha2::compress256(
        state,
        &[*sha2::digest::generic_array::GenericArray::from_slice(
            block,
        )],
    );
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;
    use std::sync::atomic::{AtomicU8, Ordering};

    /// SHA-256's round constants (FIPS 180-4, 4.2.2).
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];

    /// Whether the SHA extensions (and the SSE they need) are there: 0 unknown, 1 no,
    /// 2 yes.
    static HAS: AtomicU8 = AtomicU8::new(0);

    #[inline]
    pub(super) fn available() -> bool {
        match HAS.load(Ordering::Relaxed) {
            0 => {
                let yes = is_x86_feature_detected!("sha")
                    && is_x86_feature_detected!("sse4.1")
                    && is_x86_feature_detected!("ssse3");
                HAS.store(if yes { 2 } else { 1 }, Ordering::Relaxed);
                yes
            }
            v => v == 2,
        }
    }

    /// The state's words as the instructions take them: (A, B, E, F) and (C, D, G, H).
    ///
    /// # Safety
    /// The CPU has SSE4.1 (the caller, [`compress`], is compiled for it and runs only
    /// where [`available`] said yes); the loads are unaligned, from an 8-word array.
    #[inline(always)]
    unsafe fn load(state: &[u32; 8]) -> (__m128i, __m128i) {
        // SAFETY: the CPU has what this fn's `# Safety` asks (SSE4.1 and the SHA
        // extensions, checked by `available`); loads and stores are unaligned.
        unsafe {
            let dcba = _mm_loadu_si128(state.as_ptr().cast());
            let hgfe = _mm_loadu_si128(state.as_ptr().add(4).cast());
            let cdab = _mm_shuffle_epi32(dcba, 0xB1);
            let efgh = _mm_shuffle_epi32(hgfe, 0x1B);
            (
                _mm_alignr_epi8(cdab, efgh, 8),
                _mm_blend_epi16(efgh, cdab, 0xF0),
            )
        }
    }

    /// The instructions' (A, B, E, F) and (C, D, G, H) back into the state's words.
    ///
    /// # Safety
    /// As for [`load`]: the CPU has SSE4.1; the stores are unaligned, into an 8-word
    /// array.
    #[inline(always)]
    unsafe fn store(state: &mut [u32; 8], abef: __m128i, cdgh: __m128i) {
        // SAFETY: the CPU has what this fn's `# Safety` asks (SSE4.1 and the SHA
        // extensions, checked by `available`); loads and stores are unaligned.
        unsafe {
            let feba = _mm_shuffle_epi32(abef, 0x1B);
            let dchg = _mm_shuffle_epi32(cdgh, 0xB1);
            let dcba = _mm_blend_epi16(feba, dchg, 0xF0);
            let hgfe = _mm_alignr_epi8(dchg, feba, 8);
            _mm_storeu_si128(state.as_mut_ptr().cast(), dcba);
            _mm_storeu_si128(state.as_mut_ptr().add(4).cast(), hgfe);
        }
    }

    /// The compressions of N messages' blocks, their steps interleaved.
    ///
    /// # Safety
    /// The CPU has the SHA extensions, SSE2, SSSE3 and SSE4.1: call it only where
    /// [`available`] said yes.
    #[target_feature(enable = "sha,sse2,ssse3,sse4.1")]
    pub(super) unsafe fn compress<const N: usize>(
        states: &mut [[u32; 8]; N],
        blocks: [&[u8; 64]; N],
    ) {
        // SAFETY: the CPU has what this fn's `# Safety` asks (SSE4.1 and the SHA
        // extensions, checked by `available`); loads and stores are unaligned.
        unsafe {
            // Big-endian words from the block's bytes.
            let swap = _mm_set_epi64x(0x0C0D_0E0F_0809_0A0B, 0x0405_0607_0001_0203);
            let mut abef = [_mm_setzero_si128(); N];
            let mut cdgh = [_mm_setzero_si128(); N];
            // Four quads of the message schedule per lane, the oldest replaced in turn.
            let mut w = [[_mm_setzero_si128(); 4]; N];
            for l in 0..N {
                (abef[l], cdgh[l]) = load(&states[l]);
                for (q, quad) in w[l].iter_mut().enumerate() {
                    let p = blocks[l].as_ptr().add(16 * q).cast();
                    *quad = _mm_shuffle_epi8(_mm_loadu_si128(p), swap);
                }
            }
            let (abef0, cdgh0) = (abef, cdgh);
            for q in 0..16 {
                let k = _mm_loadu_si128(K.as_ptr().add(4 * q).cast());
                for l in 0..N {
                    if q >= 4 {
                        // W[q] from the four quads before it.
                        let [w0, w1, w2, w3] = [
                            w[l][q % 4],
                            w[l][(q + 1) % 4],
                            w[l][(q + 2) % 4],
                            w[l][(q + 3) % 4],
                        ];
                        let mixed =
                            _mm_add_epi32(_mm_sha256msg1_epu32(w0, w1), _mm_alignr_epi8(w3, w2, 4));
                        w[l][q % 4] = _mm_sha256msg2_epu32(mixed, w3);
                    }
                    let wk = _mm_add_epi32(w[l][q % 4], k);
                    cdgh[l] = _mm_sha256rnds2_epu32(cdgh[l], abef[l], wk);
                    abef[l] = _mm_sha256rnds2_epu32(abef[l], cdgh[l], _mm_shuffle_epi32(wk, 0x0E));
                }
            }
            for l in 0..N {
                store(
                    &mut states[l],
                    _mm_add_epi32(abef[l], abef0[l]),
                    _mm_add_epi32(cdgh[l], cdgh0[l]),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every kind of byte, from a seed.
    fn block(seed: u32) -> [u8; 64] {
        let mut b = [0u8; 64];
        let mut x = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
        for byte in &mut b {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            *byte = x as u8;
        }
        b
    }

    #[test]
    fn lanes_compress_as_sha2_does_one_at_a_time() {
        for seed in 0..200u32 {
            let blocks = [block(seed), block(seed + 1000), block(seed + 2000)];
            let mut want = [H0, H0, H0];
            want[1][3] ^= seed;
            let mut two = [want[0], want[1]];
            let mut three = want;
            for (s, b) in want.iter_mut().zip(&blocks) {
                one(s, b);
            }
            compress(&mut two, [&blocks[0], &blocks[1]]);
            compress(&mut three, [&blocks[0], &blocks[1], &blocks[2]]);
            assert_eq!(two, [want[0], want[1]]);
            assert_eq!(three, want);
        }
        // The empty message's digest: one block of padding from the initial state.
        let mut pad = [0u8; 64];
        pad[0] = 0x80;
        let mut s = [H0];
        compress(&mut s, [&pad]);
        assert_eq!(
            s[0][0], 0xe3b0_c442,
            "SHA-256(\"\") begins e3b0c442 (FIPS 180-4 examples)"
        );
    }
}
