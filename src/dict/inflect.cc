#include "dict/inflect.h"

#include <algorithm>

#include "core/strings.h"

namespace dyad {

namespace {
bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

std::string ThirdPerson(const std::string& b) {
  if (EndsWith(b, "s") || EndsWith(b, "x") || EndsWith(b, "z") || EndsWith(b, "ch") ||
      EndsWith(b, "sh") || (EndsWith(b, "o") && b.size() > 1 && !IsVowel(b[b.size() - 2])))
    return b + "es";
  if (b.size() > 1 && b.back() == 'y' && !IsVowel(b[b.size() - 2]))
    return b.substr(0, b.size() - 1) + "ies";
  return b + "s";
}

std::string Past(const std::string& b) {
  if (EndsWith(b, "e")) return b + "d";
  if (b.size() > 1 && b.back() == 'y' && !IsVowel(b[b.size() - 2]))
    return b.substr(0, b.size() - 1) + "ied";
  return b + "ed";
}

std::string Gerund(const std::string& b) {
  if (EndsWith(b, "ie")) return b.substr(0, b.size() - 2) + "ying";
  if (EndsWith(b, "e") && !EndsWith(b, "ee") && !EndsWith(b, "ye") && !EndsWith(b, "oe") &&
      b.size() > 2)
    return b.substr(0, b.size() - 1) + "ing";
  return b + "ing";
}
}  // namespace

void Inflector::AddIrregular(const std::vector<std::string>& forms) {
  if (forms.empty()) return;
  irregular_[AsciiLower(forms[0])] = forms;
}

std::vector<std::string> Inflector::VerbForms(const std::string& base_in) const {
  const std::string base = AsciiLower(base_in);
  std::vector<std::string> out{base, ThirdPerson(base), Past(base), Gerund(base)};
  auto it = irregular_.find(base);
  if (it != irregular_.end()) {
    const auto& f = it->second;
    out = {base};
    // base, past, pp, [3sg, gerund]; missing columns follow the regular rules.
    out.push_back(f.size() > 3 && !f[3].empty() ? AsciiLower(f[3]) : ThirdPerson(base));
    out.push_back(f.size() > 1 ? AsciiLower(f[1]) : Past(base));
    out.push_back(f.size() > 2 ? AsciiLower(f[2]) : Past(base));
    out.push_back(f.size() > 4 && !f[4].empty() ? AsciiLower(f[4]) : Gerund(base));
    // Irregular forms may list variants separated by ';' ("burned;burnt").
    std::vector<std::string> split;
    for (const auto& s : out)
      for (auto v : Split(s, ';'))
        if (!Trim(v).empty()) split.emplace_back(Trim(v));
    out = split;
  }
  std::sort(out.begin() + 1, out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> Inflector::NounForms(const std::string& s) const {
  const std::string w = AsciiLower(s);
  if (w.empty()) return {};
  // Words that are already plural or uncountable keep one form.
  if (EndsWith(w, "ss") || EndsWith(w, "us") || EndsWith(w, "is")) return {w, w + "es"};
  if (EndsWith(w, "s")) return {w};
  if (EndsWith(w, "man")) return {w, w.substr(0, w.size() - 3) + "men"};
  if (EndsWith(w, "x") || EndsWith(w, "ch") || EndsWith(w, "sh") || EndsWith(w, "z"))
    return {w, w + "es"};
  if (w.size() > 1 && w.back() == 'y' && !IsVowel(w[w.size() - 2]))
    return {w, w.substr(0, w.size() - 1) + "ies"};
  return {w, w + "s"};
}

}  // namespace dyad
