//! Node outlines as geometry: how big a node must be around its label, whether a point lies
//! inside it, and where a ray from its centre leaves it.
//!
//! For a label of `lw × lh` px and padding `px`, `py`, with `h = lh + 2·py`:
//!
//! ```text
//! Rectangle, Rounded   (lw + 2px) × h              corners: radius 5 when rounded
//! Stadium              (lw + px + h) × h           half-circle ends of radius h/2
//! Asymmetric           (lw + 2px + h/2) × h        flag: notch of depth min(h/2, w/4) on the left
//! Diamond              1.5(lw + px) × 3(lh + py)   the padded label box reaches ¾ of the way out
//! Circle               d × d                       d = √(lw² + lh²) + 2py
//! Subroutine           (lw + 2px + 16) × h         a second line 8 px in from each side
//! Cylinder             (lw + 2px) × (h + 2ry)      elliptic ends, ry = (w/2) / (2.5 + w/50) (Mermaid's)
//! Hexagon              (lw + 2px + h/2) × h        points h/4 out on each side
//! LeanRight, LeanLeft,
//! Trapezoid, InvTrap.  (lw + 2px + h/2) × h        sides slanted h/2 across the height
//! ```
//!
//! Every outline is star-shaped about its centre, so a ray from the centre crosses the border
//! exactly once, which [`Shape::border_toward`] finds in closed form (rectangle, diamond, circle)
//! or by bisection (the outlines with curves or a notch).

use crate::diagram::graph::Shape;

/// Radius of a rounded rectangle's corners (Mermaid draws `rx = 5`).
const CORNER_RADIUS: f64 = 5.0;

/// Smallest width or height of a node, so that no outline is degenerate.
const LEAST_SIZE: f64 = 2.0;

impl Shape {
    /// The node's width and height for a label of `label` = (width, height), padded by
    /// `padding` = (left and right, above and below).
    pub fn size_for_label(self, label: (f64, f64), padding: (f64, f64)) -> (f64, f64) {
        let (lw, lh) = label;
        let (px, py) = padding;
        let h = lh + 2.0 * py;
        let (width, height) = match self {
            Shape::Rectangle | Shape::Rounded => (lw + 2.0 * px, h),
            Shape::Stadium => (lw + px + h, h),
            Shape::Asymmetric => (lw + 2.0 * px + h / 2.0, h),
            Shape::Diamond => (1.5 * (lw + px), 3.0 * (lh + py)),
            Shape::Circle => {
                let diameter = lw.hypot(lh) + 2.0 * py;
                (diameter, diameter)
            }
            Shape::Subroutine => (lw + 2.0 * px + 2.0 * SUBROUTINE_INSET, h),
            Shape::Cylinder => {
                let width = lw + 2.0 * px;
                (width, h + 2.0 * cylinder_ry(width))
            }
            Shape::Hexagon | Shape::LeanRight | Shape::LeanLeft | Shape::Trapezoid | Shape::InvTrapezoid => {
                (lw + 2.0 * px + h / 2.0, h)
            }
        };
        (width.max(LEAST_SIZE), height.max(LEAST_SIZE))
    }

    /// Whether the point `offset` from the centre lies inside (or on) an outline of `size`.
    pub fn contains(self, size: (f64, f64), offset: (f64, f64)) -> bool {
        let (half_w, half_h) = (size.0 / 2.0, size.1 / 2.0);
        let (dx, dy) = (offset.0.abs(), offset.1.abs());
        if half_w <= 0.0 || half_h <= 0.0 || dx > half_w || dy > half_h {
            return false;
        }
        match self {
            Shape::Rectangle => true,
            Shape::Rounded => in_rounded(half_w, half_h, CORNER_RADIUS.min(half_w).min(half_h), dx, dy),
            Shape::Stadium => in_rounded(half_w, half_h, half_w.min(half_h), dx, dy),
            Shape::Diamond => dx / half_w + dy / half_h <= 1.0,
            Shape::Circle => (dx / half_w).powi(2) + (dy / half_h).powi(2) <= 1.0,
            Shape::Asymmetric => {
                let depth = half_h.min(half_w / 2.0);
                offset.0 >= -half_w + depth * (1.0 - dy / half_h)
            }
            Shape::Subroutine => true,
            Shape::Cylinder => {
                let ry = cylinder_ry(size.0).min(half_h);
                let body = half_h - ry;
                dy <= body || (dx / half_w).powi(2) + ((dy - body) / ry).powi(2) <= 1.0
            }
            Shape::Hexagon => dx <= half_w - (size.1 / 4.0).min(half_w) * dy / half_h,
            Shape::LeanRight | Shape::LeanLeft | Shape::Trapezoid | Shape::InvTrapezoid => {
                let (left, right) = self.slant_insets(size, offset.1);
                offset.0 >= -half_w + left && offset.0 <= half_w - right
            }
        }
    }

