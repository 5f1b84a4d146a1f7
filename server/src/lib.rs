//! Zëri server: intake, routing and the institution side. Built out in its own crate; see docs/ARCHITECTURE.md.
