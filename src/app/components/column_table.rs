//! A loaded file's columns: each one's use check box, name, kind, mean, standard deviation and
//! missing cells, [`PAGE_ROWS`] rows at a time, with a pager and a filter by name.
//!
//! The page holds only the rows on screen, so a file of 1,000 columns costs it what a file of 50
//! does: a row is keyed by what it shows, and made again only when that changes (preparing the
//! file again after an untick changes no row); each row has two closures that follow the
//! language, and one that follows the choices (`excluded`, a single signal for every column).

use leptos::prelude::*;

use crate::app::lang::use_text;
use crate::data::{ColumnSummary, SummaryKind};
use crate::i18n::{fill, Text};

/// Rows shown at a time.
pub const PAGE_ROWS: usize = 50;

/// A column's row as shown: its key, so that a row is made again only when what it shows changes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Row {
    name: String,
    kind: SummaryKind,
    levels: Option<usize>,
    mean: String,
    std: String,
    missing: usize,
}

impl Row {
    fn of(column: &ColumnSummary) -> Self {
        let number = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v:.3}"));
        Row {
            name: column.name.clone(),
            kind: column.kind,
            levels: column.levels,
            mean: number(column.mean),
            std: number(column.std),
            missing: column.missing,
        }
    }

    /// The kind, in words.
    fn kind_words(&self, t: &'static Text) -> String {
        let t = &t.data;
        match self.kind {
            SummaryKind::Numeric => t.kind_number.to_string(),
            SummaryKind::Label => t.kind_label.to_string(),
            _ => self.levels.map_or(t.kind_text.to_string(), |n| fill(t.kind_levels, &[("n", &n)])),
        }
    }
}

/// The first row shown of page `page` (from 0) of `matching` rows, and the last page.
fn page_bounds(page: usize, matching: usize) -> (usize, usize) {
    let last = matching.saturating_sub(1) / PAGE_ROWS;
    (page.min(last) * PAGE_ROWS, last)
}

/// The table of `columns`; `excluded` holds the columns left out, `on_toggle(name, used)` is
/// called when a box is ticked or unticked.
#[component]
pub fn ColumnTable(
    /// Every column of the file, summarised.
    #[prop(into)]
    columns: Signal<Vec<ColumnSummary>>,
    /// The columns left out (read only: the owner changes it in `on_toggle`).
    excluded: Signal<Vec<String>>,
    /// A column's box changed: its name, and whether it is used.
    on_toggle: Callback<(String, bool)>,
) -> impl IntoView {
    let t = use_text();
    let filter = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    // The columns whose names hold the filter (ignoring case), by position.
    let matching = Memo::new(move |_| {
        let needle = filter.with(|f| f.trim().to_lowercase());
        columns.with(|columns| {
            columns
                .iter()
                .enumerate()
                .filter(|(_, c)| needle.is_empty() || c.name.to_lowercase().contains(&needle))
                .map(|(j, _)| j)
                .collect::<Vec<_>>()
        })
    });
    let bounds = Memo::new(move |_| page_bounds(page.get(), matching.with(Vec::len)));
    let shown = Memo::new(move |_| {
        let (first, _) = bounds.get();
        columns.with(|columns| {
            matching.with(|m| m.iter().skip(first).take(PAGE_ROWS).map(|&j| Row::of(&columns[j])).collect::<Vec<_>>())
        })
    });
    let row = move |row: Row| {
        let name = row.name.clone();
        let used = {
            let name = name.clone();
            move || !excluded.with(|e| e.contains(&name))
        };
        let toggle = {
            let name = name.clone();
            move |ev: leptos::ev::Event| on_toggle.run((name.clone(), event_target_checked(&ev)))
        };
        let label = name.clone();
        let is_label = row.kind == SummaryKind::Label;
        let (mean, std, missing) = (row.mean.clone(), row.std.clone(), row.missing);
        view! {
            <tr>
                <td>
                    <input type="checkbox" prop:checked=used disabled=is_label on:change=toggle data-testid="use-column"
                        aria-label=move || fill(t.get().data.use_column, &[("name", &label)]) />
                </td>
                <td class="name">{name}</td>
                <td>{move || row.kind_words(t.get())}</td>
                <td>{mean}</td>
                <td>{std}</td>
                <td>{missing}</td>
            </tr>
        }
    };
    let pages = move || {
        let t = &t.get().data;
        let (first, _) = bounds.get();
        let total = matching.with(Vec::len);
        if total == 0 {
            return filter.with(|f| fill(t.columns_none, &[("filter", &f.trim())]));
        }
        let last = (first + PAGE_ROWS).min(total);
        fill(t.columns_shown, &[("from", &(first + 1)), ("to", &last), ("total", &total)])
    };
    let paged = move || columns.with(Vec::len) > PAGE_ROWS;
    let heading = move |pick: fn(&'static Text) -> &'static str| view! { <th>{move || pick(t.get())}</th> };
    view! {
        <Show when=paged>
            <div class="column-pager">
                <input type="search" class="column-filter" data-testid="column-filter"
                    placeholder=move || t.get().data.filter_columns aria-label=move || t.get().data.filter_columns
                    prop:value=move || filter.get()
                    on:input=move |ev| {
                        filter.set(event_target_value(&ev));
                        page.set(0);
                    } />
                <button data-testid="column-prev" aria-label=move || t.get().data.columns_previous
                    disabled=move || bounds.get().0 == 0
                    on:click=move |_| page.set((bounds.get_untracked().0 / PAGE_ROWS).saturating_sub(1))>"‹"</button>
                <span class="column-pages" data-testid="column-pages" aria-live="polite">{pages}</span>
                <button data-testid="column-next" aria-label=move || t.get().data.columns_next
                    disabled=move || { let (first, last) = bounds.get(); first / PAGE_ROWS >= last }
                    on:click=move |_| page.set(bounds.get_untracked().0 / PAGE_ROWS + 1)>"›"</button>
            </div>
        </Show>
        <div class="table-wrap">
            <table class="preview columns" data-testid="column-summary">
                <thead><tr>
                    {heading(|t| t.data.col_use)}{heading(|t| t.data.col_name)}{heading(|t| t.data.col_kind)}
                    {heading(|t| t.data.col_mean)}{heading(|t| t.data.col_std)}{heading(|t| t.data.col_missing)}
                </tr></thead>
                <tbody>
                    <For each=move || shown.get() key=|row| row.clone() children=row />
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_hold_page_rows_and_a_page_past_the_end_shows_the_last() {
        assert_eq!(page_bounds(0, 1000), (0, 19));
        assert_eq!(page_bounds(19, 1000), (950, 19));
        assert_eq!(page_bounds(25, 1000), (950, 19), "after a filter shortened the list");
        assert_eq!(page_bounds(1, 51), (50, 1));
        assert_eq!((page_bounds(3, 0), page_bounds(0, 50)), ((0, 0), (0, 0)));
    }
}
