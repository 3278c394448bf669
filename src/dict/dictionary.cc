#include "dict/dictionary.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/strings.h"
#include "dict/peer_syntax.h"
#include "dict/petrarch_reader.h"
#include "dict/tabari_reader.h"
#include "text/tokenizer.h"

namespace dyad {

namespace fs = std::filesystem;

bool ActorEntry::HoldsOn(const std::string& date) const {
  if (date.empty()) return true;
  if (!from.empty() && date < from) return false;
  if (!to.empty() && date > to) return false;
  return true;
}

std::vector<std::string> PhraseTokens(const std::string& phrase) {
  Document d;
  d.text = phrase;
  Tokenizer().Tokenize(&d);
  std::vector<std::string> out;
  for (const auto& t : d.tokens) out.emplace_back(d.slice(t.span));
  return out;
}

std::string Dictionary::DefaultDir() {
  if (const char* env = std::getenv("DYAD_DATA")) return std::string(env) + "/dict";
  return std::string(DYAD_DATA_DIR) + "/dict";
}

namespace {

// Reads a file's lines, stripping comments ("#" at line start or after whitespace).
template <typename Fn>
void ForEachLine(const std::string& path, Diagnostics* diag, Fn fn) {
  std::ifstream in(path);
  if (!in) {
    diag->Reject(path, "cannot open dictionary file");
    return;
  }
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t hash = std::string::npos;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        hash = i;
        break;
      }
    }
    if (hash != std::string::npos) line.resize(hash);
    if (Trim(line).empty()) continue;
    fn(std::string_view(line), n, path + ":" + std::to_string(n));
  }
}

// Fields separated by one or more tabs.
std::vector<std::string> TabFields(std::string_view line) {
  std::vector<std::string> out;
  for (auto f : Split(line, '\t')) {
    auto t = Trim(f);
    if (!t.empty()) out.emplace_back(t);
  }
  return out;
}

bool IsCode(std::string_view s) {
  if (s.empty() || s.size() > 24) return false;
  for (char c : s)
    if (!(std::isupper(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c))))
      return false;
  return true;
}

