//! Generates the Swift, Kotlin and TypeScript types for the core's events, view models and effects.
