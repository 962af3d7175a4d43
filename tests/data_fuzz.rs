//! No file a user loads makes MLP Lab panic: arbitrary bytes, and CSV-like text built from the
//! characters that matter (delimiters, quotes, line ends, numbers, NA tokens), go through
//! reading, the summary, preparing and splitting. Pieces of any size read as the whole.

use mlp_lab::data::{
    prepare, read_csv, summarize, CsvError, CsvOptions, CsvStream, PrepareOptions, Scaling, Table, MAX_COLUMNS,
};
use proptest::prelude::*;

/// Reads `bytes` in pieces of `size`.
fn chunked(bytes: &[u8], size: usize) -> Result<Table, CsvError> {
    let mut stream = CsvStream::new(CsvOptions::default());
    bytes.chunks(size.max(1)).try_for_each(|c| stream.push(c))?;
    stream.finish()
}

/// Everything a loaded file goes through; it may fail, never panic.
fn everything(bytes: &[u8], piece: usize) {
    let whole = read_csv(bytes, &CsvOptions::default());
    assert_eq!(chunked(bytes, piece), whole, "pieces of {piece} bytes");
    let Ok(table) = whole else { return };
    let _ = summarize(&table, None);
    for scaling in [Scaling::Standard, Scaling::MinMax] {
        let options = PrepareOptions { scaling, ..Default::default() };
        if let Ok((prepared, report)) = prepare(&table, &options) {
            assert_eq!(prepared.data.rows() + report.dropped, table.rows());
            let split = prepared.split(0.3, 1);
            assert!(split.train.x.iter().chain(split.test.x.iter()).all(|v| v.is_finite()), "no NaN from scaling");
        }
    }
    let first = table.names()[0].to_string();
    let _ = prepare(&table, &PrepareOptions { label: Some(first.clone()), exclude: vec![first], ..Default::default() });
}

/// CSV-like text: tokens from a small alphabet and the NA tokens.
fn csvish() -> impl Strategy<Value = Vec<u8>> {
    let tokens = vec![
        ",", ";", "\t", "\n", "\r", "\r\n", "\"", "a", "1", ".", "-", "1e3", "+2", "NA", "nan", "?", "N/A", "b", "x",
        "\u{feff}", "\u{e9}",
    ];
    prop::collection::vec(prop::sample::select(tokens), 0..80).prop_map(|t| t.concat().into_bytes())
}

/// CSV-like text with a header and rows of equal width, so that preparing gets far.
fn tabular() -> impl Strategy<Value = Vec<u8>> {
    let cell = prop::sample::select(vec!["", "1", "2", "0", "-1.5", "1e3", "a", "b", "NA", "?", "\"x,y\"", "3"]);
    (1usize..5, 1usize..12).prop_flat_map(move |(cols, rows)| {
        prop::collection::vec(cell.clone(), cols * rows).prop_map(move |cells| {
            let header: Vec<String> = (0..cols).map(|j| format!("c{j}")).collect();
            let mut text = header.join(",") + "\n";
            for row in cells.chunks(cols) {
                text += &(row.join(",") + "\n");
            }
            text.into_bytes()
        })
    })
}

/// A header of `width` columns (some empty, some repeated) over one row, around the column bound.
fn wide() -> impl Strategy<Value = (usize, Vec<u8>)> {
    (MAX_COLUMNS - 3..MAX_COLUMNS + 4, prop::sample::select(vec!["a", "", "a.1", " b "])).prop_map(|(width, name)| {
        let header: Vec<String> =
            (0..width).map(|j| if j % 7 == 0 { name.to_string() } else { format!("c{j}") }).collect();
        let text = header.join(",") + "\n" + &vec!["1"; width].join(",") + "\n";
        (width, text.into_bytes())
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), piece in 1usize..40) {
        everything(&bytes, piece);
    }

    #[test]
    fn csv_like_text_never_panics(bytes in csvish(), piece in 1usize..20) {
        everything(&bytes, piece);
    }

    #[test]
    fn a_header_is_read_up_to_the_bound_and_refused_past_it((width, bytes) in wide(), piece in 1usize..5000) {
        let read = chunked(&bytes, piece);
        if width <= MAX_COLUMNS {
            prop_assert_eq!(read.map(|t| t.columns().len()), Ok(width));
            everything(&bytes, piece);
        } else {
            prop_assert_eq!(read.map(|_| ()), Err(CsvError::TooManyColumns { line: 1, columns: width }));
        }
    }

    #[test]
    fn tables_never_panic_preparing(bytes in tabular(), piece in 1usize..50) {
        everything(&bytes, piece);
    }
}
