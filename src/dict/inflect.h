// English inflection for dictionary entries: verb forms and noun plurals, regular rules plus a
// table of irregular forms (.forms files).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace dyad {

class Inflector {
 public:
  // Adds an irregular verb: base, past, past participle and optionally 3sg and gerund.
  void AddIrregular(const std::vector<std::string>& forms);
  // All forms of a verb: base, 3sg, past, past participle, gerund (deduplicated).
  std::vector<std::string> VerbForms(const std::string& base) const;
  // Singular and plural of a noun (the last word of a phrase is inflected).
  std::vector<std::string> NounForms(const std::string& singular) const;
  size_t irregular_count() const { return irregular_.size(); }

 private:
  std::unordered_map<std::string, std::vector<std::string>> irregular_;
};

}  // namespace dyad
