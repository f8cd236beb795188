//! Pieces every view shares: citations, dates and numbers as readers see them (`cite`), escaping
//! for the lists drawn as HTML strings (`html`), and the browser helpers (`browser`).

pub mod browser;
pub mod cite;
pub mod html;
pub mod pressed;
