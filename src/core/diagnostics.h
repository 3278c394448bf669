// Diagnostics: where bad input is reported (file, line or record, reason) without stopping a run.
#pragma once

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

namespace dyad {

// Collects warnings and rejections from every stage; thread-safe. A rejection means some input
// was not used (the exit status becomes 1); a warning means it was used with a repair.
class Diagnostics {
 public:
  explicit Diagnostics(FILE* sink = stderr) : sink_(sink) {}

  // `where` is "file", "file:line" or "file: record N"; `reason` says what was wrong.
  void Warn(std::string_view where, std::string_view reason);
  void Reject(std::string_view where, std::string_view reason);

  size_t warnings() const { return warnings_; }
  size_t rejected() const { return rejected_; }

  // Silences output (counts still kept); used by tests and the Python bindings.
  void set_sink(FILE* sink) { sink_ = sink; }
  // A callback-free hook: the last message, for tests.
  std::string last() const;

 private:
  void Emit(std::string_view level, std::string_view where, std::string_view reason);
  FILE* sink_;
  mutable std::mutex mu_;
  std::string last_;
  std::atomic<size_t> warnings_{0};
  std::atomic<size_t> rejected_{0};
};

}  // namespace dyad
