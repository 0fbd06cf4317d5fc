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
    ("status", "Cho biết kho đang chứa gì: các lần chốt số liệu, danh mục và các lần nạp (các trang tính của một sổ tính gộp một dòng); --org, --kind và --since thu hẹp lại."),
    ("drop", "Gỡ lần nạp (một phần danh sách hoặc một tệp danh mục) khỏi kho: theo mã, phần đầu của mã, hoặc tên tệp (mọi lần nạp của tệp đó, các trang tính của một sổ tính cùng lúc)."),
    ("verify", "Kiểm tra toàn bộ kho: kích thước, mã kiểm tra, số dòng và cột của từng phần, tệp không có trong sổ kho, và khóa bí mật. Chỉ đọc; mã thoát 0 khi kho lành, 65 khi có lỗi."),
    ("backup", "Sao kho sang một thư mục mới, nhất quán trong khi báo cáo vẫn chạy, được kiểm tra trước khi đặt tên; không kèm khóa bí mật trừ khi được yêu cầu."),
    ("completions", "In đoạn mã gợi ý lệnh cho shell (bash, zsh, fish, powershell, elvish)."),
    ("man", "In trang hướng dẫn (roff) của tally, hoặc của một lệnh con với các tùy chọn."),
    ("help", "In trợ giúp của tally hoặc của một lệnh con."),
];

/// (command, what `--help` says after the one line), where the English says more.
const LONG_ABOUT: &[(&str, &str)] = &[
    ("ingest", "Nạp danh sách thành viên và các tệp danh mục vào kho.\n\nLoại của mỗi tệp (danh sách thành viên, danh mục địa bàn, doanh nghiệp, số đối tượng, chỉ tiêu) được nhận ra từ dòng tiêu đề, trừ khi có --kind. Các tệp danh mục được nạp trước danh sách, nên một lệnh có thể nạp cả tháng. Mặc định, chỉ một dòng sai là cả lệnh bị từ chối (mã thoát 65) và không có gì được lưu."),
    ("report", "In hoặc xuất các bảng tỷ lệ tập hợp của một kỳ.\n\nMặc định: tháng của danh sách mới nhất, mọi tổ chức có danh sách hoặc số đối tượng, và các địa bàn trọng điểm của chỉ thị (toàn bộ, vùng dân tộc thiểu số, vùng tôn giáo, nông thôn, loại hình doanh nghiệp) kèm chỉ tiêu và chênh lệch."),
];

