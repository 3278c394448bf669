#include "extract/article_extractor.h"

#include <gtest/gtest.h>

#include "extract/html_dom.h"
#include "extract/page_metadata.h"

namespace dyad {
namespace {

TEST(Boilerplate, DropsAnAppealSectionAtTheEnd) {
  Document d;
  d.raw =
      "The defence ministers of two neighbouring states met on Monday to discuss border "
      "security.\n"
      "Both sides agreed to set up a joint patrol, officials said.\n"
      "A note to readers:\n"
      "Our newsroom depends on you. Independent reporting costs money, and we cannot do it "
      "alone.\n"
      "If you value our work, please consider a monthly contribution.\n"
      "Remind me later.\n";
  ArticleExtractor().Extract(&d);
  EXPECT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.text.find("newsroom"), std::string::npos);
  EXPECT_NE(d.text.find("joint patrol"), std::string::npos);
}

TEST(Boilerplate, KeepsNewsThatQuotesPeopleSayingWe) {
  Document d;
  d.raw =
      "\"We will defend our country,\" the president told lawmakers on Tuesday.\n"
      "Opposition leaders said they would vote against the budget.\n";
  ArticleExtractor().Extract(&d);
  EXPECT_EQ(d.blocks.size(), 2u);
}

TEST(Boilerplate, StandaloneFurnitureAnywhere) {
  BoilerplateFilter f;
  EXPECT_GE(f.Score("Sign up for our newsletter to get the best stories in your inbox."), 1.0);
  EXPECT_GE(f.Score("This website uses cookies to improve your experience."), 1.0);
  EXPECT_LT(f.Score("Rebels attacked a police station in the north, killing four."), 1.0);
  // A label line is furniture; a report about an advertisement is not.
  EXPECT_GE(f.Score("Advertisement"), 1.0);
  EXPECT_LT(f.Score("City Attorney Brad Holm said that the advertisement wrongfully suggests "
                    "that the city and its officers support the campaign."),
            1.0);
  // One cue in a long report that never talks to the reader is not enough.
  EXPECT_LT(f.Score("The senator thanked the farmers for their support at a rally on Friday and "
                    "said that the bill, which passed the committee last week with votes from "
                    "both parties, would raise prices for growers in the region by a fifth, a "
                    "figure disputed by the ministry. All rights reserved was printed on it."),
            1.0);
}

TEST(Paragraphs, BlankLinesOrLineBreaks) {
  auto a = SplitParagraphs("one\ntwo\nthree");
  EXPECT_EQ(a.size(), 3u);
  auto b = SplitParagraphs("one\nstill one\n\ntwo");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0], "one\nstill one");
}

// A page built the way news sites build them: navigation, a cookie banner, the article with
// a byline, sections, a list, a table and a pull quote, related links, a newsletter box,
// share buttons, comments and a footer.
const char* kNewsPage = R"(<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Ministers meet in Moscow | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="og:title" content="Ministers meet in Moscow">
<meta property="article:published_time" content="2024-11-01T09:30:00+03:00">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="/world/2024/11/01/ministers-meet">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Ministers meet in Moscow","datePublished":"2024-10-31T22:00:00Z",
 "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}]}</script>
