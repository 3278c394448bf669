// Tests of the HTTP front: the API and the dashboard's files on one loopback port, JSON errors,
// read-only methods, no way out of the web directory, and a clean stop.
#include "server/http_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "core/test_util.h"
#include "server/event_api.h"
#include "store/event_store.h"

namespace dyad {
namespace {

struct Reply {
  int status = 0;
  std::string head, body;
};

// Sends one raw HTTP/1.1 request to 127.0.0.1:port and reads the reply to the end.
Reply Send(int port, const std::string& request) {
  Reply r;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return r;
  }
  (void)!write(fd, request.data(), request.size());
  std::string all;
  char buf[8192];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) all.append(buf, static_cast<size_t>(n));
  close(fd);
  const size_t split = all.find("\r\n\r\n");
  r.head = all.substr(0, split);
  r.body = split == std::string::npos ? "" : all.substr(split + 4);
  if (all.size() > 12) r.status = std::atoi(all.c_str() + 9);
  return r;
}

Reply Get(int port, const std::string& target) {
  return Send(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string err;
    {
      auto store = EventStore::Open(dir_.path() + "/s.db", false, &err);
      ASSERT_TRUE(store) << err;
    }
    web_ = dir_.path() + "/web";
    dir_.Write("web/index.html", "<!doctype html><title>dyad dashboard</title>");
    dir_.Write("web/assets/app.js", "console.log('dyad')");
    dir_.Write("secret.txt", "not for the web");
    api_ = EventApi::Open(dir_.path() + "/s.db", &err);
    ASSERT_TRUE(api_) << err;
    ServerOptions o;
    o.port = 0;
    o.web_dir = web_;
    o.threads = 4;
    server_ = std::make_unique<DashboardServer>(*api_, o);
    ASSERT_TRUE(server_->Bind(&err)) << err;
    thread_ = std::thread([this] { server_->Run(); });
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  int port() const { return server_->port(); }

  testing::TempDir dir_;
  std::string web_;
  std::unique_ptr<EventApi> api_;
  std::unique_ptr<DashboardServer> server_;
  std::thread thread_;
};

TEST_F(ServerTest, ServesTheApiAndTheDashboard) {
  Reply api = Get(port(), "/api/summary");
  EXPECT_EQ(api.status, 200) << api.head;
  EXPECT_NE(api.head.find("application/json"), std::string::npos);
  EXPECT_NE(api.head.find("X-Content-Type-Options: nosniff"), std::string::npos);
  EXPECT_NE(api.body.find("\"documents\":0"), std::string::npos) << api.body;
  Reply page = Get(port(), "/");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("dyad dashboard"), std::string::npos);
  EXPECT_NE(page.head.find("Content-Security-Policy"), std::string::npos);
  Reply js = Get(port(), "/assets/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_NE(js.head.find("immutable"), std::string::npos);
}

TEST_F(ServerTest, ErrorsAreJsonUnderApi) {
  Reply missing = Get(port(), "/api/nope?x=1");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body.rfind("{\"error\":", 0), 0u) << missing.body;
  Reply bad = Get(port(), "/api/events?country=%27%20OR%201%3D1--");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body.rfind("{\"error\":", 0), 0u) << bad.body;
  Reply post = Send(port(),
                    "POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: "
                    "close\r\n\r\n{}");
  EXPECT_EQ(post.status, 405);
  EXPECT_NE(post.head.find("Allow: GET"), std::string::npos);
  Reply del =
      Send(port(), "DELETE /api/documents/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(del.status, 405);
}

TEST_F(ServerTest, NoWayOutOfTheWebDirectory) {
  for (const char* target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt", "/..%2fsecret.txt"}) {
    Reply r = Get(port(), target);
    EXPECT_NE(r.status, 200) << target;
    EXPECT_EQ(r.body.find("not for the web"), std::string::npos) << target;
  }
  EXPECT_EQ(Get(port(), "/nothing-here.html").status, 404);
}

TEST(DashboardServer, WithoutABuiltDashboardExplainsHowToBuildIt) {
  testing::TempDir dir;
  std::string err;
  { ASSERT_TRUE(EventStore::Open(dir.path() + "/s.db", false, &err)); }
  auto api = EventApi::Open(dir.path() + "/s.db", &err);
  ASSERT_TRUE(api) << err;
  ServerOptions o;
  o.port = 0;
  o.web_dir = dir.path() + "/missing";
  DashboardServer server(*api, o);
  ASSERT_TRUE(server.Bind(&err)) << err;
  EXPECT_FALSE(server.has_dashboard());
  std::thread t([&] { server.Run(); });
  Reply r = Get(server.port(), "/");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("make build"), std::string::npos);
  server.Stop();
  t.join();
}

}  // namespace
}  // namespace dyad
