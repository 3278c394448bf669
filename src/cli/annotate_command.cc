// `dyad annotate`: every layer the pipeline produced for each document, one JSON line each.
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "core/strings.h"
#include "dict/dictionary.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"
#include "store/event_format.h"

namespace dyad {

namespace {

struct AnnotateArgs {
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  std::string date;
  std::vector<std::string> dicts;
};

int RunAnnotate(const AnnotateArgs& a) {
  Diagnostics diag;
  InputOptions in_opts;
  if (!ParseInputFormat(a.input_format, &in_opts.format)) {
    std::fprintf(stderr, "dyad annotate: unknown --input-format '%s'\n", a.input_format.c_str());
    return 2;
  }
  if (!a.date.empty() && (in_opts.default_date = NormalizeDate(a.date)).empty()) {
    std::fprintf(stderr, "dyad annotate: --date must be YYYY-MM-DD\n");
    return 2;
  }
  std::vector<std::string> dirs = a.dicts;
  if (dirs.empty()) dirs.push_back(Dictionary::DefaultDir());
  auto dict = Dictionary::Load(dirs, &diag);
  if (!dict) return 2;
  Pipeline pipeline(*dict, PipelineOptions{});
  std::vector<std::string> inputs = a.inputs;
  if (inputs.empty()) inputs.push_back("-");
  std::string out;
  for (const auto& src : ExpandInputs(inputs, &diag)) {
    DocumentReader reader(src, in_opts, &diag);
    Document doc;
    while (reader.Next(&doc)) {
      pipeline.Process(&doc);
      out.clear();
      AppendDocumentJson(doc, &out);
      out += '\n';
      std::fwrite(out.data(), 1, out.size(), stdout);
    }
  }
  return diag.rejected() > 0 ? 1 : 0;
}

}  // namespace

std::function<int()> AddAnnotateCommand(CLI::App& app) {
  auto args = std::make_shared<AnnotateArgs>();
  auto* cmd = app.add_subcommand(
      "annotate",
      "Print every layer the pipeline produced (text, sentences, tokens, actors, time "
      "expressions, places, quotes, events) as one JSON line per document.");
  cmd->add_option("inputs", args->inputs, "Files, directories or - (default: stdin)");
  cmd->add_option("--input-format", args->input_format, "auto, text, jsonl or html");
  cmd->add_option("--date", args->date, "Publication date for documents that give none");
  cmd->add_option("--dict", args->dicts, "Dictionary directory (repeatable)");
  return [args]() { return RunAnnotate(*args); };
}

}  // namespace dyad
