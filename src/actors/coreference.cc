#include "actors/coreference.h"

#include <algorithm>
#include <string>
#include <unordered_set>

namespace dyad {

namespace {

enum class PronounKind { kNone, kPersonSubject, kPersonObject, kPersonPossessive, kThing, kPlural };

PronounKind Classify(const std::string& w) {
  if (w == "he" || w == "she") return PronounKind::kPersonSubject;
  if (w == "him") return PronounKind::kPersonObject;
  if (w == "his" || w == "her") return PronounKind::kPersonPossessive;
  if (w == "it" || w == "its") return PronounKind::kThing;
  if (w == "they" || w == "them" || w == "their") return PronounKind::kPlural;
  return PronounKind::kNone;
}

// A mention whose head word names a group, not one person: "South Korean media", "Russian
// troops", "the government". "He" and "she" do not refer to it.
bool IsCollective(const Document& doc, const ActorMention& m) {
  static const std::unordered_set<std::string> kCollective = {
      "media",  "press",    "government", "army",       "police",      "people",         "public",
      "forces", "military", "cabinet",    "parliament", "authorities", "administration", "regime",
      "navy",   "ministry", "council",    "party",      "group",       "opposition"};
  if (m.kind == "person" || m.end_token == 0) return false;
  const std::string& w = doc.tokens[m.end_token - 1].norm;
  if (kCollective.count(w)) return true;
  // Plurals: "officials", "troops" (not "boss", "Congress").
  return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' &&
         !doc.tokens[m.end_token - 1].capitalized;
}

// Verbs of saying whose subject a following pronoun usually is ("X said it would ...").
// Not "told": "X told Y it must ..." speaks of Y.
bool IsSayingWord(const std::string& w) {
  static const std::unordered_set<std::string> kSaying = {
      "said",     "says",      "say",      "announced",    "announces",  "stated",    "declared",
      "added",    "insisted",  "claimed",  "warned",       "confirmed",  "denied",    "asserted",
      "stressed", "indicated", "admitted", "acknowledged", "maintained", "reiterated"};
  return kSaying.count(w) > 0;
}

bool IsPersonLike(const ActorMention& m) {
  // A named person, or a role held by one ("the foreign minister").
  return m.kind == "person" || (m.code.size() >= 3 && m.kind == "agent") ||
         (m.code.size() > 3 && m.kind != "org" && m.kind != "place");
}

bool IsThingLike(const ActorMention& m) {
  return m.kind == "name" || m.kind == "capital" || m.kind == "org" || m.kind == "city";
}

// Tokens inside quotation marks are quoted speech: their mentions are poor antecedents.
std::vector<bool> QuotedTokens(const Document& doc) {
  std::vector<bool> quoted(doc.tokens.size(), false);
  bool in = false;
  size_t bi = 0;
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    // Quotes never run across blocks.
    while (bi < doc.blocks.size() && doc.tokens[t].span.start >= doc.blocks[bi].span.end) {
      ++bi;
      in = false;
    }
    const std::string& n = doc.tokens[t].norm;
    if (n == "\"") {
      in = !in;
      quoted[t] = true;
      continue;
    }
    quoted[t] = in;
  }
  return quoted;
}

}  // namespace

