// `dyad parse`: raw text (or CoNLL-U with --tokenized) in, CoNLL-U with tags, lemmas and
// dependencies out; --bench times tokenization and tagging+parsing instead.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "nlp/annotator.h"
#include "nlp/conllu.h"
#include "text/tokenizer.h"

namespace dyad {

namespace {

struct ParseArgs {
  std::string input = "-";
  std::string out;
  std::string models;
  bool tokenized = false;
  bool bench = false;
  bool accurate = false;
  int beam = 0;  // 0: the model's own
};

bool ReadAll(const std::string& path, std::string* text) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    *text = ss.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *text = ss.str();
  return true;
}

// Blocks of a plain text: paragraphs separated by blank lines.
void SplitParagraphs(Document* doc) {
  const std::string& t = doc->text;
  size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && (t[i] == '\n' || t[i] == '\r' || t[i] == ' ' || t[i] == '\t')) ++i;
    if (i >= t.size()) break;
    size_t j = i;
    while (j < t.size()) {
      const size_t nl = t.find('\n', j);
      if (nl == std::string::npos) {
        j = t.size();
        break;
      }
      size_t k = nl + 1;
      while (k < t.size() && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r')) ++k;
      if (k < t.size() && t[k] == '\n') {  // blank line
        j = nl;
        break;
      }
      j = k;
    }
    size_t e = j;
    while (e > i && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r')) --e;
    doc->blocks.push_back({{static_cast<uint32_t>(i), static_cast<uint32_t>(e)}, "p"});
    i = j;
  }
}

std::string OneLine(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Writes the annotated sentences of `doc` as CoNLL-U; ids continue from *sent_id.
void WriteDocument(const Document& doc, size_t* sent_id, std::string* out) {
  size_t block = 0;
  for (const Sentence& s : doc.sentences) {
    nlp::ConlluSentence cs;
    bool new_par = false;
    while (block < doc.blocks.size() && doc.blocks[block].span.start <= s.span.start) {
      ++block;
      new_par = true;
    }
    if (new_par) cs.comments.push_back("# newpar");
    cs.comments.push_back("# sent_id = " + std::to_string(++*sent_id));
    cs.comments.push_back("# text = " + OneLine(doc.slice(s.span)));
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      const Token& tok = doc.tokens[t];
      nlp::ConlluWord w;
      w.form = std::string(doc.slice(tok.span));
      w.lemma = tok.lemma;
      w.upos = tok.upos;
      w.xpos = tok.xpos;
      w.head = tok.head < 0 ? 0 : static_cast<int>(tok.head - s.first_token + 1);
      w.deprel = tok.deprel;
      const bool glued = t + 1 < s.end_token && doc.tokens[t + 1].span.start == tok.span.end;
      // Syntactic words of one orthographic token ("do" + "n't") form a multi-word token.
      const int id = static_cast<int>(t - s.first_token + 1);
      if (glued && Tokenizer::SameWord(doc.tokens[t], doc.tokens[t + 1]) &&
          (cs.multiword.empty() || cs.multiword.back().last < id)) {
        uint32_t last = t + 1;
        while (last + 1 < s.end_token &&
               doc.tokens[last + 1].span.start == doc.tokens[last].span.end &&
               Tokenizer::SameWord(doc.tokens[last], doc.tokens[last + 1]))
          ++last;
        nlp::ConlluToken mwt;
        mwt.first = id;
        mwt.last = static_cast<int>(last - s.first_token + 1);
        mwt.form = std::string(doc.slice({tok.span.start, doc.tokens[last].span.end}));
        const bool glued_after =
            last + 1 < s.end_token && doc.tokens[last + 1].span.start == doc.tokens[last].span.end;
        if (glued_after) mwt.misc = "SpaceAfter=No";
        cs.multiword.push_back(std::move(mwt));
      }
      const bool in_mwt = !cs.multiword.empty() && cs.multiword.back().last >= id;
      if (glued && !in_mwt) w.misc = "SpaceAfter=No";
      cs.words.push_back(std::move(w));
    }
    nlp::WriteConllu(cs, out);
  }
}

double CpuSeconds() {
  rusage r;
  getrusage(RUSAGE_SELF, &r);
  return r.ru_utime.tv_sec + r.ru_stime.tv_sec + (r.ru_utime.tv_usec + r.ru_stime.tv_usec) * 1e-6;
}

int RunBench(const nlp::Annotator& annotator, const std::string& model_dir, const std::string& text,
             double load_seconds, FILE* out) {
  Document doc;
  doc.text = text;
  SplitParagraphs(&doc);
  Tokenizer tokenizer;
  auto wall = [] { return std::chrono::steady_clock::now(); };
  auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  // Tokenization alone (the floor), then tagging + parsing, then tagging + parsing + lemmas.
  double c0 = CpuSeconds();
  auto w0 = wall();
  tokenizer.Tokenize(&doc);
  double tok_cpu = CpuSeconds() - c0, tok_wall = secs(w0, wall());
  annotator.Segment(&doc);
  std::vector<std::string_view> forms;
  std::vector<int> tags, heads, labels;
  c0 = CpuSeconds();
  w0 = wall();
  for (const Sentence& s : doc.sentences) {
    forms.clear();
    for (uint32_t t = s.first_token; t < s.end_token; ++t)
      forms.push_back(doc.slice(doc.tokens[t].span));
    annotator.TagAndParse(forms, &tags, &heads, &labels);
  }
  double tp_cpu = CpuSeconds() - c0, tp_wall = secs(w0, wall());
  c0 = CpuSeconds();
  w0 = wall();
  annotator.Annotate(&doc);
  double an_cpu = CpuSeconds() - c0, an_wall = secs(w0, wall());
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  const double n = static_cast<double>(doc.tokens.size());
  // The model files as committed (compressed), beside their size in memory.
  uintmax_t files = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(model_dir, ec))
    if (e.is_regular_file(ec) && e.path().extension() == ".bin") files += e.file_size(ec);
  std::fprintf(out,
               "{\"tokens\": %zu, \"sentences\": %zu, \"bytes\": %zu, \"load_seconds\": %.3f, "
               "\"model_mb\": %.2f, \"model_files_mb\": %.2f, \"tokenize_cpu_seconds\": %.3f, "
               "\"tokenize_wall_seconds\": %.3f, \"tag_parse_cpu_seconds\": %.3f, "
               "\"tag_parse_wall_seconds\": %.3f, \"annotate_cpu_seconds\": %.3f, "
               "\"annotate_wall_seconds\": %.3f, \"tokenize_tokens_per_s\": %.0f, "
               "\"tag_parse_tokens_per_s\": %.0f, \"annotate_tokens_per_s\": %.0f, "
               "\"peak_rss_mb\": %.1f}\n",
               doc.tokens.size(), doc.sentences.size(), text.size(), load_seconds,
               annotator.bytes() / 1e6, static_cast<double>(files) / 1e6, tok_cpu, tok_wall, tp_cpu,
               tp_wall, an_cpu, an_wall, tok_cpu > 0 ? n / tok_cpu : 0.0,
               tp_cpu > 0 ? n / tp_cpu : 0.0, an_cpu > 0 ? n / an_cpu : 0.0, ru.ru_maxrss / 1024.0);
  return 0;
}

