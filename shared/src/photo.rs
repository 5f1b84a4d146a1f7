//! Removes personal metadata (EXIF/GPS, XMP, IPTC, comments, text chunks, timestamps)
//! from photos that citizens attach to complaints, before they are stored or sent.
//!
//! Key decision: we only walk the container structure (JPEG marker segments, PNG chunks)
//! and drop metadata segments/chunks; pixel data is never decoded or re-encoded, so kept
//! segments pass through unchanged (the one edit: a JFIF header loses its embedded thumbnail).
//! Keeping is done by allow-list: anything not known to be needed for rendering is dropped,
//! so unknown vendor metadata cannot slip through.

use thiserror::Error;

/// Largest accepted input, in bytes (inclusive).
pub const MAX_PHOTO_BYTES: usize = 2 * 1024 * 1024;

const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

// JPEG marker codes (the byte following 0xFF).
const TEM: u8 = 0x01;
const SOI: u8 = 0xD8;
const EOI: u8 = 0xD9;
const SOS: u8 = 0xDA;
const APP0: u8 = 0xE0;
const APP2: u8 = 0xE2;
const APP14: u8 = 0xEE;
const COM: u8 = 0xFE;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Jpeg,
    Png,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PhotoError {
    /// not a JPEG or PNG at all
    #[error("not a JPEG or PNG image")]
    NotAnImage,
    /// structure broken / truncated
    #[error("image structure is malformed or truncated")]
    Malformed,
    /// larger than the limit
    #[error("image is {size} bytes, limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
}

/// Recognises JPEG (SOI followed by a marker) and PNG (8-byte signature) by their magic bytes.
#[must_use]
pub fn detect(bytes: &[u8]) -> Option<ImageKind> {
    if bytes.starts_with(&[0xFF, SOI, 0xFF]) {
        Some(ImageKind::Jpeg)
    } else if bytes.starts_with(&PNG_SIGNATURE) {
        Some(ImageKind::Png)
    } else {
        None
    }
}

/// Checks size (<= `MAX_PHOTO_BYTES`), detects the kind, strips metadata.
///
/// # Errors
/// [`PhotoError::TooLarge`] above the limit, [`PhotoError::NotAnImage`] for anything that is
/// neither JPEG nor PNG, [`PhotoError::Malformed`] for a broken or truncated structure.
pub fn strip_metadata(bytes: &[u8]) -> Result<(ImageKind, Vec<u8>), PhotoError> {
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(PhotoError::TooLarge {
            size: bytes.len(),
            limit: MAX_PHOTO_BYTES,
        });
    }
    match detect(bytes) {
        Some(ImageKind::Jpeg) => strip_jpeg_metadata(bytes).map(|out| (ImageKind::Jpeg, out)),
        Some(ImageKind::Png) => strip_png_metadata(bytes).map(|out| (ImageKind::Png, out)),
        None => Err(PhotoError::NotAnImage),
    }
}

// ---------------------------------------------------------------------------------------
// JPEG
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// PNG
// ---------------------------------------------------------------------------------------

/// Walks the chunks, verifying every CRC, requiring IHDR first and IEND last. Critical chunks
/// and the ancillary chunks that affect rendering are copied verbatim; all other ancillary
/// chunks (eXIf, tEXt, zTXt, iTXt, tIME, vendor chunks) are dropped. Bytes after IEND are
/// discarded.
///
/// # Errors
/// [`PhotoError::NotAnImage`] without the PNG signature, [`PhotoError::Malformed`] for a bad
/// CRC, a chunk running past the end, IHDR not first, or no IEND.
pub fn strip_png_metadata(bytes: &[u8]) -> Result<Vec<u8>, PhotoError> {
    let mut rest = bytes
        .strip_prefix(&PNG_SIGNATURE)
        .ok_or(PhotoError::NotAnImage)?;
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&PNG_SIGNATURE);
    let mut first = true;

    loop {
        let chunk = next_png_chunk(rest)?;
        let is_ihdr = &chunk.kind == b"IHDR";
        if first != is_ihdr || (is_ihdr && chunk.data_len != 13) {
            return Err(PhotoError::Malformed);
        }
        first = false;
        if keep_png_chunk(chunk.kind) {
            out.extend_from_slice(chunk.raw);
        }
        if &chunk.kind == b"IEND" {
            return Ok(out);
        }
        rest = chunk.rest;
    }
}