    /// Where the segment from `centre` toward `toward` crosses the border of an outline of `size`
    /// centred at `centre`; `toward` itself when it lies inside.
    pub fn border_toward(self, centre: (f64, f64), size: (f64, f64), toward: (f64, f64)) -> (f64, f64) {
        let (dx, dy) = (toward.0 - centre.0, toward.1 - centre.1);
        if self.contains(size, (dx, dy)) || !(dx.is_finite() && dy.is_finite()) {
            return toward;
        }
        let (half_w, half_h) = (size.0 / 2.0, size.1 / 2.0);
        let exact = match self {
            Shape::Rectangle => Some((half_w / dx.abs()).min(half_h / dy.abs())),
            Shape::Diamond => Some(1.0 / (dx.abs() / half_w + dy.abs() / half_h)),
            Shape::Circle => Some(1.0 / ((dx / half_w).powi(2) + (dy / half_h).powi(2)).sqrt()),
            Shape::Subroutine => Some((half_w / dx.abs()).min(half_h / dy.abs())),
            _ => None,
        };
        if let Some(t) = exact.filter(|t| t.is_finite()) {
            return (centre.0 + dx * t, centre.1 + dy * t);
        }
        let (mut inside, mut outside) = (0.0_f64, 1.0_f64);
        for _ in 0..60 {
            let middle = (inside + outside) / 2.0;
            if self.contains(size, (dx * middle, dy * middle)) {
                inside = middle;
            } else {
                outside = middle;
            }
        }
        let t = (inside + outside) / 2.0;
        (centre.0 + dx * t, centre.1 + dy * t)
    }
}

impl Shape {
    /// How far in from the bounding box the left and right sides of a slanted outline stand at
    /// `dy` from the centre (down positive): `[/ /]` leans right, its top shifted right.
    fn slant_insets(self, size: (f64, f64), dy: f64) -> (f64, f64) {
        let slant = (size.1 / 2.0).min(size.0 / 2.0);
        let down = ((dy + size.1 / 2.0) / size.1).clamp(0.0, 1.0);
        let (top, bottom) = (slant * (1.0 - down), slant * down);
        match self {
            Shape::LeanRight => (top, bottom),
            Shape::LeanLeft => (bottom, top),
            Shape::Trapezoid => (top, top),
            Shape::InvTrapezoid => (bottom, bottom),
            _ => (0.0, 0.0),
        }
    }

    /// The corners of a slanted outline of `size` about (0, 0), clockwise from the top left (for
    /// drawing); `None` for the other outlines.
    pub fn slanted_corners(self, size: (f64, f64)) -> Option<[(f64, f64); 4]> {
        if !matches!(self, Shape::LeanRight | Shape::LeanLeft | Shape::Trapezoid | Shape::InvTrapezoid) {
            return None;
        }
        let (half_w, half_h) = (size.0 / 2.0, size.1 / 2.0);
        let (top_left, top_right) = self.slant_insets(size, -half_h);
        let (bottom_left, bottom_right) = self.slant_insets(size, half_h);
        Some([
            (-half_w + top_left, -half_h),
            (half_w - top_right, -half_h),
            (half_w - bottom_right, half_h),
            (-half_w + bottom_left, half_h),
        ])
    }
}

/// How far a subroutine's inner lines stand in from its sides.
pub const SUBROUTINE_INSET: f64 = 8.0;

/// The vertical radius of a cylinder's ends for its width (Mermaid's `rx / (2.5 + w / 50)`).
pub fn cylinder_ry(width: f64) -> f64 {
    (width / 2.0) / (2.5 + width / 50.0)
}

