#include "pipeline/pipeline.h"

#include <atomic>
#include <cctype>
#include <thread>

namespace dyad {

Pipeline::Pipeline(const Dictionary& dict, PipelineOptions options)
    : dict_(dict), actors_(dict), events_(dict, options.coder) {
  std::string err;
  if (options.parse) {
    nlp_ = nlp::Annotator::Load(
        options.model_dir.empty() ? nlp::Annotator::DefaultDir() : options.model_dir, &err);
    if (!nlp_) status_ += "no parser (" + err + "); ";
  }
  if (options.geo) {
    geo_ = Geocoder::Open(options.gazetteer.empty() ? DefaultGazetteerPath() : options.gazetteer,
                          &err);
    if (!geo_) status_ += "no gazetteer (" + err + "); ";
  }
}

void Pipeline::Process(Document* doc) const {
  extractor_.Extract(doc);
  tokenizer_.Tokenize(doc);
  if (nlp_) nlp_->Annotate(doc);
  time_.Tag(doc);
  if (geo_) geo_->Resolve(doc);
  actors_.Recognize(doc);
  coref_.Resolve(doc);
  quotes_.Find(doc);
  events_.Code(doc);
  AttachEventContext(doc);
}

void Pipeline::AttachEventContext(Document* doc) const {
  for (Event& e : doc->events) {
    // An event inside a quote's content is reported by the quote's speaker ("'... the
    // Russian army will defend ...,' she added"), as the quote finder resolved it, unless
    // the quote itself reports someone's words ("'Moscow said it would ...,' she added": a
    // speaker inside the content is the nearer one).
    for (const Quote& q : doc->quotes) {
      if (q.speaker < 0 || q.speaker == e.source || e.verb.start < q.content.start ||
          e.verb.end > q.content.end)
        continue;
      const bool inner = e.attribution >= 0 &&
                         doc->actors[e.attribution].span.start >= q.content.start &&
                         doc->actors[e.attribution].span.end <= q.content.end;
      if (!inner) e.attribution = q.speaker;
      break;
    }
    const Sentence& s = doc->sentences[e.sentence];
    // The time expression of the event's own sentence nearest its verb that names a day or
    // a month, or a year other than the document's as an adverbial close after the verb
    // ("visit to the USSR in 1949"; not "this year", not "the 1994 genocide"); otherwise the
    // event keeps the document date.
    uint32_t best = ~0u;
    for (size_t i = 0; i < doc->timexes.size(); ++i) {
      const Timex& t = doc->timexes[i];
      if (t.span.start < s.span.start || t.span.end > s.span.end || t.type != "DATE") continue;
      auto day = EventDate(t);
      if (!day && t.value.size() == 4 && std::isdigit(static_cast<unsigned char>(t.value[0])) &&
          doc->date.compare(0, 4, t.value) != 0 && t.span.start >= e.verb.end &&
          t.span.start >= 3 && t.span.start <= e.verb.end + 30 &&
          (doc->text.compare(t.span.start - 3, 3, "in ") == 0 ||
           doc->text.compare(t.span.start - 3, 3, "In ") == 0))
        day = t.value;
      if (!day) continue;
      uint32_t d =
          t.span.start > e.verb.start ? t.span.start - e.verb.start : e.verb.start - t.span.start;
      if (d < best) {
        best = d;
        e.timex = static_cast<int>(i);
        e.date = *day;
        e.date_source = "text";
      }
    }
    if (geo_ && !doc->places.empty()) {
      uint32_t verb_token = s.first_token;
      for (uint32_t t = s.first_token; t < s.end_token; ++t)
        if (doc->tokens[t].span.start == e.verb.start) verb_token = t;
      e.place = geo_->EventPlace(*doc, e.sentence, verb_token);
    }
  }
}

void Pipeline::ProcessBatch(std::vector<Document>* docs, unsigned threads) const {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(docs->size()));
  if (threads <= 1) {
    for (auto& d : *docs) Process(&d);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i = next++; i < docs->size(); i = next++) Process(&(*docs)[i]);
  };
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

}  // namespace dyad
