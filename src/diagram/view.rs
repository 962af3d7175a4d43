//! How a laid-out chart is viewed: at what scale (fitting the box's width, the whole chart, or a
//! zoom the user chose), how big the scrolled sheet is, and which window of it the canvas draws.
//!
//! The canvas is never bigger than the box that shows it: the box scrolls a *sheet* the size
//! of the scaled chart (which holds the node buttons), and the canvas sticks to the box's
//! visible part, drawing only the window of the chart under it. So a chart of any size draws
//! sharp at any zoom (Chromium refuses a canvas over 32,767 px a side, and drawing cost grows
//! with the canvas' area), panning costs one small redraw, and zoom has no canvas limit:
//!
//! ```text
//! scale   fit width: clamp(box width / chart width, 0.6, 1)      (the default; then it scrolls)
//!         fit all:   min(box width / chart width, box height / chart height, 1)
//!         zoom:      × or ÷ 1.25 a step (a wheel: × e^(−Δ/450)), within [min(fit all, 0.25), 4]
//! sheet   (max(chart width · scale, box width), chart height · scale), the chart centred across
//! window  the canvas' CSS box: the sheet ∩ the box's visible part, at the scroll position
//! ```
//!
//! ```
//! use mlp_lab::diagram::{View, Zoom};
//! // A 2,000-node chain, 171,966 px tall, in a 330 × 640 box: drawn at full size, 640 px at a time.
//! let view = View::new((81.0, 171_966.0), Zoom::FitWidth, 330.0);
//! assert_eq!((view.scale, view.sheet), (1.0, (330.0, 171_966.0)));
//! let window = view.window((0.0, 100_000.0), (330.0, 640.0));
//! assert_eq!((window.size, window.origin), ((330.0, 640.0), (0.0, 100_000.0)));
//! ```

/// Largest side of a canvas' backing store, in pixels (Chromium's limit, and Firefox's).
pub const MAX_CANVAS_SIDE: f64 = 32_767.0;
/// Largest area of a canvas' backing store, in pixels (4 M, 2048²: 16 MB of RGBA). The window
/// is the box's size, so this only bounds the device pixel ratio on a huge screen.
pub const MAX_CANVAS_AREA: f64 = 4_194_304.0;
/// Smallest reduction to fit the box's width by default: below it labels get hard to read, so
/// the sheet grows wider than its box, which scrolls.
pub const MIN_FIT_SCALE: f64 = 0.6;
/// Largest magnification when fitting a box wider than the chart.
pub const MAX_FIT_SCALE: f64 = 1.0;
/// Largest zoom.
pub const MAX_ZOOM: f64 = 4.0;
/// The smallest zoom allowed even when the whole chart fits at a larger one.
pub const MIN_ZOOM: f64 = 0.25;
/// One zoom step (a click of + or −, a notch of Ctrl + wheel).
pub const ZOOM_STEP: f64 = 1.25;
/// Largest side of the sheet in CSS pixels, well within what browsers lay out (Chromium's
/// layout units stop near 33 M px).
pub const MAX_SHEET_SIDE: f64 = 4_000_000.0;
/// The box shows at most this many CSS pixels of height, or [`MAX_VIEW_SHARE`] of the window's,
/// whichever is more; taller charts scroll.
pub const MAX_VIEW_PX: f64 = 640.0;
/// Share of the window's height the box may take.
pub const MAX_VIEW_SHARE: f64 = 0.85;

/// The scale a chart is shown at.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Zoom {
    /// Fit the box's width, within [`MIN_FIT_SCALE`]..[`MAX_FIT_SCALE`] (the default).
    #[default]
    FitWidth,
    /// CSS pixels per layout pixel, as the user zoomed.
    Scale(f64),
}

/// A chart of a given size at one scale in a box of a given width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// CSS pixels per layout pixel.
    pub scale: f64,
    /// The scrolled sheet's size in CSS pixels.
    pub sheet: (f64, f64),
    /// Where the chart's left edge is on the sheet (it is centred when narrower than the box).
    pub offset_x: f64,
}

/// The part of the sheet the canvas covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    /// The canvas' CSS size.
    pub size: (f64, f64),
    /// The canvas' top-left corner on the sheet.
    pub origin: (f64, f64),
}

fn usable(value: f64, fallback: f64) -> f64 {
    if value.is_finite() && value > 0.0 {
        value
    } else {
        fallback
    }
}

fn size_of((width, height): (f64, f64)) -> (f64, f64) {
    (usable(width, 1.0).max(1.0), usable(height, 1.0).max(1.0))
}

/// The scale that shows all of a chart of `size` in a box of `visible` (width, height).
pub fn fit_all(size: (f64, f64), visible: (f64, f64)) -> f64 {
    let (width, height) = size_of(size);
    (usable(visible.0, 120.0) / width).min(usable(visible.1, 120.0) / height).min(MAX_FIT_SCALE)
}

