//! The training log, as Keras 2 prints it.
//!
//! ```text
//! Epoch 1/10
//! 25/25 [==============================] - 0s 1ms/step - loss: 0.6931 - accuracy: 0.5012 - val_loss: 0.6940 - val_accuracy: 0.4950
//! ```
//!
//! While an epoch runs, its line is a live progress bar with an ETA
//! (`12/25 [=============>................] - ETA: 0s - loss: 0.6931 - accuracy: 0.5012`),
//! replaced at each batch as a terminal's `\r` would; the epoch's last batch fixes it.
//! After `evaluate`, the seed document's own `print` adds `Test loss: …, Test accuracy: …`.

use crate::nn::{BatchLogs, EpochLogs};
use crate::protocol::TestLogs;

/// Width of Keras' progress bar.
const BAR_WIDTH: usize = 30;

/// The log of one run: finished lines, and the live line of the running epoch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Console {
    lines: Vec<String>,
    live: Option<String>,
    epochs: usize,
    header_epoch: usize,
}

impl Console {
    /// A new log for a fit of `epochs` epochs.
    pub fn new(epochs: usize) -> Self {
        Self { epochs, ..Default::default() }
    }

    /// Adds `Epoch e/E` when the epoch `epoch` has no header yet.
    fn header(&mut self, epoch: usize) {
        if self.header_epoch != epoch {
            self.header_epoch = epoch;
            self.lines.push(format!("Epoch {epoch}/{}", self.epochs));
        }
    }

    /// A batch ended: the live line shows the bar, the ETA and the running metrics.
    pub fn batch(&mut self, logs: &BatchLogs) {
        self.header(logs.epoch);
        let eta_s = logs.elapsed_ms / 1000.0 / logs.batch as f64 * (logs.steps - logs.batch) as f64;
        self.live = Some(format!(
            "{} - ETA: {}{}",
            progress(logs.batch, logs.steps),
            eta(eta_s),
            metrics(logs.loss, logs.accuracy)
        ));
    }

    /// An epoch ended: its line is fixed, with time, time per step and validation figures.
    pub fn epoch(&mut self, logs: &EpochLogs) {
        self.header(logs.epoch);
        self.live = None;
        let mut line = format!(
            "{}{}{}",
            progress(logs.steps, logs.steps),
            timing(logs.elapsed_ms, logs.steps),
            metrics(logs.loss, logs.accuracy)
        );
        if let Some(loss) = logs.val_loss {
            line += &format!(" - val_loss: {}", figure(loss));
        }
        if let Some(acc) = logs.val_accuracy {
            line += &format!(" - val_accuracy: {acc:.4}");
        }
        self.lines.push(line);
    }

    /// `model.evaluate` ended: its progress line, then the seed's `Test loss: …, Test accuracy: …`.
    pub fn evaluated(&mut self, logs: &TestLogs) {
        self.live = None;
        self.lines.push(format!(
            "{}{}{}",
            progress(logs.steps, logs.steps),
            timing(logs.elapsed_ms, logs.steps),
            metrics(logs.loss, logs.accuracy)
        ));
        self.lines.push(match logs.accuracy {
            Some(acc) => format!("Test loss: {}, Test accuracy: {acc:.4}", figure(logs.loss)),
            None => format!("Test loss: {}", figure(logs.loss)),
        });
    }

    /// Adds a line of its own (for example, that the run was stopped).
    pub fn note(&mut self, line: impl Into<String>) {
        self.live = None;
        self.lines.push(line.into());
    }

    /// The finished lines followed by the live one.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.lines.iter().map(String::as_str).chain(self.live.as_deref())
    }

    /// The whole log as text, a line each.
    pub fn text(&self) -> String {
        self.lines().collect::<Vec<_>>().join("\n")
    }
}

/// `12/25 [=============>................]`, Keras' bar: `=` for each 1/30 done, `>` at the head
/// while running.
pub fn progress(current: usize, target: usize) -> String {
    let width = target.to_string().len();
    let done = (BAR_WIDTH * current.min(target)).checked_div(target).unwrap_or(BAR_WIDTH);
    let mut bar = String::with_capacity(BAR_WIDTH + 2);
    bar.push('[');
    if done > 0 {
        bar.push_str(&"=".repeat(done - 1));
        bar.push(if current < target { '>' } else { '=' });
    }
    bar.push_str(&".".repeat(BAR_WIDTH - done));
    bar.push(']');
    format!("{current:>width$}/{target} {bar}")
}

