#include "events/parsed_roles.h"

#include <algorithm>

#include "core/strings.h"

namespace dyad {

namespace {

bool Rel(const std::string& deprel, const std::string& want) {
  return deprel == want || StartsWith(deprel, want + ":");
}

const std::string& LemmaOr(const Token& t) {
  return t.lemma.empty() ? t.norm : t.lemma;
}

bool IsTargetCase(const std::string& w) {
  return w == "with" || w == "to" || w == "against" || w == "on" || w == "toward" ||
         w == "towards" || w == "into" || w == "at" || w == "from" || w == "for" || w == "upon" ||
         w == "over" || w == "between" || w == "onto";
}

bool IsSpeechLemma(const std::string& w) {
  return w == "say" || w == "tell" || w == "add" || w == "state" || w == "announce" ||
         w == "claim" || w == "report" || w == "allege" || w == "insist" || w == "declare" ||
         w == "warn" || w == "write" || w == "accord";
}

// Nouns naming a violent act, whose modifier names who did it ("killed in Israeli shelling",
// "wounded in an air strike by government forces").
bool IsAttackNoun(const std::string& w) {
  return w == "attack" || w == "strike" || w == "airstrike" || w == "raid" || w == "shelling" ||
         w == "bombing" || w == "bombardment" || w == "offensive" || w == "assault" ||
         w == "ambush" || w == "crossfire" || w == "fire" || w == "gunfire" || w == "clash" ||
         w == "crackdown" || w == "operation";
}

}  // namespace

bool IsStativeParticiple(const std::string& participle, const std::string& next) {
  if (next == "to")
    return participle == "opposed" || participle == "committed" || participle == "dedicated" ||
           participle == "devoted";
  if (next == "in")
    return participle == "engaged" || participle == "involved" || participle == "interested";
  return false;
}

ParsedSentence::ParsedSentence(const Document& doc, const Sentence& s) : doc_(doc), s_(s) {
  children_.resize(s.end_token - s.first_token);
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    const Token& tok = doc.tokens[t];
    if (!tok.deprel.empty()) parsed_ = true;
    if (tok.head >= static_cast<int32_t>(s.first_token) &&
        tok.head < static_cast<int32_t>(s.end_token))
      children_[tok.head - s.first_token].push_back(t);
  }
}

std::vector<uint32_t> ParsedSentence::Children(uint32_t t, const std::string& rel) const {
  std::vector<uint32_t> out;
  for (uint32_t c : children_[t - s_.first_token])
    if (Rel(doc_.tokens[c].deprel, rel)) out.push_back(c);
  return out;
}

std::string ParsedSentence::CaseOf(uint32_t t) const {
  for (uint32_t c : Children(t, "case")) return AsciiLower(LemmaOr(doc_.tokens[c]));
  return "";
}

int ParsedSentence::Subject(uint32_t v, int depth) const {
  for (uint32_t c : children_[v - s_.first_token]) {
    const auto& d = doc_.tokens[c].deprel;
    if (d == "nsubj" || d == "csubj") return static_cast<int>(c);
  }
  if (depth > 3) return -1;
  const Token& tok = doc_.tokens[v];
  const std::string& d = tok.deprel;
  // Relative clause: "the region, which Ukrainian forces attacked" has its own subject;
  // "troops who attacked" takes the noun the clause hangs on.
  if (Rel(d, "acl")) {
    for (uint32_t c : children_[v - s_.first_token])
      if (Rel(doc_.tokens[c].deprel, "nsubj")) return static_cast<int>(c);
    return tok.head;
  }
  // Subjects shared through control, coordination and participle clauses.
  if ((d == "xcomp" || d == "conj" || d == "advcl") && tok.head >= 0)
    return Subject(static_cast<uint32_t>(tok.head), depth + 1);
  return -1;
}

