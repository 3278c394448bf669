#include "ingest/reader.h"

#include <simdjson.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/strings.h"
#include "core/utf8.h"
#include "ingest/charset.h"
#include "ingest/warc.h"

namespace dyad {

namespace fs = std::filesystem;

bool ParseInputFormat(const std::string& name, InputFormat* out) {
  if (name == "auto")
    *out = InputFormat::kAuto;
  else if (name == "text" || name == "txt")
    *out = InputFormat::kText;
  else if (name == "jsonl" || name == "json")
    *out = InputFormat::kJsonl;
  else if (name == "html")
    *out = InputFormat::kHtml;
  else if (name == "warc")
    *out = InputFormat::kWarc;
  else
    return false;
  return true;
}

std::vector<InputSource> ExpandInputs(const std::vector<std::string>& paths, Diagnostics* diag) {
  std::vector<InputSource> out;
  for (const auto& p : paths) {
    if (p == "-") {
      out.push_back({p, 0});
      continue;
    }
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      diag->Reject(p, "no such file or directory");
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<InputSource> found;
      for (auto it = fs::recursive_directory_iterator(
               p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file()) found.push_back({it->path().string(), it->file_size()});
      }
      if (ec) diag->Reject(p, "cannot read directory: " + ec.message());
      std::sort(found.begin(), found.end(),
                [](const InputSource& a, const InputSource& b) { return a.path < b.path; });
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back({p, static_cast<uint64_t>(fs::file_size(p, ec))});
    }
  }
  return out;
}

namespace {

// The file name without directories, ".gz" and the format extension.
std::string Extension(const std::string& path) {
  std::string p = AsciiLower(path);
  if (EndsWith(p, ".gz")) p.resize(p.size() - 3);
  auto dot = p.find_last_of('.');
  auto slash = p.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return p.substr(dot + 1);
}

InputFormat FormatFromExtension(const std::string& ext) {
  if (ext == "jsonl" || ext == "ndjson" || ext == "json") return InputFormat::kJsonl;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return InputFormat::kHtml;
  if (ext == "warc") return InputFormat::kWarc;
  if (ext == "txt" || ext == "text") return InputFormat::kText;
  return InputFormat::kAuto;
}

InputFormat Sniff(std::string_view head) {
  size_t i = 0;
  if (StartsWith(head, "\xEF\xBB\xBF")) i = 3;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  if (i < head.size() && head[i] == '{') return InputFormat::kJsonl;
  if (StartsWith(head.substr(i), "WARC/1.")) return InputFormat::kWarc;
  std::string lower = AsciiLower(head.substr(i, 512));
  if (StartsWith(lower, "<!doctype html") || StartsWith(lower, "<html") ||
      lower.find("<body") != std::string::npos)
    return InputFormat::kHtml;
  return InputFormat::kText;
}

}  // namespace

struct DocumentReader::Impl {
  InputSource source;
  InputOptions options;
  Diagnostics* diag;
  gzFile gz = nullptr;
  InputFormat format = InputFormat::kAuto;
  bool done = false;
  uint64_t line_no = 0;
  std::string buf;  // bytes read but not consumed
  size_t buf_pos = 0;
  bool eof = false;
  simdjson::dom::parser parser;
  std::unique_ptr<WarcReader> warc;  // for WARC input
  FILE* raw_file = nullptr;          // the file WARC records are read from

  bool Fill() {
    if (eof) return false;
    if (buf_pos > 0) {
      buf.erase(0, buf_pos);
      buf_pos = 0;
    }
    const size_t chunk = 1 << 20;
    size_t old = buf.size();
    buf.resize(old + chunk);
    int n = gzread(gz, buf.data() + old, chunk);
    if (n <= 0) {
      buf.resize(old);
      if (n < 0) {
        int err = 0;
        const char* msg = gzerror(gz, &err);
        diag->Reject(source.path, std::string("read error: ") + (msg ? msg : "unknown"));
      }
      eof = true;
      return false;
    }
    buf.resize(old + static_cast<size_t>(n));
    return true;
  }

