//! The app reads its dataset from the data file build.rs writes (`content::wire`); it must hold
//! exactly the records the checked files hold (this is what lets the app skip the checks at run
//! time), less the sources' research keys (seed file names), which never ship.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use ecuador_explainer::data::{self, wire};

#[test]
fn the_data_file_holds_the_files_on_disk_without_research_keys() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data"));
    let mut on_disk = content::load::load_dir(dir).expect("data/ loads without problems");
    let (shipped, lang) = wire::decode(data::file(), data::SCHEMA).expect("the data file reads");
    assert_eq!(lang, None, "the build's file holds both languages");
    assert!(shipped.sources.iter().all(|s| s.reference.is_empty()));
    for source in on_disk.sources.to_mut() {
        source.reference = Default::default();
    }
    assert_eq!(shipped, on_disk);
    assert_eq!(data::dataset(), &on_disk);
}

// Guards against a data file of another model being misread: the app checks the stamp.
#[test]
fn the_app_refuses_a_data_file_of_another_model() {
    let mut bytes = data::file().to_vec();
    bytes[wire::MAGIC.len()] ^= 1;
    assert!(matches!(
        wire::decode(&bytes, data::SCHEMA),
        Err(wire::WireError::OtherVersion { .. })
    ));
}

// The release ships one file per language; together they are the whole dataset again.
#[test]
fn the_language_files_together_are_the_dataset() {
    let full = data::dataset();
    let [en, es] = content::Lang::ALL.map(|lang| wire::encode(full, data::SCHEMA, Some(lang)));
    assert_eq!(&wire::complete(&es, &en, data::SCHEMA).unwrap(), full);
    assert!(
        en.len() < data::file().len() * 2 / 3,
        "English alone is much smaller"
    );
}
