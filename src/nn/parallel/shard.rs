//! Which rows of a batch each replica takes: contiguous shares, as even as they can be.
//!
//! A batch of `rows` rows on `count` replicas: each replica takes `⌊rows / count⌋` rows and the
//! first `rows mod count` one more, in replica order, so replica `k` takes
//! `[k·q + min(k, r), (k+1)·q + min(k + 1, r))` with `q = ⌊rows / count⌋`, `r = rows mod count`.
//! The shares are disjoint and their union, in order, is the batch; a replica's share is empty
//! when the batch has fewer rows than there are replicas.
//!
//! ```
//! use mlp_lab::nn::shard;
//! assert_eq!([0, 1, 2].map(|k| shard(10, k, 3)), [0..4, 4..7, 7..10]);
//! assert_eq!(shard(1, 1, 2), 1..1); // batch 1 on 2 replicas: the second has nothing to do
//! ```

use std::ops::Range;

/// Replica `index`'s rows (of `count`, from 0) of a batch of `rows` rows, as a range of the
/// batch's rows. An `index` at or past `count` gets no rows.
pub fn shard(rows: usize, index: usize, count: usize) -> Range<usize> {
    if index >= count {
        return rows..rows;
    }
    let (q, r) = (rows / count, rows % count);
    let start = |k: usize| k * q + k.min(r);
    start(index)..start(index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_cover_the_batch_in_order_and_differ_by_at_most_one_row() {
        for rows in 0..40 {
            for count in 1..7 {
                let shares: Vec<_> = (0..count).map(|k| shard(rows, k, count)).collect();
                assert_eq!(shares[0].start, 0);
                assert_eq!(shares[count - 1].end, rows);
                assert!(shares.windows(2).all(|w| w[0].end == w[1].start), "{rows} on {count}: {shares:?}");
                let (min, max) = (shares.iter().map(|s| s.len()).min(), shares.iter().map(|s| s.len()).max());
                assert!(max.unwrap() - min.unwrap() <= 1, "{rows} on {count}: {shares:?}");
            }
        }
        assert_eq!(shard(5, 3, 3), 5..5);
    }
}
