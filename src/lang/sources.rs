//! What tally says while it reads a file into rows: its encoding, a workbook and its
//! guards, where the header is and what its columns are: English and Vietnamese side
//! by side.

crate::messages! {
    FILE_MIXES_ENCODINGS_OPEN:
        "the file mixes encodings; open it in Excel and save as 'CSV UTF-8', or name the encoding with --encoding"
        => "tệp lẫn nhiều bảng mã; mở bằng Excel và lưu dạng 'CSV UTF-8', hoặc chỉ rõ bảng mã bằng --encoding";
    NAME_CSV_FILES_INSIDE:
        "name the CSV files inside it, e.g. DIR/*.csv"
        => "ghi tên các tệp CSV bên trong, ví dụ THƯ-MỤC/*.csv";
    SAVE_DATA_FILE_FIRST:
        "save the data to a file first, then ingest the file"
        => "lưu dữ liệu ra tệp trước, rồi nạp tệp đó";
    IF_LIST_UNITS_ADD:
        "if it is the list of units, add their classifications or name the kind with --kind areas; a table of counts per unit is an eligible file"
        => "nếu đây là danh mục đơn vị, thêm các cột phân loại hoặc ghi rõ loại tệp bằng --kind areas; bảng số đối tượng theo đơn vị là tệp số đối tượng";
    INGEST_ELIGIBLE_COUNTS_LEAVE:
        "ingest it as eligible counts (leave out --kind, or --kind eligible); the areas file lists the units with their level, parent and classifications"
        => "nạp tệp này như số đối tượng (bỏ --kind, hoặc --kind eligible); danh mục địa bàn liệt kê các đơn vị kèm cấp, đơn vị cấp trên và phân loại";
    EXPORT_FILE_AGAIN_DATA:
        "export the file again with its data; an empty roll is not stored as zero members"
        => "xuất lại tệp cùng dữ liệu; danh sách trống không được lưu thành không người nào";
    EXPORT_DATES_DD_MM:
        "export the dates as dd/mm/yyyy or yyyy-mm-dd (in Excel: format the column as Text or as a Vietnamese date) and ingest again"
        => "xuất ngày theo dạng dd/mm/yyyy hoặc yyyy-mm-dd (trong Excel: định dạng cột là Văn bản hoặc ngày kiểu Việt Nam) rồi nạp lại";
    ADD_ORG:
        "add --org union|youth|women|farmers|veterans"
        => "thêm --org CĐ|ĐTN|HLHPN|HND|HCCB (hoặc tên tổ chức trong ngoặc kép, ví dụ --org \"Hội Nông dân\")";
    ADD_AS_OF:
        "add --as-of DATE, e.g. --as-of 31/10/2026"
        => "thêm --as-of NGÀY, ví dụ --as-of 31/10/2026";
    ADD_AS_OF_TITLE:
        "the title says \"{}\": if that is the date of the figures, add --as-of {}"
        => "tiêu đề ghi \"{}\": nếu đó là ngày chốt số liệu, hãy thêm --as-of {}";
    CORRECT_TITLE_COLUMN_WHICHEVER:
        "correct the title or the as_of column, whichever is wrong"
        => "sửa tiêu đề hoặc cột ngày chốt, chỗ nào sai";
    OUTSIDE_GROUP_HINT:
        "if it is another organization's roll, give that organization with --org (or correct the org column); if it is this organization's and those rows are right, add --skip-invalid to store it with them"
        => "nếu là danh sách của tổ chức khác, ghi đúng tổ chức ở --org (hoặc sửa cột tổ chức); nếu đúng là của tổ chức này và các dòng đó đúng, thêm --skip-invalid để lưu cả các dòng đó";
    LEAVE_OUT_ORG_FILE:
        "leave out --org (the file says whose roll it is), or correct the org column"
        => "bỏ --org (tệp đã ghi là danh sách của tổ chức nào), hoặc sửa cột tổ chức";
    LEAVE_OUT_AS_OF:
        "leave out --as-of (the file says its date), or correct the as_of column"
        => "bỏ --as-of (tệp đã ghi ngày chốt), hoặc sửa cột ngày chốt";
    ONE_ORG_PER_ROLL:
        "a roll is one organization's list: split the file, one per organization"
        => "mỗi danh sách là của một tổ chức: tách tệp, mỗi tổ chức một tệp";
    ONE_DATE_PER_ROLL:
        "a roll is a list as of one date: correct the as_of column, or split the file"
        => "mỗi danh sách chốt tại một ngày: sửa cột ngày chốt, hoặc tách tệp";
    REPLACE_PART_CORRECTED_FILE:
        "to replace that part with this corrected file, run the command again with --replace"
        => "để thay phần đó bằng tệp đã sửa này, chạy lại lệnh với --replace";
    SHEET_NAME_HINT:
        "give --sheet the sheet's name as the workbook shows it on its tab"
        => "ghi --sheet đúng tên trang tính như trên thẻ của sổ tính";
    CHECK_WORKBOOK_RIGHT_ONE:
        "check the workbook is the right one; name a sheet with --sheet, its kind with --kind"
        => "kiểm tra đúng sổ tính chưa; chỉ rõ trang tính bằng --sheet, loại tệp bằng --kind";
    NOT_AS_TEXT_HINT:
        "export the sheet as CSV (UTF-8) from Excel, or name the encoding with --encoding"
        => "xuất trang tính dạng CSV (UTF-8) từ Excel, hoặc chỉ rõ bảng mã bằng --encoding";
    EXPORT_ROLL_AGAIN_FILE:
        "export the roll again; the file has no header and no rows"
        => "xuất lại danh sách; tệp không có dòng tiêu đề và không có dòng dữ liệu";
    HEADER_ROW_NAMING_COLUMNS:
        "a header row naming the columns of a roll, areas, enterprises, eligible or targets file"
        => "một dòng tiêu đề ghi tên các cột của tệp danh sách, đơn vị, doanh nghiệp, số đối tượng hoặc chỉ tiêu";
    CHECK_FILE_RIGHT_EXPORT:
        "check the file is the right export; name its kind with --kind; header names may be Vietnamese or English"
        => "kiểm tra đúng tệp đã xuất; chỉ rõ loại tệp bằng --kind; tên cột có thể bằng tiếng Việt hoặc tiếng Anh";
    CHECK_QUOTES_LINE_FIELD:
        "check the quotes from that line on: a field that starts with \" must end with \""
        => "kiểm tra dấu ngoặc kép từ dòng đó trở đi: ô bắt đầu bằng \" phải kết thúc bằng \"";
    WORKBOOK_MAY_DAMAGED_SAVE:
        "the workbook may be damaged: save it again from Excel or LibreOffice"
        => "sổ tính có thể bị hỏng: lưu lại từ Excel hoặc LibreOffice";
    OPEN_EXCEL_REMOVE_PASSWORD:
        "open it in Excel, remove the password (File > Info > Protect Workbook), save, and ingest again"
        => "mở bằng Excel, bỏ mật khẩu (File > Info > Protect Workbook), lưu lại rồi nạp lại";
    OPEN_EXCEL_REMOVE_PASSWORD_SHORT:
        "open it in Excel, remove the password, save, and ingest again"
        => "mở bằng Excel, bỏ mật khẩu, lưu lại rồi nạp lại";
    FILE_MAY_DAMAGED_TRUNCATED:
        "the file may be damaged or truncated: save it again from Excel or LibreOffice, or export the sheet as CSV (UTF-8)"
        => "tệp có thể bị hỏng hoặc thiếu: lưu lại từ Excel hoặc LibreOffice, hoặc xuất trang tính ra CSV (UTF-8)";
    CELL_HOLDS_FORMULA_SAVED:
        "the cell holds a formula saved without its value"
        => "ô chứa công thức được lưu mà không có giá trị";
    OPEN_WORKBOOK_EXCEL_LIBREOFFICE:
        "open the workbook in Excel or LibreOffice and save it again, so that each formula's value is saved with it"
        => "mở sổ tính bằng Excel hoặc LibreOffice rồi lưu lại, để giá trị của mỗi công thức được lưu kèm";
    CELL_HOLDS_SPREADSHEET_ERROR:
        "the cell holds a spreadsheet error, not a value"
        => "ô chứa lỗi của bảng tính, không phải giá trị";
    CORRECT_FORMULA_VALUE_WORKBOOK:
        "correct the formula or the value in the workbook, then export or ingest again"
        => "sửa công thức hoặc giá trị trong sổ tính, rồi nạp lại";
    IF_WORKBOOK_GENUINE_SAVE:
        "if the workbook is genuine, save it again from Excel or LibreOffice, or export the sheet as CSV (UTF-8)"
        => "nếu sổ tính là thật, hãy lưu lại từ Excel hoặc LibreOffice, hoặc xuất trang tính ra CSV (UTF-8)";
    EXPORT_EACH_SHEET_CSV:
        "export each sheet as CSV (UTF-8), which tally reads row by row; or, if the workbook should be small, save it again from Excel or LibreOffice"
        => "xuất từng trang tính ra CSV (UTF-8), tally đọc tệp CSV từng dòng; hoặc, nếu sổ tính lẽ ra phải nhỏ, lưu lại bằng Excel hoặc LibreOffice";
    SAVE_AGAIN_EXCEL_LIBREOFFICE:
        "save it again from Excel or LibreOffice (as .xlsx if you can), or export the sheet as CSV (UTF-8)"
        => "lưu lại tệp bằng Excel hoặc LibreOffice (nên lưu thành .xlsx), hoặc xuất trang tính ra CSV (UTF-8)";
    OPEN_EXCEL_LIBREOFFICE_SAVE:
        "open it in Excel or LibreOffice and save it as .xlsx (which tally reads row by row), or export the sheet as CSV (UTF-8)"
        => "mở tệp bằng Excel hoặc LibreOffice rồi lưu thành .xlsx (tally đọc từng dòng), hoặc xuất trang tính ra CSV (UTF-8)";
    WORKBOOK_DAMAGED_SAVE_AGAIN:
        "the workbook is damaged: save it again from Excel or LibreOffice (or copy it again from where it came), or export the sheet as CSV (UTF-8)"
        => "sổ tính bị hỏng: lưu lại bằng Excel hoặc LibreOffice (hoặc chép lại từ nơi gửi đến), hoặc xuất trang tính ra CSV (UTF-8)";
    NO_HEADER_ROW:
        "{}: found no header row in the first {} rows (first row: {}); expected {}"
        => "{}: không thấy dòng tiêu đề trong {} dòng đầu (dòng đầu: {}); cần {}";
    COLUMNS_OF_KIND: "the columns of a {} file: {}" => "các cột của tệp {}: {}";
    WORKBOOK_DATA_DAMAGED:
        "the workbook's data is damaged: {}"
        => "dữ liệu của sổ tính bị hỏng: {}";
    STRINGS_INFLATE:
        "its shared strings ({}) would inflate to {} bytes, more than tally reads ({})"
        => "bảng chuỗi dùng chung ({}) khi giải nén sẽ chiếm {} byte, nhiều hơn mức tally đọc ({})";
    STYLES_INFLATE:
        "its styles ({}) would inflate to {} bytes, more than tally reads ({})"
        => "bảng định dạng ({}) khi giải nén sẽ chiếm {} byte, nhiều hơn mức tally đọc ({})";
    ZIP_BOMB:
        "{}: the workbook would inflate to more than a spreadsheet holds ({} in {}, {} bytes from {}): refused as a ZIP bomb"
        => "{}: sổ tính khi giải nén sẽ lớn hơn mọi bảng tính ({} trong {}, {} byte từ {}): bị từ chối vì nghi là bom ZIP";
    STRINGS_TOO_MANY:
        "its shared strings hold {} strings, more than tally reads ({})"
        => "bảng chuỗi dùng chung có {} chuỗi, nhiều hơn mức tally đọc ({})";
    STYLES_TOO_MANY:
        "its styles hold {} elements, more than a workbook has ({})"
        => "bảng định dạng có {} phần tử, nhiều hơn một sổ tính bình thường ({})";
    SHEETS_MEMORY:
        "its {} sheet(s) would each hold its {} shared strings, {} MiB in all, more than tally gives a workbook ({} MiB)"
        => "{} trang tính, mỗi trang phải giữ {} chuỗi dùng chung, tổng cộng {} MiB, nhiều hơn bộ nhớ tally dành cho một sổ tính ({} MiB)";
    WORKBOOK_TOO_LARGE:
        "{}: the workbook is too large to read: {}"
        => "{}: sổ tính quá lớn để đọc: {}";
    OLE_DAMAGED:
        "{}: cannot read the workbook (its OLE container is damaged: {})"
        => "{}: không đọc được sổ tính (phần vỏ OLE bị hỏng: {})";
    XLS_TOO_MANY_CELLS:
        "{}: the workbook's sheets span {} cells (their cells reach row {} and column {}), more than tally reads from an .xls ({}): the file may be damaged"
        => "{}: các trang của sổ tính trải trên {} ô (các ô tới dòng {} và cột {}), nhiều hơn số ô tally đọc từ tệp .xls ({}): tệp có thể bị hỏng";
    IS_A_DIRECTORY:
        "{} is a directory, not a CSV file"
        => "{} là thư mục, không phải tệp CSV";
    NOT_AS_TEXT: "cannot read {} as text: {}" => "không đọc được {} dưới dạng văn bản: {}";
    IS_EMPTY: "{} is empty" => "{} trống";
    DATE_CELLS_MONTH_FIRST:
        "column(s) {} hold {} date cell(s), every one with its day at 12 or below ({}), beside {} date(s) typed as text with a day above 12 ({}): dates typed day first on a computer set to a US region, where Excel turns those it can read month first into date cells of the wrong day (05/03/1995, the 5th of March, became the 3rd of May)"
        => "cột {} có {} ô kiểu ngày, ô nào cũng có ngày từ 12 trở xuống ({}), bên cạnh {} ngày gõ dạng văn bản có ngày lớn hơn 12 ({}): ngày được gõ theo thứ tự ngày/tháng trên máy đặt vùng Hoa Kỳ, nên Excel đổi những ngày đọc được theo thứ tự tháng/ngày thành ô kiểu ngày sai (05/03/1995, tức mùng 5 tháng 3, thành mùng 3 tháng 5)";
    DATE_CELLS_MONTH_FIRST_HINT:
        "ingest again with --date-cells swapped to read the workbooks' date cells with day and month exchanged (the summary says how many), or set the computer's region to Vietnam and type the dates again; if the date cells are right, --date-cells as-is reads them as they are"
        => "hãy nhập lại với --date-cells swapped để đọc các ô kiểu ngày của sổ tính với ngày và tháng đổi chỗ cho nhau (bản tóm tắt cho biết bao nhiêu ô), hoặc đặt vùng của máy là Việt Nam rồi gõ lại các ngày; nếu các ô kiểu ngày đã đúng, --date-cells as-is đọc chúng như hiện có";
    DATE_CELL_NOT_SWAPPED:
        "--date-cells swapped: cell {} is a date cell of day above 12 ({}), which no date typed day first turns into: are the date cells of this workbook swapped?"
        => "--date-cells swapped: ô {} là ô kiểu ngày có ngày lớn hơn 12 ({}), điều mà không ngày nào gõ theo thứ tự ngày/tháng tạo ra: các ô kiểu ngày của sổ tính này có thực sự bị đảo không?";
    DATE_CELLS_MAYBE_MONTH_FIRST:
        "column(s) {} have {} date cell(s), every one with its day at 12 or below, beside {} date(s) typed as text with a day above 12: too few to be sure, but if the workbook was typed on a computer set to a US region, its date cells are month first: ingest it again with --date-cells swapped"
        => "cột {} có {} ô kiểu ngày, ô nào cũng có ngày từ 12 trở xuống, bên cạnh {} ngày gõ dạng văn bản có ngày lớn hơn 12: quá ít để chắc chắn, nhưng nếu sổ tính được gõ trên máy đặt vùng Hoa Kỳ thì các ô kiểu ngày của nó theo thứ tự tháng/ngày: hãy nhập lại với --date-cells swapped";
    DATE_CELL_NOT_SWAPPED_HINT:
        "ingest the workbook without --date-cells swapped: its date cells are not month first"
        => "hãy nhập sổ tính mà không dùng --date-cells swapped: các ô kiểu ngày của nó không theo thứ tự tháng/ngày";
    DATE_CELLS_SWAPPED:
        "read {} date cell(s) with day and month exchanged (--date-cells swapped)"
        => "đọc {} ô kiểu ngày với ngày và tháng đổi chỗ cho nhau (--date-cells swapped)";
    NO_DATE_CELL_SWAPPED:
        "--date-cells swapped: the sheet has no date cell; its dates are read as typed"
        => "--date-cells swapped: trang tính không có ô kiểu ngày nào; các ngày được đọc như đã gõ";
    CANNOT_READ_SHEET:
        "{}: cannot read the sheet: {}"
        => "{}: không đọc được trang tính: {}";
    WHICH_ORG:
        "{}: which organization's roll is this? The file has no org column"
        => "{}: đây là danh sách của tổ chức nào? Tệp không có cột tổ chức";
    WHICH_DATE:
        "{}: as of which date is this roll? The file has no as_of column"
        => "{}: danh sách chốt số liệu ngày nào? Tệp không có cột ngày chốt";
    ALREADY_STORED_AS:
        "{}: the same file is already stored as the {} (ingest {}): one export is one snapshot, so it cannot be stored again as another organization's roll or another date's"
        => "{}: tệp này đã được lưu là {} (lần nạp {}): mỗi tệp xuất là một lần chốt số liệu, nên không thể lưu lại thành danh sách của tổ chức khác hay của ngày khác";
    ALREADY_STORED_HINT:
        "if this is meant to be a newer roll, the office has likely sent the earlier file again: ask for this period's export (a list that did not change is still this period's: its title or a cell must say so, as \"… THÁNG {}\", so that it is not the same file). Only if the stored one is under the wrong organization or date, move it with --replace (the {} is then no longer in the store) or first `tally drop {}`"
        => "nếu đây phải là danh sách mới hơn, có lẽ đơn vị đã gửi lại tệp cũ: đề nghị gửi tệp xuất của kỳ này (danh sách không thay đổi vẫn là danh sách của kỳ này: tiêu đề hoặc một ô phải ghi kỳ đó, như \"… THÁNG {}\", để không trùng tệp cũ). Chỉ khi tệp đã lưu bị nhầm tổ chức hoặc nhầm ngày mới chuyển nó bằng --replace ({} khi đó không còn trong kho) hoặc chạy `tally drop {}` trước";
    NOT_REGULAR_FILE:
        "{} is not a regular file (a pipe or a device?)"
        => "{} không phải tệp thường (một ống dẫn hay thiết bị?)";
    CANNOT_READ_WORKBOOK:
        "{}: cannot read the workbook: {}"
        => "{}: không đọc được sổ tính: {}";
    DATA_FAILS_CHECKSUM:
        "its data fails its checksum ({})"
        => "dữ liệu không khớp mã kiểm tra ({})";
    CANNOT_INFLATE:
        "its data cannot be inflated: {} ({})"
        => "không giải nén được dữ liệu: {} ({})";
    NO_SHEET_NAMED:
        "{} has no sheet named \"{}\"; its sheets: {}"
        => "{} không có trang tính tên \"{}\"; các trang tính: {}";
    NO_SHEET_HAS_HEADER:
        "{}: no sheet of the workbook has a header tally recognizes: {}"
        => "{}: không trang tính nào của sổ tính có dòng tiêu đề mà tally nhận ra: {}";
    WORKBOOK_ENCRYPTED:
        "{}: the workbook is password-protected (encrypted)"
        => "{}: sổ tính có đặt mật khẩu (đã mã hóa)";
    WORKBOOK_PASSWORD: "{}: the workbook is password-protected" => "{}: sổ tính có đặt mật khẩu";
    WORKBOOK_UNREADABLE: "{}: cannot read the workbook ({})" => "{}: không đọc được sổ tính ({})";
    PART_MISSING: "its part {} is missing" => "thiếu phần {} của tệp";
    ZIP_DAMAGED:
        "its ZIP container is damaged or cut short"
        => "phần nén ZIP của tệp bị hỏng hoặc tệp bị cắt ngang";
    READER_SAYS: "the reader says: {}" => "trình đọc sổ tính báo (bằng tiếng Anh): {}";
    XML_CUT: "its XML is cut short" => "XML bị cắt ngang";
    XML_CUT_EXPECTING:
        "its XML ends where `</{}>` was expected"
        => "XML bị cắt ngang ở chỗ cần `</{}>`";
    TWIN_SHEETS:
        "{}: the workbook has two sheets named \"{}\", which Excel never writes: the file is damaged or hand-made"
        => "{}: sổ tính có hai trang tính cùng tên \"{}\", điều Excel không bao giờ ghi: tệp bị hỏng hoặc được làm thủ công";
    NO_VISIBLE_SHEET: "its sheets are all hidden" => "mọi trang tính của sổ tính đều bị ẩn";
    LISTS_NO_SHEET:
        "{}: the workbook lists no sheet (its list of sheets, xl/workbook.xml, is missing or empty): the file is damaged or not a workbook"
        => "{}: sổ tính không liệt kê trang tính nào (danh sách trang tính, xl/workbook.xml, bị thiếu hoặc trống): tệp bị hỏng hoặc không phải sổ tính";
    HEADER_NO_ROWS:
        "{} has a header but no rows"
        => "{} có dòng tiêu đề nhưng không có dòng dữ liệu";
    MONTH_FIRST_COLUMN:
        "{}: the dates in column \"{}\" are month-first (line {} has a month above 12 in the middle, and no date there has a day above 12 first); tally never guesses month-first dates"
        => "{}: ngày ở cột \"{}\" ghi tháng trước ngày (dòng {} có tháng lớn hơn 12 ở giữa, và không ngày nào ở cột này có ngày lớn hơn 12 đứng trước); tally không bao giờ đoán ngày ghi tháng trước";
    FILE_CHANGED:
        "the file changed while it was read ({} bytes, then {})"
        => "tệp bị thay đổi trong khi đang đọc ({} byte, rồi {} byte)";
    NO_AREAS_COLUMN:
        "{}: the file has a unit code and name but no column only an areas file has ({}); headers found: {}"
        => "{}: tệp có mã và tên đơn vị nhưng không có cột nào riêng của danh mục địa bàn ({}); các cột có: {}";
    COLUMNS_NAME_ORGS:
        "{}: the columns {} name organizations: the file is a table of counts, not the areas"
        => "{}: các cột {} là tên tổ chức: tệp là bảng số đối tượng, không phải danh mục địa bàn";
    ORG_CONTRADICTS:
        "{}: --org {} contradicts the file's org column, which says {} (line {})"
        => "{}: --org {} mâu thuẫn với cột tổ chức của tệp, ghi là {} (dòng {})";
    AS_OF_CONTRADICTS:
        "{}: --as-of {} contradicts the file's as_of column, which says {} (line {})"
        => "{}: --as-of {} mâu thuẫn với cột ngày chốt của tệp, ghi là {} (dòng {})";
    TWO_ORGS:
        "{}: the file holds two organizations: {} (line {}) and {} (line {})"
        => "{}: tệp có hai tổ chức: {} (dòng {}) và {} (dòng {})";
    TWO_DATES:
        "{}: the file holds two as-of dates: {} (line {}) and {} (line {})"
        => "{}: tệp có hai ngày chốt số liệu: {} (dòng {}) và {} (dòng {})";
    LACKS_COLUMNS:
        "{}: the {} file lacks required column(s): {}; headers found: {}"
        => "{}: tệp {} thiếu cột bắt buộc: {}; các cột có: {}";
    LACKS_COLUMNS_HINT:
        "add or rename the column(s); a {} file's fields are: {}"
        => "thêm hoặc đổi tên cột; các cột của tệp {} là: {}";

    // --- A roll whose title or rows say it is another snapshot or organization's
    TITLE_VS_AS_OF:
        "{}: the title says the figures are as of {} (\"{}\"), but --as-of {}"
        => "{}: tiêu đề ghi số liệu tính đến {} (\"{}\"), nhưng --as-of là {}";
    TITLE_VS_COLUMN:
        "{}: the title says the figures are as of {} (\"{}\"), but the as_of column says {}"
        => "{}: tiêu đề ghi số liệu tính đến {} (\"{}\"), nhưng cột ngày chốt ghi {}";
    TITLE_VS_AS_OF_HINT:
        "if the file is the roll of {}, give its date with --as-of; if it is the roll of {}, correct its title (or export it again: it may be an earlier file)"
        => "nếu tệp là danh sách {}, ghi ngày chốt của nó ở --as-of; nếu tệp là danh sách {}, sửa tiêu đề của tệp (hoặc xuất lại: có thể đây là tệp cũ)";
    TITLE_VS_AS_OF_SHEET_HINT:
        "if the sheet is the roll of {}, give its date with --as-of; a workbook with a sheet per month is read a month at a time: for the roll of {}, name its sheet with --sheet"
        => "nếu trang tính là danh sách {}, ghi ngày chốt của nó ở --as-of; sổ tính mỗi tháng một trang thì nạp từng tháng: với danh sách {}, chỉ rõ trang của tháng đó bằng --sheet";
    OUTSIDE_GROUP:
        "{} of the {} row(s) with a known {} are outside {}"
        => "{} trong số {} dòng có {} nằm ngoài đối tượng của {}";
    OUTSIDE_GROUP_REFUSED:
        "{}: {}, more than one in {}: is this really a roll of the {}? Nothing was stored"
        => "{}: {}, nhiều hơn một phần {}: đây có đúng là danh sách của {} không? Chưa lưu gì cả";
    OUTSIDE_GROUP_STORED:
        "{}: stored as a roll of the {} as asked (--skip-invalid); check that it is one"
        => "{}: đã lưu là danh sách của {} theo yêu cầu (--skip-invalid); hãy kiểm tra lại";
    BY_SEX_OR_AGE: "sex or age" => "giới tính hoặc tuổi";
    BY_AGE: "age" => "tuổi";
    WOMEN_GROUP:
        "the Women's Union (women aged 18+)" => "Hội Liên hiệp Phụ nữ (phụ nữ từ 18 tuổi)";
    YOUTH_GROUP: "the Youth Union (ages 16–30)" => "Đoàn Thanh niên (từ 16 đến 30 tuổi)";
    AGES_BETWEEN: "{} (ages {}–{})" => "{} (từ {} đến {} tuổi)";
    AGES_FROM: "{} (ages {}+)" => "{} (từ {} tuổi)";
    AGES_UP_TO: "{} (ages up to {})" => "{} (đến {} tuổi)";
    ITS_AGES: "{} (its ages)" => "{} (theo độ tuổi của tổ chức)";

    // --- A file's bytes
    NOT_UTF8_LINE:
        "{}:{}: invalid UTF-8: a byte on this line is not UTF-8, while the file's other text is"
        => "{}:{}: UTF-8 không hợp lệ: dòng này có byte không phải UTF-8, trong khi phần còn lại của tệp là UTF-8";
    LOOKS_BINARY:
        "the file contains NUL bytes and is not UTF-16: it looks binary, not CSV"
        => "tệp có byte NUL mà không phải UTF-16: có vẻ là tệp nhị phân, không phải CSV";
    UNKNOWN_ENCODING: "cannot tell the file's encoding" => "không xác định được bảng mã của tệp";
    CSV_RECORD_TOO_LONG:
        "{}:{}: one CSV record is longer than {} bytes (a file without line ends, or a quote never closed?)"
        => "{}:{}: một bản ghi CSV dài hơn {} byte (tệp không có dấu xuống dòng, hoặc dấu ngoặc kép không được đóng?)";
    SNAPSHOT_HAS_OTHER_PART:
        "the {} snapshot of {} already has a part from a file named {} (ingest {}), with other content"
        => "lần chốt số liệu của {} ngày {} đã có một phần từ tệp tên {} (lần nạp {}), với nội dung khác";
    REPLACES_INGEST:
        "replaces ingest {} ({}, {} row(s)) in the {} snapshot of {} (--replace)"
        => "thay lần nạp {} ({}, {} dòng) trong lần chốt số liệu của {} ngày {} (--replace)";
}
