// Lemmatizer: the lemma of a tagged word, from a lexicon learned from a treebank, WordNet's
// exception lists and lemma index (morphological rules checked against it), and suffix rules
// learned from the treebank for words neither has seen.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/conllu.h"
#include "nlp/linear_model.h"

namespace dyad::nlp {

struct LemmatizerOptions {
  std::string wordnet_dir = "/usr/share/wordnet";  // "" or missing: no WordNet
};

class Lemmatizer {
 public:
  static std::unique_ptr<Lemmatizer> Load(const std::string& path, std::string* error);
  bool Save(const std::string& path, std::string* error) const;

  // Learns from the lemmas of `train` (and WordNet, when options say where it is).
  static std::unique_ptr<Lemmatizer> Train(const std::vector<ConlluSentence>& train,
                                           const LemmatizerOptions& options, std::ostream* log,
                                           std::string* error);

  // The lemma of `form` tagged xpos (Penn Treebank) and upos. Const and thread-safe.
  std::string Lemma(std::string_view form, std::string_view upos, std::string_view xpos) const;

  // Share of words of `gold` whose lemma is right given their gold tags.
  double Evaluate(const std::vector<ConlluSentence>& gold) const;
  size_t bytes() const;

 private:
  Lemmatizer() = default;
  // A rule: strip `strip` bytes from the end of the form, then append `append`.
  struct Rule {
    uint32_t strip;
    std::string append;
  };
  std::string Apply(std::string_view form, uint32_t rule) const;
  uint32_t FindRule(uint64_t key) const { return rules_by_key_.Get(key, 0); }
  bool InWordNet(int pos, std::string_view lemma) const;
  std::string FromWordNet(int pos, const std::string& lower, std::string_view xpos) const;

  std::vector<Rule> rules_;  // rules_[0] is "no rule"
  // (form, xpos) and (lower-cased form, xpos) -> rule; (xpos, suffix) -> rule.
  KeyMap rules_by_key_;
  std::vector<std::string> keep_case_tags_;  // XPOS whose lemmas keep the form's case
  // WordNet: sorted hashes of the lemmas of each part of speech (noun, verb, adj, adv), and
  // its exception lists as (pos, inflected form) -> rule.
  std::vector<uint64_t> wordnet_[4];
};

}  // namespace dyad::nlp
