#include "cli/options.h"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <utility>

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

// The named values of the options that take one of a few.
constexpr std::array kInputFormats{std::pair<std::string_view, InputFormat>{"auto", InputFormat::automatic},
                                   std::pair<std::string_view, InputFormat>{"text", InputFormat::text},
                                   std::pair<std::string_view, InputFormat>{"html", InputFormat::html}};
constexpr std::array kParsers{std::pair<std::string_view, HtmlParser>{"libxml2", HtmlParser::libxml2},
                              std::pair<std::string_view, HtmlParser>{"gumbo", HtmlParser::gumbo}};
constexpr std::array kErrorModes{std::pair<std::string_view, OnError>{"pass", OnError::pass},
                                 std::pair<std::string_view, OnError>{"skip", OnError::skip},
                                 std::pair<std::string_view, OnError>{"error", OnError::error},
                                 std::pair<std::string_view, OnError>{"fail", OnError::fail}};
constexpr std::array kExplainFormats{std::pair<std::string_view, ExplainFormat>{"text", ExplainFormat::text},
                                     std::pair<std::string_view, ExplainFormat>{"json", ExplainFormat::json}};

// One of an option's named values, or an error listing them ("--format takes auto, text or
// html, not 'xml'").
template <typename Table>
std::optional<typename Table::value_type::second_type> choice(std::string_view flag, const std::string& given,
                                                              const Table& choices, std::string& error) {
  for (const auto& [name, value] : choices)
    if (given == name) return value;
  std::string names;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) names += i + 1 == choices.size() ? " or " : ", ";
    names += choices[i].first;
  }
  error = std::string(flag) + " takes " + names + ", not '" + given + "'";
  return std::nullopt;
}

// What the options set that only counts once all are read: --precision and --recall.
struct PendingChoices {
  bool precision = false;
  bool recall = false;
};

enum class OptionOutcome { next, stop, error };

