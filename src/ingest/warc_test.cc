#include "ingest/warc.h"

#include <gtest/gtest.h>

#include <cstring>

#include "core/test_util.h"
#include "ingest/reader.h"

namespace dyad {
namespace {

std::string Record(const std::string& type, const std::string& uri, const std::string& date,
                   const std::string& block, const std::string& content_type) {
  return "WARC/1.1\r\nWARC-Type: " + type +
         "\r\nWARC-Record-ID: <urn:uuid:" + uri.substr(uri.size() - 4) +
         ">\r\nWARC-Target-URI: " + uri + "\r\nWARC-Date: " + date +
         "\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string Response(const std::string& uri, const std::string& date, const std::string& body,
                     const std::string& headers = "Content-Type: text/html; charset=utf-8\r\n") {
  std::string http = "HTTP/1.1 200 OK\r\n" + headers + "\r\n" + body;
  return Record("response", uri, date, http, "application/http; msgtype=response");
}

std::string Page(const std::string& date, const std::string& sentence) {
  return "<html><head><meta property=\"article:published_time\" content=\"" + date +
         "T08:00:00Z\"><title>News</title></head><body><article><h1>News</h1><p>" + sentence +
         "</p></article></body></html>";
}

std::vector<WarcRecord> ReadAll(const std::string& bytes, std::vector<std::string>* errors,
                                size_t max = 1 << 20) {
  size_t pos = 0;
  WarcReader r(
      [&](char* b, size_t n) -> long {
        size_t k = std::min(n, bytes.size() - pos);
        std::memcpy(b, bytes.data() + pos, k);
        pos += k;
        return static_cast<long>(k);
      },
      max);
  std::vector<WarcRecord> out;
  WarcRecord rec;
  std::string err;
  while (true) {
    auto st = r.Next(&rec, &err);
    if (st == WarcReader::Status::kEnd) break;
    if (st == WarcReader::Status::kBroken)
      errors->push_back(err);
    else
      out.push_back(rec);
  }
  return out;
}

TEST(Warc, PlainRecordsAndHttpBodies) {
  std::string body = "<p>hello</p>";
  std::string chunked = "5\r\n<p>he\r\n7\r\nllo</p>\r\n0\r\n\r\n";
  std::string w = Record("warcinfo", "urn:x:info", "2024-01-01T00:00:00Z", "software: test",
                         "application/warc-fields") +
                  Response("http://a.example/one", "2024-11-02T10:00:00Z", body) +
                  Response("http://a.example/two", "2024-11-02T10:00:00Z", chunked,
                           "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n") +
                  Response("http://a.example/tri", "2024-11-02T10:00:00Z", testing::Gzip(body),
                           "Content-Type: text/html\r\nContent-Encoding: gzip\r\n");
  std::vector<std::string> errors;
  auto recs = ReadAll(w, &errors);
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(recs[0].type, "warcinfo");
  EXPECT_EQ(recs[1].type, "response");
  EXPECT_EQ(recs[1].target_uri, "http://a.example/one");
  EXPECT_EQ(recs[1].record_id, "urn:uuid:/one");
  EXPECT_EQ(recs[1].http_status, 200);
  EXPECT_EQ(recs[1].http_content_type, "text/html; charset=utf-8");
  EXPECT_EQ(recs[1].payload, body);
  EXPECT_EQ(recs[2].payload, body);  // de-chunked
  EXPECT_EQ(recs[3].payload, body);  // gunzipped
  // The same, one gzip member per record.
  std::string gz;
  for (size_t at = 0; at < w.size();) {
    size_t next = w.find("WARC/1.1", at + 1);
    if (next == std::string::npos) next = w.size();
    gz += testing::Gzip(w.substr(at, next - at));
    at = next;
  }
  errors.clear();
  auto grecs = ReadAll(gz, &errors);
  ASSERT_EQ(grecs.size(), 4u);
  EXPECT_EQ(grecs[3].payload, body);
  EXPECT_GT(grecs[2].offset, 0u);
}

// Records that cross the reader's 64 KiB reads, where the buffer moves its unread bytes to
// the front while a body is read: each payload must still be its own (a stale offset once
// handed out the wrong bytes, or read past the buffer).
TEST(Warc, RecordsAcrossReadBoundaries) {
  std::string file;
  std::vector<std::string> bodies;
  for (int i = 0; i < 6; ++i) {
    bodies.push_back(std::string(25000 + 7919 * i, static_cast<char>('a' + i)));
    file += Response("http://a.example/" + std::to_string(i), "2024-01-01T00:00:00Z", bodies[i]);
  }
  std::vector<std::string> errors;
  auto recs = ReadAll(file, &errors);
  EXPECT_TRUE(errors.empty()) << errors[0];
  ASSERT_EQ(recs.size(), bodies.size());
  for (size_t i = 0; i < bodies.size(); ++i) EXPECT_EQ(recs[i].payload, bodies[i]) << i;
}

TEST(Warc, BrokenRecordsAmongGoodOnes) {
  std::string a = Response("http://a.example/good1", "2024-01-01T00:00:00Z", "<p>one</p>");
  std::string b = Response("http://a.example/good2", "2024-01-01T00:00:00Z", "<p>two</p>");
  std::string c = Response("http://a.example/good3", "2024-01-01T00:00:00Z", "<p>six</p>");
  std::string bad_length =
      "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12x\r\n\r\nzzz\r\n\r\n";
  std::string no_length = "WARC/1.0\r\nWARC-Type: response\r\n\r\nzzz\r\n\r\n";
  std::vector<std::string> errors;
  // Plain: garbage, bad headers and a truncated last record.
  auto recs = ReadAll(
      "garbage line\n" + a + bad_length + b + no_length + c + a.substr(0, a.size() / 2), &errors);
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[2].payload, "<p>six</p>");
  EXPECT_GE(errors.size(), 3u);
  // Gzip: a corrupt member, a truncated member and garbage between members.
  std::string ga = testing::Gzip(a), gb = testing::Gzip(b), gc = testing::Gzip(c);
  std::string corrupt = gb;
  for (size_t i = 12; i < corrupt.size() - 8; i += 3) corrupt[i] ^= 0x5A;
  errors.clear();
  recs = ReadAll(ga + corrupt + "junk junk" + gb + ga.substr(0, ga.size() / 2) + gc, &errors);
  std::vector<std::string> uris;
  for (auto& r : recs) uris.push_back(r.target_uri);
  EXPECT_EQ(uris, (std::vector<std::string>{"http://a.example/good1", "http://a.example/good2",
                                            "http://a.example/good3"}));
  EXPECT_GE(errors.size(), 2u);
  // A record over the size limit is skipped, the next one read.
  errors.clear();
  std::string big =
      Response("http://a.example/huge", "2024-01-01T00:00:00Z", std::string(5000, 'x'));
  recs = ReadAll(big + c, &errors, 1000);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].target_uri, "http://a.example/good3");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("too large"), std::string::npos);
}

