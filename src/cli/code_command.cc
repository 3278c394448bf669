// `dyad code`: read documents, run the pipeline, write events (stdout, --out, --db).
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>

#include "cli/commands.h"
#include "cli/progress.h"
#include "core/json_writer.h"
#include "core/strings.h"
#include "dict/dictionary.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"
#include "store/event_format.h"
#include "store/event_store.h"

namespace dyad {

namespace {

struct CodeArgs {
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  std::string date;
  std::string format = "jsonl";
  std::string out;
  std::string db;
  std::vector<std::string> dicts;
  unsigned threads = 1;
  std::string stats;
  bool quiet = false;
  bool summary = false;
  bool keep_negated = false;
  size_t batch = 256;
};

int RunCode(const CodeArgs& a) {
  Diagnostics diag;
  InputOptions in_opts;
  if (!ParseInputFormat(a.input_format, &in_opts.format)) {
    std::fprintf(stderr, "dyad code: unknown --input-format '%s' (auto, text, jsonl, html, warc)\n",
                 a.input_format.c_str());
    return 2;
  }
  OutputFormat out_format;
  if (!ParseOutputFormat(a.format, &out_format)) {
    std::fprintf(stderr, "dyad code: unknown --format '%s' (jsonl, csv, gdelt)\n",
                 a.format.c_str());
    return 2;
  }
  if (!a.date.empty()) {
    in_opts.default_date = NormalizeDate(a.date);
    if (in_opts.default_date.empty()) {
      std::fprintf(stderr, "dyad code: --date must be YYYY-MM-DD, got '%s'\n", a.date.c_str());
      return 2;
    }
  }
  std::vector<std::string> inputs = a.inputs;
  if (inputs.empty()) {
    if (isatty(0)) {
      std::fprintf(stderr, "dyad code: no input (give files, directories or - for stdin)\n");
      return 2;
    }
    inputs.push_back("-");
  }

  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::string> dict_dirs = a.dicts;
  if (dict_dirs.empty()) dict_dirs.push_back(Dictionary::DefaultDir());
  auto dict = Dictionary::Load(dict_dirs, &diag);
  if (!dict) return 2;
  PipelineOptions popts;
  popts.coder.keep_negated = a.keep_negated;
  Pipeline pipeline(*dict, popts);

  // Output: stdout unless --out; nothing at all with --db alone and --out -.
  FILE* out = stdout;
  std::unique_ptr<FILE, int (*)(FILE*)> out_file(nullptr, &std::fclose);
  if (!a.out.empty() && a.out != "-") {
    out_file.reset(std::fopen(a.out.c_str(), "wb"));
    if (!out_file) {
      std::fprintf(stderr, "dyad code: cannot write %s\n", a.out.c_str());
      return 2;
    }
    out = out_file.get();
  }
  std::unique_ptr<EventStore> store;
  if (!a.db.empty()) {
    std::string err;
    store = EventStore::Open(a.db, false, &err);
    if (!store) {
      std::fprintf(stderr, "dyad code: cannot open database %s: %s\n", a.db.c_str(), err.c_str());
      return 2;
    }
    store->AddCodeNames(*dict);
  }

  EventFormatter formatter(out_format);
  std::string buffer = formatter.Header();
  auto sources = ExpandInputs(inputs, &diag);
  uint64_t total_bytes = 0;
  for (const auto& s : sources) total_bytes += s.size;
  ProgressBar progress(total_bytes, !a.quiet && isatty(2));

  uint64_t n_docs = 0, n_sentences = 0, n_events = 0, n_bytes = 0, n_dups = 0;
  uint64_t done_bytes = 0;
  std::vector<Document> batch;
  batch.reserve(a.batch);
  auto flush = [&]() {
    if (batch.empty()) return;
    for (auto& d : batch) n_bytes += d.raw.size();
    pipeline.ProcessBatch(&batch, a.threads);
    if (store) store->Begin();
    for (auto& d : batch) {
      ++n_docs;
      n_sentences += d.sentences.size();
      n_events += d.events.size();
      formatter.Append(d, &buffer);
      if (store && !store->Add(d)) ++n_dups;
    }
    if (store) store->Commit();
    if (!buffer.empty()) {
      std::fwrite(buffer.data(), 1, buffer.size(), out);
      buffer.clear();
    }
    batch.clear();
  };
  for (const auto& src : sources) {
    DocumentReader reader(src, in_opts, &diag);
    Document doc;
    while (reader.Next(&doc)) {
      batch.push_back(std::move(doc));
      if (batch.size() >= a.batch) {
        flush();
        progress.Update(n_docs, n_events, done_bytes + reader.bytes_read());
      }
    }
    done_bytes += src.size;
  }
  flush();
  if (!buffer.empty()) std::fwrite(buffer.data(), 1, buffer.size(), out);
  std::fflush(out);
  progress.Finish();

  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const std::string line =
      fmt::format("{} documents, {} sentences, {} events in {:.2f} s{}{}", n_docs, n_sentences,
                  n_events, secs, store ? fmt::format(" ({} already in {})", n_dups, a.db) : "",
                  diag.rejected() ? fmt::format("; {} inputs rejected", diag.rejected()) : "");
  if (a.summary || (!a.quiet && isatty(2))) std::fprintf(stderr, "dyad: %s\n", line.c_str());
  if (!a.stats.empty()) {
    std::string js;
    JsonWriter w(js);
    w.BeginObject();
    w.Key("documents");
    w.Int(static_cast<long long>(n_docs));
    w.Key("sentences");
    w.Int(static_cast<long long>(n_sentences));
    w.Key("events");
    w.Int(static_cast<long long>(n_events));
    w.Key("bytes");
    w.Int(static_cast<long long>(n_bytes));
    w.Key("seconds");
    w.Double(secs, 4);
    w.Key("rejected");
    w.Int(static_cast<long long>(diag.rejected()));
    w.Key("warnings");
    w.Int(static_cast<long long>(diag.warnings()));
    w.Key("duplicates");
    w.Int(static_cast<long long>(n_dups));
    w.EndObject();
    std::ofstream(a.stats) << js << '\n';
  }
  return diag.rejected() > 0 ? 1 : 0;
}

}  // namespace

std::function<int()> AddCodeCommand(CLI::App& app) {
  auto args = std::make_shared<CodeArgs>();
  auto* cmd = app.add_subcommand(
      "code",
      "Code documents into events (one event per line; JSONL unless --format says otherwise).");
  cmd->add_option("inputs", args->inputs,
                  "Files, directories (read recursively) or - for stdin. Plain text is one "
                  "document per file (optional first line 'Date: YYYY-MM-DD'); JSONL is one "
                  "document per line (id, url, date, title, text or html); .gz is read too.");
  cmd->add_option("--input-format", args->input_format,
                  "Force the input format: auto (default: by extension, then content), text, "
                  "jsonl, html, warc");
  cmd->add_option("--date", args->date,
                  "Publication date (YYYY-MM-DD) for documents that give none");
  cmd->add_option("-f,--format", args->format, "Output format: jsonl (default), csv, gdelt")
      ->capture_default_str();
  cmd->add_option("-o,--out", args->out, "Write events to FILE instead of stdout");
  cmd->add_option("--db", args->db,
                  "Also store documents and events in this SQLite database (created if "
                  "missing; a document already there is not stored twice)");
  cmd->add_option("--dict", args->dicts,
                  "Dictionary directory (repeatable); default: the bundled data/dict");
  cmd->add_option("-j,--threads", args->threads, "Worker threads (0 = all cores)")
      ->capture_default_str();
  cmd->add_option("--stats", args->stats,
                  "Write run statistics (documents, sentences, events, bytes, seconds, "
                  "rejected) as JSON to FILE");
  cmd->add_option("--batch", args->batch, "Documents coded per batch")->capture_default_str();
  cmd->add_flag("--keep-negated", args->keep_negated,
                "Emit negated events (\"did not attack\") flagged negated:true instead of "
                "dropping them");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress bar and no summary line");
  cmd->add_flag("--summary", args->summary,
                "Print the one-line summary to stderr even when it is not a terminal");
  cmd->footer(
      "Exit status: 0 when all input was used, 1 when some input was rejected (each reported "
      "on stderr with file, line and reason), 2 on usage errors.");
  return [args]() { return RunCode(*args); };
}

}  // namespace dyad
