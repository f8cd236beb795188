//! Pieces every view shares: citations, dates and numbers as readers see them (`cite`), escaping
//! for the lists drawn as HTML strings (`html`), the browser helpers (`browser`), and the way back after a far jump (`return_to`).

pub mod browser;
pub mod cite;
pub mod html;
pub mod pressed;
pub mod return_to;
