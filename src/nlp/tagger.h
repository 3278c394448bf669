// Part-of-speech tagger: a greedy left-to-right averaged perceptron over word, affix, shape,
// lexicon and tag-history features that predicts the UD UPOS and Penn Treebank XPOS together.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/conllu.h"
#include "nlp/linear_model.h"
#include "nlp/word_clusters.h"

namespace dyad::nlp {

struct TaggerOptions {
  int epochs = 10;
  uint64_t seed = 1;
  int min_lexicon_count = 3;       // words seen less often get no lexicon (ambiguity class) feature
  double unknown_word_rate = 0.5;  // share of once-seen words trained as unknown words
  float min_weight = 0.5f;         // averaged weights of smaller magnitude are dropped (model size)
  // A second left-to-right pass that also sees the first pass's tags of the next words,
  // trained on first-pass tags of `jackknife` folds.
  bool two_pass = true;
  int jackknife = 5;
};

struct WordInfo;

class Tagger {
 public:
  // Loads a model written by Save; nullptr with *error set on failure.
  static std::unique_ptr<Tagger> Load(const std::string& path, std::string* error);
  bool Save(const std::string& path, std::string* error) const;

  // Trains on `train`, printing progress (and accuracy on `dev`, when given) to `log`.
  // With `clusters` (kept in the model), words also back off to their word clusters.
  static std::unique_ptr<Tagger> Train(const std::vector<ConlluSentence>& train,
                                       const std::vector<ConlluSentence>& dev,
                                       const TaggerOptions& options, std::ostream* log,
                                       const WordClusters* clusters = nullptr);

  // Tags one sentence: (*tags)[i] is the tag of forms[i]. Const and thread-safe.
  void Tag(std::span<const std::string_view> forms, std::vector<int>* tags) const;

  int num_tags() const { return static_cast<int>(upos_.size()); }
  const std::string& upos(int tag) const { return upos_[tag]; }
  const std::string& xpos(int tag) const { return xpos_[tag]; }
  size_t bytes() const {
    return model_.bytes() + second_.bytes() + lexicon_.bytes() + clusters_.bytes();
  }

  // What the finite-verb rule needs to know of a tag, worked out once from its XPOS.
  struct TagKind {
    bool nominal = false;  // a noun or personal pronoun (NN*, PRP): a subject's head
    bool base = false;     // VB
    bool to = false;       // TO
    int past = -1;         // for VBN, the VBD tag of the same UPOS
  };

  // Share of words of `gold` whose UPOS (and XPOS) the tagger gets right.
  void Evaluate(const std::vector<ConlluSentence>& gold, double* upos, double* xpos) const;

 private:
  Tagger() = default;
  // Trains one pass; with `right`, the second pass. Progress on `dev` (through `eval`).
  static LinearModel TrainPass(const std::vector<std::vector<WordInfo>>& words,
                               const std::vector<std::vector<int>>& gold,
                               const std::vector<std::vector<int>>* right, int nt,
                               const TaggerOptions& options, Tagger* eval,
                               const std::vector<ConlluSentence>* dev, std::ostream* log,
                               const char* name, const std::vector<uint8_t>& finite);
  // Fills finite_ and kind_ from xpos_.
  void ClassifyTags();
  void RequireFiniteVerb(std::span<const std::string_view> forms,
                         const std::vector<WordInfo>& words, const std::vector<int32_t>& gap,
                         std::vector<int>* tags) const;

  std::vector<std::string> upos_, xpos_;
  KeyMap lexicon_;  // lower-cased form hash -> ambiguity class (hash of the tags it takes)
  WordClusters clusters_;
  LinearModel model_;   // first pass
  LinearModel second_;  // second pass (when two_pass_)
  bool two_pass_ = false;
  std::vector<uint8_t> finite_;  // per tag: a finite verb (VBD, VBZ, VBP, MD)
  std::vector<TagKind> kind_;    // per tag: what RequireFiniteVerb asks of it
};

}  // namespace dyad::nlp
