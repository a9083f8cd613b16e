//! Every word the form shows, in the article's language (French for `fr*`,
//! English otherwise).

/// The form's words in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    pub lang: &'static str,
    pub title: &'static str,
    pub passage: &'static str,
    pub category: &'static str,
    pub severity: &'static str,
    pub suggestion: &'static str,
    pub comment: &'static str,
    pub name: &'static str,
    pub email: &'static str,
    pub consent: &'static str,
    pub submit: &'static str,
    pub cancel: &'static str,
    pub optional: &'static str,
    pub comment_hint: &'static str,
    pub keys_hint: &'static str,
    pub discard_question: &'static str,
    pub sends_to: &'static str,
    pub no_endpoint: &'static str,
    pub publisher_mail: &'static str,
    pub saved: &'static str,
    pub saved_to: &'static str,
    pub not_saved: &'static str,
    pub save_elsewhere: &'static str,
    pub save_elsewhere_hint: &'static str,
    pub cancelled: &'static str,
}

const EN: Labels = Labels {
    lang: "en",
    title: "Report an error",
    passage: "Passage",
    category: "Kind of error",
    severity: "Severity",
    suggestion: "Correction",
    comment: "Comment",
    name: "Name",
    email: "E-mail",
    consent: "You may contact me about this note",
    submit: "Submit",
    cancel: "Cancel",
    optional: "optional",
    comment_hint: "What is wrong? (required)",
    keys_hint: "Tab next field · ←/→ change a choice · Ctrl-S submit · Esc cancel",
    discard_question: "Discard what you typed? y: discard · n: keep editing",
    sends_to: "The note is saved here, then sent to",
    no_endpoint: "No endpoint configured: the note stays saved locally in",
    publisher_mail: "The publisher takes corrections by e-mail:",
    saved: "Note saved",
    saved_to: "Note saved in",
    not_saved: "The note was NOT saved",
    save_elsewhere: "Save to",
    save_elsewhere_hint: "Enter: save to this file · Esc: back to the form",
    cancelled: "Report cancelled: nothing was saved.",
};

const FR: Labels = Labels {
    lang: "fr",
    title: "Signaler une erreur",
    passage: "Passage",
    category: "Type d'erreur",
    severity: "Gravité",
    suggestion: "Correction",
    comment: "Commentaire",
    name: "Nom",
    email: "Courriel",
    consent: "Vous pouvez me contacter au sujet de cette note",
    submit: "Envoyer",
    cancel: "Annuler",
    optional: "facultatif",
    comment_hint: "Qu'est-ce qui ne va pas ? (obligatoire)",
    keys_hint: "Tab champ suivant · ←/→ changer un choix · Ctrl-S envoyer · Échap annuler",
    discard_question: "Abandonner ce que vous avez écrit ? o : abandonner · n : continuer",
    sends_to: "La note est enregistrée ici, puis envoyée à",
    no_endpoint: "Aucune adresse d'envoi configurée : la note reste enregistrée dans",
    publisher_mail: "Le journal reçoit les corrections par courriel :",
    saved: "Note enregistrée",
    saved_to: "Note enregistrée dans",
    not_saved: "La note n'a PAS été enregistrée",
    save_elsewhere: "Enregistrer dans",
    save_elsewhere_hint: "Entrée : enregistrer dans ce fichier · Échap : retour au formulaire",
    cancelled: "Signalement annulé : rien n'a été enregistré.",
};

impl Labels {
    /// The words for a BCP 47 language tag.
    pub fn for_lang(lang: &str) -> &'static Labels {
        if lang.trim().to_ascii_lowercase().starts_with("fr") {
            &FR
        } else {
            &EN
        }
    }

    /// ": " in English, " : " in French typography.
    pub fn colon(&self) -> &'static str {
        if self.is_fr() { " : " } else { ": " }
    }

    /// True for the French labels.
    pub fn is_fr(&self) -> bool {
        self.lang == "fr"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages() {
        assert_eq!(Labels::for_lang("fr-CA").submit, "Envoyer");
        assert_eq!(Labels::for_lang("FR").title, "Signaler une erreur");
        assert_eq!(Labels::for_lang("en").submit, "Submit");
        assert_eq!(Labels::for_lang("de").submit, "Submit");
        assert_eq!(Labels::for_lang("").submit, "Submit");
    }
}
