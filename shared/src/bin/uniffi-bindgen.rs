//! uniffi's binding generator, built from the same uniffi version as the library it reads.
//! `./scripts/generate` runs it; see `shared_types` for the types it goes with.

fn main() {
    uniffi::uniffi_bindgen_main()
}
