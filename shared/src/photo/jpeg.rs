//! JPEG: walks the marker segments and keeps what a decoder needs, dropping the rest.

use super::PhotoError;

// JPEG marker codes (the byte following 0xFF).
pub(super) const TEM: u8 = 0x01;
pub(super) const SOI: u8 = 0xD8;
pub(super) const EOI: u8 = 0xD9;
pub(super) const SOS: u8 = 0xDA;
pub(super) const APP0: u8 = 0xE0;
pub(super) const APP2: u8 = 0xE2;
pub(super) const APP14: u8 = 0xEE;
pub(super) const COM: u8 = 0xFE;

enum SegmentAction {
    Keep,
    Drop,
    Replace(Vec<u8>),
}

/// Walks the marker segments, keeping only what decoders need (JFIF APP0 without thumbnail,
/// ICC APP2, Adobe APP14, tables, frame and scan headers, entropy-coded data) and stopping
/// at EOI. Anything after EOI (MPF secondary images, motion-photo videos, vendor trailers,
/// which can carry their own EXIF) is discarded.
///
/// # Errors
/// [`PhotoError::NotAnImage`] without SOI, [`PhotoError::Malformed`] for a segment running past
/// the end, no frame header before the scan, no SOS, or no EOI after it.
pub fn strip_jpeg_metadata(bytes: &[u8]) -> Result<Vec<u8>, PhotoError> {
    if !bytes.starts_with(&[0xFF, SOI]) {
        return Err(PhotoError::NotAnImage);
    }
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&[0xFF, SOI]);
    let mut pos = 2;
    let mut seen_frame = false;
    let mut seen_scan = false;

    loop {
        // A marker is one or more 0xFF bytes (extra ones are fill) followed by the code.
        if bytes.get(pos) != Some(&0xFF) {
            return Err(PhotoError::Malformed);
        }
        while bytes.get(pos) == Some(&0xFF) {
            pos += 1;
        }
        let marker = *bytes.get(pos).ok_or(PhotoError::Malformed)?;
        pos += 1;

        match marker {
            EOI if seen_scan => {
                out.extend_from_slice(&[0xFF, EOI]);
                return Ok(out);
            }
            // EOI without any scan, a second SOI, or a stuffed zero outside scan data.
            EOI | SOI | 0x00 => return Err(PhotoError::Malformed),
            // Standalone markers without a length field.
            TEM | 0xD0..=0xD7 => {
                out.extend_from_slice(&[0xFF, marker]);
                continue;
            }
            _ => {}
        }

        let len_bytes = bytes.get(pos..pos + 2).ok_or(PhotoError::Malformed)?;
        let seg_len = usize::from(u16::from_be_bytes([len_bytes[0], len_bytes[1]]));
        if seg_len < 2 {
            return Err(PhotoError::Malformed);
        }
        let seg_end = pos + seg_len;
        let payload = bytes.get(pos + 2..seg_end).ok_or(PhotoError::Malformed)?;
        pos = seg_end;

        if marker == SOS {
            if !seen_frame {
                return Err(PhotoError::Malformed);
            }
            seen_scan = true;
            out.extend_from_slice(&[0xFF, SOS]);
            out.extend_from_slice(&bytes[seg_end - seg_len..seg_end]);
            let scan_end = find_scan_end(bytes, pos)?;
            out.extend_from_slice(&bytes[pos..scan_end]);
            pos = scan_end;
            continue;
        }

        if is_sof(marker) {
            seen_frame = true;
        }
        match jpeg_segment_action(marker, payload) {
            SegmentAction::Keep => {
                out.extend_from_slice(&[0xFF, marker]);
                out.extend_from_slice(&bytes[seg_end - seg_len..seg_end]);
            }
            SegmentAction::Drop => {}
            SegmentAction::Replace(segment) => out.extend_from_slice(&segment),
        }
    }
}

/// SOF0..SOF15, excluding DHT (C4), JPG (C8) and DAC (CC).
fn is_sof(marker: u8) -> bool {
    matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC)
}

fn jpeg_segment_action(marker: u8, payload: &[u8]) -> SegmentAction {
    match marker {
        APP0 => jfif_action(payload),
        APP2 if payload.starts_with(b"ICC_PROFILE\0") => SegmentAction::Keep,
        APP14 if payload.starts_with(b"Adobe") => SegmentAction::Keep,
        // All other APPn (Exif/XMP APP1, MPF/FlashPix APP2, APP3 Kodak meta, APP12 Ducky,
        // APP13 Photoshop/IPTC, ...) and comments.
        0xE0..=0xEF | COM => SegmentAction::Drop,
        // Tables, frame headers, DRI, DNL, extensions: needed for decoding.
        _ => SegmentAction::Keep,
    }
}

