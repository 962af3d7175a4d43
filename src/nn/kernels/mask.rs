//! Dropout's random stream: four xoshiro128++ generators side by side, one per `f32x4` lane, so
//! that the `simd128` build draws four values with one sequence of vector instructions and the
//! portable build draws the very same values with four scalar ones.
//!
//! Each lane is exactly Blackman and Vigna's xoshiro128++ (the tests check every lane against
//! `rand_xoshiro`), started from its own 128-bit state drawn from the seed by SplitMix64; four
//! states picked at random out of a period of 2¹²⁸ − 1 do not overlap in any fit.
//!
//! A training step draws each row's mask from its own stream, [`MaskStream::for_row`], keyed by
//! `(seed, step, layer, row)` where `row` counts from the start of the batch: a row's mask does
//! not depend on which rows were drawn before it, so replicas that each hold a share of a batch
//! (see [`crate::nn::DataParallel`]) drop exactly what one worker holding the whole batch drops.

use rand::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro128PlusPlus;

/// Four xoshiro128++ states, word-major: `s[w][lane]` is word `w` of lane `lane`'s state, so a
/// word of all four lanes is one vector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaskStream {
    pub(super) s: [[u32; 4]; 4],
}

impl MaskStream {
    /// The stream of `seed`: the same seed, the same draws.
    pub fn new(seed: u64) -> Self {
        let mut seeder = Xoshiro128PlusPlus::seed_from_u64(seed);
        let mut s = [[0u32; 4]; 4];
        for lane in 0..4 {
            for word in &mut s {
                word[lane] = seeder.next_u32();
            }
            // xoshiro's one forbidden state; a 2⁻¹²⁸ chance, but then the lane would draw zeros.
            if s.iter().all(|word| word[lane] == 0) {
                s[0][lane] = 1;
            }
        }
        Self { s }
    }

    /// The stream of row `row` (from 0, in the batch) of Dropout layer `layer` at training step
    /// `step` of a fit seeded with `seed`: the key is mixed by SplitMix64's finaliser, one part at
    /// a time, into the seed of [`Self::new`].
    pub fn for_row(seed: u64, step: u64, layer: usize, row: usize) -> Self {
        let key = [step, layer as u64, row as u64].iter().fold(mix(seed), |key, &part| mix(key ^ mix(part)));
        Self::new(key)
    }

    /// The next draw of each lane.
    #[inline(always)]
    pub fn next4(&mut self) -> [u32; 4] {
        let [s0, s1, s2, s3] = &mut self.s;
        let mut out = [0u32; 4];
        for l in 0..4 {
            out[l] = s0[l].wrapping_add(s3[l]).rotate_left(7).wrapping_add(s0[l]);
            let t = s1[l] << 9;
            s2[l] ^= s0[l];
            s3[l] ^= s1[l];
            s1[l] ^= s2[l];
            s0[l] ^= s3[l];
            s2[l] ^= t;
            s3[l] = s3[l].rotate_left(11);
        }
        out
    }
}

/// SplitMix64's finaliser (Steele, Lea and Flood 2014): a bijection of `u64` whose every output
/// bit depends on every input bit.
fn mix(z: u64) -> u64 {
    let z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Which masks a training pass draws: the fit's seed, the step, and the batch row its first row
/// is (0 for one worker, the shard's start for a replica).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct MaskKey {
    /// The fit's seed.
    pub(crate) seed: u64,
    /// Training steps taken before this one.
    pub(crate) step: u64,
    /// The row, in the whole batch, of the pass' first row.
    pub(crate) first_row: usize,
}

impl MaskKey {
    /// The stream of the pass' row `row` in Dropout layer `layer`.
    pub(crate) fn stream(&self, layer: usize, row: usize) -> MaskStream {
        MaskStream::for_row(self.seed, self.step, layer, self.first_row + row)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every lane is the xoshiro128++ of `rand_xoshiro`, started from that lane's state.
    #[test]
    fn each_lane_is_xoshiro128_plus_plus() {
        let mut stream = MaskStream::new(42);
        let mut references: Vec<Xoshiro128PlusPlus> = (0..4)
            .map(|lane| {
                let mut seed = [0u8; 16];
                for (w, word) in stream.s.iter().enumerate() {
                    seed[4 * w..4 * w + 4].copy_from_slice(&word[lane].to_le_bytes());
                }
                Xoshiro128PlusPlus::from_seed(seed)
            })
            .collect();
        for _ in 0..1000 {
            let draws = stream.next4();
            for (lane, reference) in references.iter_mut().enumerate() {
                assert_eq!(draws[lane], reference.next_u32(), "lane {lane}");
            }
        }
    }

    #[test]
    fn the_seed_decides_the_stream_and_the_lanes_differ() {
        let (mut a, mut b, mut c) = (MaskStream::new(1), MaskStream::new(1), MaskStream::new(2));
        let (x, y, z) = (a.next4(), b.next4(), c.next4());
        assert_eq!(x, y);
        assert_ne!(x, z);
        assert!(x.iter().enumerate().all(|(i, v)| x[i + 1..].iter().all(|w| w != v)), "{x:?}");
    }

    #[test]
    fn every_part_of_a_row_s_key_changes_its_stream() {
        let base = MaskStream::for_row(1, 2, 3, 4).next4();
        assert_eq!(MaskStream::for_row(1, 2, 3, 4).next4(), base);
        for other in [(0, 2, 3, 4), (1, 0, 3, 4), (1, 2, 0, 4), (1, 2, 3, 0), (1, 3, 2, 4)] {
            assert_ne!(MaskStream::for_row(other.0, other.1, other.2, other.3).next4(), base, "{other:?}");
        }
        let key = MaskKey { seed: 1, step: 2, first_row: 3 };
        assert_eq!(key.stream(3, 1).next4(), base);
    }
}
