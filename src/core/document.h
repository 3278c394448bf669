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

// A token: its span, its normalised form (lower-cased, curly quotes made straight) and what
// the nlp stage adds (tags, lemma, dependency head and relation; empty until it runs).
struct Token {
  Span span;
  std::string norm;
  bool capitalized = false;  // first character is an upper-case letter
  bool is_punct = false;     // only punctuation characters
  std::string lemma;         // lower-cased lemma ("met" -> "meet")
  std::string upos;          // Universal POS tag ("VERB")
  std::string xpos;          // Penn Treebank tag ("VBD")
  int32_t head = -1;         // index into Document::tokens of the head; -1 for the root
  std::string deprel;        // UD relation to the head ("nsubj", "obj", "root")
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
  std::string code;   // e.g. "RUSGOV", "PRK", "IGOUNO"; empty when unresolved
  std::string kind;   // name, adj, capital, city, person, org, agent, pronoun
  std::string entry;  // the dictionary entry that fired, "file:line"
  int group = -1;     // coordination group ("Lavrov and Choe"); -1 when alone
};

// A temporal expression, normalised against the document date (TimeML TIMEX3 style).
struct Timex {
  Span span;
  std::string type;   // DATE, TIME, DURATION, SET
  std::string value;  // "2024-11-01", "2024-08", "P1W", "PRESENT_REF"
  std::string mod;    // EARLY, MID, LATE, APPROX, ... or ""
};

// A toponym resolved to a gazetteer entry.
struct Place {
  Span span;
  std::string name;     // the gazetteer's name ("Kursk Oblast")
  std::string country;  // ISO 3166-1 alpha-3 ("RUS")
  std::string admin1;   // first-level region code or name, "" when unknown
  std::string feature;  // country, admin1, city, region, ...
  double lat = 0.0, lon = 0.0;
  long long geonameid = 0;  // 0 when not from GeoNames
};

// A direct or indirect quote with its speaker, cue and content.
struct Quote {
  bool direct = false;
  int speaker = -1;          // index into Document::actors, -1 when the speaker is no coded actor
  Span speaker_span;         // the speaker as written (may be a pronoun resolved elsewhere)
  std::string speaker_name;  // fullest name found in the document for the speaker
  Span cue;                  // "said", "told", "according to"
  int addressee = -1;        // index into Document::actors, -1 when none or not a coded actor
  Span addressee_span;  // the addressee as written ("Sergei Lavrov", "reporters"); empty when none
  std::string addressee_name;  // fullest name found in the document for the addressee
  Span content;
};

// A coded event with its evidence.
struct Event {
  uint32_t sentence = 0;  // index into Document::sentences
  int source = -1;        // index into Document::actors, -1 when absent
  int target = -1;        // index into Document::actors, -1 when absent
  Span verb;              // the event word(s)
  std::string cameo;      // e.g. "040", "0231"
  std::string root;       // "04"
  int quad_class = 0;     // 1..4
  double goldstein = 0.0;
  std::string plover_event;  // e.g. "CONSULT"
  std::string plover_mode;   // e.g. "visit"
  std::vector<std::string> plover_context;
  std::string pattern;        // the pattern that fired, e.g. "meet with"
  std::string pattern_entry;  // "file:line" of that pattern
  bool negated = false;
  double confidence = 0.0;
  std::string date;         // ISO date the event takes
  std::string date_source;  // "text", "document" or "" when unknown
  int timex = -1;           // index into Document::timexes it took its date from
  int place = -1;           // index into Document::places where it happened
  int quote = -1;           // index into Document::quotes it is reported in
  int attribution = -1;     // index into Document::actors of the speaker, -1 when none
  int location = -1;        // index into Document::actors of the place, -1 when none
};

struct Document {
  // Identity and metadata (from the reader and the extractor).
  std::string id;      // stable id: given by the input, or derived from file name / line
  std::string origin;  // where it came from, "file" or "file:line", for messages
  std::string url;
  std::string title;
  std::string publisher;
  std::string date;  // publication date, ISO YYYY-MM-DD, empty when unknown
  // The date to take when neither the input nor the page itself gives one (--date, a WARC
  // record's capture date); extraction moves it to `date` when the page has no date.
  std::string fallback_date;
  std::vector<std::pair<std::string, std::string>> meta;  // other input fields, raw JSON values

  std::string raw;           // the input as read (text or HTML), before extraction
  bool raw_is_html = false;  // raw holds an HTML page; extract turns it into text
  std::string text;          // the extracted article text all spans point into

  std::vector<Block> blocks;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<ActorMention> actors;
  std::vector<Timex> timexes;
  std::vector<Place> places;
  std::vector<Quote> quotes;
  std::vector<Event> events;

  std::string_view slice(Span s) const {
    return std::string_view(text).substr(s.start, s.end - s.start);
  }
};

}  // namespace dyad
