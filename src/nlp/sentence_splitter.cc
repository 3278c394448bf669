#include "nlp/sentence_splitter.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <set>

#include "nlp/word_features.h"
#include "text/tokenizer.h"

namespace dyad::nlp {

namespace {

constexpr std::string_view kMagic = "dyad sentence splitter model v1\n";

enum : uint64_t {
  kBias,
  kRule,
  kW,
  kWNext,
  kWPrev,
  kShape,
  kShapeNext,
  kWRule,
  kWNextRule,
  kShapeNextRule,
  kWCapNext,
  kPunctCapNext,
  kWWNext,
  kWNext2,
  kSince,
  kSinceRule,
  kLeft,
  kShapeShapeNext,
};

// [first, end) token ranges of the blocks of a tokenized document.
std::vector<std::pair<uint32_t, uint32_t>> BlockRanges(const Document& doc) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  if (doc.blocks.empty()) {
    if (n) out.push_back({0, n});
    return out;
  }
  uint32_t t = 0;
  for (const Block& b : doc.blocks) {
    while (t < n && doc.tokens[t].span.start < b.span.start) ++t;
    const uint32_t first = t;
    while (t < n && doc.tokens[t].span.start < b.span.end) ++t;
    if (t > first) out.push_back({first, t});
  }
  return out;
}

uint64_t Bin(uint32_t k) {
  if (k <= 4) return k;
  if (k <= 7) return 5;
  if (k <= 12) return 6;
  if (k <= 20) return 7;
  return 8;
}

struct TokenInfo {
  uint64_t w, shape;
  bool cap, punct;
};

// Features of the gap after token i of [first, end); `since` tokens since the last boundary.
void Features(const std::vector<TokenInfo>& t, uint32_t first, uint32_t end, uint32_t i, bool rule,
              uint32_t since, std::vector<uint64_t>* f) {
  static const TokenInfo none{HashString("<none>"), HashString("<none>"), false, false};
  const TokenInfo& c = t[i];
  const TokenInfo& p = i > first ? t[i - 1] : none;
  const TokenInfo& n = i + 1 < end ? t[i + 1] : none;
  const TokenInfo& n2 = i + 2 < end ? t[i + 2] : none;
  const uint64_t r = rule;
  f->clear();
  f->push_back(Feature(kBias, 0));
  f->push_back(Feature(kRule, r));
  f->push_back(Feature(kW, c.w));
  f->push_back(Feature(kWNext, n.w));
  f->push_back(Feature(kWPrev, p.w));
  f->push_back(Feature(kShape, c.shape));
  f->push_back(Feature(kShapeNext, n.shape));
  f->push_back(Feature(kWRule, c.w, r));
  f->push_back(Feature(kWNextRule, n.w, r));
  f->push_back(Feature(kShapeNextRule, n.shape, r));
  f->push_back(Feature(kWCapNext, c.w, n.cap));
  f->push_back(Feature(kPunctCapNext, c.punct, n.cap, r));
  f->push_back(Feature(kWWNext, c.w, n.w));
  f->push_back(Feature(kWNext2, n2.w));
  f->push_back(Feature(kSince, Bin(since)));
  f->push_back(Feature(kSinceRule, Bin(since), r));
  f->push_back(Feature(kLeft, Bin(end - i - 1)));
  f->push_back(Feature(kShapeShapeNext, c.shape, n.shape));
}

void Describe(const Document& doc, std::vector<TokenInfo>* out) {
  out->resize(doc.tokens.size());
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    (*out)[i] = {HashString(t.norm), HashString(WordShape(doc.slice(t.span))), t.capitalized,
                 t.is_punct};
  }
}

// Token indices that end one of the tokenizer's sentences.
std::vector<bool> RuleEnds(const Document& doc) {
  std::vector<bool> ends(doc.tokens.size(), false);
  for (const Sentence& s : doc.sentences)
    if (s.end_token > s.first_token && s.end_token <= doc.tokens.size())
      ends[s.end_token - 1] = true;
  return ends;
}

}  // namespace

std::unique_ptr<SentenceSplitter> SentenceSplitter::Load(const std::string& path,
                                                         std::string* error) {
  ModelReader r;
  if (!r.Open(path, kMagic, error)) return nullptr;
  std::unique_ptr<SentenceSplitter> s(new SentenceSplitter);
  if (!s->model_.Load(&r) || !r.ok() || !r.at_end() || s->model_.num_classes() != 2) {
    *error = path + ": corrupt sentence splitter model";
    return nullptr;
  }
  return s;
}

