#include "nlp/lemmatizer.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <span>
#include <unordered_map>

namespace dyad::nlp {

namespace {

constexpr std::string_view kMagic = "dyad lemmatizer model v1\n";
constexpr int kNoun = 0, kVerb = 1, kAdj = 2, kAdv = 3;
constexpr size_t kMaxSuffix = 6;

// Lower-cases ASCII and Latin-1 capitals, keeping byte lengths (so rules apply either way).
std::string Lower(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 32);
      ++i;
    }
  }
  return out;
}

bool HasUpper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

uint64_t ExactKey(std::string_view form, std::string_view xpos) {
  return Feature(1, HashString(form), HashString(xpos));
}
uint64_t LowerKey(std::string_view lower, std::string_view xpos) {
  return Feature(2, HashString(lower), HashString(xpos));
}
uint64_t SuffixKey(std::string_view suffix, std::string_view xpos) {
  return Feature(3 + suffix.size(), HashString(suffix), HashString(xpos));
}
uint64_t ExceptionKey(int pos, std::string_view lower) {
  return Feature(20 + pos, HashString(lower));
}

// The WordNet part of speech whose inflections an XPOS tag marks, or -1.
int InflectedPos(std::string_view xpos) {
  if (xpos == "NNS") return kNoun;
  if (xpos == "VBD" || xpos == "VBN" || xpos == "VBG" || xpos == "VBZ") return kVerb;
  if (xpos == "JJR" || xpos == "JJS") return kAdj;
  if (xpos == "RBR" || xpos == "RBS") return kAdv;
  return -1;
}

// WordNet's "morphy" detachment rules per part of speech.
struct Detach {
  std::string_view suffix, ending;
};
constexpr Detach kNounRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                                 {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
constexpr Detach kVerbRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                                 {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
constexpr Detach kAdjRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

std::span<const Detach> RulesFor(int pos) {
  if (pos == kNoun) return kNounRules;
  if (pos == kVerb) return kVerbRules;
  if (pos == kAdj || pos == kAdv) return kAdjRules;
  return {};
}

bool IsConsonant(char c) {
  return c >= 'a' && c <= 'z' && c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u';
}

// "1,200" -> "1200": digit-group commas are not part of a number's lemma.
bool IsGroupedNumber(std::string_view s) {
  bool digit = false, comma = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9')
      digit = true;
    else if (s[i] == ',' && i > 0 && i + 3 < s.size() + 0 && s[i - 1] >= '0' && s[i - 1] <= '9' &&
             s[i + 1] >= '0' && s[i + 1] <= '9')
      comma = true;
    else if (s[i] != '.' && s[i] != ',')
      return false;
  }
  return digit && comma;
}

}  // namespace

std::string Lemmatizer::Apply(std::string_view form, uint32_t rule) const {
  const Rule& r = rules_[rule];
  const size_t keep = r.strip <= form.size() ? form.size() - r.strip : 0;
  std::string out(form.substr(0, keep));
  out += r.append;
  return out;
}

bool Lemmatizer::InWordNet(int pos, std::string_view lemma) const {
  const auto& v = wordnet_[pos];
  return std::binary_search(v.begin(), v.end(), HashString(lemma));
}

std::string Lemmatizer::FromWordNet(int pos, const std::string& lower,
                                    std::string_view xpos) const {
  if (uint32_t r = FindRule(ExceptionKey(pos, lower)); r != 0) return Apply(lower, r);
  for (const Detach& d : RulesFor(pos)) {
    if (lower.size() <= d.suffix.size() + 1 || !lower.ends_with(d.suffix)) continue;
    // Comparatives and superlatives are adjectives' (and adverbs') business only.
    if ((pos == kAdj || pos == kAdv) && !(xpos.ends_with("R") || xpos.ends_with("S"))) continue;
    std::string stem = lower.substr(0, lower.size() - d.suffix.size());
    std::string cand = stem + std::string(d.ending);
    if (InWordNet(pos, cand)) return cand;
    // Doubled final consonant: "stopped" -> "stop", "bigger" -> "big".
    if (d.ending.empty() && stem.size() >= 3 && stem.back() == stem[stem.size() - 2] &&
        IsConsonant(stem.back())) {
      stem.pop_back();
      if (InWordNet(pos, stem)) return stem;
    }
  }
  return "";
}

