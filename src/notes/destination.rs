//! Where a note goes, in which order, and the line that says so
//! ("→ Hypothesis group 'Fact-check desk' and corrections@example.org").
//!
//! The order is `[notes] destinations` in the config file, a list of
//! `"hypothesis"`, `"endpoint"` and `"mail"`. Without it: Hypothesis when
//! `[notes.hypothesis]` is configured, then the W3C endpoint when there is
//! one; and when neither applies, the publisher's e-mail address (a ready
//! `mailto:` link, sent by the user).

use super::hypothesis::{HypothesisConfig, HypothesisSettings};
use super::model::{ArticleRef, AttemptOutcome, Note};
use super::submit::{is_http_url, resolve_endpoint};
use serde::Deserialize;

/// A kind of destination, as named in `[notes] destinations`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DestinationKind {
    Hypothesis,
    Endpoint,
    Mail,
}

/// One place a note is submitted to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// A W3C Web Annotation container.
    Endpoint(String),
    /// A Hypothesis service and group.
    Hypothesis(HypothesisSettings),
    /// An e-mail the user sends (to the publisher's address, when known).
    Mail(Option<String>),
}

impl Destination {
    /// True when the note has already reached this destination.
    pub fn is_done(&self, note: &Note) -> bool {
        match self {
            Destination::Endpoint(url) => {
                note.location.is_some()
                    || note
                        .attempts
                        .iter()
                        .any(|a| &a.endpoint == url && a.outcome == AttemptOutcome::Sent)
            }
            Destination::Hypothesis(_) => note.hypothesis.is_some(),
            Destination::Mail(_) => note.mail.is_some(),
        }
    }

    /// Sent by lede over the network (not by the user's mail client).
    pub fn is_network(&self) -> bool {
        !matches!(self, Destination::Mail(_))
    }

    /// How the form and `lede notes list` name it.
    pub fn describe(&self, lang: &str) -> String {
        let fr = lang.starts_with("fr");
        match self {
            Destination::Endpoint(url) => crate::article::sanitize::clean_inline(url),
            Destination::Hypothesis(h) => h.describe(lang),
            Destination::Mail(Some(a)) => crate::article::sanitize::clean_inline(a),
            Destination::Mail(None) if fr => "un courriel (adresse à compléter)".into(),
            Destination::Mail(None) => "an e-mail (address to fill in)".into(),
        }
    }
}

/// The publisher's e-mail address from the article's feedback endpoint
/// (`mailto:corrections@example.org`), when it is one.
pub fn publisher_address(article: &ArticleRef) -> Option<String> {
    let e = article.feedback_endpoint.as_deref()?.trim();
    if !e
        .get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case("mailto:"))
    {
        return None;
    }
    let address = e[7..].split('?').next().unwrap_or("").trim();
    super::mail::is_plain_address(address).then(|| address.to_string())
}

/// Everything that decides where notes go.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Routing {
    /// `--endpoint` / `LEDE_ENDPOINT`.
    pub endpoint: Option<String>,
    /// `[notes] endpoint`.
    pub config_endpoint: Option<String>,
    /// `[notes.hypothesis]`, resolved (with its token).
    pub hypothesis: Option<HypothesisSettings>,
    /// `[notes] destinations`.
    pub order: Option<Vec<DestinationKind>>,
}

impl Routing {
    /// From the config file, the explicit endpoint and `LEDE_HYPOTHESIS_TOKEN`.
    pub fn from_config(c: &crate::config::Config, explicit_endpoint: Option<String>) -> Routing {
        Routing::new(
            explicit_endpoint,
            c.notes.endpoint.clone(),
            c.notes.hypothesis.as_ref(),
            c.notes.destinations.clone(),
            std::env::var(super::HYPOTHESIS_TOKEN_ENV).ok(),
        )
    }

    pub fn new(
        endpoint: Option<String>,
        config_endpoint: Option<String>,
        hypothesis: Option<&HypothesisConfig>,
        order: Option<Vec<DestinationKind>>,
        env_token: Option<String>,
    ) -> Routing {
        Routing {
            endpoint,
            config_endpoint,
            hypothesis: hypothesis.map(|h| HypothesisSettings::resolve(h, env_token)),
            order,
        }
    }

    /// The destinations of a note about `article`, in order.
    pub fn for_article(&self, article: &ArticleRef) -> Vec<Destination> {
        let endpoint = resolve_endpoint(
            self.endpoint.as_deref(),
            self.config_endpoint.as_deref(),
            article.feedback_endpoint.as_deref(),
        )
        .map(Destination::Endpoint);
        let has_url = article.url.as_deref().is_some_and(is_http_url);
        let hypothesis = self
            .hypothesis
            .clone()
            .filter(|_| has_url)
            .map(Destination::Hypothesis);
        let mail = Destination::Mail(publisher_address(article));
        match &self.order {
            Some(order) => {
                let mut out: Vec<Destination> = Vec::new();
                for kind in order {
                    let d = match kind {
                        DestinationKind::Hypothesis => hypothesis.clone(),
                        DestinationKind::Endpoint => endpoint.clone(),
                        DestinationKind::Mail => Some(mail.clone()),
                    };
                    if let Some(d) = d.filter(|d| !out.contains(d)) {
                        out.push(d);
                    }
                }
                out
            }
            None => {
                let out: Vec<Destination> = hypothesis.into_iter().chain(endpoint).collect();
                if out.is_empty() { vec![mail] } else { out }
            }
        }
    }

