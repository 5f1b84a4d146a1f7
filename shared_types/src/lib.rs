//! Generates the Swift, Kotlin and TypeScript types for the core's events, view models and
//! effects, so the shells exchange exactly the core's types, in bincode, across the FFI.

use crux_core::type_generation::facet::{CodeGenerator, TypeGenError, TypeRegistry};

/// Every type the shells exchange with the core: events, the view model, and the effects with
/// their operations and outputs.
pub fn registry() -> Result<CodeGenerator, TypeGenError> {
    TypeRegistry::new().register_app::<shared::Zeri>()?.build()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crux_core::type_generation::facet::Config;

    #[test]
    fn every_shared_type_generates_kotlin_and_swift() {
        let out = std::env::temp_dir().join(format!("zeri-typegen-{}", std::process::id()));
        let generator = registry().expect("all shared types are exportable");
        generator
            .kotlin(&Config::builder("org.zeri.shared", out.join("kotlin")).build())
            .unwrap();
        generator
            .swift(&Config::builder("SharedTypes", out.join("swift")).build())
            .unwrap();
        let kotlin = std::fs::read_to_string(out.join("kotlin/org/zeri/shared/Shared.kt")).unwrap();
        assert!(kotlin.contains("sealed interface Event"));
        assert!(kotlin.contains("data class ViewModel("));
        assert!(
            !kotlin.contains("Internal"),
            "core-internal events stay out of the shells"
        );
        assert!(out.join("swift/SharedTypes").is_dir());
        let _ = std::fs::remove_dir_all(&out);
    }
}
