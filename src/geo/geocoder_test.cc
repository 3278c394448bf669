// Tests of the gazetteer builder (on a small made-up gazetteer, always run) and of the Geocoder
// on the real gazetteer (skipped, saying so, when it has not been built).
#include "geo/geocoder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "core/test_util.h"
#include "geo/gazetteer_builder.h"
#include "text/tokenizer.h"

namespace dyad {
namespace {

Document Tokenized(const std::string& text) {
  Document doc;
  doc.text = text;
  doc.blocks.push_back(Block{Span{0, static_cast<uint32_t>(text.size())}, "p"});
  Tokenizer().Tokenize(&doc);
  return doc;
}

// Places as "text=name/country/feature", in order.
std::vector<std::string> Describe(const Document& doc) {
  std::vector<std::string> out;
  for (const Place& p : doc.places)
    out.push_back(std::string(doc.slice(p.span)) + "=" + p.name + "/" + p.country + "/" +
                  p.feature);
  return out;
}

const Place* FindPlace(const Document& doc, std::string_view text) {
  for (const Place& p : doc.places)
    if (doc.slice(p.span) == text) return &p;
  return nullptr;
}

uint32_t TokenOf(const Document& doc, std::string_view word) {
  for (uint32_t i = 0; i < doc.tokens.size(); ++i)
    if (doc.slice(doc.tokens[i].span) == word) return i;
  ADD_FAILURE() << "no token " << word;
  return 0;
}

TEST(PlaceKey, FoldsCaseDiacriticsPeriodsAndHyphens) {
  EXPECT_EQ(PlaceKey("St. Petersburg"), "st petersburg");
  EXPECT_EQ(PlaceKey("W.Va."), "wva");
  EXPECT_EQ(PlaceKey("Rostov-on-Don"), "rostov on don");
  EXPECT_EQ(PlaceKey("Sant Julià de Lòria"), "sant julia de loria");
  EXPECT_EQ(PlaceKey("ŁÓDŹ"), "lodz");
}

// A gazetteer made from a few made-up lines in the sources' formats.
class SmallGazetteer : public ::testing::Test {
 protected:
  void SetUp() override {
    GazetteerSources s;
    s.cities1000 = tmp_.Write(
        "cities1000.txt",
        "1\tSpringfield\tSpringfield\tSpringfeld\t39.80\t-89."
        "64\tP\tPPLA\tUS\t\tIL\t167\t\t\t114000\t\t\t\t\n"
        "2\tSpringfield\tSpringfield\t\t37.21\t-93."
        "29\tP\tPPLA2\tUS\t\tMO\t077\t\t\t169000\t\t\t\t\n"
        "3\tPeoria\tPeoria\t\t40.69\t-89.59\tP\tPPLA2\tUS\t\tIL\t143\t\t\t113000\t\t\t\t\n"
        "4\tKursk\tKursk\tKoursk\t51.73\t36.19\tP\tPPLA\tRU\t\t41\t\t\t\t440000\t\t\t\t\n");
    s.admin1_json = tmp_.Write(
        "admin1.json", R"([{"code":"US.IL","name":"Illinois"},{"code":"US.MO","name":"Missouri"},)"
                       R"({"code":"RU.41","name":"Kursk Oblast"}])");
    s.admin2_json = tmp_.Write("admin2.json", R"([{"code":"US.IL.143","name":"Peoria County"}])");
    s.iso3166_1 = tmp_.Write(
        "iso1.json", R"({"3166-1":[{"alpha_2":"US","alpha_3":"USA","name":"United States"},)"
                     R"({"alpha_2":"RU","alpha_3":"RUS","name":"Russian Federation"}]})");
    s.places_tsv = tmp_.Write("places.tsv",
                              "# test\nname\tUS\tU.S.; US\nabbr\tUS.IL\tIll.\nadj\tRU\tRussian\n");
    std::string error;
    ASSERT_TRUE(GazetteerBuilder::Build(s, &gaz_, &stats_, &error)) << error;
    const std::string path = tmp_.path() + "/gazetteer.bin";
    ASSERT_TRUE(gaz_.Save(path, &error)) << error;
    geo_ = Geocoder::Open(path, &error);
    ASSERT_TRUE(geo_) << error;
  }
  dyad::testing::TempDir tmp_;
  Gazetteer gaz_;
  GazetteerBuildStats stats_;
  std::unique_ptr<Geocoder> geo_;
};

TEST_F(SmallGazetteer, BuildsEntriesNamesAndRegionCoordinates) {
  EXPECT_EQ(stats_.cities, 4u);
  EXPECT_EQ(stats_.countries, 2u);
  EXPECT_EQ(stats_.admin1, 3u);
  EXPECT_EQ(stats_.admin2, 1u);
  EXPECT_EQ(gaz_.Find("springfield").size(), 2u);
  ASSERT_EQ(gaz_.Find("kursk").size(), 2u);  // the town, and the oblast by its core name
  const auto us = gaz_.Find("us");
  ASSERT_EQ(us.size(), 1u);
  EXPECT_TRUE(us[0].flags & kNameUpper);
  EXPECT_EQ(gaz_.country_code(gaz_.entry(us[0].entry)), "USA");
  // Illinois lies around its towns.
  const auto il = gaz_.Find("illinois");
  ASSERT_EQ(il.size(), 1u);
  EXPECT_NEAR(gaz_.entry(il[0].entry).lat, 40.0, 1.0);
}

TEST_F(SmallGazetteer, RejectsAMissingSource) {
  GazetteerSources s;
  s.cities1000 = tmp_.path() + "/nothing.txt";
  s.iso3166_1 = tmp_.path() + "/nothing.json";
  Gazetteer g;
  std::string error;
  EXPECT_FALSE(GazetteerBuilder::Build(s, &g, nullptr, &error));
  EXPECT_NE(error.find("nothing.json"), std::string::npos);
}

TEST_F(SmallGazetteer, LoadRejectsOtherFiles) {
  Gazetteer g;
  std::string error;
  EXPECT_FALSE(g.Load(tmp_.Write("bad.bin", "not a gazetteer"), &error));
  EXPECT_FALSE(error.empty());
}

TEST_F(SmallGazetteer, TownCommaStateDecidesTheNamesake) {
  Document doc = Tokenized("Flooding hit Springfield, Ill. on Monday.");
  geo_->Resolve(&doc);
  const Place* p = FindPlace(doc, "Springfield");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->admin1, "Illinois");
  EXPECT_NE(FindPlace(doc, "Ill."), nullptr);
}

TEST_F(SmallGazetteer, ContextDecidesTheNamesake) {
  Document doc = Tokenized("Police in Peoria said a man from Springfield was arrested.");
  geo_->Resolve(&doc);
  const Place* p = FindPlace(doc, "Springfield");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->admin1, "Illinois");  // beside Peoria, not the larger Springfield in Missouri
}

