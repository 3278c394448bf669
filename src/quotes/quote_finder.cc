#include "quotes/quote_finder.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/dateline.h"

namespace dyad {

namespace {

// ---------------------------------------------------------------------------------------
// Words.

// What a cue verb takes besides a quote.
enum CueFlag : unsigned {
  kBare = 1,       // a complement clause without "that" ("said it would", "argued the plan")
  kAddressee = 2,  // an addressee object before the content ("told Lavrov that")
  kBelief = 4,     // thinking, not speaking ("believes that"): only with a clause complement
  kQuoteOnly = 8,  // only beside a quote or a colon ("continued:", "responded, “…”")
  kParticle = 16,  // needs its particle right after it ("pointed out", "shot back")
};

struct CueWord {
  std::string_view lemma;
  unsigned flags = 0;
  bool ing = false;           // present participle ("saying")
  std::string_view particle;  // the word that must follow with kParticle ("out", "back")
};

// Verbs that introduce reported speech (and a few of thought), with their inflected forms.
const std::unordered_map<std::string, CueWord>& CueWords() {
  static const auto* words = [] {
    struct Row {
      std::string_view lemma;
      std::string_view forms;
      unsigned flags;
      std::string_view particle = {};
    };
    static const Row kRows[] = {
        {"say", "say says said saying", kBare},
        {"tell", "tell tells told telling", kBare | kAddressee},
        {"add", "add adds added adding", 0},
        {"state", "state states stated stating", 0},
        {"note", "note notes noted noting", 0},
        {"stress", "stress stresses stressed stressing", 0},
        {"warn", "warn warns warned warning", kAddressee},
        {"claim", "claim claims claimed claiming", kBare},
        {"insist", "insist insists insisted insisting", kBare},
        {"deny", "deny denies denied denying", 0},
        {"announce", "announce announces announced announcing", 0},
        {"argue", "argue argues argued arguing", kBare},
        {"explain", "explain explains explained explaining", 0},
        {"write", "write writes wrote written writing", kBare},
        {"report", "report reports reported reporting", 0},
        {"declare", "declare declares declared declaring", 0},
        {"reply", "reply replies replied replying", 0},
        {"respond", "respond responds responded responding", kQuoteOnly},
        {"answer", "answer answers answered answering", kQuoteOnly},
        {"retort", "retort retorts retorted", 0},
        {"counter", "counter counters countered", kQuoteOnly},
        {"continue", "continue continues continued", kQuoteOnly},
        {"acknowledge", "acknowledge acknowledges acknowledged acknowledging", 0},
        {"admit", "admit admits admitted admitting", 0},
        {"concede", "concede concedes conceded conceding", 0},
        {"suggest", "suggest suggests suggested suggesting", 0},
        {"predict", "predict predicts predicted predicting", 0},
        {"promise", "promise promises promised promising", kAddressee},
        {"vow", "vow vows vowed vowing", 0},
        {"pledge", "pledge pledges pledged pledging", 0},
        {"confirm", "confirm confirms confirmed confirming", 0},
        {"reveal", "reveal reveals revealed revealing", 0},
        {"disclose", "disclose discloses disclosed disclosing", 0},
        {"recall", "recall recalls recalled recalling", 0},
        {"conclude", "conclude concludes concluded concluding", 0},
        {"assert", "assert asserts asserted asserting", kBare},
        {"contend", "contend contends contended contending", kBare},
        {"maintain", "maintain maintains maintained maintaining", 0},
        {"emphasize", "emphasize emphasizes emphasized emphasizing emphasise emphasised", 0},
        {"underscore", "underscore underscores underscored", 0},
        {"reiterate", "reiterate reiterates reiterated reiterating", 0},
        {"repeat", "repeat repeats repeated", 0},
        {"complain", "complain complains complained complaining", 0},
        {"lament", "lament laments lamented", 0},
        {"boast", "boast boasts boasted boasting", 0},
        {"brag", "brag brags bragged", 0},
        {"joke", "joke jokes joked joking", 0},
        {"quip", "quip quips quipped", 0},
        {"remark", "remark remarks remarked", 0},
        {"observe", "observe observes observed", 0},
        {"allege", "allege alleges alleged alleging", kBare},
        {"tweet", "tweet tweets tweeted tweeting", 0},
        {"ask", "ask asks asked asking", kAddressee},
        {"inform", "inform informs informed informing", kAddressee},
        {"assure", "assure assures assured assuring", kAddressee},
        {"remind", "remind reminds reminded reminding", kAddressee},
        {"caution", "caution cautions cautioned cautioning", 0},
        {"testify", "testify testifies testified testifying", 0},
        {"mention", "mention mentions mentioned mentioning", 0},
        {"agree", "agree agrees agreed", 0},
        {"charge", "charge charges charged", 0},
        {"exclaim", "exclaim exclaims exclaimed", 0},
        {"proclaim", "proclaim proclaims proclaimed", 0},
        {"wonder", "wonder wonders wondered wondering", 0},
        {"speculate", "speculate speculates speculated speculating", 0},
        {"point", "point points pointed pointing", kParticle, "out"},
        {"shoot", "shoots shot", kParticle | kQuoteOnly, "back"},
        {"fire", "fires fired", kParticle | kQuoteOnly, "back"},
        {"put", "put puts", kParticle | kQuoteOnly, "it"},
        {"yell", "yell yells yelled yelling", kQuoteOnly},
        {"shout", "shout shouts shouted shouting", kQuoteOnly},
        {"scream", "scream screams screamed screaming", kQuoteOnly},
        {"echo", "echoes echoed echoing", kQuoteOnly},
        {"urge", "urges urged", kQuoteOnly},
        {"muse", "muses mused", kQuoteOnly},
        {"chant", "chant chants chanted chanting", kQuoteOnly},
        {"find", "find finds found", kBelief},
        {"show", "show shows showed shown", kBelief | kBare},
        {"indicate", "indicate indicates indicated", kBelief},
        {"think", "think thinks thought", kBelief | kBare},
        {"believe", "believe believes believed", kBelief | kBare},
        {"fear", "fear fears feared", kBelief},
        {"doubt", "doubt doubts doubted", kBelief},
        {"suspect", "suspect suspects suspected", kBelief},
        {"hope", "hope hopes hoped", kBelief},
        {"worry", "worry worries worried", kBelief},
        {"expect", "expect expects expected", kBelief},
        {"know", "know knows knew", kBelief},
        {"feel", "feel feels felt", kBelief},
    };
    auto* m = new std::unordered_map<std::string, CueWord>();
    for (const Row& r : kRows) {
      size_t i = 0;
      while (i < r.forms.size()) {
        size_t j = r.forms.find(' ', i);
        if (j == std::string_view::npos) j = r.forms.size();
        std::string form(r.forms.substr(i, j - i));
        const bool ing = form.size() > 4 && form.compare(form.size() - 3, 3, "ing") == 0;
        m->emplace(form, CueWord{r.lemma, r.flags, ing, r.particle});
        i = j + 1;
      }
    }
    return m;
  }();
  return *words;
}

bool In(const std::unordered_set<std::string_view>& set, std::string_view w) {
  return set.count(w) > 0;
}

// Verbs whose subject PolNeAR annotates as the source of an attribution although they are
// no verbs of saying: evaluation, endorsement, request and characterisation ("criticized the
// deal", "endorsed Clinton", "urged voters to …", "called him a moderate"). By lemma; only
// read with a dependency parse, which gives their subject and complements.
bool IsAttitudeLemma(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "call",      "describe",  "decline",     "refuse",    "accuse",       "criticize",
      "criticise", "endorse",   "urge",        "praise",    "defend",       "cite",
      "blast",     "question",  "denounce",    "blame",     "reject",       "dismiss",
      "mock",      "slam",      "rail",        "propose",   "refer",        "express",
      "attack",    "discuss",   "challenge",   "encourage", "request",      "condemn",
      "applaud",   "demand",    "label",       "dub",       "characterize", "brand",
      "hail",      "tout",      "lambaste",    "lambast",   "chide",        "scold",
      "ridicule",  "decry",     "deride",      "thank",     "highlight",    "recommend",
      "advocate",  "oppose",    "support",     "back",      "favor",        "prefer",
      "want",      "seek",      "plan",        "vow",       "pledge",       "promise",
      "offer",     "advise",    "dispute",     "commend",   "congratulate", "credit",
      "lament",    "bemoan",    "acknowledge", "insist",    "agree",        "disagree",
      "emphasize", "stress",    "predict",     "estimate",  "forecast",     "warn",
      "ask",       "tell",      "say",         "add",       "note",         "write",
      "argue",     "claim",     "suggest",     "announce",  "explain",      "report",
      "show",      "find",      "indicate",    "think",     "believe",      "hope",
      "expect",    "know",      "feel",        "fear",      "worry",        "mention",
      "talk",      "speak",     "point",       "respond",   "reply",        "confirm",
      "deny",      "admit",     "recall",      "reveal",    "tweet",        "post",
      "conclude",  "declare",   "assert",      "complain",  "boast",        "joke",
      "issue",     "remember",  "portray",     "list",      "title",        "imply",
      "quote",     "disavow",   "outline",     "attribute", "assail",       "invoke",
      "retweet",   "detail",    "voice",       "signal",    "plead",        "email",
      "deem",      "comment",   "order",       "name",      "persuade",     "convince",
      "recognize", "apologize", "press",       "push",      "promote",      "echo",
      "see",       "view",      "consider",    "regard"};
  // Verbs PolNeAR marks as cues at least 30% of the time they have a subject and a
  // complement (train split, 12 or more such uses; lemmas and relations from dyad's parse).
  static const std::unordered_set<std::string_view> learned = {
      "release", "decide",    "focus", "learn", "share",    "cast",    "pass",
      "compare", "identify",  "lay",   "sound", "threaten", "file",    "publish",
      "launch",  "introduce", "aim",   "rule",  "avoid",    "embrace", "determine",
      "appoint", "double",    "weigh", "guess", "expose"};
  return In(k, w) || In(learned, w);
}

// Words between a subject and its cue verb that belong to the verb group.
bool IsVerbGroupWord(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "has",        "have",      "had",         "'s",           "'ve",        "'d",
      "will",       "would",     "could",       "should",       "might",      "may",
      "must",       "can",       "did",         "does",         "do",         "also",
      "later",      "then",      "since",       "once",         "again",      "often",
      "always",     "never",     "recently",    "already",      "just",       "still",
      "further",    "not",       "n't",         "previously",   "repeatedly", "reportedly",
      "publicly",   "privately", "openly",      "frequently",   "first",      "initially",
      "separately", "similarly", "likewise",    "even",         "too",        "flatly",
      "simply",     "quickly",   "immediately", "subsequently", "ultimately", "eventually",
      "earlier",    "long"};
  return In(k, w);
}

bool IsBeForm(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {"is",   "are",   "was", "were", "be",
                                                         "been", "being", "am",  "'m",   "'re"};
  return In(k, w);
}

bool IsSubjectPronoun(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {"he", "she", "they", "we",
                                                         "i",  "you", "it",   "who"};
  return In(k, w);
}

bool IsObjectPronoun(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {"him", "her", "them", "us",
                                                         "me",  "you", "it"};
  return In(k, w);
}

bool IsDeterminer(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "the",   "a",     "an",    "this",    "these", "those", "his",     "her",  "its",
      "their", "our",   "my",    "your",    "some",  "many",  "several", "most", "all",
      "both",  "few",   "other", "another", "each",  "every", "no",      "any",  "one",
      "two",   "three", "four",  "five",    "more",  "much",  "such",    "that"};
  return In(k, w);
}

// Words an actor phrase never contains: they end a subject read leftwards from the verb.
bool IsNounPhraseStop(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "that",    "which",     "who",       "whom",      "whose",      "and",       "or",
      "but",     "nor",       "because",   "when",      "while",      "if",        "as",
      "after",   "before",    "since",     "although",  "though",     "where",     "so",
      "than",    "then",      "to",        "in",        "on",         "by",        "from",
      "with",    "without",   "about",     "into",      "over",       "under",     "during",
      "against", "through",   "between",   "among",     "across",     "via",       "per",
      "not",     "n't",       "is",        "are",       "was",        "were",      "be",
      "been",    "being",     "am",        "has",       "have",       "had",       "do",
      "does",    "did",       "will",      "would",     "can",        "could",     "should",
      "may",     "might",     "must",      "also",      "there",      "here",      "it",
      "this",    "what",      "how",       "why",       "whether",    "said",      "says",
      "told",    "once",      "until",     "unless",    "like",       "up",        "out",
      "off",     "down",      "just",      "even",      "only",       "yet",       "however",
      "thus",    "therefore", "instead",   "now",       "today",      "yesterday", "tonight",
      "again",   "too",       "very",      "not",       "ago",        "later",     "earlier",
      "already", "still",     "let",       "get",       "got",        "make",      "made",
      "amid",    "toward",    "towards",   "despite",   "upon",       "within",    "around",
      "beyond",  "behind",    "above",     "below",     "along",      "alongside", "besides",
      "except",  "following", "including", "regarding", "concerning", "near",      "onto",
      "past",    "unlike",    "versus",    "whereas",   "among",      "amongst",   "throughout",
      "outside", "inside",    "for",       "at"};
  return In(k, w);
}

// Cue forms that are as often nouns ("Western reports that", "the claims").
bool IsNounLikeCue(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "report",  "reports", "claim",  "claims",  "states",  "note",     "notes",    "tweet",
      "tweets",  "remarks", "charge", "charges", "fear",    "fears",    "doubt",    "doubts",
      "hope",    "hopes",   "answer", "answers", "reply",   "replies",  "counters", "worries",
      "pledge",  "pledges", "vow",    "vows",    "promise", "promises", "joke",     "jokes",
      "quips",   "laments", "boasts", "repeats", "stress",  "state",    "suspect",  "suspects",
      "caution", "point",   "points", "testify", "recall",  "recalls",  "continue", "continues",
      "brag",    "brags",   "quip"};
  return In(k, w);
}

// Common verbs that end a noun phrase read rightwards ("the minister met", "it comes").
bool IsCommonVerb(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "met",    "made",   "took",     "gave",     "went",    "came",       "saw",     "sent",
      "held",   "led",    "left",     "comes",    "goes",    "makes",      "takes",   "gets",
      "wants",  "needs",  "seems",    "remains",  "plans",   "hopes",      "says",    "said",
      "told",   "tells",  "has",      "had",      "have",    "is",         "was",     "are",
      "were",   "will",   "would",    "can",      "could",   "should",     "may",     "might",
      "must",   "did",    "does",     "do",       "became",  "becomes",    "began",   "begins",
      "won",    "lost",   "ran",      "runs",     "spoke",   "knew",       "thought", "felt",
      "found",  "put",    "set",      "kept",     "brought", "called",     "asked",   "sought",
      "bought", "taught", "caught",   "fought",   "sold",    "drew",       "threw",   "wrote",
      "broke",  "chose",  "rose",     "drove",    "stood",   "understood", "spent",   "built",
      "meant",  "paid",   "struck",   "hit",      "cut",     "let",        "quit",    "spread",
      "shut",   "hurt",   "cost",     "beat",     "fled",    "sat",        "got",     "forgot",
      "shot",   "rode",   "hung",     "stuck",    "sang",    "flew",       "blew",    "wore",
      "tore",   "swore",  "withdrew", "overtook", "grew",    "became",     "signed",  "added",
      "urged",  "wants",  "believes", "thinks",   "insists", "argues",     "claims",  "warns"};
  return In(k, w);
}

// -ing words that are not participles.
bool IsIngNoun(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "during",     "including", "according", "nothing",    "something", "anything",
      "everything", "morning",   "evening",   "building",   "buildings", "spring",
      "thing",      "things",    "king",      "ring",       "meeting",   "meetings",
      "funding",    "spending",  "housing",   "training",   "hearing",   "hearings",
      "bombing",    "bombings",  "shooting",  "shootings",  "polling",   "voting",
      "wedding",    "ceiling",   "clothing",  "bring",      "sing",      "string",
      "warning",    "warnings",  "being",     "concerning", "regarding", "notwithstanding",
      "pending",    "following"};
  return In(k, w);
}

bool EndsWithIng(std::string_view w) {
  return w.size() > 5 && w.compare(w.size() - 3, 3, "ing") == 0;
}