bool IsCameoCode(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

namespace {

// What a file holds, from its name (and, for .verbs/.actors/.agents, its contents).
enum class FileKind {
  kSkip,
  kActors,
  kAgents,
  kVerbs,
  kCameo,
  kForms,  // dyad's own
  kPetrarchVerbs,
  kPetrarchActors,
  kPetrarchAgents,
  kDiscards,
  kIssues,  // PETRARCH/Phoenix
  kTabariVerbs,
  kTabariActors,
  kTabariAgents,
  kTabariOptions,
  kTabariProject,
};

// True when the file reads like TABARI (`WORD [CODE]` lines) rather than dyad's own
// format (`CODE<TAB>phrases`).
bool LooksLikeTabari(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  int own = 0, peer = 0;
  while ((own + peer) < 40 && std::getline(in, line)) {
    auto t = Trim(line);
    if (t.empty() || t[0] == '#' || t[0] == ';') continue;
    // Ours first: `CODE<TAB>...`, whose optional date range is also in brackets.
    const auto tab = t.find('\t');
    if (tab != std::string_view::npos && tab > 0 && IsCode(t.substr(0, tab)))
      ++own;
    else if (t[0] == '<' || t[0] == '&' || t.find('[') != std::string_view::npos)
      ++peer;
  }
  return peer > own;
}

FileKind KindOf(const std::string& path, bool tabari_dir, bool explicit_file) {
  const std::string name = AsciiLower(fs::path(path).filename().string());
  if (EndsWith(name, ".forms")) return FileKind::kForms;
  if (EndsWith(name, ".cameo")) return FileKind::kCameo;
  const bool verbs = EndsWith(name, ".verbs"), actors = EndsWith(name, ".actors"),
             agents = EndsWith(name, ".agents");
  if (verbs || actors || agents) {
    const bool tabari = tabari_dir || LooksLikeTabari(path);
    if (verbs) return tabari ? FileKind::kTabariVerbs : FileKind::kVerbs;
    if (actors) return tabari ? FileKind::kTabariActors : FileKind::kActors;
    return tabari ? FileKind::kTabariAgents : FileKind::kAgents;
  }
  if (EndsWith(name, ".options")) return FileKind::kTabariOptions;
  if (EndsWith(name, ".project")) return explicit_file ? FileKind::kTabariProject : FileKind::kSkip;
  if (EndsWith(name, ".txt")) {
    if (name.find("discard") != std::string::npos) return FileKind::kDiscards;
    if (name.find("issue") != std::string::npos) return FileKind::kIssues;
    if (name.find("agent") != std::string::npos) return FileKind::kPetrarchAgents;
    if (name.find("actor") != std::string::npos) return FileKind::kPetrarchActors;
    if (name.find("verb") != std::string::npos || StartsWith(name, "cameo."))
      return FileKind::kPetrarchVerbs;
  }
  return FileKind::kSkip;  // README, FORMAT.md, prepositions, texts, sources
}

// Load order: forms (verbs need them), the CAMEO table (for checks), options, then the rest
// in file order.
int Rank(FileKind k) {
  switch (k) {
    case FileKind::kForms:
      return 0;
    case FileKind::kCameo:
      return 1;
    case FileKind::kTabariOptions:
      return 2;
    default:
      return 3;
  }
}

}  // namespace

std::unique_ptr<Dictionary> Dictionary::Load(const std::vector<std::string>& dirs,
                                             Diagnostics* diag) {
  auto dict = std::unique_ptr<Dictionary>(new Dictionary());
  std::vector<std::pair<std::string, FileKind>> files;
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (fs::is_regular_file(dir, ec)) {
      const FileKind kind = KindOf(dir, false, true);
      if (kind == FileKind::kTabariProject) {
        TabariProject project;
        if (!ReadTabariProject(dir, &project, diag)) return nullptr;
        if (!project.options.empty()) files.emplace_back(project.options, FileKind::kTabariOptions);
        if (!project.verbs.empty()) files.emplace_back(project.verbs, FileKind::kTabariVerbs);
        if (!project.actors.empty()) files.emplace_back(project.actors, FileKind::kTabariActors);
        if (!project.agents.empty()) files.emplace_back(project.agents, FileKind::kTabariAgents);
      } else if (kind == FileKind::kSkip) {
        diag->Warn(dir,
                   "not a dictionary file dyad recognises (see docs/dictionaries.md), skipped");
      } else {
        files.emplace_back(dir, kind);
      }
      continue;
    }
    if (!fs::is_directory(dir, ec)) {
      diag->Reject(dir, "dictionary directory not found");
      return nullptr;
    }
    std::vector<std::string> here;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.is_regular_file()) here.push_back(e.path().string());
    std::sort(here.begin(), here.end());
    bool tabari_dir = false;
    for (const auto& f : here)
      if (EndsWith(AsciiLower(f), ".project") || EndsWith(AsciiLower(f), ".options"))
        tabari_dir = true;
    for (const auto& f : here) {
      const FileKind kind = KindOf(f, tabari_dir, false);
      if (kind != FileKind::kSkip) files.emplace_back(f, kind);
    }
  }
  std::stable_sort(files.begin(), files.end(),
                   [](const auto& a, const auto& b) { return Rank(a.second) < Rank(b.second); });
  for (const auto& [f, kind] : files) {
    switch (kind) {
      case FileKind::kActors:
        dict->LoadActors(f, diag);
        break;
      case FileKind::kAgents:
        dict->LoadAgents(f, diag);
        break;
      case FileKind::kVerbs:
        dict->LoadVerbs(f, diag);
        break;
      case FileKind::kCameo:
        dict->LoadCameo(f, diag);
        break;
      case FileKind::kForms:
        dict->LoadForms(f, diag);
        break;
      case FileKind::kPetrarchVerbs:
        ReadPetrarchVerbs(f, dict.get(), diag);
        break;
      case FileKind::kPetrarchActors:
        ReadPeerActors(f, DictFormat::kPetrarch, dict.get(), diag);
        break;
      case FileKind::kPetrarchAgents:
        ReadPeerAgents(f, DictFormat::kPetrarch, dict.get(), diag);
        break;
      case FileKind::kDiscards:
        ReadDiscards(f, dict.get(), diag);
        break;
      case FileKind::kIssues:
        ReadIssues(f, dict.get(), diag);
        break;
      case FileKind::kTabariVerbs:
        ReadTabariVerbs(f, dict.get(), diag);
        break;
      case FileKind::kTabariActors:
        ReadPeerActors(f, DictFormat::kTabari, dict.get(), diag);
        break;
      case FileKind::kTabariAgents:
        ReadPeerAgents(f, DictFormat::kTabari, dict.get(), diag);
        break;
      case FileKind::kTabariOptions:
        ReadTabariOptions(f, dict.get(), diag);
        break;
      case FileKind::kTabariProject:
      case FileKind::kSkip:
        break;
    }
  }
  // Peer verb dictionaries carry no code table: take dyad's own for names, Goldstein values,
  // QuadClass and PLOVER.
  if (dict->has_foreign_verbs() && dict->cameo_.empty()) {
    const std::string table = DefaultDir() + "/cameo.cameo";
    std::error_code ec;
    if (fs::is_regular_file(table, ec)) dict->LoadCameo(table, diag);
  }
  return dict;
}

