//! The whole path from text to located findings (`check_text`: parse, detect, validate, span
//! index for files with findings), for every kind of the registry; and rendering many findings
//! of one large file.
//!
//! `cargo bench -p idplint --bench check`

#[macro_use]
mod common;

use common::Payload;
use divan::Bencher;
use idplint::render::{Style, render_report};

fn main() {
    divan::main();
}

/// Check once outside the timing (the validator is compiled on first use), then time it.
fn bench_check(bencher: Bencher<'_, '_>, payload: &Payload) {
    divan::black_box(payload.check());
    bencher
        .counter(divan::counter::BytesCount::of_str(&payload.text))
        .bench(|| payload.check());
}

payload_benches!(bench_check);

/// How many findings the large file has.
const MANY: usize = 10_000;

/// Checking a 10 MB list response with 10,000 findings.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn check_10k_findings(bencher: Bencher<'_, '_>) {
    let payload = common::list_with_unknown_fields(MANY);
    let report = payload.check();
    assert_eq!(report.diagnostics.len(), MANY);
    bench_check(bencher, &payload);
}

/// Rendering those 10,000 findings as the human format does (source snippets, masked secrets).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn render_10k_findings(bencher: Bencher<'_, '_>) {
    let report = common::list_with_unknown_fields(MANY).check();
    assert_eq!(report.diagnostics.len(), MANY);
    bencher.bench(|| render_report(&report, Style::default()));
}