// Lower-case head nouns that make a word sequence a plausible speaker on their own.
bool IsSpeakerNoun(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {"official",
                                                         "officials",
                                                         "spokesman",
                                                         "spokeswoman",
                                                         "spokesperson",
                                                         "spokespeople",
                                                         "aide",
                                                         "aides",
                                                         "adviser",
                                                         "advisers",
                                                         "advisor",
                                                         "advisors",
                                                         "source",
                                                         "sources",
                                                         "critic",
                                                         "critics",
                                                         "expert",
                                                         "experts",
                                                         "analyst",
                                                         "analysts",
                                                         "people",
                                                         "voter",
                                                         "voters",
                                                         "supporter",
                                                         "supporters",
                                                         "campaign",
                                                         "statement",
                                                         "report",
                                                         "reports",
                                                         "poll",
                                                         "polls",
                                                         "survey",
                                                         "study",
                                                         "group",
                                                         "committee",
                                                         "department",
                                                         "agency",
                                                         "police",
                                                         "authorities",
                                                         "lawmakers",
                                                         "lawmaker",
                                                         "senators",
                                                         "democrats",
                                                         "republicans",
                                                         "leaders",
                                                         "leader",
                                                         "minister",
                                                         "ministry",
                                                         "government",
                                                         "president",
                                                         "candidate",
                                                         "nominee",
                                                         "officer",
                                                         "officers",
                                                         "residents",
                                                         "protesters",
                                                         "activists",
                                                         "observers",
                                                         "diplomats",
                                                         "diplomat",
                                                         "military",
                                                         "army",
                                                         "man",
                                                         "woman",
                                                         "men",
                                                         "women",
                                                         "members",
                                                         "member",
                                                         "organizers",
                                                         "organization",
                                                         "team",
                                                         "chairman",
                                                         "director",
                                                         "manager",
                                                         "secretary",
                                                         "governor",
                                                         "senator",
                                                         "lawyer",
                                                         "lawyers",
                                                         "attorney",
                                                         "attorneys",
                                                         "judge",
                                                         "court",
                                                         "prosecutors",
                                                         "prosecutor",
                                                         "investigators",
                                                         "researchers",
                                                         "scientists",
                                                         "economists",
                                                         "staff",
                                                         "staffers",
                                                         "strategist",
                                                         "strategists",
                                                         "operative",
                                                         "operatives",
                                                         "website",
                                                         "tweet",
                                                         "letter",
                                                         "memo",
                                                         "document",
                                                         "documents",
                                                         "data",
                                                         "figures",
                                                         "office",
                                                         "administration",
                                                         "spokesmen",
                                                         "host",
                                                         "author",
                                                         "writer",
                                                         "editor",
                                                         "reporter",
                                                         "reporters",
                                                         "correspondent",
                                                         "friend",
                                                         "friends",
                                                         "father",
                                                         "mother",
                                                         "son",
                                                         "daughter",
                                                         "wife",
                                                         "husband",
                                                         "owner",
                                                         "chief",
                                                         "head",
                                                         "founder",
                                                         "executive",
                                                         "ceo",
                                                         "professor",
                                                         "mayor",
                                                         "ambassador",
                                                         "envoy",
                                                         "commander",
                                                         "general",
                                                         "soldier",
                                                         "soldiers",
                                                         "witness",
                                                         "witnesses",
                                                         "someone",
                                                         "everyone",
                                                         "nobody",
                                                         "anyone",
                                                         "others",
                                                         "many",
                                                         "some",
                                                         "most",
                                                         "both",
                                                         "all",
                                                         "one",
                                                         "survivors",
                                                         "delegate",
                                                         "delegates",
                                                         "donor",
                                                         "donors",
                                                         "member",
                                                         "ministers",
                                                         "representative",
                                                         "representatives",
                                                         "pollster",
                                                         "pollsters",
                                                         "consultant",
                                                         "consultants",
                                                         "percent",
                                                         "half",
                                                         "majority",
                                                         "majorities",
                                                         "third",
                                                         "thirds",
                                                         "quarter",
                                                         "quarters",
                                                         "three-quarters",
                                                         "respondents",
                                                         "americans"};
  return In(k, w);
}

bool IsSubordinator(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "as",     "while",    "when", "before", "after", "because", "since",
      "though", "although", "if",   "during", "in",    "at",      "on",
      "and",    "but",      "of",   "about",  "to",    "with"};
  return In(k, w);
}

bool IsSentenceEnd(std::string_view w) {
  return w == "." || w == "!" || w == "?";
}

// A dash that sets off a phrase ("―", "—", "–", "--"); a bare "-" is the caller's to judge.
bool IsDash(std::string_view w) {
  return w == "\xE2\x80\x95" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93" || w == "--";
}

bool IsNumberWord(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {"one", "two",   "three", "four", "five",
                                                         "six", "seven", "eight", "nine", "ten"};
  return In(k, w) || (!w.empty() && w[0] >= '0' && w[0] <= '9');
}

bool IsPreposition(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "in",     "on",      "at",     "during", "via",  "through", "with", "after",
      "before", "from",    "over",   "for",    "by",   "to",      "in",   "while",
      "when",   "outside", "inside", "near",   "amid", "under",   "of",   "about"};
  return In(k, w);
}

bool IsTimeWord(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "monday",    "tuesday",    "wednesday", "thursday",   "friday",     "saturday", "sunday",
      "yesterday", "today",      "tonight",   "tomorrow",   "earlier",    "later",    "recently",
      "again",     "previously", "once",      "repeatedly", "last",       "this",     "next",
      "week",      "weekend",    "month",     "year",       "night",      "morning",  "afternoon",
      "evening",   "ago",        "late",      "early",      "privately",  "publicly", "separately",
      "bluntly",   "flatly",     "simply",    "also",       "then",       "now",      "frankly",
      "openly",    "angrily",    "firmly",    "quietly",    "repeatedly", "twice"};
  return In(k, w);
}

// Where something was said: "in a statement", "on Twitter", "at a news conference".
bool IsChannelNoun(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "statement", "statements", "interview", "interviews", "speech",     "email",      "e-mail",
      "tweet",     "tweets",     "post",      "posts",      "letter",     "conference", "call",
      "briefing",  "appearance", "op-ed",     "editorial",  "column",     "article",    "message",
      "video",     "rally",      "debate",    "event",      "hearing",    "remarks",    "release",
      "testimony", "phone",      "telephone", "radio",      "television", "tv",         "podcast",
      "blog",      "memo",       "book",      "report",     "session",    "meeting",    "summit",
      "address",   "forum",      "show",      "broadcast",  "twitter",    "facebook",   "instagram",
      "campaign",  "stop",       "town",      "hall",       "speech",     "court",      "filing"};
  return In(k, w);
}

bool IsMonth(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "january",  "february", "march", "april", "june", "july",  "august", "september", "october",
      "november", "december", "jan.",  "feb.",  "aug.", "sept.", "oct.",   "nov.",      "dec."};
  return In(k, w);
}

bool IsWhWord(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {"whether", "if",    "how", "why",  "what",
                                                         "when",    "where", "who", "which"};
  return In(k, w);
}

// Capitalised words that begin sentences rather than names.
bool IsCapitalizedFunctionWord(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "the",       "a",         "an",       "but",      "and",       "or",        "he",
      "she",       "it",        "they",     "we",       "i",         "you",       "his",
      "her",       "their",     "its",      "our",      "my",        "your",      "in",
      "on",        "at",        "for",      "with",     "from",      "to",        "by",
      "of",        "as",        "after",    "before",   "when",      "while",     "if",
      "this",      "that",      "these",    "those",    "there",     "here",      "what",
      "who",       "why",       "how",      "where",    "yet",       "so",        "still",
      "now",       "then",      "also",     "however",  "meanwhile", "according", "asked",
      "said",      "says",      "no",       "not",      "yes",       "some",      "many",
      "all",       "both",      "one",      "two",      "more",      "most",      "even",
      "just",      "instead",   "indeed",   "despite",  "since",     "because",   "although",
      "though",    "once",      "during",   "earlier",  "later",     "last",      "today",
      "tonight",   "yesterday", "is",       "was",      "are",       "were",      "do",
      "does",      "did",       "can",      "will",     "would",     "monday",    "tuesday",
      "wednesday", "thursday",  "friday",   "saturday", "sunday",    "january",   "february",
      "march",     "april",     "may",      "june",     "july",      "august",    "september",
      "october",   "november",  "december", "mr",       "us",        "our",       "let",
      "if",        "every"};
  return In(k, w);
}

// Titles and offices that precede a person's name ("Foreign Minister Choe Son-hui").
bool IsTitleWord(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {"mr.",
                                                         "mrs.",
                                                         "ms.",
                                                         "miss",
                                                         "dr.",
                                                         "prof.",
                                                         "sen.",
                                                         "rep.",
                                                         "gov.",
                                                         "gen.",
                                                         "lt.",
                                                         "col.",
                                                         "maj.",
                                                         "capt.",
                                                         "sgt.",
                                                         "adm.",
                                                         "rev.",
                                                         "pres.",
                                                         "sec.",
                                                         "atty.",
                                                         "supt.",
                                                         "mr",
                                                         "mrs",
                                                         "ms",
                                                         "dr",
                                                         "sen",
                                                         "rep",
                                                         "gov",
                                                         "gen",
                                                         "president",
                                                         "vice",
                                                         "minister",
                                                         "secretary",
                                                         "senator",
                                                         "representative",
                                                         "congressman",
                                                         "congresswoman",
                                                         "governor",
                                                         "mayor",
                                                         "chairman",
                                                         "chairwoman",
                                                         "chair",
                                                         "speaker",
                                                         "leader",
                                                         "director",
                                                         "ambassador",
                                                         "spokesman",
                                                         "spokeswoman",
                                                         "spokesperson",
                                                         "judge",
                                                         "justice",
                                                         "general",
                                                         "colonel",
                                                         "chancellor",
                                                         "premier",
                                                         "king",
                                                         "queen",
                                                         "prince",
                                                         "princess",
                                                         "pope",
                                                         "sheikh",
                                                         "ayatollah",
                                                         "candidate",
                                                         "nominee",
                                                         "attorney",
                                                         "commissioner",
                                                         "chief",
                                                         "deputy",
                                                         "whip",
                                                         "manager",
                                                         "adviser",
                                                         "advisor",
                                                         "aide",
                                                         "officer",
                                                         "sheriff",
                                                         "councilman",
                                                         "councilwoman",
                                                         "lawmaker",
                                                         "delegate",
                                                         "treasurer",
                                                         "pastor",
                                                         "bishop",
                                                         "cardinal",
                                                         "rabbi",
                                                         "imam",
                                                         "dean",
                                                         "professor",
                                                         "sir",
                                                         "lord",
                                                         "lady",
                                                         "dame",
                                                         "emir",
                                                         "sultan",
                                                         "marshal",
                                                         "admiral",
                                                         "captain",
                                                         "sergeant",
                                                         "lieutenant",
                                                         "major",
                                                         "commander",
                                                         "envoy",
                                                         "czar",
                                                         "host",
                                                         "anchor",
                                                         "correspondent",
                                                         "founder",
                                                         "ceo",
                                                         "executive",
                                                         "strategist",
                                                         "pollster",
                                                         "economist",
                                                         "analyst",
                                                         "editor",
                                                         "columnist",
                                                         "coach",
                                                         "gop",
                                                         "sens.",
                                                         "reps.",
                                                         "govs.",
                                                         "mssrs.",
                                                         "messrs."};
  return In(k, w);
}

// Party and movement words that precede names ("Republican Donald Trump").
bool IsPartyWord(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "republican",  "republicans",  "democratic", "democrat",    "democrats",   "gop",
      "independent", "conservative", "liberal",    "libertarian", "socialist",   "communist",
      "labour",      "tory",         "former",     "then-",       "presumptive", "presidential"};
  return In(k, w);
}

// Words that open a labelled line rather than a speaker's ("Update: …", "Photo: …").
bool IsLabelWord(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "update",     "updated",  "note",          "editor",     "editors",
      "photo",      "photos",   "source",        "sources",    "related",
      "read",       "watch",    "advertisement", "correction", "clarification",
      "disclosure", "breaking", "exclusive",     "live",       "video",
      "audio",      "full",     "more",          "see",        "also",
      "listen",     "image",    "images",        "credit",     "credits",
      "caption",    "warning",  "spoiler",       "via",        "tags",
      "filed",      "topics",   "subscribe",     "follow",     "sign",
      "share",      "comments", "transcript",    "q",          "a",
      "question",   "answer",   "subject",       "date",       "time",
      "location",   "where",    "when",          "top",        "stories",
      "story",      "headline", "headlines",     "summary",    "background",
      "context"};
  return In(k, w);
}

// Last words of organisation names ("Department for International Development").
bool IsOrganizationWord(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "development", "department",   "ministry",     "office",      "committee",
      "council",     "party",        "union",        "association", "bank",
      "fund",        "group",        "inc.",         "corp.",       "news",
      "times",       "post",         "network",      "agency",      "service",
      "services",    "commission",   "court",        "house",       "senate",
      "congress",    "university",   "institute",    "foundation",  "center",
      "centre",      "organization", "organisation", "campaign",    "administration",
      "government",  "board",        "league",       "club",        "company",
      "authority",   "force",        "forces",       "army",        "police",
      "parliament",  "assembly",     "journal",      "magazine",    "tribune",
      "herald",      "review",       "daily",        "press",       "reuters",
      "cnn",         "msnbc",        "bbc",          "fbi",         "cia",
      "gop",         "committee",    "caucus",       "coalition",   "alliance",
      "federation",  "council",      "trust",        "society",     "project",
      "program",     "programme",    "initiative",   "industries",  "holdings",
      "group",       "media",        "television",   "radio",       "street",
      "avenue",      "road",         "state",        "states",      "county",
      "city",        "republic",     "kingdom",      "nations"};
  return In(k, w);
}

// Lower-case particles inside names ("Charles de Gaulle", "Osama bin Laden").
bool IsNameParticle(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {"de",  "van", "der", "von", "bin", "al",
                                                         "la",  "le",  "da",  "di",  "du",  "del",
                                                         "ibn", "el",  "ben", "dos"};
  return In(k, w);
}

// ---------------------------------------------------------------------------------------
// Quotation marks and the spans they enclose.

// A stretch of text between quotation marks, possibly running over several paragraphs
// (an unclosed paragraph followed by one that opens with a quotation mark).
struct QuoteSpan {
  uint32_t open = 0;         // first token of the opening mark
  uint32_t inner_first = 0;  // first token inside
  uint32_t inner_end = 0;    // one past the last token inside
  uint32_t end = 0;          // one past the closing mark (== inner_end when unclosed)
  uint32_t words = 0;        // word tokens inside
  bool closed = false;
};

// One part of a found quote, before speakers are resolved to names.
struct Found {
  bool direct = false;
  uint32_t speaker_first = 0, speaker_end = 0;  // the speaker phrase as written
  uint32_t head_first = 0, head_end = 0;        // its head (without apposition)
  uint32_t cue_first = 0, cue_end = 0;
  uint32_t addr_first = 0, addr_end = 0;  // empty when none
  uint32_t content_first = 0, content_end = 0;
  int inherit = -1;  // index of the Found whose speaker this one repeats (participles)
};

// A noun phrase as token range [first, end) with its head part [head_first, head_end).
struct Phrase {
  uint32_t first = 0, end = 0;
  uint32_t head_first = 0, head_end = 0;
  bool empty() const { return end <= first; }
};

// The work of one Find call on one document: indexes, quotation spans, the quotes found so
// far and the tokens they claim (one token, one quote).
class Finder {
 public:
  explicit Finder(Document* doc) : doc_(*doc), tok_(doc->tokens) {}

  void Run();

 private:
  // Token access.
  const std::string& N(uint32_t t) const { return tok_[t].norm; }
  bool Is(uint32_t t, std::string_view w) const { return t < tok_.size() && tok_[t].norm == w; }
  bool Punct(uint32_t t) const { return tok_[t].is_punct; }
  bool Cap(uint32_t t) const { return tok_[t].capitalized; }
  bool Parsed() const { return parsed_; }
  uint32_t SentFirst(uint32_t t) const { return sent_first_[sent_of_[t]]; }
  uint32_t SentEnd(uint32_t t) const { return sent_end_[sent_of_[t]]; }
  uint32_t BlockFirst(uint32_t t) const { return block_first_[block_of_[t]]; }
  uint32_t BlockEnd(uint32_t t) const { return block_end_[block_of_[t]]; }

  void IndexTokens();
  void SplitLineParagraphs();
  void FindQuoteSpans();
  void MoveOpeningMarks();
  int MarkAt(uint32_t t, uint32_t* mark_end) const;  // width of a quotation mark at t
  int MarkDirection(uint32_t first, uint32_t end) const;
  int OpeningQuoteAt(uint32_t t) const;      // span index whose opening mark starts at t
  int ClosingQuoteBefore(uint32_t t) const;  // span whose closing mark ends right before t

  // Phrases.
  uint32_t NounPhraseLeft(uint32_t end, uint32_t lower) const;
  Phrase SubjectLeft(uint32_t end, uint32_t lower) const;
  Phrase NounPhraseRight(uint32_t first, uint32_t upper, bool apposition) const;
  bool PlausibleSpeaker(uint32_t first, uint32_t end) const;
  // Where a phrase that runs on after a name (a relative clause, a participle phrase, an
  // apposition) ends, scanning from k: at the sentence's final mark, or at a comma before a
  // cue clause or a participle ("…, she said", "…, adding"), or after `limit` tokens counted
  // from `from`. *blocked when a quotation, ';' or ':' stops it first (returned there).
  uint32_t RunOnEnd(uint32_t k, uint32_t upper, uint32_t from, uint32_t limit, bool* blocked) const;
  bool IsClauseStart(uint32_t t) const;
  bool HasFiniteVerb(uint32_t first, uint32_t upper) const;
  // Whether t opens a participle or adjective phrase modifying the noun before it ("a source
  // involved in …", "people familiar with …").
  bool ModifiesBefore(uint32_t t) const;
  Phrase MainSubject(uint32_t sentence_first, uint32_t before) const;
  bool ParseSubject(uint32_t verb, Phrase* out) const;

  // Cues.
  bool CueAt(uint32_t t, CueWord* cue, uint32_t* cue_end) const;
  bool CueClauseAt(uint32_t t, uint32_t upper) const;
  // Whether a cue clause after a comma later in t's sentence takes what comes before it ("…
  // attacking Bill Clinton, Carly Fiorina said."): a stance verb at t is part of its quote.
  bool ParentheticalCueAfter(uint32_t t) const;
  uint32_t SkipAdjuncts(uint32_t pos, uint32_t upper) const;
  uint32_t ChannelEnd(uint32_t cue_end, uint32_t limit) const;
  uint32_t ContentEnd(uint32_t first, uint32_t sentence_end) const;
  uint32_t TrimEnd(uint32_t first, uint32_t end) const;

