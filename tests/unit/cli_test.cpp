#include <catch2/catch.hpp>

#include <cctype>
#include <set>
#include <string>

#include "cli_support.h"

using namespace declutter::testing;

TEST_CASE("cli: stdin to stdout with the embedded rules", "[cli]") {
  RunResult r = run_declutter("", "Menu\n\nA headline for the test page\n\nThe first paragraph of text.\n\nFacebook\nTwitter\n");
  CHECK(r.status == 0);
  CHECK(r.out == "A headline for the test page\n\nThe first paragraph of text.\n");
  CHECK(r.err.empty());
}

TEST_CASE("cli: empty input gives empty output", "[cli]") {
  RunResult r = run_declutter("", "");
  CHECK(r.status == 0);
  CHECK(r.out.empty());
}

TEST_CASE("cli: files on the command line, in order, and a missing one", "[cli]") {
  TempDir dir;
  write_file(dir.path / "a.txt", "First document has a sentence.\n");
  write_file(dir.path / "b.txt", "Second document has a sentence.\n");
  RunResult r = run_declutter(shell_quote((dir.path / "a.txt").string()) + " " + shell_quote((dir.path / "b.txt").string()));
  CHECK(r.status == 0);
  CHECK(r.out == "First document has a sentence.\nSecond document has a sentence.\n");
  RunResult missing = run_declutter(shell_quote((dir.path / "nope.txt").string()));
  CHECK(missing.status == 2);
  CHECK(missing.err.find("nope.txt") != std::string::npos);
}

TEST_CASE("cli: usage errors exit 2 with a message", "[cli]") {
  RunResult r = run_declutter("--frobnicate");
  CHECK(r.status == 2);
  CHECK(r.err.find("unknown option '--frobnicate'") != std::string::npos);
  CHECK(run_declutter("--format pdf").status == 2);
  CHECK(run_declutter("--precision --recall").status == 2);
  CHECK(run_declutter("--rules").status == 2);
}

TEST_CASE("cli: text that is not UTF-8 keeps its letters; --encoding names the encoding", "[cli]") {
  // "Café crème for the whole family, served each Sunday morning." in Latin-1.
  const std::string latin1 = "Caf\xE9 cr\xE8me for the whole family, served each Sunday morning.\n";
  RunResult guessed = run_declutter("--stats", latin1);
  CHECK(guessed.status == 0);
  CHECK(guessed.out == "Caf\xC3\xA9 cr\xC3\xA8me for the whole family, served each Sunday morning.\n");
  CHECK(guessed.err.find("1 document not UTF-8 read as WINDOWS-1252") != std::string::npos);

  // The same bytes mean Cyrillic letters in windows-1251: "Кафе" (\xCA\xE0\xF4\xE5).
  RunResult named = run_declutter("--encoding windows-1251", "\xCA\xE0\xF4\xE5 on the corner opens every morning at seven.\n");
  CHECK(named.out == "\xD0\x9A\xD0\xB0\xD1\x84\xD0\xB5 on the corner opens every morning at seven.\n");

  // UTF-8 with one stray byte stays UTF-8, the byte repaired.
  RunResult stray = run_declutter("--stats", "Caf\xC3\xA9 cr\xC3\xA8me and cr\xC3\xAApes, with one stray \xFF byte in it.\n");
  CHECK(stray.out == "Caf\xC3\xA9 cr\xC3\xA8me and cr\xC3\xAApes, with one stray \xEF\xBF\xBD byte in it.\n");
  CHECK(stray.err.find("1 with invalid UTF-8 repaired") != std::string::npos);

  CHECK(run_declutter("--encoding no-such-thing").status == 2);
  RunResult jsonl = run_declutter("--jsonl --encoding latin1");
  CHECK(jsonl.status == 2);
  CHECK(jsonl.err.find("--encoding does not apply to --jsonl") != std::string::npos);
}

TEST_CASE("cli: help and version", "[cli]") {
  RunResult help = run_declutter("--help");
  CHECK(help.status == 0);
  CHECK(help.out.find("Usage:") != std::string::npos);
  CHECK(help.out.find("Exit status:") != std::string::npos);
  RunResult version = run_declutter("--version");
  CHECK(version.status == 0);
  CHECK(version.out.rfind("declutter ", 0) == 0);
}

