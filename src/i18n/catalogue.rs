//! `catalogue!`: one region's words as a struct, with its English and Chinese constants.
//!
//! ```ignore
//! catalogue! {
//!     /// The training panel.
//!     Train {
//!         /// The panel's heading.
//!         title: "Train" | "训练",
//!     }
//! }
//! ```
//! makes `pub struct Train { pub title: &'static str }`, `Train::EN`, `Train::ZH`, and
//! `Train::ENTRIES` (every key with both texts, for the catalogue's tests). A key given in one
//! language only does not compile.

macro_rules! catalogue {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$doc:meta])* $key:ident: $en:literal | $zh:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug)]
        pub struct $name {
            $( $(#[$doc])* pub $key: &'static str, )*
        }

        impl $name {
            /// In English.
            pub const EN: $name = $name { $( $key: $en, )* };
            /// In Chinese.
            pub const ZH: $name = $name { $( $key: $zh, )* };
            /// Every key with its two texts.
            pub const ENTRIES: &'static [$crate::i18n::Entry] = &[
                $( $crate::i18n::Entry { region: stringify!($name), key: stringify!($key), en: $en, zh: $zh }, )*
            ];
        }
    };
}