  void TryTranscript(uint32_t block);
  bool TryEpigraph(uint32_t block_first, uint32_t block_end);
  void TryAccordingTo(uint32_t t);
  void TryVerb(uint32_t t);
  void TryParsedCue(uint32_t t);
  void TryIn(uint32_t t);
  void Subtree(uint32_t t, uint32_t* lo, uint32_t* hi) const;
  bool PostQuote(Found f, const CueWord& cue, const Phrase& subj, bool has_subject, int q);
  void AddContinuations();

  int Emit(Found f);
  void EmitQuote(const Found& base, int q);
  void Claim(uint32_t first, uint32_t end) {
    for (uint32_t k = first; k < end && k < claimed_.size(); ++k) claimed_[k] = true;
  }

  // Resolution to names and codes.
  void Resolve();
  int MentionIn(uint32_t first, uint32_t end) const;
  std::string NameOf(uint32_t first, uint32_t end, uint32_t* name_first, uint32_t* name_end) const;
  std::string Fullest(uint32_t name_first, uint32_t name_end, uint32_t before) const;
  int MentionCovering(uint32_t first, uint32_t end) const;
  bool IsAdjectiveMention(uint32_t t) const {
    for (const ActorMention& m : doc_.actors)
      if (m.first_token <= t && t < m.end_token) return m.kind == "adj" && m.end_token == t + 1;
    return false;
  }
  uint32_t ResolvePhrase(uint32_t first, uint32_t end, uint32_t head_first, uint32_t head_end,
                         uint32_t at, int* mention, std::string* name) const;
  bool AcceptableAntecedent(const ActorMention& pronoun, const ActorMention& ante) const;
  bool PronounFallback(uint32_t pronoun, int* mention, std::string* name, uint32_t* from) const;
  Span Chars(uint32_t first, uint32_t end) const {
    return {tok_[first].span.start, tok_[end - 1].span.end};
  }

  Document& doc_;
  const std::vector<Token>& tok_;
  bool parsed_ = false;
  uint32_t headline_end_ = 0;  // end of a title-case headline block at the start, else 0
  std::vector<uint32_t> sent_of_, block_of_, block_first_, block_end_;
  std::vector<uint32_t> sent_first_, sent_end_;  // sentences, opening marks moved forward
  std::vector<QuoteSpan> quotes_;
  std::vector<int> in_quote_;    // token -> quote span index, -1 outside
  std::vector<int> quote_used_;  // quote span -> Found index, -1 when not attributed
  std::vector<bool> claimed_;
  std::vector<Found> found_;
  std::vector<std::vector<uint32_t>> children_;  // dependents of each token (with a parse)
  // Proper-name runs [first, end) of the document, in text order.
  std::vector<std::pair<uint32_t, uint32_t>> names_;
};

// ---------------------------------------------------------------------------------------
// Indexing.

void Finder::IndexTokens() {
  const uint32_t n = static_cast<uint32_t>(tok_.size());
  sent_of_.assign(n, 0);
  sent_first_.clear();
  sent_end_.clear();
  for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
    sent_first_.push_back(doc_.sentences[s].first_token);
    sent_end_.push_back(doc_.sentences[s].end_token);
    for (uint32_t t = doc_.sentences[s].first_token; t < doc_.sentences[s].end_token && t < n; ++t)
      sent_of_[t] = s;
  }
  // Blocks as token ranges; a document without blocks is one block.
  block_of_.assign(n, 0);
  block_first_.clear();
  block_end_.clear();
  uint32_t t = 0;
  if (doc_.blocks.empty()) {
    block_first_.push_back(0);
    block_end_.push_back(n);
  } else {
    for (const Block& b : doc_.blocks) {
      const uint32_t first = t;
      while (t < n && tok_[t].span.start < b.span.end) {
        block_of_[t] = static_cast<uint32_t>(block_first_.size());
        ++t;
      }
      block_first_.push_back(first);
      block_end_.push_back(t);
    }
    for (; t < n; ++t) block_of_[t] = static_cast<uint32_t>(block_first_.size() - 1);
    if (!block_end_.empty()) block_end_.back() = n;
  }
  SplitLineParagraphs();
  // A title-case headline ("Clinton Says Russians Hacked DNC"): the first block, when nearly
  // all its words are capitalised. Its cue words are read although capitalised.
  if (!block_first_.empty()) {
    uint32_t words = 0, caps = 0;
    for (uint32_t k = block_first_[0]; k < block_end_[0]; ++k) {
      if (tok_[k].is_punct || N(k) == "'s") continue;
      ++words;
      if (tok_[k].capitalized || (N(k)[0] >= '0' && N(k)[0] <= '9')) ++caps;
    }
    if (words >= 4 && words <= 30 && caps * 10 >= words * 9) headline_end_ = block_end_[0];
  }
  for (const Token& k : tok_)
    if (!k.deprel.empty()) parsed_ = true;
  if (parsed_) {
    children_.assign(n, {});
    for (uint32_t k = 0; k < n; ++k)
      if (tok_[k].head >= 0 && static_cast<uint32_t>(tok_[k].head) < n)
        children_[tok_[k].head].push_back(k);
  }
  claimed_.assign(n, false);
  in_quote_.assign(n, -1);

  // Proper-name runs: capitalised words (with name particles inside), not sentence-initial
  // function words, months or days.
  for (uint32_t i = 0; i < n;) {
    auto is_name_word = [&](uint32_t k) {
      if (!tok_[k].capitalized || tok_[k].is_punct) return false;
      std::string w = tok_[k].norm;
      if (!w.empty() && w.back() == '.' && w.size() > 2 && !IsTitleWord(w)) w.pop_back();
      if (IsCapitalizedFunctionWord(w)) return false;
      // An all-capitals long word is usually a heading or an acronym, still a name.
      return true;
    };
    if (!is_name_word(i)) {
      ++i;
      continue;
    }
    uint32_t j = i + 1;
    while (j < n && sent_of_[j] == sent_of_[i]) {
      if (is_name_word(j)) {
        ++j;
      } else if (tok_[j].norm == "-" && j + 1 < n && tok_[j].span.start == tok_[j - 1].span.end &&
                 tok_[j + 1].span.start == tok_[j].span.end && !tok_[j + 1].is_punct) {
        j += 2;  // "Son-hui", "Lopez-Cantera" split at the hyphen
      } else if (j + 1 < n && IsNameParticle(tok_[j].norm) && is_name_word(j + 1)) {
        j += 2;
      } else {
        break;
      }
    }
    names_.emplace_back(i, j);
    i = j;
  }
}

// Some texts put one paragraph on each line with no blank line between them: a block whose
// lines run long is split at its line breaks, and so are the sentences that cross them.
void Finder::SplitLineParagraphs() {
  const std::string_view text = doc_.text;
  std::vector<uint32_t> first, end;
  for (size_t b = 0; b < block_first_.size(); ++b) {
    const uint32_t bf = block_first_[b], be = block_end_[b];
    if (be <= bf + 1) {
      first.push_back(bf);
      end.push_back(be);
      continue;
    }
    const std::string_view body =
        text.substr(tok_[bf].span.start, tok_[be - 1].span.end - tok_[bf].span.start);
    size_t longest = 0, at = 0;
    while (at < body.size()) {
      size_t nl = body.find('\n', at);
      if (nl == std::string_view::npos) nl = body.size();
      longest = std::max(longest, nl - at);
      at = nl + 1;
    }
    if (longest <= 100 || body.find('\n') == std::string_view::npos) {
      first.push_back(bf);
      end.push_back(be);
      continue;
    }
    uint32_t start = bf;
    for (uint32_t t = bf + 1; t < be; ++t) {
      const std::string_view gap =
          text.substr(tok_[t - 1].span.end, tok_[t].span.start - tok_[t - 1].span.end);
      if (gap.find('\n') == std::string_view::npos) continue;
      first.push_back(start);
      end.push_back(t);
      start = t;
    }
    first.push_back(start);
    end.push_back(be);
  }
  if (first.size() == block_first_.size()) return;
  block_first_ = std::move(first);
  block_end_ = std::move(end);
  for (uint32_t b = 0; b < block_first_.size(); ++b)
    for (uint32_t t = block_first_[b]; t < block_end_[b]; ++t) block_of_[t] = b;
  // Sentences end at block boundaries.
  std::vector<uint32_t> sf, se;
  for (size_t i = 0; i < sent_first_.size(); ++i) {
    uint32_t a = sent_first_[i];
    for (uint32_t t = a + 1; t < sent_end_[i]; ++t)
      if (block_of_[t] != block_of_[t - 1]) {
        sf.push_back(a);
        se.push_back(t);
        a = t;
      }
    sf.push_back(a);
    se.push_back(sent_end_[i]);
  }
  sent_first_ = std::move(sf);
  sent_end_ = std::move(se);
  for (uint32_t i = 0; i < sent_first_.size(); ++i)
    for (uint32_t t = sent_first_[i]; t < sent_end_[i]; ++t) sent_of_[t] = i;
}

// Width in tokens of a quotation mark starting at t ('' counts as one mark), 0 when none.
int Finder::MarkAt(uint32_t t, uint32_t* mark_end) const {
  if (t >= tok_.size()) return 0;
  const std::string& n = tok_[t].norm;
  if (n == "\"" || n == "``") {
    *mark_end = t + 1;
    return 1;
  }
  if (n == "'" && t + 1 < tok_.size() && tok_[t + 1].norm == "'" &&
      tok_[t + 1].span.start == tok_[t].span.end) {
    *mark_end = t + 2;
    return 2;
  }
  return 0;
}

// +1 opening, -1 closing, 0 when only the pairing can tell.
int Finder::MarkDirection(uint32_t first, uint32_t end) const {
  const std::string_view text = doc_.text;
  const std::string_view mark =
      text.substr(tok_[first].span.start, tok_[end - 1].span.end - tok_[first].span.start);
  if (mark.substr(0, 3) == "\xE2\x80\x9C" || mark.substr(0, 3) == "\xE2\x80\x9E" ||
      mark.substr(0, 3) == "\xE2\x80\x98" || mark == "``")
    return 1;
  if (mark.substr(0, 3) == "\xE2\x80\x9D" || mark.substr(0, 3) == "\xE2\x80\x99") return -1;
  const uint32_t b = tok_[first].span.start, e = tok_[end - 1].span.end;
  auto space_or_open = [](unsigned char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '(' || c == '[' || c == '{' ||
           c == '/' || c == '-';
  };
  auto space_or_close = [](unsigned char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == ',' || c == '.' || c == ';' ||
           c == ':' || c == '!' || c == '?' || c == ')' || c == ']';
  };
  const bool before_open = b == 0 || space_or_open(static_cast<unsigned char>(text[b - 1])) ||
                           (b >= 3 && text.substr(b - 3, 3) == "\xE2\x80\x94");
  const bool after_close = e >= text.size() ||
                           space_or_close(static_cast<unsigned char>(text[e])) ||
                           text.substr(e, 3) == "\xE2\x80\x94";
  if (before_open && !after_close) return 1;
  if (after_close && !before_open) return -1;
  return 0;
}

void Finder::FindQuoteSpans() {
  const uint32_t n = static_cast<uint32_t>(tok_.size());
  bool open = false;
  int open_kind = 0;
  QuoteSpan cur;
  auto finish = [&](uint32_t inner_end, uint32_t end, bool closed) {
    cur.inner_end = inner_end;
    cur.end = end;
    cur.closed = closed;
    cur.words = 0;
    for (uint32_t k = cur.inner_first; k < cur.inner_end; ++k)
      if (!tok_[k].is_punct) ++cur.words;
    if (cur.inner_end > cur.inner_first) quotes_.push_back(cur);
    open = false;
  };
  for (size_t b = 0; b < block_first_.size(); ++b) {
    const uint32_t bf = block_first_[b], be = block_end_[b];
    for (uint32_t t = bf; t < be;) {
      uint32_t mend = t;
      if (!MarkAt(t, &mend)) {
        ++t;
        continue;
      }
      // Marks of the other style inside an open quote ("" inside '' or the reverse) are a
      // quotation within the quotation.
      const int kind = (mend - t == 2 || N(t) == "``") ? 2 : 1;
      if (open && kind != open_kind) {
        t = mend;
        continue;
      }
      int dir = MarkDirection(t, mend);
      if (dir == 0) dir = open ? -1 : 1;
      if (dir > 0) {
        open_kind = kind;
        if (open) {
          if (t == bf) {  // the quote goes on in a new paragraph
            t = mend;
            continue;
          }
          finish(t, t, false);  // an opening mark inside an open quote: the last never closed
        }
        open = true;
        cur = QuoteSpan();
        cur.open = t;
        cur.inner_first = mend;
      } else if (open) {
        finish(t, mend, true);
      }
      t = mend;
    }
    if (open) {
      // Runs on when the next paragraph opens with a quotation mark.
      uint32_t mend = 0;
      const bool next_opens =
          b + 1 < block_first_.size() && block_first_[b + 1] < block_end_[b + 1] &&
          MarkAt(block_first_[b + 1], &mend) && MarkDirection(block_first_[b + 1], mend) >= 0;
      if (!next_opens) finish(be, be, false);
    }
  }
  if (open) finish(n, n, false);
  for (size_t q = 0; q < quotes_.size(); ++q)
    for (uint32_t k = quotes_[q].open; k < quotes_[q].end; ++k) in_quote_[k] = static_cast<int>(q);
  quote_used_.assign(quotes_.size(), -1);
}

// The tokenizer keeps quotation marks after a full stop with the sentence before
// ("… Mexicans. ''But …"): an opening mark goes to the sentence it opens.
void Finder::MoveOpeningMarks() {
  for (size_t s = 0; s + 1 < sent_end_.size(); ++s) {
    uint32_t e = sent_end_[s];
    while (e > sent_first_[s] + 1 && e == sent_first_[s + 1] && block_of_[e - 1] == block_of_[e]) {
      const uint32_t k = e - 1;
      const uint32_t k2 = (k > 0 && N(k) == "'" && N(k - 1) == "'") ? k - 1 : k;
      if (in_quote_[k2] < 0 || quotes_[in_quote_[k2]].open != k2) break;
      e = k2;
    }
    if (e == sent_end_[s]) continue;
    for (uint32_t k = e; k < sent_end_[s]; ++k) sent_of_[k] = static_cast<uint32_t>(s + 1);
    sent_end_[s] = e;
    sent_first_[s + 1] = e;
  }
}

int Finder::OpeningQuoteAt(uint32_t t) const {
  if (t >= tok_.size() || in_quote_[t] < 0) return -1;
  const int q = in_quote_[t];
  return quotes_[q].open == t ? q : -1;
}

int Finder::ClosingQuoteBefore(uint32_t t) const {
  if (t == 0) return -1;
  uint32_t k = t - 1;
  // “…,” she said / “…” , she said
  if (tok_[k].norm == "," && k > 0) --k;
  const int q = in_quote_[k];
  if (q < 0 || block_of_[k] != block_of_[t]) return -1;
  const QuoteSpan& s = quotes_[q];
  return s.closed && s.end == k + 1 ? q : -1;
}

// ---------------------------------------------------------------------------------------
// Phrases.

// Start of the noun phrase that ends at `end` (exclusive), reading leftwards, not before
// `lower`; == end when there is none.
uint32_t Finder::NounPhraseLeft(uint32_t end, uint32_t lower) const {
  uint32_t t = end;
  int n = 0;
  while (t > lower && n < 12) {
    const uint32_t k = t - 1;
    const std::string& w = tok_[k].norm;
    if (in_quote_[k] >= 0 && quotes_[in_quote_[k]].words > 0) break;
    if (w == ")" && t == end && k > lower + 1) {
      // "Rep. Steve Israel (D-N.Y.) said": a short parenthesised tag after the name.
      uint32_t o = k;
      while (o > lower && k - o < 6 && N(o) != "(") --o;
      if (N(o) == "(" && o > lower && tok_[o - 1].capitalized) {
        n += static_cast<int>(t - o);
        t = o;
        continue;
      }
      break;
    }
    if (tok_[k].is_punct) {
      // Possessive apostrophe ("the countries' armies"), hyphens and ampersands stay inside.
      if ((w == "'" || w == "-" || w == "&") && k > lower && !tok_[k - 1].is_punct) {
        --t;
        ++n;
        continue;
      }
      break;
    }
    if (w == "'s") {
      --t;
      ++n;
      continue;
    }
    if (t == end && IsSubjectPronoun(w)) return k;
    if (IsSubjectPronoun(w) || IsObjectPronoun(w)) break;
    if (w == "in" && t < end && k > lower && IsNumberWord(N(t)) && IsNumberWord(N(k - 1))) {
      --t;  // "Six in 10 say"
      ++n;
      continue;
    }
    if ((w == "of" || w == "for" || w == "at") && t < end && k > lower && !tok_[k - 1].is_punct &&
        !IsNounPhraseStop(tok_[k - 1].norm)) {
      --t;
      ++n;
      continue;
    }
    if (w == "and" && t < end && k > lower && tok_[k - 1].capitalized && tok_[t].capitalized) {
      --t;
      ++n;
      continue;
    }
    if (!tok_[k].capitalized && IsNounPhraseStop(w)) break;
    if (tok_[k].capitalized && IsCapitalizedFunctionWord(w) && !IsDeterminer(w)) break;
    if (Parsed() && (tok_[k].upos == "VERB" || tok_[k].upos == "AUX" || tok_[k].upos == "ADP" ||
                     tok_[k].upos == "SCONJ" || tok_[k].upos == "CCONJ"))
      break;
    --t;
    ++n;
    if (IsDeterminer(w)) {
      // "all the", "both the"; otherwise a determiner is the left edge.
      if (t > lower && (tok_[t - 1].norm == "all" || tok_[t - 1].norm == "both")) --t;
      break;
    }
  }
  return t;
}

