#include "nlp/tagger.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <numeric>
#include <random>
#include <unordered_map>

#include "nlp/word_features.h"

namespace dyad::nlp {

namespace {

constexpr std::string_view kMagic = "dyad tagger model v1\n";

// Feature templates.
enum : uint64_t {
  kBias,
  kRaw,
  kLower,
  kSuf1,
  kSuf2,
  kSuf3,
  kSuf4,
  kPre1,
  kPre2,
  kPre3,
  kShape,
  kT1,
  kT2,
  kT1T2,
  kT1W,
  kWm1,
  kWm2,
  kWp1,
  kWp2,
  kSufm1,
  kSufp1,
  kWm1W,
  kWWp1,
  kAmb,
  kAmbp1,
  kAmbp2,
  kT1Amb,
  kShapep1,
  kShapem1,
  kFirstShape,
  kHyphenLast,
  kAmbm1,
  kT1Suf3,
  kWm1Wp1,
  kAmbp1Amb,
  kR1,
  kR2,
  kR1R2,
  kR1W,
  kT1R1,
  kR1Suf3,
  kR1Shape,
  kC0f,
  kC0c,
  kCm1f,
  kCp1f,
  kCp1c,
  kCp2c,
  kT1C0f,
  kC0fCp1c,
  kC0cSuf3,
  kFin,
  kFinAmb,
  kFinM1,
  kFinSuf3,
  kAux,
  kAuxAmb,
  kAuxSuf2,
};

void StaticFeatures(const std::vector<WordInfo>& w, int i, std::vector<uint64_t>* f);
void TagFeatures(const std::vector<WordInfo>& w, int i, uint64_t t1, uint64_t t2,
                 std::vector<uint64_t>* f);
void RightStaticFeatures(const std::vector<WordInfo>& w, int i, const std::vector<int>& first,
                         const std::vector<uint8_t>& clause, int nt, std::vector<uint64_t>* f);

// For the second pass: clause[i] says whether the first pass put a finite verb (VBD, VBZ, VBP,
// MD: `finite` flags those tags) before word i (bit 1) and after it (bit 0). A sentence's only
// verb is finite far more often than not ("The senator called for ..."), while a participle
// after a noun is a reduced relative when a finite verb follows ("the man called yesterday
// was ..."); the words around are too few to tell the two apart.
void FiniteContext(const std::vector<int>& first, const std::vector<uint8_t>& finite,
                   std::vector<uint8_t>* clause) {
  const size_t n = first.size();
  clause->assign(n, 0);
  bool seen = false;
  for (size_t i = 0; i < n; ++i) {
    if (seen) (*clause)[i] |= 2;
    seen = seen || finite[first[i]];
  }
  seen = false;
  for (size_t i = n; i-- > 0;) {
    if (seen) (*clause)[i] |= 1;
    seen = seen || finite[first[i]];
  }
}

// Greedy decoding of one sentence with `model`; `right` (the first pass's tags) turns on the
// second-pass features (`finite`: the tags that are finite verbs).
//
// With `kinds` (per tag; TagKind::past is the past-tense tag of a participle tag), (*gap)[i] is
// how far the past tense scored below a chosen participle (INT32_MAX when word i is none).
void Decode(const LinearModel& model, int nt, const std::vector<WordInfo>& words,
            const std::vector<int>* right, const std::vector<uint8_t>& finite,
            std::vector<int>* tags, const std::vector<Tagger::TagKind>* kinds = nullptr,
            std::vector<int32_t>* gap = nullptr) {
  thread_local std::vector<uint64_t> feats;
  thread_local std::vector<uint32_t> owner;
  thread_local std::vector<int32_t> base, scores;
  thread_local std::vector<uint8_t> clause;
  const size_t n = words.size();
  tags->assign(n, 0);
  if (gap) gap->resize(n);
  if (right) FiniteContext(*right, finite, &clause);
  // The features that do not depend on earlier decisions, of all words in one batch (their
  // memory lookups overlap); then, word by word, the few that do.
  feats.clear();
  owner.clear();
  for (size_t i = 0; i < n; ++i) {
    StaticFeatures(words, static_cast<int>(i), &feats);
    if (right) RightStaticFeatures(words, static_cast<int>(i), *right, clause, nt, &feats);
    owner.resize(feats.size(), static_cast<uint32_t>(i));
  }
  base.assign(n * nt, 0);
  model.ScoreMany(feats, owner, base.data());
  scores.resize(nt);
  uint64_t t1 = nt, t2 = nt + 1;
  for (size_t i = 0; i < n; ++i) {
    feats.clear();
    TagFeatures(words, static_cast<int>(i), t1, t2, &feats);
    if (right) feats.push_back(Feature(kT1R1, t1, i + 1 < n ? (*right)[i + 1] : nt));
    std::copy(base.begin() + i * nt, base.begin() + (i + 1) * nt, scores.begin());
    model.Score(feats, scores.data());
    const int best =
        static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
    (*tags)[i] = best;
    if (kinds) {
      const int p = (*kinds)[best].past;
      (*gap)[i] = p >= 0 ? scores[best] - scores[p] : INT32_MAX;
    }
    t2 = t1;
    t1 = best;
  }
}

// Features of word i that do not depend on the tags before it (appended to *f).
void StaticFeatures(const std::vector<WordInfo>& w, int i, std::vector<uint64_t>* f) {
  const int n = static_cast<int>(w.size());
  const WordInfo& c = w[i];
  const WordInfo& m1 = i >= 1 ? w[i - 1] : WordInfo::Start();
  const WordInfo& m2 = i >= 2 ? w[i - 2] : WordInfo::Start();
  const WordInfo& p1 = i + 1 < n ? w[i + 1] : WordInfo::End();
  const WordInfo& p2 = i + 2 < n ? w[i + 2] : WordInfo::End();
  f->push_back(Feature(kBias, 0));
  f->push_back(Feature(kRaw, c.raw));
  f->push_back(Feature(kLower, c.lower));
  f->push_back(Feature(kSuf1, c.suf[0]));
  f->push_back(Feature(kSuf2, c.suf[1]));
  f->push_back(Feature(kSuf3, c.suf[2]));
  f->push_back(Feature(kSuf4, c.suf[3]));
  f->push_back(Feature(kPre1, c.pre[0]));
  f->push_back(Feature(kPre2, c.pre[1]));
  f->push_back(Feature(kPre3, c.pre[2]));
  f->push_back(Feature(kShape, c.shape));
  f->push_back(Feature(kWm1, m1.lower));
  f->push_back(Feature(kWm2, m2.lower));
  f->push_back(Feature(kWp1, p1.lower));
  f->push_back(Feature(kWp2, p2.lower));
  f->push_back(Feature(kSufm1, m1.suf[2]));
  f->push_back(Feature(kSufp1, p1.suf[2]));
  f->push_back(Feature(kWm1W, m1.lower, c.lower));
  f->push_back(Feature(kWWp1, c.lower, p1.lower));
  f->push_back(Feature(kAmb, c.amb));
  f->push_back(Feature(kAmbp1, p1.amb));
  f->push_back(Feature(kAmbp2, p2.amb));
  f->push_back(Feature(kShapep1, p1.shape));
  f->push_back(Feature(kShapem1, m1.shape));
  f->push_back(Feature(kFirstShape, i == 0, c.shape));
  if (c.hyphen_last) f->push_back(Feature(kHyphenLast, c.hyphen_last));
  f->push_back(Feature(kAmbm1, m1.amb));
  f->push_back(Feature(kWm1Wp1, m1.lower, p1.lower));
  f->push_back(Feature(kAmbp1Amb, p1.amb, c.amb));
  // The nearest auxiliary of a participle (be, have, get) in the six words before, and how far:
  // "-ed" with none in sight is most often a past tense ("Police arrested and questioned").
  uint64_t aux = 0;
  for (int j = i - 1; j >= 0 && j >= i - 6; --j)
    if (w[j].aux) {
      aux = w[j].aux * 8 + (i - j);
      break;
    }
  f->push_back(Feature(kAux, aux));
  f->push_back(Feature(kAuxAmb, aux, c.amb));
  f->push_back(Feature(kAuxSuf2, aux, c.suf[1]));
  if (c.cluster | p1.cluster | m1.cluster) {  // the model has word clusters
    const uint64_t c0f = c.cluster & 0xFFFF, c0c = c.cluster >> 16;
    f->push_back(Feature(kC0f, c0f));
    f->push_back(Feature(kC0c, c0c));
    f->push_back(Feature(kCm1f, m1.cluster & 0xFFFF));
    f->push_back(Feature(kCp1f, p1.cluster & 0xFFFF));
    f->push_back(Feature(kCp1c, p1.cluster >> 16));
    f->push_back(Feature(kCp2c, p2.cluster >> 16));
    f->push_back(Feature(kC0fCp1c, c0f, p1.cluster >> 16));
    f->push_back(Feature(kC0cSuf3, c0c, c.suf[2]));
  }
}

// Features of word i on the two previous tags (num_tags and num_tags+1 stand for none).
void TagFeatures(const std::vector<WordInfo>& w, int i, uint64_t t1, uint64_t t2,
                 std::vector<uint64_t>* f) {
  const int n = static_cast<int>(w.size());
  const WordInfo& c = w[i];
  const WordInfo& m1 = i >= 1 ? w[i - 1] : WordInfo::Start();
  const WordInfo& p1 = i + 1 < n ? w[i + 1] : WordInfo::End();
  f->push_back(Feature(kT1, t1));
  f->push_back(Feature(kT2, t2));
  f->push_back(Feature(kT1T2, t1, t2));
  f->push_back(Feature(kT1W, t1, c.lower));
  f->push_back(Feature(kT1Amb, t1, c.amb));
  f->push_back(Feature(kT1Suf3, t1, c.suf[2]));
  if (c.cluster | p1.cluster | m1.cluster) f->push_back(Feature(kT1C0f, t1, c.cluster & 0xFFFF));
}

void Features(const std::vector<WordInfo>& w, int i, uint64_t t1, uint64_t t2,
              std::vector<uint64_t>* f) {
  f->clear();
  StaticFeatures(w, i, f);
  TagFeatures(w, i, t1, t2, f);
}

// Second-pass features: the first pass's tags of the next two words (num_tags: none) and
// whether it found finite verbs before and after (`clause`, see FiniteContext); all but the
// last do not depend on the previous tag.
void RightStaticFeatures(const std::vector<WordInfo>& w, int i, const std::vector<int>& first,
                         const std::vector<uint8_t>& clause, int nt, std::vector<uint64_t>* f) {
  const int n = static_cast<int>(w.size());
  const WordInfo& c = w[i];
  const uint64_t r1 = i + 1 < n ? first[i + 1] : nt;
  const uint64_t r2 = i + 2 < n ? first[i + 2] : nt;
  const uint64_t m1 = i >= 1 ? first[i - 1] : nt;
  f->push_back(Feature(kFin, clause[i]));
  f->push_back(Feature(kFinAmb, clause[i], c.amb));
  f->push_back(Feature(kFinM1, clause[i], m1));
  f->push_back(Feature(kFinSuf3, clause[i], c.suf[2]));
  f->push_back(Feature(kR1, r1));
  f->push_back(Feature(kR2, r2));
  f->push_back(Feature(kR1R2, r1, r2));
  f->push_back(Feature(kR1W, r1, c.lower));
  f->push_back(Feature(kR1Suf3, r1, c.suf[2]));
  f->push_back(Feature(kR1Shape, r1, c.shape));
}

void RightFeatures(const std::vector<WordInfo>& w, int i, uint64_t t1,
                   const std::vector<int>& first, const std::vector<uint8_t>& clause, int nt,
                   std::vector<uint64_t>* f) {
  RightStaticFeatures(w, i, first, clause, nt, f);
  f->push_back(Feature(kT1R1, t1, i + 1 < static_cast<int>(w.size()) ? first[i + 1] : nt));
}

template <typename T>
int ArgMax(const T* scores, int n) {
  return static_cast<int>(std::max_element(scores, scores + n) - scores);
}

void Describe(const KeyMap& lexicon, const WordClusters& clusters,
              std::span<const std::string_view> forms, std::vector<WordInfo>* out) {
  out->resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    WordInfo& w = (*out)[i];
    w.Describe(forms[i]);
    w.amb = lexicon.Get(w.lower, 0);
    w.cluster = clusters.Get(w.lower);
  }
}

}  // namespace

