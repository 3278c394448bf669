// Sentence splitter: re-decides, inside each block, where the sentences the tokenizer's rules
// drew begin and end, with an averaged perceptron over the tokens around each gap, learned
// from a treebank's sentences (web and e-mail text often ends a sentence without punctuation,
// or starts one in lower case, where rules cannot tell).
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "core/document.h"
#include "nlp/conllu.h"
#include "nlp/linear_model.h"

namespace dyad::nlp {

class SentenceSplitter {
 public:
  static std::unique_ptr<SentenceSplitter> Load(const std::string& path, std::string* error);
  bool Save(const std::string& path, std::string* error) const;

  // Learns from the sentences of `train`, rebuilt into paragraphs of raw text the way
  // eval/ud_eval.py does (`# text` of each sentence, `# newpar`/`# newdoc` start paragraphs).
  static std::unique_ptr<SentenceSplitter> Train(const std::vector<ConlluSentence>& train,
                                                 int epochs, std::ostream* log);

  // Replaces doc->sentences (tokens stay as they are); sentences never cross blocks.
  // Const and thread-safe.
  void Split(Document* doc) const;

 private:
  SentenceSplitter() = default;
  LinearModel model_;  // two classes: 0 the sentence goes on, 1 it ends after this token
};

}  // namespace dyad::nlp