void Dictionary::IndexPhrase(PhraseIndex* index, const Phrase& phrase, uint32_t id) {
  std::vector<std::string> words;
  std::vector<bool> stems, gaps;
  bool plain = true;
  for (size_t i = 0; i < phrase.words.size(); ++i) {
    const bool stem = i < phrase.stems.size() && phrase.stems[i];
    const bool gap = i < phrase.gaps.size() && phrase.gaps[i];
    auto toks = PhraseTokens(phrase.words[i]);
    for (size_t k = 0; k < toks.size(); ++k) {
      words.push_back(AsciiLower(toks[k]));
      stems.push_back(stem && k + 1 == toks.size());
      gaps.push_back(gap && k == 0 && words.size() > 1);
      plain = plain && !stems.back() && !gaps.back();
    }
  }
  if (words.empty()) return;
  if (plain)
    index->Add(words, id, false);
  else
    index->AddStemmed(words, stems, gaps, id);
}

void Dictionary::AddActorPhrases(const std::vector<ActorEntry>& codes,
                                 const std::vector<Phrase>& phrases) {
  if (codes.empty()) {
    ActorEntry null_code;
    null_code.code = "---";
    null_code.kind = "name";
    return AddActorPhrases({null_code}, phrases);
  }
  const auto first = static_cast<uint32_t>(actors_.size());
  actors_.insert(actors_.end(), codes.begin(), codes.end());
  for (const auto& p : phrases)
    for (uint32_t k = 0; k < codes.size(); ++k) IndexPhrase(&actor_index_, p, first + k);
}

void Dictionary::AddAgentPhrases(const AgentEntry& agent, const std::vector<Phrase>& phrases) {
  const auto id = static_cast<uint32_t>(agents_.size());
  agents_.push_back(agent);
  for (const auto& p : phrases) IndexPhrase(&agent_index_, p, id);
}

uint32_t Dictionary::AddVerbBlock(VerbBlock block) {
  verb_blocks_.push_back(std::move(block));
  return static_cast<uint32_t>(verb_blocks_.size() - 1);
}

void Dictionary::AddForeignPattern(uint32_t block, VerbPattern pattern) {
  pattern.block = block;
  if (pattern.format == DictFormat::kDyad) pattern.format = verb_blocks_[block].format;
  patterns_.push_back(std::move(pattern));
  verb_blocks_[block].patterns.push_back(static_cast<uint32_t>(patterns_.size() - 1));
}

void Dictionary::AddForeignVerb(ForeignVerb verb, const std::vector<std::string>& forms,
                                bool stem) {
  const auto id = static_cast<uint32_t>(foreign_verbs_.size());
  foreign_verbs_.push_back(std::move(verb));
  for (const auto& f : forms) {
    Phrase p;
    for (auto w : Split(f, ' '))
      if (!Trim(w).empty()) p.words.emplace_back(Trim(w));
    p.stems.assign(p.words.size(), false);
    if (!p.stems.empty()) p.stems.back() = stem;
    IndexPhrase(&foreign_verb_index_, p, id);
  }
}

