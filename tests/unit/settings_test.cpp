#include <catch2/catch.hpp>

#include "core/settings.h"

using namespace declutter;

TEST_CASE("settings parse fractions, numbers and flags", "[settings]") {
  const SettingSpec* max_removed = find_setting("max-removed");
  REQUIRE(max_removed != nullptr);
  CHECK_FALSE(validate_setting(*max_removed, "40%").has_value());
  CHECK_FALSE(validate_setting(*max_removed, "0.4").has_value());
  CHECK(validate_setting(*max_removed, "140%").has_value());
  CHECK(validate_setting(*max_removed, "lots").has_value());
  Settings settings;
  settings.set("max-removed", "40%");
  CHECK(settings.number("max-removed") == Approx(0.4));
  settings.set("dedupe", "off");
  CHECK_FALSE(settings.flag("dedupe"));
  CHECK(find_setting("no-such-setting") == nullptr);
}

TEST_CASE("counts are whole numbers and numbers are finite and bounded", "[settings]") {
  const SettingSpec* topic_bytes = find_setting("score-topic-word-bytes");
  REQUIRE(topic_bytes != nullptr);
  CHECK_FALSE(validate_setting(*topic_bytes, "7").has_value());
  CHECK(validate_setting(*topic_bytes, "1e30").has_value());
  CHECK(validate_setting(*topic_bytes, "2.5").has_value());
  CHECK(validate_setting(*topic_bytes, "-1").has_value());
  CHECK(validate_setting(*topic_bytes, "").has_value());
  CHECK(validate_setting(*topic_bytes, "99999999999999999999999").has_value());
  Settings settings;
  settings.set("score-topic-word-bytes", "7");
  CHECK(settings.count("score-topic-word-bytes") == 7);

  const SettingSpec* threshold = find_setting("score-threshold");
  REQUIRE(threshold != nullptr);
  CHECK_FALSE(validate_setting(*threshold, "-0.75").has_value());
  CHECK(validate_setting(*threshold, "nan").has_value());
  CHECK(validate_setting(*threshold, "inf").has_value());
  CHECK(validate_setting(*threshold, "1e300").has_value());
}
