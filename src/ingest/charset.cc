#include "ingest/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

#include "core/strings.h"
#include "core/utf8.h"

namespace dyad {

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// The value after "charset" in s (quoted or not), "" when none.
std::string CharsetAfter(std::string_view lower_src, std::string_view src) {
  size_t k = lower_src.find("charset");
  while (k != std::string_view::npos) {
    size_t i = k + 7;
    while (i < src.size() && IsSpace(src[i])) ++i;
    if (i < src.size() && src[i] == '=') {
      ++i;
      while (i < src.size() && IsSpace(src[i])) ++i;
      char quote = 0;
      if (i < src.size() && (src[i] == '"' || src[i] == '\'')) quote = src[i++];
      size_t j = i;
      while (j < src.size() && src[j] != quote && src[j] != ';' && src[j] != '>' &&
             !IsSpace(src[j]) && (quote || (src[j] != '"' && src[j] != '\'')) && j - i < 40)
        ++j;
      if (j > i) return std::string(src.substr(i, j - i));
    }
    k = lower_src.find("charset", k + 7);
  }
  return "";
}

// Maps a declared label to the name ICU should open, following the WHATWG Encoding
// Standard where it differs from ICU (latin-1 and ASCII labels mean windows-1252, ...).
std::string NormalizeLabel(std::string_view label) {
  std::string l = AsciiLower(Trim(label));
  if (l.empty()) return "";
  if (l == "utf8" || l == "utf-8" || l == "unicode-1-1-utf-8" || l == "x-unicode20utf8")
    return "UTF-8";
  if (l == "iso-8859-1" || l == "iso8859-1" || l == "latin1" || l == "l1" || l == "ascii" ||
      l == "us-ascii" || l == "iso_8859-1" || l == "cp1252" || l == "x-cp1252" ||
      l == "windows-1252" || l == "cp819" || l == "ibm819" || l == "x-user-defined")
    return "windows-1252";
  if (l == "iso-8859-9" || l == "latin5" || l == "iso8859-9") return "windows-1254";
  if (l == "tis-620" || l == "iso-8859-11") return "windows-874";
  if (l == "gb2312" || l == "gbk" || l == "x-gbk" || l == "gb_2312-80" || l == "chinese")
    return "GB18030";
  if (l == "utf-16" || l == "utf-16le" || l == "utf-16be")
    return "UTF-8";  // cannot be in ASCII bytes
  return std::string(Trim(label));
}

struct Utf8Stats {
  size_t invalid = 0;    // bytes outside valid sequences
  size_t multibyte = 0;  // valid sequences of 2-4 bytes
};

Utf8Stats ScanUtf8(std::string_view s) {
  Utf8Stats st;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    // Skip ASCII 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (c >= 0xF5) len = 0;
    bool ok = len > 0 && i + len <= n;
    for (size_t k = 1; ok && k < len; ++k) ok = (p[i + k] & 0xC0) == 0x80;
    if (ok && len == 3) {
      unsigned char d = p[i + 1];
      if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d >= 0xA0)) ok = false;
    }
    if (ok && len == 4) {
      unsigned char d = p[i + 1];
      if ((c == 0xF0 && d < 0x90) || (c == 0xF4 && d >= 0x90)) ok = false;
    }
    if (ok) {
      ++st.multibyte;
      i += len;
    } else {
      ++st.invalid;
      ++i;
    }
  }
  return st;
}

// ICU's guess for bytes that are not UTF-8, or "" when it has none worth taking.
std::string Detect(std::string_view bytes, bool html) {
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  if (U_FAILURE(err)) return "";
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> guard(det, ucsdet_close);
  const size_t sample = std::min<size_t>(bytes.size(), 64 << 10);
  ucsdet_setText(det, bytes.data(), static_cast<int32_t>(sample), &err);
  ucsdet_enableInputFilter(det, html);  // ignore markup
  const UCharsetMatch* m = ucsdet_detect(det, &err);
  if (U_FAILURE(err) || !m) return "";
  const char* name = ucsdet_getName(m, &err);
  int32_t confidence = ucsdet_getConfidence(m, &err);
  if (U_FAILURE(err) || !name || confidence < 10) return "";
  std::string n = name;
  // ICU reports ISO-8859-1 for what is windows-1252 on the web.
  if (n == "ISO-8859-1") n = "windows-1252";
  if (n == "UTF-8") return "";  // it was not valid UTF-8; the caller repairs instead
  return n;
}

