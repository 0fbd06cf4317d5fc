//! A roll part written on a thread of its own: the thread that takes the parsed rows
//! in order fills a row group's columns and hands them over full, and they are
//! encoded, compressed and written while it goes on with the next rows. At most two
//! row groups wait on the way, so memory stays a few row groups.

use anyhow::Result;
use std::sync::mpsc;
use std::thread::JoinHandle;

use crate::store::part::{PartInfo, PartWriter};
use crate::store::roll_frame::Builders;

pub struct PartThread {
    batches: Option<mpsc::SyncSender<Builders>>,
    thread: Option<JoinHandle<Result<PartInfo>>>,
    capacity: usize,
}

impl PartThread {
    /// Starts writing `writer` on its own thread; row groups hold `capacity` members.
    pub fn start(writer: PartWriter, capacity: usize) -> Result<PartThread> {
        let (batches, inbox) = mpsc::sync_channel::<Builders>(1);
        let thread = std::thread::Builder::new()
            .name("tally-part".into())
            .spawn(move || -> Result<PartInfo> {
                let mut writer = writer;
                for batch in inbox {
                    writer.write(&batch.finish()?)?;
                }
                writer.finish()
            })?;
        Ok(PartThread {
            batches: Some(batches),
            thread: Some(thread),
            capacity,
        })
    }

    /// Empty columns for the next row group.
    pub fn empty_batch(&self) -> Builders {
        Builders::with_capacity(self.capacity)
    }

    /// Hands a batch over; the error of the writing thread if it has stopped.
    pub fn write(&mut self, batch: Builders) -> Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let sent = match &self.batches {
            Some(tx) => tx.send(batch).is_ok(),
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

    /// Waits for every batch to be written and the part to be finished.
    pub fn finish(mut self) -> Result<PartInfo> {
        self.join()
    }

    fn join(&mut self) -> Result<PartInfo> {
        self.batches = None;
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