LinearModel Tagger::TrainPass(const std::vector<std::vector<WordInfo>>& words,
                              const std::vector<std::vector<int>>& gold,
                              const std::vector<std::vector<int>>* right, int nt,
                              const TaggerOptions& options, Tagger* eval,
                              const std::vector<ConlluSentence>* dev, std::ostream* log,
                              const char* name, const std::vector<uint8_t>& finite) {
  Perceptron p(nt);
  std::vector<size_t> order(words.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  std::vector<uint64_t> feats;
  std::vector<float> scores(nt);
  std::vector<uint8_t> clause;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto t0 = std::chrono::steady_clock::now();
    std::shuffle(order.begin(), order.end(), rng);
    size_t n = 0, correct = 0;
    for (size_t k : order) {
      uint64_t t1 = nt, t2 = nt + 1;
      const size_t len = words[k].size();
      if (right) FiniteContext((*right)[k], finite, &clause);
      for (size_t i = 0; i < len; ++i) {
        Features(words[k], static_cast<int>(i), t1, t2, &feats);
        if (right)
          RightFeatures(words[k], static_cast<int>(i), t1, (*right)[k], clause, nt, &feats);
        p.Score(feats, scores.data());
        const int best = ArgMax(scores.data(), nt);
        const int g = gold[k][i];
        if (best != g) {
          p.Update(feats, g, 1.0f);
          p.Update(feats, best, -1.0f);
        } else {
          ++correct;
        }
        p.Tick();
        ++n;
        t2 = t1;
        t1 = best;
      }
    }
    if (log) {
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      *log << "tagger " << name << ": epoch " << epoch << " train " << 100.0 * correct / n << "% ("
           << p.num_features() << " features, " << secs << " s)";
      if (eval && (epoch == options.epochs || epoch % 3 == 0)) {
        (right ? eval->second_ : eval->model_) = p.Freeze(0);
        eval->two_pass_ = right != nullptr;
        double u, x;
        eval->Evaluate(*dev, &u, &x);
        *log << "  dev UPOS " << 100 * u << "% XPOS " << 100 * x << "%";
      }
      *log << std::endl;
    }
  }
  return p.Freeze(options.min_weight);
}

