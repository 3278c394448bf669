#include "core/strings.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(Strings, NormalizeDate) {
  EXPECT_EQ(NormalizeDate("2024-11-01"), "2024-11-01");
  EXPECT_EQ(NormalizeDate("2024-11-01T10:00:00Z"), "2024-11-01");
  EXPECT_EQ(NormalizeDate("20241101"), "2024-11-01");
  EXPECT_EQ(NormalizeDate("2024/11/01"), "2024-11-01");
  EXPECT_EQ(NormalizeDate("Friday"), "");
  EXPECT_EQ(NormalizeDate("2024-13-01"), "");
}

TEST(Strings, ContentHashIsStableAndDistinct) {
  EXPECT_EQ(ContentHash("abc"), ContentHash("abc"));
  EXPECT_NE(ContentHash("abc"), ContentHash("abd"));
  EXPECT_EQ(ContentHash("abc").size(), 32u);
}

}  // namespace
}  // namespace dyad