bool SentenceSplitter::Save(const std::string& path, std::string* error) const {
  ModelWriter w;
  model_.Save(&w);
  return w.WriteFile(path, kMagic, error);
}

void SentenceSplitter::Split(Document* doc) const {
  thread_local std::vector<TokenInfo> info;
  thread_local std::vector<uint64_t> feats;
  Describe(*doc, &info);
  const std::vector<bool> rule = RuleEnds(*doc);
  std::vector<Sentence> out;
  for (auto [first, end] : BlockRanges(*doc)) {
    uint32_t start = first;
    for (uint32_t i = first; i < end; ++i) {
      bool boundary = i + 1 == end;
      if (!boundary) {
        Features(info, first, end, i, rule[i], i - start + 1, &feats);
        int32_t score[2] = {0, 0};
        model_.Score(feats, score);
        boundary = score[1] > score[0];
      }
      if (boundary) {
        Sentence s;
        s.first_token = start;
        s.end_token = i + 1;
        s.span = {doc->tokens[start].span.start, doc->tokens[i].span.end};
        out.push_back(s);
        start = i + 1;
      }
    }
  }
  doc->sentences = std::move(out);
}

std::unique_ptr<SentenceSplitter> SentenceSplitter::Train(const std::vector<ConlluSentence>& train,
                                                          int epochs, std::ostream* log) {
  // Paragraphs of raw text with the gold sentence ends, tokenized as at run time.
  struct Example {
    std::vector<TokenInfo> info;
    std::vector<bool> rule, gold;
    std::vector<std::pair<uint32_t, uint32_t>> blocks;
  };
  std::vector<Example> examples;
  Tokenizer tokenizer;
  std::string text;
  std::set<uint32_t> ends;
  auto flush = [&] {
    if (text.empty()) return;
    Document doc;
    doc.text = text;
    tokenizer.Tokenize(&doc);
    Example e;
    Describe(doc, &e.info);
    e.rule = RuleEnds(doc);
    e.gold.resize(doc.tokens.size());
    for (size_t i = 0; i < doc.tokens.size(); ++i)
      e.gold[i] = ends.count(doc.tokens[i].span.end) > 0;
    e.blocks = BlockRanges(doc);
    examples.push_back(std::move(e));
    text.clear();
    ends.clear();
  };
  for (const auto& s : train) {
    bool new_par = false;
    for (const auto& c : s.comments)
      if (c.rfind("# newdoc", 0) == 0 || c.rfind("# newpar", 0) == 0) new_par = true;
    if (new_par) flush();
    std::string t = s.Comment("text");
    while (!t.empty() && t.back() == ' ') t.pop_back();
    if (t.empty()) continue;
    if (!text.empty()) text.push_back(' ');
    text += t;
    ends.insert(static_cast<uint32_t>(text.size()));
  }
  flush();

  Perceptron p(2);
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(1);
  std::vector<uint64_t> feats;
  float score[2];
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t gaps = 0, wrong = 0;
    for (size_t k : order) {
      const Example& e = examples[k];
      for (auto [first, end] : e.blocks) {
        uint32_t start = first;
        for (uint32_t i = first; i + 1 < end; ++i) {
          Features(e.info, first, end, i, e.rule[i], i - start + 1, &feats);
          p.Score(feats, score);
          const int pred = score[1] > score[0] ? 1 : 0;
          const int gold = e.gold[i] ? 1 : 0;
          if (pred != gold) {
            ++wrong;
            p.Update(feats, gold, 1.0f);
            p.Update(feats, pred, -1.0f);
          }
          p.Tick();
          ++gaps;
          if (gold) start = i + 1;  // train on gold history
        }
      }
    }
    if (log)
      *log << "sentences: epoch " << epoch << ", " << 100.0 * wrong / std::max<size_t>(gaps, 1)
           << "% of " << gaps << " gaps wrong\n";
  }
  std::unique_ptr<SentenceSplitter> s(new SentenceSplitter);
  s->model_ = p.Freeze(0.5f);
  return s;
}

}  // namespace dyad::nlp
