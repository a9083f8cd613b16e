//! `lede notes retry|edit|withdraw|mark-sent ID`: a new revision each, nothing deleted.

use crate::notes::revise::{self, Change, Edit};
use crate::notes::{Category, Note, Severity, Status, Store};
use anyhow::{Context, bail};
use clap::Args;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct IdArgs {
    /// The note (full id, or the end of it as `list` shows).
    #[arg(value_name = "ID")]
    pub id: String,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The note (full id, or the end of it as `list` shows).
    #[arg(value_name = "ID")]
    pub id: String,
    /// The new comment. Without any flag, `$VISUAL`/`$EDITOR` opens on the
    /// comment and the suggested correction.
    #[arg(long, value_name = "TEXT")]
    pub comment: Option<String>,
    /// The new suggested correction ("" removes it).
    #[arg(long, value_name = "TEXT")]
    pub suggestion: Option<String>,
    #[arg(
        long,
        value_name = "CATEGORY",
        value_parser = PossibleValuesParser::new(Category::ALL.map(Category::tag))
            .try_map(|s| s.parse::<Category>()),
    )]
    pub category: Option<Category>,
    #[arg(
        long,
        value_name = "SEVERITY",
        value_parser = PossibleValuesParser::new(Severity::ALL.map(Severity::tag))
            .try_map(|s| s.parse::<Severity>()),
    )]
    pub severity: Option<Severity>,
}

/// The note named on the command line, or an error naming the file.
pub fn find_note(store: &Store, key: &str) -> anyhow::Result<Note> {
    let notes = super::load(store)?;
    revise::find(&notes, key)
        .cloned()
        .map_err(|e| anyhow::anyhow!("{e} in {}", store.path().display()))
}

/// Apply one change and say what it did.
pub fn change(store: &Store, key: &str, change: &Change) -> anyhow::Result<Note> {
    let note = find_note(store, key)?;
    let done = revise::revise(store, note.id, change)?;
    Ok(done)
}

