//! Enterprises with a grassroots organization, English and Vietnamese side by side:
//! what the ingest says of the enterprises file's columns that tell it, a cell it
//! cannot read, and the report's words for the counts of enterprises of at least N
//! workers.

crate::messages! {
    GRASSROOTS_READ:
        "read from column \"{}\" whether each enterprise has a grassroots organization of the {}: {} have one, {} do not ({} empty cell(s) read as none)"
        => "đọc từ cột \"{}\" doanh nghiệp nào có tổ chức cơ sở của {}: {} có, {} chưa có ({} ô trống được hiểu là chưa có)";
    NOT_GRASSROOTS_VALUE:
        "not a yes/no or a founding date"
        => "không phải có/không hay ngày thành lập";
    WRITE_GRASSROOTS_VALUE:
        "write Có or Không (x for yes, empty for none), or the date the organization was founded"
        => "ghi Có hoặc Không (x là có, để trống là chưa có), hoặc ngày thành lập tổ chức";
    COL_ENTERPRISES_MIN_WORKERS:
        "Enterprises of ≥ N workers" => "Doanh nghiệp từ N lao động";
    COL_ENTERPRISES_MIN_WORKERS_REACHED:
        "of which with a member" => "trong đó có thành viên";
    COL_ENTERPRISES_WITH_ORG:
        "of which with a grassroots organization" => "trong đó có tổ chức cơ sở";
    /// The focus area of enterprises, which is the non-state ones' coverage.
    NON_STATE: "Non-state enterprises" => "Doanh nghiệp ngoài nhà nước";
    NON_STATE_COVERAGE:
        "Non-state enterprises (coverage)" => "Doanh nghiệp ngoài nhà nước (tỷ lệ)";
    NON_STATE_REACHED:
        "Non-state enterprises with a member (any size)"
        => "Doanh nghiệp ngoài nhà nước có thành viên (mọi quy mô)";
    NON_STATE_WITH_ORG:
        "Non-state enterprises of ≥ {} workers: with a member / with a grassroots organization / all"
        => "Doanh nghiệp ngoài nhà nước từ {} lao động: có thành viên / có tổ chức cơ sở / tổng số";
}
