// Word clusters: classes of words that occur in similar contexts, learned from unlabeled text
// with the exchange algorithm for a class bigram model (Kneser & Ney 1993; Martin, Liermann
// & Ney 1998), at a coarse and a fine granularity; tagger and parser features back off to
// them for words the treebank has rarely or never seen.
#pragma once

#include <cstdint>
#include <istream>
#include <ostream>
#include <string_view>

#include "nlp/linear_model.h"
#include "nlp/model_io.h"

namespace dyad::nlp {

struct ClusterOptions {
  int coarse = 64;      // number of classes of the coarse clustering
  int fine = 512;       // and of the fine one
  int min_count = 3;    // rarer words get no cluster
  int iterations = 12;  // exchange passes over the vocabulary (fewer when nothing moves)
};

class WordClusters {
 public:
  // Learns from plain text, one paragraph per line (tokenized with dyad's tokenizer,
  // lower-cased). Progress goes to `log` when not null.
  static WordClusters Train(std::istream& text, const ClusterOptions& options, std::ostream* log);

  // (coarse << 16) | fine, both 1-based, for the hash (HashString) of a lower-cased form;
  // 0 when the word has no cluster.
  uint32_t Get(uint64_t lower_hash) const { return map_.Get(lower_hash, 0); }
  bool empty() const { return map_.size() == 0; }
  size_t size() const { return map_.size(); }
  size_t bytes() const { return map_.bytes(); }

  void Save(ModelWriter* w) const { map_.Save(w); }
  bool Load(ModelReader* r) { return map_.Load(r); }

 private:
  KeyMap map_;
};

}  // namespace dyad::nlp
