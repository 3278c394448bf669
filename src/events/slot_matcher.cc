#include "events/slot_matcher.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <unordered_set>

#include "core/strings.h"
#include "dict/petrarch2_codes.h"

namespace dyad {

namespace {

// ---- Word classes: a shallow stand-in for the parse PETRARCH reads its noun phrases and
// verb phrases from.

const std::unordered_set<std::string>& Determiners() {
  static const std::unordered_set<std::string> s = {
      "the",  "a",       "an",   "this", "these",   "those",  "its",     "their", "his",
      "her",  "our",     "my",   "your", "some",    "any",    "each",    "every", "all",
      "both", "several", "many", "few",  "neither", "either", "another", "such",  "no"};
  return s;
}

const std::unordered_set<std::string>& Prepositions() {
  static const std::unordered_set<std::string> s = {
      "of",      "in",         "on",        "at",        "with",       "from",    "by",
      "for",     "against",    "into",      "over",      "about",      "after",   "before",
      "between", "among",      "toward",    "towards",   "under",      "through", "during",
      "across",  "near",       "than",      "like",      "amid",       "despite", "without",
      "within",  "upon",       "along",     "around",    "behind",     "beyond",  "since",
      "until",   "via",        "per",       "including", "onto",       "off",     "out",
      "up",      "down",       "et",        "according", "throughout", "inside",  "outside",
      "unlike",  "concerning", "regarding", "following", "amongst",    "beside",  "besides",
      "except",  "past",       "versus",    "whilst"};
  return s;
}

const std::unordered_set<std::string>& Auxiliaries() {
  static const std::unordered_set<std::string> s = {
      "is",    "are",    "was",   "were",  "be",     "been",  "being", "am",     "has",    "have",
      "had",   "having", "do",    "does",  "did",    "will",  "would", "shall",  "should", "can",
      "could", "may",    "might", "must",  "'re",    "'ve",   "'ll",   "'d",     "'m",     "n't",
      "not",   "wo",     "ca",    "isn't", "wasn't", "won't", "can't", "didn't", "ought"};
  return s;
}

bool IsModalOrAux(const std::string& w) {
  return Auxiliaries().count(w) > 0;
}

const std::unordered_set<std::string>& Subordinators() {
  static const std::unordered_set<std::string> s = {
      "that",  "which", "who",   "whom", "whose",    "what",    "whether", "because",
      "while", "when",  "where", "if",   "although", "though",  "as",      "unless",
      "once",  "so",    "why",   "how",  "whereas",  "whenever"};
  return s;
}

const std::unordered_set<std::string>& Pronouns() {
  static const std::unordered_set<std::string> s = {"he",  "she", "it",   "they", "we", "i",
                                                    "you", "him", "them", "us",   "me"};
  return s;
}

const std::unordered_set<std::string>& Adverbs() {
  static const std::unordered_set<std::string> s = {
      "also",  "again", "now",  "then",    "never",   "still",    "already", "even",
      "ever",  "just",  "very", "too",     "soon",    "almost",   "later",   "earlier",
      "often", "once",  "yet",  "perhaps", "however", "together", "instead", "meanwhile",
      "away",  "back",  "here", "there",   "thus",    "rather",   "quite",   "nearly",
      "well",  "far",   "ago",  "further"};
  return s;
}

bool IsAdverb(const Token& t) {
  if (Adverbs().count(t.norm)) return true;
  static const std::unordered_set<std::string> kNotAdverbs = {
      "family",   "ally",    "assembly", "rally",    "supply",  "july",   "italy",
      "monopoly", "anomaly", "reply",    "belly",    "holy",    "only",   "early",
      "daily",    "weekly",  "likely",   "friendly", "elderly", "costly", "deadly",
      "lonely",   "lovely",  "ugly",     "orderly",  "unlikely"};
  return !t.capitalized && t.norm.size() > 4 && EndsWith(t.norm, "ly") &&
         !kNotAdverbs.count(t.norm);
}

// Common verb forms that are not regular -ed/-ing words.
bool IsIrregularVerbForm(const std::string& w) {
  static const std::unordered_set<std::string> s = {
      "said",      "says",    "say",    "told",    "tells",   "went",     "goes",    "made",
      "makes",     "took",    "takes",  "gave",    "gives",   "came",     "comes",   "seen",
      "saw",       "known",   "knew",   "held",    "holds",   "left",     "leaves",  "met",
      "meets",     "sent",    "sends",  "brought", "began",   "begun",    "wrote",   "written",
      "broke",     "broken",  "spoke",  "spoken",  "stood",   "ran",      "fell",    "fallen",
      "found",     "thought", "got",    "gotten",  "put",     "kept",     "let",     "seems",
      "seemed",    "led",     "fought", "won",     "lost",    "shot",     "struck",  "hit",
      "sought",    "sold",    "bought", "paid",    "lent",    "drew",     "drawn",   "chose",
      "chosen",    "rose",    "risen",  "wants",   "agrees",  "agree",    "warns",   "urges",
      "believes",  "believe", "faces",  "hopes",   "plans",   "vows",     "vow",     "promises",
      "threatens", "calls",   "asks",   "denies",  "accuses", "condemns", "rejects", "supports",
      "backs",     "wants"};
  return s.count(w) > 0;
}

// Words that open an adverbial clause ("after a hafling was reported").
bool IsClauseOpener(const std::string& w) {
  static const std::unordered_set<std::string> s = {
      "after",    "before", "since", "until",  "when",    "while", "because",
      "although", "though", "if",    "unless", "whereas", "once"};
  return s.count(w) > 0;
}

enum class Cls : uint8_t {
  kNominal,
  kDet,
  kPrep,
  kTo,
  kConj,
  kAux,
  kSub,
  kPron,
  kAdv,
  kPunct,
  kVerb
};

// ---- Noun phrase units.

// One coded piece of a unit: its tokens and PETRARCH-style code ("ARNGOV", "---GOV", "---").
struct Element {
  uint32_t first = 0, end = 0;
  std::string code;
  std::string entry;
  bool coded = false;  // an actor code (not only agents, not null)
};

// A noun phrase (PETRARCH's NE) or a compound of them (NEC), tokens [first, end).
struct Unit {
  uint32_t first = 0, end = 0;
  std::vector<Element> elements;
  bool compound = false;
  bool coded() const {
    if (compound) return true;
    return !elements.empty() && elements[0].coded;
  }
};

// A phrase with a code: an actor, or agents alone ("the congress": ---LEG).
bool Coded(const Unit& u) {
  for (const auto& el : u.elements)
    if (el.code != "---") return true;
  return false;
}

// A dictionary hit in the sentence.
struct Atom {
  uint32_t first = 0, end = 0;
  bool agent = false;
  std::string code;     // actor code, or agent sector
  bool prefix = false;  // agent code goes before the actor's
  std::string entry;
};

// An item of the word sequences patterns are matched against.
struct Item {
  enum Kind : uint8_t { kWord, kMarker } kind = kWord;
  uint32_t tok = 0;  // kWord: token index
  int unit = -1;     // unit the word or marker belongs to
};

bool WordEquals(const SlotToken& el, const Token& tok) {
  if (el.stem)
    return tok.norm.size() >= el.text.size() && tok.norm.compare(0, el.text.size(), el.text) == 0;
  return tok.norm == el.text;
}

struct CodedEvent {
  std::string src, tgt, code;
  int src_el_unit = -1, tgt_el_unit = -1;
  int src_el = -1, tgt_el = -1;
  bool operator<(const CodedEvent& o) const {
    return std::tie(src, tgt, code) < std::tie(o.src, o.tgt, o.code);
  }
};

class SentenceCoder {
 public:
  SentenceCoder(const Dictionary& dict, const PeerOptions& opt, Document* doc, uint32_t si)
      : dict_(dict), opt_(opt), doc_(doc), si_(si), s_(doc->sentences[si]) {}

  void Run();

 private:
  const Token& tok(uint32_t t) const { return doc_->tokens[t]; }
  // Capitalised, in a sentence that is not written all in capitals.
  bool Cap(uint32_t t) const { return tok(t).capitalized && !all_caps_; }
  Cls cls(uint32_t t) const { return cls_[t - s_.first_token]; }
  void set_cls(uint32_t t, Cls c) { cls_[t - s_.first_token] = c; }
  bool kept(uint32_t t) const { return kept_[t - s_.first_token]; }
  bool in_timex(uint32_t t) const { return in_timex_[t - s_.first_token]; }
  int unit_at(uint32_t t) const { return unit_of_[t - s_.first_token]; }

