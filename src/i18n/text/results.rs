//! The Evaluate view's words: the test figures, the lesson under them, training against test
//! accuracy and what the gap means, the confusion matrix, the per-class scores and the ROC curve.
//!
//! Two choices are made here rather than in the page, so that they are tested natively: the
//! sentence for a [`Generalisation`] ([`Results::verdict`]) and the reading of an area under the
//! ROC curve ([`Results::roc_reading`]).

use crate::nn::Generalisation;

catalogue! {
    /// The Evaluate view.
    Results {
        /// The view's heading.
        title: "Evaluate" | "评估",
        /// Before the run is evaluated.
        /// Over results whose set-up has changed since (they stay, dimmed, until the next run).
        stale: "From the previous set-up: train again to see this one's results." | "这是上一套设置的结果：重新训练即可看到当前设置的结果。",
        waiting: "When training ends, the model is tested on the 20% of rows it never saw." | "训练结束后，模型会在它从未见过的 20% 的样本上接受测试。",
        /// Accuracy on the test rows.
        test_accuracy: "Test accuracy" | "测试集准确率",
        /// Loss on the test rows.
        test_loss: "Test loss" | "测试集损失",
        /// Accuracy on the training rows.
        train_accuracy: "Training accuracy" | "训练集准确率",
        /// The lesson's lead for the seed example's random labels (ends with its own space in English).
        seed_lead: "Why about 50%? " | "为什么只有 50% 左右？",
        /// The lesson for random labels.
        seed_lesson: "The labels are coin flips, unrelated to the features. A network can memorise the rows it trains on, but nothing carries over to rows it has not seen, so held-out accuracy stays at chance. The article this lab comes from printed 68.6% here; that cannot happen. Data quality decides what a model can learn." | "这些标签是抛硬币得来的，与特征毫无关系。网络可以记住它训练过的样本，但记住的东西无法迁移到它没见过的样本上，所以留出数据上的准确率停在随机水平。本实验所依据的文章在这里给出了 68.6%，这是不可能的。数据质量决定了模型能学到什么。",
        /// The lesson's lead for data with flipped labels.
        noise_lead: "Data quality sets the ceiling. " | "数据质量决定上限。",
        /// The lesson for flipped labels (`{flipped}` and `{ceiling}`: whole percentages).
        noise_lesson: "{flipped}% of the labels were flipped at random, so even a perfect model is wrong about that share of the test rows: held-out accuracy cannot rise much above {ceiling}%." | "有 {flipped}% 的标签被随机翻转，所以即使是完美的模型，也会在这么多测试样本上出错：留出数据上的准确率不可能明显高于 {ceiling}%。",
        /// The lesson's lead for a file's data.
        file_lead: "Held out, honestly. " | "如实留出。",
        /// The lesson for a file's data.
        file_lesson: "The test rows were split off before training and scaled with the training rows' statistics only, so these figures are what to expect on new rows like them." | "测试样本在训练之前就已划出，并且只用训练样本的统计量做归一化，所以这些数字就是在类似的新数据上可以期待的表现。",
        /// The lesson's lead for generated data with structure.
        structure_lead: "Structure is learned. " | "结构是可以学到的。",
        /// The lesson for generated data with structure.
        structure_lesson: "These labels follow from the features, so what the network learned on the training rows carries over to rows it has not seen. Compare with the random labels of the seed example." | "这些标签由特征决定，所以网络在训练样本上学到的东西能迁移到它没见过的样本上。可以对照原文示例中的随机标签。",
        /// The heading of the two accuracy bars.
        pair_title: "Training rows against test rows" | "训练样本与测试样本对比",
        /// The bar of the training rows.
        bar_train: "Training" | "训练集",
        /// The bar of the test rows.
        bar_test: "Test" | "测试集",
        /// The chance mark's hover text.
        chance: "chance" | "随机水平",
        /// Under the bars (`{chance}`: a whole percentage).
        chance_note: "The dashed mark is chance: {chance}%, always guessing the commonest class." | "虚线标记是随机水平：{chance}%，即总是猜最常见的类别。",
        /// Verdict: high on the training rows, chance on the test rows.
        memorised: "The model memorised the training rows: test accuracy is at chance. Data quality decides what a model can learn." | "模型记住了训练样本：测试集准确率只在随机水平。数据质量决定了模型能学到什么。",
        /// Verdict: clearly better on the training rows.
        overfits: "The model does clearly better on the rows it trained on than on new ones: it overfits. More data, fewer epochs or a smaller model narrow the gap." | "模型在训练过的样本上明显比在新样本上表现好：它过拟合了。更多的数据、更少的轮次或更小的模型都能缩小这个差距。",
        /// Verdict: neither above chance.
        at_chance: "Neither figure is above chance: the model found nothing in these features that predicts the label." | "两个数字都没有超过随机水平：模型没能在这些特征中找到任何能预测标签的东西。",
        /// Verdict: close, and above chance.
        generalises: "Training and test accuracy are close: what the model learned carries over to rows it has not seen." | "训练集和测试集的准确率很接近：模型学到的东西能迁移到它没见过的样本上。",
        /// Too few test rows for a verdict: `{rows}` of them, `{margin}` the 95% interval's half-width in points.
        too_few_test_rows: "Only {rows} test rows: the test accuracy is known to ±{margin} points, too loosely to say whether the model learned, memorised or guessed. Hold out more rows (a larger test share, or more data) to judge." | "测试集只有 {rows} 个样本：测试准确率的误差范围是 ±{margin} 个百分点，不足以判断模型是学会了、记住了还是在猜。请留出更多样本（更大的测试集比例或更多数据）再下结论。",
        /// The confusion matrix' caption.
        confusion_caption: "Confusion matrix of the {rows} test rows" | "{rows} 个测试样本的混淆矩阵",
        /// The confusion matrix' column heading: the predicted class.
        predicted: "predicted" | "预测",
        /// The confusion matrix' row heading: the true class.
        actual: "true" | "真实",
        /// The scores table's caption.
        scores_caption: "Per class, on the test rows" | "各类别在测试样本上的指标",
        /// Column: the class.
        class: "class" | "类别",
        /// Column: precision.
        precision: "precision" | "精确率",
        /// Column: recall.
        recall: "recall" | "召回率",
        /// Column: F1.
        f1: "F1" | "F1 值",
        /// Column: how many test rows of the class.
        support: "rows" | "样本数",
        /// Row: the macro average.
        macro_avg: "macro avg" | "宏平均",
        /// The ROC chart's x axis.
        roc_x: "false positive rate" | "假正例率",
        /// The ROC chart's y axis.
        roc_y: "true positive rate" | "真正例率",
        /// Reading of an AUC of exactly 1.
        roc_perfect: "it ranks every positive row above every negative one" | "它把每个正例样本都排在每个负例样本之前",
        /// Reading of an AUC of 0.9 or more, below 1.
        roc_excellent: "it ranks almost every positive row above every negative one" | "它几乎把每个正例样本都排在每个负例样本之前",
        /// Reading of an AUC from 0.7.
        roc_good: "it ranks most positive rows above negative ones" | "它把大多数正例样本排在负例样本之前",
        /// Reading of an AUC above 0.6.
        roc_fair: "it ranks positives above negatives a little better than chance" | "它把正例排在负例之前，只比随机略好",
        /// Reading of an AUC of 0.6 or less.
        roc_chance: "no better than chance, the diagonal" | "不比随机猜测好，与对角线相当",
        /// The ROC chart for screen readers (`{auc}` to three decimals, `{reading}` one of the readings).
        roc_label: "ROC curve of the test rows: area under the curve {auc}; {reading}." | "测试样本的 ROC 曲线：曲线下面积为 {auc}；{reading}。",
        /// The area under the curve, in bold under the chart.
        auc: "AUC {auc}" | "AUC {auc}",
        /// After it (`{reading}` one of the readings).
        roc_caption: ": {reading}. The dashed diagonal is guessing." | "：{reading}。虚线对角线代表随机猜测。",
    }
}

