//! What tally says of the store as it changes it (`tally drop`) and of the files it
//! reads and writes there: English and Vietnamese side by side.

crate::messages! {
    DROPPED_ROLL:
        "dropped ingest {} ({} rows of the {} roll as of {}, from {})"
        => "đã xóa lần nạp {} ({} dòng của danh sách {} chốt ngày {}, từ {})";
    DROPPED_REFERENCE:
        "dropped ingest {} (the {} reference ({} rows), from {})"
        => "đã xóa lần nạp {} ({} ({} dòng), từ {})";
    IN_FORCE_AGAIN:
        "the {} in force are those of {} (ingest {})"
        => "{} đang dùng là của {} (lần nạp {})";
    NONE_IN_FORCE: "the store holds no {} now" => "kho hiện không còn {}";

    // --- Files of the store that cannot be read, written or moved
    CANNOT_READ_PART: "cannot read store part {}" => "không đọc được phần dữ liệu {} của kho";
    CANNOT_READ_SECRET: "cannot read the store secret {}" => "không đọc được khóa bí mật của kho {}";
    CANNOT_READ_SECRET_TO_COPY:
        "cannot read the store secret to copy it"
        => "không đọc được khóa bí mật của kho để sao chép";
    CANNOT_READ_ACL:
        "cannot read the access list of {}" => "không đọc được danh sách quyền truy cập của {}";
    CANNOT_MAKE_PRIVATE:
        "cannot make {} private to you" => "không đặt được {} thành chỉ riêng bạn truy cập";
    CANNOT_SYNC_DIR: "cannot sync directory {}" => "không ghi hẳn xuống đĩa được thư mục {}";
    CANNOT_SYNC: "cannot sync {}" => "không ghi hẳn xuống đĩa được {}";
    CANNOT_REMOVE: "cannot remove {}" => "không xóa được {}";
    CANNOT_REMOVE_LEFTOVER: "cannot remove leftover {}" => "không xóa được tệp còn sót {}";
    CANNOT_MOVE_INTO_STORE: "cannot move {} into the store" => "không chuyển được {} vào kho";
    CANNOT_MOVE_COPY: "cannot move the copy to {}" => "không chuyển được bản sao tới {}";
    CANNOT_REPLACE_EMPTY: "cannot replace the empty {}" => "không thay được thư mục trống {}";
    CANNOT_LOCK_COPY:
        "cannot lock the copy being built ({})" => "không khóa được bản sao đang tạo ({})";
    CANNOT_RESTORE: "cannot restore {}" => "không khôi phục được {}";
    CANNOT_FINISH: "cannot finish {}" => "không ghi xong được {}";
    CANNOT_START_WRITING: "cannot start writing {}" => "không bắt đầu ghi được {}";
    CANNOT_GET_RANDOM: "cannot get random bytes: {}" => "không lấy được byte ngẫu nhiên: {}";
    CANNOT_START_ZSTD: "cannot start zstd" => "không khởi động được bộ nén zstd";
    CANNOT_COMPRESS: "cannot compress a page" => "không nén được một trang dữ liệu";
    MANIFEST_DAMAGED:
        "the store manifest {} is damaged: {}"
        => "tệp kê khai của kho {} bị hỏng: {}";
    JSON_ENDS: "it ends inside its JSON, at line {}, column {}" => "tệp kết thúc giữa chừng phần JSON, ở dòng {}, cột {}";
    JSON_NOT_JSON: "it is not JSON at line {}, column {}" => "tệp không còn là JSON ở dòng {}, cột {}";
    JSON_WRONG_FIELD:
        "a field is missing or holds what tally never writes there ({})"
        => "một trường bị thiếu hoặc có giá trị tally không bao giờ ghi ở đó ({})";
    MANIFEST_DAMAGED_HINT:
        "restore it from a backup of the store directory, or start a new store and ingest the files again"
        => "khôi phục từ bản sao lưu thư mục kho, hoặc tạo kho mới và nạp lại các tệp";
    NEWER_FORMAT:
        "the store {} has format {}, written by {}; this tally ({}) reads format {} and older"
        => "kho {} có định dạng {}, do {} ghi; bản tally này ({}) chỉ đọc định dạng {} trở về trước";
    NEWER_FORMAT_HINT:
        "use {} or newer to read this store; it is left unchanged"
        => "dùng {} hoặc mới hơn để đọc kho này; kho được giữ nguyên";
    SECRET_MISSING: "the store secret {} is missing" => "khóa bí mật của kho {} bị mất";
    SECRET_NOT_THIS:
        "the store secret {} is not the one this store was written with"
        => "khóa bí mật của kho {} không phải khóa đã dùng để ghi kho này";
    SECRET_DAMAGED: "the store secret {} is damaged" => "khóa bí mật của kho {} bị hỏng";
    SECRET_LENGTH: "it has {} bytes, not 32" => "khóa có {} byte, thay vì 32";
    SECRET_HINT:
        "restore the secret file from a backup of the store; without it new ingests cannot be matched with the stored persons"
        => "khôi phục tệp khóa bí mật từ bản sao lưu của kho; thiếu nó thì lần nạp mới không đối chiếu được với những người đã lưu";
    BACKUP_NOT_EMPTY:
        "{} already exists and is not empty"
        => "{} đã tồn tại và không trống";
    BACKUP_NOT_DIR: "{} is not a directory" => "{} không phải thư mục";
    BACKUP_NEW_DIR:
        "give a new directory: a backup never mixes with other files"
        => "chọn một thư mục mới: bản sao lưu không trộn với tệp khác";
    BACKUP_FAILED_CHECK:
        "the copy failed its check: {}: {}"
        => "bản sao không qua được kiểm tra: {}: {}";
    NOT_A_STORE:
        "{} is not a tally store: it has no manifest.json and holds other files ({})"
        => "{} không phải kho của tally: không có tệp manifest.json mà lại chứa các tệp khác ({})";
    NOT_A_STORE_HINT:
        "give --store (or TALLY_STORE) a new or empty directory: tally creates a store only there, and never deletes a file it did not write"
        => "chỉ --store (hoặc TALLY_STORE) tới một thư mục mới hoặc trống: tally chỉ tạo kho ở đó, và không bao giờ xóa tệp không do nó ghi";
    LOST_MANIFEST:
        "the store {} has lost its manifest.json: it holds {} part(s) but no manifest naming them, so it is neither read nor written"
        => "kho {} đã mất tệp manifest.json: kho chứa {} phần dữ liệu nhưng không có tệp kê khai nêu chúng, nên không được đọc cũng không được ghi";
    LOST_MANIFEST_RESTORE:
        "restore the store from a backup (tally backup makes one); its parts are left as they are"
        => "khôi phục kho từ bản sao lưu (tally backup tạo bản sao lưu); các phần dữ liệu được giữ nguyên";
    LOST_MANIFEST_LEFT:
        "run `tally verify --restore-manifest` to put back the manifest an interrupted commit left, once every part it names checks out; or restore the store from a backup"
        => "chạy `tally verify --restore-manifest` để đặt lại tệp kê khai mà lần ghi dở dang để lại, sau khi mọi phần dữ liệu nó nêu đều được kiểm tra đúng; hoặc khôi phục kho từ bản sao lưu";
    PART_NOT_INSIDE: "is not a path inside the store" => "không nằm bên trong kho";
    PART_NOT_NAMED:
        "is not the name of a part tally writes (rolls/ORG/DATE/ID.parquet or reference/KIND-ID.parquet)"
        => "không phải tên của một phần dữ liệu do tally ghi (rolls/TỔ_CHỨC/NGÀY/MÃ.parquet hoặc reference/LOẠI-MÃ.parquet)";
    CANDIDATE_NOT_WHOLE: "is not a whole manifest: {}" => "không phải tệp kê khai trọn vẹn: {}";
    CANDIDATE_FORMAT:
        "has format {}, which this tally does not read"
        => "có định dạng {}, bản tally này không đọc được";
    CANDIDATE_PART:
        "names the part \"{}\", which {}"
        => "nêu phần dữ liệu \"{}\", mà đường dẫn này {}";
    MISNAMED_PART:
        "the store manifest {} is damaged: ingest {} names the part \"{}\", which {}"
        => "tệp kê khai của kho {} bị hỏng: lần nạp {} nêu phần dữ liệu \"{}\", mà đường dẫn này {}";
    MISNAMED_PART_HINT:
        "nothing at that path was read; run `tally verify` to list every such entry, and restore the store from a backup"
        => "không đọc gì ở đường dẫn đó; chạy `tally verify` để liệt kê mọi mục như vậy, rồi khôi phục kho từ bản sao lưu";
    HAS_MANIFEST:
        "the store {} has its manifest.json: there is nothing to restore"
        => "kho {} vẫn có tệp manifest.json: không có gì cần khôi phục";
    RUN_VERIFY:
        "run `tally verify` to check the store"
        => "chạy `tally verify` để kiểm tra kho";
    CANNOT_RESTORE_MANIFEST:
        "cannot restore the manifest of {}: {}"
        => "không khôi phục được tệp kê khai của {}: {}";
    NO_MANIFEST_LEFT:
        "there is no manifest an interrupted commit left (.manifest.json.tmp-*)"
        => "không có tệp kê khai nào do lần ghi dở dang để lại (.manifest.json.tmp-*)";
    RESTORE_FROM_BACKUP:
        "restore the store from a backup (tally backup makes one)"
        => "khôi phục kho từ bản sao lưu (tally backup tạo bản sao lưu)";
    STORE_PART: "the store part {} ({}) {}" => "phần dữ liệu {} ({}) {}";
    STORE_DAMAGED_HINT:
        "the store is damaged: remove that ingest with `tally drop {}` and ingest {} again (or restore the store from a backup)"
        => "kho bị hỏng: xóa lần nạp đó bằng `tally drop {}` rồi nạp lại {} (hoặc khôi phục kho từ bản sao lưu)";

    // --- `tally verify`: what is wrong with a file of the store, and how to fix it
    VERIFY_MISNAMED_PART:
        "ingest {} names the part \"{}\", which {}"
        => "lần nạp {} nêu phần dữ liệu \"{}\", mà đường dẫn này {}";
    VERIFY_MANIFEST_CRAFTED:
        "the manifest is damaged or was crafted: restore the store from a backup"
        => "tệp kê khai bị hỏng hoặc bị sửa có chủ ý: khôi phục kho từ bản sao lưu";
    VERIFY_REFERENCE_UNREADABLE:
        "the reference tables cannot be read: {}" => "không đọc được các bảng danh mục: {}";
    VERIFY_REFERENCE_FIX:
        "drop the reference ingest named above and ingest its file again"
        => "xóa lần nạp danh mục nêu trên rồi nạp lại tệp của nó";
    VERIFY_DROP_FIX:
        "remove that ingest with `tally drop {}` and ingest {} again (or restore the store from a backup)"
        => "xóa lần nạp đó bằng `tally drop {}` rồi nạp lại {} (hoặc khôi phục kho từ bản sao lưu)";
    VERIFY_PART_MISSING:
        "the part of ingest {} is missing" => "phần dữ liệu của lần nạp {} bị mất";
    PART_CANNOT_BE_READ: "cannot be read: {}" => "không đọc được: {}";
    PART_BYTES: "has {} bytes, the manifest says {}" => "có {} byte, tệp kê khai ghi {}";
    PART_CHECKSUM: "does not match its checksum" => "không khớp mã kiểm tra";
    VERIFY_ROWS: "has {} rows, the manifest says {}" => "có {} dòng, tệp kê khai ghi {}";
    VERIFY_COLUMNS:
        "has the columns {}, a roll part has {}"
        => "có các cột {}, phần dữ liệu danh sách cần {}";
    VERIFY_NOT_PARQUET:
        "cannot be read as Parquet: {}" => "không đọc được dạng Parquet: {}";
    VERIFY_FOREIGN_FILE:
        "a file tally did not write, in the store: tally leaves it alone"
        => "một tệp không do tally ghi, nằm trong kho: tally để nguyên tệp này";
    VERIFY_FOREIGN_FILE_FIX:
        "move it out of the store directory" => "chuyển tệp ra khỏi thư mục kho";
    VERIFY_UNLISTED_PART:
        "a part the manifest does not name (left by an interrupted writer, or copied in by hand)"
        => "một phần dữ liệu không có trong tệp kê khai (do lần ghi bị ngắt để lại, hoặc được chép vào bằng tay)";
    /// Only a commit deletes parts: a dry run or a rerun that stores nothing leaves them.
    VERIFY_AT_COMMIT:
        "the next ingest that stores something, or a drop, removes it; or delete the file"
        => "lần nạp tiếp theo có lưu dữ liệu, hoặc lần xóa tiếp theo, sẽ dọn nó; hoặc tự xóa tệp";
    VERIFY_STAGED_PART:
        "a part staged by an ingest that did not finish"
        => "một phần dữ liệu của lần nạp chưa hoàn tất";
    VERIFY_SPOOL:
        "rows rejected by an ingest that did not finish (with names and ID numbers)"
        => "các dòng bị loại của một lần nạp chưa hoàn tất (có họ tên và số định danh)";
    VERIFY_SPOOL_FIX:
        "the next ingest or drop removes it; or delete the file"
        => "lần nạp hoặc lần xóa tiếp theo sẽ dọn nó; hoặc tự xóa tệp";
    VERIFY_SECRET:
        "the store secret {}: reports still work, ingests are refused"
        => "khóa bí mật của kho {}: báo cáo vẫn chạy, nhưng không nạp thêm được";
    IS_MISSING: "is missing" => "bị mất";
    IS_DAMAGED: "is damaged" => "bị hỏng";
    VERIFY_SECRET_NOT_THIS:
        "is not the one this store was written with" => "không phải khóa đã dùng để ghi kho này";

    // --- The store as a whole
    UPGRADED:
        "upgraded the store {} from format {} to format {} ({} part(s) rewritten); older tallies cannot read it now"
        => "đã nâng cấp kho {} từ định dạng {} lên định dạng {} (ghi lại {} phần); các bản tally cũ hơn không đọc được kho này nữa";
    PRIVATE_HINT: "make it yours alone: chmod -R go-rwx {}" => "chỉ để riêng bạn truy cập: chmod -R go-rwx {}";
    PRIVATE_HINT_WINDOWS:
        "make it yours alone: icacls \"{}\" /inheritance:r /grant:r \"%USERNAME%\":(OI)(CI)F /T"
        => "chỉ để riêng bạn truy cập: icacls \"{}\" /inheritance:r /grant:r \"%USERNAME%\":(OI)(CI)F /T";
    MODE_OPEN: "mode {}: group or others have access" => "quyền {}: nhóm hoặc người khác truy cập được";
    ACL_OPEN: "its access list also lets in {}" => "danh sách quyền truy cập còn cho phép {}";

    // --- tally drop by a prefix or a file
    DROPPED_MANY:
        "dropped {} ingests of {} ({} rows): {}"
        => "đã xóa {} lần nạp của {} ({} dòng): {}";
    AMBIGUOUS_PREFIX:
        "\"{}\" begins {} ingest IDs: {}"
        => "\"{}\" là phần đầu của {} mã lần nạp: {}";
    AMBIGUOUS_PREFIX_HINT:
        "give more of the ID, or the whole ID, as `tally status` shows it"
        => "ghi thêm ký tự của mã, hoặc cả mã, như `tally status` hiển thị";
    NO_SUCH_INGEST_OR_FILE:
        "no ingest with ID \"{}\", an ID beginning so, or from a file of that name in {}"
        => "không có lần nạp mã \"{}\", mã bắt đầu như vậy, hay từ tệp tên đó trong {}";
}
