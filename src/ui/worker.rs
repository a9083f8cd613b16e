//! Background analysis: one thread analyses the article the reader asks for
//! first, then its neighbours, and sends each result through a channel. The
//! first frame never waits for it.

use crate::article::Article;
use crate::extract::Analysis;
use std::collections::{HashSet, VecDeque};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// Neighbours analysed ahead of time on each side of the wanted article.
const PREFETCH: usize = 2;

pub struct Worker {
    requests: Sender<usize>,
    /// Each analysis, or `None` when the extractor failed on that article.
    pub results: Receiver<(usize, Option<Box<Analysis>>)>,
}

impl Worker {
    pub fn spawn(articles: Arc<Vec<Article>>) -> Worker {
        let (req_tx, req_rx) = mpsc::channel::<usize>();
        let (res_tx, res_rx) = mpsc::channel();
        std::thread::Builder::new()
            .name(THREAD_NAME.into())
            .spawn(move || run(&articles, &req_rx, &res_tx))
            .ok();
        Worker {
            requests: req_tx,
            results: res_rx,
        }
    }

    /// Ask for article `i` (it jumps the queue).
    pub fn want(&self, i: usize) {
        let _ = self.requests.send(i);
    }
}

/// The name of the analysis thread (its panics are reported in the status
/// bar, not by restoring the terminal).
pub const THREAD_NAME: &str = "lede-analysis";

type Results = Sender<(usize, Option<Box<Analysis>>)>;

fn run(articles: &[Article], requests: &Receiver<usize>, results: &Results) {
    let mut done: HashSet<usize> = HashSet::new();
    let mut queue: VecDeque<usize> = VecDeque::new();
    loop {
        // Newest requests first; block only when there is nothing queued.
        let first = if queue.is_empty() {
            match requests.recv() {
                Ok(i) => Some(i),
                Err(_) => return,
            }
        } else {
            match requests.recv_timeout(Duration::ZERO) {
                Ok(i) => Some(i),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        };
        if let Some(i) = first {
            let mut wanted = vec![i];
            wanted.extend(requests.try_iter());
            let latest = *wanted.last().unwrap_or(&i);
            for n in 1..=PREFETCH {
                if let Some(j) = latest.checked_sub(n) {
                    queue.push_front(j);
                }
                queue.push_front(latest + n);
            }
            queue.push_front(latest);
        }
        let Some(i) = queue.pop_front() else { continue };
        if i >= articles.len() || !done.insert(i) {
            continue;
        }
        let article = &articles[i];
        let analysis = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            crate::extract::extract(article)
        }))
        .ok()
        .map(Box::new);
        if results.send((i, analysis)).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wanted_article_comes_first_then_its_neighbours() {
        let articles: Vec<Article> = (0..6)
            .map(|i| {
                Article {
                    headline: format!("Titre {i}"),
                    paragraphs: vec!["Texte.".into()],
                    ..Default::default()
                }
                .finish()
            })
            .collect();
        let w = Worker::spawn(Arc::new(articles));
        w.want(3);
        let got: Vec<usize> = w
            .results
            .iter()
            .take(5)
            .map(|(i, a)| {
                assert!(a.is_some());
                i
            })
            .collect();
        assert_eq!(got[0], 3);
        let mut rest = got[1..].to_vec();
        rest.sort();
        assert_eq!(rest, [1, 2, 4, 5]);
    }
}
