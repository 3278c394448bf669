#include "server/http_server.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "server/event_api.h"

namespace dyad {

namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

constexpr const char* kNoDashboardPage =
    "<!doctype html><meta charset=utf-8><title>dyad</title>"
    "<body style=\"font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:4em auto\">"
    "<h1>dyad</h1><p>The dashboard has not been built. Run <code>make build</code> (it runs "
    "<code>npm ci</code> and <code>npm run build</code> in <code>web/</code>), or give "
    "<code>dyad serve --web DIR</code>.</p><p>The JSON API is here: "
    "<a href=\"/api/summary\">/api/summary</a>, <a href=\"/api/events\">/api/events</a>.</p>";

const char* StatusText(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 416:
      return "Range Not Satisfiable";
    case 500:
      return "Internal Server Error";
    default:
      return "Error";
  }
}

}  // namespace

struct DashboardServer::Impl {
  const EventApi& api;
  ServerOptions options;
  httplib::Server server;
  int port = 0;
  bool dashboard = false;
  Impl(const EventApi& a, ServerOptions o) : api(a), options(std::move(o)) {}
};

DashboardServer::DashboardServer(const EventApi& api, ServerOptions options)
    : impl_(std::make_unique<Impl>(api, std::move(options))) {
  Impl& im = *impl_;
  auto& svr = im.server;
  const int threads = std::max(2, im.options.threads);
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  svr.set_tcp_nodelay(true);  // small JSON replies go out at once, not after a delayed ACK
  svr.set_keep_alive_max_count(1000);
  svr.set_keep_alive_timeout(5);
  svr.set_read_timeout(10, 0);
  svr.set_write_timeout(10, 0);
  svr.set_payload_max_length(64 * 1024);  // the API takes no bodies

  std::error_code ec;
  const auto& dir = im.options.web_dir;
  im.dashboard = !dir.empty() && std::filesystem::is_regular_file(dir + "/index.html", ec);
  if (im.dashboard) svr.set_mount_point("/", dir);

  // The API answers before any file lookup; every method but GET and HEAD is refused.
  svr.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    const Impl& im = *impl_;
    if (req.path.rfind("/api/", 0) != 0 && req.path != "/api") {
      if (!im.dashboard && req.path == "/" && (req.method == "GET" || req.method == "HEAD")) {
        res.set_content(kNoDashboardPage, "text/html; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    }
    ApiResponse r;
    if (req.method != "GET" && req.method != "HEAD") {
      r = EventApi::Error(405, "the API is read-only: use GET");
      res.set_header("Allow", "GET, HEAD");
    } else {
      ApiParams params;
      for (const auto& [k, v] : req.params) params.emplace(k, v);  // first value wins
      r = im.api.Handle(req.path, params);
    }
    res.status = r.status;
    res.set_content(std::move(r.body), kJson);
    res.set_header("Cache-Control", "no-store");
    return httplib::Server::HandlerResponse::Handled;
  });

  // Errors that no handler answered (unknown files, bad requests) get a short body.
  svr.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        if (req.path.rfind("/api", 0) == 0) {
          res.set_content(EventApi::Error(res.status, StatusText(res.status)).body, kJson);
        } else {
          res.set_content(std::to_string(res.status) + " " + StatusText(res.status) + "\n",
                          "text/plain; charset=utf-8");
        }
        return httplib::Server::HandlerResponse::Handled;
      }));

  svr.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content(EventApi::Error(500, "internal error").body, kJson);
      });

  svr.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                   "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    if (req.path.rfind("/assets/", 0) == 0 && res.status == 200)
      res.set_header("Cache-Control", "public, max-age=31536000, immutable");
    else if (!res.has_header("Cache-Control"))
      res.set_header("Cache-Control", "no-cache");
    if (impl_->options.log)
      std::fprintf(stderr, "dyad serve: %s %s %d\n", req.method.c_str(), req.path.c_str(),
                   res.status);
  });
}

DashboardServer::~DashboardServer() = default;

bool DashboardServer::Bind(std::string* error) {
  Impl& im = *impl_;
  if (im.options.port == 0) {
    im.port = im.server.bind_to_any_port(im.options.host);
    if (im.port <= 0) {
      *error = "cannot bind " + im.options.host;
      return false;
    }
  } else {
    if (!im.server.bind_to_port(im.options.host, im.options.port)) {
      *error = "cannot bind " + im.options.host + ":" + std::to_string(im.options.port) +
               " (in use, or not an address of this machine)";
      return false;
    }
    im.port = im.options.port;
  }
  return true;
}

int DashboardServer::port() const {
  return impl_->port;
}
bool DashboardServer::has_dashboard() const {
  return impl_->dashboard;
}
void DashboardServer::Run() {
  impl_->server.listen_after_bind();
}
void DashboardServer::Stop() {
  // A stop that comes before Run() has started listening would be lost: wait for it briefly.
  for (int i = 0; i < 2000 && !impl_->server.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  impl_->server.stop();
}

}  // namespace dyad
