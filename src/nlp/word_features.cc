#include "nlp/word_features.h"

#include "nlp/linear_model.h"
#include "text/tokenizer.h"

namespace dyad::nlp {

std::string LowerForm(std::string_view form) {
  return Tokenizer::Normalize(form);
}

std::string WordShape(std::string_view form) {
  std::string s;
  char last = 0;
  int run = 0;
  for (size_t i = 0; i < form.size(); ++i) {
    const auto c = static_cast<unsigned char>(form[i]);
    char k;
    if (c >= 'A' && c <= 'Z')
      k = 'X';
    else if (c >= 'a' && c <= 'z')
      k = 'x';
    else if (c >= '0' && c <= '9')
      k = 'd';
    else if (c >= 0xC0)
      k = 'u';  // lead byte of a non-ASCII character
    else if (c >= 0x80)
      continue;  // continuation byte
    else
      k = static_cast<char>(c);
    if (k == last) {
      if (++run > 2) continue;
    } else {
      last = k;
      run = 1;
    }
    s.push_back(k);
  }
  return s;
}

namespace {

uint8_t AuxKind(std::string_view w) {
  // `w` is LowerForm's: typographic apostrophes are plain already.
  static constexpr std::string_view kBe[] = {"be",   "is",    "are", "was", "were",
                                             "been", "being", "am",  "'re", "'m"};
  static constexpr std::string_view kHave[] = {"have", "has", "had", "having", "'ve", "'d"};
  static constexpr std::string_view kGet[] = {"get", "gets", "got", "gotten", "getting"};
  if (w.size() > 7) return 0;
  for (auto f : kBe)
    if (w == f) return 1;
  for (auto f : kHave)
    if (w == f) return 2;
  for (auto f : kGet)
    if (w == f) return 3;
  return 0;
}

}  // namespace

void WordInfo::Describe(std::string_view form) {
  const std::string low = LowerForm(form);
  raw = HashString(form);
  lower = HashString(low);
  shape = HashString(WordShape(form));
  const std::string_view l(low);
  for (size_t k = 1; k <= 4; ++k)
    suf[k - 1] = Fmix(HashString(l.size() > k ? l.substr(l.size() - k) : l) + k);
  for (size_t k = 1; k <= 3; ++k) pre[k - 1] = Fmix(HashString(l.substr(0, k)) + 7 * k);
  const size_t h = l.rfind('-');
  hyphen_last = (h != std::string_view::npos && h > 0 && h + 1 < l.size())
                    ? Fmix(HashString(l.substr(h + 1)) + 99)
                    : 0;
  amb = 0;
  cluster = 0;
  aux = AuxKind(l);
}

const WordInfo& WordInfo::Start() {
  static const WordInfo w = [] {
    WordInfo x;
    x.Describe("<s>");
    x.amb = 0x5A5A;
    x.cluster = 0xFFFF0001;
    return x;
  }();
  return w;
}

const WordInfo& WordInfo::End() {
  static const WordInfo w = [] {
    WordInfo x;
    x.Describe("</s>");
    x.amb = 0xA5A5;
    x.cluster = 0xFFFE0002;
    return x;
  }();
  return w;
}

}  // namespace dyad::nlp