struct PngChunk<'a> {
    kind: [u8; 4],
    data_len: usize,
    /// The whole chunk: length, type, data, CRC.
    raw: &'a [u8],
    /// Input after this chunk.
    rest: &'a [u8],
}

fn next_png_chunk(input: &[u8]) -> Result<PngChunk<'_>, PhotoError> {
    let (len_bytes, _) = input
        .split_first_chunk::<4>()
        .ok_or(PhotoError::Malformed)?;
    let data_len = u32::from_be_bytes(*len_bytes);
    if data_len > 0x7FFF_FFFF {
        return Err(PhotoError::Malformed);
    }
    let data_len = usize::try_from(data_len).map_err(|_| PhotoError::Malformed)?;
    let total = data_len.checked_add(12).ok_or(PhotoError::Malformed)?;
    if input.len() < total {
        return Err(PhotoError::Malformed);
    }
    let (raw, rest) = input.split_at(total);
    let (covered, crc_bytes) = raw[4..].split_at(total - 8);
    let (kind, _) = covered
        .split_first_chunk::<4>()
        .ok_or(PhotoError::Malformed)?;
    if !kind.iter().all(u8::is_ascii_alphabetic) {
        return Err(PhotoError::Malformed);
    }
    let stored_crc = u32::from_be_bytes([crc_bytes[0], crc_bytes[1], crc_bytes[2], crc_bytes[3]]);
    if crc32(covered) != stored_crc {
        return Err(PhotoError::Malformed);
    }
    Ok(PngChunk {
        kind: *kind,
        data_len,
        raw,
        rest,
    })
}

fn keep_png_chunk(kind: [u8; 4]) -> bool {
    // Critical chunks (uppercase first letter) are required for decoding.
    kind[0].is_ascii_uppercase()
        || matches!(
            &kind,
            b"tRNS"
                | b"gAMA"
                | b"cHRM"
                | b"sRGB"
                | b"iCCP"
                | b"cICP"
                | b"mDCV"
                | b"mDCv"
                | b"cLLI"
                | b"cLLi"
                | b"sBIT"
                | b"bKGD"
                | b"hIST"
                | b"pHYs"
                | b"sPLT"
                | b"acTL"
                | b"fcTL"
                | b"fdAT"
        )
}

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n: u32 = 0;
    while n < 256 {
        let mut c = n;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n as usize] = c;
        n += 1;
    }
    table
};