TEST_F(SmallGazetteer, RegionDesignatorsAndDemonyms) {
  Document doc = Tokenized("Russian troops moved into the Kursk region and the U.S. objected.");
  geo_->Resolve(&doc);
  const Place* kursk = FindPlace(doc, "Kursk region");
  ASSERT_TRUE(kursk) << ::testing::PrintToString(Describe(doc));
  EXPECT_EQ(kursk->name, "Kursk Oblast");
  EXPECT_EQ(kursk->feature, "admin1");
  const Place* russian = FindPlace(doc, "Russian");
  ASSERT_TRUE(russian);
  EXPECT_EQ(russian->country, "RUS");
  const Place* us = FindPlace(doc, "U.S.");
  ASSERT_TRUE(us);
  EXPECT_EQ(us->country, "USA");
  EXPECT_EQ(us->geonameid, 0);
}

TEST_F(SmallGazetteer, LowerCaseWordsAreNotAbbreviations) {
  Document doc = Tokenized("Tell us where Peoria is.");
  geo_->Resolve(&doc);
  EXPECT_EQ(Describe(doc), std::vector<std::string>{"Peoria=Peoria/USA/city"});
}

// The real gazetteer (build/gazetteer.bin, made by `dyad gazetteer build`).
class RealGazetteer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string path =
        (std::filesystem::path(dyad::testing::DyadBinary()).parent_path() / "gazetteer.bin")
            .string();
    std::string error;
    if (std::filesystem::exists(path)) geo_ = Geocoder::Open(path, &error).release();
  }
  static void TearDownTestSuite() {
    delete geo_;
    geo_ = nullptr;
  }
  void SetUp() override {
    if (!geo_)
      GTEST_SKIP() << "no gazetteer beside dyad: run `npm ci --prefix geo` and rebuild "
                      "(or `dyad gazetteer build`)";
  }
  Document Resolve(const std::string& text) const {
    Document doc = Tokenized(text);
    geo_->Resolve(&doc);
    return doc;
  }
  static const Geocoder* geo_;
};
const Geocoder* RealGazetteer::geo_ = nullptr;