void Tagger::ClassifyTags() {
  finite_.assign(xpos_.size(), 0);
  kind_.assign(xpos_.size(), TagKind{});
  for (size_t t = 0; t < xpos_.size(); ++t) {
    const std::string& x = xpos_[t];
    TagKind& k = kind_[t];
    k.nominal = x == "NN" || x == "NNS" || x == "NNP" || x == "NNPS" || x == "PRP";
    k.base = x == "VB";
    k.to = x == "TO";
    finite_[t] = x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD";
    if (x != "VBN") continue;
    for (size_t u = 0; u < xpos_.size(); ++u)
      if (xpos_[u] == "VBD" && upos_[u] == upos_[t]) k.past = static_cast<int>(u);
  }
}

// A sentence that ends as a statement does ('.', '!') has a finite verb: when the tagger
// found none but read a word as a participle that may be a past tense, the one it was least
// sure of becomes the past tense. Greedy tagging from EWT's web text reads the commonest clause
// of news, "Police arrested two men.", as a reduced relative ("arrested" as in "the men arrested
// yesterday were ..."), which a finite verb elsewhere in the sentence would have shown it is.
void Tagger::RequireFiniteVerb(std::span<const std::string_view> forms,
                               const std::vector<WordInfo>& words, const std::vector<int32_t>& gap,
                               std::vector<int>* tags) const {
  const size_t n = tags->size();
  if (n < 3) return;
  size_t end = n - 1;
  while (end > 0 && (forms[end] == "\"" || forms[end] == "”" || forms[end] == "'" ||
                     forms[end] == "’" || forms[end] == ")"))
    --end;
  if (forms[end] != "." && forms[end] != "!") return;
  size_t pick = n;
  for (size_t i = 0; i < n; ++i) {
    const int t = (*tags)[i];
    if (finite_[t]) return;
    // An imperative ("Please see attached ...") is finite too: a base form not after "to".
    if (kind_[t].base && (i == 0 || !kind_[(*tags)[i - 1]].to)) return;
    if (gap[i] == INT32_MAX) continue;
    // Right after its subject's head: a noun or pronoun ("Highly recommended." stays).
    if (i == 0 || words[i - 1].aux || !kind_[(*tags)[i - 1]].nominal) continue;
    if (pick == n || gap[i] < gap[pick]) pick = i;
  }
  if (pick < n) (*tags)[pick] = kind_[(*tags)[pick]].past;
}

