// The `dyad` Python module (compiled part, imported as dyad._dyad; python/dyad/__init__.py
// is the public face): the coder, the article extractor, the readers and the event store of
// the C++ library, with the GIL released wherever the work is done in C++.
//
// Offsets handed to Python are code points into the document's extracted text, as in every
// other output of dyad, so `text[start:end]` is the span in Python.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <sqlite3.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "dict/dictionary.h"
#include "document_codec.h"
#include "extract/article_extractor.h"
#include "ingest/charset.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"
#include "store/event_format.h"
#include "store/event_store.h"

namespace py = pybind11;

namespace dyad {
namespace {

using DocPtr = std::shared_ptr<Document>;

// ---------------------------------------------------------------- argument conversion

// The UTF-8 of a Python str; TypeError for anything else (bytes included: decode them first).
std::string StrArg(py::handle h, const std::string& what) {
  if (!py::isinstance<py::str>(h))
    throw py::type_error(what + " must be str, not " +
                         std::string(py::str(py::type::handle_of(h).attr("__name__"))));
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(h.ptr(), &size);
  if (!data) throw py::error_already_set();  // lone surrogates: UnicodeEncodeError
  return std::string(data, static_cast<size_t>(size));
}

// A date given as str (YYYY-MM-DD or another spelling NormalizeDate reads), datetime.date or
// datetime.datetime; "" for None or an empty string. ValueError when unreadable.
std::string DateArg(py::handle h, const std::string& what) {
  if (h.is_none()) return "";
  std::string s;
  if (py::isinstance<py::str>(h)) {
    s = StrArg(h, what);
  } else if (py::isinstance(h, py::module_::import("datetime").attr("date"))) {
    s = py::str(h.attr("isoformat")()).cast<std::string>();
  } else {
    throw py::type_error(what + " must be a str like 'YYYY-MM-DD' or a datetime.date, not " +
                         std::string(py::str(py::type::handle_of(h).attr("__name__"))));
  }
  if (Trim(s).empty()) return "";
  std::string d = NormalizeDate(Trim(s));
  if (d.empty()) throw py::value_error(what + " must be a date like YYYY-MM-DD, got '" + s + "'");
  return d;
}

// Directories from None (the default dictionaries), a path, or a list of paths.
std::vector<std::string> DirsArg(py::handle h) {
  std::vector<std::string> dirs;
  auto one = [&](py::handle p) {
    py::object fs = py::module_::import("os").attr("fspath")(p);
    if (!py::isinstance<py::str>(fs)) throw py::type_error("dict_dir must be a str path");
    dirs.push_back(fs.cast<std::string>());
  };
  if (h.is_none()) {
    dirs.push_back(Dictionary::DefaultDir());
  } else if (py::isinstance<py::str>(h) || py::hasattr(h, "__fspath__")) {
    one(h);
  } else if (py::isinstance<py::sequence>(h)) {
    for (auto p : h) one(p);
    if (dirs.empty()) throw py::value_error("dict_dir is an empty list");
  } else {
    throw py::type_error("dict_dir must be None, a path or a list of paths");
  }
  for (const auto& d : dirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(d, ec))
      throw py::value_error("dictionary directory not found: " + d);
  }
  return dirs;
}

std::string JsonValue(py::handle v) {
  return py::str(py::module_::import("json").attr("dumps")(
                     v, py::arg("ensure_ascii") = false,
                     py::arg("separators") = py::make_tuple(",", ":")))
      .cast<std::string>();
}

std::string Where(size_t index) {
  return "item " + std::to_string(index);
}

// A Document to code, from a str (its text), a dict with the fields a JSONL input line has
// (id, url, date, title, text or html, publisher/site/source; others kept as metadata), or a
// dyad.Document (as read by dyad.Reader). `fallback_date` is taken where the item has none.
Document DocumentFromItem(py::handle item, size_t index, const std::string& fallback_date) {
  Document doc;
  doc.origin = Where(index);
  doc.fallback_date = fallback_date;
  if (py::isinstance<py::str>(item)) {
    doc.id = std::to_string(index);
    doc.raw = StrArg(item, Where(index));
  } else if (py::isinstance<py::dict>(item)) {
    bool has_text = false, has_html = false;
    std::string text, html;
    for (auto [k, v] : py::reinterpret_borrow<py::dict>(item)) {
      if (!py::isinstance<py::str>(k)) throw py::type_error(Where(index) + ": keys must be str");
      const std::string key = StrArg(k, Where(index) + ": a key");
      const std::string what = Where(index) + ": \"" + key + "\"";
      if (key == "id") {
        if (!v.is_none()) doc.id = py::isinstance<py::str>(v) ? StrArg(v, what) : JsonValue(v);
      } else if (key == "url") {
        if (!v.is_none()) doc.url = StrArg(v, what);
      } else if (key == "date") {
        doc.date = DateArg(v, what);
      } else if (key == "title") {
        if (!v.is_none()) doc.title = StrArg(v, what);
      } else if (key == "text") {
        if (!v.is_none()) text = StrArg(v, what), has_text = true;
      } else if (key == "html") {
        if (!v.is_none()) html = StrArg(v, what), has_html = true;
      } else {
        if ((key == "publisher" || key == "site" || key == "source") && doc.publisher.empty() &&
            py::isinstance<py::str>(v))
          doc.publisher = StrArg(v, what);
        doc.meta.emplace_back(key, JsonValue(v));
      }
    }
    if (!has_text && !has_html)
      throw py::value_error(Where(index) + ": a document dict needs a \"text\" or \"html\" field");
    if (has_text && (!Trim(text).empty() || !has_html)) {
      doc.raw = std::move(text);
    } else {
      doc.raw = std::move(html);
      doc.raw_is_html = true;
    }
    if (doc.id.empty()) doc.id = std::to_string(index);
  } else if (py::isinstance<Document>(item)) {
    doc = *item.cast<DocPtr>();
    if (doc.fallback_date.empty()) doc.fallback_date = fallback_date;
    if (doc.raw.empty() && !doc.text.empty()) {  // coded and kept without its input: its text
      doc.raw = doc.text;
      doc.raw_is_html = false;
    }
  } else {
    throw py::type_error(Where(index) + ": expected str, dict or dyad.Document, not " +
                         std::string(py::str(py::type::handle_of(item).attr("__name__"))));
  }
  RepairUtf8(doc.raw);  // drops NUL bytes; a Python str holds no other invalid UTF-8
  return doc;
}

// ---------------------------------------------------------------- Document to Python

py::object JsonLoads(const std::string& s) {
  return py::module_::import("json").attr("loads")(py::str(s));
}

// The events of `doc` as the JSON lines `dyad code` prints.
std::string EventsJsonl(const Document& doc) {
  std::string out;
  EventFormatter(OutputFormat::kJsonl).Append(doc, &out);
  return out;
}

// The events of `doc` as a list of dicts (the lines of EventsJsonl, parsed).
py::list EventsList(const Document& doc) {
  std::string lines = EventsJsonl(doc);
  if (lines.empty()) return py::list();
  std::string array = "[";
  for (char c : lines) array += c == '\n' ? ',' : c;
  array.back() = ']';
  return JsonLoads(array);
}

py::object StrOrNone(const std::string& s) {
  if (s.empty()) return py::none();
  return py::str(s);
}

py::dict SpanDict(const Document& doc, Span s, const CodepointIndex& cp) {
  py::dict d;
  d["text"] = py::str(std::string(doc.slice(s)));
  d["start"] = cp(s.start);
  d["end"] = cp(s.end);
  return d;
}

py::list TokensList(const Document& doc, const CodepointIndex& cp) {
  std::vector<uint32_t> sentence_of(doc.tokens.size(), 0);
  for (size_t s = 0; s < doc.sentences.size(); ++s)
    for (uint32_t t = doc.sentences[s].first_token;
         t < doc.sentences[s].end_token && t < doc.tokens.size(); ++t)
      sentence_of[t] = static_cast<uint32_t>(s);
  py::list out;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    py::dict d = SpanDict(doc, t.span, cp);
    d["sentence"] = sentence_of[i];
    d["norm"] = t.norm;
    d["lemma"] = StrOrNone(t.lemma);
    d["upos"] = StrOrNone(t.upos);
    d["xpos"] = StrOrNone(t.xpos);
    d["head"] = t.head;
    d["deprel"] = StrOrNone(t.deprel);
    out.append(d);
  }
  return out;
}

