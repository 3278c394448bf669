#include "dict/petrarch_reader.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>

#include "core/strings.h"
#include "dict/peer_syntax.h"
#include "dict/petrarch2_codes.h"

namespace dyad {

namespace {

// Words of a synset member or a phrase: split at spaces and '_'; "&NAME" references kept.
std::vector<std::string> MemberWords(std::string_view text) {
  std::vector<std::string> out;
  std::string w;
  auto flush = [&]() {
    if (w.empty()) return;
    if (w[0] == '&')
      out.push_back(AsciiUpper(w));
    else
      for (auto& t : peer::WordTokens(w)) out.push_back(t);
    w.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '_' || c == '\t')
      flush();
    else
      w += c;
  }
  flush();
  return out;
}

// A verb as written: "+BREAK_DOWN", "WIRE_+TAP", "LASH OUT", "RESTORE": the head word and
// the words fixed before and after it.
struct VerbWords {
  std::vector<std::string> pre, head, post;
};

VerbWords SplitVerb(std::string_view text) {
  VerbWords v;
  std::vector<std::string> words;
  int head = -1;
  std::string w;
  auto flush = [&]() {
    if (w.empty()) return;
    if (w[0] == '+') {
      head = static_cast<int>(words.size());
      w.erase(0, 1);
    }
    if (!w.empty()) words.push_back(w);
    w.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '_' || c == '\t')
      flush();
    else
      w += c;
  }
  flush();
  if (words.empty()) return v;
  if (head < 0 || head >= static_cast<int>(words.size())) head = 0;
  for (int i = 0; i < static_cast<int>(words.size()); ++i) {
    auto toks = peer::WordTokens(words[i]);
    auto& dst = i < head ? v.pre : i == head ? v.head : v.post;
    dst.insert(dst.end(), toks.begin(), toks.end());
  }
  return v;
}

// Words fixed around a verb's head, as slot tokens in matching order (nearest first).
std::vector<SlotToken> FixedWords(const std::vector<std::string>& words, bool reversed) {
  std::vector<SlotToken> out;
  for (const auto& w : words) {
    SlotToken t;
    t.text = w;
    t.adjacent = true;
    out.push_back(t);
  }
  if (reversed) std::reverse(out.begin(), out.end());
  return out;
}

// PETRARCH's regular verb forms (S, ED or D, ING) and English ones from the inflector.
std::vector<std::string> RegularForms(const std::string& base, const Inflector& inflector) {
  std::vector<std::string> out{base, base + "s"};
  if (!base.empty() && base.back() == 'e') {
    out.push_back(base + "d");
    out.push_back(base.substr(0, base.size() - 1) + "ing");
  } else {
    out.push_back(base + "ed");
    out.push_back(base + "ing");
  }
  for (const auto& f : inflector.VerbForms(base)) out.push_back(f);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool IsAllCaps(std::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) letter = true;
  }
  return letter;
}

}  // namespace

