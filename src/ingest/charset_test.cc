#include "ingest/charset.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

const char* kCafeUtf8 =
    "caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9"
    "e";

TEST(Charset, DeclaredCharsets) {
  EXPECT_EQ(CharsetFromContentType("text/html; charset=ISO-8859-1"), "ISO-8859-1");
  EXPECT_EQ(CharsetFromContentType("text/html;charset=\"utf-8\""), "utf-8");
  EXPECT_EQ(CharsetFromContentType("text/html"), "");
  EXPECT_EQ(DeclaredHtmlCharset("<html><head><meta charset=windows-1251>"), "windows-1251");
  EXPECT_EQ(DeclaredHtmlCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; "
                                "charset=shift_jis\">"),
            "shift_jis");
  EXPECT_EQ(DeclaredHtmlCharset("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><html>"),
            "ISO-8859-2");
  EXPECT_EQ(DeclaredHtmlCharset("<html><body>no declaration"), "");
}

TEST(Charset, ConvertsDeclaredLegacyCharsets) {
  std::string used;
  // Latin-1 labels mean windows-1252 (curly quotes at 0x93/0x94).
  EXPECT_EQ(DecodeToUtf8("caf\xE9 \x93quoted\x94", "iso-8859-1", false, &used),
            "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
  EXPECT_EQ(used, "windows-1252");
  // Cyrillic from a <meta> declaration.
  std::string page = "<meta charset=\"windows-1251\"><p>\xCC\xEE\xF1\xEA\xE2\xE0</p>";
  EXPECT_NE(DecodeToUtf8(page, "", true).find("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"),
            std::string::npos);  // "Москва"
}

TEST(Charset, WrongDeclarationsGiveWayToTheBytes) {
  std::string used;
  bool valid = false;
  // Says ISO-8859-1, is UTF-8.
  EXPECT_EQ(DecodeToUtf8(kCafeUtf8, "ISO-8859-1", false, &used, &valid), kCafeUtf8);
  EXPECT_EQ(used, "UTF-8");
  EXPECT_TRUE(valid);
  // Says UTF-8 in <meta>, is windows-1252 with many accents: detected and converted.
  std::string latin = "<meta charset=utf-8><p>";
  for (int i = 0; i < 20; ++i)
    latin +=
        "Le pr\xE9sident a d\xE9"
        "clar\xE9 \xE0 la t\xE9l\xE9vision. ";
  std::string out = DecodeToUtf8(latin, "", true, &used, &valid);
  EXPECT_NE(out.find("pr\xC3\xA9sident"), std::string::npos) << used;
  EXPECT_TRUE(valid);
  // An unknown label falls back to detection rather than failing.
  EXPECT_NE(DecodeToUtf8(latin, "x-no-such-charset", true).find("pr\xC3\xA9sident"),
            std::string::npos);
}

TEST(Charset, ByteOrderMarksAndAscii) {
  EXPECT_EQ(DecodeToUtf8("\xEF\xBB\xBFhello", "", true), "hello");
  EXPECT_EQ(DecodeToUtf8(std::string("\xFF\xFEh\0i\0", 6), "", true), "hi");
  EXPECT_EQ(DecodeToUtf8(std::string("\xFE\xFF\0h\0i", 6), "iso-8859-1", true), "hi");
  bool valid = false;
  EXPECT_EQ(DecodeToUtf8("plain ascii", "utf-8", true, nullptr, &valid), "plain ascii");
  EXPECT_TRUE(valid);
}

TEST(Charset, UndeclaredLegacyTextIsDetected) {
  // Shift_JIS Japanese with no declaration at all.
  std::string sjis;
  for (int i = 0; i < 30; ++i) sjis += "\x93\xfa\x96\x7b\x82\xcc\x8e\xf1\x91\x8a\x82\xcd\x81\x41";
  std::string used;
  std::string out = DecodeToUtf8(sjis, "", false, &used);
  EXPECT_NE(out.find("\xE6\x97\xA5\xE6\x9C\xAC"), std::string::npos) << used;  // "日本"
}

TEST(Charset, DoubleEncodedUtf8IsRepaired) {
  // "It’s café" encoded to UTF-8, read as windows-1252 ("â€™", "Ã©") and encoded again.
  std::string s = "It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s caf\xC3\x83\xC2\xA9";
  EXPECT_EQ(RepairDoubleEncodedUtf8(s), 2u);
  EXPECT_EQ(s, "It\xE2\x80\x99s caf\xC3\xA9");
  // Read as Latin-1 instead: the C1 controls U+0080 and U+0099 stand for the bytes.
  s = "It\xC3\xA2\xC2\x80\xC2\x99s";
  EXPECT_EQ(RepairDoubleEncodedUtf8(s), 1u);
  EXPECT_EQ(s, "It\xE2\x80\x99s");
  // A page's bytes come out repaired.
  EXPECT_EQ(DecodeToUtf8("<p>Cr\xC3\x83\xC2\xA8me</p>", "", true), "<p>Cr\xC3\xA8me</p>");
  // Text that only looks alike stays: "×" or "ß" before a symbol, "é" before one symbol,
  // "Ã" before a letter, characters that spell no valid sequence.
  for (std::string keep : {"3\xC3\x97\xC2\xA0m", "Stra\xC3\x9F\xE2\x80\x99", "caf\xC3\xA9\xC2\xBB",
                           "S\xC3\x83O PAULO", "\xC3\xA0\xC2\x85\xC2\xBB", "caf\xC3\xA9"}) {
    std::string before = keep;
    EXPECT_EQ(RepairDoubleEncodedUtf8(keep), 0u) << before;
    EXPECT_EQ(keep, before);
  }
}

}  // namespace
}  // namespace dyad
