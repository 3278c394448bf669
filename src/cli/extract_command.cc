// `dyad extract`: pages in (HTML, gzipped HTML, WARC, JSONL with an html field), one JSON
// object per page out: the article's metadata and its text as ordered blocks with offsets.
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/json_writer.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "extract/article_extractor.h"
#include "ingest/reader.h"

namespace dyad {

namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::vector<std::string> jsonl_dirs;
  std::string files_from;
  std::string input_format = "auto";
  std::string out;
};

// One page as the JSON object of the `dyad extract` contract (DESIGN.md). Block offsets are
// code points into "text".
void WritePage(const std::string& file, const Document& doc, const Article& a, std::string* line) {
  line->clear();
  JsonWriter w(*line);
  w.BeginObject();
  w.Key("file");
  w.String(file);
  w.Key("id");
  w.String(doc.id);
  w.Key("url");
  w.StringOrNull(doc.url.empty() ? a.canonical_url : doc.url);
  w.Key("canonical_url");
  w.StringOrNull(a.canonical_url);
  w.Key("title");
  w.StringOrNull(doc.title);
  w.Key("authors");
  w.BeginArray();
  for (const auto& au : a.authors) w.String(au);
  w.EndArray();
  w.Key("date");
  w.StringOrNull(doc.date);
  w.Key("date_source");
  w.StringOrNull(a.date_source);
  w.Key("site");
  w.StringOrNull(doc.publisher);
  w.Key("language");
  w.StringOrNull(a.language);
  w.Key("text");
  w.String(doc.text);
  w.Key("blocks");
  w.BeginArray();
  CodepointIndex cp(doc.text);
  for (const auto& b : doc.blocks) {
    w.BeginObject();
    w.Key("type");
    w.String(b.type);
    w.Key("text");
    w.String(doc.slice(b.span));
    w.Key("start");
    w.Int(cp(b.span.start));
    w.Key("end");
    w.Int(cp(b.span.end));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  *line += '\n';
}

int RunExtract(const ExtractArgs& a) {
  Diagnostics diag;
  InputOptions in_opts;
  if (!ParseInputFormat(a.input_format, &in_opts.format)) {
    std::fprintf(stderr,
                 "dyad extract: unknown --input-format '%s' (auto, text, jsonl, html, "
                 "warc)\n",
                 a.input_format.c_str());
    return 2;
  }
  std::vector<std::string> paths = a.inputs;
  paths.insert(paths.end(), a.jsonl_dirs.begin(), a.jsonl_dirs.end());
  if (!a.files_from.empty()) {
    std::ifstream list(a.files_from);
    if (!list) {
      std::fprintf(stderr, "dyad extract: cannot read --files-from '%s'\n", a.files_from.c_str());
      return 2;
    }
    for (std::string l; std::getline(list, l);)
      if (!Trim(l).empty()) paths.emplace_back(Trim(l));
  }
  if (paths.empty()) {
    std::fprintf(stderr, "dyad extract: no input (give files, directories or - for stdin)\n");
    return 2;
  }
  FILE* out = stdout;
  std::unique_ptr<FILE, int (*)(FILE*)> out_file(nullptr, &std::fclose);
  if (!a.out.empty() && a.out != "-") {
    out_file.reset(std::fopen(a.out.c_str(), "wb"));
    if (!out_file) {
      std::fprintf(stderr, "dyad extract: cannot write '%s'\n", a.out.c_str());
      return 2;
    }
    out = out_file.get();
  }
  ArticleExtractor extractor;
  std::string line;
  for (const auto& src : ExpandInputs(paths, &diag)) {
    DocumentReader reader(src, in_opts, &diag);
    Document doc;
    while (reader.Next(&doc)) {
      Article article;
      if (doc.raw_is_html) {
        article = extractor.ExtractHtml(doc.raw, doc.url);
        // The input's own fields win; the page fills the gaps (as in `dyad code`).
        if (doc.title.empty()) doc.title = article.title;
        if (doc.publisher.empty()) doc.publisher = article.site;
        if (doc.date.empty()) doc.date = article.date;
        if (doc.date.empty()) doc.date = doc.fallback_date;
        doc.text.clear();
        doc.blocks.clear();
        for (const auto& b : article.blocks) {
          if (!doc.text.empty()) doc.text += "\n\n";
          Block blk;
          blk.span.start = static_cast<uint32_t>(doc.text.size());
          doc.text += b.text;
          blk.span.end = static_cast<uint32_t>(doc.text.size());
          blk.type = b.type;
          doc.blocks.push_back(std::move(blk));
        }
      } else {
        extractor.Extract(&doc);
      }
      WritePage(src.path, doc, article, &line);
      std::fwrite(line.data(), 1, line.size(), out);
    }
  }
  std::fflush(out);
  return diag.rejected() > 0 ? 1 : 0;
}

}  // namespace

std::function<int()> AddExtractCommand(CLI::App& app) {
  auto args = std::make_shared<ExtractArgs>();
  auto* cmd = app.add_subcommand(
      "extract",
      "Extract articles from pages: one JSON object per page (title, authors, date, site, "
      "language, text and its blocks with offsets).");
  cmd->add_option("inputs", args->inputs,
                  "Pages: .html, .html.gz, .warc, .warc.gz, JSONL with an html field, "
                  "directories (read recursively), or - for stdin");
  cmd->add_option("--jsonl", args->jsonl_dirs,
                  "A directory to walk (repeatable); one line per page as for any input");
  cmd->add_option("--files-from", args->files_from,
                  "Read input paths from FILE, one per line (after the other inputs)");
  cmd->add_option("--input-format", args->input_format,
                  "Force the input format: auto (default), html, warc, jsonl, text");
  cmd->add_option("-o,--out", args->out, "Write to FILE instead of stdout");
  cmd->footer(
      "Offsets (start, end) are code points into \"text\", where blocks are joined by blank "
      "lines. Exit status: 0 when every input was used, 1 when some was rejected (reported on "
      "stderr), 2 on usage errors.");
  return [args]() { return RunExtract(*args); };
}

}  // namespace dyad