/// A loss as Keras' progress bar prints it: four decimals, or, where those would say nothing
/// (below 1e-3, as Keras does) or run to dozens of digits (a loss that diverges, from 1e6),
/// scientific notation: `0.6931`, `2.5000e-04`, `6.2173e35`.
pub fn figure(v: f64) -> String {
    let a = v.abs();
    if a != 0.0 && !(1e-3..1e6).contains(&a) && a.is_finite() {
        format!("{v:.4e}")
    } else {
        format!("{v:.4}")
    }
}

/// ` - loss: 0.6931 - accuracy: 0.5012`, without the accuracy for a regression.
fn metrics(loss: f64, accuracy: Option<f64>) -> String {
    match accuracy {
        Some(acc) => format!(" - loss: {} - accuracy: {acc:.4}", figure(loss)),
        None => format!(" - loss: {}", figure(loss)),
    }
}

/// ` - 1s 9ms/step`: total seconds, then the time of a step in the largest unit that is ≥ 1.
fn timing(elapsed_ms: f64, steps: usize) -> String {
    let per_step_s = elapsed_ms / 1000.0 / steps.max(1) as f64;
    let per_step = if per_step_s >= 1.0 {
        format!("{per_step_s:.0}s")
    } else if per_step_s >= 1e-3 {
        format!("{:.0}ms", per_step_s * 1e3)
    } else {
        format!("{:.0}us", per_step_s * 1e6)
    };
    format!(" - {:.0}s {per_step}/step", elapsed_ms / 1000.0)
}

/// Keras' ETA: `7s`, `1:05`, or `1:01:05`.
fn eta(seconds: f64) -> String {
    let s = seconds.max(0.0).round() as u64;
    match s {
        0..=59 => format!("{s}s"),
        60..=3599 => format!("{}:{:02}", s / 60, s % 60),
        _ => format!("{}:{:02}:{:02}", s / 3600, (s % 3600) / 60, s % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_match_keras() {
        assert_eq!(progress(25, 25), "25/25 [==============================]");
        assert_eq!(progress(12, 25), "12/25 [=============>................]");
        assert_eq!(progress(1, 25), " 1/25 [>.............................]");
        assert_eq!(progress(0, 7), "0/7 [..............................]");
    }

    #[test]
    fn huge_and_tiny_losses_read_in_scientific_notation() {
        assert_eq!(figure(0.512_345), "0.5123");
        assert_eq!(figure(0.000_25), "2.5000e-4");
        assert_eq!(figure(621_729_573_567_002_534_357_270_635_290_296_320.0), "6.2173e35");
        assert_eq!(figure(0.0), "0.0000");
    }

    #[test]
    fn timings_pick_their_unit() {
        assert_eq!(timing(900.0, 100), " - 1s 9ms/step");
        assert_eq!(timing(0.6, 25), " - 0s 24us/step");
        assert_eq!(timing(3000.0, 2), " - 3s 2s/step");
        assert_eq!(eta(7.4), "7s");
        assert_eq!(eta(65.0), "1:05");
        assert_eq!(eta(3665.0), "1:01:05");
    }

    #[test]
    fn a_run_reads_like_keras() {
        let mut console = Console::new(2);
        let batch = BatchLogs {
            epoch: 1,
            batch: 12,
            steps: 25,
            loss: 0.69312,
            accuracy: Some(0.5012),
            learning_rate: 0.001,
            elapsed_ms: 1.2,
        };
        console.batch(&batch);
        assert_eq!(
            console.text(),
            "Epoch 1/2\n12/25 [=============>................] - ETA: 0s - loss: 0.6931 - accuracy: 0.5012"
        );
        let epoch = EpochLogs {
            epoch: 1,
            steps: 25,
            loss: 0.69312,
            accuracy: Some(0.50126),
            val_loss: Some(0.694),
            val_accuracy: Some(0.495),
            learning_rate: 0.001,
            elapsed_ms: 25.0,
        };
        console.epoch(&epoch);
        console.epoch(&EpochLogs { epoch: 2, ..epoch });
        console.evaluated(&TestLogs {
            steps: 7,
            loss: 0.69421,
            accuracy: Some(0.505),
            elapsed_ms: 0.2,
            stopped_early: None,
        });
        let expected = [
            "Epoch 1/2",
            "25/25 [==============================] - 0s 1ms/step - loss: 0.6931 - accuracy: 0.5013 - val_loss: 0.6940 - val_accuracy: 0.4950",
            "Epoch 2/2",
            "25/25 [==============================] - 0s 1ms/step - loss: 0.6931 - accuracy: 0.5013 - val_loss: 0.6940 - val_accuracy: 0.4950",
            "7/7 [==============================] - 0s 29us/step - loss: 0.6942 - accuracy: 0.5050",
            "Test loss: 0.6942, Test accuracy: 0.5050",
        ];
        assert_eq!(console.lines().collect::<Vec<_>>(), expected);
    }
}