py::list SentencesList(const Document& doc, const CodepointIndex& cp) {
  py::list out;
  for (const Sentence& s : doc.sentences) {
    py::dict d = SpanDict(doc, s.span, cp);
    d["first_token"] = s.first_token;
    d["end_token"] = s.end_token;
    out.append(d);
  }
  return out;
}

py::object MentionDict(const Document& doc, int m, const CodepointIndex& cp) {
  if (m < 0) return py::none();
  const ActorMention& a = doc.actors[m];
  py::dict d = SpanDict(doc, a.span, cp);
  d["code"] = StrOrNone(a.code);
  return d;
}

// Every layer of `doc` (what `dyad annotate` prints for it).
py::dict AnnotationsDict(const Document& doc) {
  CodepointIndex cp(doc.text);
  py::dict d;
  d["doc_id"] = doc.id;
  d["date"] = StrOrNone(doc.date);
  d["url"] = StrOrNone(doc.url);
  d["title"] = StrOrNone(doc.title);
  d["publisher"] = StrOrNone(doc.publisher);
  d["text"] = doc.text;
  py::list blocks;
  for (const Block& b : doc.blocks) {
    py::dict bd = SpanDict(doc, b.span, cp);
    bd["type"] = b.type;
    blocks.append(bd);
  }
  d["blocks"] = blocks;
  d["sentences"] = SentencesList(doc, cp);
  d["tokens"] = TokensList(doc, cp);
  py::list actors;
  for (const ActorMention& a : doc.actors) {
    py::dict ad = SpanDict(doc, a.span, cp);
    ad["code"] = StrOrNone(a.code);
    ad["kind"] = StrOrNone(a.kind);
    ad["entry"] = StrOrNone(a.entry);
    ad["group"] = a.group;
    actors.append(ad);
  }
  d["actors"] = actors;
  py::list timexes;
  for (const Timex& t : doc.timexes) {
    py::dict td = SpanDict(doc, t.span, cp);
    td["type"] = t.type;
    td["value"] = StrOrNone(t.value);
    td["mod"] = StrOrNone(t.mod);
    timexes.append(td);
  }
  d["timexes"] = timexes;
  py::list places;
  for (const Place& p : doc.places) {
    py::dict pd = SpanDict(doc, p.span, cp);
    pd["name"] = StrOrNone(p.name);
    pd["country"] = StrOrNone(p.country);
    pd["admin1"] = StrOrNone(p.admin1);
    pd["feature"] = StrOrNone(p.feature);
    const bool coords = p.lat != 0.0 || p.lon != 0.0;
    pd["lat"] = coords ? py::object(py::float_(p.lat)) : py::none();
    pd["lon"] = coords ? py::object(py::float_(p.lon)) : py::none();
    pd["geonameid"] = p.geonameid > 0 ? py::object(py::int_(p.geonameid)) : py::none();
    places.append(pd);
  }
  d["places"] = places;
  py::list quotes;
  for (const Quote& q : doc.quotes) {
    py::dict qd;
    qd["doc_id"] = doc.id;
    qd["direct"] = q.direct;
    Span speaker = q.speaker_span;
    if (speaker.empty() && q.speaker >= 0) speaker = doc.actors[q.speaker].span;
    if (speaker.empty()) {
      qd["speaker"] = py::none();
    } else {
      py::dict sd = SpanDict(doc, speaker, cp);
      sd["code"] = q.speaker >= 0 ? StrOrNone(doc.actors[q.speaker].code) : py::none();
      sd["name"] = StrOrNone(q.speaker_name);
      qd["speaker"] = sd;
    }
    qd["cue"] = q.cue.empty() ? py::object(py::none()) : py::object(SpanDict(doc, q.cue, cp));
    qd["addressee"] = MentionDict(doc, q.addressee, cp);
    qd["content"] = SpanDict(doc, q.content, cp);
    quotes.append(qd);
  }
  d["quotes"] = quotes;
  d["events"] = EventsList(doc);
  return d;
}

