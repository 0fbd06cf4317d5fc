//! Row sources: a file's bytes become rows with their positions, whatever the file is.
//! Text is decoded (`decode.rs`: BOMs, UTF-16, Windows-1258, and the legacy fonts
//! TCVN3 and VNI in `legacy.rs`, `doubled.rs`, `legacy_cells.rs`) and split into CSV
//! records (`csv_rows.rs`, `csv_text.rs`, `line_split.rs`); a workbook's sheets are read
//! through calamine with their guards (`workbook*.rs`, `xls_extent.rs`, `merged.rs`,
//! `percent_cells.rs`). Then the header is found (`headers.rs` and `headers.csv`,
//! `header_rows.rs`, `org_columns.rs`, `status_headers.rs` with the status words of
//! `status.rs`, `kind_check.rs`), rows that are not data are set aside (`clutter.rs`;
//! the form's column-number row under the header, `numbering.rs`), and `table.rs`
//! hands out a [`table::Table`] of [`row::Row`]s with their line numbers (a roll's
//! Nam/Nữ birth-date pair split by `sex_pair.rs`); `beyond.rs` is the one rule for a
//! row with more cells than its header has columns (every row parser asks it);
//! `sources.rs` opens a file as one table, or a workbook as one per sheet.
//!
//! This room imports nothing from the rooms that read rows (`value/`, `member/`,
//! `ingest/`, `reference/read/`): what a cell means is theirs to say.

pub mod beyond;
pub(crate) mod clutter;
mod csv_rows;
mod csv_text;
mod date_cells;
pub mod decode;
pub(crate) mod departed_list;
mod doubled;
pub mod field_names;
pub mod grassroots_headers;
mod header_rows;
pub mod headers;
mod kind_check;
pub mod legacy;
mod legacy_cells;
mod line_split;
mod merged;
mod numbering;
mod org_columns;
mod percent_cells;
mod required;
pub mod row;
mod scope_words;
pub(crate) mod sections;
mod sex_pair;
mod sheet_rows;
pub(crate) mod sources;
pub(crate) mod status;
mod status_headers;
pub(crate) mod sub_headings;
pub mod table;
mod table_source;
pub mod workbook;
pub(crate) mod workbook_cells;
mod workbook_guard;
mod workbook_parts;
mod workbook_xlsx;
mod xls_extent;
mod xlsx_sheet;
mod xlsx_strings;
mod xlsx_styles;
mod xlsx_xml;
pub use date_cells::Mode as DateMode;