<style>p { color: red }</style>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li></ul></nav></header>
<main><article>
<h1>Ministers meet in Moscow</h1>
<div class="byline">By Jane Doe and John Roe</div>
<time datetime="2024-11-01">1 November 2024</time>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<div class="article-body">
<p>North Korea's foreign minister met with her Russian counterpart in Moscow on Friday, the two
governments said, pledging closer ties as fighting continued in the Kursk region.</p>
<p>The meeting came days after reports that thousands of North Korean troops had been deployed
to Russia, a claim that Pyongyang has neither confirmed nor denied.</p>
<blockquote class="pullquote">"We will stand with our comrades until victory," the minister said.</blockquote>
<h2>Troops at the border</h2>
<p>Ukraine's president said on Thursday that the first North Korean units had already come under
fire, and he criticised his allies for what he called their inaction.</p>
<p>"We will stand with our comrades until victory," the minister said, according to a
transcript released by the foreign ministry late on Friday evening.</p>
<ul><li>Around 10,000 troops are said to be in Russia's Kursk region.</li>
<li>Seoul has summoned the Russian ambassador in protest.</li></ul>
<table><tr><th>Country</th><th>Troops</th></tr><tr><td>North Korea</td><td>10,000</td></tr></table>
<div class="related-articles"><h3>Related</h3><ul><li><a href="/a">Seoul protests deployment</a></li>
<li><a href="/b">Kremlin denies reports</a></li><li><a href="/c">What we know</a></li></ul></div>
<p>Analysts said the deployment marked a turning point in the relationship between the two
countries, which signed a mutual defence treaty in June.</p>
</div>
<div class="newsletter-signup"><p>Sign up for our newsletter to get the best stories in your inbox.</p></div>
</article>
<section id="comments"><h3>Comments</h3><div class="comment"><p>This is a long comment by a reader who
has a great deal to say about the whole affair, and says it at length, with commas, many commas.</p></div></section>
</main>
<aside class="sidebar"><h3>Most read</h3><ol><li><a href="/x">Something else entirely happened today</a></li></ol></aside>
<footer><p>&copy; 2024 The Daily Example. All rights reserved.</p></footer>
</body></html>)";

TEST(Html, KeepsTheWholeArticleAndNothingElse) {
  Article a = ArticleExtractor().ExtractHtml(kNewsPage, "https://daily.example/world/x");
  std::string text;
  for (const auto& b : a.blocks) text += "[" + b.type + "] " + b.text + "\n";
  for (const char* kept :
       {"met with her Russian counterpart", "Troops at the border", "come under fire",
        "Around 10,000 troops", "Seoul has summoned", "North Korea | 10,000", "turning point"})
    EXPECT_NE(text.find(kept), std::string::npos) << kept << "\n" << text;
  for (const char* dropped :
       {"Home", "cookies", "Share on", "Seoul protests deployment", "newsletter", "long comment",
        "Something else", "rights reserved", "By Jane Doe", "Related"})
    EXPECT_EQ(text.find(dropped), std::string::npos) << dropped << "\n" << text;
  // The headline is the title, not a block; the pull quote appears once.
  EXPECT_EQ(text.find("Ministers meet in Moscow"), std::string::npos) << text;
  size_t q = text.find("stand with our comrades");
  ASSERT_NE(q, std::string::npos);
  EXPECT_EQ(text.find("stand with our comrades", q + 1), std::string::npos) << text;
  // Block types.
  EXPECT_NE(text.find("[h] Troops at the border"), std::string::npos) << text;
  EXPECT_NE(text.find("[li] Around 10,000"), std::string::npos) << text;
  EXPECT_NE(text.find("[table] Country | Troops"), std::string::npos) << text;
}

TEST(Html, Metadata) {
  Article a = ArticleExtractor().ExtractHtml(kNewsPage, "https://daily.example/world/x");
  EXPECT_EQ(a.title, "Ministers meet in Moscow");
  ASSERT_EQ(a.authors.size(), 2u);
  EXPECT_EQ(a.authors[0], "Jane Doe");
  EXPECT_EQ(a.authors[1], "John Roe");
  // Meta tags are trusted over JSON-LD, which is trusted over <time>.
  EXPECT_EQ(a.date, "2024-11-01");
  EXPECT_EQ(a.date_source, "meta");
  EXPECT_EQ(a.site, "The Daily Example");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.canonical_url, "https://daily.example/world/2024/11/01/ministers-meet");
}

TEST(Html, DateSourcesInOrderOfTrust) {
  ArticleExtractor x;
  auto date = [&](const std::string& html, const std::string& url = "") {
    Article a = x.ExtractHtml(html, url);
    return a.date + "/" + a.date_source;
  };
  std::string body = "<body><h1>Talks</h1><p>Published on 3 March 2021. Ministers talked.</p>";
  EXPECT_EQ(date("<script type='application/ld+json'>{\"@type\":\"BlogPosting\","
                 "\"datePublished\":\"2022-02-02\"}</script>" +
                 body +
                 "<time datetime="
                 "'2023-03-03'>x</time>"),
            "2022-02-02/json-ld");
  EXPECT_EQ(date(body + "<time datetime='2023-03-03T10:00'>x</time>"), "2023-03-03/time");
  EXPECT_EQ(date(body, "https://x.example/2020/05/06/talks"), "2020-05-06/url");
  EXPECT_EQ(date(body), "2021-03-03/text");
  EXPECT_EQ(date("<p>No date here at all, just words.</p>"), "/");
}

