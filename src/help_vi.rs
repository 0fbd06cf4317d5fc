//! `--help`, the man pages and the completions in Vietnamese: the one command-line
//! definition (`cli.rs`), its texts replaced at run time from the table below, by
//! command and argument. An argument the table lacks keeps its English text (a test
//! checks that none does).

use clap::Command;

/// (command, about), the command's one-line description.
const ABOUT: &[(&str, &str)] = &[
    ("tally", "Tỷ lệ tập hợp thành viên của các tổ chức chính trị - xã hội, cho cán bộ theo dõi cấp tỉnh."),
    ("ingest", "Nạp danh sách thành viên và các tệp danh mục vào kho."),
    ("report", "In hoặc xuất các bảng tỷ lệ tập hợp của một kỳ."),
    ("status", "Cho biết kho đang chứa gì: các lần chốt số liệu, danh mục và các lần nạp."),
    ("drop", "Gỡ một lần nạp (một phần danh sách hoặc một tệp danh mục) khỏi kho."),
    ("verify", "Kiểm tra toàn bộ kho: kích thước, mã kiểm tra, số dòng và cột của từng phần, tệp không có trong sổ kho, và khóa bí mật. Chỉ đọc; mã thoát 0 khi kho lành, 65 khi có lỗi."),
    ("backup", "Sao kho sang một thư mục mới, nhất quán trong khi báo cáo vẫn chạy, được kiểm tra trước khi đặt tên; không kèm khóa bí mật trừ khi được yêu cầu."),
    ("completions", "In đoạn mã gợi ý lệnh cho shell (bash, zsh, fish, powershell, elvish)."),
    ("man", "In trang hướng dẫn (roff) của tally, hoặc của một lệnh con với các tùy chọn."),
    ("help", "In trợ giúp của tally hoặc của một lệnh con."),
];

