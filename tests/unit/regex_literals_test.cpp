#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "regex/literal_scanner.h"
#include "regex/pattern_analysis.h"
#include "regex/pcre.h"

using namespace declutter;

namespace {

using Strings = std::vector<std::string>;

Strings sorted(Strings strings) {
  std::sort(strings.begin(), strings.end());
  return strings;
}

// Prefixes as the analysis gives them: cut to kMaxPrefixBytes, those that became equal one,
// sorted. The expectations below spell the prefixes out whole.
Strings cut(Strings prefixes) {
  for (std::string& prefix : prefixes)
    if (prefix.size() > kMaxPrefixBytes) prefix.resize(kMaxPrefixBytes);
  prefixes = sorted(prefixes);
  prefixes.erase(std::unique(prefixes.begin(), prefixes.end()), prefixes.end());
  return prefixes;
}

LiteralRequirement caseless(const std::string& pattern) { return literal_requirement(pattern, true, false); }
LiteralRequirement exact_case(const std::string& pattern) { return literal_requirement(pattern, false, false); }

std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

Regex compiled(const std::string& pattern, bool caseless_flag) {
  RegexError error;
  auto regex = Regex::compile(pattern, RegexFlags{caseless_flag, false, false}, error);
  REQUIRE(regex);
  return *regex;
}

const LiteralScanner::Mask kEveryRegex{~0ULL, ~0ULL, ~0ULL, ~0ULL};

// The scanner reads the requirements in place, as MatcherSet hands them over.
LiteralScanner scanner_of(const std::vector<LiteralRequirement>& requirements) {
  std::vector<const LiteralRequirement*> each;
  for (const LiteralRequirement& requirement : requirements) each.push_back(&requirement);
  return LiteralScanner(each);
}

bool candidate(const LiteralScanner::Mask& mask, std::size_t index) { return ((mask[index / 64] >> (index % 64)) & 1U) != 0; }

}  // namespace

TEST_CASE("literal requirement: anchored alternations give line prefixes", "[regex][literals]") {
  const auto more = caseless(R"(^(read more|continue reading|read the full (story|article))(\s*[»›>→…]+|\.\.\.)?$)");
  // Prefixes are cut to kMaxPrefixBytes bytes, and those that become equal are one.
  CHECK(sorted(more.prefixes) == cut({"continue reading", "read more", "read the full article", "read the full story"}));
  CHECK(more.infixes.empty());
  // Letters fold to lower case with or without the flag; what follows an optional part is cut there.
  const auto cook = exact_case(R"(^Did (you|we) (make|bake) it( again)?\?)");
  CHECK(sorted(cook.prefixes) == cut({"did we bake it again?", "did we bake it?", "did we make it again?", "did we make it?",
                                       "did you bake it again?", "did you bake it?", "did you make it again?",
                                       "did you make it?"}));
  const auto password = caseless(R"(^(das|dein) (neue |bestehende )?passwort muss (mindestens|be at least))");
  Strings whole;
  for (const char* owner : {"das ", "dein "})
    for (const char* which : {"", "neue ", "bestehende "})
      for (const char* rest : {"mindestens", "be at least"})
        whole.push_back(std::string(owner) + which + "passwort muss " + rest);
  CHECK(sorted(password.prefixes) == cut(whole));
  // Small classes and fixed repeats are spelt out.
  CHECK(sorted(caseless(R"(^(ab){2}[:.]\s)").prefixes) == Strings{"abab.", "abab:"});
  // A setting group: the case of the flag does not matter for ASCII; "welcome to the " is
  // implied by "welcome to " and left out.
  CHECK(exact_case(R"(^(?i:welcome to)( the)? [\p{Lu}\p{N}]\w*$)").prefixes == cut({"welcome to "}));
}