py::bytes EncodeBytes(const Document& doc, bool with_raw) {
  std::string out;
  EncodeDocument(doc, with_raw, &out);
  return py::bytes(out);
}

DocPtr DecodeBytes(const py::bytes& b) {
  std::string_view in = b;  // pybind11: bytes -> string_view without a copy
  auto doc = std::make_shared<Document>();
  std::string error;
  if (!DecodeDocument(in, doc.get(), &error)) throw py::value_error(error);
  return doc;
}

// ---------------------------------------------------------------- the coder

// A loaded dictionary set, shared by the coders and stores that use it.
struct PyDictionary {
  std::shared_ptr<Dictionary> dict;
  std::vector<std::string> dirs;
  size_t warnings = 0;
};

std::shared_ptr<PyDictionary> LoadDictionary(py::handle dict_dir) {
  auto out = std::make_shared<PyDictionary>();
  out->dirs = DirsArg(dict_dir);
  Diagnostics diag;  // bad dictionary lines are reported on stderr, as by the CLI
  std::unique_ptr<Dictionary> dict;
  {
    py::gil_scoped_release nogil;
    dict = Dictionary::Load(out->dirs, &diag);
  }
  if (!dict) throw py::value_error("cannot read dictionary directory: " + out->dirs.front());
  out->dict = std::move(dict);
  out->warnings = diag.warnings() + diag.rejected();
  return out;
}

