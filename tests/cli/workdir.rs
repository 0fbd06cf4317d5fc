//! A temporary working directory with fixtures and a store, and a runner for the binary.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub(crate) struct Workdir {
    _tmp: tempfile::TempDir,
    pub dir: PathBuf,
}

pub(crate) struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Panics with the transcript unless the exit code is `code`.
    pub(crate) fn expect(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// Members by commune code, as a report's CSV gives them.
pub(crate) type Members = std::collections::BTreeMap<String, String>;

pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

impl Workdir {
    pub(crate) fn new() -> Workdir {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().to_path_buf();
        Workdir { _tmp: tmp, dir }
    }

    pub(crate) fn store(&self) -> PathBuf {
        self.dir.join("store")
    }

    /// Copies fixtures into the work dir (so their names are short in messages).
    pub(crate) fn with(self, names: &[&str]) -> Workdir {
        for n in names {
            fs::copy(fixture(n), self.dir.join(n)).expect("copy fixture");
        }
        self
    }

    pub(crate) fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.join(name);
        fs::write(&p, bytes).expect("write file");
        p
    }

    pub(crate) fn read(&self, name: &str) -> String {
        fs::read_to_string(self.dir.join(name)).expect("read file")
    }

    pub(crate) fn tally(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_tally"))
            .current_dir(&self.dir)
            .env("TALLY_STORE", self.store())
            // Every locale variable tally reads: a test sets what it needs.
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .env_remove("LANG")
            .args(args)
            .output()
            .expect("run tally");
        Run::from(out)
    }

    /// Runs tally in the folder `cwd` of the work directory with no TALLY_STORE: the
    /// arguments name the store (`--store .` for a working folder).
    pub(crate) fn tally_in(&self, cwd: &str, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_tally"))
            .current_dir(self.dir.join(cwd))
            .env_remove("TALLY_STORE")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .env_remove("LANG")
            .args(args)
            .output()
            .expect("run tally");
        Run::from(out)
    }

    /// Converts the file `from` of the work directory with LibreOffice (`soffice
    /// --convert-to TO`, a profile of its own) into the folder `out`, which it returns.
    pub(crate) fn soffice_convert(&self, from: &str, to: &str, out: &str) -> PathBuf {
        let dir = self.dir.join(out);
        let status =
            Command::new(std::env::var("TALLY_SOFFICE").unwrap_or_else(|_| "soffice".into()))
                .arg(format!(
                    "-env:UserInstallation=file://{}",
                    self.dir.join("lo-profile").display()
                ))
                .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
                .arg(&dir)
                .arg(self.dir.join(from))
                .output()
                .expect("run soffice (LibreOffice): apt-get install libreoffice-calc-nogui");
        assert!(status.status.success(), "{status:?}");
        dir
    }

    /// Every file of `data-samples/` ingested in one command, as the quick start does.
    pub(crate) fn with_samples(self) -> Workdir {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data-samples");
        let mut files: Vec<String> = fs::read_dir(&dir)
            .expect("data-samples/")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "csv" || e == "xlsx"))
            .map(|p| p.display().to_string())
            .collect();
        files.sort();
        let mut args = vec!["ingest"];
        args.extend(files.iter().map(String::as_str));
        self.tally(&args).expect(0);
        self
    }

    /// The reference files every roll test needs.
    pub(crate) fn with_reference(self) -> Workdir {
        let w = self.with(&[
            "areas.csv",
            "enterprises.csv",
            "eligible.csv",
            "targets.csv",
        ]);
        w.ingest_reference();
        w
    }

    /// Ingests a youth roll of 31/10/2026 with `--format json`, expecting `code`; the
    /// summary and what was said on stderr.
    pub(crate) fn youth_ingest_json(&self, file: &str, code: i32) -> (serde_json::Value, String) {
        let run = self
            .tally(&[
                "ingest",
                file,
                "--org",
                "youth",
                "--as-of",
                "31/10/2026",
                "--format",
                "json",
            ])
            .expect(code);
        let v = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
        (v, run.stderr)
    }

    /// Ingests the four reference files of the work directory.
    pub(crate) fn ingest_reference(&self) {
        self.tally(&[
            "ingest",
            "areas.csv",
            "enterprises.csv",
            "eligible.csv",
            "targets.csv",
        ])
        .expect(0);
    }

    /// The reference files and the clean youth roll of 31/10/2026 (5 rows).
    pub(crate) fn with_youth_roll(self) -> Workdir {
        let w = self.with_reference().with(&["roll_youth_clean.csv"]);
        w.tally(&[
            "ingest",
            "roll_youth_clean.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
        ])
        .expect(0);
        w
    }

    /// Holds the store's lock exclusively, as a writer at work would, until the file
    /// is dropped (closed, as a process's exit closes it: wine refuses to unlock a
    /// whole-file lock explicitly, which tally never does).
    pub(crate) fn hold_lock(&self) -> fs::File {
        let lock = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(self.store().join("lock"))
            .expect("open the store lock");
        lock.lock().expect("lock the store");
        lock
    }

    pub(crate) fn manifest(&self) -> String {
        fs::read_to_string(self.store().join("manifest.json")).unwrap_or_default()
    }

    /// The manifest's record of the store's first roll ingest.
    pub(crate) fn roll_record(&self) -> serde_json::Value {
        let m: serde_json::Value = serde_json::from_str(&self.manifest()).expect("manifest");
        m["ingests"]
            .as_array()
            .expect("ingests")
            .iter()
            .find(|i| i["kind"] == "roll")
            .expect("a roll ingest")
            .clone()
    }

    pub(crate) fn status_json(&self) -> serde_json::Value {
        let run = self.tally(&["status", "--format", "json"]).expect(0);
        serde_json::from_str(&run.stdout).expect("status json")
    }

    /// How many roll parts (Parquet files under `rolls/`) the store holds.
    pub(crate) fn roll_parts(&self) -> usize {
        self.store_files()
            .into_iter()
            .filter(|p| {
                p.extension().is_some_and(|e| e == "parquet")
                    && p.to_string_lossy().contains("rolls")
            })
            .count()
    }

    /// Every file under the store, recursively.
    pub(crate) fn store_files(&self) -> Vec<PathBuf> {
        fn walk(p: &Path, out: &mut Vec<PathBuf>) {
            if let Ok(rd) = fs::read_dir(p) {
                for e in rd.flatten() {
                    let path = e.path();
                    out.push(path.clone());
                    if path.is_dir() {
                        walk(&path, out);
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.store(), &mut out);
        out
    }

    /// The October 2026 report's tidy CSV row (with `args`) whose text holds `key`
    /// (`",youth,total,all,"`), cut into its cells.
    pub(crate) fn report_row(&self, args: &[&str], key: &str) -> Vec<String> {
        let mut all = vec!["report", "--period", "2026-10", "--format", "csv"];
        all.extend_from_slice(args);
        let csv = self.tally(&all).expect(0).stdout;
        csv.lines()
            .find(|l| l.contains(key))
            .unwrap_or_else(|| panic!("no {key} in\n{csv}"))
            .split(',')
            .map(str::to_string)
            .collect()
    }

    /// `members` of `org` in each commune in the report of `period`, by code, and the
    /// report's CSV (for messages).
    pub(crate) fn commune_members(&self, org: &str, period: &str) -> (Members, String) {
        let args = [
            "report", "--period", period, "--org", org, "--by", "commune", "--format", "csv",
        ];
        let csv = self.tally(&args).expect(0).stdout;
        let members = (csv.lines().map(|l| l.split(',').collect::<Vec<_>>()))
            .filter(|c| c.len() > 4 && c[1] == org && c[2] == "commune")
            .map(|c| (c[3].to_string(), c[4].to_string()))
            .collect();
        (members, csv)
    }

    /// Rows of the one snapshot of `org`, from status.
    pub(crate) fn snapshot_rows(&self, org: &str) -> Option<u64> {
        let s = self.status_json();
        s["snapshots"]
            .as_array()?
            .iter()
            .find(|x| x["org"] == org)
            .and_then(|x| x["rows"].as_u64())
    }
}
