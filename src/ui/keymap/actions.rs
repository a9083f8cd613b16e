//! What keys do, context by context: the panes ([`Action`]), the visual
//! selection ([`VisualAction`]), the notes list ([`ListAction`]) and the
//! report form ([`FormKey`]). Each has a config name, a description for the
//! help and default keys.

/// A set of things keys can do in one context.
pub trait Bindable: Copy + Eq + std::hash::Hash + std::fmt::Debug + 'static {
    /// Every value, in help order.
    fn all() -> &'static [Self];
    /// The name in the `[keys]` section of the config file.
    fn name(self) -> &'static str;
    fn description(self) -> &'static str;
    fn default_keys(self) -> &'static [&'static str];
}

/// Everything a key can do. The meaning of some depends on the focused pane
/// (`Up` moves in the list, scrolls the reader, moves in the sidebar).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    PrevArticle,
    NextArticle,
    ToggleSidebar,
    Search,
    NextMatch,
    PrevMatch,
    ReportError,
    Clear,
    /// Open the notes list of the article.
    NotesList,
    /// Start a visual selection in the reader.
    Visual,
    /// Show the message log (every loading problem and error).
    Messages,
}

impl Action {
    pub const ALL: [Action; 24] = [
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::FocusNext,
        Action::FocusPrev,
        Action::FocusLeft,
        Action::FocusRight,
        Action::Open,
        Action::PrevArticle,
        Action::NextArticle,
        Action::Search,
        Action::NextMatch,
        Action::PrevMatch,
        Action::ToggleSidebar,
        Action::ReportError,
        Action::Clear,
        Action::Help,
        Action::Quit,
        Action::NotesList,
        Action::Visual,
        Action::Messages,
    ];

    /// What it does, for the help, in the chrome's language.
    pub fn describe(self, w: crate::ui::i18n::Words) -> &'static str {
        match self {
            Action::Quit => w.act_quit(),
            Action::Help => w.act_help(),
            Action::FocusNext => w.act_focus_next(),
            Action::FocusPrev => w.act_focus_prev(),
            Action::FocusLeft => w.act_focus_left(),
            Action::FocusRight => w.act_focus_right(),
            Action::Up => w.act_up(),
            Action::Down => w.act_down(),
            Action::PageUp => w.act_page_up(),
            Action::PageDown => w.act_page_down(),
            Action::Top => w.act_top(),
            Action::Bottom => w.act_bottom(),
            Action::Open => w.act_open(),
            Action::PrevArticle => w.act_prev_article(),
            Action::NextArticle => w.act_next_article(),
            Action::ToggleSidebar => w.act_toggle_sidebar(),
            Action::Search => w.act_search(),
            Action::NextMatch => w.act_next_match(),
            Action::PrevMatch => w.act_prev_match(),
            Action::ReportError => w.act_report_error(),
            Action::Clear => w.act_clear(),
            Action::NotesList => w.act_notes_list(),
            Action::Visual => w.act_visual(),
            Action::Messages => w.act_messages(),
        }
    }

    /// The name used in the `[keys]` section of the config file.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "help",
            Action::FocusNext => "focus_next",
            Action::FocusPrev => "focus_prev",
            Action::FocusLeft => "focus_left",
            Action::FocusRight => "focus_right",
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Open => "open",
            Action::PrevArticle => "prev_article",
            Action::NextArticle => "next_article",
            Action::ToggleSidebar => "toggle_sidebar",
            Action::Search => "search",
            Action::NextMatch => "next_match",
            Action::PrevMatch => "prev_match",
            Action::ReportError => "report_error",
            Action::Clear => "clear",
            Action::NotesList => "notes_list",
            Action::Visual => "visual",
            Action::Messages => "messages",
        }
    }

    /// One line for the help overlay, in English.
    pub fn description(self) -> &'static str {
        self.describe(crate::ui::i18n::Words::default())
    }

    pub fn default_keys(self) -> &'static [&'static str] {
        match self {
            Action::Quit => &["q", "ctrl-c"],
            Action::Help => &["?", "f1"],
            Action::FocusNext => &["tab"],
            Action::FocusPrev => &["shift-tab"],
            Action::FocusLeft => &["h", "left"],
            Action::FocusRight => &["l", "right"],
            Action::Up => &["k", "up"],
            Action::Down => &["j", "down"],
            Action::PageUp => &["pageup", "ctrl-b", "ctrl-u"],
            Action::PageDown => &["pagedown", "space", "ctrl-f", "ctrl-d"],
            Action::Top => &["g", "home"],
            Action::Bottom => &["G", "end"],
            Action::Open => &["enter"],
            Action::PrevArticle => &["["],
            Action::NextArticle => &["]"],
            Action::ToggleSidebar => &["s"],
            Action::Search => &["/"],
            Action::NextMatch => &["n"],
            Action::PrevMatch => &["N"],
            Action::ReportError => &["e"],
            Action::Clear => &["esc"],
            Action::NotesList => &["m"],
            Action::Visual => &["v"],
            Action::Messages => &["L"],
        }
    }
}

