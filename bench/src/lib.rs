//! idplint's benchmark suite: a seeded generator of payload corpora ([`corpus`]), and the
//! honest floor that `idplint check` is compared with (the `idplint-baseline` binary: read,
//! parse and validate every file with the `jsonschema` crate, on all cores).
//!
//! `bench/run.py` times `idplint check` against peer tools on these corpora; see
//! `docs/performance.md`.

pub mod corpus;
pub mod rng;
