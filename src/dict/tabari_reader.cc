#include "dict/tabari_reader.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/strings.h"
#include "dict/peer_syntax.h"

namespace dyad {

namespace {

// TABARI writes flags after some codes ("[031!]", "[025?]"); dyad keeps the code itself.
// The forms a TABARI verb head matches: a stem matches any word starting with it; a word
// ending in '_' matches itself with the regular endings (DEPART_: departs, departed ...);
// one ending in '=' only itself.
std::vector<std::string> HeadForms(const std::string& head, bool stem, bool exact) {
  if (stem || exact) return {head};
  std::vector<std::string> out{head,       head + "s",  head + "es", head + "ed",
                               head + "d", head + "en", head + "ing"};
  if (!head.empty() && head.back() == 'e') out.push_back(head.substr(0, head.size() - 1) + "ing");
  return out;
}

// A verb as written ("ABANDON", "ACT_", "DEATH TOLL RISEN", "CALLED_ON", "BROKEN_DOWN_"):
// its head word and the words that must follow it.
bool SplitTabariVerb(std::string_view text, std::string* head, bool* stem, bool* exact,
                     std::vector<SlotToken>* post, std::string* error) {
  text = Trim(text);
  size_t i = 0;
  while (i < text.size() && text[i] != ' ' && text[i] != '_' && text[i] != '\t') ++i;
  std::string word(text.substr(0, i));
  *stem = !(i < text.size() && text[i] == '_');
  *exact = false;
  while (!word.empty() && (word.back() == '=' || word.back() == '~')) {
    if (word.back() == '=') *stem = false, *exact = true;
    word.pop_back();
  }
  auto toks = peer::WordTokens(word);
  if (toks.empty()) {
    *error = "cannot read the verb '" + std::string(text) + "'";
    return false;
  }
  *head = toks[0];
  post->clear();
  std::string_view rest = text.substr(i);
  if (Trim(rest).empty() || Trim(rest) == "_") return true;
  // The rest reads like the part of a pattern after the verb.
  VerbPattern p;
  std::string body = "*" + std::string(rest);
  if (!peer::ParsePatternBody(body, DictFormat::kTabari, &p, error)) return false;
  *post = p.after;
  return true;
}

}  // namespace

void ReadTabariVerbs(const std::string& path, Dictionary* dict, Diagnostics* diag) {
  if (dict->foreign_format() == DictFormat::kDyad) dict->set_foreign_format(DictFormat::kTabari);
  enum { kVerbs, kSynsets, kTime } section = kVerbs;
  int block = -1;
  ForeignVerb current;
  bool in_synset = false;
  std::string synset_name;
  std::vector<std::vector<SlotToken>> synset_phrases;
  struct Pending {
    VerbPattern pattern;
    uint32_t block;
  };
  std::vector<Pending> pending;
  auto end_synset = [&]() {
    if (!in_synset) return;
    dict->AddSynset(synset_name, std::move(synset_phrases));
    synset_phrases.clear();
    in_synset = false;
  };
  peer::ForEachLine(
      path, DictFormat::kTabari, diag, [&](std::string_view line, const std::string& where) {
        std::string_view t = Trim(line);
        if (t[0] == '<') {
          end_synset();
          const std::string tag = AsciiUpper(t);
          if (StartsWith(tag, "<SYNSETS>"))
            section = kSynsets;
          else if (StartsWith(tag, "<TIME>"))
            section = kTime;
          else if (StartsWith(tag, "</"))
            section = kVerbs;
          return;
        }
        if (section == kTime) {
          // Time shifts are not supported; a time phrase coded ### (discard) or +++ (too
          // complex) still keeps its sentence from being coded.
          if (t[0] == '-') return;
          std::vector<peer::CodeSpec> specs;
          std::string phrase, error;
          if (!peer::ParseCodeBlocks(t, &specs, &phrase, &error) || specs.empty()) return;
          if (specs[0].code == "###" || specs[0].code == "+++") {
            auto p = peer::ParsePhrase(phrase, false);
            Discard d;
            d.words = p.words;
            d.stem_last = false;
            d.entry = where;
            if (!d.words.empty()) dict->AddDiscard(std::move(d));
          }
          return;
        }
        if (t[0] == '&') {
          end_synset();
          std::string name(t);
          auto sp = name.find_first_of(" \t");
          if (sp != std::string::npos) name.resize(sp);
          while (!name.empty() && name.back() == '_') name.pop_back();
          if (name.size() < 2) {
            diag->Warn(where, "synset without a name, line skipped");
            return;
          }
          synset_name = AsciiUpper(name);
          in_synset = true;
          return;
        }
        if (t[0] == '+') {
          if (!in_synset) {
            diag->Warn(where, "'+' line outside a synset, line skipped");
            return;
          }
          std::string member(Trim(t.substr(1)));
          for (auto& c : member)
            if (c == '$') c = ' ';  // "PESO_$": the '$' marks nothing dyad uses
          std::string error;
          if (!peer::ReadSynsetMember(member, DictFormat::kTabari, true, dict->inflector(),
                                      &synset_phrases, &error))
            diag->Warn(where, error + ", line skipped");
          return;
        }
        end_synset();
        if (t[0] == '-') {
          if (block < 0) {
            diag->Warn(where, "pattern before any verb, line skipped");
            return;
          }
          VerbPattern p;
          p.format = DictFormat::kTabari;
          p.entry = where;
          std::string error;
          if (!peer::ReadPatternLine(t, DictFormat::kTabari, &p, &error)) {
            diag->Warn(where, error + ", line skipped");
            return;
          }
          pending.push_back({std::move(p), static_cast<uint32_t>(block)});
          return;
        }
        if (t[0] == '{') {
          if (block < 0) {
            diag->Warn(where, "verb forms before any verb, line skipped");
            return;
          }
          auto close = t.find('}');
          if (close == std::string_view::npos) {
            diag->Warn(where, "'{' without '}', line skipped");
            return;
          }
          std::string f;
          auto add = [&]() {
            if (f.empty()) return;
            std::string head, error;
            bool stem = true, exact = false;
            std::vector<SlotToken> post;
            if (!SplitTabariVerb(f, &head, &stem, &exact, &post, &error)) {
              diag->Warn(where, error + ", form skipped");
            } else {
              ForeignVerb v = current;
              v.text = f;
              v.post = post;
              dict->AddForeignVerb(std::move(v), HeadForms(head, stem, exact), stem);
            }
            f.clear();
          };
          for (char c : t.substr(1, close - 1)) {
            if (c == ' ' || c == '\t')
              add();
            else
              f += c;
          }
          add();
          return;
        }
        // A verb line starts a block: NAME [CODE]
        std::vector<peer::CodeSpec> specs;
        std::string name, error;
        if (!peer::ParseCodeBlocks(t, &specs, &name, &error)) {
          diag->Warn(where, error + ", line skipped");
          return;
        }
        if (specs.empty()) {
          diag->Warn(where, "verb '" + std::string(Trim(name)) + "' has no [CODE], line skipped");
          return;
        }
        ForeignVerb v;
        std::string head;
        bool stem = true, exact = false;
        if (!SplitTabariVerb(name, &head, &stem, &exact, &v.post, &error)) {
          diag->Warn(where, error + ", line skipped");
          return;
        }
        VerbBlock b;
        b.format = DictFormat::kTabari;
        b.entry = where;
        peer::SplitPairedCode(specs[0].code, &b.code, &b.code2);
        v.weak = !b.code.empty() && b.code.back() == '?';
        b.code = peer::WithoutCodeMarkers(b.code);
        b.code2 = peer::WithoutCodeMarkers(b.code2);
        v.text = std::string(Trim(name));
        v.code = b.code;
        v.code2 = b.code2;
        v.entry = where;
        block = static_cast<int>(dict->AddVerbBlock(std::move(b)));
        v.block = static_cast<uint32_t>(block);
        current = v;
        dict->AddForeignVerb(std::move(v), HeadForms(head, stem, exact), stem);
      });
  end_synset();
  for (auto& pp : pending) {
    bool ok = true;
    for (const auto* side : {&pp.pattern.before, &pp.pattern.after})
      for (const auto& tok : *side)
        if (tok.kind == SlotToken::kSynset && !dict->Synset(tok.text)) {
          diag->Warn(pp.pattern.entry, "synset " + tok.text + " is not defined, pattern skipped");
          ok = false;
        }
    if (ok) dict->AddForeignPattern(pp.block, std::move(pp.pattern));
  }
}

bool ApplyTabariOption(std::string_view line, PeerOptions* options, std::string* error) {
  auto colon = line.find(':');
  if (colon == std::string_view::npos) {
    *error = "an option reads KEY: VALUE";
    return false;
  }
  const std::string key = AsciiUpper(Trim(line.substr(0, colon)));
  const std::string value = AsciiUpper(Trim(line.substr(colon + 1)));
  if (key == "COMMA") {
    if (value.find("OFF") != std::string::npos) {
      options->comma_max = options->comma_bmax = options->comma_emax = 0;
      return true;
    }
    // "MIN = 4 MAX = 6 EMIN = 3 ..."
    std::string v = value;
    for (auto& c : v)
      if (c == '=') c = ' ';
    std::vector<std::string> words;
    for (auto w : Split(v, ' '))
      if (!Trim(w).empty()) words.emplace_back(Trim(w));
    for (size_t i = 0; i + 1 < words.size(); i += 2) {
      int n = 0;
      try {
        n = std::stoi(words[i + 1]);
      } catch (...) {
        *error = "COMMA values must be numbers";
        return false;
      }
      const std::string& k = words[i];
      if (k == "MIN")
        options->comma_min = n;
      else if (k == "MAX")
        options->comma_max = n;
      else if (k == "BMIN")
        options->comma_bmin = n;
      else if (k == "BMAX")
        options->comma_bmax = n;
      else if (k == "EMIN")
        options->comma_emin = n;
      else if (k == "EMAX")
        options->comma_emax = n;
      else {
        *error = "unknown COMMA setting '" + k + "'";
        return false;
      }
    }
    return true;
  }
  if (key == "DEFAULT") {
    if (value.find("OFF") != std::string::npos) {
      options->default_source.clear();
      options->default_target.clear();
      return true;
    }
    auto code_after = [&](const std::string& word) -> std::string {
      auto pos = value.find(word);
      if (pos == std::string::npos) return "";
      auto open = value.find('[', pos);
      auto close = value.find(']', open == std::string::npos ? pos : open);
      if (open == std::string::npos || close == std::string::npos) return "";
      return std::string(Trim(std::string_view(value).substr(open + 1, close - open - 1)));
    };
    options->default_source = code_after("SOURCE");
    options->default_target = code_after("TARGET");
    options->default_source_prior = value.find("PRIOR") != std::string::npos;
    options->default_target_after = value.find("AFTER") != std::string::npos;
    return true;
  }
  if (key == "SET") {
    std::string v;
    for (char c : value)
      if (c != ' ') v += c;
    if (StartsWith(v, "CONVERTAGENT="))
      options->convert_agent = v.find("TRUE") != std::string::npos;
    else if (v == "CODEBYCLAUSE")
      options->code_by = PeerOptions::CodeBy::kClause;
    else if (v == "CODEBYSENTENCE")
      options->code_by = PeerOptions::CodeBy::kSentence;
    else if (v == "CODEALL")
      options->code_by = PeerOptions::CodeBy::kAll;
    return true;  // the other SET switches are interface settings
  }
  if (key == "COMPLEX") {
    // "VERBS[5] CONJ[4] ...": the limits; the other words are display settings.
    auto limit = [&](const std::string& word) {
      auto pos = value.find(word + "[");
      if (pos == std::string::npos) return 0;
      return std::atoi(value.c_str() + pos + word.size() + 1);
    };
    options->complex_verbs = limit("VERBS");
    options->complex_conjunctions = limit("CONJ");
    return true;
  }
  if (key == "OUTPUT" || key == "LABEL" || key == "FORWARD")
    return true;  // interface and output settings: nothing for dyad to do
  *error = "unknown option '" + key + "'";
  return false;
}

void ReadTabariOptions(const std::string& path, Dictionary* dict, Diagnostics* diag) {
  peer::ForEachLine(path, DictFormat::kTabari, diag,
                    [&](std::string_view line, const std::string& where) {
                      std::string error;
                      if (!ApplyTabariOption(Trim(line), dict->mutable_peer_options(), &error))
                        diag->Warn(where, error + ", line skipped");
                    });
}

bool ReadTabariProject(const std::string& path, TabariProject* project, Diagnostics* diag) {
  std::ifstream in(path);
  if (!in) {
    diag->Reject(path, "cannot open TABARI project file");
    return false;
  }
  const auto dir = std::filesystem::path(path).parent_path();
  auto resolve = [&](std::string_view name) { return (dir / std::string(Trim(name))).string(); };
  std::string line;
  while (std::getline(in, line)) {
    auto t = Trim(line);
    if (t.empty() || t[0] != '<') continue;
    auto close = t.find('>');
    if (close == std::string_view::npos) continue;
    const std::string key = AsciiLower(Trim(t.substr(1, close - 1)));
    auto value = Trim(t.substr(close + 1));
    if (value.empty()) continue;
    if (key == "actorsfile")
      project->actors = resolve(value);
    else if (key == "verbsfile")
      project->verbs = resolve(value);
    else if (key == "agentsfile")
      project->agents = resolve(value);
    else if (key == "optionsfile")
      project->options = resolve(value);
    else if (key == "textfile")
      project->text = resolve(value);
  }
  return true;
}

}  // namespace dyad
