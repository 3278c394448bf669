// The nlp stage: re-splits sentences where the learned splitter disagrees with the tokenizer's
// rules, then tags (UPOS, XPOS), lemmatizes and dependency-parses every sentence of a Document,
// with models loaded once from a directory.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "nlp/lemmatizer.h"
#include "nlp/parser.h"
#include "nlp/sentence_splitter.h"
#include "nlp/tagger.h"

namespace dyad::nlp {

// What the stage says about one word of a sentence.
struct WordAnalysis {
  std::string upos, xpos, lemma, deprel;
  int head = 0;  // 1-based index of the head word in the sentence; 0 for the root
};

// Built once from model files, then const and thread-safe: Annotate may run on many
// Documents at once.
class Annotator {
 public:
  static constexpr const char* kTaggerFile = "tagger.bin";
  static constexpr const char* kLemmatizerFile = "lemmatizer.bin";
  static constexpr const char* kParserFile = "parser.bin";  // greedy: fast
  // Beam search: about a point more attachment accuracy at a fifth of the speed (optional).
  static constexpr const char* kAccurateParserFile = "parser-beam.bin";
  static constexpr int kAccurateBeam = 8;  // its width, as `dyad train all` trains it
  static constexpr const char* kSentencesFile = "sentences.bin";  // optional

  // $DYAD_DATA/models when DYAD_DATA is set, else the models folder of the build's data dir.
  static std::string DefaultDir();

  // Loads the models from `dir` (sentences.bin may be absent), with the accurate parser instead
  // of the fast one when `accurate`; nullptr with *error set when one is missing or bad.
  static std::unique_ptr<Annotator> Load(const std::string& dir, std::string* error,
                                         bool accurate = false);

  // Replaces doc->sentences by the learned splitter's (after Tokenizer::Tokenize, before
  // Annotate); leaves them alone when the model directory has no sentences.bin.
  void Segment(Document* doc) const;

  // Fills upos, xpos, lemma, head (an index into doc->tokens, -1 for the root) and deprel of
  // every token of every sentence of `doc` (Document::tokens and sentences must be set).
  void Annotate(Document* doc) const;

  // Analyses one sentence given as its words' forms; (*out)[i] describes forms[i].
  void AnnotateWords(std::span<const std::string_view> forms, std::vector<WordAnalysis>* out) const;

  // Tags and parses only (no lemmas): for benchmarks and callers that need no lemmas.
  // tags are tagger tag ids; heads are 1-based (0 = root); labels index parser().label().
  void TagAndParse(std::span<const std::string_view> forms, std::vector<int>* tags,
                   std::vector<int>* heads, std::vector<int>* labels) const;

  // The parser's beam width: the one its model was trained with unless set here (1: greedy,
  // fastest). Set it before sharing the annotator between threads.
  void set_beam(int width) { parser_->set_beam(width); }

  const Tagger& tagger() const { return *tagger_; }
  const Lemmatizer& lemmatizer() const { return *lemmatizer_; }
  const Parser& parser() const { return *parser_; }
  size_t bytes() const { return tagger_->bytes() + lemmatizer_->bytes() + parser_->bytes(); }
  bool has_sentence_splitter() const { return splitter_ != nullptr; }

 private:
  Annotator() = default;
  std::unique_ptr<Tagger> tagger_;
  std::unique_ptr<Lemmatizer> lemmatizer_;
  std::unique_ptr<Parser> parser_;
  std::unique_ptr<SentenceSplitter> splitter_;
  std::vector<int> parser_tag_;  // tagger tag id -> parser tag id
};

}  // namespace dyad::nlp