std::unique_ptr<Tagger> Tagger::Load(const std::string& path, std::string* error) {
  ModelReader r;
  if (!r.Open(path, kMagic, error)) return nullptr;
  std::unique_ptr<Tagger> t(new Tagger);
  t->upos_ = r.StrList();
  t->xpos_ = r.StrList();
  const bool two = r.U8() != 0;
  bool ok = t->lexicon_.Load(&r) && t->clusters_.Load(&r) && t->model_.Load(&r);
  if (ok && two)
    ok = t->second_.Load(&r) && t->second_.num_classes() == static_cast<int>(t->upos_.size());
  ok = ok && r.ok() && r.at_end() && t->upos_.size() == t->xpos_.size() &&
       t->model_.num_classes() == static_cast<int>(t->upos_.size());
  t->two_pass_ = two;
  t->ClassifyTags();
  if (!ok) {
    *error = path + ": corrupt tagger model";
    return nullptr;
  }
  return t;
}

bool Tagger::Save(const std::string& path, std::string* error) const {
  ModelWriter w;
  w.StrList(upos_);
  w.StrList(xpos_);
  w.U8(two_pass_ ? 1 : 0);
  lexicon_.Save(&w);
  clusters_.Save(&w);
  model_.Save(&w);
  if (two_pass_) second_.Save(&w);
  return w.WriteFile(path, kMagic, error);
}

