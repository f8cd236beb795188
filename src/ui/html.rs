//! Building HTML as text, for the few lists too long to render node by node (the timeline's
//! markers). Every piece of data goes through [`escape`], so text from the data files that
//! contains markup is shown as text, never run.

/// Escapes text for use in HTML content and in double- or single-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Data text with markup must come out inert.
    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<img src=x onerror="alert('x')"> & co"#),
            "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co"
        );
        assert_eq!(escape("Mérida “Plan”"), "Mérida “Plan”");
    }
}