TEST_F(RealGazetteer, ParisTexasAndParis) {
  Document texas = Resolve("The storm hit Paris, Texas, on Sunday.");
  const Place* p = FindPlace(texas, "Paris");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->country, "USA");
  EXPECT_EQ(p->admin1, "Texas");
  Document france = Resolve("Protesters marched in Paris on Sunday.");
  p = FindPlace(france, "Paris");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->country, "FRA");
  EXPECT_GT(p->geonameid, 0);
}

TEST_F(RealGazetteer, ArticleContextPicksTheNamesake) {
  Document doc = Resolve(
      "A tornado damaged homes in Lamar County. Officials in Paris said the storm also hit "
      "Sulphur Springs and Tyler.");
  const Place* p = FindPlace(doc, "Paris");
  ASSERT_TRUE(p) << ::testing::PrintToString(Describe(doc));
  EXPECT_EQ(p->country, "USA");
}

TEST_F(RealGazetteer, RegionsAndAbbreviations) {
  Document doc = Resolve(
      "Ukrainian forces attacked the Kursk region. Officials in Charleston, W.Va., and in "
      "Fresno, Calif., met envoys of the UAE and the U.K.");
  const Place* kursk = FindPlace(doc, "Kursk region");
  ASSERT_TRUE(kursk) << ::testing::PrintToString(Describe(doc));
  EXPECT_EQ(kursk->country, "RUS");
  EXPECT_EQ(kursk->feature, "admin1");
  const Place* wv = FindPlace(doc, "W.Va.");
  ASSERT_TRUE(wv);
  EXPECT_EQ(wv->name, "West Virginia");
  const Place* fresno = FindPlace(doc, "Fresno");
  ASSERT_TRUE(fresno);
  EXPECT_EQ(fresno->admin1, "California");
  ASSERT_TRUE(FindPlace(doc, "UAE"));
  EXPECT_EQ(FindPlace(doc, "UAE")->country, "ARE");
  ASSERT_TRUE(FindPlace(doc, "U.K."));
  EXPECT_EQ(FindPlace(doc, "U.K.")->country, "GBR");
  Document oblast = Resolve("Shelling was reported in the Donetsk region and in Kursk Oblast.");
  ASSERT_TRUE(FindPlace(oblast, "Donetsk region"));
  EXPECT_EQ(FindPlace(oblast, "Donetsk region")->country, "UKR");
  ASSERT_TRUE(FindPlace(oblast, "Kursk Oblast"));
}

TEST_F(RealGazetteer, DatelineSetsTheScene) {
  Document doc = Resolve("KYIV, Nov 1 (Reuters) - Officials said the attack hit Kharkiv.");
  const Place* kyiv = FindPlace(doc, "KYIV");
  ASSERT_TRUE(kyiv) << ::testing::PrintToString(Describe(doc));
  EXPECT_EQ(kyiv->country, "UKR");
  EXPECT_EQ(FindPlace(doc, "Nov"), nullptr);
  ASSERT_TRUE(FindPlace(doc, "Kharkiv"));
  EXPECT_EQ(FindPlace(doc, "Kharkiv")->country, "UKR");
}

TEST_F(RealGazetteer, PersonNamesAreNoPlaces) {
  Document doc = Resolve("Jordan Peterson spoke to Mr. Houston. Paris Hilton was not there.");
  EXPECT_EQ(FindPlace(doc, "Jordan"), nullptr) << ::testing::PrintToString(Describe(doc));
  EXPECT_EQ(FindPlace(doc, "Houston"), nullptr);
  EXPECT_EQ(FindPlace(doc, "Paris"), nullptr);
}