void CoreferenceResolver::Resolve(Document* doc) const {
  if (doc->actors.empty()) return;
  const std::vector<bool> quoted = QuotedTokens(*doc);
  std::vector<int> mention_at(doc->tokens.size(), -1);
  for (size_t m = 0; m < doc->actors.size(); ++m)
    for (uint32_t t = doc->actors[m].first_token; t < doc->actors[m].end_token; ++t)
      mention_at[t] = static_cast<int>(m);

  std::vector<ActorMention> added;
  for (uint32_t si = 0; si < doc->sentences.size(); ++si) {
    const Sentence& s = doc->sentences[si];
    // Earliest sentence an antecedent may come from.
    const uint32_t window_first = doc->sentences[si >= 2 ? si - 2 : 0].first_token;
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      if (mention_at[t] >= 0 || quoted[t]) continue;
      const PronounKind kind = Classify(doc->tokens[t].norm);
      if (kind == PronounKind::kNone) continue;
      // "her Russian counterpart": a possessive before a mention belongs to that mention.
      const std::string& w = doc->tokens[t].norm;
      if ((w == "his" || w == "her" || w == "its" || w == "their") && t + 1 < s.end_token &&
          mention_at[t + 1] >= 0)
        continue;
      // Candidates: coded mentions before the pronoun, outside quotes, nearest first.
      int chosen = -1;
      int first_in_sentence = -1;
      for (size_t m = 0; m < doc->actors.size(); ++m) {
        const auto& a = doc->actors[m];
        if (a.first_token >= s.first_token && a.end_token <= t && a.kind != "place" &&
            !quoted[a.first_token]) {
          first_in_sentence = static_cast<int>(m);
          break;
        }
      }
      // Whether mention k can be what the pronoun stands for.
      auto fits = [&](size_t k) {
        const auto& a = doc->actors[k];
        switch (kind) {
          case PronounKind::kPersonSubject:
          case PronounKind::kPersonPossessive:
            return IsPersonLike(a) && !IsCollective(*doc, a);
          case PronounKind::kPersonObject:
            // "X met Y, assuring him": him is not the subject of its own clause.
            return IsPersonLike(a) && !IsCollective(*doc, a) &&
                   static_cast<int>(k) != first_in_sentence;
          case PronounKind::kThing:
            return IsThingLike(a);
          case PronounKind::kPlural:
            // A coordination, an agent, a country or organisation, or a plural mention
            // ("Palestinian suicide bombers ... when they blew themselves up").
            return a.group >= 0 || a.kind == "agent" || IsThingLike(a) || IsCollective(*doc, a);
          default:
            return false;
        }
      };
      for (size_t k = doc->actors.size(); k-- > 0;) {
        const auto& a = doc->actors[k];
        if (a.end_token > t || a.first_token < window_first) continue;
        if (a.code.empty() || a.kind == "place" || quoted[a.first_token]) continue;
        if (!fits(k)) continue;
        // A subject pronoun opening a sentence refers to the last sentence's subject.
        if (kind == PronounKind::kPersonSubject && t == s.first_token && si > 0 &&
            a.first_token < s.first_token) {
          const Sentence& prev = doc->sentences[si - 1];
          int subject = -1;
          for (size_t m = 0; m < doc->actors.size(); ++m) {
            const auto& p = doc->actors[m];
            if (p.first_token >= prev.first_token && p.end_token <= prev.end_token &&
                p.kind != "place" && !quoted[p.first_token] && IsPersonLike(p)) {
              subject = static_cast<int>(m);
              break;
            }
          }
          if (subject >= 0) {
            chosen = subject;
            break;
          }
        }
        chosen = static_cast<int>(k);
        break;
      }
      // "Iraq, which invaded Kuwait in August, said on Monday it would ...": right after a
      // saying verb (no mention between) the pronoun is the verb's subject as the parse
      // gives it, not the nearest name.
      if (chosen >= 0 && kind != PronounKind::kPersonObject) {
        for (uint32_t k = t; k > s.first_token && k + 5 > t; --k) {
          if (mention_at[k - 1] >= 0 || doc->tokens[k - 1].norm == ",") break;
          if (!IsSayingWord(doc->tokens[k - 1].norm)) continue;
          // Its nsubj, or, for a verb coordinated with an earlier one ("Iraq, which ...,
          // said" read as a conjunct), the earlier verb's.
          int32_t v = static_cast<int32_t>(k - 1);
          for (int hop = 0; hop < 2 && v >= static_cast<int32_t>(s.first_token); ++hop) {
            int subject = -1;
            for (uint32_t c = s.first_token; c < static_cast<uint32_t>(v); ++c)
              if (doc->tokens[c].head == v && doc->tokens[c].deprel == "nsubj" &&
                  mention_at[c] >= 0) {
                subject = mention_at[c];
                break;
              }
            if (subject >= 0) {
              if (!doc->actors[subject].code.empty() && fits(static_cast<size_t>(subject)))
                chosen = subject;
              break;
            }
            if (doc->tokens[v].deprel != "conj") break;
            v = doc->tokens[v].head;
          }
          break;
        }
      }
      if (chosen < 0) continue;
      const ActorMention& ante = doc->actors[chosen];
      ActorMention m;
      m.first_token = t;
      m.end_token = t + 1;
      m.span = doc->tokens[t].span;
      m.code = ante.code;
      m.kind = "pronoun";
      m.entry = "coref: " + std::string(doc->slice(ante.span));
      added.push_back(std::move(m));
    }
  }
  // Definite agent descriptions ("the minister") take the code of the nearest earlier
  // mention with the same sector and a known country.
  for (size_t k = 0; k < doc->actors.size(); ++k) {
    auto& a = doc->actors[k];
    if (a.kind != "agent" || a.code.size() != 3 || a.first_token == 0) continue;
    if (doc->tokens[a.first_token - 1].norm != "the") continue;
    for (size_t j = k; j-- > 0;) {
      const auto& b = doc->actors[j];
      if (b.code.size() == 6 && b.code.substr(3) == a.code && b.kind != "place") {
        a.entry = "coref: " + std::string(doc->slice(b.span));
        a.code = b.code;
        break;
      }
    }
  }
  if (added.empty()) return;
  doc->actors.insert(doc->actors.end(), added.begin(), added.end());
  std::stable_sort(
      doc->actors.begin(), doc->actors.end(),
      [](const ActorMention& x, const ActorMention& y) { return x.first_token < y.first_token; });
}

}  // namespace dyad
