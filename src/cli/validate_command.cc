// `dyad validate petrarch|tabari FILE`: runs a peer coder's validation suite through dyad's
// pipeline with the suite's dictionaries and prints pass or fail per record, the difference
// when it fails, and the totals (or all of it as JSON).
//
// A record passes when dyad's set of (source, target, event code) triples equals the
// expected set. Codes are compared upper-cased, with a leading "---" (no country) dropped on
// both sides, so "---GOV" equals dyad's "GOV" and "---" an absent actor. A record expecting
// no events passes when dyad codes none. Records a suite marks as not to be evaluated are
// skipped, with the reason: PETRARCH sentence="false", a category outside <Include>, and
// parse-error tests (EventCoding error=...), which test a parse tree dyad does not read;
// TABARI records after FINAL-01, records holding only OPTION settings or no expectation.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <tuple>

#include "cli/commands.h"
#include "core/json_writer.h"
#include "core/strings.h"
#include "dict/dictionary.h"
#include "dict/peer_syntax.h"
#include "dict/tabari_reader.h"
#include "extract/html_dom.h"
#include "pipeline/pipeline.h"

namespace dyad {

namespace {

namespace fs = std::filesystem;

using Triple = std::tuple<std::string, std::string, std::string>;

// One validation record.
struct Record {
  std::string id, category, date, text;
  std::vector<Triple> expected;  // expected codings
  std::vector<Triple> absent;    // TABARI "-{...}": codings that must not appear
  bool expect_none = false;      // noevents / {---} / {+++} / {###}
  std::string skip;              // why it is not evaluated, "" when it is
  PeerOptions options;           // the options in force for it
};

struct Suite {
  std::string kind;  // petrarch, tabari
  std::string file;
  std::vector<std::string> dict_files;  // the dictionaries the suite names
  std::vector<Record> records;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string Squeeze(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

// Attributes of an XML start tag ("<Sentence date="1995" id="X">").
std::vector<std::pair<std::string, std::string>> Attributes(std::string_view tag) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t i = tag.find_first_of(" \t\n");
  while (i != std::string_view::npos && i < tag.size()) {
    auto eq = tag.find('=', i);
    if (eq == std::string_view::npos) break;
    std::string key(Trim(tag.substr(i, eq - i)));
    auto q = tag.find_first_of("\"'", eq);
    if (q == std::string_view::npos) break;
    auto q2 = tag.find(tag[q], q + 1);
    if (q2 == std::string_view::npos) break;
    out.emplace_back(key, DecodeEntities(tag.substr(q + 1, q2 - q - 1)));
    i = q2 + 1;
  }
  return out;
}

std::string Attr(const std::vector<std::pair<std::string, std::string>>& attrs,
                 const std::string& key, bool* present = nullptr) {
  for (const auto& [k, v] : attrs)
    if (k == key) {
      if (present) *present = true;
      return v;
    }
  if (present) *present = false;
  return "";
}

std::string Between(std::string_view s, std::string_view open, std::string_view close) {
  auto a = s.find(open);
  if (a == std::string_view::npos) return "";
  auto b = s.find(close, a + open.size());
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(a + open.size(), b - a - open.size()));
}

// PETRARCH's validation XML: <Environment> names the dictionaries and the categories to
// include; <Config> elements change options for the records after them.
bool ReadPetrarchSuite(const std::string& path, Suite* suite, std::string* error) {
  std::string xml = ReadAll(path);
  if (xml.empty()) {
    *error = "cannot read " + path;
    return false;
  }
  // Drop comments.
  for (size_t pos; (pos = xml.find("<!--")) != std::string::npos;) {
    auto end = xml.find("-->", pos + 4);
    xml.erase(pos, end == std::string::npos ? std::string::npos : end + 3 - pos);
  }
  suite->kind = "petrarch";
  suite->file = path;
  const auto dir = fs::path(path).parent_path();
  const std::string env = Between(xml, "<Environment>", "</Environment>");
  for (const char* tag : {"Verbfile", "Actorfile", "Agentfile", "Discardfile"}) {
    std::string name(
        Trim(Between(env, std::string("<") + tag + ">", std::string("</") + tag + ">")));
    if (!name.empty()) suite->dict_files.push_back((dir / name).string());
  }
  std::set<std::string> include;
  const std::string categories = Squeeze(Between(env, "<Include>", "</Include>"));
  for (auto w : Split(categories, ' '))
    if (!w.empty() && w != "valid") include.emplace(w);
  PeerOptions options;
  size_t pos = 0;
  for (;;) {
    auto config = xml.find("<Config", pos);
    auto sentence = xml.find("<Sentence ", pos);
    if (config == std::string::npos && sentence == std::string::npos) break;
    if (config < sentence) {
      auto end = xml.find('>', config);
      auto attrs = Attributes(std::string_view(xml).substr(config, end - config));
      const std::string option = Attr(attrs, "option");
      const std::string value = AsciiLower(Attr(attrs, "value"));
      int n = std::atoi(value.c_str());
      if (option == "require_dyad")
        options.require_dyad = value.find("false") == std::string::npos;
      else if (option == "new_actor_length")
        options.new_actor_length = n;
      else if (option == "comma_min")
        options.comma_min = n;
      else if (option == "comma_max")
        options.comma_max = n;
      else if (option == "comma_bmin")
        options.comma_bmin = n;
      else if (option == "comma_bmax")
        options.comma_bmax = n;
      else if (option == "comma_emin")
        options.comma_emin = n;
      else if (option == "comma_emax")
        options.comma_emax = n;
      pos = end;
      continue;
    }
    auto tag_end = xml.find('>', sentence);
    auto close = xml.find("</Sentence>", tag_end);
    if (tag_end == std::string::npos || close == std::string::npos) break;
    const std::string_view body = std::string_view(xml).substr(tag_end + 1, close - tag_end - 1);
    auto attrs = Attributes(std::string_view(xml).substr(sentence, tag_end - sentence));
    Record r;
    r.id = Attr(attrs, "id");
    r.category = Attr(attrs, "category");
    r.date = peer::PeerDate(Attr(attrs, "date"));
    r.text = Squeeze(DecodeEntities(Between(body, "<Text>", "</Text>")));
    r.options = options;
    bool parse_error = false;
    for (size_t c = body.find("<EventCoding"); c != std::string_view::npos;
         c = body.find("<EventCoding", c + 1)) {
      auto ce = body.find('>', c);
      auto ca = Attributes(body.substr(c, ce - c));
      bool has_error = false, has_code = false;
      const std::string error_kind = Attr(ca, "error", &has_error);
      // A parse-error test needs a malformed parse; discards and datelines expect no events.
      if (has_error && error_kind == "bad_input_parse") parse_error = true;
      if (AsciiLower(Attr(ca, "noevents")) == "true") r.expect_none = true;
      std::string code = Attr(ca, "eventcode", &has_code);
      if (has_code) r.expected.emplace_back(Attr(ca, "sourcecode"), Attr(ca, "targetcode"), code);
    }
    if (r.expected.empty()) r.expect_none = true;
    if (AsciiLower(Attr(attrs, "sentence")) == "false")
      r.skip = "sentence=\"false\"";
    else if (!include.empty() && !include.count(r.category))
      r.skip = "category " + r.category + " is not in <Include>";
    else if (parse_error)
      r.skip = "tests a malformed parse tree, which dyad does not read";
    else if (r.text.empty())
      r.skip = "no text";
    suite->records.push_back(std::move(r));
    pos = close;
  }
  if (suite->records.empty()) {
    *error = "no <Sentence> records in " + path;
    return false;
  }
  return true;
}

// TABARI: the .project names the dictionaries and the text file; records are a
// "YYMMDD ID" line, the text, then a /* comment */ holding the expected events
// "{ SRC / TGT / CODE }", negative ones "-{...}" and "{ OPTION: ... }" settings.
bool ReadTabariSuite(const std::string& project_path, const PeerOptions& initial, Suite* suite,
                     Diagnostics* diag, std::string* error) {
  TabariProject project;
  if (!ReadTabariProject(project_path, &project, diag)) {
    *error = "cannot read " + project_path;
    return false;
  }
  if (project.text.empty()) {
    *error = project_path + " names no <textfile>";
    return false;
  }
  suite->kind = "tabari";
  suite->file = project.text;
  suite->dict_files.push_back(project_path);
  std::ifstream in(project.text, std::ios::binary);
  if (!in) {
    *error = "cannot read " + project.text;
    return false;
  }
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    lines.push_back(l);
  }
  PeerOptions options = initial;  // the dictionary's .options, then the records' OPTIONs
  bool finished = false;
  for (size_t i = 0; i < lines.size();) {
    const std::string& l = lines[i];
    const bool header = l.size() > 7 && std::isdigit(static_cast<unsigned char>(l[0])) &&
                        l.find_first_not_of("0123456789") == 6 && (l[6] == ' ' || l[6] == '\t');
    if (!header) {
      ++i;
      continue;
    }
    Record r;
    r.date = peer::PeerDate(l.substr(0, 6));
    r.id = std::string(Trim(std::string_view(l).substr(6)));
    auto sp = r.id.find_first_of(" \t");
    if (sp != std::string::npos) r.id.resize(sp);
    r.category = r.id.substr(0, r.id.find('-'));
    // The record runs to the blank line after its comment closes (or after the text).
    std::string all;
    size_t j = i + 1;
    bool in_comment = false, saw_comment = false;
    for (; j < lines.size(); ++j) {
      const std::string& x = lines[j];
      if (!in_comment && Trim(x).empty()) break;
      // The next record may follow without a blank line.
      if (!in_comment && saw_comment && x.size() > 7 && x.find_first_not_of("0123456789") == 6 &&
          (x[6] == ' ' || x[6] == '\t'))
        break;
      all += x + "\n";
      if (x.find("/*") != std::string::npos) {
        in_comment = true;
        saw_comment = true;
      }
      if (in_comment && x.find("*/") != std::string::npos) in_comment = false;
    }
    i = j;
    const auto open = all.find("/*");
    r.text = Squeeze(all.substr(0, open));
    const std::string comment = open == std::string::npos ? "" : all.substr(open);
    bool any_expectation = false;
    for (size_t c = comment.find('{'); c != std::string::npos; c = comment.find('{', c + 1)) {
      auto e = comment.find('}', c);
      if (e == std::string::npos) break;
      const std::string inside = Squeeze(comment.substr(c + 1, e - c - 1));
      const bool negative = c > 0 && comment[c - 1] == '-';
      if (StartsWith(inside, "OPTION:")) {
        // Interface options (SET: ...) have no effect on coding; others change `options`.
        std::string err;
        ApplyTabariOption(Trim(std::string_view(inside).substr(7)), &options, &err);
        continue;
      }
      auto parts = Split(inside, '/');
      if (parts.size() == 3) {
        Triple t{std::string(Trim(parts[0])), std::string(Trim(parts[1])),
                 std::string(Trim(parts[2]))};
        (negative ? r.absent : r.expected).push_back(t);
        any_expectation = true;
      } else if (inside == "---" || inside == "+++" || inside == "###") {
        r.expect_none = true;
        any_expectation = true;
      }
    }
    if (r.expected.empty() && !r.absent.empty()) r.expect_none = false;
    r.options = options;
    if (finished)
      r.skip = "after FINAL-01 (needs other settings)";
    else if (!any_expectation)
      r.skip = "no expected events given";
    else if (r.text.empty())
      r.skip = "no text";
    if (r.id == "FINAL-01") {
      r.skip = "end of the standard records";
      finished = true;
    }
    suite->records.push_back(std::move(r));
  }
  if (suite->records.empty()) {
    *error = "no records in " + project.text;
    return false;
  }
  return true;
}

// Upper case; a leading "---" (no country) dropped; "" for an absent actor.
std::string NormCode(std::string code) {
  std::string out;
  const bool phrase = !code.empty() && code[0] == '"';  // new_actor_length phrases
  for (char c : code)
    if (c != ' ' || phrase) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  while (StartsWith(out, "---")) out = out.substr(3);
  return out;
}

Triple Norm(const Triple& t) {
  return {NormCode(std::get<0>(t)), NormCode(std::get<1>(t)), std::get<2>(t)};
}

std::string Show(const std::set<Triple>& s) {
  std::string out;
  for (const auto& [a, b, c] : s) {
    if (!out.empty()) out += ", ";
    out += (a.empty() ? "---" : a) + " " + (b.empty() ? "---" : b) + " " + c;
  }
  return out.empty() ? "none" : out;
}

struct ValidateArgs {
  std::string kind;
  std::string file;
  std::vector<std::string> dicts;
  bool json = false;
  bool failures = false;
  std::vector<std::string> only;
};

int RunValidate(const ValidateArgs& a) {
  Diagnostics diag;
  Suite suite;
  std::string error;
  const std::string kind = AsciiLower(a.kind);
  std::unique_ptr<Dictionary> dict;
  if (kind == "petrarch") {
    if (!ReadPetrarchSuite(a.file, &suite, &error)) {
      std::fprintf(stderr, "dyad validate: %s\n", error.c_str());
      return 2;
    }
    dict = Dictionary::Load(a.dicts.empty() ? suite.dict_files : a.dicts, &diag);
    if (!dict) return 2;
  } else if (kind == "tabari") {
    dict = Dictionary::Load(a.dicts.empty() ? std::vector<std::string>{a.file} : a.dicts, &diag);
    if (!dict) return 2;
    if (!ReadTabariSuite(a.file, dict->peer_options(), &suite, &diag, &error)) {
      std::fprintf(stderr, "dyad validate: %s\n", error.c_str());
      return 2;
    }
  } else {
    std::fprintf(stderr, "dyad validate: unknown suite '%s' (petrarch, tabari)\n", a.kind.c_str());
    return 2;
  }
  if (!dict->has_foreign_verbs())
    std::fprintf(stderr, "dyad validate: warning: no PETRARCH/TABARI verbs in the dictionaries\n");

  struct Result {
    const Record* r;
    std::string status;  // pass, fail, skip
    std::set<Triple> expected, got;
  };
  std::vector<Result> results;
  std::unique_ptr<Pipeline> pipeline;
  PeerOptions current;
  for (const auto& r : suite.records) {
    if (!a.only.empty() && std::find(a.only.begin(), a.only.end(), r.id) == a.only.end()) continue;
    Result res{&r, "skip", {}, {}};
    if (!r.skip.empty()) {
      results.push_back(res);
      continue;
    }
    const PeerOptions& opts = r.options;
    if (!pipeline || opts != current) {
      PipelineOptions po;
      po.coder.peer = opts;
      pipeline = std::make_unique<Pipeline>(*dict, po);
      current = opts;
    }
    Document doc;
    doc.id = r.id;
    doc.origin = suite.file + ": record " + r.id;
    // The suites join the words of a name with '_' as their dictionaries do ("Dol_Amroth");
    // PETRARCH's parses show them as separate words.
    doc.raw = r.text;
    std::replace(doc.raw.begin(), doc.raw.end(), '_', ' ');
    doc.date = r.date;
    pipeline->Process(&doc);
    for (const auto& e : doc.events) {
      if (e.negated) continue;
      const std::string s = e.source >= 0 ? doc.actors[e.source].code : "";
      const std::string t = e.target >= 0 ? doc.actors[e.target].code : "";
      res.got.insert(Norm({s, t, e.cameo}));
    }
    for (const auto& t : r.expected) res.expected.insert(Norm(t));
    bool ok = res.got == res.expected;
    if (r.expected.empty() && !r.absent.empty()) {
      ok = true;
      for (const auto& t : r.absent)
        if (res.got.count(Norm(t))) ok = false;
    }
    res.status = ok ? "pass" : "fail";
    results.push_back(res);
  }

  int evaluated = 0, passed = 0, coded_eval = 0, coded_pass = 0, none_eval = 0, none_pass = 0,
      skipped = 0;
  for (const auto& res : results) {
    if (res.status == "skip") {
      ++skipped;
      continue;
    }
    ++evaluated;
    const bool ok = res.status == "pass";
    passed += ok;
    if (!res.r->expected.empty()) {
      ++coded_eval;
      coded_pass += ok;
    } else {
      ++none_eval;
      none_pass += ok;
    }
  }
  auto pct = [](int p, int n) { return n ? 100.0 * p / n : 0.0; };
  if (a.json) {
    std::string js;
    JsonWriter w(js);
    auto triples = [&](const std::set<Triple>& s) {
      w.BeginArray();
      for (const auto& [x, y, z] : s) {
        w.BeginArray();
        w.String(x);
        w.String(y);
        w.String(z);
        w.EndArray();
      }
      w.EndArray();
    };
    w.BeginObject();
    w.Key("suite");
    w.String(suite.kind);
    w.Key("file");
    w.String(suite.file);
    w.Key("evaluated");
    w.Int(evaluated);
    w.Key("passed");
    w.Int(passed);
    w.Key("with_codings");
    w.BeginObject();
    w.Key("evaluated");
    w.Int(coded_eval);
    w.Key("passed");
    w.Int(coded_pass);
    w.EndObject();
    w.Key("expecting_none");
    w.BeginObject();
    w.Key("evaluated");
    w.Int(none_eval);
    w.Key("passed");
    w.Int(none_pass);
    w.EndObject();
    w.Key("skipped");
    w.Int(skipped);
    w.Key("records");
    w.BeginArray();
    for (const auto& res : results) {
      w.BeginObject();
      w.Key("id");
      w.String(res.r->id);
      w.Key("category");
      w.String(res.r->category);
      w.Key("status");
      w.String(res.status);
      if (res.status == "skip") {
        w.Key("reason");
        w.String(res.r->skip);
      } else {
        w.Key("expected");
        triples(res.expected);
        w.Key("got");
        triples(res.got);
      }
      w.Key("text");
      w.String(res.r->text);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::printf("%s\n", js.c_str());
  } else {
    for (const auto& res : results) {
      if (res.status == "pass" && !a.failures)
        std::printf("pass  %s\n", res.r->id.c_str());
      else if (res.status == "skip" && !a.failures)
        std::printf("skip  %s  (%s)\n", res.r->id.c_str(), res.r->skip.c_str());
      else if (res.status == "fail") {
        std::printf("FAIL  %s  [%s]\n", res.r->id.c_str(), res.r->category.c_str());
        std::printf("      text:     %s\n", res.r->text.c_str());
        std::printf("      expected: %s\n", Show(res.expected).c_str());
        std::printf("      got:      %s\n", Show(res.got).c_str());
        std::set<Triple> missing, extra;
        for (const auto& t : res.expected)
          if (!res.got.count(t)) missing.insert(t);
        for (const auto& t : res.got)
          if (!res.expected.count(t)) extra.insert(t);
        if (!missing.empty()) std::printf("      missing:  %s\n", Show(missing).c_str());
        if (!extra.empty()) std::printf("      extra:    %s\n", Show(extra).c_str());
        if (!res.r->absent.empty()) {
          std::set<Triple> absent;
          for (const auto& t : res.r->absent) absent.insert(Norm(t));
          std::printf("      must not: %s\n", Show(absent).c_str());
        }
      }
    }
    std::printf(
        "%s %s: %d of %d records pass (%.1f%%); with expected codings %d of %d (%.1f%%), "
        "expecting no events %d of %d; %d not evaluated\n",
        suite.kind.c_str(), fs::path(suite.file).filename().string().c_str(), passed, evaluated,
        pct(passed, evaluated), coded_pass, coded_eval, pct(coded_pass, coded_eval), none_pass,
        none_eval, skipped);
  }
  return passed == evaluated ? 0 : 1;
}

}  // namespace

std::function<int()> AddValidateCommand(CLI::App& app) {
  auto args = std::make_shared<ValidateArgs>();
  auto* cmd = app.add_subcommand(
      "validate",
      "Run a PETRARCH or TABARI validation suite through dyad and print pass/fail per record.");
  cmd->add_option("suite", args->kind, "petrarch (a validation XML) or tabari (a .project)")
      ->required();
  cmd->add_option("file", args->file,
                  "PETRARCH: the records XML (PETR.UnitTest.records.xml); TABARI: the .project "
                  "naming the dictionaries and the .text records")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--dict", args->dicts,
                  "Dictionary directory or file (repeatable); default: the files the suite "
                  "names");
  cmd->add_flag("--json", args->json, "Print the results as one JSON object");
  cmd->add_flag("--failures", args->failures, "Print only the records that fail");
  cmd->add_option("--only", args->only, "Run only these record ids (repeatable)");
  cmd->footer(
      "A record passes when dyad's set of (source, target, code) triples equals the expected "
      "set (codes upper-cased, a leading '---' dropped on both sides). Exit status: 0 when "
      "every evaluated record passes, 1 when some fail, 2 when the suite cannot be run.");
  return [args]() { return RunValidate(*args); };
}

}  // namespace dyad