/// Keeps a JFIF APP0 header, but without its embedded thumbnail: a thumbnail can show a
/// different (e.g. uncropped) version of the picture.
fn jfif_action(payload: &[u8]) -> SegmentAction {
    // "JFIF\0", version (2), units (1), x/y density (2 + 2), thumbnail width/height (1 + 1).
    const HEADER: usize = 12;
    match payload {
        [b'J', b'F', b'I', b'F', 0, _, _, _, _, _, _, _, 0, 0] => SegmentAction::Keep,
        [b'J', b'F', b'I', b'F', 0, _, _, _, _, _, _, _, _, _, ..] => {
            let mut segment = vec![0xFF, APP0, 0, 16];
            segment.extend_from_slice(&payload[..HEADER]);
            segment.extend_from_slice(&[0, 0]);
            SegmentAction::Replace(segment)
        }
        // JFXX thumbnails, AVI1, truncated JFIF: nothing a decoder needs.
        _ => SegmentAction::Drop,
    }
}

/// Returns the index of the 0xFF that starts the first marker after the entropy-coded data
/// beginning at `start` (stuffed `FF 00` and `RSTn` belong to the data).
fn find_scan_end(bytes: &[u8], start: usize) -> Result<usize, PhotoError> {
    let mut i = start;
    loop {
        let offset = bytes
            .get(i..)
            .and_then(|rest| rest.iter().position(|&b| b == 0xFF))
            .ok_or(PhotoError::Malformed)?;
        i += offset;
        match bytes.get(i + 1) {
            None => return Err(PhotoError::Malformed),
            Some(0x00 | 0xD0..=0xD7) => i += 2,
            // Fill byte: the marker starts at the next 0xFF.
            Some(0xFF) => i += 1,
            Some(_) => return Ok(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{ImageKind, strip_metadata};
    use super::*;

    // ---- JPEG --------------------------------------------------------------------------

    #[test]
    fn jpeg_metadata_is_removed_and_image_kept() {
        let (kind, out) = strip_metadata(&jpeg_with_metadata()).unwrap();
        assert_eq!(kind, ImageKind::Jpeg);
        assert!(out.starts_with(&[0xFF, SOI]));
        assert!(out.ends_with(&[0xFF, EOI]));
        for secret in [
            &b"Exif"[..],
            b"GPSLatitude",
            b"52.3702N",
            b"xmpmeta",
            b"ns.adobe.com",
            b"Jan Jansen",
        ] {
            assert!(
                !contains(&out, secret),
                "{:?} leaked",
                String::from_utf8_lossy(secret)
            );
        }
        for kept in [
            jfif(None),
            dqt(),
            sof0(),
            dht(),
            cat(&[sos(), scan_data(), eoi()]),
        ] {
            assert!(contains(&out, &kept));
        }
        // Exactly the clean image, scan data byte-identical.
        assert_eq!(out, clean_jpeg());
    }

    #[test]
    fn jpeg_without_metadata_is_byte_identical() {
        let input = clean_jpeg();
        assert_eq!(strip_jpeg_metadata(&input).unwrap(), input);
    }

    #[test]
    fn jpeg_output_is_idempotent() {
        let once = strip_jpeg_metadata(&jpeg_with_metadata()).unwrap();
        assert_eq!(strip_jpeg_metadata(&once).unwrap(), once);
    }

    #[test]
    fn jpeg_keeps_icc_and_adobe_drops_other_app_segments() {
        let icc = seg(APP2, b"ICC_PROFILE\0\x01\x01profile-bytes");
        let adobe = seg(APP14, b"Adobe\0\x64\0\0\0\0\x01");
        let input = cat(&[
            vec![0xFF, SOI],
            jfif(None),
            icc.clone(),
            seg(APP2, b"MPF\0II*\0secondary-image-index"),
            seg(0xE3, b"META kodak camera serial"),
            seg(0xEB, b"JP jpeg-xt"),
            seg(0xEC, b"Ducky quality"),
            seg(0xED, b"Photoshop 3.0\08BIM IPTC byline"),
            adobe.clone(),
            dqt(),
            sof0(),
            dht(),
            sos(),
            scan_data(),
            eoi(),
        ]);
        let out = strip_jpeg_metadata(&input).unwrap();
        let expected = cat(&[
            vec![0xFF, SOI],
            jfif(None),
            icc,
            adobe,
            dqt(),
            sof0(),
            dht(),
            sos(),
            scan_data(),
            eoi(),
        ]);
        assert_eq!(out, expected);
    }

    #[test]
    fn jpeg_jfif_thumbnail_is_removed() {
        let input = cat(&[
            vec![0xFF, SOI],
            jfif(Some((2, 2))),
            seg(APP0, b"JFXX\0\x10thumbnail"),
            dqt(),
            sof0(),
            sos(),
            scan_data(),
            eoi(),
        ]);
        let out = strip_jpeg_metadata(&input).unwrap();
        assert!(!contains(&out, &[0xAB, 0xAB, 0xAB]));
        assert!(!contains(&out, b"JFXX"));
        assert_eq!(
            out,
            cat(&[
                vec![0xFF, SOI],
                jfif(None),
                dqt(),
                sof0(),
                sos(),
                scan_data(),
                eoi()
            ])
        );
    }

    #[test]
    fn jpeg_data_after_eoi_is_dropped() {
        // E.g. an MPF secondary image with its own Exif, or a motion-photo video.
        let mut input = clean_jpeg();
        input.extend_from_slice(&cat(&[vec![0xFF, SOI], exif_with_gps(), eoi()]));
        input.extend_from_slice(b"ftypmp42 trailing video");
        assert_eq!(strip_jpeg_metadata(&input).unwrap(), clean_jpeg());
    }

    #[test]
    fn jpeg_progressive_scans_and_interleaved_metadata() {
        let sof2 = seg(0xC2, &[8, 0, 16, 0, 16, 1, 1, 0x11, 0]);
        let dri = seg(0xDD, &[0, 4]);
        let input = cat(&[
            vec![0xFF, SOI],
            dqt(),
            sof2.clone(),
            dri.clone(),
            dht(),
            sos(),
            scan_data(),
            comment(),
            exif_with_gps(),
            dht(),
            sos(),
            vec![0xAA, 0xFF, 0x00, 0xBB],
            eoi(),
        ]);
        let out = strip_jpeg_metadata(&input).unwrap();
        let expected = cat(&[
            vec![0xFF, SOI],
            dqt(),
            sof2,
            dri,
            dht(),
            sos(),
            scan_data(),
            dht(),
            sos(),
            vec![0xAA, 0xFF, 0x00, 0xBB],
            eoi(),
        ]);
        assert_eq!(out, expected);
    }

    #[test]
    fn jpeg_fill_bytes_and_standalone_markers() {
        let input = cat(&[
            vec![0xFF, SOI],
            vec![0xFF, 0xFF, 0xFF], // fill bytes before the next marker
            exif_with_gps(),
            vec![0xFF, TEM],
            vec![0xFF, 0xD3],
            dqt(),
            sof0(),
            sos(),
            scan_data(),
            vec![0xFF], // fill byte inside the scan, before EOI
            eoi(),
        ]);
        let out = strip_jpeg_metadata(&input).unwrap();
        let expected = cat(&[
            vec![0xFF, SOI],
            vec![0xFF, TEM],
            vec![0xFF, 0xD3],
            dqt(),
            sof0(),
            sos(),
            scan_data(),
            vec![0xFF],
            eoi(),
        ]);
        assert_eq!(out, expected);
    }

    #[test]
    fn jpeg_structural_errors() {
        let soi = vec![0xFF, SOI];
        // No SOS at all.
        assert_eq!(
            strip_jpeg_metadata(&cat(&[soi.clone(), dqt(), sof0(), eoi()])),
            Err(PhotoError::Malformed)
        );
        // Segment length running past the end.
        let mut long = cat(&[soi.clone(), dqt()]);
        long.extend_from_slice(&[0xFF, 0xE1, 0x10, 0x00, b'E', b'x']);
        assert_eq!(strip_jpeg_metadata(&long), Err(PhotoError::Malformed));
        // Segment length below 2.
        let short = cat(&[
            soi.clone(),
            vec![0xFF, 0xDB, 0x00, 0x01],
            sof0(),
            sos(),
            eoi(),
        ]);
        assert_eq!(strip_jpeg_metadata(&short), Err(PhotoError::Malformed));
        // Scan without EOI.
        let no_eoi = cat(&[soi.clone(), dqt(), sof0(), sos(), scan_data()]);
        assert_eq!(strip_jpeg_metadata(&no_eoi), Err(PhotoError::Malformed));
        // Scan before any frame header.
        let no_frame = cat(&[soi.clone(), dqt(), sos(), scan_data(), eoi()]);
        assert_eq!(strip_jpeg_metadata(&no_frame), Err(PhotoError::Malformed));
        // Garbage where a marker should be.
        let garbage = cat(&[soi.clone(), vec![0x00, 0x01], sof0(), sos(), eoi()]);
        assert_eq!(strip_jpeg_metadata(&garbage), Err(PhotoError::Malformed));
        // Not a JPEG.
        assert_eq!(
            strip_jpeg_metadata(&clean_png()),
            Err(PhotoError::NotAnImage)
        );
    }

    #[test]
    fn jpeg_every_truncation_is_an_error() {
        let input = jpeg_with_metadata();
        for n in 0..input.len() {
            assert!(strip_metadata(&input[..n]).is_err(), "prefix {n} accepted");
            assert!(
                strip_jpeg_metadata(&input[..n]).is_err(),
                "prefix {n} accepted"
            );
        }
    }
}
