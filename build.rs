//! Checks the content in `data/` and writes it for the app: the dataset as the data file the
//! loader fetches beside the wasm (`OUT_DIR/dataset.bin`, see `content::wire`; the post-build
//! tool copies it into the release under a hashed name), the model's fingerprint the wasm checks
//! that file against (`OUT_DIR/schema.rs`), and the map's land as static shapes
//! (`OUT_DIR/geometry.rs`). The content crate loads and checks the files; any problem stops the
//! build, listed as `file: record: field: problem`.

use std::path::{Path, PathBuf};
use std::{env, fs, process};

fn main() {
    // `scripts/build-markup-fixture.sh` builds from a copy of data/ with markup planted in it.
    let data = PathBuf::from(env::var("EXPLAINER_DATA_DIR").unwrap_or_else(|_| "data".into()));
    println!("cargo:rerun-if-env-changed=EXPLAINER_DATA_DIR");
    println!("cargo:rerun-if-changed={}", data.display());
    for file in content::load::FILES {
        println!("cargo:rerun-if-changed={}/{file}.toml", data.display());
    }
    println!("cargo:rerun-if-changed=data/geometry.json");
    let out =
        PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| fail(&["OUT_DIR unset".into()])));

    let mut dataset = content::load::load_dir(&data).unwrap_or_else(|problems| {
        fail(&problems.iter().map(ToString::to_string).collect::<Vec<_>>())
    });
    // A source's research key (a seed's file name) is for traceability here: it does not ship.
    // (The events' and routes' row keys are in the downloads, which the tool writes from this.)
    for source in dataset.sources.to_mut() {
        source.reference = Default::default();
    }
    let schema = model_fingerprint();
    write(
        &out.join("schema.rs"),
        &format!(
            "/// The fingerprint of the content model this app was built with (build.rs).\n\
             pub const SCHEMA: u64 = 0x{schema:016x};\n"
        ),
    );
    write_bytes(
        &out.join("dataset.bin"),
        &content::wire::encode(&dataset, schema, None),
    );

    let geometry = fs::read_to_string("data/geometry.json")
        .map_err(|e| e.to_string())
        .and_then(|json| content::codegen::geometry_module(&json))
        .unwrap_or_else(|e| fail(&[format!("data/geometry.json: {e}")]));
    write(&out.join("geometry.rs"), &geometry);
}

fn write(path: &Path, code: &str) {
    write_bytes(path, code.as_bytes());
}

fn write_bytes(path: &Path, bytes: &[u8]) {
    if let Err(e) = fs::write(path, bytes) {
        fail(&[format!("{}: {e}", path.display())]);
    }
}

/// A hash of the content crate's model sources (`content/src/*.rs`): the wasm and the data file
/// of one build carry the same number, so the app refuses a data file of another model.
fn model_fingerprint() -> u64 {
    let dir = Path::new("content/src");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
                .collect()
        })
        .unwrap_or_else(|e| fail(&[format!("{}: {e}", dir.display())]));
    files.sort();
    let texts: Vec<Vec<u8>> = files
        .iter()
        .map(|path| {
            println!("cargo:rerun-if-changed={}", path.display());
            fs::read(path).unwrap_or_else(|e| fail(&[format!("{}: {e}", path.display())]))
        })
        .collect();
    content::wire::fingerprint(texts.iter().map(Vec::as_slice))
}

/// Lists every problem and stops the build.
fn fail(problems: &[String]) -> ! {
    eprintln!("\nThe content in data/ has {} problem(s):", problems.len());
    for problem in problems {
        eprintln!("  {problem}");
    }
    eprintln!("(fix the data file; `cargo test -p ecuador-content --features load` checks the data alone)\n");
    process::exit(1);
}
