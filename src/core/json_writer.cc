#include "core/json_writer.h"

#include <cmath>
#include <cstdio>

namespace dyad {

void AppendJsonString(std::string& out, std::string_view v) {
  static const char* kHex = "0123456789abcdef";
  out += '"';
  for (char ch : v) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
}

void JsonWriter::BeginObject() {
  Separate();
  out_ += '{';
  first_.push_back(true);
}
void JsonWriter::EndObject() {
  out_ += '}';
  first_.pop_back();
}
void JsonWriter::BeginArray() {
  Separate();
  out_ += '[';
  first_.push_back(true);
}
void JsonWriter::EndArray() {
  out_ += ']';
  first_.pop_back();
}
void JsonWriter::Key(std::string_view k) {
  Separate();
  AppendJsonString(out_, k);
  out_ += ':';
  after_key_ = true;
}
void JsonWriter::String(std::string_view v) {
  Separate();
  AppendJsonString(out_, v);
}
void JsonWriter::StringOrNull(std::string_view v) {
  if (v.empty())
    Null();
  else
    String(v);
}
void JsonWriter::Int(long long v) {
  Separate();
  out_ += std::to_string(v);
}
void JsonWriter::Double(double v, int precision) {
  Separate();
  if (!std::isfinite(v)) {
    out_ += "null";
    return;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", precision + 2, v);
  out_ += buf;
}
void JsonWriter::Bool(bool v) {
  Separate();
  out_ += v ? "true" : "false";
}
void JsonWriter::Null() {
  Separate();
  out_ += "null";
}
void JsonWriter::Raw(std::string_view json) {
  Separate();
  out_ += json;
}

}  // namespace dyad
