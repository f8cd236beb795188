//! Pre-compressed siblings: for each text, wasm or data file of the release, `<file>.gz` (gzip level 9)
//! and `<file>.br` (brotli quality 11), written once at build time. A host that serves them
//! (`tests/serve.mjs`, nginx's `gzip_static`/`brotli_static`, an object store with
//! `Content-Encoding` metadata; see `deploy/`) sends every reader the smallest bytes without
//! compressing on each request.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The files worth compressing (images and fonts are compressed already; we ship none).
const COMPRESSIBLE: [&str; 9] = [
    "html", "js", "css", "wasm", "bin", "json", "svg", "csv", "txt",
];
/// Below this, the headers cost more than compression saves.
const MIN_BYTES: usize = 512;

/// Writes the siblings for every compressible file under `dir`; returns how many files.
pub fn write_siblings(dir: &Path) -> Result<usize, String> {
    let mut count = 0;
    for path in files(dir)? {
        let compressible = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e));
        if !compressible {
            continue;
        }
        let body = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if body.len() < MIN_BYTES {
            continue;
        }
        write(&sibling(&path, "gz"), &gzip(&body)?)?;
        write(&sibling(&path, "br"), &brotli(&body)?)?;
        count += 1;
    }
    Ok(count)
}

/// gzip at level 9.
pub fn gzip(body: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(body).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

/// brotli at quality 11, window 22.
pub fn brotli(body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(body).map_err(|e| e.to_string())?;
        writer.flush().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

fn sibling(path: &Path, ext: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

fn write(path: &Path, body: &[u8]) -> Result<(), String> {
    fs::write(path, body).map_err(|e| format!("{}: {e}", path.display()))
}

/// Every file under `dir`, skipping siblings written by an earlier run.
fn files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("gz" | "br")) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    // What a browser receives must decode to exactly the file: both encodings round-trip, and
    // they actually shrink text.
    #[test]
    fn siblings_decode_to_the_original_and_are_smaller() {
        let body = "<p>Ecuador’s security crisis</p>\n"
            .repeat(200)
            .into_bytes();
        let gz = gzip(&body).unwrap();
        let mut decoded = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut decoded)
            .unwrap();
        assert_eq!(decoded, body);
        let br = brotli(&body).unwrap();
        let mut decoded = Vec::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_end(&mut decoded)
            .unwrap();
        assert_eq!(decoded, body);
        assert!(br.len() < body.len() / 10 && gz.len() < body.len() / 10);
    }

    #[test]
    fn writes_siblings_for_text_files_only_and_never_compresses_a_sibling() {
        let dir = std::env::temp_dir().join(format!("post-build-compress-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("downloads")).unwrap();
        let text = "a,b\r\n".repeat(400);
        fs::write(dir.join("index.html"), &text).unwrap();
        fs::write(dir.join("downloads/x.csv"), &text).unwrap();
        fs::write(dir.join("tiny.js"), "x").unwrap();
        fs::write(dir.join("photo.png"), &text).unwrap();
        assert_eq!(write_siblings(&dir).unwrap(), 2);
        assert_eq!(
            write_siblings(&dir).unwrap(),
            2,
            "a second run adds no .gz.gz"
        );
        for present in ["index.html.gz", "index.html.br", "downloads/x.csv.br"] {
            assert!(dir.join(present).exists(), "{present}");
        }
        for absent in ["tiny.js.gz", "photo.png.br", "index.html.gz.gz"] {
            assert!(!dir.join(absent).exists(), "{absent}");
        }
        let _ = fs::remove_dir_all(&dir);
    }
}