// The pipeline over one dictionary: const and thread-safe, so one Coder serves every thread.
class PyCoder {
 public:
  PyCoder(py::object dict_dir, bool keep_negated, unsigned threads)
      : threads_(threads), keep_negated_(keep_negated) {
    if (py::isinstance<PyDictionary>(dict_dir))
      dict_ = dict_dir.cast<std::shared_ptr<PyDictionary>>();
    else
      dict_ = LoadDictionary(dict_dir);
    PipelineOptions options;  // as `dyad code` sets them
    options.coder.keep_negated = keep_negated;
    pipeline_ = std::make_unique<Pipeline>(*dict_->dict, options);
  }

  // Codes one document (str, dict or Document) and returns it with every layer.
  DocPtr Process(py::handle item, py::handle date, py::handle doc_id) {
    Document doc = DocumentFromItem(item, 0, "");
    std::string d = DateArg(date, "date");
    if (!d.empty()) {
      if (py::isinstance<py::str>(item))
        doc.date = d;  // the text's own date
      else if (doc.date.empty())
        doc.fallback_date = d;
    }
    if (!doc_id.is_none()) doc.id = StrArg(doc_id, "doc_id");
    {
      py::gil_scoped_release nogil;
      pipeline_->Process(&doc);
    }
    return std::make_shared<Document>(std::move(doc));
  }

  // Codes a list of items on `threads` threads (None: the coder's; 0: all cores) with the GIL
  // released; returns the documents in input order. `date` is taken by items that have none;
  // `first_index` numbers the items for ids and error messages.
  std::vector<DocPtr> ProcessBatch(py::iterable items, py::handle date, py::handle threads,
                                   size_t first_index) {
    const std::string fallback = DateArg(date, "date");
    std::vector<Document> docs;
    size_t i = first_index;
    for (auto item : items) docs.push_back(DocumentFromItem(item, i++, fallback));
    unsigned n = threads.is_none() ? threads_ : threads.cast<unsigned>();
    {
      py::gil_scoped_release nogil;
      pipeline_->ProcessBatch(&docs, n);
    }
    std::vector<DocPtr> out;
    out.reserve(docs.size());
    for (auto& d : docs) out.push_back(std::make_shared<Document>(std::move(d)));
    return out;
  }

  std::shared_ptr<PyDictionary> dictionary() const { return dict_; }
  unsigned threads() const { return threads_; }
  bool keep_negated() const { return keep_negated_; }

 private:
  std::shared_ptr<PyDictionary> dict_;
  std::unique_ptr<Pipeline> pipeline_;
  unsigned threads_;
  bool keep_negated_;
};

// ---------------------------------------------------------------- extraction

py::dict Extract(py::handle html, py::handle url) {
  std::string page;
  if (py::isinstance<py::bytes>(html) || py::isinstance<py::bytearray>(html)) {
    std::string bytes = py::isinstance<py::bytes>(html)
                            ? std::string(html.cast<py::bytes>())
                            : std::string(PyByteArray_AsString(html.ptr()),
                                          static_cast<size_t>(PyByteArray_Size(html.ptr())));
    py::gil_scoped_release nogil;
    page = DecodeToUtf8(bytes, "", /*html=*/true);
    RepairUtf8(page);
  } else {
    page = StrArg(html, "html");
    RepairUtf8(page);
  }
  const std::string page_url = url.is_none() ? "" : StrArg(url, "url");
  static const ArticleExtractor* extractor = new ArticleExtractor();  // const, thread-safe
  Article a;
  Document doc;
  {
    py::gil_scoped_release nogil;
    a = extractor->ExtractHtml(page, page_url);
    for (const auto& b : a.blocks) {
      if (!doc.text.empty()) doc.text += "\n\n";
      Block blk;
      blk.span.start = static_cast<uint32_t>(doc.text.size());
      doc.text += b.text;
      blk.span.end = static_cast<uint32_t>(doc.text.size());
      blk.type = b.type;
      doc.blocks.push_back(std::move(blk));
    }
  }
  CodepointIndex cp(doc.text);
  py::dict d;
  d["url"] = StrOrNone(page_url.empty() ? a.canonical_url : page_url);
  d["canonical_url"] = StrOrNone(a.canonical_url);
  d["title"] = StrOrNone(a.title);
  d["authors"] = a.authors;
  d["date"] = StrOrNone(a.date);
  d["date_source"] = StrOrNone(a.date_source);
  d["site"] = StrOrNone(a.site);
  d["language"] = StrOrNone(a.language);
  d["text"] = doc.text;
  py::list blocks;
  for (const Block& b : doc.blocks) {
    py::dict bd;
    bd["type"] = b.type;
    bd["text"] = std::string(doc.slice(b.span));
    bd["start"] = cp(b.span.start);
    bd["end"] = cp(b.span.end);
    blocks.append(bd);
  }
  d["blocks"] = blocks;
  return d;
}