/// (command, argument id, help). `*` is any command (the global options).
const HELP: &[(&str, &str, &str)] = &[
    ("*", "store", "Thư mục kho."),
    ("*", "secret", "Khóa bí mật của kho (khóa của các mã băm người) để ngoài kho, ví dụ trên thiết bị nhớ rời. Mặc định: tệp \"secret\" trong kho."),
    ("*", "wait", "Thời gian chờ một tiến trình tally khác nhả kho, tính bằng giây."),
    ("*", "quiet", "Chỉ báo lỗi: không in tóm tắt nạp, cảnh báo hay lưu ý số liệu."),
    ("*", "lang", "Ngôn ngữ của thông báo, tiêu đề và nhãn [mặc định: theo thiết lập vùng của máy, LC_ALL, LC_MESSAGES hoặc LANG: vi_VN là tiếng Việt]."),
    ("*", "help", "In trợ giúp (--help để xem đầy đủ)."),
    ("*", "version", "In phiên bản."),
    ("ingest", "files", "Các tệp CSV hoặc sổ tính (.xlsx, .xlsm, .xls, .xlsb, .ods) cần nạp. tally tự mở rộng mẫu như data-samples/*.csv khi shell không làm (cmd.exe, PowerShell)."),
    ("ingest", "kind", "Loại tệp (không ghi thì nhận ra từ dòng tiêu đề)."),
    ("ingest", "org", "Tổ chức của danh sách (union, youth, women, farmers, veterans, hoặc tên tiếng Việt như \"Hội Phụ nữ\"); không ghi thì lấy từ cột tổ chức."),
    ("ingest", "as_of", "Ngày chốt số liệu của danh sách (31/10/2026 hoặc 2026-10-31); không ghi thì lấy từ cột ngày chốt."),
    ("ingest", "skip_invalid", "Vẫn lưu các dòng hợp lệ khi có dòng bị loại (và lưu cả danh sách có nhiều dòng trông như của tổ chức khác, kèm cảnh báo)."),
    ("ingest", "rejects", "Ghi mọi dòng bị loại, kèm số dòng, lý do và các ô gốc của dòng, vào tệp CSV này (để sửa rồi nạp lại)."),
    ("ingest", "dry_run", "Kiểm tra các tệp và báo kết quả, nhưng không lưu gì."),
    ("ingest", "encoding", "Bảng mã của tệp."),
    ("ingest", "replace", "Cho tệp đã sửa thay phần danh sách mà nó sửa (phần từ tệp cùng tên, nếu không thì cả lần chốt); tệp đã lưu thành lần chốt khác (tổ chức khác hoặc ngày khác) được chuyển sang lần chốt này; với số đối tượng và chỉ tiêu, thay toàn bộ loại đó; với danh mục địa bàn và doanh nghiệp, nhận bản mới bỏ bớt hoặc đổi phân loại hơn năm đơn vị (bản trước vẫn được giữ)."),
    ("ingest", "format", "Cách báo kết quả."),
    ("ingest", "sheet", "Với sổ tính: đọc trang này (ghi nhiều lần được; mặc định mọi trang hiển thị có dòng tiêu đề tally nhận ra)."),
    ("ingest", "area", "Xã, phường mà danh sách này là của riêng đơn vị đó, với danh sách không có cột xã (ghi mã hoặc tên, ví dụ \"Phường Sa Pa\"); mặc định lấy từ tiêu đề danh sách hoặc tên trang tính. Danh sách có cột xã trong cùng lệnh vẫn đọc theo cột đó."),
    ("ingest", "date_cells", "Cách đọc các ô kiểu ngày của sổ tính: auto (đọc như hiện có, nhưng từ chối trang tính có ngày được gõ theo thứ tự ngày/tháng trên máy đặt vùng Hoa Kỳ mà Excel đã đổi thành ô kiểu ngày theo thứ tự tháng/ngày), swapped (đổi chỗ ngày và tháng: gõ 05/03/1995, lưu thành ngày 3 tháng 5, được đọc là ngày 5 tháng 3; bản tóm tắt cho biết bao nhiêu ô), as-is (đọc như hiện có, không kiểm tra)."),
    ("ingest", "bom", "Giữ lại cho các kịch bản cũ: tệp --rejects và --warnings mặc định đã có dấu BOM UTF-8 (để Excel trên Windows hiện đúng chữ Việt khi mở bằng nhấp đúp)."),
    ("ingest", "codes", "Cách đọc mã và tên đơn vị: auto (mã hiện nay nếu có, nếu không thì qua bảng chuyển đổi của đợt sắp xếp năm 2025), old (toàn bộ là mã trước 01/7/2025), new (toàn bộ là mã hiện nay)."),
    ("ingest", "warnings", "Ghi mọi cảnh báo (mỗi dòng có cảnh báo: vị trí, cột, giá trị và lý do) vào tệp CSV này; phần tóm tắt chỉ nêu mỗi loại cảnh báo một lần."),
    ("ingest", "no_bom", "Không ghi dấu BOM UTF-8 ở đầu tệp --rejects và --warnings (cho chương trình đọc BOM như chữ)."),
    ("ingest", "year", "Năm của tệp số đối tượng hoặc chỉ tiêu không có cột năm (Năm) và tiêu đề không ghi năm (SỐ ĐỐI TƯỢNG NĂM 2026); tệp mâu thuẫn với năm này bị từ chối."),
    ("report", "period", "Kỳ báo cáo: tháng (2026-10, 10/2026, \"tháng 10/2026\"), quý (2026-Q3, \"quý 3/2026\"), nửa năm (2026-H1, \"6 tháng đầu năm 2026\") hoặc năm (2026), hay this-month, last-month, this-year, last-year (mặc định: tháng của danh sách mới nhất)."),
    ("report", "from", "Báo cáo nhiều kỳ từ kỳ này (cùng --to): 2026-01, 2026-Q1, 2026. Mỗi kỳ được tính như một báo cáo riêng, đặt cạnh nhau, kèm thay đổi so với kỳ trước và cùng kỳ năm trước, và tốc độ tiến tới chỉ tiêu."),
    ("report", "to", "Kỳ cuối của báo cáo nhiều kỳ (cùng --from), cùng loại kỳ."),
    ("report", "last", "Báo cáo N tháng gần nhất, đến tháng của danh sách mới nhất."),
    ("report", "pace_over", "Trong báo cáo nhiều kỳ: số kỳ có số liệu dùng để tính tốc độ (ít nhất 4)."),
    ("report", "as_of", "Số thành viên tại một ngày thay cho một kỳ (chỉ số tồn: không có kết nạp mới hay ra khỏi)."),
    ("report", "org", "Các tổ chức cần báo cáo (ghi nhiều lần được; any = thuộc ít nhất một tổ chức)."),
    ("report", "by", "Các tiêu chí chia (ghi nhiều lần được): total, ethnic_minority, religious, rural, một cột hay một cấp của danh mục địa bàn (commune, ...), ownership, ethnicity[:nhóm], religion[:nhóm], sex, age_band, reason (số ra theo lý do: chỉ cột ra). Hai hoặc ba tiêu chí nối bằng dấu phẩy thì được kết hợp: ethnic_minority,sex cho một dòng cho mỗi tổ hợp. Cũng ghi được bằng tên tiếng Việt như tiêu đề bảng: \"Giới tính\", \"Vùng dân tộc thiểu số\", \"Xã, phường\"."),
    ("report", "format", "Định dạng xuất (mặc định: theo đuôi tệp của --output, .csv .json .md .xlsx .html; nếu không thì là bảng)."),
    ("report", "output", "Ghi ra tệp này (ghi trọn vẹn một lần) thay vì ra màn hình."),
    ("report", "min_cell", "Khi công bố: ẩn các số nhỏ hơn N và các ô có thể làm lộ chúng."),
    ("report", "table", "Bảng nào trong báo cáo CSV: các dòng chuẩn, các đơn vị cần đôn đốc hay cần nhân rộng (bảng xếp hạng cũng có trong JSON, mục \"rankings\"), bảng theo đơn vị (units: cả trong JSON và XLSX), hoặc một danh sách cần xử lý (cũng có trong JSON, mục \"lists\")."),
    ("report", "bom", "Ghi CSV có dấu BOM UTF-8, để Excel trên Windows hiện đúng chữ Việt khi mở bằng nhấp đúp."),
    ("report", "min_workers", "Ở các dòng loại hình doanh nghiệp, đếm riêng các doanh nghiệp từ N lao động trở lên: bao nhiêu có thành viên, bao nhiêu có tổ chức cơ sở (khi danh mục doanh nghiệp ghi: Có CĐCS, Có chi đoàn). Mặc định 25, luôn có khi danh mục ghi điều đó."),
    ("status", "format", "Định dạng xuất."),
    ("status", "org", "Chỉ các lần chốt và lần nạp danh sách của tổ chức này (union, youth, women, farmers, veterans, hoặc tên tiếng Việt như \"Hội Phụ nữ\")."),
    ("status", "kind", "Chỉ các lần nạp loại tệp này."),
    ("status", "since", "Chỉ các lần chốt từ ngày này trở đi, và các lần nạp danh sách chốt từ ngày này (tệp danh mục: nạp từ ngày này)."),
    ("verify", "format", "Định dạng xuất: bảng cho màn hình, hoặc một đối tượng JSON với từng vấn đề và cách sửa."),
    ("verify", "restore_manifest", "Với kho bị mất tệp manifest.json (máy tắt giữa lúc thay tệp này, trên ổ FAT32 hay exFAT): đặt lại tệp mà lần ghi dở dang để lại (.manifest.json.tmp-PID), sau khi mọi phần nó nêu đều được kiểm tra đúng; rồi kiểm tra kho."),
    ("backup", "dest", "Thư mục mới cho bản sao (chưa có, hoặc đang trống)."),
    ("backup", "with_secret", "Sao cả khóa bí mật. Không có khóa, bản sao vẫn báo cáo được nhưng không nạp thêm được: giữ khóa riêng (thiết bị khác, tài khoản khác) và chép lại khi cần khôi phục."),
    ("man", "command", "Một lệnh con (ingest, report, status, drop, completions); không ghi thì là trang của tally."),
    ("completions", "shell", "Shell cần gợi ý lệnh."),
    ("drop", "id", "Mã lần nạp như tally status cho thấy, phần đầu của một mã (chỉ một mã được bắt đầu như vậy), hoặc tên tệp: mọi lần nạp của tệp đó (các trang tính của một sổ tính cùng lúc)."),
];

