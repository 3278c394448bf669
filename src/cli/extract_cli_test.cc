// End-to-end tests of `dyad extract` and of `dyad code` on web pages and web archives.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "core/test_util.h"

namespace dyad {
namespace {

using testing::Shell;
using testing::TempDir;

std::string Dyad() {
  return testing::DyadBinary();
}

// A news page as sites write them: the date in a meta tag (or none), furniture around.
std::string NewsPage(const std::string& date, const std::string& headline,
                     const std::string& sentence) {
  std::string meta = date.empty() ? ""
                                  : "<meta property=\"article:published_time\" content=\"" + date +
                                        "T09:00:00+00:00\">";
  return "<!DOCTYPE html><html lang=\"en\"><head><title>" + headline + " | Example News</title>" +
         meta + "<meta property=\"og:site_name\" content=\"Example News\"></head><body>" +
         "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>" + headline +
         "</h1><div class=\"article-body\"><p>" + sentence + "</p><p>Officials " +
         "gave no further details about the talks, which lasted several hours.</p></div>" +
         "</article><div class=\"newsletter\">Sign up for our newsletter.</div></body></html>";
}

std::string WarcResponse(const std::string& uri, const std::string& warc_date,
                         const std::string& html) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" +
         uri.substr(uri.size() - 3) + ">\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: " + warc_date +
         "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

TEST(ExtractCli, OnePageAsJson) {
  TempDir dir;
  auto f = dir.Write("page.html", NewsPage("2024-11-01", "Ministers meet",
                                           "Turkey's foreign minister met his Egyptian "
                                           "counterpart in Ankara on Tuesday."));
  auto r = Shell(Dyad() + " extract " + f);
  EXPECT_EQ(r.status, 0) << r.err;
  for (const char* field :
       {"\"file\":", "\"url\":", "\"title\":\"Ministers meet\"", "\"authors\":[]",
        "\"date\":\"2024-11-01\"", "\"site\":\"Example News\"", "\"language\":\"en\"",
        "\"text\":\"Turkey's foreign minister", "\"blocks\":[{\"type\":\"p\",\"text\":\"Turkey's",
        "\"start\":0,\"end\":"})
    EXPECT_NE(r.out.find(field), std::string::npos) << field << "\n" << r.out;
  EXPECT_EQ(r.out.find("newsletter"), std::string::npos);
  EXPECT_EQ(r.out.find("Home"), std::string::npos);
  EXPECT_EQ(Count(r.out, "\n"), 1u);
}

TEST(ExtractCli, GzipStdinDirectoriesAndJsonl) {
  TempDir dir;
  dir.Write("site/a.html.gz", testing::Gzip(NewsPage("2024-01-02", "One", "The first story.")));
  dir.Write("site/b.html", NewsPage("2024-01-03", "Two", "The second story."));
  auto r = Shell(Dyad() + " extract --jsonl " + dir.path() + "/site");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Count(r.out, "\n"), 2u) << r.out;
  EXPECT_NE(r.out.find("\"date\":\"2024-01-02\""), std::string::npos);
  EXPECT_NE(r.out.find("\"date\":\"2024-01-03\""), std::string::npos);
  auto s = Shell(Dyad() + " extract - < " + dir.path() + "/site/b.html");
  EXPECT_NE(s.out.find("The second story."), std::string::npos) << s.out << s.err;
  // JSONL with an html field.
  auto j = dir.Write("pages.jsonl",
                     "{\"id\":\"p1\",\"url\":\"https://x.example/2023/05/06/a\",\"html\":"
                     "\"<p>Rebels attacked a convoy near the border, officials said.</p>\"}\n");
  auto t = Shell(Dyad() + " extract " + j);
  EXPECT_NE(t.out.find("\"date\":\"2023-05-06\""), std::string::npos) << t.out;  // from the URL
  EXPECT_NE(t.out.find("Rebels attacked"), std::string::npos);
}

TEST(ExtractCli, CodeReadsAWarcAndDatesEventsByTheirPages) {
  TempDir dir;
  // Three news pages: two state their dates, the third states none and takes the capture date.
  std::string warc =
      testing::Gzip(
          WarcResponse("http://news.example/world/a01", "2024-11-05T12:00:00Z",
                       NewsPage("2024-11-01", "Talks in Ankara",
                                "Turkey's foreign minister met his Egyptian counterpart in "
                                "Ankara on Tuesday."))) +
      testing::Gzip(WarcResponse("http://news.example/world/b02", "2024-11-05T12:00:00Z",
                                 NewsPage("2023-06-15", "Talks in Cairo",
                                          "Egypt's foreign minister met his Turkish counterpart in "
                                          "Cairo."))) +
      testing::Gzip("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nbroken") +
      testing::Gzip(
          WarcResponse("http://news.example/world/c03", "2022-02-02T08:00:00Z",
                       NewsPage("", "Talks in Athens",
                                "Greece's foreign minister met his Turkish counterpart in "
                                "Athens.")));
  auto f = dir.Write("crawl.warc.gz", warc);
  auto r = Shell(Dyad() + " code " + f);
  EXPECT_EQ(r.status, 1) << r.err;  // one record rejected, the rest coded
  EXPECT_NE(r.err.find("crawl.warc.gz: record at byte"), std::string::npos) << r.err;
  auto line_of = [&](const std::string& doc) {
    size_t p = r.out.find("\"doc_id\":\"" + doc + "\"");
    if (p == std::string::npos) return std::string();
    size_t b = r.out.rfind('\n', p);
    b = b == std::string::npos ? 0 : b + 1;
    return r.out.substr(b, r.out.find('\n', p) - b);
  };
  std::string a = line_of("urn:uuid:a01"), b = line_of("urn:uuid:b02"), c = line_of("urn:uuid:c03");
  ASSERT_FALSE(a.empty()) << r.out << r.err;
  ASSERT_FALSE(b.empty()) << r.out;
  ASSERT_FALSE(c.empty()) << r.out;
  // "on Tuesday" is read against the page's own date (Friday 2024-11-01), not the capture's.
  EXPECT_NE(a.find("\"date\":\"2024-10-29\",\"date_source\":\"text\""), std::string::npos) << a;
  EXPECT_NE(b.find("\"date\":\"2023-06-15\""), std::string::npos) << b;
  EXPECT_NE(c.find("\"date\":\"2022-02-02\""), std::string::npos) << c;
  EXPECT_NE(a.find("TURGOV"), std::string::npos) << a;
  // The page text, not the navigation or the newsletter box, was coded.
  EXPECT_EQ(r.out.find("newsletter"), std::string::npos);
}

}  // namespace
}  // namespace dyad
