#include "events/event_coder.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <unordered_set>

#include "core/strings.h"
#include "events/parsed_roles.h"
#include "events/slot_matcher.h"

namespace dyad {

namespace {

bool IsNegator(const std::string& w) {
  return w == "not" || w == "n't" || w == "never" || w == "no" || w == "neither" || w == "nor" ||
         w == "without";
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

// Words after which a word is a noun or an adjective, never a finite verb ("the attack", "a
// shell company", "their occupied land"). Unlike IsDeterminer, no "that" (a relative pronoun
// before a verb: "troops that attacked") and no "'s" ("he's attacked").
bool IsArticleOrPossessive(const std::string& w) {
  return w == "the" || w == "a" || w == "an" || w == "its" || w == "their" || w == "his" ||
         w == "these" || w == "those" || w == "our" || w == "my" || w == "your";
}

// Prepositions that put a mention in an oblique phrase: it is not the subject.
bool IsPreposition(const std::string& w) {
  static const std::unordered_set<std::string> kPreps = {
      "in",    "on",      "at",      "with",    "to",      "from",   "by",     "for",
      "of",    "against", "into",    "over",    "about",   "after",  "before", "between",
      "among", "toward",  "towards", "under",   "through", "during", "across", "near",
      "than",  "like",    "amid",    "despite", "without", "within", "upon"};
  return kPreps.count(w) > 0;
}

// Clause punctuation that a target search does not cross.
bool IsClauseBreak(const std::string& w) {
  return w == ";" || w == ":" || w == "\"" || w == "(";
}

// Modal verbs: one starts a clause of its own ("said Egypt would send troops to Sudan"), so a
// pattern's later words are not looked for past it.
bool IsModal(const std::string& w) {
  return w == "will" || w == "would" || w == "shall" || w == "should" || w == "could" ||
         w == "can" || w == "may" || w == "might" || w == "must" || w == "'ll";
}

// Words that open a subordinate clause: an object is not looked for past them.
bool IsSubordinator(const std::string& w) {
  return w == "that" || w == "which" || w == "who" || w == "whom" || w == "whether" ||
         w == "because" || w == "while" || w == "when" || w == "until" || w == "if" ||
         w == "although" || w == "where" || w == "as" || w == "what" || w == "how";
}

// Conjunctions that coordinate: a pattern word or an object is not looked for across one.
bool IsCoordinator(const std::string& w) {
  return w == "and" || w == "or" || w == "but";
}

// Conjunctions that open an adverbial clause ("... were killed when an airstrike hit"). Unlike
// the SlotMatcher's IsClauseOpener this leaves out "after", "before" and "since", which are
// prepositions as often ("after talks"), and the word-order subject search has no verb check.
bool IsAdverbialOpener(const std::string& w) {
  return w == "when" || w == "while" || w == "because" || w == "until" || w == "if" ||
         w == "although" || w == "whereas" || w == "unless";
}

// Prepositions that introduce the target of an event ("with", "against", "to" ...).
bool IsTargetPreposition(const std::string& w) {
  return w == "with" || w == "to" || w == "against" || w == "on" || w == "toward" ||
         w == "towards" || w == "into" || w == "at" || w == "from" || w == "for" || w == "upon" ||
         w == "over" || w == "between" || w == "by";
}

// Speech verbs whose complements are reported, not asserted.
bool IsSpeechWord(const std::string& w) {
  static const std::unordered_set<std::string> kSpeech = {
      "said",     "says",      "say",        "told",     "tells",    "added",
      "stated",   "announced", "claimed",    "reported", "alleged",  "insisted",
      "declared", "according", "reiterated", "stressed", "warned",   "concluded",
      "argued",   "noted",     "says",       "insists",  "declares", "warns"};
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

// How far (in tokens) each further word of a pattern may follow the one before it, within
// the clause: "provide nearly 25,000 tons of emergency food aid" is "provide aid". (Reaches
// of 4, 6, 8 and 12 were tried on PLOVER gold and CASE 2021; 6 was best on both.) A particle
// or preposition stays close to its verb ("call on X", "stand by X"): in "what he called
// inaction by his allies on the issue" the "on" is not the verb's. "To" may follow a long
// object ("ordered the opposition newspaper La Prensa to suspend").
constexpr uint32_t kPatternReach = 6;
constexpr uint32_t kParticleReach = 4;
bool IsParticle(const std::string& w) {
  return w == "up" || w == "down" || w == "out" || w == "off" || w == "back" || w == "away";
}

struct Trigger {
  uint32_t first, end;  // tokens of the event word and its pattern words
  uint32_t head;        // the event word
  const VerbPattern* pattern;
  bool passive = false;
  bool negated = false;
  bool intent = false;      // "will meet", "agreed to provide": coded as an intention
  bool refused = false;     // "refused to meet", "will not release": coded as a rejection
  bool suppressed = false;  // the intent word of another trigger ("agreed" in "agreed to")
  int forced_target = -1;   // a target fixed by the rule that made the trigger
};

// "X said Y must Z": saying what another actor must or should do is a demand (CAMEO 100).
const VerbPattern& MustDemandPattern() {
  static const VerbPattern p = [] {
    VerbPattern v;
    v.code = "100";
    v.text = "say ... must";
    v.entry = "rule: a statement that another actor must act is a demand";
    return v;
  }();
  return p;
}

// Words after which "to VERB" states an intention ("willing to", "agreed to", "vowed to").
bool IsIntentWord(const std::string& w) {
  static const std::unordered_set<std::string> kIntent = {
      "willing",  "ready",    "prepared", "agreed",     "agree",     "agrees",     "promised",
      "promise",  "promises", "pledged",  "pledge",     "pledges",   "vowed",      "vow",
      "vows",     "offered",  "offer",    "offers",     "plans",     "plan",       "planned",
      "planning", "intends",  "intend",   "intended",   "committed", "decided",    "decides",
      "expected", "set",      "going",    "determined", "undertook", "undertakes", "seeks",
      "sought",   "hopes",    "hoped",    "wants",      "wanted",    "aims",       "aimed"};
  return kIntent.count(w) > 0;
}

// Words after which "to VERB" refuses the act ("refused to release", "declined to meet").
bool IsRefusalWord(const std::string& w) {
  static const std::unordered_set<std::string> kRefusal = {
      "refuse",    "refuses",  "refused",   "refusing",  "decline", "declines", "declined",
      "declining", "rejected", "unwilling", "reluctant", "failed",  "fails",    "fail"};
  return kRefusal.count(w) > 0;
}

// The CAMEO rejection (12x) of a cooperative act `code` (roots 03-08) that an actor refuses
// or says it will not do ("will not accept refugees", "refused to meet"), or "" when the act
// is not cooperative: a refusal is itself an event, not a negated one.
std::string RefusalCode(const std::string& code) {
  const std::string root = code.substr(0, 2);
  const std::string base = code.substr(0, std::min<size_t>(3, code.size()));
  if (root == "03") return base == "036" ? "125" : base == "038" || base == "039" ? "126" : "120";
  if (root == "04") return "125";
  if (root == "05") return "120";
  if (root == "06") {
    if (base == "061") return "1211";
    if (base == "062") return "1212";
    if (base == "063") return "1213";
    return "121";
  }
  if (root == "07") {
    if (base == "071") return "1221";
    if (base == "072") return "1222";
    if (base == "073" || base == "075") return "1223";
    if (base == "074") return "1224";
    return "122";
  }
  if (root == "08") {
    if (base == "081") return "1241";
    if (base == "082") return "1242";
    if (base == "083")
      return code.size() == 4 && code[3] >= '1' && code[3] <= '4' ? std::string("123") + code[3]
                                                                  : "123";
    if (base == "084") return "1243";
    if (base == "085") return "1244";
    if (base == "086") return "1245";
    if (base == "087") return "1246";
    return "124";
  }
  return "";
}

// The CAMEO code that states the intention to do what `code` does (CAMEO's 03x for
// cooperation, 13x threats for conflict), or `code` itself when there is none.
std::string IntentCode(const std::string& code) {
  const std::string root = code.substr(0, 2);
  const std::string base = code.substr(0, std::min<size_t>(3, code.size()));
  if (root == "04") return "036";
  if (root == "05") return "032";
  if (root == "06") {
    if (base == "061") return "0311";
    if (base == "062") return "0312";
    if (base == "063") return "0313";
    if (base == "064") return "0314";
    return "031";
  }
  if (root == "07") {
    if (base == "071") return "0331";
    if (base == "072") return "0332";
    if (base == "073") return "0333";
    if (base == "074") return "0334";
    return "033";
  }
  if (root == "08") {
    if (base == "081") return "0351";
    if (base == "082") return "0352";
    if (base == "084") return "0353";
    if (base == "085") return "0354";
    if (base == "086") return "0355";
    if (base == "087") return "0356";
    return "035";
  }
  if (root == "14") return "133";  // "will boycott", "vowed to strike": threaten dissent
  if (root == "16") {
    if (base == "164") return "134";  // halt negotiations
    if (base == "165") return "135";  // halt mediation
    if (base == "166") return "136";  // expel or withdraw
    if (base == "161") return "1313";
    if (base == "162" || base == "163") return "1312";
    return "131";
  }
  if (root == "17") return "137";
  if (root == "18" || root == "19" || root == "20") return "138";
  return code;
}

}  // namespace

void EventCoder::Code(Document* doc) const {
  doc->events.clear();
  // Which mention covers each token (-1 when none).
  std::vector<int> mention_at(doc->tokens.size(), -1);
  for (size_t m = 0; m < doc->actors.size(); ++m)
    for (uint32_t t = doc->actors[m].first_token; t < doc->actors[m].end_token; ++t)
      mention_at[t] = static_cast<int>(m);

  // Tokens inside a time expression: "fired on 1 November" is no "fire on".
  std::vector<bool> in_timex(doc->tokens.size(), false);
  for (const Timex& x : doc->timexes) {
    // Tokens are in text order: the first one starting inside the expression, then on.
    auto it = std::lower_bound(doc->tokens.begin(), doc->tokens.end(), x.span.start,
                               [](const Token& tok, uint32_t pos) { return tok.span.start < pos; });
    for (; it != doc->tokens.end() && it->span.end <= x.span.end; ++it)
      in_timex[static_cast<size_t>(it - doc->tokens.begin())] = true;
  }

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
      // After an article or a possessive the word is a noun or an adjective ("a shell
      // company", "the occupied territories", "their attack"): verb patterns do not fire.
      const bool after_article =
          t > s.first_token && IsArticleOrPossessive(doc->tokens[t - 1].norm);
      Trigger best{t, t + 1, t, nullptr};
      size_t best_words = 0;
      int best_score = -1;
      for (uint32_t id : *hit.ids) {
        const VerbPattern& p = dict_.patterns()[id];
        if (after_article && !p.is_noun) continue;
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
          const uint32_t reach =
              (IsPreposition(w) && w != "to") || IsParticle(w) ? kParticleReach : kPatternReach;
          for (uint32_t k = pos; k < s.end_token && k < pos + reach; ++k) {
            if (IsClauseBreak(doc->tokens[k].norm) || doc->tokens[k].norm == "," ||
                IsModal(doc->tokens[k].norm))
              break;
            // A preposition belongs to the nearest verb before it, and never reaches across a
            // coordination: in "condemns the attack and calls on both parties" the "on" is
            // not the attack's.
            if (reach == kParticleReach &&
                (doc->tokens[k].upos == "VERB" || IsCoordinator(doc->tokens[k].norm)))
              break;
            if (doc->tokens[k].norm == w) {
              // A preposition whose object is a date belongs to the date.
              if (IsPreposition(w) && k + 1 < s.end_token && in_timex[k + 1]) break;
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
                         doc->tokens[t].norm != Split(best.pattern->text, ' ')[0] &&
                         !(t + 1 < s.end_token &&
                           IsStativeParticiple(doc->tokens[t].norm, doc->tokens[t + 1].norm));
      }
      triggers.push_back(best);
      t = best.end - 1;
    }
    // "X said/insisted/declared (that) Y must/should ...": a demand on Y.
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      if (!IsSpeechWord(doc->tokens[t].norm) || mention_at[t] >= 0) continue;
      for (int m : ms) {
        const auto& a = doc->actors[m];
        if (a.first_token <= t || a.first_token > t + 8) continue;
        // "US and British forces must ...": the modal follows the last of a coordination.
        uint32_t k = a.end_token;
        if (a.group >= 0)
          for (int other : ms)
            if (doc->actors[other].group == a.group) k = std::max(k, doc->actors[other].end_token);
        if (k < s.end_token && (doc->tokens[k].norm == "must" || doc->tokens[k].norm == "should")) {
          Trigger tr{t, t + 1, t, &MustDemandPattern()};
          tr.forced_target = m;
          triggers.push_back(tr);
        }
        break;
      }
    }
    std::sort(triggers.begin(), triggers.end(),
              [](const Trigger& a, const Trigger& b) { return a.head < b.head; });
    if (triggers.empty()) continue;
    // Modality: "will meet", "is willing to send", "agreed to provide aid" state an intention,
    // which CAMEO codes apart from the act itself; the intent word's own event gives way.
    for (Trigger& tr : triggers) {
      for (uint32_t k = tr.head; k > s.first_token && k + 4 > tr.head; --k) {
        const std::string& w = doc->tokens[k - 1].norm;
        if (w == "will" || w == "would" || w == "'ll" || w == "shall") {
          tr.intent = true;
          break;
        }
        if (w == "to" && k >= s.first_token + 2 && IsRefusalWord(doc->tokens[k - 2].norm)) {
          tr.refused = true;
          for (Trigger& other : triggers)
            if (other.head == k - 2 && other.pattern->code.substr(0, 2) == "12")
              other.suppressed = true;
          break;
        }
        if (w == "to" && k >= s.first_token + 2 && IsIntentWord(doc->tokens[k - 2].norm)) {
          tr.intent = true;
          for (Trigger& other : triggers)
            if (other.head == k - 2 && other.pattern->code.substr(0, 2) == "03")
              other.suppressed = true;
          break;
        }
        if (w == "," || w == ";" || mention_at[k - 1] >= 0) break;
      }
    }

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

    // The preposition governing a mention ("with her Russian counterpart" -> "with"), or "".
    auto governing_preposition = [&](int m) -> std::string {
      uint32_t f = doc->actors[m].first_token;
      while (f > s.first_token && IsDeterminer(doc->tokens[f - 1].norm)) --f;
      if (f > s.first_token && IsPreposition(doc->tokens[f - 1].norm))
        return doc->tokens[f - 1].norm;
      return "";
    };
    auto preceded_by_preposition = [&](int m) { return !governing_preposition(m).empty(); };
    auto members = [&](int m) {
      std::vector<int> out;
      if (doc->actors[m].group < 0) return std::vector<int>{m};
      for (int k : ms)
        if (doc->actors[k].group == doc->actors[m].group) out.push_back(k);
      return out;
    };
    // The subject of the clause of token `head`: nearest mention before it outside a PP.
    // Not across an adverbial clause opener: in "23 civilians were killed when an airstrike
    // hit a market" the civilians did not strike.
    auto clause_subject = [&](uint32_t head) {
      uint32_t floor = s.first_token;
      for (uint32_t k = head; k > s.first_token; --k)
        if (IsAdverbialOpener(doc->tokens[k - 1].norm)) {
          floor = k;
          break;
        }
      for (auto it = ms.rbegin(); it != ms.rend(); ++it)
        if (doc->actors[*it].end_token <= head && doc->actors[*it].first_token >= floor &&
            !preceded_by_preposition(*it))
          return *it;
      return -1;
    };
    // The first mention after token `from` that is an object or a target-marking PP, within
    // the clause ("met with X", "sent troops to X"; not "in honor of X", not "that X ...").
    auto object_after = [&](uint32_t from, int exclude, uint32_t reach) {
      for (int m : ms) {
        const auto& a = doc->actors[m];
        if (a.first_token < from) continue;
        if (a.first_token > from + reach) break;
        bool blocked = false;
        // Nor across a coordination ("condemns the attack and calls on both parties": the
        // parties are not the attack's target).
        for (uint32_t k = from; k < a.first_token; ++k)
          if (IsClauseBreak(doc->tokens[k].norm) || IsSubordinator(doc->tokens[k].norm) ||
              IsCoordinator(doc->tokens[k].norm))
            blocked = true;
        if (blocked) break;
        if (m == exclude) continue;
        if (exclude >= 0 && doc->actors[m].code == doc->actors[exclude].code) continue;
        const std::string prep = governing_preposition(m);
        if (prep.empty() || IsTargetPreposition(prep)) return m;
      }
      return -1;
    };

    // With a dependency parse, roles come from it; the word-order rules below are the
    // fallback for text that has not been parsed.
    const ParsedSentence parse(*doc, s);
    // The actor mention a role's head word belongs to: the mention covering it, else one in
    // its close dependents ("thousands of troops" -> "troops").
    auto mention_of = [&](int token) -> int {
      if (token < 0) return -1;
      auto usable = [&](int m) { return m >= 0 && std::find(ms.begin(), ms.end(), m) != ms.end(); };
      if (usable(mention_at[token])) return mention_at[token];
      std::vector<uint32_t> frontier{static_cast<uint32_t>(token)};
      for (int depth = 0; depth < 2; ++depth) {
        std::vector<uint32_t> next;
        for (uint32_t t : frontier)
          for (const char* rel : {"nmod", "compound", "amod", "appos", "flat", "conj"})
            for (uint32_t c : parse.Children(t, rel)) {
              if (usable(mention_at[c])) return mention_at[c];
              next.push_back(c);
            }
        frontier.swap(next);
      }
      return -1;
    };

    std::set<std::tuple<std::string, std::string, std::string, uint32_t>> seen;
    for (const Trigger& tr : triggers) {
      if (tr.suppressed) continue;
      const VerbPattern& p = *tr.pattern;
      // "will not accept", "refused to release": a rejection, not a negated act.
      const std::string refusal =
          tr.refused || (tr.intent && tr.negated) ? RefusalCode(p.code) : std::string();
      const std::string code = !refusal.empty() ? refusal : tr.intent ? IntentCode(p.code) : p.code;
      int src = -1, tgt = -1;
      bool parsed_negation = false;
      int parsed_speaker = -1;
      // Roles by word order: the only ones for unparsed text, and the fallback for a slot
      // the parse leaves empty (a greedy parse misattaches some objects and subjects).
      auto word_order = [&]() -> std::pair<int, int> {
        int src = -1, tgt = -1;
        if (p.is_noun) {
          // The possessor or adjective right before the noun: "Russia's attack", "Russian
          // strikes", "its war" (a resolved pronoun).
          bool possessed = false;
          for (uint32_t k = tr.head; k > s.first_token && k + 4 > tr.head; --k) {
            const std::string& w = doc->tokens[k - 1].norm;
            if (w == "'s" || w == "'" || w == "its" || w == "their" || w == "his" || w == "her")
              possessed = true;
            if (IsPreposition(w) || IsClauseBreak(w) || w == ",") break;
          }
          for (int m : ms) {
            const auto& a = doc->actors[m];
            if (a.end_token <= tr.head && tr.head - a.end_token <= 2) src = m;
          }
          bool in_pp = false;
          for (uint32_t k = tr.head; k > s.first_token && k + 5 > tr.head; --k) {
            const std::string& w = doc->tokens[k - 1].norm;
            if (mention_at[k - 1] >= 0 || w == ",") break;
            if (IsPreposition(w)) {
              in_pp = true;
              break;
            }
          }
          // An unknown possessor ("Kim Il-Sung's visit") or a noun inside a prepositional
          // phrase ("during the talks") says nothing about who acted.
          if (src < 0 && !possessed && !in_pp) src = clause_subject(tr.head);
          // Target: a mention after a target-marking preposition following the noun.
          int cand = object_after(tr.end, src, 6);
          if (cand >= 0 && !governing_preposition(cand).empty()) tgt = cand;
        } else if (tr.passive) {
          // "X was attacked by Y": Y is the source, X the target.
          for (int m : ms) {
            const auto& a = doc->actors[m];
            if (a.first_token > tr.head && a.first_token <= tr.end + 6 &&
                governing_preposition(m) == "by") {
              src = m;
              break;
            }
          }
          tgt = clause_subject(tr.head);
        } else {
          src = clause_subject(tr.head);
          // Appeals and demands address the subject of their that-clause: "demanded that X
          // withdraw", "urged that X ...".
          if ((code.substr(0, 2) == "02" || code.substr(0, 2) == "10") && tr.end < s.end_token) {
            for (uint32_t k = tr.end; k < s.end_token && k < tr.end + 3; ++k) {
              if (doc->tokens[k].norm != "that") continue;
              for (int m : ms)
                if (doc->actors[m].first_token > k && doc->actors[m].first_token <= k + 3 &&
                    m != src) {
                  tgt = m;
                  break;
                }
              break;
            }
            if (tgt >= 0) return std::make_pair(src, tgt);
          }
          // After the pattern first ("sent troops to X"), else inside it: the object may be
          // one of the pattern's words ("met the Egyptian counterpart" for "meet counterpart").
          tgt = object_after(tr.end, src, 8);
          if (tgt < 0 && tr.end > tr.head + 1)
            tgt = object_after(tr.head + 1, src, tr.end - tr.head);
        }
        return std::make_pair(src, tgt);
      };
      bool use_parse = false;
      bool parsed_passive = false, nonactor_subject = false;
      if (parse.parsed()) {
        const std::string& upos = doc->tokens[tr.head].upos;
        // Verb patterns fire on verbs, noun patterns on nouns; when the tagger disagrees with
        // the pattern, the parse around the word is not to be trusted either.
        use_parse = p.is_noun ? (upos == "NOUN" || upos == "PROPN")
                              : (upos == "VERB" || upos == "AUX" || upos == "ADJ");
      }
      if (use_parse) {
        int topic_word = -1;  // a pattern word whose mention was set aside as the topic
        std::vector<std::string> preps;
        for (const auto& w : p.words)
          if (IsPreposition(w)) preps.push_back(w);
        Roles r = parse.Find(tr.head, p.is_noun, preps);
        src = mention_of(r.source);
        parsed_passive = r.passive;
        nonactor_subject = r.source >= 0 && src < 0;
        // A role word that is the object of one of the pattern's own prepositions
        // ("bombing" in "blamed Israel for the bombing of ... Tulkarm" for "blame for
        // bombing") names what the event is about, not who it is aimed at; the mention
        // found under it would be wrong. ("withdrawal of Serbian forces" for "demand
        // withdrawal" does name the target.)
        if (r.target >= static_cast<int>(tr.head) && r.target < static_cast<int>(tr.end)) {
          auto w = std::find(p.words.begin(), p.words.end(), doc->tokens[r.target].norm);
          if (w != p.words.end() && w != p.words.begin() && IsPreposition(*(w - 1))) {
            topic_word = r.target;
            r.target = -1;
          }
        }
        // Only appeals, demands and threats are aimed at the one who must act ("demanded
        // that the US cancel"); "denied that its forces had …" is not aimed at the forces.
        if (r.target_is_clause_subject) {
          const std::string act = p.code.substr(0, 2);
          if (act != "02" && act != "10" && act != "13") r.target = -1;
        }
        tgt = mention_of(r.target);
        // The pattern's own object ("offered its troops" for "offer troops") is not the
        // target; word order looks past it ("... to Lebanon"). Its possessor is ("rejected
        // North Korea's demand" for "reject demand").
        if (tgt >= 0 && doc->actors[tgt].first_token >= tr.head &&
            doc->actors[tgt].first_token < tr.end) {
          bool pattern_word = false;
          for (uint32_t k = doc->actors[tgt].first_token; k < doc->actors[tgt].end_token; ++k)
            pattern_word =
                pattern_word ||
                std::find(p.words.begin(), p.words.end(), doc->tokens[k].norm) != p.words.end() ||
                std::find(p.words.begin(), p.words.end(), doc->tokens[k].lemma) != p.words.end();
          // A possessive pronoun there ("coordinate their positions") points back at the
          // subject, whatever coreference made of it.
          if (pattern_word || doc->actors[tgt].kind == "pronoun") tgt = -1;
        }
        // The source under another name ("closed its borders with Iran", "sued … for damages
        // to his plant") is not the target; word order may find the real one.
        if (tgt >= 0 && src >= 0 && doc->actors[tgt].code == doc->actors[src].code) tgt = -1;
        parsed_negation = r.negated;
        if (r.speech_head >= 0) {
          Roles sr = parse.Find(static_cast<uint32_t>(r.speech_head), false, {});
          parsed_speaker = mention_of(sr.source);
        }
        if (src < 0 || tgt < 0) {
          auto [ws, wt] = word_order();
          if (src < 0 && ws != tgt) src = ws;
          if (tgt < 0 && wt != src) tgt = wt;
        }
        // Word order found no one else: the mention under the topic word is the one the act
        // is aimed at after all ("called for the removal of President X", "appealed for the
        // release of Y"); with another object ("blamed Israel for the bombing of Z") it is not.
        if (tgt < 0 && topic_word >= 0) {
          const int m = mention_of(topic_word);
          if (m >= 0 && m != src && (src < 0 || doc->actors[m].code != doc->actors[src].code))
            tgt = m;
        }
      } else {
        std::tie(src, tgt) = word_order();
      }
      if (tr.forced_target >= 0) tgt = tr.forced_target;
      // A protest with no named target is aimed at the authorities where it takes place, and
      // material acts done "in X" (visits, deployments, lifting a curfew, attacks) act on X.
      // The act's own root decides, also when it is only intended or threatened ("will
      // extend the curfew in Abidjan" is a threat against Ivory Coast).
      const std::string root = code.substr(0, 2);
      const std::string act = p.code.substr(0, 2);
      // A place in the source's own country is only where it acted: "Thailand declared a state
      // of emergency in Bangkok" keeps its event, with no target (an actor does not act on
      // itself, and that rule below would drop the event).
      auto own_place = [&](int place) {
        return src >= 0 && doc->actors[place].code == doc->actors[src].code;
      };
      if (tgt < 0 && root == "14") {
        int place = NearestPlace(*doc, s, tr.head);
        if (place >= 0 && !own_place(place)) tgt = place;
      }
      if (tgt < 0 && !p.target_none &&
          (p.code == "042" || act == "06" || act == "07" || act == "08" || act == "15" ||
           act == "16" || act == "17" || act == "18" || act == "19" || act == "20")) {
        int place = NearestPlace(*doc, s, tr.head);
        if (place >= 0 && doc->actors[place].first_token > tr.head &&
            doc->actors[place].first_token <= tr.end + 6 && !own_place(place))
          tgt = place;
      }
      // "A and B signed a treaty": cooperation between the members of the group, each way.
      const bool mutual =
          tgt < 0 && src >= 0 && members(src).size() >= 2 &&
          (root == "03" || root == "04" || root == "05" || root == "06" || root == "19");
      // Negation before the event word, or on the subject ("neither of the ministers").
      // A refusal coded as a rejection is asserted; a refused act with no rejection code
      // ("refused to attack") did not happen.
      bool negated = refusal.empty() ? tr.negated || parsed_negation || tr.refused : false;
      if (src >= 0) {
        uint32_t f = doc->actors[src].first_token;
        for (uint32_t k = f; k > s.first_token && k + 5 > f; --k) {
          const std::string& w = doc->tokens[k - 1].norm;
          if (w == "neither" || w == "none" || w == "no" || w == "nobody") negated = true;
          if (w == "," || IsClauseBreak(w)) break;
        }
      }
      // Violence whose perpetrator the text does not name ("three civilians were killed in a
      // car bombing") is still an event against its victims, coded with no source as event
      // data sets code an unknown actor.
      // Only a verb the tagger reads as a verb, in the passive ("were killed in a car
      // bombing") or with a subject that is no actor ("a roadside bomb killed two soldiers"):
      // event nouns and misread words ("the shell company", "hard-fought takeover battles")
      // take no victim from a phrase nearby.
      const bool unknown_source = src < 0 && tgt >= 0 && !tr.intent && !p.target_none &&
                                  !p.is_noun && (!parse.parsed() || use_parse) &&
                                  (tr.passive || parsed_passive || nonactor_subject) &&
                                  (root == "18" || root == "19" || root == "20");
      if (src < 0 && !unknown_source) continue;
      // An event whose target cannot be found is still an event of its source ("rebels
      // attacked", "the council agreed to set up a centre"): it is kept with target null
      // and lower confidence. Only plain statements need an addressee (below).
      if (p.target_none) tgt = -1;
      // Plain statements (010) are the catch-all CAMEO codes only when nothing more specific
      // can be said; dyad codes one only when it is addressed to someone ("told X",
      // "said to X"), never for every "said".
      if (p.code == "010") {
        if (tgt < 0) continue;
        const std::string prep = governing_preposition(tgt);
        const std::string& verb = doc->tokens[tr.head].norm;
        const bool addressed =
            prep == "to" || prep == "with" ||
            (prep.empty() &&
             (StartsWith(verb, "tell") || verb == "told" || StartsWith(verb, "brief") ||
              StartsWith(verb, "inform") || StartsWith(verb, "address")));
        if (!addressed) continue;
      }
      if (negated && !options_.keep_negated) continue;
      const CameoCode* row = dict_.Cameo(code);
      for (int sm : src >= 0 ? members(src) : std::vector<int>{-1}) {
        for (int tm : mutual ? members(src) : tgt >= 0 ? members(tgt) : std::vector<int>{-1}) {
          const std::string scode = sm >= 0 ? doc->actors[sm].code : "";
          const std::string tcode = tm >= 0 ? doc->actors[tm].code : "";
          if (scode == tcode) continue;  // an actor does not act on itself here
          if (!seen.insert({scode, tcode, code, tr.head}).second) continue;
          Event e;
          e.sentence = si;
          e.source = sm;
          e.target = tm;
          e.verb = {doc->tokens[tr.head].span.start, doc->tokens[tr.end - 1].span.end};
          e.cameo = code;
          e.root = code.substr(0, 2);
          if (row) {
            e.quad_class = row->quad_class;
            e.goldstein = row->goldstein;
            e.plover_event = row->plover_event;
            e.plover_mode = row->plover_mode;
          }
          const bool recoded = tr.intent || !refusal.empty();
          if (!recoded && !p.plover_event.empty()) e.plover_event = p.plover_event;
          if (!recoded && !p.plover_mode.empty()) e.plover_mode = p.plover_mode;
          e.pattern = p.is_noun ? "n: " + p.text : p.text;
          e.pattern_entry = p.entry;
          e.negated = negated;
          e.date = doc->date;
          e.date_source = doc->date.empty() ? "" : "document";
          if (parse.parsed()) {
            if (parsed_speaker >= 0 && parsed_speaker != sm) e.attribution = parsed_speaker;
          }
          // Word order when the parse found no speaker ("Russia said | Ukrainian troops
          // attacked ...", misparsed): the speaker of a saying verb before the event.
          if (e.attribution < 0 && speaker >= 0 && speaker != sm && tr.head > speech_at) {
            e.attribution = speaker;
          }
          e.location = NearestPlace(*doc, s, tr.head);
          // A heuristic confidence: longer patterns and adjacent actors are surer.
          double c = 0.55 + 0.1 * std::min<size_t>(p.words.size(), 2);
          if (tm >= 0)
            c += 0.1;
          else if (!p.target_none && !p.target_optional)
            c -= 0.15;
          if (sm >= 0 && doc->actors[sm].code.size() > 3) c += 0.05;
          if (sm < 0) c -= 0.15;
          if (e.negated) c -= 0.2;
          if (e.attribution >= 0) c -= 0.1;
          e.confidence = std::min(0.95, c);
          doc->events.push_back(std::move(e));
        }
      }
    }
  }
  // Verbs of PETRARCH/TABARI dictionaries, and their discard phrases.
  if (dict_.has_foreign_verbs() || !dict_.discards().empty())
    SlotMatcher(dict_, options_.peer ? *options_.peer : dict_.peer_options()).Code(doc);
}

}  // namespace dyad
