// A small streaming JSON writer: appends compact JSON to a string, escaping as RFC 8259 says.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dyad {

// Builds one JSON value into `out`. Commas between members are inserted automatically.
//   JsonWriter w(s); w.BeginObject(); w.Key("a"); w.Int(1); w.EndObject();
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view k);
  void String(std::string_view v);
  void StringOrNull(std::string_view v);  // null when empty
  void Int(long long v);
  void Double(double v, int precision = 4);
  void Bool(bool v);
  void Null();
  void Raw(std::string_view json);  // an already-encoded JSON value

 private:
  void Separate();
  std::string& out_;
  std::vector<bool> first_;  // per open container: no member written yet
  bool after_key_ = false;
};

// Appends `v` as a JSON string literal (with quotes) to `out`.
void AppendJsonString(std::string& out, std::string_view v);

}  // namespace dyad