TEST_CASE("cli: --markdown marks up an HTML page's structure, in files and JSONL", "[cli]") {
  const std::string page =
      "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Ferry timetable changes</h1>"
      "<p>The winter timetable starts on Monday, and the first crossing of the day moves half an hour later.</p>"
      "<h2>What changes</h2><ul><li>First ferry at 7:30</li><li>Last ferry at 21:00</li></ul>"
      "<p>Tickets bought for the old times stay valid for a month after the change.</p></article></body></html>";
  const std::string expected =
      "# Ferry timetable changes\n\nThe winter timetable starts on Monday, and the first crossing of the day moves "
      "half an hour later.\n\n## What changes\n\n- First ferry at 7:30\n- Last ferry at 21:00\n\nTickets bought "
      "for the old times stay valid for a month after the change.\n";
  RunResult file = run_declutter("--markdown", page);
  CHECK(file.status == 0);
  CHECK(file.out == expected);
  RunResult plain = run_declutter("", page);
  CHECK(plain.out.find("# ") == std::string::npos);

  std::string escaped;
  for (char c : page) {
    if (c == '"') escaped += '\\';
    escaped += c;
  }
  RunResult jsonl = run_declutter("--jsonl --markdown", "{\"text\":\"" + escaped + "\"}\n");
  CHECK(jsonl.out.find("\"# Ferry timetable changes\\n\\n") != std::string::npos);
  CHECK(jsonl.out.find("\\n- First ferry at 7:30\\n- Last ferry") != std::string::npos);
}

TEST_CASE("cli: --add-rules lays a directory of one's own rules over the built-in ones", "[cli]") {
  TempDir dir;
  write_file(dir.path / "mine/common.rules", "drop \"Our sponsor of the week\"\n");
  write_file(dir.path / "mine/publishers/harbourtimes.example.rules", "site harbourtimes.example\ndrop \"Harbour Times Plus\"\n");
  const std::string page =
      "Harbour Times Plus\n\nThe ferry to the island will run twice a day again from the first week of the summer "
      "holidays.\n\nOur sponsor of the week\n\nMenu\n";
  const std::string mine = shell_quote((dir.path / "mine").string());
  RunResult layered = run_declutter("--add-rules " + mine + " --url https://www.harbourtimes.example/a", page);
  CHECK(layered.status == 0);
  CHECK(layered.out == "The ferry to the island will run twice a day again from the first week of the summer holidays.\n");
  // Without the layer: the built-in rules alone keep the publisher's and the sponsor's lines.
  RunResult plain = run_declutter("--url https://www.harbourtimes.example/a", page);
  CHECK(plain.out.find("Our sponsor of the week") != std::string::npos);

  RunResult check = run_declutter("check --add-rules " + mine);
  CHECK(check.status == 0);
  CHECK(check.out.find("built-in rules + ") == 0);
  write_file(dir.path / "mine/common.rules", "drop /[/\n");
  RunResult broken = run_declutter("--add-rules " + mine, page);
  CHECK(broken.status == 2);
  CHECK(broken.err.find("common.rules:1:") != std::string::npos);
  CHECK(run_declutter("--add-rules " + shell_quote((dir.path / "absent").string()), page).status == 2);
}

TEST_CASE("cli: a publisher file disables a common html-date rule and reads its own date", "[cli]") {
  TempDir dir;
  write_file(dir.path / "mine/publishers/harbourtimes.example.rules",
             "site harbourtimes.example\ndisable html-date [itemprop=datePublished]\nhtml-date .byline time\n");
  const std::string page =
      "<html><body><p class=byline>By A, <time>2020-02-03</time></p>"
      "<p>The ferry runs again. <span itemprop=datePublished>2019-01-01</span></p></body></html>";
  const std::string mine = shell_quote((dir.path / "mine").string());
  const auto header = [](const std::string& out) { return out.substr(0, out.find('\n')); };
  CHECK(header(run_declutter("--explain", page).out).find("published 2019-01-01 (<embedded>/html.rules:") !=
        std::string::npos);
  const std::string own = header(run_declutter("--explain --add-rules " + mine + " --url https://harbourtimes.example/a", page).out);
  CHECK(own.find("published 2020-02-03 (") != std::string::npos);
  CHECK(own.find("harbourtimes.example.rules:3)") != std::string::npos);
}

