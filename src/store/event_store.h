// EventStore: the SQLite database of documents, sentences, actor mentions, quotes, places,
// time expressions and events, with events grouped across articles as GDELT counts them;
// idempotent by document content hash, with versioned schema migrations and WAL.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/document.h"

struct sqlite3;

namespace dyad {

class Dictionary;

class EventStore {
 public:
  // Opens (creating and migrating when writable) the database at `path`. Returns nullptr and
  // sets `error` when it cannot. A read-only store refuses every write, --sql included.
  static std::unique_ptr<EventStore> Open(const std::string& path, bool read_only,
                                          std::string* error);
  // Creates or migrates the database at `path` only up to schema `version` and closes it
  // (for tests of migrations: a store opened after it migrates the rest of the way).
  static bool CreateAtVersion(const std::string& path, int version, std::string* error);
  // Opens an existing database read-only, after migrating it to this dyad's schema when it is
  // older (which needs write access once). Fails when the file does not exist.
  static std::unique_ptr<EventStore> OpenExisting(const std::string& path, std::string* error);
  ~EventStore();
  EventStore(const EventStore&) = delete;
  EventStore& operator=(const EventStore&) = delete;

  // Stores `doc` with its annotations and events unless a document with the same content
  // hash is already there. Returns true when it was stored, false when it was a duplicate.
  bool Add(const Document& doc);

  // Records the CAMEO code names of `dict`, so reports can name codes without a dictionary.
  void AddCodeNames(const Dictionary& dict);

  // Transactions group many Adds into one commit (much faster, and all-or-nothing).
  void Begin();
  void Commit();

  // The content hash that identifies a document in the store.
  static std::string DocumentHash(const Document& doc);
  // The publisher or site a document counts under for NumSources: its publisher, else its
  // URL's host without "www.", lower-cased; "" when neither is known.
  static std::string SourceKey(const Document& doc);

  sqlite3* handle() const { return db_; }
  static int schema_version();

 private:
  EventStore() = default;
  void Migrate(int target = -1);  // up to schema `target`; -1: the latest
  sqlite3* db_ = nullptr;
  struct Statements;
  std::unique_ptr<Statements> st_;
};

}  // namespace dyad
