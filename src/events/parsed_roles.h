// ParsedRoles: reads the source and target of an event word off the dependency parse
// (subject, object, "by"-agent of a passive, possessor of an event noun, PP targets,
// subjects inherited through xcomp/conj/advcl, antecedents of relative clauses).
#pragma once

#include <string>
#include <vector>

#include "core/document.h"

namespace dyad {

struct Roles {
  int source = -1;  // token index of the source's head word, -1 when none
  int target = -1;  // token index of the target's head word, -1 when none
  bool passive = false;
  bool negated = false;
  int speech_head = -1;  // token of a speech verb whose complement holds this event
  bool target_is_clause_subject = false;  // "demanded that the US cancel": target = "US"
};

// "Israel is opposed to the plan", "forces were engaged in ethnic cleansing": a participle
// after "be" that takes its own preposition describes the subject, who acts; it is no
// passive. `next` is the word after the participle.
bool IsStativeParticiple(const std::string& participle, const std::string& next);

// Built once per sentence from the tokens' head/deprel fields.
class ParsedSentence {
 public:
  ParsedSentence(const Document& doc, const Sentence& s);

  // True when the sentence carries a dependency parse.
  bool parsed() const { return parsed_; }

  // The roles of the event word at token `head`. `preps` are the prepositions named in the
  // pattern ("meet with" -> {"with"}); a PP target with one of them is preferred.
  Roles Find(uint32_t head, bool is_noun, const std::vector<std::string>& preps) const;

  // The children of token `t` with relation `rel` (prefix match: "nsubj" matches "nsubj:pass").
  std::vector<uint32_t> Children(uint32_t t, const std::string& rel) const;
  // The lemma (or normalised form) of the case marker of token `t`, "" when none.
  std::string CaseOf(uint32_t t) const;

 private:
  int Subject(uint32_t v, int depth) const;
  const Document& doc_;
  const Sentence& s_;
  bool parsed_ = false;
  std::vector<std::vector<uint32_t>> children_;  // indexed by token - s.first_token
};

}  // namespace dyad
