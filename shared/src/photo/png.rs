//! PNG: walks the chunks, checking every CRC, and keeps what a decoder needs.

use super::PhotoError;

pub(super) const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

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
pub(super) fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |c, &b| {
        CRC_TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{ImageKind, strip_metadata};
    use super::*;

    // ---- CRC / detect ------------------------------------------------------------------

    #[test]
    fn crc32_known_values() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        // The IEND chunk always ends with AE 42 60 82.
        assert_eq!(iend()[8..], [0xAE, 0x42, 0x60, 0x82]);
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
}
