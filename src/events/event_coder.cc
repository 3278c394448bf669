#include "events/event_coder.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <unordered_set>

#include "core/strings.h"

namespace dyad {

namespace {

bool IsNegator(const std::string& w) {
  return w == "not" || w == "n't" || w == "never" || w == "no" || w == "neither" ||
         w == "nor" || w == "without";
}

bool IsBeAux(const std::string& w) {
  return w == "was" || w == "were" || w == "been" || w == "being" || w == "is" || w == "are" ||
         w == "be" || w == "got" || w == "get" || w == "gets";
}

bool IsDeterminer(const std::string& w) {
  return w == "the" || w == "a" || w == "an" || w == "its" || w == "their" || w == "his" ||
         w == "her" || w == "'s" || w == "this" || w == "that" || w == "these" || w == "new" ||
         w == "any" || w == "further" || w == "fresh";
}

// Prepositions that put a mention in an oblique phrase: it is not the subject.
bool IsPreposition(const std::string& w) {
  static const std::unordered_set<std::string> kPreps = {
      "in",   "on",      "at",    "with",  "to",      "from",   "by",      "for",
      "of",   "against", "into",  "over",  "about",   "after",  "before",  "between",
      "among", "toward", "towards", "under", "through", "during", "across", "near",
      "than", "like",    "amid",  "despite", "without", "within", "upon"};
  return kPreps.count(w) > 0;
}

// Clause punctuation that a target search does not cross.
bool IsClauseBreak(const std::string& w) { return w == ";" || w == ":" || w == "\"" || w == "("; }

// Speech verbs whose complements are reported, not asserted.
bool IsSpeechWord(const std::string& w) {
  static const std::unordered_set<std::string> kSpeech = {
      "said", "says", "say", "told", "tells", "added", "stated", "announced", "claimed",
      "reported", "alleged", "insisted", "declared", "according"};
  return kSpeech.count(w) > 0;
}

// The place mention ("in Moscow") of the sentence nearest to token `head`, or -1.
int NearestPlace(const Document& doc, const Sentence& s, uint32_t head) {
  int best = -1;
  uint32_t best_dist = ~0u;
  for (size_t m = 0; m < doc.actors.size(); ++m) {
    const auto& a = doc.actors[m];
    if (a.kind != "place" || a.first_token < s.first_token || a.end_token > s.end_token) continue;
    uint32_t d = a.first_token > head ? a.first_token - head : head - a.first_token;
    if (d < best_dist) {
      best_dist = d;
      best = static_cast<int>(m);
    }
  }
  return best;
}

struct Trigger {
  uint32_t first, end;  // tokens of the event word and its pattern words
  uint32_t head;        // the event word
  const VerbPattern* pattern;
  bool passive = false;
  bool negated = false;
};

}  // namespace

void EventCoder::Code(Document* doc) const {
  doc->events.clear();
  // Which mention covers each token (-1 when none).
  std::vector<int> mention_at(doc->tokens.size(), -1);
  for (size_t m = 0; m < doc->actors.size(); ++m)
    for (uint32_t t = doc->actors[m].first_token; t < doc->actors[m].end_token; ++t)
      mention_at[t] = static_cast<int>(m);

  for (uint32_t si = 0; si < doc->sentences.size(); ++si) {
    const Sentence& s = doc->sentences[si];
    // Mentions of this sentence that can be actors.
    std::vector<int> ms;
    for (size_t m = 0; m < doc->actors.size(); ++m) {
      const auto& a = doc->actors[m];
      if (a.first_token >= s.first_token && a.end_token <= s.end_token && a.kind != "place" &&
          !a.code.empty())
        ms.push_back(static_cast<int>(m));
    }
    if (ms.empty()) continue;

    // 1. Event words.
    std::vector<Trigger> triggers;
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      if (mention_at[t] >= 0) continue;
      auto hit = dict_.verb_index().Longest(*doc, t, t + 1);
      if (hit.length == 0) continue;
      const bool noun_context = t > s.first_token && IsDeterminer(doc->tokens[t - 1].norm);
      Trigger best{t, t + 1, t, nullptr};
      size_t best_words = 0;
      int best_score = -1;
      for (uint32_t id : *hit.ids) {
        const VerbPattern& p = dict_.patterns()[id];
        // Match the pattern's further words in order, a few words apart at most.
        uint32_t pos = t + 1;
        bool ok = true;
        for (const auto& w : p.words) {
          if (w == "*") {
            if (pos >= s.end_token) ok = false;
            ++pos;
            continue;
          }
          bool found = false;
          for (uint32_t k = pos; k < s.end_token && k < pos + 4; ++k) {
            if (IsClauseBreak(doc->tokens[k].norm) || doc->tokens[k].norm == ",") break;
            if (doc->tokens[k].norm == w) {
              found = true;
              pos = k + 1;
              break;
            }
          }
          if (!found) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        // Longest pattern wins; between equals, the noun reading after a determiner.
        int score = static_cast<int>(p.words.size()) * 4 + (p.is_noun == noun_context ? 2 : 0);
        if (score > best_score) {
          best_score = score;
          best.pattern = &p;
          best.end = pos;
          best_words = p.words.size();
        }
      }
      if (!best.pattern) continue;
      (void)best_words;
      // Negation: a negator just before the event word ("did not attack", "never met").
      for (uint32_t k = t; k > s.first_token && k + 4 > t; --k)
        if (IsNegator(doc->tokens[k - 1].norm)) best.negated = true;
      // Passive: "was attacked by".
      if (!best.pattern->is_noun && t > s.first_token) {
        const auto& prev = doc->tokens[t - 1].norm;
        const auto& prev2 = t > s.first_token + 1 ? doc->tokens[t - 2].norm : std::string();
        if (IsBeAux(prev) || (IsBeAux(prev2) && (prev == "not" || prev == "n't" ||
                                                  prev == "reportedly" || prev == "also")))
          best.passive = !EndsWith(doc->tokens[t].norm, "ing") &&
                         doc->tokens[t].norm != Split(best.pattern->text, ' ')[0];
      }
      triggers.push_back(best);
      t = best.end - 1;
    }
    if (triggers.empty()) continue;

    // The speaker of reported speech in this sentence, if any: the subject of a speech word.
    int speaker = -1;
    uint32_t speech_at = s.end_token;
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      if (!IsSpeechWord(doc->tokens[t].norm)) continue;
      // Nearest mention before, or right after ("..., said the minister").
      for (auto it = ms.rbegin(); it != ms.rend(); ++it)
        if (doc->actors[*it].end_token <= t) {
          speaker = *it;
          break;
        }
      if (speaker < 0)
        for (int m : ms)
          if (doc->actors[m].first_token > t && doc->actors[m].first_token <= t + 3) {
            speaker = m;
            break;
          }
      speech_at = t;
      break;
    }

    auto preceded_by_preposition = [&](int m) {
      uint32_t f = doc->actors[m].first_token;
      // Skip determiners and adjectives back to the word that governs the phrase.
      while (f > s.first_token && IsDeterminer(doc->tokens[f - 1].norm)) --f;
      return f > s.first_token && IsPreposition(doc->tokens[f - 1].norm);
    };
    auto members = [&](int m) {
      std::vector<int> out;
      if (doc->actors[m].group < 0) return std::vector<int>{m};
      for (int k : ms)
        if (doc->actors[k].group == doc->actors[m].group) out.push_back(k);
      return out;
    };

    std::set<std::tuple<std::string, std::string, std::string, uint32_t>> seen;
    for (const Trigger& tr : triggers) {
      const VerbPattern& p = *tr.pattern;
      int src = -1, tgt = -1;
      if (p.is_noun) {
        // Possessive or adjective right before the noun: "Russia's attack", "Russian strikes".
        for (int m : ms) {
          const auto& a = doc->actors[m];
          if (a.end_token <= tr.head && tr.head - a.end_token <= 2) src = m;
        }
        if (src < 0)
          for (auto it = ms.rbegin(); it != ms.rend(); ++it)
            if (doc->actors[*it].end_token <= tr.head && !preceded_by_preposition(*it)) {
              src = *it;
              break;
            }
        // Target: a mention after a preposition that follows the noun.
        for (int m : ms) {
          const auto& a = doc->actors[m];
          if (a.first_token >= tr.end && a.first_token <= tr.end + 6 && m != src) {
            tgt = m;
            break;
          }
        }
      } else if (tr.passive) {
        // "X was attacked by Y": Y is the source, X the target.
        for (int m : ms) {
          const auto& a = doc->actors[m];
          if (a.first_token > tr.head && a.first_token <= tr.end + 6 &&
              doc->tokens[a.first_token - 1].norm == "by") {
            src = m;
            break;
          }
        }
        for (auto it = ms.rbegin(); it != ms.rend(); ++it)
          if (doc->actors[*it].end_token <= tr.head && !preceded_by_preposition(*it)) {
            tgt = *it;
            break;
          }
      } else {
        // Subject: the nearest mention before the verb that is not in a prepositional phrase.
        for (auto it = ms.rbegin(); it != ms.rend(); ++it)
          if (doc->actors[*it].end_token <= tr.head && !preceded_by_preposition(*it)) {
            src = *it;
            break;
          }
        // Object: the first mention after the pattern within the clause.
        for (int m : ms) {
          const auto& a = doc->actors[m];
          if (a.first_token < tr.end) continue;
          bool blocked = false;
          for (uint32_t k = tr.end; k < a.first_token; ++k)
            if (IsClauseBreak(doc->tokens[k].norm)) blocked = true;
          if (blocked || a.first_token > tr.end + 8) break;
          if (m == src) continue;
          tgt = m;
          break;
        }
      }
      if (src < 0) continue;
      if (p.target_none) tgt = -1;
      else if (tgt < 0) continue;  // events without a target are coded only where the pattern says so
      if (tr.negated && !options_.keep_negated) continue;
      const CameoCode* row = dict_.Cameo(p.code);
      for (int sm : members(src)) {
        for (int tm : tgt >= 0 ? members(tgt) : std::vector<int>{-1}) {
          const std::string scode = doc->actors[sm].code;
          const std::string tcode = tm >= 0 ? doc->actors[tm].code : "";
          if (scode == tcode) continue;  // an actor does not act on itself here
          if (!seen.insert({scode, tcode, p.code, tr.head}).second) continue;
          Event e;
          e.sentence = si;
          e.source = sm;
          e.target = tm;
          e.verb = {doc->tokens[tr.head].span.start, doc->tokens[tr.end - 1].span.end};
          e.cameo = p.code;
          e.root = p.code.substr(0, 2);
          if (row) {
            e.quad_class = row->quad_class;
            e.goldstein = row->goldstein;
            e.plover_event = row->plover_event;
            e.plover_mode = row->plover_mode;
          }
          if (!p.plover_event.empty()) e.plover_event = p.plover_event;
          if (!p.plover_mode.empty()) e.plover_mode = p.plover_mode;
          e.pattern = p.is_noun ? "n: " + p.text : p.text;
          e.pattern_entry = p.entry;
          e.negated = tr.negated;
          e.date = doc->date;
          e.date_source = doc->date.empty() ? "" : "document";
          if (speaker >= 0 && speaker != sm && tr.head > speech_at) e.attribution = speaker;
          e.location = NearestPlace(*doc, s, tr.head);
          // A heuristic confidence: longer patterns and adjacent actors are surer.
          double c = 0.55 + 0.1 * std::min<size_t>(p.words.size(), 2);
          if (tm >= 0) c += 0.1;
          if (doc->actors[sm].code.size() > 3) c += 0.05;
          if (e.negated) c -= 0.2;
          if (e.attribution >= 0) c -= 0.1;
          e.confidence = std::min(0.95, c);
          doc->events.push_back(std::move(e));
        }
      }
    }
  }
}

}  // namespace dyad
