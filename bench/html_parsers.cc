// html_parsers: measures the HTML parsers Debian ships (Gumbo, MyHTML from modest, libxml2's
// HTML parser) for speed and robustness on a folder of pages; the numbers in
// docs/extraction.md come from it. Not part of the build; compile by hand:
//
//   g++ -O2 -std=c++20 bench/html_parsers.cc -o /tmp/html_parsers \
//       $(pkg-config --cflags --libs gumbo libxml-2.0 zlib) -lmodest
//   /tmp/html_parsers ../shared/data/extraction/wcxb-dev/html [repeat]
//
// Each parser parses every page, the tree is walked once (counting elements and text bytes,
// the least any extractor does) and freed. Robustness cases run in a forked child each, so a
// crash or a hang (10 s) is reported, not fatal.
#include <dirent.h>
#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <myhtml/api.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace {

struct Count {
  size_t elements = 0, text = 0;
};

std::string ReadGz(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  std::string out;
  if (!f) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, n);
  gzclose(f);
  return out;
}

// --- Gumbo: the tree is walked with an explicit stack (it has no parent-free iteration).
Count ParseGumbo(const std::string& html) {
  Count c;
  GumboOptions opt = kGumboDefaultOptions;
  opt.max_errors = 0;
  GumboOutput* out = gumbo_parse_with_options(&opt, html.data(), html.size());
  std::vector<const GumboNode*> stack{out->document};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_DOCUMENT) {
      const GumboVector& ch =
          n->type == GUMBO_NODE_ELEMENT ? n->v.element.children : n->v.document.children;
      c.elements++;
      for (unsigned i = 0; i < ch.length; ++i)
        stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
    } else if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
      c.text += std::strlen(n->v.text.text);
    }
  }
  gumbo_destroy_output(&opt, out);
  return c;
}

// --- libxml2's HTML parser.
Count ParseLibxml2(const std::string& html) {
  Count c;
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_COMPACT);
  if (!doc) return c;
  xmlNodePtr n = xmlDocGetRootElement(doc);
  while (n) {
    if (n->type == XML_ELEMENT_NODE)
      c.elements++;
    else if (n->type == XML_TEXT_NODE && n->content)
      c.text += std::strlen((char*)n->content);
    if (n->children && n->type == XML_ELEMENT_NODE) {
      n = n->children;
      continue;
    }
    while (n && !n->next)
      n = n->parent && n->parent->type != XML_DOCUMENT_NODE &&
                  n->parent->type != XML_HTML_DOCUMENT_NODE
              ? n->parent
              : nullptr;
    if (n) n = n->next;
  }
  xmlFreeDoc(doc);
  return c;
}

// --- MyHTML (modest), single-threaded mode; one parser object reused across pages.
myhtml_t* g_myhtml = nullptr;
myhtml_tree_t* g_tree = nullptr;
Count ParseMyhtml(const std::string& html) {
  Count c;
  if (!g_myhtml) {
    g_myhtml = myhtml_create();
    myhtml_init(g_myhtml, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0);
    g_tree = myhtml_tree_create();
    myhtml_tree_init(g_tree, g_myhtml);
  }
  myhtml_parse(g_tree, MyENCODING_UTF_8, html.data(), html.size());
  myhtml_tree_node_t* root = myhtml_tree_get_document(g_tree);
  myhtml_tree_node_t* n = myhtml_node_child(root);
  while (n) {
    myhtml_tag_id_t t = myhtml_node_tag_id(n);
    if (t == MyHTML_TAG__TEXT) {
      size_t len = 0;
      myhtml_node_text(n, &len);
      c.text += len;
    } else if (t != MyHTML_TAG__COMMENT) {
      c.elements++;
    }
    if (myhtml_node_child(n)) {
      n = myhtml_node_child(n);
      continue;
    }
    while (n && !myhtml_node_next(n)) {
      n = myhtml_node_parent(n);
      if (n == root) n = nullptr;
    }
    if (n) n = myhtml_node_next(n);
  }
  myhtml_tree_clean(g_tree);
  return c;
}

struct Parser {
  const char* name;
  std::function<Count(const std::string&)> parse;
};

