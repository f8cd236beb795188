//! The dataset as the app downloads it: compact binary files (postcard) that the loader fetches
//! beside the wasm, so the wasm carries code only. One file per language: a reader downloads the
//! words of their own language, and the other language's file only if they switch
//! ([`complete`] joins the two).
//!
//! A file starts with a short header: [`MAGIC`], the model's fingerprint (a hash of the content
//! crate's model sources, the same number in the wasm and in the tool that wrote the file) and the
//! language it holds. A file from another version of the model, or something that is not ours at
//! all (a server's error page), is refused with a reason instead of being misread.
//!
//! ```
//! use content::{wire, Dataset, Lang};
//! let bytes = wire::encode(&Dataset::default(), 7, Some(Lang::Es));
//! assert_eq!(wire::decode(&bytes, 7).unwrap(), (Dataset::default(), Some(Lang::Es)));
//! assert!(wire::decode(&bytes, 8).is_err());
//! ```

use std::fmt;

use crate::lang::{with_pass, Pass};
use crate::{Dataset, Lang};

/// The first bytes of every data file.
pub const MAGIC: [u8; 4] = *b"ECX1";

/// Magic, fingerprint, language (0: both, 1: English, 2: Spanish).
const HEADER_LEN: usize = MAGIC.len() + 8 + 1;

/// Why a data file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WireError {
    /// It does not start with [`MAGIC`]: not a data file of ours.
    NotOurs,
    /// A data file for another version of the model (another build).
    OtherVersion { expected: u64, found: u64 },
    /// Ours and of this version, but the records cannot be read (cut short or damaged).
    Damaged(String),
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireError::NotOurs => f.write_str("not an explainer data file"),
            WireError::OtherVersion { expected, found } => write!(
                f,
                "a data file of another build (model {found:016x}, this app reads {expected:016x})"
            ),
            WireError::Damaged(why) => write!(f, "a damaged data file: {why}"),
        }
    }
}

/// The file for `data` with the texts of `lang` only (the other language's are empty), or of
/// both languages (`None`), stamped with the model's fingerprint.
pub fn encode(data: &Dataset, fingerprint: u64, lang: Option<Lang>) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * 1024);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&fingerprint.to_le_bytes());
    out.push(match lang {
        None => 0,
        Some(Lang::En) => 1,
        Some(Lang::Es) => 2,
    });
    let pass = lang.map_or(Pass::Plain, Pass::Keep);
    // Serialising plain records into a vector cannot fail: no map keys, no lengths unknown.
    match with_pass(pass, || postcard::to_extend(data, out)).0 {
        Ok(out) => out,
        Err(e) => unreachable!("the dataset always serialises: {e}"),
    }
}

/// The dataset in `bytes` and the language it holds (`None`: both), if they are a whole data file
/// for the model `fingerprint`.
pub fn decode(bytes: &[u8], fingerprint: u64) -> Result<(Dataset, Option<Lang>), WireError> {
    let (lang, records) = header(bytes, fingerprint)?;
    Ok((records_of(records, Pass::Plain)?.0, lang))
}

/// The dataset in both languages, from the files of two languages of one build (in any order).
pub fn complete(first: &[u8], second: &[u8], fingerprint: u64) -> Result<Dataset, WireError> {
    let (first_lang, first) = header(first, fingerprint)?;
    let (second_lang, second) = header(second, fingerprint)?;
    if first_lang.is_some() && first_lang == second_lang {
        return Err(WireError::Damaged("two files of the same language".into()));
    }
    let Pass::Record(texts) = records_of(first, Pass::Record(Vec::new()))?.1 else {
        return Err(WireError::Damaged("the texts were not gathered".into()));
    };
    match records_of(second, Pass::Complete(texts.into_iter(), 0))? {
        (data, Pass::Complete(rest, 0)) if rest.len() == 0 => Ok(data),
        _ => Err(WireError::Damaged(
            "the two language files hold different records".into(),
        )),
    }
}

/// The language byte and the records, once the header is checked.
fn header(bytes: &[u8], fingerprint: u64) -> Result<(Option<Lang>, &[u8]), WireError> {
    if bytes.len() < HEADER_LEN || bytes[..MAGIC.len()] != MAGIC {
        return Err(WireError::NotOurs);
    }
    let mut stamp = [0u8; 8];
    stamp.copy_from_slice(&bytes[MAGIC.len()..MAGIC.len() + 8]);
    let found = u64::from_le_bytes(stamp);
    if found != fingerprint {
        return Err(WireError::OtherVersion {
            expected: fingerprint,
            found,
        });
    }
    let lang = match bytes[HEADER_LEN - 1] {
        0 => None,
        1 => Some(Lang::En),
        2 => Some(Lang::Es),
        other => return Err(WireError::Damaged(format!("unknown language mark {other}"))),
    };
    Ok((lang, &bytes[HEADER_LEN..]))
}

