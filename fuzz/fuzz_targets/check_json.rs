//! `check` of arbitrary bytes read as a `.json` file, rendered in every output format.

#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::check(data, idplint::source::Format::Json));
