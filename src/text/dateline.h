// Dateline: finds the place-and-date line that opens a news story ("WASHINGTON (AP) —",
// "PARIS, Aug 31 (Reuters) -", "JAKARTA, Dec 9 —"), which is no part of the first clause.
#pragma once

#include <cstdint>

#include "core/document.h"

namespace dyad {

// When a dateline starts at token `first` (a place in capitals, then dates, numbers and an
// agency in parentheses, up to a dash), the token after its dash; otherwise `first`. Looks no
// further than `end` (the sentence's end) and twelve tokens.
uint32_t DatelineEnd(const Document& doc, uint32_t first, uint32_t end);

}  // namespace dyad
