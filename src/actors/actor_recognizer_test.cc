#include "actors/actor_recognizer.h"

#include <gtest/gtest.h>

#include "core/test_util.h"
#include "extract/article_extractor.h"
#include "text/tokenizer.h"

namespace dyad {
namespace {

class RecognizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("t.actors",
               "ZWE\tname: Zimbabwe\nZWE\tadj: Zimbabwean\nUGA\tname: Uganda\nUGA\tadj: Ugandan\n"
               "MAR\tname: Morocco\nIRQ\tcapital: Baghdad\nUSA\tname: United States; =US\n"
               "IGOUNO\torg: United Nations\n");
    dir_.Write("t.agents",
               "GOV\tpresident; king\nOPP\topposition group; opposition\n"
               "IGO\tpeacekeeper\nCVL\tdemonstrator\n");
    Diagnostics diag(nullptr);
    dict_ = Dictionary::Load({dir_.path()}, &diag);
    ASSERT_TRUE(dict_);
  }

  // "text:code" of every mention.
  std::vector<std::string> Mentions(const std::string& text) {
    Document d;
    d.raw = text;
    d.date = "2024-11-01";
    ArticleExtractor().Extract(&d);
    Tokenizer().Tokenize(&d);
    ActorRecognizer(*dict_).Recognize(&d);
    std::vector<std::string> out;
    for (const auto& m : d.actors) out.push_back(std::string(d.slice(m.span)) + ":" + m.code);
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<Dictionary> dict_;
};

// The place of a dateline is where the story was filed, not an actor; a name in capitals
// before a dash that is no place stays one.
TEST_F(RecognizerTest, DatelinePlaceIsNoActor) {
  auto first = [&](const std::string& text) {
    Document d;
    d.raw = text;
    d.date = "2024-11-03";
    ArticleExtractor().Extract(&d);
    Tokenizer().Tokenize(&d);
    ActorRecognizer(*dict_).Recognize(&d);
    return d.actors.empty() ? std::string()
                            : std::string(d.slice(d.actors[0].span)) + ":" + d.actors[0].kind;
  };
  EXPECT_EQ(first("BAGHDAD, Nov 3 — The Zimbabwean president arrived in Uganda on Monday."),
            "BAGHDAD:place");
  EXPECT_EQ(first("UNITED NATIONS — The body met in Morocco."), "UNITED NATIONS:org");
  EXPECT_EQ(first("Baghdad, Nov 3 — The president spoke."), "Baghdad:capital");
}

TEST_F(RecognizerTest, AgentTakesTheCountryAfterInOfFrom) {
  EXPECT_EQ(
      Mentions("Opposition groups in Zimbabwe demanded elections. The United States "
               "agreed."),
      (std::vector<std::string>{"Opposition groups:ZWEOPP", "Zimbabwe:ZWE", "United States:USA"}));
  EXPECT_EQ(Mentions("King Hassan of Morocco spoke. Demonstrators in Baghdad marched. The "
                     "United States agreed."),
            (std::vector<std::string>{"King Hassan:MARGOV", "Morocco:MAR", "Demonstrators:IRQCVL",
                                      "Baghdad:IRQ", "United States:USA"}));
}

TEST_F(RecognizerTest, CoordinatedCountriesShareTheAgentWord) {
  EXPECT_EQ(Mentions("US and Zimbabwean demonstrators marched."),
            (std::vector<std::string>{"US:USACVL", "Zimbabwean demonstrators:ZWECVL"}));
}

TEST_F(RecognizerTest, LedForcesAreTheLeadersButBackedForcesAreNot) {
  EXPECT_EQ(Mentions("Ugandan-led peacekeepers arrived."),
            (std::vector<std::string>{"Ugandan-led peacekeepers:UGAIGO"}));
  EXPECT_EQ(Mentions("Ugandan-backed peacekeepers arrived."),
            (std::vector<std::string>{"Ugandan:UGA", "peacekeepers:IGO"}));
}

TEST_F(RecognizerTest, AgentTakesTheDocumentsOnlyCountry) {
  EXPECT_EQ(
      Mentions("President Yoweri Museveni banned Ugandan opposition candidates."),
      (std::vector<std::string>{"President Yoweri Museveni:UGAGOV", "Ugandan opposition:UGAOPP"}));
  // Two countries named: no guess. International sectors never take a country.
  EXPECT_EQ(
      Mentions("President Museveni thanked Zimbabwe and the United States."),
      (std::vector<std::string>{"President Museveni:GOV", "Zimbabwe:ZWE", "United States:USA"}));
  EXPECT_EQ(Mentions("Peacekeepers arrived in Uganda."),
            (std::vector<std::string>{"Peacekeepers:IGO", "Uganda:UGA"}));
}

// The default dictionary's persons code to their office only on dates they held it, and to
// their country outside them (data/dict/persons.actors, persons-1975-1999.actors).
TEST(RecognizerDefaultDictionary, OfficeHoldersCodeByDate) {
  Diagnostics diag(nullptr);
  auto dict = Dictionary::Load({Dictionary::DefaultDir()}, &diag);
  ASSERT_TRUE(dict);
  auto codes = [&](const std::string& text, const std::string& date) {
    Document d;
    d.raw = text;
    d.date = date;
    ArticleExtractor().Extract(&d);
    Tokenizer().Tokenize(&d);
    ActorRecognizer(*dict).Recognize(&d);
    std::vector<std::string> out;
    for (const auto& m : d.actors) out.push_back(std::string(d.slice(m.span)) + ":" + m.code);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(codes("Leonid Brezhnev met Helmut Kohl.", "1980-01-05"),
            (V{"Leonid Brezhnev:SUNGOV", "Helmut Kohl:DEU"}));
  EXPECT_EQ(codes("Leonid Brezhnev met Helmut Kohl.", "1990-05-01"),
            (V{"Leonid Brezhnev:SUN", "Helmut Kohl:DEUGOV"}));
  // A person who held a national office and an international one: the office held on the
  // date, and the country outside both.
  EXPECT_EQ(codes("Kurt Waldheim spoke.", "1978-01-01"), (V{"Kurt Waldheim:IGOUNO"}));
  EXPECT_EQ(codes("Kurt Waldheim spoke.", "1990-01-01"), (V{"Kurt Waldheim:AUTGOV"}));
  EXPECT_EQ(codes("Kurt Waldheim spoke.", "1995-01-01"), (V{"Kurt Waldheim:AUT"}));
  // One surname, two presidents of the same office at different times.
  EXPECT_EQ(codes("Bush spoke.", "1990-01-01"), (V{"Bush:USAGOV"}));
  EXPECT_EQ(codes("Bush spoke.", "2004-01-01"), (V{"Bush:USAGOV"}));
}

}  // namespace
}  // namespace dyad
