// EventApi: the dashboard's JSON API over an event database (events with filters and pages,
// grouped events, time series, counts, the dyad network, full-text search, one document with
// all its annotations). Transport-free: a path and query parameters in, a status and JSON out.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace dyad {

// Query parameters, one value per name.
using ApiParams = std::map<std::string, std::string, std::less<>>;

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON; on errors {"error": "...", "status": N}
};

class EventApi {
 public:
  // The largest page any endpoint returns, and the default.
  static constexpr int kMaxPageSize = 500;
  static constexpr int kDefaultPageSize = 50;

  // Opens the database at `path` (which must exist, and is migrated when older) for reading.
  static std::unique_ptr<EventApi> Open(const std::string& path, std::string* error);
  ~EventApi();
  EventApi(const EventApi&) = delete;
  EventApi& operator=(const EventApi&) = delete;

  // Answers GET `path` (which starts with "/api/") with `params`. Thread-safe: each call
  // uses a read-only connection of its own from a pool.
  ApiResponse Handle(std::string_view path, const ApiParams& params) const;

  // A JSON error body: {"error": message, "status": status}.
  static ApiResponse Error(int status, std::string_view message);

  struct Pool;  // connections and cached answers (event_api.cc)

 private:
  EventApi() = default;
  std::unique_ptr<Pool> pool_;
};

}  // namespace dyad
