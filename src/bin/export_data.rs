//! Writes the dataset as CSV and JSON downloads. Trunk runs it after each build (see
//! `Trunk.toml`) into `$TRUNK_STAGING_DIR/downloads/`; or give a folder: `export-data <dir>`.

use std::path::PathBuf;
use std::{env, fs, process};

use ecuador_explainer::data::export::downloads;
use ecuador_explainer::data::Dataset;

fn main() {
    let dir = match (env::args().nth(1), env::var("TRUNK_STAGING_DIR")) {
        (Some(dir), _) => PathBuf::from(dir),
        (None, Ok(staging)) => PathBuf::from(staging).join("downloads"),
        (None, Err(_)) => {
            eprintln!(
                "usage: export-data <dir>  (or run from Trunk, which sets TRUNK_STAGING_DIR)"
            );
            process::exit(2);
        }
    };
    if let Err(e) = fs::create_dir_all(&dir) {
        eprintln!("{}: {e}", dir.display());
        process::exit(1);
    }
    for download in downloads(Dataset::embedded()) {
        let path = dir.join(&download.name);
        if let Err(e) = fs::write(&path, download.body) {
            eprintln!("{}: {e}", path.display());
            process::exit(1);
        }
    }
}
