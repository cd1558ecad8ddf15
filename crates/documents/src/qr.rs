//! QR codes, made here (no service): as SVG, for pages and for Typst.

/// A QR code of `data` as an SVG document without the XML prologue.
pub fn qr_svg(data: &str) -> String {
    match qrcode::QrCode::new(data.as_bytes()) {
        Ok(code) => {
            let svg = code
                .render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(160, 160)
                .quiet_zone(true)
                .build();
            match svg.find("<svg") {
                Some(start) => svg[start..].to_owned(),
                None => svg,
            }
        }
        // Only data longer than a QR code can hold fails; an address never is.
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_qr_code_is_an_svg_without_prologue() {
        let svg = super::qr_svg("https://senim.example.kz/box/demo");
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("<path") || svg.contains("<rect"));
    }
}
