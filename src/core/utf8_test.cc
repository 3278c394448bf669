#include "core/utf8.h"

#include <gtest/gtest.h>

#include "core/json_writer.h"

namespace dyad {
namespace {

TEST(Utf8, RepairReplacesInvalidBytesAndDropsNul) {
  std::string s = "ok \xFF bad\xC3";
  s += '\0';
  s += "end";
  Utf8Report r = RepairUtf8(s);
  EXPECT_EQ(r.invalid_bytes, 2u);
  EXPECT_EQ(r.nul_bytes, 1u);
  EXPECT_EQ(s,
            "ok \xEF\xBF\xBD bad\xEF\xBF\xBD"
            "end");
}

TEST(Utf8, ValidTextIsUntouched) {
  std::string s = "Choe Son-hui told Lavrov \xE2\x80\x9Cwe\xE2\x80\x9D";
  std::string copy = s;
  EXPECT_EQ(RepairUtf8(s).invalid_bytes, 0u);
  EXPECT_EQ(s, copy);
}

TEST(Utf8, LooksBinary) {
  EXPECT_FALSE(LooksBinary("plain text\nwith lines"));
  std::string bin(100, '\x01');
  EXPECT_TRUE(LooksBinary(bin));
  EXPECT_TRUE(LooksBinary(std::string("a\0b", 3)));
}

TEST(Utf8, CodepointIndex) {
  std::string s =
      "a\xE2\x80\x9C"
      "b";  // a “ b
  CodepointIndex cp(s);
  EXPECT_EQ(cp(0), 0u);
  EXPECT_EQ(cp(1), 1u);
  EXPECT_EQ(cp(4), 2u);
  EXPECT_EQ(cp(5), 3u);
  std::string long_text(200, 'x');
  long_text += "\xC3\xA9y";
  CodepointIndex cp2(long_text);
  EXPECT_EQ(cp2(202), 201u);
}

TEST(JsonWriter, EscapesAndNests) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("a");
  w.String("q\"\n\x01");
  w.Key("b");
  w.BeginArray();
  w.Int(1);
  w.Null();
  w.Bool(true);
  w.EndArray();
  w.Key("c");
  w.StringOrNull("");
  w.EndObject();
  EXPECT_EQ(out, R"({"a":"q\"\n\u0001","b":[1,null,true],"c":null})");
}

}  // namespace
}  // namespace dyad
