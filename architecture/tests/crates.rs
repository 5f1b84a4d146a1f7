//! The edges between the workspace's crates, as `docs/ARCHITECTURE.md` states them.

use architecture::normal_dependency_closure;

fn assert_none_of(krate: &str, forbidden: &[&str]) {
    let closure = normal_dependency_closure();
    let deps = closure
        .get(krate)
        .unwrap_or_else(|| panic!("{krate} is a workspace member"));
    let found: Vec<&&str> = forbidden.iter().filter(|f| deps.contains(**f)).collect();
    assert!(
        found.is_empty(),
        "{krate} must not depend on {found:?} (see docs/ARCHITECTURE.md, Invariants)"
    );
}

#[test]
fn the_server_depends_on_the_protocol_never_on_the_phone_core() {
    assert_none_of("server", &["shared", "crux_core", "uniffi", "shared_types"]);
    let closure = normal_dependency_closure();
    assert!(closure["server"].contains("protocol"));
}

#[test]
fn the_protocol_knows_no_framework_no_database_and_no_network() {
    assert_none_of(
        "protocol",
        &[
            "shared",
            "server",
            "crux_core",
            "uniffi",
            "rusqlite",
            "axum",
            "tokio",
            "reqwest",
        ],
    );
}

#[test]
fn the_phone_core_does_no_io_and_knows_no_server() {
    assert_none_of(
        "shared",
        &["server", "rusqlite", "axum", "tokio", "reqwest", "hyper"],
    );
    let closure = normal_dependency_closure();
    assert!(closure["shared"].contains("protocol"));
}

#[test]
fn the_terminal_phone_runs_the_core_not_the_server() {
    assert_none_of("cli", &["server"]);
}

#[test]
fn generated_folders_are_marked_generated() {
    let attributes = std::fs::read_to_string(architecture::workspace_root().join(".gitattributes"))
        .expect(".gitattributes exists");
    for folder in [
        "android/core/src/generated",
        "ios/Generated",
        "shared_types/generated",
    ] {
        assert!(
            attributes.contains(&format!("{folder}/** linguist-generated=true")),
            "{folder} is not marked generated in .gitattributes"
        );
        assert!(
            architecture::workspace_root().join(folder).is_dir(),
            "{folder} exists"
        );
    }
}
