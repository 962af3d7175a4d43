//! The history charts: loss and val_loss, or accuracy and val_accuracy, per epoch, drawn with
//! plotters on a canvas.
//!
//! The canvas' backing store is sized to its box times `devicePixelRatio`, so lines and text
//! are sharp on high-DPI screens; every length below is in CSS pixels times that ratio. Axis
//! titles are the catalogue's, in the language in force, in [`CANVAS_FONTS`].

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use crate::i18n::Text;
use crate::nn::EpochLogs;

/// The font family of text drawn in a canvas: the system's, then fonts with Chinese glyphs
/// (Linux, macOS, Windows), so that titles in 中文 are drawn, not boxes.
pub(crate) const CANVAS_FONTS: &str = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'Noto Sans SC', \
     'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans', sans-serif";

/// Colours of the chart, for light and dark pages.
pub(super) struct Palette {
    pub background: RGBColor,
    pub text: RGBColor,
    pub grid: RGBColor,
    pub loss: RGBColor,
    pub val_loss: RGBColor,
}

/// The palette of a light or dark page.
pub(super) fn palette(dark: bool) -> &'static Palette {
    if dark {
        &DARK
    } else {
        &LIGHT
    }
}

const LIGHT: Palette = Palette {
    background: RGBColor(255, 255, 255),
    text: RGBColor(55, 65, 81),
    grid: RGBColor(229, 231, 235),
    loss: RGBColor(37, 99, 235),
    val_loss: RGBColor(234, 88, 12),
};

const DARK: Palette = Palette {
    background: RGBColor(23, 27, 36),
    text: RGBColor(209, 213, 219),
    grid: RGBColor(51, 58, 72),
    loss: RGBColor(96, 165, 250),
    val_loss: RGBColor(251, 146, 60),
};

/// What a history chart plots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// `loss` and `val_loss`.
    Loss,
    /// `accuracy` and `val_accuracy`.
    Accuracy,
}

impl Metric {
    /// The training and the validation value of an epoch.
    fn values(self, e: &EpochLogs) -> (Option<f64>, Option<f64>) {
        match self {
            Metric::Loss => (Some(e.loss), e.val_loss),
            Metric::Accuracy => (e.accuracy, e.val_accuracy),
        }
    }
}

/// Draws `metric` of `history` (finished epochs of a fit of `epochs` epochs) on `canvas`,
/// training in blue and validation in orange, its axes titled in the words of `text` (the
/// page's language); with `log_scale` the y axis is logarithmic (its labels still read as the
/// values).
pub fn draw_history_chart(
    canvas: &HtmlCanvasElement,
    history: &[EpochLogs],
    epochs: usize,
    metric: Metric,
    log_scale: bool,
    dark: bool,
    text: &Text,
) -> Result<(), String> {
    let t = &text.train;
    let palette = if dark { &DARK } else { &LIGHT };
    let (root, dpr) = plot_root(canvas, 300, 180, &palette.background)?;
    let px = |v: f64| (v * dpr).round() as u32;
    let font = |size: f64| (CANVAS_FONTS, size * dpr).into_font().color(&palette.text);

    // A log axis plots log10 of the values on a linear one, labelled with the values.
    let log = log_scale && metric == Metric::Loss;
    let y = |v: f64| if log { v.max(1e-12).log10() } else { v };
    let last_epoch = epochs.max(history.len()).max(2) as f64;
    let values = history.iter().flat_map(|e| {
        let (a, b) = metric.values(e);
        [a, b]
    });
    let values = values.flatten().filter(|v| v.is_finite()).map(y);
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (lo, hi) = if lo.is_finite() { (lo, hi) } else { (0.0, 1.0) };
    let pad = ((hi - lo) * 0.15).max(0.005);
    let (bottom, top) = match metric {
        Metric::Accuracy => ((lo - pad).max(0.0), (hi + pad).min(1.0)),
        Metric::Loss => (lo - pad, hi + pad),
    };

    let mut chart = ChartBuilder::on(&root)
        .margin(px(14.0))
        .x_label_area_size(px(34.0))
        .y_label_area_size(px(64.0))
        .build_cartesian_2d(1f64..last_epoch, bottom..top)
        .map_err(|e| e.to_string())?;
    let label = |v: &f64| match (metric, log) {
        (Metric::Accuracy, _) => format!("{:.0}%", v * 100.0),
        (Metric::Loss, true) => format!("{:.3}", 10f64.powf(*v)),
        (Metric::Loss, false) => format!("{v:.3}"),
    };
    chart
        .configure_mesh()
        .x_desc(t.chart_epoch)
        .y_desc(match (metric, log) {
            (Metric::Loss, false) => t.chart_loss,
            (Metric::Loss, true) => t.chart_loss_log,
            (Metric::Accuracy, _) => t.chart_accuracy,
        })
        .x_labels((last_epoch as usize).min(10))
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_label_formatter(&label)
        .label_style(font(12.0))
        .axis_desc_style(font(12.0))
        .axis_style(palette.grid.stroke_width(px(1.0)))
        .bold_line_style(palette.grid.stroke_width(px(1.0)))
        .light_line_style(palette.background)
        .draw()
        .map_err(|e| e.to_string())?;

    let series: [(RGBColor, Vec<(f64, f64)>); 2] = [
        (palette.loss, history.iter().filter_map(|e| Some((e.epoch as f64, y(metric.values(e).0?)))).collect()),
        (palette.val_loss, history.iter().filter_map(|e| Some((e.epoch as f64, y(metric.values(e).1?)))).collect()),
    ];
    for (color, points) in series {
        if points.is_empty() {
            continue;
        }
        let line = color.stroke_width(px(2.0));
        // The legend is the page's, under the canvas: text there is sharper and readable aloud.
        chart.draw_series(LineSeries::new(points.iter().copied(), line)).map_err(|e| e.to_string())?;
        chart
            .draw_series(points.iter().map(|&p| Circle::new(p, px(3.0), color.filled())))
            .map_err(|e| e.to_string())?;
    }
    root.present().map_err(|e| e.to_string())
}

/// Sizes `canvas` to its box (at least `min_w` × `min_h` CSS pixels) at the device's pixel ratio,
/// and returns a plotters drawing area on it filled with `background`, with that ratio (every
/// length drawn is multiplied by it).
pub(crate) fn plot_root(
    canvas: &HtmlCanvasElement,
    min_w: i32,
    min_h: i32,
    background: &RGBColor,
) -> Result<(DrawingArea<CanvasBackend, plotters::coord::Shift>, f64), String> {
    let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).max(1.0);
    // The box as the ResizeObserver saw it after the browser's layout (the page draws a canvas only
    // once it has been observed); read from the element only when drawn directly, as the browser
    // tests do (a read that may lay the page out).
    let (css_w, css_h) = super::redraw::observed_size(canvas)
        .unwrap_or_else(|| (canvas.client_width() as f64, canvas.client_height() as f64));
    let (css_w, css_h) = (css_w.round().max(min_w as f64), css_h.round().max(min_h as f64));
    // Resizing the backing store marks the page's layout dirty, and the next canvas' size read
    // would lay the page out again: only resize when the box changed (the fill clears it).
    let (w, h) = ((css_w * dpr).round() as u32, (css_h * dpr).round() as u32);
    if (canvas.width(), canvas.height()) != (w, h) {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("this canvas has no 2-D context")?;
    let root = backend.into_drawing_area();
    root.fill(background).map_err(|e| e.to_string())?;
    Ok((root, dpr))
}
