//! Drawing a laid-out flowchart on a canvas: sharp on high-DPI screens, the window of it a
//! [`View`] shows (only what meets the window is drawn), light or dark, one node optionally lit.
//!
//! Labels are measured with the canvas' own `measureText` in the font they are drawn with, so
//! every box fits its text in any script (the seed's labels are Chinese).

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::app::chart::CANVAS_FONTS;
use crate::diagram::{
    cylinder_ry, layout, pixel_ratio, shown_label, Colour, EdgeStyle, Flowchart, Layout, LayoutOptions, NodeBox,
    NodeStyle, Shape, SubgraphBox, View, Window, Zoom, SUBROUTINE_INSET,
};

/// Text on a light fill of the chart's own.
const DARK_TEXT: Colour = Colour { r: 0x11, g: 0x18, b: 0x27, a: 255 };
/// Text on a dark fill of the chart's own.
const LIGHT_TEXT: Colour = Colour { r: 0xff, g: 0xff, b: 0xff, a: 255 };

/// Label size in CSS pixels.
const FONT_PX: f64 = 14.0;
/// Line height of labels.
const LINE_PX: f64 = FONT_PX * 1.3;
/// Labels wider than this wrap onto more lines (at spaces, or between CJK characters), as
/// mermaid wraps them, so long labels make taller nodes rather than very wide ones.
const WRAP_PX: f64 = 150.0;

/// The label font, with CJK fallbacks ([`CANVAS_FONTS`]).
fn font() -> String {
    format!("500 {FONT_PX}px {CANVAS_FONTS}")
}

struct Palette {
    node_fill: &'static str,
    node_stroke: &'static str,
    text: &'static str,
    edge: &'static str,
    lit_fill: &'static str,
    lit_text: &'static str,
    label_bg: &'static str,
    box_fill: &'static str,
    box_stroke: &'static str,
}

const LIGHT: Palette = Palette {
    node_fill: "#f1f5fe",
    node_stroke: "#8aa4d6",
    text: "#111827",
    edge: "#64748b",
    lit_fill: "#2563eb",
    lit_text: "#ffffff",
    label_bg: "#ffffff",
    box_fill: "#f8fafc",
    box_stroke: "#94a3b8",
};

const DARK: Palette = Palette {
    node_fill: "#1b2434",
    node_stroke: "#4b6395",
    text: "#e5e7eb",
    edge: "#8b97ab",
    lit_fill: "#60a5fa",
    lit_text: "#0b1220",
    label_bg: "#171b24",
    box_fill: "#141a26",
    box_stroke: "#475569",
};

/// Where a node ended up on the page, in CSS pixels from the canvas' top left.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok())
}

/// The width of `text` in the drawing font.
fn text_width(ctx: Option<&CanvasRenderingContext2d>, text: &str) -> f64 {
    ctx.and_then(|c| c.measure_text(text).ok()).map_or(text.chars().count() as f64 * FONT_PX * 0.6, |m| m.width())
}

/// `text` broken into lines of at most [`WRAP_PX`] (a single word may exceed it).
fn wrap(ctx: Option<&CanvasRenderingContext2d>, text: &str) -> Vec<String> {
    if text_width(ctx, text) <= WRAP_PX {
        return vec![text.to_string()];
    }
    let spaced = text.contains(' ');
    let tokens: Vec<String> =
        if spaced { text.split(' ').map(str::to_string).collect() } else { text.chars().map(String::from).collect() };
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for token in tokens {
        let candidate = if line.is_empty() {
            token.clone()
        } else if spaced {
            format!("{line} {token}")
        } else {
            format!("{line}{token}")
        };
        if !line.is_empty() && text_width(ctx, &candidate) > WRAP_PX {
            lines.push(std::mem::replace(&mut line, token));
        } else {
            line = candidate;
        }
    }
    lines.push(line);
    lines
}

/// Lays `chart` out, measuring (wrapped) labels in the drawing font.
pub fn lay_out(canvas: &HtmlCanvasElement, chart: &Flowchart) -> Layout {
    let ctx = context(canvas);
    if let Some(ctx) = &ctx {
        ctx.set_font(&font());
    }
    // The engine hands over labels already cut to `MAX_LABEL_CHARS`.
    let measure = |text: &str| {
        let lines = wrap(ctx.as_ref(), text);
        let width = lines.iter().map(|l| text_width(ctx.as_ref(), l)).fold(0.0, f64::max);
        (width, LINE_PX * lines.len() as f64)
    };
    layout(chart, &measure, &LayoutOptions::default())
}

