//! The decision boundary: the model's predicted class over the data's plane, as a heatmap
//! (each cell the class colour, stronger where the model is surer), with the data's points on
//! top, drawn with plotters on a canvas.
//!
//! A cell's colour is its class colour blended into the background by
//! `0.15 + 0.55 · (p − 1/k) / (1 − 1/k)`, `p` the probability of the class predicted and `k` the
//! number of classes: near the boundary (`p ≈ 1/k`) the colour fades out.

use plotters::prelude::*;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use super::chart::{palette, plot_root, CANVAS_FONTS};
use crate::nn::{BoundaryMap, Grid};
use crate::page::colours::{class_colour, CLASS_COLOURS};

/// The colour of a cell predicting `class` with probability `p`, out of `k` classes.
fn cell_colour(class: usize, p: f32, k: usize, background: RGBColor) -> RGBColor {
    let chance = 1.0 / k.max(2) as f32;
    let strength = ((p - chance) / (1.0 - chance)).clamp(0.0, 1.0);
    let alpha = 0.15 + 0.55 * strength;
    let c = class_colour(class);
    let mix = |a: u8, b: u8| (a as f32 * alpha + b as f32 * (1.0 - alpha)).round() as u8;
    RGBColor(mix(c.0, background.0), mix(c.1, background.1), mix(c.2, background.2))
}

/// Draws `map` (if any yet) and `points` (`x₀`, `x₁`, class) on `canvas`.
pub fn draw_boundary(
    canvas: &HtmlCanvasElement,
    map: Option<&BoundaryMap>,
    points: &[[f32; 3]],
    dark: bool,
) -> Result<(), String> {
    let palette = palette(dark);
    let (root, dpr) = plot_root(canvas, 200, 160, &palette.background)?;
    let px = |v: f64| (v * dpr).round() as u32;
    let font = |size: f64| (CANVAS_FONTS, size * dpr).into_font().color(&palette.text);
    // The map's grid, or the same padding over the points before there is a map.
    let grid = map.map(|m| m.grid).or_else(|| Grid::covering(points.iter().map(|p| (p[0], p[1])), 1));
    let Some(grid) = grid else { return root.present().map_err(|e| e.to_string()) };
    let (x, y) = ((grid.x.0 as f64)..(grid.x.1 as f64), (grid.y.0 as f64)..(grid.y.1 as f64));
    let mut chart = ChartBuilder::on(&root)
        .margin(px(10.0))
        .x_label_area_size(px(36.0))
        .y_label_area_size(px(40.0))
        .build_cartesian_2d(x, y)
        .map_err(|e| e.to_string())?;

    // The heatmap: one pixel a cell in a small canvas, stretched (smoothly) over the plot area.
    let ctx: CanvasRenderingContext2d =
        canvas.get_context("2d").ok().flatten().ok_or("this canvas has no 2-D context")?.unchecked_into();
    if let Some(map) = map {
        let (xs, ys) = chart.plotting_area().get_pixel_range();
        paint_heatmap(&ctx, map, palette.background, (xs.start, ys.start, xs.end - xs.start, ys.end - ys.start))?;
    }
    chart
        .configure_mesh()
        .x_desc("x0")
        .y_desc("x1")
        .label_style(font(11.0))
        .axis_desc_style(font(11.0))
        .axis_style(palette.grid.stroke_width(px(1.0)))
        .disable_mesh()
        .x_labels(6)
        .y_labels(6)
        .draw()
        .map_err(|e| e.to_string())?;
    // The points, one path a class (a thousand plotters circles would each set the style).
    let to_pixel = |p: &[f32; 3]| chart.backend_coord(&(p[0] as f64, p[1] as f64));
    let radius = 2.4 * dpr;
    for (class, c) in CLASS_COLOURS.iter().enumerate() {
        let mine = points.iter().filter(|p| (p[2].max(0.0) as usize) % CLASS_COLOURS.len() == class);
        ctx.begin_path();
        let mut any = false;
        for (x, y) in mine.map(to_pixel) {
            ctx.move_to(x as f64 + radius, y as f64);
            let _ = ctx.arc(x as f64, y as f64, radius, 0.0, std::f64::consts::TAU);
            any = true;
        }
        if any {
            ctx.set_fill_style_str(&format!("rgb({},{},{})", c.0, c.1, c.2));
            ctx.fill();
            ctx.set_line_width(0.75 * dpr);
            ctx.set_stroke_style_str(&format!(
                "rgb({},{},{})",
                palette.background.0, palette.background.1, palette.background.2
            ));
            ctx.stroke();
        }
    }
    root.present().map_err(|e| e.to_string())
}

/// Paints `map` into the rectangle `(x, y, width, height)` (backend pixels) of `ctx`.
fn paint_heatmap(
    ctx: &CanvasRenderingContext2d,
    map: &BoundaryMap,
    background: RGBColor,
    (x, y, width, height): (i32, i32, i32, i32),
) -> Result<(), String> {
    let n = map.grid.size;
    let mut rgba = Vec::with_capacity(n * n * 4);
    for row in 0..n {
        for col in 0..n {
            let (class, p) = map.cell(row, col);
            let c = cell_colour(class, p, map.classes, background);
            rgba.extend_from_slice(&[c.0, c.1, c.2, 255]);
        }
    }
    let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), n as u32, n as u32)
        .map_err(|_| "the heatmap's image data")?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let small: HtmlCanvasElement =
        document.create_element("canvas").map_err(|_| "a canvas for the heatmap")?.unchecked_into();
    small.set_width(n as u32);
    small.set_height(n as u32);
    let small_ctx: CanvasRenderingContext2d =
        small.get_context("2d").ok().flatten().ok_or("the heatmap canvas has no 2-D context")?.unchecked_into();
    small_ctx.put_image_data(&image, 0.0, 0.0).map_err(|_| "putting the heatmap")?;
    ctx.set_image_smoothing_enabled(true);
    ctx.draw_image_with_html_canvas_element_and_dw_and_dh(&small, x as f64, y as f64, width as f64, height as f64)
        .map_err(|_| "drawing the heatmap".to_string())
}