void Tagger::Tag(std::span<const std::string_view> forms, std::vector<int>* tags) const {
  thread_local std::vector<WordInfo> words;
  thread_local std::vector<int> first;
  Describe(lexicon_, clusters_, forms, &words);
  if (!two_pass_) return Decode(model_, num_tags(), words, nullptr, finite_, tags);
  Decode(model_, num_tags(), words, nullptr, finite_, &first);
  thread_local std::vector<int32_t> gap;
  Decode(second_, num_tags(), words, &first, finite_, tags, &kind_, &gap);
  RequireFiniteVerb(forms, words, gap, tags);
}

void Tagger::Evaluate(const std::vector<ConlluSentence>& gold, double* upos, double* xpos) const {
  size_t n = 0, u = 0, x = 0;
  std::vector<std::string_view> forms;
  std::vector<int> tags;
  for (const auto& s : gold) {
    forms.clear();
    for (const auto& w : s.words) forms.push_back(w.form);
    Tag(forms, &tags);
    for (size_t i = 0; i < s.words.size(); ++i) {
      ++n;
      u += upos_[tags[i]] == s.words[i].upos;
      x += xpos_[tags[i]] == s.words[i].xpos;
    }
  }
  *upos = n ? static_cast<double>(u) / n : 0;
  *xpos = n ? static_cast<double>(x) / n : 0;
}

