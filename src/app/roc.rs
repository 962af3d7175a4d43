//! The ROC curve of a binary classifier on the test rows, with the chance diagonal, drawn with
//! plotters on a canvas.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::chart::{palette, plot_root, CANVAS_FONTS};
use crate::i18n::Text;
use crate::nn::Roc;

/// Draws `roc` on `canvas`: false positive rate across, true positive rate up, the axes titled
/// in the words of `text`.
pub fn draw_roc(canvas: &HtmlCanvasElement, roc: &Roc, dark: bool, text: &Text) -> Result<(), String> {
    let palette = palette(dark);
    let (root, dpr) = plot_root(canvas, 200, 160, &palette.background)?;
    let px = |v: f64| (v * dpr).round() as u32;
    let font = |size: f64| (CANVAS_FONTS, size * dpr).into_font().color(&palette.text);
    let mut chart = ChartBuilder::on(&root)
        .margin(px(12.0))
        .x_label_area_size(px(32.0))
        .y_label_area_size(px(44.0))
        .build_cartesian_2d(0f64..1f64, 0f64..1f64)
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .x_desc(text.results.roc_x)
        .y_desc(text.results.roc_y)
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|v| format!("{v:.1}"))
        .y_label_formatter(&|v| format!("{v:.1}"))
        .label_style(font(11.0))
        .axis_desc_style(font(11.0))
        .axis_style(palette.grid.stroke_width(px(1.0)))
        .bold_line_style(palette.grid.stroke_width(px(1.0)))
        .light_line_style(palette.background)
        .draw()
        .map_err(|e| e.to_string())?;
    // Chance: a classifier that guesses.
    let dashed = palette.text.mix(0.45).stroke_width(px(1.0));
    chart
        .draw_series(DashedLineSeries::new([(0.0, 0.0), (1.0, 1.0)], px(5.0), px(4.0), dashed))
        .map_err(|e| e.to_string())?;
    let under = roc.curve.iter().copied().chain([(1.0, 0.0), (0.0, 0.0)]);
    chart.draw_series([Polygon::new(under.collect::<Vec<_>>(), palette.loss.mix(0.12))]).map_err(|e| e.to_string())?;
    chart
        .draw_series(LineSeries::new(roc.curve.iter().copied(), palette.loss.stroke_width(px(2.0))))
        .map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())
}
