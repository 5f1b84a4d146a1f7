//! The citizen's rights from the terminal phone, through the real core and the real server: what
//! the server holds is shown and saved as a file, the contact details are taken back from one
//! complaint, and erasing leaves the phone with no complaints and the server with no contact.

mod support;

use support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_reads_saves_takes_back_and_erases_their_data() {
    let dir = temp_dir("rights");
    let port = free_port();
    let server = Server::start(&dir, port, false).await;
    let url = server.url();
    let store = dir.join("phone.sqlite3");
    let submit = |description: &str| {
        cli(
            &store,
            &url,
            &[
                "submit",
                "--category",
                "roads_local",
                "--description",
                description,
                "--municipality",
                "ferizaj",
                "--name",
                "Blerta Hoxha",
                "--phone",
                "+38345678901",
            ],
        )
    };
    for description in [
        "The bridge railing on the river road is broken",
        "The pothole at the bus station swallows a wheel",
    ] {
        let (code, out, err) = submit(description);
        assert_eq!(code, 0, "{out}{err}");
    }
    let codes = server.tracking_codes();
    assert_eq!(codes.len(), 2);

    let (_, _, _) = cli(&store, &url, &["language", "en"]);
    let saved = dir.join("my-data.json");
    let (code, out, err) = cli(
        &store,
        &url,
        &["data", "show", "--save", saved.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("Contact details: Blerta Hoxha, +38345678901"),
        "{out}"
    );
    assert!(
        out.contains("The bridge railing on the river road is broken"),
        "{out}"
    );
    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(&saved).unwrap()).unwrap();
    assert_eq!(file["complaints"].as_array().unwrap().len(), 2);
    assert_eq!(file["complaints"][0]["contact"]["name"], "Blerta Hoxha");

    let (code, out, err) = cli(&store, &url, &["data", "remove-contact", &codes[0]]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("The institution holds no contact details of yours for this complaint."),
        "{out}"
    );
    let (_, out, _) = cli(&store, &url, &["data", "show"]);
    assert_eq!(
        out.matches("Blerta Hoxha").count(),
        1,
        "one complaint keeps it: {out}"
    );

    let (code, out, _) = cli(&store, &url, &["data", "erase"]);
    assert_eq!(code, 0);
    assert!(out.contains("cannot be undone"), "asked first: {out}");
    assert_eq!(server.tracking_codes().len(), 2);
    let (code, out, err) = cli(&store, &url, &["data", "erase", "--yes"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("no longer belong to this phone"), "{out}");
    let (_, out, _) = cli(&store, &url, &["list"]);
    assert!(
        !out.contains(&codes[0]) && !out.contains(&codes[1]),
        "{out}"
    );
    let (_, out, _) = cli(&store, &url, &["data", "show"]);
    assert!(
        out.contains("The server holds nothing about complaints from this phone."),
        "{out}"
    );
    // The institutions keep the complaints.
    assert_eq!(server.count_matching("The bridge railing"), 1);
}
