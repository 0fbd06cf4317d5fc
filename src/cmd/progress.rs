//! The ingest's progress bar: on a terminal only, and only once an ingest has taken
//! more than a second (a small file finishes before a bar would be worth drawing).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::ingest::Progress;
use crate::lang::{cmd as msg, Lang};
use crate::t;
use crate::term::Voice;

pub(super) struct Bar {
    enabled: bool,
    lang: Lang,
    delay: Duration,
    state: Mutex<Option<State>>,
}

struct State {
    bar: ProgressBar,
    started: Instant,
    shown: bool,
}

impl Bar {
    /// A bar on stderr when it is a terminal and --quiet was not given.
    pub(super) fn new(voice: Voice) -> Bar {
        // The delay can be shortened for the tests that check the bar on a terminal.
        let delay = std::env::var("TALLY_PROGRESS_DELAY_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .map(Duration::from_millis)
            .unwrap_or(Duration::from_secs(1));
        Bar {
            enabled: voice.watched(),
            lang: voice.lang,
            delay,
            state: Mutex::new(None),
        }
    }
}

impl Progress for Bar {
    fn start(&self, file: &str, bytes: u64) {
        if !self.enabled {
            return;
        }
        let bar = ProgressBar::with_draw_target(Some(bytes), ProgressDrawTarget::hidden());
        let style = ProgressStyle::with_template(
            "{prefix} [{bar:30}] {binary_bytes}/{binary_total_bytes} {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
        bar.set_style(style);
        bar.set_prefix(file.to_string());
        if let Ok(mut s) = self.state.lock() {
            *s = Some(State {
                bar,
                started: Instant::now(),
                shown: false,
            });
        }
    }

    fn advance(&self, bytes: u64, rows: u64) {
        let Ok(mut guard) = self.state.lock() else {
            return;
        };
        let Some(s) = guard.as_mut() else { return };
        let elapsed = s.started.elapsed();
        if !s.shown {
            if elapsed < self.delay {
                return;
            }
            s.bar.set_draw_target(ProgressDrawTarget::stderr());
            s.shown = true;
        }
        let rate = rows as f64 / elapsed.as_secs_f64().max(1e-3);
        s.bar.set_position(bytes);
        let rate = format!("{rate:.0}");
        s.bar
            .set_message(t!(msg::PROGRESS_ROWS, rows, rate).render(self.lang));
    }

    fn finish(&self) {
        if let Ok(mut guard) = self.state.lock() {
            if let Some(s) = guard.take() {
                s.bar.finish_and_clear();
            }
        }
    }
}
