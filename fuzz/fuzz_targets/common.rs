//! What both targets do with one input: check it as the CLI does (no kind given, so detection
//! and every rule run), then render the report in every output format, secrets masked.

use idplint::source::Format;

/// Check `data` as a file of `format`, render it in every format, and assert what must hold
/// for any input: spans inside the text on character boundaries, and JSON and SARIF output
/// that parses.
pub fn check(data: &[u8], format: Format) {
    let name = match format {
        Format::Json => "fuzz.json",
        Format::Yaml => "fuzz.yaml",
    };
    let report = idplint::check_bytes(name, data, format, &idplint::Options::default());
    let text = &report.source.text;
    for d in &report.diagnostics {
        if let Some(span) = &d.span {
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "{d}: {span:?}"
            );
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{d}: {span:?}"
            );
        }
    }
    for format in idplint_cli::document::FORMATS {
        let out = idplint_cli::document::check_output(format, &report).expect("a format");
        if matches!(format, "json" | "sarif") {
            serde_json::from_str::<serde_json::Value>(&out).expect("the document parses");
        }
    }
}
