//! Colours a chart may give its nodes (`fill:#f96`, `stroke:darkblue`, `color:rgb(0, 0, 0)`),
//! checked and kept as numbers, so that nothing a user writes reaches the canvas as text: the
//! page draws with [`Colour::css`], which this module writes.
//!
//! ```text
//! #rgb  #rgba  #rrggbb  #rrggbbaa       hex, as CSS reads it
//! rgb(255, 153, 102)  rgba(0,0,0,0.5)   rgb() with 0–255 or percentages, alpha 0–1 or %
//! darkblue  RebeccaPurple  transparent  the 148 CSS named colours (any case)
//! ```
//!
//! ```
//! use mlp_lab::diagram::Colour;
//! assert_eq!("#f96".parse::<Colour>(), Ok(Colour { r: 0xff, g: 0x99, b: 0x66, a: 255 }));
//! assert_eq!(Colour { r: 0, g: 0, b: 139, a: 255 }.css(), "rgba(0,0,139,1)");
//! assert!("url(javascript:x)".parse::<Colour>().is_err());
//! ```

use std::str::FromStr;

/// A colour as red, green, blue and alpha, 0–255 each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Opacity, 255 opaque.
    pub a: u8,
}

/// The text is not a colour this module reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAColour;

impl Colour {
    /// The colour as a CSS `rgba(…)` string, for the canvas.
    pub fn css(self) -> String {
        let alpha = f64::from(self.a) / 255.0;
        format!("rgba({},{},{},{})", self.r, self.g, self.b, (alpha * 1000.0).round() / 1000.0)
    }

    /// Relative luminance (sRGB, WCAG), 0 black to 1 white: a light fill wants dark text.
    pub fn luminance(self) -> f64 {
        crate::page::colours::luminance((self.r, self.g, self.b))
    }
}

impl FromStr for Colour {
    type Err = NotAColour;

    fn from_str(text: &str) -> Result<Colour, NotAColour> {
        let text = text.trim();
        if let Some(hex) = text.strip_prefix('#') {
            return from_hex(hex);
        }
        let lower = text.to_ascii_lowercase();
        if let Some(inside) = lower.strip_prefix("rgba(").or_else(|| lower.strip_prefix("rgb(")) {
            return from_rgb(inside.strip_suffix(')').ok_or(NotAColour)?);
        }
        if lower == "transparent" {
            return Ok(Colour { r: 0, g: 0, b: 0, a: 0 });
        }
        let at = NAMED.binary_search_by(|(name, _)| name.cmp(&lower.as_str())).map_err(|_| NotAColour)?;
        let value = NAMED[at].1;
        Ok(Colour { r: (value >> 16) as u8, g: (value >> 8) as u8, b: value as u8, a: 255 })
    }
}

fn from_hex(hex: &str) -> Result<Colour, NotAColour> {
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(NotAColour);
    }
    let digit = |at: usize| u8::from_str_radix(&hex[at..at + 1], 16).map_err(|_| NotAColour);
    let pair = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).map_err(|_| NotAColour);
    match hex.len() {
        3 | 4 => {
            let short = |at: usize| digit(at).map(|d| d * 17);
            let a = if hex.len() == 4 { short(3)? } else { 255 };
            Ok(Colour { r: short(0)?, g: short(1)?, b: short(2)?, a })
        }
        6 | 8 => {
            let a = if hex.len() == 8 { pair(6)? } else { 255 };
            Ok(Colour { r: pair(0)?, g: pair(2)?, b: pair(4)?, a })
        }
        _ => Err(NotAColour),
    }
}

/// `r, g, b[, a]` (commas or spaces, `/` before alpha), channels 0–255 or percentages.
fn from_rgb(inside: &str) -> Result<Colour, NotAColour> {
    let parts: Vec<&str> = inside.split([',', ' ', '/']).map(str::trim).filter(|p| !p.is_empty()).collect();
    if !(3..=4).contains(&parts.len()) {
        return Err(NotAColour);
    }
    let number = |part: &str, full: f64| -> Result<f64, NotAColour> {
        let (value, percent) = match part.strip_suffix('%') {
            Some(percent) => (percent, true),
            None => (part, false),
        };
        let value: f64 = value.parse().map_err(|_| NotAColour)?;
        if !value.is_finite() {
            return Err(NotAColour);
        }
        Ok(if percent { value * full / 100.0 } else { value }.clamp(0.0, full))
    };
    let channel = |part: &str| number(part, 255.0).map(|v| v.round() as u8);
    let a = match parts.get(3) {
        Some(part) if part.ends_with('%') => (number(part, 255.0)?).round() as u8,
        Some(part) => (number(part, 1.0)? * 255.0).round() as u8,
        None => 255,
    };
    Ok(Colour { r: channel(parts[0])?, g: channel(parts[1])?, b: channel(parts[2])?, a })
}

