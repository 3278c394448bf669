// WarcReader: the records of a WARC 1.0/1.1 file, plain or gzipped with one member per record,
// with the HTTP status, headers and decoded body of response records; a broken record is
// reported and skipped, and reading resumes at the next good one.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace dyad {

struct WarcRecord {
  uint64_t offset = 0;       // where the record (its gzip member) starts in the input
  std::string type;          // WARC-Type: response, request, resource, metadata, warcinfo, ...
  std::string record_id;     // WARC-Record-ID without the angle brackets
  std::string target_uri;    // WARC-Target-URI
  std::string date;          // WARC-Date as written
  std::string content_type;  // the record's Content-Type
  // For response records holding an HTTP response (application/http): the status code and
  // the response's Content-Type; 0 and "" otherwise.
  int http_status = 0;
  std::string http_content_type;
  // The payload: the HTTP body (chunked transfer and gzip/deflate content encoding undone)
  // for HTTP responses, the whole block for other records.
  std::string payload;
};

class WarcReader {
 public:
  // `read` fills up to `n` bytes of the input into `buf` and returns how many (0 at the end,
  // negative on a read error). Records whose block is larger than `max_record_bytes` are
  // skipped with an error.
  using ReadFn = std::function<long(char* buf, size_t n)>;
  WarcReader(ReadFn read, size_t max_record_bytes);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  enum class Status { kRecord, kBroken, kEnd };
  // kRecord: `rec` holds the next record. kBroken: a record could not be read; `error` says
  // why and rec->offset where; call again to go on. kEnd: no more input.
  Status Next(WarcRecord* rec, std::string* error);

  // Input bytes consumed so far (compressed bytes for .warc.gz).
  uint64_t bytes_read() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
