// Readers for the PETRARCH/Phoenix dictionary files (verbs with synsets and verb blocks,
// actors with date restrictions, agents, discards, issues); the actor and agent readers also
// read TABARI's .actors and .agents. Each adds what it reads to a Dictionary and reports a
// bad line to Diagnostics as file:line with the reason, then goes on with the next line.
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "dict/dictionary.h"

namespace dyad {

// A CAMEO.*.txt / *verbs*.txt file: "&SYNSET" sets of "+phrase" lines, verb blocks opened by
// "--- NAME [CODE] ---" holding verbs ("WORD {IRREGULAR FORMS} [CODE]", multi-word verbs
// with '+' on the head: "WIRE_+TAP") and patterns ("- words * words [CODE]").
void ReadPetrarchVerbs(const std::string& path, Dictionary* dict, Diagnostics* diag);

// An actors file: "PHRASE [CODE]" lines, "+SYNONYM" lines and tab-indented date
// restrictions "[CODE <YYMMDD]", "[CODE >YYMMDD]", "[CODE YYMMDD-YYMMDD]".
void ReadPeerActors(const std::string& path, DictFormat format, Dictionary* dict,
                    Diagnostics* diag);

// An agents file: "PHRASE {PLURAL} [~SECTOR]" (suffix) or "[SECTOR~]" (prefix), with
// "!MARK! = A, B" substitution sets used as "CONGRESS!PERSON!".
void ReadPeerAgents(const std::string& path, DictFormat format, Dictionary* dict,
                    Diagnostics* diag);

// A discards file: one phrase a line; "+PHRASE" discards the whole story.
void ReadDiscards(const std::string& path, Dictionary* dict, Diagnostics* diag);

// An issues file: "phrase [CODE]" with n:/v: expansions and '+' (space or hyphen);
// "~phrase" / "~~phrase" cancel the issues of a sentence / story.
void ReadIssues(const std::string& path, Dictionary* dict, Diagnostics* diag);

}  // namespace dyad
