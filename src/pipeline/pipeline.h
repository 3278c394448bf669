// Pipeline: the one place that knows the order of the stages (extract, text, actors, events)
// and runs them over Documents, on one thread or many.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "actors/actor_recognizer.h"
#include "actors/coreference.h"
#include "core/document.h"
#include "dict/dictionary.h"
#include "events/event_coder.h"
#include "extract/article_extractor.h"
#include "geo/geocoder.h"
#include "nlp/annotator.h"
#include "quotes/quote_finder.h"
#include "text/tokenizer.h"
#include "time/time_tagger.h"

namespace dyad {

struct PipelineOptions {
  CoderOptions coder;
  // Trained models (tagger, lemmatizer, parser); "" = Annotator::DefaultDir(). When they
  // cannot be loaded the coder falls back to word order, and `nlp_status` says why.
  std::string model_dir;
  bool parse = true;
  // The gazetteer; "" = DefaultGazetteerPath(). Without it places come from the actor
  // dictionaries only (no coordinates).
  std::string gazetteer;
  bool geo = true;
};

// Built once from a Dictionary; const and thread-safe afterwards.
class Pipeline {
 public:
  Pipeline(const Dictionary& dict, PipelineOptions options);

  // Runs every stage on `doc`: raw -> text -> sentences/tokens -> actors -> events.
  void Process(Document* doc) const;

  // Processes `docs` in place using `threads` worker threads (0 = all cores).
  void ProcessBatch(std::vector<Document>* docs, unsigned threads) const;

  const Dictionary& dictionary() const { return dict_; }
  // Why the parser or the gazetteer is not in use ("" when both are).
  const std::string& status() const { return status_; }

 private:
  // Gives each event the speaker of the quote it is reported in, the date of its own time
  // expression, and its place.
  void AttachEventContext(Document* doc) const;
  const Dictionary& dict_;
  ArticleExtractor extractor_;
  Tokenizer tokenizer_;
  ActorRecognizer actors_;
  CoreferenceResolver coref_;
  EventCoder events_;
  TimeTagger time_;
  QuoteFinder quotes_;
  std::unique_ptr<nlp::Annotator> nlp_;
  std::unique_ptr<Geocoder> geo_;
  std::string status_;
};

}  // namespace dyad