std::unique_ptr<Tagger> Tagger::Train(const std::vector<ConlluSentence>& train,
                                      const std::vector<ConlluSentence>& dev,
                                      const TaggerOptions& options, std::ostream* log,
                                      const WordClusters* clusters) {
  std::unique_ptr<Tagger> t(new Tagger);
  if (clusters) t->clusters_ = *clusters;
  // The tag set: every UPOS/XPOS pair seen in training, most frequent first.
  std::map<std::pair<std::string, std::string>, size_t> pair_count;
  for (const auto& s : train)
    for (const auto& w : s.words) ++pair_count[{w.upos, w.xpos}];
  std::vector<std::pair<size_t, std::pair<std::string, std::string>>> pairs;
  for (auto& [p, c] : pair_count) pairs.push_back({c, p});
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::map<std::pair<std::string, std::string>, int> tag_id;
  for (auto& [c, p] : pairs) {
    tag_id[p] = static_cast<int>(t->upos_.size());
    t->upos_.push_back(p.first);
    t->xpos_.push_back(p.second);
  }
  const int nt = t->num_tags();
  t->ClassifyTags();

  // The lexicon: for each frequent enough word, the set of tags it takes (1% or more).
  std::unordered_map<uint64_t, std::map<int, size_t>> word_tags;
  for (const auto& s : train)
    for (const auto& w : s.words)
      ++word_tags[HashString(LowerForm(w.form))][tag_id[{w.upos, w.xpos}]];
  std::vector<std::pair<uint64_t, uint32_t>> lex;
  for (auto& [word, tags] : word_tags) {
    size_t total = 0;
    for (auto& [tag, c] : tags) total += c;
    if (total < static_cast<size_t>(options.min_lexicon_count)) continue;
    uint64_t amb = 0x51ED2701;
    for (auto& [tag, c] : tags)
      if (c * 100 >= total) amb = Fmix(amb ^ (static_cast<uint64_t>(tag) + 1));
    lex.emplace_back(word, static_cast<uint32_t>(amb) | 1u);
  }
  std::sort(lex.begin(), lex.end());
  t->lexicon_ = KeyMap(lex);
  if (log)
    *log << "tagger: " << nt << " tags, " << word_tags.size() << " word types, " << lex.size()
         << " in the lexicon\n";

  // Gold tags and word descriptions, once.
  std::vector<std::vector<WordInfo>> words(train.size());
  std::vector<std::vector<int>> gold(train.size());
  for (size_t k = 0; k < train.size(); ++k) {
    std::vector<std::string_view> forms;
    for (const auto& w : train[k].words) {
      forms.push_back(w.form);
      gold[k].push_back(tag_id[{w.upos, w.xpos}]);
    }
    Describe(t->lexicon_, t->clusters_, forms, &words[k]);
  }
  // Words seen once stand in for the unknown words of new text: half of their occurrences
  // (chosen by hash, so training is deterministic) lose the word-identity features, so the
  // model learns to rely on affixes, shape and clusters too.
  if (options.unknown_word_rate > 0) {
    std::unordered_map<uint64_t, int> word_count;
    for (const auto& ws : words)
      for (const auto& w : ws) ++word_count[w.lower];
    static const uint64_t unknown = HashString("<unknown>");
    for (size_t k = 0; k < words.size(); ++k)
      for (size_t i = 0; i < words[k].size(); ++i) {
        WordInfo& w = words[k][i];
        if (word_count[w.lower] != 1) continue;
        if ((Fmix(k * 1000003 + i) % 1000) >= options.unknown_word_rate * 1000) continue;
        w.raw = w.lower = unknown;
      }
  }

  const std::vector<std::vector<int>>* no_right = nullptr;
  t->model_ = TrainPass(words, gold, no_right, nt, options, dev.empty() ? nullptr : t.get(), &dev,
                        log, "pass 1", t->finite_);
  if (options.two_pass && train.size() >= 2) {
    // The second pass learns from first-pass tags as they will be at run time: each fold of
    // the training set tagged by a first pass trained on the other folds.
    const int folds = std::min<int>(std::max(2, options.jackknife), static_cast<int>(train.size()));
    std::vector<std::vector<int>> right(train.size());
    for (int fold = 0; fold < folds; ++fold) {
      std::vector<std::vector<WordInfo>> fw;
      std::vector<std::vector<int>> fg;
      for (size_t k = 0; k < train.size(); ++k)
        if (static_cast<int>(k % folds) != fold) {
          fw.push_back(words[k]);
          fg.push_back(gold[k]);
        }
      LinearModel m =
          TrainPass(fw, fg, no_right, nt, options, nullptr, nullptr, nullptr, "", t->finite_);
      for (size_t k = fold; k < train.size(); k += folds)
        Decode(m, nt, words[k], nullptr, t->finite_, &right[k]);
      if (log) *log << "tagger: jackknife fold " << fold + 1 << "/" << folds << "\n";
    }
    t->two_pass_ = true;
    t->second_ = TrainPass(words, gold, &right, nt, options, dev.empty() ? nullptr : t.get(), &dev,
                           log, "pass 2", t->finite_);
  }
  if (log)
    *log << "tagger: " << t->model_.num_features() + t->second_.num_features() << " features kept, "
         << t->bytes() / 1e6 << " MB\n";
  return t;
}

}  // namespace dyad::nlp
