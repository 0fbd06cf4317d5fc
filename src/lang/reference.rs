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
    READ_WIDE:
        "read {} count(s) from a table with a column per organization: {}"
        => "đọc {} số đối tượng từ bảng mỗi tổ chức một cột: {}";
    READ_OLD_COMMUNES:
        "read {} row(s) of {} pre-2025 commune(s) through the reform's crosswalk, summed into today's communes"
        => "đọc {} dòng của {} xã trước năm 2025 qua bảng chuyển đổi, cộng vào các xã hiện nay";
    UNNAMED_COUNT_COLUMNS:
        "{}: the table has a column per organization, but the column(s) {} of numbers name no organization tally knows; it knows {}"
        => "{}: bảng ghi mỗi tổ chức một cột, nhưng cột số liệu {} không phải tên tổ chức nào tally biết; tally biết {}";
    UNNAMED_COUNT_COLUMNS_HINT:
        "head the column with one of these names (or abbreviations), ingest an orgs file that adds the organization, or delete the column if it holds no organization's counts"
        => "đặt tên cột theo một trong các tên (hoặc tên viết tắt) này, nạp tệp danh mục tổ chức có tổ chức đó, hoặc xoá cột nếu cột không phải số đối tượng của tổ chức nào";
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
}