void ReadPetrarchVerbs(const std::string& path, Dictionary* dict, Diagnostics* diag) {
  if (dict->foreign_format() == DictFormat::kDyad) dict->set_foreign_format(DictFormat::kPetrarch);
  int block = -1;
  bool in_synset = false;
  std::string synset_name;
  bool synset_plurals = true;
  std::vector<std::vector<SlotToken>> synset_phrases;
  struct Pending {
    VerbPattern pattern;
    uint32_t block;
  };
  std::vector<Pending> pending;
  struct PendingTransform {
    std::vector<std::string> lhs, rhs;  // "a a b ATTACK SAY", "a b 015"
    std::string entry;
  };
  std::vector<PendingTransform> transforms;

  auto end_synset = [&]() {
    if (!in_synset) return;
    dict->AddSynset(synset_name, std::move(synset_phrases));
    synset_phrases.clear();
    in_synset = false;
  };
  peer::ForEachLine(
      path, DictFormat::kPetrarch, diag, [&](std::string_view line, const std::string& where) {
        std::string_view t = Trim(line);
        if (in_synset && t[0] == '+') {
          std::string member(Trim(t.substr(1)));
          const bool no_plural = !synset_plurals || (!member.empty() && member.back() == '_');
          std::string error;
          if (!peer::ReadSynsetMember(member, DictFormat::kPetrarch, !no_plural, dict->inflector(),
                                      &synset_phrases, &error))
            diag->Warn(where, error + ", line skipped");
          return;
        }
        end_synset();
        if (StartsWith(t, "---")) {
          std::string_view inner = Trim(t.substr(3));
          if (EndsWith(inner, "---") && !EndsWith(inner, "[---"))
            inner = inner.substr(0, inner.size() - 3);
          std::vector<peer::CodeSpec> specs;
          std::string name, error;
          if (!peer::ParseCodeBlocks(inner, &specs, &name, &error)) {
            diag->Warn(where, "verb block header: " + error + "; block has no code");
            specs.clear();
          }
          VerbBlock b;
          b.format = DictFormat::kPetrarch;
          b.entry = where;
          if (specs.empty())
            b.code = "---";
          else
            peer::SplitPairedCode(specs[0].code, &b.code, &b.code2);
          block = static_cast<int>(dict->AddVerbBlock(std::move(b)));
          return;
        }
        if (t[0] == '-') {
          if (block < 0) {
            diag->Warn(where,
                       "pattern before any verb block ('--- NAME [CODE] ---'), line skipped");
            return;
          }
          VerbPattern p;
          p.format = DictFormat::kPetrarch;
          p.entry = where;
          std::string error;
          if (!peer::ReadPatternLine(t, DictFormat::kPetrarch, &p, &error)) {
            diag->Warn(where, error + ", line skipped");
            return;
          }
          pending.push_back({std::move(p), static_cast<uint32_t>(block)});
          return;
        }
        if (t[0] == '&') {
          std::string name(t);
          auto sp = name.find_first_of(" \t");
          if (sp != std::string::npos) name.resize(sp);
          synset_plurals = name.back() != '_';
          while (!name.empty() && name.back() == '_') name.pop_back();
          if (name.size() < 2) {
            diag->Warn(where, "synset without a name, line skipped");
            return;
          }
          synset_name = AsciiUpper(name);
          in_synset = true;
          return;
        }
        if (t[0] == '~') {  // PETRARCH2 verb transformation rule: ~ a (a b ATTACK) SAY = a b 015
          std::string text(t.substr(1));
          for (char& c : text)
            if (c == '(' || c == ')') c = ' ';
          const auto eq = text.find('=');
          PendingTransform pt;
          pt.entry = where;
          auto words = [](std::string_view part, std::vector<std::string>* out) {
            for (auto w : Split(part, ' '))
              if (!Trim(w).empty()) out->emplace_back(Trim(w));
          };
          for (char& c : text)
            if (c == '\t') c = ' ';
          if (eq != std::string::npos) {
            words(std::string_view(text).substr(0, eq), &pt.lhs);
            words(std::string_view(text).substr(eq + 1), &pt.rhs);
          }
          if (pt.lhs.size() != 5 || pt.rhs.size() != 3) {
            diag->Warn(where,
                       "cannot read the transformation (the form is '~ a (b c VERB) VERB = a b "
                       "CODE'), line skipped");
            return;
          }
          transforms.push_back(std::move(pt));
          return;
        }
        if (t[0] == '+' && t.find('_') == std::string_view::npos) {
          diag->Warn(where, "'+' line outside a synset, line skipped");
          return;
        }
        // A verb: NAME {FORMS} [CODE]
        std::string_view rest = t;
        std::string code, code2;
        auto open = rest.find('[');
        if (open != std::string_view::npos) {
          auto close = rest.find(']', open);
          if (close == std::string_view::npos) {
            diag->Warn(where, "'[' without ']', line skipped");
            return;
          }
          peer::SplitPairedCode(rest.substr(open + 1, close - open - 1), &code, &code2);
          rest = rest.substr(0, open);
        }
        std::string_view forms_text;
        bool has_forms = false;
        auto brace = rest.find('{');
        if (brace != std::string_view::npos) {
          auto end = rest.find('}', brace);
          if (end == std::string_view::npos) {
            diag->Warn(where, "'{' without '}', line skipped");
            return;
          }
          forms_text = rest.substr(brace + 1, end - brace - 1);
          has_forms = true;
          rest = rest.substr(0, brace);
        }
        std::string name(Trim(rest));
        if (name.empty() || !IsAllCaps(name)) {
          diag->Warn(where, "cannot read '" + std::string(t) + "' as a verb, line skipped");
          return;
        }
        if (block < 0) {
          VerbBlock b;
          b.code = code.empty() ? "---" : code;
          b.code2 = code2;
          b.entry = where;
          block = static_cast<int>(dict->AddVerbBlock(std::move(b)));
        }
        ForeignVerb base;
        base.text = name;
        base.block = static_cast<uint32_t>(block);
        base.entry = where;
        if (code.empty()) {
          base.code = dict->verb_blocks()[block].code;
          base.code2 = dict->verb_blocks()[block].code2;
        } else {
          base.code = code;
          base.code2 = code2;
        }
        auto add_form = [&](std::string_view written, bool generate) {
          VerbWords v = SplitVerb(written);
          if (v.head.empty()) return;
          ForeignVerb fv = base;
          fv.pre = FixedWords(v.pre, true);
          fv.post = FixedWords(v.post, false);
          std::vector<std::string> forms;
          if (generate && v.head.size() == 1)
            forms = RegularForms(v.head[0], dict->inflector());
          else {
            std::string joined;
            for (const auto& h : v.head) joined += (joined.empty() ? "" : " ") + h;
            forms.push_back(joined);
          }
          dict->AddForeignVerb(std::move(fv), forms, false);
        };
        add_form(name, !has_forms);
        if (has_forms) {
          std::string f;
          for (char c : forms_text) {
            if (c == ' ' || c == '\t') {
              if (!f.empty()) add_form(f, false);
              f.clear();
            } else {
              f += c;
            }
          }
          if (!f.empty()) add_form(f, false);
        }
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
  // Transformation verbs are verbs of the file; the value of a verb's own code (its first
  // definition) is what the rule matches, "Q" any verb.
  auto verb_value = [&](const std::string& word, int* value) {
    for (const auto& fv : dict->foreign_verbs())
      if (fv.text == word) {
        *value = Petrarch2Value(fv.code);
        return true;
      }
    return false;
  };
  for (const auto& pt : transforms) {
    VerbTransform vt;
    vt.entry = pt.entry;
    vt.source = pt.lhs[0];
    vt.inner_source = pt.lhs[1];
    vt.inner_target = pt.lhs[2];
    vt.inner_any = pt.lhs[3] == "Q";
    vt.out_source = pt.rhs[0];
    vt.out_target = pt.rhs[1];
    vt.out_code = pt.rhs[2];
    std::string missing;
    if (!vt.inner_any && !verb_value(pt.lhs[3], &vt.inner_value)) missing = pt.lhs[3];
    if (!verb_value(pt.lhs[4], &vt.outer_value)) missing = pt.lhs[4];
    if (!missing.empty()) {
      diag->Warn(pt.entry,
                 "transformation verb " + missing + " is not a verb of the file, line skipped");
      continue;
    }
    dict->AddVerbTransform(std::move(vt));
  }
}

void ReadPeerActors(const std::string& path, DictFormat format, Dictionary* dict,
                    Diagnostics* diag) {
  const bool tabari = format == DictFormat::kTabari;
  std::vector<Dictionary::Phrase> phrases;
  std::vector<ActorEntry> restricted, defaults;
  bool skipping = false;    // the current entry's primary line was bad
  bool in_section = false;  // TABARI <NOUN>/<ADJECTIVE> lists (parser hints, not actors)
  bool in_nouns = false;
  bool stopped = false;
  auto flush = [&]() {
    if (!phrases.empty()) {
      std::vector<ActorEntry> codes = restricted;
      codes.insert(codes.end(), defaults.begin(), defaults.end());
      dict->AddActorPhrases(codes, phrases);
    }
    phrases.clear();
    restricted.clear();
    defaults.clear();
  };
  // TABARI: a word that must end ('_') still takes the plural ("LIBYA_" matches "Libyas").
  // PETRARCH: the regular plural of the last word too, as a nationality noun's plural names
  // the people ("ALBANIAN_" [ALB]: "ethnic Albanians"); not for a word ending in "s" (the
  // plural of "US" is no "uses"), nor for one with other characters than letters.
  auto add_phrase = [&](Dictionary::Phrase p, bool exact) {
    if (tabari && !exact && !p.stems.empty() && !p.stems.back()) {
      auto plural = p;
      plural.words.back() += p.words.back().back() == 's' ? "es" : "s";
      phrases.push_back(std::move(plural));
    } else if (!tabari && !p.words.empty() && p.words.back().size() > 2 &&
               std::all_of(p.words.back().begin(), p.words.back().end(),
                           [](unsigned char c) { return std::isalpha(c) != 0; }) &&
               std::tolower(static_cast<unsigned char>(p.words.back().back())) != 's') {
      const auto forms = dict->inflector().NounForms(p.words.back());
      for (size_t k = 1; k < forms.size(); ++k) {
        auto plural = p;
        plural.words.back() = forms[k];
        phrases.push_back(std::move(plural));
      }
    }
    phrases.push_back(std::move(p));
  };
  auto add_specs = [&](const std::vector<peer::CodeSpec>& specs, const std::string& where) {
    for (const auto& s : specs) {
      ActorEntry e;
      e.code = s.code;
      e.kind = "name";
      e.from = s.from;
      e.to = s.to;
      e.entry = where;
      e.format = format;
      (s.restricted ? restricted : defaults).push_back(e);
    }
  };
  peer::ForEachLine(path, format, diag, [&](std::string_view line, const std::string& where) {
    if (stopped) return;
    std::string_view t = Trim(line);
    if (StartsWith(t, "---STOP---")) {
      stopped = true;
      return;
    }
    if (t[0] == '<') {
      if (StartsWith(t, "</"))
        in_section = false;
      else if (tabari)
        in_section = true;
      in_nouns = tabari && StartsWith(AsciiLower(t), "<noun>");
      return;
    }
    if (in_section) {
      // TABARI's <NOUN> list: words that are never verbs; <ADJECTIVE>: words that may stand
      // between the actors of a compound ("Fornost and the evil Gondor").
      auto p = peer::ParsePhrase(t, false);
      if (p.words.size() == 1) {
        if (in_nouns)
          dict->AddPeerNoun(p.words[0]);
        else
          dict->AddPeerAdjective(p.words[0]);
      }
      return;
    }
    const bool indented = line[0] == ' ' || line[0] == '\t';
    if (t[0] == '[') {
      if (skipping) return;
      if (!indented && phrases.empty()) {
        diag->Warn(where, "code block without an actor phrase, line skipped");
        return;
      }
      std::vector<peer::CodeSpec> specs;
      std::string rest, error;
      if (!peer::ParseCodeBlocks(t, &specs, &rest, &error)) {
        diag->Warn(where, error + ", line skipped");
        return;
      }
      if (phrases.empty()) {
        diag->Warn(where, "date restriction without an actor phrase, line skipped");
        return;
      }
      add_specs(specs, where);
      return;
    }
    if (t[0] == '+') {
      if (skipping) return;
      if (phrases.empty()) {
        diag->Warn(where,
                   "synonym '" + std::string(t) + "' without an actor before it, line skipped");
        return;
      }
      std::vector<peer::CodeSpec> specs;
      std::string rest, error;
      if (!peer::ParseCodeBlocks(t.substr(1), &specs, &rest, &error)) {
        diag->Warn(where, error + ", line skipped");
        return;
      }
      auto p = peer::ParsePhrase(rest, tabari);
      if (p.words.empty()) {
        diag->Warn(where, "empty synonym, line skipped");
        return;
      }
      add_phrase(std::move(p), EndsWith(Trim(rest), "="));
      add_specs(specs, where);
      return;
    }
    std::vector<peer::CodeSpec> specs;
    std::string rest, error;
    if (!peer::ParseCodeBlocks(t, &specs, &rest, &error)) {
      flush();
      skipping = true;
      diag->Warn(where, error + ", actor skipped");
      return;
    }
    auto p = peer::ParsePhrase(rest, tabari);
    if (p.words.empty()) {
      flush();
      skipping = true;
      diag->Warn(where, "actor line without a phrase, actor skipped");
      return;
    }
    skipping = false;
    // A primary phrase without a code right after another one that has none yet shares its
    // codes (the code lines follow both), as PETRARCH reads it.
    if (!(specs.empty() && restricted.empty() && defaults.empty() && !phrases.empty())) flush();
    add_phrase(std::move(p), EndsWith(Trim(rest), "="));
    add_specs(specs, where);
  });
  flush();
}

void ReadPeerAgents(const std::string& path, DictFormat format, Dictionary* dict,
                    Diagnostics* diag) {
  const bool tabari = format == DictFormat::kTabari;
  std::map<std::string, std::vector<std::string>> markers;
  peer::ForEachLine(path, format, diag, [&](std::string_view line, const std::string& where) {
    std::string_view t = Trim(line);
    if (t[0] == '<') return;  // <Combine ...> rules and blocks: not supported
    if (t.find('[') == std::string_view::npos) {
      if (t.find('!') != std::string_view::npos && t.find('=') != std::string_view::npos) {
        auto a = t.find('!');
        auto b = t.find('!', a + 1);
        auto eq = t.find('=', a);
        if (b == std::string_view::npos || eq == std::string_view::npos || eq < b) {
          diag->Warn(where, "substitution set must read !NAME! = A, B, line skipped");
          return;
        }
        auto& list = markers[std::string(t.substr(a + 1, b - a - 1))];
        list.clear();
        for (auto item : Split(t.substr(eq + 1), ','))
          if (!Trim(item).empty()) list.emplace_back(Trim(item));
        return;
      }
      diag->Warn(where, "agent line has no [CODE], line skipped");
      return;
    }
    std::vector<peer::CodeSpec> specs;
    std::string rest, error;
    if (!peer::ParseCodeBlocks(t, &specs, &rest, &error)) {
      diag->Warn(where, error + ", line skipped");
      return;
    }
    if (specs.empty() || specs[0].code.size() < 2) {
      diag->Warn(where, "agent line has no code, line skipped");
      return;
    }
    AgentEntry agent;
    agent.entry = where;
    agent.format = format;
    std::string code = specs[0].code;
    if (code[0] == '~') {
      agent.sector = code.substr(1);
    } else if (code.back() == '~') {
      agent.sector = code.substr(0, code.size() - 1);
      agent.prefix = true;
    } else {
      diag->Warn(where, "agent code '" + code + "' must start (or end) with '~', line skipped");
      return;
    }
    // Plurals: "{PLURAL}", "{}" for none, else the regular plural (PETRARCH only).
    std::string phrase_text = rest, plural_text;
    bool explicit_plural = false;
    auto brace = rest.find('{');
    if (brace != std::string::npos) {
      auto end = rest.find('}', brace);
      if (end == std::string::npos) {
        diag->Warn(where, "'{' without '}', line skipped");
        return;
      }
      plural_text = rest.substr(brace + 1, end - brace - 1);
      phrase_text = rest.substr(0, brace);
      explicit_plural = true;
    }
    std::vector<std::string> texts{std::string(Trim(phrase_text))};
    // Substitution markers: every member replaces the marker, no plurals formed.
    const auto bang = texts[0].find('!');
    if (bang != std::string::npos) {
      auto close = texts[0].find('!', bang + 1);
      if (close == std::string::npos) {
        diag->Warn(where, "substitution marker without its closing '!', line skipped");
        return;
      }
      auto it = markers.find(texts[0].substr(bang + 1, close - bang - 1));
      if (it == markers.end()) {
        diag->Warn(where, "substitution set !" + texts[0].substr(bang + 1, close - bang - 1) +
                              "! is not defined, line skipped");
        return;
      }
      std::vector<std::string> expanded;
      for (const auto& m : it->second)
        expanded.push_back(texts[0].substr(0, bang) + m + texts[0].substr(close + 1));
      texts = expanded;
      explicit_plural = true;
    }
    std::vector<Dictionary::Phrase> phrases;
    for (const auto& text : texts) {
      auto p = peer::ParsePhrase(text, tabari);
      if (p.words.empty()) continue;
      // PETRARCH forms the regular plural; TABARI's stems need none, but a word that must
      // end there ('_') still takes its plural ("SOLDIER_": "soldiers").
      if (!explicit_plural && (!tabari || !p.stems.back())) {
        auto forms = dict->inflector().NounForms(p.words.back());
        for (size_t k = 1; k < forms.size(); ++k) {
          auto q = p;
          q.words.back() = forms[k];
          phrases.push_back(q);
        }
      }
      phrases.push_back(std::move(p));
    }
    if (!Trim(plural_text).empty()) {
      auto p = peer::ParsePhrase(plural_text, tabari);
      if (!p.words.empty()) phrases.push_back(std::move(p));
    }
    if (phrases.empty()) {
      diag->Warn(where, "agent line without a phrase, line skipped");
      return;
    }
    dict->AddAgentPhrases(agent, phrases);
  });
}

void ReadDiscards(const std::string& path, Dictionary* dict, Diagnostics* diag) {
  // A discard list holds phrases; a file of tab-separated columns is some other data.
  {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    int lines = 0, tabbed = 0;
    while (lines < 50 && std::getline(in, line)) {
      if (Trim(line).empty() || Trim(line)[0] == '#') continue;
      ++lines;
      if (line.find('\t') != std::string::npos) ++tabbed;
    }
    if (lines > 0 && tabbed * 2 > lines) {
      diag->Warn(path, "looks like tab-separated data, not a discard list; file skipped");
      return;
    }
  }
  peer::ForEachLine(path, DictFormat::kPetrarch, diag,
                    [&](std::string_view line, const std::string& where) {
                      std::string_view t = Trim(line);
                      Discard d;
                      d.entry = where;
                      if (t[0] == '+') {
                        d.story = true;
                        t = Trim(t.substr(1));
                      }
                      if (t.find('\t') != std::string_view::npos) {
                        diag->Warn(where, "a discard phrase holds no tabs, line skipped");
                        return;
                      }
                      if (!t.empty() && t.back() == '_') d.stem_last = false;
                      d.words = MemberWords(t);
                      if (d.words.empty()) {
                        diag->Warn(where, "empty discard phrase, line skipped");
                        return;
                      }
                      dict->AddDiscard(std::move(d));
                    });
}

void ReadIssues(const std::string& path, Dictionary* dict, Diagnostics* diag) {
  peer::ForEachLine(
      path, DictFormat::kPetrarch, diag, [&](std::string_view line, const std::string& where) {
        std::string_view t = Trim(line);
        if (t[0] == '<') return;  // <ISSUE CATEGORY=...> grouping
        Issue base;
        base.entry = where;
        std::string_view phrase = t;
        if (t[0] == '~') {
          base.ignore = t.size() > 1 && t[1] == '~' ? 2 : 1;
          phrase = Trim(t.substr(base.ignore));
        } else {
          auto open = t.find('[');
          auto close = t.find(']', open == std::string_view::npos ? 0 : open);
          if (open == std::string_view::npos || close == std::string_view::npos) {
            diag->Warn(where, "issue line has no [CODE], line skipped");
            return;
          }
          base.code = std::string(Trim(t.substr(open + 1, close - open - 1)));
          phrase = Trim(t.substr(0, open));
        }
        // Expand n: (noun forms), v: (verb forms) and '+' (space or hyphen).
        std::vector<std::vector<std::string>> variants{{}};
        std::string w;
        auto push = [&](const std::vector<std::string>& alternatives) {
          std::vector<std::vector<std::string>> next;
          for (const auto& v : variants)
            for (const auto& a : alternatives) {
              auto x = v;
              for (auto& tok : MemberWords(a)) x.push_back(tok);
              next.push_back(x);
            }
          variants = next;
        };
        auto flush = [&]() {
          if (w.empty()) return;
          std::vector<std::string> alts;
          std::string word = w;
          w.clear();
          if (StartsWith(AsciiLower(word), "n:")) {
            for (const auto& f : dict->inflector().NounForms(AsciiLower(word.substr(2))))
              alts.push_back(f);
          } else if (StartsWith(AsciiLower(word), "v:")) {
            for (const auto& f : dict->inflector().VerbForms(AsciiLower(word.substr(2))))
              alts.push_back(f);
          } else if (word.find('+') != std::string::npos) {
            std::string a = word, b = word;
            std::replace(a.begin(), a.end(), '+', ' ');
            std::replace(b.begin(), b.end(), '+', '-');
            // "pre+n:school": expand the parts after the joint too.
            for (auto* s : {&a, &b}) {
              auto pos = AsciiLower(*s).find("n:");
              if (pos != std::string::npos) s->erase(pos, 2);
            }
            alts = {a, b};
          } else {
            alts.push_back(word);
          }
          push(alts);
        };
        for (char c : phrase) {
          if (c == ' ' || c == '\t')
            flush();
          else
            w += c;
        }
        flush();
        for (auto& v : variants) {
          if (v.empty()) continue;
          Issue i = base;
          i.words = v;
          dict->AddIssue(std::move(i));
        }
      });
}

}  // namespace dyad
