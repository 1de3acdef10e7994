#include "cli/options.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/encoding.h"

namespace declutter {
namespace {

// The field --metadata adds to each record: one object, so that it never collides with a
// crawl's own "title" or "language" fields.
constexpr std::string_view kMetadataField = "declutter";

// Splits "--name=value" and fetches the value of "--name value".
class ArgReader {
 public:
  ArgReader(int argc, const char* const* argv) : argc_(argc), argv_(argv) {}
  bool done() const { return index_ >= argc_; }
  std::string_view next() {
    std::string_view arg = argv_[index_++];
    inline_value_.reset();
    if (arg.starts_with("--")) {
      auto eq = arg.find('=');
      if (eq != std::string_view::npos) {
        inline_value_ = arg.substr(eq + 1);
        arg = arg.substr(0, eq);
      }
    }
    return arg;
  }
  std::optional<std::string> value(std::string_view flag, std::string& error) {
    if (inline_value_) return std::string(*inline_value_);
    if (index_ >= argc_) {
      error = std::string(flag) + " needs a value";
      return std::nullopt;
    }
    return std::string(argv_[index_++]);
  }
  bool has_inline_value() const { return inline_value_.has_value(); }

 private:
  int argc_;
  const char* const* argv_;
  int index_ = 1;
  std::optional<std::string_view> inline_value_;
};

// "123", "64k", "64M", "1G" (binary multiples).
std::optional<std::size_t> parse_size(const std::string& text) {
  std::size_t value = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    const auto digit = static_cast<std::size_t>(text[i] - '0');
    if (value > (SIZE_MAX - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  if (i == 0) return std::nullopt;
  unsigned shift = 0;
  if (i + 1 == text.size()) {
    switch (text[i]) {
      case 'k': case 'K': shift = 10; break;
      case 'm': case 'M': shift = 20; break;
      case 'g': case 'G': shift = 30; break;
      default: return std::nullopt;
    }
  } else if (i != text.size()) {
    return std::nullopt;
  }
  if (shift != 0 && value > (SIZE_MAX >> shift)) return std::nullopt;
  return value << shift;
}

std::optional<Command> command_named(std::string_view word) {
  if (word == "check") return Command::check;
  if (word == "test") return Command::test;
  if (word == "report") return Command::report;
  if (word == "suggest") return Command::suggest;
  return std::nullopt;
}

}  // namespace

std::optional<CliOptions> parse_command_line(int argc, const char* const* argv, std::string& error) {
  CliOptions options;
  ArgReader args(argc, argv);
  bool first = true;
  bool only_files = false;
  bool precision = false;
  bool recall = false;
  while (!args.done()) {
    std::string_view arg = args.next();
    if (first) {
      auto command = command_named(arg);
      first = false;
      if (command) {
        options.command = *command;
        continue;
      }
    }
    first = false;
    if (only_files || arg == "-" || !arg.starts_with("-")) {
      options.inputs.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      only_files = true;
    } else if (arg == "-h" || arg == "--help") {
      options.command = Command::help;
      return options;
    } else if (arg == "-V" || arg == "--version") {
      options.command = Command::version;
      return options;
    } else if (arg == "--rules") {
      auto v = args.value(arg, error);
      if (!v) return std::nullopt;
      options.rules_dir = *v;
    } else if (arg == "--add-rules") {
      auto v = args.value(arg, error);
      if (!v) return std::nullopt;
      options.added_rules_dirs.push_back(*v);
    } else if (arg == "--publisher") {
      auto v = args.value(arg, error);
      if (!v) return std::nullopt;
      options.engine.publisher = *v;
    } else if (arg == "--url") {
      auto v = args.value(arg, error);
      if (!v) return std::nullopt;
      options.url = *v;
    } else if (arg == "--format") {
      auto v = args.value(arg, error);
      if (!v) return std::nullopt;
      if (*v == "auto") {
        options.engine.format = InputFormat::automatic;
      } else if (*v == "text") {
        options.engine.format = InputFormat::text;
      } else if (*v == "html") {
        options.engine.format = InputFormat::html;
      } else {
        error = "--format takes auto, text or html, not '" + *v + "'";
        return std::nullopt;
      }
    } else if (arg == "--parser") {
      auto v = args.value(arg, error);
      if (!v) return std::nullopt;
      if (*v == "libxml2") {
        options.engine.parser = HtmlParser::libxml2;
      } else if (*v == "gumbo") {
        options.engine.parser = HtmlParser::gumbo;
      } else {
        error = "--parser takes libxml2 or gumbo, not '" + *v + "'";
        return std::nullopt;
      }
    } else if (arg == "--encoding") {
      auto v = args.value(arg, error);
      if (!v) return std::nullopt;
      options.engine.encoding = encoding_for_option(*v);
      if (options.engine.encoding.empty()) {
        error = "--encoding: unknown encoding '" + *v + "' (try utf-8, windows-1252, iso-8859-2, koi8-r, shift_jis)";
        return std::nullopt;
      }
    } else if (arg == "--jsonl") {
      options.framing = Framing::jsonl;
    } else if (arg == "--null" || arg == "-0") {
      options.framing = Framing::null;
    } else if (arg == "--field") {
      auto v = args.value(arg, error);
      if (!v) return std::nullopt;
      if (v->empty()) {
        error = "--field needs a field name";
        return std::nullopt;
      }
      options.field = *v;
    } else if (arg == "--on-error") {
      auto v = args.value(arg, error);
      if (!v) return std::nullopt;
      if (*v == "pass") {
        options.on_error = OnError::pass;
      } else if (*v == "skip") {
        options.on_error = OnError::skip;
      } else if (*v == "error") {
        options.on_error = OnError::error;
      } else if (*v == "fail") {
        options.on_error = OnError::fail;
      } else {
        error = "--on-error takes pass, skip, error or fail, not '" + *v + "'";
        return std::nullopt;
      }
    } else if (arg == "-j" || arg == "--jobs" || (arg.starts_with("-j") && !arg.starts_with("--"))) {
      std::optional<std::string> v;
      if (arg.size() > 2 && arg[1] == 'j') {
        v = std::string(arg.substr(2));
      } else {
        v = args.value(arg, error);
      }
      if (!v) return std::nullopt;
      auto jobs = parse_size(*v);
      if (!jobs || v->back() < '0' || v->back() > '9' || *jobs > 1024) {
        error = "-j/--jobs takes a number of threads (0 = all cores), not '" + *v + "'";
        return std::nullopt;
      }
      options.jobs = static_cast<unsigned>(*jobs);
    } else if (arg == "--metadata") {
      options.metadata_field = kMetadataField;
    } else if (arg == "--line-buffered") {
      options.line_buffered = true;
    } else if (arg == "--stats") {
      options.stats = true;
    } else if (arg == "--max-doc-bytes") {
      auto v = args.value(arg, error);
      if (!v) return std::nullopt;
      auto bytes = parse_size(*v);
      if (!bytes) {
        error = "--max-doc-bytes takes a size such as 1000000, 64M or 1G, not '" + *v + "'";
        return std::nullopt;
      }
      options.max_doc_bytes = *bytes;
    } else if (arg == "--explain") {
      std::string format = args.has_inline_value() ? *args.value(arg, error) : std::string("text");
      if (format != "text" && format != "json") {
        error = "--explain takes text or json, not '" + format + "'";
        return std::nullopt;
      }
      options.explain = format == "json" ? ExplainFormat::json : ExplainFormat::text;
    } else if (arg == "--update") {
      options.update = true;
    } else if (arg == "--min-pages") {
      auto v = args.value(arg, error);
      if (!v) return std::nullopt;
      int pages = std::atoi(v->c_str());
      if (pages < 1 || v->find_first_not_of("0123456789") != std::string::npos) {
        error = "--min-pages takes a positive whole number, not '" + *v + "'";
        return std::nullopt;
      }
      options.min_pages = static_cast<std::size_t>(pages);
    } else if (arg == "--markdown") {
      options.engine.output = OutputFormat::markdown;
    } else if (arg == "--precision") {
      precision = true;
    } else if (arg == "--recall") {
      recall = true;
    } else {
      error = "unknown option '" + std::string(arg) + "'";
      return std::nullopt;
    }
  }
  if (!options.engine.encoding.empty() && options.framing == Framing::jsonl) {
    error = "--encoding does not apply to --jsonl: JSON text is always Unicode";
    return std::nullopt;
  }
  if (!options.metadata_field.empty()) {
    if (options.framing != Framing::jsonl) {
      error = "--metadata adds a field to JSON Lines records: use it with --jsonl";
      return std::nullopt;
    }
    if (options.field == options.metadata_field) {
      error = "--metadata writes the field \"" + options.metadata_field + "\", which --field names as the document";
      return std::nullopt;
    }
    if (options.explain != ExplainFormat::none) {
      error = "--metadata and --explain exclude each other (--explain=json carries the language and the date)";
      return std::nullopt;
    }
  }
  if (precision && recall) {
    error = "--precision and --recall exclude each other";
    return std::nullopt;
  }
  if (options.explain != ExplainFormat::none && options.command != Command::extract) {
    error = "--explain applies to cleaning documents, not to a command";
    return std::nullopt;
  }
  if (options.update && options.command != Command::test) {
    error = "--update applies to `declutter test` only";
    return std::nullopt;
  }
  if (options.min_pages != 0 && options.command != Command::suggest) {
    error = "--min-pages applies to `declutter suggest` only";
    return std::nullopt;
  }
  if (precision) options.engine.focus = Focus::precision;
  if (recall) options.engine.focus = Focus::recall;
  if (options.command == Command::check && !options.rules_dir.empty()) options.inputs.push_back(options.rules_dir);
  return options;
}

const char* help_text() {
  return R"(declutter - strip navigation, teasers and other boilerplate from scraped pages

Usage:
  declutter [OPTIONS] [FILE...]      clean each FILE (or standard input) to article text
  declutter check [DIR...]           validate rule files (default: the built-in rules)
  declutter test [DIR]               run the fixtures DIR/<publisher>/*.in.* (default
                                     fixtures/) and diff against their *.out.txt
  declutter report FILE...           a self-contained HTML page showing what was dropped
  declutter suggest FILE...          rules for lines that recur across pages of one site

Input is raw scraped text (one line per block, as text dumps of web pages come) or HTML;
the format is detected unless --format says otherwise. Each FILE is one document (a
gzip'd one is read as what it holds); the clean text of each is written to standard
output, in order.

Corpus mode:
  --jsonl               input is JSON Lines: one object per line, the document in field
                        "text"; its "url" field selects publisher rules. Output is one line
                        per input line, in order, with only that field's value replaced
  --field NAME          the JSONL field holding the document (default: text)
  --null, -0            input is documents separated by NUL bytes (find -print0 style);
                        output likewise: each clean text followed by a NUL
  --on-error MODE       a malformed JSONL line or a document that fails: pass (default:
                        copy it through unchanged), skip (write nothing for it), error
                        (JSONL: write {"error":...,"line":N} in its place), fail (stop after
                        the records before it). Each one is reported on stderr with its line
                        number, and the exit status is 1
  -j, --jobs N          process documents on N threads (default 0: all cores); output
                        stays in input order and memory stays bounded
  --metadata            with --jsonl: add to each cleaned record a field "declutter" holding
                        the article's headline ("title"), the author the page's markup
                        names ("author"), the language the scorer measured ("language"),
                        the publication date the markup states ("published", YYYY-MM-DD),
                        each null when unknown, and the size of
                        the clean text ("words", "characters"); it replaces the record's
                        own "declutter" field, if any
  --line-buffered       write and flush each record as soon as it is done (for pipes
                        that send one record and wait for its answer)
  --max-doc-bytes SIZE  documents larger than SIZE (default 64M; k, M, G suffixes; 0: no
                        limit) are passed through unchanged with a warning on stderr
  --stats               print a summary line on stderr at the end (documents, bytes in
                        and out, failures, throughput, documents that were not clean
                        UTF-8, and how many blocks each rule file and each stage
                        dropped; a block is a line in text mode)
  A progress line (documents, MB, MB/s) is shown on stderr when it is a terminal.

Rules:
  --rules DIR           load rules from DIR (common.rules, publishers/*.rules, ...)
                        instead of the rules built into the binary
  --add-rules DIR       lay the rule files of DIR over the rules in use (repeatable): its
                        common.rules is added to the common set, its publishers/*.rules
                        are added or replace the built-in file of the same name
  --publisher NAME      apply the publisher file serving NAME (a domain such as
                        econotimes.com, or the file's name) on top of the common rules
  --url URL             the document's address: its host picks the publisher file
                        (www. and other subdomains match their parent domain)

Extraction:
  --format FORMAT       auto (default), text or html
  --parser PARSER       HTML parser: libxml2 (default) or gumbo
  --encoding LABEL      read every document as LABEL (utf-8, windows-1252, iso-8859-2,
                        koi8-r, shift_jis, gb18030, ...) instead of detecting it: a
                        byte-order mark still wins; in HTML this overrides <meta charset>.
                        Detected otherwise: HTML by its BOM, its declared charset, then
                        UTF-8 or windows-1252; text by its BOM, then UTF-8, or
                        windows-1252 when most non-ASCII bytes are not UTF-8
  --markdown            write Markdown instead of plain text: HTML headings, lists,
                        quotes, code and tables marked up (text input has no structure
                        to mark: its output is the same as without --markdown)
  --precision           drop more: prefer clean output over complete output
  --recall              keep more: prefer complete output over clean output

Rule authoring:
  --explain[=FORMAT]    instead of the clean text, print every block with its verdict
                        and what decided it; FORMAT is text (default) or json. Text:
                          # declutter explain: N blocks, N kept, N dropped
                          - LINE FILE:LINE RULE | text     dropped by a rule
                          - LINE STAGE | text              dropped by a stage (dedupe,
                                                           edge-trim, score S links=L%
                                                           words=W <tag>)
                          + LINE kept | text               in the output
                          + LINE FILE:LINE keep ... | text protected by a keep rule
                          + LINE safety over FILE:LINE RULE | text
                                                           restored by the safety valve
                        json: one JSON document per input document, one per line
  --update              test: write the actual output to the *.out.txt files
                        (also DECLUTTER_UPDATE_FIXTURES=1); review with git diff
  --min-pages N         suggest: pages a line must recur on (default: half, at least 2)

Other:
  -h, --help            show this help
  -V, --version         show the version

Exit status:
  0  success
  1  a document or record could not be processed or was malformed
     (check: the rule files have errors; test: a fixture failed)
  2  usage error, unreadable input, or rule files with errors (nothing is processed)

Rule files are documented in rules/README.md; `declutter check DIR` reports every
problem in them as FILE:LINE:COL.
)";
}

}  // namespace declutter
