//! The compute corner (计算资源): how fast the worker trains, in samples per second and
//! milliseconds per step, measured over its training time only.

use leptos::prelude::*;

use crate::app::lang::use_text;
use crate::i18n::{fill, Text};
use crate::nn::Speed;
use crate::page::Kernels;
use crate::trainer::Workers;

/// `12340.4` as `12,340`.
fn thousands(v: f64) -> String {
    let digits = format!("{:.0}", v.max(0.0));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What the kernels run on, in a few words, for the speed badge.
pub fn kernels_short(k: Kernels, t: &'static Text) -> &'static str {
    match k {
        Kernels::Scalar => t.frame.kernels_scalar_short,
        Kernels::Simd => "SIMD",
        Kernels::RelaxedSimd => "SIMD + FMA",
    }
}

/// What the kernels run on, as a part of the compute line's sentence.
pub fn kernels_described(k: Kernels, t: &'static Text) -> &'static str {
    match k {
        Kernels::Scalar => t.frame.kernels_scalar,
        Kernels::Simd => t.frame.kernels_simd,
        Kernels::RelaxedSimd => t.frame.kernels_relaxed,
    }
}

/// The speed of the running or last fit, once the worker measured it.
#[component]
pub fn SpeedBadge(
    speed: Memo<Option<Speed>>,
    kernels: Memo<Option<Kernels>>,
    workers: Memo<Option<Workers>>,
) -> impl IntoView {
    let t = use_text();
    let text = move || {
        speed.get().map(|s| {
            let kernels = kernels.get().map_or("", |k| kernels_short(k, t.get()));
            let f = &t.get().frame;
            let step = if s.ms_per_step < 1.0 {
                fill(f.us_per_step, &[("n", &format!("{:.0}", s.ms_per_step * 1000.0))])
            } else {
                fill(f.ms_per_step, &[("n", &format!("{:.1}", s.ms_per_step))])
            };
            let samples = fill(t.get().frame.samples_per_second, &[("n", &thousands(s.samples_per_second))]);
            let many =
                workers.with(|w| w.as_ref().filter(|w| w.count > 1).map(|w| (w.count, w.speedup(s.ms_per_step))));
            match many {
                Some((n, speedup)) => {
                    let n = fill(f.workers_short, &[("n", &n)]);
                    let speedup = speedup.map_or_else(String::new, |x| format!(" · {x:.2}×"));
                    format!("{samples} · {step} · {kernels} · {n}{speedup}")
                }
                None => format!("{samples} · {step} · {kernels}"),
            }
        })
    };
    view! {
        <Show when=move || speed.with(Option::is_some)>
            <p class="compute speed" data-testid="speed" title=move || t.get().frame.speed_title>
                <span class="speed-dot" aria-hidden="true"></span>
                {text}
            </p>
        </Show>
    }
}
