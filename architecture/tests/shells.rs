//! Shells decide nothing: the Kotlin and Swift code carries out effects and draws the view
//! model, and reads neither links nor the outbox itself (`docs/ARCHITECTURE.md`).

use std::path::Path;

use architecture::workspace_root;

/// The previews' sample journeys: what a citizen would send (a link among it), not app logic.
const PREVIEW_SAMPLES: &str = "ios/ZeriCore/Sources/ZeriCore/Samples.swift";

/// Every Kotlin and Swift source a phone app is built from (not tests, not generated code, not
/// the previews' samples).
fn shell_sources() -> Vec<(String, String)> {
    let root = workspace_root();
    let mut files = Vec::new();
    let mut todo: Vec<_> = [
        "android/app/src/main",
        "android/core/src/main",
        "android/ui/src/main",
        "ios/ZeriCore/Sources",
        "ios/ZeriUI/Sources",
        "ios/App",
    ]
    .iter()
    .map(|dir| root.join(dir))
    .filter(|dir| dir.is_dir())
    .collect();
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).expect("folder reads").flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if is_shell_code(&path) && !path.ends_with(PREVIEW_SAMPLES) {
                let text = std::fs::read_to_string(&path).expect("source reads");
                let name = path
                    .strip_prefix(&root)
                    .unwrap_or(&path)
                    .display()
                    .to_string();
                files.push((name, text));
            }
        }
    }
    assert!(files.len() > 10, "the shells' sources were found");
    files
}

fn is_shell_code(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "kt" || e == "swift")
}

/// The lines of a source that are code, not comments.
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|line| {
        let line = line.trim_start();
        !(line.starts_with("//") || line.starts_with('*') || line.starts_with("/*"))
    })
}

#[test]
fn shells_pass_links_on_without_reading_them() {
    let readers = [
        "zeri://",
        "\"/c/",
        "Uri.parse",
        "pathSegments",
        "getQueryParameter",
        "URLComponents",
        "queryItems",
        "pathComponents",
    ];
    let mut broken = Vec::new();
    for (name, text) in shell_sources() {
        for line in code_lines(&text) {
            if let Some(word) = readers.iter().find(|word| line.contains(*word)) {
                broken.push(format!("{name}: `{word}` in `{}`", line.trim()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "a shell reads a link itself:\n{}",
        broken.join("\n")
    );
}

#[test]
fn shells_ask_the_view_model_whether_the_outbox_is_idle() {
    let mut broken = Vec::new();
    for (name, text) in shell_sources() {
        for line in code_lines(&text) {
            let counts_outbox = (line.contains("outbox") || line.contains("pending"))
                && [
                    ".all {",
                    ".allSatisfy",
                    ".none {",
                    ".any {",
                    ".contains(where",
                ]
                .iter()
                .any(|word| line.contains(word));
            if counts_outbox {
                broken.push(format!("{name}: `{}`", line.trim()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "a shell decides about the outbox itself (read the view model's outboxIdle):\n{}",
        broken.join("\n")
    );
}
