//! The loss chart: loss and val_loss per epoch, drawn with plotters on a canvas.
//!
//! The canvas' backing store is sized to its box times `devicePixelRatio`, so lines and text
//! are sharp on high-DPI screens; every length below is in CSS pixels times that ratio.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use crate::nn::EpochLogs;

/// Colours of the chart, for light and dark pages.
struct Palette {
    background: RGBColor,
    text: RGBColor,
    grid: RGBColor,
    loss: RGBColor,
    val_loss: RGBColor,
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

/// Draws `history` (finished epochs of a fit of `epochs` epochs) on `canvas`.
pub fn draw_loss_chart(
    canvas: &HtmlCanvasElement,
    history: &[EpochLogs],
    epochs: usize,
    dark: bool,
) -> Result<(), String> {
    let palette = if dark { &DARK } else { &LIGHT };
    let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).max(1.0);
    let (css_w, css_h) = (canvas.client_width().max(300) as f64, canvas.client_height().max(180) as f64);
    canvas.set_width((css_w * dpr).round() as u32);
    canvas.set_height((css_h * dpr).round() as u32);
    let px = |v: f64| (v * dpr).round() as u32;
    let font = |size: f64| ("system-ui, sans-serif", size * dpr).into_font().color(&palette.text);

    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("this canvas has no 2-D context")?;
    let root = backend.into_drawing_area();
    root.fill(&palette.background).map_err(|e| e.to_string())?;

    let last_epoch = epochs.max(history.len()).max(2) as f64;
    let values = history.iter().flat_map(|e| [Some(e.loss), e.val_loss]).flatten();
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (lo, hi) = if lo.is_finite() { (lo, hi) } else { (0.0, 1.0) };
    let pad = ((hi - lo) * 0.15).max(0.005);

    let mut chart = ChartBuilder::on(&root)
        .margin(px(14.0))
        .x_label_area_size(px(34.0))
        .y_label_area_size(px(64.0))
        .build_cartesian_2d(1f64..last_epoch, (lo - pad)..(hi + pad))
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .x_desc("epoch")
        .y_desc("loss")
        .x_labels((last_epoch as usize).min(10))
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_label_formatter(&|v| format!("{v:.3}"))
        .label_style(font(12.0))
        .axis_desc_style(font(12.0))
        .axis_style(palette.grid.stroke_width(px(1.0)))
        .bold_line_style(palette.grid.stroke_width(px(1.0)))
        .light_line_style(palette.background)
        .draw()
        .map_err(|e| e.to_string())?;

    let series: [(RGBColor, Vec<(f64, f64)>); 2] = [
        (palette.loss, history.iter().map(|e| (e.epoch as f64, e.loss)).collect()),
        (palette.val_loss, history.iter().filter_map(|e| Some((e.epoch as f64, e.val_loss?))).collect()),
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