std::string Lemmatizer::Lemma(std::string_view form, std::string_view upos,
                              std::string_view xpos) const {
  if (form.empty()) return "";
  if (uint32_t r = FindRule(ExactKey(form, xpos)); r != 0) return Apply(form, r);
  const std::string lower = Lower(form);
  const bool keep_case =
      std::find(keep_case_tags_.begin(), keep_case_tags_.end(), xpos) != keep_case_tags_.end();
  if (uint32_t r = FindRule(LowerKey(lower, xpos)); r != 0)
    return keep_case ? Apply(form, r) : Apply(lower, r);
  if (xpos == "CD" && IsGroupedNumber(form)) {
    std::string out;
    for (char c : form)
      if (c != ',') out.push_back(c);
    return out;
  }
  if (keep_case) {
    if (xpos == "NNPS") {  // "Americans" -> "American" when WordNet knows the singular
      const std::string sing = FromWordNet(kNoun, lower, "NNS");
      if (!sing.empty() && sing.size() < form.size() && lower.compare(0, sing.size(), sing) == 0)
        return std::string(form.substr(0, sing.size()));
    }
    return std::string(form);
  }
  if (const int pos = InflectedPos(xpos); pos >= 0) {
    std::string wn = FromWordNet(pos, lower, xpos);
    if (!wn.empty()) return wn;
  }
  for (size_t k = std::min(kMaxSuffix, lower.size()); k >= 1; --k) {
    const uint32_t r = FindRule(SuffixKey(std::string_view(lower).substr(lower.size() - k), xpos));
    if (r != 0) return Apply(lower, r);
  }
  (void)upos;
  return lower;
}

double Lemmatizer::Evaluate(const std::vector<ConlluSentence>& gold) const {
  size_t n = 0, ok = 0;
  for (const auto& s : gold)
    for (const auto& w : s.words) {
      if (w.lemma == "_") continue;
      ++n;
      ok += Lemma(w.form, w.upos, w.xpos) == w.lemma;
    }
  return n ? static_cast<double>(ok) / n : 0;
}

size_t Lemmatizer::bytes() const {
  size_t b = rules_by_key_.bytes();
  for (const auto& v : wordnet_) b += v.size() * 8;
  for (const auto& r : rules_) b += r.append.size() + 8;
  return b;
}

std::unique_ptr<Lemmatizer> Lemmatizer::Load(const std::string& path, std::string* error) {
  ModelReader r;
  if (!r.Open(path, kMagic, error)) return nullptr;
  std::unique_ptr<Lemmatizer> l(new Lemmatizer);
  const std::vector<uint32_t> strip = r.Array<uint32_t>();
  const std::vector<std::string> append = r.StrList();
  bool ok = r.ok() && strip.size() == append.size() && !strip.empty();
  for (size_t i = 0; ok && i < strip.size(); ++i) l->rules_.push_back({strip[i], append[i]});
  ok = ok && l->rules_by_key_.Load(&r);
  l->keep_case_tags_ = r.StrList();
  for (auto& v : l->wordnet_) v = r.Array<uint64_t>();
  if (!ok || !r.ok() || !r.at_end()) {
    *error = path + ": corrupt lemmatizer model";
    return nullptr;
  }
  return l;
}

bool Lemmatizer::Save(const std::string& path, std::string* error) const {
  ModelWriter w;
  std::vector<uint32_t> strip;
  std::vector<std::string> append;
  for (const auto& r : rules_) {
    strip.push_back(r.strip);
    append.push_back(r.append);
  }
  w.Array(strip);
  w.StrList(append);
  rules_by_key_.Save(&w);
  w.StrList(keep_case_tags_);
  for (const auto& v : wordnet_) w.Array(v);
  return w.WriteFile(path, kMagic, error);
}

