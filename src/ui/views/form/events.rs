//! What the outbox reports (`Msg::Outbox`), shown in the status bar.

use super::{lang_of, short_path};
use crate::notes::{self, OutboxEvent};
use crate::ui::app::App;
use uuid::Uuid;

/// Show one outbox event in the status bar; true when something changed.
pub fn on_outbox_event(app: &mut App, ev: OutboxEvent) -> bool {
    let fr = lang_of(app, app.views.reader.current).is_fr();
    {
        let short = notes::model::short_id;
        let (text, error) = match &ev {
            OutboxEvent::Sent { id, status, .. } => {
                set_status_of(app, *id, notes::Status::Sent);
                if fr {
                    (
                        format!("Note {} envoyée (HTTP {status}).", short(id)),
                        false,
                    )
                } else {
                    (format!("Note {} sent (HTTP {status}).", short(id)), false)
                }
            }
            OutboxEvent::Retrying {
                id, after, reason, ..
            } => {
                let s = after.as_secs().max(1);
                if fr {
                    (
                        format!(
                            "Note {} : envoi échoué ({reason}), nouvel essai dans {s} s.",
                            short(id)
                        ),
                        false,
                    )
                } else {
                    (
                        format!(
                            "Note {}: sending failed ({reason}), retrying in {s} s.",
                            short(id)
                        ),
                        false,
                    )
                }
            }
            OutboxEvent::Deferred { id, reason } => {
                if fr {
                    (
                        format!(
                            "Note {} en attente : {reason}. Elle partira au prochain lancement.",
                            short(id)
                        ),
                        false,
                    )
                } else {
                    (
                        format!(
                            "Note {} still queued: {reason}. It will be retried at the next start.",
                            short(id)
                        ),
                        false,
                    )
                }
            }
            OutboxEvent::Failed { id, reason, .. } => {
                set_status_of(app, *id, notes::Status::Failed);
                if fr {
                    (
                        format!("Note {} refusée par le serveur : {reason}", short(id)),
                        true,
                    )
                } else {
                    (
                        format!("Note {} refused by the server: {reason}", short(id)),
                        true,
                    )
                }
            }
            OutboxEvent::NoEndpoint { id, mailto } if app.views.report.saved_now.contains(id) => {
                // The save message already said the note stays local; keep
                // "saved" in view and add the publisher's address if any.
                let Some(m) = mailto else { return false };
                let address = m.split('?').next().unwrap_or(m);
                let file = app
                    .views
                    .report
                    .path
                    .as_deref()
                    .map(short_path)
                    .unwrap_or_default();
                let t = if fr {
                    format!(
                        "Note enregistrée ({file}). Le journal reçoit les corrections à {address}."
                    )
                } else {
                    format!("Note saved ({file}). The publisher takes corrections at {address}.")
                };
                (t, false)
            }
            OutboxEvent::StoreError { message, .. } => (message.clone(), true),
            _ => return false,
        };
        app.set_status(&text, error);
        true
    }
}

fn set_status_of(app: &mut App, id: Uuid, status: notes::Status) {
    for n in app.views.report.notes.iter_mut().filter(|n| n.id == id) {
        n.status = status;
    }
}
