//! A campaign's QR code: its web link drawn as SVG (sharp at any print size) and as PNG (for
//! print shops), through the `qrcode` and `png` crates.

use crate::services::ServiceError;

/// The QR code for `link`, as an SVG document that prints sharp at any size.
pub fn svg(link: &str) -> Result<String, ServiceError> {
    let code = qrcode::QrCode::new(link.as_bytes())
        .map_err(|e| ServiceError::Internal(format!("QR code: {e}")))?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(400, 400)
        .quiet_zone(true)
        .build())
}

/// The QR code for `link` as a PNG: `scale` pixels a module, with the standard quiet zone.
pub fn png(link: &str, scale: u32) -> Result<Vec<u8>, ServiceError> {
    let code = qrcode::QrCode::new(link.as_bytes())
        .map_err(|e| ServiceError::Internal(format!("QR code: {e}")))?;
    const QUIET: u32 = 4;
    let modules = code.width() as u32;
    let side = (modules + 2 * QUIET) * scale;
    let colors = code.to_colors();
    let mut pixels = vec![255u8; (side * side) as usize];
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = (
                (x / scale).checked_sub(QUIET),
                (y / scale).checked_sub(QUIET),
            );
            if let (Some(mx), Some(my)) = (mx, my)
                && mx < modules
                && my < modules
                && colors[(my * modules + mx) as usize] == qrcode::Color::Dark
            {
                pixels[(y * side + x) as usize] = 0;
            }
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let failed = |e: png::EncodingError| ServiceError::Internal(format!("PNG: {e}"));
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(&pixels).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_png_is_a_square_image_with_a_white_quiet_zone() {
        let link = "https://zeri.example/c/KS-ABCDE";
        let modules = qrcode::QrCode::new(link).unwrap().width() as u32;
        let png = png(link, 4).unwrap();
        let decoder = ::png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut pixels).unwrap();
        assert_eq!(frame.width, frame.height);
        // The code's modules plus 4 quiet modules each side, 4 pixels a module.
        assert_eq!(frame.width, (modules + 8) * 4);
        let side = frame.width as usize;
        assert!(pixels[..side * 16].iter().all(|p| *p == 255), "quiet zone");
        // The top-left finder pattern starts right after the quiet zone.
        assert_eq!(pixels[16 * side + 16], 0);
    }

    #[test]
    fn the_svg_is_a_drawing_of_the_same_code() {
        let svg = svg("https://zeri.example/c/KS-ABCDE").unwrap();
        assert!(svg.contains("<svg"), "{svg}");
        assert!(svg.contains("<path"), "{svg}");
    }
}
