// Petrarch2Codes: PETRARCH2's "verb interaction" reading of CAMEO codes, by which a verb
// that governs another ("pledged to expel", "asked Gondor to help") and the verb it governs
// combine into one event code, and by which the transformation rules at the end of a
// CAMEO.2.0 verb dictionary ("~ a (b . ATTACK) SAY = a b 112") are matched.
//
// PETRARCH2 maps each CAMEO code to a 16-bit value of four hex digits (its documentation
// in utilities.convert_code): the first names a speech act or stance (1 say, 2 appeal,
// 3 intend, 4 demand, 5 protest, 6 threaten, 7 disapprove, 8 posture, 9 coerce,
// A investigate, B consult), the others what it is about (reduce or yield, meet, aid,
// expel, cooperation, assault, fight ...). "Intend" + "provide aid" is then "intend to
// provide aid" (0x3000 + 0x0040 = 0x3040 = CAMEO 033). A rejection is the value minus
// 0xFFFF.
#pragma once

#include <string>

namespace dyad {

// The value of a CAMEO code ("033" -> 0x3040); a code not in the table falls back to its
// root ("0357" -> "035"'s, "204" -> "200"'s); 0 for "---", "" or an unknown root.
int Petrarch2Value(const std::string& cameo);

// The CAMEO code of a value, or "" when no code has it (the combined event then codes
// nothing, as in PETRARCH2). Where several codes share a value the first in CAMEO order
// is taken; 0x30A0 ("want to attack") reads as 138.
std::string Petrarch2Cameo(int value);

// Combines the code of a governing verb with that of the verb it governs
// (utilities.combine_code): a governed rejection adds to the governing value, and so does
// a governing one ("refused to help" is 121, where PETRARCH2's function would keep "help");
// two stance values give the governed one, except under a threat, which stays a threat
// ("threatened to ban" is 130, not PETRARCH2's 172); a governed value at least as high
// wins; else the two add.
int Petrarch2Combine(int upper, int lower);

// True when `rule` (a value of a transformation rule) matches `value`: equal, or equal once
// its last one, two or three hex digits are cleared (0x1000 matches every "say" value).
bool Petrarch2Matches(int value, int rule);

}  // namespace dyad
