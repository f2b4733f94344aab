//! Checking many items on every core, and handing the results on in the items' order.
//!
//! The items (the files of a tree) are produced on a thread of their own into a bounded queue.
//! Workers take them in chunks whose length follows the queue's: long chunks while the
//! producer is far ahead, single items at the end, so that no worker is left with a long tail.
//! Every sleep and wake-up is a futex call and, on a loaded machine, a context switch. They are
//! kept to one per chunk: the producer sleeps until the queue has drained to half, not until
//! there is room for one more item, and nobody is woken who is not asleep.

use std::collections::{BTreeMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError, mpsc};

/// Gives the items to check, in order, to the function it is passed.
pub(crate) type Producer<'a, T> = Box<dyn FnOnce(&mut dyn FnMut(T)) + Send + 'a>;

/// At most this many items are checked on the calling thread, without starting workers.
const SEQUENTIAL: usize = 16;
/// The producer waits when this many items wait for a worker, so that a tree's files are not
/// all listed in memory ahead of the checking, and is woken when half of them are taken.
const HIGH: usize = 1024;
/// The longest chunk a worker takes. A chunk's results reach the printing thread together:
/// one wake-up per chunk.
const MAX_CHUNK: usize = 256;
/// The producer hands its items over this many at a time (one lock, not one per item).
const HANDOVER: usize = 16;

/// Run `work` on every item that `produce` gives, on as many threads as there are cores, and
/// hand the results to `sink` in the items' order, each as soon as it and those before it are
/// done. `expected` is the number of items when it is known beforehand. Only the results that
/// wait for an earlier one are held. Setting `stop` ends the work early: the items not yet
/// taken are dropped, and `sink` may still receive the results already computed.
pub(crate) fn in_order<T: Send, R: Send>(
    expected: Option<usize>,
    produce: Producer<'_, T>,
    stop: &AtomicBool,
    work: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(R),
) {
    if expected.is_some_and(|n| n <= SEQUENTIAL) {
        produce(&mut |item| {
            if !stop.load(Ordering::Relaxed) {
                sink(work(&item));
            }
        });
        return;
    }
    let queue = Queue::new();
    let (tx, rx) = mpsc::channel::<(usize, Vec<R>)>();
    std::thread::scope(|scope| {
        let queue = &queue;
        scope.spawn(move || {
            let mut pending = Vec::with_capacity(HANDOVER);
            produce(&mut |item| {
                if stop.load(Ordering::Relaxed) {
                    return;
                }
                pending.push(item);
                if pending.len() == HANDOVER {
                    queue.push(&mut pending, stop);
                }
            });
            queue.push(&mut pending, stop);
            queue.finish();
        });
        // A tree of a few files is checked here, without starting workers (asking for the
        // number of cores alone reads cgroup files).
        if let Some(items) = queue.all_if_few(SEQUENTIAL) {
            for item in items {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                sink(work(&item));
            }
            return;
        }
        let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        for _ in 0..workers {
            let (tx, work) = (tx.clone(), &work);
            scope.spawn(move || {
                while let Some((start, chunk)) = queue.take(workers, stop) {
                    let _ = tx.send((start, chunk.iter().map(work).collect()));
                }
            });
        }
        drop(tx);
        let mut waiting = BTreeMap::new();
        let mut due = 0;
        for (start, results) in rx {
            waiting.insert(start, results);
            while let Some(results) = waiting.remove(&due) {
                due += results.len();
                results.into_iter().for_each(&mut sink);
            }
        }
    });
}

/// The items waiting for a worker.
struct Queue<T> {
    state: Mutex<State<T>>,
    /// Workers (and, at the start, the calling thread) wait here for items.
    items: Condvar,
    /// The producer waits here for the queue to drain.
    room: Condvar,
}

struct State<T> {
    waiting: VecDeque<T>,
    /// The index of the first waiting item among all the items produced.
    next: usize,
    /// Every item has been produced.
    done: bool,
    /// Threads asleep on `items`.
    idle: usize,
    /// The producer is asleep on `room`.
    full: bool,
}