TEST_CASE("cli: --add-rules adds the month names of another language", "[cli]") {
  TempDir dir;
  write_file(dir.path / "mine/dates/et.txt", "12 detsember detsembril\n");
  const std::string page =
      "<html><body><p>The ferry runs again. <span itemprop=datePublished>28. detsember 2022</span></p></body></html>";
  const auto header = [](const std::string& out) { return out.substr(0, out.find('\n')); };
  CHECK(header(run_declutter("--explain", page).out).find("published") == std::string::npos);
  const std::string mine = shell_quote((dir.path / "mine").string());
  CHECK(header(run_declutter("--explain --add-rules " + mine, page).out).find("published 2022-12-28 (") != std::string::npos);
  write_file(dir.path / "mine/dates/et.txt", "12 detsember\n13 smarch\n");
  const RunResult broken = run_declutter("check --add-rules " + mine);
  CHECK(broken.status == 1);
  CHECK(broken.err.find("dates/et.txt:2:1: error: no month 13") != std::string::npos);
}

TEST_CASE("man page: documents every option of --help, and no other", "[cli]") {
  // Long options as --help spells them and as the man page escapes them (\-\-name).
  const auto long_options = [](std::string text) {
    for (std::size_t at = text.find("\\-"); at != std::string::npos; at = text.find("\\-", at)) text.erase(at, 1);
    std::set<std::string> names;
    for (std::size_t at = text.find("--"); at != std::string::npos; at = text.find("--", at + 2)) {
      std::size_t end = at + 2;
      while (end < text.size() && (std::islower(static_cast<unsigned char>(text[end])) || text[end] == '-')) ++end;
      if (end > at + 2) names.insert(text.substr(at, end - at));
    }
    return names;
  };
  const std::set<std::string> in_help = long_options(run_declutter("--help").out);
  const std::set<std::string> in_man = long_options(read_file(std::string(DECLUTTER_SOURCE_DIR) + "/docs/declutter.1"));
  REQUIRE(in_help.size() > 20);
  CHECK(in_help == in_man);
}

TEST_CASE("cli: malformed rules stop the run before input is read", "[cli]") {
  TempDir dir;
  write_file(dir.path / "common.rules", "drop \"Menu\"\ndrop /^(Related|More/\nfrobnicate\n");
  RunResult r = run_declutter("--rules " + shell_quote(dir.path.string()), "Menu\nText.\n");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("common.rules:2:21: error: bad regex: missing closing parenthesis") != std::string::npos);
  CHECK(r.err.find("common.rules:3:1: error: unknown verb 'frobnicate'") != std::string::npos);
  RunResult check = run_declutter("check " + shell_quote(dir.path.string()));
  CHECK(check.status == 1);
  CHECK(check.out.find("2 errors") != std::string::npos);
  RunResult unreadable = run_declutter("--rules " + shell_quote((dir.path / "nope").string()));
  CHECK(unreadable.status == 2);
}

TEST_CASE("cli: check passes on the shipped rules", "[cli]") {
  RunResult embedded = run_declutter("check");
  CHECK(embedded.status == 0);
  RunResult shipped = run_declutter("check " + shell_quote(std::string(DECLUTTER_SOURCE_DIR) + "/rules"));
  CHECK(shipped.status == 0);
  CHECK(shipped.out.find(" 0 errors") != std::string::npos);
}

TEST_CASE("cli: --publisher and --url select publisher rules", "[cli]") {
  TempDir dir;
  write_file(dir.path / "common.rules", "set edge-trim off\ndrop \"Menu\"\n");
  write_file(dir.path / "publishers/example.com.rules", "site example.com\ndrop \"Example widget\"\n");
  std::string rules = "--rules " + shell_quote(dir.path.string());
  const std::string page = "Menu\nExample widget\nBody text.\n";
  CHECK(run_declutter(rules, page).out == "Example widget\nBody text.\n");
  CHECK(run_declutter(rules + " --publisher example.com", page).out == "Body text.\n");
  CHECK(run_declutter(rules + " --url https://www.example.com/a/b", page).out == "Body text.\n");
  CHECK(run_declutter(rules + " --url https://news.example.com/", page).out == "Body text.\n");
  CHECK(run_declutter(rules + " --url https://notexample.com/", page).out == "Example widget\nBody text.\n");
  RunResult unknown = run_declutter(rules + " --publisher nowhere.org", page);
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("no publisher file serves 'nowhere.org'") != std::string::npos);
}

