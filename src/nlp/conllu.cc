#include "nlp/conllu.h"

#include <charconv>
#include <fstream>
#include <string_view>

namespace dyad::nlp {

namespace {

bool ParseInt(std::string_view s, int* v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::string ConlluSentence::Comment(const std::string& key) const {
  for (const auto& c : comments) {
    std::string_view v(c);
    if (v.size() < 2 || v[0] != '#') continue;
    v.remove_prefix(1);
    while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
    if (v.substr(0, key.size()) != key) continue;
    v.remove_prefix(key.size());
    while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
    if (v.empty() || v[0] != '=') continue;
    v.remove_prefix(1);
    if (!v.empty() && v[0] == ' ') v.remove_prefix(1);
    return std::string(v);
  }
  return "";
}

bool ReadConllu(std::istream& in, std::vector<ConlluSentence>* out, std::string* error) {
  ConlluSentence cur;
  bool open = false;
  std::string line;
  size_t lineno = 0;
  auto fail = [&](const std::string& why) {
    *error = "line " + std::to_string(lineno) + ": " + why;
    return false;
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (open) out->push_back(std::move(cur));
      cur = ConlluSentence();
      open = false;
      continue;
    }
    open = true;
    if (line[0] == '#') {
      cur.comments.push_back(line);
      continue;
    }
    std::string_view cols[10];
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= line.size() && n < 10; ++i) {
      if (i == line.size() || line[i] == '\t') {
        cols[n++] = std::string_view(line).substr(start, i - start);
        start = i + 1;
      }
    }
    if (n != 10) return fail("expected 10 tab-separated columns");
    const std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) {
      cur.empty_nodes.emplace_back(static_cast<int>(cur.words.size()), line);
      continue;
    }
    if (size_t dash = id.find('-'); dash != std::string_view::npos) {
      ConlluToken t;
      if (!ParseInt(id.substr(0, dash), &t.first) || !ParseInt(id.substr(dash + 1), &t.last) ||
          t.last < t.first)
        return fail("bad multi-word token range '" + std::string(id) + "'");
      t.form = cols[1];
      t.misc = cols[9];
      cur.multiword.push_back(std::move(t));
      continue;
    }
    int wid = 0;
    if (!ParseInt(id, &wid) || wid != static_cast<int>(cur.words.size()) + 1)
      return fail("word ID '" + std::string(id) + "' out of sequence");
    ConlluWord w;
    w.form = cols[1];
    w.lemma = cols[2];
    w.upos = cols[3];
    w.xpos = cols[4];
    w.feats = cols[5];
    if (cols[6] != "_" && !ParseInt(cols[6], &w.head))
      return fail("bad HEAD '" + std::string(cols[6]) + "'");
    w.deprel = cols[7];
    w.deps = cols[8];
    w.misc = cols[9];
    cur.words.push_back(std::move(w));
  }
  if (open) out->push_back(std::move(cur));
  for (const auto& s : *out)
    for (const auto& w : s.words)
      if (w.head > static_cast<int>(s.words.size())) {
        *error = "HEAD beyond the sentence in sentence " + s.Comment("sent_id");
        return false;
      }
  return true;
}

bool ReadConlluFile(const std::string& path, std::vector<ConlluSentence>* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open " + path;
    return false;
  }
  if (!ReadConllu(in, out, error)) {
    *error = path + ": " + *error;
    return false;
  }
  return true;
}

void WriteConllu(const ConlluSentence& s, std::string* out) {
  for (const auto& c : s.comments) {
    out->append(c);
    out->push_back('\n');
  }
  size_t mwt = 0, empty = 0;
  auto empties_before = [&](int words_before) {
    while (empty < s.empty_nodes.size() && s.empty_nodes[empty].first <= words_before) {
      out->append(s.empty_nodes[empty++].second);
      out->push_back('\n');
    }
  };
  auto col = [&](const std::string& v) {
    out->append(v.empty() ? "_" : v);
    out->push_back('\t');
  };
  for (size_t i = 0; i < s.words.size(); ++i) {
    empties_before(static_cast<int>(i));
    while (mwt < s.multiword.size() && s.multiword[mwt].first <= static_cast<int>(i) + 1) {
      const auto& t = s.multiword[mwt++];
      out->append(std::to_string(t.first) + "-" + std::to_string(t.last) + "\t");
      out->append(t.form + "\t_\t_\t_\t_\t_\t_\t_\t");
      out->append(t.misc.empty() ? "_" : t.misc);
      out->push_back('\n');
    }
    const auto& w = s.words[i];
    out->append(std::to_string(i + 1));
    out->push_back('\t');
    col(w.form);
    col(w.lemma);
    col(w.upos);
    col(w.xpos);
    col(w.feats);
    col(w.head < 0 ? std::string("_") : std::to_string(w.head));
    col(w.deprel);
    col(w.deps);
    out->append(w.misc.empty() ? "_" : w.misc);
    out->push_back('\n');
  }
  empties_before(static_cast<int>(s.words.size()));
  out->push_back('\n');
}

}  // namespace dyad::nlp