// ---------------------------------------------------------------- reading inputs

// Messages of a Diagnostics, to stderr or collected in memory.
class MessageSink {
 public:
  explicit MessageSink(bool collect) {
    if (collect) file_ = open_memstream(&buf_, &size_);
  }
  ~MessageSink() {
    if (file_) std::fclose(file_);
    std::free(buf_);
  }
  FILE* file() const { return file_ ? file_ : stderr; }
  // What was written since the last call.
  std::string Take() {
    if (!file_) return "";
    std::fflush(file_);
    std::string s(buf_ ? buf_ : "", size_);
    std::fclose(file_);
    std::free(buf_);
    buf_ = nullptr;
    size_ = 0;
    file_ = open_memstream(&buf_, &size_);
    return s;
  }

 private:
  FILE* file_ = nullptr;
  char* buf_ = nullptr;
  size_t size_ = 0;
};

InputOptions MakeInputOptions(const std::string& input_format, py::handle date) {
  InputOptions o;
  if (!ParseInputFormat(input_format, &o.format))
    throw py::value_error("unknown input_format '" + input_format + "'");
  o.default_date = DateArg(date, "date");
  return o;
}

// Documents of one input file (any format `dyad code` reads), not yet coded. Bad records are
// reported (stderr, or collected for messages()) and skipped, as by the CLI.
class PyReader {
 public:
  // `name` is what ids and messages call the file (default: `path`): a worker opens an
  // absolute path while documents keep the name the user gave, as `dyad code` names them.
  PyReader(const std::string& path, const std::string& input_format, py::handle date,
           bool collect_messages, py::handle name)
      : sink_(collect_messages), diag_(sink_.file()), path_(path) {
    InputOptions o = MakeInputOptions(input_format, date);
    name_ = name.is_none() ? path : StrArg(name, "name");
    std::error_code ec;
    if (path != "-" && !std::filesystem::exists(path, ec)) {
      PyErr_SetString(PyExc_FileNotFoundError, ("no such file: " + path).c_str());
      throw py::error_already_set();
    }
    InputSource src{path,
                    path == "-" ? 0 : static_cast<uint64_t>(std::filesystem::file_size(path, ec))};
    if (ec) src.size = 0;
    reader_ = std::make_unique<DocumentReader>(src, o, &diag_);
  }

  // Up to `n` documents; an empty list at the end of the input.
  std::vector<DocPtr> ReadBatch(size_t n) {
    std::vector<DocPtr> out;
    py::gil_scoped_release nogil;
    while (out.size() < n) {
      auto doc = std::make_shared<Document>();
      if (!reader_->Next(doc.get())) break;
      if (name_ != path_) {
        Rename(&doc->id);
        Rename(&doc->origin);
      }
      out.push_back(std::move(doc));
    }
    return out;
  }

  DocPtr Next() {
    auto v = ReadBatch(1);
    if (v.empty()) throw py::stop_iteration();
    return v.front();
  }

  size_t rejected() const { return diag_.rejected(); }
  size_t warnings() const { return diag_.warnings(); }
  uint64_t bytes_read() const { return reader_->bytes_read(); }
  std::string messages() {
    std::string m = sink_.Take();
    if (name_ == path_) return m;
    std::string out;
    const std::string from = "dyad: " + path_, to = "dyad: " + name_;
    for (std::string_view line : Split(m, '\n')) {
      if (line.empty()) continue;
      if (StartsWith(line, from))
        out += to + std::string(line.substr(from.size()));
      else
        out += line;
      out += '\n';
    }
    return out;
  }

 private:
  // Replaces a leading path_ (an id or origin "path" or "path:line") by name_.
  void Rename(std::string* s) const {
    if (StartsWith(*s, path_) && (s->size() == path_.size() || (*s)[path_.size()] == ':'))
      *s = name_ + s->substr(path_.size());
  }
  MessageSink sink_;
  Diagnostics diag_;
  std::string path_, name_;
  std::unique_ptr<DocumentReader> reader_;
};

