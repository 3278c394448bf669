#include "nlp/model_io.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace dyad::nlp {

void ModelWriter::Str(std::string_view s) {
  U64(s.size());
  Raw(s.data(), s.size());
}

void ModelWriter::StrList(const std::vector<std::string>& v) {
  U64(v.size());
  for (const auto& s : v) Str(s);
}

bool ModelWriter::WriteFile(const std::string& path, std::string_view magic,
                            std::string* error) const {
  // gzip (zlib level 6): the weights compress to less than half, and reading them back costs
  // a fraction of a second.
  const std::string tmp = path + ".tmp";
  gzFile f = gzopen(tmp.c_str(), "wb6");
  if (!f) {
    *error = "cannot write " + tmp + ": " + std::strerror(errno);
    return false;
  }
  auto put = [&](std::string_view s) {
    while (!s.empty()) {
      const unsigned n = static_cast<unsigned>(std::min<size_t>(s.size(), 1u << 30));
      if (gzwrite(f, s.data(), n) != static_cast<int>(n)) return false;
      s.remove_prefix(n);
    }
    return true;
  };
  bool ok = put(magic) && put(data_);
  ok = (gzclose(f) == Z_OK) && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    *error = "cannot write " + path + ": " + std::strerror(errno);
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

bool ModelReader::Open(const std::string& path, std::string_view magic, std::string* error) {
  // gzread reads gzip files and plain ones alike.
  std::unique_ptr<gzFile_s, int (*)(gzFile)> f(gzopen(path.c_str(), "rb"), &gzclose);
  if (!f) {
    *error = "cannot open " + path + ": " + std::strerror(errno);
    return false;
  }
  gzbuffer(f.get(), 1 << 17);
  std::string data;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f.get(), buf, sizeof buf)) > 0) data.append(buf, static_cast<size_t>(n));
  if (n < 0) {
    *error = path + ": corrupt compressed model file";
    return false;
  }
  if (data.compare(0, magic.size(), magic) != 0) {
    *error = path + ": not a " + std::string(magic.substr(0, magic.find('\n'))) +
             " file (or a different version)";
    return false;
  }
  data_ = std::move(data);
  pos_ = magic.size();
  ok_ = true;
  return true;
}

std::string ModelReader::Str() {
  const uint64_t n = U64();
  if (!ok_ || n > data_.size() - pos_) {
    ok_ = false;
    return {};
  }
  std::string s = data_.substr(pos_, n);
  pos_ += n;
  return s;
}

std::vector<std::string> ModelReader::StrList() {
  std::vector<std::string> v;
  const uint64_t n = U64();
  if (!ok_ || n > data_.size() - pos_) {
    ok_ = false;
    return v;
  }
  v.reserve(n);
  for (uint64_t i = 0; i < n && ok_; ++i) v.push_back(Str());
  return v;
}

}  // namespace dyad::nlp