impl<T> Queue<T> {
    fn new() -> Self {
        Queue {
            state: Mutex::new(State {
                waiting: VecDeque::new(),
                next: 0,
                done: false,
                idle: 0,
                full: false,
            }),
            items: Condvar::new(),
            room: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<T>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Add `items` (emptied) at the end, first waiting while the queue is full.
    fn push(&self, items: &mut Vec<T>, stop: &AtomicBool) {
        let mut state = self.lock();
        while state.waiting.len() >= HIGH && !stop.load(Ordering::Relaxed) {
            state.full = true;
            state = self
                .room
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        if stop.load(Ordering::Relaxed) {
            items.clear();
            return;
        }
        state.waiting.extend(items.drain(..));
        self.wake_takers(&state);
    }

    /// Every item has been produced.
    fn finish(&self) {
        let mut state = self.lock();
        state.done = true;
        self.wake_takers(&state);
    }

    /// Every item, when the producer is done after at most `few`; `None` (and the items left
    /// in the queue) once there are more.
    fn all_if_few(&self, few: usize) -> Option<Vec<T>> {
        let mut state = self.lock();
        while !state.done && state.waiting.len() <= few {
            state = self.sleep(state);
        }
        (state.done && state.waiting.len() <= few).then(|| state.waiting.drain(..).collect())
    }

    /// The next chunk for one of `workers` threads, with the index of its first item; `None`
    /// once every item has been taken, or when `stop` is set (the items left are dropped).
    fn take(&self, workers: usize, stop: &AtomicBool) -> Option<(usize, Vec<T>)> {
        let mut state = self.lock();
        loop {
            if stop.load(Ordering::Relaxed) {
                // The producer may be asleep on a full queue: it wakes, sees the stop, and
                // ends.
                state.waiting.clear();
                self.wake_producer(&mut state);
                return None;
            }
            if !state.waiting.is_empty() {
                break;
            }
            if state.done {
                return None;
            }
            state = self.sleep(state);
        }
        // Half of what waits is shared among the workers: chunks shrink as the queue drains.
        let n = (state.waiting.len() / (2 * workers)).clamp(1, MAX_CHUNK);
        let start = state.next;
        state.next += n;
        let chunk = state.waiting.drain(..n).collect();
        if state.waiting.len() <= HIGH / 2 {
            self.wake_producer(&mut state);
        }
        Some((start, chunk))
    }

    fn sleep<'a>(&self, mut state: MutexGuard<'a, State<T>>) -> MutexGuard<'a, State<T>> {
        state.idle += 1;
        let mut state = self
            .items
            .wait(state)
            .unwrap_or_else(PoisonError::into_inner);
        state.idle -= 1;
        state
    }

    fn wake_takers(&self, state: &State<T>) {
        if state.idle > 0 {
            self.items.notify_all();
        }
    }

    fn wake_producer(&self, state: &mut State<T>) {
        if state.full {
            state.full = false;
            self.room.notify_one();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicBool;

    use super::{HIGH, MAX_CHUNK, Queue, in_order};

    #[test]
    fn stopping_ends_the_work_even_when_the_producer_is_far_ahead() {
        for known in [true, false] {
            let stop = AtomicBool::new(false);
            let mut seen = 0;
            let n = 100_000;
            in_order(
                known.then_some(n),
                Box::new(move |emit| (0..n).for_each(emit)),
                &stop,
                |i| *i,
                |_| {
                    seen += 1;
                    if seen == 10 {
                        stop.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                },
            );
            assert!(seen < n, "stopped early, count known: {known}");
        }
    }

    #[test]
    fn results_come_in_the_items_order_whatever_their_number() {
        for n in [0, 1, 16, 17, 31, 32, 33, 100, 1_000, 20_000] {
            let items: Vec<usize> = (0..n).collect();
            let expected: Vec<usize> = items.iter().map(|i| i * 2).collect();
            for known in [Some(n), None] {
                let mut seen = Vec::new();
                let given = items.clone();
                in_order(
                    known,
                    Box::new(move |emit| given.into_iter().for_each(emit)),
                    &AtomicBool::new(false),
                    |i| i * 2,
                    |r| seen.push(r),
                );
                assert_eq!(
                    seen,
                    expected,
                    "{n} items, count known: {}",
                    known.is_some()
                );
            }
        }
    }

    #[test]
    fn chunks_follow_the_queue_down_to_single_items() {
        let queue = Queue::new();
        let stop = AtomicBool::new(false);
        let n = HIGH - 24;
        queue.push(&mut (0..n).collect(), &stop);
        queue.finish();
        let mut lengths = Vec::new();
        let mut next = 0;
        while let Some((start, chunk)) = queue.take(2, &stop) {
            assert_eq!(start, next, "chunks are taken in order");
            assert_eq!(chunk, (start..start + chunk.len()).collect::<Vec<_>>());
            next += chunk.len();
            lengths.push(chunk.len());
        }
        assert_eq!(next, n, "every item is taken once");
        assert_eq!(
            lengths[0],
            MAX_CHUNK.min(n / 4),
            "a quarter of the queue for two workers"
        );
        assert!(lengths.windows(2).all(|w| w[0] >= w[1]), "{lengths:?}");
        assert_eq!(lengths[lengths.len() - 4..], [1, 1, 1, 1], "{lengths:?}");
    }

    #[test]
    fn a_stop_empties_the_queue_and_ends_every_taker() {
        let queue = Queue::new();
        let stop = AtomicBool::new(false);
        queue.push(&mut (0..100).collect(), &stop);
        assert!(queue.take(2, &stop).is_some());
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        assert!(queue.take(2, &stop).is_none());
        queue.push(&mut vec![100], &stop);
        assert!(
            queue.lock().waiting.is_empty(),
            "nothing is queued once stopped"
        );
    }
}