Roles ParsedSentence::Find(uint32_t head, bool is_noun,
                           const std::vector<std::string>& preps) const {
  Roles r;
  if (!parsed_) return r;
  const Token& h = doc_.tokens[head];
  // Negation on the event word.
  for (uint32_t c : children_[head - s_.first_token]) {
    const std::string& l = LemmaOr(doc_.tokens[c]);
    if (doc_.tokens[c].deprel == "advmod" && (l == "not" || l == "never" || l == "n't"))
      r.negated = true;
  }
  auto pp_target = [&](uint32_t w) -> int {
    int fallback = -1;
    for (uint32_t c : children_[w - s_.first_token]) {
      const auto& d = doc_.tokens[c].deprel;
      if (!(Rel(d, "obl") || Rel(d, "nmod"))) continue;
      if (d == "nmod:poss" || d == "obl:agent" || d == "obl:tmod" || d == "obl:npmod") continue;
      const std::string cs = CaseOf(c);
      if (std::find(preps.begin(), preps.end(), cs) != preps.end()) return static_cast<int>(c);
      if (fallback < 0 && IsTargetCase(cs)) fallback = static_cast<int>(c);
    }
    return fallback;
  };
  if (is_noun) {
    for (uint32_t c : children_[head - s_.first_token]) {
      const auto& d = doc_.tokens[c].deprel;
      if (d == "nmod:poss" || d == "amod" || d == "compound") {
        r.source = static_cast<int>(c);
        if (d == "nmod:poss") break;
      }
    }
    // "X held talks with Y": the light verb's subject acts.
    if (r.source < 0 && Rel(h.deprel, "obj") && h.head >= 0)
      r.source = Subject(static_cast<uint32_t>(h.head), 0);
    r.target = pp_target(head);
    if (r.target < 0 && Rel(h.deprel, "obj") && h.head >= 0)
      r.target = pp_target(static_cast<uint32_t>(h.head));
  } else {
    bool passive = false;
    int subj_pass = -1;
    for (uint32_t c : children_[head - s_.first_token]) {
      const auto& d = doc_.tokens[c].deprel;
      if (d == "nsubj:pass") subj_pass = static_cast<int>(c);
      if (d == "aux:pass") passive = true;
    }
    const bool stative =
        head + 1 < s_.end_token && IsStativeParticiple(h.norm, doc_.tokens[head + 1].norm);
    if ((subj_pass >= 0 || passive) && !stative) {
      r.passive = true;
      r.target = subj_pass;
      if (r.target < 0 && Rel(h.deprel, "acl") && h.head >= 0)
        r.target = h.head;  // "troops stationed"
      for (uint32_t c : children_[head - s_.first_token])
        if (doc_.tokens[c].deprel == "obl:agent" ||
            (Rel(doc_.tokens[c].deprel, "obl") && CaseOf(c) == "by"))
          r.source = static_cast<int>(c);
      // No agent: "were killed in Israeli tank shelling" names it in the act's own noun.
      if (r.source < 0)
        for (uint32_t c : children_[head - s_.first_token])
          if (Rel(doc_.tokens[c].deprel, "obl") && CaseOf(c) == "in" &&
              IsAttackNoun(AsciiLower(LemmaOr(doc_.tokens[c])))) {
            r.source = static_cast<int>(c);
            break;
          }
    } else {
      r.source = Subject(head, 0);
      if (r.source < 0 && stative) r.source = subj_pass;
      // Object: direct object, a PP named by the pattern or a target-marking PP.
      for (uint32_t c : children_[head - s_.first_token]) {
        const auto& d = doc_.tokens[c].deprel;
        if (d == "obj" || d == "iobj") {
          const Token& o = doc_.tokens[c];
          // A relative pronoun object stands for the noun the clause hangs on.
          if ((o.upos == "PRON" &&
               (LemmaOr(o) == "which" || LemmaOr(o) == "who" || LemmaOr(o) == "that")) &&
              Rel(h.deprel, "acl") && h.head >= 0)
            r.target = h.head;
          else
            r.target = static_cast<int>(c);
          break;
        }
      }
      int pp = pp_target(head);
      if (pp >= 0 &&
          (r.target < 0 || std::find(preps.begin(), preps.end(), CaseOf(pp)) != preps.end()))
        r.target = pp;
      // "demanded that the US cancel …": without an object, the subject of the clause the
      // verb governs is who it is aimed at.
      if (r.target < 0)
        for (uint32_t c : children_[head - s_.first_token])
          if (doc_.tokens[c].deprel == "ccomp") {
            // The clause's own subject only, not one it shares through control or coordination.
            for (uint32_t sub : Children(c, "nsubj"))
              if (doc_.tokens[sub].deprel == "nsubj" && static_cast<int>(sub) != r.source) {
                r.target = static_cast<int>(sub);
                r.target_is_clause_subject = true;
                break;
              }
            break;
          }
    }
  }
  // Reported speech: the event sits in the complement of a speech verb.
  int t = static_cast<int>(head);
  for (int depth = 0; depth < 4 && t >= 0; ++depth) {
    const Token& tok = doc_.tokens[t];
    if ((tok.deprel == "ccomp" || tok.deprel == "parataxis") && tok.head >= 0 &&
        IsSpeechLemma(LemmaOr(doc_.tokens[tok.head]))) {
      r.speech_head = tok.head;
      break;
    }
    t = tok.head;
  }
  return r;
}

}  // namespace dyad
