// The Document: one article's text and every annotation on it, as byte spans into that text.
//
// A Document owns its extracted text. Every stage of the pipeline adds annotations that point
// into it with [start, end) byte offsets, so any output can be traced back to the exact
// characters that produced it (see DESIGN.md). Outputs convert byte offsets to code points.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dyad {

// A half-open byte range [start, end) into Document::text.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  bool empty() const { return end <= start; }
  uint32_t size() const { return end - start; }
};

// A token: its span, and its normalised form (lower-cased, curly quotes made straight).
struct Token {
  Span span;
  std::string norm;
  bool capitalized = false;  // first character is an upper-case letter
  bool is_punct = false;     // only punctuation characters
};

// A sentence: its span and the range of its tokens in Document::tokens.
struct Sentence {
  Span span;
  uint32_t first_token = 0;
  uint32_t end_token = 0;  // one past the last
};

// A paragraph (block) of the extracted text.
struct Block {
  Span span;
  std::string type = "p";
};

// An actor mention: tokens [first, end) of the document, resolved to a CAMEO actor code.
struct ActorMention {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  Span span;
  std::string code;     // e.g. "RUSGOV", "PRK", "IGOUNO"; empty when unresolved
  std::string kind;     // name, adj, capital, city, person, org, agent, pronoun
  std::string entry;    // the dictionary entry that fired, "file:line"
  int group = -1;       // coordination group ("Lavrov and Choe"); -1 when alone
};

// A coded event with its evidence.
struct Event {
  uint32_t sentence = 0;           // index into Document::sentences
  int source = -1;                 // index into Document::actors, -1 when absent
  int target = -1;                 // index into Document::actors, -1 when absent
  Span verb;                       // the event word(s)
  std::string cameo;               // e.g. "040", "0231"
  std::string root;                // "04"
  int quad_class = 0;              // 1..4
  double goldstein = 0.0;
  std::string plover_event;        // e.g. "CONSULT"
  std::string plover_mode;         // e.g. "visit"
  std::vector<std::string> plover_context;
  std::string pattern;             // the pattern that fired, e.g. "meet with"
  std::string pattern_entry;       // "file:line" of that pattern
  bool negated = false;
  double confidence = 0.0;
  std::string date;                // ISO date the event takes (document date for now)
  std::string date_source;         // "document", "text" or "" when unknown
  int attribution = -1;            // index into Document::actors of the speaker, -1 when none
  int location = -1;               // index into Document::actors of the place, -1 when none
};

struct Document {
  // Identity and metadata (from the reader and the extractor).
  std::string id;         // stable id: given by the input, or derived from file name / line
  std::string origin;     // where it came from, "file" or "file:line", for messages
  std::string url;
  std::string title;
  std::string publisher;
  std::string date;       // publication date, ISO YYYY-MM-DD, empty when unknown
  std::vector<std::pair<std::string, std::string>> meta;  // other input fields, raw JSON values

  std::string raw;        // the input as read (text or HTML), before extraction
  bool raw_is_html = false;  // raw holds an HTML page; extract turns it into text
  std::string text;       // the extracted article text all spans point into

  std::vector<Block> blocks;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<ActorMention> actors;
  std::vector<Event> events;

  std::string_view slice(Span s) const {
    return std::string_view(text).substr(s.start, s.end - s.start);
  }
};

}  // namespace dyad