TEST(Html, ParseDateSpellings) {
  EXPECT_EQ(ParseDate("2024-11-01T09:30:00+03:00"), "2024-11-01");
  EXPECT_EQ(ParseDate("Fri, 01 Nov 2024 10:00:00 GMT"), "2024-11-01");
  EXPECT_EQ(ParseDate("November 1, 2024"), "2024-11-01");
  EXPECT_EQ(ParseDate("1st Nov. 2024"), "2024-11-01");
  EXPECT_EQ(ParseDate("01.11.2024"), "2024-11-01");
  EXPECT_EQ(ParseDate("20241101"), "2024-11-01");
  EXPECT_EQ(ParseDate("2024-02-30"), "");
  EXPECT_EQ(ParseDate("Updated 5 mins ago, posted Sept 3 2019 by AP", true), "2019-09-03");
  EXPECT_EQ(ParseDate("version 3.10.2024a", true), "");
  EXPECT_EQ(DateFromUrl("https://x.example/news/2024/11/01/story.html"), "2024-11-01");
  EXPECT_EQ(DateFromUrl("https://x.example/2024-11-01-story"), "2024-11-01");
  EXPECT_EQ(DateFromUrl("https://x.example/id/12345678901"), "");
}

TEST(Html, TitleDropsTheSiteName) {
  Article a = ArticleExtractor().ExtractHtml(
      "<title>Budget passes after all-night session - The Example Post</title>"
      "<body><p>The parliament passed the budget on Tuesday after a long debate.</p>",
      "");
  EXPECT_EQ(a.title, "Budget passes after all-night session");
}

TEST(Html, HeadlineTextAsABrowserShowsIt) {
  // An inline element inside a word joins it; <br> and a block-styled span separate lines.
  Article a = ArticleExtractor().ExtractHtml(
      "<h1>Cut your planning <span class=drop>C</span>ycle in half</h1>"
      "<p>The parliament passed the budget on Tuesday after a long debate.</p>",
      "");
  EXPECT_EQ(a.title, "Cut your planning Cycle in half");
  a = ArticleExtractor().ExtractHtml(
      "<h1>Best note apps<span class=block>Top tools compared</span></h1>"
      "<p>The parliament passed the budget on Tuesday after a long debate.</p>",
      "");
  EXPECT_EQ(a.title, "Best note apps Top tools compared");
  a = ArticleExtractor().ExtractHtml(
      "<h1>Weekend<br>coding agent</h1><p>The parliament passed the budget on Tuesday.</p>", "");
  EXPECT_EQ(a.title, "Weekend coding agent");
}

TEST(Html, PostClassesOnTheArticleAreNotFurniture) {
  // A CMS labels the post with its categories and state ("category-...-recommendations",
  // "has-comments"): its <h1> is still the headline; a comment thread's is not.
  Article a = ArticleExtractor().ExtractHtml(
      "<html><head><title>Language apps ranked</title></head>"
      "<body class=\"single has-comments\"><article class=\"post "
      "category-learning-recommendations has-comments\"><h1>Top ten language apps tested "
      "by experts</h1><p>We tried every app for a month and kept notes on each.</p></article>"
      "<div class=comments><h1>Comment from a reader on this page</h1></div></body></html>",
      "");
  EXPECT_EQ(a.title, "Top ten language apps tested by experts");
}

// The title from the <h1> and the declared titles (JSON-LD headline, og:title, <title>).
std::string TitleOf(const std::string& head, const std::string& body) {
  return ArticleExtractor()
      .ExtractHtml("<html><head>" + head + "</head><body>" + body +
                       "<p>The parliament passed the budget on Tuesday after a long debate, "
                       "officials said.</p></body></html>",
                   "")
      .title;
}

