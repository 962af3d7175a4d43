//! The page's address: what it said that could not be used (each line is a
//! [`SetupError`](crate::setup::SetupError), in both languages).

catalogue! {
    /// The list of the address' mistakes, above the panels.
    Link {
        /// One mistake (`{error}`: `key: "value" — why`).
        error: "URL: {error}" | "网址：{error}",
        /// Under the list.
        rest_applies: "The rest of the set-up from the address applies." | "网址中其余的设置仍然有效。",
        /// Closes the list.
        dismiss: "Dismiss" | "关闭",
    }
}
