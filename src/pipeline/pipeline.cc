#include "pipeline/pipeline.h"

#include <atomic>
#include <thread>

namespace dyad {

Pipeline::Pipeline(const Dictionary& dict, PipelineOptions options)
    : dict_(dict), actors_(dict), events_(dict, options.coder) {}

void Pipeline::Process(Document* doc) const {
  extractor_.Extract(doc);
  tokenizer_.Tokenize(doc);
  actors_.Recognize(doc);
  coref_.Resolve(doc);
  events_.Code(doc);
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
