#include "nlp/annotator.h"

#include <cstdlib>
#include <filesystem>

#include "text/dateline.h"

namespace dyad::nlp {

std::string Annotator::DefaultDir() {
  if (const char* env = std::getenv("DYAD_DATA"); env && *env) return std::string(env) + "/models";
  return std::string(DYAD_DATA_DIR) + "/models";
}

std::unique_ptr<Annotator> Annotator::Load(const std::string& dir, std::string* error,
                                           bool accurate) {
  std::unique_ptr<Annotator> a(new Annotator);
  a->tagger_ = Tagger::Load(dir + "/" + kTaggerFile, error);
  if (!a->tagger_) return nullptr;
  a->lemmatizer_ = Lemmatizer::Load(dir + "/" + kLemmatizerFile, error);
  if (!a->lemmatizer_) return nullptr;
  a->parser_ = Parser::Load(dir + "/" + (accurate ? kAccurateParserFile : kParserFile), error);
  if (!a->parser_) return nullptr;
  const std::string sentences = dir + "/" + kSentencesFile;
  if (std::filesystem::exists(sentences)) {
    a->splitter_ = SentenceSplitter::Load(sentences, error);
    if (!a->splitter_) return nullptr;
  }
  for (int t = 0; t < a->tagger_->num_tags(); ++t)
    a->parser_tag_.push_back(a->parser_->TagId(a->tagger_->upos(t), a->tagger_->xpos(t)));
  return a;
}

void Annotator::TagAndParse(std::span<const std::string_view> forms, std::vector<int>* tags,
                            std::vector<int>* heads, std::vector<int>* labels) const {
  thread_local std::vector<int> ptags;
  tagger_->Tag(forms, tags);
  ptags.resize(tags->size());
  for (size_t i = 0; i < tags->size(); ++i) ptags[i] = parser_tag_[(*tags)[i]];
  parser_->Parse(forms, ptags, heads, labels);
}

void Annotator::AnnotateWords(std::span<const std::string_view> forms,
                              std::vector<WordAnalysis>* out) const {
  thread_local std::vector<int> tags, heads, labels;
  TagAndParse(forms, &tags, &heads, &labels);
  out->resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    WordAnalysis& w = (*out)[i];
    w.upos = tagger_->upos(tags[i]);
    w.xpos = tagger_->xpos(tags[i]);
    w.lemma = lemmatizer_->Lemma(forms[i], w.upos, w.xpos);
    w.head = heads[i];
    w.deprel = parser_->label(labels[i]);
  }
}

void Annotator::Segment(Document* doc) const {
  if (splitter_) splitter_->Split(doc);
}

void Annotator::Annotate(Document* doc) const {
  thread_local std::vector<std::string_view> forms;
  thread_local std::vector<int> tags, heads, labels;
  // Tags and parses tokens [first, end) as a sentence of their own; returns its root.
  auto annotate = [&](uint32_t first, uint32_t end) {
    forms.clear();
    for (uint32_t t = first; t < end; ++t) forms.push_back(doc->slice(doc->tokens[t].span));
    TagAndParse(forms, &tags, &heads, &labels);
    int32_t root = -1;
    for (size_t i = 0; i < forms.size(); ++i) {
      Token& tok = doc->tokens[first + i];
      tok.upos = tagger_->upos(tags[i]);
      tok.xpos = tagger_->xpos(tags[i]);
      tok.lemma = lemmatizer_->Lemma(forms[i], tok.upos, tok.xpos);
      tok.head = heads[i] == 0 ? -1 : static_cast<int32_t>(first + heads[i] - 1);
      tok.deprel = parser_->label(labels[i]);
      if (tok.head < 0 && root < 0) root = static_cast<int32_t>(first + i);
    }
    return root;
  };
  for (const Sentence& s : doc->sentences) {
    if (s.end_token <= s.first_token || s.end_token > doc->tokens.size()) continue;
    // A dateline ("JAKARTA, Dec 9 —") is parsed apart from the clause after it and hung on
    // that clause's root: the treebank has none, and read together the parser takes the
    // city for the clause's subject.
    const uint32_t dateline_end = DatelineEnd(*doc, s.first_token, s.end_token);
    if (dateline_end > s.first_token && dateline_end < s.end_token) {
      const int32_t place = annotate(s.first_token, dateline_end);
      const int32_t root = annotate(dateline_end, s.end_token);
      if (place >= 0 && root >= 0) {
        doc->tokens[place].head = root;
        doc->tokens[place].deprel = "parataxis";
      }
      continue;
    }
    annotate(s.first_token, s.end_token);
  }
}

}  // namespace dyad::nlp
