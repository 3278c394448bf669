// `dyad serve`: the JSON API and the dashboard over an event database, on one HTTP address.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "server/event_api.h"
#include "server/http_server.h"

namespace dyad {

namespace {

struct ServeArgs {
  std::string db = "dyad.db";
  ServerOptions server;
  std::string port_file;
};

// The built dashboard: --web, else $DYAD_WEB, else web/dist of the source tree.
std::string WebDir(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("DYAD_WEB"); env && *env) return env;
  return DYAD_WEB_DIR;
}

int RunServe(ServeArgs a) {
  std::string err;
  auto api = EventApi::Open(a.db, &err);
  if (!api) {
    std::fprintf(stderr, "dyad serve: cannot open %s: %s\n", a.db.c_str(), err.c_str());
    return 2;
  }
  a.server.web_dir = WebDir(a.server.web_dir);
  DashboardServer server(*api, a.server);

  // SIGINT and SIGTERM stop the server cleanly: every thread blocks them and one waits.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  if (!server.Bind(&err)) {
    std::fprintf(stderr, "dyad serve: %s\n", err.c_str());
    return 2;
  }
  const std::string url =
      "http://" +
      (a.server.host.find(':') != std::string::npos ? "[" + a.server.host + "]" : a.server.host) +
      ":" + std::to_string(server.port()) + "/";
  std::fprintf(stderr, "dyad: serving %s on %s%s\n", a.db.c_str(), url.c_str(),
               server.has_dashboard()
                   ? ""
                   : " (API only: dashboard not built, run make build or give --web DIR)");
  std::fprintf(stderr, "dyad: press Ctrl-C to stop\n");
  if (!a.port_file.empty()) {
    FILE* f = std::fopen(a.port_file.c_str(), "w");
    if (f) {
      std::fprintf(f, "%d\n", server.port());
      std::fclose(f);
    }
  }
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.Stop();
  });
  server.Run();
  // Run() returns after Stop(); wake the waiter if Run() ended on its own.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  std::fprintf(stderr, "dyad: stopped\n");
  return 0;
}

}  // namespace

std::function<int()> AddServeCommand(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  auto* cmd = app.add_subcommand(
      "serve", "Serve the dashboard and a JSON API over an event database (HTTP).");
  cmd->add_option("--db", args->db, "The database (default dyad.db)")->capture_default_str();
  cmd->add_option("--host", args->server.host,
                  "Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 opens "
                  "it to the network)")
      ->capture_default_str();
  cmd->add_option("-p,--port", args->server.port, "Port (0 picks a free one)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--web", args->server.web_dir,
                  "The built dashboard directory (default: $DYAD_WEB, else web/dist of the "
                  "source tree)");
  cmd->add_option("--threads", args->server.threads, "Connections served at once")
      ->capture_default_str()
      ->check(CLI::Range(2, 1024));
  cmd->add_option("--port-file", args->port_file,
                  "Write the bound port to FILE once listening (for scripts using --port 0)");
  cmd->add_flag("--log", args->server.log, "Log one line per request to stderr");
  cmd->footer(
      "API (GET, JSON): /api/summary, /api/events, /api/events/ID, /api/groups, "
      "/api/groups/ID, /api/timeseries, /api/counts?by=root|quad|country|plover|cameo|source|"
      "target, /api/network, /api/search?q=, /api/documents/ID. Filters: from, to, country, "
      "actor, source, target, root, cameo, quad, plover, q; pages: page, page_size (at most "
      "500).");
  return [args]() { return RunServe(*args); };
}

}  // namespace dyad