pub fn withdraw(store: &Store, args: IdArgs) -> anyhow::Result<ExitCode> {
    let n = change(store, &args.id, &Change::Withdraw)?;
    println!(
        "withdrawn {} (revision {}; earlier revisions kept in {})",
        n.id,
        n.rev,
        store.path().display()
    );
    if let Some(h) = &n.hypothesis {
        println!(
            "note: the Hypothesis annotation {} is still published; delete it there if you wish",
            h.id
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Re-queue the note; the caller then sends it.
pub fn requeue(store: &Store, args: &IdArgs) -> anyhow::Result<Note> {
    let before = find_note(store, &args.id)?;
    let n = change(store, &args.id, &Change::Retry)?;
    if before.status == Status::Failed {
        println!("queued again {} (revision {})", n.id, n.rev);
    }
    Ok(n)
}

pub fn edit(store: &Store, args: EditArgs) -> anyhow::Result<ExitCode> {
    let note = find_note(store, &args.id)?;
    let mut e = Edit {
        comment: args.comment,
        suggestion: args.suggestion,
        category: args.category,
        severity: args.severity,
    };
    if e.is_empty() {
        // Refuse before opening an editor on a note that cannot change.
        revise::check(
            &note,
            &Change::Edit(Edit {
                comment: Some(note.comment.clone()),
                ..Edit::default()
            }),
        )?;
        e = edit_in_editor(&note)?;
        if e.comment.as_deref() == Some(note.comment.as_str())
            && e.suggestion.as_deref() == Some(note.suggestion.as_deref().unwrap_or(""))
        {
            println!("no change to {}", note.id);
            return Ok(ExitCode::SUCCESS);
        }
    }
    let n = change(store, &args.id, &Change::Edit(e))?;
    println!("edited {} (revision {})", n.id, n.rev);
    if n.status == Status::Failed {
        println!(
            "it was refused before: send it again with `lede notes retry {}`",
            n.short_id()
        );
    }
    Ok(ExitCode::SUCCESS)
}

const COMMENT_HEAD: &str = "[comment]";
const CORRECTION_HEAD: &str = "[correction]";

/// The text the editor opens on.
pub fn editor_text(note: &Note) -> String {
    let quote = crate::article::sanitize::clean_inline(&note.target.exact);
    format!(
        "# lede: editing note {}. Lines starting with # are ignored.\n\
         # Passage: \"{quote}\"\n\
         # Under {COMMENT_HEAD}: what is wrong (required). Under {CORRECTION_HEAD}: the suggested correction (may be empty).\n\
         {COMMENT_HEAD}\n{}\n{CORRECTION_HEAD}\n{}\n",
        note.short_id(),
        note.comment,
        note.suggestion.as_deref().unwrap_or("")
    )
}

/// Read the editor's file back: the lines under each heading, `#` lines dropped.
pub fn parse_editor_text(text: &str) -> anyhow::Result<Edit> {
    let mut comment: Option<Vec<&str>> = None;
    let mut correction: Option<Vec<&str>> = None;
    let mut in_correction = None;
    for line in text.lines() {
        match line.trim_end() {
            l if l.starts_with('#') => {}
            COMMENT_HEAD => {
                in_correction = Some(false);
                comment.get_or_insert_with(Vec::new);
            }
            CORRECTION_HEAD => {
                in_correction = Some(true);
                correction.get_or_insert_with(Vec::new);
            }
            _ => match in_correction {
                Some(false) => comment.get_or_insert_with(Vec::new).push(line),
                Some(true) => correction.get_or_insert_with(Vec::new).push(line),
                None if line.trim().is_empty() => {}
                None => bail!("text before the {COMMENT_HEAD} line: {line:?}"),
            },
        }
    }
    let join = |v: Vec<&str>| v.join("\n").trim().to_string();
    let Some(comment) = comment else {
        bail!("the {COMMENT_HEAD} line is missing; the note is unchanged");
    };
    Ok(Edit {
        comment: Some(join(comment)),
        suggestion: Some(correction.map(join).unwrap_or_default()),
        ..Edit::default()
    })
}

fn edit_in_editor(note: &Note) -> anyhow::Result<Edit> {
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|v| !v.trim().is_empty())
        })
        .context(
            "no editor: set $EDITOR, or give the changes with --comment, --suggestion, \
             --category or --severity",
        )?;
    let path = temp_file(note)?;
    let result = run_editor(&editor, &path, note);
    let _ = std::fs::remove_file(&path);
    result
}

fn run_editor(editor: &str, path: &Path, note: &Note) -> anyhow::Result<Edit> {
    write_private(path, editor_text(note).as_bytes())?;
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or(editor);
    let mut cmd = std::process::Command::new(program);
    cmd.args(words).arg(path);
    crate::notes::scrub_child_env(&mut cmd);
    let status = cmd
        .status()
        .with_context(|| format!("cannot run the editor {program:?}"))?;
    if !status.success() {
        bail!("the editor {program:?} exited with {status}; the note is unchanged");
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read the edited note", path.display()))?;
    parse_editor_text(&text).with_context(|| format!("{}", path.display()))
}

fn temp_file(note: &Note) -> anyhow::Result<PathBuf> {
    Ok(std::env::temp_dir().join(format!(
        "lede-note-{}-{}.txt",
        note.short_id(),
        std::process::id()
    )))
}

fn write_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    let mut f = o
        .open(path)
        .with_context(|| format!("{}: cannot create the file to edit", path.display()))?;
    f.write_all(bytes)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_text_round_trips() {
        let cases: [(&str, Option<(&str, &str)>); 5] = [
            (
                "# x\n[comment]\nLigne un.\nLigne deux.\n[correction]\nGoïta\n",
                Some(("Ligne un.\nLigne deux.", "Goïta")),
            ),
            ("[comment]\nSeul.\n", Some(("Seul.", ""))),
            ("\n[comment]\n  \n[correction]\n\n", Some(("", ""))),
            ("du texte\n[comment]\nx\n", None),
            ("# tout effacé\n", None),
        ];
        for (text, want) in cases {
            let got = parse_editor_text(text).ok().map(|e| {
                (
                    e.comment.unwrap_or_default(),
                    e.suggestion.unwrap_or_default(),
                )
            });
            let want = want.map(|(c, s)| (c.to_string(), s.to_string()));
            assert_eq!(got, want, "{text:?}");
        }
    }
}
