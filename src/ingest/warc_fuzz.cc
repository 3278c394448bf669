// libFuzzer target: any bytes as a WARC file (plain, or gzip members when the bytes start
// with a gzip header), every record read and its payload decoded to UTF-8. Run by
// scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "ingest/charset.h"
#include "ingest/warc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  size_t pos = 0;
  dyad::WarcReader reader(
      [&](char* buf, size_t n) -> long {
        // Hand the bytes over in small, uneven pieces to exercise the buffering.
        size_t k = std::min({n, size - pos, static_cast<size_t>(1 + (pos * 7919) % 61)});
        std::memcpy(buf, data + pos, k);
        pos += k;
        return static_cast<long>(k);
      },
      1 << 16);
  dyad::WarcRecord rec;
  std::string error;
  for (int i = 0; i < 10000; ++i) {
    auto st = reader.Next(&rec, &error);
    if (st == dyad::WarcReader::Status::kEnd) break;
    if (st == dyad::WarcReader::Status::kRecord)
      dyad::DecodeToUtf8(rec.payload, dyad::CharsetFromContentType(rec.http_content_type), true);
  }
  return 0;
}