TEST_F(RealGazetteer, EventPlaceIsTheLocativePhraseOfTheVerb) {
  Document doc =
      Resolve("North Korea's foreign minister met her Russian counterpart in Moscow on Friday.");
  const int place = geo_->EventPlace(doc, 0, TokenOf(doc, "met"));
  ASSERT_GE(place, 0) << ::testing::PrintToString(Describe(doc));
  EXPECT_EQ(doc.slice(doc.places[static_cast<size_t>(place)].span), "Moscow");

  Document kursk = Resolve("Ukraine launched an incursion into the Kursk region in August.");
  const int k = geo_->EventPlace(kursk, 0, TokenOf(kursk, "launched"));
  ASSERT_GE(k, 0);
  EXPECT_EQ(kursk.slice(kursk.places[static_cast<size_t>(k)].span), "Kursk region");

  // A country naming who acted is not where the event happened.
  Document none = Resolve("Mexico's army has captured a drug lord.");
  EXPECT_EQ(geo_->EventPlace(none, 0, TokenOf(none, "captured")), -1);
}

TEST_F(RealGazetteer, BlocsAndOriginsAreNoEventPlaces) {
  // "Western reports" names a side, not Ghana's Western Region.
  Document west = Resolve("Pyongyang sent thousands of troops to Russia, Western reports say.");
  EXPECT_EQ(FindPlace(west, "Western"), nullptr) << ::testing::PrintToString(Describe(west));

  // "a driver from Abidjan" says where he comes from, not where he was shot (the tagger
  // marks "driver" a noun; here by hand, as the nlp stage would).
  Document from = Resolve("A cab driver from Abidjan was shot by police officers.");
  for (Token& t : from.tokens) t.upos = from.slice(t.span) == "driver" ? "NOUN" : "X";
  EXPECT_EQ(geo_->EventPlace(from, 0, TokenOf(from, "shot")), -1)
      << ::testing::PrintToString(Describe(from));
  // After a verb it still counts: "withdrew from Kherson".
  Document verb = Resolve("Russian troops withdrew from Kherson on Friday.");
  for (Token& t : verb.tokens) t.upos = verb.slice(t.span) == "withdrew" ? "VERB" : "X";
  const int k = geo_->EventPlace(verb, 0, TokenOf(verb, "withdrew"));
  ASSERT_GE(k, 0);
  EXPECT_EQ(verb.slice(verb.places[static_cast<size_t>(k)].span), "Kherson");
}

TEST_F(RealGazetteer, UnknownTownsAfterPlaceNouns) {
  Document doc = Resolve("The man was killed by sniper fire in the town of Sheykler.");
  const Place* p = FindPlace(doc, "Sheykler");
  ASSERT_TRUE(p) << ::testing::PrintToString(Describe(doc));
  EXPECT_EQ(p->feature, "unresolved");
  EXPECT_TRUE(p->country.empty());
  EXPECT_EQ(geo_->EventPlace(doc, 0, TokenOf(doc, "killed")),
            static_cast<int>(p - doc.places.data()));
}

TEST(GeoCommand, PrintsPlacesAndTheEventPlace) {
  namespace fs = std::filesystem;
  const fs::path gaz = fs::path(dyad::testing::DyadBinary()).parent_path() / "gazetteer.bin";
  if (!fs::exists(gaz)) GTEST_SKIP() << "no gazetteer beside dyad (npm ci --prefix geo, rebuild)";
  dyad::testing::TempDir tmp;
  const std::string in =
      tmp.Write("in.jsonl",
                R"({"id":"a","text":"Élan: ministers met in Moscow.","verb":{"start":16,"end":19}})"
                "\n"
                "not json\n");
  const auto r = dyad::testing::Shell(dyad::testing::DyadBinary() + " geo " + in);
  EXPECT_EQ(r.status, 1) << r.err;  // the bad line is reported, the good one printed
  EXPECT_NE(r.err.find("in.jsonl:2"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find(R"("text":"Moscow","start":23,"end":29)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(R"("event_place":0)"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace dyad
