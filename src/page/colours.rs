//! The classes' colours, and which ink reads on each (WCAG 2's contrast ratio).
//!
//! The class-balance bar writes each class' name and share on its colour; the scatter plot and
//! the decision boundary draw the same colours. Text on a colour must reach [`MIN_CONTRAST`]
//! (WCAG 2 AA for normal text): [`ink_on`] picks white or the page's dark text, whichever
//! contrasts more.
//!
//! Contrast is `(L₁ + 0.05) / (L₂ + 0.05)` of the relative luminances `L = 0.2126 R + 0.7152 G +
//! 0.0722 B` of the linearised sRGB channels (`c / 12.92` up to 0.04045, else
//! `((c + 0.055) / 1.055)^2.4`).

/// An sRGB colour.
pub type Rgb = (u8, u8, u8);

/// Class colours: slate for 0 and orange for 1, then blue, green, purple and pink (Tailwind's
/// 600 shades), repeated beyond six classes.
pub const CLASS_COLOURS: [Rgb; 6] =
    [(71, 85, 105), (234, 88, 12), (37, 99, 235), (22, 163, 74), (147, 51, 234), (219, 39, 119)];

/// The colour of `class`.
pub fn class_colour(class: usize) -> Rgb {
    CLASS_COLOURS[class % CLASS_COLOURS.len()]
}

/// The light ink: white.
pub const WHITE: Rgb = (255, 255, 255);
/// The dark ink: the page's text colour in the light theme (`--text`, #111827).
pub const DARK_TEXT: Rgb = (17, 24, 39);
/// The least contrast text may have on its background (WCAG 2 AA, normal text).
pub const MIN_CONTRAST: f64 = 4.5;

/// Relative luminance of `c`, 0 (black) to 1 (white).
pub fn luminance(c: Rgb) -> f64 {
    let channel = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

/// Contrast ratio of `a` and `b`, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The ink (white or [`DARK_TEXT`]) that contrasts more with `background`.
pub fn ink_on(background: Rgb) -> Rgb {
    if contrast(WHITE, background) >= contrast(DARK_TEXT, background) {
        WHITE
    } else {
        DARK_TEXT
    }
}

/// `rgb(r,g,b)`, as CSS writes it.
pub fn css(c: Rgb) -> String {
    format!("rgb({},{},{})", c.0, c.1, c.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_examples() {
        assert!((contrast(WHITE, (0, 0, 0)) - 21.0).abs() < 1e-9);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        assert!((contrast(WHITE, (118, 118, 118)) - 4.54).abs() < 0.01);
    }

    #[test]
    fn every_class_colour_has_a_readable_ink() {
        for (class, &c) in CLASS_COLOURS.iter().enumerate() {
            let ratio = contrast(ink_on(c), c);
            assert!(ratio >= MIN_CONTRAST, "class {class} {c:?}: {ratio:.2}");
        }
        // White on orange, as the bar had it, is 3.56:1: the orange takes the dark ink.
        assert!(contrast(WHITE, CLASS_COLOURS[1]) < MIN_CONTRAST);
        assert_eq!(ink_on(CLASS_COLOURS[1]), DARK_TEXT);
        assert_eq!(ink_on(CLASS_COLOURS[0]), WHITE);
    }
}
