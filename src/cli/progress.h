// ProgressBar: a one-line progress display on stderr for long runs (documents, events,
// documents/s, ETA when the total size is known); silent when stderr is not a terminal.
#pragma once

#include <chrono>
#include <cstdint>

namespace dyad {

class ProgressBar {
 public:
  // `total_bytes` 0 means unknown (no ETA). `enabled` false makes every call a no-op.
  ProgressBar(uint64_t total_bytes, bool enabled);
  // Redraws at most ten times a second.
  void Update(uint64_t documents, uint64_t events, uint64_t bytes_done);
  // Clears the line.
  void Finish();
  bool enabled() const { return enabled_; }

 private:
  uint64_t total_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace dyad