// Reads option `arg` (and its value, if it takes one) into `options`.
OptionOutcome read_option(std::string_view arg, ArgReader& args, CliOptions& options, PendingChoices& pending,
                          std::string& error) {
  // Stores the option's value through `store`, which may refuse it (returning false).
  const auto with_value = [&](auto&& store) {
    auto v = args.value(arg, error);
    return v && store(*v) ? OptionOutcome::next : OptionOutcome::error;
  };
  const auto set_text = [&](std::string& target) {
    return with_value([&](const std::string& v) {
      target = v;
      return true;
    });
  };
  const auto set_choice = [&](auto& target, const auto& choices) {
    return with_value([&](const std::string& v) {
      auto chosen = choice(arg, v, choices, error);
      if (chosen) target = *chosen;
      return chosen.has_value();
    });
  };
  if (arg == "-h" || arg == "--help") {
    options.command = Command::help;
    return OptionOutcome::stop;
  }
  if (arg == "-V" || arg == "--version") {
    options.command = Command::version;
    return OptionOutcome::stop;
  }
  if (arg == "--rules") return set_text(options.rules_dir);
  if (arg == "--add-rules") return set_text(options.added_rules_dirs.emplace_back());
  if (arg == "--publisher") return set_text(options.engine.publisher);
  if (arg == "--url") return set_text(options.url);
  if (arg == "--format") return set_choice(options.engine.format, kInputFormats);
  if (arg == "--parser") return set_choice(options.engine.parser, kParsers);
  if (arg == "--on-error") return set_choice(options.on_error, kErrorModes);
  if (arg == "--encoding")
    return with_value([&](const std::string& v) {
      options.engine.encoding = encoding_for_option(v);
      if (options.engine.encoding.empty()) {
        error = "--encoding: unknown encoding '" + v + "' (try utf-8, windows-1252, iso-8859-2, koi8-r, shift_jis)";
        return false;
      }
      return true;
    });
  if (arg == "--field")
    return with_value([&](const std::string& v) {
      if (v.empty()) {
        error = "--field needs a field name";
        return false;
      }
      options.field = v;
      return true;
    });
  if (arg == "-j" || arg == "--jobs" || (arg.starts_with("-j") && !arg.starts_with("--"))) {
    const auto store_jobs = [&](const std::string& v) {
      auto jobs = parse_size(v);
      if (!jobs || v.back() < '0' || v.back() > '9' || *jobs > 1024) {
        error = "-j/--jobs takes a number of threads (0 = all cores), not '" + v + "'";
        return false;
      }
      options.jobs = static_cast<unsigned>(*jobs);
      return true;
    };
    if (arg.size() > 2 && arg[1] == 'j') return store_jobs(std::string(arg.substr(2))) ? OptionOutcome::next : OptionOutcome::error;
    return with_value(store_jobs);
  }
  if (arg == "--max-doc-bytes")
    return with_value([&](const std::string& v) {
      auto bytes = parse_size(v);
      if (!bytes) {
        error = "--max-doc-bytes takes a size such as 1000000, 64M or 1G, not '" + v + "'";
        return false;
      }
      options.max_doc_bytes = *bytes;
      return true;
    });
  if (arg == "--min-pages")
    return with_value([&](const std::string& v) {
      const int pages = std::atoi(v.c_str());
      if (pages < 1 || v.find_first_not_of("0123456789") != std::string::npos) {
        error = "--min-pages takes a positive whole number, not '" + v + "'";
        return false;
      }
      options.min_pages = static_cast<std::size_t>(pages);
      return true;
    });
  if (arg == "--explain") {
    // The format is optional and can only be given inline: `--explain json` would read a file.
    const std::string format = args.has_inline_value() ? *args.value(arg, error) : std::string("text");
    auto chosen = choice(arg, format, kExplainFormats, error);
    if (!chosen) return OptionOutcome::error;
    options.explain = *chosen;
    return OptionOutcome::next;
  }
  if (arg == "--jsonl") options.framing = Framing::jsonl;
  else if (arg == "--null" || arg == "-0") options.framing = Framing::null;
  else if (arg == "--warc") options.framing = Framing::warc;
  else if (arg == "--metadata") options.metadata_field = kMetadataField;
  else if (arg == "--line-buffered") options.line_buffered = true;
  else if (arg == "--stats") options.stats = true;
  else if (arg == "--profile") options.profile = true;
  else if (arg == "--update") options.update = true;
  else if (arg == "--markdown") options.engine.output = OutputFormat::markdown;
  else if (arg == "--precision") pending.precision = true;
  else if (arg == "--recall") pending.recall = true;
  else {
    error = "unknown option '" + std::string(arg) + "'";
    return OptionOutcome::error;
  }
  return OptionOutcome::next;
}

// The options that exclude each other or apply to one command only: what is wrong, or "".
std::string misused_options(const CliOptions& options, const PendingChoices& pending) {
  if (!options.engine.encoding.empty() && options.framing == Framing::jsonl)
    return "--encoding does not apply to --jsonl: JSON text is always Unicode";
  if (options.framing == Framing::warc && options.command != Command::extract && options.command != Command::report &&
      options.command != Command::suggest)
    return "--warc reads pages to clean, report or suggest rules from, not rule files or fixtures";
  if (!options.metadata_field.empty()) {
    if (options.framing != Framing::jsonl && options.framing != Framing::warc)
      return "--metadata adds a field to JSON Lines records: use it with --jsonl or --warc";
    if (options.field == options.metadata_field)
      return "--metadata writes the field \"" + options.metadata_field + "\", which --field names as the document";
    if (options.explain != ExplainFormat::none)
      return "--metadata and --explain exclude each other (--explain=json carries the language, the author and the date)";
  }
  if (pending.precision && pending.recall) return "--precision and --recall exclude each other";
  if (options.explain != ExplainFormat::none && options.command != Command::extract)
    return "--explain applies to cleaning documents, not to a command";
  if (options.profile && options.command != Command::extract)
    return "--profile applies to cleaning documents, not to a command";
  if (options.update && options.command != Command::test) return "--update applies to `declutter test` only";
  if (options.min_pages != 0 && options.command != Command::suggest)
    return "--min-pages applies to `declutter suggest` only";
  return "";
}

}  // namespace