TEST(Warc, DocumentReaderGivesOneDocumentPerHtmlResponse) {
  testing::TempDir dir;
  std::string w = Response("http://news.example/2024/a", "2024-11-02T10:00:00Z",
                           Page("2024-11-01", "Ministers met in Moscow.")) +
                  Record("request", "http://news.example/2024/a", "2024-11-02T10:00:00Z",
                         "GET /2024/a HTTP/1.1\r\n\r\n", "application/http; msgtype=request") +
                  Response("http://news.example/style.css", "2024-11-02T10:00:00Z", "p{}",
                           "Content-Type: text/css\r\n") +
                  Response("http://news.example/b", "2024-10-05T10:00:00Z",
                           "<html><body><p>Le pr\xE9sident a parl\xE9.</p></body></html>",
                           "Content-Type: text/html; charset=ISO-8859-1\r\n");
  std::string gz;
  for (size_t at = 0; at < w.size();) {
    size_t next = w.find("WARC/1.1", at + 1);
    if (next == std::string::npos) next = w.size();
    gz += testing::Gzip(w.substr(at, next - at));
    at = next;
  }
  auto path = dir.Write("crawl.warc.gz", gz);
  Diagnostics diag(nullptr);
  InputOptions opts;
  opts.default_date = "2000-01-01";
  DocumentReader reader({path, gz.size()}, opts, &diag);
  std::vector<Document> docs;
  Document d;
  while (reader.Next(&d)) docs.push_back(d);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(diag.rejected(), 0u);
  EXPECT_EQ(docs[0].id, "urn:uuid:24/a");
  EXPECT_EQ(docs[0].url, "http://news.example/2024/a");
  EXPECT_TRUE(docs[0].raw_is_html);
  EXPECT_EQ(docs[0].date, "");                     // the page's own date comes at extraction
  EXPECT_EQ(docs[0].fallback_date, "2024-11-02");  // else the capture date
  EXPECT_NE(docs[1].raw.find("pr\xC3\xA9sident"), std::string::npos);  // ISO-8859-1 -> UTF-8
}

}  // namespace
}  // namespace dyad
