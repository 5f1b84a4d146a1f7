//! Rate limits kept in memory as token buckets: enough to turn away a flood from one device or
//! address without ever getting in a normal citizen's way.
//!
//! Each key has a bucket of `burst` tokens that refills evenly over `window`; a hit takes a
//! token. A hit is O(1): the key's shard is locked, its bucket topped up for the time passed and
//! a token taken. Memory is bounded: a bucket that has refilled completely says nothing a fresh
//! one would not, so a shard forgets those whenever it has doubled since its last sweep (work
//! that averages out to O(1) a hit), and a limiter never holds more than `max_keys` buckets: past
//! that, a key it has not seen is refused until room is made, so a flood of new keys costs memory
//! no one can grow.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const SHARDS: usize = 16;

/// Keys a limiter holds at most, unless told otherwise.
pub const DEFAULT_MAX_KEYS: usize = 200_000;

#[derive(Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

#[derive(Default)]
struct Shard {
    buckets: HashMap<String, Bucket>,
    /// The number of buckets after the last sweep: the next sweep waits until it has doubled.
    swept_at: usize,
    /// When a full shard was last swept: at most once a second, however hard it is pressed.
    last_sweep: Option<Instant>,
}

pub struct RateLimiter {
    burst: f64,
    /// Tokens added per second.
    refill: f64,
    max_keys_per_shard: usize,
    hasher: RandomState,
    shards: Vec<Mutex<Shard>>,
}

impl RateLimiter {
    /// `limit` hits in any `window` (refilling one every `window / limit`).
    pub fn new(limit: u32, window: Duration) -> RateLimiter {
        RateLimiter::with_max_keys(limit, window, DEFAULT_MAX_KEYS)
    }

    pub fn with_max_keys(limit: u32, window: Duration, max_keys: usize) -> RateLimiter {
        let burst = f64::from(limit.max(1));
        RateLimiter {
            burst,
            refill: burst / window.as_secs_f64().max(0.001),
            max_keys_per_shard: max_keys.div_ceil(SHARDS).max(1),
            hasher: RandomState::new(),
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
        }
    }

    fn shard(&self, key: &str) -> std::sync::MutexGuard<'_, Shard> {
        let index = (self.hasher.hash_one(key) as usize) % SHARDS;
        self.shards[index]
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Takes a token for `key`; if there is none, how long until there will be one.
    pub fn hit(&self, key: &str) -> Result<(), Duration> {
        self.hit_at(key, Instant::now())
    }

    fn hit_at(&self, key: &str, now: Instant) -> Result<(), Duration> {
        let mut shard = self.shard(key);
        if !shard.buckets.contains_key(key) {
            let len = shard.buckets.len();
            let full = len >= self.max_keys_per_shard;
            let swept_recently = shard
                .last_sweep
                .is_some_and(|at| now.saturating_duration_since(at) < Duration::from_secs(1));
            if (len >= 2 * shard.swept_at.max(64) && !full) || (full && !swept_recently) {
                self.sweep(&mut shard, now);
            }
            if shard.buckets.len() >= self.max_keys_per_shard {
                return Err(self.time_for_one_token());
            }
        }
        let bucket = shard.buckets.entry(key.to_owned()).or_insert(Bucket {
            tokens: self.burst,
            updated: now,
        });
        self.top_up(bucket, now);
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - bucket.tokens) / self.refill))
        }
    }

    /// Gives back the token a hit took (a login that turned out right, say).
    pub fn refund(&self, key: &str) {
        let mut shard = self.shard(key);
        if let Some(bucket) = shard.buckets.get_mut(key) {
            bucket.tokens = (bucket.tokens + 1.0).min(self.burst);
        }
    }

    /// How many keys the limiter holds now (for tests and metrics).
    pub fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.lock().map(|s| s.buckets.len()).unwrap_or(0))
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn top_up(&self, bucket: &mut Bucket, now: Instant) {
        let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * self.refill).min(self.burst);
        bucket.updated = now;
    }

    fn time_for_one_token(&self) -> Duration {
        Duration::from_secs_f64(1.0 / self.refill)
    }

    /// Forgets every bucket that is full again.
    fn sweep(&self, shard: &mut Shard, now: Instant) {
        shard.buckets.retain(|_, bucket| {
            let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
            bucket.tokens + elapsed * self.refill < self.burst
        });
        shard.swept_at = shard.buckets.len();
        shard.last_sweep = Some(now);
    }
}

/// Every limit one server (or one training sandbox) keeps.
pub struct Limiters {
    /// New complaints per device.
    pub device_complaints: RateLimiter,
    /// Requests to the citizen API per address.
    pub citizen_requests: RateLimiter,
    /// New complaints for the whole server, one key: the admission budget that turns a flood
    /// from many addresses away with a wait before it can saturate the database's writer.
    pub new_complaints: RateLimiter,
    /// Login attempts per account from one address: a guesser is stopped here, while the
    /// account's owner, elsewhere, is not.
    pub login_attempts: RateLimiter,
    /// Login attempts per address, over every account (higher: an office shares one address).
    pub login_addresses: RateLimiter,
    /// Second-factor codes tried at one account, from any address: with the password known,
    /// the code is all that is left to guess.
    pub second_factor_codes: RateLimiter,
    /// Campaign scans and app openings per address.
    pub campaign_visits: RateLimiter,
    /// Tracking code and PIN tries at one complaint, from any address.
    pub complaint_pins: RateLimiter,
    /// Tracking code and PIN tries from one address, over every complaint.
    pub complaint_pin_addresses: RateLimiter,
}