TEST_CASE("literal requirement: literal runs extend every string, whatever their order", "[regex][literals]") {
  // "a" < "ab", but with the "c" after them "abc" < "ac": the set is kept sorted.
  CHECK(sorted(caseless("^(a|ab)cd").prefixes) == Strings{"abcd", "acd"});
  // An optional character doubles the set; the run goes on after it.
  CHECK(sorted(caseless("^(x|y)ab?c").prefixes) == Strings{"xabc", "xac", "yabc", "yac"});
  // A two-way spelling (a Latin-1 letter, caseless) doubles the set in the middle of a run.
  CHECK(sorted(caseless("^(one|two) é!").prefixes) ==
        Strings{"one " + utf8(U'É') + "!", "one " + utf8(U'é') + "!", "two " + utf8(U'É') + "!", "two " + utf8(U'é') + "!"});
  // The prefixes stop growing where they would pass 256 strings (16 x 16 x 2 = 512).
  std::string branches;
  for (char c = 'a'; c < 'a' + 16; ++c) branches += std::string(branches.empty() ? "" : "|") + c + "q";
  const auto wide = caseless("^(" + branches + ")(" + branches + ")(k1|k2)zzz");
  REQUIRE(wide.prefixes.size() == 256);
  CHECK(sorted(wide.prefixes).front() == "aqaq");
  CHECK(sorted(wide.prefixes).back() == "pqpq");
}

TEST_CASE("literal requirement: contained factors of unanchored patterns", "[regex][literals]") {
  const auto credit = caseless(R"(\bCC[ -]BY(-[A-Z]{2})*( \d\.\d)?\b|\bvia Wikimedia Commons\b|\bpublic domain\b.*\bvia\b)");
  CHECK(credit.prefixes.empty());
  CHECK(sorted(credit.infixes) == Strings{"cc by", "cc-by", "public domain", "via wikimedia commons"});
  // A lookahead at the start consumes nothing; the factor after the optional words is required.
  const auto newsletter = caseless(R"(^(?=[^.]{0,80}+$)(\S+\s+){0,6}\S*newsletter\S*(\s+\S+){0,6}\s*[?!]?$)");
  CHECK(newsletter.prefixes.empty());
  CHECK(newsletter.infixes == Strings{"newsletter"});
  // After a class, an anchored pattern's literal is no longer at the line's start.
  CHECK(sorted(caseless(R"(^\d+\s+(comments?|replies)$)").infixes) == Strings{"comment", "replies"});
  // Mixed anchoring across top-level branches.
  const auto mixed = caseless("^abc|def");
  CHECK(mixed.prefixes == Strings{"abc"});
  CHECK(mixed.infixes == Strings{"def"});
}

TEST_CASE("literal requirement: non-ASCII letters and caseless matching", "[regex][literals]") {
  // Caseless: à has one other case (À), so the literal is spelt both ways.
  const auto lire = caseless("^(à lire aussi|lire aussi)$");
  CHECK(sorted(lire.prefixes) == cut({"lire aussi", "À lire aussi", "à lire aussi"}));
  CHECK(lire.infixes.empty());
  // Other letters with another case end the literal: what follows is contained.
  CHECK(caseless("^żabc").prefixes.empty());
  CHECK(caseless("^żabc").infixes == Strings{"abc"});
  // Case-sensitive: its bytes are the match's bytes.
  CHECK(exact_case("^à lire aussi").prefixes == cut({"à lire aussi"}));
  // An inline (?i) anywhere makes the whole pattern caseless for this purpose.
  CHECK(sorted(exact_case("^übersicht(?i)x").prefixes) == cut({"Übersichtx", "übersichtx"}));
  CHECK(exact_case("^ałbersicht(?i)x").infixes == Strings{"bersichtx"});
  // Characters without case (CJK, punctuation) stay literal when caseless.
  CHECK(sorted(caseless("^(相关文章|more)\\s*[:»]$").prefixes) == cut({"more", "相关文章"}));
  // The Kelvin sign and the long s are never part of a literal: the line fold reads them as k and s.
  CHECK(exact_case("^\xE2\x84\xAAg").infixes == Strings{"g"});
  CHECK(exact_case("^\xC5\xBFo").infixes == Strings{"o"});
}

TEST_CASE("literal requirement: no requirement where the syntax gives none", "[regex][literals]") {
  for (const char* pattern :
       {R"(^\w+$)", R"(^[^x]*$)", R"(foo|\d+)", R"(a?b?)", R"((\w)\1)", R"((?m)^foo)", R"((?x) f o o)",
        R"(^\x{41}bc)", R"(^(|a)b?)", R"(^\p{L}{3,9}\s+\d{4}$)", R"(^(?<name>abc))", R"(^\Qabc\E)", "(("}) {
    INFO(pattern);
    CHECK_FALSE(caseless(pattern).filters());
    CHECK_FALSE(exact_case(pattern).filters());
  }
  CHECK_FALSE(literal_requirement("^abc", true, true).filters());  // extended mode
}

