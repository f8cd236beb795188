//! Turns the content files in `data/` (TOML, for people to edit) into compact JSON in `OUT_DIR`,
//! which `src/data` embeds with `include_str!`. The app then needs only serde_json, not a TOML
//! parser: smaller wasm for every reader. The typed checks live in `src/data` and run in `cargo
//! test`; this script stops only on a file that is not valid TOML, naming the file and the line.

use std::path::Path;
use std::{env, fs};

const FILES: [&str; 5] = ["sources", "events", "places", "policies", "strings"];

fn main() {
    println!("cargo:rerun-if-changed=data");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("data");
    fs::create_dir_all(&out).expect("create OUT_DIR/data");
    for name in FILES {
        let path = format!("data/{name}.toml");
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: cannot be read: {e}"));
        let value: serde_json::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: is not valid TOML: {e}"));
        let json = serde_json::to_string(&value).expect("a TOML value is valid JSON");
        fs::write(out.join(format!("{name}.json")), json).expect("write OUT_DIR/data");
    }
}
