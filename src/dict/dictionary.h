// Dictionary: the actors, agents, verb patterns and CAMEO code table the coder uses, loaded
// from text files once, then immutable and shared by all threads.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/diagnostics.h"
#include "dict/inflect.h"
#include "dict/phrase_index.h"

namespace dyad {

// One named actor phrase set: "RUS name: Russia; Russian Federation".
struct ActorEntry {
  std::string code;   // CAMEO actor code: "RUS", "IGOUNO", "RUSGOV"
  std::string kind;   // name, adj, capital, city, org, person
  std::string from;   // ISO date the entry starts to hold, "" when open
  std::string to;     // ISO date it stops holding, "" when open
  std::string entry;  // "file:line"
  // True when the entry holds on `date` (an empty date holds everywhere).
  bool HoldsOn(const std::string& date) const;
};

// An agent word: "minister" -> GOV.
struct AgentEntry {
  std::string sector;
  std::string entry;
};

// One verb or event-noun pattern: "040 meet with".
struct VerbPattern {
  std::string code;                 // CAMEO event code
  std::string text;                 // the pattern as written
  bool is_noun = false;             // event noun ("n: talks")
  std::vector<std::string> words;   // words after the event word; "*" matches any one word
  std::string plover_event;         // override of the code's PLOVER event, "" when none
  std::string plover_mode;          // override of the code's PLOVER mode
  bool target_none = false;         // the event never has a target ("target=none")
  bool target_optional = false;     // coded with or without a target ("target=optional")
  std::string entry;                // "file:line"
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
  // Loads every dictionary file in each directory (see data/dict/FORMAT.md). Bad lines are
  // reported to `diag` with file and line, and skipped. Returns nullptr only when a
  // directory cannot be read at all.
  static std::unique_ptr<Dictionary> Load(const std::vector<std::string>& dirs,
                                          Diagnostics* diag);

  // The directory of the default dictionaries (DYAD_DATA env var, else the build's data/).
  static std::string DefaultDir();

  const PhraseIndex& actor_index() const { return actor_index_; }
  const PhraseIndex& agent_index() const { return agent_index_; }
  const PhraseIndex& verb_index() const { return verb_index_; }
  const std::vector<ActorEntry>& actors() const { return actors_; }
  const std::vector<AgentEntry>& agents() const { return agents_; }
  const std::vector<VerbPattern>& patterns() const { return patterns_; }

  // The CAMEO row for `code`, or nullptr. Falls back to the 3-digit and root parents.
  const CameoCode* Cameo(const std::string& code) const;
  size_t cameo_size() const { return cameo_.size(); }
  const std::unordered_map<std::string, CameoCode>& cameo_table() const { return cameo_; }

 private:
  void LoadFile(const std::string& path, Diagnostics* diag);
  void LoadActors(const std::string& path, Diagnostics* diag);
  void LoadAgents(const std::string& path, Diagnostics* diag);
  void LoadVerbs(const std::string& path, Diagnostics* diag);
  void LoadCameo(const std::string& path, Diagnostics* diag);
  void LoadForms(const std::string& path, Diagnostics* diag);

  Inflector inflector_;
  PhraseIndex actor_index_;
  PhraseIndex agent_index_;
  PhraseIndex verb_index_;  // keyed by the event word's forms only; ids index patterns_
  std::vector<ActorEntry> actors_;
  std::vector<AgentEntry> agents_;
  std::vector<VerbPattern> patterns_;
  std::unordered_map<std::string, CameoCode> cameo_;
};

// Splits a phrase into the tokens the Tokenizer would produce for it.
std::vector<std::string> PhraseTokens(const std::string& phrase);

}  // namespace dyad
