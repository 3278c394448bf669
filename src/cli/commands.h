// The `dyad` subcommands: each registers its options on the CLI and runs when chosen.
#pragma once

#include <CLI/CLI.hpp>

namespace dyad {

// Each Add* registers a subcommand and returns a function that runs it (exit status).
std::function<int()> AddCodeCommand(CLI::App& app);
std::function<int()> AddQueryCommand(CLI::App& app);
std::function<int()> AddExtractCommand(CLI::App& app);
std::function<int()> AddGeoCommand(CLI::App& app);
std::function<int()> AddGazetteerCommand(CLI::App& app);
std::function<int()> AddTimexCommand(CLI::App& app);
std::function<int()> AddQuotesCommand(CLI::App& app);
std::function<int()> AddExportCommand(CLI::App& app);
std::function<int()> AddServeCommand(CLI::App& app);
std::function<int()> AddParseCommand(CLI::App& app);
std::function<int()> AddTrainCommand(CLI::App& app);
std::function<int()> AddValidateCommand(CLI::App& app);
std::function<int()> AddAnnotateCommand(CLI::App& app);
std::function<int()> AddTimexCommand(CLI::App& app);

}  // namespace dyad