// Whether tokens [first, end) can name someone who speaks.
bool Finder::PlausibleSpeaker(uint32_t first, uint32_t end) const {
  if (end <= first) return false;
  if (end - first == 1 && IsSubjectPronoun(N(first))) return true;
  bool lexical = false;
  for (uint32_t k = first; k < end; ++k) {
    if (tok_[k].is_punct || IsDeterminer(N(k)) || N(k) == "'s") continue;
    lexical = true;
    if (tok_[k].capitalized || IsSpeakerNoun(N(k))) return true;
    // Poll figures: "4 in 10", "55 percent of voters".
    if (IsNumberWord(N(k)) && k + 1 < end && (N(k + 1) == "in" || N(k + 1) == "percent"))
      return true;
  }
  // A lower-case phrase after a determiner ("the panel") can speak too.
  return lexical && IsDeterminer(N(first)) && end - first <= 5;
}

// The subject phrase ending at `end`, with an apposition between commas
// ("Corey Lewandowski, Trump's campaign manager, said").
Phrase Finder::SubjectLeft(uint32_t end, uint32_t lower) const {
  Phrase p;
  p.first = p.end = p.head_first = p.head_end = end;
  if (end <= lower) return p;
  if (tok_[end - 1].norm == "," && end - 1 > lower) {
    // Find the comma that opens the apposition.
    uint32_t c = end - 1;
    uint32_t k = c;
    while (k > lower && c - k < 20) {
      --k;
      if (tok_[k].norm == "," || tok_[k].norm == "\xE2\x80\x94") break;
      if (MarkAt(k, &c) || tok_[k].norm == ":" || tok_[k].norm == ";" || tok_[k].norm == ".") {
        k = lower;
        break;
      }
      c = end - 1;
    }
    c = end - 1;
    if (k > lower && (tok_[k].norm == "," || tok_[k].norm == "\xE2\x80\x94") && k + 1 < c) {
      uint32_t head_first = NounPhraseLeft(k, lower);
      bool named_apposition = true;  // ", Carly Fiorina," names the phrase before it
      for (uint32_t j = k + 1; j < c && named_apposition; ++j)
        named_apposition = tok_[j].capitalized || tok_[j].norm == "-";
      if (head_first < k && PlausibleSpeaker(head_first, k) &&
          (tok_[k - 1].capitalized || IsSpeakerNoun(tok_[k - 1].norm) ||
           IsSubjectPronoun(tok_[k - 1].norm) || named_apposition)) {
        uint32_t head_end = k;
        // "Hogan Gidley, a former director of the party, whose roots are …, said": the phrase
        // before one comma is itself an apposition of a name before another.
        for (int hops = 0; hops < 2; ++hops) {
          if (head_first < lower + 2 || N(head_first - 1) != "," ||
              !(IsDeterminer(N(head_first)) || N(head_first) == "who" ||
                !tok_[head_first].capitalized))
            break;
          const uint32_t c2 = head_first - 1;
          const uint32_t h2 = NounPhraseLeft(c2, lower);
          if (h2 >= c2 || !tok_[c2 - 1].capitalized || !PlausibleSpeaker(h2, c2)) break;
          head_first = h2;
          head_end = c2;
        }
        p.first = head_first;
        p.end = end;
        p.head_first = head_first;
        p.head_end = head_end;
        if (named_apposition && !tok_[k - 1].capitalized) {
          p.head_first = k + 1;  // the name, not "One Republican presidential hopeful"
          p.head_end = c;
        }
        return p;
      }
    }
    return p;
  }
  const uint32_t first = NounPhraseLeft(end, lower);
  if (first < end && PlausibleSpeaker(first, end)) {
    p.first = p.head_first = first;
    p.end = p.head_end = end;
  }
  return p;
}

// The noun phrase starting at `first` (speaker after an inverted cue, addressee, the source of
// "according to"), optionally followed by an apposition up to the end of the sentence.
Phrase Finder::NounPhraseRight(uint32_t first, uint32_t upper, bool apposition) const {
  Phrase p;
  p.first = p.end = p.head_first = p.head_end = first;
  if (first >= upper) return p;
  if (IsSubjectPronoun(N(first)) || IsObjectPronoun(N(first))) {
    p.end = p.head_end = first + 1;
    return p;
  }
  uint32_t t = first;
  bool noun_seen = false;
  uint32_t last_noun = first;  // one past the last word that can end the phrase
  while (t < upper && t - first < 14) {
    const std::string& w = tok_[t].norm;
    if (in_quote_[t] >= 0) break;
    if (tok_[t].is_punct) {
      if ((w == "-" || w == "&" || w == "'") && t > first && t + 1 < upper &&
          !tok_[t + 1].is_punct) {
        ++t;
        continue;
      }
      break;
    }
    if (w == "'s" && t > first) {
      ++t;
      continue;
    }
    if (t > first && (IsSubjectPronoun(w) || IsObjectPronoun(w))) break;
    if (IsDeterminer(w) && !tok_[t].capitalized) {
      if (noun_seen) break;
      ++t;
      continue;
    }
    if ((w == "of" || w == "for" || w == "at" || w == "from") && noun_seen && t + 1 < upper &&
        (tok_[t + 1].capitalized || IsDeterminer(tok_[t + 1].norm))) {
      noun_seen = false;  // a new phrase begins: "excerpts of his speech"
      ++t;
      continue;
    }
    if ((w == "and" || w == "nor") && noun_seen && t + 1 < upper && tok_[t + 1].capitalized &&
        tok_[t - 1].capitalized) {
      ++t;
      continue;
    }
    if (!tok_[t].capitalized && (IsNounPhraseStop(w) || IsTimeWord(w) || IsWhWord(w))) break;
    if (tok_[t].capitalized && noun_seen && IsTimeWord(w)) break;  // "said Trump Thursday"
    if (tok_[t].capitalized && IsCapitalizedFunctionWord(w) && !IsDeterminer(w)) break;
    // A participle modifying a noun is part of the phrase ("ranking Democrat", "leading
    // advocate").
    if (Parsed() && (tok_[t].upos == "VERB" || tok_[t].upos == "AUX" || tok_[t].upos == "ADP") &&
        !(tok_[t].upos == "VERB" && tok_[t].deprel == "amod" &&
          tok_[t].head > static_cast<int32_t>(t)))
      break;
    // A lower-case word after a name is a verb or a new phrase ("told Lavrov during").
    if (noun_seen && !tok_[t].capitalized && t > first && tok_[t - 1].capitalized &&
        !IsSpeakerNoun(w) && !w.empty() && w.back() == 's')
      break;
    if (noun_seen && !tok_[t].capitalized &&
        (IsCommonVerb(w) || (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0)))
      break;
    noun_seen = true;
    ++t;
    last_noun = t;
  }
  if (last_noun == first) return p;
  t = last_noun;
  p.end = p.head_end = t;
  // "said Rep. Bobby Scott (D-Va.)": a short parenthesised tag after the name is part of it.
  if (apposition && t + 2 < upper && N(t) == "(") {
    uint32_t k = t + 1;
    while (k < upper && k - t < 8 && N(k) != ")" && in_quote_[k] < 0) ++k;
    if (k < upper && N(k) == ")") p.end = p.head_end = t = k + 1;
  }
  if (apposition && t < upper && (N(t) == "who" || (N(t) == "," && Is(t + 1, "who")))) {
    // "said a committee member who supports Trump, asking …": the relative clause too.
    uint32_t e = t + 1;
    while (e < upper && e - t < 60 && !tok_[e].is_punct && in_quote_[e] < 0) ++e;
    if (e < upper && N(e) == "," && N(t) == ",") {
      // ", who took aim at Rubio," — up to the closing comma, or on to the end of the
      // sentence when no cue clause or participle follows (", who, like all respondents,
      // responded anonymously.", ", who is coming from Grand Rapids, Mich., to organize …").
      bool blocked = false;
      const uint32_t k = RunOnEnd(e, upper, t, 60, &blocked);
      if (!blocked && k < upper && IsSentenceEnd(N(k))) {
        p.end = k;
        return p;
      }
      p.end = e + 1;
      return p;
    }
    p.end = e;
    return p;
  }
  // "says a source involved in the super-PAC's creation", "said a person familiar with the
  // talks": a participle or adjective phrase that modifies the speaker runs, as an apposition
  // does, to the end of the sentence (PolNeAR keeps it in the source).
  if (apposition && t < upper && !tok_[t].capitalized && in_quote_[t] < 0 &&
      (ModifiesBefore(t) || (t > first + 1 && IsPreposition(N(t)) && ModifiesBefore(t - 1)))) {
    bool blocked = false;
    const uint32_t e = RunOnEnd(t + 1, upper, t, 40, &blocked);
    if (!blocked && (e == upper || (e < upper && tok_[e].is_punct))) p.end = e;
    return p;
  }
  if (apposition && t + 1 < upper && tok_[t].norm == ",") {
    // ", a spokesman for the campaign." up to the end of the sentence.
    uint32_t k = t + 1;
    // An age too (", 20, of Jacksonville, Fla.").
    bool ok = IsDeterminer(N(k)) || N(k) == "who" || tok_[k].capitalized || IsSpeakerNoun(N(k)) ||
              (!N(k).empty() && N(k)[0] >= '1' && N(k)[0] <= '9' && Is(k + 1, ","));
    // With a parse, any apposition of the name (", senior counsel in the Brennan Center's
    // Democracy Program", ", his chief of staff", ", then ambassador to Israel").
    for (uint32_t m = k; Parsed() && !ok && m < upper && m - k < 6 && !tok_[m].is_punct; ++m)
      ok = tok_[m].deprel == "appos" && tok_[m].head >= static_cast<int32_t>(first) &&
           tok_[m].head < static_cast<int32_t>(t);
    // Up to the end of the sentence however long (PolNeAR keeps the whole apposition: ", a
    // former commissioner … who is now a program officer … at the Hewlett Foundation.").
    if (ok) {
      bool blocked = false;
      const uint32_t e = RunOnEnd(k, upper, k, 60, &blocked);
      if (!blocked && e > k) p.end = e;
    }
  }
  return p;
}

uint32_t Finder::RunOnEnd(uint32_t k, uint32_t upper, uint32_t from, uint32_t limit,
                          bool* blocked) const {
  *blocked = false;
  for (; k < upper && k - from < limit; ++k) {
    if (in_quote_[k] >= 0 || N(k) == ";" || N(k) == ":") {
      *blocked = true;
      return k;
    }
    if (IsSentenceEnd(N(k))) return k;
    uint32_t ce = 0;
    CueWord cw;
    if (N(k) == "," && k + 1 < upper &&
        (CueAt(k + 1, &cw, &ce) || EndsWithIng(N(k + 1)) || Is(k + 1, "according")))
      return k;
  }
  return k;
}

bool Finder::ModifiesBefore(uint32_t t) const {
  const std::string& w = N(t);
  if (Parsed()) {
    const std::string& u = tok_[t].upos;
    const std::string& d = tok_[t].deprel;
    // Also when the parser made the noun its subject, a small clause ("says a source |
    // involved in …" read as "says [that] a source [is] involved in …").
    const bool small_clause = (u == "VERB" || u == "ADJ") && t > 0 &&
                              tok_[t - 1].head == static_cast<int32_t>(t) &&
                              tok_[t - 1].deprel == "nsubj";
    return tok_[t].head >= 0 && static_cast<uint32_t>(tok_[t].head) < t &&
           ((u == "VERB" && d == "acl") || (u == "ADJ" && (d == "amod" || d == "acl")) ||
            small_clause);
  }
  return EndsWithIng(w) || w == "familiar" || w == "close" ||
         (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0);
}

// Whether the words from `first` read as a clause, not a noun phrase: a finite verb (an
// auxiliary, a modal, a common past form or an -ed word not after a determiner) comes before
// the next punctuation ("Trump hadn't meant …" vs. "Western reports about …").
bool Finder::HasFiniteVerb(uint32_t first, uint32_t upper) const {
  for (uint32_t k = first; k < upper && k - first < 14; ++k) {
    const std::string& w = N(k);
    if (tok_[k].is_punct && MarkAt(k, &k) == 0 && w != "-" && w != "'") return false;
    if (k == first) continue;
    if (IsBeForm(w) || IsVerbGroupWord(w) || IsCommonVerb(w) || w == "n't") {
      if (w == "also" || w == "first" || w == "even" || w == "long" || w == "too") continue;
      return true;
    }
    if (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0 && !IsDeterminer(N(k - 1)))
      return true;
  }
  return false;
}

bool Finder::IsClauseStart(uint32_t t) const {
  if (t >= tok_.size()) return false;
  const std::string& w = N(t);
  if (tok_[t].is_punct) return MarkAt(t, &t) > 0;
  if (IsSubjectPronoun(w) || w == "there" || w == "this" || w == "these" || w == "those")
    return true;
  if (IsDeterminer(w) || tok_[t].capitalized) return true;
  if (!w.empty() && w[0] >= '0' && w[0] <= '9') return true;
  return false;
}

// The subject of the main clause of a sentence, for cues that have none of their own
// ("Trump criticised the plan, saying …"): the first phrase after an introductory
// adverbial ("On Friday,", "But").
Phrase Finder::MainSubject(uint32_t first, uint32_t before) const {
  uint32_t t = first;
  while (t < before && (N(t) == "but" || N(t) == "and" || N(t) == "however" || N(t) == "yet" ||
                        N(t) == "still" || N(t) == "meanwhile" || N(t) == "so" || N(t) == "," ||
                        N(t) == "now" || N(t) == "later" || N(t) == "earlier")) {
    ++t;
  }
  if (t < before && IsPreposition(N(t))) {
    uint32_t k = t;
    while (k < before && k - t < 12 && N(k) != ",") ++k;
    if (k < before && N(k) == ",") t = k + 1;
  }
  Phrase p = NounPhraseRight(t, before, false);
  if (!p.empty() && PlausibleSpeaker(p.first, p.end)) return p;
  p.first = p.end = p.head_first = p.head_end = before;
  return p;
}

