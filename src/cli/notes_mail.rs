//! `lede notes export --format eml NOTE` and `lede notes mark-sent ID`.

use super::revise::{IdArgs, change, find_note};
use crate::notes::revise::Change;
use crate::notes::{Routing, Status, Store, mail};
use std::path::Path;
use std::process::ExitCode;

/// The `.eml` message for one note, to standard output or `out`.
pub fn export_eml(store: &Store, key: &str, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let note = find_note(store, key)?;
    let to = mail::address_of(&note);
    let message = mail::eml(&note, to.as_deref());
    match out {
        Some(p) => {
            crate::notes::store::write_atomic(p, message.as_bytes())?;
            eprintln!(
                "lede: message for note {} written to {}{}",
                note.short_id(),
                p.display(),
                if to.is_none() {
                    " (no address: the publisher gave none; fill in To)"
                } else {
                    ""
                }
            );
        }
        None => {
            use std::io::Write;
            std::io::stdout().lock().write_all(message.as_bytes())?;
        }
    }
    eprintln!(
        "lede: once you have sent it: `lede notes mark-sent {}`",
        note.short_id()
    );
    Ok(ExitCode::SUCCESS)
}

/// The user says they sent it: "sent by mail (not confirmed)".
pub fn mark_sent(store: &Store, args: IdArgs, routing: &Routing) -> anyhow::Result<ExitCode> {
    let note = find_note(store, &args.id)?;
    let to = mail::address_of(&note);
    let mut n = change(store, &args.id, &Change::MarkSentByMail { to: to.clone() })?;
    let network_left = routing.pending(&n).iter().any(|d| d.is_network());
    if n.status == Status::Queued && !network_left {
        n = store.update(n.id, |x| x.status = Status::Sent)?;
    }
    println!(
        "marked {} as sent by mail (not confirmed){}",
        n.id,
        to.map(|t| format!(" to {t}")).unwrap_or_default()
    );
    if network_left {
        println!("it is still queued for the other destinations: `lede notes submit`");
    }
    Ok(ExitCode::SUCCESS)
}
