// `dyad export`: stream the events of a database as JSONL, CSV, GDELT 2.0 or PLOVER JSON.
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "store/event_export.h"
#include "store/event_store.h"

namespace dyad {

namespace {

struct ExportArgs {
  std::string db = "dyad.db";
  std::string format = "jsonl";
  std::string out;
  EventFilter filter;
  bool summary = false;
};

int RunExport(ExportArgs a) {
  ExportFormat format;
  if (!ParseExportFormat(a.format, &format)) {
    std::fprintf(stderr, "dyad export: unknown --format '%s' (jsonl, csv, gdelt, plover)\n",
                 a.format.c_str());
    return 2;
  }
  if (std::string why = NormalizeFilter(&a.filter); !why.empty()) {
    std::fprintf(stderr, "dyad export: %s\n", why.c_str());
    return 2;
  }
  std::string err;
  auto store = EventStore::OpenExisting(a.db, &err);
  if (!store) {
    std::fprintf(stderr, "dyad export: cannot open %s: %s\n", a.db.c_str(), err.c_str());
    return 2;
  }
  std::FILE* out = stdout;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(nullptr, &std::fclose);
  if (!a.out.empty() && a.out != "-") {
    file.reset(std::fopen(a.out.c_str(), "wb"));
    if (!file) {
      std::fprintf(stderr, "dyad export: cannot write %s\n", a.out.c_str());
      return 2;
    }
    out = file.get();
  }
  const long long n = EventExporter(store->handle(), format).Write(a.filter, out, &err);
  if (n < 0) {
    std::fprintf(stderr, "dyad export: %s\n", err.c_str());
    return 1;
  }
  if (std::fflush(out) != 0) {
    std::fprintf(stderr, "dyad export: write failed\n");
    return 1;
  }
  if (a.summary)
    std::fprintf(stderr, "dyad: exported %lld %s\n", n,
                 format == ExportFormat::kGdelt ? "grouped events" : "events");
  return 0;
}

}  // namespace

std::function<int()> AddExportCommand(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  auto* cmd = app.add_subcommand(
      "export", "Export the events of a database (JSONL, CSV, GDELT 2.0 table, PLOVER JSON).");
  cmd->add_option("--db", args->db, "The database (default dyad.db)")->capture_default_str();
  cmd->add_option("-f,--format", args->format,
                  "jsonl (as dyad code prints), csv, gdelt (the 61-column GDELT 2.0 event "
                  "table, one row per grouped event with NumMentions/NumSources/NumArticles) or "
                  "plover (one JSON object per PLOVER-coded event, POLECAT's fields)")
      ->capture_default_str();
  cmd->add_option("-o,--out", args->out, "Write to FILE instead of stdout");
  cmd->add_option("--from", args->filter.from, "First event date, YYYY-MM-DD");
  cmd->add_option("--to", args->filter.to, "Last event date, YYYY-MM-DD");
  cmd->add_option("--country", args->filter.country,
                  "ISO 3166-1 alpha-3 code: events whose source, target or place is there");
  cmd->add_option("--actor", args->filter.actor,
                  "Actor code prefix on either side (RUS, RUSGOV, IGOUNO)");
  cmd->add_option("--root", args->filter.root, "CAMEO root code, 01..20");
  cmd->add_option("--quad", args->filter.quad_class, "QuadClass, 1..4");
  cmd->add_option("--plover", args->filter.plover, "PLOVER event type (ASSAULT, CONSULT, ...)");
  cmd->add_option("--text", args->filter.text, "Words the event's sentence contains");
  cmd->add_flag("--include-negated", args->filter.include_negated,
                "Also export events stored as negated (dyad code --keep-negated)");
  cmd->add_flag("--summary", args->summary, "Print how many records were written to stderr");
  cmd->footer("Rows are written as they are read, so exports of any size run in little memory.");
  return [args]() { return RunExport(*args); };
}

}  // namespace dyad
