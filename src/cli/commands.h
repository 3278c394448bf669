// The `dyad` subcommands: each registers its options on the CLI and runs when chosen.
#pragma once

#include <CLI/CLI.hpp>

namespace dyad {

// Each Add* registers a subcommand and returns a function that runs it (exit status).
std::function<int()> AddCodeCommand(CLI::App& app);
std::function<int()> AddQueryCommand(CLI::App& app);
std::function<int()> AddAnnotateCommand(CLI::App& app);
std::function<int()> AddTimexCommand(CLI::App& app);

}  // namespace dyad
