//! Owner-only files and directories, and durable renames.

use anyhow::Result;
use std::fs::{self, File, OpenOptions};
use std::path::Path;

use crate::error::Explain;
use crate::{lang, t};
#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};

/// Creates (or truncates) a file readable and writable by its owner only (Unix: mode
/// 0600; Windows: an access list granting the current user alone, set before anything
/// is written to it).
pub fn create_private(path: &Path) -> Result<File> {
    let mut opts = OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    opts.mode(0o600);
    let file = opts
        .open(path)
        .explain(|| t!(lang::files::CANNOT_CREATE, path.display().to_string()))?;
    restrict(path, false)?;
    Ok(file)
}

/// Creates a directory (and parents) usable by its owner only. On Windows what is then
/// created inside inherits that.
pub fn create_private_dir(path: &Path) -> Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    b.mode(0o700);
    b.create(path)
        .explain(|| t!(lang::files::CANNOT_CREATE_DIR, path.display().to_string()))?;
    restrict(path, true)
}

/// Windows: the owner-only access list (Unix sets the mode at creation instead).
#[cfg(windows)]
pub fn restrict(path: &Path, directory: bool) -> Result<()> {
    super::acl::restrict(path, directory)
        .explain(|| t!(lang::store::CANNOT_MAKE_PRIVATE, path.display().to_string()))
}

#[cfg(not(windows))]
pub fn restrict(_path: &Path, _directory: bool) -> Result<()> {
    Ok(())
}

/// Size and SHA-256 (hex) of a file, read in 1 MiB pieces.
pub fn sha256_file(path: &Path) -> std::io::Result<(u64, String)> {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    let mut f = File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut n = 0u64;
    loop {
        let k = f.read(&mut buf)?;
        if k == 0 {
            break;
        }
        h.update(&buf[..k]);
        n += k as u64;
    }
    Ok((n, hex::encode(h.finalize())))
}

/// Who besides the owner can get at a file or directory, if anyone: on Unix, group or
/// other permission bits; on Windows, another account in its access list.
pub fn wider_than_owner(path: &Path) -> Result<Option<lang::Text>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path)
            .explain(|| t!(lang::files::CANNOT_READ, path.display().to_string()))?
            .permissions()
            .mode();
        Ok((mode & 0o077 != 0).then(|| t!(lang::store::MODE_OPEN, format!("{:o}", mode & 0o777))))
    }
    #[cfg(windows)]
    {
        Ok(super::acl::others(path)
            .explain(|| t!(lang::store::CANNOT_READ_ACL, path.display().to_string()))?
            .map(|who| t!(lang::store::ACL_OPEN, who)))
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = path;
        Ok(None)
    }
}

/// Makes a rename or a new file in `dir` durable. Windows has no directory fsync: a
/// rename there is made durable by the file system's own journal (NTFS), and the file
/// itself was synced before it.
pub fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .explain(|| t!(lang::store::CANNOT_SYNC_DIR, dir.display().to_string()))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Writes bytes to `path` atomically: a private temp file beside it, fsync, rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_as(path, bytes, create_private)
}

/// The same for a file meant to be shared (a report: aggregates, no personal data): it
/// gets the permissions any new file of the user gets (the umask; on Windows the
/// folder's access list), so the analysts it is for can open it.
pub fn write_atomic_shared(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_as(path, bytes, |p| {
        File::create(p).explain(|| t!(lang::files::CANNOT_CREATE, p.display().to_string()))
    })
}

fn write_atomic_as(path: &Path, bytes: &[u8], create: fn(&Path) -> Result<File>) -> Result<()> {
    use std::io::Write;
    write_atomic_with(path, create, |f| Ok(f.write_all(bytes)?))
}

/// Writes a private file through `fill`, atomically as [`write_atomic`] does: for
/// content too large to hold in memory first (the rejects of a large roll).
pub fn write_atomic_streamed(
    path: &Path,
    fill: impl FnOnce(&mut dyn std::io::Write) -> Result<()>,
) -> Result<()> {
    write_atomic_with(path, create_private, |f| {
        let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
        fill(&mut w)?;
        std::io::Write::flush(&mut w)?;
        Ok(())
    })
}

fn write_atomic_with(
    path: &Path,
    create: fn(&Path) -> Result<File>,
    fill: impl FnOnce(&mut File) -> Result<()>,
) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let mut f = create(&tmp)?;
    let written = fill(&mut f)
        .and_then(|()| Ok(f.sync_all()?))
        .explain(|| t!(lang::files::CANNOT_WRITE, tmp.display().to_string()));
    drop(f);
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    super::fault::point("atomic-file-synced");
    replace(&tmp, path).explain(|| t!(lang::files::CANNOT_REPLACE, path.display().to_string()))?;
    sync_dir(dir)
}

/// Renames `from` over `to`. On Windows a file another process holds open for a moment
/// (a reader of the manifest, an antivirus scan) refuses to be replaced with "access
/// denied": tried again for up to a second before that is the answer.
pub fn replace(from: &Path, to: &Path) -> std::io::Result<()> {
    let mut tries = 0;
    loop {
        match fs::rename(from, to) {
            Err(e)
                if cfg!(windows)
                    && e.kind() == std::io::ErrorKind::PermissionDenied
                    && tries < 20 =>
            {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            done => return done,
        }
    }
}
