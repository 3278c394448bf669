#include "core/diagnostics.h"

namespace dyad {

void Diagnostics::Emit(std::string_view level, std::string_view where, std::string_view reason) {
  std::string msg = "dyad: ";
  msg += where;
  msg += ": ";
  msg += level;
  msg += ": ";
  msg += reason;
  std::lock_guard<std::mutex> lock(mu_);
  last_ = msg;
  if (sink_) {
    std::fputs(msg.c_str(), sink_);
    std::fputc('\n', sink_);
    std::fflush(sink_);
  }
}

void Diagnostics::Warn(std::string_view where, std::string_view reason) {
  ++warnings_;
  Emit("warning", where, reason);
}

void Diagnostics::Reject(std::string_view where, std::string_view reason) {
  ++rejected_;
  Emit("error", where, reason);
}

std::string Diagnostics::last() const {
  std::lock_guard<std::mutex> lock(mu_);
  return last_;
}

}  // namespace dyad