/// Login attempts one address may make at one account in [`LOGIN_WINDOW`].
pub const LOGIN_ATTEMPTS_PER_ACCOUNT: u32 = 5;
/// Login attempts one address may make in [`LOGIN_WINDOW`], over every account.
pub const LOGIN_ATTEMPTS_PER_ADDRESS: u32 = 50;
pub const LOGIN_WINDOW: Duration = Duration::from_secs(15 * 60);
/// Second-factor codes one account may be tried with in [`LOGIN_WINDOW`], over every address:
/// four login challenges' worth.
pub const SECOND_FACTOR_CODES_PER_ACCOUNT: u32 = 20;
/// PINs one complaint may be tried with in [`LOGIN_WINDOW`], over every address: with a
/// hundred million PINs, a guesser needs on average centuries per complaint.
pub const PIN_TRIES_PER_COMPLAINT: u32 = 5;
/// Tracking code and PIN tries one address may make in [`LOGIN_WINDOW`].
pub const PIN_TRIES_PER_ADDRESS: u32 = 30;
/// Campaign scans and app openings one address may report in an hour.
pub const CAMPAIGN_VISITS_PER_ADDRESS_HOUR: u32 = 30;

impl Limiters {
    pub fn new(config: &crate::config::Config) -> Limiters {
        let hour = Duration::from_secs(3600);
        let minute = Duration::from_secs(60);
        Limiters {
            device_complaints: RateLimiter::new(config.device_complaints_per_hour, hour),
            citizen_requests: RateLimiter::new(config.ip_requests_per_minute, minute),
            new_complaints: RateLimiter::new(config.new_complaints_per_minute, minute),
            login_attempts: RateLimiter::new(LOGIN_ATTEMPTS_PER_ACCOUNT, LOGIN_WINDOW),
            login_addresses: RateLimiter::new(LOGIN_ATTEMPTS_PER_ADDRESS, LOGIN_WINDOW),
            second_factor_codes: RateLimiter::new(SECOND_FACTOR_CODES_PER_ACCOUNT, LOGIN_WINDOW),
            campaign_visits: RateLimiter::new(CAMPAIGN_VISITS_PER_ADDRESS_HOUR, hour),
            complaint_pins: RateLimiter::new(PIN_TRIES_PER_COMPLAINT, LOGIN_WINDOW),
            complaint_pin_addresses: RateLimiter::new(PIN_TRIES_PER_ADDRESS, LOGIN_WINDOW),
        }
    }
}

/// The key an address is limited under: an IPv4 address as it is, an IPv6 address by its /64
/// network (one subscriber's line, which hands its devices any address within it).
pub fn address_key(address: std::net::IpAddr) -> String {
    match address {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flood_is_turned_away_and_the_bucket_refills() {
        let limiter = RateLimiter::new(3, Duration::from_secs(60));
        let start = Instant::now();
        for i in 0..3 {
            assert!(
                limiter
                    .hit_at("device", start + Duration::from_millis(i))
                    .is_ok()
            );
        }
        let wait = limiter
            .hit_at("device", start + Duration::from_secs(10))
            .unwrap_err();
        // One token every 20 s; 10 s have passed since the bucket was emptied.
        assert!(
            (wait.as_secs_f64() - 10.0).abs() < 0.1,
            "waits {wait:?} for the next token"
        );
        assert!(
            limiter
                .hit_at("another device", start + Duration::from_secs(10))
                .is_ok()
        );
        assert!(
            limiter
                .hit_at("device", start + Duration::from_secs(21))
                .is_ok()
        );
        assert!(
            limiter
                .hit_at("device", start + Duration::from_secs(22))
                .is_err()
        );
    }

    #[test]
    fn a_refund_gives_the_token_back() {
        let limiter = RateLimiter::new(1, Duration::from_secs(60));
        let now = Instant::now();
        assert!(limiter.hit_at("user", now).is_ok());
        assert!(limiter.hit_at("user", now).is_err());
        limiter.refund("user");
        assert!(limiter.hit_at("user", now).is_ok());
    }

    #[test]
    fn memory_is_bounded_and_full_buckets_are_forgotten() {
        let limiter = RateLimiter::with_max_keys(5, Duration::from_secs(60), 1_600);
        let start = Instant::now();
        let mut refused = 0;
        for i in 0..10_000 {
            if limiter.hit_at(&format!("key {i}"), start).is_err() {
                refused += 1;
            }
        }
        assert!(limiter.len() <= 1_600, "holds {} keys", limiter.len());
        assert!(
            refused >= 10_000 - 1_600,
            "refused {refused} new keys when full"
        );
        // A minute later every bucket is full again: they are forgotten, and new keys find room.
        let later = start + Duration::from_secs(61);
        assert!(limiter.hit_at("a new key", later).is_ok());
        assert!(limiter.len() < 1_600, "holds {} keys", limiter.len());
    }

    #[test]
    fn ipv6_addresses_share_their_network_s_limit() {
        let a: std::net::IpAddr = "2a02:8108:1:2::1".parse().unwrap();
        let b: std::net::IpAddr = "2a02:8108:1:2:ffff::9".parse().unwrap();
        let c: std::net::IpAddr = "2a02:8108:1:3::1".parse().unwrap();
        assert_eq!(address_key(a), address_key(b));
        assert_ne!(address_key(a), address_key(c));
        let mapped: std::net::IpAddr = "::ffff:10.0.0.1".parse().unwrap();
        assert_eq!(address_key(mapped), "10.0.0.1");
    }
}
