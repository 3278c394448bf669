#include "cli/progress.h"

#include <cstdio>
#include <string>

namespace dyad {

ProgressBar::ProgressBar(uint64_t total_bytes, bool enabled)
    : total_(total_bytes),
      enabled_(enabled),
      start_(std::chrono::steady_clock::now()),
      last_(start_ - std::chrono::seconds(1)) {}

void ProgressBar::Update(uint64_t documents, uint64_t events, uint64_t bytes_done) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double rate = secs > 0 ? documents / secs : 0.0;
  std::string line;
  char buf[160];
  if (total_ > 0) {
    double frac = std::min(1.0, static_cast<double>(bytes_done) / static_cast<double>(total_));
    int filled = static_cast<int>(frac * 24);
    line = "[" + std::string(filled, '#') + std::string(24 - filled, '.') + "] ";
    double eta = frac > 0 ? secs * (1 - frac) / frac : 0;
    std::snprintf(buf, sizeof buf, "%3.0f%% %llu docs  %llu events  %.0f docs/s  ETA %02d:%02d",
                  frac * 100, static_cast<unsigned long long>(documents),
                  static_cast<unsigned long long>(events), rate, static_cast<int>(eta) / 60,
                  static_cast<int>(eta) % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%llu docs  %llu events  %.0f docs/s",
                  static_cast<unsigned long long>(documents),
                  static_cast<unsigned long long>(events), rate);
  }
  line += buf;
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
}

void ProgressBar::Finish() {
  if (!enabled_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
}

}  // namespace dyad
