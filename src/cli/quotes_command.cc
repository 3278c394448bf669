// `dyad quotes`: read documents, run the pipeline and the quote finder, write one quote per
// line (speaker, cue, addressee, content) as JSONL.
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <optional>

#include "cli/commands.h"
#include "core/json_writer.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "dict/dictionary.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace dyad {

namespace {

struct QuotesArgs {
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  std::string date;
  std::vector<std::string> dicts;
  std::string out;
  unsigned threads = 1;
  size_t batch = 256;
  bool input_offsets = false;
};

// Maps byte offsets of the extracted text back to code-point offsets of the input text.
// Plain-text extraction keeps each paragraph as it was (trimmed) and drops boilerplate ones,
// so every block is found verbatim, in order, in the input; HTML input cannot be mapped.
class InputOffsets {
 public:
  explicit InputOffsets(const Document& doc) : cp_(doc.raw) {
    if (doc.raw_is_html) return;
    size_t cursor = 0;
    for (const Block& b : doc.blocks) {
      const std::string_view text = doc.slice(b.span);
      const size_t at = doc.raw.find(text, cursor);
      if (at == std::string::npos) return;
      starts_.push_back({b.span.start, static_cast<uint32_t>(at)});
      cursor = at + text.size();
    }
    ok_ = true;
  }
  bool ok() const { return ok_; }
  // Code-point offset in the input of byte offset `b` of the extracted text.
  uint32_t operator()(uint32_t b) const {
    auto it = std::upper_bound(
        starts_.begin(), starts_.end(), b,
        [](uint32_t v, const std::pair<uint32_t, uint32_t>& p) { return v < p.first; });
    if (it == starts_.begin()) return cp_(b);
    --it;
    return cp_(it->second + (b - it->first));
  }

 private:
  CodepointIndex cp_;
  std::vector<std::pair<uint32_t, uint32_t>> starts_;  // block start: text byte -> input byte
  bool ok_ = false;
};

// Appends the document's quotes as JSON lines to `out`.
void AppendQuotes(const Document& doc, bool input_offsets, std::string* out) {
  if (doc.quotes.empty()) return;
  CodepointIndex cp(doc.text);
  std::optional<InputOffsets> in;
  if (input_offsets) in.emplace(doc);
  const bool mapped = in && in->ok();
  auto offset = [&](uint32_t b) { return mapped ? (*in)(b) : cp(b); };
  auto span = [&](JsonWriter& w, Span s) {
    w.Key("start");
    if (input_offsets && !mapped)
      w.Null();
    else
      w.Int(offset(s.start));
    w.Key("end");
    if (input_offsets && !mapped)
      w.Null();
    else
      w.Int(offset(s.end));
  };
  for (const Quote& q : doc.quotes) {
    JsonWriter w(*out);
    w.BeginObject();
    w.Key("doc_id");
    w.String(doc.id);
    w.Key("direct");
    w.Bool(q.direct);
    w.Key("speaker");
    w.BeginObject();
    w.Key("text");
    w.String(q.speaker_name.empty() ? doc.slice(q.speaker_span) : q.speaker_name);
    w.Key("code");
    w.StringOrNull(q.speaker >= 0 ? doc.actors[q.speaker].code : "");
    w.Key("mention");
    w.String(doc.slice(q.speaker_span));
    span(w, q.speaker_span);
    w.EndObject();
    w.Key("cue");
    w.BeginObject();
    w.Key("text");
    w.String(doc.slice(q.cue));
    span(w, q.cue);
    w.EndObject();
    w.Key("addressee");
    if (q.addressee_span.empty()) {
      w.Null();
    } else {
      w.BeginObject();
      w.Key("text");
      w.String(q.addressee_name.empty() ? doc.slice(q.addressee_span) : q.addressee_name);
      w.Key("code");
      w.StringOrNull(q.addressee >= 0 ? doc.actors[q.addressee].code : "");
      w.Key("mention");
      w.String(doc.slice(q.addressee_span));
      span(w, q.addressee_span);
      w.EndObject();
    }
    w.Key("content");
    w.BeginObject();
    w.Key("text");
    w.String(doc.slice(q.content));
    span(w, q.content);
    w.EndObject();
    w.EndObject();
    *out += '\n';
  }
}

int RunQuotes(const QuotesArgs& a) {
  Diagnostics diag;
  InputOptions in_opts;
  if (!ParseInputFormat(a.input_format, &in_opts.format)) {
    std::fprintf(stderr, "dyad quotes: unknown --input-format '%s' (auto, text, jsonl, html)\n",
                 a.input_format.c_str());
    return 2;
  }
  if (!a.date.empty()) {
    in_opts.default_date = NormalizeDate(a.date);
    if (in_opts.default_date.empty()) {
      std::fprintf(stderr, "dyad quotes: --date must be YYYY-MM-DD, got '%s'\n", a.date.c_str());
      return 2;
    }
  }
  std::vector<std::string> inputs = a.inputs;
  if (inputs.empty()) {
    if (isatty(0)) {
      std::fprintf(stderr, "dyad quotes: no input (give files, directories or - for stdin)\n");
      return 2;
    }
    inputs.push_back("-");
  }
  std::vector<std::string> dict_dirs = a.dicts;
  if (dict_dirs.empty()) dict_dirs.push_back(Dictionary::DefaultDir());
  auto dict = Dictionary::Load(dict_dirs, &diag);
  if (!dict) return 2;
  // The pipeline finds the quotes (QuoteFinder is one of its stages); places are not needed.
  PipelineOptions options;
  options.geo = false;
  Pipeline pipeline(*dict, options);

  FILE* out = stdout;
  std::unique_ptr<FILE, int (*)(FILE*)> out_file(nullptr, &std::fclose);
  if (!a.out.empty() && a.out != "-") {
    out_file.reset(std::fopen(a.out.c_str(), "wb"));
    if (!out_file) {
      std::fprintf(stderr, "dyad quotes: cannot write %s\n", a.out.c_str());
      return 2;
    }
    out = out_file.get();
  }

  std::string buffer;
  std::vector<Document> batch;
  batch.reserve(a.batch);
  size_t unmapped = 0;
  auto flush = [&]() {
    if (batch.empty()) return;
    pipeline.ProcessBatch(&batch, a.threads);
    for (auto& d : batch) {
      if (a.input_offsets && !d.quotes.empty() && !InputOffsets(d).ok()) {
        ++unmapped;
        diag.Warn(d.origin,
                  "offsets cannot be mapped back to the input (HTML input?); "
                  "start/end are null");
      }
      AppendQuotes(d, a.input_offsets, &buffer);
    }
    std::fwrite(buffer.data(), 1, buffer.size(), out);
    buffer.clear();
    batch.clear();
  };
  for (const auto& src : ExpandInputs(inputs, &diag)) {
    DocumentReader reader(src, in_opts, &diag);
    Document doc;
    while (reader.Next(&doc)) {
      batch.push_back(std::move(doc));
      if (batch.size() >= a.batch) flush();
    }
  }
  flush();
  std::fflush(out);
  return diag.rejected() > 0 ? 1 : 0;
}

}  // namespace