void Dictionary::AddSynset(const std::string& name, std::vector<std::vector<SlotToken>> phrases) {
  auto& dst = synsets_[name];
  for (auto& p : phrases) dst.push_back(std::move(p));
}

const std::vector<std::vector<SlotToken>>* Dictionary::Synset(const std::string& name) const {
  auto it = synsets_.find(name);
  return it == synsets_.end() ? nullptr : &it->second;
}

void Dictionary::LoadActors(const std::string& path, Diagnostics* diag) {
  ForEachLine(path, diag, [&](std::string_view line, int, const std::string& where) {
    auto f = TabFields(line);
    if (f.size() < 2) {
      diag->Warn(where, "expected CODE<TAB>phrases, line skipped");
      return;
    }
    if (!IsCode(f[0])) {
      diag->Warn(where, "'" + f[0] + "' is not an actor code (A-Z, 0-9), line skipped");
      return;
    }
    ActorEntry e;
    e.code = f[0];
    e.kind = "name";
    e.entry = where;
    std::string phrases = f[1];
    auto colon = phrases.find(':');
    if (colon != std::string::npos && colon < 10) {
      std::string kind = std::string(Trim(std::string_view(phrases).substr(0, colon)));
      if (kind == "name" || kind == "adj" || kind == "capital" || kind == "city" || kind == "org" ||
          kind == "person") {
        e.kind = kind;
        phrases = phrases.substr(colon + 1);
      }
    }
    if (f.size() >= 3) {
      std::string_view r = f[2];
      if (r.size() < 4 || r.front() != '[' || r.back() != ']' ||
          r.find("..") == std::string_view::npos) {
        diag->Warn(where, "date range must look like [FROM..TO], line skipped");
        return;
      }
      r = r.substr(1, r.size() - 2);
      auto dots = r.find("..");
      e.from = std::string(Trim(r.substr(0, dots)));
      e.to = std::string(Trim(r.substr(dots + 2)));
      if ((!e.from.empty() && !IsIsoDate(e.from)) || (!e.to.empty() && !IsIsoDate(e.to))) {
        diag->Warn(where, "dates in the range must be YYYY-MM-DD, line skipped");
        return;
      }
    }
    const auto id = static_cast<uint32_t>(actors_.size());
    actors_.push_back(e);
    for (auto p : Split(phrases, ';')) {
      std::string phrase(Trim(p));
      if (phrase.empty()) continue;
      bool exact = phrase[0] == '=';
      if (exact) phrase = std::string(Trim(std::string_view(phrase).substr(1)));
      auto toks = PhraseTokens(phrase);
      if (toks.empty()) continue;
      actor_index_.Add(toks, id, exact);
    }
  });
}

void Dictionary::LoadAgents(const std::string& path, Diagnostics* diag) {
  ForEachLine(path, diag, [&](std::string_view line, int, const std::string& where) {
    auto f = TabFields(line);
    if (f.size() < 2 || !IsCode(f[0])) {
      diag->Warn(where, "expected SECTOR<TAB>phrases, line skipped");
      return;
    }
    const auto id = static_cast<uint32_t>(agents_.size());
    agents_.push_back({f[0], where});
    for (auto p : Split(f[1], ';')) {
      std::string phrase(Trim(p));
      if (phrase.empty()) continue;
      bool exact = phrase[0] == '=';
      if (exact) phrase = std::string(Trim(std::string_view(phrase).substr(1)));
      auto toks = PhraseTokens(phrase);
      if (toks.empty()) continue;
      // The last word is inflected: "foreign minister" also matches "foreign ministers".
      for (const auto& form : inflector_.NounForms(toks.back())) {
        auto variant = toks;
        variant.back() = exact && form == AsciiLower(toks.back()) ? toks.back() : form;
        agent_index_.Add(variant, id, exact && form == AsciiLower(toks.back()));
      }
    }
  });
}

