//! How many workers train a fit, and why not more ([`Workers`]), in a sentence.

use super::{fill, Text, Words};
use crate::trainer::{OneWorker, Workers};

/// A step's milliseconds, to three significant digits (`0.00812`, `0.574`, `5.56`, `41.2`).
fn ms(v: f64) -> String {
    let decimals = if v <= 0.0 { 0 } else { (2.0 - v.log10().floor()).clamp(0.0, 6.0) as usize };
    format!("{v:.decimals$}")
}

impl Words for OneWorker {
    fn words(&self, text: &'static Text) -> String {
        let t = &text.frame;
        match self {
            OneWorker::NotIsolated => t.one_not_isolated.to_string(),
            OneWorker::OneCore => t.one_core.to_string(),
            OneWorker::HelpersFailed(Some(detail)) => fill(t.one_helpers_failed, &[("detail", detail)]),
            OneWorker::HelpersFailed(None) => t.one_helpers_failed_silently.to_string(),
            OneWorker::HelpersLoading => t.one_helpers_loading.to_string(),
            OneWorker::Layers(layers) => layers.words(text),
            OneWorker::ShortStep { ms: step } => fill(t.one_short_step, &[("ms", &ms(*step))]),
            OneWorker::SmallBatch { rows } => fill(t.one_small_batch, &[("rows", rows)]),
            OneWorker::NoGain { count, steps, speedup } => {
                fill(t.one_no_gain, &[("count", count), ("steps", steps), ("speedup", &format!("{speedup:.2}"))])
            }
        }
    }
}

/// What the page says of `workers`, with the speed-up once a step's time (`ms_per_step`, over
/// the fit so far) is measured.
pub fn workers_words(workers: &Workers, ms_per_step: Option<f64>, text: &'static Text) -> String {
    let t = &text.frame;
    let n = workers.count.to_string();
    match (&workers.one_because, ms_per_step.and_then(|step| workers.speedup(step))) {
        (Some(why), _) => fill(t.workers_one, &[("why", &why.words(text))]),
        (None, Some(speedup)) => fill(t.workers_speedup, &[("n", &n), ("speedup", &format!("{speedup:.2}"))]),
        (None, None) => fill(t.workers_many, &[("n", &n)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check::assert_words;
    use crate::i18n::Lang;
    use crate::nn::ReplicaError;

    #[test]
    fn every_reason_for_one_worker_is_said_in_both_languages() {
        let all = [
            OneWorker::NotIsolated,
            OneWorker::OneCore,
            OneWorker::HelpersFailed(Some("SyntaxError".into())),
            OneWorker::HelpersFailed(None),
            OneWorker::HelpersLoading,
            OneWorker::Layers(ReplicaError::BatchStatistics { layer: 1, class: "BatchNormalization".into() }),
            OneWorker::ShortStep { ms: 0.00812 },
            OneWorker::SmallBatch { rows: 12 },
            OneWorker::NoGain { count: 2, steps: 16, speedup: 0.7 },
        ];
        for why in &all {
            assert_words(why);
        }
        let en = Text::of(Lang::En);
        assert_eq!(
            OneWorker::ShortStep { ms: 0.00812 }.words(en),
            "a step takes 0.00812 ms on one worker, too short for sharing it out to pay"
        );
    }

    #[test]
    fn several_workers_say_how_much_faster_once_measured() {
        let (en, zh) = (Text::of(Lang::En), Text::of(Lang::Zh));
        let two = Workers { count: 2, one_worker_step_ms: Some(5.56), one_because: None };
        assert!(workers_words(&two, None, en).starts_with("2 workers share this fit: each"));
        assert!(workers_words(&two, Some(3.0), en).starts_with("2 workers share this fit, 1.85× one worker's speed"));
        assert!(workers_words(&two, Some(3.0), zh).contains("1.85 倍"));
        let one = Workers::one(OneWorker::NotIsolated, None);
        assert!(workers_words(&one, Some(3.0), en).starts_with("One worker trains this fit: this page is not"));
    }

    #[test]
    fn a_step_reads_to_three_digits() {
        assert_eq!(
            [ms(0.00812), ms(0.574), ms(5.559), ms(41.24), ms(1234.5), ms(0.0)],
            ["0.00812", "0.574", "5.56", "41.2", "1234", "0"]
        );
    }
}
