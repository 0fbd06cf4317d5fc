//! Percentages in hundredths of a percent, rounded half away from zero with integer
//! arithmetic (no binary floating-point surprises at .xx5).

/// 100 × num / den in hundredths (so 4523 = 45.23%), rounded half away from zero.
/// `None` where the denominator is 0.
pub fn ratio(num: u64, den: u64) -> Option<i64> {
    if den == 0 {
        return None;
    }
    let (n, d) = (num as u128 * 10_000, den as u128);
    Some(((2 * n + d) / (2 * d)) as i64)
}

/// A percentage given as a number (a target), in hundredths, half away from zero.
/// `a / b` rounded half away from zero (`b` > 0).
pub fn div_round(a: i64, b: i64) -> i64 {
    let q = (2 * a.abs() + b) / (2 * b);
    if a < 0 {
        -q
    } else {
        q
    }
}

pub fn from_f64(v: f64) -> i64 {
    let scaled = v * 100.0;
    // Guard the representation error of values like 45.125 (= 4512.4999…).
    let nudged = scaled + scaled.signum() * 1e-7;
    nudged.round() as i64
}

/// Hundredths as text with two decimals: 4523 → "45.23", -5 → "-0.05".
pub fn format(h: i64) -> String {
    let sign = if h < 0 { "-" } else { "" };
    let a = h.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_half_away_from_zero() {
        assert_eq!(ratio(1, 3), Some(3333)); // 33.333…
        assert_eq!(ratio(2, 3), Some(6667)); // 66.666…
        assert_eq!(ratio(1, 8), Some(1250));
        assert_eq!(ratio(1, 1600), Some(6)); // 0.0625 → 0.06
        assert_eq!(ratio(1, 16000), Some(1)); // 0.00625 → 0.01 (half away from zero)
        assert_eq!(ratio(3, 0), None);
        assert_eq!(ratio(0, 5), Some(0));
        assert_eq!(ratio(150, 100), Some(15000));
        assert_eq!(from_f64(75.5), 7550);
        assert_eq!(from_f64(45.125), 4513);
        assert_eq!(from_f64(70.0), 7000);
        assert_eq!(format(4523), "45.23");
        assert_eq!(format(-5), "-0.05");
        assert_eq!(format(10000), "100.00");
        assert_eq!(format(-1234), "-12.34");
        // Zero has no sign.
        assert_eq!(format(0), "0.00");
    }
}