impl Bindable for Action {
    fn all() -> &'static [Self] {
        &Action::ALL
    }
    fn name(self) -> &'static str {
        Action::name(self)
    }
    fn description(self) -> &'static str {
        Action::description(self)
    }
    fn default_keys(self) -> &'static [&'static str] {
        Action::default_keys(self)
    }
}

/// Declares a context's actions with their config name, description and keys.
macro_rules! bindable {
    ($(#[$m:meta])* $name:ident { $($v:ident => $cfg:literal, $desc:literal, [$($k:literal),*];)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($v),* }

        impl Bindable for $name {
            fn all() -> &'static [Self] {
                &[$($name::$v),*]
            }
            fn name(self) -> &'static str {
                match self { $($name::$v => $cfg),* }
            }
            fn description(self) -> &'static str {
                match self { $($name::$v => $desc),* }
            }
            fn default_keys(self) -> &'static [&'static str] {
                match self { $($name::$v => &[$($k),*]),* }
            }
        }
    };
}

bindable! {
    /// Keys of the visual selection; any other key ends it and does what it always does.
    VisualAction {
        WordNext => "visual_word_next", "extend by a word", ["w", "l", "right"];
        WordPrev => "visual_word_prev", "shrink by a word", ["b", "h", "left"];
        LineDown => "visual_line_down", "extend to the next line", ["j", "down"];
        LineUp => "visual_line_up", "back to the previous line", ["k", "up"];
        Report => "visual_report", "report the selection", ["e", "enter"];
        Cancel => "visual_cancel", "cancel the selection", ["esc", "v"];
    }
}

bindable! {
    /// Keys of the notes list; any other key closes it.
    ListAction {
        Down => "notes_down", "next note", ["j", "down"];
        Up => "notes_up", "previous note", ["k", "up"];
        Go => "notes_go", "go to the passage", ["enter"];
        Report => "notes_report", "report an error", ["e"];
        Retry => "notes_retry", "send the selected note again", ["r"];
        Withdraw => "notes_withdraw", "withdraw the selected note (asks first)", ["w"];
        Edit => "notes_edit", "edit the selected note's comment", ["c"];
    }
}

bindable! {
    /// Keys of the report form that are not typing.
    FormKey {
        NextField => "form_next_field", "next field", ["tab"];
        PrevField => "form_prev_field", "previous field", ["shift-tab"];
        ChoicePrev => "form_choice_prev", "previous choice", ["left", "h"];
        ChoiceNext => "form_choice_next", "next choice", ["right", "l", "space", "enter"];
        Save => "form_save", "save the note", ["ctrl-s"];
        Cancel => "form_cancel", "cancel", ["esc", "ctrl-c"];
    }
}
