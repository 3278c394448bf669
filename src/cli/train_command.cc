// `dyad train tagger|lemmatizer|parser|all`: train the nlp models from CoNLL-U treebanks.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "nlp/annotator.h"
#include "nlp/conllu.h"
#include "nlp/lemmatizer.h"
#include "nlp/parser.h"
#include "nlp/sentence_splitter.h"
#include "nlp/tagger.h"
#include "nlp/word_clusters.h"

namespace dyad {

namespace {

struct TrainArgs {
  std::string what;
  std::string train, dev, out;
  std::string tagger;    // parser: tag the dev set with this model instead of training one
  std::string text;      // unlabeled text to learn word clusters from
  std::string clusters;  // or word clusters learned before (dyad train clusters)
  std::string wordnet = "/usr/share/wordnet";
  int epochs = 0;         // tagger passes; 0: the component's default
  int parser_epochs = 0;  // parser passes; 0: the component's default
  int jackknife = 10;
  int beam = 0;  // parser: beam width (0: 1, greedy); all: the accurate parser's (0: its default)
  std::string tags_cache;  // parser: keep the jackknifed tags in this file between runs
  uint64_t seed = 1;
  bool quiet = false;
};

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

bool Read(const std::string& path, std::vector<nlp::ConlluSentence>* out) {
  std::string error;
  if (!nlp::ReadConlluFile(path, out, &error)) {
    std::fprintf(stderr, "dyad train: %s\n", error.c_str());
    return false;
  }
  return true;
}

int Fail(const std::string& error) {
  std::fprintf(stderr, "dyad train: %s\n", error.c_str());
  return 1;
}

constexpr std::string_view kClustersMagic = "dyad word clusters v1\n";

// The word clusters of --clusters or --text; empty when neither is given.
bool GetClusters(const TrainArgs& a, std::ostream* log, nlp::WordClusters* out,
                 std::string* error) {
  if (!a.clusters.empty()) {
    nlp::ModelReader r;
    if (!r.Open(a.clusters, kClustersMagic, error)) return false;
    if (!out->Load(&r) || !r.ok() || !r.at_end()) {
      *error = a.clusters + ": corrupt word clusters";
      return false;
    }
    return true;
  }
  if (!a.text.empty()) {
    std::ifstream in(a.text, std::ios::binary);
    if (!in) {
      *error = "cannot read " + a.text;
      return false;
    }
    *out = nlp::WordClusters::Train(in, nlp::ClusterOptions(), log);
  }
  return true;
}

bool SaveClusters(const nlp::WordClusters& clusters, const std::string& path, std::string* error) {
  nlp::ModelWriter w;
  clusters.Save(&w);
  return w.WriteFile(path, kClustersMagic, error);
}

nlp::TaggerOptions TaggerOptionsOf(const TrainArgs& a) {
  nlp::TaggerOptions o;
  if (a.epochs > 0) o.epochs = a.epochs;
  o.seed = a.seed;
  return o;
}

std::unique_ptr<nlp::Tagger> TrainTagger(const TrainArgs& a,
                                         const std::vector<nlp::ConlluSentence>& train,
                                         const std::vector<nlp::ConlluSentence>& dev,
                                         const nlp::WordClusters& clusters, std::ostream* log) {
  return nlp::Tagger::Train(train, dev, TaggerOptionsOf(a), log,
                            clusters.empty() ? nullptr : &clusters);
}

std::unique_ptr<nlp::Lemmatizer> TrainLemmatizer(const TrainArgs& a,
                                                 const std::vector<nlp::ConlluSentence>& train,
                                                 std::ostream* log, std::string* error) {
  nlp::LemmatizerOptions o;
  o.wordnet_dir = a.wordnet;
  return nlp::Lemmatizer::Train(train, o, log, error);
}

std::unique_ptr<nlp::Parser> TrainParser(const TrainArgs& a,
                                         const std::vector<nlp::ConlluSentence>& train,
                                         const std::vector<nlp::ConlluSentence>& dev,
                                         const nlp::Tagger* dev_tagger,
                                         const nlp::WordClusters& clusters, int beam,
                                         const std::string& tags_cache, std::ostream* log) {
  nlp::ParserOptions o;
  if (a.parser_epochs > 0) o.epochs = a.parser_epochs;
  o.seed = a.seed;
  o.jackknife = a.jackknife;
  o.tags_cache = tags_cache;
  o.beam = beam;
  nlp::TaggerOptions to =
      TaggerOptionsOf(a);  // the jackknifed taggers are trained as the tagger is
  return nlp::Parser::Train(train, dev, dev_tagger, to, o, log,
                            clusters.empty() ? nullptr : &clusters);
}

int RunTrain(const TrainArgs& a) {
  const auto t0 = std::chrono::steady_clock::now();
  std::ostream* log = a.quiet ? nullptr : &std::cerr;
  std::string error;
  auto done = [&](const std::string& what, const std::string& path) {
    if (log)
      *log << "train: " << what << " written to " << path << " ("
           << std::filesystem::file_size(path) / 1e6 << " MB), " << Since(t0) << " s so far\n";
  };
  if (a.what == "clusters") {
    if (a.text.empty()) return Fail("clusters: --text FILE is required");
    nlp::WordClusters clusters;
    if (!GetClusters(a, log, &clusters, &error)) return Fail(error);
    if (!SaveClusters(clusters, a.out, &error)) return Fail(error);
    done("word clusters", a.out);
    return 0;
  }
  if (a.what != "tagger" && a.what != "lemmatizer" && a.what != "parser" && a.what != "sentences" &&
      a.what != "all") {
    std::fprintf(stderr,
                 "dyad train: unknown model '%s' (tagger, lemmatizer, parser, sentences, "
                 "clusters, all)\n",
                 a.what.c_str());
    return 2;
  }
  if (a.train.empty()) return Fail("--train FILE is required");
  std::vector<nlp::ConlluSentence> train, dev;
  if (!Read(a.train, &train)) return 1;
  if (!a.dev.empty() && !Read(a.dev, &dev)) return 1;
  if (train.empty()) return Fail(a.train + ": no sentences");

  std::unique_ptr<nlp::Tagger> tagger;
  if (!a.tagger.empty()) {
    tagger = nlp::Tagger::Load(a.tagger, &error);
    if (!tagger) return Fail(error);
  }
  if (a.what == "sentences") {
    auto s = nlp::SentenceSplitter::Train(train, 6, log);
    if (!s->Save(a.out, &error)) return Fail(error);
    done("sentence splitter", a.out);
    return 0;
  }
  nlp::WordClusters clusters;
  if (a.what != "lemmatizer" && !GetClusters(a, log, &clusters, &error)) return Fail(error);

  if (a.what == "tagger") {
    auto t = TrainTagger(a, train, dev, clusters, log);
    if (!t->Save(a.out, &error)) return Fail(error);
    done("tagger", a.out);
    return 0;
  }
  if (a.what == "lemmatizer") {
    auto l = TrainLemmatizer(a, train, log, &error);
    if (!l) return Fail(error);
    if (!l->Save(a.out, &error)) return Fail(error);
    done("lemmatizer", a.out);
    return 0;
  }
  if (a.what == "parser") {
    auto p =
        TrainParser(a, train, dev, tagger.get(), clusters, std::max(1, a.beam), a.tags_cache, log);
    if (!p->Save(a.out, &error)) return Fail(error);
    done("parser", a.out);
    return 0;
  }
  // all
  std::filesystem::create_directories(a.out);
  const std::string dir = a.out;
  // The clusters are inside the tagger and parser models; kept beside them too, for
  // `--clusters` in parser experiments and for tools/check_models.py, which retrains them (and
  // the sentence splitter and lemmatizer) to show that the models match today's tokenizer.
  if (!clusters.empty()) {
    if (!SaveClusters(clusters, dir + "/clusters.bin", &error)) return Fail(error);
    done("word clusters", dir + "/clusters.bin");
  }
  auto s = nlp::SentenceSplitter::Train(train, 6, log);
  if (!s->Save(dir + "/" + nlp::Annotator::kSentencesFile, &error)) return Fail(error);
  done("sentence splitter", dir + "/" + nlp::Annotator::kSentencesFile);
  auto l = TrainLemmatizer(a, train, log, &error);
  if (!l) return Fail(error);
  if (!l->Save(dir + "/" + nlp::Annotator::kLemmatizerFile, &error)) return Fail(error);
  done("lemmatizer", dir + "/" + nlp::Annotator::kLemmatizerFile);
  if (!tagger) {
    tagger = TrainTagger(a, train, dev, clusters, log);
    if (!tagger->Save(dir + "/" + nlp::Annotator::kTaggerFile, &error)) return Fail(error);
    done("tagger", dir + "/" + nlp::Annotator::kTaggerFile);
  }
  // Both parsers learn from the same jackknifed tags: tagged once, kept in a file between them.
  const std::string tags = a.tags_cache.empty() ? dir + "/.jackknifed-tags.tmp" : a.tags_cache;
  auto p = TrainParser(a, train, dev, tagger.get(), clusters, 1, tags, log);
  if (!p->Save(dir + "/" + nlp::Annotator::kParserFile, &error)) return Fail(error);
  done("parser", dir + "/" + nlp::Annotator::kParserFile);
  p = TrainParser(a, train, dev, tagger.get(), clusters,
                  a.beam > 0 ? a.beam : nlp::Annotator::kAccurateBeam, tags, log);
  if (a.tags_cache.empty()) std::filesystem::remove(tags);
  if (!p->Save(dir + "/" + nlp::Annotator::kAccurateParserFile, &error)) return Fail(error);
  done("accurate parser", dir + "/" + nlp::Annotator::kAccurateParserFile);
  return 0;
}

}  // namespace

std::function<int()> AddTrainCommand(CLI::App& app) {
  auto args = std::make_shared<TrainArgs>();
  auto* cmd = app.add_subcommand(
      "train", "Train the tagger, lemmatizer or dependency parser from CoNLL-U treebanks.");
  cmd->add_option("model", args->what,
                  "What to train: tagger, lemmatizer, parser, sentences (the sentence "
                  "splitter), clusters (word clusters from --text), or all (--out is then a "
                  "directory that receives sentences.bin, tagger.bin, lemmatizer.bin, parser.bin, "
                  "parser-beam.bin and, with --text or --clusters, clusters.bin)")
      ->required();
  cmd->add_option("--train", args->train, "Training treebank (CoNLL-U)");
  cmd->add_option("--dev", args->dev, "Development treebank (CoNLL-U), for progress reports");
  cmd->add_option("-o,--out", args->out, "Model file to write (a directory for 'all')")->required();
  cmd->add_option("--text", args->text,
                  "Unlabeled text, one paragraph a line (tools/nlp_corpus.py writes it): learn "
                  "word clusters from it for the tagger's and parser's features");
  cmd->add_option("--clusters", args->clusters,
                  "Word clusters written by `dyad train clusters` (instead of --text)");
  cmd->add_option("--tagger", args->tagger,
                  "parser, all: use this tagger model (for the dev set; 'all' then trains no "
                  "tagger)");
  cmd->add_option("--wordnet", args->wordnet,
                  "lemmatizer: WordNet dictionary folder (Debian wordnet-base)")
      ->capture_default_str();
  cmd->add_option("--epochs", args->epochs, "Tagger training passes (default 10)");
  cmd->add_option("--parser-epochs", args->parser_epochs, "Parser training passes (default 12)");
  cmd->add_option("--jackknife", args->jackknife,
                  "parser: train on tags predicted by K taggers, each trained without one "
                  "K-th of --train (0 or 1: gold tags)")
      ->capture_default_str();
  cmd->add_option("--beam", args->beam,
                  "parser: beam width (default 1: a greedy parser trained with the dynamic "
                  "oracle; more: beam search trained as a global perceptron, the model keeps "
                  "its width); all: the width of the accurate parser (default " +
                      std::to_string(nlp::Annotator::kAccurateBeam) + ")")
      ->check(CLI::Range(1, nlp::Parser::kMaxBeam));
  cmd->add_option("--tags-cache", args->tags_cache,
                  "parser, all: read the jackknifed training tags from FILE when it was "
                  "written for the same --train, --jackknife, tagger options and clusters, "
                  "else tag and write FILE (saves the ~13 min of jackknifing between parser "
                  "experiments)");
  cmd->add_option("--seed", args->seed, "Random seed (shuffling)")->capture_default_str();
  cmd->add_flag("-q,--quiet", args->quiet, "No progress on stderr");
  cmd->footer(
      "The committed models (data/models) are made with:\n"
      "  tools/nlp_corpus.py --shared ../shared > /tmp/dyad-corpus.txt\n"
      "  dyad train all --train ../shared/data/ud/ewt/en_ewt-ud-train.conllu \\\n"
      "      --dev ../shared/data/ud/ewt/en_ewt-ud-dev.conllu --text /tmp/dyad-corpus.txt "
      "--out data/models");
  return [args]() { return RunTrain(*args); };
}

}  // namespace dyad
