#include "nlp/parser.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <limits>
#include <map>
#include <numeric>
#include <random>

#include "nlp/word_features.h"

namespace dyad::nlp {

namespace {

constexpr std::string_view kMagic = "dyad parser model v1\n";

// Moves: SHIFT, REDUCE, then LEFT(l) = 2 + l and RIGHT(l) = 2 + L + l for each label l.
constexpr int kShift = 0;
constexpr int kReduce = 1;

constexpr uint64_t kNoneW = 0x6E6F6E65ULL;  // no such word
constexpr uint64_t kNoneL = 0xFFFFULL;      // no such word or no label yet

// What the features see of each word of the sentence; index 0 is the artificial root.
struct Words {
  std::vector<uint64_t> w;   // hash of the lower-cased form
  std::vector<uint64_t> p;   // tag id
  std::vector<uint64_t> c;   // fine word cluster (0: none)
  std::vector<uint64_t> cc;  // coarse word cluster
  // Words that take no dependents: punctuation (in EWT train, 6 of 204,707 words have a
  // punctuation head, all of them punctuation too). All 0 when every word is punctuation.
  std::vector<uint8_t> leaf;
  bool has_clusters = false;
};

// `punct` flags the tag ids that are punctuation (Parser::PunctTags).
void Describe(std::span<const std::string_view> forms, std::span<const int> tags,
              const std::vector<uint8_t>& punct, const WordClusters& clusters, Words* x) {
  const size_t n = forms.size();
  const int num_tags = static_cast<int>(punct.size());
  x->w.resize(n + 1);
  x->p.resize(n + 1);
  x->c.resize(n + 1);
  x->cc.resize(n + 1);
  x->leaf.assign(n + 1, 0);
  static const uint64_t root_w = HashString("<root>");
  x->w[0] = root_w;
  x->p[0] = static_cast<uint64_t>(num_tags) + 1;
  x->c[0] = x->cc[0] = 0xFFFF;
  x->has_clusters = !clusters.empty();
  for (size_t i = 0; i < n; ++i) {
    x->w[i + 1] = HashString(LowerForm(forms[i]));
    x->p[i + 1] = static_cast<uint64_t>(tags[i]);
    const uint32_t c = clusters.Get(x->w[i + 1]);
    x->c[i + 1] = c & 0xFFFF;
    x->cc[i + 1] = c >> 16;
    x->leaf[i + 1] = tags[i] >= 0 && tags[i] < num_tags && punct[tags[i]];
  }
  if (std::all_of(x->leaf.begin() + 1, x->leaf.end(), [](uint8_t l) { return l != 0; }))
    std::fill(x->leaf.begin(), x->leaf.end(), 0);
}

// A parser configuration: stack, buffer, and the partial tree with what the features need.
struct State {
  int n = 0;
  std::vector<int> stack;
  int b = 1;              // next word of the input
  int unshifted = -1;     // a word moved back to the front of the (otherwise empty) buffer
  bool no_shift = false;  // set once the input is used up (tree constraint)
  int root_child = -1;
  std::vector<int> head, label, l1, l2, r1, r2;
  std::vector<uint8_t> nl, nr, on_stack;
  std::vector<uint64_t> lset, rset;
  const uint8_t* leaf = nullptr;  // Words::leaf: words that may not be heads

  void Init(int words, const uint8_t* leaves) {
    n = words;
    leaf = leaves;
    stack.assign(1, 0);
    b = 1;
    unshifted = -1;
    no_shift = false;
    root_child = -1;
    head.assign(n + 1, -1);
    label.assign(n + 1, -1);
    l1.assign(n + 1, -1);
    l2.assign(n + 1, -1);
    r1.assign(n + 1, -1);
    r2.assign(n + 1, -1);
    nl.assign(n + 1, 0);
    nr.assign(n + 1, 0);
    on_stack.assign(n + 1, 0);
    on_stack[0] = 1;
    lset.assign(n + 1, 0);
    rset.assign(n + 1, 0);
  }
  int S0() const { return stack.back(); }
  int S1() const { return stack.size() >= 2 ? stack[stack.size() - 2] : -1; }
  int N0() const { return unshifted >= 0 ? unshifted : (b <= n ? b : -1); }
  int N1() const {
    const int k = unshifted >= 0 ? b : b + 1;
    return k <= n ? k : -1;
  }
  int N2() const {
    const int k = unshifted >= 0 ? b + 1 : b + 2;
    return k <= n ? k : -1;
  }
  bool InBuffer(int k) const { return k >= 0 && (k == unshifted || (k >= b && k <= n)); }
  bool Terminal() const { return N0() < 0 && stack.size() == 1; }

  void AddArc(int h, int d, int l) {
    head[d] = h;
    label[d] = l;
    if (d < h) {
      if (l1[h] < 0 || d < l1[h]) {
        l2[h] = l1[h];
        l1[h] = d;
      } else if (l2[h] < 0 || d < l2[h]) {
        l2[h] = d;
      }
      ++nl[h];
      lset[h] |= 1ULL << (l & 63);
    } else {
      if (r1[h] < 0 || d > r1[h]) {
        r2[h] = r1[h];
        r1[h] = d;
      } else if (r2[h] < 0 || d > r2[h]) {
        r2[h] = d;
      }
      ++nr[h];
      rset[h] |= 1ULL << (l & 63);
    }
    if (h == 0) root_child = d;
  }
  void Push(int k) {
    stack.push_back(k);
    on_stack[k] = 1;
  }
  void Pop() {
    on_stack[stack.back()] = 0;
    stack.pop_back();
  }
  void TakeN0() {
    if (unshifted >= 0)
      unshifted = -1;
    else
      ++b;
  }

