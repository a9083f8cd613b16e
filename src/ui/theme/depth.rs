//! The terminal's colour depth, the 16 ANSI colours, and a writer that
//! sends them as basic SGR codes.

use ratatui::style::Color;

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorDepth {
    /// None: styles only (`NO_COLOR`, `TERM=dumb`, `xterm-mono`, `vt100`).
    Mono,
    /// The 16 ANSI colours (`xterm-16color`, `linux`, plain `xterm`, `screen`).
    Ansi16,
    /// The 256-colour palette (`xterm-256color`).
    Ansi256,
    /// 24-bit colour (`COLORTERM=truecolor` or `24bit`).
    TrueColor,
}

impl ColorDepth {
    /// The depth the environment says: `NO_COLOR`, then `COLORTERM`, then `TERM`.
    pub fn from_env() -> ColorDepth {
        let var = |k: &str| std::env::var(k).ok();
        ColorDepth::from_vars(
            var("NO_COLOR").as_deref(),
            var("COLORTERM").as_deref(),
            var("TERM").as_deref(),
        )
    }

    /// [`ColorDepth::from_env`] from the values of `NO_COLOR`, `COLORTERM`, `TERM`.
    pub fn from_vars(
        no_color: Option<&str>,
        colorterm: Option<&str>,
        term: Option<&str>,
    ) -> ColorDepth {
        if no_color.is_some_and(|v| !v.is_empty()) {
            return ColorDepth::Mono;
        }
        let term = term.unwrap_or("").trim().to_ascii_lowercase();
        if term == "dumb"
            || term.ends_with("-mono")
            || term.ends_with("-m")
            || term.starts_with("vt1")
            || term.starts_with("vt2")
        {
            return ColorDepth::Mono;
        }
        if matches!(
            colorterm.map(|c| c.trim().to_ascii_lowercase()).as_deref(),
            Some("truecolor" | "24bit")
        ) {
            return ColorDepth::TrueColor;
        }
        if term.contains("truecolor") || term.contains("direct") {
            ColorDepth::TrueColor
        } else if term.contains("256color") {
            ColorDepth::Ansi256
        } else if term.is_empty() {
            // no TERM (Windows consoles): as before, the 256-colour palette
            ColorDepth::Ansi256
        } else {
            // xterm-16color, xterm-8color, linux, screen, plain xterm ...
            ColorDepth::Ansi16
        }
    }
}

/// The 16-colour stand-in of any colour: itself when it is one of the 16,
/// else the nearest of them (by the xterm palette's RGB values).
pub fn to_ansi16(color: Color) -> Color {
    let rgb = match color {
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i) if i < 16 => return ANSI16[i as usize].0,
        Color::Indexed(i) => indexed_rgb(i),
        other => return other,
    };
    let dist = |(r, g, b): (u8, u8, u8)| {
        let d = |a: u8, b: u8| (a as i32 - b as i32).pow(2);
        d(r, rgb.0) + d(g, rgb.1) + d(b, rgb.2)
    };
    ANSI16
        .iter()
        .min_by_key(|(_, c)| dist(*c))
        .map(|(c, _)| *c)
        .unwrap_or(Color::Reset)
}

/// The 16 ANSI colours and xterm's RGB for each, in palette order.
const ANSI16: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

/// RGB of an entry of the 256-colour palette above 15.
fn indexed_rgb(i: u8) -> (u8, u8, u8) {
    if i >= 232 {
        let v = 8 + (i - 232) * 10;
        return (v, v, v);
    }
    let i = i - 16;
    let level = |n: u8| if n == 0 { 0 } else { 55 + n * 40 };
    (level(i / 36), level((i / 6) % 6), level(i % 6))
}

/// A writer for a 16-colour terminal: the backend encodes even the 16 ANSI
/// colours as 256-colour codes (`ESC[38;5;6m`), which such a terminal may
/// not read; this rewrites them as the basic SGR codes (`ESC[36m`, `ESC[96m`,
/// `ESC[46m` ...) and drops underline colours (`58;5;N`, which they lack).
/// Everything else passes through untouched. Off, it only passes through.
pub struct Sgr16<W: std::io::Write> {
    inner: W,
    on: bool,
    /// An escape sequence begun in one `write` and not finished yet.
    pending: Vec<u8>,
}

/// Longest escape sequence held back; a longer one passes as it is.
const SGR_MAX: usize = 64;

impl<W: std::io::Write> Sgr16<W> {
    pub fn new(inner: W, on: bool) -> Self {
        Sgr16 {
            inner,
            on,
            pending: Vec::new(),
        }
    }
}