TEST(Html, TitleHeadlineAgainstDeclaredTitles) {
  // A blog's name in the <h1> that <title> sets before og:title's headline is not the title.
  EXPECT_EQ(TitleOf("<title>Lessons Learned: The lean startup</title>"
                    "<meta property=og:title content=\"The lean startup\">",
                    "<h1>Lessons Learned</h1>"),
            "The lean startup");
  // One word of a long declared title does not confirm an <h1> holding it.
  EXPECT_EQ(TitleOf("<meta property=og:title content=\"How we took over Acme, Initech, Globex "
                    "and hundreds of companies through one supply-chain attack\">",
                    "<h1>gist / writeup.md</h1><h1>Acme</h1>"),
            "How we took over Acme, Initech, Globex and hundreds of companies through one "
            "supply-chain attack");
  // A headline in capitals takes the declared title's case; capitals the page declares stay.
  EXPECT_EQ(TitleOf("<title>Tips for Online Success</title>", "<h1>TIPS FOR ONLINE SUCCESS</h1>"),
            "Tips for Online Success");
  EXPECT_EQ(TitleOf("<meta property=og:title content=\"CONSULTING VS. INSURANCE\">",
                    "<h1>CONSULTING VS. INSURANCE</h1>"),
            "CONSULTING VS. INSURANCE");
  EXPECT_EQ(
      TitleOf("<title>History of coffee | Encyclopedia</title>", "<h1>history of coffee</h1>"),
      "History of coffee");
  EXPECT_EQ(TitleOf("<title>Definition of restaurant</title>", "<h1>restaurant</h1>"),
            "restaurant");
  // Of several headlines none confirms, the one inside the <article> (the others: cards).
  EXPECT_EQ(TitleOf("<meta property=og:title content=\"Our favourite biking spots\">",
                    "<article><h1>The best trails in town for biking</h1><p>Text.</p></article>"
                    "<div class=cards><h1>Where to hike this spring</h1>"
                    "<h1>Five markets to shop for food</h1></div>"),
            "The best trails in town for biking");
  // A kicker or a date run into the headline.
  EXPECT_EQ(TitleOf("<title>Best social media agencies of 2025 | Example Agency</title>",
                    "<h1>Blog: Best social media agencies of 2025</h1>"),
            "Best social media agencies of 2025");
  EXPECT_EQ(TitleOf("<meta property=og:title content=\"Preparing a transition in Debusine\">",
                    "<h1><time>Dec 18 2025</time> Preparing a transition in Debusine</h1>"),
            "Preparing a transition in Debusine");
  // A section set off by a pipe in the headline; "Headline | Section | Site".
  EXPECT_EQ(TitleOf("<title>How meditation changes the brain | Opinion</title>",
                    "<h1>How meditation changes the brain | Opinion</h1>"),
            "How meditation changes the brain");
  EXPECT_EQ(
      TitleOf("<title>How to help toddlers sleep | Patient Education | City Hospital</title>", ""),
      "How to help toddlers sleep");
  // A dash in the headline joins its own parts.
  EXPECT_EQ(TitleOf("<title>Zero Waste - A Beginner's Guide</title>",
                    "<h1>Zero Waste - A Beginner's Guide</h1>"),
            "Zero Waste - A Beginner's Guide");
  // A JSON-LD headline cut off inside a bracket gives way to the whole title.
  EXPECT_EQ(TitleOf("<script type=application/ld+json>{\"@type\":\"BlogPosting\",\"headline\":"
                    "\"We help four readers (including\"}</script>"
                    "<meta property=og:title content=\"We help four readers (including one "
                    "trick that works)\">",
                    ""),
            "We help four readers (including one trick that works)");
}

