//! OPML 2.0 import and export (the `opml` crate), folders kept: an outline
//! holding outlines is a folder, a leaf with an `xmlUrl` is a feed. Nested
//! folders are joined with `/`.

use super::store::Store;
use crate::article::sanitize::clean_inline;
use std::path::Path;

/// A feed read from an OPML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub url: String,
    pub title: Option<String>,
    pub folder: Option<String>,
}

/// The feeds of an OPML document; an error names the file.
pub fn read(path: &Path, text: &str) -> anyhow::Result<Vec<Entry>> {
    let doc = opml::OPML::from_str(text).map_err(|e| {
        anyhow::anyhow!(
            "{}: not a valid OPML file: {e}",
            crate::ingest::display_path(path)
        )
    })?;
    let mut out = Vec::new();
    let mut stack: Vec<(&opml::Outline, Option<String>)> =
        doc.body.outlines.iter().rev().map(|o| (o, None)).collect();
    while let Some((o, folder)) = stack.pop() {
        let label =
            Some(clean_inline(o.title.as_deref().unwrap_or(&o.text))).filter(|t| !t.is_empty());
        if let Some(url) = o.xml_url.as_deref().filter(|u| !u.trim().is_empty()) {
            out.push(Entry {
                url: url.trim().to_string(),
                title: label.clone(),
                folder: folder
                    .clone()
                    .or_else(|| o.category.as_deref().map(clean_inline)),
            });
        }
        if !o.outlines.is_empty() {
            let inner = match (&folder, &label) {
                (Some(f), Some(l)) if o.xml_url.is_none() => Some(format!("{f}/{l}")),
                (None, Some(l)) if o.xml_url.is_none() => Some(l.clone()),
                _ => folder.clone(),
            };
            stack.extend(o.outlines.iter().rev().map(|c| (c, inner.clone())));
        }
    }
    Ok(out)
}

/// Subscribe to every feed of the file (http and https only). Returns (added, already there, refused).
pub fn import(
    store: &Store,
    path: &Path,
    text: &str,
) -> anyhow::Result<(usize, usize, Vec<String>)> {
    let (mut added, mut known, mut refused) = (0, 0, Vec::new());
    for e in read(path, text)? {
        if let Err(err) = crate::fetch::check_url(&e.url) {
            refused.push(err.to_string());
            continue;
        }
        match store.add(&e.url, e.title.as_deref(), e.folder.as_deref())? {
            (_, true) => added += 1,
            (_, false) => known += 1,
        }
    }
    Ok((added, known, refused))
}

/// The subscriptions as OPML 2.0, one outline per folder.
pub fn export(store: &Store) -> anyhow::Result<String> {
    let mut doc = opml::OPML {
        version: "2.0".into(),
        head: Some(opml::Head {
            title: Some("lede subscriptions".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    for f in store.list()? {
        let outline = opml::Outline {
            text: f.name().to_string(),
            title: f.title.clone(),
            r#type: Some("rss".into()),
            xml_url: Some(f.url.clone()),
            html_url: f.site_url.clone(),
            ..Default::default()
        };
        match &f.folder {
            None => doc.body.outlines.push(outline),
            Some(folder) => {
                let at = doc
                    .body
                    .outlines
                    .iter()
                    .position(|o| o.xml_url.is_none() && &o.text == folder);
                let at = at.unwrap_or_else(|| {
                    doc.body.outlines.push(opml::Outline {
                        text: folder.clone(),
                        title: Some(folder.clone()),
                        ..Default::default()
                    });
                    doc.body.outlines.len() - 1
                });
                doc.body.outlines[at].outlines.push(outline);
            }
        }
    }
    Ok(doc.to_string()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWSBOAT: &str = r#"<?xml version="1.0"?>
<opml version="2.0"><head><title>export</title></head><body>
<outline text="Presse" title="Presse">
  <outline type="rss" text="Le Quotidien" xmlUrl="http://127.0.0.1:1/quotidien.xml" htmlUrl="http://127.0.0.1:1/"/>
  <outline text="Régions"><outline type="rss" text="Ouest" xmlUrl="http://127.0.0.1:1/ouest.xml"/></outline>
</outline>
<outline type="rss" text="Daily" xmlUrl="http://127.0.0.1:1/daily.rss" category="World"/>
<outline type="rss" text="Bad" xmlUrl="file:///etc/passwd"/>
</body></opml>"#;

    #[test]
    fn folders_kept_and_round_trip() {
        let entries = read(Path::new("x.opml"), NEWSBOAT).unwrap();
        let got: Vec<_> = entries
            .iter()
            .map(|e| (e.url.rsplit('/').next().unwrap(), e.folder.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("quotidien.xml", Some("Presse")),
                ("ouest.xml", Some("Presse/Régions")),
                ("daily.rss", Some("World")),
                ("passwd", None)
            ]
        );
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("feeds.sqlite")).unwrap();
        let (added, known, refused) = import(&store, Path::new("x.opml"), NEWSBOAT).unwrap();
        assert_eq!((added, known, refused.len()), (3, 0, 1));
        assert!(refused[0].contains("file"), "{refused:?}");
        let out = export(&store).unwrap();
        let again: Vec<_> = read(Path::new("y.opml"), &out)
            .unwrap()
            .into_iter()
            .map(|e| (e.url, e.title, e.folder))
            .collect();
        let before: Vec<_> = entries
            .into_iter()
            .take(3)
            .map(|e| (e.url, e.title, e.folder))
            .collect();
        let mut again_sorted = again.clone();
        again_sorted.sort();
        let mut before_sorted = before.clone();
        before_sorted.sort();
        assert_eq!(again_sorted, before_sorted);
    }

    #[test]
    fn malformed_opml_names_the_file() {
        let e = read(Path::new("abonnements.opml"), "<opml><body>")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("abonnements.opml: not a valid OPML file"),
            "{e}"
        );
    }
}
