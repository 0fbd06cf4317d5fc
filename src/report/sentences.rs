//! The data notes as sentences a person reads, in English or Vietnamese.

use super::labels::Lang;
use crate::metrics::Note;

/// A note as a sentence.
pub fn note_text(n: &Note, lang: Lang) -> String {
    match (n, lang) {
        (Note::MissingSnapshot { org }, Lang::En) => format!(
            "{}: no roll as of the period's end or earlier; its numbers are missing, not zero",
            lang.org((*org).into())
        ),
        (Note::MissingSnapshot { org }, Lang::Vi) => format!(
            "{}: chưa có danh sách đến cuối kỳ; số liệu bị thiếu (không phải bằng 0)",
            lang.org((*org).into())
        ),
        (
            Note::StaleSnapshot {
                org,
                as_of,
                flows_known,
            },
            Lang::En,
        ) => format!(
            "{}: the latest roll is as of {}, before the period's end: members are as of that date; {}",
            lang.org((*org).into()),
            day(*as_of),
            if *flows_known {
                format!("recruited and left are counted through {}", day_month(*as_of))
            } else {
                "recruited and left are unknown (left empty, not 0): the roll ends before the period starts".into()
            }
        ),
        (
            Note::StaleSnapshot {
                org,
                as_of,
                flows_known,
            },
            Lang::Vi,
        ) => format!(
            "{}: danh sách mới nhất đến ngày {}, trước cuối kỳ: số thành viên tính đến ngày đó; {}",
            lang.org((*org).into()),
            day(*as_of),
            if *flows_known {
                format!("kết nạp và ra khỏi tổ chức được tính đến {}", day_month(*as_of))
            } else {
                "chưa biết số kết nạp và số ra (để trống, không phải 0): danh sách kết thúc trước khi kỳ bắt đầu".into()
            }
        ),
        (Note::MissingEligible { org, year }, Lang::En) => format!(
            "{}: no eligible counts for {year} or earlier: coverage cannot be computed",
            lang.org(*org)
        ),
        (Note::MissingEligible { org, year }, Lang::Vi) => format!(
            "{}: chưa có số đối tượng của năm {year} hoặc trước đó: không tính được tỷ lệ tập hợp",
            lang.org(*org)
        ),
        (Note::MissingTargets { org, year }, Lang::En) => format!(
            "{}: no targets for {year}: no gap to target is shown",
            lang.org(*org)
        ),
        (Note::MissingTargets { org, year }, Lang::Vi) => format!(
            "{}: chưa có chỉ tiêu năm {year}: không có mức chênh so với chỉ tiêu",
            lang.org(*org)
        ),
        (
            Note::PlacedDepartures {
                org,
                count,
                previous,
                as_of,
            },
            Lang::En,
        ) => format!(
            "{}: {count} member(s) active in the roll of {} are marked as departed without a date in the roll of {}: counted as left between the two dates",
            lang.org((*org).into()),
            day(*previous),
            day(*as_of)
        ),
        (
            Note::PlacedDepartures {
                org,
                count,
                previous,
                as_of,
            },
            Lang::Vi,
        ) => format!(
            "{}: {count} thành viên đang sinh hoạt trong danh sách ngày {} được ghi là đã ra nhưng không có ngày ra trong danh sách ngày {}: tính là ra trong khoảng giữa hai ngày đó",
            lang.org((*org).into()),
            day(*previous),
            day(*as_of)
        ),
        (
            Note::Seam {
                org,
                previous,
                previous_members,
                start,
                added,
                absent,
                dated,
                moved,
            },
            Lang::En,
        ) => format!(
            "{}: members at the period's start ({}) differ from the roll of {} ({}) by {}: {added} listed now but not then (late registration or back), {absent} absent from the new roll (not counted as left: a roll may be partial), {dated} dated in the new roll as not members at the start; {moved} changed unit",
            lang.org((*org).into()),
            lang.count(*start),
            day(*previous),
            lang.count(*previous_members),
            signed(*start as i64 - *previous_members as i64)
        ),
        (
            Note::Seam {
                org,
                previous,
                previous_members,
                start,
                added,
                absent,
                dated,
                moved,
            },
            Lang::Vi,
        ) => format!(
            "{}: số thành viên đầu kỳ ({}) khác danh sách ngày {} ({}) là {}: {added} có trong danh sách mới mà danh sách trước không có (đăng ký muộn hoặc trở lại), {absent} không có trong danh sách mới (không tính là ra: danh sách có thể chưa đủ), {dated} được danh sách mới ghi là không còn sinh hoạt vào đầu kỳ; {moved} chuyển đơn vị",
            lang.org((*org).into()),
            lang.count(*start),
            day(*previous),
            lang.count(*previous_members),
            signed(*start as i64 - *previous_members as i64)
        ),
        (Note::FirstRollDepartures { org, as_of, count }, Lang::En) => format!(
            "{}: {} member(s) of its first roll ({}) are marked as departed without a date: with no earlier roll to place their leaving against, they are counted in neither the members at the start nor left",
            lang.org((*org).into()),
            lang.count(*count),
            day(*as_of)
        ),
        (Note::FirstRollDepartures { org, as_of, count }, Lang::Vi) => format!(
            "{}: {} thành viên trong danh sách đầu tiên (ngày {}) được ghi là đã ra nhưng không có ngày ra: không có danh sách trước để xác định lúc ra, nên không tính vào số đầu kỳ cũng như số ra",
            lang.org((*org).into()),
            lang.count(*count),
            day(*as_of)
        ),
        (
            Note::MissingSheets {
                org,
                as_of,
                previous,
                sheets,
            },
            Lang::En,
        ) => format!(
            "{}: the roll of {} lacks {} sheet(s) that the roll of {} had: {}; is the workbook complete? Their members are not in these numbers",
            lang.org((*org).into()),
            day(*as_of),
            sheets.len(),
            day(*previous),
            shorten(sheets, lang)
        ),
        (
            Note::MissingSheets {
                org,
                as_of,
                previous,
                sheets,
            },
            Lang::Vi,
        ) => format!(
            "{}: danh sách ngày {} thiếu {} trang tính mà danh sách ngày {} có: {}; sổ tính có đủ không? Thành viên của các trang đó không có trong số liệu này",
            lang.org((*org).into()),
            day(*as_of),
            sheets.len(),
            day(*previous),
            shorten(sheets, lang)
        ),
        (
            Note::EmptiedUnits {
                org,
                as_of,
                previous,
                units,
            },
            Lang::En,
        ) => format!(
            "{}: {} unit(s) with members in the roll of {} have no row in the roll of {}: {}; a missing sheet or a partial export? Check before urging them",
            lang.org((*org).into()),
            units.len(),
            day(*previous),
            day(*as_of),
            shorten(units, lang)
        ),
        (
            Note::EmptiedUnits {
                org,
                as_of,
                previous,
                units,
            },
            Lang::Vi,
        ) => format!(
            "{}: {} đơn vị có thành viên trong danh sách ngày {} nhưng không có dòng nào trong danh sách ngày {}: {}; thiếu trang tính hoặc xuất thiếu? Kiểm tra trước khi đôn đốc",
            lang.org((*org).into()),
            units.len(),
            day(*previous),
            day(*as_of),
            shorten(units, lang)
        ),
        (
            Note::ShrunkUnits {
                org,
                as_of,
                previous,
                units,
            },
            Lang::En,
        ) => format!(
            "{}: {} unit(s) have in the roll of {} less than half the members they had in the roll of {}: {}",
            lang.org((*org).into()),
            units.len(),
            day(*as_of),
            day(*previous),
            shorten(units, lang)
        ),
        (
            Note::ShrunkUnits {
                org,
                as_of,
                previous,
                units,
            },
            Lang::Vi,
        ) => format!(
            "{}: {} đơn vị trong danh sách ngày {} còn chưa đến một nửa số thành viên so với danh sách ngày {}: {}",
            lang.org((*org).into()),
            units.len(),
            day(*as_of),
            day(*previous),
            shorten(units, lang)
        ),
        (Note::Mapped { org, as_of, rows }, Lang::En) => format!(
            "{}: {} row(s) of the roll of {} gave a commune of before the 2025 reform and are counted in the commune of today it became",
            lang.org((*org).into()),
            lang.count(*rows),
            day(*as_of)
        ),
        (Note::Mapped { org, as_of, rows }, Lang::Vi) => format!(
            "{}: {} dòng của danh sách ngày {} ghi xã trước sắp xếp năm 2025 và được tính vào xã hiện nay mà xã đó đã nhập vào",
            lang.org((*org).into()),
            lang.count(*rows),
            day(*as_of)
        ),
        (
            Note::RollSize {
                org,
                as_of,
                rows,
                previous,
                previous_rows,
            },
            Lang::En,
        ) => format!(
            "{}: the roll of {} has {} row(s), the previous one ({}) {}: a partial export? Check that the file is complete",
            lang.org((*org).into()),
            day(*as_of),
            lang.count(*rows),
            day(*previous),
            lang.count(*previous_rows)
        ),
        (
            Note::RollSize {
                org,
                as_of,
                rows,
                previous,
                previous_rows,
            },
            Lang::Vi,
        ) => format!(
            "{}: danh sách ngày {} có {} dòng, danh sách trước ({}) có {}: xuất thiếu? Kiểm tra tệp có đủ không",
            lang.org((*org).into()),
            day(*as_of),
            lang.count(*rows),
            day(*previous),
            lang.count(*previous_rows)
        ),
        (Note::UnitAbove100(u), Lang::En) => format!(
            "{}: {} {} has {} member(s) for {} eligible ({}): above 100%, so not listed to replicate; check the eligible count",
            lang.org(u.org),
            u.code,
            u.name,
            lang.count(u.members),
            lang.count(u.eligible),
            lang.pct(u.coverage_pct)
        ),
        (Note::UnitAbove100(u), Lang::Vi) => format!(
            "{}: {} {} có {} thành viên trên {} đối tượng ({}): trên 100% nên không đưa vào danh sách nhân rộng; kiểm tra số đối tượng",
            lang.org(u.org),
            u.code,
            u.name,
            lang.count(u.members),
            lang.count(u.eligible),
            lang.pct(u.coverage_pct)
        ),
        (Note::UnitsWithoutDenominator { org, units }, Lang::En) => format!(
            "{}: {} unit(s) with members have no eligible count: {}",
            lang.org(*org),
            units.len(),
            shorten(units, lang)
        ),
        (Note::UnitsWithoutDenominator { org, units }, Lang::Vi) => format!(
            "{}: {} đơn vị có thành viên nhưng chưa có số đối tượng: {}",
            lang.org(*org),
            units.len(),
            shorten(units, lang)
        ),
        (
            Note::CoverageAbove100 {
                org,
                dimension,
                group,
                name,
                pct,
            },
            Lang::En,
        ) => format!(
            "{}: coverage above 100% ({}) in {}: check the eligible count",
            lang.org(*org),
            lang.pct(*pct),
            group_text(dimension, group, name, lang)
        ),
        (
            Note::CoverageAbove100 {
                org,
                dimension,
                group,
                name,
                pct,
            },
            Lang::Vi,
        ) => format!(
            "{}: tỷ lệ tập hợp trên 100% ({}) ở {}: kiểm tra số đối tượng",
            lang.org(*org),
            lang.pct(*pct),
            group_text(dimension, group, name, lang)
        ),
        (
            Note::UnknownAreas {
                org,
                members,
                codes,
            },
            Lang::En,
        ) => format!(
            "{}: {members} member(s) in units missing from the areas reference: {}",
            lang.org((*org).into()),
            shorten(codes, lang)
        ),
        (
            Note::UnknownAreas {
                org,
                members,
                codes,
            },
            Lang::Vi,
        ) => format!(
            "{}: {members} thành viên ở đơn vị không có trong danh mục địa bàn: {}",
            lang.org((*org).into()),
            shorten(codes, lang)
        ),
    }
}

/// A group as a reader names it: "Ethnic-minority areas: yes", "Commune 02647 Phường
/// Lào Cai".
fn group_text(dimension: &str, group: &str, name: &str, lang: Lang) -> String {
    let dim = lang.dimension(dimension);
    if group != name {
        format!("{dim} {group} {name}")
    } else {
        format!("{dim}: {}", lang.group(group, name))
    }
}

/// 31/10/2026.
pub fn day(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// 31/10.
fn day_month(d: chrono::NaiveDate) -> String {
    d.format("%d/%m").to_string()
}

/// +3, −2, 0.
fn signed(n: i64) -> String {
    match n {
        n if n > 0 => format!("+{n}"),
        n if n < 0 => format!("−{}", -n),
        _ => "0".into(),
    }
}

fn shorten(items: &[String], lang: Lang) -> String {
    crate::lang::names::shortened(items, crate::metrics::parts::NAMED).render(lang)
}
