//! Why a roll row is rejected or warned about, and how to fix it: English and
//! Vietnamese side by side.

crate::messages! {
    DATE_MONTH_FIRST:
        "the date is month-first; expected {}"
        => "ngày ghi tháng trước ngày; cần {}";
    DATE_MONTH_FIRST_HINT:
        "export dates as dd/mm/yyyy (tally never guesses month-first dates)"
        => "xuất ngày theo dạng dd/mm/yyyy (tally không bao giờ đoán ngày ghi tháng trước)";
    NO_SUCH_DAY:
        "that day does not exist: the month has {} days"
        => "ngày này không có: tháng đó có {} ngày";
    DATE_HINT:
        "correct the date in the roll, or leave the cell empty if it is unknown"
        => "sửa ngày trong danh sách, hoặc để trống ô nếu không biết";
    NOT_A_DATE: "not a date; expected {}" => "không phải ngày; cần {}";
    ROW_ENDS_BEFORE:
        "{} (the line has {} cells, the header {}: is it cut short, or broken by a line end inside a cell without quotes?)"
        => "{} (dòng chỉ có {} ô, dòng tiêu đề có {}: dòng bị cắt, hay bị ngắt bởi dấu xuống dòng trong một ô không có ngoặc kép?)";
    DATE_EXPECTED:
        "a day-first date such as 31/10/2026, 31-10-2026, 31.10.2026 or 2026-10-31"
        => "ngày ghi ngày trước, ví dụ 31/10/2026, 31-10-2026, 31.10.2026 hoặc 2026-10-31";
    NO_NAME_NO_ID:
        "no name and no national ID: the member cannot be identified"
        => "không có họ tên và không có số định danh: không xác định được người này";
    NO_NAME_NO_ID_HOLDS:
        "no name and no national ID: the member cannot be identified (the row holds \"{}\": if it is a totals or heading row, delete it)"
        => "không có họ tên và không có số định danh: không xác định được người này (dòng ghi \"{}\": nếu đây là dòng tổng cộng hoặc dòng tiêu đề thì xóa dòng)";
    NO_NAME_NO_ID_HINT:
        "fill in the name (or the national ID) in the roll"
        => "điền họ tên (hoặc số định danh) vào danh sách";
    LEFT_ON_BESIDE_PAUSED:
        "a leaving date ({}) beside a temporary status: counted as a member (the status keeps them; the date read as when activities paused)"
        => "có ngày ra ({}) nhưng trạng thái là tạm thời: vẫn tính là thành viên (trạng thái giữ họ lại; ngày đó được hiểu là ngày tạm ngừng)";
    LEFT_ON_BESIDE_ACTIVE:
        "a leaving date ({}) beside an active status: counted as left on that date (a leaving date decides)"
        => "có ngày ra ({}) nhưng trạng thái là đang sinh hoạt: tính là đã ra vào ngày đó (ngày ra quyết định)";
    STATUS_EMPTY_NOTES_DEPARTED:
        "the status is empty while column \"{}\" says \"{}\", a word for a member who has left: read as a member, they would be counted"
        => "trạng thái để trống trong khi cột \"{}\" ghi \"{}\", là từ chỉ người đã ra khỏi tổ chức: nếu đọc là còn sinh hoạt thì họ sẽ bị đếm";
    STATUS_EMPTY_NOTES_DEPARTED_HINT:
        "write the departure in the status column (Trạng thái) of this row, with its date in Ngày ra if known"
        => "ghi việc ra khỏi tổ chức vào cột Trạng thái của dòng này, kèm ngày ở cột Ngày ra nếu biết";
    UNKNOWN_ORG:
        "unknown organization; expected {}"
        => "tổ chức không rõ; cần một trong: {}";
    UNKNOWN_ORG_OR_ANY:
        "unknown organization; expected {} or any"
        => "tổ chức không rõ; cần một trong: {}, hoặc any (tất cả)";
    ORGS_EXPECTED:
        "union, youth, women, farmers or veterans (or a Vietnamese name such as Công đoàn, Đoàn TN, Hội Phụ nữ, Hội Nông dân, Hội CCB)"
        => "CĐ, ĐTN, HLHPN, HND hoặc HCCB (hoặc tên như Công đoàn, Đoàn TN, Hội Phụ nữ, Hội Nông dân, Hội CCB; trong tham số --org cũng được union, youth, women, farmers, veterans)";
    ORGS_EXPECTED_ADDED:
        "{}; or one the orgs file adds: {}"
        => "{}; hoặc một tổ chức do tệp tổ chức thêm vào: {}";
    UNKNOWN_ORG_HINT:
        "correct the org column, or give the organization with --org"
        => "sửa cột tổ chức, hoặc chỉ rõ tổ chức bằng --org";
    AS_OF_HINT:
        "give the snapshot date with --as-of DATE, or correct the as_of column"
        => "chỉ rõ ngày chốt số liệu bằng --as-of NGÀY, hoặc sửa cột ngày chốt";
    UNKNOWN_SEX:
        "unknown sex; expected {}; kept as unknown"
        => "giới tính không rõ; cần {}; ghi nhận là không rõ";
    SEX_EXPECTED: "Nam/Nữ, M/F or male/female" => "Nam/Nữ, M/F hoặc male/female";
    BORN_AFTER:
        "the birth date is after the snapshot date"
        => "ngày sinh sau ngày chốt số liệu";
    ID_TWO_ZEROS:
        "10 digits: restored the two leading zeros Excel dropped (it agrees with the birth year and sex)"
        => "10 chữ số: đã thêm lại hai số 0 đầu mà Excel làm mất (khớp với năm sinh và giới tính)";
    ID_ONE_ZERO:
        "11 digits: restored the leading zero Excel dropped (it agrees with the birth year and sex)"
        => "11 chữ số: đã thêm lại số 0 đầu mà Excel làm mất (khớp với năm sinh và giới tính)";
    ID_DISAGREES:
        "the ID disagrees with the row: {}"
        => "số định danh không khớp với dòng: {}";
    ID_MALFORMED:
        "malformed national ID: {}; expected {}"
        => "số định danh sai dạng: {}; cần {}";
    ID_EXPECTED:
        "a 12-digit CCCD or a 9-digit CMND"
        => "số CCCD 12 chữ số hoặc CMND 9 chữ số";
    JOINED_AFTER:
        "joined after the snapshot date {}"
        => "ngày vào sau ngày chốt số liệu {}";
    JOINED_AFTER_HINT:
        "check the date, or the snapshot date given with --as-of"
        => "kiểm tra ngày này, hoặc ngày chốt số liệu ghi ở --as-of";
    /// A row of any kind of file with cells beyond its header (`rows/beyond.rs`).
    CELLS_BEYOND_HEADER:
        "the line has {} cell(s) with something in them beyond the header's {} columns ({}): no column reads them"
        => "dòng có {} ô có dữ liệu nằm ngoài {} cột của dòng tiêu đề ({}): không cột nào đọc các ô này";
    CELLS_BEYOND_HEADER_HINT:
        "give the column a header, or delete what lies to the right of the table"
        => "đặt tiêu đề cho cột đó, hoặc xoá những gì nằm bên phải bảng";
    SPLIT_NUMBER:
        "the line has more cells than the header's {} columns ({}): \"{}\" under \"{}\" followed by \"{}\" looks like one number split in two by a decimal comma (or a thousands separator)"
        => "dòng có nhiều ô hơn {} cột của dòng tiêu đề ({}): \"{}\" ở cột \"{}\" rồi đến \"{}\" trông như một số bị dấu phẩy thập phân (hoặc dấu phân cách hàng nghìn) tách làm hai";
    LONGER_THAN_HEADER:
        "the line has {} cells where both header rows have {}: a number split in two by a decimal comma (or a thousands separator) somewhere in it?"
        => "dòng có {} ô trong khi cả hai dòng tiêu đề có {} ô: có số nào bị dấu phẩy thập phân (hoặc dấu phân cách hàng nghìn) tách làm hai không?";
    SPLIT_NUMBER_HINT:
        "put the number in quotes (\"{}\"), write it with a dot ({}), or save the CSV with a semicolon as the separator"
        => "đặt số trong ngoặc kép (\"{}\"), ghi số với dấu chấm ({}), hoặc lưu CSV với dấu chấm phẩy làm dấu phân cách";
    LEFT_BEFORE: "left before joining ({})" => "ngày ra trước ngày vào ({})";
    LEFT_BEFORE_HINT:
        "check both dates in the roll"
        => "kiểm tra cả hai ngày trong danh sách";
    LEFT_AFTER_AS_OF:
        "the leaving date {} is after the roll's as-of date {}, though the status \"{}\" says the person has left: is the year right?"
        => "ngày ra {} sau ngày chốt số liệu {} của danh sách, trong khi trạng thái \"{}\" cho biết người này đã ra: năm có đúng không?";
    LEFT_AFTER_AS_OF_HINT:
        "correct the leaving date (a roll records a departure once it has happened), or the snapshot date given with --as-of"
        => "sửa ngày ra (danh sách chỉ ghi việc ra khi việc đó đã xảy ra), hoặc ngày chốt số liệu ghi ở --as-of";
    STATUS_HINT:
        "write the member's status in one of the words tally reads (such as Đang sinh hoạt, Tạm ngừng sinh hoạt, Qua đời, Chuyển sinh hoạt, Ra Đoàn, Xin ra, Xóa tên; every spelling is listed in docs/formats.md), or leave it empty for an active member"
        => "ghi trạng thái của thành viên bằng một trong các từ tally đọc được (chẳng hạn Đang sinh hoạt, Tạm ngừng sinh hoạt, Qua đời, Chuyển sinh hoạt, Ra Đoàn, Xin ra, Xóa tên; mọi cách viết được liệt kê trong docs/formats.md), hoặc để trống nếu thành viên đang sinh hoạt";
    STATUS_MARK:
        "a mark (x, ✓, -, yes/no) is not a status: it does not say whether the member is active or has left"
        => "dấu đánh (x, ✓, -, có/không) không phải là trạng thái: không cho biết thành viên đang sinh hoạt hay đã ra";
    STATUS_MARK_HINT:
        "write the status word: Đang sinh hoạt for an active member, or how they left (Đã ra, Chuyển sinh hoạt, Đã mất, …)"
        => "ghi từ chỉ trạng thái: Đang sinh hoạt nếu đang sinh hoạt, hoặc lý do ra (Đã ra, Chuyển sinh hoạt, Đã mất, …)";
    UNKNOWN_GROUP: "unknown {}; kept as unknown" => "{} không rõ; ghi nhận là không rõ";
    ETHNICITY: "ethnicity" => "dân tộc";
    RELIGION: "religion" => "tôn giáo";
    UNKNOWN_STATUS: "unknown status word; expected {}" => "từ ghi trạng thái không rõ; cần {}";
    STATUS_EXPECTED:
        "Đang sinh hoạt (or empty), Tạm ngừng sinh hoạt, Đã ra, Thôi sinh hoạt, Chuyển sinh hoạt, Nhập ngũ, Trưởng thành Đoàn, Hết tuổi Đoàn, Đã mất, Xóa tên, Khai trừ; or active, left, moved, died"
        => "Đang sinh hoạt (hoặc để trống), Tạm ngừng sinh hoạt, Tạm vắng, Đã ra, Thôi sinh hoạt, Không sinh hoạt, Chuyển sinh hoạt, Nhập ngũ, Trưởng thành Đoàn, Hết tuổi Đoàn, Đã mất, Xóa tên, Khai trừ";
    MAN_IN_WOMENS_UNION:
        "a man in the Women's Union roll"
        => "nam giới trong danh sách Hội Liên hiệp Phụ nữ";
    EXCEL_WROTE_CODE_SCIENTIFIC:
        "Excel wrote the code in scientific notation"
        => "Excel đã ghi mã ở dạng khoa học";
    FORMAT_CODE_COLUMN_TEXT:
        "format the code column as Text in Excel and export again"
        => "định dạng cột mã là Văn bản (Text) trong Excel rồi xuất lại";
    AREA_CODE_UNKNOWN:
        "the area code is not in the areas reference"
        => "mã đơn vị không có trong danh mục đơn vị hành chính";
    CORRECT_CODE_INGEST_AREAS:
        "correct the code, or ingest an areas file that has it"
        => "sửa mã, hoặc nạp tệp danh mục đơn vị có mã này";
    MEMBER_BELONGS_ONE_COMMUNE:
        "a member belongs to one commune: give the row today's commune (code or name)"
        => "mỗi thành viên thuộc một xã: ghi cho dòng này xã hiện nay (mã hoặc tên)";
    OLD_COMMUNE_SPLIT_HINT:
        "give the row today's commune (code or name), or ingest a mapping file that says where this old commune's members went"
        => "ghi xã hiện nay (mã hoặc tên) cho dòng này, hoặc nạp tệp ánh xạ cho biết thành viên của xã cũ này về xã nào";
    INGEST_AREAS_FILE_TODAY:
        "ingest the areas file of today's communes, or correct the unit"
        => "nạp danh mục địa bàn các xã hiện nay, hoặc sửa đơn vị";
    AREA_NAME_CANNOT_RESOLVED:
        "an area name cannot be resolved: the store has no areas reference"
        => "không tra được tên đơn vị: kho chưa có danh mục đơn vị hành chính";
    INGEST_AREAS_FILE_FIRST:
        "ingest the areas file first (or in the same command)"
        => "nạp tệp danh mục đơn vị trước (hoặc trong cùng lệnh)";
    USE_AREA_CODE_COLUMN:
        "use the area code column (Mã xã) to say which"
        => "dùng cột mã đơn vị (Mã xã) để chỉ rõ đơn vị nào";
    NAME_TYPE_HINT:
        "a name is matched with its type (xã, phường, thị trấn, đặc khu): a pre-2025 name needs today's name or the area code (Mã xã)"
        => "tên được so khớp cùng loại đơn vị (xã, phường, thị trấn, đặc khu): tên trước năm 2025 cần đổi sang tên hiện nay hoặc dùng mã xã";
    USE_TODAY_S_COMMUNE:
        "use today's commune name or the area code (Mã xã)"
        => "dùng tên xã hiện nay hoặc mã xã";
    NO_UNIT_OF_THAT_NAME:
        "no unit of that name in the areas reference"
        => "không có đơn vị nào mang tên này trong danh mục";
    CHECK_SPELLING_USE_AREA:
        "check the spelling, or use the area code column (Mã xã)"
        => "kiểm tra chính tả, hoặc dùng cột mã đơn vị (Mã xã)";
    ENTERPRISE_WITHOUT_AREA:
        "the enterprise has no area in the enterprises reference, and the row gives none"
        => "doanh nghiệp không có đơn vị trong danh mục doanh nghiệp, và dòng cũng không ghi";
    ADD_AREA_CODE:
        "add the area code to the row or to the enterprises file"
        => "thêm mã đơn vị vào dòng hoặc vào tệp danh mục doanh nghiệp";
    ROW_WITHOUT_AREA_OR_ENTERPRISE:
        "the row has no area and its enterprise is not in the enterprises reference"
        => "dòng không có đơn vị và doanh nghiệp của dòng không có trong danh mục doanh nghiệp";
    ADD_AREA_CODE_OR_ENTERPRISE:
        "add the area code to the row, or ingest an enterprises file that has this tax code"
        => "thêm mã đơn vị vào dòng, hoặc nạp tệp danh mục doanh nghiệp có mã số thuế này";
    NO_AREA_GIVEN:
        "no area: the area code, area name and enterprise are all empty"
        => "không có đơn vị: mã đơn vị, tên đơn vị và doanh nghiệp đều trống";
    FILL_MEMBER_S_COMMUNE: "fill in the member's commune" => "điền xã/phường của người này";
    EXCEL_WROTE_SCIENTIFIC_NOTATION:
        "Excel wrote it in scientific notation; the digits are lost"
        => "Excel đã ghi số ở dạng khoa học; các chữ số đã mất";
    CONTAINS_CHARACTERS_OTHER_THAN:
        "it contains characters other than digits"
        => "có ký tự không phải chữ số";
    ID_LOST_ONE_ZERO:
        "it has 11 digits and adding the leading zero Excel drops does not match the row's birth year and sex"
        => "có 11 chữ số, và thêm số 0 đầu mà Excel làm mất thì không khớp với năm sinh và giới tính của dòng";
    FORMAT_ID_COLUMN_TEXT:
        "format the ID column as Text in Excel and export again"
        => "định dạng cột số định danh là Văn bản (Text) trong Excel rồi xuất lại";
    CORRECT_ID_SOURCE_ROLL:
        "correct the ID in the source roll, or leave the cell empty"
        => "sửa số định danh trong danh sách gốc, hoặc để trống ô";
    BOOL_EXPECTED:
        "yes/no, y/n, true/false, 1/0, x or empty, có/không"
        => "yes/no, y/n, true/false, 1/0, x hoặc để trống, có/không";
    NOT_A_PERCENTAGE:
        "not a percentage from 0 to 100"
        => "không phải tỷ lệ phần trăm từ 0 đến 100";
    WRITE_PERCENTAGE:
        "write the percentage as 75 or 75%"
        => "ghi tỷ lệ phần trăm dạng 75 hoặc 75%";
    NATIONAL_ID: "national ID" => "số định danh";
    MEMBER_ID: "member ID" => "mã hội viên/đoàn viên";
    NAME_BIRTH_DATE_AREA: "name, birth date and area" => "họ tên, ngày sinh và đơn vị";
    ID_HAS_DIGITS: "it has {} digits" => "có {} chữ số";
    ID_PROVINCE:
        "its province code {} is not 001–096"
        => "mã tỉnh {} không nằm trong 001–096";
    ID_CENTURY:
        "its century/sex digit {} is not 0–5"
        => "chữ số thế kỷ/giới tính {} không nằm trong 0–5";
    ID_LOST_TWO_ZEROS:
        "it has {} digits and adding the two leading zeros Excel drops does not match the row's birth year and sex"
        => "có {} chữ số, và thêm hai số 0 đầu mà Excel làm mất thì không khớp với năm sinh và giới tính của dòng";
    REPEATS_PERSON:
        "repeats a person already in this snapshot (same {} as {})"
        => "trùng một người đã có trong lần chốt số liệu này (cùng {} với {})";
    REMOVE_DUPLICATE:
        "remove the duplicate row, or merge the two rows in the roll; a member who moved from one unit to another within the roll's month is listed once, in the unit they are in now, without a leaving date"
        => "xóa dòng trùng, hoặc gộp hai dòng trong danh sách; hội viên chuyển từ đơn vị này sang đơn vị khác trong tháng chỉ ghi một dòng, ở đơn vị hiện đang sinh hoạt, không ghi ngày ra";
    PCT_AMBIGUOUS: "{} could be {}% or {}%" => "{} có thể là {}% hoặc {}%";
    PCT_AMBIGUOUS_HINT:
        "write {}% or {}%: a bare number from 0 to 1 is not read as a percentage (a cell shown as a percentage in a .xls or .ods workbook reads as its bare number: save the workbook as .xlsx, which keeps the cell's format)"
        => "ghi {}% hoặc {}%: một số từ 0 đến 1 không kèm dấu % không được đọc là tỷ lệ phần trăm (ô định dạng phần trăm trong sổ tính .xls hoặc .ods được đọc là số trần: hãy lưu sổ tính thành .xlsx để giữ định dạng ô)";
    SEVERAL_OLD_COMMUNES:
        "the name is of several communes of before the 2025 reform: {}"
        => "tên này là của nhiều xã trước khi sắp xếp năm 2025: {}";
    OLD_COMMUNE_NOW: "{} (now {})" => "{} (nay là {})";
    NAME_MATCHES_SEVERAL:
        "the area name matches several units: {}"
        => "tên đơn vị trùng với nhiều đơn vị: {}";
    OTHER_TYPE:
        "no unit of that name and type in the areas reference; of another type: {}"
        => "không có đơn vị nào cùng tên và cùng loại trong danh mục địa bàn; khác loại: {}";
    NAMED_DISTRICT:
        "the name is qualified by {}, which the areas reference does not have (there are no districts since 1 July 2025)"
        => "tên có kèm {}, không có trong danh mục địa bàn (từ 1/7/2025 không còn cấp huyện)";
    ROW_STORED_FROM: "a row already stored from {}" => "một dòng đã lưu từ {}";
    ROW_READ_EARLIER:
        "a row of {}, read earlier in this command"
        => "một dòng của {}, đã đọc trước đó trong lệnh này";
    UNKNOWN_OWNERSHIP:
        "unknown ownership; expected state, non_state or fdi (or nhà nước, ngoài nhà nước, FDI, có vốn đầu tư nước ngoài)"
        => "loại hình sở hữu không rõ; cần nhà nước, ngoài nhà nước hoặc FDI (có vốn đầu tư nước ngoài)";
    AGED_WOMEN:
        "aged {}: the Women's Union is for women aged 18+"
        => "{} tuổi: Hội Liên hiệp Phụ nữ dành cho phụ nữ từ 18 tuổi";
    AGED_YOUTH:
        "aged {}: the Youth Union is for ages 16–30"
        => "{} tuổi: Đoàn Thanh niên dành cho người từ 16 đến 30 tuổi";
    AGED_RANGE:
        "aged {}: {} is for ages {}–{}"
        => "{} tuổi: {} dành cho người từ {} đến {} tuổi";
    AGED_FROM:
        "aged {}: {} is for ages {}+"
        => "{} tuổi: {} dành cho người từ {} tuổi trở lên";
    AGED_UP_TO:
        "aged {}: {} is for ages up to {}"
        => "{} tuổi: {} dành cho người đến {} tuổi";
    SPLIT_BY_MAPPING:
        "{}, a commune of before the 2025 reform, was split by the mapping file between {}"
        => "{}, xã trước sắp xếp năm 2025, được bảng chuyển đổi chia cho {}";
    BECAME_MISSING:
        "{}, a commune of before the 2025 reform, became {}, which the areas reference does not have"
        => "{}, xã trước khi sắp xếp năm 2025, nay thuộc {}, không có trong danh mục địa bàn";
    SPLIT_BETWEEN:
        "{}, a commune of before the 2025 reform, was split between {}"
        => "{}, xã trước khi sắp xếp năm 2025, đã được chia về {}";
    ID_SAYS_BORN:
        "the ID says born {}, the row says {}"
        => "số định danh ghi sinh năm {}, dòng ghi {}";
    ID_SAYS_SEX: "the ID says {}, the row says {}" => "số định danh ghi {}, dòng ghi {}";
    MALE: "male" => "nam";
    FEMALE: "female" => "nữ";
}
