// DashboardServer: serves the JSON API (EventApi) under /api/ and the built dashboard (static
// files of web/dist) everywhere else, over HTTP on one address.
#pragma once

#include <memory>
#include <string>

namespace dyad {

class EventApi;

struct ServerOptions {
  std::string host = "127.0.0.1";  // the address to bind; loopback unless told otherwise
  int port = 8080;                 // 0 picks a free port
  std::string web_dir;             // the built dashboard; "" or missing serves a hint page
  int threads = 64;                // connections served at once
  bool log = false;                // one line per request on stderr
};

class DashboardServer {
 public:
  DashboardServer(const EventApi& api, ServerOptions options);
  ~DashboardServer();
  DashboardServer(const DashboardServer&) = delete;
  DashboardServer& operator=(const DashboardServer&) = delete;

  // Binds the address. Returns false, with `error` set, when it cannot.
  bool Bind(std::string* error);
  // The bound port (after Bind).
  int port() const;
  // Whether the dashboard's files were found (else "/" explains how to build them).
  bool has_dashboard() const;
  // Serves requests until Stop() is called (from another thread).
  void Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