    /// The destinations a note has not reached yet, in order.
    pub fn pending(&self, note: &Note) -> Vec<Destination> {
        self.for_article(&note.article)
            .into_iter()
            .filter(|d| !d.is_done(note))
            .collect()
    }

    /// The line the form shows: "→ Hypothesis group 'Fact-check desk' and
    /// corrections@example.org" (French for `fr*`).
    pub fn describe(&self, article: &ArticleRef, lang: &str) -> String {
        describe_list(&self.for_article(article), lang)
    }
}

/// "→ A", "→ A and B", "→ A, B and C"; nothing configured: kept locally.
pub fn describe_list(dests: &[Destination], lang: &str) -> String {
    let fr = lang.starts_with("fr");
    let names: Vec<String> = dests.iter().map(|d| d.describe(lang)).collect();
    let and = if fr { " et " } else { " and " };
    let joined = match names.as_slice() {
        [] if fr => return "→ gardée ici (aucune destination configurée)".into(),
        [] => return "→ kept here (no destination configured)".into(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    };
    format!("→ {joined}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::hypothesis::HypothesisConfig;

    fn article(url: Option<&str>, feedback: Option<&str>) -> ArticleRef {
        ArticleRef {
            id: "a1".into(),
            url: url.map(str::to_string),
            headline: "Titre".into(),
            language: "fr".into(),
            feedback_endpoint: feedback.map(str::to_string),
            ..ArticleRef::default()
        }
    }

    fn desk() -> HypothesisConfig {
        HypothesisConfig {
            group: Some("k3y".into()),
            group_name: Some("Fact-check desk".into()),
            ..HypothesisConfig::default()
        }
    }

    #[test]
    fn order_and_description() {
        use DestinationKind::*;
        let web = Some("https://news.example/a");
        let mail = Some("mailto:corrections@example.org");
        let cases: Vec<(Routing, ArticleRef, &str)> = vec![
            (
                Routing::default(),
                article(None, None),
                "→ an e-mail (address to fill in)",
            ),
            (
                Routing::default(),
                article(web, mail),
                "→ corrections@example.org",
            ),
            (
                Routing::new(
                    Some("http://127.0.0.1:9/w3c".into()),
                    None,
                    None,
                    None,
                    None,
                ),
                article(web, mail),
                "→ http://127.0.0.1:9/w3c",
            ),
            (
                Routing::new(
                    None,
                    None,
                    Some(&desk()),
                    Some(vec![Hypothesis, Mail]),
                    None,
                ),
                article(web, mail),
                "→ Hypothesis group 'Fact-check desk' and corrections@example.org",
            ),
            (
                Routing::new(
                    None,
                    None,
                    Some(&desk()),
                    Some(vec![Mail, Hypothesis]),
                    None,
                ),
                article(web, mail),
                "→ corrections@example.org and Hypothesis group 'Fact-check desk'",
            ),
            (
                Routing::new(
                    Some("https://w3c.example/".into()),
                    None,
                    Some(&HypothesisConfig::default()),
                    None,
                    None,
                ),
                article(web, mail),
                "→ Hypothesis (public) and https://w3c.example/",
            ),
            (
                // No web URL: Hypothesis cannot take it.
                Routing::new(
                    None,
                    None,
                    Some(&desk()),
                    Some(vec![Hypothesis, Endpoint]),
                    None,
                ),
                article(None, mail),
                "→ kept here (no destination configured)",
            ),
            (
                // The article's address is checked: nothing smuggled into the link.
                Routing::default(),
                article(web, Some("mailto:a@b.org?bcc=spy@evil.example")),
                "→ a@b.org",
            ),
        ];
        for (routing, a, want) in cases {
            assert_eq!(routing.describe(&a, "en"), want, "{routing:?}");
        }
        let r = Routing::new(
            None,
            None,
            Some(&desk()),
            Some(vec![Hypothesis, Mail]),
            None,
        );
        assert_eq!(
            r.describe(&article(web, mail), "fr"),
            "→ groupe Hypothesis « Fact-check desk » et corrections@example.org"
        );
    }

    #[test]
    fn config_names_the_order_and_refuses_unknown_destinations() {
        let text = "[notes]\ndestinations = [\"mail\", \"hypothesis\"]\n\n[notes.hypothesis]\ngroup = \"k3y\"\ngroup_name = \"Desk\"\n";
        let c = crate::config::Config::parse(text, std::path::Path::new("c.toml")).expect("config");
        assert_eq!(
            c.notes.destinations,
            Some(vec![DestinationKind::Mail, DestinationKind::Hypothesis])
        );
        assert_eq!(
            c.notes.hypothesis.expect("section").group.as_deref(),
            Some("k3y")
        );
        for bad in [
            "[notes]\ndestinations = [\"pigeon\"]\n",
            "[notes.hypothesis]\ntoken = \"inline secrets are refused\"\n",
        ] {
            let e = crate::config::Config::parse(bad, std::path::Path::new("c.toml"))
                .expect_err("refused")
                .to_string();
            assert!(e.starts_with("c.toml:2:"), "{e}");
            assert!(!e.contains("inline secrets"), "{e}");
        }
    }
}