TEST_CASE("the line fold: only the Kelvin sign and the long s match ASCII letters caselessly", "[regex][literals]") {
  // What the scanner's fold assumes, checked against PCRE2 over every code point.
  const Regex ascii = compiled(R"([\x{00}-\x{7F}])", true);
  MatchScratch scratch;
  std::vector<char32_t> non_ascii_twins;
  for (char32_t c = 0x80; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    if (ascii.match(utf8(c), scratch) == MatchOutcome::match) non_ascii_twins.push_back(c);
  }
  CHECK(non_ascii_twins == std::vector<char32_t>{0x17F, 0x212A});
}

TEST_CASE("caseless-safe characters have no other case", "[regex][literals]") {
  // No character outside the safe set matches one inside it caselessly, and none inside is
  // a cased letter (so none is another's other case: the only uncased characters with case
  // mappings, U+0345, Roman numerals and circled letters, lie outside the set).
  std::string safe_class = "[";
  for (char32_t c = 0x80; c <= 0xFFFF; ++c) {
    if (!caseless_safe(c) || caseless_safe(c - 1)) continue;
    char32_t last = c;
    while (caseless_safe(last + 1)) ++last;
    char range[40];
    std::snprintf(range, sizeof range, "\\x{%X}-\\x{%X}", static_cast<unsigned>(c), static_cast<unsigned>(last));
    safe_class += range;
  }
  safe_class += "]";
  const Regex caseless_class = compiled(safe_class, true);
  const Regex exact_class = compiled(safe_class, false);
  const Regex cased_letter = compiled(R"([\p{Lu}\p{Ll}\p{Lt}])", false);
  MatchScratch scratch;
  std::size_t problems = 0;
  for (char32_t c = 0x80; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string text = utf8(c);
    const bool inside = exact_class.match(text, scratch) == MatchOutcome::match;
    if (inside != caseless_safe(c)) ++problems;
    if (caseless_class.match(text, scratch) == MatchOutcome::match && !inside) ++problems;
    if (inside && cased_letter.match(text, scratch) == MatchOutcome::match) ++problems;
  }
  CHECK(problems == 0);
}

TEST_CASE("the scanner finds prefixes and factors, folded", "[regex][literals]") {
  const std::vector<LiteralRequirement> requirements{
      caseless("^(read more|more)\\b"), caseless("newsletter"), caseless("^\\d+$"), caseless("^kg\\b|\\bsub")};
  const LiteralScanner scanner = scanner_of(requirements);
  const auto of = [&](const std::string& line) {
    const auto mask = scanner.candidates(line, kEveryRegex);
    std::string bits;
    for (std::size_t i = 0; i < requirements.size(); ++i) bits += candidate(mask, i) ? '1' : '0';
    return bits;
  };
  CHECK(of("READ MORE") == "1010");
  CHECK(of("More news") == "1010");
  CHECK(of("Our NewsLetter") == "0110");
  CHECK(of("nothing here") == "0010");
  CHECK(of("") == "0010");
  CHECK(of("\xE2\x84\xAAG") == "0111");           // the Kelvin sign as k (a prefix)
  // A contained literal could be spelt with a long s or Kelvin sign anywhere: every regex
  // with contained literals is a candidate on such a line.
  CHECK(of("a \xC5\xBF" "ub") == "0111");
  CHECK(of("x\xE2\x84\xAA") == "0111");
  CHECK(of("\xE2\x84\xA2" "kg") == "0010");       // ™ then kg: not at the start
  CHECK(of("x newslette") == "0010");
}

TEST_CASE("the scanner: literals shared by several regexes, and the possible mask", "[regex][literals]") {
  const std::vector<LiteralRequirement> requirements{caseless("^tags\\s*:"), caseless("^(tags|topics)$"),
                                                     caseless("inbox"), caseless("(your|in) inbox")};
  const LiteralScanner scanner = scanner_of(requirements);
  const auto of = [&](const std::string& line, const LiteralScanner::Mask& possible) {
    const auto mask = scanner.candidates(line, possible);
    std::string bits;
    for (std::size_t i = 0; i < requirements.size(); ++i) bits += candidate(mask, i) ? '1' : '0';
    return bits;
  };
  CHECK(of("Tags: a, b", kEveryRegex) == "1100");
  CHECK(of("Topics", kEveryRegex) == "0100");
  CHECK(of("straight to YOUR INBOX", kEveryRegex) == "0011");
  CHECK(of("Tags: your inbox", LiteralScanner::Mask{0b0101}) == "1010");  // only what is possible
}