/// Whether (dx, dy) ≥ 0 lies in a rectangle of half-size (half_w, half_h) with corners of radius r.
fn in_rounded(half_w: f64, half_h: f64, r: f64, dx: f64, dy: f64) -> bool {
    let (qx, qy) = (dx - (half_w - r), dy - (half_h - r));
    qx <= 0.0 || qy <= 0.0 || qx * qx + qy * qy <= r * r
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Shape; 13] = Shape::ALL;

    #[test]
    fn every_outline_holds_its_label_box() {
        let label = (70.0, 16.0);
        for shape in ALL {
            let size = shape.size_for_label(label, (15.0, 10.0));
            for corner in [(35.0, 8.0), (-35.0, 8.0), (35.0, -8.0), (-35.0, -8.0)] {
                assert!(shape.contains(size, corner), "{shape:?} {size:?} misses {corner:?}");
            }
        }
    }

    #[test]
    fn sizes_match_the_table() {
        let padding = (15.0, 10.0);
        assert_eq!(Shape::Rectangle.size_for_label((70.0, 16.0), padding), (100.0, 36.0));
        assert_eq!(Shape::Stadium.size_for_label((70.0, 16.0), padding), (121.0, 36.0));
        assert_eq!(Shape::Diamond.size_for_label((70.0, 16.0), padding), (127.5, 78.0));
        assert_eq!(Shape::Circle.size_for_label((30.0, 40.0), padding), (70.0, 70.0));
        assert_eq!(Shape::Rectangle.size_for_label((0.0, 0.0), (0.0, 0.0)), (2.0, 2.0));
        assert_eq!(Shape::Subroutine.size_for_label((70.0, 16.0), padding), (116.0, 36.0));
        assert_eq!(Shape::Hexagon.size_for_label((70.0, 16.0), padding), (118.0, 36.0));
        let (width, height) = Shape::Cylinder.size_for_label((70.0, 16.0), padding);
        assert_eq!(width, 100.0);
        assert!((height - (36.0 + 2.0 * 50.0 / 4.5)).abs() < 1e-9);
    }

    #[test]
    fn slanted_outlines_lean_their_way() {
        let size = (100.0, 40.0);
        let corners = |shape: Shape| shape.slanted_corners(size).unwrap();
        assert_eq!(corners(Shape::LeanRight), [(-30.0, -20.0), (50.0, -20.0), (30.0, 20.0), (-50.0, 20.0)]);
        assert_eq!(corners(Shape::LeanLeft), [(-50.0, -20.0), (30.0, -20.0), (50.0, 20.0), (-30.0, 20.0)]);
        assert_eq!(corners(Shape::Trapezoid), [(-30.0, -20.0), (30.0, -20.0), (50.0, 20.0), (-50.0, 20.0)]);
        assert_eq!(corners(Shape::InvTrapezoid), [(-50.0, -20.0), (50.0, -20.0), (30.0, 20.0), (-30.0, 20.0)]);
        assert_eq!(Shape::Rectangle.slanted_corners(size), None);
        assert!(Shape::LeanRight.contains(size, (45.0, -19.0)) && !Shape::LeanRight.contains(size, (-45.0, -19.0)));
    }

    #[test]
    fn border_points_lie_on_the_outline() {
        let size = (100.0, 40.0);
        for shape in ALL {
            for angle in (0..32).map(|step| step as f64 * std::f64::consts::TAU / 32.0) {
                let toward = (300.0 * angle.cos(), 300.0 * angle.sin());
                let (x, y) = shape.border_toward((0.0, 0.0), size, toward);
                let length = x.hypot(y);
                let (ux, uy) = (x / length, y / length);
                assert!(shape.contains(size, (x - 0.01 * ux, y - 0.01 * uy)), "{shape:?} at {angle}");
                assert!(!shape.contains(size, (x + 0.01 * ux, y + 0.01 * uy)), "{shape:?} at {angle}");
            }
        }
    }

    #[test]
    fn known_border_points() {
        let size = (100.0, 40.0);
        let right = Shape::Rectangle.border_toward((10.0, 10.0), size, (200.0, 10.0));
        assert!((right.0 - 60.0).abs() < 1e-9 && right.1 == 10.0);
        let down = Shape::Diamond.border_toward((0.0, 0.0), size, (0.0, 100.0));
        assert!((down.1 - 20.0).abs() < 1e-9);
        let diagonal = Shape::Circle.border_toward((0.0, 0.0), (40.0, 40.0), (100.0, 100.0));
        assert!((diagonal.0.hypot(diagonal.1) - 20.0).abs() < 1e-9);
        let notch = Shape::Asymmetric.border_toward((0.0, 0.0), size, (-200.0, 0.0));
        assert!((notch.0 + 30.0).abs() < 1e-9, "{notch:?}");
        assert_eq!(Shape::Rectangle.border_toward((0.0, 0.0), size, (5.0, 5.0)), (5.0, 5.0));
    }
}
