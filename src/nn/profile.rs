//! Where a training step's time goes: an opt-in profile of its parts, for `make bench`.
//!
//! [`profile`] runs a closure (a fit, say) with a clock the caller gives (the engine has none of
//! its own: the benchmark's worker passes `performance.now()`), and returns how many
//! milliseconds each [`Part`] of the steps took. Each part's time is its own: the products that
//! run inside a layer's forward pass count as [`Part::Products`], not as
//! [`Part::Forward`]. Outside [`profile`] a part costs one thread-local read, so the engine
//! keeps its marks in every build.

use std::cell::RefCell;

/// A part of a training step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Gathering the batch's rows (the shuffled order) into contiguous buffers.
    Batch,
    /// The matrix products (`gemm_nn`, `gemm_tn`, `gemm_nt`), wherever they run.
    Products,
    /// The forward pass but its products: bias, activations, Dropout, BatchNormalization.
    Forward,
    /// The loss and its gradient at the output.
    Loss,
    /// The backward pass but its products: activations' derivatives, bias gradients, penalties.
    Backward,
    /// The optimizer's update of every weight, and the layers' committed statistics.
    Update,
}

impl Part {
    /// Every part, in a step's order.
    pub const ALL: [Part; 6] = [Part::Batch, Part::Products, Part::Forward, Part::Loss, Part::Backward, Part::Update];

    /// Its name in a report.
    pub fn name(self) -> &'static str {
        match self {
            Part::Batch => "batch",
            Part::Products => "products",
            Part::Forward => "forward",
            Part::Loss => "loss",
            Part::Backward => "backward",
            Part::Update => "update",
        }
    }
}

/// Milliseconds spent in each part (indexed as [`Part::ALL`]).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Profile {
    /// Milliseconds of each part, as [`Part::ALL`] orders them.
    pub ms: [f64; 6],
}

impl Profile {
    /// The milliseconds of `part`.
    pub fn of(&self, part: Part) -> f64 {
        self.ms[part as usize]
    }

    /// The milliseconds of every part.
    pub fn total(&self) -> f64 {
        self.ms.iter().sum()
    }
}

struct Recorder {
    clock: fn() -> f64,
    profile: Profile,
    /// The open parts: what each is, when it began, and its inner parts' time so far.
    open: Vec<(Part, f64, f64)>,
}

thread_local! {
    static RECORDER: RefCell<Option<Recorder>> = const { RefCell::new(None) };
}

/// Runs `f` with every part's time recorded on `clock` (milliseconds), and returns its result
/// with the [`Profile`]. Profiles do not nest: an inner call records nothing of its own.
pub fn profile<R>(clock: fn() -> f64, f: impl FnOnce() -> R) -> (R, Profile) {
    let outer = RECORDER.with(|r| r.borrow().is_some());
    if outer {
        return (f(), Profile::default());
    }
    RECORDER.with(|r| *r.borrow_mut() = Some(Recorder { clock, profile: Profile::default(), open: Vec::new() }));
    let result = f();
    let profile = RECORDER.with(|r| r.borrow_mut().take()).map_or_else(Profile::default, |r| r.profile);
    (result, profile)
}

/// Runs `f` as `part` of a step: while a [`profile`] records, its time (less that of the parts
/// inside it) goes to `part`.
#[inline]
pub(crate) fn part<R>(part: Part, f: impl FnOnce() -> R) -> R {
    let began = RECORDER.with(|r| {
        let mut r = r.borrow_mut();
        let r = r.as_mut()?;
        let now = (r.clock)();
        r.open.push((part, now, 0.0));
        Some(())
    });
    if began.is_none() {
        return f();
    }
    let result = f();
    RECORDER.with(|r| {
        if let Some(r) = r.borrow_mut().as_mut() {
            let now = (r.clock)();
            if let Some((part, start, inner)) = r.open.pop() {
                let spent = now - start;
                r.profile.ms[part as usize] += spent - inner;
                if let Some(parent) = r.open.last_mut() {
                    parent.2 += spent;
                }
            }
        }
    });
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        static TICKS: Cell<f64> = const { Cell::new(0.0) };
    }

    /// A clock that advances 1 ms each time it is read.
    fn ticking() -> f64 {
        TICKS.with(|t| {
            t.set(t.get() + 1.0);
            t.get()
        })
    }

    #[test]
    fn a_part_inside_another_counts_once_and_only_as_itself() {
        let ((), p) = profile(ticking, || {
            part(Part::Forward, || {
                part(Part::Products, || {});
                part(Part::Products, || {});
            });
            part(Part::Update, || {});
        });
        // Forward: read at 1 and 6 (5 ms), of which the products took 1 (2→3) and 1 (4→5).
        assert_eq!(p.of(Part::Products), 2.0);
        assert_eq!(p.of(Part::Forward), 3.0);
        assert_eq!(p.of(Part::Update), 1.0);
        assert_eq!(p.total(), 6.0);
    }

    #[test]
    fn outside_a_profile_parts_read_no_clock() {
        assert_eq!(part(Part::Loss, || 7), 7);
        TICKS.with(|t| t.set(0.0));
        let (value, p) = profile(ticking, || part(Part::Batch, || 3));
        assert_eq!((value, p.of(Part::Batch)), (3, 1.0));
        assert_eq!(part(Part::Loss, || 8), 8);
        assert_eq!(TICKS.with(Cell::get), 2.0, "the clock is read only inside the profile");
    }

    #[test]
    fn profiles_do_not_nest() {
        let (((), inner), outer) = profile(ticking, || profile(ticking, || part(Part::Loss, || {})));
        assert_eq!(inner, Profile::default());
        assert_eq!(outer.of(Part::Loss), 1.0);
    }
}