  // Next line without its newline; `too_long` set (and content dropped) past the limit.
  bool NextLine(std::string* line, bool* too_long, size_t* length) {
    line->clear();
    *too_long = false;
    *length = 0;
    while (true) {
      size_t nl = buf.find('\n', buf_pos);
      size_t end = nl == std::string::npos ? buf.size() : nl;
      size_t piece = end - buf_pos;
      *length += piece;
      if (!*too_long) {
        if (line->size() + piece > options.max_document_bytes) {
          *too_long = true;
          line->clear();
        } else {
          line->append(buf, buf_pos, piece);
        }
      }
      if (nl != std::string::npos) {
        buf_pos = nl + 1;
        ++line_no;
        return true;
      }
      buf_pos = buf.size();
      if (!Fill()) {
        if (*length == 0 && !*too_long) return false;
        ++line_no;
        return true;
      }
    }
  }

  // The whole (remaining) input, or false when over the limit.
  bool ReadAll(std::string* out, size_t* length) {
    out->assign(buf, buf_pos, std::string::npos);
    buf.clear();
    buf_pos = 0;
    while (Fill()) {
      if (out->size() + buf.size() > options.max_document_bytes) {
        *length = out->size() + buf.size();
        while (Fill()) *length += buf.size(), buf.clear();
        return false;
      }
      out->append(buf);
      buf.clear();
    }
    *length = out->size();
    return out->size() <= options.max_document_bytes;
  }
};

DocumentReader::DocumentReader(const InputSource& source, const InputOptions& options,
                               Diagnostics* diag)
    : impl_(std::make_unique<Impl>()) {
  auto& m = *impl_;
  m.source = source;
  m.options = options;
  m.diag = diag;
  if (source.path == "-") {
    m.gz = gzdopen(dup(0), "rb");
  } else {
    m.gz = gzopen(source.path.c_str(), "rb");
  }
  if (!m.gz) {
    diag->Reject(source.path, "cannot open for reading");
    m.done = true;
    return;
  }
  gzbuffer(m.gz, 1 << 17);
  m.format = options.format;
  if (m.format == InputFormat::kAuto) m.format = FormatFromExtension(Extension(source.path));
  bool sniffed = false;
  if (m.format == InputFormat::kAuto) {
    m.Fill();
    m.format = Sniff(std::string_view(m.buf).substr(0, 4096));
    sniffed = true;
  }
  if (m.format == InputFormat::kWarc) {
    // WARC records come straight from the file, so that a corrupt gzip member costs one
    // record, not the rest of the file. Standard input sniffed as WARC keeps the bytes
    // already read (records then resume after a broken one only in plain WARC).
    const size_t limit = options.max_document_bytes;
    if (sniffed && source.path == "-") {
      Impl* im = &m;
      m.warc = std::make_unique<WarcReader>(
          [im](char* b, size_t n) -> long {
            if (im->buf_pos < im->buf.size()) {
              size_t k = std::min(n, im->buf.size() - im->buf_pos);
              std::memcpy(b, im->buf.data() + im->buf_pos, k);
              im->buf_pos += k;
              return static_cast<long>(k);
            }
            int r = gzread(im->gz, b, static_cast<unsigned>(std::min<size_t>(n, 1 << 20)));
            return r;
          },
          limit);
    } else {
      gzclose(m.gz);
      m.gz = nullptr;
      m.raw_file =
          source.path == "-" ? fdopen(dup(0), "rb") : std::fopen(source.path.c_str(), "rb");
      if (!m.raw_file) {
        diag->Reject(source.path, "cannot open for reading");
        m.done = true;
        return;
      }
      FILE* f = m.raw_file;
      m.warc = std::make_unique<WarcReader>(
          [f](char* b, size_t n) -> long {
            size_t r = std::fread(b, 1, n, f);
            return r == 0 && std::ferror(f) ? -1 : static_cast<long>(r);
          },
          limit);
    }
  }
}

DocumentReader::~DocumentReader() {
  impl_->warc.reset();
  if (impl_->gz) gzclose(impl_->gz);
  if (impl_->raw_file) std::fclose(impl_->raw_file);
}

uint64_t DocumentReader::bytes_read() const {
  if (impl_->warc && impl_->raw_file) return impl_->warc->bytes_read();
  return impl_->gz ? static_cast<uint64_t>(gzoffset(impl_->gz)) : 0;
}

