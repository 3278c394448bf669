// dyad: news in, coded political events out. See `dyad --help`.
#include <utility>
#include <vector>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "dyad turns news into event data: who did what to whom, when and where, coded in CAMEO "
      "and PLOVER.\nRun `dyad COMMAND --help` for the options of each command."};
  app.set_version_flag("--version", std::string("dyad ") + DYAD_VERSION);
  app.require_subcommand(1);
  // One line per command, in the order `dyad --help` lists them.
  std::vector<std::pair<std::string, std::function<int()>>> commands = {
      {"code", dyad::AddCodeCommand(app)},           {"query", dyad::AddQueryCommand(app)},
      {"extract", dyad::AddExtractCommand(app)},     {"geo", dyad::AddGeoCommand(app)},
      {"gazetteer", dyad::AddGazetteerCommand(app)}, {"timex", dyad::AddTimexCommand(app)},
      {"quotes", dyad::AddQuotesCommand(app)},       {"export", dyad::AddExportCommand(app)},
      {"serve", dyad::AddServeCommand(app)},         {"parse", dyad::AddParseCommand(app)},
      {"train", dyad::AddTrainCommand(app)},         {"validate", dyad::AddValidateCommand(app)},
      {"annotate", dyad::AddAnnotateCommand(app)},
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;  // usage errors exit with 2
  }
  for (auto& [name, run] : commands)
    if (app.got_subcommand(name)) return run();
  return 2;
}
