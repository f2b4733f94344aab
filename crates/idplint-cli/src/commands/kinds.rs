//! `idplint kinds`.

use crate::EXIT_OK;

pub(crate) fn run() -> u8 {
    for k in idplint::kinds::KINDS {
        println!("{:<30} {}", k.id, k.summary());
    }
    EXIT_OK
}
