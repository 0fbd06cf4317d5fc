//! Parquet's RLE / bit-packing hybrid (parquet-format's Encodings.md): definition
//! levels and dictionary indices. A run of eight or more equal values is written once
//! with its count; other values are packed `width` bits each, LSB first, eight at a
//! time (the last group padded, which readers cut at the page's value count).

/// Appends `values`, each under `2^width`, to `out`.
pub(super) fn encode<T: Copy + PartialEq + Into<u32>>(values: &[T], width: u8, out: &mut Vec<u8>) {
    debug_assert!((1..=32).contains(&width));
    let mut packed = Packed::new(width);
    let mut i = 0;
    while i < values.len() {
        let x = values[i];
        let run = values[i..].iter().take_while(|&&y| y == x).count();
        let v: u32 = x.into();
        let mut rest = run;
        // A bit-packed stretch holds whole groups of eight: finish its last group
        // from the run first.
        let open = packed.count % 8;
        if open != 0 && rest >= 8 {
            packed.push_n(v, 8 - open);
            rest -= 8 - open;
        }
        if rest >= 8 && packed.count.is_multiple_of(8) {
            packed.flush(out);
            repeated(v, rest, width, out);
        } else {
            packed.push_n(v, rest);
        }
        i += run;
    }
    packed.flush(out);
}

/// The bit width that holds every value up to `max`: at least 1.
pub(super) fn width_of(max: u32) -> u8 {
    (32 - max.leading_zeros()).max(1) as u8
}

/// `count` times `v` (none when `count` is 0).
pub(super) fn encode_run(v: u32, count: usize, width: u8, out: &mut Vec<u8>) {
    if count > 0 {
        repeated(v, count, width, out);
    }
}

/// A run: its count, then the value in whole bytes.
fn repeated(v: u32, count: usize, width: u8, out: &mut Vec<u8>) {
    varint((count as u64) << 1, out);
    let bytes = usize::from(width).div_ceil(8);
    out.extend_from_slice(&v.to_le_bytes()[..bytes]);
}

pub(super) fn varint(mut v: u64, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Values waiting to be bit-packed.
struct Packed {
    width: u8,
    bytes: Vec<u8>,
    acc: u64,
    bits: u32,
    count: usize,
}

impl Packed {
    fn new(width: u8) -> Packed {
        Packed {
            width,
            bytes: Vec::new(),
            acc: 0,
            bits: 0,
            count: 0,
        }
    }

    #[inline]
    fn push_n(&mut self, v: u32, n: usize) {
        for _ in 0..n {
            self.acc |= u64::from(v) << self.bits;
            self.bits += u32::from(self.width);
            while self.bits >= 8 {
                self.bytes.push(self.acc as u8);
                self.acc >>= 8;
                self.bits -= 8;
            }
        }
        self.count += n;
    }

    /// Writes the values waiting as one bit-packed run, padded to a group of eight.
    fn flush(&mut self, out: &mut Vec<u8>) {
        if self.count == 0 {
            return;
        }
        let groups = self.count.div_ceil(8);
        self.push_n(0, groups * 8 - self.count);
        varint((groups as u64) << 1 | 1, out);
        out.extend_from_slice(&self.bytes);
        self.bytes.clear();
        self.count = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hybrid read back, as parquet-format describes it: `n` values.
    fn decode(mut data: &[u8], width: u8, n: usize) -> Vec<u32> {
        let mut out = Vec::new();
        let read_varint = |data: &mut &[u8]| {
            let (mut v, mut shift) = (0u64, 0);
            loop {
                let b = data[0];
                *data = &data[1..];
                v |= u64::from(b & 0x7f) << shift;
                shift += 7;
                if b < 0x80 {
                    return v;
                }
            }
        };
        while out.len() < n {
            let header = read_varint(&mut data);
            if header & 1 == 1 {
                let count = (header >> 1) as usize * 8;
                let bytes = count * usize::from(width) / 8;
                let (packed, rest) = data.split_at(bytes);
                for i in 0..count {
                    let bit = i * usize::from(width);
                    let mut v = 0u64;
                    for b in 0..usize::from(width) {
                        let at = bit + b;
                        v |= u64::from(packed[at / 8] >> (at % 8) & 1) << b;
                    }
                    out.push(v as u32);
                }
                data = rest;
            } else {
                let count = (header >> 1) as usize;
                let bytes = usize::from(width).div_ceil(8);
                let mut v = [0u8; 4];
                v[..bytes].copy_from_slice(&data[..bytes]);
                data = &data[bytes..];
                out.extend(std::iter::repeat_n(u32::from_le_bytes(v), count));
            }
        }
        assert!(data.is_empty(), "bytes left after the values");
        out.truncate(n);
        out
    }

    #[test]
    fn runs_and_packed_values_read_back() {
        let cases: Vec<Vec<u32>> = vec![
            vec![1; 65_536],
            vec![0, 1, 0, 1, 1, 1],
            (0..100).map(|i| i % 7).collect(),
            // A run starting mid-group: the group is finished from the run first.
            [
                vec![1, 2, 3],
                vec![5; 20],
                vec![1, 2],
                vec![6; 7],
                vec![7; 9],
            ]
            .concat(),
            (0..1000).map(|i| (i / 50) % 3).collect(),
            vec![],
        ];
        for values in cases {
            let max = values.iter().copied().max().unwrap_or(0);
            for width in [width_of(max), 8, 13, 32] {
                let mut out = Vec::new();
                encode(&values, width, &mut out);
                assert_eq!(decode(&out, width, values.len()), values, "width {width}");
            }
        }
    }

    #[test]
    fn a_long_run_is_two_bytes_and_a_value() {
        let mut out = Vec::new();
        encode(&[1u32; 1000], 1, &mut out);
        assert_eq!(out, [0xd0, 0x0f, 1]); // varint(2000), then the value
        assert_eq!(width_of(0), 1);
        assert_eq!(width_of(1), 1);
        assert_eq!(width_of(2), 2);
        assert_eq!(width_of(255), 8);
        assert_eq!(width_of(256), 9);
    }
}