TEST(Html, TitleHeadlineInLinesOrWithATagline) {
  // A headline set in two lines: the declared title that confirms a line is the title.
  EXPECT_EQ(TitleOf("<meta property=og:title content=\"Top law schools of 2025: rankings and "
                    "guides\">",
                    "<h1>Top law schools of 2025 (US)<br>Your guide to the best schools</h1>"),
            "Top law schools of 2025: rankings and guides");
  EXPECT_EQ(TitleOf("<title>Acme Coffee | Example Shop</title>",
                    "<h1><div>Get that tech stack</div><span>Acme Coffee</span></h1>"),
            "Acme Coffee");
  // A subtitle in a span after the end of a sentence is a line too.
  EXPECT_EQ(TitleOf("<title>What tutoring is and is not. - Choosing a good tutor</title>",
                    "<h1><span>What tutoring is and is not.</span> <span>Choosing a good "
                    "tutor</span></h1>"),
            "What tutoring is and is not. - Choosing a good tutor");
  // Unless a declared title is the whole headline; no declared title, the lines joined.
  EXPECT_EQ(TitleOf("<title>Real estate for beginners Real estate 101</title>",
                    "<h1>Real estate for beginners<br>Real estate 101</h1>"),
            "Real estate for beginners Real estate 101");
  EXPECT_EQ(TitleOf("", "<h1>Real estate for beginners<br>Real estate 101</h1>"),
            "Real estate for beginners Real estate 101");
  // Inline markup inside a line does not cut it.
  EXPECT_EQ(TitleOf("<title>Markets rally as the Fed holds rates | Example News</title>",
                    "<h1>Markets rally as the <a href=/fed>Fed</a> holds rates</h1>"),
            "Markets rally as the Fed holds rates");
  // A tagline after a dash or a pipe that the declared title leaves out.
  EXPECT_EQ(TitleOf("<meta property=og:title content=\"Fifteen language apps compared\">",
                    "<h1>Fifteen language apps compared - Personally tested</h1>"),
            "Fifteen language apps compared");
  EXPECT_EQ(TitleOf("<title>Twelve data analysis tools for 2026 | Example Software</title>",
                    "<h1>Twelve data analysis tools for 2026 | Python, SQL and AI</h1>"),
            "Twelve data analysis tools for 2026");
  // Kept when the JSON-LD headline, trusted before og:title, is the whole headline; and a
  // declared title of two words is not the headline alone ("Zero Waste").
  EXPECT_EQ(TitleOf("<script type=application/ld+json>{\"@type\":\"Article\",\"headline\":"
                    "\"Ten cameras of 2025 under $2500 | The best mirrorless cameras\"}</script>"
                    "<meta property=og:title content=\"Ten cameras of 2025 under $2500\">",
                    "<h1>Ten cameras of 2025 under $2500 | The best mirrorless cameras</h1>"),
            "Ten cameras of 2025 under $2500 | The best mirrorless cameras");
  EXPECT_EQ(TitleOf("<meta property=og:title content=\"Zero Waste\">",
                    "<h1>Zero Waste - A Beginner's Guide</h1>"),
            "Zero Waste - A Beginner's Guide");
}

TEST(Html, EntitiesAndScriptText) {
  Article a = ArticleExtractor().ExtractHtml(
      "<title>Talks &amp; more</title><script>var x='<p>never</p>';</script>"
      "<p>Ministers met &#8220;in good faith&#8221; on Monday.</p>",
      "");
  EXPECT_EQ(a.title, "Talks & more");
  ASSERT_EQ(a.blocks.size(), 1u);
  EXPECT_EQ(a.blocks[0].text, "Ministers met \xE2\x80\x9Cin good faith\xE2\x80\x9D on Monday.");
}

TEST(Html, DocumentGetsTextTitleAndDate) {
  Document d;
  d.raw = kNewsPage;
  d.raw_is_html = true;
  d.url = "https://daily.example/world/x";
  d.fallback_date = "2030-01-01";
  ArticleExtractor().Extract(&d);
  EXPECT_EQ(d.title, "Ministers meet in Moscow");
  EXPECT_EQ(d.date, "2024-11-01");
  EXPECT_EQ(d.publisher, "The Daily Example");
  ASSERT_FALSE(d.blocks.empty());
  EXPECT_EQ(d.slice(d.blocks[0].span).substr(0, 12), "North Korea'");
  // No date in the page: the fallback.
  Document e;
  e.raw = "<p>The talks went on.</p>";
  e.raw_is_html = true;
  e.fallback_date = "2030-01-01";
  ArticleExtractor().Extract(&e);
  EXPECT_EQ(e.date, "2030-01-01");
  // A date from the input wins over the page's.
  Document f;
  f.raw = kNewsPage;
  f.raw_is_html = true;
  f.date = "2019-01-01";
  ArticleExtractor().Extract(&f);
  EXPECT_EQ(f.date, "2019-01-01");
}

