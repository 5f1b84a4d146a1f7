//! The edges between the server's modules, as `docs/ARCHITECTURE.md` states them: services
//! below, the doors above them, and the application on top.

use architecture::{crate_references, lines_before_tests, sources};

/// Top-level modules each layer may not refer to.
const RULES: &[(&str, &[&str], &str)] = &[
    (
        "routes",
        &["web", "app", "training", "demo"],
        "the JSON API is a door: it calls services, never the dashboard",
    ),
    (
        "web",
        &["routes", "app", "demo"],
        "the dashboard is a door: it calls services, never the JSON API",
    ),
    (
        "http",
        &["routes", "web", "app", "training", "demo"],
        "what the doors share sits below both",
    ),
    (
        "services",
        &[
            "routes", "web", "http", "app", "state", "training", "demo", "serve",
        ],
        "services know no door and no HTTP",
    ),
    (
        "auth",
        &[
            "routes", "web", "http", "app", "state", "training", "demo", "serve",
        ],
        "authentication is a service",
    ),
    (
        "db",
        &[
            "services", "auth", "routes", "web", "http", "app", "state", "training", "demo",
        ],
        "the database layer knows nothing above it",
    ),
    (
        "mailer",
        &["routes", "web", "http", "app", "training", "demo", "pusher"],
        "the mailer is a door outwards: it sends what the services queue and write out",
    ),
    (
        "pusher",
        &["routes", "web", "http", "app", "training", "demo", "mailer"],
        "the pusher is a door outwards: it sends the wake-ups the services queue",
    ),
    // The state holds the training sandboxes' directory (each sandbox is an application of
    // its own, so `training` sits beside `app`); nothing else above it.
    (
        "state",
        &["routes", "web", "app", "demo"],
        "the state is built by the application and read by the doors",
    ),
];

#[test]
fn each_layer_refers_only_to_layers_below_it() {
    let mut broken = Vec::new();
    for file in sources("server") {
        let Some((_, forbidden, why)) = RULES.iter().find(|(m, _, _)| *m == file.top_module) else {
            continue;
        };
        for reference in crate_references(&file.text) {
            if forbidden.contains(&reference.as_str()) {
                broken.push(format!(
                    "{} refers to crate::{reference}: {why}",
                    file.path.display()
                ));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn services_speak_no_http() {
    let mut broken = Vec::new();
    for file in sources("server") {
        if !["services", "auth", "db"].contains(&file.top_module.as_str()) {
            continue;
        }
        for word in ["axum::", "hyper::", "tower_http::", "maud::"] {
            if architecture::code_before_tests(&file.text).any(|line| line.contains(word)) {
                broken.push(format!("{} uses {word}", file.path.display()));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn sql_lives_in_the_services_and_the_database_layer() {
    let mut broken = Vec::new();
    for file in sources("server") {
        if !["routes", "web", "http", "app", "state", "mailer", "pusher"]
            .contains(&file.top_module.as_str())
        {
            continue;
        }
        let sql = architecture::code_before_tests(&file.text).any(|line| {
            [
                "SELECT ",
                "INSERT INTO",
                "UPDATE ",
                "DELETE FROM",
                ".prepare",
                "query_row",
            ]
            .iter()
            .any(|word| line.contains(word))
        });
        if sql {
            broken.push(file.path.display().to_string());
        }
    }
    assert!(broken.is_empty(), "SQL in a door:\n{}", broken.join("\n"));
}

#[test]
fn only_the_database_layer_knows_the_engines() {
    let mut broken = Vec::new();
    for file in sources("server") {
        if file.top_module == "db" {
            continue;
        }
        let engine = architecture::code_before_tests(&file.text).find(|line| {
            ["rusqlite", "postgres::"]
                .iter()
                .any(|word| line.contains(word) && !line.contains("db::postgres"))
        });
        if let Some(line) = engine {
            broken.push(format!("{}: {}", file.path.display(), line.trim()));
        }
    }
    assert!(
        broken.is_empty(),
        "an engine named outside db/:\n{}",
        broken.join("\n")
    );
}

#[test]
fn files_stay_a_size_a_reader_can_hold() {
    let mut long = Vec::new();
    for krate in ["server", "shared", "protocol", "cli"] {
        for file in sources(krate) {
            let lines = lines_before_tests(&file.text);
            if lines > 420 {
                long.push(format!("{} has {lines} lines", file.path.display()));
            }
        }
    }
    assert!(long.is_empty(), "{}", long.join("\n"));
}
