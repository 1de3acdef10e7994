#pragma once
// The declutter command: parses flags, loads rules, dispatches to the command.
namespace declutter {

int run_cli(int argc, const char* const* argv);

}  // namespace declutter