  void FindAtoms();
  void Classify();
  bool VerbHit(uint32_t t, const ForeignVerb** verb, uint32_t* head_end) const;
  void BuildUnits();
  std::string ElementCode(uint32_t first, uint32_t end, std::string* entry, bool* coded) const;
  void DropCommaClauses();
  uint32_t VerbPhraseEnd(uint32_t from) const;
  int OpensClause(uint32_t t) const;
  std::vector<Item> UpperSeq(uint32_t before) const;
  std::vector<Item> LowerSeq(uint32_t from, uint32_t end) const;
  // How much of the text a pattern accounted for: words matched exactly, as stems, through
  // synsets (TABARI prefers the pattern that accounts for more).
  struct Score {
    int exact = 0, stem = 0, synset = 0;
    bool operator>(const Score& o) const {
      return std::tie(exact, stem, synset) > std::tie(o.exact, o.stem, o.synset);
    }
  };
  bool MatchSide(const std::vector<SlotToken>& pat, const std::vector<Item>& seq, bool upper,
                 DictFormat format, int* source, int* target, Score* score) const;
  bool SynsetMatch(const std::vector<std::vector<SlotToken>>& phrases, const std::vector<Item>& seq,
                   size_t k, bool upper, size_t* used, int depth) const;
  bool IsPassive(uint32_t verb, const std::vector<Item>& lower) const;
  // The "to" at `t` marks an infinitive ("to improve"), it is no preposition.
  bool InfinitiveTo(uint32_t t) const;
  // "once again", "once more": the "once" at `t` is an adverb, it opens no clause.
  bool OnceAgain(uint32_t t) const {
    return tok(t).norm == "once" && t + 1 < s_.end_token &&
           (tok(t + 1).norm == "again" || tok(t + 1).norm == "more");
  }
  // Codes the verb at `verb`; true when it coded an event. *resume: where to look for the
  // next verb (the end of this one's phrase), left 0 when the verb codes nothing.
  bool CodeVerb(uint32_t verb, uint32_t head_end, const ForeignVerb& fv, uint32_t* resume);
  // What one verb codes, before it is emitted.
  struct VerbCoding {
    std::vector<CodedEvent> events;
    const VerbPattern* pattern = nullptr;
    std::string code;     // the code the verb took (its pattern's or its own), "" when none
    int source = -1;      // the source phrase (unit), -1 when none
    uint32_t resume = 0;  // the end of the verb's phrase once it took a code, else 0
  };
  // Codes the verb: patterns against the words before it and those after it up to
  // `phrase_end` (0: the end of its verb phrase); `forced_source` (a unit, >= 0) is the
  // source unless a pattern slot places one.
  VerbCoding CodeVerbEvents(uint32_t verb, uint32_t head_end, const ForeignVerb& fv,
                            uint32_t phrase_end, int forced_source);
  // PETRARCH2: a verb governing another dictionary verb codes with it ("pledged to expel",
  // "asked Gondor to help Arnor", "said that Mordor attacked"); true when the verb at
  // `verb` governs one and the pair was coded (perhaps to nothing), *resume then set.
  bool CodeGoverning(uint32_t verb, uint32_t head_end, const ForeignVerb& fv, uint32_t* resume);
  // The first word after the verb's fixed words ("cordoned off").
  uint32_t AfterFixedWords(uint32_t head_end, const ForeignVerb& fv) const;
  // The events to emit: each (source, target, code) once, and only dyads under require_dyad.
  std::vector<CodedEvent> Kept(const std::vector<CodedEvent>& events) const;
  void Emit(const std::vector<CodedEvent>& events, uint32_t verb, uint32_t verb_end,
            const VerbPattern* pattern, const ForeignVerb& fv);
  int MentionFor(int unit, int element, const std::string& code);