/// (command, argument id, help). `*` is any command (the global options).
const HELP: &[(&str, &str, &str)] = &[
    ("*", "store", "Thư mục kho."),
    ("*", "secret", "Khóa bí mật của kho (khóa của các mã băm người) để ngoài kho, ví dụ trên thiết bị nhớ rời. Mặc định: tệp secret trong kho."),
    ("*", "wait", "Thời gian chờ một tiến trình tally khác nhả kho, tính bằng giây."),
    ("*", "quiet", "Chỉ báo lỗi: không in tóm tắt nạp, cảnh báo hay lưu ý số liệu."),
    ("*", "lang", "Ngôn ngữ của thông báo, tiêu đề và nhãn [mặc định: theo locale, LC_ALL, LC_MESSAGES hoặc LANG: vi_VN là tiếng Việt]."),
    ("*", "help", "In trợ giúp (--help để xem đầy đủ)."),
    ("*", "version", "In phiên bản."),
    ("ingest", "files", "Các tệp CSV hoặc sổ tính (.xlsx, .xlsm, .xls, .xlsb, .ods) cần nạp. tally tự mở rộng mẫu như data-samples/*.csv khi shell không làm (cmd.exe, PowerShell)."),
    ("ingest", "kind", "Loại tệp (không ghi thì nhận ra từ dòng tiêu đề)."),
    ("ingest", "org", "Tổ chức của danh sách (union, youth, women, farmers, veterans, hoặc tên tiếng Việt như \"Hội Phụ nữ\"); không ghi thì lấy từ cột tổ chức."),
    ("ingest", "as_of", "Ngày chốt số liệu của danh sách (31/10/2026 hoặc 2026-10-31); không ghi thì lấy từ cột ngày chốt."),
    ("ingest", "skip_invalid", "Vẫn lưu các dòng hợp lệ khi có dòng bị loại (và lưu cả danh sách có nhiều dòng trông như của tổ chức khác, kèm cảnh báo)."),
    ("ingest", "rejects", "Ghi mọi dòng bị loại, kèm số dòng và lý do, vào tệp CSV này."),
    ("ingest", "dry_run", "Kiểm tra các tệp và báo kết quả, nhưng không lưu gì."),
    ("ingest", "encoding", "Bảng mã của tệp."),
    ("ingest", "replace", "Cho tệp đã sửa thay phần danh sách mà nó sửa (phần từ tệp cùng tên, nếu không thì cả lần chốt); tệp đã lưu thành lần chốt khác (tổ chức khác hoặc ngày khác) được chuyển sang lần chốt này; với số đối tượng và chỉ tiêu, thay toàn bộ loại đó; với danh mục địa bàn và doanh nghiệp, nhận bản mới bỏ bớt hoặc đổi phân loại hơn năm đơn vị (bản trước vẫn được giữ)."),
    ("ingest", "format", "Cách báo kết quả."),
    ("ingest", "sheet", "Với sổ tính: đọc trang này (ghi nhiều lần được; mặc định mọi trang hiển thị có dòng tiêu đề tally nhận ra)."),
    ("ingest", "area", "Xã, phường mà danh sách này là của riêng đơn vị đó, với danh sách không có cột xã (ghi mã hoặc tên, ví dụ \"Phường Sa Pa\"); mặc định lấy từ tiêu đề danh sách hoặc tên trang tính."),
    ("ingest", "bom", "Ghi tệp --rejects có dấu BOM UTF-8, để Excel trên Windows hiện đúng chữ Việt khi mở bằng nhấp đúp."),
    ("ingest", "codes", "Cách đọc mã và tên đơn vị: auto (mã hiện nay nếu có, nếu không thì qua bảng chuyển đổi của đợt sắp xếp năm 2025), old (toàn bộ là mã trước 01/7/2025), new (toàn bộ là mã hiện nay)."),
    ("ingest", "year", "Năm của tệp số đối tượng hoặc chỉ tiêu không có cột năm (Năm) và tiêu đề không ghi năm (SỐ ĐỐI TƯỢNG NĂM 2026); tệp mâu thuẫn với năm này bị từ chối."),
    ("report", "period", "Kỳ báo cáo: tháng (2026-10, 10/2026, \"tháng 10/2026\"), quý (2026-Q3, \"quý 3/2026\"), nửa năm (2026-H1, \"6 tháng đầu năm 2026\") hoặc năm (2026), hay this-month, last-month, this-year, last-year (mặc định: tháng của danh sách mới nhất)."),
    ("report", "from", "Báo cáo nhiều kỳ từ kỳ này (cùng --to): 2026-01, 2026-Q1, 2026. Mỗi kỳ được tính như một báo cáo riêng, đặt cạnh nhau, kèm thay đổi so với kỳ trước và cùng kỳ năm trước, và tốc độ tiến tới chỉ tiêu."),
    ("report", "to", "Kỳ cuối của báo cáo nhiều kỳ (cùng --from), cùng loại kỳ."),
    ("report", "last", "Báo cáo N tháng gần nhất, đến tháng của danh sách mới nhất."),
    ("report", "pace_over", "Trong báo cáo nhiều kỳ: số kỳ có số liệu dùng để tính tốc độ (ít nhất 4)."),
    ("report", "as_of", "Số thành viên tại một ngày thay cho một kỳ (chỉ số tồn: không có kết nạp mới hay ra khỏi)."),
    ("report", "org", "Các tổ chức cần báo cáo (ghi nhiều lần được; any = thuộc ít nhất một tổ chức)."),
    ("report", "by", "Các tiêu chí chia (ghi nhiều lần được): total, ethnic_minority, religious, rural, một cột hay một cấp của danh mục địa bàn (commune, ...), ownership, ethnicity[:nhóm], religion[:nhóm], sex, age_band."),
    ("report", "format", "Định dạng xuất (mặc định: theo đuôi tệp của --output, .csv .json .md .xlsx .html; nếu không thì là bảng)."),
    ("report", "output", "Ghi ra tệp này (ghi trọn vẹn một lần) thay vì ra màn hình."),
    ("report", "min_cell", "Khi công bố: ẩn các số nhỏ hơn N và các ô có thể làm lộ chúng."),
    ("report", "table", "Bảng nào trong báo cáo CSV: các dòng chuẩn, hoặc các đơn vị cần đôn đốc hay cần nhân rộng (bảng xếp hạng cũng có trong JSON, mục rankings)."),
    ("report", "bom", "Ghi CSV có dấu BOM UTF-8, để Excel trên Windows hiện đúng chữ Việt khi mở bằng nhấp đúp."),
    ("status", "format", "Định dạng xuất."),
    ("verify", "format", "Định dạng xuất: bảng cho màn hình, hoặc một đối tượng JSON với từng vấn đề và cách sửa."),
    ("verify", "restore_manifest", "Với kho bị mất tệp manifest.json (máy tắt giữa lúc thay tệp này, trên ổ FAT32 hay exFAT): đặt lại tệp mà lần ghi dở dang để lại (.manifest.json.tmp-PID), sau khi mọi phần nó nêu đều được kiểm tra đúng; rồi kiểm tra kho."),
    ("backup", "dest", "Thư mục mới cho bản sao (chưa có, hoặc đang trống)."),
    ("backup", "with_secret", "Sao cả khóa bí mật. Không có khóa, bản sao vẫn báo cáo được nhưng không nạp thêm được: giữ khóa riêng (thiết bị khác, tài khoản khác) và chép lại khi cần khôi phục."),
    ("man", "command", "Một lệnh con (ingest, report, status, drop, completions); không ghi thì là trang của tally."),
    ("completions", "shell", "Shell cần gợi ý lệnh."),
    ("drop", "id", "Mã lần nạp, như tally status cho thấy."),
];