// The subject of `verb` from the dependency parse (nsubj subtree), when it is contiguous.
bool Finder::ParseSubject(uint32_t verb, Phrase* out) const {
  const uint32_t sf = SentFirst(verb), se = SentEnd(verb);
  // A verb has one subject; when a greedy parse gives it several before the verb ("North
  // Korean | Foreign Minister Choe Son-hui told"), they are pieces of one phrase: take them all.
  std::vector<int> subjects;
  for (uint32_t k = sf; k < verb && k < se; ++k)
    if (tok_[k].head == static_cast<int32_t>(verb) &&
        (tok_[k].deprel == "nsubj" || tok_[k].deprel == "nsubj:pass"))
      subjects.push_back(static_cast<int>(k));
  // Auxiliaries are a closed class: a capitalised word the tagger read as one ("DeSantis |
  // said …", an unknown name at the start of a sentence) is the subject.
  if (subjects.empty()) {
    static const std::unordered_set<std::string_view> kAux = {
        "be",     "am",  "is",     "are", "was",   "were", "been",  "being", "have",
        "has",    "had", "having", "do",  "does",  "did",  "will",  "would", "shall",
        "should", "can", "could",  "may", "might", "must", "ought", "'s",    "'re",
        "'m",     "'ve", "'d",     "'ll", "wo",    "ca",   "sha",   "get",   "got"};
    for (uint32_t k = sf; k < verb; ++k)
      if (tok_[k].head == static_cast<int32_t>(verb) && tok_[k].upos == "AUX" &&
          tok_[k].capitalized && !In(kAux, N(k)) &&
          (k + 1 == verb || IsVerbGroupWord(N(k + 1)) || IsBeForm(N(k + 1))))
        subjects.push_back(static_cast<int>(k));
  }
  // A parser that reads a quantity subject as a bare noun modifier ("42% | say …", "Thirty-one
  // percent of those surveyed | say …" as obl:unmarked) leaves the verb without nsubj: the
  // nominal that ends right before the verb is its subject.
  if (subjects.empty()) {
    for (uint32_t k = sf; k < verb; ++k) {
      if (tok_[k].head != static_cast<int32_t>(verb) || tok_[k].deprel != "obl:unmarked" ||
          !(tok_[k].upos == "SYM" || tok_[k].upos == "NOUN" || tok_[k].upos == "NUM" ||
            tok_[k].upos == "PRON"))
        continue;
      uint32_t a = 0, b = 0;
      Subtree(k, &a, &b);
      if (b == verb && !IsTimeWord(N(k)) && !IsMonth(N(k))) subjects.push_back(static_cast<int>(k));
    }
  }
  // A parser that hangs the speaker of a cue at the end of a sentence on the clause before
  // it, as an apposition ("Trump is on solid ground, Carly | Fiorina said Monday"), leaves
  // the verb without nsubj: the nominal after the comma that ends right before it is its
  // subject.
  if (subjects.empty()) {
    for (uint32_t k = sf + 1; k < verb; ++k) {
      if (tok_[k].deprel != "appos" || tok_[k].head == static_cast<int32_t>(verb) ||
          !(tok_[k].upos == "PROPN" || tok_[k].upos == "NOUN" || tok_[k].upos == "PRON"))
        continue;
      uint32_t a = 0, b = 0;
      Subtree(k, &a, &b);
      while (a < k && tok_[a].is_punct) ++a;  // the comma may hang on it
      if (b == verb && a > sf && N(a - 1) == ",") {
        subjects.push_back(static_cast<int>(k));
        break;
      }
    }
  }
  // A subject inside a quotation that closes before the verb is a misparse ("“… on Secretary
  // Clinton,” said Elijah Cummings"): the verb's subject is elsewhere.
  subjects.erase(std::remove_if(subjects.begin(), subjects.end(),
                                [&](int k) {
                                  const int q = in_quote_[k];
                                  return q >= 0 && quotes_[q].end <= verb;
                                }),
                 subjects.end());
  if (subjects.empty()) {
    // A parser that makes a long subject the root ("Marley Anderson, 21, a junior from Las
    // Vegas, said …") hangs the verb on it as parataxis: the nominal root is the subject.
    int32_t h = tok_[verb].head;
    std::string d = tok_[verb].deprel;
    // The verb is a root of its own after a split sentence: the root before it is the head.
    if (h < 0 && verb > sf) {
      int32_t k = static_cast<int32_t>(verb) - 1;
      while (k > static_cast<int32_t>(sf) && tok_[k].is_punct) --k;
      for (int guard = 0; k >= 0 && tok_[k].head >= 0 && guard < 64; ++guard) k = tok_[k].head;
      if (k >= static_cast<int32_t>(sf) && k < static_cast<int32_t>(verb)) {
        h = k;
        d = "parataxis";
      }
    }
    if (h < static_cast<int32_t>(sf) || h >= static_cast<int32_t>(verb) || in_quote_[h] >= 0 ||
        tok_[h].deprel != "root" || !(d == "parataxis" || d == "dep" || d == "appos") ||
        !(tok_[h].upos == "PROPN" || tok_[h].upos == "NOUN" || tok_[h].upos == "PRON"))
      return false;
    uint32_t lo = static_cast<uint32_t>(h), hi = verb;
    for (uint32_t k = sf; k < static_cast<uint32_t>(h); ++k) {
      int32_t a = static_cast<int32_t>(k);
      for (int guard = 0; a >= 0 && a != h && guard < 64; ++guard) a = tok_[a].head;
      if (a == h) {
        lo = k;
        break;
      }
    }
    while (hi > lo && tok_[hi - 1].is_punct) --hi;
    if (hi <= lo) return false;
    for (uint32_t k = lo; k < hi; ++k) {
      uint32_t mark_end = k;
      if (!MarkAt(k, &mark_end)) continue;
      if (mark_end > static_cast<uint32_t>(h)) return false;
      lo = mark_end;  // a quotation hung on the root before it
      k = mark_end - 1;
    }
    if (lo == sf) lo = DatelineEnd(doc_, lo, hi);
    while (lo < hi && tok_[lo].is_punct) ++lo;
    if (lo >= hi) return false;
    out->first = out->head_first = lo;
    out->end = out->head_end = hi;
    for (uint32_t k = std::max(lo, static_cast<uint32_t>(h)) + 1; k < hi; ++k)
      if (N(k) == ",") {
        out->head_end = k;
        break;
      }
    return true;
  }
  // A time the parser read as a subject before the real one ("Last May | , a federal judge
  // | said") is not part of it; nor is the subject of the clause a parenthetical cue
  // interrupts ("The talks | , Lavrov said, | were productive": two subjects of "said").
  const bool parenthetical = verb + 1 < se && N(verb + 1) == ",";
  while (subjects.size() > 1) {
    const uint32_t s0 = static_cast<uint32_t>(subjects[0]);
    uint32_t a = 0, b = 0;
    Subtree(s0, &a, &b);
    bool comma = false;
    for (uint32_t k = s0 + 1; k < static_cast<uint32_t>(subjects[1]); ++k)
      comma = comma || N(k) == ",";
    if (!comma || !(parenthetical || IsTimeWord(N(a)) || IsMonth(N(a)) || IsTimeWord(N(s0)) ||
                    IsMonth(N(s0))))
      break;
    subjects.erase(subjects.begin());
  }
  // The same time read as the subject with the real one as its apposition ("Last May | , a
  // federal judge said"): the apposition is the subject.
  const auto time_head = [&](uint32_t k) {
    return IsTimeWord(N(k)) || IsMonth(N(k)) || (N(k) == "may" && tok_[k].upos == "PROPN") ||
           (k > sf && IsTimeWord(N(k - 1)) && tok_[k - 1].head == static_cast<int32_t>(k));
  };
  if (subjects.size() == 1 && time_head(static_cast<uint32_t>(subjects[0]))) {
    for (uint32_t k = static_cast<uint32_t>(subjects[0]) + 1; k < verb; ++k)
      if (tok_[k].head == subjects[0] && tok_[k].deprel == "appos" && N(k - 1) != "of") {
        bool comma = false;
        for (uint32_t m = static_cast<uint32_t>(subjects[0]) + 1; m < k; ++m)
          comma = comma || N(m) == ",";
        if (comma) subjects[0] = static_cast<int>(k);
        break;
      }
  }
  const int subj = subjects.back();
  // Subtree extent of the subjects.
  uint32_t lo = static_cast<uint32_t>(subjects.front()), hi = static_cast<uint32_t>(subj) + 1;
  for (uint32_t k = sf; k < se; ++k) {
    int32_t h = static_cast<int32_t>(k);
    int guard = 0;
    while (h >= 0 && guard++ < 64 &&
           std::find(subjects.begin(), subjects.end(), h) == subjects.end())
      h = tok_[h].head;
    if (h >= 0 && guard <= 64 && std::find(subjects.begin(), subjects.end(), h) != subjects.end()) {
      lo = std::min(lo, k);
      hi = std::max(hi, k + 1);
    }
  }
  // An adverbial clause or conjunction the parser hung on the subject ("After winning in
  // Iowa, Clinton …", "while many lawyers …") is not part of it: the subject starts after
  // its comma, or after a leading subordinator.
  const uint32_t first_subj = static_cast<uint32_t>(subjects.front());
  for (uint32_t k = first_subj; k-- > lo;) {
    if (N(k) != ",") continue;
    bool clause =
        IsSubordinator(N(lo)) || IsPreposition(N(lo)) || IsTimeWord(N(lo)) || IsMonth(N(lo));
    for (uint32_t m = lo; m < k && !clause; ++m) clause = tok_[m].upos == "VERB";
    // Nor is a time ("Last May, a federal judge …") or a phrase that is no apposition or
    // title of it ("These and other sources of authority, the lawyers").
    for (uint32_t m = lo; m < k && !clause; ++m) {
      const int32_t h = tok_[m].head;
      if (h >= static_cast<int32_t>(lo) && h < static_cast<int32_t>(k)) continue;
      const std::string& d = tok_[m].deprel;
      clause = !(tok_[m].is_punct || d == "appos" || d == "compound" || d == "flat" ||
                 d == "amod" || d == "det" || d == "nmod:poss" || d == "nmod:desc");
    }
    if (clause) lo = k + 1;
    break;
  }
  // A subject right after a preposition is the object of a phrase the parser cut in two
  // ("Brian Fallon, a spokesman for | Mrs. Clinton | said"): a nominal phrase without a verb
  // from the sentence start is the subject.
  if (lo > sf + 1 && tok_[lo - 1].upos == "ADP" && IsPreposition(N(lo - 1)) &&
      (tok_[sf].upos == "PROPN" || tok_[sf].upos == "NOUN" || tok_[sf].upos == "DET")) {
    bool nominal = true;
    for (uint32_t k = sf; k + 1 < lo && nominal; ++k)
      nominal = tok_[k].upos != "VERB" && tok_[k].upos != "AUX" && in_quote_[k] < 0 &&
                tok_[k].upos != "PRON" && N(k) != ";" && N(k) != ":";
    if (nominal) lo = sf;
  }
  uint32_t sf_skip = 0;  // conjunctions and adverbs dropped at the sentence start
  // Capitalised too where the word opens the sentence ("Even Rendell, a stalwart Clinton
  // supporter,", "Yet many officials"): there it is no name.
  while (lo < first_subj && (!tok_[lo].capitalized || lo == sf) &&
         (N(lo) == "after" || N(lo) == "while" || N(lo) == "before" || N(lo) == "when" ||
          N(lo) == "as" || N(lo) == "because" || N(lo) == "since" || N(lo) == "if" ||
          N(lo) == "although" || N(lo) == "though" || N(lo) == "even" || N(lo) == "and" ||
          N(lo) == "but" || N(lo) == "so" || N(lo) == "then" || N(lo) == "until" ||
          N(lo) == "once" || N(lo) == "whereas" || N(lo) == "unless" || N(lo) == "yet" ||
          N(lo) == "or" || N(lo) == "nor" || N(lo) == "still")) {
    if (lo == sf) ++sf_skip;
    ++lo;
  }
  // A dateline before the subject is not part of it.
  if (lo == sf + sf_skip) lo = DatelineEnd(doc_, lo, hi);
  // A leading prepositional phrase the parser hung on the subject ("during the rally Monday
  // the former president", "in a statement Friday Trump") is not part of it: the subject
  // starts with the modifiers right before its head.
  if (lo < first_subj && IsPreposition(N(lo)) && N(lo) != "of") {
    uint32_t k = first_subj;
    while (k > lo) {
      const std::string& d = tok_[k - 1].deprel;
      if (d == "det" || d == "amod" || d == "compound" || d == "flat" || d == "nmod:poss" ||
          d == "nummod" || (d == "case" && N(k - 1) == "'s") || d == "nmod:desc")
        --k;
      else
        break;
    }
    lo = k;
  }
  // Titles and quantifiers the parser split off the subject ("Presumptive Democratic
  // presidential nominee | Hillary Clinton" as the root, "Republican front runner | Donald
  // Trump" as an obl of the verb, "Former | Florida Gov. Jeb Bush"): a run of nominal words
  // right before it that starts the sentence (or follows a comma or a conjunction) and hangs
  // on the subject, the verb or the root belongs to it (PolNeAR spans the whole phrase).
  // Not for a relative pronoun ("others who expressed"): what is before it is its antecedent.
  if (tok_[verb].deprel != "acl:relcl" && !IsWhWord(N(first_subj)) && N(first_subj) != "that") {
    uint32_t k = lo, mark_end = 0;
    while (k > sf) {
      const uint32_t m = k - 1;
      // A hyphen inside a word ("front-runner").
      if (N(m) == "-" && m > sf && tok_[m - 1].span.end == tok_[m].span.start &&
          tok_[m].span.end == tok_[k].span.start) {
        k = m;
        continue;
      }
      const std::string& u = tok_[m].upos;
      const bool nominal = u == "ADJ" || u == "NOUN" || u == "PROPN" || u == "DET" || u == "NUM" ||
                           (u == "PART" && N(m) == "'s");
      if (!nominal || tok_[m].is_punct || IsTimeWord(N(m)) || IsMonth(N(m))) break;
      const int32_t h = tok_[m].head;
      const bool attached = h < 0 || h == static_cast<int32_t>(verb) ||
                            (h >= static_cast<int32_t>(m) && h < static_cast<int32_t>(hi));
      if (!attached) break;
      k = m;
    }
    if (k < lo && (k == sf || (tok_[k - 1].is_punct && !MarkAt(k - 1, &mark_end)) ||
                   tok_[k - 1].upos == "CCONJ"))
      lo = k;
  }
  // Time words at its end ("federal prosecutors in April", "Sanders on Tuesday"), unless they
  // end a clause inside it ("members who spoke with reporters afterward").
  bool clause_inside = false;
  for (uint32_t k = static_cast<uint32_t>(subj) + 1; k < hi && !clause_inside; ++k)
    clause_inside = tok_[k].upos == "VERB";
  while (!clause_inside && hi > static_cast<uint32_t>(subj) + 1) {
    uint32_t k = hi;
    while (k > static_cast<uint32_t>(subj) + 1 &&
           (IsTimeWord(N(k - 1)) || IsNumberWord(N(k - 1)) || IsMonth(N(k - 1))))
      --k;
    if (k == hi) break;
    if (k > static_cast<uint32_t>(subj) + 1 && IsPreposition(N(k - 1)) && N(k - 1) != "of") --k;
    hi = k;
  }
  // Punctuation at the edges (a comma the parser hung on the subject) is not part of it.
  while (lo < first_subj && tok_[lo].is_punct) ++lo;
  while (hi > static_cast<uint32_t>(subj) + 1 && tok_[hi - 1].is_punct) --hi;
  // A quotation the parser hung on the subject (“…,” the senator | said) is not part of it:
  // the subject starts after the last mark before its head word.
  for (uint32_t k = lo; k < hi; ++k) {
    uint32_t mark_end = k;
    if (!MarkAt(k, &mark_end)) continue;
    if (mark_end > first_subj) return false;
    lo = mark_end;
    k = mark_end - 1;
  }
  while (lo < first_subj && tok_[lo].is_punct) ++lo;
  out->first = lo;
  out->end = hi;
  out->head_first = lo;
  out->head_end = hi;
  // The head part: up to the first comma after the subject word.
  for (uint32_t k = static_cast<uint32_t>(subj) + 1; k < hi; ++k)
    if (N(k) == ",") {
      out->head_end = k;
      break;
    }
  return true;
}

// ---------------------------------------------------------------------------------------
// Cues.

