// Charset: finds the character encoding of a page (byte-order mark, the charset declared by
// HTTP or <meta>, checked against the bytes, else ICU's detector) and converts it to UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace dyad {

// The charset label declared in a Content-Type value ("text/html; charset=ISO-8859-1" ->
// "ISO-8859-1"), or "" when none.
std::string CharsetFromContentType(std::string_view content_type);

// The charset a page declares in its first bytes (<meta charset>, <meta http-equiv
// content-type>, <?xml encoding>), or "".
std::string DeclaredHtmlCharset(std::string_view head);

// Converts `bytes` to UTF-8. `declared` is the charset from outside the bytes (HTTP), "" when
// none; `html` lets <meta> declarations count. A declaration the bytes contradict (a page that
// says ISO-8859-1 but is valid UTF-8, or says UTF-8 but is not) gives way to what the bytes
// show. `used` gets the charset applied; `valid` whether the result is known to be valid
// UTF-8 (invalid sequences that remain are left for RepairUtf8).
std::string DecodeToUtf8(std::string_view bytes, std::string_view declared, bool html,
                         std::string* used = nullptr, bool* valid = nullptr);

// Repairs UTF-8 that was read as windows-1252 or Latin-1 and encoded to UTF-8 again, a
// page's own mojibake: "Ã©" back to "é", "â€™" or "â" U+0080 U+0099 back to "’". Only
// characters that spell out a valid multi-byte sequence count, and a two-byte one only after
// "Â", "Ã", "Ä" or "Å" (U+0080-U+017F: the Latin letters, where such a pair is never a word).
// DecodeToUtf8 applies it. Returns the number of characters repaired.
size_t RepairDoubleEncodedUtf8(std::string& s);

}  // namespace dyad
