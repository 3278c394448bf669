#include "dict/dictionary.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/strings.h"
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
    if (!(std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c))))
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

std::unique_ptr<Dictionary> Dictionary::Load(const std::vector<std::string>& dirs,
                                             Diagnostics* diag) {
  auto dict = std::unique_ptr<Dictionary>(new Dictionary());
  std::vector<std::string> files;
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (fs::is_regular_file(dir, ec)) {
      files.push_back(dir);
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
    files.insert(files.end(), here.begin(), here.end());
  }
  // Forms first (verbs need them), the CAMEO table before verbs (for checks), then the rest.
  auto rank = [](const std::string& f) {
    if (EndsWith(f, ".forms")) return 0;
    if (EndsWith(f, ".cameo")) return 1;
    return 2;
  };
  std::stable_sort(files.begin(), files.end(),
                   [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
  for (const auto& f : files) dict->LoadFile(f, diag);
  return dict;
}

void Dictionary::LoadFile(const std::string& path, Diagnostics* diag) {
  if (EndsWith(path, ".actors")) LoadActors(path, diag);
  else if (EndsWith(path, ".agents")) LoadAgents(path, diag);
  else if (EndsWith(path, ".verbs")) LoadVerbs(path, diag);
  else if (EndsWith(path, ".cameo")) LoadCameo(path, diag);
  else if (EndsWith(path, ".forms")) LoadForms(path, diag);
  // Other files (README, FORMAT.md, sources) are not dictionaries.
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
      if (kind == "name" || kind == "adj" || kind == "capital" || kind == "city" ||
          kind == "org" || kind == "person") {
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
        if (k == "plover") p.plover_event = v;
        else if (k == "mode") p.plover_mode = v;
        else if (k == "target" && v == "none") p.target_none = true;
        else if (k == "target" && v == "optional") p.target_optional = true;
        else diag->Warn(where, "unknown attribute '" + k + "' ignored");
      }
    }
    if (!cameo_.empty() && !Cameo(p.code))
      diag->Warn(where, "CAMEO code " + p.code + " is not in the code table");
    for (size_t i = 1; i < toks.size(); ++i) p.words.push_back(AsciiLower(toks[i]));
    const auto id = static_cast<uint32_t>(patterns_.size());
    patterns_.push_back(std::move(p));
    const auto forms = patterns_.back().is_noun ? inflector_.NounForms(toks[0])
                                                : inflector_.VerbForms(toks[0]);
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