bool Finder::CueAt(uint32_t t, CueWord* cue, uint32_t* cue_end) const {
  if (t >= tok_.size() || tok_[t].is_punct) return false;
  // In a title-case headline every word is capitalised and the tagger reads the verbs as
  // names: a cue word there counts unless it starts the headline.
  const bool headline = t < headline_end_ && t > block_first_[0];
  if (tok_[t].capitalized && !headline) return false;
  const auto& words = CueWords();
  auto it = words.find(N(t));
  if (it == words.end()) return false;
  if (headline && tok_[t].capitalized) {
    // Headlines put verbs in the present ("Says") or the past ("Vowed", "Said"); base forms
    // and noun-like forms are nouns there ("Bombshell Claim", "Media Reports Reveal …").
    const std::string& w = N(t);
    const bool finite = (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') ||
                        (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0) || w == "said" ||
                        w == "told" || w == "wrote" || w == "thought" || w == "knew" ||
                        w == "felt" || w == "found";
    if (!finite || IsNounLikeCue(w) || N(t - 1) == "'s" || N(t - 1) == "\xE2\x80\x99s")
      return false;
  }
  if (Parsed() && !headline && !tok_[t].upos.empty() && tok_[t].upos != "VERB") return false;
  *cue = it->second;
  *cue_end = t + 1;
  if (cue->flags & kParticle) {
    if (!Is(t + 1, cue->particle)) return false;
    *cue_end = t + 2;
  }
  return true;
}

// Whether a cue clause starts at t: "[NP] said" / "said [NP]" / "adding …" / "according to".
bool Finder::ParentheticalCueAfter(uint32_t t) const {
  const uint32_t se = SentEnd(t);
  for (uint32_t k = t + 1; k + 1 < se; ++k)
    if (N(k) == "," && in_quote_[k] < 0 && !EndsWithIng(N(k + 1)) && CueClauseAt(k + 1, se))
      return true;
  return false;
}

bool Finder::CueClauseAt(uint32_t t, uint32_t upper) const {
  if (t >= upper) return false;
  if (N(t) == "according" && Is(t + 1, "to")) return true;
  CueWord cw;
  uint32_t ce = 0;
  if (CueAt(t, &cw, &ce)) return cw.ing || !(cw.flags & kBelief);
  const Phrase p = NounPhraseRight(t, upper, false);
  if (p.empty() || p.end - p.first > 6) return false;
  uint32_t k = p.end;
  while (k < upper && IsVerbGroupWord(N(k))) ++k;
  if (!CueAt(k, &cw, &ce) || cw.ing || (cw.flags & kBelief)) return false;
  // Parenthetical only: the cue clause ends the sentence or is followed by punctuation.
  k = ce;
  while (k < upper && IsTimeWord(N(k))) ++k;
  return k >= upper || tok_[k].is_punct || IsPreposition(N(k));
}

// Skips time words and prepositional adjuncts after a cue ("said Thursday", "said on Friday
// he …", "said in a statement that", "said in an interview with CNN."), returning the first
// token of what follows. A longer phrase is only skipped when a complement marker ("that",
// ":", a quotation mark) or punctuation follows it.
uint32_t Finder::SkipAdjuncts(uint32_t pos, uint32_t upper) const {
  for (int hops = 0; hops < 4; ++hops) {
    while (pos < upper && IsTimeWord(N(pos))) ++pos;
    // "to" starts an infinitive ("pledged to take") or an addressee, never an adjunct here.
    if (pos >= upper || !IsPreposition(N(pos)) || N(pos) == "that" || N(pos) == "to") return pos;
    uint32_t k = pos + 1, head_end = 0;
    bool stop = false;
    while (k < upper && k - pos <= 10) {
      const std::string& w = N(k);
      uint32_t me = 0;
      // "in Salem, New Hampshire on Monday": a place name with a comma inside.
      if (w == "," && head_end == k && k + 1 < upper && tok_[k + 1].capitalized &&
          !IsCapitalizedFunctionWord(N(k + 1))) {
        ++k;
        continue;
      }
      if (w == "that" || w == ":" || w == "," || w == "." || w == "!" || w == "?" || w == ";" ||
          MarkAt(k, &me) || (IsPreposition(w) && k > pos + 1)) {
        stop = true;
        break;
      }
      // "on Friday he met", "in a statement the company said": a clause begins.
      if (head_end == k && (IsSubjectPronoun(w) || (IsDeterminer(w) && w != "that"))) {
        stop = true;
        break;
      }
      if (tok_[k].is_punct && w != "-" && w != "'s" && w != "'") break;
      CueWord cw;
      if (CueAt(k, &cw, &me) || IsSubjectPronoun(w)) break;
      if (IsTimeWord(w) || IsChannelNoun(w) || (w[0] >= '0' && w[0] <= '9') ||
          (tok_[k].capitalized && !IsCapitalizedFunctionWord(w)))
        head_end = k + 1;
      ++k;
    }
    if (!stop) {
      if (head_end && head_end < upper && IsClauseStart(head_end)) {
        pos = head_end;
        continue;
      }
      return pos;
    }
    pos = k;
  }
  return pos;
}

// End of the cue when a phrase naming the channel follows the verb ("said in a statement",
// "wrote on Twitter"), else `cue_end`; `limit` is where the adjuncts end.
uint32_t Finder::ChannelEnd(uint32_t cue_end, uint32_t limit) const {
  if (cue_end >= limit || !IsPreposition(N(cue_end))) return cue_end;
  for (uint32_t k = cue_end + 1; k < limit && k <= cue_end + 4; ++k) {
    const std::string& w = N(k);
    if (w == "statement" || w == "interview" || w == "email" || w == "e-mail" || w == "tweet" ||
        w == "speech" || w == "post" || w == "letter" || w == "conference" || w == "call" ||
        w == "briefing" || w == "op-ed" || w == "message" || w == "twitter" || w == "facebook" ||
        w == "release" || w == "remarks" || w == "testimony" || w == "blog" || w == "memo" ||
        w == "phone" || w == "telephone" || w == "video" || w == "appearance")
      return TrimEnd(cue_end, limit);
  }
  return cue_end;
}

// One past the last token of an indirect quote's content that starts at `first`: the end of
// the sentence, or earlier at a cue clause of its own (", he said", ", adding that",
// ", according to") or a semicolon; a quotation that opens inside and closes in a later
// sentence is taken whole.
uint32_t Finder::ContentEnd(uint32_t first, uint32_t sentence_end) const {
  uint32_t end = sentence_end;
  for (uint32_t k = first; k < end; ++k) {
    const int q = OpeningQuoteAt(k);
    if (q >= 0 && k > first && (N(k - 1) == "." || N(k - 1) == "!" || N(k - 1) == "?")) return k;
    if (q >= 0 && quotes_[q].end > end) {
      end = quotes_[q].end;
      break;
    }
    if (in_quote_[k] >= 0) continue;
    if (N(k) == ";") return k;
    // "… and says he introduced legislation": a second cue of the same speaker.
    if ((N(k) == "and" || N(k) == "but") && k > first + 1) {
      uint32_t v = k + 1;
      while (v < end && IsVerbGroupWord(N(v))) ++v;
      CueWord cw;
      uint32_t ce = 0;
      if (v < end && ((CueAt(v, &cw, &ce) && !cw.ing) || IsCommonVerb(N(v)) || N(v) == "calls" ||
                      N(v) == "called"))
        return k;
      // With a parse: a verb coordinated with one before the content (the cue's own verb:
      // "forecast that … rebound, and praised efforts …", "said …, but he gave …").
      if (Parsed()) {
        if (v < end && IsSubjectPronoun(N(v))) ++v;
        while (v < end && IsVerbGroupWord(N(v))) ++v;
        if (v < end && tok_[v].upos == "VERB" && tok_[v].deprel == "conj" && tok_[v].head >= 0 &&
            static_cast<uint32_t>(tok_[v].head) < first)
          return k;
      }
    }
    // A comma right before k, also as the last word of a quotation that closes there
    // ("… was \"corrupt,\" noting that …").
    bool after_comma = k > first + 2 && N(k - 1) == ",";
    if (!after_comma && k > first + 2 && in_quote_[k - 1] >= 0) {
      uint32_t m = k - 1;
      while (m > first && k - m < 3 && tok_[m].is_punct && N(m) != ",") --m;
      after_comma = N(m) == ",";
    }
    // "…, appearing to rely on …": a participle after a comma belongs to the main clause.
    if (after_comma && !tok_[k].capitalized && EndsWithIng(N(k)) && !IsIngNoun(N(k)))
      return N(k - 1) == "," ? k - 1 : k;
    // ", then pointed out that …": a second verb of the speaker.
    if (after_comma && N(k) == "then" && k + 1 < end && Parsed() && tok_[k + 1].upos == "VERB" &&
        tok_[k + 1].head >= 0 && static_cast<uint32_t>(tok_[k + 1].head) < first)
      return k - 1;
    if ((N(k) == "," || N(k) == "\xE2\x80\x94") && k > first + 1 && CueClauseAt(k + 1, end))
      return k;
  }
  return end;
}

// Drops trailing punctuation (but not a closing quotation mark) from [first, end).
uint32_t Finder::TrimEnd(uint32_t first, uint32_t end) const {
  while (end > first) {
    const std::string& w = N(end - 1);
    if (w == "." || w == "," || w == ";" || w == ":" || w == "\xE2\x80\x94" || w == "-" ||
        w == "(" || w == ")")
      --end;
    else
      break;
  }
  return end;
}

// ---------------------------------------------------------------------------------------
// Patterns.

int Finder::Emit(Found f) {
  if (f.content_end <= f.content_first) return -1;
  found_.push_back(f);
  Claim(f.speaker_first, f.speaker_end);
  Claim(f.cue_first, f.cue_end);
  Claim(f.content_first, f.content_end);
  const int id = static_cast<int>(found_.size() - 1);
  for (uint32_t k = f.content_first; k < f.content_end; ++k)
    if (in_quote_[k] >= 0 && quote_used_[in_quote_[k]] < 0) quote_used_[in_quote_[k]] = id;
  return id;
}

// Emits the quotation `q` as a direct quote with the speaker and cue of `base`.
void Finder::EmitQuote(const Found& base, int q) {
  const QuoteSpan& s = quotes_[q];
  Found f = base;
  f.direct = true;
  f.content_first = s.inner_first;
  f.content_end = s.inner_end;
  while (f.content_end > f.content_first && N(f.content_end - 1) == ",") --f.content_end;
  const int id = Emit(f);
  if (id >= 0) {
    quote_used_[q] = id;
    Claim(s.open, s.end);
  }
}

// "TRUMP: We will win." — a transcript line: a speaker in capitals, a colon, the words.
void Finder::TryTranscript(uint32_t b) {
  uint32_t bf = block_first_[b];
  const uint32_t be = block_end_[b];
  if (TryEpigraph(bf, be)) return;
  // A transcript pasted as a block quotation may open each line with a mark:
  // "WALLACE: Let's start …
  uint32_t mark_end = 0;
  if (MarkAt(bf, &mark_end) > 0) bf = mark_end;
  uint32_t k = bf;
  while (k < be && k - bf < 4 && !tok_[k].is_punct) {
    const std::string_view raw = doc_.slice(tok_[k].span);
    bool upper = raw.size() >= 2;
    for (char c : raw)
      if (c >= 'a' && c <= 'z') upper = false;
    if (!upper) {
      k = bf;  // no transcript speaker: perhaps a headline
      break;
    }
    ++k;
  }
  if (k == bf || k + 1 >= be || N(k) != ":") {
    // A headline "Kasich: ‘We Are Going All The Way’": a name, a colon, the words.
    if (be - bf > 60) return;
    auto run = std::lower_bound(names_.begin(), names_.end(), std::make_pair(bf, 0u));
    if (run == names_.end() || run->first != bf || run->second - bf > 5) return;
    k = run->second;
    if (k + 3 >= be || N(k) != ":" || IsLabelWord(N(bf))) return;
  }
  Found f;
  f.speaker_first = f.head_first = bf;
  f.speaker_end = f.head_end = k;
  f.cue_first = k;
  f.cue_end = k + 1;
  f.content_first = k + 1;
  f.content_end = TrimEnd(k + 1, be);
  const int q = OpeningQuoteAt(k + 1);
  if (q >= 0 && quotes_[q].end >= be) {
    EmitQuote(f, q);
    return;
  }
  Emit(f);
}

// "“Fear. I am truly afraid …”― Edwin G. Monroy" — a quotation that fills its paragraph,
// signed after a dash with a name and nothing else.
bool Finder::TryEpigraph(uint32_t bf, uint32_t be) {
  uint32_t last = be;
  while (last > bf && N(last - 1) == ".") --last;
  // The signature: a dash, then one to six name words (initials with their full stops).
  uint32_t dash = last;
  while (dash > bf && last - dash <= 8) {
    const std::string& w = N(dash - 1);
    if (IsDash(w) || w == "-") break;
    if (!(Cap(dash - 1) || IsNameParticle(w) || (w == "." && dash - 1 > bf && Cap(dash - 2))))
      return false;
    --dash;
  }
  if (dash <= bf || dash == last || !Cap(dash)) return false;
  --dash;  // the dash itself
  uint32_t words = 0;
  for (uint32_t k = dash + 1; k < last; ++k) words += !Punct(k);
  if (words == 0 || words > 6 || dash == bf) return false;
  const int q = in_quote_[dash - 1];
  if (q < 0 || !quotes_[q].closed || quotes_[q].end != dash || quotes_[q].open != bf ||
      quotes_[q].words < 3)
    return false;
  Found f;
  f.speaker_first = f.head_first = dash + 1;
  f.speaker_end = f.head_end = last;
  f.cue_first = dash;
  f.cue_end = dash + 1;
  EmitQuote(f, q);
  return true;
}

// "According to X, …" and "…, according to X."
void Finder::TryAccordingTo(uint32_t t) {
  const uint32_t sf = SentFirst(t), se = SentEnd(t);
  Phrase src = NounPhraseRight(t + 2, se, false);
  // A phrase that opens with a time word the word patterns stop at ("according to early
  // results of the exit polls", "according to late returns"): with a parse, its noun's
  // subtree below gives the phrase.
  if (src.empty() && Parsed() && t + 2 < se && IsTimeWord(N(t + 2)) && tok_[t + 2].upos == "ADJ" &&
      tok_[t + 2].head > static_cast<int32_t>(t + 2)) {
    src.first = src.head_first = t + 2;
    src.end = src.head_end = t + 3;
  }
  if (src.empty()) return;
  // "according to a statement from the ministry", "according to people familiar with …"
  uint32_t e = src.end;
  while (e + 1 < se && (N(e) == "from" || N(e) == "by" || N(e) == "of" || N(e) == "with" ||
                        N(e) == "familiar" || N(e) == "close" || N(e) == "to")) {
    const Phrase more = NounPhraseRight(e + 1, se, false);
    if (more.empty()) break;
    e = more.end;
  }
  // With a parse, the whole phrase "to" belongs to ("according to early results of the exit
  // poll conducted by Edison Research for the AP").
  int32_t obj = tok_[t].head;  // "according" is the case marker ("to" is fixed to it)
  if (obj <= static_cast<int32_t>(t + 1)) obj = tok_[t + 1].head;
  if (Parsed() && obj > static_cast<int32_t>(t + 1)) {
    uint32_t a = 0, b = 0;
    Subtree(static_cast<uint32_t>(obj), &a, &b);
    while (b > a && tok_[b - 1].is_punct) --b;
    if (a >= t && b > e && b <= se) {
      bool mark = false;
      for (uint32_t k = e; k < b; ++k) mark = mark || MarkAt(k, &k) > 0;
      if (!mark) e = b;
    }
  }
  // "…, according to a memo released Friday by the agency's watchdog.": at the end of the
  // sentence the source runs to its end (a participle or time the parse hung elsewhere).
  if (t > sf && (N(t - 1) == "," || N(t - 1) == "\xE2\x80\x94")) {
    uint32_t k = e, end = se;
    while (end > e && tok_[end - 1].is_punct) --end;
    while (k < end && !tok_[k].is_punct && in_quote_[k] < 0) ++k;
    if (k == end && end - e <= 12) e = end;
  }
  Found f;
  f.speaker_first = t + 2;
  f.speaker_end = e;
  f.head_first = src.head_first;
  f.head_end = src.head_end;
  f.cue_first = t;
  f.cue_end = t + 2;
  // Sentence-initial (after a conjunction): the content follows the comma.
  uint32_t lead = sf;
  while (lead < t && (N(lead) == "but" || N(lead) == "and" || N(lead) == "yet")) ++lead;
  if (lead == t) {
    // A parse that hangs the clause's subject on the source ("According to the results of
    // the polls, nearly half of the voters | were …"): the source ends at its last comma.
    if (e < se && N(e) != "," && Parsed()) {
      uint32_t k = e;
      while (k > src.end && N(k - 1) != ",") --k;
      if (k > src.end) {
        e = k - 1;
        f.speaker_end = e;
      }
    }
    if (e < se && N(e) == ",") {
      f.content_first = e + 1;
      f.content_end = TrimEnd(e + 1, ContentEnd(e + 1, se));
      Emit(f);
    }
    return;
  }
  uint32_t cend = t;
  if (N(t - 1) == "," || N(t - 1) == "\xE2\x80\x94") cend = t - 1;
  f.content_first = sf;
  f.content_end = TrimEnd(sf, cend);
  // A whole quotation before the cue is a direct quote.
  const int q = OpeningQuoteAt(sf);
  if (q >= 0 && quotes_[q].end >= f.content_end && quotes_[q].end <= t) {
    if (quote_used_[q] < 0) EmitQuote(f, q);
    return;
  }
  for (uint32_t k = f.content_first; k < f.content_end; ++k)
    if (claimed_[k]) return;  // already the content of another cue
  const int id = Emit(f);
  // "X, according to Y, is Z": the rest of the sentence too.
  if (id >= 0 && e < se && N(e) == ",") {
    Found g = found_[id];
    g.content_first = e + 1;
    g.content_end = TrimEnd(e + 1, ContentEnd(e + 1, se));
    Emit(g);
  }
}

// A cue clause right after a quotation: “…,” she said / “…,” said Smith / “…,” Smith told
// reporters. Only a clause that ends there takes the quotation; one with a complement of
// its own (“… identity.” Cruz says he isn't …) is a new quote. Returns whether it took it.
bool Finder::PostQuote(Found f, const CueWord& cue, const Phrase& subj, bool has_subject, int q) {
  const uint32_t se = SentEnd(f.cue_end - 1);
  const uint32_t cue_end = f.cue_end;
  Phrase speaker = subj;
  uint32_t after = cue_end;
  if (!has_subject) {
    speaker = NounPhraseRight(cue_end, se, true);
    if (speaker.empty() || !PlausibleSpeaker(speaker.head_first, speaker.head_end)) return false;
    after = speaker.end;
  } else if (cue.flags & kAddressee) {
    const Phrase a = NounPhraseRight(cue_end, se, false);
    if (!a.empty()) {
      f.addr_first = a.first;
      f.addr_end = a.end;
      after = a.end;
    }
  }
  const uint32_t k = SkipAdjuncts(after, se);
  // An adjunct too long to skip ("Zucker said during a discussion Thursday with BuzzFeed
  // Editor-in-Chief Ben Smith hosted by …") still leaves the quotation to the cue.
  const bool adjunct = after < se && IsPreposition(N(after)) && N(after) != "to" &&
                       N(after) != "of" && N(after) != "about";
  if (!(k >= se || tok_[k].is_punct || IsSubordinator(N(k)) || adjunct)) return false;
  f.speaker_first = speaker.first;
  f.speaker_end = speaker.end;
  f.head_first = speaker.head_first;
  f.head_end = speaker.head_end;
  // The cue takes the channel right after the verb ("said in a statement").
  if (after == cue_end) f.cue_end = ChannelEnd(cue_end, k);
  EmitQuote(f, q);
  // “A,” she said, “B.” — the second half has the same speaker and cue.
  if (k < se && (N(k) == "," || N(k) == ":" || N(k) == "\xE2\x80\x94")) {
    const int next_q = OpeningQuoteAt(k + 1);
    if (next_q >= 0 && quote_used_[next_q] < 0) EmitQuote(found_.back(), next_q);
  }
  return true;
}

void Finder::TryVerb(uint32_t t) {
  CueWord cue;
  uint32_t cue_end = 0;
  if (!CueAt(t, &cue, &cue_end)) return;
  const uint32_t sf = SentFirst(t), se = SentEnd(t);

  // The verb group to the left: auxiliaries and adverbs ("has since said", "was quoted as
  // saying", "went on to say").
  uint32_t g = t;
  bool be_before = false;
  while (g > sf) {
    const std::string& w = N(g - 1);
    if (IsVerbGroupWord(w)) {
      --g;
    } else if (IsBeForm(w)) {
      be_before = true;
      --g;
    } else if (w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0 && !tok_[g - 1].capitalized) {
      --g;
    } else if (cue.ing && w == "as" && g >= 2 && N(g - 2) == "quoted") {
      g -= 2;
      be_before = false;
    } else if (w == "to" && g >= 3 && N(g - 2) == "on" &&
               (N(g - 3) == "went" || N(g - 3) == "goes" || N(g - 3) == "go")) {
      g -= 3;
    } else {
      break;
    }
  }
  const bool quoted_as = g < t && N(g) == "quoted";
  // A comma (or a dash: "flipped his choice – saying …") before the verb group, also inside
  // a quotation that closes right before it (“…,” adding “…”).
  bool comma_before = g > sf && (N(g - 1) == "," || IsDash(N(g - 1)));
  if (!comma_before && g > sf && ClosingQuoteBefore(g) >= 0) {
    uint32_t m = g - 1;
    while (m > sf && g - m < 3 && tok_[m].is_punct && N(m) != ",") --m;
    comma_before = N(m) == ",";
  }
  // Passives ("he was told", "it is said") name no speaker before the verb.
  if (be_before && !cue.ing && !quoted_as) return;
  if (cue.ing && !be_before && !quoted_as &&
      !(comma_before || (g > sf && (N(g - 1) == "and" || N(g - 1) == "while"))))
    return;

  Found f;
  f.cue_first = g;
  f.cue_end = cue_end;

  // The speaker before the verb.
  Phrase subj;
  subj.first = subj.end = subj.head_first = subj.head_end = g;
  bool has_subject = false;
  if (Parsed()) has_subject = ParseSubject(t, &subj) && subj.end <= g;
  if (!has_subject && (!cue.ing || be_before)) {
    subj = SubjectLeft(g, sf);
    has_subject = !subj.empty();
  }
  const uint32_t clause_first = has_subject ? subj.first : g;
  // "amid Western reports that", "the claims": a noun, not a verb.
  if (IsNounLikeCue(N(t)) && !Parsed()) {
    if (g > sf && (IsDeterminer(N(g - 1)) || IsPreposition(N(g - 1)))) return;
    if (has_subject && subj.first > sf && IsNounPhraseStop(N(subj.first - 1)) &&
        !IsSubjectPronoun(N(subj.first - 1)))
      return;
    if (has_subject && subj.end == subj.first + 1 && tok_[subj.first].capitalized &&
        subj.first > sf && !tok_[subj.first - 1].is_punct)
      return;
  }

  // A. After a quotation: “…,” she said / “…,” said Smith.
  const int before_q = ClosingQuoteBefore(clause_first);
  if (before_q >= 0 && quote_used_[before_q] < 0 && !(cue.flags & kBelief) &&
      PostQuote(f, cue, subj, has_subject, before_q))
    return;

  // The speaker of participles and of a second verb ("…, adding that", "and said").
  if (!has_subject) {
    if (g == sf) return;
    const std::string& prev = N(g - 1);
    // "…, said David Autor, a professor at M.I.T." — the speaker after the verb.
    if (!cue.ing && (prev == "," || prev == "\xE2\x80\x94")) {
      const Phrase sp = NounPhraseRight(cue_end, se, true);
      if (sp.empty() || !PlausibleSpeaker(sp.head_first, sp.head_end)) return;
      const uint32_t after = SkipAdjuncts(sp.end, se);
      if (after < se && !tok_[after].is_punct) return;
      const uint32_t c_end = TrimEnd(sf, g - 1);
      if (c_end <= sf) return;
      for (uint32_t k = sf; k < c_end; ++k)
        if (claimed_[k]) return;
      f.speaker_first = sp.first;
      f.speaker_end = sp.end;
      f.head_first = sp.head_first;
      f.head_end = sp.head_end;
      f.content_first = sf;
      f.content_end = c_end;
      const int q = OpeningQuoteAt(sf);
      if (q >= 0 && quotes_[q].end >= c_end && quote_used_[q] < 0)
        EmitQuote(f, q);
      else
        Emit(f);
      return;
    }
    if (!((comma_before && cue.ing) || prev == "and" || prev == "but" ||
          (prev == "while" && cue.ing)))
      return;
    // The last quote found in this sentence gives the speaker; else the main subject.
    for (size_t i = found_.size(); i-- > 0;) {
      if (found_[i].cue_first >= sf && found_[i].cue_first < g) {
        f.speaker_first = found_[i].speaker_first;
        f.speaker_end = found_[i].speaker_end;
        f.head_first = found_[i].head_first;
        f.head_end = found_[i].head_end;
        f.inherit = static_cast<int>(i);
        has_subject = true;
        break;
      }
      if (found_[i].cue_first < sf) break;
    }
    if (!has_subject) {
      // The quote before may have closed in the previous sentence (“…?” she asked, adding …).
      const Phrase m = MainSubject(sf, g);
      if (m.empty()) return;
      f.speaker_first = m.first;
      f.speaker_end = m.end;
      f.head_first = m.head_first;
      f.head_end = m.head_end;
    }
  } else {
    f.speaker_first = subj.first;
    f.speaker_end = subj.end;
    f.head_first = subj.head_first;
    f.head_end = subj.head_end;
  }

  // The addressee: "told Lavrov", "said to reporters".
  uint32_t pos = cue_end;
  if ((cue.flags & kAddressee) && pos < se && !Is(pos, "that") && !tok_[pos].is_punct) {
    const Phrase a = NounPhraseRight(pos, se, false);
    if (!a.empty() && !(cue.flags & kBare && IsSubjectPronoun(N(a.first)))) {
      f.addr_first = a.first;
      f.addr_end = a.end;
      pos = a.end;
    }
  } else if (Is(pos, "to") && !(cue.flags & kBelief)) {
    const Phrase a = NounPhraseRight(pos + 1, se, false);
    if (!a.empty() && PlausibleSpeaker(a.first, a.end)) {
      f.addr_first = a.first;
      f.addr_end = a.end;
      pos = a.end;
    }
  }
  {
    const uint32_t skipped = SkipAdjuncts(pos, se);
    if (pos == cue_end) f.cue_end = ChannelEnd(cue_end, skipped);
    pos = skipped;
  }
  const uint32_t be = BlockEnd(t);

  // B. Before a quotation: X said: “…” / X said, “…” / X declared “…”.
  if (!(cue.flags & kBelief)) {
    uint32_t k = pos;
    bool colon = false;
    if (k < be && (N(k) == ":" || N(k) == ",")) {
      colon = N(k) == ":";
      ++k;
    }
    int q = OpeningQuoteAt(k);
    // "X said:" ending a paragraph introduces the next one.
    if (q < 0 && colon && k == be && block_of_[t] + 1 < block_first_.size()) {
      const uint32_t nb = block_first_[block_of_[t] + 1], ne = block_end_[block_of_[t] + 1];
      q = OpeningQuoteAt(nb);
      if (q < 0 && nb < ne) {
        f.content_first = nb;
        f.content_end = TrimEnd(nb, ne);
        Emit(f);
        return;
      }
    }
    if (q >= 0 && quote_used_[q] < 0) {
      const QuoteSpan& s = quotes_[q];
      // A quotation that runs to the end of the sentence (or is speech on its own) is what
      // the speaker said; a short one inside a longer clause is part of an indirect quote.
      uint32_t after = s.end;
      while (after < se && tok_[after].is_punct && MarkAt(after, &after) == 0) ++after;
      if (colon || s.end >= se || after >= se || s.words >= 4) {
        EmitQuote(f, q);
        return;
      }
    }
    if (colon && k < se) {
      f.content_first = k;
      f.content_end = TrimEnd(k, ContentEnd(k, se));
      Emit(f);
      return;
    }
  }

  // C. A complement clause: X said (that) …, X asked whether …
  if (pos < se) {
    uint32_t scratch = 0;
    const bool that = N(pos) == "that" && !(pos + 1 < se && tok_[pos + 1].is_punct &&
                                            N(pos + 1) != "," && MarkAt(pos + 1, &scratch) == 0);
    const bool wh = IsWhWord(N(pos)) && !(cue.flags & kBelief) &&
                    (N(pos) != "which" || f.addr_end > f.addr_first);
    // Verbs of saying take almost anything as a bare complement ("said allies were …",
    // "said yes"); verbs of thinking want a clause-like start.
    // Other verbs take a bare clause when it starts like one ("revealed her husband had …").
    const bool bare =
        !tok_[pos].is_punct &&
        (((cue.flags & kBare) && !(cue.flags & kBelief))
             ? !(IsPreposition(N(pos)) || N(pos) == "as" || N(pos) == "and" || N(pos) == "but" ||
                 N(pos) == "or" || N(pos) == "so" || IsVerbGroupWord(N(pos)) || IsBeForm(N(pos)))
             : (IsClauseStart(pos) &&
                (IsSubjectPronoun(N(pos)) ||
                 ((tok_[pos].capitalized || (cue.flags & kBare) || IsDeterminer(N(pos))) &&
                  HasFiniteVerb(pos, se)))));
    const bool quote_only = (cue.flags & kQuoteOnly) != 0;
    if (!quote_only && (that || wh || bare)) {
      const uint32_t end = TrimEnd(pos, ContentEnd(pos, se));
      if (end > pos + (that ? 1u : 0u)) {
        f.content_first = pos;
        f.content_end = end;
        Emit(f);
      }
      return;
    }
  }

  // D. A parenthetical cue: "The economy is strong, he said." / "…, he said, is …"
  if (cue.flags & kBelief && !has_subject) return;
  uint32_t after = pos;
  if (!has_subject) return;
  if (after < se && !tok_[after].is_punct) {
    // "…, she said in a video message to the convention.": with a parse, a trailing
    // prepositional phrase without a verb of its own ends the cue clause as well.
    bool adjunct = Parsed() && IsPreposition(N(after));
    uint32_t k = after;
    for (; adjunct && k < se && !(tok_[k].is_punct && N(k) != "-"); ++k)
      adjunct = in_quote_[k] < 0 && tok_[k].upos != "VERB" && tok_[k].upos != "AUX";
    // "…, said Smith, a spokesman." — inverted speaker.
    if (!adjunct) return;
    after = k;
  }
  if (clause_first <= sf) return;
  const std::string& lead = N(clause_first - 1);
  if (lead != "," && lead != "\xE2\x80\x94") {
    // "As X said, …" at the start of a sentence.
    if (lead == "as" && clause_first - 1 == sf && after < se && N(after) == ",") {
      f.content_first = after + 1;
      f.content_end = TrimEnd(after + 1, ContentEnd(after + 1, se));
      Emit(f);
    }
    return;
  }
  // Without a parse a long phrase before the cue is likelier a clause than a subject.
  if (f.head_end - f.head_first > (Parsed() ? 12u : 6u)) return;
  const uint32_t c_end = TrimEnd(sf, clause_first - 1);
  if (c_end <= sf) return;
  uint32_t words = 0;
  for (uint32_t k = sf; k < c_end; ++k) {
    if (claimed_[k]) return;
    if (!tok_[k].is_punct) ++words;
  }
  if (words < 2) {
    // "Instead, she said, her boss told her …": what follows is the quote.
    if (after < se && N(after) == "," && after + 1 < se && !CueClauseAt(after + 1, se)) {
      f.content_first = after + 1;
      f.content_end = TrimEnd(after + 1, ContentEnd(after + 1, se));
      Emit(f);
    }
    return;
  }
  f.content_first = sf;
  f.content_end = c_end;
  const int q = OpeningQuoteAt(sf);
  if (q >= 0 && quotes_[q].end >= c_end && quote_used_[q] < 0) {
    EmitQuote(f, q);
  } else {
    Emit(f);
  }
  // "…, he said, is …": the rest of the sentence; not a clause of its own after a
  // conjunction ("…, records show, and experts say it is …").
  if (after < se && N(after) == "," && after + 1 < se && !CueClauseAt(after + 1, se) &&
      N(after + 1) != "and" && N(after + 1) != "but" && N(after + 1) != "or") {
    Found g2 = found_.back();
    g2.direct = false;
    g2.content_first = after + 1;
    g2.content_end = TrimEnd(after + 1, ContentEnd(after + 1, se));
    const int q2 = OpeningQuoteAt(after + 1);
    if (q2 >= 0 && quotes_[q2].end >= g2.content_end && quote_used_[q2] < 0) {
      EmitQuote(g2, q2);
    } else {
      Emit(g2);
    }
  }
}

// The extent [lo, hi) of the dependency subtree of t (within its sentence).
void Finder::Subtree(uint32_t t, uint32_t* lo, uint32_t* hi) const {
  *lo = t;
  *hi = t + 1;
  std::vector<uint32_t> stack = {t};
  size_t guard = 0;
  while (!stack.empty() && guard++ < tok_.size()) {
    const uint32_t k = stack.back();
    stack.pop_back();
    for (uint32_t c : children_[k]) {
      *lo = std::min(*lo, c);
      *hi = std::max(*hi, c + 1);
      stack.push_back(c);
    }
  }
}

// With a dependency parse, any verb of saying, thinking or stance whose clause the word
// patterns above did not take: the subject is the source, the verb group the cue, the
// complements after the verb the content ("criticized the trade deal", "accused him of
// sexism", "called for a ban", "vowed to repeal it"). PolNeAR spans the cue as the verb
// with its auxiliaries, particle and the preposition that opens its object ("called for",
// "referring to", "has said"), and the content as everything the verb governs after it.
void Finder::TryParsedCue(uint32_t t) {
  const Token& v = tok_[t];
  if (v.upos != "VERB" || in_quote_[t] >= 0) return;
  const std::string& lemma = v.lemma.empty() ? N(t) : v.lemma;
  // Verbs of thinking and finding count only with a clause ("found that …", "hopes to …"),
  // not with an object ("found a job", "felt the need"); talking only about something.
  const auto cw = CueWords().find(N(t));
  if (!IsAttitudeLemma(lemma) &&
      (cw == CueWords().end() || (cw->second.flags & (kQuoteOnly | kParticle))))
    return;
  // A parenthetical cue later in the sentence claims it (checked only now: the scan to the
  // sentence end is the costly part, and the tests above reject nearly every token).
  if (ParentheticalCueAfter(t)) return;
  const bool belief = cw != CueWords().end() && (cw->second.flags & kBelief);
  const bool talk = lemma == "talk" || lemma == "speak";
  // Seeing and considering are opinions only with a predicate or clause ("sees Cruz as a
  // uniter", "rivals see an opening" is not; "considered him unfit", "sees that …").
  const bool predicate_only =
      lemma == "see" || lemma == "view" || lemma == "consider" || lemma == "regard";
  bool predicate = false;
  if (predicate_only) {
    for (uint32_t c : children_[t]) {
      if (c <= t) continue;
      const std::string& d = tok_[c].deprel;
      if (d == "ccomp" || d == "xcomp") predicate = true;
      if (d == "obl")
        for (uint32_t k : children_[c])
          if (tok_[k].deprel == "case" && N(k) == "as") predicate = true;
    }
    if (!predicate) return;
  }
  const uint32_t sf = SentFirst(t), se = SentEnd(t);
  // Passives name no source ("was asked", "is expected to").
  for (uint32_t c : children_[t])
    if (tok_[c].deprel == "aux:pass" || tok_[c].deprel == "nsubj:pass" || tok_[c].deprel == "expl")
      return;

  // The source: the verb's subject, or that of the verb it is coordinated with.
  Phrase subj;
  bool has_subject = ParseSubject(t, &subj) && subj.end <= t;
  if (!has_subject && (v.deprel == "conj" || (v.deprel == "advcl" && EndsWithIng(N(t)))) &&
      v.head >= 0 && static_cast<uint32_t>(v.head) < t && SentFirst(v.head) == sf) {
    const uint32_t h = static_cast<uint32_t>(v.head);
    // A participle after a comma (“…,” saying …) or with a marker ("by saying", "after
    // noting") is its head clause's; one inside a noun phrase is not.
    uint32_t j = t;
    while (j > sf + 1 && j + 2 > t && tok_[j - 1].is_punct && N(j - 1) != ",") --j;
    bool marked = j > sf && N(j - 1) == ",";
    for (uint32_t c : children_[t])
      if (c < t && tok_[c].deprel == "mark") marked = true;
    if (v.deprel == "advcl" && !marked) return;
    has_subject = ParseSubject(h, &subj) && subj.end <= h;
  }
  // "…,” McCain said, citing low growth": a participle after a comma takes the speaker of
  // the last quote found in its sentence.
  if (!has_subject && t > sf && (N(t - 1) == "," || (t > sf + 1 && N(t - 2) == ",")) &&
      EndsWithIng(N(t))) {
    for (size_t i = found_.size(); i-- > 0;) {
      if (found_[i].cue_first < sf) break;
      if (found_[i].cue_first < t && found_[i].speaker_end > found_[i].speaker_first) {
        subj.first = found_[i].speaker_first;
        subj.end = found_[i].speaker_end;
        subj.head_first = found_[i].head_first;
        subj.head_end = found_[i].head_end;
        has_subject = true;
        break;
      }
    }
  }
  if (!has_subject) return;
  for (uint32_t k = subj.first; k < subj.end; ++k)
    if (in_quote_[k] >= 0) return;

  // The content: the verb's complements after it.
  uint32_t lo = UINT32_MAX, hi = 0, first_dep = UINT32_MAX;
  bool core = false;
  for (uint32_t c : children_[t]) {
    if (c <= t) continue;
    const std::string& d = tok_[c].deprel;
    // What is shown, found or thought may be an object ("polls show Clinton ahead"); PolNeAR
    // annotates those as well.
    bool comp = d == "ccomp" || d == "xcomp" || (!talk && (d == "obj" || d == "iobj"));
    // A prepositional object ("called for", "accused him of", "referring to"), not a place
    // or time ("reported from Los Angeles", "spoke on Sunday").
    bool oblique = false;
    if (d == "obl" && !belief && !IsTimeWord(N(c)) && !IsNumberWord(N(c))) {
      for (uint32_t k : children_[c])
        if (tok_[k].deprel == "case") {
          const std::string& p = N(k);
          oblique = talk ? (p == "about" || p == "of")
                         : (p == "for" || p == "to" || p == "about" || p == "of" || p == "on" ||
                            p == "against" || p == "as");
          break;
        }
    }
    if (d == "xcomp" && talk) comp = false;
    if (!comp && !oblique) continue;
    core = core || comp || oblique;
    uint32_t a = 0, b = 0;
    Subtree(c, &a, &b);
    if (a <= t) continue;
    if (a < lo) {
      lo = a;
      first_dep = c;
    }
    hi = std::max(hi, b);
  }
  if (!core || lo >= hi || hi > se) return;

  // The cue: auxiliaries and adverbs right before the verb, a particle right after it, and
  // the preposition that opens its first complement.
  uint32_t g = t;
  while (g > sf && g - 1 >= subj.end) {
    const uint32_t k = g - 1;
    const std::string& d = tok_[k].deprel;
    if (tok_[k].head == static_cast<int32_t>(t) &&
        (d == "aux" || d == "advmod" || d == "neg" || d == "cop")) {
      --g;
    } else {
      break;
    }
  }
  uint32_t cue_end = t + 1;
  while (cue_end < lo && tok_[cue_end].head == static_cast<int32_t>(t) &&
         tok_[cue_end].deprel == "compound:prt")
    ++cue_end;
  if (cue_end == lo && tok_[lo].deprel == "case" &&
      tok_[lo].head == static_cast<int32_t>(first_dep) && tok_[first_dep].deprel == "obl") {
    ++cue_end;
    ++lo;
  }
  hi = TrimEnd(lo, hi);
  if (hi <= lo) return;
  for (uint32_t k = g; k < hi; ++k)
    if (claimed_[k] && !(k >= subj.first && k < subj.end)) return;
  for (uint32_t k = lo; k < hi; ++k)
    if (in_quote_[k] >= 0 && quote_used_[in_quote_[k]] >= 0) return;

  Found f;
  f.cue_first = g;
  f.cue_end = cue_end;
  f.speaker_first = subj.first;
  f.speaker_end = subj.end;
  f.head_first = subj.head_first;
  f.head_end = subj.head_end;
  f.content_first = lo;
  f.content_end = hi;
  Emit(f);
}

// "In a new Fox News poll, Trump leads …" / "Trump leads in the latest poll": PolNeAR takes
// the poll (survey, study, report, someone's words or view) as the source, "in" as the cue
// and the clause as the content. Only with a parse, which gives the noun "in" belongs to.
void Finder::TryIn(uint32_t t) {
  if (tok_[t].deprel != "case" || tok_[t].head <= static_cast<int32_t>(t)) return;
  const uint32_t n = static_cast<uint32_t>(tok_[t].head);
  static const std::unordered_set<std::string_view> kSources = {
      "poll", "survey",  "study",    "report", "analysis", "words",
      "view", "opinion", "estimate", "tally",  "count",    "assessment"};
  const std::string& lemma = tok_[n].lemma.empty() ? N(n) : tok_[n].lemma;
  if (!In(kSources, lemma) || tok_[n].deprel != "obl") return;
  const uint32_t sf = SentFirst(t), se = SentEnd(t);
  uint32_t lo = 0, hi = 0;
  Subtree(n, &lo, &hi);
  if (lo != t || hi > se) return;  // the subtree begins with "in" itself
  lo = t + 1;
  while (hi > lo && tok_[hi - 1].is_punct) --hi;
  for (uint32_t k = t; k < hi; ++k)
    if (claimed_[k] || in_quote_[k] >= 0) return;
  Found f;
  f.cue_first = t;
  f.cue_end = t + 1;
  f.speaker_first = f.head_first = lo;
  f.speaker_end = f.head_end = hi;
  uint32_t lead = sf;
  while (lead < t && (N(lead) == "but" || N(lead) == "and" || N(lead) == "yet")) ++lead;
  if (lead == t) {
    if (hi >= se || N(hi) != ",") return;
    f.content_first = hi + 1;
    f.content_end = TrimEnd(hi + 1, ContentEnd(hi + 1, se));
  } else {
    if (hi < se && !tok_[hi].is_punct) return;  // the clause must end with the phrase
    f.content_first = lead;
    f.content_end = TrimEnd(lead, t);
  }
  if (f.content_end <= f.content_first) return;
  for (uint32_t k = f.content_first; k < f.content_end; ++k)
    if (claimed_[k] || (in_quote_[k] >= 0 && quote_used_[in_quote_[k]] >= 0)) return;
  Emit(f);
}

// Quotations without a cue of their own that go on from an attributed one: later in the same
// paragraph, or whole paragraphs right after it.
void Finder::AddContinuations() {
  int last = -1;
  uint32_t last_block = 0;
  for (size_t q = 0; q < quotes_.size(); ++q) {
    const QuoteSpan& s = quotes_[q];
    const uint32_t b = block_of_[s.open];
    if (quote_used_[q] >= 0) {
      last = quote_used_[q];
      last_block = block_of_[s.end > 0 ? s.end - 1 : s.open];
      continue;
    }
    if (last < 0) continue;
    const bool starts_sentence = SentFirst(s.open) == s.open || s.open == block_first_[b];
    const bool speech = (starts_sentence && s.words >= 3) || s.words >= 8;
    if (!speech) continue;
    bool claimed = false;
    for (uint32_t k = s.inner_first; k < s.inner_end; ++k) claimed = claimed || claimed_[k];
    if (claimed) continue;
    if (b == last_block || (b == last_block + 1 && s.open == block_first_[b])) {
      EmitQuote(found_[last], static_cast<int>(q));
      last = quote_used_[q];
      last_block = block_of_[s.end > 0 ? s.end - 1 : s.open];
    }
  }
}

// ---------------------------------------------------------------------------------------
// Speakers: mentions, names, codes.

// The actor mention that names the phrase [first, end): a person first, then the longest;
// possessors ("Trump's campaign") and places are skipped.
int Finder::MentionIn(uint32_t first, uint32_t end) const {
  int best = -1;
  for (size_t m = 0; m < doc_.actors.size(); ++m) {
    const ActorMention& a = doc_.actors[m];
    if (a.first_token < first || a.end_token > end || a.kind == "place") continue;
    if (a.end_token < end && Is(a.end_token, "'s")) continue;
    if (best < 0) {
      best = static_cast<int>(m);
      continue;
    }
    const ActorMention& b = doc_.actors[best];
    const bool ap = a.kind == "person", bp = b.kind == "person";
    if (ap != bp ? ap : (a.end_token - a.first_token) >= (b.end_token - b.first_token))
      best = static_cast<int>(m);
  }
  return best;
}

int Finder::MentionCovering(uint32_t first, uint32_t end) const {
  int best = -1;
  for (size_t m = 0; m < doc_.actors.size(); ++m) {
    const ActorMention& a = doc_.actors[m];
    if (a.kind == "place" || a.kind == "pronoun" || a.code.empty()) continue;
    if (a.first_token <= first && a.end_token >= end) {
      best = static_cast<int>(m);
      break;
    }
  }
  return best;
}

// The person's (or organisation's) name inside [first, end): the last proper-name run with
// titles and offices before it dropped ("North Korean Foreign Minister Choe Son-hui" ->
// "Choe Son-hui"). "" when the phrase holds no name.
std::string Finder::NameOf(uint32_t first, uint32_t end, uint32_t* name_first,
                           uint32_t* name_end) const {
  // The head of the phrase ends before "of", "for", "at", a comma or a relative pronoun
  // ("Joel Pollak of Breitbart California", "Smith, a spokesman").
  uint32_t cut = end;
  for (uint32_t k = first + 1; k < end; ++k) {
    const std::string& w = N(k);
    if (w == "of" || w == "for" || w == "at" || w == "," || w == "who" || w == "which" ||
        w == "(" || w == "\xE2\x80\x94") {
      cut = k;
      break;
    }
  }
  for (size_t i = names_.size(); i-- > 0;) {
    uint32_t a = std::max(names_[i].first, first), b = std::min(names_[i].second, cut);
    if (a >= b) continue;
    // A phrase cut inside a hyphenated name ("Choe Son" of "Choe Son-hui") takes it whole.
    while (b == cut && b < names_[i].second && tok_[b].span.start == tok_[b - 1].span.end) {
      ++b;
      ++cut;
    }
    // A possessor or a modifier is not the name of the phrase ("North Korea's foreign
    // minister", "Russian counterpart", "the Trump campaign").
    if (b < cut && (Is(b, "'s") || Is(b, "'") || !tok_[b].is_punct)) return "";
    uint32_t k = b;
    while (k > a && !IsTitleWord(N(k - 1))) --k;
    if (k >= b) return "";
    *name_first = k;
    *name_end = b;
    return std::string(doc_.slice(Chars(k, b)));
  }
  return "";
}

// The longest name run in the document before `before` that ends with the same word as
// [name_first, name_end) and holds all its words ("Lavrov" -> "Sergei Lavrov").
std::string Finder::Fullest(uint32_t name_first, uint32_t name_end, uint32_t before) const {
  const std::string& last = N(name_end - 1);
  std::string best(doc_.slice(Chars(name_first, name_end)));
  uint32_t best_len = name_end - name_first;
  for (const auto& [a0, b] : names_) {
    if (a0 >= before) break;
    if (N(b - 1) != last) continue;
    uint32_t a = b;
    while (a > a0 && !IsTitleWord(N(a - 1))) --a;
    // Party and nationality words before a name are not part of it ("Republican Donald
    // Trump", "Russian Vladimir Putin").
    while (a + 1 < b && (IsPartyWord(N(a)) || IsAdjectiveMention(a))) ++a;
    if (b - a <= best_len) continue;
    bool all = true;
    for (uint32_t k = name_first; k < name_end && all; ++k) {
      bool seen = false;
      for (uint32_t j = a; j < b; ++j) seen = seen || N(j) == N(k);
      all = seen;
    }
    if (!all) continue;
    best_len = b - a;
    best = std::string(doc_.slice(Chars(a, b)));
  }
  return best;
}

// Whether a coreference antecedent can be what "he"/"she" speaks for: a person, a phrase
// with a name in it, or one office-holder ("the minister"), not a plural group.
bool Finder::AcceptableAntecedent(const ActorMention& pronoun, const ActorMention& ante) const {
  const std::string& p = tok_[pronoun.first_token].norm;
  if (p != "he" && p != "she") return true;
  if (ante.kind == "person") return true;
  uint32_t nf = 0, ne = 0;
  if (!NameOf(ante.first_token, ante.end_token, &nf, &ne).empty()) return true;
  // One office-holder ("the minister"), not a group ("people", "armies", "the police").
  return IsTitleWord(tok_[ante.end_token - 1].norm);
}

// "he"/"she" without a usable coreference mention: the subject of the nearest sentence
// before that opens with a name, or the last speaker.
bool Finder::PronounFallback(uint32_t pronoun, int* mention, std::string* name,
                             uint32_t* from) const {
  const std::string& p = N(pronoun);
  if (p != "he" && p != "she") return false;
  const uint32_t s = sent_of_[pronoun];
  for (uint32_t back = 0; back <= 3 && back <= s; ++back) {
    const uint32_t first = sent_first_[s - back];
    const uint32_t limit = back == 0 ? pronoun : sent_end_[s - back];
    // The first name of a person in the sentence, outside quotations.
    for (const auto& [a, b] : names_) {
      if (a < first) continue;
      if (a >= limit) break;
      if (in_quote_[a] >= 0) continue;
      uint32_t nf = 0, ne = 0;
      if (NameOf(a, b, &nf, &ne).empty()) continue;
      const int m = MentionCovering(nf, ne);
      if (m >= 0 && doc_.actors[m].kind != "person" &&
          (doc_.actors[m].code.size() == 3 || doc_.actors[m].kind == "org"))
        continue;  // a country, a city, an organisation
      if (IsOrganizationWord(N(ne - 1))) continue;
      const std::string full = Fullest(nf, ne, pronoun);
      const bool person = ne - nf >= 2 || nf > a || (m >= 0 && doc_.actors[m].kind == "person") ||
                          full.find(' ') != std::string::npos;
      if (!person) continue;
      *name = full;
      *mention = m;
      *from = a;
      return true;
    }
  }
  return false;
}

// Resolves a speaker or addressee phrase to an actor mention and the fullest name the
// document gives it; returns the token the name was taken from (the antecedent of a
// pronoun), or UINT32_MAX when a pronoun found none.
uint32_t Finder::ResolvePhrase(uint32_t first, uint32_t end, uint32_t head_first, uint32_t head_end,
                               uint32_t at, int* mention, std::string* name) const {
  // "Cruz, who said …": the relative pronoun stands for the phrase before it.
  if (head_end == head_first + 1 && N(head_first) == "who" && head_first > 0) {
    uint32_t e = head_first;
    if (N(e - 1) == "," && e > 1) --e;
    const uint32_t s = NounPhraseLeft(e, SentFirst(head_first));
    if (s < e) return ResolvePhrase(s, e, s, e, at, mention, name);
  }
  // The head ends before a prepositional phrase ("Robert Antonacci of the New York
  // delegation" is Antonacci, not New York).
  for (uint32_t k = head_first + 1; k < head_end; ++k)
    if (N(k) == "of" || N(k) == "for" || N(k) == "at" || N(k) == "from") {
      head_end = k;
      break;
    }
  *mention = MentionIn(head_first, head_end);
  if (*mention < 0 && head_end == end) *mention = MentionIn(first, end);
  name->clear();
  if (*mention >= 0 && doc_.actors[*mention].kind == "pronoun") {
    const ActorMention& pm = doc_.actors[*mention];
    const std::string prefix = "coref: ";
    if (pm.entry.compare(0, prefix.size(), prefix) == 0) {
      const std::string ante_text = pm.entry.substr(prefix.size());
      for (size_t m = *mention; m-- > 0;) {
        const ActorMention& a = doc_.actors[m];
        if (a.kind == "pronoun" || doc_.slice(a.span) != ante_text) continue;
        if (!AcceptableAntecedent(pm, a)) break;
        uint32_t nf = 0, ne = 0;
        if (!NameOf(a.first_token, a.end_token, &nf, &ne).empty())
          *name = Fullest(nf, ne, at);
        else
          *name = ante_text;
        return a.first_token;
      }
    }
    *mention = -1;
  }
  if (*mention < 0 && head_end == head_first + 1 && IsSubjectPronoun(N(head_first))) {
    uint32_t from = UINT32_MAX;
    int m = -1;
    if (PronounFallback(head_first, &m, name, &from)) {
      *mention = m;
      return from;
    }
    *name = std::string(doc_.slice(Chars(head_first, head_end)));
    return UINT32_MAX;
  }
  uint32_t nf = 0, ne = 0;
  if (!NameOf(head_first, head_end, &nf, &ne).empty()) {
    *name = Fullest(nf, ne, at);
    if (*mention < 0) *mention = MentionCovering(nf, ne);
    return head_first;
  }
  *name = std::string(doc_.slice(Chars(head_first, head_end)));
  return head_first;
}

void Finder::Resolve() {
  std::vector<std::pair<uint32_t, size_t>> order;
  for (size_t i = 0; i < found_.size(); ++i) order.emplace_back(found_[i].content_first, i);
  std::sort(order.begin(), order.end());
  doc_.quotes.clear();
  // The last named speaker, for "he"/"she" that go on from it ("…,” she added).
  struct Prior {
    bool valid = false;
    std::string name, addressee;
    int mention = -1;
    uint32_t cue = 0, block = 0;
  } last;
  std::unordered_map<std::string, std::string> pronoun_of;  // name -> "he" / "she"
  uint32_t last_first = UINT32_MAX, last_end = 0;
  for (const auto& [first, i] : order) {
    const Found& f = found_[i];
    if (f.content_first == last_first && f.content_end == last_end) continue;
    last_first = f.content_first;
    last_end = f.content_end;
    if (f.speaker_end <= f.speaker_first) continue;
    Quote q;
    q.direct = f.direct;
    q.speaker_span = Chars(f.speaker_first, f.speaker_end);
    const uint32_t from = ResolvePhrase(f.speaker_first, f.speaker_end, f.head_first, f.head_end,
                                        f.speaker_first, &q.speaker, &q.speaker_name);
    const std::string& p = N(f.head_first);
    const bool he_she = f.head_end == f.head_first + 1 && (p == "he" || p == "she");
    q.cue = Chars(f.cue_first, f.cue_end);
    if (f.addr_end > f.addr_first) {
      std::string name;
      ResolvePhrase(f.addr_first, f.addr_end, f.addr_first, f.addr_end, f.addr_first, &q.addressee,
                    &name);
      if (q.addressee >= 0 && doc_.actors[q.addressee].code.empty()) q.addressee = -1;
      q.addressee_span = Chars(f.addr_first, f.addr_end);
      q.addressee_name = name;
    }
    // A pronoun goes on from the last speaker unless someone else came up since: its
    // antecedent lies after that speaker's cue and is not whom that speaker addressed.
    if (he_she && last.valid && block_of_[f.cue_first] <= last.block + 2) {
      auto g = pronoun_of.find(last.name);
      const bool same_gender = g == pronoun_of.end() || g->second == p;
      if (same_gender &&
          (from == UINT32_MAX || from < last.cue || q.speaker_name == last.addressee)) {
        q.speaker_name = last.name;
        q.speaker = last.mention;
      }
    }
    if (q.speaker >= 0 && doc_.actors[q.speaker].code.empty()) q.speaker = -1;
    if (!q.speaker_name.empty() && !(he_she && from == UINT32_MAX && q.speaker_name == p)) {
      if (he_she) pronoun_of.emplace(q.speaker_name, p);
      last.valid = true;
      last.name = q.speaker_name;
      last.addressee = q.addressee_name;
      last.mention = q.speaker;
      last.cue = f.cue_first;
      last.block = block_of_[f.cue_first];
    }
    q.content = Chars(f.content_first, f.content_end);
    doc_.quotes.push_back(std::move(q));
  }
}

void Finder::Run() {
  doc_.quotes.clear();
  if (tok_.empty() || doc_.sentences.empty()) return;
  IndexTokens();
  FindQuoteSpans();
  MoveOpeningMarks();
  for (uint32_t b = 0; b < block_first_.size(); ++b) TryTranscript(b);
  for (uint32_t t = 0; t < tok_.size(); ++t) {
    if (claimed_[t]) continue;
    if (in_quote_[t] >= 0 && quotes_[in_quote_[t]].open != t) continue;
    if (N(t) == "according" && Is(t + 1, "to")) {
      TryAccordingTo(t);
      continue;
    }
    if (Parsed() && N(t) == "in") {
      TryIn(t);
      continue;
    }
    const size_t before = found_.size();
    TryVerb(t);
    if (Parsed() && found_.size() == before && !claimed_[t]) TryParsedCue(t);
  }
  AddContinuations();
  Resolve();
}

}  // namespace

void QuoteFinder::Find(Document* doc) const {
  Finder f(doc);
  f.Run();
}

}  // namespace dyad
