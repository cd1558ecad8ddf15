//! Bad input at the web's own parsers: a player's `Range` header and a page's multipart body
//! run on thousands of generated inputs without a panic, and what they return stays inside
//! the body it describes.

use axum::http::{HeaderMap, HeaderValue, header};
use proptest::prelude::*;

use crate::context::{multipart_boundary, multipart_field};
use crate::downloads::byte_range;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 2000,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_range_header_never_panics_and_stays_inside_the_body(
        value in prop_oneof!["\\PC{0,40}", "bytes=[0-9]{0,22}-[0-9]{0,22}", "bytes=-[0-9]{0,22}"],
        length in 0usize..100_000,
    ) {
        if let Some(Ok(range)) = byte_range(Some(&value), length) {
            prop_assert!(range.start < range.end && range.end <= length, "{range:?} of {length}");
        }
    }

    #[test]
    fn a_multipart_body_never_panics(
        body in proptest::collection::vec(any::<u8>(), 0..3000),
        boundary in "[!-~]{0,80}",
        content_type in "\\PC{0,120}",
    ) {
        let _ = multipart_field(&body, &boundary, "csrf");
        let mut shaped = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n").into_bytes();
        shaped.extend_from_slice(&body);
        if let Some(value) = multipart_field(&shaped, &boundary, "csrf") {
            prop_assert!(value.len() <= 256);
        }
        let mut headers = HeaderMap::new();
        if let Ok(value) = HeaderValue::from_str(&content_type) {
            headers.insert(header::CONTENT_TYPE, value);
            let _ = multipart_boundary(&headers);
        }
    }
}
