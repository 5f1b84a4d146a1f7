//! PNG: walks the chunks, checking every CRC, and keeps only what a decoder needs to draw the
//! picture: the header, the palette, the image data and its end, transparency, and the three
//! small chunks that say how the stored values map to colours. Every other chunk is dropped,
//! whatever its name: text (tEXt, zTXt, iTXt), Exif (eXIf), times, ICC profiles, physical
//! size, suggested palettes and backgrounds, animation, and names PNG does not define, even
//! ones that look critical (`EXIF`, `HTML`, Apple's `CgBI`).
//!
//! Colour: gAMA, cHRM and sRGB are kept, because without them an image stored with another
//! gamma or other primaries is drawn too dark or with shifted colours. Each is kept only with
//! its fixed size (4, 32 and 1 bytes) and numbers in their range, which leaves no room for
//! anything else. iCCP is dropped: an embedded ICC profile is a container with free-text tags
//! (description, copyright, the device's maker and model) and private ones, and without it a
//! browser draws the image as sRGB, which is what screenshots and most photos are anyway.

use super::{PhotoError, check_size};

pub(super) const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

/// Walks the chunks, verifying every CRC, requiring IHDR first and IEND last, and copies the
/// chunks a decoder needs verbatim (see the module's comment); the rest are dropped. Bytes
/// after IEND are discarded.
///
/// # Errors
/// [`PhotoError::NotAnImage`] without the PNG signature, [`PhotoError::TooManyPixels`] for a
/// size larger than the limits, [`PhotoError::Malformed`] for a bad CRC, a chunk running past
/// the end, IHDR not first (or twice), a side of 0, or no IEND.
pub fn strip_png_metadata(bytes: &[u8]) -> Result<Vec<u8>, PhotoError> {
    let rest = bytes
        .strip_prefix(&PNG_SIGNATURE)
        .ok_or(PhotoError::NotAnImage)?;
    let header = next_png_chunk(rest)?;
    if &header.kind != b"IHDR" || header.data.len() != 13 {
        return Err(PhotoError::Malformed);
    }
    let mut size = numbers(&header.data[..8]);
    let (width, height) = (size.next().unwrap_or(0), size.next().unwrap_or(0));
    if width > 0x7FFF_FFFF || height > 0x7FFF_FFFF {
        return Err(PhotoError::Malformed);
    }
    check_size(width, height)?;
    let colour_type = header.data[9];
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&PNG_SIGNATURE);
    out.extend_from_slice(header.raw);
    let mut palette_entries = 0;
    let mut rest = header.rest;

    loop {
        let chunk = next_png_chunk(rest)?;
        match &chunk.kind {
            b"IHDR" => return Err(PhotoError::Malformed),
            b"IEND" => {
                out.extend_from_slice(chunk.raw);
                return Ok(out);
            }
            b"PLTE" => palette_entries = chunk.data.len() / 3,
            _ => {}
        }
        if keep_png_chunk(&chunk, colour_type, palette_entries) {
            out.extend_from_slice(chunk.raw);
        }
        rest = chunk.rest;
    }
}

struct PngChunk<'a> {
    kind: [u8; 4],
    data: &'a [u8],
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
    let (kind, data) = covered
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
        data,
        raw,
        rest,
    })
}

/// Whether a chunk (other than IHDR and IEND) is needed to draw the image, in an image of
/// `colour_type` whose palette so far has `palette_entries` colours.
fn keep_png_chunk(chunk: &PngChunk<'_>, colour_type: u8, palette_entries: usize) -> bool {
    let len = chunk.data.len();
    match &chunk.kind {
        b"PLTE" | b"IDAT" => true,
        // One grey level or one RGB colour that is transparent, or an alpha value for each
        // of the first palette entries; images with an alpha channel have none.
        b"tRNS" => match colour_type {
            0 => len == 2,
            2 => len == 6,
            3 => len <= palette_entries,
            _ => false,
        },
        // Gamma times 100000, up to 10; chromaticities times 100000, none above 1; one of the
        // four rendering intents. So nothing but these numbers fits in them.
        b"gAMA" => len == 4 && numbers(chunk.data).all(|gamma| (1..=1_000_000).contains(&gamma)),
        b"cHRM" => len == 32 && numbers(chunk.data).all(|xy| xy <= 100_000),
        b"sRGB" => len == 1 && chunk.data[0] <= 3,
        _ => false,
    }
}

