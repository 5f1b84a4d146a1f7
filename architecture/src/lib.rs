//! Reads the workspace's crate graph (`cargo metadata`) and its modules' `crate::` references,
//! so that the tests in `tests/` can hold the code to the dependency rules that
//! `docs/ARCHITECTURE.md` states as invariants.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace's root folder.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the architecture crate sits in the workspace")
        .to_path_buf()
}

/// The platform this test runs on, as rustc names it (`x86_64-unknown-linux-gnu`).
fn host_platform() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let output = Command::new(rustc)
        .arg("-vV")
        .output()
        .expect("rustc -vV runs");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("host: "))
        .expect("rustc -vV names its host")
        .to_owned()
}

/// The workspace's packages and, for each, the names of every package it depends on through
/// normal dependencies (not dev or build), directly or not, on the host platform. (Offline
/// and for one platform: the packages other platforms need may not be downloaded.)
pub fn normal_dependency_closure() -> BTreeMap<String, BTreeSet<String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let platform = host_platform();
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .args(["--filter-platform", &platform])
        .current_dir(workspace_root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");
    let names: BTreeMap<&str, &str> = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| Some((p["id"].as_str()?, p["name"].as_str()?)))
        .collect();
    let mut edges: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for node in metadata["resolve"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let Some(id) = node["id"].as_str() else {
            continue;
        };
        let normal = node["deps"].as_array().into_iter().flatten().filter(|dep| {
            dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|kind| kind["kind"].is_null())
        });
        edges.insert(id, normal.filter_map(|dep| dep["pkg"].as_str()).collect());
    }
    let members: Vec<&str> = metadata["workspace_members"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| m.as_str())
        .collect();
    members
        .into_iter()
        .map(|member| {
            let mut seen = BTreeSet::new();
            let mut todo = vec![member];
            while let Some(id) = todo.pop() {
                for &dep in edges.get(id).into_iter().flatten() {
                    if seen.insert(dep) {
                        todo.push(dep);
                    }
                }
            }
            let deps = seen
                .into_iter()
                .filter_map(|id| names.get(id))
                .map(|n| n.to_string());
            (names[member].to_string(), deps.collect())
        })
        .collect()
}

/// A Rust source file of a crate, with the crate-relative module it belongs to at the top
/// level (`routes` for `src/routes/staff.rs`, `app` for `src/app.rs`).
pub struct SourceFile {
    pub path: PathBuf,
    pub top_module: String,
    pub text: String,
}

/// Every `.rs` file under `<crate>/src`.
pub fn sources(crate_dir: &str) -> Vec<SourceFile> {
    let src = workspace_root().join(crate_dir).join("src");
    let mut files = Vec::new();
    let mut todo = vec![src.clone()];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir)
            .expect("source folder reads")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(&src).expect("under src");
                let first = relative.components().next().expect("a file name");
                let top_module = first
                    .as_os_str()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_string();
                let text = std::fs::read_to_string(&path).expect("source reads");
                files.push(SourceFile {
                    path,
                    top_module,
                    text,
                });
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// The code of a file before its unit tests (a `#[cfg(test)]` at the start of a line), without
/// comment lines.
pub fn code_before_tests(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .take_while(|line| !line.starts_with("#[cfg(test)]"))
        .filter(|line| !line.trim_start().starts_with("//"))
}

/// The top-level modules a file refers to through `crate::` paths, outside its unit tests:
/// `use crate::routes::staff` and `crate::routes::staff::open(...)` both name `routes`, and
/// `use crate::{app, db}` names both.
pub fn crate_references(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in code_before_tests(text) {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let before = rest[..at].chars().last();
            rest = &rest[at + "crate::".len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // `mycrate::`, not `crate::`
            }
            if let Some(group) = rest.strip_prefix('{') {
                let group = group.split('}').next().unwrap_or("");
                for item in group.split(',') {
                    let name = item.trim().split("::").next().unwrap_or("").trim();
                    if !name.is_empty() {
                        found.insert(name.to_string());
                    }
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        }
    }
    found
}

/// The number of lines before a file's unit tests.
pub fn lines_before_tests(text: &str) -> usize {
    text.lines()
        .take_while(|line| !line.starts_with("#[cfg(test)]"))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_read_from_use_lines_groups_and_paths() {
        let text = "use crate::routes::staff;\nuse crate::{app, db::Db};\n\
                    let x = crate::web::page::render();\nuse mycrate::other;\n\
                    // crate::comment\n#[cfg(test)]\nuse crate::tested;";
        let found: Vec<String> = crate_references(text).into_iter().collect();
        assert_eq!(found, ["app", "db", "routes", "web"]);
    }
}
