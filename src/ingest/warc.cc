#include "ingest/warc.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <string_view>

#include "core/strings.h"

namespace dyad {

namespace {

constexpr size_t kMaxHeaderBytes = 64 << 10;  // WARC or HTTP header block
constexpr size_t kChunk = 1 << 16;

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// Header lines "Name: value" up to the blank line; returns false on a line without a colon
// (continuation lines, starting with white space, are appended to the previous value).
template <typename F>
bool ForEachHeader(std::string_view block, F&& f) {
  std::string_view name, value;
  bool have = false;
  for (auto line : Split(block, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    if ((line[0] == ' ' || line[0] == '\t') && have) continue;  // folded: ignored
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return false;
    if (have) f(name, value);
    name = Trim(line.substr(0, colon));
    value = Trim(line.substr(colon + 1));
    have = true;
  }
  if (have) f(name, value);
  return true;
}

// Undoes chunked transfer coding; false when the body is not well-formed chunks.
bool Dechunk(std::string_view in, std::string* out) {
  out->clear();
  size_t i = 0;
  while (i < in.size()) {
    size_t eol = in.find('\n', i);
    if (eol == std::string_view::npos) return false;
    std::string_view line = Trim(in.substr(i, eol - i));
    size_t semi = line.find(';');
    if (semi != std::string_view::npos) line = line.substr(0, semi);
    if (line.empty() || line.size() > 15) return false;
    uint64_t n = 0;
    for (char c : line) {
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
              : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                          : -1;
      if (d < 0) return false;
      n = n * 16 + static_cast<uint64_t>(d);
    }
    i = eol + 1;
    if (n == 0) return true;
    if (n > in.size() - i) {  // truncated: keep what is there
      out->append(in.substr(i));
      return true;
    }
    out->append(in.substr(i, n));
    i += n;
    if (i < in.size() && in[i] == '\r') ++i;
    if (i < in.size() && in[i] == '\n') ++i;
  }
  return true;
}

// Inflates gzip or zlib/raw deflate data; false on corrupt input (what was decoded is kept).
bool Inflate(std::string_view in, bool gzip, size_t limit, std::string* out) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    z_stream zs{};
    int bits = gzip ? 15 + 32 : (attempt == 0 ? 15 : -15);  // zlib, then raw deflate
    if (inflateInit2(&zs, bits) != Z_OK) return false;
    out->clear();
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT32_MAX));
    char buf[kChunk];
    int rc = Z_OK;
    while (rc == Z_OK) {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof buf;
      rc = inflate(&zs, Z_NO_FLUSH);
      out->append(buf, sizeof buf - zs.avail_out);
      if (out->size() > limit) rc = Z_MEM_ERROR;
      if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;  // truncated: keep what came
    }
    inflateEnd(&zs);
    if (rc == Z_STREAM_END || (rc == Z_BUF_ERROR && !out->empty())) return true;
    if (gzip || attempt == 1) return false;
  }
  return false;
}

}  // namespace

struct WarcReader::Impl {
  ReadFn read;
  size_t max_record;
  bool gzip = false;
  bool sniffed = false;
  bool input_done = false;
  uint64_t consumed = 0;  // input bytes handed over by `read`

  // Raw input not yet used, and its offset in the input.
  std::string raw;
  size_t raw_pos = 0;
  uint64_t raw_offset = 0;  // input offset of raw[0]

  // Decompressed bytes being parsed: the current gzip member, or a window of a plain file.
  std::string buf;
  size_t pos = 0;
  uint64_t buf_offset = 0;  // plain: input offset of buf[0]; gzip: offset of the member
  bool member_open = false;