namespace {

std::string FileStem(const std::string& path) {
  if (path == "-") return "stdin";
  return path;
}

// Fills doc from a "Date:" header (optional) and the rest of the text.
void ParseTextHeader(Document* doc, Diagnostics* diag) {
  std::string_view s = doc->raw;
  if (StartsWith(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  // Header lines "Date: ...", "Title: ...", "URL: ..." at the very top, in any order.
  while (true) {
    size_t nl = s.find('\n');
    std::string_view line = Trim(s.substr(0, nl));
    std::string lower = AsciiLower(line.substr(0, 6));
    std::string_view value;
    if (StartsWith(lower, "date:")) {
      value = Trim(line.substr(5));
      std::string d = NormalizeDate(value);
      if (d.empty())
        diag->Warn(doc->origin + ":1",
                   "unreadable Date: line '" + std::string(value) + "', date unknown");
      else
        doc->date = d;
    } else if (StartsWith(lower, "title:")) {
      doc->title = std::string(Trim(line.substr(6)));
    } else if (StartsWith(lower, "url:")) {
      doc->url = std::string(Trim(line.substr(4)));
    } else {
      break;
    }
    if (nl == std::string_view::npos) {
      s = {};
      break;
    }
    s.remove_prefix(nl + 1);
  }
  doc->raw = std::string(s);
}

// A page's bytes as UTF-8: the charset from HTTP (`declared`), the page's <meta>, or the
// bytes themselves (see DecodeToUtf8). True when the result is known to be valid UTF-8.
bool DecodeHtml(Document* doc, std::string_view declared) {
  if (doc->raw.empty()) return true;
  bool valid = false;
  doc->raw = DecodeToUtf8(doc->raw, declared, /*html=*/true, nullptr, &valid);
  return valid;
}

bool CheckText(Document* doc, Diagnostics* diag, const std::string& where,
               bool valid_utf8 = false) {
  // Valid UTF-8 without NUL bytes is text; anything else is checked for binary data.
  bool text = valid_utf8 && std::memchr(doc->raw.data(), 0, doc->raw.size()) == nullptr;
  if (!text && LooksBinary(doc->raw)) {
    diag->Reject(where, "binary data, not text (skipped)");
    return false;
  }
  Utf8Report r;
  if (!valid_utf8) r = RepairUtf8(doc->raw);
  if (r.invalid_bytes > 0)
    diag->Warn(where, "invalid UTF-8 (" + std::to_string(r.invalid_bytes) +
                          " bytes replaced with U+FFFD)");
  if (Trim(doc->raw).empty()) {
    diag->Reject(where, "empty document, nothing to code");
    return false;
  }
  return true;
}

}  // namespace

bool DocumentReader::Next(Document* doc) {
  auto& m = *impl_;
  if (m.done) return false;
  if (m.format == InputFormat::kText || m.format == InputFormat::kHtml) {
    m.done = true;
    *doc = Document();
    doc->origin = FileStem(m.source.path);
    doc->id = doc->origin;
    size_t length = 0;
    if (!m.ReadAll(&doc->raw, &length)) {
      m.diag->Reject(doc->origin, "document too large (" + std::to_string(length) +
                                      " bytes, limit " +
                                      std::to_string(m.options.max_document_bytes) + ")");
      return false;
    }
    bool valid = m.format == InputFormat::kHtml && DecodeHtml(doc, "");
    if (!CheckText(doc, m.diag, doc->origin, valid)) return false;
    if (m.format == InputFormat::kText) {
      ParseTextHeader(doc, m.diag);
      if (doc->date.empty()) doc->date = m.options.default_date;
    } else {
      doc->raw_is_html = true;
      doc->fallback_date = m.options.default_date;
    }
    return true;
  }
  if (m.format == InputFormat::kWarc) {
    WarcRecord rec;
    std::string error;
    while (true) {
      WarcReader::Status st = m.warc->Next(&rec, &error);
      if (st == WarcReader::Status::kEnd) break;
      const std::string where =
          FileStem(m.source.path) + ": record at byte " + std::to_string(rec.offset);
      if (st == WarcReader::Status::kBroken) {
        m.diag->Reject(where, error);
        continue;
      }
      // Pages only: HTML responses (and resource records) with a successful status.
      if (rec.type != "response" && rec.type != "resource") continue;
      std::string ct =
          AsciiLower(rec.type == "response" ? rec.http_content_type : rec.content_type);
      if (rec.type == "response" && (rec.http_status < 200 || rec.http_status >= 300)) continue;
      bool html = ct.find("html") != std::string::npos ||
                  (ct.empty() &&
                   Sniff(std::string_view(rec.payload).substr(0, 4096)) == InputFormat::kHtml);
      if (!html) continue;
      *doc = Document();
      doc->origin = where;
      doc->id = !rec.record_id.empty() ? rec.record_id : rec.target_uri;
      if (doc->id.empty()) doc->id = where;
      doc->url = rec.target_uri;
      doc->raw = std::move(rec.payload);
      bool valid = DecodeHtml(doc, CharsetFromContentType(ct));
      if (!CheckText(doc, m.diag, where, valid)) continue;
      doc->raw_is_html = true;
      std::string captured = NormalizeDate(rec.date);
      doc->fallback_date = !captured.empty() ? captured : m.options.default_date;
      return true;
    }
    m.done = true;
    return false;
  }
  // JSONL: one document per line.
  std::string line;
  bool too_long = false;
  size_t length = 0;
  while (m.NextLine(&line, &too_long, &length)) {
    const std::string where = FileStem(m.source.path) + ":" + std::to_string(m.line_no);
    if (too_long) {
      m.diag->Reject(where, "record too large (" + std::to_string(length) + " bytes, limit " +
                                std::to_string(m.options.max_document_bytes) + ")");
      continue;
    }
    if (Trim(line).empty()) continue;
    if (LooksBinary(line)) {
      m.diag->Reject(where, "binary data, not a JSON record (skipped)");
      continue;
    }
    Utf8Report r = RepairUtf8(line);
    if (r.invalid_bytes > 0)
      m.diag->Warn(where, "invalid UTF-8 (" + std::to_string(r.invalid_bytes) +
                              " bytes replaced with U+FFFD)");
    simdjson::dom::element root;
    auto err = m.parser.parse(line).get(root);
    if (err) {
      m.diag->Reject(where, std::string("malformed JSON: ") + simdjson::error_message(err));
      continue;
    }
    simdjson::dom::object obj;
    if (root.get_object().get(obj)) {
      m.diag->Reject(where, "JSON record is not an object");
      continue;
    }
    *doc = Document();
    doc->origin = where;
    std::string text, html;
    bool has_text = false, has_html = false;
    for (auto field : obj) {
      std::string_view key = field.key;
      auto v = field.value;
      std::string_view sv;
      bool is_str = v.get_string().get(sv) == simdjson::SUCCESS;
      if (key == "id") {
        doc->id = is_str ? std::string(sv) : simdjson::minify(v);
      } else if (key == "url") {
        if (is_str) doc->url = std::string(sv);
      } else if (key == "date") {
        if (is_str && !sv.empty()) {
          doc->date = NormalizeDate(sv);
          if (doc->date.empty())
            m.diag->Warn(where, "unreadable date '" + std::string(sv) + "', date unknown");
        }
      } else if (key == "title") {
        if (is_str) doc->title = std::string(sv);
      } else if (key == "text" && is_str) {
        text = std::string(sv);
        has_text = true;
      } else if (key == "html" && is_str) {
        html = std::string(sv);
        has_html = true;
      } else if (key == "publisher" || key == "site" || key == "source") {
        if (is_str && doc->publisher.empty()) doc->publisher = std::string(sv);
        doc->meta.emplace_back(std::string(key), simdjson::minify(v));
      } else {
        doc->meta.emplace_back(std::string(key), simdjson::minify(v));
      }
    }
    if (!has_text && !has_html) {
      m.diag->Reject(where, "record has no \"text\" or \"html\" field");
      continue;
    }
    if (has_text && !Trim(text).empty()) {
      doc->raw = std::move(text);
    } else if (has_html) {
      doc->raw = std::move(html);
      doc->raw_is_html = true;
    }
    if (Trim(doc->raw).empty()) {
      m.diag->Reject(where, "empty text, nothing to code");
      continue;
    }
    if (doc->id.empty()) doc->id = where;
    if (doc->raw_is_html)
      doc->fallback_date = m.options.default_date;
    else if (doc->date.empty())
      doc->date = m.options.default_date;
    return true;
  }
  m.done = true;
  return false;
}

}  // namespace dyad