std::optional<CliOptions> parse_command_line(int argc, const char* const* argv, std::string& error) {
  CliOptions options;
  PendingChoices pending;
  ArgReader args(argc, argv);
  bool only_files = false;
  for (bool first = true; !args.done(); first = false) {
    const std::string_view arg = args.next();
    if (first) {
      if (auto command = command_named(arg)) {
        options.command = *command;
        continue;
      }
    }
    if (only_files || arg == "-" || !arg.starts_with("-")) {
      options.inputs.emplace_back(arg);
    } else if (arg == "--") {
      only_files = true;
    } else {
      const OptionOutcome outcome = read_option(arg, args, options, pending, error);
      if (outcome == OptionOutcome::error) return std::nullopt;
      if (outcome == OptionOutcome::stop) return options;
    }
  }
  error = misused_options(options, pending);
  if (!error.empty()) return std::nullopt;
  if (pending.precision) options.engine.focus = Focus::precision;
  if (pending.recall) options.engine.focus = Focus::recall;
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
                                     (report and suggest --warc: the pages of WARC files)

Input is raw scraped text (one line per block, as text dumps of web pages come) or HTML;
the format is detected unless --format says otherwise. Each FILE is one document (a
gzip, zstd or xz file is read as what it holds); the clean text of each is written to
standard output, in order. With --jsonl, --null or --warc, a compressed input is a
compressed stream of records.

Corpus mode:
  --jsonl               input is JSON Lines: one object per line, the document in field
                        "text"; its "url" field selects publisher rules. Output is one line
                        per input line, in order, with only that field's value replaced
  --field NAME          the JSONL field holding the document, and the field --warc writes
                        the clean text to (default: text)
  --null, -0            input is documents separated by NUL bytes (find -print0 style);
                        output likewise: each clean text followed by a NUL
  --warc                input is WARC files (crawl.warc, .warc.gz as Common Crawl ships
                        them, .warc.zst, Common Crawl's WET files; ARC files too); each
                        page in them (a response record with a 2xx status and an HTML
                        Content-Type, an HTML resource record, or a text/plain
                        conversion record) is written as one JSON Lines record {"url",
                        "warc_date", "warc_record_id", "text"}; the HTTP charset is
                        honoured, chunked and compressed (gzip, deflate, br, zstd)
                        bodies are undone, every other record is skipped
  --on-error MODE       a malformed JSONL line or a document that fails: pass (default:
                        copy it through unchanged; a WARC record: nothing), skip (write
                        nothing for it), error (JSONL: write {"error":...,"line":N} in its
                        place; WARC: {"error":...,"url":...,"warc_record_id":...}), fail
                        (stop after the records before it). Each one is reported on stderr
                        with its line or record number, and the exit status is 1
  -j, --jobs N          process documents on N threads (default 0: all cores); output
                        stays in input order and memory stays bounded
  --metadata            with --jsonl or --warc: add to each cleaned record a field
                        "declutter" holding the article's headline ("title"), the author
                        the page's markup names ("author"), the language the scorer
                        measured ("language"), the publication date the markup states
                        ("published", YYYY-MM-DD), each null when unknown, and the size of
                        the clean text ("words", "characters"); it replaces the record's
                        own "declutter" field, if any
  --line-buffered       write and flush each record as soon as it is done (for pipes
                        that send one record and wait for its answer)
  --max-doc-bytes SIZE  documents larger than SIZE (default 64M; k, M, G suffixes; 0: no
                        limit) are passed through unchanged with a warning on stderr
                        (WARC pages: skipped with a warning)
  --stats               print a summary line on stderr at the end (documents, bytes in
                        and out, failures, throughput, WARC records without a page,
                        documents that were not clean UTF-8, and how many blocks each
                        rule file and each stage dropped; a block is a line in text mode)
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
                          - LINE STAGE | text              dropped by a stage (contents,
                                                           dedupe, edge-trim, score S
                                                           links=L% words=W <tag>)
                          + LINE kept | text               in the output
                          + LINE FILE:LINE keep ... | text protected by a keep rule
                          + LINE safety over FILE:LINE RULE | text
                                                           restored by the safety valve
                        json: one JSON document per input document, one per line
  --profile             after the run, print on stderr where the processing time went:
                        seconds per step (decoding, splitting lines or parsing HTML, the
                        html-* rules, building blocks, each stage, emitting) and the
                        regex rules that took longest inside PCRE2, with their calls and
                        matches, as FILE:LINE:COL and the rule
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
