// BoilerplateFilter: tells article paragraphs from page furniture (donation and newsletter
// appeals, "Remind me later", cookie notices, share prompts, related-link lists).
#pragma once

#include <string_view>
#include <vector>

namespace dyad {

// Classifies a sequence of paragraphs; stateless and thread-safe.
class BoilerplateFilter {
 public:
  // Returns one flag per paragraph: true when it is boilerplate and should be dropped.
  // An appeal that opens with a strong marker ("A message from ...", "Dear readers") runs on
  // while the following paragraphs keep addressing the reader, and is dropped whole.
  std::vector<bool> Classify(const std::vector<std::string_view>& paragraphs) const;

  // A score for one paragraph on its own: >= 1.0 means boilerplate.
  double Score(std::string_view paragraph) const;
  // True when the paragraph opens an appeal to the reader.
  bool OpensAppeal(std::string_view paragraph) const;
  // True when the paragraph speaks to the reader (you/your, we/us/our) or asks for support.
  bool AddressesReader(std::string_view paragraph) const;
};

}  // namespace dyad
