#include "kieumau_libpq.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

// The functions the store uses, found in the loaded library.
static struct {
    PGconn *(*connectdbParams)(const char *const *, const char *const *, int);
    ConnStatusType (*status)(const PGconn *);
    char *(*errorMessage)(const PGconn *);
    void (*finish)(PGconn *);
    void (*reset)(PGconn *);
    PQnoticeProcessor (*setNoticeProcessor)(PGconn *, PQnoticeProcessor, void *);
    int (*socket)(const PGconn *);
    int (*backendPID)(const PGconn *);
    char *(*user)(const PGconn *);
    PGresult *(*exec)(PGconn *, const char *);
    PGresult *(*execParams)(PGconn *, const char *, int, const Oid *, const char *const *, const int *, const int *, int);
    ExecStatusType (*resultStatus)(const PGresult *);
    char *(*resultErrorMessage)(const PGresult *);
    char *(*resultErrorField)(const PGresult *, int);
    void (*clear)(PGresult *);
    int (*ntuples)(const PGresult *);
    int (*getisnull)(const PGresult *, int, int);
    char *(*getvalue)(const PGresult *, int, int);
    int (*getlength)(const PGresult *, int, int);
    int (*consumeInput)(PGconn *);
    PGnotify *(*notifies)(PGconn *);
    void (*freemem)(void *);
    char *(*escapeIdentifier)(PGconn *, const char *, size_t);
} pq;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded = 0;
static char problem[512] = "libpq was not loaded";

static void load(void) {
    static const char *const names[] = {"libpq.so.5", "libpq.so", "libpq.5.dylib", "libpq.dylib"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !library; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(problem, sizeof problem, "%s", dlerror());
        return;
    }
#define FIND(field, symbol) \
    if (!(*(void **)&pq.field = dlsym(library, symbol))) { \
        snprintf(problem, sizeof problem, "libpq has no %s", symbol); \
        return; \
    }
    FIND(connectdbParams, "PQconnectdbParams")
    FIND(status, "PQstatus")
    FIND(errorMessage, "PQerrorMessage")
    FIND(finish, "PQfinish")
    FIND(reset, "PQreset")
    FIND(setNoticeProcessor, "PQsetNoticeProcessor")
    FIND(socket, "PQsocket")
    FIND(backendPID, "PQbackendPID")
    FIND(user, "PQuser")
    FIND(exec, "PQexec")
    FIND(execParams, "PQexecParams")
    FIND(resultStatus, "PQresultStatus")
    FIND(resultErrorMessage, "PQresultErrorMessage")
    FIND(resultErrorField, "PQresultErrorField")
    FIND(clear, "PQclear")
    FIND(ntuples, "PQntuples")
    FIND(getisnull, "PQgetisnull")
    FIND(getvalue, "PQgetvalue")
    FIND(getlength, "PQgetlength")
    FIND(consumeInput, "PQconsumeInput")
    FIND(notifies, "PQnotifies")
    FIND(freemem, "PQfreemem")
    FIND(escapeIdentifier, "PQescapeIdentifier")
#undef FIND
    loaded = 1;
}

const char *km_pq_load(void) {
    pthread_once(&once, load);
    return loaded ? NULL : problem;
}

PGconn *km_PQconnectdbParams(const char *const *k, const char *const *v, int e) { return pq.connectdbParams(k, v, e); }
ConnStatusType km_PQstatus(const PGconn *c) { return pq.status(c); }
char *km_PQerrorMessage(const PGconn *c) { return pq.errorMessage(c); }
void km_PQfinish(PGconn *c) { pq.finish(c); }
void km_PQreset(PGconn *c) { pq.reset(c); }
PQnoticeProcessor km_PQsetNoticeProcessor(PGconn *c, PQnoticeProcessor p, void *a) { return pq.setNoticeProcessor(c, p, a); }
int km_PQsocket(const PGconn *c) { return pq.socket(c); }
int km_PQbackendPID(const PGconn *c) { return pq.backendPID(c); }
char *km_PQuser(const PGconn *c) { return pq.user(c); }
PGresult *km_PQexec(PGconn *c, const char *q) { return pq.exec(c, q); }
PGresult *km_PQexecParams(PGconn *c, const char *q, int n, const Oid *t, const char *const *v, const int *l, const int *f, int r) {
    return pq.execParams(c, q, n, t, v, l, f, r);
}
ExecStatusType km_PQresultStatus(const PGresult *r) { return pq.resultStatus(r); }
char *km_PQresultErrorMessage(const PGresult *r) { return pq.resultErrorMessage(r); }
void km_PQclear(PGresult *r) { pq.clear(r); }
int km_PQntuples(const PGresult *r) { return pq.ntuples(r); }
int km_PQgetisnull(const PGresult *r, int t, int f) { return pq.getisnull(r, t, f); }
char *km_PQgetvalue(const PGresult *r, int t, int f) { return pq.getvalue(r, t, f); }
int km_PQgetlength(const PGresult *r, int t, int f) { return pq.getlength(r, t, f); }
int km_PQconsumeInput(PGconn *c) { return pq.consumeInput(c); }
PGnotify *km_PQnotifies(PGconn *c) { return pq.notifies(c); }
void km_PQfreemem(void *p) { pq.freemem(p); }
char *km_PQescapeIdentifier(PGconn *c, const char *s, size_t n) { return pq.escapeIdentifier(c, s, n); }
const char *km_pq_sqlstate(const PGresult *r) { return pq.resultErrorField(r, PG_DIAG_SQLSTATE); }
const char *km_pq_primary_message(const PGresult *r) { return pq.resultErrorField(r, PG_DIAG_MESSAGE_PRIMARY); }
