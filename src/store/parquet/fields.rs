//! The field ids of parquet-format's `parquet.thrift` that tally writes, named by
//! their struct and field, so the footer and page headers read as the format
//! defines them: `c.i64(file_meta_data::NUM_ROWS, rows)`, not `c.i64(3, rows)`.
//! Only the fields tally writes are here; ids are the format's and never change.

/// `struct FileMetaData`: the footer.
pub(super) mod file_meta_data {
    pub(crate) const VERSION: i16 = 1;
    pub(crate) const SCHEMA: i16 = 2;
    pub(crate) const NUM_ROWS: i16 = 3;
    pub(crate) const ROW_GROUPS: i16 = 4;
    pub(crate) const CREATED_BY: i16 = 6;
    pub(crate) const COLUMN_ORDERS: i16 = 7;
}

/// `struct SchemaElement`: the root (name and number of children) or one column.
pub(super) mod schema_element {
    pub(crate) const TYPE: i16 = 1;
    pub(crate) const REPETITION_TYPE: i16 = 3;
    pub(crate) const NAME: i16 = 4;
    pub(crate) const NUM_CHILDREN: i16 = 5;
    pub(crate) const CONVERTED_TYPE: i16 = 6;
    pub(crate) const LOGICAL_TYPE: i16 = 10;
}

/// `union LogicalType`: the members tally uses, each an empty struct.
pub(super) mod logical_type {
    pub(crate) const STRING: i16 = 1;
    pub(crate) const DATE: i16 = 6;
}

/// `struct RowGroup`.
pub(super) mod row_group {
    pub(crate) const COLUMNS: i16 = 1;
    pub(crate) const TOTAL_BYTE_SIZE: i16 = 2;
    pub(crate) const NUM_ROWS: i16 = 3;
    pub(crate) const FILE_OFFSET: i16 = 5;
    pub(crate) const TOTAL_COMPRESSED_SIZE: i16 = 6;
}

/// `struct ColumnChunk`.
pub(super) mod column_chunk {
    pub(crate) const FILE_OFFSET: i16 = 2;
    pub(crate) const META_DATA: i16 = 3;
}

/// `struct ColumnMetaData`.
pub(super) mod column_meta_data {
    pub(crate) const TYPE: i16 = 1;
    pub(crate) const ENCODINGS: i16 = 2;
    pub(crate) const PATH_IN_SCHEMA: i16 = 3;
    pub(crate) const CODEC: i16 = 4;
    pub(crate) const NUM_VALUES: i16 = 5;
    pub(crate) const TOTAL_UNCOMPRESSED_SIZE: i16 = 6;
    pub(crate) const TOTAL_COMPRESSED_SIZE: i16 = 7;
    pub(crate) const DATA_PAGE_OFFSET: i16 = 9;
    pub(crate) const DICTIONARY_PAGE_OFFSET: i16 = 11;
    pub(crate) const STATISTICS: i16 = 12;
}

/// `struct Statistics`: the exact min and max (`min_value`, `max_value`).
pub(super) mod statistics {
    pub(crate) const NULL_COUNT: i16 = 3;
    pub(crate) const MAX_VALUE: i16 = 5;
    pub(crate) const MIN_VALUE: i16 = 6;
}

/// `union ColumnOrder`: its one member, the order of the column's type.
pub(super) mod column_order {
    pub(crate) const TYPE_ORDER: i16 = 1;
}

/// `struct PageHeader`.
pub(super) mod page_header {
    pub(crate) const TYPE: i16 = 1;
    pub(crate) const UNCOMPRESSED_PAGE_SIZE: i16 = 2;
    pub(crate) const COMPRESSED_PAGE_SIZE: i16 = 3;
    pub(crate) const DATA_PAGE_HEADER: i16 = 5;
    pub(crate) const DICTIONARY_PAGE_HEADER: i16 = 7;
}

/// `struct DataPageHeader` (a version-1 data page).
pub(super) mod data_page_header {
    pub(crate) const NUM_VALUES: i16 = 1;
    pub(crate) const ENCODING: i16 = 2;
    pub(crate) const DEFINITION_LEVEL_ENCODING: i16 = 3;
    pub(crate) const REPETITION_LEVEL_ENCODING: i16 = 4;
}

/// `struct DictionaryPageHeader`.
pub(super) mod dictionary_page_header {
    pub(crate) const NUM_VALUES: i16 = 1;
    pub(crate) const ENCODING: i16 = 2;
}
