//! Does the model's output fit the data's task? Checked before training, so the page can say
//! what to change instead of the fit failing later.
//!
//! | task | output layer | loss |
//! |---|---|---|
//! | binary | `Dense(1, sigmoid)` | `binary_crossentropy` (or `mean_squared_error`, the seed's section 4.2) |
//! | binary | `Dense(2, softmax)` | `sparse_categorical_crossentropy` or `categorical_crossentropy` |
//! | `k` classes | `Dense(k, softmax)` | `sparse_categorical_crossentropy` or `categorical_crossentropy` |
//! | regression | `Dense(1)`, not softmax | `mean_squared_error` |
//!
//! Layers are named as `model.summary()` names them: `dense`, `dense_1`, ….

use crate::data::Task;
use crate::i18n::{Bilingual, Lang};
use crate::nn::{Activation, DenseConfig, Loss};

/// The name `model.summary()` gives layer `i` (from 0).
pub fn layer_name(i: usize) -> String {
    if i == 0 {
        "dense".to_string()
    } else {
        format!("dense_{i}")
    }
}

/// Why `layers` and `loss` do not fit data of `task` with `classes` classes, as a sentence naming
/// the layer or the loss and what would fit, in English and Chinese; `None` when they fit.
///
/// ```
/// use mlp_lab::data::Task;
/// use mlp_lab::nn::{Activation, DenseConfig, Loss};
/// use mlp_lab::setup::output_misfit;
/// let out = DenseConfig { units: 1, activation: Activation::Sigmoid, ..Default::default() };
/// assert_eq!(output_misfit(&[out.clone()], Loss::BinaryCrossentropy, Task::Binary, 2), None);
/// let why = output_misfit(&[out], Loss::BinaryCrossentropy, Task::MultiClass, 3).unwrap();
/// assert!(why.en.starts_with("the output layer dense has 1 unit"));
/// assert!(why.zh.starts_with("输出层 dense 有 1 个单元"));
/// ```
pub fn output_misfit(layers: &[DenseConfig], loss: Loss, task: Task, classes: usize) -> Option<Bilingual> {
    if let Some(i) = layers.iter().position(|l| l.units == 0) {
        let name = layer_name(i);
        return Some(Bilingual::new(
            format!("layer {name} has 0 units: give it at least 1"),
            format!("层 {name} 有 0 个单元：至少给它 1 个"),
        ));
    }
    let Some(last) = layers.last() else {
        return Some(Bilingual::new(
            "the model has no layers: add a Dense layer",
            "模型没有任何层：请添加一个 Dense 层",
        ));
    };
    let name = layer_name(layers.len() - 1);
    let (units, activation) = (last.units, last.activation);
    let act = activation.keras_name();
    let plural = if units == 1 { "unit" } else { "units" };
    let has = Bilingual::new(
        format!("the output layer {name} has {units} {plural} with {act}"),
        format!("输出层 {name} 有 {units} 个单元，激活函数为 {act}"),
    );
    let loss_name = loss.keras_name();
    let categorical = matches!(loss, Loss::CategoricalCrossentropy | Loss::SparseCategoricalCrossentropy);
    let want = match task {
        Task::Binary => "Dense(1, activation='sigmoid') with binary_crossentropy".to_string(),
        Task::MultiClass => format!("Dense({classes}, activation='softmax') with sparse_categorical_crossentropy"),
        Task::Regression => "Dense(1, activation='linear') with mean_squared_error".to_string(),
    };
    // The code is Keras' in both languages; only "with" is said in Chinese.
    let want = Bilingual::new(want.clone(), want.replace(" with ", " 配 "));
    let data = match task {
        Task::Binary => Bilingual::new("the data has two classes", "数据有两个类别"),
        Task::MultiClass => {
            Bilingual::new(format!("the data has {classes} classes"), format!("数据有 {classes} 个类别"))
        }
        Task::Regression => Bilingual::new("the label is a number (a regression)", "标签是数值（回归）"),
    };
    let layer_fits = match task {
        Task::Regression => units == 1 && activation != Activation::Softmax,
        Task::MultiClass => units == classes && activation == Activation::Softmax,
        Task::Binary if categorical => units == 2 && activation == Activation::Softmax,
        Task::Binary => units == 1 && activation != Activation::Softmax,
    };
    let loss_fits = match task {
        Task::Regression => loss == Loss::MeanSquaredError,
        Task::MultiClass => categorical,
        Task::Binary => true,
    };
    let problem = if task == Task::Binary && categorical && !layer_fits {
        Some(Bilingual::new(
            format!(
                "{has}, but {loss_name} on two classes needs Dense(2, activation='softmax'); or use {want}",
                has = has.en,
                want = want.en
            ),
            format!(
                "{has}，但两个类别上的 {loss_name} 需要 Dense(2, activation='softmax')；或者改用 {want}",
                has = has.zh,
                want = want.zh
            ),
        ))
    } else {
        let loss_is = Bilingual::new(format!("the loss is {loss_name}"), format!("损失函数是 {loss_name}"));
        let parts: Vec<Bilingual> =
            [(!layer_fits).then_some(has), (!loss_fits).then_some(loss_is)].into_iter().flatten().collect();
        let joined = |lang: Lang, and: &str| parts.iter().map(|p| p.get(lang)).collect::<Vec<_>>().join(and);
        (!parts.is_empty()).then(|| {
            Bilingual::new(
                format!("{}, but {}: use {}", joined(Lang::En, " and "), data.en, want.en),
                format!("{}，但{}：请用 {}", joined(Lang::Zh, "，且"), data.zh, want.zh),
            )
        })
    };
    problem.or_else(|| {
        loss.misfit(activation, units)
            .map(|why| Bilingual::new(format!("the loss {}", why.en), format!("损失函数 {}", why.zh)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dense(units: usize, activation: Activation) -> DenseConfig {
        DenseConfig { units, activation, ..Default::default() }
    }

    fn check(units: usize, activation: Activation, loss: Loss, task: Task, classes: usize) -> Option<Bilingual> {
        output_misfit(&[dense(64, Activation::Relu), dense(units, activation)], loss, task, classes)
    }

    #[test]
    fn what_fits_each_task() {
        use Activation::*;
        let fits = [
            (1, Sigmoid, Loss::BinaryCrossentropy, Task::Binary, 2),
            (1, Sigmoid, Loss::MeanSquaredError, Task::Binary, 2),
            (2, Softmax, Loss::SparseCategoricalCrossentropy, Task::Binary, 2),
            (3, Softmax, Loss::SparseCategoricalCrossentropy, Task::MultiClass, 3),
            (4, Softmax, Loss::CategoricalCrossentropy, Task::MultiClass, 4),
            (1, Linear, Loss::MeanSquaredError, Task::Regression, 0),
            (1, Relu, Loss::MeanSquaredError, Task::Regression, 0),
        ];
        for (units, act, loss, task, classes) in fits {
            assert_eq!(check(units, act, loss, task, classes), None, "{units} {act:?} {loss:?} {task:?}");
        }
    }

    #[test]
    fn each_misfit_names_the_layer_or_the_loss() {
        use Activation::*;
        let cases = [
            (1, Sigmoid, Loss::SparseCategoricalCrossentropy, Task::MultiClass, 3,
             "the output layer dense_1 has 1 unit with sigmoid, but the data has 3 classes: use Dense(3, activation='softmax') with sparse_categorical_crossentropy"),
            (3, Softmax, Loss::BinaryCrossentropy, Task::MultiClass, 3,
             "the loss is binary_crossentropy, but the data has 3 classes: use Dense(3, activation='softmax') with sparse_categorical_crossentropy"),
            (1, Sigmoid, Loss::BinaryCrossentropy, Task::MultiClass, 3,
             "the output layer dense_1 has 1 unit with sigmoid and the loss is binary_crossentropy, but the data has 3 classes: use Dense(3, activation='softmax') with sparse_categorical_crossentropy"),
            (3, Softmax, Loss::SparseCategoricalCrossentropy, Task::MultiClass, 4,
             "the output layer dense_1 has 3 units with softmax, but the data has 4 classes: use Dense(4, activation='softmax') with sparse_categorical_crossentropy"),
            (1, Linear, Loss::BinaryCrossentropy, Task::Regression, 0,
             "the loss is binary_crossentropy, but the label is a number (a regression): use Dense(1, activation='linear') with mean_squared_error"),
            (3, Softmax, Loss::SparseCategoricalCrossentropy, Task::Binary, 2,
             "the output layer dense_1 has 3 units with softmax, but sparse_categorical_crossentropy on two classes needs Dense(2, activation='softmax'); or use Dense(1, activation='sigmoid') with binary_crossentropy"),
            (2, Sigmoid, Loss::BinaryCrossentropy, Task::Binary, 2,
             "the output layer dense_1 has 2 units with sigmoid, but the data has two classes: use Dense(1, activation='sigmoid') with binary_crossentropy"),
        ];
        for (units, act, loss, task, classes, message) in cases {
            let why = check(units, act, loss, task, classes).expect("a misfit");
            assert_eq!(why.en, message);
            crate::i18n::check::assert_bilingual(&why);
        }
        // What the engine refuses on its own is said too: binary cross-entropy after a linear unit fits
        // the shapes, so it is allowed (Keras allows it); an empty model or a 0-unit layer is not.
        let empty = output_misfit(&[], Loss::MeanSquaredError, Task::Regression, 0).unwrap();
        assert_eq!(empty.en, "the model has no layers: add a Dense layer");
        let zero = output_misfit(&[dense(0, Relu), dense(1, Sigmoid)], Loss::BinaryCrossentropy, Task::Binary, 2);
        assert_eq!(zero.as_ref().unwrap().en, "layer dense has 0 units: give it at least 1");
        assert_eq!(
            check(1, Sigmoid, Loss::BinaryCrossentropy, Task::MultiClass, 3).unwrap().zh,
            "输出层 dense_1 有 1 个单元，激活函数为 sigmoid，且损失函数是 binary_crossentropy，但数据有 3 个类别：\
             请用 Dense(3, activation='softmax') 配 sparse_categorical_crossentropy"
        );
        for why in [empty, zero.unwrap()] {
            crate::i18n::check::assert_bilingual(&why);
        }
    }
}
