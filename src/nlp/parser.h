// Labeled dependency parser: arc-eager transitions (with a root-constrained, single-root
// variant of the tree constraint) scored by an averaged perceptron over Zhang & Nivre (2011)
// rich non-local features; greedy and trained with Goldberg & Nivre's dynamic oracle, or beam
// search trained as a global perceptron with max-violation updates.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/conllu.h"
#include "nlp/linear_model.h"
#include "nlp/tagger.h"

namespace dyad::nlp {

struct ParserOptions {
  int epochs = 12;
  uint64_t seed = 1;
  // Train on tags predicted by `jackknife` taggers, each trained without one fold of the
  // training set (below 2: gold tags).
  int jackknife = 10;
  double explore = 0.9;        // chance to follow a wrong prediction (dynamic oracle)
  int explore_from_epoch = 2;  // the first epochs follow the oracle
  float min_weight = 1.0f;     // averaged weights of smaller magnitude are dropped (size)
  // Beam width. 1: greedy decoding, trained move by move with the dynamic oracle. Above 1:
  // beam search trained as a global perceptron with max-violation updates (Zhang & Nivre 2011,
  // Huang et al. 2012); the model keeps the width as its default for decoding.
  int beam = 1;
  // A file that keeps the jackknifed training tags between runs: read when it was written for
  // the same training set, jackknife and tagger options; (re)written otherwise. Empty: none.
  std::string tags_cache;
};

class Parser {
 public:
  static std::unique_ptr<Parser> Load(const std::string& path, std::string* error);
  bool Save(const std::string& path, std::string* error) const;

  // Trains on `train`. Training tags come from jackknifed taggers (see ParserOptions); the
  // dev set, when given, is tagged by `dev_tagger` (or by a tagger trained on all of `train`).
  static std::unique_ptr<Parser> Train(const std::vector<ConlluSentence>& train,
                                       const std::vector<ConlluSentence>& dev,
                                       const Tagger* dev_tagger,
                                       const TaggerOptions& tagger_options,
                                       const ParserOptions& options, std::ostream* log,
                                       const WordClusters* clusters = nullptr);

  // The parser's id of a tag, or an "unknown tag" id when training never saw it.
  int TagId(std::string_view upos, std::string_view xpos) const;

  // Parses one sentence: forms and tag ids (from TagId) of words 1..n in, (*heads)[i] the
  // head of word i+1 (0 = root) and (*labels)[i] its relation (see label()) out.
  // Const and thread-safe.
  void Parse(std::span<const std::string_view> forms, std::span<const int> tags,
             std::vector<int>* heads, std::vector<int>* labels) const;

  // Beam width Parse uses: the width the model was trained with, unless set here (1: greedy).
  int beam() const { return beam_; }
  void set_beam(int width) { beam_ = std::clamp(width, 1, kMaxBeam); }
  static constexpr int kMaxBeam = 64;

  const std::string& label(int id) const { return labels_[id]; }
  // Tag `id` as "UPOS\tXPOS" (ids below num_tags()).
  const std::string& tag(int id) const { return tags_[id]; }
  int num_tags() const { return static_cast<int>(tags_.size()); }
  int num_labels() const { return static_cast<int>(labels_.size()); }
  size_t bytes() const { return model_.bytes() + clusters_.bytes(); }

  // Attachment scores on `gold`, tagging with `tagger`: unlabeled, labeled (full relation)
  // and labeled with the universal part of the relation only (CoNLL 2018 LAS).
  void Evaluate(const std::vector<ConlluSentence>& gold, const Tagger& tagger, double* uas,
                double* las, double* ulas) const;

 private:
  Parser() = default;
  // Fills punct_ from tags_.
  void FlagPunctuation();
  std::vector<std::string> tags_;    // "UPOS\tXPOS"
  std::vector<uint8_t> punct_;       // per tag: UPOS PUNCT (FlagPunctuation, from tags_)
  std::vector<std::string> labels_;  // dependency relations; labels_[root_label_] == "root"
  int root_label_ = 0;
  int beam_ = 1;
  // The label of a word Finish() must attach by hand: any label but the root's.
  int FallbackLabel() const { return num_labels() > 1 && root_label_ == 0 ? 1 : 0; }
  void ParseBeam(std::span<const std::string_view> forms, std::span<const int> tags,
                 std::vector<int>* heads, std::vector<int>* labels) const;
  WordClusters clusters_;
  LinearModel model_;
};

// Makes a tree projective by lifting non-projective arcs to the head's head (shortest first),
// as training for a projective transition system needs. heads[i] is the head of word i+1.
void Projectivize(std::vector<int>* heads);

}  // namespace dyad::nlp