int RunParse(const ParseArgs& a) {
  std::string error;
  const std::string dir = a.models.empty() ? nlp::Annotator::DefaultDir() : a.models;
  const auto t0 = std::chrono::steady_clock::now();
  if (a.beam > 0 && !a.accurate) {
    std::fprintf(stderr, "dyad parse: --beam needs --accurate (the fast parser is greedy)\n");
    return 2;
  }
  auto annotator = nlp::Annotator::Load(dir, &error, a.accurate);
  if (!annotator) {
    std::fprintf(stderr, "dyad parse: %s\n", error.c_str());
    return 2;
  }
  if (a.beam > 0) annotator->set_beam(a.beam);
  const double load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  FILE* out = stdout;
  std::unique_ptr<FILE, int (*)(FILE*)> out_file(nullptr, &std::fclose);
  if (!a.out.empty() && a.out != "-") {
    out_file.reset(std::fopen(a.out.c_str(), "wb"));
    if (!out_file) {
      std::fprintf(stderr, "dyad parse: cannot write %s\n", a.out.c_str());
      return 1;
    }
    out = out_file.get();
  }
  std::string text;
  if (!ReadAll(a.input, &text)) {
    std::fprintf(stderr, "dyad parse: cannot read %s\n", a.input.c_str());
    return 1;
  }
  if (a.bench) return RunBench(*annotator, dir, text, load_seconds, out);

  std::string result;
  if (a.tokenized) {
    std::istringstream in(text);
    std::vector<nlp::ConlluSentence> sentences;
    if (!nlp::ReadConllu(in, &sentences, &error)) {
      std::fprintf(stderr, "dyad parse: %s: %s\n", a.input.c_str(), error.c_str());
      return 1;
    }
    std::vector<std::string_view> forms;
    std::vector<nlp::WordAnalysis> words;
    for (auto& s : sentences) {
      forms.clear();
      for (const auto& w : s.words) forms.push_back(w.form);
      annotator->AnnotateWords(forms, &words);
      for (size_t i = 0; i < words.size(); ++i) {
        nlp::ConlluWord& w = s.words[i];
        w.lemma = words[i].lemma;
        w.upos = words[i].upos;
        w.xpos = words[i].xpos;
        w.feats = "_";
        w.head = words[i].head;
        w.deprel = words[i].deprel;
        w.deps = "_";
      }
      s.empty_nodes.clear();  // enhanced-graph nodes are not predicted
      nlp::WriteConllu(s, &result);
    }
  } else {
    Document doc;
    doc.text = std::move(text);
    SplitParagraphs(&doc);
    Tokenizer().Tokenize(&doc);
    annotator->Segment(&doc);
    annotator->Annotate(&doc);
    size_t sent_id = 0;
    WriteDocument(doc, &sent_id, &result);
  }
  if (std::fwrite(result.data(), 1, result.size(), out) != result.size()) {
    std::fprintf(stderr, "dyad parse: write error\n");
    return 1;
  }
  return 0;
}

}  // namespace