std::unique_ptr<Lemmatizer> Lemmatizer::Train(const std::vector<ConlluSentence>& train,
                                              const LemmatizerOptions& options, std::ostream* log,
                                              std::string* error) {
  std::unique_ptr<Lemmatizer> l(new Lemmatizer);
  l->rules_.push_back({0, ""});
  std::map<std::pair<uint32_t, std::string>, uint32_t> rule_id;
  auto rule_of = [&](std::string_view form, std::string_view lemma) {
    size_t p = 0;
    while (p < form.size() && p < lemma.size() && form[p] == lemma[p]) ++p;
    const uint32_t strip = static_cast<uint32_t>(form.size() - p);
    std::string append(lemma.substr(p));
    auto [it, added] = rule_id.try_emplace({strip, append}, 0);
    if (added) {
      it->second = static_cast<uint32_t>(l->rules_.size());
      l->rules_.push_back({strip, append});
    }
    return it->second;
  };

  // Which tags keep the case of the form (proper nouns do; "The" -> "the" does not), by
  // word types whose form has capitals and whose lemma differs at most in case.
  std::map<std::string, std::pair<size_t, size_t>> case_votes;  // xpos -> (same, lowered)
  std::set<std::pair<std::string, std::string>> seen_types;
  for (const auto& s : train)
    for (const auto& w : s.words) {
      if (!HasUpper(w.form) || Lower(w.lemma) != Lower(w.form)) continue;
      if (!seen_types.insert({w.form, w.xpos}).second) continue;
      if (w.lemma == w.form)
        ++case_votes[w.xpos].first;
      else if (w.lemma == Lower(w.form))
        ++case_votes[w.xpos].second;
    }
  for (auto& [xpos, v] : case_votes)
    if (v.first > v.second) l->keep_case_tags_.push_back(xpos);
  for (const char* proper : {"NNP", "NNPS"})  // proper nouns keep their case in any treebank
    if (std::find(l->keep_case_tags_.begin(), l->keep_case_tags_.end(), proper) ==
        l->keep_case_tags_.end())
      l->keep_case_tags_.push_back(proper);
  auto keeps_case = [&](const std::string& xpos) {
    return std::find(l->keep_case_tags_.begin(), l->keep_case_tags_.end(), xpos) !=
           l->keep_case_tags_.end();
  };

  // Lexicons: the most frequent lemma of each (form, xpos) and (lower-cased form, xpos).
  std::unordered_map<uint64_t, std::map<uint32_t, size_t>> votes;
  std::map<std::pair<std::string, std::string>, std::map<std::string, size_t>> lower_types;
  for (const auto& s : train)
    for (const auto& w : s.words) {
      if (w.lemma == "_" || w.lemma.empty()) continue;
      ++votes[ExactKey(w.form, w.xpos)][rule_of(w.form, w.lemma)];
      const std::string lower = Lower(w.form);
      const std::string lemma = keeps_case(w.xpos) ? Lower(w.lemma) : w.lemma;
      ++votes[LowerKey(lower, w.xpos)][rule_of(lower, lemma)];
      ++lower_types[{lower, w.xpos}][lemma];
    }
  // Suffix rules, from word types (not tokens) of tags that lower-case their lemmas.
  for (const auto& [key, lemmas] : lower_types) {
    const auto& [lower, xpos] = key;
    if (keeps_case(xpos)) continue;
    const std::string& lemma = std::max_element(lemmas.begin(), lemmas.end(), [](auto& a, auto& b) {
                                 return a.second < b.second;
                               })->first;
    const uint32_t r = rule_of(lower, lemma);
    const uint32_t strip = l->rules_[r].strip;
    for (size_t k = 1; k <= std::min(kMaxSuffix, lower.size()); ++k) {
      if (strip >= k) continue;  // the suffix must cover what the rule strips
      ++votes[SuffixKey(std::string_view(lower).substr(lower.size() - k), xpos)][r];
    }
  }
  std::vector<std::pair<uint64_t, uint32_t>> items;
  for (auto& [key, rules] : votes) {
    auto best = std::max_element(rules.begin(), rules.end(),
                                 [](auto& a, auto& b) { return a.second < b.second; });
    items.emplace_back(key, best->first);
  }

  // WordNet: lemma index and exception lists.
  size_t wordnet_words = 0;
  if (!options.wordnet_dir.empty()) {
    const char* names[4] = {"noun", "verb", "adj", "adv"};
    for (int pos = 0; pos < 4; ++pos) {
      std::ifstream index(options.wordnet_dir + "/index." + names[pos]);
      if (!index) {
        *error = "cannot read WordNet index " + options.wordnet_dir + "/index." + names[pos] +
                 " (install Debian's wordnet-base, or pass --wordnet DIR)";
        return nullptr;
      }
      std::string line;
      while (std::getline(index, line)) {
        if (line.empty() || line[0] == ' ') continue;
        const std::string lemma = line.substr(0, line.find(' '));
        if (lemma.find('_') != std::string::npos) continue;
        l->wordnet_[pos].push_back(HashString(lemma));
      }
      std::sort(l->wordnet_[pos].begin(), l->wordnet_[pos].end());
      l->wordnet_[pos].erase(std::unique(l->wordnet_[pos].begin(), l->wordnet_[pos].end()),
                             l->wordnet_[pos].end());
      wordnet_words += l->wordnet_[pos].size();
      std::ifstream exc(options.wordnet_dir + "/" + names[pos] + ".exc");
      while (std::getline(exc, line)) {
        const size_t sp = line.find(' ');
        if (sp == std::string::npos) continue;
        const std::string form = line.substr(0, sp);
        std::string lemma = line.substr(sp + 1);
        lemma = lemma.substr(0, lemma.find(' '));
        if (form.find('_') != std::string::npos || lemma.find('_') != std::string::npos) continue;
        items.emplace_back(ExceptionKey(pos, form), rule_of(form, lemma));
      }
    }
  }
  std::sort(items.begin(), items.end());
  items.erase(
      std::unique(items.begin(), items.end(), [](auto& a, auto& b) { return a.first == b.first; }),
      items.end());
  l->rules_by_key_ = KeyMap(items);
  if (log) {
    *log << "lemmatizer: " << l->rules_.size() << " rules, " << items.size() << " keys, "
         << wordnet_words << " WordNet lemmas; keeps case for";
    for (auto& t : l->keep_case_tags_) *log << " " << t;
    *log << "\n";
  }
  return l;
}

}  // namespace dyad::nlp
