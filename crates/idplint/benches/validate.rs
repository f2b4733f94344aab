//! Library validation: `validate_value` on a parsed payload, for every kind of the registry (a
//! valid and a broken payload each), and on two 1 KB create bodies.
//!
//! `cargo bench -p idplint --bench validate`

#[macro_use]
mod common;

use common::Payload;
use divan::Bencher;

fn main() {
    divan::main();
}

/// Validate once outside the timing (the validator is compiled on first use), then time it.
fn bench_validate(bencher: Bencher<'_, '_>, payload: &Payload) {
    divan::black_box(payload.validate());
    bencher.bench(|| payload.validate());
}

payload_benches!(bench_validate);

/// Text to findings of a clean 1 KB JSON body, the two ways idplint can read it: `check_text`
/// (plain JSON read into idplint's document, validated as it is) against what it would do
/// without that reader (`source::parse` into serde_json's value, then `validate_value`). The
/// document reader is kept for the difference (`bench/PROFILE.md`, "The document reader").
mod reader {
    use super::common;
    use divan::Bencher;
    use idplint::source::{self, Limits};

    fn both(kind: &str, text: &str) -> common::Payload {
        let payload = common::create_1k(kind, text);
        assert!(payload.check().diagnostics.is_empty());
        assert!(payload.validate().is_empty());
        payload
    }

    /// `check_text` on the oidc create body: the document.
    #[divan::bench]
    fn document_auth0_oidc_create_1k(bencher: Bencher<'_, '_>) {
        let payload = both("auth0.idp.create", common::AUTH0_OIDC_CREATE_1K);
        bencher.bench(|| payload.check());
    }

    /// The same body through serde_json's value.
    #[divan::bench]
    fn value_auth0_oidc_create_1k(bencher: Bencher<'_, '_>) {
        let payload = both("auth0.idp.create", common::AUTH0_OIDC_CREATE_1K);
        bencher.bench(|| parse_and_validate(&payload));
    }

    /// `check_text` on the GenAuth connection create body: the document.
    #[divan::bench]
    fn document_genauth_conn_create_1k(bencher: Bencher<'_, '_>) {
        let payload = both(
            "genauth.ext-idp-conn.create",
            common::GENAUTH_CONN_CREATE_1K,
        );
        bencher.bench(|| payload.check());
    }

    /// The same body through serde_json's value.
    #[divan::bench]
    fn value_genauth_conn_create_1k(bencher: Bencher<'_, '_>) {
        let payload = both(
            "genauth.ext-idp-conn.create",
            common::GENAUTH_CONN_CREATE_1K,
        );
        bencher.bench(|| parse_and_validate(&payload));
    }

    fn parse_and_validate(payload: &common::Payload) -> Vec<idplint::Diagnostic> {
        let parsed = source::parse(&payload.text, payload.format, &Limits::default());
        let value = parsed.value.expect("a benchmark payload parses");
        idplint::validate_value(payload.kind(), &value, &payload.options.context)
    }
}
