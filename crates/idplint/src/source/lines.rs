//! Line lookup: from a byte offset to a line and a column, without rescanning the text.

/// Where each line of a text starts.
///
/// `\n` ends a line, so a `\r\n` pair is one line break (the `\r` belongs to the line's content
/// but never to its [`line_end`](LineIndex::line_end)); a lone `\r` is not a line break. A text
/// ending with `\n` has a last, empty line after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// The byte offset where each line starts; the first is always 0.
    starts: Vec<usize>,
    /// The length of the text in bytes.
    len: usize,
}

impl LineIndex {
    /// Index the lines of `text`.
    #[must_use]
    pub fn new(text: &str) -> LineIndex {
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// The 0-based line of a byte offset; offsets past the end are on the last line.
    #[must_use]
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    /// The byte offset where a 0-based line starts; the end of the text for a line past the last.
    #[must_use]
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// How many lines the text has (at least 1, even for an empty text).
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte offset where the content of a 0-based line ends, before its `\n` or `\r\n`.
    #[must_use]
    pub fn line_end(&self, text: &str, line: usize) -> usize {
        let start = self.line_start(line).min(text.len());
        let next = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        let mut end = next.min(text.len()).max(start);
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
            if end > start && bytes.get(end - 1) == Some(&b'\r') {
                end -= 1;
            }
        }
        end
    }

    /// The 1-based line and 1-based column of a byte offset. The column counts Unicode code
    /// points from the start of the line; an offset inside a multi-byte character counts as that
    /// character, and an offset past the end of the text is clamped to the end.
    #[must_use]
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.line_start(line).min(offset);
        let column = text.get(start..offset).map_or(0, |s| s.chars().count());
        (line + 1, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn empty_text_has_one_line() {
        let idx = LineIndex::new("");
        assert_eq!(idx.line_count(), 1);
        assert_eq!(idx.line_of(0), 0);
        assert_eq!(idx.line_start(0), 0);
        assert_eq!(idx.line_end("", 0), 0);
        assert_eq!(idx.line_col("", 0), (1, 1));
        assert_eq!(idx.line_col("", 10), (1, 1));
    }

    #[test]
    fn lf_lines() {
        let text = "ab\ncd\n\nef";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_of(0), 0);
        assert_eq!(idx.line_of(2), 0); // the `\n` belongs to line 0
        assert_eq!(idx.line_of(3), 1);
        assert_eq!(idx.line_of(6), 2);
        assert_eq!(idx.line_of(7), 3);
        assert_eq!(idx.line_of(100), 3);
        assert_eq!(idx.line_start(1), 3);
        assert_eq!(idx.line_start(3), 7);
        assert_eq!(idx.line_start(9), text.len());
        assert_eq!(&text[idx.line_start(1)..idx.line_end(text, 1)], "cd");
        assert_eq!(&text[idx.line_start(2)..idx.line_end(text, 2)], "");
        assert_eq!(&text[idx.line_start(3)..idx.line_end(text, 3)], "ef");
        assert_eq!(idx.line_col(text, 4), (2, 2));
        assert_eq!(idx.line_col(text, text.len()), (4, 3));
    }

    #[test]
    fn trailing_newline_makes_an_empty_last_line() {
        let text = "a\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 2);
        assert_eq!(idx.line_col(text, 2), (2, 1));
        assert_eq!(idx.line_end(text, 1), 2);
    }

    #[test]
    fn crlf_is_one_break_and_lone_cr_is_none() {
        let text = "ab\r\ncd\re\r\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        assert_eq!(idx.line_start(1), 4);
        assert_eq!(&text[idx.line_start(0)..idx.line_end(text, 0)], "ab");
        assert_eq!(&text[idx.line_start(1)..idx.line_end(text, 1)], "cd\re");
        assert_eq!(idx.line_col(text, 4), (2, 1));
        assert_eq!(idx.line_col(text, 7), (2, 4)); // `e`, after the lone `\r`
        assert_eq!(idx.line_col(text, 2), (1, 3)); // the `\r` of the pair
        assert_eq!(idx.line_col(text, 3), (1, 4)); // the `\n` of the pair
        assert_eq!(idx.line_col(text, text.len()), (3, 1));
    }

    #[test]
    fn columns_count_code_points() {
        // "é" is 2 bytes, "漢" 3 bytes, "😀" 4 bytes.
        let text = "x\né漢😀z\r\nq";
        let idx = LineIndex::new(text);
        let z = text.find('z').unwrap();
        assert_eq!(idx.line_col(text, z), (2, 4));
        let emoji = text.find('😀').unwrap();
        assert_eq!(idx.line_col(text, emoji), (2, 3));
        // Inside the emoji: counts as the emoji.
        assert_eq!(idx.line_col(text, emoji + 1), (2, 3));
        assert_eq!(idx.line_col(text, emoji + 3), (2, 3));
        let han = text.find('漢').unwrap();
        assert_eq!(idx.line_col(text, han + 2), (2, 2));
        assert_eq!(idx.line_col(text, text.len() - 1), (3, 1));
        assert_eq!(idx.line_end(text, 1), z + 1);
    }

    #[test]
    fn many_lines_lookup() {
        let text = "line\n".repeat(100_000);
        let idx = LineIndex::new(&text);
        assert_eq!(idx.line_count(), 100_001);
        assert_eq!(idx.line_col(&text, 5 * 76_543 + 2), (76_544, 3));
        assert_eq!(idx.line_of(5 * 99_999), 99_999);
    }
}