TEST_CASE("cli: publisher rule errors stop the run before input is read, each reported once", "[cli]") {
  // Publisher pipelines are compiled on first use, but their files are checked up front.
  TempDir dir;
  write_file(dir.path / "common.rules", "drop \"Menu\"\nhtml-drop div[[\n");
  write_file(dir.path / "publishers/a.example.rules", "site a.example\nhtml-drop span[[\n");
  write_file(dir.path / "publishers/b.example.rules", "site b.example\ndisable drop \"Not a common rule\"\n");
  write_file(dir.path / "publishers/c.example.rules", "site c.example\nhtml-drop xpath://p[\n");
  RunResult r = run_declutter("--rules " + shell_quote(dir.path.string()), "Menu\nText.\n");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("common.rules:2:") != std::string::npos);
  CHECK(r.err.find("common.rules:2:", r.err.find("common.rules:2:") + 1) == std::string::npos);
  CHECK(r.err.find("a.example.rules:2:") != std::string::npos);
  CHECK(r.err.find("b.example.rules:2:") != std::string::npos);
  CHECK(r.err.find("c.example.rules:2:") != std::string::npos);
  CHECK(r.err.find("4 error(s) above; nothing was processed") != std::string::npos);
}

TEST_CASE("cli: a closed stdout ends the run quietly", "[cli]") {
  TempDir dir;
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "Line number " + std::to_string(i) + " of a long document.\n";
  write_file(dir.path / "big.txt", big);
  std::string command = shell_quote(DECLUTTER_BINARY) + " " + shell_quote((dir.path / "big.txt").string()) + " " +
                        shell_quote((dir.path / "big.txt").string()) + " 2>" +
                        shell_quote((dir.path / "err").string()) + " | head -1 > /dev/null; echo ${PIPESTATUS[0]}";
  std::string wrapped = "bash -c " + shell_quote(command) + " > " + shell_quote((dir.path / "status").string());
  REQUIRE(std::system(wrapped.c_str()) == 0);
  CHECK(read_file(dir.path / "status") == "0\n");
  CHECK(read_file(dir.path / "err").empty());
}

TEST_CASE("cli: --profile reports the time of each step and of the regex rules after the run", "[cli]") {
  TempDir dir;
  write_file(dir.path / "mine/common.rules", "drop /^tide table for \\w+ \\d+$/i\n");
  const std::string mine = shell_quote((dir.path / "mine").string());
  const std::string page =
      "Tide table for March 3\n\nThe ferry to the island will run twice a day again from the first week of the "
      "summer holidays.\n";
  RunResult profiled = run_declutter("--profile --format text -j 1 --add-rules " + mine, page);
  CHECK(profiled.status == 0);
  CHECK(profiled.out == "The ferry to the island will run twice a day again from the first week of the summer holidays.\n");
  CHECK(profiled.err.find("declutter: profile: ") == 0);
  CHECK(profiled.err.find("in 1 documents (1 thread;") != std::string::npos);
  for (const char* step : {"\n  decode ", "\n  split-lines ", "\n  line-rules ", "\n  score ", "\n  emit "})
    CHECK(profiled.err.find(step) != std::string::npos);
  const std::size_t rule = profiled.err.find("common.rules:1:6 drop /^tide table for \\w+ \\d+$/i\n");
  REQUIRE(rule != std::string::npos);
  // One line reached PCRE2 and matched: the article's lacks the rule's literal text.
  const std::size_t row = profiled.err.rfind('\n', rule) + 1;
  CHECK(profiled.err.substr(row, rule - row).find("%          1         1  ") != std::string::npos);
  // An HTML page's front end in its steps: parsing, the DOM rules, building the blocks.
  RunResult html = run_declutter("--profile --format html -j 1",
                                 "<html><body><nav>Home</nav><p>" + page.substr(24) + "</p></body></html>");
  CHECK(html.status == 0);
  for (const char* step : {"\n  decode ", "\n  parse-html ", "\n  html-rules ", "\n  build-blocks ", "\n  score "})
    CHECK(html.err.find(step) != std::string::npos);
  CHECK(html.err.find("split-lines") == std::string::npos);
  // Without the flag nothing is timed or reported; with a command it is a usage error.
  CHECK(run_declutter("--format text", page).err.empty());
  RunResult misused = run_declutter("check --profile");
  CHECK(misused.status == 2);
  CHECK(misused.err.find("--profile applies to cleaning documents") != std::string::npos);
}
