// Tests of PETRARCH2's reading of CAMEO codes as combinable values.
#include "dict/petrarch2_codes.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(Petrarch2Codes, ValuesAndBack) {
  EXPECT_EQ(Petrarch2Value("033"), 0x3040);
  EXPECT_EQ(Petrarch2Cameo(0x3040), "033");
  EXPECT_EQ(Petrarch2Value("204"), Petrarch2Value("200"));  // a code off the table: its root
  EXPECT_EQ(Petrarch2Value("---"), 0);
  EXPECT_EQ(Petrarch2Cameo(0x1040), "");  // "say" + "aid" is no code
  EXPECT_EQ(Petrarch2Cameo(0x30A0), "138");
}

TEST(Petrarch2Codes, Combine) {
  // intend + expel: the expelling; intend + aid: intend to provide aid; appeal + aid.
  EXPECT_EQ(Petrarch2Cameo(Petrarch2Combine(Petrarch2Value("030"), Petrarch2Value("174"))), "174");
  EXPECT_EQ(Petrarch2Cameo(Petrarch2Combine(Petrarch2Value("030"), Petrarch2Value("070"))), "033");
  EXPECT_EQ(Petrarch2Cameo(Petrarch2Combine(Petrarch2Value("020"), Petrarch2Value("070"))), "023");
  // Two stances: the governed one. A rejection of material cooperation.
  EXPECT_EQ(Petrarch2Cameo(Petrarch2Combine(Petrarch2Value("030"), Petrarch2Value("090"))), "090");
  EXPECT_EQ(Petrarch2Cameo(Petrarch2Combine(Petrarch2Value("120"), Petrarch2Value("060"))), "121");
  // A threat to coerce is a threat; a threat of force is 138.
  EXPECT_EQ(Petrarch2Cameo(Petrarch2Combine(Petrarch2Value("130"), Petrarch2Value("172"))), "130");
  EXPECT_EQ(Petrarch2Cameo(Petrarch2Combine(Petrarch2Value("130"), Petrarch2Value("190"))), "138");
}

TEST(Petrarch2Codes, RuleValuesMatchTheirFamily) {
  EXPECT_TRUE(Petrarch2Matches(Petrarch2Value("015"), Petrarch2Value("010")));
  EXPECT_TRUE(Petrarch2Matches(Petrarch2Value("195"), Petrarch2Value("190")));
  EXPECT_FALSE(Petrarch2Matches(Petrarch2Value("020"), Petrarch2Value("010")));
  EXPECT_FALSE(Petrarch2Matches(Petrarch2Value("180"), Petrarch2Value("190")));
}

}  // namespace
}  // namespace dyad
