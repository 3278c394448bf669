// A tiny made-up treebank for the nlp tests (no shared data needed).
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "nlp/conllu.h"

namespace dyad::nlp::testing {

inline const char* kTinyTreebank =
    "# sent_id = 1\n"
    "# text = The minister met her counterpart in Moscow.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\ther\ther\tPRON\tPRP$\t_\t5\tnmod:poss\t_\t_\n"
    "5\tcounterpart\tcounterpart\tNOUN\tNN\t_\t3\tobj\t_\t_\n"
    "6\tin\tin\tADP\tIN\t_\t7\tcase\t_\t_\n"
    "7\tMoscow\tMoscow\tPROPN\tNNP\t_\t3\tobl\t_\tSpaceAfter=No\n"
    "8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# sent_id = 2\n"
    "# text = Troops attacked the village.\n"
    "1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tvillage\tvillage\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = 3\n"
    "# text = She didn't leave.\n"
    "1\tShe\tshe\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tleave\tleave\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# sent_id = 4\n"
    "# text = The talks began in Ankara.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\ttalks\ttalk\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
    "3\tbegan\tbegin\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tAnkara\tAnkara\tPROPN\tNNP\t_\t3\tobl\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n";

inline std::vector<ConlluSentence> TinyTreebank() {
  std::istringstream in(kTinyTreebank);
  std::vector<ConlluSentence> out;
  std::string error;
  ReadConllu(in, &out, &error);
  return out;
}

inline std::vector<std::string_view> Forms(const ConlluSentence& s) {
  std::vector<std::string_view> f;
  for (const auto& w : s.words) f.push_back(w.form);
  return f;
}

}  // namespace dyad::nlp::testing
