//! Photos on the server: uploads at the same time, replacing a photo (its old file goes once
//! nothing refers to it), refusing images that declare more pixels than anyone can decode, and
//! how staff receive them.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use server::auth::{Role, sha256_hex};

use crate::helpers::*;

/// A baseline JPEG of `width` × `height` whose entropy-coded data is `scan` (no 0xFF bytes).
pub(crate) fn jpeg(width: u16, height: u16, scan: &[u8]) -> Vec<u8> {
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

/// A small JPEG that differs from every other `number`.
pub(crate) fn numbered_jpeg(number: u32) -> Vec<u8> {
    jpeg(16, 16, &number.to_be_bytes().map(|b| b & 0x7F))
}

/// Files a complaint with room for `photos` photos and returns its id.
async fn complaint_with_photos(app: &TestApp, phone: &str, photos: u8) -> String {
    let mut body = complaint("illegal_dumping", in_municipality("gjilan"));
    body.photo_count = photos;
    app.file(phone, &body).await.id.to_string()
}

pub(crate) fn put_photo(
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

/// Logs in someone of the institution illegal dumping in Gjilan goes to.
async fn inspector(app: &TestApp) -> String {
    let inspection = Some("gjilan:mun_inspection");
    app.staff("gjilan.inspector", Role::Staff, inspection).await
}

async fn staff_photo(app: &TestApp, token: &str, id: &str, index: u8) -> reqwest::Response {
    let path = format!("/api/v1/staff/complaints/{id}/photos/{index}");
    app.staff_get(token, &path).await
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

/// The digest of the photo a slot refers to, as the database has it.
async fn referenced(app: &TestApp, id: &str, index: u8) -> String {
    let id = id.to_owned();
    app.state
        .db
        .read(move |c| -> Result<_, server::services::ServiceError> {
            Ok(c.query_row(
                "SELECT sha256 FROM photos WHERE complaint_id = ?1 AND idx = ?2",
                server::params![id, index],
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn a_replaced_photo_is_deleted_and_only_the_current_one_kept() {
    let app = spawn_app().await;
    let phone = device();
    let id = complaint_with_photos(&app, &phone, 1).await;
    for number in 0..40 {
        let response = put_photo(&app, &phone, &id, 0, numbered_jpeg(number)).await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
    }
    let current = sha256_hex(&numbered_jpeg(39));
    assert_eq!(stored(&app), BTreeSet::from([current.clone()]));
    assert_eq!(referenced(&app, &id, 0).await, current);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn photos_replacing_each_other_at_once_leave_only_the_one_that_won() {
    let app = spawn_app().await;
    let phone = device();
    let id = complaint_with_photos(&app, &phone, 1).await;
    for round in 0..4 {
        let mut uploads = tokio::task::JoinSet::new();
        for number in 0..12 {
            uploads.spawn(put_photo(
                &app,
                &phone,
                &id,
                0,
                numbered_jpeg(round * 100 + number),
            ));
        }
        for response in uploads.join_all().await {
            assert_eq!(response.status(), StatusCode::NO_CONTENT);
        }
        let current = referenced(&app, &id, 0).await;
        assert_eq!(stored(&app), BTreeSet::from([current]), "round {round}");
    }
}

/// Every file the database refers to.
async fn all_referenced(app: &TestApp) -> BTreeSet<String> {
    app.state
        .db
        .read(|c| -> Result<_, server::services::ServiceError> {
            let mut statement = c.prepare("SELECT sha256 FROM photos")?;
            let digests = statement
                .query_map((), |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            Ok(digests)
        })
        .await
        .unwrap()
}

/// Three photos dealt out to nine slots at once, each slot getting another one every round,
/// and one photo of the three new each round, the uploads going to `servers` in turn: files
/// go out of use while uploads of the same photo into other slots are under way.
async fn share_and_replace_photos(servers: &[&TestApp], rounds: u32) {
    let app = servers[0];
    let phone = device();
    let mut slots = Vec::new();
    for _ in 0..3 {
        let id = complaint_with_photos(app, &phone, 3).await;
        slots.extend((0..3).map(|index| (id.clone(), index)));
    }
    for round in 0..rounds {
        let mut uploads = tokio::task::JoinSet::new();
        for (n, (id, index)) in slots.iter().enumerate() {
            let photo = numbered_jpeg(round + (n as u32 + round) % 3);
            let server = servers[n % servers.len()];
            uploads.spawn(put_photo(server, &phone, id, *index, photo));
        }
        for response in uploads.join_all().await {
            assert_eq!(response.status(), StatusCode::NO_CONTENT);
        }
        assert_eq!(stored(app), all_referenced(app).await, "round {round}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn photos_shared_and_replaced_at_once_keep_exactly_the_files_referred_to() {
    let app = spawn_app().await;
    share_and_replace_photos(&[&app], 8).await;
}

/// Two servers of one deployment: one database, one photos folder. Neither deletes a file the
/// other's upload is about to refer to.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_sharing_the_photos_folder_keep_exactly_the_files_referred_to() {
    let first = spawn_app().await;
    let second = spawn_with(test_config(&first.dir)).await;
    share_and_replace_photos(&[&first, &second], 16).await;
}

/// A pin another server committed (its upload is between writing the file and committing the
/// row) keeps the file; once the pin has lapsed, the file goes with the next check.
#[tokio::test]
async fn a_file_another_server_is_uploading_is_not_deleted() {
    let app = spawn_app().await;
    let phone = device();
    let id = complaint_with_photos(&app, &phone, 1).await;
    let (first, second) = (numbered_jpeg(1), numbered_jpeg(2));
    let digest = sha256_hex(&first);
    assert_eq!(
        put_photo(&app, &phone, &id, 0, first.clone())
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let pinned = digest.clone();
    app.state
        .db
        .call(move |c| -> Result<_, server::services::ServiceError> {
            Ok(c.execute(
                "INSERT INTO photo_pins (sha256, pinned_at) VALUES (?1, ?2)",
                server::params![pinned, chrono::Utc::now().to_rfc3339()],
            )?)
        })
        .await
        .unwrap();
    assert_eq!(
        put_photo(&app, &phone, &id, 0, second.clone())
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    assert!(stored(&app).contains(&digest), "the pinned file stays");

    // The other server died: its pin lapses, and holds the file no more when it next goes out of
    // use.
    app.state
        .db
        .call(|c| -> Result<_, server::services::ServiceError> {
            Ok(c.execute(
                "UPDATE photo_pins SET pinned_at = '2000-01-01T00:00:00+00:00'",
                (),
            )?)
        })
        .await
        .unwrap();
    assert_eq!(
        put_photo(&app, &phone, &id, 0, first.clone())
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        put_photo(&app, &phone, &id, 0, second).await.status(),
        StatusCode::NO_CONTENT
    );
    assert!(
        !stored(&app).contains(&digest),
        "a lapsed pin holds nothing"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn staff_reading_a_photo_while_it_is_replaced_get_a_whole_photo() {
    let app = spawn_app().await;
    let phone = device();
    let id = complaint_with_photos(&app, &phone, 1).await;
    let photos: Vec<Vec<u8>> = (0..30).map(numbered_jpeg).collect();
    let response = put_photo(&app, &phone, &id, 0, photos[0].clone()).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let token = inspector(&app).await;
    let mut work = tokio::task::JoinSet::new();
    let uploads: Vec<_> = photos[1..]
        .iter()
        .map(|photo| put_photo(&app, &phone, &id, 0, photo.clone()))
        .collect();
    work.spawn(async move {
        for upload in uploads {
            assert_eq!(upload.await.status(), StatusCode::NO_CONTENT);
        }
        None
    });
    for _ in 0..4 {
        let request = app
            .client
            .get(app.url(&format!("/api/v1/staff/complaints/{id}/photos/0")))
            .bearer_auth(&token);
        work.spawn(async move {
            let mut served = Vec::new();
            for _ in 0..30 {
                let response = request.try_clone().unwrap().send().await.unwrap();
                assert_eq!(response.status(), StatusCode::OK);
                served.push(response.bytes().await.unwrap().to_vec());
            }
            Some(served)
        });
    }
    for served in work.join_all().await.into_iter().flatten().flatten() {
        assert!(photos.contains(&served));
    }
}

#[tokio::test]
async fn a_photo_two_slots_share_stays_until_neither_refers_to_it() {
    let app = spawn_app().await;
    let phone = device();
    let first = complaint_with_photos(&app, &phone, 2).await;
    let second = complaint_with_photos(&app, &phone, 1).await;
    let (shared, other) = (numbered_jpeg(1), numbered_jpeg(2));
    for (id, index) in [(&first, 0), (&first, 1), (&second, 0)] {
        let response = put_photo(&app, &phone, id, index, shared.clone()).await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
    }
    let (shared_file, other_file) = (sha256_hex(&shared), sha256_hex(&other));

    for (step, (id, index)) in [(&first, 0), (&second, 0), (&first, 1)]
        .into_iter()
        .enumerate()
    {
        let response = put_photo(&app, &phone, id, index, other.clone()).await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        let expected = if step < 2 {
            BTreeSet::from([shared_file.clone(), other_file.clone()])
        } else {
            BTreeSet::from([other_file.clone()])
        };
        assert_eq!(stored(&app), expected, "after replacing {step} of 3");
    }

    // Uploading it again brings the file back.
    let response = put_photo(&app, &phone, &first, 1, shared.clone()).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(stored(&app), BTreeSet::from([shared_file, other_file]));
    let token = inspector(&app).await;
    let served = staff_photo(&app, &token, &first, 1).await;
    assert_eq!(served.status(), StatusCode::OK);
    assert_eq!(served.bytes().await.unwrap(), shared);
}

/// A 3 × 2 RGB PNG with `extra` chunks after its header, and its pixels.
fn png_with_chunks(extra: &[(&[u8; 4], &[u8])]) -> (Vec<u8>, Vec<u8>) {
    let pixels: Vec<u8> = (0..18u8).map(|i| i * 14).collect();
    let mut file = Vec::new();
    let mut encoder = png::Encoder::new(&mut file, 3, 2);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().unwrap();
    for (kind, data) in extra {
        writer
            .write_chunk(png::chunk::ChunkType(**kind), data)
            .unwrap();
    }
    writer.write_image_data(&pixels).unwrap();
    writer.finish().unwrap();
    (file, pixels)
}

fn decode_png(bytes: &[u8]) -> Vec<u8> {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .expect("a PNG the decoder reads");
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut pixels).unwrap();
    pixels.truncate(frame.buffer_size());
    pixels
}

#[tokio::test]
async fn photos_reach_staff_with_only_what_draws_them() {
    let app = spawn_app().await;
    let phone = device();
    let id = complaint_with_photos(&app, &phone, 2).await;
    let marker = b"GPSLatitude=42.6629N marker-text <script>alert(1)</script>";
    let (png_file, pixels) = png_with_chunks(&[
        (b"EXIF", marker),
        (b"HTML", marker),
        (b"eXIf", marker),
        (b"tEXt", marker),
        (b"iCCP", marker),
    ]);
    let mut jpeg_file = jpeg(16, 16, &[0x12, 0x34]);
    for marker_code in [0xE1, 0xE2, 0xED, 0xEF, 0xF0, 0xFD, 0xFE] {
        let mut segment = vec![0xFF, marker_code];
        segment.extend_from_slice(&((marker.len() + 2) as u16).to_be_bytes());
        segment.extend_from_slice(marker);
        jpeg_file.splice(2..2, segment);
    }
    for (index, file) in [(0, png_file), (1, jpeg_file)] {
        let response = put_photo(&app, &phone, &id, index, file).await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
    }

    let token = inspector(&app).await;
    let mut served = Vec::new();
    for index in 0..2 {
        let response = staff_photo(&app, &token, &id, index).await;
        assert_eq!(response.status(), StatusCode::OK);
        let bytes = response.bytes().await.unwrap();
        assert!(
            !bytes.windows(11).any(|w| w == b"marker-text"),
            "photo {index}"
        );
        served.push(bytes);
    }
    assert_eq!(decode_png(&served[0]), pixels, "the picture is whole");
    assert_eq!(served[1].as_ref(), jpeg(16, 16, &[0x12, 0x34]));
}

/// A PNG that says it is `width` × `height`, with a few bytes of image data.
fn png_declaring(width: u32, height: u32) -> Vec<u8> {
    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        let crc = !c[4..].iter().fold(!0u32, |mut crc, &byte| {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    0xEDB8_8320 ^ (crc >> 1)
                } else {
                    crc >> 1
                };
            }
            crc
        });
        c.extend_from_slice(&crc.to_be_bytes());
        c
    }
    let header = [
        &width.to_be_bytes()[..],
        &height.to_be_bytes(),
        &[8, 2, 0, 0, 0],
    ]
    .concat();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &header));
    png.extend(chunk(
        b"IDAT",
        &[0x78, 0x9C, 0x63, 0x60, 0x18, 0x05, 0x00, 0x00],
    ));
    png.extend(chunk(b"IEND", &[]));
    png
}

#[tokio::test]
async fn photos_declaring_more_pixels_than_the_limits_are_refused_with_a_message() {
    let app = spawn_app().await;
    let phone = device();
    let id = complaint_with_photos(&app, &phone, 1).await;
    for bomb in [
        png_declaring(30_000, 30_000),
        jpeg(65_535, 65_535, &[0x12, 0x34]),
        // Each side within the limit, too many pixels together.
        jpeg(7_000, 7_000, &[0x12, 0x34]),
    ] {
        let response = put_photo(&app, &phone, &id, 0, bomb).await;
        let refused = refusal(response).await;
        assert_eq!(
            refused.kind(),
            (StatusCode::UNPROCESSABLE_ENTITY, "photo_too_many_pixels")
        );
        let message = refused.message();
        assert!(
            message.contains("8000") && message.contains("40"),
            "{message}"
        );
    }
    assert!(stored(&app).is_empty());

    // In each language (Serbian in both scripts).
    let mut messages = BTreeSet::new();
    for language in ["sq", "sr", "en", "sr-Cyrl"] {
        let response = app
            .client
            .put(app.url(&format!("/api/v1/complaints/{id}/photos/0")))
            .header("Authorization", format!("Device {phone}"))
            .header("Accept-Language", language)
            .body(png_declaring(30_000, 30_000))
            .send()
            .await
            .unwrap();
        messages.insert(refusal(response).await.message().to_owned());
    }
    assert_eq!(messages.len(), 4, "{messages:?}");

    // Exactly at the limits: accepted.
    for photo in [
        png_declaring(5_000, 8_000),
        jpeg(8_000, 5_000, &[0x12, 0x34]),
    ] {
        let response = put_photo(&app, &phone, &id, 0, photo).await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
    }
}

#[tokio::test]
async fn photos_are_served_to_staff_as_what_they_are_and_not_kept_by_the_browser() {
    let app = spawn_app().await;
    let phone = device();
    let id = complaint_with_photos(&app, &phone, 2).await;
    let (png_file, _) = png_with_chunks(&[]);
    // Both sent as image/jpeg: what is served says what was stored.
    for (index, file) in [(0, png_file), (1, numbered_jpeg(1))] {
        let response = put_photo(&app, &phone, &id, index, file).await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
    }
    let token = inspector(&app).await;
    for (index, content_type, extension) in [(0, "image/png", "png"), (1, "image/jpeg", "jpg")] {
        let response = staff_photo(&app, &token, &id, index).await;
        assert_eq!(response.status(), StatusCode::OK);
        let headers = response.headers();
        assert_eq!(headers["content-type"], content_type);
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["cache-control"], "private, no-store");
        assert_eq!(
            headers["content-disposition"],
            format!(
                "inline; filename=\"complaint-{id}-photo-{}.{extension}\"",
                index + 1
            )
            .as_str()
        );
    }
}
