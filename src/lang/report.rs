//! What `tally report` says beside its numbers, English and Vietnamese side by side:
//! the data notes (their arguments already said in the reader's language: an org's
//! name, a day as 31/10/2026, a count with its separators), and the words of the page,
//! the series table and the workbook's sheets.

crate::messages! {
    // --- The data notes
    NOTE_MISSING_SNAPSHOT:
        "{}: no roll as of the period's end or earlier; its numbers are missing, not zero"
        => "{}: chưa có danh sách đến cuối kỳ; số liệu bị thiếu (không phải bằng 0)";
    NOTE_STALE_SNAPSHOT:
        "{}: the latest roll is as of {}, before the period's end: members are as of that date; {}"
        => "{}: danh sách mới nhất đến ngày {}, trước cuối kỳ: số thành viên tính đến ngày đó; {}";
    NOTE_STALE_AT_DAY:
        "{}: the latest roll is as of {}, before the day asked: members are as of that date"
        => "{}: danh sách mới nhất đến ngày {}, trước ngày cần báo cáo: số thành viên tính đến ngày đó";
    FLOWS_THROUGH:
        "recruited and left are counted through {}"
        => "kết nạp và ra khỏi tổ chức được tính đến {}";
    FLOWS_UNKNOWN:
        "recruited and left are unknown (left empty, not 0): the roll ends before the period starts"
        => "chưa biết số kết nạp và số ra (để trống, không phải 0): danh sách kết thúc trước khi kỳ bắt đầu";
    NOTE_MISSING_ELIGIBLE:
        "{}: no eligible counts for {} or earlier: coverage cannot be computed"
        => "{}: chưa có số đối tượng của năm {} hoặc trước đó: không tính được tỷ lệ tập hợp";
    NOTE_PROVINCE_TARGET_TWICE:
        "{}: the targets of {} give the whole province twice: {} {} (taken by the total and the units) and * {} (taken by each group without a target of its own); keep one of the two rows"
        => "{}: chỉ tiêu năm {} ghi hai lần cho toàn tỉnh: {} {} (dùng cho dòng tổng và các đơn vị) và * {} (dùng cho các nhóm không có chỉ tiêu riêng); nên giữ một trong hai dòng";
    NOTE_MISSING_TARGETS:
        "{}: no targets for {}: no gap to target is shown"
        => "{}: chưa có chỉ tiêu năm {}: không có mức chênh so với chỉ tiêu";
    NOTE_SAME_AS_PREVIOUS:
        "{}: the roll of {} lists exactly the {} members of the roll of {}, each in the same unit, with no one joining or leaving: if the office sent the earlier file again, ingest this period's export with --replace"
        => "{}: danh sách ngày {} ghi đúng {} thành viên của danh sách ngày {}, cùng đơn vị, không ai kết nạp hay ra khỏi: nếu đơn vị đã gửi lại tệp cũ, hãy nạp tệp xuất của kỳ này với --replace";
    NOTE_PLACED_DEPARTURES:
        "{}: {} member(s) active in the roll of {} are marked as departed without a date in the roll of {}: counted as left between the two dates"
        => "{}: {} thành viên đang sinh hoạt trong danh sách ngày {} được ghi là đã ra nhưng không có ngày ra trong danh sách ngày {}: tính là ra trong khoảng giữa hai ngày đó";
    NOTE_ABSENT_DEPARTURES:
        "{}: {} member(s) not listed in the roll of {} (a partial roll?), though active in the one before it, are marked as departed without a date in the roll of {}: counted as left on that roll's date (in the members at the start and in left)"
        => "{}: {} thành viên không có trong danh sách ngày {} (danh sách thiếu?) dù đang sinh hoạt trong danh sách trước đó, được ghi là đã ra nhưng không có ngày ra trong danh sách ngày {}: tính là ra vào ngày của danh sách này (có trong số đầu kỳ và số ra)";
    NOTE_CARRIED_DEPARTURES:
        "{}: {} member(s) marked as departed without a date in the roll of {} were already so marked in an earlier roll of the period: counted as left on the date of the roll that first marked them (in the members at the start and in left)"
        => "{}: {} thành viên được ghi là đã ra, không có ngày ra, trong danh sách ngày {} đã được ghi như vậy ở một danh sách trước trong kỳ: tính là ra vào ngày của danh sách đầu tiên ghi như vậy (có trong số đầu kỳ và số ra)";
    NOTE_LONG_SEAM:
        "{}: members at the period's start ({}) differ from the last roll before it, of {} ({}), by {}: members a later roll of the period no longer lists without marking them departed (a partial roll, a month without a roll), or lists late, are counted as the period's rolls say, not as left or recruited; the months' reports say which"
        => "{}: số thành viên đầu kỳ ({}) khác danh sách cuối cùng trước kỳ, ngày {} ({}), là {}: người mà danh sách sau trong kỳ không còn ghi nhưng không ghi là đã ra (danh sách thiếu, tháng không có danh sách), hoặc ghi muộn, được tính theo các danh sách trong kỳ, không tính là ra hay kết nạp mới; báo cáo từng tháng nói rõ là ai";
    NOTE_DROPPED_DEPARTURES:
        "{}: {} member(s) marked in an earlier roll of the period as departed within it are not listed in the roll of {}: counted from the roll that last listed them (in the members at the start where they were members then, and in left)"
        => "{}: {} thành viên được một danh sách trước trong kỳ ghi là đã ra trong kỳ không còn có trong danh sách ngày {}: tính theo danh sách cuối cùng có ghi họ (có trong số đầu kỳ nếu khi đó đang sinh hoạt, và trong số ra)";
    NOTE_SEAM:
        "{}: members at the period's start ({}) differ from the roll of {} ({}) by {}: {}, {} absent from the new roll (not counted as left: a roll may be partial), {} dated in the new roll as not members at the start; {} changed unit"
        => "{}: số thành viên đầu kỳ ({}) khác danh sách ngày {} ({}) là {}: {}, {} không có trong danh sách mới (không tính là ra: danh sách có thể chưa đủ), {} được danh sách mới ghi là không còn sinh hoạt vào đầu kỳ; {} chuyển đơn vị";
    SEAM_ADDED:
        "{} active now but not then (listed late, back, or missing from that roll: a partial export?)"
        => "{} đang sinh hoạt trong danh sách mới mà danh sách trước không ghi như vậy (đăng ký muộn, trở lại, hoặc danh sách trước thiếu họ: xuất thiếu?)";
    SEAM_ADDED_JOINED:
        "{} active now but not then ({} joined after that roll, in a month without a roll of its own, whose report could not count them: a quarter's does; {} listed late, back, or missing from that roll)"
        => "{} đang sinh hoạt trong danh sách mới mà danh sách trước không ghi như vậy ({} vào sau ngày của danh sách đó, trong tháng không có danh sách riêng nên báo cáo tháng đó không tính được: báo cáo quý có tính; {} đăng ký muộn, trở lại, hoặc danh sách trước thiếu họ)";
    NOTE_FIRST_ROLL_DEPARTURES:
        "{}: {} member(s) of its first roll ({}) are marked as departed without a date: with no earlier roll to place their leaving against, they are counted in neither the members at the start nor left"
        => "{}: {} thành viên trong danh sách đầu tiên (ngày {}) được ghi là đã ra nhưng không có ngày ra: không có danh sách trước để xác định lúc ra, nên không tính vào số đầu kỳ cũng như số ra";
    NOTE_SEX_FROM_ID:
        "{}: the sex of {} member(s) of the roll of {} is read from their national ID (its fourth digit), the roll giving none"
        => "{}: giới tính của {} thành viên trong danh sách ngày {} được đọc từ số định danh cá nhân (chữ số thứ tư) vì danh sách không ghi";
    NOTE_NOTES_WITHHELD:
        "{} note(s) are left out of this report for publication: each gives a count below {} (--min-cell) or a figure the tables blank; the same report without --min-cell has them"
        => "{} ghi chú được bỏ ra khỏi báo cáo công bố này: mỗi ghi chú nêu một số nhỏ hơn {} (--min-cell) hoặc một số mà bảng đã che; cùng báo cáo đó không có --min-cell có đủ các ghi chú";
    NOTE_MISSING_SHEETS:
        "{}: the roll of {} lacks {} sheet(s) that the roll of {} had: {}; is the workbook complete? Their members are not in these numbers"
        => "{}: danh sách ngày {} thiếu {} trang tính mà danh sách ngày {} có: {}; sổ tính có đủ không? Thành viên của các trang đó không có trong số liệu này";
    NOTE_RENAMED_SHEETS:
        "{}: the roll of {} lacks {} sheet(s) that the roll of {} had: {}; every unit with members then has rows now: a sheet renamed, or its members moved to another sheet? Compare the units' members with the roll before"
        => "{}: danh sách ngày {} thiếu {} trang tính mà danh sách ngày {} có: {}; mọi đơn vị có thành viên khi đó nay đều có dòng: trang tính được đổi tên, hay thành viên đã chuyển sang trang khác? Hãy so số thành viên của các đơn vị với danh sách trước";
    NOTE_EMPTIED_UNITS:
        "{}: {} unit(s) with members in the roll of {} have no row in the roll of {}: {}; a missing sheet or a partial export? They are not ranked to urge"
        => "{}: {} đơn vị có thành viên trong danh sách ngày {} nhưng không có dòng nào trong danh sách ngày {}: {}; thiếu trang tính hoặc xuất thiếu? Các đơn vị này không được xếp vào danh sách cần đôn đốc";
    NOTE_LIST_SENT_AGAIN:
        "{}: in the roll of {}, {} unit(s) sent their own list with, row for row, the rows they had in the roll of {}, no one joining or leaving: {}; last month's list sent again under this month's title? A unit where nothing changed can send such a list"
        => "{}: trong danh sách ngày {}, {} đơn vị gửi danh sách riêng trùng từng dòng với các dòng của đơn vị trong danh sách ngày {}, không ai vào, không ai ra: {}; danh sách tháng trước gửi lại dưới tiêu đề tháng này? Đơn vị không có biến động nào cũng có thể gửi danh sách như vậy";
    NOTE_SHRUNK_UNITS:
        "{}: {} unit(s) have in the roll of {} less than half the members they had in the roll of {}: {}"
        => "{}: {} đơn vị trong danh sách ngày {} còn chưa đến một nửa số thành viên so với danh sách ngày {}: {}";
    NOTE_MAPPED:
        "{}: {} row(s) of the roll of {} gave a commune of before the 2025 reform and are counted in the commune of today it became"
        => "{}: {} dòng của danh sách ngày {} ghi xã trước sắp xếp năm 2025 và được tính vào xã hiện nay mà xã đó đã nhập vào";
    NOTE_ROLL_SIZE:
        "{}: the roll of {} has {} row(s), the previous one ({}) {}: was the previous export partial, or does this file hold more than one roll? Check both files"
        => "{}: danh sách ngày {} có {} dòng, danh sách trước ({}) có {}: tệp trước xuất thiếu, hay tệp này gộp nhiều danh sách? Kiểm tra cả hai tệp";
    NOTE_ROLL_PARTIAL:
        "{}: the roll of {} has {} row(s), the previous one ({}) {}: a partial export? Check that the file is complete; a series takes no point of its pace from a roll under half the previous one"
        => "{}: danh sách ngày {} có {} dòng, danh sách trước ({}) có {}: xuất thiếu? Kiểm tra tệp có đủ không; chuỗi số liệu không lấy danh sách ít hơn một nửa danh sách trước làm điểm tính tốc độ";
    NOTE_UNIT_ABOVE_100:
        "{}: {} {} has {} member(s) for {} eligible ({}): above 100%, so not listed to replicate; check the eligible count"
        => "{}: {} {} có {} thành viên trên {} đối tượng ({}): trên 100% nên không đưa vào danh sách nhân rộng; kiểm tra số đối tượng";
    NOTE_UNITS_WITHOUT_DENOMINATOR:
        "{}: {} unit(s) with members have no eligible count: {}"
        => "{}: {} đơn vị có thành viên nhưng chưa có số đối tượng: {}";
    NOTE_COVERAGE_ABOVE_100:
        "{}: coverage above 100% ({}) in {}: check the eligible count"
        => "{}: tỷ lệ tập hợp trên 100% ({}) ở {}: kiểm tra số đối tượng";
    NOTE_RECRUITMENT_ABOVE_100:
        "{}: recruitment rate above 100% ({}) in {}: {} recruited where {} eligible people were not members at the start; check the eligible count"
        => "{}: tỷ lệ kết nạp trên 100% ({}) ở {}: kết nạp mới {} người trong khi chỉ có {} đối tượng chưa là thành viên đầu kỳ; kiểm tra số đối tượng";
    NOTE_ANY_OWNERSHIP_PARTIAL:
        "{}: the ownership rows count only the members of {} (the rolls that name their enterprise); the rolls of {} name none, so where their members work is unknown and the rows are a lower bound"
        => "{}: các dòng theo loại hình doanh nghiệp chỉ tính thành viên của {} (danh sách có ghi doanh nghiệp nơi làm việc); danh sách của {} không ghi doanh nghiệp nên chưa biết các thành viên này làm việc ở đâu, số liệu các dòng này là số tối thiểu";
    NOTE_UNKNOWN_AREAS:
        "{}: {} member(s) in units missing from the areas reference: {}"
        => "{}: {} thành viên ở đơn vị không có trong danh mục địa bàn: {}";
    // --- The tidy table's column headings
    COL_PERIOD: "Period" => "Kỳ";
    COL_ORG: "Organization" => "Tổ chức";
    COL_DIMENSION: "Dimension" => "Tiêu chí";
    COL_GROUP: "Group" => "Nhóm";
    COL_MEMBERS: "Members" => "Số thành viên";
    COL_MEMBERS_START: "Members at start" => "Đầu kỳ";
    COL_RECRUITED: "Recruited" => "Kết nạp mới";
    COL_LEFT: "Left" => "Ra khỏi";
    COL_ELIGIBLE: "Eligible" => "Số đối tượng";
    COL_COVERAGE_PCT: "Coverage" => "Tỷ lệ tập hợp";
    COL_RECRUIT_RATE_PCT: "Recruitment rate" => "Tỷ lệ kết nạp";
    COL_TARGET_PCT: "Target" => "Chỉ tiêu";
    COL_GAP_PP: "Gap (pp)" => "Chênh lệch (điểm %)";
    COL_ENTERPRISES: "Enterprises" => "Số doanh nghiệp";
    COL_ENTERPRISES_REACHED: "Reached" => "DN có thành viên";
    COL_SNAPSHOT_AS_OF: "Roll as of" => "Số liệu đến ngày";
    // --- The report's titles and headings
    TEXT_TITLE: "Coverage of the mass organizations" => "Kết quả tập hợp quần chúng vào các tổ chức";
    TEXT_SUMMARY: "Coverage by focus area (members / eligible; target; gap)" => "Tỷ lệ tập hợp theo địa bàn trọng điểm (thành viên / đối tượng; chỉ tiêu; chênh lệch)";
    TEXT_DETAILS: "All groups" => "Chi tiết theo nhóm";
    TEXT_LAGGING: "Furthest below target (to urge)" => "Thấp nhất so với chỉ tiêu (cần đôn đốc)";
    TEXT_LEADING: "Furthest above target (to replicate)" => "Vượt chỉ tiêu nhiều nhất (nhân rộng)";
    TEXT_NOTES: "Data notes" => "Lưu ý về số liệu";
    TEXT_UNIT: "Unit" => "Đơn vị";
    TEXT_NON_STATE_REACHED: "Non-state enterprises with a union member" => "Doanh nghiệp ngoài nhà nước có đoàn viên công đoàn";
    TEXT_SUPPRESSED: "cells suppressed (counts below the --min-cell threshold and the cells that would reveal them)" => "ô bị ẩn (số nhỏ hơn ngưỡng --min-cell và các ô có thể suy ra chúng)";
    // --- The HTML page's words
    PAGE_BY_ORG: "Coverage against target, by organization" => "Tỷ lệ tập hợp so với chỉ tiêu, theo tổ chức";
    PAGE_BY_FOCUS: "Coverage against target, by focus area" => "Tỷ lệ tập hợp so với chỉ tiêu, theo địa bàn trọng điểm";
    PAGE_BY_GROUP: "Members and coverage, by group" => "Số đoàn viên, hội viên và tỷ lệ tập hợp, theo nhóm";
    PAGE_TARGET: "target" => "chỉ tiêu";
    PAGE_NO_NUMBER: "no number (no roll or no eligible count)" => "chưa có số liệu (chưa có danh sách hoặc số đối tượng)";
    PAGE_SUPPRESSED: "suppressed for publication" => "ẩn khi công bố (số nhỏ)";
    PAGE_TITLE: "Provinces' coverage report" => "Báo cáo tỷ lệ tập hợp";
    PAGE_YEAR_EARLIER: "same period a year earlier" => "cùng kỳ năm trước";
    SERIES_HEADING: "Coverage by period, against target, with the pace" => "Tỷ lệ tập hợp qua các kỳ, so với chỉ tiêu, và tốc độ";
    SERIES_PACE: "pp a month" => "điểm %/tháng";
    // --- The terminal's series table
    TREND_ORG: "Organization" => "Tổ chức";
    TREND_AREA: "Area" => "Địa bàn";
    TREND_BY_PERIOD: "Coverage by period" => "Tỷ lệ qua các kỳ";
    TREND_FIRST: "First" => "Đầu kỳ";
    TREND_LAST: "Last" => "Cuối kỳ";
    TREND_CHANGE: "Change (pp)" => "Thay đổi (điểm %)";
    TREND_PACE: "Pace (pp/month)" => "Tốc độ (điểm %/tháng)";
    TREND_REACHES: "Reaches target" => "Đạt chỉ tiêu";
    NO_PROGRESS: "no progress" => "không tiến triển";
    TOO_FEW_PERIODS: "too few periods" => "chưa đủ số kỳ";
    // --- The workbook's sheets
    SHEET_SUMMARY: "Summary" => "Tổng hợp";
    SHEET_URGE: "To urge" => "Cần đôn đốc";
    SHEET_REPLICATE: "To replicate" => "Nhân rộng";
    SHEET_DETAILS: "All groups" => "Chi tiết";
    SHEET_NOTES: "Notes" => "Ghi chú";
    // --- What --output and --format may name
    FORMAT_CONTRADICTS:
        "--format {} contradicts the output file's extension .{}"
        => "--format {} mâu thuẫn với phần mở rộng .{} của tệp kết quả";
    FORMAT_CONTRADICTS_HINT:
        "leave out --format (the extension decides), or name the file for its format"
        => "bỏ --format (phần mở rộng sẽ quyết định), hoặc đặt tên tệp đúng với định dạng";
    UNWRITTEN_EXTENSION:
        "tally does not write .{} files; --output takes {}"
        => "tally không ghi tệp .{}; --output nhận {}";
    UNWRITTEN_EXTENSION_HINT:
        "name the file with one of these extensions"
        => "đặt tên tệp với một trong các phần mở rộng này";
    PDF_HINT:
        "for a PDF, write the page (--output bao-cao.html), open it in a browser and print it: it is laid out for A4"
        => "muốn có PDF: ghi trang web (--output bao-cao.html), mở bằng trình duyệt rồi in ra PDF: trang đã được dàn cho khổ A4";

    // --- The flags of `tally report`, refused
    XLSX_NOT_TERMINAL:
        "an xlsx report is a file, not terminal text"
        => "báo cáo xlsx là một tệp, không phải văn bản trên màn hình";
    XLSX_NOT_TERMINAL_HINT: "add --output report.xlsx" => "thêm --output bao-cao.xlsx";
    NO_OUTPUT_DIR:
        "cannot write {}: the directory {} does not exist"
        => "không ghi được {}: thư mục {} không tồn tại";
    NO_OUTPUT_DIR_HINT:
        "create the directory first (mkdir -p), or give another --output path"
        => "tạo thư mục trước (mkdir -p), hoặc chọn đường dẫn --output khác";
    TABLE_IS_CSV: "--table is for CSV reports" => "--table chỉ dùng cho báo cáo CSV";
    TABLE_IS_CSV_HINT:
        "add --format csv (JSON has the rankings as \"rankings\")"
        => "thêm --format csv (JSON có bảng xếp hạng ở mục \"rankings\")";
    BOM_IS_CSV: "--bom is for CSV reports" => "--bom chỉ dùng cho báo cáo CSV";
    BOM_IS_CSV_HINT:
        "add --format csv, or leave out --bom" => "thêm --format csv, hoặc bỏ --bom";
    DIMENSIONS_HINT:
        "see tally report --help for the dimensions"
        => "xem tally report --help để biết các chiều phân tổ";
    BAD_SERIES:
        "--from {} --to {}: give two periods of one kind, the first not after the last"
        => "--from {} --to {}: cần hai kỳ cùng loại, kỳ đầu không sau kỳ cuối";
    BAD_SERIES_HINT:
        "for example --from 2026-01 --to 2026-10, or --from 2025-Q1 --to 2026-Q3"
        => "ví dụ --from 2026-01 --to 2026-10, hoặc --from 2025-Q1 --to 2026-Q3";
    NO_ROLL_AS_OF: "no roll has an as-of date" => "không danh sách nào có ngày chốt số liệu";
    UNKNOWN_DIMENSION:
        "unknown dimension \"{}\"; this store knows: {}"
        => "chiều phân tổ \"{}\" không rõ; kho này có: {}";
}
