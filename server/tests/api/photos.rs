//! Photos on the server: uploads at the same time, replacing a photo (its old file goes once
//! nothing refers to it), refusing images that declare more pixels than anyone can decode, and
//! how staff receive them.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::json;
use server::auth::sha256_hex;

use crate::helpers::*;

/// A baseline JPEG of `width` × `height` whose entropy-coded data is `scan` (no 0xFF bytes).
fn jpeg(width: u16, height: u16, scan: &[u8]) -> Vec<u8> {
    fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
        s.extend_from_slice(payload);
        s
    }
    let [w0, w1] = width.to_be_bytes();
    let [h0, h1] = height.to_be_bytes();
    let mut jpeg = vec![0xFF, 0xD8];
    jpeg.extend(segment(0xE0, b"JFIF\0\x01\x02\0\0\x01\0\x01\0\0"));
    jpeg.extend(segment(0xDB, &[&[0u8][..], &[1u8; 64][..]].concat()));
    jpeg.extend(segment(0xC0, &[8, h0, h1, w0, w1, 1, 1, 0x11, 0]));
    jpeg.extend(segment(
        0xC4,
        &[0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5],
    ));
    jpeg.extend(segment(0xDA, &[1, 1, 0x00, 0, 63, 0]));
    assert!(!scan.contains(&0xFF));
    jpeg.extend_from_slice(scan);
    jpeg.extend_from_slice(&[0xFF, 0xD9]);
    jpeg
}

/// Files a complaint with room for `photos` photos and returns its id.
async fn complaint_with_photos(app: &TestApp, phone: &str, photos: u8) -> String {
    let mut body = complaint("illegal_dumping", in_municipality("gjilan"));
    body["photo_count"] = json!(photos);
    app.file(phone, &body).await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn put_photo(
    app: &TestApp,
    phone: &str,
    id: &str,
    index: u8,
    bytes: Vec<u8>,
) -> impl Future<Output = reqwest::Response> + Send + 'static {
    let request = app
        .client
        .put(app.url(&format!("/api/v1/complaints/{id}/photos/{index}")))
        .header("Authorization", format!("Device {phone}"))
        .header("Content-Type", "image/jpeg")
        .body(bytes);
    async move { request.send().await.unwrap() }
}

/// The names of the files in the photos folder.
fn stored(app: &TestApp) -> BTreeSet<String> {
    std::fs::read_dir(app.dir.join("data/photos"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn identical_photos_uploaded_at_once_are_all_stored_as_one_file() {
    let app = spawn_app().await;
    let mut expected = BTreeSet::new();
    // Each round: twelve uploads of a photo the server has not seen, into twelve slots.
    for round in 0..8u8 {
        let phone = device();
        let scan: Vec<u8> = (0..200_000u32).map(|i| (i % 200) as u8 + round).collect();
        let photo = jpeg(640, 480, &scan);
        let mut slots = Vec::new();
        for _ in 0..4 {
            let id = complaint_with_photos(&app, &phone, 3).await;
            slots.extend((0..3).map(|index| (id.clone(), index)));
        }
        let mut uploads = tokio::task::JoinSet::new();
        for (id, index) in slots {
            uploads.spawn(put_photo(&app, &phone, &id, index, photo.clone()));
        }
        let statuses: Vec<StatusCode> = uploads
            .join_all()
            .await
            .iter()
            .map(reqwest::Response::status)
            .collect();
        assert_eq!(statuses, vec![StatusCode::NO_CONTENT; 12], "round {round}");
        expected.insert(sha256_hex(&photo));
    }
    assert_eq!(stored(&app), expected);
}
