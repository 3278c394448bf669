#include "nlp/tagger.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "core/test_util.h"
#include "nlp/test_treebank.h"

namespace dyad::nlp {
namespace {

TaggerOptions TinyOptions() {
  TaggerOptions o;
  o.epochs = 8;
  o.unknown_word_rate = 0;
  o.jackknife = 2;
  o.min_weight = 0;
  return o;
}

TEST(Tagger, LearnsATinyTreebank) {
  const auto train = testing::TinyTreebank();
  auto t = Tagger::Train(train, {}, TinyOptions(), nullptr);
  ASSERT_TRUE(t);
  double upos = 0, xpos = 0;
  t->Evaluate(train, &upos, &xpos);
  EXPECT_GE(upos, 0.95);  // 24 words: at most one wrong
  EXPECT_GE(xpos, 0.95);
  std::vector<int> tags;
  t->Tag(testing::Forms(train[0]), &tags);
  ASSERT_EQ(tags.size(), 8u);
  EXPECT_EQ(t->upos(tags[2]), "VERB");
  EXPECT_EQ(t->xpos(tags[2]), "VBD");
}

TEST(Tagger, SaveLoadRoundTripAndDeterminism) {
  const auto train = testing::TinyTreebank();
  auto a = Tagger::Train(train, {}, TinyOptions(), nullptr);
  auto b = Tagger::Train(train, {}, TinyOptions(), nullptr);
  dyad::testing::TempDir dir;
  std::string error;
  ASSERT_TRUE(a->Save(dir.path() + "/t.bin", &error)) << error;
  ASSERT_TRUE(b->Save(dir.path() + "/u.bin", &error)) << error;
  // Same data, same seed: the same model, byte for byte.
  EXPECT_EQ(dyad::testing::ReadFile(dir.path() + "/t.bin"),
            dyad::testing::ReadFile(dir.path() + "/u.bin"));
  auto c = Tagger::Load(dir.path() + "/t.bin", &error);
  ASSERT_TRUE(c) << error;
  const std::vector<std::string_view> forms = {"The", "troops", "met", "in", "Kursk", "."};
  std::vector<int> ta, tc;
  a->Tag(forms, &ta);
  c->Tag(forms, &tc);
  EXPECT_EQ(ta, tc);
  EXPECT_FALSE(Tagger::Load(dir.path() + "/missing.bin", &error));
  dir.Write("bad.bin", "not a model");
  EXPECT_FALSE(Tagger::Load(dir.path() + "/bad.bin", &error));
}

// A treebank of made-up sentences, "word/UPOS/XPOS ..." per line (heads are not needed).
std::vector<ConlluSentence> Treebank(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) {
    std::istringstream words(line);
    std::string w;
    int id = 0;
    while (words >> w) {
      const size_t a = w.find('/'), b = w.rfind('/');
      ++id;
      text += std::to_string(id) + "\t" + w.substr(0, a) + "\t_\t" + w.substr(a + 1, b - a - 1) +
              "\t" + w.substr(b + 1) + "\t_\t" + (id == 1 ? "0\troot" : "1\tdep") + "\t_\t_\n";
    }
    text += "\n";
  }
  std::istringstream in(text);
  std::vector<ConlluSentence> out;
  std::string error;
  EXPECT_TRUE(ReadConllu(in, &out, &error)) << error;
  return out;
}

TEST(Tagger, AStatementHasAFiniteVerb) {
  // "arrested" and "detained" are seen only as participles, after "were" or a noun they modify.
  std::vector<std::string> lines;
  for (int k = 0; k < 3; ++k) {
    lines.push_back("The/DET/DT men/NOUN/NNS were/AUX/VBD arrested/VERB/VBN ./PUNCT/.");
    lines.push_back(
        "Police/NOUN/NNS detained/VERB/VBN there/ADV/RB were/AUX/VBD freed/VERB/VBN "
        "./PUNCT/.");
    lines.push_back(
        "The/DET/DT men/NOUN/NNS arrested/VERB/VBN there/ADV/RB left/VERB/VBD "
        "./PUNCT/.");
    lines.push_back("Police/NOUN/NNS said/VERB/VBD so/ADV/RB ./PUNCT/.");
    lines.push_back("Please/INTJ/UH see/VERB/VB attached/VERB/VBN files/NOUN/NNS ./PUNCT/.");
  }
  auto t = Tagger::Train(Treebank(lines), {}, TinyOptions(), nullptr);
  std::vector<int> tags;
  // No finite verb otherwise: the participle after the subject becomes the past tense.
  const std::vector<std::string_view> clause = {"The", "men", "arrested", "the", "police", "."};
  t->Tag(clause, &tags);
  EXPECT_EQ(t->xpos(tags[2]), "VBD");
  // With a finite verb elsewhere, an imperative, no statement's end or no subject, it stays.
  const std::vector<std::vector<std::string_view>> keep = {
      {"The", "men", "arrested", "there", "left", "."},
      {"Please", "see", "attached", "files", "."},
      {"The", "men", "arrested", "the", "police"},
      {"Arrested", "there", "."},
  };
  for (const auto& forms : keep) {
    t->Tag(forms, &tags);
    std::string got;
    for (int x : tags) got += t->xpos(x) + " ";
    for (size_t i = 0; i < forms.size(); ++i)
      if (forms[i] == "arrested" || forms[i] == "Arrested" || forms[i] == "attached") {
        EXPECT_EQ(t->xpos(tags[i]), "VBN") << got;
      }
  }
}

TEST(Tagger, HandlesEmptyAndOddInput) {
  auto t = Tagger::Train(testing::TinyTreebank(), {}, TinyOptions(), nullptr);
  std::vector<int> tags = {1, 2};
  t->Tag({}, &tags);
  EXPECT_TRUE(tags.empty());
  const std::vector<std::string_view> odd = {"", "\xFF\xFE", "\xE2\x80\x99s", "1,200"};
  t->Tag(odd, &tags);
  EXPECT_EQ(tags.size(), 4u);
}

}  // namespace
}  // namespace dyad::nlp
