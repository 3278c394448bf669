// Dictionary: the actors, agents, verb patterns and CAMEO code table the coder uses, loaded
// from text files once, then immutable and shared by all threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/diagnostics.h"
#include "dict/inflect.h"
#include "dict/phrase_index.h"

namespace dyad {

// The format a dictionary entry was read from: dyad's own, or a peer coder's (PETRARCH and
// Phoenix, TABARI) whose verb patterns the slot matcher (src/events/slot_matcher.h) applies.
enum class DictFormat : uint8_t { kDyad, kPetrarch, kTabari };

// One named actor phrase set: "RUS name: Russia; Russian Federation".
struct ActorEntry {
  std::string code;                       // CAMEO actor code: "RUS", "IGOUNO", "RUSGOV"
  std::string kind;                       // name, adj, capital, city, org, person
  std::string from;                       // ISO date the entry starts to hold, "" when open
  std::string to;                         // ISO date it stops holding, "" when open
  std::string entry;                      // "file:line"
  DictFormat format = DictFormat::kDyad;  // "---" as code: known, but no code (null code)
  // True when the entry holds on `date` (an empty date holds everywhere).
  bool HoldsOn(const std::string& date) const;
};

// An agent word: "minister" -> GOV.
struct AgentEntry {
  std::string sector;
  std::string entry;
  bool prefix = false;  // PETRARCH/TABARI "[NGO~]": the code goes before the actor's
  DictFormat format = DictFormat::kDyad;
};

// One element of a PETRARCH/TABARI verb pattern ("- SAID + * TO ^ FROM $ [066]").
struct SlotToken {
  enum Kind : uint8_t {
    kWord,      // a literal word, lower case; with `stem`, any word starting with it
    kSynset,    // &NAME: any phrase of the synset
    kSource,    // $: the source actor is the noun phrase here
    kTarget,    // +: the target actor is the noun phrase here
    kCompound,  // %: a compound actor here is source and target at once
    kSkip,      // ^: skips one noun phrase
    kChoice,    // { A | B C }: one of several phrases (TABARI)
  };
  Kind kind = kWord;
  std::string text;                             // the word, or the synset name "&NAME"
  std::vector<std::vector<SlotToken>> choices;  // kChoice: the phrases
  bool adjacent = false;  // no word between this and the element matched before it ('_')
  bool stem = false;
  // PETRARCH2: the word opens a "(PREP ...)" group, a prepositional phrase: "(TO)" is the
  // preposition "to", not the "to" of an infinitive.
  bool preposition = false;
};

// One verb or event-noun pattern: "040 meet with".
struct VerbPattern {
  std::string code;                // CAMEO event code
  std::string text;                // the pattern as written
  bool is_noun = false;            // event noun ("n: talks")
  std::vector<std::string> words;  // words after the event word; "*" matches any one word
  std::string plover_event;        // override of the code's PLOVER event, "" when none
  std::string plover_mode;         // override of the code's PLOVER mode
  bool target_none = false;        // the event never has a target ("target=none")
  bool target_optional = false;    // coded with or without a target ("target=optional")
  std::string entry;               // "file:line"
  // PETRARCH/TABARI patterns only (not in verb_index(); the slot matcher applies them):
  DictFormat format = DictFormat::kDyad;
  std::vector<SlotToken> before;  // elements before the verb, nearest to it first
  std::vector<SlotToken> after;   // elements after the verb, in text order
  std::string code2;              // "[032:033]": the second code, of the target's event
  uint32_t block = 0;             // index into verb_blocks()
};

// A verb synonym block of a PETRARCH/TABARI dictionary: its verbs share the patterns.
struct VerbBlock {
  std::string code;  // the block's code for a bare verb; "---": no event
  std::string code2;
  std::vector<uint32_t> patterns;  // indices into patterns(), in file order
  std::string entry;
  DictFormat format = DictFormat::kPetrarch;
};

// One verb of a block; its forms are keyed in foreign_verb_index() by the head word.
struct ForeignVerb {
  std::string text;  // as written ("WIRE_+TAP")
  std::string code;  // its own code, else the block's
  std::string code2;
  bool weak = false;            // TABARI "[023?]": the verb alone codes nothing
  std::vector<SlotToken> pre;   // words before the head, nearest first ("wire" of WIRE_+TAP)
  std::vector<SlotToken> post;  // words after it ("off" of +CORDON_OFF, "toll risen" of
                                // TABARI's DEATH TOLL RISEN)
  uint32_t block = 0;
  std::string entry;
};

// A PETRARCH2 verb transformation rule, "~ a (a b ATTACK) SAY = a b 015": an event whose
// object is another event ("a says that a attacks b") becomes one event ("a b 015").
// Verbs are matched by their PETRARCH2 values (dict/petrarch2_codes.h).
struct VerbTransform {
  std::string source;                  // the outer event's source variable ("a")
  std::string inner_source;            // the inner event's source: a variable, or "_" (none)
  std::string inner_target;            // the inner event's target: a variable, or "." (any)
  int inner_value = 0;                 // the inner verb's value; unused when inner_any
  bool inner_any = false;              // "Q": any inner verb
  int outer_value = 0;                 // the outer verb's value
  std::string out_source, out_target;  // variables
  std::string out_code;                // a CAMEO code, or "Q" (the inner event's code)
  std::string entry;
};

// A discard phrase: a sentence (or, with `story`, a whole document) containing it is not
// coded. The last word matches as a stem unless the phrase ended with '_'.
struct Discard {
  std::vector<std::string> words;
  bool story = false;
  bool stem_last = true;
  std::string entry;
};

// An issue phrase (PETRARCH issues file): text that marks a sentence as about an issue.
struct Issue {
  std::vector<std::string> words;
  std::string code;
  int ignore = 0;  // 1: "~phrase" cancels the sentence's issues, 2: "~~phrase" the story's
  std::string entry;
};

// Coding options a peer dictionary set carries (TABARI .options, PETRARCH defaults).
struct PeerOptions {
  bool require_dyad = true;  // events need a coded source and target
  // Comma-delimited clauses of [min, max] words are dropped before coding: internal,
  // initial ("b") and terminal ("e"); a max of 0 turns that kind off.
  int comma_min = 2, comma_max = 8, comma_bmin = 0, comma_bmax = 0, comma_emin = 2, comma_emax = 8;
  int new_actor_length = 0;  // PETRARCH: uncoded noun phrases up to this length as actors
  // TABARI "DEFAULT: SOURCE [X] PRIOR TARGET [Y] AFTER": codes for a missing actor.
  std::string default_source, default_target;
  bool default_source_prior = false;  // PRIOR: the default source when no actor precedes
  bool default_target_after = false;  // AFTER: the default target when no actor follows
  // TABARI "COMPLEX: VERBS[5] CONJ[4]": a sentence with this many dictionary verbs or
  // conjunctions is too complex to code (0: no limit).
  int complex_verbs = 0, complex_conjunctions = 0;
  // TABARI "SET: CONVERT AGENT": an agent without an actor is coded "~SECTOR".
  bool convert_agent = false;
  // How many verbs code: one per clause (default), one per sentence, or every one (TABARI
  // "SET: CODE BY CLAUSE / BY SENTENCE / ALL").
  enum class CodeBy : uint8_t { kClause, kSentence, kAll };
  CodeBy code_by = CodeBy::kClause;
  bool operator==(const PeerOptions&) const = default;
};

// One row of the CAMEO table.
struct CameoCode {
  std::string code;
  std::string name;
  double goldstein = 0.0;
  int quad_class = 0;
  std::string plover_event;
  std::string plover_mode;
};

class Dictionary {
 public:
  // Loads every dictionary file in each directory (see data/dict/FORMAT.md), and the files
  // of the peer formats it recognises by name (docs/dictionaries.md): PETRARCH/Phoenix
  // (CAMEO.*.txt or *verbs*.txt verbs, *actors*.txt, *agents*.txt, *discards*, *Issue*)
  // and TABARI (.verbs, .actors, .agents, .options; a .project names its files). When peer
  // verbs come without a CAMEO table, dyad's own table is added. Bad lines are reported to
  // `diag` with file and line, and skipped. Returns nullptr only when a directory cannot be
  // read at all.
  static std::unique_ptr<Dictionary> Load(const std::vector<std::string>& dirs, Diagnostics* diag);