// Hostile pages: none may crash or hang, and the text they hold is still found.
TEST(Html, AnUnclosedAsideDoesNotTakeTheArticle) {
  std::string para =
      "<p>The council voted on Tuesday to close the old bridge, officials said, after an "
      "inspection found cracks in two of its supports and a report urged repairs.</p>";
  std::string html =
      "<html><head><title>Bridge to close | Gazette</title></head><body>"
      "<aside class=announcement><a href=/x><span>Gazette joins a new group</a></div>"
      "<main><article><h1>Bridge to close</h1>" +
      para + para + para + "</article></main></body></html>";
  Article a = ArticleExtractor().ExtractHtml(html, "");
  std::string text;
  for (const auto& b : a.blocks) text += b.text + "\n";
  EXPECT_NE(text.find("old bridge"), std::string::npos);
}

TEST(Html, TimeNearestTheHeadlineAndTheDayItShows) {
  Article a = ArticleExtractor().ExtractHtml(
      "<html><body><div class=list><time datetime=2025-01-31>Jan 31</time>"
      "<p><a href=/a>Another post</a></p><p><a href=/b>And another</a></p>"
      "<p><a href=/c>A third</a></p></div>"
      "<h1>Candidates compared</h1><div><time datetime=\"2017-03-02T04:00:00Z\">"
      "March 1, 2017</time></div><p>Text of the article that follows the headline.</p>"
      "</body></html>",
      "");
  EXPECT_EQ(a.date, "2017-03-01");
  EXPECT_EQ(a.date_source, "time");
}

TEST(HtmlRobustness, TruncatedPages) {
  std::string page = kNewsPage;
  ArticleExtractor x;
  for (size_t cut = 0; cut < page.size(); cut += 97) {
    Article a = x.ExtractHtml(page.substr(0, cut), "");
    (void)a;
  }
  Article a = x.ExtractHtml(page.substr(0, page.find("come under") + 10), "");
  ASSERT_FALSE(a.blocks.empty());
  EXPECT_NE(a.blocks.back().text.find("come under"), std::string::npos);
}

TEST(HtmlRobustness, NestingTenThousandDeep) {
  for (const char* tag : {"div", "b", "table", "li", "blockquote"}) {
    std::string deep;
    for (int i = 0; i < 10000; ++i) deep += std::string("<") + tag + ">";
    deep += "The deep text is still here, all of it, and it is long enough to count.";
    Article a = ArticleExtractor().ExtractHtml(deep, "");
    std::string all;
    for (const auto& b : a.blocks) all += b.text;
    EXPECT_NE(all.find("deep text is still here"), std::string::npos) << tag;
  }
  HtmlDom dom(std::string(20000, '<').append("div>"));  // not even tags
  EXPECT_GE(dom.size(), 1u);
}

TEST(HtmlRobustness, FiftyMegabytePage) {
  std::string page = "<html><body><article>";
  for (int i = 0; page.size() < (50u << 20); ++i)
    page += "<p>Officials said the talks would continue on Monday, and both sides agreed " +
            std::to_string(i) + " times.</p>\n";
  page += "</article></body></html>";
  Article a = ArticleExtractor().ExtractHtml(page, "");
  EXPECT_GT(a.blocks.size(), 500000u);
  EXPECT_NE(a.blocks[0].text.find("talks would continue"), std::string::npos);
}

TEST(HtmlRobustness, BinaryAndBrokenBytes) {
  std::string junk;
  uint32_t x = 12345;
  for (int i = 0; i < 200000; ++i) {
    x = x * 1103515245 + 12345;
    junk += static_cast<char>(x >> 16);
    if (i % 7 == 0) junk += "<>&\"'/="[x % 7];
  }
  Article a = ArticleExtractor().ExtractHtml(junk, "http://x");
  (void)a;
  a = ArticleExtractor().ExtractHtml("", "");
  EXPECT_TRUE(a.blocks.empty());
  a = ArticleExtractor().ExtractHtml(std::string("<p>a\0b</p>", 10), "");
  (void)a;
}

}  // namespace
}  // namespace dyad
