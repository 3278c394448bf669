#include "document_codec.h"

#include <cstdint>
#include <cstring>

namespace dyad {

namespace {

constexpr char kMagic[4] = {'D', 'Y', 'D', 'C'};

class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}
  void U(uint64_t v) {
    while (v >= 0x80) {
      out_->push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_->push_back(static_cast<char>(v));
  }
  void I(int64_t v) { U((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void B(bool v) { out_->push_back(v ? 1 : 0); }
  void D(double v) {
    char b[8];
    std::memcpy(b, &v, 8);
    out_->append(b, 8);
  }
  void S(std::string_view s) {
    U(s.size());
    out_->append(s);
  }
  void Sp(Span s) {
    U(s.start);
    U(s.end);
  }

 private:
  std::string* out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }
  uint64_t U() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return Fail();
      uint8_t b = static_cast<uint8_t>(in_[pos_++]);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    return Fail();
  }
  int64_t I() {
    uint64_t u = U();
    return static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
  }
  uint32_t U32() {
    uint64_t v = U();
    if (v > UINT32_MAX) return static_cast<uint32_t>(Fail());
    return static_cast<uint32_t>(v);
  }
  int32_t I32() {
    int64_t v = I();
    if (v < INT32_MIN || v > INT32_MAX) return static_cast<int32_t>(Fail());
    return static_cast<int32_t>(v);
  }
  bool B() {
    if (pos_ >= in_.size()) return Fail();
    return in_[pos_++] != 0;
  }
  double D() {
    if (in_.size() - pos_ < 8) return static_cast<double>(Fail());
    double v;
    std::memcpy(&v, in_.data() + pos_, 8);
    pos_ += 8;
    return v;
  }
  std::string S() {
    uint64_t n = U();
    if (!ok_ || n > in_.size() - pos_) return Fail(), std::string();
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  Span Sp() {
    Span s;
    s.start = U32();
    s.end = U32();
    return s;
  }
  // A count of records that each take at least one byte (guards against huge allocations).
  size_t Count() {
    uint64_t n = U();
    if (!ok_ || n > in_.size() - pos_) return Fail(), 0;
    return static_cast<size_t>(n);
  }
  bool Fail() {
    ok_ = false;
    pos_ = in_.size();
    return false;
  }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

void EncodeStrings(Writer& w, const std::vector<std::string>& v) {
  w.U(v.size());
  for (const auto& s : v) w.S(s);
}

std::vector<std::string> DecodeStrings(Reader& r) {
  std::vector<std::string> v(r.Count());
  for (auto& s : v) s = r.S();
  return v;
}

// Every span and index of `d` points inside it (so a corrupt archive cannot crash the store).
bool Consistent(const Document& d, std::string* error) {
  const uint32_t n = static_cast<uint32_t>(d.text.size());
  auto span_ok = [&](Span s) { return s.start <= s.end && s.end <= n; };
  auto index_ok = [](int i, size_t size) { return i >= -1 && i < static_cast<int>(size); };
  const size_t na = d.actors.size();
  for (const auto& b : d.blocks)
    if (!span_ok(b.span)) return *error = "block span out of range", false;
  for (const auto& s : d.sentences)
    if (!span_ok(s.span) || s.first_token > s.end_token || s.end_token > d.tokens.size())
      return *error = "sentence out of range", false;
  for (const auto& t : d.tokens)
    if (!span_ok(t.span) || !index_ok(t.head, d.tokens.size()))
      return *error = "token out of range", false;
  for (const auto& a : d.actors)
    if (!span_ok(a.span) || a.first_token > a.end_token || a.end_token > d.tokens.size())
      return *error = "actor mention out of range", false;
  for (const auto& t : d.timexes)
    if (!span_ok(t.span)) return *error = "time expression out of range", false;
  for (const auto& p : d.places)
    if (!span_ok(p.span)) return *error = "place out of range", false;
  for (const auto& q : d.quotes)
    if (!span_ok(q.speaker_span) || !span_ok(q.cue) || !span_ok(q.content) ||
        !index_ok(q.speaker, na) || !index_ok(q.addressee, na))
      return *error = "quote out of range", false;
  for (const auto& e : d.events)
    if (e.sentence >= d.sentences.size() || !span_ok(e.verb) || !index_ok(e.source, na) ||
        !index_ok(e.target, na) || !index_ok(e.attribution, na) || !index_ok(e.location, na) ||
        !index_ok(e.timex, d.timexes.size()) || !index_ok(e.place, d.places.size()) ||
        !index_ok(e.quote, d.quotes.size()))
      return *error = "event out of range", false;
  return true;
}

}  // namespace

void EncodeDocument(const Document& d, bool with_raw, std::string* out) {
  out->append(kMagic, 4);
  Writer w(out);
  w.U(kDocumentCodecVersion);
  w.S(d.id);
  w.S(d.origin);
  w.S(d.url);
  w.S(d.title);
  w.S(d.publisher);
  w.S(d.date);
  w.S(d.fallback_date);
  w.U(d.meta.size());
  for (const auto& [k, v] : d.meta) {
    w.S(k);
    w.S(v);
  }
  w.S(with_raw ? std::string_view(d.raw) : std::string_view());
  w.B(d.raw_is_html);
  w.S(d.text);
  w.U(d.blocks.size());
  for (const auto& b : d.blocks) {
    w.Sp(b.span);
    w.S(b.type);
  }
  w.U(d.sentences.size());
  for (const auto& s : d.sentences) {
    w.Sp(s.span);
    w.U(s.first_token);
    w.U(s.end_token);
  }
  w.U(d.tokens.size());
  for (const auto& t : d.tokens) {
    w.Sp(t.span);
    w.S(t.norm);
    w.B(t.capitalized);
    w.B(t.is_punct);
    w.S(t.lemma);
    w.S(t.upos);
    w.S(t.xpos);
    w.I(t.head);
    w.S(t.deprel);
  }
  w.U(d.actors.size());
  for (const auto& a : d.actors) {
    w.U(a.first_token);
    w.U(a.end_token);
    w.Sp(a.span);
    w.S(a.code);
    w.S(a.kind);
    w.S(a.entry);
    w.I(a.group);
  }
  w.U(d.timexes.size());
  for (const auto& t : d.timexes) {
    w.Sp(t.span);
    w.S(t.type);
    w.S(t.value);
    w.S(t.mod);
  }
  w.U(d.places.size());
  for (const auto& p : d.places) {
    w.Sp(p.span);
    w.S(p.name);
    w.S(p.country);
    w.S(p.admin1);
    w.S(p.feature);
    w.D(p.lat);
    w.D(p.lon);
    w.I(p.geonameid);
  }
  w.U(d.quotes.size());
  for (const auto& q : d.quotes) {
    w.B(q.direct);
    w.I(q.speaker);
    w.Sp(q.speaker_span);
    w.S(q.speaker_name);
    w.Sp(q.cue);
    w.I(q.addressee);
    w.Sp(q.content);
  }
  w.U(d.events.size());
  for (const auto& e : d.events) {
    w.U(e.sentence);
    w.I(e.source);
    w.I(e.target);
    w.Sp(e.verb);
    w.S(e.cameo);
    w.S(e.root);
    w.I(e.quad_class);
    w.D(e.goldstein);
    w.S(e.plover_event);
    w.S(e.plover_mode);
    EncodeStrings(w, e.plover_context);
    w.S(e.pattern);
    w.S(e.pattern_entry);
    w.B(e.negated);
    w.D(e.confidence);
    w.S(e.date);
    w.S(e.date_source);
    w.I(e.timex);
    w.I(e.place);
    w.I(e.quote);
    w.I(e.attribution);
    w.I(e.location);
  }
}

bool DecodeDocument(std::string_view in, Document* doc, std::string* error) {
  if (in.size() < 4 || std::memcmp(in.data(), kMagic, 4) != 0) {
    *error = "not an encoded dyad document";
    return false;
  }
  Reader r(in.substr(4));
  const uint64_t version = r.U();
  if (!r.ok() || version != static_cast<uint64_t>(kDocumentCodecVersion)) {
    *error = "encoded by another version of dyad (codec v" + std::to_string(version) +
             ", this is v" + std::to_string(kDocumentCodecVersion) + ")";
    return false;
  }
  Document d;
  d.id = r.S();
  d.origin = r.S();
  d.url = r.S();
  d.title = r.S();
  d.publisher = r.S();
  d.date = r.S();
  d.fallback_date = r.S();
  d.meta.resize(r.Count());
  for (auto& [k, v] : d.meta) {
    k = r.S();
    v = r.S();
  }
  d.raw = r.S();
  d.raw_is_html = r.B();
  d.text = r.S();
  d.blocks.resize(r.Count());
  for (auto& b : d.blocks) {
    b.span = r.Sp();
    b.type = r.S();
  }
  d.sentences.resize(r.Count());
  for (auto& s : d.sentences) {
    s.span = r.Sp();
    s.first_token = r.U32();
    s.end_token = r.U32();
  }
  d.tokens.resize(r.Count());
  for (auto& t : d.tokens) {
    t.span = r.Sp();
    t.norm = r.S();
    t.capitalized = r.B();
    t.is_punct = r.B();
    t.lemma = r.S();
    t.upos = r.S();
    t.xpos = r.S();
    t.head = r.I32();
    t.deprel = r.S();
  }
  d.actors.resize(r.Count());
  for (auto& a : d.actors) {
    a.first_token = r.U32();
    a.end_token = r.U32();
    a.span = r.Sp();
    a.code = r.S();
    a.kind = r.S();
    a.entry = r.S();
    a.group = r.I32();
  }
  d.timexes.resize(r.Count());
  for (auto& t : d.timexes) {
    t.span = r.Sp();
    t.type = r.S();
    t.value = r.S();
    t.mod = r.S();
  }
  d.places.resize(r.Count());
  for (auto& p : d.places) {
    p.span = r.Sp();
    p.name = r.S();
    p.country = r.S();
    p.admin1 = r.S();
    p.feature = r.S();
    p.lat = r.D();
    p.lon = r.D();
    p.geonameid = r.I();
  }
  d.quotes.resize(r.Count());
  for (auto& q : d.quotes) {
    q.direct = r.B();
    q.speaker = r.I32();
    q.speaker_span = r.Sp();
    q.speaker_name = r.S();
    q.cue = r.Sp();
    q.addressee = r.I32();
    q.content = r.Sp();
  }
  d.events.resize(r.Count());
  for (auto& e : d.events) {
    e.sentence = r.U32();
    e.source = r.I32();
    e.target = r.I32();
    e.verb = r.Sp();
    e.cameo = r.S();
    e.root = r.S();
    e.quad_class = r.I32();
    e.goldstein = r.D();
    e.plover_event = r.S();
    e.plover_mode = r.S();
    e.plover_context = DecodeStrings(r);
    e.pattern = r.S();
    e.pattern_entry = r.S();
    e.negated = r.B();
    e.confidence = r.D();
    e.date = r.S();
    e.date_source = r.S();
    e.timex = r.I32();
    e.place = r.I32();
    e.quote = r.I32();
    e.attribution = r.I32();
    e.location = r.I32();
  }
  if (!r.ok() || !r.done()) {
    *error = "truncated or corrupt encoded document";
    return false;
  }
  if (!Consistent(d, error)) return false;
  *doc = std::move(d);
  return true;
}

}  // namespace dyad