  // The directory of the default dictionaries (DYAD_DATA env var, else the build's data/).
  static std::string DefaultDir();

  const PhraseIndex& actor_index() const { return actor_index_; }
  const PhraseIndex& agent_index() const { return agent_index_; }
  const PhraseIndex& verb_index() const { return verb_index_; }
  const std::vector<ActorEntry>& actors() const { return actors_; }
  const std::vector<AgentEntry>& agents() const { return agents_; }
  const std::vector<VerbPattern>& patterns() const { return patterns_; }

  // PETRARCH/TABARI verbs: head word forms -> foreign_verbs() ids.
  const PhraseIndex& foreign_verb_index() const { return foreign_verb_index_; }
  const std::vector<ForeignVerb>& foreign_verbs() const { return foreign_verbs_; }
  const std::vector<VerbBlock>& verb_blocks() const { return verb_blocks_; }
  // The phrases of a synset ("&CURRENCY"): words (lower case) and nested synsets.
  const std::vector<std::vector<SlotToken>>* Synset(const std::string& name) const;
  const std::vector<Discard>& discards() const { return discards_; }
  const std::vector<Issue>& issues() const { return issues_; }
  const PeerOptions& peer_options() const { return peer_options_; }
  // TABARI's <NOUN> list (words that are never verbs) and <ADJECTIVE> list.
  bool IsPeerNoun(const std::string& word) const { return peer_nouns_.count(word) > 0; }
  bool IsPeerAdjective(const std::string& w) const { return peer_adjectives_.count(w) > 0; }
  void AddPeerNoun(const std::string& word) { peer_nouns_.insert(word); }
  void AddPeerAdjective(const std::string& word) { peer_adjectives_.insert(word); }
  // True when PETRARCH/TABARI verbs were loaded (the slot matcher has work to do).
  bool has_foreign_verbs() const { return !foreign_verbs_.empty(); }
  // PETRARCH2's transformation rules, in file order. A verb file that has them is a
  // PETRARCH2 (CAMEO.2.0) one: its verbs combine ("pledged to expel") as PETRARCH2's do.
  const std::vector<VerbTransform>& verb_transforms() const { return verb_transforms_; }
  bool petrarch2_verbs() const { return !verb_transforms_.empty(); }
  DictFormat foreign_format() const { return foreign_format_; }

