// Readers: turn files, directories and stdin (plain text, JSONL, HTML, WARC; any of them
// gzipped) into Documents with id, url, date and raw input (HTML converted to UTF-8),
// reporting bad input without stopping.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/document.h"

namespace dyad {

enum class InputFormat { kAuto, kText, kJsonl, kHtml, kWarc };

// Parses "auto", "text", "jsonl", "html", "warc"; returns false for anything else.
bool ParseInputFormat(const std::string& name, InputFormat* out);

struct InputOptions {
  InputFormat format = InputFormat::kAuto;
  std::string default_date;               // used where the input gives none (--date)
  size_t max_document_bytes = 32u << 20;  // larger documents are rejected with a message
};

// One input to read: a path, or "-" for standard input.
struct InputSource {
  std::string path;
  uint64_t size = 0;  // bytes on disk (0 for stdin), for progress and ETA
};

// Expands the command line's inputs: files as given, directories walked recursively in name
// order (hidden files skipped), "-" kept for stdin. Missing paths are rejected via `diag`.
std::vector<InputSource> ExpandInputs(const std::vector<std::string>& paths, Diagnostics* diag);

// Streams the documents of one input. Plain text is one document per file (an optional first
// line "Date: YYYY-MM-DD"); JSONL is one document per line (fields id, url, date, title,
// text or html; others kept as metadata); HTML is one document per file; a WARC (.warc,
// .warc.gz) gives one document per HTML response record (id = WARC-Record-ID, url =
// WARC-Target-URI). HTML is converted to UTF-8 from its declared or detected charset. Pages
// get the date they state when extracted; `default_date`, or a WARC record's date, only when
// they state none (Document::fallback_date).
class DocumentReader {
 public:
  DocumentReader(const InputSource& source, const InputOptions& options, Diagnostics* diag);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Fills `doc` with the next good document; false when the input is exhausted. Bad records
  // are reported to the Diagnostics and skipped.
  bool Next(Document* doc);

  // Compressed or plain bytes consumed so far (for progress).
  uint64_t bytes_read() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
