//! Keras' `EarlyStopping` and `ReduceLROnPlateau` callbacks, run at the end of every epoch.
//!
//! Both watch one figure of the epoch's logs (`monitor`), which improves when it falls (`min`
//! mode) or rises (`max`); `auto` picks `max` for accuracies and `min` otherwise, as Keras does.
//!
//! - `EarlyStopping`: an improvement is a change beyond `min_delta` from the best so far. After
//!   `patience` epochs without one, training stops; with `restore_best_weights` the model gets
//!   the best epoch's weights back.
//! - `ReduceLROnPlateau`: after `patience` epochs without an improvement beyond `min_delta`, the
//!   learning rate is multiplied by `factor` (not below `min_lr`), then it waits `cooldown`
//!   epochs before counting again.

use serde::{Deserialize, Serialize};

use super::EpochLogs;

/// A figure of the epoch logs, named as in Keras.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Monitor {
    /// Training loss.
    Loss,
    /// Training accuracy.
    Accuracy,
    /// Validation loss.
    ValLoss,
    /// Validation accuracy.
    ValAccuracy,
}

/// Whether a monitored figure improves by falling or by rising.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// `max` for accuracies, `min` otherwise.
    #[default]
    Auto,
    /// Lower is better.
    Min,
    /// Higher is better.
    Max,
}

impl Monitor {
    /// The figure in `logs`, when the epoch has it.
    pub fn read(self, logs: &EpochLogs) -> Option<f64> {
        match self {
            Monitor::Loss => Some(logs.loss),
            Monitor::Accuracy => logs.accuracy,
            Monitor::ValLoss => logs.val_loss,
            Monitor::ValAccuracy => logs.val_accuracy,
        }
    }

    /// Whether higher is better under `mode`.
    fn maximise(self, mode: Mode) -> bool {
        match mode {
            Mode::Min => false,
            Mode::Max => true,
            Mode::Auto => matches!(self, Monitor::Accuracy | Monitor::ValAccuracy),
        }
    }

    /// Whether `current` beats `best` by more than `min_delta`.
    fn improves(self, mode: Mode, current: f64, best: Option<f64>, min_delta: f64) -> bool {
        match best {
            None => true,
            Some(best) if self.maximise(mode) => current - min_delta.abs() > best,
            Some(best) => current + min_delta.abs() < best,
        }
    }
}

/// Keras' `EarlyStopping`; the defaults are Keras'.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EarlyStopping {
    /// The figure watched. Keras' default: `val_loss`.
    pub monitor: Monitor,
    /// Smallest change that counts as an improvement. Keras' default: 0.
    pub min_delta: f64,
    /// Epochs without improvement before stopping. Keras' default: 0.
    pub patience: usize,
    /// Direction of improvement. Keras' default: `auto`.
    pub mode: Mode,
    /// Give the model the best epoch's weights back when stopping. Keras' default: false.
    pub restore_best_weights: bool,
}

impl Default for EarlyStopping {
    fn default() -> Self {
        Self { monitor: Monitor::ValLoss, min_delta: 0.0, patience: 0, mode: Mode::Auto, restore_best_weights: false }
    }
}

/// Keras' `ReduceLROnPlateau`; the defaults are Keras'.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ReduceLrOnPlateau {
    /// The figure watched. Keras' default: `val_loss`.
    pub monitor: Monitor,
    /// Factor applied to the learning rate. Keras' default: 0.1.
    pub factor: f32,
    /// Epochs without improvement before reducing. Keras' default: 10.
    pub patience: usize,
    /// Direction of improvement. Keras' default: `auto`.
    pub mode: Mode,
    /// Smallest change that counts as an improvement. Keras' default: 1e-4.
    pub min_delta: f64,
    /// Epochs to wait after a reduction. Keras' default: 0.
    pub cooldown: usize,
    /// Lower bound of the learning rate. Keras' default: 0.
    pub min_lr: f32,
}

impl Default for ReduceLrOnPlateau {
    fn default() -> Self {
        Self {
            monitor: Monitor::ValLoss,
            factor: 0.1,
            patience: 10,
            mode: Mode::Auto,
            min_delta: 1e-4,
            cooldown: 0,
            min_lr: 0.0,
        }
    }
}