// Files to read for some paths, as `dyad code` expands them (directories walked recursively
// in name order, hidden files skipped). Missing paths raise FileNotFoundError.
std::vector<std::pair<std::string, uint64_t>> ExpandPaths(const std::vector<std::string>& paths) {
  MessageSink sink(true);
  Diagnostics diag(sink.file());
  std::vector<InputSource> sources = ExpandInputs(paths, &diag);
  if (diag.rejected() > 0) {
    PyErr_SetString(PyExc_FileNotFoundError, std::string(Trim(sink.Take())).c_str());
    throw py::error_already_set();
  }
  std::vector<std::pair<std::string, uint64_t>> out;
  for (const auto& s : sources) out.emplace_back(s.path, s.size);
  return out;
}

// ---------------------------------------------------------------- the store

std::vector<const Document*> DocList(const std::vector<DocPtr>& docs) {
  std::vector<const Document*> out;
  for (const auto& d : docs) {
    if (!d) throw py::type_error("None is not a dyad.Document");
    out.push_back(d.get());
  }
  return out;
}

// The SQLite event store (dyad code --db): idempotent by document content hash.
class PyStore {
 public:
  PyStore(py::handle path, bool read_only) {
    path_ = py::module_::import("os").attr("fspath")(path).cast<std::string>();
    std::string error;
    {
      py::gil_scoped_release nogil;
      store_ = read_only ? EventStore::OpenExisting(path_, &error)
                         : EventStore::Open(path_, false, &error);
    }
    if (!store_) throw py::value_error("cannot open database " + path_ + ": " + error);
    read_only_ = read_only;
  }

  EventStore& store() {
    if (!store_) throw py::value_error("the store is closed");
    if (read_only_) throw py::value_error("the store is open read-only");
    return *store_;
  }

  bool Add(const DocPtr& doc) {
    if (!doc) throw py::type_error("None is not a dyad.Document");
    EventStore& s = store();
    py::gil_scoped_release nogil;
    std::lock_guard<std::mutex> lock(mu_);
    return s.Add(*doc);
  }

  // Adds documents in one transaction; returns how many were new (not already stored).
  size_t AddMany(const std::vector<DocPtr>& docs) {
    std::vector<const Document*> list = DocList(docs);
    EventStore& s = store();
    py::gil_scoped_release nogil;
    std::lock_guard<std::mutex> lock(mu_);
    size_t added = 0;
    s.Begin();
    try {
      for (const Document* d : list) added += s.Add(*d) ? 1 : 0;
    } catch (...) {
      sqlite3_exec(s.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
    s.Commit();
    return added;
  }

  void AddCodeNames(py::handle dictionary) {
    std::shared_ptr<PyDictionary> dict;
    if (py::isinstance<PyCoder>(dictionary))
      dict = dictionary.cast<PyCoder&>().dictionary();
    else
      dict = dictionary.cast<std::shared_ptr<PyDictionary>>();
    EventStore& s = store();
    py::gil_scoped_release nogil;
    std::lock_guard<std::mutex> lock(mu_);
    s.AddCodeNames(*dict->dict);
  }

  void Close() {
    py::gil_scoped_release nogil;
    std::lock_guard<std::mutex> lock(mu_);
    store_.reset();
  }

  const std::string& path() const { return path_; }
  bool closed() const { return !store_; }

 private:
  std::string path_;
  bool read_only_ = false;
  std::mutex mu_;
  std::unique_ptr<EventStore> store_;
};

// ---------------------------------------------------------------- document archives

// A gzip file of encoded documents, each a 4-byte little-endian length and the encoding: what a
// Dask partition hands to the merge step.
class ArchiveWriter {
 public:
  explicit ArchiveWriter(const std::string& path) : path_(path) {
    gz_ = gzopen(path.c_str(), "wb1");
    if (!gz_) throw py::value_error("cannot write " + path);
  }
  ~ArchiveWriter() {
    if (gz_) gzclose(gz_);
  }
  void WriteMany(const std::vector<DocPtr>& docs) {
    std::vector<const Document*> list = DocList(docs);
    if (!gz_) throw py::value_error("the archive is closed");
    bool ok = true;
    {
      py::gil_scoped_release nogil;
      std::string buf;
      for (const Document* d : list) {
        buf.clear();
        buf.resize(4);
        EncodeDocument(*d, /*with_raw=*/false, &buf);
        const uint32_t n = static_cast<uint32_t>(buf.size() - 4);
        for (int i = 0; i < 4; ++i) buf[i] = static_cast<char>((n >> (8 * i)) & 0xff);
        if (gzwrite(gz_, buf.data(), static_cast<unsigned>(buf.size())) !=
            static_cast<int>(buf.size()))
          ok = false;
      }
    }
    if (!ok) throw py::value_error("cannot write " + path_);
  }
  void Close() {
    if (gz_ && gzclose(gz_) != Z_OK) {
      gz_ = nullptr;
      throw py::value_error("cannot write " + path_);
    }
    gz_ = nullptr;
  }

 private:
  std::string path_;
  gzFile gz_ = nullptr;
};

class ArchiveReader {
 public:
  explicit ArchiveReader(const std::string& path) : path_(path) {
    gz_ = gzopen(path.c_str(), "rb");
    if (!gz_) throw py::value_error("cannot read " + path);
  }
  ~ArchiveReader() {
    if (gz_) gzclose(gz_);
  }
  std::vector<DocPtr> ReadBatch(size_t n) {
    std::vector<DocPtr> out;
    std::string error;
    {
      py::gil_scoped_release nogil;
      std::string buf;
      while (gz_ && out.size() < n) {
        unsigned char len[4];
        int got = gzread(gz_, len, 4);
        if (got == 0) break;
        if (got != 4) {
          error = "truncated archive";
          break;
        }
        const uint32_t size =
            len[0] | (len[1] << 8) | (len[2] << 16) | (static_cast<uint32_t>(len[3]) << 24);
        buf.resize(size);
        if (gzread(gz_, buf.data(), size) != static_cast<int>(size)) {
          error = "truncated archive";
          break;
        }
        auto doc = std::make_shared<Document>();
        if (!DecodeDocument(buf, doc.get(), &error)) break;
        out.push_back(std::move(doc));
      }
    }
    if (!error.empty())
      throw py::value_error(path_ + ": record " + std::to_string(count_ + out.size() + 1) + ": " +
                            error);
    count_ += out.size();
    return out;
  }

 private:
  std::string path_;
  gzFile gz_ = nullptr;
  size_t count_ = 0;
};

}  // namespace
}  // namespace dyad