/// The CSS named colours (CSS Color Module Level 4), sorted by name, as 0xRRGGBB.
const NAMED: [(&str, u32); 148] = [
    ("aliceblue", 0xf0f8ff),
    ("antiquewhite", 0xfaebd7),
    ("aqua", 0x00ffff),
    ("aquamarine", 0x7fffd4),
    ("azure", 0xf0ffff),
    ("beige", 0xf5f5dc),
    ("bisque", 0xffe4c4),
    ("black", 0x000000),
    ("blanchedalmond", 0xffebcd),
    ("blue", 0x0000ff),
    ("blueviolet", 0x8a2be2),
    ("brown", 0xa52a2a),
    ("burlywood", 0xdeb887),
    ("cadetblue", 0x5f9ea0),
    ("chartreuse", 0x7fff00),
    ("chocolate", 0xd2691e),
    ("coral", 0xff7f50),
    ("cornflowerblue", 0x6495ed),
    ("cornsilk", 0xfff8dc),
    ("crimson", 0xdc143c),
    ("cyan", 0x00ffff),
    ("darkblue", 0x00008b),
    ("darkcyan", 0x008b8b),
    ("darkgoldenrod", 0xb8860b),
    ("darkgray", 0xa9a9a9),
    ("darkgreen", 0x006400),
    ("darkgrey", 0xa9a9a9),
    ("darkkhaki", 0xbdb76b),
    ("darkmagenta", 0x8b008b),
    ("darkolivegreen", 0x556b2f),
    ("darkorange", 0xff8c00),
    ("darkorchid", 0x9932cc),
    ("darkred", 0x8b0000),
    ("darksalmon", 0xe9967a),
    ("darkseagreen", 0x8fbc8f),
    ("darkslateblue", 0x483d8b),
    ("darkslategray", 0x2f4f4f),
    ("darkslategrey", 0x2f4f4f),
    ("darkturquoise", 0x00ced1),
    ("darkviolet", 0x9400d3),
    ("deeppink", 0xff1493),
    ("deepskyblue", 0x00bfff),
    ("dimgray", 0x696969),
    ("dimgrey", 0x696969),
    ("dodgerblue", 0x1e90ff),
    ("firebrick", 0xb22222),
    ("floralwhite", 0xfffaf0),
    ("forestgreen", 0x228b22),
    ("fuchsia", 0xff00ff),
    ("gainsboro", 0xdcdcdc),
    ("ghostwhite", 0xf8f8ff),
    ("gold", 0xffd700),
    ("goldenrod", 0xdaa520),
    ("gray", 0x808080),
    ("green", 0x008000),
    ("greenyellow", 0xadff2f),
    ("grey", 0x808080),
    ("honeydew", 0xf0fff0),
    ("hotpink", 0xff69b4),
    ("indianred", 0xcd5c5c),
    ("indigo", 0x4b0082),
    ("ivory", 0xfffff0),
    ("khaki", 0xf0e68c),
    ("lavender", 0xe6e6fa),
    ("lavenderblush", 0xfff0f5),
    ("lawngreen", 0x7cfc00),
    ("lemonchiffon", 0xfffacd),
    ("lightblue", 0xadd8e6),
    ("lightcoral", 0xf08080),
    ("lightcyan", 0xe0ffff),
    ("lightgoldenrodyellow", 0xfafad2),
    ("lightgray", 0xd3d3d3),
    ("lightgreen", 0x90ee90),
    ("lightgrey", 0xd3d3d3),
    ("lightpink", 0xffb6c1),
    ("lightsalmon", 0xffa07a),
    ("lightseagreen", 0x20b2aa),
    ("lightskyblue", 0x87cefa),
    ("lightslategray", 0x778899),
    ("lightslategrey", 0x778899),
    ("lightsteelblue", 0xb0c4de),
    ("lightyellow", 0xffffe0),
    ("lime", 0x00ff00),
    ("limegreen", 0x32cd32),
    ("linen", 0xfaf0e6),
    ("magenta", 0xff00ff),
    ("maroon", 0x800000),
    ("mediumaquamarine", 0x66cdaa),
    ("mediumblue", 0x0000cd),
    ("mediumorchid", 0xba55d3),
    ("mediumpurple", 0x9370db),
    ("mediumseagreen", 0x3cb371),
    ("mediumslateblue", 0x7b68ee),
    ("mediumspringgreen", 0x00fa9a),
    ("mediumturquoise", 0x48d1cc),
    ("mediumvioletred", 0xc71585),
    ("midnightblue", 0x191970),
    ("mintcream", 0xf5fffa),
    ("mistyrose", 0xffe4e1),
    ("moccasin", 0xffe4b5),
    ("navajowhite", 0xffdead),
    ("navy", 0x000080),
    ("oldlace", 0xfdf5e6),
    ("olive", 0x808000),
    ("olivedrab", 0x6b8e23),
    ("orange", 0xffa500),
    ("orangered", 0xff4500),
    ("orchid", 0xda70d6),
    ("palegoldenrod", 0xeee8aa),
    ("palegreen", 0x98fb98),
    ("paleturquoise", 0xafeeee),
    ("palevioletred", 0xdb7093),
    ("papayawhip", 0xffefd5),
    ("peachpuff", 0xffdab9),
    ("peru", 0xcd853f),
    ("pink", 0xffc0cb),
    ("plum", 0xdda0dd),
    ("powderblue", 0xb0e0e6),
    ("purple", 0x800080),
    ("rebeccapurple", 0x663399),
    ("red", 0xff0000),
    ("rosybrown", 0xbc8f8f),
    ("royalblue", 0x4169e1),
    ("saddlebrown", 0x8b4513),
    ("salmon", 0xfa8072),
    ("sandybrown", 0xf4a460),
    ("seagreen", 0x2e8b57),
    ("seashell", 0xfff5ee),
    ("sienna", 0xa0522d),
    ("silver", 0xc0c0c0),
    ("skyblue", 0x87ceeb),
    ("slateblue", 0x6a5acd),
    ("slategray", 0x708090),
    ("slategrey", 0x708090),
    ("snow", 0xfffafa),
    ("springgreen", 0x00ff7f),
    ("steelblue", 0x4682b4),
    ("tan", 0xd2b48c),
    ("teal", 0x008080),
    ("thistle", 0xd8bfd8),
    ("tomato", 0xff6347),
    ("turquoise", 0x40e0d0),
    ("violet", 0xee82ee),
    ("wheat", 0xf5deb3),
    ("white", 0xffffff),
    ("whitesmoke", 0xf5f5f5),
    ("yellow", 0xffff00),
    ("yellowgreen", 0x9acd32),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn colour(text: &str) -> Result<Colour, NotAColour> {
        text.parse()
    }

    #[test]
    fn hex_in_every_length() {
        assert_eq!(colour("#f96"), Ok(Colour { r: 255, g: 153, b: 102, a: 255 }));
        assert_eq!(colour("#F96A"), Ok(Colour { r: 255, g: 153, b: 102, a: 170 }));
        assert_eq!(colour("#0a0B0c"), Ok(Colour { r: 10, g: 11, b: 12, a: 255 }));
        assert_eq!(colour("#0a0b0c80"), Ok(Colour { r: 10, g: 11, b: 12, a: 128 }));
        for bad in ["#", "#ff", "#fffff", "#ggg", "#ff00ff0", "#ééé"] {
            assert_eq!(colour(bad), Err(NotAColour), "{bad}");
        }
    }

    #[test]
    fn rgb_with_numbers_percentages_and_alpha() {
        assert_eq!(colour("rgb(255, 153, 102)"), Ok(Colour { r: 255, g: 153, b: 102, a: 255 }));
        assert_eq!(colour("RGB(100%,0%,50%)"), Ok(Colour { r: 255, g: 0, b: 128, a: 255 }));
        assert_eq!(colour("rgba(0,0,0,0.5)"), Ok(Colour { r: 0, g: 0, b: 0, a: 128 }));
        assert_eq!(colour("rgb(0 0 0 / 50%)"), Ok(Colour { r: 0, g: 0, b: 0, a: 128 }));
        assert_eq!(colour("rgb(300, -5, 0)"), Ok(Colour { r: 255, g: 0, b: 0, a: 255 }), "clamped as CSS does");
        for bad in ["rgb(1,2)", "rgb(1,2,3", "rgb(a,b,c)", "rgb(1,2,3,4,5)", "rgb(NaN,1,1)", "rgb(inf,1,1)"] {
            assert_eq!(colour(bad), Err(NotAColour), "{bad}");
        }
    }

    #[test]
    fn named_colours_in_any_case() {
        assert!(NAMED.windows(2).all(|pair| pair[0].0 < pair[1].0), "sorted, for the search");
        assert_eq!(colour("DarkBlue"), Ok(Colour { r: 0, g: 0, b: 139, a: 255 }));
        assert_eq!(colour("rebeccapurple"), Ok(Colour { r: 0x66, g: 0x33, b: 0x99, a: 255 }));
        assert_eq!(colour("transparent").map(|c| c.a), Ok(0));
        for bad in ["", "bluish", "red;x", "url(x)", "expression(alert(1))", "var(--x)"] {
            assert_eq!(colour(bad), Err(NotAColour), "{bad}");
        }
    }

    #[test]
    fn the_canvas_gets_only_what_this_module_writes() {
        assert_eq!(Colour { r: 1, g: 2, b: 3, a: 128 }.css(), "rgba(1,2,3,0.502)");
        assert!(colour("white").unwrap().luminance() > 0.99 && colour("black").unwrap().luminance() < 0.01);
    }
}
