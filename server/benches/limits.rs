//! The rate limiter's cost per hit as the number of keys it holds grows: a limiter holding
//! 150,000 keys (a flood from many addresses or devices) against one holding 1,000, measured in
//! the same run. A hit locks one shard and touches one bucket, so the two should cost the same.
//!
//! Run: `cargo bench -p server --bench limits`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use server::ratelimit::RateLimiter;

/// Nanoseconds per hit on a limiter already holding `held` keys, hitting keys it holds and new
/// ones in turn.
fn nanos_per_hit(held: usize, hits: usize) -> f64 {
    let limiter = RateLimiter::with_max_keys(1_000_000, Duration::from_secs(3600), 400_000);
    let keys: Vec<String> = (0..held).map(|i| format!("198.51.{i}")).collect();
    for key in &keys {
        let _ = limiter.hit(key);
    }
    let fresh: Vec<String> = (0..hits).map(|i| format!("203.0.{i}")).collect();
    let start = Instant::now();
    for (i, key) in fresh.iter().enumerate() {
        let _ = black_box(limiter.hit(&keys[i % held]));
        let _ = black_box(limiter.hit(key));
    }
    start.elapsed().as_nanos() as f64 / (2 * hits) as f64
}

fn main() {
    let hits = 100_000;
    // Warm up the allocator and the caches once.
    nanos_per_hit(1_000, hits);
    let small = nanos_per_hit(1_000, hits);
    let large = nanos_per_hit(150_000, hits);
    println!("rate limiter, ns per hit: 1,000 keys held {small:.0}, 150,000 keys held {large:.0}");
    println!("ratio 150,000 / 1,000 keys: {:.2}", large / small);
}