TEST_CASE("the prefilter never rejects a line the regex matches", "[regex][literals]") {
  const std::vector<std::string> patterns{
      R"(^(read more|continue reading|weiterlesen|lire la suite|leer más|czytaj dalej)(\s*[»›>→…]+|\.\.\.)?$)",
      R"(\bCC[ -]BY(-[A-Z]{2})*( \d\.\d)?\b|\bvia Wikimedia Commons\b|\bpublic domain\b.*\bvia\b)",
      R"(^(?=[^.]{0,80}+$)(\S+\s+){0,6}\S*newsletter\S*(\s+\S+){0,6}\s*[?!]?$)",
      R"(^(über|about|von|by) [^.!?]{1,40}\s\d+\s(artikel|articles|posts|beiträge)$)",
      R"(^(?i:welcome to)( the)? [\p{Lu}\p{N}][\p{L}\p{N}.&'-]*$)",
      R"(^(related (topics|links)|ähnliche (beiträge|artikel)|für (dich|sie) empfohlen|相关文章|à lire aussi)\s*[:.!…]*$)",
      R"(^(kategorie|kelvin|ski|sk)\b)", R"(\bs(?=k)k|ſ)", R"(^\d+\s+(comments?|kommentare)$)", R"(^(İstanbul|ıss|is)\b)",
      R"(^(straße|STRASSE|ß)$)", R"(^(?:(?>share|teilen|x|e-mail)[\s|·•,]*+){2,}+$)", R"(^É(té|TÉ)|été$)",
      R"(^(Home|Start)\s*[>»›\/|]\s*\S.{0,120}$)", R"(^(?=.{0,126}+$)[^.!?]{0,100}\b(in|to|into) your inbox[.!]?$)",
      R"(^abc|^def|ghi)", R"((?:^|\s)#\w+)", R"([\s(]©\s?[\p{L}\p{N}])", R"(^(a|b)?c)", R"(^.?ks)", R"(^\bks(?<=ks)\Kx)"};
  const std::vector<std::string> lines{
      "Read more", "READ MORE »", "read more...", "Weiterlesen →", "LEER MÁS", "Leer más", "CZYTAJ DALEJ",
      "Photo: CC BY-SA 4.0", "cc-by 2.0", "via Wikimedia Commons", "Public Domain, via Commons",
      "Our weekly NEWSLETTER!", "Sign up to the newsletters", "Über Anna 12 Artikel", "ÜBER anna 3 BEITRÄGE",
      "by Bob 5 posts", "Welcome to Harbour", "WELCOME TO THE Harbour", "Related Topics:", "ÄHNLICHE BEITRÄGE",
      "Für Sie empfohlen", "FÜR DICH EMPFOHLEN", "相关文章", "À LIRE AUSSI", "à lire aussi:",
      "\xE2\x84\xAA" "ategorie", "KATEGORIE", "\xE2\x84\xAA" "elvin", "s\xE2\x84\xAA", "\xC5\xBF" "ki",
      "S\xE2\x84\xAA", "\xC5\xBF\xE2\x84\xAA", "ſ", "12 Comments", "3 KOMMENTARE", "İstanbul", "istanbul",
      "ISTANBUL", "ıss", "ISS", "is it", "IS", "STRASSE", "straße", "STRAẞE", "ẞ", "ß", "Share Teilen",
      "X, E-MAIL", "x x", "ÉTÉ", "été", "Été", "éTÉ", "home > news", "Start › x", "Straight into your inbox!",
      "DELIVERED TO YOUR INBOX", "abc", "DEF", "xghi", "#tag", "a #b", "c", "bc", "xks", "ks", "KS", "\xC5\xBF\xE2\x84\xAA",
      "ksx", "KSX", "\xE2\x84\xAA\xC5\xBFx", "Photo © Jane", "(©Agency)", "x ©1", "", " ", "\xFF\xFEread more", "read\xFFmore", "Read more\xC3"};
  MatchScratch scratch;
  std::size_t matched = 0;
  for (const auto& pattern : patterns) {
    for (const bool caseless_flag : {false, true}) {
      const Regex regex = compiled(pattern, caseless_flag);
      const std::vector<LiteralRequirement> requirements{regex.literals()};
      const LiteralScanner scanner = scanner_of(requirements);
      for (const auto& line : lines) {
        if (regex.match(line, scratch) != MatchOutcome::match) continue;
        ++matched;
        INFO(pattern << (caseless_flag ? " (caseless)" : "") << " on " << line);
        CHECK(candidate(scanner.candidates(line, kEveryRegex), 0));
      }
    }
  }
  CHECK(matched > 60);  // the lines do exercise the patterns
}

