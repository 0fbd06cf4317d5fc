//! What `tally ingest` says of the reference files it reads (areas, enterprises,
//! eligible counts, targets, mapping, orgs): English and Vietnamese side by side.

crate::messages! {
    // --- Codes as Excel leaves them
    PADDED_CODES:
        "padded {} code(s) with leading zeros Excel had dropped (a commune's code has 5 digits, a district's 3, a province's 2: 3127 is 03127)"
        => "đã thêm số 0 đứng đầu mà Excel làm mất cho {} mã (mã xã có 5 chữ số, mã huyện 3, mã tỉnh 2: 3127 là 03127)";
    PADDED_AREA_CODES:
        "read {} unit code(s) that had lost their leading zeros with the zeros put back (3127 as 03127, a commune's code of 5 digits)"
        => "đã đọc {} mã đơn vị bị mất số 0 đứng đầu sau khi thêm lại các số 0 đó (3127 là 03127, mã xã có 5 chữ số)";

    // --- Counts tables
    TITLE_NAMES_MEMBERS:
        "{}: the title \"{}\" counts members, not the people to organize: a table of members read as eligible counts would make every coverage 100%"
        => "{}: tiêu đề \"{}\" là số đoàn viên, hội viên, không phải số đối tượng cần tập hợp: đọc bảng số thành viên làm số đối tượng thì tỷ lệ tập hợp nào cũng thành 100%";
    TITLE_NAMES_MEMBERS_HINT:
        "ingest the table of the people each organization should organize (số đối tượng); if this file is that table, give --kind eligible"
        => "nạp bảng số đối tượng mỗi tổ chức cần tập hợp; nếu đúng tệp này là bảng đó, ghi --kind eligible";
    READ_WIDE:
        "read {} count(s) from a table with a column per organization: {}"
        => "đọc {} số đối tượng từ bảng mỗi tổ chức một cột: {}";
    PARTIAL_OLD_COMMUNES:
        "left {} count(s) of today's communes unknown: not every pre-2025 commune they were made of gives one (a commune's count is the sum of all of them): {}"
        => "để {} số đối tượng của xã hiện nay ở dạng chưa biết: không phải mọi xã trước năm 2025 hợp thành xã đó đều có số (số của xã là tổng của tất cả các xã cũ): {}";
    NO_COUNT_LEFT: "{}: no count read: {}" => "{}: không đọc được số nào: {}";
    NO_COUNT_LEFT_HINT:
        "give the count of every pre-2025 commune of each commune of today (0 where there is nobody), or the commune of today's own count"
        => "ghi số của mọi xã trước năm 2025 hợp thành mỗi xã hiện nay (ghi 0 nếu không có ai), hoặc ghi số của chính xã hiện nay";
    PARTIAL_OLD_COMMUNE: "{} ({}: lacks {})" => "{} ({}: thiếu {})";
    READ_OLD_COMMUNES:
        "read {} row(s) of {} pre-2025 commune(s) through the reform's crosswalk, summed into today's communes"
        => "đọc {} dòng của {} xã trước năm 2025 qua bảng chuyển đổi, cộng vào các xã hiện nay";
    UNNAMED_COUNT_COLUMNS:
        "{}: the table has a column per organization, but the column(s) {} of numbers name no organization tally knows; it knows {}"
        => "{}: bảng ghi mỗi tổ chức một cột, nhưng cột số liệu {} không phải tên tổ chức nào tally biết; tally biết {}";
    UNNAMED_COUNT_COLUMNS_HINT:
        "head the column with one of these names (or abbreviations), ingest an orgs file that adds the organization, or delete the column if it holds no organization's counts"
        => "đặt tên cột theo một trong các tên (hoặc tên viết tắt) này, nạp tệp danh mục tổ chức có tổ chức đó, hoặc xoá cột nếu cột không phải số đối tượng của tổ chức nào";
    OWN_COLUMNS_ONE_NAME:
        "{}: the columns \"{}\" and \"{}\" of the areas file have one name for --by: {}"
        => "{}: hai cột \"{}\" và \"{}\" của tệp địa bàn có cùng một tên cho --by: {}";
    OWN_COLUMNS_ONE_NAME_HINT:
        "rename one of them, or delete the one not wanted"
        => "đổi tên một trong hai cột, hoặc xóa cột không dùng";
    NEITHER_AREAS_NOR_COUNTS:
        "{}: the file has a unit code and name but no column only an areas file has (level, parent_code or a classification), and its column(s) {} name no organization tally knows, so it is no table of counts either"
        => "{}: tệp có mã và tên đơn vị nhưng không có cột nào riêng của danh mục địa bàn (cấp, mã đơn vị cấp trên hoặc một cột phân loại), và cột {} không phải tên tổ chức nào tally biết, nên cũng không phải bảng số đối tượng";
    NEITHER_AREAS_NOR_COUNTS_HINT:
        "if it is a table of counts, head each organization's column with one of its names: {} (or ingest an orgs file that adds it); if it is the list of units, add their classifications or name the kind with --kind areas"
        => "nếu là bảng số đối tượng, đặt tên cột của mỗi tổ chức theo một trong các tên: {} (hoặc nạp tệp danh mục tổ chức có tổ chức đó); nếu là danh mục đơn vị, thêm các cột phân loại hoặc ghi rõ loại tệp bằng --kind areas";

    // --- Versions of the areas and enterprises
    UNITS_ADDED: "{} unit(s) added ({})" => "thêm {} đơn vị ({})";
    UNITS_REMOVED: "{} unit(s) removed ({})" => "bỏ {} đơn vị ({})";
    UNITS_RECLASSIFIED: "{} unit(s) reclassified ({})" => "đổi phân loại {} đơn vị ({})";
    UNITS_RENAMED: "{} unit(s) renamed ({})" => "đổi tên {} đơn vị ({})";
    ENTERPRISES_ADDED: "{} enterprise(s) added ({})" => "thêm {} doanh nghiệp ({})";
    ENTERPRISES_REMOVED: "{} enterprise(s) removed ({})" => "bỏ {} doanh nghiệp ({})";
    ENTERPRISES_REOWNED:
        "{} enterprise(s) of another ownership ({})"
        => "{} doanh nghiệp đổi loại hình sở hữu ({})";
    ENTERPRISES_CHANGED:
        "{} enterprise(s) with another unit or head count ({})"
        => "{} doanh nghiệp đổi xã hoặc số lao động ({})";
    REMOVES_UNITS: "removes {} unit(s) ({})" => "bỏ {} đơn vị ({})";
    RECLASSIFIES_UNITS: "reclassifies {} unit(s) ({})" => "đổi phân loại {} đơn vị ({})";
    REMOVES_ENTERPRISES: "removes {} enterprise(s) ({})" => "bỏ {} doanh nghiệp ({})";
    REOWNS_ENTERPRISES:
        "changes the ownership of {} enterprise(s) ({})"
        => "đổi loại hình sở hữu của {} doanh nghiệp ({})";
    BOTH: "{} and {}" => "{} và {}";
    VERSION_REFUSED:
        "{}: the new {} file {}, against the {} in force (from {})"
        => "{}: tệp {} mới {}, so với {} đang dùng (từ {})";
    VERSION_REFUSED_HINT:
        "if it is the new list, ingest it again with --replace (the version before is kept: `tally drop` of the new one gives it back); if not, check the file: up to {} units or enterprises may be reclassified without --replace"
        => "nếu đây là danh mục mới, nạp lại với --replace (bản trước vẫn được giữ: `tally drop` bản mới sẽ trả lại bản trước); nếu không, kiểm tra lại tệp: chỉ được đổi phân loại tối đa {} đơn vị hoặc doanh nghiệp mà không cần --replace";
    VERSION_IN_FORCE:
        "new {} in force; the version before is kept (`tally drop {}` gives it back)"
        => "{} mới có hiệu lực; bản trước vẫn được giữ (`tally drop {}` để dùng lại bản trước)";
    VERSION_WOULD_BE_IN_FORCE:
        "the new {} would be in force, the version before kept (a dry run: nothing stored)"
        => "{} mới sẽ có hiệu lực, bản trước vẫn được giữ (chạy thử: chưa lưu gì)";
    // A change said after the kind it changes (no words of its own to translate).
    CHANGE_OF: "{}: {}" => "{0}: {1}";
    SAME_UNITS: "the same units, classified alike" => "các đơn vị như cũ, phân loại như cũ";
    SAME_ENTERPRISES: "the same enterprises, alike" => "các doanh nghiệp như cũ";

    // --- Keyed files: eligible counts and targets
    KEYS_ADDED: "added {} key(s) of {}" => "thêm {} dòng của năm {}";
    KEYS_WOULD_ADD: "would add {} key(s) of {}" => "sẽ thêm {} dòng của năm {}";
    KEYS_REPLACED:
        "replaced {} key(s) already held, of {}"
        => "thay {} dòng đã có, của năm {}";
    KEYS_WOULD_REPLACE:
        "would replace {} key(s) already held, of {}"
        => "sẽ thay {} dòng đã có, của năm {}";
    KEYS_RESTORED:
        "{}: {} key(s) restored to this file's values"
        => "{}: {} dòng được trả về giá trị của tệp này";
    KEYS_WOULD_RESTORE:
        "{}: {} key(s) would be restored to this file's values"
        => "{}: {} dòng sẽ được trả về giá trị của tệp này";
    KEYS_HELD_AGAIN: "{}: {} key(s) held again" => "{}: {} dòng được nạp lại";
    KEYS_WOULD_BE_HELD_AGAIN: "{}: {} key(s) would be held again" => "{}: {} dòng sẽ được nạp lại";
    KEYS_ALL_HELD:
        "{}: every key already held with this file's values"
        => "{}: mọi dòng đã có đúng giá trị của tệp này";
    REPLACES_ALL_ELIGIBLE:
        "replaces all {} eligible count(s) held (--replace)"
        => "thay toàn bộ {} dòng số đối tượng đã có (--replace)";
    WOULD_REPLACE_ALL_ELIGIBLE:
        "would replace all {} eligible count(s) held (--replace)"
        => "sẽ thay toàn bộ {} dòng số đối tượng đã có (--replace)";
    REPLACES_ALL_TARGETS:
        "replaces all {} target(s) held (--replace)"
        => "thay toàn bộ {} chỉ tiêu đã có (--replace)";
    WOULD_REPLACE_ALL_TARGETS:
        "would replace all {} target(s) held (--replace)"
        => "sẽ thay toàn bộ {} chỉ tiêu đã có (--replace)";
    UNIT_WITHOUT_CODE: "the unit has no code" => "đơn vị không có mã";
    EVERY_UNIT_NEEDS_GSO:
        "every unit needs its (GSO) code"
        => "mỗi đơn vị cần có mã (theo Tổng cục Thống kê)";
    FORMAT_CODE_AS_TEXT:
        "format the code column as Text and export again"
        => "định dạng cột mã là Văn bản (Text) rồi xuất lại";
    EACH_UNIT_MUST_APPEAR:
        "each unit must appear once"
        => "mỗi đơn vị chỉ được có một dòng";
    PARENT_NOT_IN_FILE:
        "the parent unit is not in the file"
        => "đơn vị cấp trên không có trong tệp";
    PARENT_NOT_IN_FILE_HINT:
        "add the parent unit's row, or leave parent_code empty for the top unit"
        => "thêm dòng của đơn vị cấp trên, hoặc để trống parent_code cho đơn vị cao nhất";
    UNIT_OWN_ANCESTOR_CYCLE:
        "the unit is its own ancestor (a cycle in parent_code)"
        => "đơn vị là cấp trên của chính nó (parent_code tạo vòng lặp)";
    FIX_PARENT_CODES_SO:
        "fix the parent codes so the units form a tree"
        => "sửa mã đơn vị cấp trên để các đơn vị tạo thành cây";
    DIMENSION_GROUP_GO_TOGETHER:
        "dimension and group go together: give both or neither"
        => "chiều phân tổ và nhóm đi cùng nhau: ghi cả hai hoặc không ghi cả hai";
    GIVE_EACH_COUNT_ONCE:
        "give each count once (a commune of today, or its old communes, not both); if every row is a commune of before the 2025 reform, ingest with --codes old, which adds up the old communes of one commune of today"
        => "mỗi số chỉ ghi một lần (xã hiện nay, hoặc các xã cũ của nó, không ghi cả hai); nếu mọi dòng là xã trước sắp xếp năm 2025, hãy nạp với --codes old để cộng các xã cũ của cùng một xã hiện nay";
    NOT_A_COUNT:
        "not a count; expected a whole number ≥ 0"
        => "không phải số đếm; cần số nguyên ≥ 0";
    NOT_A_SCOPE:
        "the column's heading names no scope tally reads (Toàn tỉnh, a focus area: Vùng đồng bào DTTS, Vùng tôn giáo, Nông thôn; an ownership: DN ngoài nhà nước, FDI)"
        => "tiêu đề cột không phải phạm vi tally đọc được (Toàn tỉnh, vùng trọng điểm: Vùng đồng bào DTTS, Vùng tôn giáo, Nông thôn; loại hình: DN ngoài nhà nước, FDI)";
    DISTRICT_ROW_HINT:
        "districts (huyện, quận, thị xã, thành phố of a province) are no units since 1 July 2025: if the row adds up the communes under it, delete it; else give the counts of its communes"
        => "từ 1/7/2025 không còn đơn vị cấp huyện (huyện, quận, thị xã, thành phố thuộc tỉnh): nếu dòng này là tổng của các xã bên dưới thì xóa dòng; nếu không, hãy ghi số của từng xã";
    NOT_A_COUNT_HINT:
        "write a whole number (1560 or 1.560: a count shown as 1.56 was typed 1.560 where the sheet takes the point for a decimal one); leave the cell empty where there is no count (\"-\" is none)"
        => "ghi số nguyên (1560 hoặc 1.560: số hiện là 1,56 hoặc 1.56 là 1.560 bị bảng tính đọc dấu chấm thành dấu thập phân); để trống ô không có số (\"-\" không phải số)";
    TOTAL_EMPTY_PART_FILLED:
        "the total is empty while \"{}\" beside it holds {}: the count is unknown"
        => "ô tổng số để trống trong khi cột \"{}\" bên cạnh ghi {}: không rõ số đối tượng";
    TOTAL_EMPTY_PART_FILLED_HINT:
        "fill in the organization's total (Tổng số) on this row; tally does not add the parts up itself"
        => "điền tổng số của tổ chức ở dòng này; tally không tự cộng các cột thành phần";
    KEEP_ONE_COLUMN_PER: "keep one column per organization" => "mỗi tổ chức chỉ để một cột";
    NO_AREAS_TO_CHECK_UNIT:
        "the store has no areas reference to check the unit against"
        => "kho chưa có danh mục đơn vị hành chính để kiểm tra đơn vị";
    GIVE_COUNT_EACH_COMMUNE:
        "give the count of each commune of today, or ingest a mapping file with the shares"
        => "ghi số của từng xã hiện nay, hoặc nạp tệp ánh xạ có tỷ lệ chia";
    ENTERPRISE_WITHOUT_TAX_CODE:
        "the enterprise has no tax code"
        => "doanh nghiệp không có mã số thuế";
    EVERY_ENTERPRISE_NEEDS_TAX:
        "every enterprise needs its tax code (Mã số thuế)"
        => "mỗi doanh nghiệp cần có mã số thuế";
    EXCEL_WROTE_TAX_CODE:
        "Excel wrote the tax code in scientific notation"
        => "Excel đã ghi mã số thuế ở dạng khoa học";
    FORMAT_COLUMN_TEXT_EXPORT:
        "format the column as Text and export again"
        => "định dạng cột là Văn bản (Text) rồi xuất lại";
    EACH_ENTERPRISE_MUST_APPEAR:
        "each enterprise must appear once"
        => "mỗi doanh nghiệp chỉ được có một dòng";
    NOT_A_HEAD_COUNT:
        "not a head count; expected a whole number ≥ 0"
        => "không phải số lao động; cần số nguyên ≥ 0";
    NO_HEAD_COUNT:
        "no head count: the enterprise's workers are unknown (not zero)"
        => "không có số lao động: số lao động của doanh nghiệp không rõ (không phải bằng 0)";
    ENTERPRISE_ONE_COMMUNE_GIVE:
        "an enterprise is in one commune: give the code of its commune of today"
        => "mỗi doanh nghiệp ở một xã: ghi mã xã hiện nay của doanh nghiệp";
    NOT_AN_OLD_COMMUNE:
        "not a commune of before the 2025 reform"
        => "không phải xã trước sắp xếp năm 2025";
    GIVE_CODE_COMMUNE_HAD:
        "give the code the commune had before 1 July 2025 (five digits)"
        => "ghi mã của xã trước ngày 01/7/2025 (năm chữ số)";
    GIVE_CODE_COMMUNE_TODAY:
        "give the code of a commune of today, or ingest the areas file first"
        => "ghi mã của một xã hiện nay, hoặc nạp tệp danh mục địa bàn trước";
    NOT_A_SHARE:
        "not a share; expected a fraction between 0 and 1 (0.4) or a percentage (40%)"
        => "không phải tỷ lệ; cần một số từ 0 đến 1 (0,4) hoặc phần trăm (40%)";
    GIVE_ONE_ROW_PER:
        "give one row per old commune, or a share on each of its rows that add up to 1 (100%)"
        => "mỗi xã cũ ghi một dòng, hoặc ghi tỷ lệ ở từng dòng của xã đó sao cho tổng bằng 1 (100%)";
    NOT_A_YEAR:
        "not a year; expected four digits such as 2026"
        => "không phải năm; cần bốn chữ số, ví dụ 2026";
    NOT_AN_ORG_CODE:
        "not an organization code; expected lower-case letters, digits or _ (such as red_cross)"
        => "không phải mã tổ chức; cần chữ thường, chữ số hoặc _ (ví dụ red_cross)";
    GIVE_EACH_ORGANIZATION_SHORT:
        "give each organization a short code of plain letters: it names the organization in CSV reports"
        => "đặt cho mỗi tổ chức một mã ngắn bằng chữ không dấu: mã này ghi tên tổ chức trong báo cáo CSV";
    ORGANIZATION_WITHOUT_NAME: "the organization has no name" => "tổ chức chưa có tên";
    GIVE_NAME_PEOPLE_WRITE:
        "give the name as people write it (Hội Chữ thập đỏ)"
        => "ghi tên như thường viết (Hội Chữ thập đỏ)";
    FIVE_UNION_YOUTH_WOMEN:
        "the five (union, youth, women, farmers, veterans) need no orgs file; give this organization names of its own"
        => "năm tổ chức (công đoàn, đoàn thanh niên, phụ nữ, nông dân, cựu chiến binh) không cần tệp danh mục tổ chức; đặt cho tổ chức này tên riêng";
    NOT_AN_AGE:
        "not an age; expected a whole number of years from 0 to 120"
        => "không phải tuổi; cần số năm nguyên từ 0 đến 120";
    GIVE_EACH_ORGANIZATION_NAMES:
        "give each organization names of its own"
        => "đặt cho mỗi tổ chức tên riêng";
    USE_UNIT_CODE_DIMENSION:
        "use *, a unit code, or DIMENSION=GROUP such as ethnic_minority=yes or ownership=non_state"
        => "dùng *, một mã đơn vị, hoặc CHIỀU=NHÓM, ví dụ ethnic_minority=yes hoặc ownership=non_state";
    UNIT_SCOPE_NEEDS_AREAS:
        "a unit scope needs the areas reference to check it"
        => "phạm vi theo đơn vị cần danh mục đơn vị hành chính để kiểm tra";
    GIVE_UNIT_S_CODE:
        "give the unit's code, or its name with its type (Xã …, Phường …)"
        => "ghi mã đơn vị, hoặc tên kèm loại đơn vị (Xã …, Phường …)";
    SCOPE_FOCUS_AREA_DIMENSION:
        "the scope is not *, a focus area, DIMENSION=GROUP, or a unit of the areas reference"
        => "phạm vi không phải *, một địa bàn trọng điểm, TIÊU_CHÍ=NHÓM, hay một đơn vị trong danh mục địa bàn";
    SCOPE_HINT:
        "use * (Toàn tỉnh), a focus area (Vùng đồng bào DTTS, Vùng tôn giáo, Nông thôn), a unit's code or name, or DIMENSION=GROUP such as ethnic_minority=yes"
        => "ghi * (Toàn tỉnh), một địa bàn trọng điểm (Vùng đồng bào DTTS, Vùng tôn giáo, Nông thôn), mã hoặc tên một đơn vị, hoặc TIÊU_CHÍ=NHÓM như ethnic_minority=yes";
    SECOND_TARGET_SAME_ORG:
        "a second target for the same org, year and scope"
        => "chỉ tiêu thứ hai cho cùng tổ chức, năm và phạm vi";
    GIVE_EACH_TARGET_ONCE: "give each target once" => "mỗi chỉ tiêu chỉ ghi một lần";
    CORRECT_TITLE_GIVE_EACH:
        "correct the title, or give each row its year in a year column (Năm)"
        => "sửa tiêu đề, hoặc ghi năm của từng dòng trong cột Năm";
    LEAVE_OUT_YEAR_TITLE:
        "leave out --year (the title says the year), or check that the file is the right year's"
        => "bỏ --year (tiêu đề đã ghi năm), hoặc kiểm tra tệp có đúng năm không";
    ADD_YEAR:
        "add --year YEAR (such as --year 2026), a year column, or the year in the title (SỐ ĐỐI TƯỢNG NĂM 2026)"
        => "thêm --year NĂM (ví dụ --year 2026), một cột Năm, hoặc ghi năm trong tiêu đề (SỐ ĐỐI TƯỢNG NĂM 2026)";
    CHECK_FILE_RIGHT_YEAR:
        "check that the file is the right year's: correct the title, the column or --year"
        => "kiểm tra tệp có đúng năm không: sửa tiêu đề, cột Năm hoặc --year";
    CODE_REPEATS: "the code repeats line {}" => "mã trùng với dòng {}";
    NOT_YES_NO: "not a yes/no value; expected {}" => "không phải giá trị có/không; cần {}";
    SAME_COUNT_AS:
        "the same unit, org, year and group as line {}"
        => "cùng đơn vị, tổ chức, năm và nhóm với dòng {}";
    NO_TOTAL_UNDER:
        "{}: under the heading \"{}\" the sub-columns are {}: none is the organization's total (Tổng số), and a part is no count of its eligible people"
        => "{}: dưới tiêu đề \"{}\" các cột con là {}: không cột nào là tổng số của tổ chức, mà một phần thì không phải số đối tượng của tổ chức";
    NO_TOTAL_UNDER_HINT:
        "add a \"Tổng số\" column under each organization (the sub-columns beside it are then left aside), or give one column of totals per organization"
        => "thêm cột \"Tổng số\" dưới mỗi tổ chức (các cột con bên cạnh khi đó được bỏ qua), hoặc để mỗi tổ chức một cột tổng số";
    COLUMNS_SAME_ORG:
        "{}: the columns \"{}\" and \"{}\" both name the organization {}"
        => "{}: hai cột \"{}\" và \"{}\" cùng là của tổ chức {}";
    TAX_CODE_REPEATS: "the tax code repeats line {}" => "mã số thuế trùng với dòng {}";
    MAPPING_SPLITS:
        "the mapping file splits this commune of before the 2025 reform between {}"
        => "bảng chuyển đổi chia xã trước sắp xếp năm 2025 này cho {}";
    NAMES_ONE_OF_FIVE:
        "\"{}\" names one of the five organizations tally knows"
        => "\"{}\" là tên của một trong năm tổ chức tally đã biết";
    AGES_END_BEFORE:
        "the ages end ({}) before they begin ({})"
        => "độ tuổi kết thúc ({}) trước khi bắt đầu ({})";
    ALSO_NAMES_ORG:
        "\"{}\" also names the organization of line {}"
        => "\"{}\" cũng là tên của tổ chức ở dòng {}";
    UNIT_NOT_OF_LEVEL:
        "the unit {} is a {}, not a {}"
        => "đơn vị {} thuộc cấp {}, không phải cấp {}";
    UNKNOWN_SCOPE_GROUP:
        "the scope's group \"{}\" is not one of {}'s: {}"
        => "nhóm \"{}\" của phạm vi không phải nhóm của {}: {}";
    UNKNOWN_SCOPE_DIMENSION:
        "unknown dimension \"{}\" in the scope"
        => "chiều phân tổ \"{}\" không rõ trong phạm vi";
    NAME_FITS_UNITS: "the name fits {} units: {}" => "tên này khớp với {} đơn vị: {}";
    TITLE_TWO_YEARS: "{}: the title names two years, {}" => "{}: tiêu đề ghi hai năm, {}";
    TWO_YEARS: "{} and {}" => "{} và {}";
    YEAR_CONTRADICTS_TITLE:
        "{}: --year {} contradicts the title, which says {} (\"{}\")"
        => "{}: --year {} mâu thuẫn với tiêu đề, ghi năm {} (\"{}\")";
    WHICH_YEAR_COUNTS:
        "{}: which year are these counts for? The file has no year column (Năm), its title names no year, and --year is not given"
        => "{}: số đối tượng này của năm nào? Tệp không có cột Năm, tiêu đề không ghi năm, và không có --year";
    WHICH_YEAR_TARGETS:
        "{}: which year are these targets for? The file has no year column (Năm), its title names no year, and --year is not given"
        => "{}: chỉ tiêu này của năm nào? Tệp không có cột Năm, tiêu đề không ghi năm, và không có --year";
    YEAR_FLAG_SAYS: "--year says {}" => "--year ghi năm {}";
    TITLE_SAYS_YEAR: "the title says {} (\"{}\")" => "tiêu đề ghi năm {} (\"{}\")";
    COLUMN_SAYS_YEAR:
        "{}: column \"{}\" says {}, but {}"
        => "{}: cột \"{}\" ghi năm {}, nhưng {}";
    OLD_TWICE:
        "the old commune of line {} goes to the same commune of today twice"
        => "xã cũ ở dòng {} được chuyển hai lần vào cùng một xã hiện nay";
    OLD_ONE_SHARE:
        "the old commune of line {} has one commune of today with a share of {}, not 1"
        => "xã cũ ở dòng {} chỉ có một xã hiện nay nhưng tỷ lệ là {}, không phải 1";
    OLD_NOT_EVERY_SHARE:
        "the old commune of line {} goes to {} communes of today, not every one with a share"
        => "xã cũ ở dòng {} được chuyển vào {} xã hiện nay nhưng không phải xã nào cũng có tỷ lệ";
    OLD_SHARES_SUM:
        "the shares of the old commune of line {} add up to {}, not 1"
        => "tổng tỷ lệ của xã cũ ở dòng {} là {}, không phải 1";
}