  bool Allowed(int move, int num_labels, int root) const {
    const int s0 = S0(), n0 = N0();
    if (move == kShift) return n0 >= 0 && !no_shift && !(s0 == 0 && root_child >= 0);
    if (move == kReduce) return s0 != 0 && head[s0] >= 0 && !(n0 >= 0 && head[s0] == 0);
    if (n0 < 0) return false;
    if (move < 2 + num_labels) return s0 != 0 && head[s0] < 0 && move - 2 != root && !leaf[n0];
    const int l = move - 2 - num_labels;
    return s0 == 0 ? (l == root && root_child < 0 && !leaf[n0]) : (l != root && !leaf[s0]);
  }

  void Apply(int move, int num_labels) {
    if (move == kShift) {
      Push(N0());
      TakeN0();
    } else if (move == kReduce) {
      Pop();
    } else if (move < 2 + num_labels) {
      AddArc(N0(), S0(), move - 2);
      Pop();
    } else {
      const int d = N0();
      AddArc(S0(), d, move - 2 - num_labels);
      TakeN0();
      Push(d);
    }
  }

  // Moves that need no decision: with the input used up, a word with a head is reduced and a
  // word without one goes back to the buffer (Nivre & Fernandez-Gonzalez 2014).
  void Settle() {
    while (N0() < 0 && stack.size() > 1) {
      const int s0 = S0();
      Pop();
      if (head[s0] < 0) {
        unshifted = s0;
        no_shift = true;
        return;
      }
    }
  }
};

int DistanceBin(int d) {
  if (d <= 5) return d;
  if (d <= 10) return 6;
  return 7;
}

enum : uint64_t {
  kS0wp,
  kS0w,
  kS0p,
  kN0wp,
  kN0w,
  kN0p,
  kN1wp,
  kN1w,
  kN1p,
  kN2wp,
  kN2w,
  kN2p,
  kS0wpN0wp,
  kS0wpN0w,
  kS0wN0wp,
  kS0wpN0p,
  kS0pN0wp,
  kS0wN0w,
  kS0pN0p,
  kN0pN1p,
  kN0pN1pN2p,
  kS0pN0pN1p,
  kS0hpS0pN0p,
  kS0pS0lpN0p,
  kS0pS0rpN0p,
  kS0pN0pN0lp,
  kS0wd,
  kS0pd,
  kN0wd,
  kN0pd,
  kS0wN0wd,
  kS0pN0pd,
  kS0wvr,
  kS0pvr,
  kS0wvl,
  kS0pvl,
  kN0wvl,
  kN0pvl,
  kS0hw,
  kS0hp,
  kS0L,
  kS0lw,
  kS0lp,
  kS0ll,
  kS0rw,
  kS0rp,
  kS0rl,
  kN0lw,
  kN0lp,
  kN0ll,
  kS0h2w,
  kS0h2p,
  kS0hl,
  kS0l2w,
  kS0l2p,
  kS0l2l,
  kS0r2w,
  kS0r2p,
  kS0r2l,
  kN0l2w,
  kN0l2p,
  kN0l2l,
  kS0pS0lpS0l2p,
  kS0pS0rpS0r2p,
  kS0pS0hpS0h2p,
  kN0pN0lpN0l2p,
  kS0wsr,
  kS0psr,
  kS0wsl,
  kS0psl,
  kN0wsl,
  kN0psl,
  kS1w,
  kS1p,
  kS1pS0pN0p,
  kS1wS0w,
  kNoShift,
  kS0c,
  kN0c,
  kN1c,
  kS0cN0c,
  kS0pN0c,
  kS0cN0p,
  kS0ccN0cc,
  kS0hcS0c,
  kN0lcN0c,
  kS0cN0pN1p,
  kS0pN0pN1c,
  kS1cS0c,
};

void Features(const State& s, const Words& x, std::vector<uint64_t>* f) {
  const int s0 = s.S0(), s1 = s.S1(), n0 = s.N0(), n1 = s.N1(), n2 = s.N2();
  auto W = [&](int i) { return i < 0 ? kNoneW : x.w[i]; };
  auto P = [&](int i) { return i < 0 ? kNoneW : x.p[i]; };
  auto L = [&](int i) {
    return i < 0 || s.head[i] < 0 ? kNoneL : static_cast<uint64_t>(s.label[i]);
  };
  const int s0h = s0 > 0 ? s.head[s0] : -1;
  const int s0h2 = s0h > 0 ? s.head[s0h] : -1;
  const int s0l = s.l1[s0], s0l2 = s.l2[s0], s0r = s.r1[s0], s0r2 = s.r2[s0];
  const int n0l = n0 >= 0 ? s.l1[n0] : -1, n0l2 = n0 >= 0 ? s.l2[n0] : -1;
  const uint64_t s0w = W(s0), s0p = P(s0), n0w = W(n0), n0p = P(n0);
  const uint64_t n1w = W(n1), n1p = P(n1), n2w = W(n2), n2p = P(n2);
  const uint64_t s0wp = Feature(0, s0w, s0p), n0wp = Feature(0, n0w, n0p);
  const uint64_t d = n0 >= 0 ? static_cast<uint64_t>(DistanceBin(n0 - s0)) : 99;
  const uint64_t s0vl = s.nl[s0], s0vr = s.nr[s0], n0vl = n0 >= 0 ? s.nl[n0] : 99;
  const uint64_t s0sl = s.lset[s0], s0sr = s.rset[s0], n0sl = n0 >= 0 ? s.lset[n0] : 99;
  f->clear();
  auto add = [f](uint64_t h) { f->push_back(h); };
  add(Feature(kS0wp, s0wp));
  add(Feature(kS0w, s0w));
  add(Feature(kS0p, s0p));
  add(Feature(kN0wp, n0wp));
  add(Feature(kN0w, n0w));
  add(Feature(kN0p, n0p));
  add(Feature(kN1wp, n1w, n1p));
  add(Feature(kN1w, n1w));
  add(Feature(kN1p, n1p));
  add(Feature(kN2wp, n2w, n2p));
  add(Feature(kN2w, n2w));
  add(Feature(kN2p, n2p));
  add(Feature(kS0wpN0wp, s0wp, n0wp));
  add(Feature(kS0wpN0w, s0wp, n0w));
  add(Feature(kS0wN0wp, s0w, n0wp));
  add(Feature(kS0wpN0p, s0wp, n0p));
  add(Feature(kS0pN0wp, s0p, n0wp));
  add(Feature(kS0wN0w, s0w, n0w));
  add(Feature(kS0pN0p, s0p, n0p));
  add(Feature(kN0pN1p, n0p, n1p));
  add(Feature(kN0pN1pN2p, n0p, n1p, n2p));
  add(Feature(kS0pN0pN1p, s0p, n0p, n1p));
  add(Feature(kS0hpS0pN0p, P(s0h), s0p, n0p));
  add(Feature(kS0pS0lpN0p, s0p, P(s0l), n0p));
  add(Feature(kS0pS0rpN0p, s0p, P(s0r), n0p));
  add(Feature(kS0pN0pN0lp, s0p, n0p, P(n0l)));
  add(Feature(kS0wd, s0w, d));
  add(Feature(kS0pd, s0p, d));
  add(Feature(kN0wd, n0w, d));
  add(Feature(kN0pd, n0p, d));
  add(Feature(kS0wN0wd, s0w, n0w, d));
  add(Feature(kS0pN0pd, s0p, n0p, d));
  add(Feature(kS0wvr, s0w, s0vr));
  add(Feature(kS0pvr, s0p, s0vr));
  add(Feature(kS0wvl, s0w, s0vl));
  add(Feature(kS0pvl, s0p, s0vl));
  add(Feature(kN0wvl, n0w, n0vl));
  add(Feature(kN0pvl, n0p, n0vl));
  add(Feature(kS0hw, W(s0h)));
  add(Feature(kS0hp, P(s0h)));
  add(Feature(kS0L, L(s0)));
  add(Feature(kS0lw, W(s0l)));
  add(Feature(kS0lp, P(s0l)));
  add(Feature(kS0ll, L(s0l)));
  add(Feature(kS0rw, W(s0r)));
  add(Feature(kS0rp, P(s0r)));
  add(Feature(kS0rl, L(s0r)));
  add(Feature(kN0lw, W(n0l)));
  add(Feature(kN0lp, P(n0l)));
  add(Feature(kN0ll, L(n0l)));
  add(Feature(kS0h2w, W(s0h2)));
  add(Feature(kS0h2p, P(s0h2)));
  add(Feature(kS0hl, L(s0h)));
  add(Feature(kS0l2w, W(s0l2)));
  add(Feature(kS0l2p, P(s0l2)));
  add(Feature(kS0l2l, L(s0l2)));
  add(Feature(kS0r2w, W(s0r2)));
  add(Feature(kS0r2p, P(s0r2)));
  add(Feature(kS0r2l, L(s0r2)));
  add(Feature(kN0l2w, W(n0l2)));
  add(Feature(kN0l2p, P(n0l2)));
  add(Feature(kN0l2l, L(n0l2)));
  add(Feature(kS0pS0lpS0l2p, s0p, P(s0l), P(s0l2)));
  add(Feature(kS0pS0rpS0r2p, s0p, P(s0r), P(s0r2)));
  add(Feature(kS0pS0hpS0h2p, s0p, P(s0h), P(s0h2)));
  add(Feature(kN0pN0lpN0l2p, n0p, P(n0l), P(n0l2)));
  add(Feature(kS0wsr, s0w, s0sr));
  add(Feature(kS0psr, s0p, s0sr));
  add(Feature(kS0wsl, s0w, s0sl));
  add(Feature(kS0psl, s0p, s0sl));
  add(Feature(kN0wsl, n0w, n0sl));
  add(Feature(kN0psl, n0p, n0sl));
  add(Feature(kS1w, W(s1)));
  add(Feature(kS1p, P(s1)));
  add(Feature(kS1pS0pN0p, P(s1), s0p, n0p));
  add(Feature(kS1wS0w, W(s1), s0w));
  add(Feature(kNoShift, s.no_shift, s0p, n0p));
  if (x.has_clusters) {
    auto C = [&](int i) { return i < 0 ? kNoneW : x.c[i]; };
    auto CC = [&](int i) { return i < 0 ? kNoneW : x.cc[i]; };
    const uint64_t s0c = C(s0), n0c = C(n0);
    add(Feature(kS0c, s0c));
    add(Feature(kN0c, n0c));
    add(Feature(kN1c, C(n1)));
    add(Feature(kS0cN0c, s0c, n0c));
    add(Feature(kS0pN0c, s0p, n0c));
    add(Feature(kS0cN0p, s0c, n0p));
    add(Feature(kS0ccN0cc, CC(s0), CC(n0), d));
    add(Feature(kS0hcS0c, C(s0h), s0c));
    add(Feature(kN0lcN0c, C(n0l), n0c));
    add(Feature(kS0cN0pN1p, s0c, n0p, n1p));
    add(Feature(kS0pN0pN1c, s0p, n0p, C(n1)));
    add(Feature(kS1cS0c, C(s1), s0c));
  }
}

// Costs of each move under the dynamic oracle (Goldberg & Nivre 2013): gold arcs that the
// move makes unreachable. gh/gl: gold heads and labels, index 1..n.
void Costs(const State& s, const int* gh, const int* gl, int num_labels, int root,
           std::vector<int>* cost) {
  const int big = 1 << 20;
  const int nm = 2 + 2 * num_labels;
  cost->assign(nm, big);
  const int s0 = s.S0(), b0 = s.N0();
  auto for_buffer = [&](auto fn) {
    if (s.unshifted >= 0) fn(s.unshifted);
    for (int k = s.b; k <= s.n; ++k) fn(k);
  };
  if (s.Allowed(kShift, num_labels, root)) {
    int c = 0;
    for (int k : s.stack) {
      if (gh[b0] == k) ++c;
      if (k > 0 && s.head[k] < 0 && gh[k] == b0) ++c;
    }
    (*cost)[kShift] = c;
  }
  if (s.Allowed(kReduce, num_labels, root)) {
    int c = 0;
    for_buffer([&](int k) { c += gh[k] == s0; });
    (*cost)[kReduce] = c;
  }
  if (b0 >= 0 && s0 > 0 && s.head[s0] < 0) {  // LEFT
    int c = (gh[s0] != b0 && s.InBuffer(gh[s0])) ? 1 : 0;
    for_buffer([&](int k) { c += gh[k] == s0; });
    for (int l = 0; l < num_labels; ++l) {
      if (!s.Allowed(2 + l, num_labels, root)) continue;
      (*cost)[2 + l] = c + ((gh[s0] == b0 && gl[s0] != l) ? 1 : 0);
    }
  }
  if (b0 >= 0) {  // RIGHT
    const int h = gh[b0];
    int c = (h != s0 && (s.on_stack[h] || s.InBuffer(h))) ? 1 : 0;
    for (int k : s.stack)
      if (k > 0 && s.head[k] < 0 && gh[k] == b0) ++c;
    for (int l = 0; l < num_labels; ++l) {
      const int m = 2 + num_labels + l;
      if (!s.Allowed(m, num_labels, root)) continue;
      (*cost)[m] = c + ((h == s0 && gl[b0] != l) ? 1 : 0);
    }
  }
}

// The move a state leaves no choice about: kNoMove when none is allowed, the move when it is
// the only one allowed, kChoice when there are several (the moves that are scored).
constexpr int kNoMove = -2;
constexpr int kChoice = -1;
int ForcedMove(const State& s, int num_labels, int root) {
  // With SHIFT allowed, a RIGHT arc is too (to the root while it has no dependent).
  if (s.Allowed(kShift, num_labels, root) && s.N0() >= 0) return kChoice;
  int only = kNoMove, allowed = 0;
  for (int m = 0; m < 2 + 2 * num_labels && allowed < 2; ++m)
    if (s.Allowed(m, num_labels, root)) {
      only = m;
      ++allowed;
    }
  return allowed == 2 ? kChoice : only;
}

// Fills heads/labels of words the transitions left without a head (only when no move was
// possible, which the transition system rules out; kept as a safety net).
void Finish(const State& s, int fallback_label, int root, std::vector<int>* heads,
            std::vector<int>* labels) {
  heads->assign(s.n, 0);
  labels->assign(s.n, root);
  int root_child = s.root_child;
  for (int i = 1; i <= s.n; ++i) {
    if (s.head[i] >= 0) {
      (*heads)[i - 1] = s.head[i];
      (*labels)[i - 1] = s.label[i];
    } else if (root_child < 0) {
      root_child = i;
      (*heads)[i - 1] = 0;
      (*labels)[i - 1] = root;
    } else {
      (*heads)[i - 1] = root_child;
      (*labels)[i - 1] = fallback_label;
    }
  }
}

}  // namespace

void Projectivize(std::vector<int>* heads) {
  std::vector<int>& h = *heads;
  const int n = static_cast<int>(h.size());
  auto head_of = [&](int i) { return i == 0 ? -1 : h[i - 1]; };
  auto dominates = [&](int a, int k) {  // a is an ancestor of k (or k itself)
    for (int x = k, steps = 0; x >= 0 && steps <= n; x = head_of(x), ++steps)
      if (x == a) return true;
    return false;
  };
  for (int round = 0; round < n * n + 1; ++round) {
    int best = -1, best_len = 0;
    for (int d = 1; d <= n; ++d) {
      const int hd = h[d - 1];
      if (hd < 0) continue;
      const int lo = std::min(hd, d), hi = std::max(hd, d);
      bool proj = true;
      for (int k = lo + 1; k < hi && proj; ++k) proj = dominates(hd, k);
      if (!proj && (best < 0 || hi - lo < best_len)) {
        best = d;
        best_len = hi - lo;
      }
    }
    if (best < 0) return;
    const int hd = h[best - 1];
    if (hd == 0) return;  // cannot lift above the root
    h[best - 1] = h[hd - 1];
  }
}

std::unique_ptr<Parser> Parser::Load(const std::string& path, std::string* error) {
  ModelReader r;
  if (!r.Open(path, kMagic, error)) return nullptr;
  std::unique_ptr<Parser> p(new Parser);
  p->tags_ = r.StrList();
  p->FlagPunctuation();
  p->labels_ = r.StrList();
  p->root_label_ = static_cast<int>(r.U32());
  const uint32_t decoder = r.U32();  // beam width (1: greedy)
  const bool ok = p->clusters_.Load(&r) && p->model_.Load(&r) && r.ok() && r.at_end() &&
                  !p->labels_.empty() && p->root_label_ < p->num_labels() && decoder >= 1 &&
                  decoder <= kMaxBeam && p->model_.num_classes() == 2 + 2 * p->num_labels();
  if (!ok) {
    *error = path + ": corrupt parser model";
    return nullptr;
  }
  p->beam_ = static_cast<int>(decoder);
  return p;
}

bool Parser::Save(const std::string& path, std::string* error) const {
  ModelWriter w;
  w.StrList(tags_);
  w.StrList(labels_);
  w.U32(static_cast<uint32_t>(root_label_));
  w.U32(static_cast<uint32_t>(beam_));  // decoder: beam width
  clusters_.Save(&w);
  model_.Save(&w);
  return w.WriteFile(path, kMagic, error);
}

void Parser::FlagPunctuation() {
  punct_.resize(tags_.size());
  for (size_t t = 0; t < tags_.size(); ++t) punct_[t] = tags_[t].starts_with("PUNCT\t");
}

int Parser::TagId(std::string_view upos, std::string_view xpos) const {
  std::string key;
  key.reserve(upos.size() + xpos.size() + 1);
  key.append(upos);
  key.push_back('\t');
  key.append(xpos);
  for (size_t i = 0; i < tags_.size(); ++i)
    if (tags_[i] == key) return static_cast<int>(i);
  return static_cast<int>(tags_.size());
}

void Parser::Parse(std::span<const std::string_view> forms, std::span<const int> tags,
                   std::vector<int>* heads, std::vector<int>* labels) const {
  if (beam_ > 1) return ParseBeam(forms, tags, heads, labels);
  thread_local Words x;
  thread_local State s;
  thread_local std::vector<uint64_t> feats;
  thread_local std::vector<int32_t> scores;
  const int nl = num_labels();
  const int nm = 2 + 2 * nl;
  Describe(forms, tags, punct_, clusters_, &x);
  s.Init(static_cast<int>(forms.size()), x.leaf.data());
  s.Settle();
  scores.resize(nm);
  while (!s.Terminal()) {
    const int forced = ForcedMove(s, nl, root_label_);
    if (forced == kNoMove) break;
    if (forced != kChoice) {  // the only move allowed needs no scoring
      s.Apply(forced, nl);
      s.Settle();
      continue;
    }
    Features(s, x, &feats);
    std::fill(scores.begin(), scores.end(), 0);
    model_.Score(feats, scores.data());
    int best = -1;
    for (int m = 0; m < nm; ++m)
      if ((best < 0 || scores[m] > scores[best]) && s.Allowed(m, nl, root_label_)) best = m;
    if (best < 0) break;
    s.Apply(best, nl);
    s.Settle();
  }
  Finish(s, FallbackLabel(), root_label_, heads, labels);
}

namespace {

// One way to extend a beam item: its index, the move (kNoMove: the item is kept as it is,
// finished) and the score of the sequence so far.
template <typename Score>
struct Candidate {
  int item;
  int move;
  Score score;
  bool gold = false;  // training: the sequence still reaches the gold tree
};

// The best `width` candidates first (ties go to the earlier item and move, so decoding is
// deterministic); returns how many are kept.
template <typename Score>
int KeepBest(std::vector<Candidate<Score>>* c, int width) {
  auto better = [](const Candidate<Score>& a, const Candidate<Score>& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.item != b.item ? a.item < b.item : a.move < b.move;
  };
  const int k = std::min<int>(width, static_cast<int>(c->size()));
  std::partial_sort(c->begin(), c->begin() + k, c->end(), better);
  return k;
}

}  // namespace

void Parser::ParseBeam(std::span<const std::string_view> forms, std::span<const int> tags,
                       std::vector<int>* heads, std::vector<int>* labels) const {
  thread_local Words x;
  thread_local std::vector<State> cur, next;
  thread_local std::vector<int64_t> score, next_score;
  thread_local std::vector<Candidate<int64_t>> cands;
  thread_local std::vector<uint64_t> feats, all;
  thread_local std::vector<uint32_t> owner;
  thread_local std::vector<int> choice;  // the items whose moves are scored this step
  thread_local std::vector<int32_t> sc;
  const int nl = num_labels();
  const int nm = 2 + 2 * nl;
  Describe(forms, tags, punct_, clusters_, &x);
  cur.resize(std::max<size_t>(cur.size(), beam_));
  next.resize(std::max<size_t>(next.size(), beam_));
  int size = 1;
  cur[0].Init(static_cast<int>(forms.size()), x.leaf.data());
  cur[0].Settle();
  score.assign(1, 0);
  for (;;) {
    cands.clear();
    all.clear();
    owner.clear();
    choice.clear();
    bool moved = false;
    for (int i = 0; i < size; ++i) {
      const State& s = cur[i];
      const int forced = s.Terminal() ? kNoMove : ForcedMove(s, nl, root_label_);
      if (forced != kChoice) {
        cands.push_back({i, forced, score[i]});
        moved |= forced != kNoMove;
        continue;
      }
      Features(s, x, &feats);
      all.insert(all.end(), feats.begin(), feats.end());
      owner.insert(owner.end(), feats.size(), static_cast<uint32_t>(choice.size()));
      choice.push_back(i);
      moved = true;
    }
    // All the items' features in one batch, so that their lookups overlap in memory.
    sc.assign(choice.size() * nm, 0);
    if (!choice.empty()) model_.ScoreMany(all, owner, sc.data());
    for (size_t c = 0; c < choice.size(); ++c) {
      const int i = choice[c];
      for (int m = 0; m < nm; ++m)
        if (cur[i].Allowed(m, nl, root_label_)) cands.push_back({i, m, score[i] + sc[c * nm + m]});
    }
    if (!moved) break;
    const int k = KeepBest(&cands, beam_);
    next_score.resize(k);
    for (int j = 0; j < k; ++j) {
      next[j] = cur[cands[j].item];
      if (cands[j].move != kNoMove) {
        next[j].Apply(cands[j].move, nl);
        next[j].Settle();
      }
      next_score[j] = cands[j].score;
    }
    std::swap(cur, next);
    std::swap(score, next_score);
    size = k;
  }
  Finish(cur[0], FallbackLabel(), root_label_, heads, labels);
}

void Parser::Evaluate(const std::vector<ConlluSentence>& gold, const Tagger& tagger, double* uas,
                      double* las, double* ulas) const {
  size_t n = 0, u = 0, l = 0, ul = 0;
  std::vector<std::string_view> forms;
  std::vector<int> ttags, ptags, heads, labels;
  for (const auto& s : gold) {
    forms.clear();
    for (const auto& w : s.words) forms.push_back(w.form);
    tagger.Tag(forms, &ttags);
    ptags.clear();
    for (int t : ttags) ptags.push_back(TagId(tagger.upos(t), tagger.xpos(t)));
    Parse(forms, ptags, &heads, &labels);
    for (size_t i = 0; i < s.words.size(); ++i) {
      ++n;
      if (heads[i] != s.words[i].head) continue;
      ++u;
      const std::string& g = s.words[i].deprel;
      const std::string& p = labels_[labels[i]];
      l += p == g;
      ul += p.substr(0, p.find(':')) == g.substr(0, g.find(':'));
    }
  }
  *uas = n ? static_cast<double>(u) / n : 0;
  *las = n ? static_cast<double>(l) / n : 0;
  *ulas = n ? static_cast<double>(ul) / n : 0;
}

namespace {

constexpr std::string_view kTagsCacheMagic = "dyad jackknifed tags v1\n";

// What the jackknifed tags depend on: the training sentences (forms and gold tags), the folds,
// the tagger's options and its word clusters.
uint64_t JackknifeKey(const std::vector<ConlluSentence>& train, int folds, const TaggerOptions& o,
                      const WordClusters* clusters) {
  uint64_t h = Feature(folds, o.epochs, o.seed, o.min_lexicon_count);
  h = Feature(h, static_cast<uint64_t>(o.unknown_word_rate * 1e6),
              static_cast<uint64_t>(o.min_weight * 1e6), o.two_pass * 1000 + o.jackknife);
  h = Feature(h, clusters ? clusters->size() : 0);
  for (const auto& s : train)
    for (const auto& w : s.words)
      h = Feature(h, HashString(w.form), HashString(w.upos), HashString(w.xpos));
  return h;
}

bool WriteTagsCache(const std::string& path, uint64_t key, const Parser& p,
                    const std::vector<std::vector<int>>& tags, std::string* error) {
  ModelWriter w;
  w.U64(key);
  std::vector<std::string> names;
  for (int t = 0; t < p.num_tags(); ++t) names.push_back(p.tag(t));
  w.StrList(names);
  std::vector<uint32_t> all;
  for (const auto& s : tags) all.insert(all.end(), s.begin(), s.end());
  w.Array(all);
  return w.WriteFile(path, kTagsCacheMagic, error);
}

bool ReadTagsCache(const std::string& path, uint64_t key, const Parser& p,
                   const std::vector<ConlluSentence>& train, std::vector<std::vector<int>>* tags) {
  if (path.empty() || !std::filesystem::exists(path)) return false;
  ModelReader r;
  std::string error;
  if (!r.Open(path, kTagsCacheMagic, &error) || r.U64() != key) return false;
  const std::vector<std::string> names = r.StrList();
  const std::vector<uint32_t> all = r.Array<uint32_t>();
  if (!r.ok() || !r.at_end()) return false;
  std::vector<int> id;  // cache's tag number -> this parser's
  for (const auto& name : names) {
    const size_t tab = name.find('\t');
    if (tab == std::string::npos) return false;
    id.push_back(p.TagId(name.substr(0, tab), name.substr(tab + 1)));
  }
  size_t k = 0;
  for (size_t s = 0; s < train.size(); ++s) {
    (*tags)[s].clear();
    for (size_t i = 0; i < train[s].words.size(); ++i, ++k) {
      if (k >= all.size()) return false;
      // The parser's "unknown tag" id is one past its tags.
      (*tags)[s].push_back(all[k] < id.size() ? id[all[k]] : p.num_tags());
    }
  }
  return k == all.size();
}

// Replays `moves` (every move, forced ones too) from the start of sentence `x` of `n` words,
// adding `delta` to the weights of the features of each move that was a choice.
void Replay(std::span<const uint8_t> moves, const Words& x, int n, int num_labels, int root,
            float delta, Perceptron* model, std::vector<uint64_t>* feats) {
  State s;
  s.Init(n, x.leaf.data());
  s.Settle();
  for (uint8_t m : moves) {
    if (ForcedMove(s, num_labels, root) == kChoice) {
      Features(s, x, feats);
      model->Update(*feats, m, delta);
    }
    s.Apply(m, num_labels);
    s.Settle();
  }
}

// One sentence of global training with beam search and max-violation update (Huang, Fayong &
// Guo 2012). The gold sequence is the best-scoring one whose every move costs nothing under
// the dynamic oracle (several reach the gold tree); it is followed beside the beam, and at the
// step where the beam's best leads it by the most, the gold prefix is rewarded and the beam's
// best prefix penalised, each over its whole history. Returns true when an update was made.
struct TrainItem {
  State s;
  float score = 0;
  bool gold = true;
  std::vector<uint8_t> moves;