/// Draws all of `layout` of `chart` on `canvas`, at the scale that fits the width of the
/// canvas' parent (as the page does by default), node `lit` lit. Returns where each node went.
///
/// It reads the parent's width from the element, which may lay the page out; the page itself
/// draws a window of the chart with [`draw_window`] and the sizes its `ResizeObserver` saw.
pub fn draw_flowchart(
    canvas: &HtmlCanvasElement,
    chart: &Flowchart,
    layout: &Layout,
    lit: Option<usize>,
    dark: bool,
) -> Vec<Placed> {
    let width = canvas.parent_element().map_or(0, |p| p.client_width());
    let view = View::new((layout.width, layout.height), Zoom::FitWidth, width as f64);
    draw_window(canvas, chart, layout, lit, dark, &view, &view.window((0.0, 0.0), view.sheet));
    placed(layout, &view)
}

/// Where each node of `layout` is on the sheet of `view`, for the focusable overlay.
pub fn placed(layout: &Layout, view: &View) -> Vec<Placed> {
    layout
        .nodes
        .iter()
        .map(|n| {
            let (left, top, width, height) = view.place(n.bounds());
            Placed { left, top, width, height }
        })
        .collect()
}

/// Draws the part of `layout` of `chart` that `window` of `view` shows, on `canvas` (sized to
/// the window, sharp on the device), node `lit` lit; what lies outside the window is skipped.
pub fn draw_window(
    canvas: &HtmlCanvasElement,
    chart: &Flowchart,
    layout: &Layout,
    lit: Option<usize>,
    dark: bool,
    view: &View,
    window: &Window,
) {
    let palette = if dark { &DARK } else { &LIGHT };
    let dpr = pixel_ratio(window.size, web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()));
    let (css_width, css_height) = (format!("{}px", window.size.0), format!("{}px", window.size.1));
    let style = canvas.style();
    if style.get_property_value("width").ok().as_deref() != Some(css_width.as_str()) {
        let _ = style.set_property("width", &css_width);
    }
    if style.get_property_value("height").ok().as_deref() != Some(css_height.as_str()) {
        let _ = style.set_property("height", &css_height);
    }
    let (pixels_wide, pixels_high) = ((window.size.0 * dpr).floor() as u32, (window.size.1 * dpr).floor() as u32);
    // Setting a canvas' size reallocates it: only when it changes.
    if canvas.width() != pixels_wide || canvas.height() != pixels_high {
        canvas.set_width(pixels_wide);
        canvas.set_height(pixels_high);
    }
    let Some(ctx) = context(canvas) else { return };
    let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, pixels_wide as f64, pixels_high as f64);
    let scale = view.scale;
    let (dx, dy) = (view.offset_x - window.origin.0, -window.origin.1);
    let _ = ctx.set_transform(dpr * scale, 0.0, 0.0, dpr * scale, dpr * dx, dpr * dy);
    // What is drawn: what meets the window, with a margin for strokes and arrowheads.
    let (left, top, right, bottom) = view.shown(window);
    let margin = 12.0;
    let meets = |(l, t, r, b): (f64, f64, f64, f64)| {
        l <= right + margin && r >= left - margin && t <= bottom + margin && b >= top - margin
    };
    ctx.set_font(&font());
    ctx.set_text_align("center");
    ctx.set_text_baseline("middle");
    ctx.set_line_join("round");

    // Subgraph boxes first (outer before inner, as the chart lists them), under everything.
    let box_meets = |at: &SubgraphBox| meets((at.left, at.top, at.left + at.width, at.top + at.height));
    for (subgraph, at) in chart.subgraphs.iter().zip(&layout.subgraphs).filter(|(_, at)| box_meets(at)) {
        ctx.begin_path();
        rounded(&ctx, at.left, at.top, at.left + at.width, at.top + at.height, 4.0);
        ctx.close_path();
        ctx.set_fill_style_str(subgraph.style.fill.map(Colour::css).as_deref().unwrap_or(palette.box_fill));
        ctx.fill();
        ctx.set_stroke_style_str(subgraph.style.stroke.map(Colour::css).as_deref().unwrap_or(palette.box_stroke));
        ctx.set_line_width(1.0);
        ctx.stroke();
    }
    let edge_meets = |points: &[(f64, f64)]| {
        let (xs, ys) = (points.iter().map(|p| p.0), points.iter().map(|p| p.1));
        let (l, r) = (xs.clone().fold(f64::INFINITY, f64::min), xs.fold(f64::NEG_INFINITY, f64::max));
        let (t, b) = (ys.clone().fold(f64::INFINITY, f64::min), ys.fold(f64::NEG_INFINITY, f64::max));
        meets((l, t, r, b))
    };
    for edge in layout.edges.iter().filter(|e| e.style != EdgeStyle::Invisible && edge_meets(&e.points)) {
        draw_edge(&ctx, palette, &edge.points, edge.style);
        if let (Some(text), Some((x, y))) = (edge.label.as_deref().map(shown_label), edge.label_pos) {
            let text = text.as_ref();
            let w = ctx.measure_text(text).map(|m| m.width()).unwrap_or(0.0) + 8.0;
            ctx.set_fill_style_str(palette.label_bg);
            ctx.fill_rect(x - w / 2.0, y - FONT_PX * 0.75, w, FONT_PX * 1.5);
            ctx.set_fill_style_str(palette.text);
            let _ = ctx.fill_text(text, x, y);
        }
    }
    // Titles above the edges, each on a backing of its box's fill: the layout put them clear of
    // every edge where the band had room; where it had none, the edge passes under the title.
    for (subgraph, at) in
        chart.subgraphs.iter().zip(&layout.subgraphs).filter(|(_, at)| at.title_height > 0.0 && box_meets(at))
    {
        let (x, y) = (at.title_x, at.top + at.title_height / 2.0);
        ctx.set_fill_style_str(subgraph.style.fill.map(Colour::css).as_deref().unwrap_or(palette.box_fill));
        ctx.fill_rect(x - at.title_width / 2.0 - 3.0, y - LINE_PX / 2.0, at.title_width + 6.0, LINE_PX);
        ctx.set_fill_style_str(subgraph.style.text.map(Colour::css).as_deref().unwrap_or(palette.text));
        let _ = ctx.fill_text(&shown_label(&subgraph.title), x, y);
    }
    for (i, (node, placed)) in chart.nodes.iter().zip(&layout.nodes).enumerate() {
        if !meets(placed.bounds()) {
            continue;
        }
        let on = lit == Some(i);
        // The chart's own colours (checked by the parser, written as rgba() by `Colour::css`),
        // unless the node is lit; a fill of its own gets dark or light text to match.
        let style = if on { NodeStyle::default() } else { node.style };
        let fill = style.fill.map(Colour::css);
        let stroke = style.stroke.map(Colour::css);
        let text = style.text.or(style.fill.map(|f| if f.luminance() > 0.35 { DARK_TEXT } else { LIGHT_TEXT }));
        outline(&ctx, placed);
        ctx.set_fill_style_str(fill.as_deref().unwrap_or(if on { palette.lit_fill } else { palette.node_fill }));
        ctx.fill();
        ctx.set_stroke_style_str(stroke.as_deref().unwrap_or(if on { palette.lit_fill } else { palette.node_stroke }));
        ctx.set_line_width(if on { 2.5 } else { 1.25 });
        ctx.stroke();
        inner_lines(&ctx, placed);
        ctx.set_fill_style_str(text.map(Colour::css).as_deref().unwrap_or(if on {
            palette.lit_text
        } else {
            palette.text
        }));
        let lines = wrap(Some(&ctx), &shown_label(&node.label));
        let first = placed.y + 1.0 - LINE_PX * (lines.len() - 1) as f64 / 2.0;
        for (k, line) in lines.iter().enumerate() {
            let _ = ctx.fill_text(line, placed.x, first + LINE_PX * k as f64);
        }
    }
}

