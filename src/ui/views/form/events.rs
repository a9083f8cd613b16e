//! What the outbox reports (`Msg::Outbox`), shown in the status bar.

use super::short_path;
use crate::notes::{self, OutboxEvent};
use crate::ui::app::App;
use crate::ui::french;
use crate::ui::i18n::fill;
use uuid::Uuid;

/// Show one outbox event in the status bar; true when something changed.
pub fn on_outbox_event(app: &mut App, ev: OutboxEvent) -> bool {
    let w = app.article_words();
    let short = notes::model::short_id;
    let (text, error) = match &ev {
        OutboxEvent::Sent { id, status, .. } => {
            set_status_of(app, *id, notes::Status::Sent);
            let status = status.to_string();
            let values = [("id", short(id)), ("status", status)];
            (fill_owned(w.outbox_sent(), &values), false)
        }
        OutboxEvent::Retrying {
            id, after, reason, ..
        } => {
            let s = after.as_secs().max(1).to_string();
            let reason = french::reason(w, reason);
            let values = [("id", short(id)), ("reason", reason), ("s", s)];
            (fill_owned(w.outbox_retrying(), &values), false)
        }
        OutboxEvent::Deferred { id, reason } => {
            let values = [("id", short(id)), ("reason", french::reason(w, reason))];
            (fill_owned(w.outbox_deferred(), &values), false)
        }
        OutboxEvent::Failed { id, reason, .. } => {
            set_status_of(app, *id, notes::Status::Failed);
            let values = [("id", short(id)), ("reason", french::reason(w, reason))];
            (fill_owned(w.outbox_failed(), &values), true)
        }
        OutboxEvent::NoEndpoint { id, mailto } if app.views.report.saved_now.contains(id) => {
            // The save message already said the note stays local; keep
            // "saved" in view and add the publisher's address if any.
            let Some(m) = mailto else { return false };
            let address = m.split('?').next().unwrap_or(m).to_string();
            let report = &app.views.report;
            let file = report.path.as_deref().map(short_path).unwrap_or_default();
            let values = [("file", file), ("address", address)];
            (fill_owned(w.outbox_mailto(), &values), false)
        }
        OutboxEvent::StoreError { message, .. } => (french::reason(w, message), true),
        _ => return false,
    };
    app.set_status(&text, error);
    true
}

fn fill_owned(template: &str, values: &[(&str, String)]) -> String {
    let v: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(template, &v)
}

fn set_status_of(app: &mut App, id: Uuid, status: notes::Status) {
    for n in app.views.report.notes.iter_mut().filter(|n| n.id == id) {
        n.status = status;
    }
}
