#include "core/settings.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>

namespace declutter {
namespace {
using T = SettingSpec::Type;

// The one table of tunables. Keep it in documentation order; rules/README.md lists it.
constexpr std::array kSpecs{
    SettingSpec{"dedupe", "on", "drop exact repeats of an earlier line (repeated headline, caption)", T::boolean},
    SettingSpec{"dedupe-min-chars", "20", "lines shorter than this are never treated as repeats", T::number},
    SettingSpec{"edge-trim", "on", "drop runs of short non-sentence lines at the start and end of a document", T::boolean},
    SettingSpec{"edge-trim-max-words", "3", "the longest line, in words, that edge trimming may drop", T::number},
    SettingSpec{"max-removed", "97%", "if common rules remove more than this share of the text, their verdicts are undone", T::fraction},
};

bool parse_double(std::string_view text, double& out) {
  std::string copy(text);
  char* end = nullptr;
  out = std::strtod(copy.c_str(), &end);
  return !copy.empty() && end == copy.c_str() + copy.size();
}

bool parse_fraction(std::string_view text, double& out) {
  if (!text.empty() && text.back() == '%') {
    if (!parse_double(text.substr(0, text.size() - 1), out)) return false;
    out /= 100.0;
  } else if (!parse_double(text, out)) {
    return false;
  }
  return out >= 0.0 && out <= 1.0;
}

std::optional<bool> parse_bool(std::string_view text) {
  if (text == "on" || text == "true" || text == "yes") return true;
  if (text == "off" || text == "false" || text == "no") return false;
  return std::nullopt;
}

std::size_t index_of(std::string_view name) {
  for (std::size_t i = 0; i < kSpecs.size(); ++i)
    if (kSpecs[i].name == name) return i;
  std::abort();  // a stage asked for a setting the table does not declare: a programming error
}
}  // namespace

std::optional<double> parse_share(std::string_view text) {
  double out = 0;
  if (!parse_fraction(text, out)) return std::nullopt;
  return out;
}

std::span<const SettingSpec> setting_specs() { return kSpecs; }

const SettingSpec* find_setting(std::string_view name) {
  auto it = std::find_if(kSpecs.begin(), kSpecs.end(), [&](const SettingSpec& s) { return s.name == name; });
  return it == kSpecs.end() ? nullptr : &*it;
}

std::optional<std::string> validate_setting(const SettingSpec& spec, std::string_view value) {
  double number = 0;
  switch (spec.type) {
    case T::number:
      if (!parse_double(value, number)) return "expected a number";
      return std::nullopt;
    case T::fraction:
      if (!parse_fraction(value, number)) return "expected a share such as 40% or 0.4";
      return std::nullopt;
    case T::boolean:
      if (!parse_bool(value)) return "expected on or off";
      return std::nullopt;
    case T::word:
      if (value.empty()) return "expected a value";
      return std::nullopt;
  }
  return std::nullopt;
}

Settings::Settings() {
  values_.reserve(kSpecs.size());
  for (const auto& spec : kSpecs) values_.emplace_back(spec.default_value);
}

void Settings::set(std::string_view name, std::string_view value) { values_[index_of(name)] = std::string(value); }

double Settings::number(std::string_view name) const {
  const std::string& value = values_[index_of(name)];
  double out = 0;
  if (kSpecs[index_of(name)].type == T::fraction) {
    parse_fraction(value, out);
  } else {
    parse_double(value, out);
  }
  return out;
}

bool Settings::flag(std::string_view name) const { return parse_bool(values_[index_of(name)]).value_or(false); }

std::string_view Settings::word(std::string_view name) const { return values_[index_of(name)]; }

}  // namespace declutter
