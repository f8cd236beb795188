//! Compiles the content in `data/` into the app as static Rust values (`OUT_DIR/dataset.rs`,
//! `OUT_DIR/geometry.rs`): the app ships no parser and parses nothing at start-up. The content
//! crate loads and checks the files; any problem stops the build, listed as
//! `file: record: field: problem`.

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

    let dataset = content::load::load_dir(&data).unwrap_or_else(|problems| {
        fail(&problems.iter().map(ToString::to_string).collect::<Vec<_>>())
    });
    write(
        &out.join("dataset.rs"),
        &content::codegen::dataset_module(&dataset),
    );

    let geometry = fs::read_to_string("data/geometry.json")
        .map_err(|e| e.to_string())
        .and_then(|json| content::codegen::geometry_module(&json))
        .unwrap_or_else(|e| fail(&[format!("data/geometry.json: {e}")]));
    write(&out.join("geometry.rs"), &geometry);
}

fn write(path: &Path, code: &str) {
    if let Err(e) = fs::write(path, code) {
        fail(&[format!("{}: {e}", path.display())]);
    }
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
