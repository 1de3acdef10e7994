#pragma once
// Tunables. Every threshold the stages use is declared once in settings.cpp with its
// default and a line of documentation; rule files override them with `set NAME VALUE`
// (common first, then the publisher file), so no number is buried in stage code.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace declutter {

struct SettingSpec {
  std::string_view name;
  std::string_view default_value;
  std::string_view doc;
  enum class Type { number, fraction, count, boolean, word } type;
};

// Every known setting, in documentation order.
std::span<const SettingSpec> setting_specs();
const SettingSpec* find_setting(std::string_view name);

// Parses a value for a setting: "40%" and "0.4" are both fractions; a count is a whole
// number; on, off, true, false, yes, no are booleans. Returns an error message, or nothing
// when the value is good.
std::optional<std::string> validate_setting(const SettingSpec& spec, std::string_view value);

// "40%" or "0.4" as a share in [0, 1].
std::optional<double> parse_share(std::string_view text);

class Settings {
 public:
  Settings();  // every setting at its default
  void set(std::string_view name, std::string_view value);  // value already validated
  double number(std::string_view name) const;   // numbers and fractions (40% -> 0.4)
  std::size_t count(std::string_view name) const;
  bool flag(std::string_view name) const;
  std::string_view word(std::string_view name) const;

 private:
  std::vector<std::string> values_;  // parallel to setting_specs()
};

}  // namespace declutter
