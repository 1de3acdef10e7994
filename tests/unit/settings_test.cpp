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
