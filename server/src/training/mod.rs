//! Training: every trainee practises in a sandbox of their own, a separate SQLite file holding a
//! fresh copy of the demo data and a few exercise complaints for their institution, so the real
//! database never holds training data and trainees never see each other's work.
//!
//! A trainee enters through a link with an unguessable code; it sets a cookie that sends their
//! browser's requests to their sandbox (where a banner says so) until they leave. The trainer
//! resets a sandbox, or all of them, with one action. The exercises a trainee has done are
//! recorded in the real database, so the trained staff of each institution can be counted even
//! after a reset.
//!
//! Each sandbox is served by its own `AppState` and router, so this module sits beside `app`
//! rather than among the services: `sandboxes` builds, opens and resets them, `seeding` fills a
//! new one, `entry` sends a browser into its sandbox and out again, and `trainer` is what the
//! trainer's pages do. The records of trainees and their exercises are
//! `crate::services::training`'s.

mod entry;
mod sandboxes;
mod seeding;
pub mod trainer;

pub use entry::{SANDBOX_COOKIE, dispatch};
pub use sandboxes::{SandboxOwner, Sandboxes, sandbox_progress};
