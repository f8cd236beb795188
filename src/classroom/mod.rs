//! The classroom: presentation mode (the decks and clicker keys as plain logic in `deck`, the
//! view in `presentation`) and the printed handout.

pub mod deck;
pub mod handout;
pub mod presentation;
