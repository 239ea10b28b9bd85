#ifndef KIEUMAU_CSQLITE_SHIM_H
#define KIEUMAU_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT and SQLITE_STATIC are function-pointer casts of integers: macros Swift cannot
// import. TRANSIENT makes SQLite copy a bound string before bind returns, so Swift may free it.
static inline sqlite3_destructor_type kieumau_sqlite_transient(void) { return SQLITE_TRANSIENT; }

#endif
