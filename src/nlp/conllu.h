// CoNLL-U: reading and writing Universal Dependencies files, one sentence of syntactic words
// at a time, keeping comments, multi-word token lines and empty nodes so a file round-trips.
#pragma once

#include <istream>
#include <string>
#include <vector>

namespace dyad::nlp {

// One syntactic word (a line whose ID is an integer). Columns are kept as written; head is -1
// when the file says "_".
struct ConlluWord {
  std::string form, lemma, upos, xpos, feats, deprel, deps, misc;
  int head = -1;
};

// A multi-word token line "first-last": the surface form covering words first..last (1-based).
struct ConlluToken {
  int first = 0, last = 0;
  std::string form, misc;
};

struct ConlluSentence {
  std::vector<std::string> comments;   // "# ..." lines, without the newline
  std::vector<ConlluWord> words;       // word i has ID i + 1
  std::vector<ConlluToken> multiword;  // in file order
  // Empty nodes ("3.1") as written, each with the number of words before it.
  std::vector<std::pair<int, std::string>> empty_nodes;

  // The value of a "# key = value" comment, or "" when absent.
  std::string Comment(const std::string& key) const;
};

// Reads sentences from `in` until EOF. Returns false (with *error naming the line) on a
// malformed line; sentences read before it are kept in *out.
bool ReadConllu(std::istream& in, std::vector<ConlluSentence>* out, std::string* error);
bool ReadConlluFile(const std::string& path, std::vector<ConlluSentence>* out, std::string* error);

// Appends the sentence in CoNLL-U (ending with the blank line).
void WriteConllu(const ConlluSentence& s, std::string* out);

}  // namespace dyad::nlp
