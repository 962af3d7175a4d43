//! How a laid-out chart fits a canvas: the scale that fits the width of its box, within the
//! limits browsers put on a canvas. Chromium refuses a canvas over 32,767 px a side (and draws
//! nothing at all), and a big backing store costs memory and, above all, time each frame; so the
//! drawing shrinks to fit both, and says that it did.
//!
//! ```text
//! scale  = clamp(box width / layout width, 0.6, 1), then at most what keeps the CSS size within
//!          32,767 px a side and 4 M px in area         (shrunk: below what the box asked)
//! ratio  = device pixel ratio, at most what keeps the backing store within the same limits
//! ```
//!
//! ```
//! use mlp_lab::diagram::fit_canvas;
//! let chain = fit_canvas((81.0, 171_966.0), 330.0, 2.0);
//! assert!(chain.shrunk && chain.css_height <= 32_767.0);
//! assert!((chain.css_height * chain.pixel_ratio).floor() <= 32_767.0);
//! ```

/// Largest side of a canvas' backing store, in pixels (Chromium's limit, and Firefox's).
pub const MAX_CANVAS_SIDE: f64 = 32_767.0;
/// Largest area of a canvas' backing store, in pixels (4 M, 2048²: 16 MB of RGBA). Drawing and
/// compositing cost grows with the area: in headless Chromium 1,000 lines take 47 ms on 2.6 M px
/// and 374 ms on 10.8 M, so a big chart is drawn coarser rather than slower.
pub const MAX_CANVAS_AREA: f64 = 4_194_304.0;
/// Smallest reduction to fit the box's width: below it labels get hard to read, so the canvas
/// grows wider than its box, which scrolls.
pub const MIN_FIT_SCALE: f64 = 0.6;
/// Largest magnification when the box is wider than the drawing.
pub const MAX_FIT_SCALE: f64 = 1.0;

/// The size and scale to draw a chart at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CanvasFit {
    /// CSS pixels per layout pixel.
    pub scale: f64,
    /// The canvas' CSS width (at least the box's).
    pub css_width: f64,
    /// The canvas' CSS height.
    pub css_height: f64,
    /// Backing-store pixels per CSS pixel (the device's ratio, unless that is too big).
    pub pixel_ratio: f64,
    /// Whether the drawing was made smaller than fitting the box asked, to stay within the limits.
    pub shrunk: bool,
}

/// How a layout of `size` (width, height) fits a box `available` CSS pixels wide on a screen of
/// `device_pixel_ratio`; never over [`MAX_CANVAS_SIDE`] a side or [`MAX_CANVAS_AREA`] in area.
pub fn fit_canvas(size: (f64, f64), available: f64, device_pixel_ratio: f64) -> CanvasFit {
    let usable = |v: f64, fallback: f64| if v.is_finite() && v > 0.0 { v } else { fallback };
    let (width, height) = (usable(size.0, 1.0).max(1.0), usable(size.1, 1.0).max(1.0));
    let available = usable(available, 120.0).clamp(1.0, MAX_CANVAS_SIDE);
    let wanted = (available / width).clamp(MIN_FIT_SCALE, MAX_FIT_SCALE);
    let within =
        (MAX_CANVAS_SIDE / width).min(MAX_CANVAS_SIDE / height).min((MAX_CANVAS_AREA / (width * height)).sqrt());
    let scale = wanted.min(within * 0.999);
    let css_width = available.max((width * scale).ceil()).min(MAX_CANVAS_SIDE);
    let css_height = (height * scale).ceil().clamp(1.0, MAX_CANVAS_SIDE);
    let ratio = usable(device_pixel_ratio, 1.0).max(1.0);
    let pixel_ratio = ratio
        .min(MAX_CANVAS_SIDE / css_width)
        .min(MAX_CANVAS_SIDE / css_height)
        .min((MAX_CANVAS_AREA / (css_width * css_height)).sqrt());
    CanvasFit { scale, css_width, css_height, pixel_ratio, shrunk: scale < wanted * 0.999 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn within_limits(fit: &CanvasFit) -> bool {
        let (w, h) = ((fit.css_width * fit.pixel_ratio).floor(), (fit.css_height * fit.pixel_ratio).floor());
        w <= MAX_CANVAS_SIDE && h <= MAX_CANVAS_SIDE && w * h <= MAX_CANVAS_AREA * 1.001
    }

    #[test]
    fn small_charts_fit_the_box_as_before() {
        let fit = fit_canvas((200.0, 600.0), 330.0, 2.0);
        assert_eq!(
            (fit.scale, fit.css_width, fit.css_height, fit.pixel_ratio, fit.shrunk),
            (1.0, 330.0, 600.0, 2.0, false)
        );
        let wide = fit_canvas((1000.0, 100.0), 330.0, 1.0);
        assert_eq!((wide.scale, wide.css_width, wide.shrunk), (0.6, 600.0, false));
    }

    #[test]
    fn tall_wide_and_huge_charts_stay_within_the_limits() {
        for size in [(81.0, 171_966.0), (222_102.0, 138.0), (53_066.0, 3_148.0), (20_000.0, 80_000.0), (1e9, 1e9)] {
            for dpr in [1.0, 2.0, 3.0] {
                let fit = fit_canvas(size, 330.0, dpr);
                assert!(within_limits(&fit), "{size:?} at {dpr}: {fit:?}");
                assert!(fit.shrunk, "{size:?}");
                assert!(size.1 * fit.scale <= fit.css_height + 1.0 && size.0 * fit.scale <= fit.css_width + 1.0);
            }
        }
        let broken = fit_canvas((f64::NAN, -1.0), f64::INFINITY, f64::NAN);
        assert!(within_limits(&broken) && broken.scale > 0.0);
    }
}
