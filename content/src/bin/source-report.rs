//! Lists the sources a reader cannot follow (no public address) and counts the rest, so the
//! number stays visible: `cargo run -p ecuador-content --features load --bin source-report`.
//! Works without the internet: it reads `data/` only.

use std::path::Path;
use std::process::ExitCode;

use content::{Checked, Priority, SourceKind};

fn main() -> ExitCode {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let data = match content::load::load_dir(&dir) {
        Ok(data) => data,
        Err(problems) => {
            for problem in problems {
                eprintln!("{problem}");
            }
            return ExitCode::FAILURE;
        }
    };
    let count = |f: &dyn Fn(&content::Source) -> bool| data.sources.iter().filter(|s| f(s)).count();
    let total = data.sources.len();
    let with_url = count(&|s| s.url.is_some());
    let outside = count(&|s| s.kind == SourceKind::External);
    let outside_with_url = count(&|s| s.kind == SourceKind::External && s.url.is_some());
    println!("sources with a public address: {with_url} / {total}");
    println!(
        "outside sources with a public address: {outside_with_url} / {outside} ({:.1} %)",
        100.0 * outside_with_url as f64 / outside.max(1) as f64
    );
    for (label, checked) in [
        (
            "read (a copy was read and supports the citation)",
            Checked::Read,
        ),
        (
            "listed (address from the research notes, no copy read)",
            Checked::Listed,
        ),
        ("none (no public copy found)", Checked::None),
    ] {
        println!("  checked = {label}: {}", count(&|s| s.checked == checked));
    }
    let followable = |ids: &[content::SourceId]| {
        ids.iter()
            .any(|id| data.source(id.as_str()).is_some_and(|s| s.url.is_some()))
    };
    let core: Vec<_> = data
        .events
        .iter()
        .filter(|e| e.priority == Priority::Core)
        .collect();
    let unfollowable: Vec<_> = core.iter().filter(|e| !followable(&e.sources)).collect();
    println!(
        "core events with at least one followable source: {} / {}",
        core.len() - unfollowable.len(),
        core.len()
    );
    for event in &unfollowable {
        println!(
            "  core event without one: {} ({})",
            event.id, event.title.en
        );
    }
    println!("\nsources without a public address:");
    for source in data.sources.iter().filter(|s| s.url.is_none()) {
        let what = source
            .title
            .as_deref()
            .map(str::to_string)
            .or_else(|| source.description.as_ref().map(|d| d.en.to_string()))
            .unwrap_or_default();
        println!(
            "  {:<24} {}: {what}",
            source.id,
            source.publisher.as_deref().unwrap_or("(publisher unknown)")
        );
    }
    ExitCode::SUCCESS
}
