// `dyad query`: named reports and read-only SQL over an event database.
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "store/event_store.h"
#include "store/reports.h"

namespace dyad {

namespace {

struct QueryArgs {
  std::string db = "dyad.db";
  std::string report = "summary";
  std::string doc;
  std::string sql;
  int limit = 20;
  std::string format = "table";
  size_t width = 40;
};

int RunQueryCommand(const QueryArgs& a) {
  std::string err;
  auto store = EventStore::Open(a.db, /*read_only=*/true, &err);
  if (!store) {
    std::fprintf(stderr, "dyad query: cannot open %s: %s\n", a.db.c_str(), err.c_str());
    return 2;
  }
  Table t;
  bool ok = a.sql.empty() ? RunReport(store->handle(), a.report, a.doc, a.limit, &t, &err)
                          : RunQuery(store->handle(), a.sql, {}, &t, &err);
  if (!ok) {
    std::fprintf(stderr, "dyad query: %s\n", err.c_str());
    return 2;
  }
  std::string out;
  if (a.format == "csv")
    out = RenderCsv(t);
  else if (a.format == "jsonl")
    out = RenderJsonl(t);
  else
    out = RenderTable(t, a.width);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

std::function<int()> AddQueryCommand(CLI::App& app) {
  auto args = std::make_shared<QueryArgs>();
  std::string reports;
  for (const auto& [name, what] : ReportNames()) reports += "\n  " + name + ": " + what;
  auto* cmd = app.add_subcommand("query", "Reports and read-only SQL over an event database.");
  cmd->add_option("report", args->report, "Report to print (default summary):" + reports)
      ->check(CLI::IsMember([] {
        std::vector<std::string> names;
        for (const auto& r : ReportNames()) names.push_back(r.first);
        return names;
      }()));
  cmd->add_option("--db", args->db, "The database (default dyad.db)")->capture_default_str();
  cmd->add_option("--doc", args->doc, "Document id for the doc report");
  cmd->add_option("--sql", args->sql,
                  "Run this SQL instead of a report; the database is opened read-only, so only "
                  "SELECT-like statements work (tables: documents, sentences, mentions, events, "
                  "event_groups, quotes, places, timexes, sentence_fts, cameo_codes)");
  cmd->add_option("-n,--limit", args->limit, "Rows in a report")->capture_default_str();
  cmd->add_option("--format", args->format, "table (default), csv or jsonl")
      ->check(CLI::IsMember({"table", "csv", "jsonl"}));
  cmd->add_option("--width", args->width, "Widest cell in table output")->capture_default_str();
  return [args]() { return RunQueryCommand(*args); };
}

}  // namespace dyad
