//! Retrying a send that can succeed later: capped exponential backoff with jitter, at least as
//! long as the server's `Retry-After`, one timer at a time.

use std::time::Duration;

use crux_core::Command;
use uuid::Uuid;

use super::{SyncEvent, send_now};
use crate::effects::{self, Effect};
use crate::event::Event;
use crate::model::Model;

/// The first retry waits about this long; each further failure doubles it.
pub const RETRY_BASE: Duration = Duration::from_secs(2);
/// No retry waits longer than this, however often sending failed.
pub const RETRY_CAP: Duration = Duration::from_secs(300);

/// How long to wait after `failures` consecutive failures: doubling from [`RETRY_BASE`] up to
/// [`RETRY_CAP`], with "equal jitter" (between half and all of it) so that many phones coming
/// back online together do not retry in step. The jitter is drawn from the item's id, which is
/// random, so the core needs no random number generator of its own here.
pub fn backoff(failures: u32, item: Uuid) -> Duration {
    let exponent = failures.saturating_sub(1).min(16);
    let full = RETRY_BASE.saturating_mul(1 << exponent).min(RETRY_CAP);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in item.as_bytes().iter().chain(failures.to_le_bytes().iter()) {
        hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
    }
    let fraction = 0.5 + (hash % 1000) as f64 / 2000.0;
    full.mul_f64(fraction)
}

/// Counts a failure and starts the timer for the next attempt (the previous timer, if any,
/// is forgotten: only the newest one sends).
pub(super) fn schedule(
    model: &mut Model,
    item: Uuid,
    after: Option<Duration>,
) -> Command<Effect, Event> {
    model.sync.failures = model.sync.failures.saturating_add(1);
    model.sync.timer_generation += 1;
    model.sync.timer_pending = true;
    let generation = model.sync.timer_generation;
    let delay = backoff(model.sync.failures, item).max(after.unwrap_or_default());
    let timer = model.sync.next_timer_id;
    model.sync.next_timer_id += 1;
    effects::sleep(timer, delay)
        .then_send(move |()| SyncEvent::RetryTimerFired { generation }.into())
}

pub(super) fn on_timer(model: &mut Model, generation: u64) -> Command<Effect, Event> {
    if generation != model.sync.timer_generation {
        return Command::done();
    }
    model.sync.timer_pending = false;
    send_now(model)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::effects::EffectTestExt as _;

    #[test]
    fn backoff_doubles_with_jitter_and_stays_under_the_cap() {
        let id = Uuid::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0);
        let mut previous_full = Duration::ZERO;
        for failures in 1..=12 {
            let delay = backoff(failures, id);
            let full = RETRY_BASE
                .saturating_mul(1 << (failures - 1))
                .min(RETRY_CAP);
            assert!(
                delay >= full / 2 && delay <= full,
                "{failures}: {delay:?} vs {full:?}"
            );
            assert!(full >= previous_full);
            previous_full = full;
        }
        assert!(backoff(1000, id) <= RETRY_CAP);
    }

    #[test]
    fn jitter_differs_between_items() {
        let delays: std::collections::BTreeSet<_> = (0..20u128)
            .map(|n| backoff(5, Uuid::from_u128(n * 7919 + 13)))
            .collect();
        assert!(delays.len() > 10);
    }

    #[test]
    fn only_the_newest_timer_sends_and_it_waits_at_least_retry_after() {
        let mut model = Model::default();
        let mut first = schedule(&mut model, Uuid::from_u128(1), None);
        let mut second = schedule(
            &mut model,
            Uuid::from_u128(1),
            Some(Duration::from_secs(600)),
        );
        first.expect_time_with(|_| {});
        second.expect_time_with(|op| {
            let crux_time::TimeRequest::NotifyAfter { duration, .. } = op else {
                panic!("a timer, not {op:?}")
            };
            assert!(Duration::from(*duration) >= Duration::from_secs(600));
        });
        on_timer(&mut model, 1).expect_done();
        assert!(model.sync.timer_pending, "an old timer changes nothing");
        let _ = on_timer(&mut model, 2);
        assert!(!model.sync.timer_pending);
    }
}
