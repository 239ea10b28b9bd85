#ifndef KIEUMAU_LIBPQ_H
#define KIEUMAU_LIBPQ_H
// libpq, loaded when first needed (dlopen) rather than linked: linking it made every start of
// kieumau load ~20 more shared libraries (OpenSSL, Kerberos, LDAP…), ~5 ms of CPU, for the many
// who never use a shared store. Only the header is needed to build (libpq-dev).
#if __has_include(<postgresql/libpq-fe.h>)
#include <postgresql/libpq-fe.h>
#else
#include <libpq-fe.h>
#endif
#include <stddef.h>

// Loads libpq once (thread-safe). NULL when loaded, else why not (dlopen's or dlsym's words).
// Call before anything below; they are only reachable through a connection it made.
const char *km_pq_load(void);

PGconn *km_PQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname);
ConnStatusType km_PQstatus(const PGconn *conn);
char *km_PQerrorMessage(const PGconn *conn);
void km_PQfinish(PGconn *conn);
void km_PQreset(PGconn *conn);
PQnoticeProcessor km_PQsetNoticeProcessor(PGconn *conn, PQnoticeProcessor proc, void *arg);
int km_PQsocket(const PGconn *conn);
int km_PQbackendPID(const PGconn *conn);
char *km_PQuser(const PGconn *conn);
PGresult *km_PQexec(PGconn *conn, const char *query);
PGresult *km_PQexecParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                          const char *const *paramValues, const int *paramLengths, const int *paramFormats, int resultFormat);
ExecStatusType km_PQresultStatus(const PGresult *res);
char *km_PQresultErrorMessage(const PGresult *res);
void km_PQclear(PGresult *res);
int km_PQntuples(const PGresult *res);
int km_PQgetisnull(const PGresult *res, int tup_num, int field_num);
char *km_PQgetvalue(const PGresult *res, int tup_num, int field_num);
int km_PQgetlength(const PGresult *res, int tup_num, int field_num);
int km_PQconsumeInput(PGconn *conn);
PGnotify *km_PQnotifies(PGconn *conn);
void km_PQfreemem(void *ptr);
char *km_PQescapeIdentifier(PGconn *conn, const char *str, size_t len);

// The diagnostic field codes are character-literal macros ('C', 'M'): functions Swift can call.
const char *km_pq_sqlstate(const PGresult *res);
const char *km_pq_primary_message(const PGresult *res);

#endif
