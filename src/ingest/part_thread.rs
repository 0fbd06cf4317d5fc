//! A roll part written on a thread of its own: the thread that takes the parsed rows
//! in order fills a row group's columns and hands them over full, and they are
//! encoded, compressed and written while it goes on with the next rows; the emptied
//! columns come back to be filled again. At most two row groups wait on the way, so
//! memory stays a few row groups.

use anyhow::Result;
use std::sync::mpsc;
use std::thread::JoinHandle;

use crate::store::part::PartInfo;
use crate::store::roll_group::{Group, RollPartWriter};

pub(super) struct PartThread {
    groups: Option<mpsc::SyncSender<Group>>,
    emptied: mpsc::Receiver<Group>,
    thread: Option<JoinHandle<Result<PartInfo>>>,
}

impl PartThread {
    /// Starts writing `writer` on its own thread.
    pub(super) fn start(writer: RollPartWriter) -> Result<PartThread> {
        let (groups, inbox) = mpsc::sync_channel::<Group>(1);
        let (back, emptied) = mpsc::sync_channel::<Group>(2);
        let thread = std::thread::Builder::new()
            .name("tally-part".into())
            .spawn(move || -> Result<PartInfo> {
                let mut writer = writer;
                for mut group in inbox {
                    writer.write(&group)?;
                    group.clear();
                    let _ = back.try_send(group);
                }
                writer.finish()
            })?;
        Ok(PartThread {
            groups: Some(groups),
            emptied,
            thread: Some(thread),
        })
    }

    /// Empty columns for the next row group: one written before, or new ones.
    pub(super) fn empty_group(&self) -> Group {
        self.emptied.try_recv().unwrap_or_default()
    }

    /// Hands a full group over; the error of the writing thread if it has stopped.
    pub(super) fn write(&mut self, group: Group) -> Result<()> {
        if group.is_empty() {
            return Ok(());
        }
        let sent = match &self.groups {
            Some(tx) => tx.send(group).is_ok(),
            None => false,
        };
        if sent {
            Ok(())
        } else {
            // The thread stopped: it failed, and says why.
            self.join().and(Err(anyhow::anyhow!(
                "internal error: the part writer stopped"
            )))
        }
    }

    /// Waits for every group to be written and the part to be finished.
    pub(super) fn finish(mut self) -> Result<PartInfo> {
        self.join()
    }

    fn join(&mut self) -> Result<PartInfo> {
        self.groups = None;
        match self.thread.take() {
            Some(t) => match t.join() {
                Ok(r) => r,
                Err(_) => anyhow::bail!("the part writer failed"),
            },
            None => anyhow::bail!("internal error: the part writer was already finished"),
        }
    }
}

impl Drop for PartThread {
    /// A part given up (the ingest failed): its thread is finished before the staged
    /// files are removed.
    fn drop(&mut self) {
        if self.thread.is_some() {
            let _ = self.join();
        }
    }
}
