//! The classroom: presentation mode (the decks and clicker keys as plain logic in `deck`, the
//! view in `presentation`) and the printed handout (what each scope holds in `scope`, the
//! drawing in `handout`, the choice in `print_dialog`).

pub mod deck;
pub mod handout;
pub mod presentation;
pub mod print_dialog;
pub mod scope;
