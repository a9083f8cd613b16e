//! `lede notes submit` and `lede notes retry`: run the outbox and print
//! each outcome as it happens.

use super::{Common, SubmitArgs, load};
use crate::article::sanitize::clean_inline;
use crate::notes::{
    Note, NotesSettings, Outbox, OutboxConfig, OutboxEvent, RetryPolicy, Store, Timeouts,
};
use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;
use uuid::Uuid;

/// Send the queued notes (or only `only`) and print each outcome.
pub fn send(
    store: &Store,
    only: Option<uuid::Uuid>,
    args: SubmitArgs,
    common: &Common,
    settings: &NotesSettings,
) -> anyhow::Result<ExitCode> {
    let pending: Vec<Note> = load(store)?
        .into_iter()
        .filter(|n| n.is_pending() && only.is_none_or(|id| id == n.id))
        .collect();
    if pending.is_empty() {
        println!(
            "nothing to send: no queued notes in {}",
            store.path().display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let routing = settings.routing(common.endpoint.clone());
    if args.dry_run {
        for n in &pending {
            println!(
                "{}  {}",
                n.short_id(),
                routing.describe(&n.article, "en").replace('→', "->")
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let timeout = Duration::from_secs(args.timeout.max(1));
    let outbox = Outbox::spawn(
        OutboxConfig {
            store: store.path().to_path_buf(),
            policy: RetryPolicy {
                max_attempts: args.max_attempts.max(1),
                ..RetryPolicy::default()
            },
            timeouts: Timeouts {
                connect: timeout,
                response: timeout,
            },
            ..OutboxConfig::default()
        }
        .routed(routing),
    );
    match only {
        Some(id) => outbox.enqueue(id),
        None => outbox.enqueue_pending(),
    }
    let mut all_sent = true;
    let mut out = std::io::stdout().lock();
    for event in outbox.events().iter() {
        match event {
            OutboxEvent::Idle => break,
            OutboxEvent::Sending { .. } => {}
            OutboxEvent::Sent {
                id,
                status,
                location,
            } => writeln!(
                out,
                "sent      {id}  HTTP {status}{}",
                location
                    .map(|l| format!("  {}", clean_inline(&l)))
                    .unwrap_or_default()
            )?,
            OutboxEvent::Retrying {
                id,
                attempt,
                after,
                reason,
            } => writeln!(
                out,
                "retrying  {id}  attempt {attempt}: {reason}; again in {:.1}s",
                after.as_secs_f64()
            )?,
            OutboxEvent::Deferred { id, reason } => {
                all_sent = false;
                writeln!(out, "queued    {id}  {reason}")?
            }
            OutboxEvent::Failed { id, reason, .. } => {
                all_sent = false;
                writeln!(out, "failed    {id}  {reason}")?
            }
            OutboxEvent::NoEndpoint { id, mailto } => {
                all_sent = false;
                writeln!(
                    out,
                    "queued    {id}  no endpoint configured: the note stays saved locally \
                     (give --endpoint URL or LEDE_ENDPOINT)"
                )?;
                match mailto {
                    Some(link) => writeln!(
                        out,
                        "          the publisher takes corrections by e-mail: {link}"
                    )?,
                    None => {
                        if let Some(link) = mailto_without_address(&pending, id) {
                            writeln!(out, "          to send it by e-mail yourself: {link}")?
                        }
                    }
                }
                mail_hint(&mut out, id)?;
            }
            OutboxEvent::AwaitingMail { id, to, link } => {
                all_sent = false;
                let to = to.unwrap_or_else(|| "the publisher (address to fill in)".into());
                writeln!(out, "mail      {id}  send it by e-mail to {to}: {link}")?;
                mail_hint(&mut out, id)?;
            }
            OutboxEvent::StoreError { id, message } => {
                all_sent = false;
                let id = id.map(|i| i.to_string()).unwrap_or_default();
                writeln!(out, "error     {id}  {message}")?
            }
        }
        out.flush()?;
    }
    drop(out);
    outbox.shutdown();
    Ok(if all_sent {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// A `mailto:` link without an address, for a note whose publisher gave none.
fn mailto_without_address(pending: &[Note], id: Uuid) -> Option<String> {
    let n = pending.iter().find(|n| n.id == id)?;
    Some(crate::notes::mail::mailto_link(n, None))
}

fn mail_hint(out: &mut impl Write, id: Uuid) -> std::io::Result<()> {
    let short = crate::notes::model::short_id(&id);
    writeln!(
        out,
        "          (or `lede notes export --format eml {short}`; once sent: `lede notes mark-sent {short}`)"
    )
}
