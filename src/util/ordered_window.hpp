#pragma once
// Work done on several threads, handed on in the order it was given. `index` analyses
// files on worker threads for one writer; `ask` answers policies on worker threads for one
// printer. Both need the same two guarantees: what comes out is in input order, whatever
// order the workers finish in (reports and output are the same from run to run), and at
// most `window` items are in flight (memory is bounded by the window, not by the corpus).
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace policyq {

// Results put by workers, taken by one consumer in order. A worker may run at most
// `window` items ahead of the consumer; the item the consumer waits for is always inside
// the window, so no one waits for ever.
template <typename T>
class OrderedWindow {
public:
  explicit OrderedWindow(std::size_t window) : slots_(window) {}

  // Waits until item i fits in the window. False when the consumer stopped.
  bool wait_for_room(std::size_t i) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return stopped_ || i < taken_ + slots_.size(); });
    return !stopped_;
  }
  void put(std::size_t i, T item) {
    std::lock_guard lock(mutex_);
    slots_[i % slots_.size()] = std::move(item);
    ready_.notify_one();
  }
  // Item taken_ (the next in order), waiting for it.
  T take() {
    std::unique_lock lock(mutex_);
    std::optional<T>& slot = slots_[taken_ % slots_.size()];
    ready_.wait(lock, [&] { return slot.has_value(); });
    T item = std::move(*slot);
    slot.reset();
    ++taken_;
    room_.notify_all();
    return item;
  }
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    room_.notify_all();
  }

private:
  std::mutex mutex_;
  std::condition_variable room_, ready_;
  std::vector<std::optional<T>> slots_;
  std::size_t taken_ = 0;
  bool stopped_ = false;
};

// Threads to work with: one per core (or as asked), never more than there are items.
inline unsigned worker_threads(unsigned asked, std::size_t items) {
  unsigned n = asked ? asked : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(n, items)));
}

// Reads items with next() on the calling thread, runs work() on each on `jobs` worker
// threads, and hands the results to consume() on the calling thread in the order next()
// gave them. At most 2 × jobs items are read and not yet consumed. An exception from
// next() is thrown after the items read before it are consumed (as one thread would);
// one from work() or consume() stops the workers and is thrown at that item. With one
// job, everything runs on the calling thread, one item after the other.
template <typename In, typename Out>
void map_in_order(unsigned jobs, const std::function<std::optional<In>()>& next,
                  const std::function<Out(In&)>& work, const std::function<void(Out&)>& consume) {
  if (jobs <= 1) {
    while (std::optional<In> item = next()) {
      Out out = work(*item);
      consume(out);
    }
    return;
  }
  struct Done {
    std::optional<Out> out;
    std::exception_ptr error;
  };
  const std::size_t window = 2 * static_cast<std::size_t>(jobs);
  OrderedWindow<Done> results(window);
  std::mutex mutex;
  std::condition_variable queued;
  std::deque<std::pair<std::size_t, In>> queue;
  bool closed = false;

  auto worker = [&] {
    for (;;) {
      std::pair<std::size_t, In> job;
      {
        std::unique_lock lock(mutex);
        queued.wait(lock, [&] { return closed || !queue.empty(); });
        if (queue.empty()) return;
        job = std::move(queue.front());
        queue.pop_front();
      }
      Done done;
      try {
        done.out = work(job.second);
      } catch (...) {
        done.error = std::current_exception();
      }
      results.put(job.first, std::move(done));
    }
  };
  auto close = [&] {
    {
      std::lock_guard lock(mutex);
      closed = true;
      queue.clear();
    }
    queued.notify_all();
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);

  std::size_t read = 0, consumed = 0;
  bool ended = false;
  std::exception_ptr read_error;
  try {
    for (;;) {
      // Keep the window full (reading here while the workers answer), then hand on the
      // next result in order.
      while (!ended && read - consumed < window) {
        std::optional<In> item;
        try {
          item = next();
        } catch (...) {
          read_error = std::current_exception();
        }
        if (!item) {
          ended = true;
          break;
        }
        {
          std::lock_guard lock(mutex);
          queue.emplace_back(read++, std::move(*item));
        }
        queued.notify_one();
      }
      if (consumed == read) break;
      Done done = results.take();
      ++consumed;
      if (done.error) std::rethrow_exception(done.error);
      consume(*done.out);
    }
  } catch (...) {
    close();
    results.stop();
    for (std::thread& t : threads) t.join();
    throw;
  }
  close();
  for (std::thread& t : threads) t.join();
  if (read_error) std::rethrow_exception(read_error);
}

}  // namespace policyq
