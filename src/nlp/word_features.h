// Word descriptions shared by the tagger and the parser: the hashed form, lower-cased form,
// shape and affixes of a word, computed once per word of a sentence.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::nlp {

// Lower-cased form with typographic quotes and dashes made plain (as Token::norm).
std::string LowerForm(std::string_view form);

// Word shape: letters to X/x, digits to d, other characters kept, runs cut at two
// ("Moscow" -> "Xxx", "1,200" -> "d,dd").
std::string WordShape(std::string_view form);

struct WordInfo {
  uint64_t raw = 0;    // hash of the form as written
  uint64_t lower = 0;  // hash of LowerForm
  uint64_t shape = 0;
  uint64_t suf[4] = {};      // last 1..4 bytes of the lower-cased form
  uint64_t pre[3] = {};      // first 1..3 bytes
  uint64_t hyphen_last = 0;  // part after the last hyphen, 0 when none
  uint32_t amb = 0;          // the tagger's lexicon entry (ambiguity class), 0 when unknown
  uint32_t cluster = 0;      // WordClusters::Get of the lower-cased form, 0 when none
  uint8_t aux = 0;           // a form of be (1), have (2) or get (3), the auxiliaries of
                             // participles; 0 for other words

  void Describe(std::string_view form);
  // Padding before the first and after the last word of a sentence.
  static const WordInfo& Start();
  static const WordInfo& End();
};

}  // namespace dyad::nlp
