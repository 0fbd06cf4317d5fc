//! The columns tally reads, as a person names them: English, the column's own name in
//! a file written in English (`full_name`); Vietnamese, a heading an office writes
//! (`Họ và tên`). Each Vietnamese name is itself one tally recognizes for its column
//! (a test checks), so a message that asks for a column can be followed word for word.

crate::messages! {
    MEMBER_ID: "member_id" => "Mã thành viên";
    NATIONAL_ID: "national_id" => "Số CCCD";
    FULL_NAME: "full_name" => "Họ và tên";
    SEX: "sex" => "Giới tính";
    BIRTH_DATE: "birth_date" => "Ngày sinh";
    ETHNICITY: "ethnicity" => "Dân tộc";
    RELIGION: "religion" => "Tôn giáo";
    AREA_CODE: "area_code" => "Mã xã";
    AREA_NAME: "area_name" => "Tên xã";
    ENTERPRISE_ID: "enterprise_id" => "Mã số thuế";
    JOINED_ON: "joined_on" => "Ngày kết nạp";
    LEFT_ON: "left_on" => "Ngày ra";
    STATUS: "status" => "Trạng thái";
    ORG: "org" => "Tổ chức";
    AS_OF: "as_of" => "Ngày chốt số liệu";
    /// A unit's code in the areas list.
    UNIT_CODE: "code" => "Mã đơn vị";
    /// A unit's name in the areas list.
    UNIT_NAME: "name" => "Tên đơn vị";
    /// An enterprise's code: its tax code.
    ENTERPRISE_CODE: "tax_code" => "Mã số thuế";
    ENTERPRISE_NAME: "name" => "Tên doanh nghiệp";
    ORG_CODE: "code" => "Mã tổ chức";
    ORG_NAME: "name" => "Tên tổ chức";
    LEVEL: "level" => "Cấp";
    PARENT_CODE: "parent_code" => "Mã cấp trên";
    ETHNIC_MINORITY: "ethnic_minority" => "Vùng DTTS";
    RELIGIOUS: "religious" => "Vùng tôn giáo";
    RURAL: "rural" => "Nông thôn";
    OWNERSHIP: "ownership" => "Loại hình";
    WORKERS: "workers" => "Số lao động";
    YEAR: "year" => "Năm";
    ELIGIBLE: "eligible" => "Số đối tượng";
    DIMENSION: "dimension" => "Tiêu chí";
    GROUP: "group" => "Nhóm";
    SCOPE: "scope" => "Phạm vi";
    TARGET_PCT: "target_pct" => "Chỉ tiêu";
    OLD_CODE: "old_code" => "Mã cũ";
    NEW_CODE: "new_code" => "Mã mới";
    SHARE: "share" => "Tỷ lệ";
    ALIASES: "aliases" => "Tên khác";
    MIN_AGE: "min_age" => "Tuổi từ";
    MAX_AGE: "max_age" => "Tuổi đến";
    /// What only an areas list has, one of which it needs.
    AREAS_OWN_COLUMN:
        "{}, {} or a classification ({}, {}, {})"
        => "{}, {} hoặc một cột phân loại ({}, {}, {})";
    /// One column or the other will do.
    EITHER: "{} or {}" => "{} hoặc {}";
}