// Converts with ICU; false when the converter cannot be opened.
bool Convert(std::string_view bytes, const std::string& charset, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(charset.c_str(), &err);
  if (U_FAILURE(err) || !cnv) return false;
  std::unique_ptr<UConverter, void (*)(UConverter*)> guard(cnv, ucnv_close);
  out->clear();
  out->reserve(bytes.size() + bytes.size() / 2);
  // Stream through a UTF-16 buffer in pieces, so memory stays proportional to the input.
  std::vector<UChar> u16(1 << 15);
  std::vector<char> u8(u16.size() * 3 + 4);
  const char* src = bytes.data();
  const char* src_end = bytes.data() + bytes.size();
  bool flush = false;
  while (!flush) {
    UChar* t = u16.data();
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv, &t, u16.data() + u16.size(), &src, src_end, nullptr, true, &err);
    flush = err != U_BUFFER_OVERFLOW_ERROR;
    if (U_FAILURE(err) && err != U_BUFFER_OVERFLOW_ERROR) return false;
    int32_t len8 = 0;
    UErrorCode e8 = U_ZERO_ERROR;
    u_strToUTF8WithSub(u8.data(), static_cast<int32_t>(u8.size()), &len8, u16.data(),
                       static_cast<int32_t>(t - u16.data()), 0xFFFD, nullptr, &e8);
    if (U_FAILURE(e8)) return false;
    out->append(u8.data(), static_cast<size_t>(len8));
  }
  return true;
}

// The byte that windows-1252 (or Latin-1, for the C1 controls and the five bytes windows-1252
// leaves undefined) decodes to code point `c`, or -1 when none.
int Windows1252Byte(char32_t c) {
  if (c < 0x100) return static_cast<int>(c);
  static constexpr char32_t k80to9F[32] = {
      0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  for (int b = 0; b < 32; ++b)
    if (k80to9F[b] == c) return 0x80 + b;
  return -1;
}

}  // namespace

size_t RepairDoubleEncodedUtf8(std::string& s) {
  // A lead byte read as windows-1252 is U+00C2-U+00F4 (C3 82 to C3 B4), and what follows it
  // starts C2, C5, C6, CB or E2: pages without that pair are left as they are.
  size_t first = 0;
  for (first = s.find('\xC3'); first != std::string::npos; first = s.find('\xC3', first + 1)) {
    if (first + 2 >= s.size()) return 0;
    auto b1 = static_cast<unsigned char>(s[first + 1]),
         b2 = static_cast<unsigned char>(s[first + 2]);
    if (b1 >= 0x82 && b1 <= 0xB4 &&
        (b2 == 0xC2 || b2 == 0xC5 || b2 == 0xC6 || b2 == 0xCB || b2 == 0xE2))
      break;
  }
  if (first == std::string::npos) return 0;
  std::string out(s, 0, first);
  size_t repaired = 0;
  for (size_t i = first; i < s.size();) {
    size_t start = i;
    char32_t lead = DecodeUtf8(s, i);
    size_t need = lead >= 0xC2 && lead <= 0xC5   ? 1
                  : lead >= 0xE0 && lead <= 0xEF ? 2
                  : lead >= 0xF0 && lead <= 0xF4 ? 3
                                                 : 0;
    if (need > 0) {
      std::string bytes(1, static_cast<char>(lead));
      size_t j = i;
      while (bytes.size() <= need && j < s.size()) {
        char32_t c = DecodeUtf8(s, j);
        int b = Windows1252Byte(c);
        if (b < 0x80 || b > 0xBF) break;
        bytes += static_cast<char>(b);
      }
      size_t k = 0;
      if (bytes.size() == need + 1) DecodeUtf8(bytes, k);
      if (k == bytes.size()) {  // one valid sequence, not overlong
        out += bytes;
        ++repaired;
        i = j;
        continue;
      }
    }
    out.append(s, start, i - start);
  }
  if (repaired > 0) s.swap(out);
  return repaired;
}

