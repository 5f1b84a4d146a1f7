//! JPEG: walks the marker segments and keeps only what a decoder needs to draw the picture:
//! the frame header, the quantisation, Huffman and arithmetic-coding tables, the restart
//! interval, the scans with their entropy-coded data, and two small fixed headers that say how
//! to turn the components into colours (JFIF, without its thumbnail, and Adobe's). Every other
//! segment is dropped, whatever it is called: all other APPn (Exif, XMP, ICC profiles, MPF,
//! Photoshop/IPTC, ...), comments, the JPGn extensions and reserved codes.

use super::{PhotoError, check_size};

// JPEG marker codes (the byte following 0xFF).
pub(super) const TEM: u8 = 0x01;
pub(super) const SOI: u8 = 0xD8;
pub(super) const EOI: u8 = 0xD9;
pub(super) const SOS: u8 = 0xDA;
pub(super) const APP0: u8 = 0xE0;
pub(super) const APP14: u8 = 0xEE;
const DHT: u8 = 0xC4;
const DAC: u8 = 0xCC;
const DQT: u8 = 0xDB;
const DRI: u8 = 0xDD;

enum SegmentAction {
    Keep,
    Drop,
    Replace(Vec<u8>),
}

/// Walks the marker segments, keeping only what decoders need (JFIF APP0 without thumbnail,
/// Adobe APP14, tables, restart interval, frame and scan headers, entropy-coded data) and
/// stopping at EOI. Anything after EOI (MPF secondary images, motion-photo videos, vendor trailers,
/// which can carry their own EXIF) is discarded.
///
/// # Errors
/// [`PhotoError::NotAnImage`] without SOI, [`PhotoError::TooManyPixels`] for a frame larger than
/// the limits, [`PhotoError::Malformed`] for a segment running past the end, no frame header
/// before the scan or two of them, a frame without a size, no SOS, or no EOI after it.
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
            // Standalone markers without a length field, meaningless outside a scan.
            TEM | 0xD0..=0xD7 => continue,
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
            // One frame per image: a second header could say another size.
            if seen_frame {
                return Err(PhotoError::Malformed);
            }
            check_frame(payload)?;
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
    matches!(marker, 0xC0..=0xCF) && !matches!(marker, DHT | 0xC8 | DAC)
}

/// A frame header: precision (1), height (2), width (2), components (1), and three bytes for
/// each component. Refuses a size above the limits, and a height of 0 (which would be given
/// later, in a DNL segment that browsers do not read).
fn check_frame(payload: &[u8]) -> Result<(), PhotoError> {
    let [_, h0, h1, w0, w1, components, ..] = *payload else {
        return Err(PhotoError::Malformed);
    };
    if components == 0 || payload.len() != 6 + 3 * usize::from(components) {
        return Err(PhotoError::Malformed);
    }
    check_size(
        u32::from(u16::from_be_bytes([w0, w1])),
        u32::from(u16::from_be_bytes([h0, h1])),
    )
}

fn jpeg_segment_action(marker: u8, payload: &[u8]) -> SegmentAction {
    match marker {
        APP0 => jfif_action(payload),
        APP14 => adobe_action(payload),
        DHT | DAC | DQT | DRI => SegmentAction::Keep,
        _ if is_sof(marker) => SegmentAction::Keep,
        _ => SegmentAction::Drop,
    }
}

/// Keeps Adobe's APP14 header, which says whether three or four components are RGB, YCbCr,
/// CMYK or YCCK (decoders draw CMYK photos wrongly without it), cut to its fixed 12 bytes.
fn adobe_action(payload: &[u8]) -> SegmentAction {
    // "Adobe", version (2), flags0 (2), flags1 (2), colour transform (1).
    const HEADER: usize = 12;
    match payload.get(..HEADER) {
        Some(header) if header.starts_with(b"Adobe") && payload.len() == HEADER => {
            SegmentAction::Keep
        }
        Some(header) if header.starts_with(b"Adobe") => {
            let mut segment = vec![0xFF, APP14, 0, 14];
            segment.extend_from_slice(header);
            SegmentAction::Replace(segment)
        }
        _ => SegmentAction::Drop,
    }
}

/// Keeps a JFIF APP0 header (it tells decoders that three components are YCbCr), but without
/// its embedded thumbnail: a thumbnail can show a different (e.g. uncropped) version of the
/// picture. What is kept is its fixed 14 bytes, with no room for anything else.
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
    fn jpeg_keeps_only_the_segments_that_draw_the_image() {
        let marker = b"GPSLatitude=42.6629N marker-text";
        let adobe = seg(APP14, b"Adobe\0\x64\0\0\0\0\x01");
        let dri = seg(0xDD, &[0, 4]);
        let mut input = cat(&[vec![0xFF, SOI], jfif(None)]);
        // APP1..APP15 (Exif, XMP, ICC, MPF, Photoshop, ...), the JPGn extensions, comments.
        for m in (0xE1..=0xEF).chain(0xF0..=0xFD).chain([COM]) {
            input.extend(seg(m, marker));
        }
        input.extend(cat(&[
            seg(
                0xE2,
                b"ICC_PROFILE\0\x01\x01Apple Computer Inc. marker-text",
            ),
            // APP0 and APP14 that are neither JFIF nor Adobe, and an Adobe header with more.
            seg(APP0, marker),
            seg(APP14, marker),
            seg(APP14, &[&b"Adobe\0\x64\0\0\0\0\x01"[..], marker].concat()),
            // Reserved codes, JPG, DHP, EXP, a temporary marker, a restart outside any scan.
            seg(0x02, marker),
            seg(0xBF, marker),
            seg(0xC8, marker),
            seg(0xDE, marker),
            seg(0xDF, marker),
            vec![0xFF, TEM, 0xFF, 0xD3],
            dqt(),
            sof0(),
            dht(),
            dri.clone(),
            sos(),
            scan_data(),
            // DNL after the scan.
            seg(0xDC, &[0, 16]),
            seg(COM, marker),
            eoi(),
        ]));
        let out = strip_jpeg_metadata(&input).unwrap();
        assert!(!contains(&out, b"marker-text"));
        let expected = cat(&[
            vec![0xFF, SOI],
            jfif(None),
            adobe,
            dqt(),
            sof0(),
            dht(),
            dri,
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
    fn jpeg_fill_bytes_kept_in_the_scan_standalone_markers_dropped() {
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