  bool ReadMore() {
    if (input_done) return false;
    if (raw_pos > 0 && raw_pos >= raw.size() / 2) {
      raw.erase(0, raw_pos);
      raw_offset += raw_pos;
      raw_pos = 0;
    }
    size_t old = raw.size();
    raw.resize(old + kChunk);
    long n = read(raw.data() + old, kChunk);
    if (n <= 0) {
      raw.resize(old);
      input_done = true;
      return false;
    }
    raw.resize(old + static_cast<size_t>(n));
    consumed += static_cast<uint64_t>(n);
    return true;
  }

  // Plain files: makes sure buf holds `n` bytes from pos; false at the end of the input.
  bool Need(size_t n) {
    while (buf.size() - pos < n) {
      if (gzip) return false;  // a member is complete in buf
      if (raw_pos >= raw.size() && !ReadMore()) return false;
      if (pos > 0 && pos >= buf.size() / 2) {
        buf.erase(0, pos);
        buf_offset += pos;
        pos = 0;
      }
      buf.append(raw, raw_pos, std::string::npos);
      raw_pos = raw.size();
    }
    return true;
  }

  // Gzip: inflates the next member into buf. Returns 1 on success, 0 at the end, -1 when the
  // member is corrupt or too large (`error` set; reading resumes at the next gzip header).
  int NextMember(std::string* error) {
    buf.clear();
    pos = 0;
    while (raw.size() - raw_pos < 18 && ReadMore()) {
    }
    if (raw_pos >= raw.size()) return 0;
    buf_offset = raw_offset + raw_pos;
    if (raw.compare(raw_pos, 3, "\x1f\x8b\x08") != 0) {
      *error = "not a gzip member (garbage between records)";
      Resync();
      return -1;
    }
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 16) != Z_OK) {
      *error = "zlib failure";
      return -1;
    }
    int rc = Z_OK;
    char out[kChunk];
    const size_t limit = max_record + kMaxHeaderBytes * 2;
    while (true) {
      if (raw_pos >= raw.size() && !ReadMore()) break;
      zs.next_in = reinterpret_cast<Bytef*>(raw.data() + raw_pos);
      zs.avail_in = static_cast<uInt>(raw.size() - raw_pos);
      zs.next_out = reinterpret_cast<Bytef*>(out);
      zs.avail_out = sizeof out;
      rc = inflate(&zs, Z_NO_FLUSH);
      raw_pos = raw.size() - zs.avail_in;
      buf.append(out, sizeof out - zs.avail_out);
      if (rc == Z_STREAM_END || (rc != Z_OK && rc != Z_BUF_ERROR)) break;
      if (buf.size() > limit) {
        rc = Z_MEM_ERROR;
        break;
      }
    }
    inflateEnd(&zs);
    if (rc == Z_STREAM_END) return 1;
    if (rc == Z_MEM_ERROR)
      *error = "record too large (over " + std::to_string(max_record) + " bytes)";
    else if (rc == Z_OK || rc == Z_BUF_ERROR)
      *error = "truncated gzip member";
    else
      *error = std::string("corrupt gzip member: ") + (zs.msg ? zs.msg : "inflate error");
    // Resume at the next gzip header after this member's start.
    raw_pos = static_cast<size_t>(buf_offset - raw_offset) + 1;
    Resync();
    buf.clear();
    return -1;
  }

  // Gzip: moves raw_pos to the next gzip header.
  void Resync() {
    while (true) {
      size_t k = raw.find("\x1f\x8b\x08", raw_pos);
      if (k != std::string::npos) {
        raw_pos = k;
        return;
      }
      raw_pos = raw.size() >= 2 ? std::max(raw_pos, raw.size() - 2) : raw_pos;
      if (!ReadMore()) {
        raw_pos = raw.size();
        return;
      }
    }
  }

  // Plain: moves pos to the next line that starts "WARC/1.".
  void ResyncPlain() {
    size_t from = pos + 1;
    while (true) {
      size_t k = buf.find("\nWARC/1.", from);
      if (k != std::string::npos) {
        pos = k + 1;
        return;
      }
      pos = std::max(pos, buf.size() > 8 ? buf.size() - 8 : size_t{0});
      if (!Need(buf.size() - pos + 1)) {
        pos = buf.size();
        return;
      }
      from = pos;
    }
  }

  Status ParseRecord(WarcRecord* rec, std::string* error) {
    // Skip the blank lines between records.
    while (Need(1) && (buf[pos] == '\r' || buf[pos] == '\n')) ++pos;
    if (!Need(1)) return Status::kEnd;
    rec->offset = gzip ? buf_offset : buf_offset + pos;
    // Header block.
    size_t hdr_end = std::string::npos, sep = 0;
    for (size_t want = 512;; want *= 2) {
      bool more = Need(std::min(want, kMaxHeaderBytes));
      size_t a = buf.find("\r\n\r\n", pos);
      size_t b = buf.find("\n\n", pos);
      if (a != std::string::npos && (b == std::string::npos || a < b))
        hdr_end = a, sep = 4;
      else if (b != std::string::npos)
        hdr_end = b, sep = 2;
      if (hdr_end != std::string::npos && hdr_end - pos <= kMaxHeaderBytes) break;
      hdr_end = std::string::npos;
      if (!more || want >= kMaxHeaderBytes) break;
    }
    if (buf.compare(pos, 5, "WARC/") != 0) {
      *error = "not a WARC record (no WARC/1.x version line)";
      return Broken();
    }
    if (hdr_end == std::string::npos) {
      *error = "WARC header without an end";
      return Broken();
    }
    std::string_view header(buf.data() + pos, hdr_end - pos);
    size_t first_nl = header.find('\n');
    std::string_view fields =
        first_nl == std::string_view::npos ? std::string_view() : header.substr(first_nl + 1);
    long long length = -1;
    bool ok = ForEachHeader(fields, [&](std::string_view k, std::string_view v) {
      if (IEquals(k, "Content-Length")) {
        length = 0;
        for (char c : v) {
          if (!std::isdigit(static_cast<unsigned char>(c)) || length > (1LL << 50)) {
            length = -2;
            break;
          }
          length = length * 10 + (c - '0');
        }
      } else if (IEquals(k, "WARC-Type")) {
        rec->type = std::string(v);
      } else if (IEquals(k, "WARC-Record-ID")) {
        std::string_view id = v;
        if (StartsWith(id, "<") && EndsWith(id, ">")) id = id.substr(1, id.size() - 2);
        rec->record_id = std::string(id);
      } else if (IEquals(k, "WARC-Target-URI")) {
        std::string_view u = v;
        if (StartsWith(u, "<") && EndsWith(u, ">")) u = u.substr(1, u.size() - 2);
        rec->target_uri = std::string(u);
      } else if (IEquals(k, "WARC-Date")) {
        rec->date = std::string(v);
      } else if (IEquals(k, "Content-Type")) {
        rec->content_type = std::string(v);
      }
    });
    if (!ok || length < 0) {
      *error = length == -2 ? "bad Content-Length"
               : !ok        ? "malformed WARC header line"
                            : "WARC header without Content-Length";
      return Broken();
    }
    size_t body_start = hdr_end + sep;
    if (static_cast<unsigned long long>(length) > max_record) {
      *error = "record too large (" + std::to_string(length) + " bytes, limit " +
               std::to_string(max_record) + ")";
      // Skip it: the whole member, or the bytes of a plain file.
      if (gzip) {
        pos = buf.size();
      } else {
        size_t skip = static_cast<size_t>(length) + (body_start - pos);
        while (skip > 0) {
          if (!Need(1)) break;
          size_t take = std::min(skip, buf.size() - pos);
          pos += take;
          skip -= take;
        }
      }
      return Status::kBroken;
    }
    // Need() may move the unread bytes to the front of buf: offsets are relative to pos.
    const size_t body_rel = body_start - pos;
    if (!Need(body_rel + static_cast<size_t>(length))) {
      *error = "truncated record (Content-Length " + std::to_string(length) + ", " +
               std::to_string(buf.size() - std::min(buf.size(), pos + body_rel)) + " bytes left)";
      pos = buf.size();
      return Status::kBroken;
    }
    body_start = pos + body_rel;
    std::string_view block(buf.data() + body_start, static_cast<size_t>(length));
    pos = body_start + static_cast<size_t>(length);
    DecodeBlock(block, rec);
    return Status::kRecord;
  }

  Status Broken() {
    if (gzip)
      pos = buf.size();
    else
      ResyncPlain();
    return Status::kBroken;
  }

  // The payload of a block: an HTTP response's decoded body, or the block as it is.
  void DecodeBlock(std::string_view block, WarcRecord* rec) {
    std::string ct = AsciiLower(rec->content_type);
    bool http = (rec->type == "response" || rec->type == "revisit") &&
                ct.find("application/http") != std::string::npos && StartsWith(block, "HTTP/");
    if (!http) {
      rec->payload.assign(block);
      return;
    }
    size_t a = block.find("\r\n\r\n"), b = block.find("\n\n");
    size_t end = a != std::string_view::npos && (b == std::string_view::npos || a < b) ? a : b;
    size_t sep = end == a ? 4 : 2;
    std::string_view head = end == std::string_view::npos ? block : block.substr(0, end);
    std::string_view body =
        end == std::string_view::npos ? std::string_view() : block.substr(end + sep);
    size_t sp = head.find(' ');
    if (sp != std::string_view::npos) {
      int status = 0;
      for (size_t i = sp + 1;
           i < head.size() && std::isdigit(static_cast<unsigned char>(head[i])) && i < sp + 4; ++i)
        status = status * 10 + (head[i] - '0');
      rec->http_status = status;
    }
    size_t nl = head.find('\n');
    std::string encoding, transfer;
    if (nl != std::string_view::npos)
      ForEachHeader(head.substr(nl + 1), [&](std::string_view k, std::string_view v) {
        if (IEquals(k, "Content-Type"))
          rec->http_content_type = std::string(v);
        else if (IEquals(k, "Content-Encoding"))
          encoding = AsciiLower(v);
        else if (IEquals(k, "Transfer-Encoding"))
          transfer = AsciiLower(v);
      });
    std::string dechunked;
    if (transfer.find("chunked") != std::string::npos && Dechunk(body, &dechunked))
      body = dechunked;
    if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
      std::string inflated;
      if (Inflate(body, encoding != "deflate", max_record, &inflated)) {
        rec->payload = std::move(inflated);
        return;
      }
    }
    rec->payload.assign(body);
  }
};

WarcReader::WarcReader(ReadFn read, size_t max_record_bytes) : impl_(std::make_unique<Impl>()) {
  impl_->read = std::move(read);
  impl_->max_record = max_record_bytes;
}

WarcReader::~WarcReader() = default;

uint64_t WarcReader::bytes_read() const {
  return impl_->consumed;
}

WarcReader::Status WarcReader::Next(WarcRecord* rec, std::string* error) {
  Impl& m = *impl_;
  *rec = WarcRecord();
  error->clear();
  if (!m.sniffed) {
    m.sniffed = true;
    while (m.raw.size() < 2 && m.ReadMore()) {
    }
    m.gzip = m.raw.size() >= 2 && m.raw[0] == '\x1f' && m.raw[1] == '\x8b';
  }
  if (!m.gzip) return m.ParseRecord(rec, error);
  while (true) {
    if (m.member_open) {
      Status s = m.ParseRecord(rec, error);
      if (s != Status::kEnd) return s;
      m.member_open = false;
    }
    int r = m.NextMember(error);
    if (r == 0) return Status::kEnd;
    if (r < 0) {
      rec->offset = m.buf_offset;
      return Status::kBroken;
    }
    m.member_open = true;
  }
}

}  // namespace dyad