  void Start(int n, const uint8_t* leaf) {
    s.Init(n, leaf);
    s.Settle();
    score = 0;
    gold = true;
    moves.clear();
  }
  // This item after `c` (a candidate made from `from`).
  void Extend(const TrainItem& from, const Candidate<float>& c, int num_labels) {
    if (this != &from) {
      s = from.s;
      moves = from.moves;
    }
    if (c.move != kNoMove) {
      s.Apply(c.move, num_labels);
      s.Settle();
      moves.push_back(static_cast<uint8_t>(c.move));
    }
    score = c.score;
    gold = c.gold;
  }
};
bool TrainBeam(const Words& x, int n, const int* gh, const int* gl, int num_labels, int root,
               int width, Perceptron* model, std::vector<TrainItem>* cur,
               std::vector<TrainItem>* next) {
  const int nm = 2 + 2 * num_labels;
  thread_local std::vector<Candidate<float>> cands;
  thread_local std::vector<uint64_t> feats;
  thread_local std::vector<float> sc;
  thread_local std::vector<int> cost;
  thread_local std::vector<uint8_t> good, bad;
  thread_local TrainItem gold;
  cur->resize(std::max<size_t>(cur->size(), width));
  next->resize(std::max<size_t>(next->size(), width));
  (*cur)[0].Start(n, x.leaf.data());
  gold.Start(n, x.leaf.data());
  int size = 1;
  sc.resize(nm);
  float max_violation = -1;  // none yet (a violation is >= 0: the best not gold, not worse)
  // Appends the candidates of `it` (index i, or -1 for the gold item) to `cands`; with `only_gold`,
  // only the best move that keeps it gold. Returns whether it moved.
  auto expand = [&](const TrainItem& it, int i, bool only_gold) {
    const int forced = it.s.Terminal() ? kNoMove : ForcedMove(it.s, num_labels, root);
    if (it.gold && forced != kNoMove) Costs(it.s, gh, gl, num_labels, root, &cost);
    if (forced != kChoice) {
      const bool g = it.gold && (forced == kNoMove || cost[forced] == 0);
      if (!only_gold || g) cands.push_back({i, forced, it.score, g});
      return forced != kNoMove;
    }
    Features(it.s, x, &feats);
    model->Score(feats, sc.data());
    int best = -1;
    for (int m = 0; m < nm; ++m) {
      if (!it.s.Allowed(m, num_labels, root)) continue;
      const bool g = it.gold && cost[m] == 0;
      if (!only_gold)
        cands.push_back({i, m, it.score + sc[m], g});
      else if (g && (best < 0 || sc[m] > sc[best]))
        best = m;
    }
    if (best >= 0) cands.push_back({i, best, it.score + sc[best], true});
    return true;
  };
  for (;;) {
    cands.clear();
    bool moved = false;
    for (int i = 0; i < size; ++i) moved |= expand((*cur)[i], i, false);
    const int k = KeepBest(&cands, width);
    // The gold sequence goes on by the best gold candidate of the beam, or by its own best move.
    int g = -1;
    for (int j = 0; j < k && g < 0; ++j)
      if (cands[j].gold) g = j;
    const size_t own = cands.size();
    if (g < 0) moved |= expand(gold, -1, true);
    if (!moved) break;
    if (g < 0 && cands.size() == own) return false;  // cannot happen: gold is always reachable
    const Candidate<float>& gc = g >= 0 ? cands[g] : cands.back();
    const float violation = cands[0].score - gc.score;
    if (!cands[0].gold && violation >= 0 && violation > max_violation) {
      max_violation = violation;
      const TrainItem& from = gc.item >= 0 ? (*cur)[gc.item] : gold;
      good = from.moves;
      if (gc.move != kNoMove) good.push_back(static_cast<uint8_t>(gc.move));
      bad = (*cur)[cands[0].item].moves;
      if (cands[0].move != kNoMove) bad.push_back(static_cast<uint8_t>(cands[0].move));
    }
    gold.Extend(gc.item >= 0 ? (*cur)[gc.item] : gold, gc, num_labels);
    for (int j = 0; j < k; ++j) (*next)[j].Extend((*cur)[cands[j].item], cands[j], num_labels);
    std::swap(*cur, *next);
    size = k;
  }
  if (max_violation < 0) return false;
  Replay(good, x, n, num_labels, root, 1.0f, model, &feats);
  Replay(bad, x, n, num_labels, root, -1.0f, model, &feats);
  return true;
}

}  // namespace

std::unique_ptr<Parser> Parser::Train(const std::vector<ConlluSentence>& train,
                                      const std::vector<ConlluSentence>& dev,
                                      const Tagger* dev_tagger, const TaggerOptions& tagger_options,
                                      const ParserOptions& options, std::ostream* log,
                                      const WordClusters* clusters) {
  std::unique_ptr<Parser> p(new Parser);
  if (clusters) p->clusters_ = *clusters;
  // Tags and labels, most frequent first.
  std::map<std::string, size_t> tag_count, label_count;
  for (const auto& s : train)
    for (const auto& w : s.words) {
      ++tag_count[w.upos + "\t" + w.xpos];
      ++label_count[w.deprel];
    }
  auto by_count = [](const std::map<std::string, size_t>& m) {
    std::vector<std::pair<size_t, std::string>> v;
    for (auto& [k, c] : m) v.push_back({c, k});
    std::stable_sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (auto& [c, k] : v) out.push_back(k);
    return out;
  };
  p->tags_ = by_count(tag_count);
  p->FlagPunctuation();
  p->labels_ = by_count(label_count);
  if (std::find(p->labels_.begin(), p->labels_.end(), "root") == p->labels_.end())
    p->labels_.push_back("root");
  if (p->labels_.size() > 126) p->labels_.resize(126);  // moves must fit in a byte
  const int nl = p->num_labels();
  p->root_label_ = static_cast<int>(std::find(p->labels_.begin(), p->labels_.end(), "root") -
                                    p->labels_.begin());
  std::map<std::string, int> label_id;
  for (int i = 0; i < nl; ++i) label_id[p->labels_[i]] = i;
  const int nm = 2 + 2 * nl;

  // Training tags: jackknifed predictions, or gold.
  const size_t ns = train.size();
  std::vector<std::vector<int>> tags(ns);
  const int folds = std::min<int>(options.jackknife, static_cast<int>(ns));
  const uint64_t cache_key = JackknifeKey(train, folds, tagger_options, clusters);
  if (folds >= 2 && ReadTagsCache(options.tags_cache, cache_key, *p, train, &tags)) {
    if (log) *log << "parser: jackknifed tags read from " << options.tags_cache << "\n";
  } else if (folds >= 2) {
    for (int fold = 0; fold < folds; ++fold) {
      std::vector<ConlluSentence> part;
      for (size_t k = 0; k < ns; ++k)
        if (static_cast<int>(k % folds) != fold) part.push_back(train[k]);
      auto tagger = Tagger::Train(part, {}, tagger_options, nullptr, clusters);
      std::vector<std::string_view> forms;
      std::vector<int> t;
      for (size_t k = fold; k < ns; k += folds) {
        forms.clear();
        for (const auto& w : train[k].words) forms.push_back(w.form);
        tagger->Tag(forms, &t);
        for (int x : t) tags[k].push_back(p->TagId(tagger->upos(x), tagger->xpos(x)));
      }
      if (log) *log << "parser: jackknife fold " << fold + 1 << "/" << folds << " tagged\n";
    }
    if (!options.tags_cache.empty()) {
      std::string error;
      if (!WriteTagsCache(options.tags_cache, cache_key, *p, tags, &error) && log)
        *log << "parser: " << error << "\n";
    }
  } else {
    for (size_t k = 0; k < ns; ++k)
      for (const auto& w : train[k].words) tags[k].push_back(p->TagId(w.upos, w.xpos));
  }
  std::unique_ptr<Tagger> own_tagger;
  if (!dev.empty() && !dev_tagger) {
    own_tagger = Tagger::Train(train, {}, tagger_options, nullptr, clusters);
    dev_tagger = own_tagger.get();
  }

  // Gold trees, made projective.
  std::vector<std::vector<int>> gold_heads(ns), gold_labels(ns);
  std::vector<Words> words(ns);
  size_t lifted = 0;
  for (size_t k = 0; k < ns; ++k) {
    const auto& s = train[k];
    std::vector<int> h;
    for (const auto& w : s.words) h.push_back(std::max(0, w.head));
    std::vector<int> orig = h;
    Projectivize(&h);
    for (size_t i = 0; i < h.size(); ++i) lifted += h[i] != orig[i];
    gold_heads[k].push_back(-1);
    gold_labels[k].push_back(-1);
    for (size_t i = 0; i < h.size(); ++i) {
      gold_heads[k].push_back(h[i]);
      auto it = label_id.find(s.words[i].deprel);
      gold_labels[k].push_back(it == label_id.end() ? 0 : it->second);
    }
    std::vector<std::string_view> forms;
    for (const auto& w : s.words) forms.push_back(w.form);
    Describe(forms, tags[k], p->punct_, p->clusters_, &words[k]);
    // Training keeps the decoder's constraint only where the gold tree agrees with it.
    for (size_t i = 0; i < h.size(); ++i) words[k].leaf[h[i] > 0 ? h[i] : i + 1] = 0;
  }
  if (log)
    *log << "parser: " << p->tags_.size() << " tags, " << nl << " labels, " << lifted
         << " arcs lifted to make trees projective\n";

  Perceptron model(nm);
  std::vector<size_t> order(ns);
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<uint64_t> feats;
  std::vector<float> scores(nm);
  std::vector<int> cost;
  State s;
  std::vector<TrainItem> beam_cur, beam_next;
  p->beam_ = std::clamp(options.beam, 1, kMaxBeam);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto t0 = std::chrono::steady_clock::now();
    std::shuffle(order.begin(), order.end(), rng);
    const bool explore = epoch >= options.explore_from_epoch;
    size_t decisions = 0, wrong = 0;
    for (size_t k : order) {
      const int* gh = gold_heads[k].data();
      const int* gl = gold_labels[k].data();
      if (p->beam_ > 1) {
        ++decisions;
        wrong += TrainBeam(words[k], static_cast<int>(train[k].words.size()), gh, gl, nl,
                           p->root_label_, p->beam_, &model, &beam_cur, &beam_next);
        model.Tick();
        continue;
      }
      s.Init(static_cast<int>(train[k].words.size()), words[k].leaf.data());
      s.Settle();
      while (!s.Terminal()) {
        Costs(s, gh, gl, nl, p->root_label_, &cost);
        int allowed = 0, only = -1, min_cost = 1 << 20;
        for (int m = 0; m < nm; ++m)
          if (cost[m] < (1 << 20)) {
            ++allowed;
            only = m;
            min_cost = std::min(min_cost, cost[m]);
          }
        if (allowed == 0) break;
        if (allowed == 1) {
          s.Apply(only, nl);
          s.Settle();
          continue;
        }
        Features(s, words[k], &feats);
        model.Score(feats, scores.data());
        int pred = -1, best_gold = -1;
        for (int m = 0; m < nm; ++m) {
          if (cost[m] >= (1 << 20)) continue;
          if (pred < 0 || scores[m] > scores[pred]) pred = m;
          if (cost[m] == min_cost && (best_gold < 0 || scores[m] > scores[best_gold]))
            best_gold = m;
        }
        ++decisions;
        int next = pred;
        if (cost[pred] > min_cost) {
          ++wrong;
          model.Update(feats, best_gold, 1.0f);
          model.Update(feats, pred, -1.0f);
          if (!explore || coin(rng) >= options.explore) next = best_gold;
        }
        model.Tick();
        s.Apply(next, nl);
        s.Settle();
      }
    }
    if (log) {
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      *log << "parser: epoch " << epoch << (p->beam_ > 1 ? " sentences updated " : " wrong moves ")
           << 100.0 * wrong / decisions << "% (" << model.num_features() << " features, " << secs
           << " s)";
      if (!dev.empty() && (epoch % 3 == 0 || epoch == options.epochs)) {
        p->model_ = model.Freeze(0);
        double uas, las, ulas;
        p->Evaluate(dev, *dev_tagger, &uas, &las, &ulas);
        *log << "  dev UAS " << 100 * uas << "% LAS " << 100 * las << "% (universal " << 100 * ulas
             << "%)";
      }
      *log << std::endl;
    }
  }
  p->model_ = model.Freeze(options.min_weight);
  if (log)
    *log << "parser: " << p->model_.num_features() << " features kept, " << p->bytes() / 1e6
         << " MB\n";
  return p;
}

}  // namespace dyad::nlp