/// The zooms allowed for a chart of `size` in a box of `visible`: down to the whole chart in
/// view (or [`MIN_ZOOM`], if that is smaller), up to [`MAX_ZOOM`] within [`MAX_SHEET_SIDE`].
pub fn zoom_range(size: (f64, f64), visible: (f64, f64)) -> (f64, f64) {
    let (width, height) = size_of(size);
    let highest = MAX_ZOOM.min(MAX_SHEET_SIDE / width.max(height));
    (fit_all(size, visible).min(MIN_ZOOM).min(highest), highest)
}

/// `scale` moved by `steps` zoom steps (negative: out), within `range`.
pub fn stepped(scale: f64, steps: i32, (lowest, highest): (f64, f64)) -> f64 {
    (usable(scale, 1.0) * ZOOM_STEP.powi(steps)).clamp(lowest, highest)
}

/// Pixels of wheel travel that zoom by a factor of e: a mouse's notch (100 px) is close to a
/// step, and a trackpad's pinch (many small deltas) zooms smoothly.
pub const WHEEL_PX_PER_E: f64 = 450.0;

/// `scale` after a wheel turn of `delta_px` (down, positive: out), within `range`.
pub fn wheel_zoom(scale: f64, delta_px: f64, (lowest, highest): (f64, f64)) -> f64 {
    let delta = if delta_px.is_finite() { delta_px.clamp(-2_000.0, 2_000.0) } else { 0.0 };
    (usable(scale, 1.0) * (-delta / WHEEL_PX_PER_E).exp()).clamp(lowest, highest)
}

/// The height of the box for a sheet `sheet_height` tall in a window `window_height` tall.
pub fn view_height(sheet_height: f64, window_height: f64) -> f64 {
    let most = MAX_VIEW_PX.max(MAX_VIEW_SHARE * usable(window_height, MAX_VIEW_PX));
    usable(sheet_height, 1.0).min(most).ceil()
}

/// Backing-store pixels per CSS pixel for a canvas of `size`: the device's ratio, unless that
/// would pass [`MAX_CANVAS_SIDE`] or [`MAX_CANVAS_AREA`].
pub fn pixel_ratio(size: (f64, f64), device_pixel_ratio: f64) -> f64 {
    let (width, height) = size_of(size);
    usable(device_pixel_ratio, 1.0)
        .max(1.0)
        .min(MAX_CANVAS_SIDE / width)
        .min(MAX_CANVAS_SIDE / height)
        .min((MAX_CANVAS_AREA / (width * height)).sqrt())
}

impl View {
    /// A chart of `size` (layout pixels) shown at `zoom` in a box `box_width` CSS pixels wide.
    pub fn new(size: (f64, f64), zoom: Zoom, box_width: f64) -> View {
        let (width, height) = size_of(size);
        let box_width = usable(box_width, 120.0).min(MAX_SHEET_SIDE);
        let wanted = match zoom {
            Zoom::FitWidth => (box_width / width).clamp(MIN_FIT_SCALE, MAX_FIT_SCALE),
            Zoom::Scale(scale) => usable(scale, 1.0),
        };
        let scale = wanted.min(MAX_SHEET_SIDE / width.max(height));
        let drawn = (width * scale, height * scale);
        let sheet = (drawn.0.max(box_width).ceil(), drawn.1.ceil().max(1.0));
        View { scale, sheet, offset_x: (sheet.0 - drawn.0) / 2.0 }
    }

    /// Where a layout rectangle `(left, top, right, bottom)` is on the sheet: left, top, width
    /// and height in CSS pixels.
    pub fn place(&self, (left, top, right, bottom): (f64, f64, f64, f64)) -> (f64, f64, f64, f64) {
        let s = self.scale;
        (self.offset_x + left * s, top * s, (right - left) * s, (bottom - top) * s)
    }

    /// The canvas' window when the box, showing `visible` CSS pixels, is scrolled to `scroll`:
    /// the sheet's part under the box (a sticky canvas stops at the sheet's far edges).
    pub fn window(&self, scroll: (f64, f64), visible: (f64, f64)) -> Window {
        let size = (usable(visible.0, 1.0).min(self.sheet.0), usable(visible.1, 1.0).min(self.sheet.1));
        let origin =
            |scrolled: f64, room: f64| if scrolled.is_finite() { scrolled.clamp(0.0, room.max(0.0)) } else { 0.0 };
        Window { size, origin: (origin(scroll.0, self.sheet.0 - size.0), origin(scroll.1, self.sheet.1 - size.1)) }
    }

    /// The layout rectangle `(left, top, right, bottom)` that `window` shows.
    pub fn shown(&self, window: &Window) -> (f64, f64, f64, f64) {
        let left = (window.origin.0 - self.offset_x) / self.scale;
        let top = window.origin.1 / self.scale;
        (left, top, left + window.size.0 / self.scale, top + window.size.1 / self.scale)
    }

