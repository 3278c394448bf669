// EventStore: the SQLite database of documents, sentences, actor mentions and events;
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

  sqlite3* handle() const { return db_; }
  static int schema_version();

 private:
  EventStore() = default;
  void Migrate();
  sqlite3* db_ = nullptr;
  struct Statements;
  std::unique_ptr<Statements> st_;
};

}  // namespace dyad