fn records_of(records: &[u8], pass: Pass) -> Result<(Dataset, Pass), WireError> {
    let (read, pass) = with_pass(pass, || postcard::take_from_bytes::<Dataset>(records));
    match read {
        Ok((data, [])) => Ok((data, pass)),
        Ok((_, rest)) => Err(WireError::Damaged(format!(
            "{} bytes after the records",
            rest.len()
        ))),
        Err(e) => Err(WireError::Damaged(e.to_string())),
    }
}

/// A fingerprint of source texts (FNV-1a), for `build.rs` to stamp the model's version.
pub fn fingerprint<'a>(texts: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    texts
        .into_iter()
        .flatten()
        .fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
            (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Lang, Text};

    fn sample() -> Dataset {
        let mut data = Dataset::default();
        data.strings.app_title = Text {
            en: "Ecuador".into(),
            es: "Ecuador, en español".into(),
        };
        data.strings.view_map = Text {
            en: "Map".into(),
            es: "Mapa".into(),
        };
        data
    }

    fn one_language(lang: Lang) -> Vec<u8> {
        encode(&sample(), 1, Some(lang))
    }

    // Guards against a loader that reads a file of another model as if it were this one.
    #[test]
    fn refuses_another_models_file() {
        let bytes = encode(&sample(), 1, None);
        assert_eq!(
            decode(&bytes, 2),
            Err(WireError::OtherVersion {
                expected: 2,
                found: 1
            })
        );
    }

    // Guards against a server's error page (HTML) or an empty body being read as data.
    #[test]
    fn refuses_what_is_not_a_data_file() {
        assert_eq!(decode(b"", 1), Err(WireError::NotOurs));
        assert_eq!(decode(b"<!doctype html>", 1), Err(WireError::NotOurs));
    }

    // Guards against a file cut short in transit being taken for a smaller dataset.
    #[test]
    fn refuses_a_cut_or_padded_file() {
        let bytes = encode(&sample(), 1, None);
        for cut in [HEADER_LEN, HEADER_LEN + 3, bytes.len() - 1] {
            assert!(
                matches!(decode(&bytes[..cut], 1), Err(WireError::Damaged(_))),
                "cut at {cut}"
            );
        }
        let mut padded = bytes.clone();
        padded.push(0);
        assert!(matches!(decode(&padded, 1), Err(WireError::Damaged(_))));
    }

    #[test]
    fn round_trips() {
        let (data, lang) = decode(&encode(&sample(), 9, None), 9).unwrap();
        assert_eq!(data.strings.app_title.get(Lang::Es), "Ecuador, en español");
        assert_eq!((data, lang), (sample(), None));
    }

    // A reader downloads one language's words; the other's are empty until they switch.
    #[test]
    fn a_language_file_holds_that_language_only() {
        let (data, lang) = decode(&one_language(Lang::Es), 1).unwrap();
        assert_eq!(lang, Some(Lang::Es));
        assert_eq!(data.strings.view_map.es, "Mapa");
        assert_eq!(data.strings.view_map.en, "");
        assert!(one_language(Lang::Es).len() < encode(&sample(), 1, None).len());
    }

    // Guards against a switch of language that loses or shifts texts: both orders give back
    // exactly the bilingual dataset.
    #[test]
    fn two_language_files_complete_each_other() {
        let (en, es) = (one_language(Lang::En), one_language(Lang::Es));
        assert_eq!(complete(&en, &es, 1).unwrap(), sample());
        assert_eq!(complete(&es, &en, 1).unwrap(), sample());
    }

    #[test]
    fn refuses_to_complete_mismatched_files() {
        let en = one_language(Lang::En);
        assert!(complete(&en, &en, 1).is_err());
        // Another dataset's Spanish: one record (and two texts) more.
        let mut other = sample();
        other.eras = vec![crate::Era {
            id: crate::EraId("boom".into()),
            name: Text::default(),
            start: crate::DateSpec::try_from("2018".to_string()).unwrap(),
            end: None,
            sources: Default::default(),
            note: Some(Text::default()),
        }]
        .into();
        let es = encode(&other, 1, Some(Lang::Es));
        assert!(complete(&en, &es, 1).is_err());
        assert!(complete(&en, &one_language(Lang::Es), 2).is_err());
    }
}
