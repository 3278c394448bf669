// dyad: news in, coded political events out. See `dyad --help`.
#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "dyad turns news into event data: who did what to whom, when and where, coded in CAMEO "
      "and PLOVER.\nRun `dyad COMMAND --help` for the options of each command."};
  app.set_version_flag("--version", std::string("dyad ") + DYAD_VERSION);
  app.require_subcommand(1);
  auto code = dyad::AddCodeCommand(app);
  auto query = dyad::AddQueryCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;  // usage errors exit with 2
  }
  if (app.got_subcommand("code")) return code();
  if (app.got_subcommand("query")) return query();
  return 2;
}
