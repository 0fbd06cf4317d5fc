//! The field ids of parquet-format's `parquet.thrift` that tally writes, named by
//! their struct and field, so the footer and page headers read as the format
//! defines them: `c.i64(file_meta_data::NUM_ROWS, rows)`, not `c.i64(3, rows)`.
//! Only the fields tally writes are here; ids are the format's and never change.

/// `struct FileMetaData`: the footer.
pub mod file_meta_data {
    pub const VERSION: i16 = 1;
    pub const SCHEMA: i16 = 2;
    pub const NUM_ROWS: i16 = 3;
    pub const ROW_GROUPS: i16 = 4;
    pub const CREATED_BY: i16 = 6;
    pub const COLUMN_ORDERS: i16 = 7;
}

/// `struct SchemaElement`: the root (name and number of children) or one column.
pub mod schema_element {
    pub const TYPE: i16 = 1;
    pub const REPETITION_TYPE: i16 = 3;
    pub const NAME: i16 = 4;
    pub const NUM_CHILDREN: i16 = 5;
    pub const CONVERTED_TYPE: i16 = 6;
    pub const LOGICAL_TYPE: i16 = 10;
}

/// `union LogicalType`: the members tally uses, each an empty struct.
pub mod logical_type {
    pub const STRING: i16 = 1;
    pub const DATE: i16 = 6;
}

/// `struct RowGroup`.
pub mod row_group {
    pub const COLUMNS: i16 = 1;
    pub const TOTAL_BYTE_SIZE: i16 = 2;
    pub const NUM_ROWS: i16 = 3;
    pub const FILE_OFFSET: i16 = 5;
    pub const TOTAL_COMPRESSED_SIZE: i16 = 6;
}

/// `struct ColumnChunk`.
pub mod column_chunk {
    pub const FILE_OFFSET: i16 = 2;
    pub const META_DATA: i16 = 3;
}

/// `struct ColumnMetaData`.
pub mod column_meta_data {
    pub const TYPE: i16 = 1;
    pub const ENCODINGS: i16 = 2;
    pub const PATH_IN_SCHEMA: i16 = 3;
    pub const CODEC: i16 = 4;
    pub const NUM_VALUES: i16 = 5;
    pub const TOTAL_UNCOMPRESSED_SIZE: i16 = 6;
    pub const TOTAL_COMPRESSED_SIZE: i16 = 7;
    pub const DATA_PAGE_OFFSET: i16 = 9;
    pub const DICTIONARY_PAGE_OFFSET: i16 = 11;
    pub const STATISTICS: i16 = 12;
}

/// `struct Statistics`: the exact min and max (`min_value`, `max_value`).
pub mod statistics {
    pub const NULL_COUNT: i16 = 3;
    pub const MAX_VALUE: i16 = 5;
    pub const MIN_VALUE: i16 = 6;
}

/// `union ColumnOrder`: its one member, the order of the column's type.
pub mod column_order {
    pub const TYPE_ORDER: i16 = 1;
}

/// `struct PageHeader`.
pub mod page_header {
    pub const TYPE: i16 = 1;
    pub const UNCOMPRESSED_PAGE_SIZE: i16 = 2;
    pub const COMPRESSED_PAGE_SIZE: i16 = 3;
    pub const DATA_PAGE_HEADER: i16 = 5;
    pub const DICTIONARY_PAGE_HEADER: i16 = 7;
}

/// `struct DataPageHeader` (a version-1 data page).
pub mod data_page_header {
    pub const NUM_VALUES: i16 = 1;
    pub const ENCODING: i16 = 2;
    pub const DEFINITION_LEVEL_ENCODING: i16 = 3;
    pub const REPETITION_LEVEL_ENCODING: i16 = 4;
}

/// `struct DictionaryPageHeader`.
pub mod dictionary_page_header {
    pub const NUM_VALUES: i16 = 1;
    pub const ENCODING: i16 = 2;
}
