//! Dropout's random stream: four xoshiro128++ generators side by side, one per `f32x4` lane, so
//! that the `simd128` build draws four values with one sequence of vector instructions and the
//! portable build draws the very same values with four scalar ones.
//!
//! Each lane is exactly Blackman and Vigna's xoshiro128++ (the tests check every lane against
//! `rand_xoshiro`), started from its own 128-bit state drawn from the seed by SplitMix64; four
//! states picked at random out of a period of 2¹²⁸ − 1 do not overlap in any fit.

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
}