/// The exit codes, for `--help` and the man pages.
pub const EXIT_CODES: [(u8, &str, &str); 6] = [
    (0, "success", "thành công"),
    (1, "failure (a conflicting part without --replace, a damaged manifest)", "thất bại (phần trùng mà không có --replace, sổ kho bị hỏng)"),
    (2, "usage: bad arguments, or a roll without an organization or date", "dùng sai: tham số sai, hoặc danh sách không có tổ chức hay ngày chốt"),
    (65, "invalid input: rejected rows (nothing stored), unreadable files; verify found a problem", "dữ liệu vào không hợp lệ: có dòng bị loại (không lưu gì), tệp không đọc được; verify thấy lỗi"),
    (74, "I/O error", "lỗi đọc ghi"),
    (75, "the store is busy: another tally held it longer than --wait", "kho đang bận: một tiến trình tally khác giữ kho lâu hơn --wait"),
];

/// The exit codes as a help section, in the language asked for.
pub fn exit_codes(vi: bool) -> String {
    let head = if vi { "Mã thoát:" } else { "Exit codes:" };
    let lines: Vec<String> = EXIT_CODES
        .iter()
        .map(|(code, en, vi_text)| format!("  {code:>3}  {}", if vi { vi_text } else { en }))
        .collect();
    format!("{head}\n{}", lines.join("\n"))
}

fn help_for(command: &str, arg: &str) -> Option<&'static str> {
    HELP.iter()
        .find(|(c, a, _)| *c == command && *a == arg)
        .or_else(|| HELP.iter().find(|(c, a, _)| *c == "*" && *a == arg))
        .map(|(_, _, h)| *h)
}

/// The command with its texts in Vietnamese: about, every argument's help, the
/// headings clap writes, and the exit codes after the help.
pub fn localize(cmd: Command) -> Command {
    let mut cmd = localize_one(cmd, "tally");
    // The `help` subcommand exists once the command is built.
    cmd.build();
    let about = ABOUT.iter().find(|(c, _)| *c == "help").map(|(_, a)| *a);
    match about {
        Some(a) if cmd.find_subcommand("help").is_some() => {
            cmd.mut_subcommand("help", |s| s.about(a).long_about(a))
        }
        _ => cmd,
    }
}

fn localize_one(mut cmd: Command, name: &str) -> Command {
    use clap::{Arg, ArgAction};
    if let Some((_, about)) = ABOUT.iter().find(|(c, _)| *c == name) {
        cmd = cmd.about(*about).long_about(*about);
    }
    // clap adds -h and -V with English texts when the command is built: add them here
    // instead, in Vietnamese.
    cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(help_for("*", "help").unwrap_or_default()),
    );
    if name == "tally" {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(help_for("*", "version").unwrap_or_default()),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = help_for(name, &id);
        cmd = cmd.mut_arg(id.as_str(), |a| {
            let positional = a.is_positional();
            let a = a.help_heading(if positional {
                "Tham số"
            } else {
                "Tùy chọn"
            });
            match help {
                Some(h) => a.help(h).long_help(h),
                None => a,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub.as_str(), |s| localize_one(s, &sub));
    }
    cmd.subcommand_help_heading("Lệnh")
        .help_template("{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}")
}

/// The command as `--help` shows it: in Vietnamese when asked, and every command's
/// help ending with the exit codes (after its examples, where it has them).
pub fn with_exit_codes(cmd: Command, vi: bool) -> Command {
    let cmd = if vi { localize(cmd) } else { cmd };
    add_codes(cmd, vi)
}

fn add_codes(mut cmd: Command, vi: bool) -> Command {
    let codes = exit_codes(vi);
    let long = match cmd.get_after_long_help() {
        Some(examples) if vi => format!(
            "{}\n\n{codes}",
            examples.to_string().replace("Examples:", "Ví dụ:")
        ),
        Some(examples) => format!("{examples}\n\n{codes}"),
        None => codes.clone(),
    };
    cmd = cmd.after_help(codes).after_long_help(long);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub.as_str(), |s| add_codes(s, vi));
    }
    cmd
}

/// Every argument of every command, for the test that each has a Vietnamese text.
pub fn missing(cmd: &Command) -> Vec<String> {
    fn walk(cmd: &Command, name: &str, out: &mut Vec<String>) {
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if help_for(name, id).is_none() {
                out.push(format!("{name} {id}"));
            }
        }
        if !ABOUT.iter().any(|(c, _)| *c == name) {
            out.push(format!("{name} (about)"));
        }
        for s in cmd.get_subcommands() {
            walk(s, s.get_name(), out);
        }
    }
    let mut out = Vec::new();
    walk(cmd, "tally", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_argument_and_command_has_its_vietnamese_text() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        assert_eq!(missing(&cmd), Vec::<String>::new());
    }
}