  // Building, for the readers of the peer formats (src/dict/petrarch_reader.h,
  // tabari_reader.h); the dictionary is immutable once Load returns. Phrase words are as
  // written (spaces or '_' between words already split); a word with stems[i] set matches
  // any token starting with it, and one with gaps[i] set may follow a few other words.
  struct Phrase {
    std::vector<std::string> words;
    std::vector<bool> stems;
    std::vector<bool> gaps;  // other words may come before words[i] (a ' ' in the phrase)
  };
  // Adds the phrases of one actor: `codes` in priority order (date-restricted ones first,
  // then the default); each phrase gets every code.
  void AddActorPhrases(const std::vector<ActorEntry>& codes, const std::vector<Phrase>& phrases);
  void AddAgentPhrases(const AgentEntry& agent, const std::vector<Phrase>& phrases);
  uint32_t AddVerbBlock(VerbBlock block);
  // A foreign pattern of `block` (its `block` field is set here).
  void AddForeignPattern(uint32_t block, VerbPattern pattern);
  // A verb of `block` under each of its head forms.
  void AddForeignVerb(ForeignVerb verb, const std::vector<std::string>& forms, bool stem);
  void AddSynset(const std::string& name, std::vector<std::vector<SlotToken>> phrases);
  void AddDiscard(Discard d) { discards_.push_back(std::move(d)); }
  void AddVerbTransform(VerbTransform t) { verb_transforms_.push_back(std::move(t)); }
  void AddIssue(Issue i) { issues_.push_back(std::move(i)); }
  PeerOptions* mutable_peer_options() { return &peer_options_; }
  void set_foreign_format(DictFormat f) { foreign_format_ = f; }
  const Inflector& inflector() const { return inflector_; }

  // The CAMEO row for `code`, or nullptr. Falls back to the 3-digit and root parents.
  const CameoCode* Cameo(const std::string& code) const;
  size_t cameo_size() const { return cameo_.size(); }
  const std::unordered_map<std::string, CameoCode>& cameo_table() const { return cameo_; }

 private:
  void LoadActors(const std::string& path, Diagnostics* diag);
  void LoadAgents(const std::string& path, Diagnostics* diag);
  void LoadVerbs(const std::string& path, Diagnostics* diag);
  void LoadCameo(const std::string& path, Diagnostics* diag);
  void LoadForms(const std::string& path, Diagnostics* diag);
  // Adds `phrase` (split into tokens the way the Tokenizer splits text) to `index`.
  static void IndexPhrase(PhraseIndex* index, const Phrase& phrase, uint32_t id);

  Inflector inflector_;
  PhraseIndex actor_index_;
  PhraseIndex agent_index_;
  PhraseIndex verb_index_;  // keyed by the event word's forms only; ids index patterns_
  std::vector<ActorEntry> actors_;
  std::vector<AgentEntry> agents_;
  std::vector<VerbPattern> patterns_;
  std::unordered_map<std::string, CameoCode> cameo_;
  PhraseIndex foreign_verb_index_;
  std::vector<ForeignVerb> foreign_verbs_;
  std::vector<VerbBlock> verb_blocks_;
  std::unordered_map<std::string, std::vector<std::vector<SlotToken>>> synsets_;
  std::vector<Discard> discards_;
  std::vector<VerbTransform> verb_transforms_;
  std::vector<Issue> issues_;
  PeerOptions peer_options_;
  std::unordered_set<std::string> peer_nouns_, peer_adjectives_;
  DictFormat foreign_format_ = DictFormat::kDyad;
};

// Splits a phrase into the tokens the Tokenizer would produce for it.
std::vector<std::string> PhraseTokens(const std::string& phrase);

}  // namespace dyad
