//! The README's cron lines, run as cron runs them (a shell, `\%` unescaped, on Linux):
//! each file they write is named after the month its report holds. A line that names
//! last month's report after the current month (`$(date +%Y-%m)` on the 1st) fails.

use crate::workdir::Workdir;
use std::path::Path;
use std::process::Command;

/// A crontab line: five schedule fields, then the command.
fn cron_command(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    for _ in 0..5 {
        let (field, after) = rest.split_once(' ')?;
        if field.is_empty() || !field.bytes().all(|b| b"0123456789*,-/".contains(&b)) {
            return None;
        }
        rest = after.trim_start();
    }
    rest.contains("tally ").then_some(rest)
}

/// The files under `dir`, recursively.
fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn the_readme_cron_lines_name_each_file_after_the_month_it_holds() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let commands: Vec<&str> = readme.lines().filter_map(cron_command).collect();
    assert!(commands.len() >= 2, "the README's cron lines: {commands:?}");
    let w = Workdir::new().with_youth_roll();
    let bin = w.dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_tally"), bin.join("tally")).unwrap();
    let out = w.dir.join("srv");
    std::fs::create_dir_all(out.join("bao-cao")).unwrap();
    std::fs::create_dir_all(out.join("tally")).unwrap();
    let store = w.store().display().to_string();
    for command in &commands {
        let command = command
            .replace("\\%", "%")
            .replace("/srv/tally/tally-data", &store)
            .replace("/srv/", &format!("{}/", out.display()));
        let path = format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let run = Command::new("sh")
            .args(["-c", &command])
            .current_dir(&w.dir)
            .env("PATH", path)
            .env("TALLY_STORE", w.store())
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .output()
            .expect("run sh");
        assert!(
            run.status.success(),
            "{command}\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    let written = files(&out);
    assert!(written.len() >= 3, "{written:?}");
    for file in written {
        let month = file.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&file).unwrap();
        match file.extension().and_then(|e| e.to_str()) {
            Some("csv") => {
                let period = text.lines().nth(1).and_then(|l| l.split(',').next());
                assert_eq!(period, Some(month.as_str()), "{}", file.display());
            }
            Some("html") => {
                // The page says its month the Vietnamese way: 11/2026.
                let (y, m) = month.split_once('-').expect("a file named YYYY-MM");
                assert!(text.contains(&format!("{m}/{y}")), "{}", file.display());
            }
            _ => panic!("a file the cron lines should not write: {}", file.display()),
        }
    }
}
