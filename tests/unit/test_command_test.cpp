// `declutter test`: golden fixtures per publisher, diffs, exit codes and --update.
#include <catch2/catch.hpp>

#include "authoring_support.h"

using namespace declutter::authoring_testing;

namespace {
void write_passing_fixtures(const TempDir& dir) {
  dir.write("fixtures/common/menu.in.txt", "Menu\n\nThe article says something.\n");
  dir.write("fixtures/common/menu.out.txt", "The article says something.\n");
  dir.write("fixtures/example-news.com/masthead.in.txt",
            "Example News Daily\n\nShare\n\nA sentence of the story.\n\nRelated\nOther story\n");
  dir.write("fixtures/example-news.com/masthead.out.txt", "Share\n\nA sentence of the story.\n");
}
}  // namespace

TEST_CASE("declutter test passes fixtures that match, per publisher folder", "[test-command][cli]") {
  TempDir dir;
  write_test_rules(dir);
  write_passing_fixtures(dir);
  auto result = run_declutter({"test", "--rules", dir.file("rules"), dir.file("fixtures")});
  CHECK(result.status == 0);
  CHECK(result.out == "2 passed, 0 failed\n");
}

TEST_CASE("declutter test prints a unified diff per failure and exits 1", "[test-command][cli]") {
  TempDir dir;
  write_test_rules(dir);
  write_passing_fixtures(dir);
  dir.write("fixtures/common/menu.out.txt", "Menu\n\nThe article says something.\n");
  auto result = run_declutter({"test", "--rules", dir.file("rules"), dir.file("fixtures")});
  CHECK(result.status == 1);
  CHECK(result.out.find("FAIL " + dir.file("fixtures/common/menu.in.txt") + "\n") != std::string::npos);
  CHECK(result.out.find("--- " + dir.file("fixtures/common/menu.out.txt") + "\n+++ actual output\n") !=
        std::string::npos);
  CHECK(result.out.find("@@ -1,3 +1 @@\n-Menu\n-\n The article says something.\n") != std::string::npos);
  CHECK(result.out.ends_with("\n1 passed, 1 failed\n"));
}

TEST_CASE("declutter test uses the publisher's rules only in its folder", "[test-command][cli]") {
  TempDir dir;
  write_test_rules(dir);
  // In `common` the masthead line is not chrome: no publisher rule applies there.
  dir.write("fixtures/common/masthead.in.txt", "Example News Daily\n\nText.\n");
  dir.write("fixtures/common/masthead.out.txt", "Example News Daily\n\nText.\n");
  auto result = run_declutter({"test", "--rules", dir.file("rules"), dir.file("fixtures")});
  CHECK(result.status == 0);
  CHECK(result.out == "1 passed, 0 failed\n");
}

TEST_CASE("declutter test reports a folder no publisher serves and a missing expected file", "[test-command][cli]") {
  TempDir dir;
  write_test_rules(dir);
  dir.write("fixtures/unknown.example/a.in.txt", "Text.\n");
  dir.write("fixtures/common/new.in.html", "<p>Text.</p>\n");
  auto result = run_declutter({"test", "--rules", dir.file("rules"), dir.file("fixtures")});
  CHECK(result.status == 1);
  CHECK(result.out.find("no publisher file serves 'unknown.example'") != std::string::npos);
  CHECK(result.out.find("missing " + dir.file("fixtures/common/new.out.txt")) != std::string::npos);
  CHECK(result.out.ends_with("0 passed, 2 failed\n"));
}

TEST_CASE("declutter test --update writes the expected files", "[test-command][cli]") {
  TempDir dir;
  write_test_rules(dir);
  dir.write("fixtures/common/new.in.txt", "Menu\n\nFresh text.\n");
  auto update = run_declutter({"test", "--update", "--rules", dir.file("rules"), dir.file("fixtures")});
  CHECK(update.status == 0);
  CHECK(update.out.find("UPDATED " + dir.file("fixtures/common/new.out.txt")) != std::string::npos);
  CHECK(dir.read("fixtures/common/new.out.txt") == "Fresh text.\n");
  auto again = run_declutter({"test", "--rules", dir.file("rules"), dir.file("fixtures")});
  CHECK(again.status == 0);
  CHECK(again.out == "1 passed, 0 failed\n");
}

TEST_CASE("DECLUTTER_UPDATE_FIXTURES=1 works like --update", "[test-command][cli]") {
  TempDir dir;
  write_test_rules(dir);
  dir.write("fixtures/common/new.in.txt", "Fresh text.\nShare\n");
  auto update = run_declutter({"test", "--rules", dir.file("rules"), dir.file("fixtures")}, "/dev/null",
                              {"DECLUTTER_UPDATE_FIXTURES=1"});
  CHECK(update.status == 0);
  CHECK(dir.read("fixtures/common/new.out.txt") == "Fresh text.\n");
}

TEST_CASE("declutter test usage errors exit 2", "[test-command][cli]") {
  TempDir dir;
  write_test_rules(dir);
  CHECK(run_declutter({"test", dir.file("no-such-dir")}).status == 2);
  CHECK(run_declutter({"test", dir.path(), dir.path()}).status == 2);
  CHECK(run_declutter({"--update"}).status == 2);
  dir.write("bad-rules/common.rules", "drop /(/\n");
  dir.write("fixtures/common/a.in.txt", "x\n");
  CHECK(run_declutter({"test", "--rules", dir.file("bad-rules"), dir.file("fixtures")}).status == 2);
}
