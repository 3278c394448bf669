#include "store/event_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>

#include "core/json_writer.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "store/event_query.h"

namespace dyad {

bool ParseOutputFormat(const std::string& name, OutputFormat* out) {
  if (name == "jsonl" || name == "json")
    *out = OutputFormat::kJsonl;
  else if (name == "csv")
    *out = OutputFormat::kCsv;
  else if (name == "gdelt" || name == "tsv")
    *out = OutputFormat::kGdelt;
  else
    return false;
  return true;
}

long long EventId(const Document& doc, const Event& e) {
  std::string key = fmt::format("{}|{}|{}|{}|{}|{}", doc.id, e.sentence, e.verb.start,
                                e.source >= 0 ? doc.actors[e.source].code : "",
                                e.target >= 0 ? doc.actors[e.target].code : "", e.cameo);
  std::string h = ContentHash(key);
  return static_cast<long long>(std::stoull(h.substr(0, 15), nullptr, 16));
}

namespace {

// The event in the shape the store reads back, so that one writer (AppendStoredEventJson)
// prints both: `dyad code` and the database give the same line.
StoredEvent AsStoredEvent(const Document& doc, const Event& e, const CodepointIndex& cp) {
  StoredEvent ev;
  const Sentence& s = doc.sentences[e.sentence];
  ev.doc_key = doc.id;
  ev.sentence = static_cast<int>(e.sentence);
  ev.text = std::string(doc.slice(s.span));
  ev.sentence_start = static_cast<int>(cp(s.span.start));
  ev.sentence_end = static_cast<int>(cp(s.span.end));
  ev.date = e.date;
  ev.date_source = e.date_source;
  if (e.timex >= 0 && e.timex < static_cast<int>(doc.timexes.size())) {
    ev.timex_idx = e.timex;
    ev.timex_text = std::string(doc.slice(doc.timexes[e.timex].span));
    ev.timex_value = doc.timexes[e.timex].value;
  }
  auto actor = [&](int m, StoredEvent::Actor* a) {
    if (m < 0) return;
    const auto& mention = doc.actors[m];
    a->present = true;
    a->text = std::string(doc.slice(mention.span));
    a->code = mention.code;
    a->start = static_cast<int>(cp(mention.span.start));
    a->end = static_cast<int>(cp(mention.span.end));
    a->entry = mention.entry;
  };
  actor(e.source, &ev.source);
  actor(e.target, &ev.target);
  ev.cameo = e.cameo;
  ev.root = e.root;
  ev.quad_class = e.quad_class;
  ev.goldstein = e.goldstein;
  ev.plover_event = e.plover_event;
  ev.plover_mode = e.plover_mode;
  ev.plover_context.clear();
  {
    JsonWriter w(ev.plover_context);
    w.BeginArray();
    for (const auto& c : e.plover_context) w.String(c);
    w.EndArray();
  }
  ev.verb_text = std::string(doc.slice(e.verb));
  ev.verb_start = static_cast<int>(cp(e.verb.start));
  ev.verb_end = static_cast<int>(cp(e.verb.end));
  if (const EventPlace place = PlaceOf(doc, e); !place.name.empty()) {
    ev.has_location = true;
    ev.location_name = place.name;
    ev.location_text = place.text;
    ev.location_country = place.country;
    ev.has_coords = place.has_coords;
    ev.lat = place.lat;
    ev.lon = place.lon;
    ev.geonameid = place.geonameid;
  }
  if (e.attribution >= 0) {
    ev.attribution_text = std::string(doc.slice(doc.actors[e.attribution].span));
    ev.attribution_code = doc.actors[e.attribution].code;
  }
  ev.negated = e.negated;
  ev.confidence = e.confidence;
  ev.pattern = e.pattern;
  ev.pattern_entry = e.pattern_entry;
  return ev;
}

void EventJson(const Document& doc, const Event& e, const CodepointIndex& cp, std::string* out) {
  AppendStoredEventJson(AsStoredEvent(doc, e, cp), /*extended=*/false, out);
}

// "RUSGOV" -> country "RUS", types "GOV"; "IGOUNO" -> known group "UNO"; "MIL" -> type "MIL".
struct CodeParts {
  std::string country, known_group, type1, type2;
};

bool IsSectorCode(std::string_view s) {
  static const char* kSectors[] = {"GOV", "MIL", "REB", "OPP", "POL", "JUD", "MED", "BUS", "CVL",
                                   "EDU", "REL", "COP", "LEG", "ELI", "LAB", "HLH", "REF", "CRM",
                                   "SPY", "AGR", "ENV", "HRI", "INS", "MOD", "RAD", "UAF", "SEP",
                                   "NGO", "IGO", "PTY", "SET", "IMG", "MNC", "NGM", "UIS", "CHR",
                                   "MUS", "JEW", "BUD", "HIN", "DEV"};
  for (auto k : kSectors)
    if (s == k) return true;
  return false;
}

CodeParts SplitCode(std::string_view code) {
  CodeParts p;
  if (code.size() < 3) return p;
  std::string head(code.substr(0, 3));
  size_t pos = 3;
  if (head == "IGO" || head == "NGO") {
    p.type1 = head;
    p.known_group = std::string(code.substr(3, 3));
    pos = 6;
  } else if (IsSectorCode(head)) {
    p.type1 = head;
  } else {
    p.country = head;
  }
  for (; pos + 3 <= code.size(); pos += 3) {
    std::string part(code.substr(pos, 3));
    if (p.type1.empty())
      p.type1 = part;
    else if (p.type2.empty())
      p.type2 = part;
  }
  return p;
}

void AppendActorGdelt(const Document& doc, int m, std::string* out) {
  if (m < 0) {
    AppendGdeltActor("", "", out);
    return;
  }
  const auto& a = doc.actors[m];
  AppendGdeltActor(a.code, doc.slice(a.span), out);
}

}  // namespace

std::string ActorCountry(std::string_view code) {
  if (code.size() < 3) return "";
  for (char c : code.substr(0, 3))
    if (c < 'A' || c > 'Z') return "";
  return SplitCode(code).country;
}

std::string ActorSector(std::string_view code) {
  return SplitCode(code).type1;
}

void AppendGdeltActor(std::string_view code, std::string_view name, std::string* out) {
  // Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1, Religion2, Type1..3
  if (code.empty()) {
    for (int i = 0; i < 10; ++i) *out += '\t';
    return;
  }
  CodeParts p = SplitCode(code);
  std::string clean(name);
  for (char& c : clean)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  *out += std::string(code) + '\t' + clean + '\t' + p.country + '\t' + p.known_group + "\t\t\t\t" +
          p.type1 + '\t' + p.type2 + "\t\t";
}

void AppendGdeltDate(std::string_view date, std::string* out) {
  auto all_digits = [](std::string_view v) {
    return !v.empty() &&
           std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  // A month ("2024-08") or a year ("1949") from the text: the columns that precision fills,
  // SQLDATE left empty, FractionDate at the middle of the period.
  if (date.size() == 7 && date[4] == '-' && all_digits(date.substr(0, 4)) &&
      all_digits(date.substr(5, 2))) {
    const int y = std::stoi(std::string(date.substr(0, 4)));
    const int mo = std::stoi(std::string(date.substr(5, 2)));
    if (mo >= 1 && mo <= 12) {
      *out += '\t' + std::string(date.substr(0, 4)) + std::string(date.substr(5, 2)) + '\t' +
              std::string(date.substr(0, 4)) + '\t' + fmt::format("{:.4f}", y + (mo - 0.5) / 12.0) +
              '\t';
      return;
    }
  }
  if (date.size() == 4 && all_digits(date)) {
    *out += "\t\t" + std::string(date) + '\t' +
            fmt::format("{:.4f}", std::stoi(std::string(date)) + 0.5) + '\t';
    return;
  }
  if (!IsIsoDate(date)) {
    *out += "\t\t\t\t";
    return;
  }
  std::string ymd = std::string(date.substr(0, 4)) + std::string(date.substr(5, 2)) +
                    std::string(date.substr(8, 2));
  int y = std::stoi(ymd.substr(0, 4)), mo = std::stoi(ymd.substr(4, 2)),
      d = std::stoi(ymd.substr(6, 2));
  static const int kCum[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  double frac = y + (kCum[mo - 1] + d) / 365.0;
  *out += ymd + '\t' + ymd.substr(0, 6) + '\t' + ymd.substr(0, 4) + '\t' +
          fmt::format("{:.4f}", frac) + '\t';
}

void AppendDocumentJson(const Document& doc, std::string* out) {
  CodepointIndex cp(doc.text);
  JsonWriter w(*out);
  auto span = [&](Span s) {
    w.Key("start");
    w.Int(cp(s.start));
    w.Key("end");
    w.Int(cp(s.end));
  };
  w.BeginObject();
  w.Key("doc_id");
  w.String(doc.id);
  w.Key("url");
  w.StringOrNull(doc.url);
  w.Key("title");
  w.StringOrNull(doc.title);
  w.Key("date");
  w.StringOrNull(doc.date);
  w.Key("text");
  w.String(doc.text);
  w.Key("blocks");
  w.BeginArray();
  for (const auto& b : doc.blocks) {
    w.BeginObject();
    w.Key("type");
    w.String(b.type);
    span(b.span);
    w.EndObject();
  }
  w.EndArray();
  w.Key("sentences");
  w.BeginArray();
  for (const auto& s : doc.sentences) {
    w.BeginObject();
    span(s.span);
    w.EndObject();
  }
  w.EndArray();
  w.Key("tokens");
  w.BeginArray();
  for (const auto& t : doc.tokens) {
    w.BeginObject();
    w.Key("text");
    w.String(doc.slice(t.span));
    span(t.span);
    if (!t.upos.empty()) {
      w.Key("lemma");
      w.String(t.lemma);
      w.Key("upos");
      w.String(t.upos);
      w.Key("xpos");
      w.String(t.xpos);
      w.Key("head");
      w.Int(t.head);
      w.Key("deprel");
      w.String(t.deprel);
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("actors");
  w.BeginArray();
  for (const auto& a : doc.actors) {
    w.BeginObject();
    w.Key("text");
    w.String(doc.slice(a.span));
    span(a.span);
    w.Key("code");
    w.String(a.code);
    w.Key("kind");
    w.String(a.kind);
    w.Key("entry");
    w.String(a.entry);
    w.EndObject();
  }
  w.EndArray();
  w.Key("timexes");
  w.BeginArray();
  for (const auto& t : doc.timexes) {
    w.BeginObject();
    w.Key("text");
    w.String(doc.slice(t.span));
    span(t.span);
    w.Key("type");
    w.String(t.type);
    w.Key("value");
    w.String(t.value);
    if (!t.mod.empty()) {
      w.Key("mod");
      w.String(t.mod);
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("places");
  w.BeginArray();
  for (const auto& p : doc.places) {
    w.BeginObject();
    w.Key("text");
    w.String(doc.slice(p.span));
    span(p.span);
    w.Key("name");
    w.String(p.name);
    w.Key("country");
    w.String(p.country);
    w.Key("lat");
    w.Double(p.lat, 4);
    w.Key("lon");
    w.Double(p.lon, 4);
    w.Key("geonameid");
    if (p.geonameid)
      w.Int(p.geonameid);
    else
      w.Null();
    w.EndObject();
  }
  w.EndArray();
  w.Key("quotes");
  w.BeginArray();
  for (const auto& q : doc.quotes) {
    w.BeginObject();
    w.Key("direct");
    w.Bool(q.direct);
    w.Key("speaker");
    w.BeginObject();
    w.Key("text");
    w.String(q.speaker_name.empty() ? std::string(doc.slice(q.speaker_span)) : q.speaker_name);
    w.Key("code");
    w.StringOrNull(q.speaker >= 0 ? doc.actors[q.speaker].code : "");
    span(q.speaker_span);
    w.EndObject();
    w.Key("cue");
    w.BeginObject();
    w.Key("text");
    w.String(doc.slice(q.cue));
    span(q.cue);
    w.EndObject();
    w.Key("content");
    w.BeginObject();
    w.Key("text");
    w.String(doc.slice(q.content));
    span(q.content);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Key("events");
  w.BeginArray();
  for (const auto& e : doc.events) {
    std::string ev;
    EventJson(doc, e, cp, &ev);
    w.Raw(ev);
  }
  w.EndArray();
  w.EndObject();
}

EventPlace PlaceOf(const Document& doc, const Event& e) {
  EventPlace p;
  if (e.place >= 0 && e.place < static_cast<int>(doc.places.size()) &&
      !doc.places[e.place].country.empty()) {
    const Place& pl = doc.places[e.place];
    p.name = pl.name.empty() ? doc.slice(pl.span) : std::string_view(pl.name);
    p.text = doc.slice(pl.span);
    p.country = pl.country;
    p.has_coords = pl.lat != 0.0 || pl.lon != 0.0;
    p.lat = pl.lat;
    p.lon = pl.lon;
    p.geonameid = pl.geonameid;
  } else if (e.location >= 0) {
    const auto& a = doc.actors[e.location];
    p.name = p.text = doc.slice(a.span);
    p.country = a.code.substr(0, 3);
  }
  if (p.geonameid > 0)
    p.key = "geonames:" + std::to_string(p.geonameid);
  else if (!p.name.empty())
    p.key = p.country + ':' + AsciiLower(p.name);
  return p;
}

void AppendEventJson(const Document& doc, const Event& e, std::string* out) {
  CodepointIndex cp(doc.text);
  EventJson(doc, e, cp, out);
}

void AppendCsvField(std::string* out, std::string_view v) {
  bool quote = v.find_first_of(",\"\n\r") != std::string_view::npos;
  if (!quote) {
    out->append(v);
    return;
  }
  *out += '"';
  for (char c : v) {
    if (c == '"') *out += '"';
    *out += c;
  }
  *out += '"';
}

std::string EventFormatter::Header() const {
  return format_ == OutputFormat::kCsv ? StoredEventCsvHeader(/*extended=*/false) : "";
}

void EventFormatter::Append(const Document& doc, std::string* out) const {
  if (doc.events.empty()) return;
  CodepointIndex cp(doc.text);
  for (const Event& e : doc.events) {
    if (format_ == OutputFormat::kJsonl) {
      EventJson(doc, e, cp, out);
      *out += '\n';
    } else if (format_ == OutputFormat::kCsv) {
      AppendStoredEventCsv(AsStoredEvent(doc, e, cp), /*extended=*/false, out);
    } else {
      // GDELT 2.0 event table, 61 tab-separated columns.
      *out += std::to_string(EventId(doc, e)) + '\t';
      AppendGdeltDate(e.date, out);
      AppendActorGdelt(doc, e.source, out);
      AppendActorGdelt(doc, e.target, out);
      std::string base = e.cameo.substr(0, std::min<size_t>(3, e.cameo.size()));
      *out += std::string(e.sentence == 0 ? "1" : "0") + '\t' + e.cameo + '\t' + base + '\t' +
              e.root + '\t' + std::to_string(e.quad_class) + '\t' +
              fmt::format("{:.1f}", e.goldstein) + "\t1\t1\t1\t\t";
      // Actor1Geo, Actor2Geo, ActionGeo: 8 columns each, unknown for now.
      for (int i = 0; i < 24; ++i) *out += '\t';
      std::time_t now = std::time(nullptr);
      std::tm tm{};
      gmtime_r(&now, &tm);
      char added[16];
      std::strftime(added, sizeof added, "%Y%m%d%H%M%S", &tm);
      *out += std::string(added) + '\t' + doc.url + '\n';
    }
  }
}

}  // namespace dyad