fn draw_edge(ctx: &CanvasRenderingContext2d, palette: &Palette, points: &[(f64, f64)], style: EdgeStyle) {
    let (Some(&first), Some(&last)) = (points.first(), points.last()) else { return };
    let dotted = matches!(style, EdgeStyle::Dotted | EdgeStyle::DottedOpen);
    let thick = matches!(style, EdgeStyle::Thick | EdgeStyle::ThickOpen);
    ctx.set_stroke_style_str(palette.edge);
    ctx.set_fill_style_str(palette.edge);
    ctx.set_line_width(if thick { 3.0 } else { 1.5 });
    let dash = js_sys::Array::new();
    if dotted {
        dash.push(&3.0.into());
        dash.push(&4.0.into());
    }
    let _ = ctx.set_line_dash(&dash);
    // Stop the line at the arrowhead's base, so the head's tip is the only thing touching the node.
    let head = if style.has_arrowhead() { 9.0 } else { 0.0 };
    let before = points.len().checked_sub(2).map_or(first, |i| points[i]);
    let (dx, dy) = (last.0 - before.0, last.1 - before.1);
    let length = (dx * dx + dy * dy).sqrt().max(1e-9);
    let (ux, uy) = (dx / length, dy / length);
    ctx.begin_path();
    ctx.move_to(first.0, first.1);
    for &(x, y) in &points[1..points.len() - 1] {
        ctx.line_to(x, y);
    }
    ctx.line_to(last.0 - ux * head, last.1 - uy * head);
    ctx.stroke();
    let _ = ctx.set_line_dash(&js_sys::Array::new());
    if head > 0.0 {
        let (bx, by) = (last.0 - ux * head, last.1 - uy * head);
        ctx.begin_path();
        ctx.move_to(last.0, last.1);
        ctx.line_to(bx - uy * head * 0.55, by + ux * head * 0.55);
        ctx.line_to(bx + uy * head * 0.55, by - ux * head * 0.55);
        ctx.close_path();
        ctx.fill();
    }
}