impl Results {
    /// What the gap between training and test accuracy means, in a sentence.
    pub fn verdict(&self, g: Generalisation) -> &'static str {
        match g {
            Generalisation::Memorised => self.memorised,
            Generalisation::Overfits => self.overfits,
            Generalisation::Chance => self.at_chance,
            Generalisation::Generalises => self.generalises,
            Generalisation::TooFewTestRows => self.too_few_test_rows,
        }
    }

    /// What an area under the ROC curve says about the ranking of positive and negative rows:
    /// exactly 1, 0.9 and more, 0.7 and more, above 0.6, and the rest (no better than chance).
    pub fn roc_reading(&self, auc: f64) -> &'static str {
        match auc {
            a if a >= 1.0 => self.roc_perfect,
            a if a >= 0.9 => self.roc_excellent,
            a if a >= 0.7 => self.roc_good,
            a if a > 0.6 => self.roc_fair,
            _ => self.roc_chance,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Generalisation; 5] = [
        Generalisation::Memorised,
        Generalisation::Overfits,
        Generalisation::Chance,
        Generalisation::Generalises,
        Generalisation::TooFewTestRows,
    ];

    #[test]
    fn each_verdict_has_its_own_sentence_in_both_languages() {
        for t in [&Results::EN, &Results::ZH] {
            let mut sentences: Vec<&str> = ALL.iter().map(|&g| t.verdict(g)).collect();
            sentences.sort();
            sentences.dedup();
            assert_eq!(sentences.len(), ALL.len());
        }
        // The page's end-to-end test reads this one.
        assert!(Results::EN
            .verdict(Generalisation::Memorised)
            .contains("memorised the training rows: test accuracy is at chance"));
        assert!(Results::ZH.verdict(Generalisation::Overfits).contains("过拟合"));
    }

    #[test]
    fn roc_readings_follow_the_thresholds() {
        let t = &Results::EN;
        assert_eq!(t.roc_reading(1.0), t.roc_perfect);
        assert_eq!(t.roc_reading(0.9996), t.roc_excellent);
        assert_eq!(t.roc_reading(0.9), t.roc_excellent);
        assert_eq!(t.roc_reading(0.89), t.roc_good);
        assert_eq!(t.roc_reading(0.7), t.roc_good);
        assert_eq!(t.roc_reading(0.65), t.roc_fair);
        assert_eq!(t.roc_reading(0.6), t.roc_chance);
        assert_eq!(t.roc_reading(0.3), t.roc_chance);
        assert_eq!(Results::ZH.roc_reading(0.95), Results::ZH.roc_excellent);
    }
}
