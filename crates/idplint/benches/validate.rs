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