    /// The scroll position that keeps the chart's point under `anchor` (CSS pixels from the
    /// box's top left) where it is when the view changes from `self`, scrolled to `scroll`, to
    /// `next`.
    pub fn scroll_after(&self, next: &View, scroll: (f64, f64), anchor: (f64, f64)) -> (f64, f64) {
        let x = (scroll.0 + anchor.0 - self.offset_x) / self.scale;
        let y = (scroll.1 + anchor.1) / self.scale;
        ((next.offset_x + x * next.scale - anchor.0).max(0.0), (y * next.scale - anchor.1).max(0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_fits_the_width_within_its_bounds() {
        let small = View::new((200.0, 600.0), Zoom::FitWidth, 330.0);
        assert_eq!((small.scale, small.sheet, small.offset_x), (1.0, (330.0, 600.0), 65.0));
        let wide = View::new((1000.0, 100.0), Zoom::FitWidth, 330.0);
        assert_eq!((wide.scale, wide.sheet, wide.offset_x), (0.6, (600.0, 60.0), 0.0));
        let fitted = View::new((660.0, 100.0), Zoom::FitWidth, 330.0);
        assert_eq!((fitted.scale, fitted.sheet), (0.5f64.max(MIN_FIT_SCALE), (396.0, 60.0)));
    }

    #[test]
    fn the_window_is_the_box_and_follows_the_scroll_within_the_sheet() {
        let view = View::new((81.0, 171_966.0), Zoom::Scale(2.0), 330.0);
        assert_eq!(view.sheet, (330.0, 343_932.0));
        let w = view.window((0.0, 1_000.0), (330.0, 640.0));
        assert_eq!((w.size, w.origin), ((330.0, 640.0), (0.0, 1_000.0)));
        assert_eq!(view.shown(&w), ((0.0 - view.offset_x) / 2.0, 500.0, (330.0 - view.offset_x) / 2.0, 820.0));
        // Scrolled past the end (a scrollbar took some height): the canvas stops at the sheet's end.
        let end = view.window((0.0, 1e9), (330.0, 640.0));
        assert_eq!(end.origin.1, 343_932.0 - 640.0);
        // A short sheet: the canvas is the sheet's height, not the box's.
        let short = View::new((100.0, 50.0), Zoom::FitWidth, 330.0).window((0.0, 0.0), (330.0, 640.0));
        assert_eq!(short.size, (330.0, 50.0));
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let before = View::new((400.0, 3_000.0), Zoom::Scale(1.0), 330.0);
        let after = View::new((400.0, 3_000.0), Zoom::Scale(2.0), 330.0);
        let (scroll, anchor) = ((20.0, 500.0), (100.0, 200.0));
        let next = before.scroll_after(&after, scroll, anchor);
        let point = |v: &View, s: (f64, f64)| ((s.0 + anchor.0 - v.offset_x) / v.scale, (s.1 + anchor.1) / v.scale);
        let (a, b) = (point(&before, scroll), point(&after, next));
        assert!((a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9, "{a:?} → {b:?}");
    }

    #[test]
    fn zoom_steps_stay_in_range_and_fit_all_shows_everything() {
        let size = (81.0, 171_966.0);
        let range = zoom_range(size, (330.0, 640.0));
        assert!((range.0 - 640.0 / 171_966.0).abs() < 1e-12 && range.1 == MAX_ZOOM);
        assert_eq!(stepped(1.0, 1, range), 1.25);
        assert_eq!(stepped(3.5, 3, range), MAX_ZOOM);
        assert_eq!(stepped(1.0, -100, range), range.0);
        assert!((wheel_zoom(1.0, -100.0, range) - 1.249).abs() < 0.01, "a notch up is about a step in");
        assert!(wheel_zoom(1.0, 100.0, range) < 0.81 && wheel_zoom(1.0, f64::NAN, range) == 1.0);
        let all = View::new(size, Zoom::Scale(fit_all(size, (330.0, 640.0))), 330.0);
        assert!(all.sheet.1 <= 640.0 + 1.0 && all.sheet.0 <= 330.0 + 1.0);
        assert_eq!(zoom_range((100.0, 100.0), (330.0, 640.0)), (MIN_ZOOM, MAX_ZOOM));
    }

    #[test]
    fn nothing_passes_the_limits_whatever_the_input() {
        for size in [(81.0, 171_966.0), (222_102.0, 138.0), (1e9, 1e9), (f64::NAN, -1.0)] {
            for zoom in [Zoom::FitWidth, Zoom::Scale(4.0), Zoom::Scale(f64::INFINITY), Zoom::Scale(-2.0)] {
                let view = View::new(size, zoom, 330.0);
                assert!(
                    view.scale > 0.0 && view.sheet.0 <= MAX_SHEET_SIDE + 1.0 && view.sheet.1 <= MAX_SHEET_SIDE + 1.0
                );
                let window = view.window((f64::NAN, 1e12), (1e9, f64::NAN));
                for dpr in [1.0, 3.0, f64::NAN] {
                    let ratio = pixel_ratio(window.size, dpr);
                    let (w, h) = ((window.size.0 * ratio).floor(), (window.size.1 * ratio).floor());
                    assert!(w <= MAX_CANVAS_SIDE && h <= MAX_CANVAS_SIDE && w * h <= MAX_CANVAS_AREA * 1.001);
                }
            }
        }
        assert_eq!(view_height(100.0, 800.0), 100.0);
        assert_eq!(view_height(5_000.0, 800.0), 680.0);
        assert_eq!(view_height(5_000.0, 400.0), 640.0);
    }
}
