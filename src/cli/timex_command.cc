// `dyad timex`: read documents, find and normalise their temporal expressions, print one JSON
// line per document.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/json_writer.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "ingest/reader.h"
#include "text/tokenizer.h"
#include "time/time_tagger.h"

namespace dyad {

namespace {

struct TimexArgs {
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  std::string date;
};

void WriteDocument(const Document& doc, std::string* out) {
  const CodepointIndex cp(doc.text);
  JsonWriter w(*out);
  w.BeginObject();
  w.Key("id");
  w.String(doc.id);
  w.Key("date");
  w.StringOrNull(doc.date);
  w.Key("timexes");
  w.BeginArray();
  for (const Timex& t : doc.timexes) {
    w.BeginObject();
    w.Key("text");
    w.String(doc.slice(t.span));
    w.Key("start");
    w.Int(cp(t.span.start));
    w.Key("end");
    w.Int(cp(t.span.end));
    w.Key("type");
    w.String(t.type);
    w.Key("value");
    w.String(t.value);
    w.Key("mod");
    w.StringOrNull(t.mod);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out->push_back('\n');
}

int RunTimex(const TimexArgs& a) {
  Diagnostics diag;
  InputOptions in_opts;
  if (!ParseInputFormat(a.input_format, &in_opts.format)) {
    std::fprintf(stderr, "dyad timex: unknown --input-format '%s' (auto, text, jsonl)\n",
                 a.input_format.c_str());
    return 2;
  }
  if (!a.date.empty()) {
    in_opts.default_date = NormalizeDate(a.date);
    if (in_opts.default_date.empty()) {
      std::fprintf(stderr, "dyad timex: --date must be YYYY-MM-DD, got '%s'\n", a.date.c_str());
      return 2;
    }
  }
  const std::vector<std::string> inputs =
      a.inputs.empty() ? std::vector<std::string>{"-"} : a.inputs;
  const Tokenizer tokenizer;
  const TimeTagger tagger;
  std::string buffer;
  for (const InputSource& source : ExpandInputs(inputs, &diag)) {
    DocumentReader reader(source, in_opts, &diag);
    Document doc;
    while (reader.Next(&doc)) {
      if (doc.raw_is_html) {
        diag.Reject(doc.origin, "HTML input: run `dyad extract` first, timex reads text");
        continue;
      }
      doc.text = std::move(doc.raw);
      tokenizer.Tokenize(&doc);
      tagger.Tag(&doc);
      WriteDocument(doc, &buffer);
      if (buffer.size() > (1u << 16)) {
        std::fwrite(buffer.data(), 1, buffer.size(), stdout);
        buffer.clear();
      }
    }
  }
  std::fwrite(buffer.data(), 1, buffer.size(), stdout);
  std::fflush(stdout);
  return diag.rejected() > 0 ? 1 : 0;
}

}  // namespace

std::function<int()> AddTimexCommand(CLI::App& app) {
  auto args = std::make_shared<TimexArgs>();
  auto* cmd = app.add_subcommand(
      "timex",
      "Find temporal expressions and normalise them against the publication date (TimeML "
      "TIMEX3 type, value, mod; one JSON line per document).");
  cmd->add_option("inputs", args->inputs,
                  "Files, directories or - for stdin (the default). JSONL is one document per "
                  "line (id, date, text); plain text is one document per file (optional first "
                  "line 'Date: YYYY-MM-DD').");
  cmd->add_option("--input-format", args->input_format,
                  "Force the input format: auto (default), text, jsonl");
  cmd->add_option("--date", args->date,
                  "Publication date (YYYY-MM-DD) for documents that give none; without one, "
                  "relative expressions stay unresolved (\"XXXX-XX-XX\")");
  cmd->footer(
      "Output: {\"id\", \"date\", \"timexes\": [{\"text\", \"start\", \"end\", \"type\", "
      "\"value\", \"mod\"}]}, offsets in code points into the document text. Exit status: 0, "
      "1 when some input was rejected, 2 on usage errors.");
  return [args]() { return RunTimex(*args); };
}

}  // namespace dyad