/// CRC-32 (ISO-HDLC) as used by PNG.
fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |c, &b| {
        CRC_TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    // ---- helpers -----------------------------------------------------------------------

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    fn seg(marker: u8, payload: &[u8]) -> Vec<u8> {
        let len = u16::try_from(payload.len() + 2).unwrap();
        let mut v = vec![0xFF, marker];
        v.extend_from_slice(&len.to_be_bytes());
        v.extend_from_slice(payload);
        v
    }

    fn jfif(thumb: Option<(u8, u8)>) -> Vec<u8> {
        let mut p = b"JFIF\0".to_vec();
        p.extend_from_slice(&[1, 1, 0, 0, 72, 0, 72]);
        match thumb {
            None => p.extend_from_slice(&[0, 0]),
            Some((w, h)) => {
                p.extend_from_slice(&[w, h]);
                p.extend(std::iter::repeat_n(
                    0xAB,
                    usize::from(w) * usize::from(h) * 3,
                ));
            }
        }
        seg(APP0, &p)
    }

    fn exif_with_gps() -> Vec<u8> {
        let mut p = b"Exif\0\0MM\0\x2a\0\0\0\x08".to_vec();
        p.extend_from_slice(b"GPSLatitude=52.3702N;GPSLongitude=4.8952E");
        seg(0xE1, &p)
    }

    fn xmp() -> Vec<u8> {
        let mut p = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
        p.extend_from_slice(
            b"<x:xmpmeta><exif:GPSLatitude>52,22.2N</exif:GPSLatitude></x:xmpmeta>",
        );
        seg(0xE1, &p)
    }

    fn comment() -> Vec<u8> {
        seg(COM, b"shot by Jan Jansen at home")
    }

    fn dqt() -> Vec<u8> {
        let mut p = vec![0x00];
        p.extend(1..=64u8);
        seg(0xDB, &p)
    }

    fn sof0() -> Vec<u8> {
        seg(0xC0, &[8, 0, 16, 0, 16, 1, 1, 0x11, 0])
    }

    fn dht() -> Vec<u8> {
        let mut p = vec![0x00];
        p.extend_from_slice(&[0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        p.push(0);
        seg(0xC4, &p)
    }

    fn sos() -> Vec<u8> {
        seg(SOS, &[1, 1, 0x00, 0, 63, 0])
    }

    /// Entropy-coded bytes including a stuffed 0xFF00 and a restart marker.
    fn scan_data() -> Vec<u8> {
        vec![
            0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78, 0x9A, 0xFF, 0x00,
        ]
    }

    fn eoi() -> Vec<u8> {
        vec![0xFF, EOI]
    }

    fn cat(parts: &[Vec<u8>]) -> Vec<u8> {
        parts.concat()
    }

    fn clean_jpeg() -> Vec<u8> {
        cat(&[
            vec![0xFF, SOI],
            jfif(None),
            dqt(),
            sof0(),
            dht(),
            sos(),
            scan_data(),
            eoi(),
        ])
    }

    fn jpeg_with_metadata() -> Vec<u8> {
        cat(&[
            vec![0xFF, SOI],
            jfif(None),
            exif_with_gps(),
            xmp(),
            comment(),
            dqt(),
            sof0(),
            dht(),
            sos(),
            scan_data(),
            eoi(),
        ])
    }

    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut v = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
        v.extend_from_slice(kind);
        v.extend_from_slice(data);
        let crc = crc32(&v[4..]);
        v.extend_from_slice(&crc.to_be_bytes());
        v
    }

    fn ihdr() -> Vec<u8> {
        chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
    }

    fn idat() -> Vec<u8> {
        chunk(
            b"IDAT",
            &[
                0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00,
            ],
        )
    }

    fn iend() -> Vec<u8> {
        chunk(b"IEND", &[])
    }

    fn png(chunks: &[Vec<u8>]) -> Vec<u8> {
        let mut v = PNG_SIGNATURE.to_vec();
        for c in chunks {
            v.extend_from_slice(c);
        }
        v
    }

    fn clean_png() -> Vec<u8> {
        png(&[ihdr(), idat(), iend()])
    }

    fn png_with_metadata() -> Vec<u8> {
        png(&[
            ihdr(),
            chunk(b"tEXt", b"Author\0Jan Jansen"),
            chunk(b"eXIf", b"MM\0\x2a\0\0\0\x08GPSLatitude=52.3702N"),
            chunk(b"zTXt", b"Comment\0\0\x78\x9c"),
            chunk(b"iTXt", b"Location\0\0\0en\0\0Damrak 1, Amsterdam"),
            chunk(b"tIME", &[0x07, 0xE9, 5, 17, 13, 37, 0]),
            idat(),
            iend(),
        ])
    }

    /// Parses chunks of a PNG, asserting every CRC is valid; returns the chunk types.
    fn png_chunk_types(bytes: &[u8]) -> Vec<[u8; 4]> {
        let mut rest = bytes.strip_prefix(&PNG_SIGNATURE).expect("signature");
        let mut types = Vec::new();
        while !rest.is_empty() {
            let len = u32::from_be_bytes(rest[..4].try_into().unwrap()) as usize;
            let covered = &rest[4..8 + len];
            let crc = u32::from_be_bytes(rest[8 + len..12 + len].try_into().unwrap());
            assert_eq!(crc32(covered), crc, "bad CRC in output");
            types.push(covered[..4].try_into().unwrap());
            rest = &rest[12 + len..];
        }
        types
    }

    struct XorShift(u64);
    impl XorShift {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    // ---- CRC / detect ------------------------------------------------------------------

    #[test]
    fn crc32_known_values() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        // The IEND chunk always ends with AE 42 60 82.
        assert_eq!(iend()[8..], [0xAE, 0x42, 0x60, 0x82]);
    }

    #[test]
    fn detect_kinds() {
        assert_eq!(detect(&clean_jpeg()), Some(ImageKind::Jpeg));
        assert_eq!(detect(&clean_png()), Some(ImageKind::Png));
        assert_eq!(detect(b""), None);
        assert_eq!(detect(&[0xFF, 0xD8]), None);
        assert_eq!(detect(&PNG_SIGNATURE[..7]), None);
        assert_eq!(detect(b"GIF89a......"), None);
        assert_eq!(detect(b"%PDF-1.7"), None);
        assert_eq!(strip_metadata(b"hello world"), Err(PhotoError::NotAnImage));
        assert_eq!(strip_metadata(b""), Err(PhotoError::NotAnImage));
    }

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

    // ---- PNG ---------------------------------------------------------------------------

    #[test]
    fn png_metadata_is_removed_and_image_kept() {
        let (kind, out) = strip_metadata(&png_with_metadata()).unwrap();
        assert_eq!(kind, ImageKind::Png);
        assert_eq!(png_chunk_types(&out), vec![*b"IHDR", *b"IDAT", *b"IEND"]);
        for secret in [
            &b"Jan Jansen"[..],
            b"GPSLatitude",
            b"Damrak",
            b"tEXt",
            b"eXIf",
            b"tIME",
        ] {
            assert!(
                !contains(&out, secret),
                "{:?} leaked",
                String::from_utf8_lossy(secret)
            );
        }
        assert_eq!(out, clean_png());
    }

    #[test]
    fn png_without_metadata_is_byte_identical() {
        let input = png(&[
            ihdr(),
            chunk(b"gAMA", &[0, 0, 0xB1, 0x8F]),
            chunk(b"pHYs", &[0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1]),
            idat(),
            idat(),
            iend(),
        ]);
        assert_eq!(strip_png_metadata(&input).unwrap(), input);
    }

    #[test]
    fn png_unknown_ancillary_dropped_unknown_critical_kept() {
        let input = png(&[
            ihdr(),
            chunk(b"vpAg", b"vendor"),
            chunk(b"caBX", b"c2pa manifest with identity"),
            chunk(b"CgBI", &[0x50, 0x00, 0x20, 0x02]),
            idat(),
            iend(),
        ]);
        let out = strip_png_metadata(&input).unwrap();
        assert_eq!(
            png_chunk_types(&out),
            vec![*b"IHDR", *b"CgBI", *b"IDAT", *b"IEND"]
        );
    }

    #[test]
    fn png_bad_crc_is_rejected() {
        for (i, mut c) in [ihdr(), idat(), iend(), chunk(b"tEXt", b"a\0b")]
            .into_iter()
            .enumerate()
        {
            let last = c.len() - 1;
            c[last] ^= 0x01;
            let input = match i {
                0 => png(&[c, idat(), iend()]),
                1 => png(&[ihdr(), c, iend()]),
                2 => png(&[ihdr(), idat(), c]),
                _ => png(&[ihdr(), c, idat(), iend()]),
            };
            assert_eq!(
                strip_png_metadata(&input),
                Err(PhotoError::Malformed),
                "chunk {i}"
            );
        }
        // Corrupted data (not CRC) byte is also caught.
        let mut input = clean_png();
        input[8 + 8 + 3] ^= 0x40;
        assert_eq!(strip_png_metadata(&input), Err(PhotoError::Malformed));
    }

    #[test]
    fn png_structural_errors() {
        // IHDR not first.
        assert_eq!(
            strip_png_metadata(&png(&[idat(), ihdr(), iend()])),
            Err(PhotoError::Malformed)
        );
        // Duplicate IHDR.
        assert_eq!(
            strip_png_metadata(&png(&[ihdr(), ihdr(), idat(), iend()])),
            Err(PhotoError::Malformed)
        );
        // IHDR of the wrong size.
        assert_eq!(
            strip_png_metadata(&png(&[chunk(b"IHDR", &[0; 12]), idat(), iend()])),
            Err(PhotoError::Malformed)
        );
        // No IEND.
        assert_eq!(
            strip_png_metadata(&png(&[ihdr(), idat()])),
            Err(PhotoError::Malformed)
        );
        // Length field running past the end.
        let mut input = png(&[ihdr()]);
        input.extend_from_slice(&[0x00, 0x10, 0x00, 0x00, b'I', b'D', b'A', b'T', 1, 2, 3]);
        assert_eq!(strip_png_metadata(&input), Err(PhotoError::Malformed));
        // Length above 2^31 - 1.
        let mut input = png(&[ihdr()]);
        input.extend_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF, b'I', b'D', b'A', b'T']);
        assert_eq!(strip_png_metadata(&input), Err(PhotoError::Malformed));
        // Non-letter chunk type (with a valid CRC).
        let input = png(&[ihdr(), chunk(b"ID1T", &[1]), idat(), iend()]);
        assert_eq!(strip_png_metadata(&input), Err(PhotoError::Malformed));
        // Not a PNG.
        assert_eq!(
            strip_png_metadata(&clean_jpeg()),
            Err(PhotoError::NotAnImage)
        );
    }

    #[test]
    fn png_data_after_iend_is_dropped() {
        let mut input = clean_png();
        input.extend_from_slice(b"appended zip with secrets");
        assert_eq!(strip_png_metadata(&input).unwrap(), clean_png());
    }

    #[test]
    fn png_every_truncation_is_an_error() {
        let input = png_with_metadata();
        for n in 0..input.len() {
            assert!(strip_metadata(&input[..n]).is_err(), "prefix {n} accepted");
            assert!(
                strip_png_metadata(&input[..n]).is_err(),
                "prefix {n} accepted"
            );
        }
    }

    // ---- size limit --------------------------------------------------------------------

    #[test]
    fn size_limit_is_enforced() {
        let too_big = vec![0u8; MAX_PHOTO_BYTES + 1];
        assert_eq!(
            strip_metadata(&too_big),
            Err(PhotoError::TooLarge {
                size: MAX_PHOTO_BYTES + 1,
                limit: MAX_PHOTO_BYTES
            })
        );
        // A valid JPEG larger than the limit is rejected too ...
        let mut big_jpeg = clean_jpeg();
        big_jpeg.resize(MAX_PHOTO_BYTES + 1, 0);
        assert!(matches!(
            strip_metadata(&big_jpeg),
            Err(PhotoError::TooLarge { .. })
        ));
        // ... while exactly the limit is accepted (trailing padding after EOI is dropped).
        big_jpeg.truncate(MAX_PHOTO_BYTES);
        assert_eq!(strip_metadata(&big_jpeg).unwrap().1, clean_jpeg());
    }

    // ---- robustness --------------------------------------------------------------------

    #[test]
    fn random_bytes_never_panic() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        let prefixes: [&[u8]; 4] = [&[], &[0xFF, SOI], &[0xFF, SOI, 0xFF], &PNG_SIGNATURE];
        for i in 0..4000 {
            let len = rng.below(600);
            let mut buf: Vec<u8> = prefixes[i % prefixes.len()].to_vec();
            buf.extend((0..len).map(|_| {
                // Bias towards 0xFF and small values to hit marker/length paths.
                match rng.below(4) {
                    0 => 0xFF,
                    1 => (rng.next() % 8) as u8,
                    _ => rng.next() as u8,
                }
            }));
            let _ = detect(&buf);
            let _ = strip_metadata(&buf);
            let _ = strip_jpeg_metadata(&buf);
            let _ = strip_png_metadata(&buf);
        }
    }

    #[test]
    fn mutated_images_never_panic_and_outputs_are_stable() {
        let mut rng = XorShift(0x1234_5678_9ABC_DEF1);
        let seeds = [
            jpeg_with_metadata(),
            png_with_metadata(),
            clean_jpeg(),
            clean_png(),
        ];
        for i in 0..4000 {
            let mut buf = seeds[i % seeds.len()].clone();
            for _ in 0..=rng.below(4) {
                let at = rng.below(buf.len());
                match rng.below(3) {
                    0 => buf[at] = rng.next() as u8,
                    1 => buf[at] = 0xFF,
                    _ => {
                        buf.remove(at);
                    }
                }
            }
            if let Ok((kind, out)) = strip_metadata(&buf) {
                // Whatever we accept must come out as a structure we accept again unchanged.
                assert_eq!(detect(&out), Some(kind));
                assert_eq!(strip_metadata(&out), Ok((kind, out.clone())));
                assert!(out.len() <= buf.len());
            }
        }
    }
}