/// The parameters of one SGR sequence with 256-colour codes of the 16
/// colours rewritten (`38;5;6` -> `36`, `48;5;12` -> `104`); `None` when
/// nothing is left (an underline colour alone: the sequence goes).
fn sgr16_params(params: &[u8]) -> Option<Vec<u8>> {
    if params.is_empty() {
        return Some(Vec::new());
    }
    let text = String::from_utf8_lossy(params);
    let p: Vec<&str> = text.split(';').collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < p.len() {
        let n = p.get(i + 2).and_then(|n| n.parse::<u8>().ok());
        match (p[i], p.get(i + 1).copied(), n) {
            ("38", Some("5"), Some(n)) if n < 16 => {
                out.push(if n < 8 { 30 + n as u16 } else { 82 + n as u16 }.to_string());
                i += 3;
            }
            ("48", Some("5"), Some(n)) if n < 16 => {
                out.push(if n < 8 { 40 + n as u16 } else { 92 + n as u16 }.to_string());
                i += 3;
            }
            ("58", Some("5"), Some(_)) => i += 3,
            ("58", Some("2"), _) => i += 5,
            (other, ..) => {
                out.push(other.to_string());
                i += 1;
            }
        }
    }
    // everything dropped: no sequence rather than `ESC[m`, which would reset
    (!out.is_empty()).then(|| out.join(";").into_bytes())
}

impl<W: std::io::Write> std::io::Write for Sgr16<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.on {
            return self.inner.write(buf);
        }
        let mut out = Vec::with_capacity(buf.len() + 8);
        for &b in buf {
            if self.pending.is_empty() {
                if b == 0x1b {
                    self.pending.push(b);
                } else {
                    out.push(b);
                }
                continue;
            }
            self.pending.push(b);
            let len = self.pending.len();
            if len == 2 && b != b'[' || len > SGR_MAX {
                out.append(&mut self.pending);
            } else if len > 2 && (0x40..=0x7e).contains(&b) {
                if b == b'm' {
                    if let Some(params) = sgr16_params(&self.pending[2..len - 1]) {
                        out.extend_from_slice(b"\x1b[");
                        out.extend_from_slice(&params);
                        out.push(b'm');
                    }
                    self.pending.clear();
                } else {
                    out.append(&mut self.pending);
                }
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.pending.is_empty() {
            let pending = std::mem::take(&mut self.pending);
            self.inner.write_all(&pending)?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 16 colours go out as basic SGR codes, however the writes are cut.
    #[test]
    fn sgr16_rewrites_256_colour_codes_of_the_16_colours() {
        use std::io::Write;
        let input: &[u8] = b"a\x1b[38;5;6mb\x1b[48;5;8m\x1b[1;38;5;12;48;5;0mc\x1b[58;5;3m\x1b[39m\x1b[38;5;200m\x1b[2J\x1b]0;t\x07\x1b[m";
        let want: &[u8] =
            b"a\x1b[36mb\x1b[100m\x1b[1;94;40mc\x1b[39m\x1b[38;5;200m\x1b[2J\x1b]0;t\x07\x1b[m";
        for cut in 0..input.len() {
            let mut w = Sgr16::new(Vec::new(), true);
            w.write_all(&input[..cut]).unwrap();
            w.write_all(&input[cut..]).unwrap();
            w.flush().unwrap();
            assert_eq!(
                String::from_utf8_lossy(&w.inner),
                String::from_utf8_lossy(want),
                "cut at {cut}"
            );
        }
        let mut off = Sgr16::new(Vec::new(), false);
        off.write_all(input).unwrap();
        assert_eq!(off.inner, input);
    }

    #[test]
    fn colour_depth_follows_the_environment() {
        use ColorDepth::*;
        type Case<'a> = (
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            ColorDepth,
        );
        let cases: &[Case] = &[
            (Some("1"), Some("truecolor"), Some("xterm-256color"), Mono),
            (Some(""), None, Some("xterm-256color"), Ansi256),
            (None, Some("truecolor"), Some("xterm-256color"), TrueColor),
            (None, Some("24bit"), Some("xterm"), TrueColor),
            (None, None, Some("xterm-256color"), Ansi256),
            (None, None, Some("screen-256color"), Ansi256),
            (None, None, Some("xterm-16color"), Ansi16),
            (None, None, Some("xterm"), Ansi16),
            (None, None, Some("linux"), Ansi16),
            (None, None, Some("xterm-mono"), Mono),
            (None, Some("truecolor"), Some("dumb"), Mono),
            (None, None, Some("vt100"), Mono),
            (None, None, None, Ansi256),
        ];
        for (no_color, colorterm, term, want) in cases {
            assert_eq!(
                ColorDepth::from_vars(*no_color, *colorterm, *term),
                *want,
                "{no_color:?} {colorterm:?} {term:?}"
            );
        }
    }
}
