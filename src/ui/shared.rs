//! What every view reads: the articles and their analyses, the layout, the
//! keymap and theme, the status bar, the loading message. Views own the rest.

use crate::article::Article;
use crate::extract::Analysis;
use crate::ui::i18n::Languages;
use crate::ui::keymap::KeyMap;
use crate::ui::layout::{Focus, Panes};
use crate::ui::theme::Theme;
use ratatui::layout::Rect;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
    /// Ticks ([`Msg::Tick`](crate::ui::msg::Msg::Tick)) seen since it was set.
    pub age: u8,
}

impl Status {
    /// Ticks (seconds) a message stays: an error longer (it is also in the log).
    pub fn lifetime(&self) -> u8 {
        if self.error { 8 } else { 4 }
    }
}

pub struct Shared {
    pub articles: Arc<Vec<Article>>,
    /// Each article's analysis, once the worker has sent it.
    pub analyses: Vec<Option<Arc<Analysis>>>,
    pub keymap: KeyMap,
    pub theme: Theme,
    /// Which pane has the focus (it stays under an overlay).
    pub focus: Focus,
    /// Where each pane is, for this size.
    pub panes: Panes,
    /// The terminal size.
    pub area: Rect,
    pub status: Option<Status>,
    /// Every error shown and every loading problem, oldest first (the
    /// message log's key shows them).
    pub log: Vec<String>,
    /// What is being loaded, while the articles load in the background.
    pub loading: Option<String>,
    /// The languages of the chrome (`[ui] language`, the user's language).
    pub lang: Languages,
}

impl Shared {
    pub fn new(articles: Vec<Article>, keymap: KeyMap, theme: Theme) -> Shared {
        let n = articles.len();
        Shared {
            articles: Arc::new(articles),
            analyses: vec![None; n],
            keymap,
            theme,
            focus: Focus::Reader,
            panes: Panes::default(),
            area: Rect::new(0, 0, 80, 24),
            status: None,
            log: Vec::new(),
            loading: None,
            lang: Languages::default(),
        }
    }
}