void Dictionary::LoadVerbs(const std::string& path, Diagnostics* diag) {
  ForEachLine(path, diag, [&](std::string_view line, int, const std::string& where) {
    auto f = TabFields(line);
    if (f.size() < 2) {
      diag->Warn(where, "expected CODE<TAB>pattern, line skipped");
      return;
    }
    if (!IsCameoCode(f[0])) {
      diag->Warn(where, "'" + f[0] + "' is not a CAMEO event code, line skipped");
      return;
    }
    VerbPattern p;
    p.code = f[0];
    p.entry = where;
    std::string pat = f[1];
    if (StartsWith(pat, "n:")) {
      p.is_noun = true;
      pat = std::string(Trim(std::string_view(pat).substr(2)));
    }
    p.text = pat;
    auto toks = PhraseTokens(pat);
    if (toks.empty()) {
      diag->Warn(where, "empty pattern, line skipped");
      return;
    }
    for (size_t i = 2; i < f.size(); ++i) {
      for (auto kv : Split(f[i], ' ')) {
        auto eq = kv.find('=');
        if (eq == std::string_view::npos) continue;
        std::string k(Trim(kv.substr(0, eq))), v(Trim(kv.substr(eq + 1)));
        if (k == "plover")
          p.plover_event = v;
        else if (k == "mode")
          p.plover_mode = v;
        else if (k == "target" && v == "none")
          p.target_none = true;
        else if (k == "target" && v == "optional")
          p.target_optional = true;
        else
          diag->Warn(where, "unknown attribute '" + k + "' ignored");
      }
    }
    if (!cameo_.empty() && !Cameo(p.code))
      diag->Warn(where, "CAMEO code " + p.code + " is not in the code table");
    for (size_t i = 1; i < toks.size(); ++i) p.words.push_back(AsciiLower(toks[i]));
    const auto id = static_cast<uint32_t>(patterns_.size());
    patterns_.push_back(std::move(p));
    const auto forms =
        patterns_.back().is_noun ? inflector_.NounForms(toks[0]) : inflector_.VerbForms(toks[0]);
    for (const auto& form : forms) verb_index_.Add({form}, id, false);
  });
}

void Dictionary::LoadCameo(const std::string& path, Diagnostics* diag) {
  ForEachLine(path, diag, [&](std::string_view line, int, const std::string& where) {
    auto cols = Split(line, '\t');
    if (cols.size() < 4 || !IsCameoCode(Trim(cols[0]))) {
      diag->Warn(where, "expected CODE<TAB>name<TAB>goldstein<TAB>quadclass[...], line skipped");
      return;
    }
    CameoCode c;
    c.code = std::string(Trim(cols[0]));
    c.name = std::string(Trim(cols[1]));
    try {
      c.goldstein = std::stod(std::string(Trim(cols[2])));
      c.quad_class = std::stoi(std::string(Trim(cols[3])));
    } catch (...) {
      diag->Warn(where, "Goldstein value and QuadClass must be numbers, line skipped");
      return;
    }
    if (cols.size() > 4) c.plover_event = std::string(Trim(cols[4]));
    if (cols.size() > 5) c.plover_mode = std::string(Trim(cols[5]));
    cameo_[c.code] = c;
  });
}

void Dictionary::LoadForms(const std::string& path, Diagnostics* diag) {
  ForEachLine(path, diag, [&](std::string_view line, int, const std::string& where) {
    auto cols = Split(line, '\t');
    std::vector<std::string> forms;
    for (auto c : cols) forms.emplace_back(Trim(c));
    while (!forms.empty() && forms.back().empty()) forms.pop_back();
    if (forms.size() < 2) {
      diag->Warn(where, "expected base<TAB>past<TAB>participle, line skipped");
      return;
    }
    inflector_.AddIrregular(forms);
  });
}

const CameoCode* Dictionary::Cameo(const std::string& code) const {
  auto it = cameo_.find(code);
  if (it != cameo_.end()) return &it->second;
  if (code.size() == 4) return Cameo(code.substr(0, 3));
  if (code.size() == 3 && code.substr(0, 2) != code) {
    it = cameo_.find(code.substr(0, 2));
    if (it != cameo_.end()) return &it->second;
  }
  return nullptr;
}

}  // namespace dyad
