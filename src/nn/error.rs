//! Errors of the engine: each says where and what, as a sentence a user can act on, in English
//! (`Display`) and in Chinese ([`Localize::zh`], beside it).

use std::fmt;

use crate::i18n::{Bilingual, Localize};

/// What can go wrong building, training or evaluating a model.
#[derive(Debug, Clone, PartialEq)]
pub enum NnError {
    /// The data has another number of features than the model's input.
    FeatureCount {
        /// Features the model takes.
        expected: usize,
        /// Features the data has.
        got: usize,
    },
    /// Features and labels have different numbers of rows.
    RowMismatch {
        /// Rows of features.
        features: usize,
        /// Rows of labels.
        labels: usize,
    },
    /// The labels have another width than the model's output and the loss need.
    LabelWidth {
        /// Columns the loss needs for the last layer.
        expected: usize,
        /// Columns of the labels.
        got: usize,
        /// The loss.
        loss: &'static str,
    },
    /// A label is outside what the loss accepts.
    LabelOutOfRange {
        /// Row of the label, from 0.
        row: usize,
        /// The value found.
        value: f32,
        /// The loss that refuses it.
        loss: &'static str,
        /// What the loss accepts.
        accepts: Bilingual,
    },
    /// A feature is NaN or infinite.
    NonFiniteFeature {
        /// Row, from 0.
        row: usize,
        /// Column, from 0.
        column: usize,
    },
    /// The loss does not suit the output layer.
    LossMisfit {
        /// The loss.
        loss: &'static str,
        /// Why, and what to change.
        reason: Bilingual,
    },
    /// Nothing to train on.
    NoRows,
    /// The model has no layers, or a layer with no units.
    EmptyModel,
    /// A training option is out of range.
    BadOption {
        /// The Keras name of the option.
        name: &'static str,
        /// Why it is refused.
        reason: Bilingual,
    },
    /// The loss or a weight became NaN or infinite (Keras' `TerminateOnNaN`).
    Diverged {
        /// Epoch, from 1.
        epoch: usize,
        /// Batch within the epoch, from 1.
        batch: usize,
    },
}

impl fmt::Display for NnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NnError::FeatureCount { expected, got } => write!(f, "expected {expected} features, got {got}"),
            NnError::RowMismatch { features, labels } => {
                write!(f, "features have {features} rows but labels have {labels}: they must match")
            }
            NnError::LabelWidth { expected, got, loss } => {
                write!(f, "with this last layer, {loss} needs labels of {expected} columns, but they have {got}")
            }
            NnError::LabelOutOfRange { row, value, loss, accepts } => {
                write!(f, "label {value} in row {} is outside what {loss} accepts ({accepts})", row + 1)
            }
            NnError::NonFiniteFeature { row, column } => {
                write!(f, "feature {} of row {} is not a finite number", column + 1, row + 1)
            }
            NnError::LossMisfit { loss: _, reason } => write!(f, "{reason}"),
            NnError::NoRows => write!(f, "there are no rows to train on"),
            NnError::EmptyModel => write!(f, "the model needs at least one Dense layer with at least one unit"),
            NnError::BadOption { name, reason } => write!(f, "{name}: {reason}"),
            NnError::Diverged { epoch, batch } => write!(
                f,
                "training diverged: the loss or a weight became NaN or infinite at epoch {epoch}, batch {batch}; \
                 try a smaller learning rate"
            ),
        }
    }
}

impl Localize for NnError {
    fn zh(&self) -> String {
        match self {
            NnError::FeatureCount { expected, got } => format!("应有 {expected} 个特征，实际有 {got} 个"),
            NnError::RowMismatch { features, labels } => {
                format!("特征有 {features} 行，标签却有 {labels} 行：两者必须一致")
            }
            NnError::LabelWidth { expected, got, loss } => {
                format!("对这样的最后一层，{loss} 需要 {expected} 列的标签，但标签有 {got} 列")
            }
            NnError::LabelOutOfRange { row, value, loss, accepts } => {
                format!("第 {} 行的标签 {value} 超出了 {loss} 接受的范围（{}）", row + 1, accepts.zh)
            }
            NnError::NonFiniteFeature { row, column } => {
                format!("第 {} 行的第 {} 个特征不是有限的数", row + 1, column + 1)
            }
            NnError::LossMisfit { loss: _, reason } => reason.zh.clone(),
            NnError::NoRows => "没有可以训练的数据行".to_string(),
            NnError::EmptyModel => "模型至少需要一个 Dense 层，且其中至少有一个单元".to_string(),
            NnError::BadOption { name, reason } => format!("{name}：{}", reason.zh),
            NnError::Diverged { epoch, batch } => format!(
                "训练发散了：在第 {epoch} 轮第 {batch} 批，损失或某个权重变成了 NaN 或无穷大；请试试更小的学习率"
            ),
        }
    }
}

impl std::error::Error for NnError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check::assert_bilingual;

    #[test]
    fn every_error_says_itself_in_chinese_with_the_same_figures() {
        let all = [
            NnError::FeatureCount { expected: 10, got: 9 },
            NnError::RowMismatch { features: 800, labels: 799 },
            NnError::LabelWidth { expected: 3, got: 1, loss: "categorical_crossentropy" },
            NnError::LabelOutOfRange {
                row: 41,
                value: 7.0,
                loss: "sparse_categorical_crossentropy",
                accepts: Bilingual::new("class ids 0 to 2", "0 到 2 的类别编号"),
            },
            NnError::NonFiniteFeature { row: 4, column: 2 },
            NnError::LossMisfit {
                loss: "binary_crossentropy",
                reason: Bilingual::new("binary_crossentropy needs 2 units", "binary_crossentropy 需要 2 个单元"),
            },
            NnError::NoRows,
            NnError::EmptyModel,
            NnError::BadOption { name: "epochs", reason: Bilingual::new("must be at least 1", "至少为 1") },
            NnError::Diverged { epoch: 3, batch: 17 },
        ];
        for error in &all {
            assert_bilingual(error);
        }
        assert_eq!(all[4].zh(), "第 5 行的第 3 个特征不是有限的数");
        assert_eq!(all[4].to_string(), "feature 3 of row 5 is not a finite number");
    }
}