std::string CharsetFromContentType(std::string_view content_type) {
  return CharsetAfter(AsciiLower(content_type), content_type);
}

std::string DeclaredHtmlCharset(std::string_view head) {
  head = head.substr(0, 4096);
  std::string lower = AsciiLower(head);
  if (StartsWith(lower, "<?xml")) {
    size_t e = lower.find("?>");
    size_t k = lower.find("encoding");
    if (k != std::string::npos && (e == std::string::npos || k < e)) {
      size_t q = lower.find_first_of("\"'", k);
      if (q != std::string::npos) {
        size_t q2 = lower.find(lower[q], q + 1);
        if (q2 != std::string::npos) return std::string(head.substr(q + 1, q2 - q - 1));
      }
    }
  }
  size_t k = 0;
  while ((k = lower.find("<meta", k)) != std::string::npos) {
    size_t e = lower.find('>', k);
    if (e == std::string::npos) e = lower.size();
    std::string_view tag_lower = std::string_view(lower).substr(k, e - k);
    std::string_view tag = head.substr(k, e - k);
    std::string c = CharsetAfter(tag_lower, tag);
    if (!c.empty()) return c;
    k = e;
  }
  return "";
}

std::string DecodeToUtf8(std::string_view bytes, std::string_view declared, bool html,
                         std::string* used, bool* valid) {
  bool ok = true;  // ICU's output is valid UTF-8; so are ASCII and checked UTF-8
  auto done = [&](std::string name, std::string text) {
    RepairDoubleEncodedUtf8(text);
    if (used) *used = std::move(name);
    if (valid) *valid = ok;
    return text;
  };
  // Byte-order marks win over any declaration.
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    ok = false;
    return done("UTF-8", std::string(bytes.substr(3)));
  }
  if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF")) {
    std::string out;
    if (Convert(bytes, StartsWith(bytes, "\xFF\xFE") ? "UTF-16LE" : "UTF-16BE", &out)) {
      if (StartsWith(out, "\xEF\xBB\xBF")) out.erase(0, 3);
      return done("UTF-16", std::move(out));
    }
  }
  std::string label = NormalizeLabel(declared);
  if (label.empty() && html) label = NormalizeLabel(DeclaredHtmlCharset(bytes));
  Utf8Stats st = ScanUtf8(bytes);
  if (st.invalid == 0 && st.multibyte == 0)
    return done(label.empty() ? "US-ASCII" : label, std::string(bytes));
  // Valid UTF-8 with non-ASCII text is UTF-8, whatever the page says: legacy encodings almost
  // never produce valid multi-byte sequences by accident.
  bool looks_utf8 = st.invalid == 0 || st.invalid * 50 < st.multibyte;
  if (looks_utf8 && (label.empty() || label == "UTF-8" || st.multibyte >= 4 || st.invalid == 0)) {
    ok = st.invalid == 0;
    return done("UTF-8", std::string(bytes));
  }
  if (label.empty() || label == "UTF-8") label = Detect(bytes, html);
  if (label.empty()) label = "windows-1252";
  std::string out;
  if (!Convert(bytes, label, &out)) {
    std::string guess = Detect(bytes, html);
    if (guess.empty() || !Convert(bytes, guess, &out)) {
      label = "windows-1252";
      if (!Convert(bytes, label, &out)) {
        ok = false;
        return done("UTF-8", std::string(bytes));
      }
    } else {
      label = guess;
    }
  }
  return done(label, std::move(out));
}

}  // namespace dyad