long PeakRssKb() {
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

// Runs fn in a child (killed after `limit` seconds when limit > 0); returns "ok",
// "crash (signal N)" or "timeout".
std::string InChild(const std::function<void()>& fn, double* seconds, unsigned limit = 0) {
  std::fflush(stdout);
  auto t0 = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    if (limit) alarm(limit);
    fn();
    std::fflush(stdout);
    _exit(0);
  }
  int st = 0;
  waitpid(pid, &st, 0);
  *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (WIFSIGNALED(st))
    return WTERMSIG(st) == SIGALRM ? "timeout"
                                   : "crash (signal " + std::to_string(WTERMSIG(st)) + ")";
  return WEXITSTATUS(st) == 0 ? "ok" : "exit " + std::to_string(WEXITSTATUS(st));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR_OF_HTML_GZ [repeat]\n", argv[0]);
    return 2;
  }
  int repeat = argc > 2 ? std::atoi(argv[2]) : 3;
  std::vector<std::string> pages;
  std::string dir = argv[1];
  DIR* d = opendir(dir.c_str());
  std::vector<std::string> names;
  while (dirent* e = d ? readdir(d) : nullptr)
    if (std::strstr(e->d_name, ".htm")) names.push_back(e->d_name);
  if (d) closedir(d);
  std::sort(names.begin(), names.end());
  size_t bytes = 0;
  for (auto& n : names) {
    pages.push_back(ReadGz(dir + "/" + n));
    bytes += pages.back().size();
  }
  std::printf("%zu pages, %.1f MB\n", pages.size(), bytes / 1e6);
  xmlInitParser();
  std::vector<Parser> parsers = {{"gumbo 0.10.1", ParseGumbo},
                                 {"myhtml (modest 2021-08)", ParseMyhtml},
                                 {"libxml2 2.9.14 HTMLparser", ParseLibxml2}};
  std::printf("%-26s %9s %8s %9s %12s %10s\n", "parser", "pages/s", "MB/s", "elements", "text MB",
              "peak RSS");
  for (auto& p : parsers) {
    // Each parser in its own child so its peak RSS is its own.
    double secs = 0;
    std::string r = InChild(
        [&] {
          Count total;
          for (auto& pg : pages) p.parse(pg);  // warm-up
          auto t0 = std::chrono::steady_clock::now();
          for (int k = 0; k < repeat; ++k)
            for (auto& pg : pages) {
              Count c = p.parse(pg);
              total.elements += c.elements;
              total.text += c.text;
            }
          double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
          std::printf("%-26s %9.0f %8.1f %9zu %12.1f %7.0f MB\n", p.name, pages.size() * repeat / s,
                      bytes * repeat / 1e6 / s, total.elements / repeat, total.text / repeat / 1e6,
                      PeakRssKb() / 1024.0);
          std::fflush(stdout);
        },
        &secs);
    if (r != "ok") std::printf("%-26s %s\n", p.name, r.c_str());
  }
  // Robustness: generated hostile inputs.
  std::vector<std::pair<std::string, std::function<std::string()>>> cases = {
      {"nesting 10,000 <div>",
       [] {
         std::string s = "<html><body>";
         for (int i = 0; i < 10000; ++i) s += "<div>";
         return s + "x";
       }},
      {"nesting 100,000 <div>",
       [] {
         std::string s;
         for (int i = 0; i < 100000; ++i) s += "<div>";
         return s + "x";
       }},
      {"nesting 10,000 <b><i> misnested",
       [] {
         std::string s;
         for (int i = 0; i < 10000; ++i) s += "<b><i><p>";
         return s + "x";
       }},
      {"nesting 10,000 <table>",
       [] {
         std::string s;
         for (int i = 0; i < 10000; ++i) s += "<table><tr><td>";
         return s + "x";
       }},
      {"50 MB page",
       [] {
         std::string s = "<html><body>";
         while (s.size() < (50u << 20)) s += "<p>Some <b>text</b> and a <a href=x>link</a>.</p>\n";
         return s;
       }},
      {"truncated pages (every page cut at 1/3)", [] { return std::string(); }},
      {"random bytes (200 x 64 KB)", [] { return std::string(); }},
  };
  std::printf("\n%-40s", "robustness");
  for (auto& p : parsers) std::printf(" %-28s", p.name);
  std::printf("\n");
  for (auto& [name, gen] : cases) {
    std::printf("%-40s", name.c_str());
    for (auto& p : parsers) {
      double secs = 0;
      int fd[2];
      if (pipe(fd) != 0) return 1;
      std::string r = InChild(
          [&] {
            Count c;
            if (name.rfind("truncated", 0) == 0) {
              for (auto& pg : pages) c.elements += p.parse(pg.substr(0, pg.size() / 3)).elements;
            } else if (name.rfind("random", 0) == 0) {
              std::mt19937 rng(7);
              for (int k = 0; k < 200; ++k) {
                std::string s(65536, '\0');
                for (auto& ch : s) ch = static_cast<char>(rng() % 256);
                if (k % 2)
                  for (size_t i = 0; i < s.size(); i += 7) s[i] = "<>/=\"'&"[rng() % 7];
                c.elements += p.parse(s).elements;
              }
            } else {
              c = p.parse(gen());
            }
            if (write(fd[1], &c.elements, sizeof c.elements) < 0) _exit(3);
          },
          &secs, 30);
      size_t elements = 0;
      close(fd[1]);
      if (read(fd[0], &elements, sizeof elements) != sizeof elements) elements = 0;
      close(fd[0]);
      char cell[64];
      if (r == "ok")
        std::snprintf(cell, sizeof cell, "ok %.2fs %zu el", secs, elements);
      else
        std::snprintf(cell, sizeof cell, "%s %.2fs", r.c_str(), secs);
      std::printf(" %-28s", cell);
      std::fflush(stdout);
    }
    std::printf("\n");
  }
  return 0;
}