PYBIND11_MODULE(_dyad, m) {
  using namespace dyad;
  m.doc() = "dyad: political event coding (CAMEO/PLOVER) from news text; the compiled core.";
  m.attr("__version__") = DYAD_VERSION;

  py::class_<Document, DocPtr>(m, "Document",
                               "One article with every annotation the pipeline added.")
      .def_property_readonly("id", [](const Document& d) { return d.id; })
      .def_property_readonly("origin", [](const Document& d) { return d.origin; })
      .def_property_readonly("url", [](const Document& d) { return StrOrNone(d.url); })
      .def_property_readonly("title", [](const Document& d) { return StrOrNone(d.title); })
      .def_property_readonly("publisher", [](const Document& d) { return StrOrNone(d.publisher); })
      .def_property_readonly("date", [](const Document& d) { return StrOrNone(d.date); })
      .def_property_readonly(
          "text", [](const Document& d) { return d.text; },
          "The extracted text every offset points into.")
      .def_property_readonly("is_html", [](const Document& d) { return d.raw_is_html; })
      .def_property_readonly("n_sentences", [](const Document& d) { return d.sentences.size(); })
      .def_property_readonly("n_events", [](const Document& d) { return d.events.size(); })
      .def_property_readonly("content_hash", &EventStore::DocumentHash,
                             "The hash the event store deduplicates documents by.")
      .def("events", &EventsList, "The events as dicts, in the shape `dyad code` prints.")
      .def("events_jsonl", &EventsJsonl,
           "The events as the JSON lines `dyad code` prints (one per line, newline-ended).")
      .def("to_dict", &AnnotationsDict,
           "Every layer: text, blocks, sentences, tokens, actors, timexes, places, quotes, "
           "events (offsets are code points into text).")
      .def("to_bytes", &EncodeBytes, py::arg("with_raw") = true,
           "An encoding of every layer, for Document.from_bytes in this version of dyad.")
      .def_static("from_bytes", &DecodeBytes, py::arg("data"))
      .def(py::pickle([](const Document& d) { return EncodeBytes(d, true); },
                      [](const py::bytes& b) { return DecodeBytes(b); }))
      .def("__repr__", [](const Document& d) {
        return "<dyad.Document id=" + std::string(py::repr(py::str(d.id))) +
               " date=" + (d.date.empty() ? "None" : d.date) +
               " sentences=" + std::to_string(d.sentences.size()) +
               " events=" + std::to_string(d.events.size()) + ">";
      });

  py::class_<PyDictionary, std::shared_ptr<PyDictionary>>(
      m, "Dictionary", "A loaded dictionary set (actors, agents, verb patterns, CAMEO table).")
      .def(py::init(&LoadDictionary), py::arg("dict_dir") = py::none())
      .def_property_readonly("dirs", [](const PyDictionary& d) { return d.dirs; })
      .def_property_readonly("n_actors",
                             [](const PyDictionary& d) { return d.dict->actors().size(); })
      .def_property_readonly("n_patterns",
                             [](const PyDictionary& d) { return d.dict->patterns().size(); })
      .def_property_readonly("n_cameo_codes",
                             [](const PyDictionary& d) { return d.dict->cameo_size(); })
      .def_property_readonly(
          "problems", [](const PyDictionary& d) { return d.warnings; },
          "Bad dictionary lines reported (and skipped) while loading.");

  py::class_<PyCoder>(m, "_Coder")
      .def(py::init<py::object, bool, unsigned>(), py::arg("dict_dir") = py::none(),
           py::arg("keep_negated") = false, py::arg("threads") = 0u)
      .def("process", &PyCoder::Process, py::arg("doc"), py::arg("date") = py::none(),
           py::arg("doc_id") = py::none())
      .def("process_batch", &PyCoder::ProcessBatch, py::arg("docs"), py::arg("date") = py::none(),
           py::arg("threads") = py::none(), py::arg("first_index") = 0)
      .def_property_readonly("dictionary", &PyCoder::dictionary)
      .def_property_readonly("threads", &PyCoder::threads)
      .def_property_readonly("keep_negated", &PyCoder::keep_negated);

  m.def("extract", &Extract, py::arg("html"), py::arg("url") = py::none(),
        "The article of one HTML page (str, or bytes in any charset): title, authors, date, "
        "site, language, text and blocks with code-point offsets into text.");

  py::class_<PyReader>(m, "Reader",
                       "Documents of one input (text, JSONL, HTML, any of them gzipped, or "
                       "whatever `dyad code` reads), read by the C++ reader, not yet coded.")
      .def(py::init<const std::string&, const std::string&, py::handle, bool, py::handle>(),
           py::arg("path"), py::arg("input_format") = "auto", py::arg("date") = py::none(),
           py::arg("collect_messages") = false, py::arg("name") = py::none())
      .def("read_batch", &PyReader::ReadBatch, py::arg("n") = 256)
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &PyReader::Next)
      .def_property_readonly("rejected", &PyReader::rejected)
      .def_property_readonly("warnings", &PyReader::warnings)
      .def_property_readonly("bytes_read", &PyReader::bytes_read)
      .def("messages", &PyReader::messages,
           "Messages collected since the last call (collect_messages=True), one per line.");

  m.def(
      "normalize_date", [](const std::string& s) { return NormalizeDate(s); }, py::arg("date"),
      "YYYY-MM-DD for the date spellings dyad reads, '' when unreadable.");
  m.def("expand_inputs", &ExpandPaths, py::arg("paths"),
        "The files `dyad code` would read for these paths, with their sizes.");

  py::class_<PyStore>(m, "Store", "The SQLite event store (dyad code --db).")
      .def(py::init<py::handle, bool>(), py::arg("path"), py::arg("read_only") = false)
      .def("add", &PyStore::Add, py::arg("doc"),
           "Stores a coded document unless one with the same content hash is there; True when "
           "it was stored.")
      .def("add_many", &PyStore::AddMany, py::arg("docs"),
           "Stores documents in one transaction; returns how many were new.")
      .def("add_code_names", &PyStore::AddCodeNames, py::arg("dictionary"))
      .def("close", &PyStore::Close)
      .def_property_readonly("path", &PyStore::path)
      .def_property_readonly("closed", &PyStore::closed)
      .def("__enter__", [](py::object self) { return self; })
      .def("__exit__", [](PyStore& s, py::args) { s.Close(); })
      .def_static("schema_version", &EventStore::schema_version);

  py::class_<ArchiveWriter>(m, "_ArchiveWriter")
      .def(py::init<const std::string&>())
      .def("write_many", &ArchiveWriter::WriteMany)
      .def("close", &ArchiveWriter::Close);
  py::class_<ArchiveReader>(m, "_ArchiveReader")
      .def(py::init<const std::string&>())
      .def("read_batch", &ArchiveReader::ReadBatch, py::arg("n") = 256);
}
