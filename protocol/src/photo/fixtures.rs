//! Images for the tests: JPEG segments and PNG chunks to build files from, with and without
//! metadata, and a small random number generator for the robustness tests.

use super::jpeg::{APP0, EOI, SOI, SOS};
use super::png::{PNG_SIGNATURE, crc32};

/// The JPEG comment marker.
pub const COM: u8 = 0xFE;

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

pub fn seg(marker: u8, payload: &[u8]) -> Vec<u8> {
    let len = u16::try_from(payload.len() + 2).unwrap();
    let mut v = vec![0xFF, marker];
    v.extend_from_slice(&len.to_be_bytes());
    v.extend_from_slice(payload);
    v
}

pub fn jfif(thumb: Option<(u8, u8)>) -> Vec<u8> {
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

pub fn exif_with_gps() -> Vec<u8> {
    let mut p = b"Exif\0\0MM\0\x2a\0\0\0\x08".to_vec();
    p.extend_from_slice(b"GPSLatitude=52.3702N;GPSLongitude=4.8952E");
    seg(0xE1, &p)
}

pub fn xmp() -> Vec<u8> {
    let mut p = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    p.extend_from_slice(b"<x:xmpmeta><exif:GPSLatitude>52,22.2N</exif:GPSLatitude></x:xmpmeta>");
    seg(0xE1, &p)
}

pub fn comment() -> Vec<u8> {
    seg(COM, b"shot by Jan Jansen at home")
}

pub fn dqt() -> Vec<u8> {
    let mut p = vec![0x00];
    p.extend(1..=64u8);
    seg(0xDB, &p)
}

pub fn sof0() -> Vec<u8> {
    sof(0xC0, 16, 16)
}

/// A one-component frame header (baseline `0xC0`, progressive `0xC2`, ...) of that size.
pub fn sof(marker: u8, width: u16, height: u16) -> Vec<u8> {
    let ([h0, h1], [w0, w1]) = (height.to_be_bytes(), width.to_be_bytes());
    seg(marker, &[8, h0, h1, w0, w1, 1, 1, 0x11, 0])
}

/// A clean JPEG that says it is `width` × `height`.
pub fn jpeg_of(width: u16, height: u16) -> Vec<u8> {
    cat(&[
        vec![0xFF, SOI],
        dqt(),
        sof(0xC0, width, height),
        dht(),
        sos(),
        scan_data(),
        eoi(),
    ])
}

pub fn dht() -> Vec<u8> {
    let mut p = vec![0x00];
    p.extend_from_slice(&[0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    p.push(0);
    seg(0xC4, &p)
}

pub fn sos() -> Vec<u8> {
    seg(SOS, &[1, 1, 0x00, 0, 63, 0])
}

/// Entropy-coded bytes including a stuffed 0xFF00 and a restart marker.
pub fn scan_data() -> Vec<u8> {
    vec![
        0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78, 0x9A, 0xFF, 0x00,
    ]
}

pub fn eoi() -> Vec<u8> {
    vec![0xFF, EOI]
}

pub fn cat(parts: &[Vec<u8>]) -> Vec<u8> {
    parts.concat()
}

pub fn clean_jpeg() -> Vec<u8> {
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

pub fn jpeg_with_metadata() -> Vec<u8> {
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

pub fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut v = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
    v.extend_from_slice(kind);
    v.extend_from_slice(data);
    let crc = crc32(&v[4..]);
    v.extend_from_slice(&crc.to_be_bytes());
    v
}

pub fn ihdr() -> Vec<u8> {
    chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
}

/// A clean PNG that says it is `width` × `height`.
pub fn png_of(width: u32, height: u32) -> Vec<u8> {
    let header = [
        &width.to_be_bytes()[..],
        &height.to_be_bytes(),
        &[8, 2, 0, 0, 0],
    ]
    .concat();
    png(&[chunk(b"IHDR", &header), idat(), iend()])
}

pub fn idat() -> Vec<u8> {
    chunk(
        b"IDAT",
        &[
            0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00,
        ],
    )
}

pub fn iend() -> Vec<u8> {
    chunk(b"IEND", &[])
}

pub fn png(chunks: &[Vec<u8>]) -> Vec<u8> {
    let mut v = PNG_SIGNATURE.to_vec();
    for c in chunks {
        v.extend_from_slice(c);
    }
    v
}

pub fn clean_png() -> Vec<u8> {
    png(&[ihdr(), idat(), iend()])
}

pub fn png_with_metadata() -> Vec<u8> {
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
pub fn png_chunk_types(bytes: &[u8]) -> Vec<[u8; 4]> {
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

pub struct XorShift(pub u64);
impl XorShift {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