/// (command, argument id, value, help) of the values that have a line of their own.
const VALUES: &[(&str, &str, &str, &str)] = &[
    ("ingest", "kind", "roll", "Danh sách thành viên của một tổ chức"),
    ("ingest", "kind", "areas", "Các đơn vị hành chính và phân loại của chúng"),
    ("ingest", "kind", "enterprises", "Doanh nghiệp: mã số thuế, đơn vị, loại hình, số lao động"),
    ("ingest", "kind", "eligible", "Số đối tượng theo đơn vị, tổ chức và năm (mẫu số)"),
    ("ingest", "kind", "targets", "Chỉ tiêu tỷ lệ tập hợp theo tổ chức, năm và phạm vi"),
    ("ingest", "format", "text", "Mỗi tệp một dòng ra màn hình; cảnh báo và dòng bị loại ra luồng lỗi chuẩn"),
    ("ingest", "format", "json", "Một đối tượng JSON: từng tệp, các lần nạp, cảnh báo và dòng bị loại (20 dòng đầu của mỗi loại, kèm tổng số); lỗi làm dừng lệnh là {\"error\": {\"exit\", \"message\", \"hint\"}}. Mã thoát không đổi"),
    ("report", "format", "table", "Bảng cho màn hình, kèm lưu ý và các đơn vị cần đôn đốc, cần nhân rộng"),
    ("report", "format", "csv", "CSV gọn: mỗi dòng một tổ chức, tiêu chí và nhóm (lưu ý ra luồng lỗi chuẩn)"),
    ("report", "format", "json", "Các dòng và lưu ý trong một đối tượng JSON"),
    ("report", "format", "md", "Bảng Markdown, cho văn bản hay tin nhắn"),
    ("report", "format", "xlsx", "Sổ tính Excel, mỗi phần một trang (cần --output)"),
    ("report", "format", "html", "Một trang HTML trọn vẹn có biểu đồ (không mã chạy, không tải gì; in được khổ A4)"),
    ("report", "table", "rows", "Mỗi dòng một tổ chức, tiêu chí và nhóm"),
    ("report", "table", "urge", "Các đơn vị thấp nhất so với chỉ tiêu"),
    ("report", "table", "replicate", "Các đơn vị cao nhất so với chỉ tiêu (không bao giờ một đơn vị trên 100%)"),
    ("report", "table", "units", "Mỗi dòng một tổ chức và một đơn vị (xã, phường) với phân loại của đơn vị và số thành viên, trong đó nữ, dân tộc thiểu số, có tôn giáo (CSV; JSON mục \"units\"; một trang tính của sổ tính)"),
    ("report", "table", "to_visit", "Doanh nghiệp ngoài nhà nước chưa có thành viên của tổ chức (danh sách cần đến vận động)"),
    ("report", "table", "fallen_to_zero", "Đơn vị giảm về 0 thành viên so với danh sách trước"),
    ("report", "table", "not_reported", "Đơn vị có thành viên trong danh sách trước nhưng không có dòng nào trong kỳ này (chưa báo cáo)"),
    ("status", "kind", "roll", "Danh sách thành viên của một tổ chức"),
    ("status", "kind", "areas", "Các đơn vị hành chính và phân loại của chúng"),
    ("status", "kind", "enterprises", "Doanh nghiệp: mã số thuế, đơn vị, loại hình, số lao động"),
    ("status", "kind", "eligible", "Số đối tượng theo đơn vị, tổ chức và năm (mẫu số)"),
    ("status", "kind", "targets", "Chỉ tiêu tỷ lệ tập hợp theo tổ chức, năm và phạm vi"),
    ("status", "format", "table", "Bảng cho màn hình"),
    ("status", "format", "json", "Một đối tượng JSON: lần chốt, danh mục, các lần nạp, quyền truy cập"),
    ("verify", "format", "table", "Mỗi phần được kiểm tra và mỗi lỗi một dòng, kèm cách sửa"),
    ("verify", "format", "json", "Một đối tượng JSON: những gì đã kiểm tra, mỗi lỗi kèm đường dẫn và cách sửa, tình trạng khóa bí mật"),
];