std::function<int()> AddParseCommand(CLI::App& app) {
  auto args = std::make_shared<ParseArgs>();
  auto* cmd =
      app.add_subcommand("parse",
                         "Tag, lemmatize and dependency-parse text; writes CoNLL-U (Universal "
                         "Dependencies).");
  cmd->add_option("input", args->input,
                  "Plain text (paragraphs separated by blank lines), or CoNLL-U with "
                  "--tokenized; - for stdin")
      ->capture_default_str();
  cmd->add_flag("--tokenized", args->tokenized,
                "Input is CoNLL-U: keep its sentences and words and fill in the tags, lemmas "
                "and dependencies");
  cmd->add_option("-o,--out", args->out, "Write to FILE instead of stdout");
  cmd->add_option("--models", args->models,
                  "Model directory (tagger.bin, lemmatizer.bin, parser.bin); default: the "
                  "bundled data/models");
  cmd->add_flag("--accurate", args->accurate,
                "Parse with the beam-search parser (parser-beam.bin): about a point more "
                "attachment accuracy, about a fifth of the speed");
  cmd->add_option("--beam", args->beam,
                  "With --accurate: the beam width (default: the width it was trained with; "
                  "wider is slower and a little more accurate)")
      ->check(CLI::Range(1, nlp::Parser::kMaxBeam));
  cmd->add_flag("--bench", args->bench,
                "Time tokenization alone and tagging+parsing on the input text; print JSON "
                "(tokens, seconds, tokens/s, peak RSS) instead of CoNLL-U");
  return [args]() { return RunParse(*args); };
}

}  // namespace dyad