/// Traces a node's outline as the current path.
fn outline(ctx: &CanvasRenderingContext2d, node: &NodeBox) {
    let (l, t, r, b) = node.bounds();
    let (x, y, h) = (node.x, node.y, b - t);
    ctx.begin_path();
    match node.shape {
        Shape::Rectangle => rounded(ctx, l, t, r, b, 3.0),
        Shape::Rounded => rounded(ctx, l, t, r, b, 10.0),
        Shape::Stadium => rounded(ctx, l, t, r, b, h / 2.0),
        Shape::Circle => {
            let _ = ctx.arc(x, y, (r - l).min(h) / 2.0, 0.0, std::f64::consts::TAU);
        }
        Shape::Diamond => {
            ctx.move_to(x, t);
            ctx.line_to(r, y);
            ctx.line_to(x, b);
            ctx.line_to(l, y);
        }
        Shape::Asymmetric => {
            ctx.move_to(l, t);
            ctx.line_to(r, t);
            ctx.line_to(r, b);
            ctx.line_to(l, b);
            ctx.line_to(l + h / 2.0, y);
        }
        Shape::Subroutine => rounded(ctx, l, t, r, b, 0.0),
        Shape::Cylinder => {
            let (rx, ry) = ((r - l) / 2.0, cylinder_ry(r - l).min(h / 2.0));
            ctx.move_to(l, t + ry);
            let _ = ctx.ellipse(x, t + ry, rx, ry, 0.0, std::f64::consts::PI, std::f64::consts::TAU);
            ctx.line_to(r, b - ry);
            let _ = ctx.ellipse(x, b - ry, rx, ry, 0.0, 0.0, std::f64::consts::PI);
        }
        Shape::Hexagon => {
            let m = (h / 4.0).min((r - l) / 2.0);
            ctx.move_to(l + m, t);
            ctx.line_to(r - m, t);
            ctx.line_to(r, y);
            ctx.line_to(r - m, b);
            ctx.line_to(l + m, b);
            ctx.line_to(l, y);
        }
        Shape::LeanRight | Shape::LeanLeft | Shape::Trapezoid | Shape::InvTrapezoid => {
            let corners = node.shape.slanted_corners((r - l, h)).unwrap_or_default();
            for (k, (dx, dy)) in corners.into_iter().enumerate() {
                if k == 0 {
                    ctx.move_to(x + dx, y + dy);
                } else {
                    ctx.line_to(x + dx, y + dy);
                }
            }
        }
    }
    ctx.close_path();
}

/// The lines a shape has inside its outline: a subroutine's two sides, a cylinder's top rim.
fn inner_lines(ctx: &CanvasRenderingContext2d, node: &NodeBox) {
    let (l, t, r, b) = node.bounds();
    match node.shape {
        Shape::Subroutine => {
            ctx.begin_path();
            for x in [l + SUBROUTINE_INSET, r - SUBROUTINE_INSET] {
                ctx.move_to(x, t);
                ctx.line_to(x, b);
            }
            ctx.stroke();
        }
        Shape::Cylinder => {
            let (rx, ry) = ((r - l) / 2.0, cylinder_ry(r - l).min((b - t) / 2.0));
            ctx.begin_path();
            let _ = ctx.ellipse(node.x, t + ry, rx, ry, 0.0, 0.0, std::f64::consts::PI);
            ctx.stroke();
        }
        _ => {}
    }
}

fn rounded(ctx: &CanvasRenderingContext2d, l: f64, t: f64, r: f64, b: f64, radius: f64) {
    let radius = radius.min((r - l) / 2.0).min((b - t) / 2.0);
    ctx.move_to(l + radius, t);
    let _ = ctx.arc_to(r, t, r, b, radius);
    let _ = ctx.arc_to(r, b, l, b, radius);
    let _ = ctx.arc_to(l, b, l, t, radius);
    let _ = ctx.arc_to(l, t, r, t, radius);
}