/// What an early-stopping check decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Go on.
    Continue,
    /// This epoch is the best so far: keep its weights if asked to restore them.
    Best,
    /// Stop now.
    Stop,
}

/// `EarlyStopping`'s running state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EarlyStoppingState {
    best: Option<f64>,
    wait: usize,
    /// The epoch (from 1) whose figure was best.
    pub best_epoch: usize,
}

impl EarlyStopping {
    /// Keras' `on_epoch_end`.
    pub fn check(&self, state: &mut EarlyStoppingState, logs: &EpochLogs) -> Verdict {
        let Some(current) = self.monitor.read(logs) else { return Verdict::Continue };
        state.wait += 1;
        if self.monitor.improves(self.mode, current, state.best, self.min_delta) {
            state.best = Some(current);
            state.best_epoch = logs.epoch;
            state.wait = 0;
            return Verdict::Best;
        }
        if state.wait >= self.patience && logs.epoch > 1 {
            Verdict::Stop
        } else {
            Verdict::Continue
        }
    }
}

/// `ReduceLROnPlateau`'s running state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlateauState {
    best: Option<f64>,
    wait: usize,
    cooldown: usize,
}

impl ReduceLrOnPlateau {
    /// Keras' `on_epoch_end`: the new learning rate, when it changes.
    pub fn check(&self, state: &mut PlateauState, logs: &EpochLogs, lr: f32) -> Option<f32> {
        let current = self.monitor.read(logs)?;
        let in_cooldown = state.cooldown > 0;
        if in_cooldown {
            state.cooldown -= 1;
            state.wait = 0;
        }
        if self.monitor.improves(self.mode, current, state.best, self.min_delta) {
            state.best = Some(current);
            state.wait = 0;
        } else if !in_cooldown {
            state.wait += 1;
            if state.wait >= self.patience && lr > self.min_lr {
                state.cooldown = self.cooldown;
                state.wait = 0;
                return Some((lr * self.factor).max(self.min_lr));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn logs(epoch: usize, val_loss: f64) -> EpochLogs {
        EpochLogs { epoch, val_loss: Some(val_loss), ..Default::default() }
    }

    /// Keras: with patience 2, val_loss 1.0, 0.9, 0.95, 0.92 stops at the 4th epoch, best the 2nd.
    #[test]
    fn early_stopping_waits_patience_epochs() {
        let es = EarlyStopping { patience: 2, ..Default::default() };
        let mut state = EarlyStoppingState::default();
        let verdicts: Vec<Verdict> =
            [1.0, 0.9, 0.95, 0.92].iter().enumerate().map(|(i, &v)| es.check(&mut state, &logs(i + 1, v))).collect();
        assert_eq!(verdicts, [Verdict::Best, Verdict::Best, Verdict::Continue, Verdict::Stop]);
        assert_eq!(state.best_epoch, 2);
    }

    #[test]
    fn min_delta_and_max_mode() {
        let es = EarlyStopping { monitor: Monitor::ValAccuracy, min_delta: 0.01, patience: 1, ..Default::default() };
        let mut state = EarlyStoppingState::default();
        let acc = |epoch, v| EpochLogs { epoch, val_accuracy: Some(v), ..Default::default() };
        assert_eq!(es.check(&mut state, &acc(1, 0.5)), Verdict::Best);
        assert_eq!(es.check(&mut state, &acc(2, 0.505)), Verdict::Stop, "0.005 is below min_delta");
    }

    #[test]
    fn plateau_reduces_then_cools_down() {
        let rl = ReduceLrOnPlateau { patience: 1, cooldown: 1, factor: 0.5, ..Default::default() };
        let mut state = PlateauState::default();
        let mut lr = 0.1;
        let mut changes = Vec::new();
        for (i, v) in [1.0, 1.0, 1.0, 1.0, 1.0].into_iter().enumerate() {
            if let Some(new) = rl.check(&mut state, &logs(i + 1, v), lr) {
                lr = new;
                changes.push(i + 1);
            }
        }
        assert_eq!(changes, [2, 4], "reduce, cool down one epoch, reduce");
        assert!((lr - 0.025).abs() < 1e-9);
    }
}
