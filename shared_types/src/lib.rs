//! Generates the Swift, Kotlin and TypeScript types for the core's events, view models and
//! effects, so the shells exchange exactly the core's types, in bincode, across the FFI.
//!
//! `./scripts/generate` runs [`write_all`] (through the `generate-types` binary) and then
//! uniffi's generator for the FFI bindings; `./scripts/generate --check` fails when what is
//! committed differs from what the core generates now.

use std::path::Path;

use crux_core::type_generation::facet::{CodeGenerator, Config, TypeGenError, TypeRegistry};
use facet_generate::generation::bincode::BincodePlugin;

/// The Kotlin package of the generated types.
pub const KOTLIN_PACKAGE: &str = "org.zeri.shared";
/// The Swift package of the generated types.
pub const SWIFT_PACKAGE: &str = "SharedTypes";
/// The TypeScript package of the generated types.
pub const TYPESCRIPT_PACKAGE: &str = "shared_types";

/// Where each language's types go, relative to the repository root.
pub const KOTLIN_DIR: &str = "android/core/src/generated/kotlin";
pub const SWIFT_DIR: &str = "ios/Generated";
pub const TYPESCRIPT_DIR: &str = "shared_types/generated/typescript";

/// Every type the shells exchange with the core: events, the view model, and the effects with
/// their operations and outputs.
pub fn registry() -> Result<CodeGenerator, TypeGenError> {
    TypeRegistry::new().register_app::<shared::Zeri>()?.build()
}

/// Writes the Kotlin, Swift and TypeScript types under `root` (the repository, or a scratch
/// copy of its layout when checking that the committed ones are current).
pub fn write_all(root: &Path) -> Result<(), TypeGenError> {
    let generator = registry()?;
    generator.kotlin(&Config::builder(KOTLIN_PACKAGE, root.join(KOTLIN_DIR)).build())?;
    generator.swift(&Config::builder(SWIFT_PACKAGE, root.join(SWIFT_DIR)).build())?;
    // TypeScript: the sources and their runtime only (crux's own helper also installs and
    // compiles them with pnpm, which a web shell's build does instead).
    let typescript = root.join(TYPESCRIPT_DIR);
    let _ = std::fs::remove_dir_all(&typescript);
    std::fs::create_dir_all(&typescript)?;
    facet_generate::generation::typescript::Installer::new(TYPESCRIPT_PACKAGE, &typescript)
        .plugin(BincodePlugin)
        .generate(&generator.registry())
        .map_err(|e| TypeGenError::Generation(e.to_string()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shared_type_generates_for_every_shell() {
        let out = std::env::temp_dir().join(format!("zeri-typegen-{}", std::process::id()));
        write_all(&out).expect("all shared types are exportable");
        let kotlin =
            std::fs::read_to_string(out.join(KOTLIN_DIR).join("org/zeri/shared/Shared.kt"))
                .unwrap();
        assert!(kotlin.contains("sealed interface Event"));
        assert!(kotlin.contains("data class ViewModel("));
        assert!(kotlin.contains("sealed interface DraftEvent"));
        // What the core's own effects gave: shells can neither see nor send it.
        for internal in [
            "Persistence",
            "PhotoStored",
            "Loaded",
            "Clock",
            "ComplaintPosted",
            "RetryTimerFired",
            "Fetched",
            "OpenReported",
        ] {
            assert!(
                !kotlin.contains(internal),
                "{internal} stays out of the shells"
            );
        }
        assert!(out.join(SWIFT_DIR).join(SWIFT_PACKAGE).is_dir());
        assert!(
            out.join(TYPESCRIPT_DIR)
                .read_dir()
                .unwrap()
                .next()
                .is_some()
        );
        let _ = std::fs::remove_dir_all(&out);
    }
}