/// The placeholders of values in usage lines and help, in Vietnamese.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("CODE|NAME", "MÃ|TÊN"),
    ("CODES", "CÁCH_ĐỌC_MÃ"),
    ("COMMAND", "LỆNH"),
    ("DATE", "NGÀY"),
    ("DATE_CELLS", "CÁCH_ĐỌC_Ô_NGÀY"),
    ("DEST", "THƯ_MỤC_ĐÍCH"),
    ("DIM", "TIÊU_CHÍ"),
    ("DIR", "THƯ_MỤC"),
    ("ENCODING", "BẢNG_MÃ"),
    ("FILE", "TỆP"),
    ("FORMAT", "ĐỊNH_DẠNG"),
    ("INGEST_ID", "MÃ_LẦN_NẠP"),
    ("INGEST_ID|ID_PREFIX|FILE", "MÃ_LẦN_NẠP|PHẦN_ĐẦU_MÃ|TỆP"),
    ("KIND", "LOẠI"),
    ("LANG", "NGÔN_NGỮ"),
    ("N", "N"),
    ("NAME", "TÊN"),
    ("ORG", "TỔ_CHỨC"),
    ("PATH", "ĐƯỜNG_DẪN"),
    ("PERIOD", "KỲ"),
    ("SECONDS", "GIÂY"),
    ("SHELL", "SHELL"),
    ("TABLE", "BẢNG"),
    ("YEAR", "NĂM"),
];

