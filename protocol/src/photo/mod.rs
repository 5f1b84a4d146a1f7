//! Removes personal metadata (EXIF/GPS, XMP, IPTC, comments, text chunks, timestamps)
//! from photos that citizens attach to complaints, before they are stored or sent.
//!
//! Key decision: we only walk the container structure (JPEG marker segments, PNG chunks)
//! and keep what is needed to draw the picture; pixel data is never decoded or re-encoded, so
//! kept segments pass through unchanged (the edits: a JFIF header loses its embedded
//! thumbnail, an Adobe header is cut to its fixed size). Keeping is done by allow-list
//! (`jpeg.rs` and `png.rs` list what is kept and why): anything else is dropped, whatever it
//! is called, so unknown vendor metadata cannot slip through. The phone's core and the server
//! run this same code.

use thiserror::Error;

/// Largest accepted input, in bytes (inclusive).
pub const MAX_PHOTO_BYTES: usize = 2 * 1024 * 1024;

/// Longest side a photo may say it has, in pixels (inclusive). A file's header declares its
/// size and a viewer sets aside memory for that many pixels before it reads any of them, so a
/// small file declaring a huge size (a decompression bomb) can exhaust the memory of whoever
/// opens it; the core refuses such photos on the phone and the server when they arrive.
pub const MAX_PHOTO_SIDE: u32 = 8_000;

/// Most pixels a photo may say it has (inclusive): 40 megapixels, more than phones' cameras
/// take at their usual settings.
pub const MAX_PHOTO_PIXELS: u32 = 40_000_000;

mod jpeg;
mod png;

#[cfg(test)]
mod fixtures;

pub use jpeg::strip_jpeg_metadata;
pub use png::strip_png_metadata;

use jpeg::SOI;
use png::PNG_SIGNATURE;

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
    /// says it has more pixels than [`MAX_PHOTO_SIDE`] or [`MAX_PHOTO_PIXELS`] allow
    #[error("image is {width} × {height} pixels, more than the limits")]
    TooManyPixels { width: u32, height: u32 },
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

/// Checks size (<= `MAX_PHOTO_BYTES`), detects the kind, checks the declared dimensions, strips
/// metadata.
///
/// # Errors
/// [`PhotoError::TooLarge`] above the limit, [`PhotoError::NotAnImage`] for anything that is
/// neither JPEG nor PNG, [`PhotoError::TooManyPixels`] for an image that says it is larger
/// than [`MAX_PHOTO_SIDE`] or [`MAX_PHOTO_PIXELS`], [`PhotoError::Malformed`] for a broken or
/// truncated structure.
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

/// Refuses a declared size above [`MAX_PHOTO_SIDE`] or [`MAX_PHOTO_PIXELS`], and a side of 0,
/// which no drawable image has.
fn check_size(width: u32, height: u32) -> Result<(), PhotoError> {
    if width == 0 || height == 0 {
        return Err(PhotoError::Malformed);
    }
    if width > MAX_PHOTO_SIDE
        || height > MAX_PHOTO_SIDE
        || u64::from(width) * u64::from(height) > u64::from(MAX_PHOTO_PIXELS)
    {
        return Err(PhotoError::TooManyPixels { width, height });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

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

    // ---- pixel limits ------------------------------------------------------------------

    #[test]
    fn images_declaring_more_pixels_than_the_limits_are_refused() {
        let refused = |width, height| Err(PhotoError::TooManyPixels { width, height });
        // Decompression bombs: a few hundred bytes that would decode to gigabytes.
        assert_eq!(
            strip_metadata(&png_of(30_000, 30_000)),
            refused(30_000, 30_000)
        );
        assert_eq!(
            strip_metadata(&jpeg_of(65_535, 65_535)),
            refused(65_535, 65_535)
        );
        // Each side within the limit but too many pixels together; one side too long.
        assert_eq!(
            strip_metadata(&jpeg_of(7_000, 7_000)),
            refused(7_000, 7_000)
        );
        assert_eq!(strip_metadata(&png_of(8_001, 1)), refused(8_001, 1));
        assert_eq!(strip_metadata(&jpeg_of(1, 8_001)), refused(1, 8_001));
        // A progressive frame is a frame too.
        let progressive = cat(&[
            vec![0xFF, SOI],
            dqt(),
            sof(0xC2, 60_000, 60_000),
            dht(),
            sos(),
            scan_data(),
            eoi(),
        ]);
        assert_eq!(strip_metadata(&progressive), refused(60_000, 60_000));
        // Exactly at both limits.
        assert_eq!(MAX_PHOTO_SIDE, 8_000);
        assert_eq!(MAX_PHOTO_PIXELS, 40_000_000);
        assert!(strip_metadata(&jpeg_of(8_000, 5_000)).is_ok());
        assert!(strip_metadata(&png_of(5_000, 8_000)).is_ok());
    }

    #[test]
    fn images_without_a_size_or_with_two_are_malformed() {
        // PNG forbids a side of 0; a JPEG of height 0 would say it later (in a DNL segment),
        // which browsers do not read.
        for bytes in [
            png_of(0, 10),
            png_of(10, 0),
            png_of(1 << 31, 1),
            jpeg_of(0, 10),
            jpeg_of(10, 0),
        ] {
            assert_eq!(strip_metadata(&bytes), Err(PhotoError::Malformed));
        }
        // A second frame header, which could say another size.
        let two_frames = cat(&[
            vec![0xFF, SOI],
            dqt(),
            sof0(),
            sof(0xC0, 60_000, 60_000),
            dht(),
            sos(),
            scan_data(),
            eoi(),
        ]);
        assert_eq!(strip_metadata(&two_frames), Err(PhotoError::Malformed));
        // A frame header whose length does not match its components.
        let short_frame = cat(&[
            vec![0xFF, SOI],
            dqt(),
            seg(0xC0, &[8, 0, 16, 0, 16, 1, 1, 0x11]),
            dht(),
            sos(),
            scan_data(),
            eoi(),
        ]);
        assert_eq!(strip_metadata(&short_frame), Err(PhotoError::Malformed));
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