  const Dictionary& dict_;
  const PeerOptions& opt_;
  Document* doc_;
  uint32_t si_;
  const Sentence& s_;
  std::vector<Atom> atoms_;
  std::vector<int> atom_at_;  // atom covering each token, -1
  std::vector<Cls> cls_;
  std::vector<bool> kept_;
  std::vector<bool> in_timex_;  // the token is part of a time expression ("on Tuesday")
  std::vector<Unit> units_;
  std::vector<int> unit_of_;
  bool tabari_ = false;     // the verbs are TABARI's: its verb, pattern and actor rules
  bool petrarch2_ = false;  // PETRARCH2's: a verb governing another combines with it
  bool all_caps_ = false;   // the sentence is written in capitals
};

void SentenceCoder::FindAtoms() {
  const uint32_t n = s_.end_token - s_.first_token;
  atom_at_.assign(n, -1);
  for (uint32_t t = s_.first_token; t < s_.end_token;) {
    auto a = dict_.actor_index().Longest(*doc_, t, s_.end_token);
    auto g = dict_.agent_index().Longest(*doc_, t, s_.end_token);
    if (a.length == 0 && g.length == 0) {
      ++t;
      continue;
    }
    Atom atom;
    atom.first = t;
    if (a.length >= g.length) {
      atom.end = t + a.length;
      // The code in force on the document's date, then an unrestricted one: a phrase two
      // actors share ("President Bush") takes the actor whose dated code holds then.
      const ActorEntry* chosen = nullptr;
      for (int pass = 0; pass < 2 && !chosen; ++pass)
        for (uint32_t id : *a.ids) {
          const ActorEntry& e = dict_.actors()[id];
          const bool dated = !e.from.empty() || !e.to.empty();
          if ((pass == 1 || dated) && e.HoldsOn(doc_->date)) {
            chosen = &e;
            break;
          }
        }
      atom.code = chosen ? chosen->code : "---";
      atom.entry = chosen ? chosen->entry : dict_.actors()[(*a.ids)[0]].entry;
    } else {
      atom.end = t + g.length;
      const AgentEntry& e = dict_.agents()[(*g.ids)[0]];
      atom.agent = true;
      atom.code = e.sector;
      atom.prefix = e.prefix;
      atom.entry = e.entry;
    }
    for (uint32_t k = atom.first; k < atom.end; ++k)
      atom_at_[k - s_.first_token] = static_cast<int>(atoms_.size());
    atoms_.push_back(atom);
    t = atom.end;
  }
}

bool SentenceCoder::VerbHit(uint32_t t, const ForeignVerb** verb, uint32_t* head_end) const {
  // Longest form first; among the verbs of one form the last definition wins, as in
  // PETRARCH; the words fixed around the head must be there.
  for (const auto& hit : dict_.foreign_verb_index().All(*doc_, t, s_.end_token)) {
    for (auto it = hit.ids->rbegin(); it != hit.ids->rend(); ++it) {
      const ForeignVerb& v = dict_.foreign_verbs()[*it];
      bool ok = true;
      uint32_t k = t;
      for (const auto& w : v.pre) {
        if (k <= s_.first_token || !WordEquals(w, tok(k - 1))) {
          ok = false;
          break;
        }
        --k;
      }
      uint32_t e = t + hit.length;
      for (size_t i = 0; ok && i < v.post.size(); ++i) {
        const auto& w = v.post[i];
        bool found = false;
        for (uint32_t m = e; m < s_.end_token && m < e + (w.adjacent ? 1u : 4u); ++m) {
          if (tok(m).is_punct) break;
          if (WordEquals(w, tok(m))) {
            found = true;
            e = m + 1;
            break;
          }
        }
        ok = found;
      }
      if (!ok) continue;
      *verb = &v;
      *head_end = t + hit.length;
      return true;
    }
  }
  return false;
}

void SentenceCoder::Classify() {
  const uint32_t n = s_.end_token - s_.first_token;
  cls_.assign(n, Cls::kNominal);
  for (uint32_t t = s_.first_token; t < s_.end_token; ++t) {
    const Token& k = tok(t);
    if (atom_at_[t - s_.first_token] >= 0) continue;
    const std::string& w = k.norm;
    Cls c = Cls::kNominal;
    if (w == "'s" || w == "'")
      c = Cls::kNominal;
    else if (k.is_punct)
      c = Cls::kPunct;
    else if (w == "to")
      c = Cls::kTo;
    else if (Determiners().count(w))
      c = Cls::kDet;
    else if (w == "and" || w == "or" || w == "but" || w == "nor")
      c = Cls::kConj;
    else if (IsModalOrAux(w))
      c = Cls::kAux;
    else if (Subordinators().count(w) && !OnceAgain(t))
      c = Cls::kSub;
    else if (Prepositions().count(w))
      c = Cls::kPrep;
    else if (Pronouns().count(w))
      c = Cls::kPron;
    else if (IsAdverb(k))
      c = Cls::kAdv;
    set_cls(t, c);
  }
  // TABARI reads any dictionary verb as a verb unless it follows an article, is capitalised
  // inside the sentence or takes a possessive ("the restore", "To Restore", "donate's").
  if (tabari_) {
    for (uint32_t t = s_.first_token; t < s_.end_token; ++t) {
      if (atom_at_[t - s_.first_token] >= 0 || tok(t).is_punct) continue;
      const std::string prev = t > s_.first_token ? tok(t - 1).norm : "";
      if (prev == "the" || prev == "a" || prev == "an" || prev == "'s") continue;
      if (Cap(t) && t > s_.first_token) continue;
      if (t + 1 < s_.end_token && tok(t + 1).norm == "'s") continue;
      if (dict_.IsPeerNoun(tok(t).norm)) continue;
      const ForeignVerb* fv = nullptr;
      uint32_t he = 0;
      if (VerbHit(t, &fv, &he)) set_cls(t, Cls::kVerb);
    }
  }
  // Verbs: a dictionary verb form, a regular past/participle or gerund, or a word after an
  // auxiliary or "to", unless it sits where a noun does (after a determiner, a possessive
  // or a preposition, or capitalised inside the sentence).
  for (uint32_t t = s_.first_token; t < s_.end_token; ++t) {
    if (cls(t) != Cls::kNominal || atom_at_[t - s_.first_token] >= 0) continue;
    const Token& k = tok(t);
    const std::string& w = k.norm;
    if (w == "'s" || w == "'" || std::isdigit(static_cast<unsigned char>(w[0]))) continue;
    if (Cap(t) && t > s_.first_token) continue;
    if (t + 1 < s_.end_token && tok(t + 1).norm == "'s") continue;
    // The word before, skipping adverbs.
    uint32_t p = t;
    while (p > s_.first_token && cls(p - 1) == Cls::kAdv) --p;
    const bool has_prev = p > s_.first_token;
    const Cls prev = has_prev ? cls(p - 1) : Cls::kPunct;
    const std::string prev_w = has_prev ? tok(p - 1).norm : "";
    const bool ed = w.size() > 3 && EndsWith(w, "ed");
    const bool ing = w.size() > 4 && EndsWith(w, "ing");
    const ForeignVerb* fv = nullptr;
    uint32_t he = 0;
    const bool known = VerbHit(t, &fv, &he) || IsIrregularVerbForm(w);
    if (prev == Cls::kDet || prev_w == "'s" || prev_w == "'") continue;
    if (prev == Cls::kPrep && !ing) continue;
    if (prev == Cls::kAux || prev == Cls::kTo) {
      set_cls(t, Cls::kVerb);
      continue;
    }
    if (!known && !ed && !ing) continue;
    // Inside a noun phrase opened by a determiner and lower-case modifiers ("a brief private
    // visit"), a base form is a noun; a past form still reads as the verb ("the government
    // condemned").
    if (!ed && prev == Cls::kNominal) {
      uint32_t q = p - 1;
      bool lower_chain = true;
      while (q > s_.first_token && cls(q) == Cls::kNominal && atom_at_[q - s_.first_token] < 0) {
        if (Cap(q)) lower_chain = false;
        --q;
      }
      const bool det_opened = cls(q) == Cls::kDet || (q >= s_.first_token && tok(q).norm == "'s");
      if (det_opened && lower_chain && !EndsWith(tok(p - 1).norm, "s")) continue;
    }
    if (ed && prev == Cls::kNominal && has_prev && tok(p - 1).norm == "'s") continue;
    set_cls(t, Cls::kVerb);
  }
}

std::string SentenceCoder::ElementCode(uint32_t first, uint32_t end, std::string* entry,
                                       bool* coded) const {
  // PETRARCH: the first actor of the phrase, then every agent in order of appearance (a
  // prefix agent before the actor code, a suffix one after); an agent already in the code
  // ends the list.
  std::string actor;
  std::vector<const Atom*> agents;
  entry->clear();
  for (const auto& a : atoms_) {
    if (a.first < first || a.end > end) continue;
    if (a.agent)
      agents.push_back(&a);
    else if (actor.empty()) {
      actor = a.code;
      *entry = a.entry;
    }
  }
  *coded = !actor.empty() && actor != "---" && actor != "###";
  if (actor.empty() || actor == "###") actor = "---";
  if (entry->empty() && !agents.empty()) *entry = agents[0]->entry;
  std::string code = actor;
  for (const Atom* g : agents) {
    const std::string& agc = g->code;
    bool dup = false;
    for (size_t k = 0; k + agc.size() <= code.size(); k += 3)
      if (code.compare(k, agc.size(), agc) == 0) dup = true;
    if (dup) break;
    if (g->prefix) {
      if (code == "---")
        code = agc;
      else
        code = agc + code;
    } else {
      code += agc;
    }
  }
  return code;
}

void SentenceCoder::BuildUnits() {
  const uint32_t n = s_.end_token - s_.first_token;
  auto in_atom = [&](uint32_t t) { return atom_at_[t - s_.first_token] >= 0; };
  auto lower_plain = [&](uint32_t t) {  // a lower-case word outside any dictionary phrase
    return t < s_.end_token && cls(t) == Cls::kNominal && !in_atom(t) && !Cap(t) &&
           !tok(t).is_punct && tok(t).norm != "'s";
  };
  // 1. Chunks: runs of nominal tokens (a determiner opens one), pronouns alone, dictionary
  // phrases whole; "complete, full ties" keeps its comma, "the European Union (EU)" its
  // bracketed acronym.
  struct Chunk {
    uint32_t first, end;
  };
  std::vector<Chunk> chunks;
  // TABARI knows no noun phrases: its actor is the run of dictionary phrases ("Fornost
  // President"), joined by a possessive ("Arnor's foreign minister") or, after an agent, by
  // "of" or "in" ("ambassadors of Arnor").
  for (uint32_t t = s_.first_token; tabari_ && t < s_.end_token;) {
    if (cls(t) == Cls::kPron) {
      chunks.push_back({t, t + 1});
      ++t;
      continue;
    }
    const int a = atom_at_[t - s_.first_token];
    if (a < 0) {
      ++t;
      continue;
    }
    uint32_t e = atoms_[a].end;
    bool last_agent = atoms_[a].agent;
    for (;;) {
      uint32_t k = e;
      if (k < s_.end_token && (tok(k).norm == "'s" || tok(k).norm == "'"))
        ++k;
      else if (k < s_.end_token && (tok(k).norm == "of" || tok(k).norm == "in") && last_agent)
        ++k;
      if (k >= s_.end_token || atom_at_[k - s_.first_token] < 0) break;
      const Atom& next = atoms_[atom_at_[k - s_.first_token]];
      if (k > e && (tok(e).norm == "of" || tok(e).norm == "in") && next.agent) break;
      e = next.end;
      last_agent = next.agent;
    }
    chunks.push_back({t, e});
    t = e;
  }
  for (uint32_t t = s_.first_token; !tabari_ && t < s_.end_token;) {
    const Cls c = cls(t);
    if (c == Cls::kPron) {
      chunks.push_back({t, t + 1});
      ++t;
      continue;
    }
    if (c != Cls::kNominal && c != Cls::kDet) {
      ++t;
      continue;
    }
    uint32_t e = t + 1;
    while (e < s_.end_token) {
      const int a = atom_at_[e - s_.first_token];
      if (a >= 0 && atoms_[a].first < e) {  // inside an atom
        ++e;
        continue;
      }
      if (cls(e) == Cls::kNominal) {
        ++e;
        continue;
      }
      if (tok(e).norm == "," && lower_plain(e - 1) && lower_plain(e + 1)) {
        ++e;
        continue;
      }
      if (tok(e).norm == "(") {
        uint32_t k = e + 1;
        while (k < s_.end_token && k < e + 4 && cls(k) == Cls::kNominal) ++k;
        if (k > e + 1 && k < s_.end_token && tok(k).norm == ")") {
          e = k + 1;
          continue;
        }
      }
      break;
    }
    // A determiner alone is no phrase.
    if (!(e == t + 1 && c == Cls::kDet)) chunks.push_back({t, e});
    t = e;
  }
  auto has_actor = [&](uint32_t f, uint32_t e) {
    for (const auto& a : atoms_)
      if (!a.agent && a.first >= f && a.end <= e && a.code != "---") return true;
    return false;
  };
  auto has_agent = [&](uint32_t f, uint32_t e) {
    for (const auto& a : atoms_)
      if (a.agent && a.first >= f && a.end <= e) return true;
    return false;
  };
  auto coded_chunk = [&](const Chunk& c) {
    return has_actor(c.first, c.end) || has_agent(c.first, c.end);
  };
  // The words between two chunks; TABARI passes over articles and its adjectives ("Fornost
  // and the evil awful Gondor").
  auto gap = [&](const Chunk& a, const Chunk& b) {
    std::string sep;
    for (uint32_t k = a.end; k < b.first; ++k) {
      if (tabari_ && (cls(k) == Cls::kDet || dict_.IsPeerAdjective(tok(k).norm))) continue;
      sep += (sep.empty() ? "" : " ") + tok(k).norm;
    }
    return sep;
  };
  auto is_conj = [&](const std::string& s) {
    return s == "and" || s == "or" || s == "nor" || s == ", and" || s == ", or" ||
           (tabari_ && s.empty());
  };
  // 2. Coordinated modifiers inside one phrase: "Ithilen's awful and evil minister".
  for (size_t i = 0; !tabari_ && i + 1 < chunks.size();) {
    const std::string sep = gap(chunks[i], chunks[i + 1]);
    if ((sep == "and" || sep == "or") && lower_plain(chunks[i].end - 1) &&
        lower_plain(chunks[i + 1].first)) {
      chunks[i].end = chunks[i + 1].end;
      chunks.erase(chunks.begin() + static_cast<long>(i) + 1);
      continue;
    }
    ++i;
  }
  // Does chunks[i] open a list ("A, B and C", "A and B")?
  auto starts_list = [&](size_t i) {
    return i + 1 < chunks.size() && coded_chunk(chunks[i]) && coded_chunk(chunks[i + 1]) &&
           (is_conj(gap(chunks[i], chunks[i + 1])) || gap(chunks[i], chunks[i + 1]) == ",");
  };
  // 3. "the government of Gondor", "soldiers from Gondor": a phrase without an actor and a
  // following "of X" are one phrase ("in X"/"from X" only after an agent).
  for (size_t i = 0; !tabari_ && i + 1 < chunks.size();) {
    Chunk& a = chunks[i];
    const Chunk& b = chunks[i + 1];
    if (b.first == a.end + 1 && !has_actor(a.first, a.end) && !starts_list(i + 1)) {
      const std::string& prep = tok(a.end).norm;
      if (prep == "of" || ((prep == "in" || prep == "from") && has_agent(a.first, a.end) &&
                           has_actor(b.first, b.end))) {
        a.end = b.end;
        chunks.erase(chunks.begin() + static_cast<long>(i) + 1);
        continue;
      }
    }
    ++i;
  }
  // 4. Compounds: coded chunks, each ending in a dictionary phrase, joined by commas and a
  // final and/or/nor.
  struct Group {
    std::vector<Chunk> parts;
  };
  std::vector<Group> groups;
  for (size_t i = 0; i < chunks.size();) {
    Group g;
    g.parts.push_back(chunks[i]);
    size_t j = i;
    bool closed = false;  // saw the final conjunction
    while (j + 1 < chunks.size() && coded_chunk(chunks[j]) && coded_chunk(chunks[j + 1]) &&
           in_atom(chunks[j].end - 1) && !closed) {
      const std::string sep = gap(chunks[j], chunks[j + 1]);
      if (sep == ",") {
        // A comma list is a compound only when it ends in a conjunction.
        size_t m = j + 1;
        bool ends_in_conj = false;
        while (m + 1 < chunks.size() && coded_chunk(chunks[m + 1])) {
          const std::string s2 = gap(chunks[m], chunks[m + 1]);
          if (s2 == ",") {
            ++m;
            continue;
          }
          ends_in_conj = is_conj(s2);
          break;
        }
        if (!ends_in_conj) break;
      } else if (is_conj(sep)) {
        closed = true;
      } else {
        break;
      }
      g.parts.push_back(chunks[j + 1]);
      ++j;
    }
    groups.push_back(g);
    i = j + 1;
  }
  // 5. Units: a group; "the ambassadors of A, B and C" shares the agents with each.
  auto group_first = [](const Group& g) { return g.parts.front().first; };
  auto group_end = [](const Group& g) { return g.parts.back().end; };
  for (size_t i = 0; i < groups.size(); ++i) {
    const Group& g = groups[i];
    bool g_actor = false, g_agent = false;
    for (const auto& c : g.parts) {
      g_actor = g_actor || has_actor(c.first, c.end);
      g_agent = g_agent || has_agent(c.first, c.end);
    }
    std::vector<std::pair<Chunk, Chunk>> pairs;  // (modifier, head) of each element
    uint32_t end = group_end(g);
    if (!tabari_ && !g_actor && g_agent && i + 1 < groups.size() &&
        group_end(g) + 1 == group_first(groups[i + 1])) {
      const std::string& prep = tok(group_end(g)).norm;
      const Group& h = groups[i + 1];
      bool h_actor = false;
      for (const auto& c : h.parts) h_actor = h_actor || has_actor(c.first, c.end);
      if (h_actor && (prep == "of" || prep == "in" || prep == "from")) {
        for (const auto& a : g.parts)
          for (const auto& b : h.parts) pairs.push_back({a, b});
        end = group_end(h);
        ++i;
      }
    }
    Unit u;
    u.first = group_first(g);
    u.end = end;
    auto add_element = [&](const Chunk& mod, const Chunk* head) {
      Element el;
      el.first = mod.first;
      el.end = head ? head->end : mod.end;
      if (!head) {
        el.code = ElementCode(mod.first, mod.end, &el.entry, &el.coded);
      } else {
        // The head's actor, then the agents of the modifier and of the head.
        std::string actor;
        for (const auto& a : atoms_)
          if (!a.agent && a.first >= head->first && a.end <= head->end) {
            actor = a.code;
            el.entry = a.entry;
            break;
          }
        el.coded = !actor.empty() && actor != "---";
        std::string code = actor.empty() ? "---" : actor;
        for (const auto& a : atoms_) {
          if (!a.agent) continue;
          if (!((a.first >= mod.first && a.end <= mod.end) ||
                (a.first >= head->first && a.end <= head->end)))
            continue;
          bool dup = false;
          for (size_t k = 0; k + a.code.size() <= code.size(); k += 3)
            if (code.compare(k, a.code.size(), a.code) == 0) dup = true;
          if (dup) break;
          code = a.prefix ? (code == "---" ? a.code : a.code + code) : code + a.code;
        }
        el.code = code;
      }
      u.elements.push_back(el);
    };
    if (!pairs.empty()) {
      for (const auto& [a, b] : pairs) add_element(a, &b);
    } else {
      for (const auto& c : g.parts) add_element(c, nullptr);
    }
    // "Danish media and government": the modifiers before the first element's last
    // dictionary phrase are shared by bare one-word elements after it.
    if (!tabari_ && g.parts.size() > 1 && pairs.empty()) {
      const auto& first = g.parts.front();
      uint32_t head_start = first.end;
      for (const auto& a : atoms_)
        if (a.first >= first.first && a.end <= first.end) head_start = a.first;
      for (size_t k = 1; k < u.elements.size(); ++k) {
        auto& el = u.elements[k];
        const auto& part = g.parts[k];
        if (el.coded || part.end - part.first != 1 || !has_agent(part.first, part.end) ||
            head_start == first.end || !has_actor(first.first, head_start))
          continue;
        // Code of the modifiers plus this element's agent.
        std::string entry;
        bool coded = false;
        std::string lead = ElementCode(first.first, head_start, &entry, &coded);
        if (!coded) continue;
        std::string own_entry;
        bool own_coded = false;
        std::string own = ElementCode(part.first, part.end, &own_entry, &own_coded);
        if (StartsWith(own, "---")) el.code = lead + own.substr(3);
        el.coded = true;
      }
    }
    // "US and British activists": bare actors coordinated before the last element, whose
    // actor is followed by agents, share those agents (one noun phrase, as PETRARCH2 reads
    // it: every actor of the phrase with every agent).
    if (!tabari_ && g.parts.size() > 1 && pairs.empty()) {
      const auto& last = g.parts.back();
      const Atom* last_actor = nullptr;
      bool agents_after = false;
      for (const auto& a : atoms_) {
        if (a.first < last.first || a.end > last.end) continue;
        if (!a.agent && !last_actor)
          last_actor = &a;
        else if (a.agent && last_actor && !a.prefix)
          agents_after = true;
      }
      const Element& tail = u.elements.back();
      if (last_actor && agents_after && tail.coded && StartsWith(tail.code, last_actor->code)) {
        const std::string suffix = tail.code.substr(last_actor->code.size());
        for (size_t k = 0; k + 1 < u.elements.size(); ++k) {
          auto& el = u.elements[k];
          const auto& part = g.parts[k];
          const int a = atom_at_[part.end - 1 - s_.first_token];
          // The element is one actor phrase (after a determiner at most), no agent.
          bool bare = a >= 0 && !atoms_[a].agent && el.coded;
          for (uint32_t m = part.first; bare && m < part.end; ++m)
            bare = atom_at_[m - s_.first_token] == a || cls(m) == Cls::kDet;
          if (bare && el.code == atoms_[a].code) el.code += suffix;
        }
      }
    }
    // PETRARCH's new_actor_length: an uncoded phrase of few words stands for itself.
    if (opt_.new_actor_length > 0)
      for (auto& el : u.elements) {
        if (el.code != "---") continue;
        std::string phrase;
        int words = 0;
        for (uint32_t k = el.first; k < el.end; ++k) {
          const Token& w = tok(k);
          if (w.is_punct || w.norm == "'s") continue;
          phrase += (phrase.empty() ? "" : " ") + AsciiUpper(doc_->slice(w.span));
          ++words;
        }
        if (words > 0 && words - 1 < opt_.new_actor_length) el.code = "\"" + phrase + "\"";
      }
    // TABARI's CONVERT AGENT: an agent without an actor stands as "~SECTOR".
    if (opt_.convert_agent)
      for (auto& el : u.elements)
        if (StartsWith(el.code, "---") && el.code.size() > 3) {
          el.code = "~" + el.code.substr(3);
          el.coded = true;
        }
    u.compound = u.elements.size() > 1;
    units_.push_back(u);
  }
  // TABARI reads a pronoun as the first actor of the sentence before it ("Calenardhon urged
  // Bree ... and then it requested").
  if (tabari_)
    for (size_t i = 0; i < units_.size(); ++i) {
      Unit& u = units_[i];
      if (u.end != u.first + 1 || cls(u.first) != Cls::kPron) continue;
      for (size_t j = 0; j < i; ++j)
        if (units_[j].coded()) {
          u.elements = units_[j].elements;
          for (auto& el : u.elements) {
            el.first = u.first;
            el.end = u.end;
          }
          u.compound = units_[j].compound;
          break;
        }
    }
  unit_of_.assign(n, -1);
  for (size_t i = 0; i < units_.size(); ++i)
    for (uint32_t t = units_[i].first; t < units_[i].end; ++t)
      unit_of_[t - s_.first_token] = static_cast<int>(i);
}

void SentenceCoder::DropCommaClauses() {
  const uint32_t n = s_.end_token - s_.first_token;
  kept_.assign(n, true);
  auto is_comma = [&](uint32_t t) { return tok(t).norm == "," && unit_at(t) < 0; };
  auto words = [&](uint32_t a, uint32_t b) {
    int c = 0;
    for (uint32_t t = a; t < b; ++t)
      if (kept(t) && std::isalpha(static_cast<unsigned char>(tok(t).norm[0]))) ++c;
    return c;
  };
  auto drop = [&](uint32_t a, uint32_t b) {
    for (uint32_t t = a; t < b; ++t) kept_[t - s_.first_token] = false;
  };
  auto commas = [&]() {
    std::vector<uint32_t> out;
    for (uint32_t t = s_.first_token; t < s_.end_token; ++t)
      if (kept(t) && is_comma(t)) out.push_back(t);
    return out;
  };
  auto cs = commas();
  if (cs.empty()) return;
  // The sentence's final punctuation.
  uint32_t end = s_.end_token;
  while (end > s_.first_token && tok(end - 1).is_punct && tok(end - 1).norm != ",") --end;
  if (opt_.comma_bmax != 0) {
    const int k = words(s_.first_token, cs.front());
    if (k >= opt_.comma_bmin && k <= opt_.comma_bmax) drop(s_.first_token, cs.front());
  }
  if (opt_.comma_emax != 0) {
    cs = commas();
    if (!cs.empty()) {
      const uint32_t c = cs.back();
      const int k = words(c, end);
      if (k >= opt_.comma_emin && k <= opt_.comma_emax) drop(c + 1, end);
    }
  }
  if (opt_.comma_max != 0) {
    cs = commas();
    for (size_t i = 0; i + 1 < cs.size(); ++i) {
      const int k = words(cs[i] + 1, cs[i + 1]);
      // The clause and both its commas: "X, in remarks on Monday, urged" reads "X urged".
      if (k >= opt_.comma_min && k <= opt_.comma_max) drop(cs[i], cs[i + 1] + 1);
    }
  }
  // Dangling commas at either end.
  cs = commas();
  if (!cs.empty() && words(s_.first_token, cs.front()) == 0) drop(cs.front(), cs.front() + 1);
  cs = commas();
  if (!cs.empty() && words(cs.back() + 1, end) == 0) drop(cs.back(), cs.back() + 1);
}

int SentenceCoder::OpensClause(uint32_t t) const {
  // "... and promised aid": a conjunction before a verb (after adverbs) coordinates verb
  // phrases, which share their subject (1); "... and then it requested" starts a clause with
  // a subject of its own (2).
  if (cls(t) != Cls::kConj || tok(t).norm == "nor") return 0;
  uint32_t k = t + 1;
  while (k < s_.end_token && (cls(k) == Cls::kAdv || cls(k) == Cls::kAux)) ++k;
  if (k < s_.end_token && cls(k) == Cls::kVerb) return 1;
  if (k < s_.end_token && (cls(k) == Cls::kPron || unit_at(k) >= 0)) {
    uint32_t m = unit_at(k) >= 0 ? units_[unit_at(k)].end : k + 1;
    while (m < s_.end_token && (cls(m) == Cls::kAdv || cls(m) == Cls::kAux)) ++m;
    if (m < s_.end_token && cls(m) == Cls::kVerb) return 2;
  }
  return 0;
}

uint32_t SentenceCoder::VerbPhraseEnd(uint32_t from) const {
  for (uint32_t t = from; t < s_.end_token; ++t) {
    if (!kept(t) || unit_at(t) >= 0) continue;
    const std::string& w = tok(t).norm;
    if (w == "," || w == ";" || w == ":" || w == "--" || w == "(" || w == ")" || w == "\"" ||
        w == "." || w == "?" || w == "!")
      return t;
    // An adverbial clause ("after a hafling was reported") is no part of the verb phrase;
    // "after a 12-year rift" is.
    if (!tabari_ && IsClauseOpener(w) && !OnceAgain(t)) {
      for (uint32_t k = t + 1; k < s_.end_token && k < t + 10; ++k) {
        if (!kept(k) || unit_at(k) >= 0) continue;
        if (cls(k) == Cls::kVerb || cls(k) == Cls::kAux) return t;
        if (tok(k).is_punct || cls(k) == Cls::kSub) break;
      }
    }
    if (OpensClause(t) > 0) return t;
  }
  return s_.end_token;
}

std::vector<Item> SentenceCoder::UpperSeq(uint32_t before) const {
  std::vector<Item> out;
  int open_unit = -1;
  for (uint32_t t = before; t-- > s_.first_token;) {
    if (!kept(t)) continue;
    const int u = unit_at(t);
    if (u < 0 && (tok(t).norm == "," || OpensClause(t) == 2)) break;
    if (u != open_unit) {
      if (open_unit >= 0) out.push_back({Item::kMarker, 0, open_unit});
      if (u >= 0) out.push_back({Item::kMarker, 0, u});
      open_unit = u;
    }
    out.push_back({Item::kWord, t, u});
    // The clause the verb is in starts at its opener ("... after crowds trashed"); TABARI
    // looks for the source back to the start of the sentence. A preposition whose object is
    // a time expression opens none ("Gondor since May has attacked").
    if (u < 0 && !tabari_ && IsClauseOpener(tok(t).norm) && !OnceAgain(t) &&
        !(cls(t) == Cls::kPrep && t + 1 < before && in_timex(t + 1)))
      break;
  }
  if (open_unit >= 0) out.push_back({Item::kMarker, 0, open_unit});
  return out;
}

std::vector<Item> SentenceCoder::LowerSeq(uint32_t from, uint32_t end) const {
  std::vector<Item> out;
  int open_unit = -1;
  for (uint32_t t = from; t < end; ++t) {
    if (!kept(t)) continue;
    const int u = unit_at(t);
    if (u != open_unit) {
      if (open_unit >= 0) out.push_back({Item::kMarker, 0, open_unit});
      if (u >= 0) out.push_back({Item::kMarker, 0, u});
      open_unit = u;
    }
    out.push_back({Item::kWord, t, u});
  }
  if (open_unit >= 0) out.push_back({Item::kMarker, 0, open_unit});
  return out;
}

bool SentenceCoder::SynsetMatch(const std::vector<std::vector<SlotToken>>& phrases,
                                const std::vector<Item>& seq, size_t k, bool upper, size_t* used,
                                int depth) const {
  if (depth > 4) return false;
  // The longest phrase that matches at k.
  size_t best = 0;
  for (const auto& phrase : phrases) {
    // Elements in matching order; the upper sequence runs backwards through the text.
    const size_t n = phrase.size();
    size_t pos = k;
    bool ok = true;
    for (size_t i = 0; i < n && ok; ++i) {
      const size_t idx = upper ? n - 1 - i : i;
      const SlotToken& el = phrase[idx];
      const bool gap_ok = i > 0 && !(upper ? phrase[idx + 1].adjacent : el.adjacent);
      for (int skipped = 0;; ++skipped) {
        while (pos < seq.size() && seq[pos].kind == Item::kMarker) ++pos;
        if (pos >= seq.size()) {
          ok = false;
          break;
        }
        size_t u = 1;
        bool hit = false;
        if (el.kind == SlotToken::kSynset) {
          const auto* inner = dict_.Synset(el.text);
          hit = inner && SynsetMatch(*inner, seq, pos, upper, &u, depth + 1);
        } else {
          hit = WordEquals(el, tok(seq[pos].tok));
        }
        if (hit) {
          pos += u;
          break;
        }
        if (!gap_ok || skipped >= 3) {
          ok = false;
          break;
        }
        ++pos;
      }
    }
    if (ok && pos - k > best) best = pos - k;
  }
  if (best == 0) return false;
  *used = best;
  return true;
}

bool SentenceCoder::InfinitiveTo(uint32_t t) const {
  if (tok(t).norm != "to") return false;
  uint32_t k = t + 1;
  while (k < s_.end_token && (!kept(k) || cls(k) == Cls::kAdv)) ++k;
  if (k >= s_.end_token || unit_at(k) >= 0) return false;
  // The tagger's reading when there is one, else the word class read off word order.
  if (!tok(k).upos.empty()) return tok(k).upos == "VERB" || tok(k).upos == "AUX";
  return cls(k) == Cls::kVerb || cls(k) == Cls::kAux;
}

bool SentenceCoder::MatchSide(const std::vector<SlotToken>& pat, const std::vector<Item>& seq,
                              bool upper, DictFormat format, int* source, int* target,
                              Score* score) const {
  if (pat.empty()) return true;
  if (seq.empty()) return false;
  bool inside = false;
  size_t kp = 0, ks = 0;
  auto next_seq = [&]() { return ++ks >= seq.size(); };  // true: ran out
  while (kp < pat.size()) {
    const SlotToken& el = pat[kp];
    const Item& it = seq[ks];
    if (it.kind == Item::kMarker) {
      if (next_seq()) return false;
      inside = !inside;
      continue;
    }
    auto skip_or_fail = [&]() -> int {  // 1: go on, 0: fail
      if (el.adjacent) return 0;
      return next_seq() ? 0 : 1;
    };
    const bool slot = el.kind == SlotToken::kSource || el.kind == SlotToken::kTarget ||
                      el.kind == SlotToken::kCompound || el.kind == SlotToken::kSkip;
    if (slot) {
      if (inside && it.unit >= 0) {
        if (el.kind == SlotToken::kSource)
          *source = it.unit;
        else if (el.kind == SlotToken::kTarget)
          *target = it.unit;
        // TABARI's % makes a compound source and target at once; PETRARCH only asks for a
        // noun phrase there.
        else if (el.kind == SlotToken::kCompound && format == DictFormat::kTabari)
          *source = *target = it.unit;
        // The slot takes the whole phrase: go to its closing marker.
        while (ks < seq.size() && seq[ks].kind != Item::kMarker) ++ks;
        inside = false;
        if (++kp >= pat.size()) return true;
        if (next_seq()) return false;
        continue;
      }
      if (!skip_or_fail()) return false;
      continue;
    }
    bool matched = false;
    size_t used = 1;
    if (el.kind == SlotToken::kSynset) {
      const auto* phrases = dict_.Synset(el.text);
      matched = phrases && SynsetMatch(*phrases, seq, ks, upper, &used, 0);
      if (matched) score->synset += static_cast<int>(used);
    } else if (el.kind == SlotToken::kChoice) {
      matched = SynsetMatch(el.choices, seq, ks, upper, &used, 0);
      if (matched) score->exact += static_cast<int>(used);
    } else {
      matched = WordEquals(el, tok(it.tok)) && !(el.preposition && InfinitiveTo(it.tok));
      if (matched) (tok(it.tok).norm == el.text ? score->exact : score->stem) += 1;
    }
    if (matched) {
      ks += used - 1;
      if (++kp >= pat.size()) return true;
      if (next_seq()) return false;
      continue;
    }
    if (!skip_or_fail()) return false;
  }
  return true;
}

bool SentenceCoder::IsPassive(uint32_t verb, const std::vector<Item>& lower) const {
  const std::string& w = tok(verb).norm;
  if (!(EndsWith(w, "ed") || EndsWith(w, "en") || IsIrregularVerbForm(w))) return false;
  bool aux = false;
  for (uint32_t k = verb; k > s_.first_token && k + 4 > verb; --k) {
    const std::string& p = tok(k - 1).norm;
    if (p == "was" || p == "is" || p == "were" || p == "are" || p == "been" || p == "be" ||
        p == "being") {
      aux = true;
      break;
    }
    if (cls(k - 1) != Cls::kAdv && p != "not" && p != "n't") break;
  }
  if (!aux) return false;
  for (const auto& it : lower)
    if (it.kind == Item::kWord && it.unit < 0 && tok(it.tok).norm == "by") return true;
  return false;
}

int SentenceCoder::MentionFor(int unit, int element, const std::string& code_in) {
  if (unit < 0) {  // a TABARI DEFAULT code: no words of the text stand for it
    ActorMention m;
    m.code = code_in;
    m.kind = "default";
    m.entry = "options: DEFAULT";
    doc_->actors.push_back(std::move(m));
    return static_cast<int>(doc_->actors.size() - 1);
  }
  const Element& el = units_[unit].elements[element];
  std::string code = code_in;
  while (StartsWith(code, "---")) code = code.substr(3);
  for (size_t m = 0; m < doc_->actors.size(); ++m) {
    const auto& a = doc_->actors[m];
    if (a.first_token == el.first && a.end_token == el.end && a.code == code)
      return static_cast<int>(m);
  }
  ActorMention m;
  m.first_token = el.first;
  m.end_token = el.end;
  m.span = {tok(el.first).span.start, tok(el.end - 1).span.end};
  m.code = code;
  m.kind = el.coded ? "phrase" : "agent";
  m.entry = el.entry;
  doc_->actors.push_back(std::move(m));
  return static_cast<int>(doc_->actors.size() - 1);
}

void SentenceCoder::Emit(const std::vector<CodedEvent>& events, uint32_t verb, uint32_t verb_end,
                         const VerbPattern* pattern, const ForeignVerb& fv) {
  for (const auto& ce : events) {
    Event e;
    e.sentence = si_;
    e.source = ce.src == "---" ? -1 : MentionFor(ce.src_el_unit, ce.src_el, ce.src);
    e.target = ce.tgt == "---" ? -1 : MentionFor(ce.tgt_el_unit, ce.tgt_el, ce.tgt);
    e.verb = {tok(verb).span.start, tok(verb_end - 1).span.end};
    e.cameo = ce.code;
    bool numeric = !ce.code.empty();
    for (char c : ce.code) numeric = numeric && std::isdigit(static_cast<unsigned char>(c));
    e.root = numeric && ce.code.size() >= 2 ? ce.code.substr(0, 2) : "";
    if (const CameoCode* row = numeric ? dict_.Cameo(ce.code) : nullptr) {
      e.quad_class = row->quad_class;
      e.goldstein = row->goldstein;
      e.plover_event = row->plover_event;
      e.plover_mode = row->plover_mode;
    }
    e.pattern = pattern ? pattern->text : fv.text;
    e.pattern_entry = pattern ? pattern->entry : fv.entry;
    e.date = doc_->date;
    e.date_source = doc_->date.empty() ? "" : "document";
    e.confidence = pattern ? 0.8 : 0.7;
    doc_->events.push_back(std::move(e));
  }
}

std::vector<CodedEvent> SentenceCoder::Kept(const std::vector<CodedEvent>& events) const {
  std::vector<CodedEvent> kept;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const auto& e : events) {
    if (opt_.require_dyad && (e.src == "---" || e.tgt == "---")) continue;
    if (!seen.insert({e.src, e.tgt, e.code}).second) continue;
    kept.push_back(e);
  }
  return kept;
}

uint32_t SentenceCoder::AfterFixedWords(uint32_t head_end, const ForeignVerb& fv) const {
  uint32_t after = head_end;
  for (size_t i = 0; i < fv.post.size(); ++i) {
    for (uint32_t m = after; m < s_.end_token; ++m)
      if (WordEquals(fv.post[i], tok(m))) {
        after = m + 1;
        break;
      }
  }
  return after;
}

bool SentenceCoder::CodeVerb(uint32_t verb, uint32_t head_end, const ForeignVerb& fv,
                             uint32_t* resume) {
  VerbCoding c = CodeVerbEvents(verb, head_end, fv, 0, -1);
  *resume = c.resume;
  Emit(c.events, verb, head_end, c.pattern, fv);
  return !c.events.empty();
}

SentenceCoder::VerbCoding SentenceCoder::CodeVerbEvents(uint32_t verb, uint32_t head_end,
                                                        const ForeignVerb& fv, uint32_t phrase_end,
                                                        int forced_source) {
  VerbCoding out;
  const VerbBlock& block = dict_.verb_blocks()[fv.block];
  uint32_t first = verb;
  first -= static_cast<uint32_t>(fv.pre.size());
  // Fixed words after the head ("cordoned off"): the lower sequence starts past them.
  const uint32_t after = AfterFixedWords(head_end, fv);
  const uint32_t vp_end = phrase_end > 0 ? std::max(after, phrase_end) : VerbPhraseEnd(after);
  const auto upper = UpperSeq(first);
  const auto lower = LowerSeq(after, vp_end);
  int source = -1, target = -1;
  const VerbPattern* matched = nullptr;
  // PETRARCH takes the first pattern that matches, in file order; TABARI the one that
  // accounts for most of the text (exact words, then stems, then synsets; file order breaks
  // ties).
  Score best_score;
  for (uint32_t pid : block.patterns) {
    const VerbPattern& p = dict_.patterns()[pid];
    int s = -1, t = -1;
    Score score;
    if (!MatchSide(p.before, upper, true, p.format, &s, &t, &score)) continue;
    if (!MatchSide(p.after, lower, false, p.format, &s, &t, &score)) continue;
    if (matched && !(tabari_ && score > best_score)) continue;
    matched = &p;
    source = s;
    target = t;
    best_score = score;
    if (!tabari_) break;
  }
  std::string code, code2;
  if (matched) {
    code = matched->code;
    code2 = matched->code2;
  } else {
    code = fv.code;
    code2 = fv.code2;
    // The verb alone codes nothing: go on inside its phrase.
    if (code == "---" || code.empty() || fv.weak) return out;
  }
  out.resume = vp_end;
  out.pattern = matched;
  if (code != "---" && code != "+++" && code != "###") out.code = code;
  if ((code == "---" || code == "+++" || code == "###" || code.empty()) && code2.empty())
    return out;
  auto unit_code = [&](int u) -> std::string {
    return units_[u].elements.size() == 1 ? units_[u].elements[0].code : ">>>>";
  };
  std::vector<int> upper_units, lower_units;  // in the order of each sequence
  for (const auto& it : upper)
    if (it.kind == Item::kMarker && (upper_units.empty() || upper_units.back() != it.unit))
      upper_units.push_back(it.unit);
  for (const auto& it : lower)
    if (it.kind == Item::kMarker && (lower_units.empty() || lower_units.back() != it.unit))
      lower_units.push_back(it.unit);
  // Source: the first coded phrase (or compound) of the clause before the verb.
  const bool slotted = source >= 0 || target >= 0;
  std::string default_source, default_target;  // TABARI DEFAULT codes standing in
  if (source < 0 && forced_source >= 0) source = forced_source;
  if (source < 0) {
    for (auto it = upper_units.rbegin(); it != upper_units.rend() && source < 0; ++it)
      if (units_[*it].coded() && (!tabari_ || *it != target)) source = *it;
    if (source < 0 && !upper_units.empty() && !tabari_) source = upper_units.back();
    if (source < 0 && opt_.default_source_prior && !opt_.default_source.empty())
      default_source = opt_.default_source;
    // TABARI: with no actor before the verb, the first one after it is the source.
    for (int u : lower_units)
      if (source < 0 && default_source.empty() && tabari_ && units_[u].coded() && u != target)
        source = u;
    if (source < 0 && default_source.empty()) default_source = opt_.default_source;
  }
  if (source < 0 && default_source.empty()) return out;
  out.source = source;
  // A passive verb swaps source and target (TABARI: unless the pattern placed them).
  const bool passive = !(tabari_ && slotted) && IsPassive(verb, lower);
  // PETRARCH: the agent of a passive is the phrase after "by" ("was pressured by the
  // congress"), an agent-only phrase too, before any later actor.
  if (passive && !tabari_ && target < 0 && source >= 0) {
    for (size_t i = 0; i + 1 < lower.size() && target < 0; ++i)
      if (lower[i].kind == Item::kWord && lower[i].unit < 0 && tok(lower[i].tok).norm == "by" &&
          lower[i + 1].kind == Item::kMarker && lower[i + 1].unit != source) {
        for (const auto& el : units_[lower[i + 1].unit].elements)
          if (el.code != "---") target = lower[i + 1].unit;
      }
  }
  if (target < 0 && source < 0) {
    // Only a default source: the target is the first actor after the verb, else before it.
    for (int u : lower_units)
      if (target < 0 && units_[u].coded()) target = u;
    for (int u : upper_units)
      if (target < 0 && units_[u].coded()) target = u;
  } else if (target < 0) {
    // PETRARCH skips a phrase whose code starts with the source's; a compound differs
    // unless it holds the same actors (a pronoun standing for the source).
    const std::string src = unit_code(source);
    auto code_set = [&](int u) {
      std::set<std::string> out;
      for (const auto& el : units_[u].elements) out.insert(el.code);
      return out;
    };
    auto differs = [&](int u) {
      if (u == source) return false;
      if (units_[source].compound || units_[u].compound) return code_set(u) != code_set(source);
      return !StartsWith(unit_code(u), src);
    };
    for (int u : lower_units)
      if (target < 0 && units_[u].coded() && differs(u)) target = u;
    if (target < 0 && opt_.default_target_after && !opt_.default_target.empty())
      default_target = opt_.default_target;
    // Uncoded phrases count as targets in PETRARCH only (TABARI knows actors alone).
    for (int u : lower_units)
      if (target < 0 && default_target.empty() && !tabari_ && !units_[u].coded()) target = u;
    for (int u : upper_units)
      if (target < 0 && default_target.empty() && units_[u].coded() &&
          (differs(u) || (units_[u].compound && u == source)))
        target = u;
    for (int u : upper_units)
      if (target < 0 && default_target.empty() && !tabari_ && !units_[u].coded() && u != source)
        target = u;
  }
  // PETRARCH2: actors who meet, agree or cooperate with no other actor named ("Arnor,
  // Gondor and Rohan met") do so with one another, an event for each ordered pair. The test
  // is on the code's root (Sentence.get_events: code[:2] in 03-06), so the 4-digit codes
  // under those roots pair too ("agreed to a truce", 0356).
  if (petrarch2_ && source >= 0 && units_[source].compound &&
      (target < 0 || !Coded(units_[target])) && code.size() >= 3 && code[0] == '0' &&
      code[1] >= '3' && code[1] <= '6')
    target = source;
  if (target < 0 && default_target.empty()) default_target = opt_.default_target;
  if (target < 0 && default_target.empty()) return out;
  // Codes of each side, compounds and "A/B" codes expanded.
  struct Side {
    std::string code;
    int unit, element;
  };
  auto side_codes = [&](int u) {
    std::vector<Side> out;
    for (size_t k = 0; k < units_[u].elements.size(); ++k) {
      const std::string& c = units_[u].elements[k].code;
      for (auto part : Split(c, '/'))
        if (!part.empty()) out.push_back({std::string(part), u, static_cast<int>(k)});
    }
    return out;
  };
  auto srcs = source >= 0 ? side_codes(source) : std::vector<Side>{{default_source, -1, -1}};
  auto tgts = target >= 0 ? side_codes(target) : std::vector<Side>{{default_target, -1, -1}};
  if (srcs.empty() || tgts.empty()) return out;
  std::vector<CodedEvent> events;
  auto make = [&](const std::vector<Side>& a, const std::vector<Side>& b, const std::string& c) {
    for (const auto& x : a)
      for (const auto& y : b) {
        if (x.code == y.code) continue;
        CodedEvent e;
        const Side& s = passive ? y : x;
        const Side& t = passive ? x : y;
        e.src = s.code;
        e.tgt = t.code;
        e.code = c;
        e.src_el_unit = s.unit;
        e.src_el = s.element;
        e.tgt_el_unit = t.unit;
        e.tgt_el = t.element;
        events.push_back(e);
      }
  };
  if (!code2.empty()) {
    // "[032:033]": an event each way; "[:173]" (PETRARCH2): only the target's.
    if (srcs[0].code == "---" || tgts[0].code == "---") {
      if (tgts[0].code == "---")
        tgts = srcs;
      else
        srcs = tgts;
    }
    if (!code.empty()) make(srcs, tgts, code);
    make(tgts, srcs, code2);
  } else {
    make(srcs, tgts, code);
  }
  out.events = Kept(events);
  return out;
}

bool SentenceCoder::CodeGoverning(uint32_t verb, uint32_t head_end, const ForeignVerb& fv,
                                  uint32_t* resume) {
  const uint32_t none = s_.end_token;
  const uint32_t after = AfterFixedWords(head_end, fv);
  const uint32_t vp_end = VerbPhraseEnd(after);
  auto free_word = [&](uint32_t k) { return kept(k) && unit_at(k) < 0; };
  // Past adverbs (and auxiliaries: "to be", "would not").
  auto skip = [&](uint32_t k, bool aux) {
    while (k < vp_end &&
           (!kept(k) || (unit_at(k) < 0 && (cls(k) == Cls::kAdv || (aux && cls(k) == Cls::kAux)))))
      ++k;
    return k;
  };
  const ForeignVerb* wfv = nullptr;
  uint32_t w_head_end = 0;
  // The dictionary verb at k, past adverbs and auxiliaries, or none.
  auto governed_at = [&](uint32_t k) {
    k = skip(k, true);
    if (k >= vp_end || !free_word(k)) return none;
    if (cls(k) == Cls::kVerb && VerbHit(k, &wfv, &w_head_end)) return k;
    // "is willing to withdraw", "was forced to leave": the verb of the infinitive.
    if (k + 2 < vp_end && free_word(k + 1) && tok(k + 1).norm == "to" && free_word(k + 2) &&
        cls(k + 2) == Cls::kVerb && VerbHit(k + 2, &wfv, &w_head_end))
      return k + 2;
    return none;
  };
  // A verb of saying (or alleging): what it reports is no act toward those in the report.
  const int stance = Petrarch2Value(fv.code) & 0xF000;
  const bool saying = stance == 0x1000 || stance == 0x7000;
  enum class Kind { kNone, kInfinitive, kObjectInfinitive, kClause } kind = Kind::kNone;
  int object = -1;  // the governed verb's own subject: "asked Gondor to", "said Gondor had"
  uint32_t w = none, upper_end = after;
  const uint32_t k = skip(after, false);
  if (k < vp_end && free_word(k) && tok(k).norm == "to") {
    w = governed_at(k + 1);
    if (w != none) kind = Kind::kInfinitive;
    upper_end = k;
  } else if (k < vp_end) {
    uint32_t c = k;
    const bool that = free_word(c) && tok(c).norm == "that";
    if (that) ++c;
    const int u = c < vp_end ? unit_at(c) : -1;
    if (u >= 0 && units_[u].first == c) {
      const uint32_t e = units_[u].end;
      // The object of "asked Gondor to" is an actor, written as one: "defended the right of
      // Gondor's troops to fire" governs no firing.
      bool actor_only = units_[u].coded();
      for (uint32_t m = units_[u].first; m < e && actor_only; ++m)
        actor_only = atom_at_[m - s_.first_token] >= 0 || tok(m).is_punct || cls(m) == Cls::kDet ||
                     tok(m).norm == "'s";
      if (!that && e < vp_end && free_word(e) && tok(e).norm == "to" && actor_only) {
        w = governed_at(e + 1);
        if (w != none) {
          kind = Kind::kObjectInfinitive;
          object = u;
          upper_end = e;
        }
      } else {
        // A clause: its subject, then an auxiliary ("said Gondor had"), or a verb after
        // "that" or after an actor reported on ("said Gondor attacked"); a noun read as a
        // verb does not make one ("conducted military exercises", "announced a suspension
        // of air links").
        const uint32_t m = skip(e, false);
        const bool pronoun = e == units_[u].first + 1 && cls(units_[u].first) == Cls::kPron;
        const bool actor = units_[u].coded() || pronoun;
        if (m < vp_end && free_word(m) &&
            (cls(m) == Cls::kAux || ((that || (saying && actor)) && cls(m) == Cls::kVerb &&
                                     !EndsWith(tok(m).norm, "ing")))) {
          kind = Kind::kClause;
          object = u;
          upper_end = k;
          w = governed_at(m);
        }
      }
    }
  }
  if (kind == Kind::kNone) return false;
  // The governing verb's subject: the first coded phrase of its clause.
  int a = -1;
  for (const auto& it : UpperSeq(verb - static_cast<uint32_t>(fv.pre.size())))
    if (it.kind == Item::kMarker && Coded(units_[it.unit])) a = it.unit;
  if (a < 0) return false;
  // A clause runs to the end of the sentence's clause: "claimed that Mordor had attacked
  // Arnor and taken Osgiliath" is one claim.
  uint32_t clause_end = w != none ? w : upper_end;
  while (clause_end < s_.end_token) {
    const std::string& x = tok(clause_end).norm;
    if (kept(clause_end) && unit_at(clause_end) < 0 &&
        (x == "," || x == ";" || x == ":" || x == "--" || x == "(" || x == ")" || x == "\"" ||
         x == "." || x == "?" || x == "!"))
      break;
    ++clause_end;
  }
  // When the clause codes nothing, "demanded that Gondor withdraw" is still a demand of
  // Gondor, and "said Gondor must withdraw" a statement about Gondor, coded as without the
  // clause; a report about no other actor ("said it has evidence") codes nothing, as in
  // PETRARCH2, which finds no target inside a clause.
  const bool about_actor = kind == Kind::kClause && units_[object].coded() && object != a;
  if (w == none) {
    if (!saying || about_actor) return false;
    *resume = clause_end;
    return true;
  }
  const VerbCoding up = CodeVerbEvents(verb, head_end, fv, upper_end, -1);
  const int v = Petrarch2Value(up.code);
  // A pronoun subject of the clause is the governing verb's ("Gondor said it would ...").
  int inner_source = kind == Kind::kInfinitive ? a : object;
  if (kind == Kind::kClause && units_[object].end == units_[object].first + 1 &&
      cls(units_[object].first) == Cls::kPron)
    inner_source = a;
  const ForeignVerb& lower_fv = *wfv;
  const uint32_t lower_head_end = w_head_end;
  VerbCoding in = CodeVerbEvents(w, lower_head_end, lower_fv, 0, inner_source);
  // "said that Mordor had attacked": an inner event without a target still has its source
  // and verb, which the rules with an open target (".") read.
  if (kind != Kind::kInfinitive && in.events.empty() && in.source >= 0 && !in.code.empty()) {
    const Unit& su = units_[in.source];
    for (size_t k2 = 0; k2 < su.elements.size(); ++k2) {
      CodedEvent e;
      e.src = su.elements[k2].code;
      e.src_el_unit = in.source;
      e.src_el = static_cast<int>(k2);
      e.tgt = "---";
      e.code = in.code;
      in.events.push_back(e);
    }
  }
  // "would not provide": the governed verb negated is its rejection (its value minus
  // 0xFFFF), as PETRARCH2 reads a "not" before it.
  bool negated = false;
  for (uint32_t m = upper_end; m < w; ++m) {
    const std::string& x = tok(m).norm;
    if (unit_at(m) < 0 && (x == "not" || x == "n't" || x == "never")) negated = true;
  }
  auto inner_value = [&](const std::string& code) {
    const int q = Petrarch2Value(code);
    return negated && q > 0 ? q - 0xFFFF : q;
  };
  // A rejection the table has no code for ("would not meet") is a rejection (120).
  auto code_of = [](int value) {
    std::string c = Petrarch2Cameo(value);
    return c.empty() && value < 0 ? std::string("120") : c;
  };
  std::vector<CodedEvent> events;
  if (kind == Kind::kInfinitive) {
    // "a pledged to expel b": one event, the two codes combined.
    if (in.events.empty()) return false;  // the verb alone, as without the infinitive
    for (CodedEvent e : in.events) {
      const int q = inner_value(e.code);
      const int combined = Petrarch2Combine(v, q);
      // The governed code unchanged keeps its own spelling: values are shared ("0841" and
      // "082" are one value), so reading it back could name another code.
      if (combined != q || q < 0) e.code = code_of(combined);
      if (!e.code.empty()) events.push_back(e);
    }
    // No code for the pair ("failed to reach agreement"): the governing verb alone.
    if (events.empty()) return false;
  } else {
    // (a, (b, c, q), v): a transformation rule of the dictionary, else PETRARCH2's
    // default "a v (b . q) = a b v+q" for a q below the stance values.
    struct Bound {
      std::string code;
      int unit, element;
    };
    const Unit& au = units_[a];
    for (const CodedEvent& e : in.events) {
      const int q = inner_value(e.code);
      for (size_t ai = 0; ai < au.elements.size(); ++ai) {
        // The same phrase (a pronoun standing for it) pairs member with member.
        if (e.src_el_unit == a && e.src_el != static_cast<int>(ai)) continue;
        for (auto part : Split(au.elements[ai].code, '/')) {
          if (part.empty()) continue;
          const Bound A{std::string(part), a, static_cast<int>(ai)};
          const Bound B{e.src, e.src_el_unit, e.src_el};
          const Bound C{e.tgt, e.tgt_el_unit, e.tgt_el};
          bool done = false;
          for (const VerbTransform& r : dict_.verb_transforms()) {
            if (!Petrarch2Matches(v, r.outer_value)) continue;
            if (!r.inner_any && !Petrarch2Matches(q, r.inner_value)) continue;
            std::vector<std::pair<std::string, const Bound*>> vars = {{r.source, &A}};
            auto bound = [&](const std::string& name) -> const Bound* {
              for (const auto& [n, b] : vars)
                if (n == name) return b;
              return nullptr;
            };
            if (r.inner_source == "_") continue;  // the inner event has a source here
            if (const Bound* b = bound(r.inner_source)) {
              if (b->code != B.code) continue;
            } else {
              vars.push_back({r.inner_source, &B});
            }
            if (r.inner_target != ".") {
              if (const Bound* b = bound(r.inner_target)) {
                if (b->code != C.code) continue;
              } else {
                vars.push_back({r.inner_target, &C});
              }
            }
            const Bound* src = bound(r.out_source);
            const Bound* tgt = bound(r.out_target);
            if (!src || !tgt) continue;
            CodedEvent out;
            out.src = src->code;
            out.src_el_unit = src->unit;
            out.src_el = src->element;
            out.tgt = tgt->code;
            out.tgt_el_unit = tgt->unit;
            out.tgt_el = tgt->element;
            out.code = r.out_code != "Q"             ? r.out_code
                       : q == Petrarch2Value(e.code) ? e.code
                                                     : code_of(q);
            if (!out.code.empty() && out.src != out.tgt) events.push_back(out);
            done = true;
            break;
          }
          if (done || v == 0 || q <= 0 || q >= 0x1000) continue;
          CodedEvent out;
          out.src = A.code;
          out.src_el_unit = A.unit;
          out.src_el = A.element;
          out.tgt = B.code;
          out.tgt_el_unit = B.unit;
          out.tgt_el = B.element;
          out.code = code_of(Petrarch2Combine(v, q));
          if (!out.code.empty() && out.src != out.tgt) events.push_back(out);
        }
      }
    }
    // "asked Gondor to help", "demanded that Gondor withdraw": when the pair codes nothing
    // the verb codes alone; a report of something no rule codes is not coded.
    if (events.empty() && (kind == Kind::kObjectInfinitive || !saying || about_actor)) return false;
  }
  Emit(Kept(events), verb, lower_head_end, in.pattern, lower_fv);
  *resume = kind == Kind::kClause ? clause_end : std::max(in.resume, lower_head_end);
  return true;
}

void SentenceCoder::Run() {
  if (s_.end_token <= s_.first_token) return;
  tabari_ = dict_.foreign_format() == DictFormat::kTabari;
  petrarch2_ = !tabari_ && dict_.petrarch2_verbs();
  int letters = 0, caps = 0;
  for (uint32_t t = s_.first_token; t < s_.end_token; ++t)
    for (char c : doc_->slice(tok(t).span)) {
      if (std::isupper(static_cast<unsigned char>(c)))
        ++caps, ++letters;
      else if (std::islower(static_cast<unsigned char>(c)))
        ++letters;
    }
  all_caps_ = letters > 8 && caps * 10 > letters * 9;
  in_timex_.assign(s_.end_token - s_.first_token, false);
  for (const Timex& x : doc_->timexes) {
    if (x.span.end <= s_.span.start || x.span.start >= s_.span.end) continue;
    for (uint32_t t = s_.first_token; t < s_.end_token; ++t)
      if (tok(t).span.start >= x.span.start && tok(t).span.end <= x.span.end)
        in_timex_[t - s_.first_token] = true;
  }
  FindAtoms();
  // TABARI's actor codes "+++" (too complex to code) and "###" (discard) stop the sentence.
  if (tabari_)
    for (const auto& a : atoms_)
      if (!a.agent && (a.code == "+++" || a.code == "###")) return;
  Classify();
  // TABARI's COMPLEX limits: too many verbs or conjunctions and the sentence is not coded.
  if (opt_.complex_verbs > 0 || opt_.complex_conjunctions > 0) {
    int verbs = 0, conjunctions = 0;
    for (uint32_t t = s_.first_token; t < s_.end_token; ++t) {
      const ForeignVerb* fv = nullptr;
      uint32_t he = 0;
      if (cls(t) == Cls::kVerb && VerbHit(t, &fv, &he)) ++verbs;
      if (cls(t) == Cls::kConj) ++conjunctions;
    }
    if ((opt_.complex_verbs > 0 && verbs >= opt_.complex_verbs) ||
        (opt_.complex_conjunctions > 0 && conjunctions >= opt_.complex_conjunctions))
      return;
  }
  BuildUnits();
  DropCommaClauses();
  for (uint32_t t = s_.first_token; t < s_.end_token;) {
    if (!kept(t) || cls(t) != Cls::kVerb || unit_at(t) >= 0) {
      ++t;
      continue;
    }
    const ForeignVerb* fv = nullptr;
    uint32_t head_end = t + 1;
    if (!VerbHit(t, &fv, &head_end)) {
      ++t;
      continue;
    }
    uint32_t resume = 0;
    if (petrarch2_ && CodeGoverning(t, head_end, *fv, &resume)) {
      t = resume > t ? resume : t + 1;
      continue;
    }
    const bool coded = CodeVerb(t, head_end, *fv, &resume);
    if (coded && opt_.code_by == PeerOptions::CodeBy::kSentence) break;
    if (opt_.code_by == PeerOptions::CodeBy::kAll) resume = head_end;
    t = resume > t ? resume : t + 1;
  }
}

bool PhraseAt(const Document& doc, uint32_t t, uint32_t end, const Discard& d) {
  if (t + d.words.size() > end) return false;
  for (size_t i = 0; i < d.words.size(); ++i) {
    const std::string& w = doc.tokens[t + i].norm;
    const bool last = i + 1 == d.words.size();
    if (last && d.stem_last) {
      if (w.compare(0, d.words[i].size(), d.words[i]) != 0) return false;
    } else if (w != d.words[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<bool> DiscardedSentences(const Document& doc, const Dictionary& dict) {
  std::vector<bool> out(doc.sentences.size(), false);
  if (dict.discards().empty()) return out;
  bool story = false;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    for (uint32_t t = s.first_token; t < s.end_token && !out[si]; ++t)
      for (const auto& d : dict.discards())
        if (PhraseAt(doc, t, s.end_token, d)) {
          out[si] = true;
          story = story || d.story;
          break;
        }
  }
  if (story) out.assign(out.size(), true);
  return out;
}

void SlotMatcher::Code(Document* doc) const {
  const auto discarded = DiscardedSentences(*doc, dict_);
  if (!dict_.discards().empty()) {
    std::vector<Event> kept;
    for (auto& e : doc->events)
      if (e.sentence >= discarded.size() || !discarded[e.sentence]) kept.push_back(std::move(e));
    doc->events = std::move(kept);
  }
  if (!dict_.has_foreign_verbs()) return;
  for (uint32_t si = 0; si < doc->sentences.size(); ++si) {
    if (discarded[si]) continue;
    SentenceCoder(dict_, options_, doc, si).Run();
  }
}

}  // namespace dyad