/// The big-endian four-byte numbers `data` is made of.
fn numbers(data: &[u8]) -> impl Iterator<Item = u32> + '_ {
    data.chunks_exact(4)
        .map(|n| u32::from_be_bytes([n[0], n[1], n[2], n[3]]))
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
            chrm(),
            idat(),
            idat(),
            iend(),
        ]);
        assert_eq!(strip_png_metadata(&input).unwrap(), input);
    }

    /// sRGB's white point and primaries.
    fn chrm() -> Vec<u8> {
        let xy: [u32; 8] = [31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000];
        chunk(b"cHRM", &xy.map(u32::to_be_bytes).concat())
    }

    #[test]
    fn png_keeps_only_the_chunks_that_draw_the_image() {
        let marker = b"GPSLatitude=42.6629N marker-text";
        let colour = [
            chunk(b"gAMA", &[0, 0, 0xB1, 0x8F]),
            chrm(),
            chunk(b"sRGB", &[0]),
            // The colour that is transparent, in an RGB image.
            chunk(b"tRNS", &[0, 1, 0, 2, 0, 3]),
        ];
        let mut chunks = vec![ihdr()];
        // Critical-looking names that are not PNG's, metadata, and what no picture needs;
        // the colour chunks too when they are not the size PNG gives them.
        for kind in [
            b"EXIF", b"HTML", b"CgBI", b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME", b"iCCP",
            b"pHYs", b"sPLT", b"bKGD", b"sBIT", b"hIST", b"cICP", b"acTL", b"fcTL", b"vpAg",
            b"caBX", b"gAMA", b"cHRM", b"sRGB", b"tRNS",
        ] {
            chunks.push(chunk(kind, marker));
        }
        chunks.extend([chunk(b"gAMA", b"GPS!"), chunk(b"sRGB", b"G")]);
        chunks.extend(colour.clone());
        chunks.extend([
            idat(),
            chunk(b"fdAT", marker),
            chunk(b"tEXt", marker),
            iend(),
        ]);
        let out = strip_png_metadata(&png(&chunks)).unwrap();
        assert!(!contains(&out, b"marker-text"));
        let mut expected = vec![ihdr()];
        expected.extend(colour);
        expected.extend([idat(), iend()]);
        assert_eq!(out, png(&expected));
    }

    #[test]
    fn png_palette_images_keep_their_palette_and_its_transparency() {
        let palette_ihdr = chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 3, 0, 0, 0]);
        let palette = chunk(b"PLTE", &[0xFF, 0, 0, 0, 0xFF, 0, 0, 0, 0xFF]);
        let alpha = chunk(b"tRNS", &[0x80, 0xFF]);
        let input = png(&[
            palette_ihdr.clone(),
            palette.clone(),
            alpha.clone(),
            idat(),
            iend(),
        ]);
        assert_eq!(strip_png_metadata(&input).unwrap(), input);
        // More alpha values than palette entries, or a tRNS where the pixels carry alpha.
        let too_many = chunk(b"tRNS", &[0x80; 4]);
        let input = png(&[
            palette_ihdr.clone(),
            palette.clone(),
            too_many,
            idat(),
            iend(),
        ]);
        assert_eq!(
            strip_png_metadata(&input).unwrap(),
            png(&[palette_ihdr, palette, idat(), iend()])
        );
        let rgba_ihdr = chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
        let input = png(&[rgba_ihdr.clone(), alpha, idat(), iend()]);
        assert_eq!(
            strip_png_metadata(&input).unwrap(),
            png(&[rgba_ihdr, idat(), iend()])
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
