//! The one way the reader's words are translated: a table of French and
//! English words ([`Words`]) for the whole chrome (panes, status bar, help,
//! legend, sidebar, messages) and the report form.
//!
//! Which language: `[ui] language = "fr" | "en"` in the config file sets it
//! for everything; `"auto"` (the default) writes what is about an article
//! (the report form, the notes list, the sidebar's report entry, what the
//! outbox says) in the article's language, and the rest of the chrome in the
//! user's language (`LC_ALL`, `LC_MESSAGES`, `LANG`; English otherwise).

/// A language the reader speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// French for a `fr*` tag (BCP 47 `fr-CA`, POSIX `fr_FR.UTF-8`), else English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// The user's language from the environment (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`, the first one set), if any.
    pub fn from_env() -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.trim().is_empty())
            .map(|v| Lang::from_tag(&v))
    }
}

/// The `[ui] language` setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LangSetting {
    /// The article's language for what is about an article, the user's for the rest.
    #[default]
    Auto,
    Fixed(Lang),
}

impl LangSetting {
    /// Parse `"auto"`, `"fr"`, `"en"` (case-insensitive).
    pub fn parse(s: &str) -> Result<LangSetting, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(LangSetting::Auto),
            "fr" => Ok(LangSetting::Fixed(Lang::Fr)),
            "en" => Ok(LangSetting::Fixed(Lang::En)),
            other => Err(format!(
                "unknown language {other:?} in [ui] (use \"auto\", \"fr\" or \"en\")"
            )),
        }
    }
}

impl Languages {
    /// From the config file's `[ui] language` (an error names the file and
    /// line) and the environment.
    pub fn from_config(
        config: &crate::config::Config,
        user: Option<Lang>,
    ) -> Result<Languages, crate::config::ConfigError> {
        let setting = match &config.ui_language {
            Some((value, span)) => LangSetting::parse(value).map_err(|e| config.locate(span, e))?,
            None => LangSetting::Auto,
        };
        Ok(Languages { setting, user })
    }
}

/// The chrome's languages: the setting and the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Languages {
    pub setting: LangSetting,
    /// The user's language (from the environment), for `Auto`.
    pub user: Option<Lang>,
}

impl Languages {
    /// The words of the chrome.
    pub fn chrome(&self) -> Words {
        Words::new(match self.setting {
            LangSetting::Fixed(l) => l,
            LangSetting::Auto => self.user.unwrap_or_default(),
        })
    }

    /// The words for what is about an article in language `tag`.
    pub fn article(&self, tag: &str) -> Words {
        Words::new(match self.setting {
            LangSetting::Fixed(l) => l,
            LangSetting::Auto => Lang::from_tag(tag),
        })
    }
}

/// The words of one language. Each method is one entry of the table below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Words {
    pub lang: Lang,
}

impl Words {
    pub fn new(lang: Lang) -> Words {
        Words { lang }
    }

    /// The words for a language tag (`fr-CA` -> French).
    pub fn for_tag(tag: &str) -> Words {
        Words::new(Lang::from_tag(tag))
    }

    pub fn is_fr(self) -> bool {
        self.lang == Lang::Fr
    }

    /// "fr" or "en", for the notes core's own labels.
    pub fn tag(self) -> &'static str {
        match self.lang {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// ": " in English, " : " in French typography.
    pub fn colon(self) -> &'static str {
        if self.is_fr() { " : " } else { ": " }
    }

    /// A key's name as this language writes it ("Échap", "Entrée" in French).
    pub fn key(self, key: String) -> String {
        match key.as_str() {
            "Esc" if self.is_fr() => "Échap".to_string(),
            "Enter" if self.is_fr() => "Entrée".to_string(),
            _ => key,
        }
    }
}