TEST_CASE("the scanner finds contained literals of every length anywhere, in either case, and nothing else",
          "[regex][literals]") {
  // Literals of one to nine bytes (memchr, byte pairs and four-byte hashes), over an alphabet
  // whose bytes collide under the hash's case bit ('[' and '{', 0x84 and 0xA4): a line is a
  // candidate for a regex exactly when its folded text holds one of the regex's literals.
  const std::string alphabet = "abAB[{ x\x84\xA4";
  std::uint32_t state = 12345;
  const auto next = [&](std::size_t below) {
    state = state * 1664525U + 1013904223U;
    return static_cast<std::size_t>(state >> 8U) % below;
  };
  const auto random_text = [&](std::size_t size) {
    std::string text;
    for (std::size_t i = 0; i < size; ++i) text += alphabet[next(alphabet.size())];
    return text;
  };
  const auto folded = [](std::string text) {
    for (char& c : text)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
    return text;
  };
  std::size_t found = 0;
  std::size_t lines_checked = 0;
  for (int round = 0; round < 40; ++round) {
    std::vector<LiteralRequirement> requirements(8);
    for (auto& requirement : requirements)
      for (std::size_t k = 0, n = 1 + next(3); k < n; ++k) requirement.infixes.push_back(folded(random_text(1 + next(9))));
    const LiteralScanner scanner = scanner_of(requirements);
    for (int l = 0; l < 60; ++l) {
      const std::string line = random_text(next(24));
      const auto mask = scanner.candidates(line, kEveryRegex);
      for (std::size_t i = 0; i < requirements.size(); ++i) {
        const bool holds = std::any_of(requirements[i].infixes.begin(), requirements[i].infixes.end(),
                                       [&](const std::string& literal) { return folded(line).find(literal) != std::string::npos; });
        INFO("line [" << line << "] regex " << i);
        CHECK(candidate(mask, i) == holds);
        found += holds ? 1 : 0;
      }
      ++lines_checked;
    }
  }
  CHECK(found > 200);  // the literals do turn up
  CHECK(lines_checked == 2400);
}

TEST_CASE("the scanner indexes a literal whose rarest bytes lie past 64 KiB", "[regex][literals]") {
  std::vector<LiteralRequirement> requirements(1);
  requirements[0].infixes.push_back(std::string(70000, 'e') + "qxjz");
  const LiteralScanner scanner = scanner_of(requirements);
  CHECK(candidate(scanner.candidates("x " + requirements[0].infixes[0], kEveryRegex), 0));
  CHECK_FALSE(candidate(scanner.candidates(std::string(70003, 'e'), kEveryRegex), 0));
}

TEST_CASE("the scanner finds a one-character literal past ASCII as it is, not by its bytes", "[regex][literals]") {
  // © is C2 A9 and › is E2 80 BA: lines holding other characters past ASCII, even ones that
  // share a byte with them (é is C3 A9, ’ is E2 80 99), are no candidates.
  const std::vector<LiteralRequirement> requirements{caseless("[\\s(]\xC2\xA9\\s?\\w"), caseless("\\s\xE2\x80\xBA\\s")};
  REQUIRE(requirements[0].infixes == Strings{"\xC2\xA9"});
  REQUIRE(requirements[1].infixes == Strings{"\xE2\x80\xBA"});
  const LiteralScanner scanner = scanner_of(requirements);
  const auto of = [&](const std::string& line) {
    const auto mask = scanner.candidates(line, kEveryRegex);
    return std::string{candidate(mask, 0) ? '1' : '0', candidate(mask, 1) ? '1' : '0'};
  };
  CHECK(of("On the beach. \xC2\xA9 Jane Doe") == "10");
  CHECK(of("Home \xE2\x80\xBA News") == "01");
  CHECK(of("caf\xC3\xA9 \xC2\xA0 it\xE2\x80\x99s") == "00");
  CHECK(of("\xC2 \xA9 \xE2\x80 \xBA") == "00");
  CHECK(of("\xC2\xA9\xE2\x80\xBA") == "11");
}