std::function<int()> AddQuotesCommand(CLI::App& app) {
  auto args = std::make_shared<QuotesArgs>();
  auto* cmd = app.add_subcommand(
      "quotes", "Find direct and indirect quotes with their speakers (one quote per line, JSONL).");
  cmd->add_option("inputs", args->inputs,
                  "Files, directories (read recursively) or - for stdin, as for `dyad code`");
  cmd->add_option("--input-format", args->input_format,
                  "Force the input format: auto (default), text, jsonl, html");
  cmd->add_option("--date", args->date,
                  "Publication date (YYYY-MM-DD) for documents that give none");
  cmd->add_option("--dict", args->dicts,
                  "Dictionary directory (repeatable); default: the bundled data/dict");
  cmd->add_option("-o,--out", args->out, "Write quotes to FILE instead of stdout");
  cmd->add_option("-j,--threads", args->threads, "Worker threads (0 = all cores)")
      ->capture_default_str();
  cmd->add_option("--batch", args->batch, "Documents processed per batch")->capture_default_str();
  cmd->add_flag("--input-offsets", args->input_offsets,
                "Give start/end as code points into the input text (the text file after its "
                "header lines, or the JSONL \"text\" field) instead of the extracted text; "
                "plain-text input only (null for HTML)");
  cmd->footer(
      "Each line: {\"doc_id\", \"direct\", \"speaker\": {\"text\" (fullest name), \"code\", "
      "\"mention\" (as written), \"start\", \"end\"}, \"cue\": {\"text\", \"start\", \"end\"}, "
      "\"addressee\": {…} or null, \"content\": {\"text\", \"start\", \"end\"}}. Offsets are "
      "code points into the extracted text. Exit status: 0, 1 when some input was rejected, 2 "
      "on usage errors.");
  return [args]() { return RunQuotes(*args); };
}

}  // namespace dyad