fn value_help(command: &str, arg: &str, value: &str) -> Option<&'static str> {
    VALUES
        .iter()
        .find(|(c, a, v, _)| *c == command && *a == arg && *v == value)
        .map(|(_, _, _, h)| *h)
}

fn value_name(name: &str) -> Option<&'static str> {
    VALUE_NAMES
        .iter()
        .find(|(en, _)| *en == name)
        .map(|(_, vi)| *vi)
}

/// An argument's help in Vietnamese with what clap would add in English after it —
/// the values it takes (each with its line, where they have one), its default and
/// its environment variable — said in Vietnamese, and clap's own additions hidden.
fn argument_in_vietnamese(command: &str, a: clap::Arg, help: Option<&str>) -> clap::Arg {
    let id = a.get_id().to_string();
    if !a.get_action().takes_values() {
        return match help {
            Some(h) => a.help(h.to_string()).long_help(h.to_string()),
            None => a,
        };
    }
    let values: Vec<clap::builder::PossibleValue> = a
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let mut short = help.map(str::to_string).unwrap_or_default();
    let mut long = short.clone();
    let mut tags = Vec::new();
    if !values.is_empty() && !a.is_hide_possible_values_set() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        if values.iter().any(|v| v.get_help().is_some()) {
            let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
            long.push_str("\n\nGiá trị:");
            for v in &values {
                let name = v.get_name();
                let text = value_help(command, &id, name).unwrap_or_default();
                let pad = " ".repeat(width - name.chars().count());
                long.push_str(&format!("\n- {name}:{pad} {text}"));
            }
        } else {
            tags.push(format!("[giá trị: {}]", names.join(", ")));
        }
        short.push_str(&format!(" [giá trị: {}]", names.join(", ")));
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() {
        let tag = format!("[mặc định: {}]", defaults.join(", "));
        short.push_str(&format!(" {tag}"));
        tags.push(tag);
    }
    if let Some(env) = a.get_env() {
        if !a.is_hide_env_set() {
            let tag = format!("[biến môi trường: {}]", env.to_string_lossy());
            short.push_str(&format!(" {tag}"));
            tags.push(tag);
        }
    }
    if !tags.is_empty() {
        long.push_str(&format!("\n\n{}", tags.join("\n")));
    }
    // A placeholder without its Vietnamese keeps its English (a test checks none does).
    let names: Option<Vec<&'static str>> = a
        .get_value_names()
        .and_then(|names| names.iter().map(|n| value_name(n.as_str())).collect());
    let a = match names {
        Some(names) => a.value_names(names),
        None => a,
    };
    a.hide_possible_values(true)
        .hide_default_value(true)
        .hide_env(true)
        .help(short)
        .long_help(long)
}

