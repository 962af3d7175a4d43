//! The scatter plot of 2-feature data, coloured by class, drawn with plotters on a canvas.

use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use super::chart::{plot_root, CANVAS_FONTS};

/// The colour of `class` ([`crate::page::colours`], as the class-balance bar has it).
pub fn class_colour(class: usize) -> RGBColor {
    let (r, g, b) = crate::page::colours::class_colour(class);
    RGBColor(r, g, b)
}

/// Draws `points` (`x₀`, `x₁`, class) on `canvas`, sized to its box at the device's pixel ratio.
pub fn draw_scatter(canvas: &HtmlCanvasElement, points: &[[f32; 3]], dark: bool) -> Result<(), String> {
    let (background, text, grid) = if dark {
        (RGBColor(23, 27, 36), RGBColor(209, 213, 219), RGBColor(51, 58, 72))
    } else {
        (RGBColor(255, 255, 255), RGBColor(55, 65, 81), RGBColor(229, 231, 235))
    };
    let (root, dpr) = plot_root(canvas, 200, 160, &background)?;
    let px = |v: f64| (v * dpr).round() as u32;
    let range = |axis: usize| {
        let (lo, hi) =
            points.iter().fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), p| (lo.min(p[axis]), hi.max(p[axis])));
        let pad = ((hi - lo) * 0.05).max(0.05);
        if lo.is_finite() {
            (lo - pad) as f64..(hi + pad) as f64
        } else {
            -1.0..1.0
        }
    };
    let font = |size: f64| (CANVAS_FONTS, size * dpr).into_font().color(&text);
    let mut chart = ChartBuilder::on(&root)
        .margin(px(10.0))
        .x_label_area_size(px(28.0))
        .y_label_area_size(px(40.0))
        .build_cartesian_2d(range(0), range(1))
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .x_desc("x0")
        .y_desc("x1")
        .label_style(font(11.0))
        .axis_desc_style(font(11.0))
        .axis_style(grid.stroke_width(px(1.0)))
        .bold_line_style(grid.stroke_width(px(1.0)))
        .light_line_style(background)
        .x_labels(6)
        .y_labels(6)
        .draw()
        .map_err(|e| e.to_string())?;
    let dots = points.iter().map(|p| {
        let colour = class_colour(p[2].max(0.0) as usize);
        Circle::new((p[0] as f64, p[1] as f64), px(2.5), colour.mix(0.8).filled())
    });
    chart.draw_series(dots).map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())
}
