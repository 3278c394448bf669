// Readers for TABARI's own files: .verbs (synsets, verbs with their patterns), .options
// (the coding options dyad honours) and .project (which files make a dictionary set).
// TABARI .actors and .agents are read by ReadPeerActors/ReadPeerAgents (petrarch_reader.h).
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "dict/dictionary.h"

namespace dyad {

// A .verbs file: <SYNSETS> of "&NAME" and "+phrase" lines, then verbs ("WORD [CODE]",
// multi-word "BURN DOWN [222]", "{ FORM_ FORM_ }" lines of other forms) each followed by its
// "- pattern [CODE]" lines. Words not ending in '_' are stems. <TIME> shifts are skipped.
void ReadTabariVerbs(const std::string& path, Dictionary* dict, Diagnostics* diag);

// A .options file. Applied: COMMA (clause removal) and DEFAULT (codes for missing actors);
// the interface settings (SET, OUTPUT, LABEL, FORWARD, COMPLEX) are accepted and ignored.
void ReadTabariOptions(const std::string& path, Dictionary* dict, Diagnostics* diag);

// Applies one options line ("COMMA: MIN = 4 MAX = 6", "COMMA: OFF", "DEFAULT: OFF", ...);
// false with *error when it cannot be read. Also used for the OPTION records of a
// validation file.
bool ApplyTabariOption(std::string_view line, PeerOptions* options, std::string* error);

// The files a .project names, as paths resolved against the project's folder ("" if absent).
struct TabariProject {
  std::string actors, verbs, agents, options, text;
};
bool ReadTabariProject(const std::string& path, TabariProject* project, Diagnostics* diag);

}  // namespace dyad