/// The comments of the examples after `--help`, in Vietnamese.
const EXAMPLE_NOTES: &[(&str, &str)] = &[
    ("# for publication", "# để công bố"),
    (
        "# a store whose manifest.json a crash took",
        "# kho bị mất manifest.json do máy tắt giữa chừng",
    ),
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
    let cmd = match about {
        Some(a) if cmd.find_subcommand("help").is_some() => {
            cmd.mut_subcommand("help", |s| help_command(s.about(a).long_about(a)))
        }
        _ => cmd,
    };
    usage_in_vietnamese(cmd)
}

/// clap's `help` command (what `tally help help` shows): its headings and the line of
/// each command it can explain, in Vietnamese.
fn help_command(mut cmd: Command) -> Command {
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        if let Some((_, about)) = ABOUT.iter().find(|(c, _)| *c == sub) {
            cmd = cmd.mut_subcommand(sub.as_str(), |s| s.about(*about));
        }
    }
    cmd.subcommand_help_heading("Lệnh").help_template(TEMPLATE)
}

/// The layout of a Vietnamese `--help`.
const TEMPLATE: &str = "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";

/// The usage lines with clap's `[OPTIONS]` and `<COMMAND>` in Vietnamese: clap writes
/// them itself, so each command's usage is rendered once built and given back as its
/// own.
fn usage_in_vietnamese(mut cmd: Command) -> Command {
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .lines()
        .map(|l| l.trim_start_matches("Usage:").trim())
        .collect::<Vec<_>>()
        .join("\n       ")
        .replace("[OPTIONS]", "[TÙY_CHỌN]")
        .replace("<COMMAND>", "<LỆNH>")
        .replace("[COMMAND]", "[LỆNH]");
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub.as_str(), usage_in_vietnamese);
    }
    cmd.override_usage(usage)
}

fn localize_one(mut cmd: Command, name: &str) -> Command {
    use clap::{Arg, ArgAction};
    if let Some((_, about)) = ABOUT.iter().find(|(c, _)| *c == name) {
        let long = LONG_ABOUT.iter().find(|(c, _)| *c == name).map(|(_, l)| *l);
        cmd = cmd.about(*about).long_about(long.unwrap_or(about));
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
            argument_in_vietnamese(name, a, help)
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub.as_str(), |s| localize_one(s, &sub));
    }
    cmd.subcommand_help_heading("Lệnh").help_template(TEMPLATE)
}

/// A command's examples in Vietnamese: the heading and the notes after `#`.
pub fn examples_vi(examples: &str) -> String {
    EXAMPLE_NOTES
        .iter()
        .fold(examples.replace("Examples:", "Ví dụ:"), |t, (en, vi)| {
            t.replace(en, vi)
        })
}

/// The command and its subcommands with their examples in Vietnamese (the man pages,
/// which `--help`'s ending with the exit codes does not reach).
pub fn examples_in_vietnamese(mut cmd: Command) -> Command {
    if let Some(examples) = cmd.get_after_long_help() {
        let said = examples_vi(&examples.to_string());
        cmd = cmd.after_long_help(said);
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub.as_str(), examples_in_vietnamese);
    }
    cmd
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
        Some(examples) if vi => format!("{}\n\n{codes}", examples_vi(&examples.to_string())),
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
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            for v in a.get_possible_values() {
                if v.get_help().is_some() && value_help(name, id, v.get_name()).is_none() {
                    out.push(format!("{name} {id} {}", v.get_name()));
                }
            }
            let names = a.get_action().takes_values().then(|| a.get_value_names());
            for n in names.flatten().unwrap_or_default() {
                if value_name(n.as_str()).is_none() {
                    out.push(format!("{name} {id} <{n}>"));
                }
            }
        }
        let examples = cmd.get_after_long_help().map(|e| e.to_string());
        for line in examples.iter().flat_map(|e| e.lines()) {
            if let Some((_, note)) = line.split_once("  # ") {
                let note = format!("# {note}");
                if !EXAMPLE_NOTES.iter().any(|(en, _)| *en == note) {
                    out.push(format!("{name} example {note}"));
                }
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