impl Words {
    /// The legend's name of a kind, or its short name where the full one does not fit.
    pub fn kind(self, kind: crate::extract::Kind, short: bool) -> &'static str {
        use crate::extract::Kind;
        match (kind, short) {
            (Kind::Person, false) => self.legend_person(),
            (Kind::Person, true) => self.legend_person_short(),
            (Kind::Organization, false) => self.legend_organisation(),
            (Kind::Organization, true) => self.legend_organisation_short(),
            (Kind::Place, _) => self.legend_place(),
            (Kind::Nationality, false) => self.legend_nationality(),
            (Kind::Nationality, true) => self.legend_nationality_short(),
            (Kind::Date, _) => self.legend_date(),
        }
    }

    /// A quoted passage on one line, in the quotation marks of the language:
    /// « ... » in French, “...” in English.
    pub fn quoted(self, quote: &str) -> String {
        let q: String = quote
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        if self.is_fr() {
            format!("« {q} »")
        } else {
            format!("“{q}”")
        }
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Declares the table: one method per entry, English then French.
macro_rules! words {
    ($($name:ident => $en:expr, $fr:expr;)*) => {
        impl Words {
            $(
                pub fn $name(self) -> &'static str {
                    match self.lang {
                        Lang::En => $en,
                        Lang::Fr => $fr,
                    }
                }
            )*
        }

        /// Every entry, for the table's own test.
        #[cfg(test)]
        const ENTRIES: &[fn(Words) -> &'static str] = &[$(Words::$name),*];
    };
}

words! {
    // panes and focus
    pane_list => "Articles", "Articles";
    pane_reader => "Reader", "Lecteur";
    pane_sidebar => "Actors & dates", "Acteurs et dates";
    focus_list => "list", "liste";
    focus_reader => "reader", "lecteur";
    focus_sidebar => "sidebar", "acteurs";
    // status bar
    hint_focus => "focus", "panneau";
    hint_search => "search", "chercher";
    hint_report => "report", "signaler";
    hint_help => "help", "aide";
    hint_quit => "quit", "quitter";
    filter_prompt => "filter: ", "filtre : ";
    search_prompt => "search: /", "recherche : /";
    filter_badge => "[filter: {filter} · {n}] ", "[filtre : {filter} · {n}] ";
    search_found => "  ({n} found, Enter keeps, Esc cancels)", "  ({n} trouvés, Entrée garde, Échap annule)";
    search_none => "  (no match)", "  (aucun résultat)";
    filter_count => "  ({n} of {total} articles, Enter keeps, Esc clears)", "  ({n} articles sur {total}, Entrée garde, Échap efface)";
    input_keys => "  (Enter keeps, Esc clears)", "  (Entrée garde, Échap efface)";
    loading => "loading…", "chargement…";
    loading_bundled => "Loading the bundled articles…", "Chargement des articles fournis…";
    loading_path => "Loading {path}…", "Chargement de {path}…";
    loading_paths => "Loading {n} paths…", "Chargement de {n} chemins…";
    analysing => "analysing…", "analyse…";
    // list and reader
    list_loading => "Loading…", "Chargement…";
    list_empty => "No articles loaded.", "Aucun article chargé.";
    list_no_match => "No article matches the filter (Esc clears it).", "Aucun article ne correspond au filtre (Échap l'efface).";
    reader_empty => "No articles to show.", "Aucun article à afficher.";
    reader_open_hint => "Open files or folders: lede PATH...", "Ouvrez des fichiers ou dossiers : lede CHEMIN...";
    reader_quit_hint => "Press {key} to quit.", "Appuyez sur {key} pour quitter.";
    // legend
    legend_person => "person", "personne";
    legend_organisation => "organisation", "organisation";
    legend_place => "place", "lieu";
    legend_nationality => "nationality", "nationalité";
    legend_date => "date", "date";
    legend_person_short => "pers.", "pers.";
    legend_organisation_short => "org.", "org.";
    legend_nationality_short => "nat.", "nat.";
    legend_followed => "followed", "suivi";
    legend_current => "current", "courant";
    // sidebar
    side_actors => "Actors", "Acteurs";
    side_people => "People", "Personnes";
    side_organisations => "Organisations", "Organisations";
    side_places => "Places", "Lieux";
    side_dates => "Dates", "Dates";
    side_none => "none found", "aucun";
    side_unsupported => "extraction: French, English only", "extraction : français, anglais seulement";
    legend_unsupported => "no highlights: extraction supports French and English ({lang})", "pas de surlignage : l'extraction lit le français et l'anglais ({lang})";
    side_mention => "mention {n}/{total} · {next}/{prev} next/prev", "mention {n}/{total} · {next}/{prev} suivante/précédente";
    side_report_prompt => "Report an error in this article", "Signaler une erreur dans cet article";
    side_report_key => "[{key}] report an error", "[{key}] signaler une erreur";
    // messages
    msg_first_article => "This is the first article.", "C'est le premier article.";
    msg_last_article => "This is the last article.", "C'est le dernier article.";
    msg_nothing_to_jump => "Nothing to jump to: follow an actor or date in the sidebar, or search with /.", "Rien à parcourir : suivez un acteur ou une date dans le panneau, ou cherchez avec /.";
    msg_match => "match {i}/{n} for “{q}”{wrapped}", "résultat {i}/{n} pour « {q} »{wrapped}";
    msg_mention => "mention {i}/{n}{wrapped}", "mention {i}/{n}{wrapped}";
    msg_from_top => " (from the top)", " (depuis le début)";
    msg_from_end => " (from the end)", " (depuis la fin)";
    msg_matches => "{n} matches for “{q}”", "{n} résultats pour « {q} »";
    msg_one_match => "1 match for “{q}”", "1 résultat pour « {q} »";
    msg_no_match => "no match for “{q}”", "aucun résultat pour « {q} »";
    msg_no_article => "No article to report on.", "Aucun article à signaler.";
    msg_no_text => "This article has no text to report on.", "Cet article n'a pas de texte à signaler.";
    msg_analysis_failed => "This article could not be analysed (internal error): no highlights.", "Cet article n'a pas pu être analysé (erreur interne) : pas de surlignage.";
    msg_loading_failed => "Loading failed (internal error); no article was loaded.", "Le chargement a échoué (erreur interne) ; aucun article n'a été chargé.";
    msg_problems => "{n} loading problems (`lede check` lists them): {first}", "{n} problèmes de chargement (`lede check` les liste) : {first}";
    msg_skipped => "{n} files skipped (unknown type)", "{n} fichiers ignorés (type inconnu)";
    msg_one_skipped => "1 file skipped (unknown type)", "1 fichier ignoré (type inconnu)";
    // help
    help_title => " Keys · {down}/{up} scroll · {close} closes ", " Touches · {down}/{up} défiler · {close} ferme ";
    help_more => " ↓ more ", " ↓ suite ";
    help_in_form => "in the form:", "dans le formulaire :";
    help_in_notes => "in the notes list:", "dans la liste des notes :";
    help_fields => "next / previous field (the form opens in the comment)", "champ suivant / précédent (le formulaire s'ouvre sur le commentaire)";
    help_choices => "change the error type or severity", "changer le type d'erreur ou la gravité";
    help_save => "save the note, from any field", "enregistrer la note, depuis n'importe quel champ";
    help_cancel => "cancel (asks first when something was typed)", "annuler (demande d'abord si quelque chose a été écrit)";
    help_notes_move => "select a note", "choisir une note";
    help_notes_go => "go to the note's passage", "aller au passage de la note";
    help_notes_report => "report an error", "signaler une erreur";
    help_notes_retry => "send the selected note again (a failed one is queued again)", "renvoyer la note choisie (une note refusée repart en attente)";
    help_notes_withdraw => "withdraw the selected note (asks first; nothing is deleted)", "retirer la note choisie (demande d'abord ; rien n'est effacé)";
    help_notes_edit => "edit the selected note's comment", "modifier le commentaire de la note choisie";
    help_click_key => "mouse click", "clic";
    help_click => "focus a pane, open an article, follow an actor or date (sidebar or highlighted name)", "choisir un panneau, ouvrir un article, suivre un acteur ou une date (panneau ou nom surligné)";
    help_wheel_key => "mouse wheel", "molette";
    help_wheel => "scroll the pane under the pointer", "faire défiler le panneau sous le pointeur";
    help_followed => "reversed: mentions of the followed actor or date, search matches", "inversé : mentions de l'acteur ou de la date suivis, résultats de recherche";
    help_noted_list => "in the list: the article has correction notes", "dans la liste : l'article a des notes de correction";
    help_noted_key => "noted passage", "passage annoté";
    help_noted_text => "in the text: a passage with a correction note ({key} lists them)", "dans le texte : un passage avec une note de correction ({key} les liste)";
    help_lang => "in the list: language detected from the text (the source did not say)", "dans la liste : langue déduite du texte (la source ne la donnait pas)";
    help_unbound => "(unbound)", "(sans touche)";
    // what each action does (the help)
    act_quit => "quit", "quitter";
    act_help => "show or hide this help", "afficher ou masquer cette aide";
    act_focus_next => "focus the next pane (list, reader, sidebar)", "panneau suivant (liste, lecteur, acteurs)";
    act_focus_prev => "focus the previous pane", "panneau précédent";
    act_focus_left => "focus the pane on the left", "panneau de gauche";
    act_focus_right => "focus the pane on the right", "panneau de droite";
    act_up => "move up / scroll up", "monter / défiler vers le haut";
    act_down => "move down / scroll down", "descendre / défiler vers le bas";
    act_page_up => "page up", "page précédente";
    act_page_down => "page down", "page suivante";
    act_top => "go to the top", "aller au début";
    act_bottom => "go to the bottom", "aller à la fin";
    act_open => "open the article / follow the actor or date", "ouvrir l'article / suivre l'acteur ou la date";
    act_prev_article => "previous article (from anywhere)", "article précédent (depuis partout)";
    act_next_article => "next article (from anywhere)", "article suivant (depuis partout)";
    act_toggle_sidebar => "show or hide the actors and dates sidebar", "afficher ou masquer le panneau des acteurs et dates";
    act_search => "filter the list / search in the article", "filtrer la liste / chercher dans l'article";
    act_next_match => "next mention or search match", "mention ou résultat suivant";
    act_prev_match => "previous mention or search match", "mention ou résultat précédent";
    act_report_error => "report an error in this article", "signaler une erreur dans cet article";
    act_clear => "clear the search, the followed actor or the message", "effacer la recherche, l'acteur suivi ou le message";
    act_notes_list => "list the notes on this article (Enter goes to the passage)", "lister les notes sur cet article (Entrée va au passage)";
    act_visual => "select a passage: {keys}", "sélectionner un passage : {keys}";
    act_messages => "the message log: every loading problem and error", "le journal des messages : problèmes de chargement et erreurs";
    act_visual_keys => "{next}/{prev} word, {down}/{up} line, {report} report it, {cancel} cancel", "{next}/{prev} mot, {down}/{up} ligne, {report} le signaler, {cancel} annuler";
    // the message log
    log_title => " Messages · {down}/{up} scroll · {close} closes ", " Messages · {down}/{up} défiler · {close} ferme ";
    log_empty => "No message yet.", "Aucun message pour l'instant.";
    // the notes list and the visual selection
    notes_title => " ✎ Notes on this article ", " ✎ Notes sur cet article ";
    notes_empty => "No notes on this article yet. Press {key} to report an error.", "Aucune note pour cet article. Appuyez sur {key} pour signaler une erreur.";
    notes_line => "line {n}", "ligne {n}";
    notes_above => "↑ off-screen · ", "↑ hors de l'écran · ";
    notes_below => "↓ off-screen · ", "↓ hors de l'écran · ";
    notes_orphaned => "orphaned: the passage is not in the current text", "orpheline : passage introuvable dans le texte actuel";
    notes_hint => "{down}/{up} select · {go} go to the passage · {close} close", "{down}/{up} choisir · {go} aller au passage · {close} fermer";
    notes_hint_actions => "{down}/{up} · {go} go there · {retry} retry · {withdraw} withdraw · {edit} edit · {close} close", "{down}/{up} · {go} y aller · {retry} renvoyer · {withdraw} retirer · {edit} modifier · {close} fermer";
    notes_ask_withdraw => "Withdraw note {id}? y: withdraw · n: keep it", "Retirer la note {id} ? o : retirer · n : la garder";
    notes_edit_prompt => "Comment: ", "Commentaire : ";
    notes_edit_keys => "  (Enter saves, Esc cancels)", "  (Entrée garde, Échap annule)";
    notes_withdrawn => "Note {id} withdrawn (revision {rev}; nothing deleted).", "Note {id} retirée (révision {rev} ; rien n'est effacé).";
    notes_queued_again => "Note {id} queued again.", "Note {id} remise en attente d'envoi.";
    notes_edited => "Note {id} edited (revision {rev}).", "Note {id} modifiée (révision {rev}).";
    notes_edited_retry => "It was refused before: {key} sends it again.", "Elle avait été refusée : {key} la renvoie.";
    notes_not_revised => "Note {id} was NOT changed: {reason}", "La note {id} n'a PAS été modifiée : {reason}";
    notes_no_file => "no notes file", "pas de fichier de notes";
    refused_withdrawn => "note {id} was withdrawn; file a new note instead", "la note {id} a été retirée ; faites une nouvelle note";
    refused_sent => "note {id} was already sent; withdraw it and file a new note to change it", "la note {id} est déjà envoyée ; retirez-la et faites une nouvelle note pour la changer";
    refused_no_change => "nothing to change in note {id}", "rien à changer dans la note {id}";
    status_queued => "queued", "en attente";
    status_sent => "sent", "envoyée";
    status_failed => "failed", "refusée";
    status_withdrawn => "withdrawn", "retirée";
    visual_hint => "Selecting: {next}/{prev} word · {down}/{up} line · {report} report · {cancel} cancel", "Sélection : {next}/{prev} mot · {down}/{up} ligne · {report} signaler · {cancel} annuler";
    // what the outbox says
    outbox_sent => "Note {id} sent (HTTP {status}).", "Note {id} envoyée (HTTP {status}).";
    outbox_retrying => "Note {id}: sending failed ({reason}), retrying in {s} s.", "Note {id} : envoi échoué ({reason}), nouvel essai dans {s} s.";
    outbox_deferred => "Note {id} still queued: {reason}. It will be retried at the next start.", "Note {id} en attente : {reason}. Elle partira au prochain lancement.";
    outbox_failed => "Note {id} refused by the server: {reason}", "Note {id} refusée par le serveur : {reason}";
    outbox_mailto => "Note saved ({file}). The publisher takes corrections at {address}.", "Note enregistrée ({file}). Le journal reçoit les corrections à {address}.";
    // the notes core's reasons (their English is the core's own text, matched
    // to put them in French: see `french::reason`)
    reason_after_attempts => "{message} (after {n} attempts; it stays queued)", "{message} (après {n} essais ; elle reste en attente)";
    reason_server_wait => "{message} (the server asks to wait {s}s; it stays queued)", "{message} (le serveur demande d'attendre {s} s ; elle reste en attente)";
    reason_cannot_send => "cannot send to {endpoint}: {e}", "envoi impossible vers {endpoint} : {e}";
    reason_not_http => "the endpoint {endpoint} is not an http(s) URL", "l'adresse d'envoi {endpoint} n'est pas une URL http(s)";
    reason_moved => "{message}: the endpoint moved to {l}", "{message} : l'adresse d'envoi a changé pour {l}";
    reason_stays_queued => "{message}; the note stays queued", "{message} ; la note reste en attente";
    reason_token => "{message}: Hypothesis did not accept the API token for group {group} (check LEDE_HYPOTHESIS_TOKEN or [notes.hypothesis] token_file)", "{message} : Hypothesis n'a pas accepté le jeton d'API pour le groupe {group} (vérifiez LEDE_HYPOTHESIS_TOKEN ou token_file dans [notes.hypothesis])";
    reason_not_annotation => "{url}: the answer is not an annotation ({e})", "{url} : la réponse n'est pas une annotation ({e})";
    reason_no_id => "{url}: the answer has no annotation id", "{url} : la réponse n'a pas d'identifiant d'annotation";
    reason_search_unreadable => "{url}: the search answer cannot be read ({e})", "{url} : la réponse de la recherche est illisible ({e})";
    reason_api_not_http => "the Hypothesis API {url} is not an http(s) URL", "l'API Hypothesis {url} n'est pas une URL http(s)";
    reason_unreadable => "{url}: the answer cannot be read ({e})", "{url} : la réponse est illisible ({e})";
    reason_http_400 => "HTTP {status} Bad Request{rest}", "HTTP {status} requête incorrecte{rest}";
    reason_http_401 => "HTTP {status} Unauthorized{rest}", "HTTP {status} non autorisé{rest}";
    reason_http_403 => "HTTP {status} Forbidden{rest}", "HTTP {status} interdit{rest}";
    reason_http_404 => "HTTP {status} Not Found{rest}", "HTTP {status} introuvable{rest}";
    reason_http_408 => "HTTP {status} Request Timeout{rest}", "HTTP {status} délai dépassé{rest}";
    reason_http_409 => "HTTP {status} Conflict{rest}", "HTTP {status} conflit{rest}";
    reason_http_413 => "HTTP {status} Payload Too Large{rest}", "HTTP {status} contenu trop gros{rest}";
    reason_http_422 => "HTTP {status} Unprocessable Entity{rest}", "HTTP {status} contenu non traitable{rest}";
    reason_http_429 => "HTTP {status} Too Many Requests{rest}", "HTTP {status} trop de requêtes{rest}";
    reason_http_500 => "HTTP {status} Internal Server Error{rest}", "HTTP {status} erreur interne du serveur{rest}";
    reason_http_502 => "HTTP {status} Bad Gateway{rest}", "HTTP {status} passerelle incorrecte{rest}";
    reason_http_503 => "HTTP {status} Service Unavailable{rest}", "HTTP {status} service indisponible{rest}";
    reason_http_504 => "HTTP {status} Gateway Timeout{rest}", "HTTP {status} délai de la passerelle dépassé{rest}";
    reason_store_io => "{path}: cannot {action}: {e}", "{path} : impossible de {action} : {e}";
    reason_no_note => "{path}: no note with id {id}", "{path} : aucune note d'identifiant {id}";
    reason_encode => "cannot encode the note as JSON: {e}", "impossible d'écrire la note en JSON : {e}";
    action_create_folder => "create the folder", "créer le dossier";
    action_create_file => "create the notes file", "créer le fichier des notes";
    action_create_notes_folder => "create the notes folder", "créer le dossier des notes";
    action_cut_torn => "cut away the torn last line", "retirer la dernière ligne tronquée";
    action_end_line => "end the last line", "terminer la dernière ligne";
    action_inspect => "inspect the notes file", "examiner le fichier des notes";
    action_lock => "lock the notes file", "verrouiller le fichier des notes";
    action_open => "open", "ouvrir";
    action_open_file => "open the notes file", "ouvrir le fichier des notes";
    action_read => "read the notes file", "lire le fichier des notes";
    action_replace => "replace", "remplacer";
    action_save => "save the note", "enregistrer la note";
    action_sync => "sync the folder", "synchroniser le dossier";
    action_write => "write", "écrire";
    // the report form
    title => "Report an error", "Signaler une erreur";
    passage => "Passage", "Passage";
    category => "Kind of error", "Type d'erreur";
    severity => "Severity", "Gravité";
    suggestion => "Correction", "Correction";
    comment => "Comment", "Commentaire";
    name => "Name", "Nom";
    email => "E-mail", "Courriel";
    consent => "You may contact me about this note", "Vous pouvez me contacter au sujet de cette note";
    submit => "Submit", "Envoyer";
    cancel => "Cancel", "Annuler";
    optional => "optional", "facultatif";
    consent_short => "contact", "contact";
    form_hidden => "{key} also: {fields}", "{key} aussi : {fields}";
    comment_hint => "What is wrong? (required)", "Qu'est-ce qui ne va pas ? (obligatoire)";
    keys_hint => "{next} next field · ←/→ change a choice · {save} submit · {cancel} cancel", "{next} champ suivant · ←/→ changer un choix · {save} envoyer · {cancel} annuler";
    discard_question => "Discard what you typed? y: discard · n: keep editing", "Abandonner ce que vous avez écrit ? o : abandonner · n : continuer";
    sends_to => "The note is saved here, then sent to", "La note est enregistrée ici, puis envoyée à";
    no_endpoint => "No endpoint configured: the note stays saved locally in", "Aucune adresse d'envoi configurée : la note reste enregistrée dans";
    publisher_mail => "The publisher takes corrections by e-mail:", "Le journal reçoit les corrections par courriel :";
    saved => "Note saved", "Note enregistrée";
    saved_to => "Note saved in", "Note enregistrée dans";
    not_saved => "The note was NOT saved", "La note n'a PAS été enregistrée";
    no_endpoint_short => "Not sent: no endpoint.", "Pas d'adresse d'envoi.";
    save_elsewhere => "Save to", "Enregistrer dans";
    save_elsewhere_hint => "Enter: save to this file · Esc: back to the form", "Entrée : enregistrer dans ce fichier · Échap : retour au formulaire";
    cancelled => "Report cancelled: nothing was saved.", "Signalement annulé : rien n'a été enregistré.";
    article_gone => "The article is no longer loaded.", "L'article n'est plus chargé.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_tags_settings_and_environment() {
        assert_eq!(Lang::from_tag("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_tag("fr_FR.UTF-8"), Lang::Fr);
        assert_eq!(Lang::from_tag("FR"), Lang::Fr);
        for en in ["en", "de", "", "C.UTF-8"] {
            assert_eq!(Lang::from_tag(en), Lang::En, "{en:?}");
        }
        assert_eq!(LangSetting::parse("Auto"), Ok(LangSetting::Auto));
        assert_eq!(LangSetting::parse("fr"), Ok(LangSetting::Fixed(Lang::Fr)));
        assert!(LangSetting::parse("de").unwrap_err().contains("\"de\""));
        let auto = Languages {
            setting: LangSetting::Auto,
            user: Some(Lang::Fr),
        };
        assert_eq!(auto.chrome().lang, Lang::Fr);
        assert_eq!(auto.article("en").lang, Lang::En);
        let fixed = Languages {
            setting: LangSetting::Fixed(Lang::En),
            user: Some(Lang::Fr),
        };
        assert_eq!(fixed.chrome().lang, Lang::En);
        assert_eq!(fixed.article("fr").lang, Lang::En);
        assert_eq!(Languages::default().chrome().lang, Lang::En);
    }

    #[test]
    fn the_config_file_sets_the_language_and_a_bad_one_names_the_line() {
        let path = std::path::Path::new("c.toml");
        let c = crate::config::Config::parse("[ui]\nlanguage = \"fr\"\n", path).unwrap();
        let l = Languages::from_config(&c, Some(Lang::En)).unwrap();
        assert_eq!(l.chrome().lang, Lang::Fr);
        assert_eq!(l.article("en").lang, Lang::Fr);
        let none = crate::config::Config::parse("", path).unwrap();
        let l = Languages::from_config(&none, Some(Lang::Fr)).unwrap();
        assert_eq!(l.setting, LangSetting::Auto);
        let bad = crate::config::Config::parse("\n[ui]\nlanguage = \"xx\"\n", path).unwrap();
        let e = Languages::from_config(&bad, None).unwrap_err().to_string();
        assert!(e.starts_with("c.toml:3:") && e.contains("\"xx\""), "{e}");
    }

    #[test]
    fn every_entry_has_both_languages() {
        for (i, entry) in ENTRIES.iter().enumerate() {
            let (en, fr) = (entry(Words::new(Lang::En)), entry(Words::new(Lang::Fr)));
            assert!(!en.is_empty() && !fr.is_empty(), "entry {i}");
        }
        assert_eq!(Words::for_tag("fr").submit(), "Envoyer");
        assert_eq!(Words::for_tag("de").submit(), "Submit");
        assert_eq!(
            fill(
                "Note {id} sent (HTTP {status}).",
                &[("id", "ab12"), ("status", "201")]
            ),
            "Note ab12 sent (HTTP 201)."
        );
    }
}
