#ifndef KIEUMAU_CLIBPQ_SHIM_H
#define KIEUMAU_CLIBPQ_SHIM_H
// Debian puts libpq's headers in /usr/include/postgresql; macOS (Homebrew) on the include path.
#if __has_include(<postgresql/libpq-fe.h>)
#include <postgresql/libpq-fe.h>
#else
#include <libpq-fe.h>
#endif

// The diagnostic field codes are character-literal macros ('C', 'M', …): functions Swift can call.
static inline const char *kieumau_pq_sqlstate(const PGresult *result) { return PQresultErrorField(result, PG_DIAG_SQLSTATE); }
static inline const char *kieumau_pq_primary_message(const PGresult *result) { return PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY); }

#endif
