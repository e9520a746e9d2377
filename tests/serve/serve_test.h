/*
** serve_test.h: what the tests of `sitrep serve` share: starting the
** built command on a free loopback port (it prints the port it bound),
** stopping it with SIGTERM, and a small HTTP/1.1 client over a plain
** socket, so the tests speak real HTTP without a client library.
**
** $SR_SERVE_WRAP, when set, is put before the command (the valgrind test
** runs the server under valgrind this way).
*/
#ifndef SR_SERVE_TEST_H
#define SR_SERVE_TEST_H

#include "sr_test.h"

#include <arpa/inet.h>
#include <errno.h>
#include <jansson.h>
#include <netinet/in.h>
#include <signal.h>
#include <sqlite3.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>

typedef struct srt_server {
    pid_t pid;
    int port;
    FILE *err; /* the server's stderr */
} srt_server;

/*
** Start `sitrep serve --db DB --port 0 ARGS` and wait for its address.
** Returns 0, or -1 when it exits first (its stderr is copied to ours).
*/
static inline int srt_start(srt_server *s, const char *db, const char *args)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    const char *wrap = getenv("SR_SERVE_WRAP");
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "exec %s '%s' serve --db '%s' --port 0 --bind 127.0.0.1 %s",
             wrap ? wrap : "", SR_CLI, db, args ? args : "");
    s->pid = fork();
    assert_true(s->pid >= 0);
    if (s->pid == 0) {
        dup2(fds[1], 2);
        close(fds[0]);
        close(fds[1]);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    s->err = fdopen(fds[0], "r");
    s->port = 0;
    char line[4096];
    while (fgets(line, sizeof line, s->err)) {
        const char *at = strstr(line, "http://127.0.0.1:");
        if (strstr(line, "sitrep: serving") && at) {
            s->port = atoi(at + strlen("http://127.0.0.1:"));
            return 0;
        }
        fputs(line, stderr);
    }
    waitpid(s->pid, NULL, 0);
    fclose(s->err);
    return -1;
}

/* Stop the server with signal sig; returns its exit status (-1 if killed). */
static inline int srt_stop_with(srt_server *s, int sig)
{
    kill(s->pid, sig);
    int st = 0;
    waitpid(s->pid, &st, 0);
    char line[4096];
    while (fgets(line, sizeof line, s->err))
        if (!strstr(line, "stopping") && !strstr(line, "Error processing request"))
            fputs(line, stderr); /* anything unexpected, e.g. valgrind's report */
    fclose(s->err);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Stop the server with SIGTERM. */
static inline int srt_stop(srt_server *s)
{
    return srt_stop_with(s, SIGTERM);
}

typedef struct srt_reply {
    int status;
    char *head; /* status line and headers */
    char *body;
    size_t len;
    json_t *json; /* the body parsed, when it is JSON */
} srt_reply;

static inline void srt_reply_free(srt_reply *r)
{
    free(r->head);
    free(r->body);
    json_decref(r->json);
    memset(r, 0, sizeof *r);
}

/* Send raw bytes as one request and read the answer until the server closes. */
static inline int srt_raw(int port, const char *req, size_t reqlen, srt_reply *r)
{
    memset(r, 0, sizeof *r);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct timeval tv = {30, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    /* the server may answer and close before reading all of a huge request */
    for (size_t off = 0; off < reqlen;) {
        ssize_t n = send(fd, req + off, reqlen - off, MSG_NOSIGNAL);
        if (n <= 0)
            break;
        off += (size_t)n;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (len + 4096 > cap)
            buf = realloc(buf, cap *= 2);
        ssize_t n = recv(fd, buf + len, cap - len - 1, 0);
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    buf[len] = '\0';
    char *end = strstr(buf, "\r\n\r\n");
    if (!end) {
        free(buf);
        return -1;
    }
    r->head = strndup(buf, (size_t)(end - buf));
    r->len = len - (size_t)(end + 4 - buf);
    r->body = malloc(r->len + 1);
    memcpy(r->body, end + 4, r->len);
    r->body[r->len] = '\0';
    free(buf);
    r->status = atoi(r->head + strlen("HTTP/1.1 "));
    json_error_t jerr;
    r->json = json_loadb(r->body, r->len, 0, &jerr);
    return 0;
}

/* METHOD path; the reply must be well formed. */
static inline void srt_request(int port, const char *method, const char *path, srt_reply *r)
{
    size_t n = strlen(path) + 256;
    char *req = malloc(n);
    snprintf(req, n, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", method,
             path);
    int rc = srt_raw(port, req, strlen(req), r);
    free(req);
    assert_int_equal(rc, 0);
}

static inline void srt_get(int port, const char *path, srt_reply *r)
{
    srt_request(port, "GET", path, r);
}

/* The value of header name (case-insensitive), malloc'd, or NULL. */
static inline char *srt_header(const srt_reply *r, const char *name)
{
    size_t n = strlen(name);
    for (const char *line = strstr(r->head, "\r\n"); line; line = strstr(line + 2, "\r\n")) {
        const char *h = line + 2;
        if (strncasecmp(h, name, n) == 0 && h[n] == ':') {
            const char *v = h + n + 1;
            while (*v == ' ')
                v++;
            const char *e = strstr(v, "\r\n");
            return strndup(v, e ? (size_t)(e - v) : strlen(v));
        }
    }
    return NULL;
}

/* GET path: 200 with a JSON body; the reply's JSON (owned by r). */
static inline json_t *srt_json(int port, const char *path, srt_reply *r)
{
    srt_get(port, path, r);
    if (r->status != 200 || !r->json)
        fprintf(stderr, "GET %s: %d %s\n", path, r->status, r->body);
    assert_int_equal(r->status, 200);
    assert_non_null(r->json);
    return r->json;
}

/* One integer an SQL query gives. */
static inline long long srt_sql_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* The schema version of the database at path (0 when it cannot be read). */
static inline int srt_db_version(const char *path)
{
    sqlite3 *db;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return 0;
    }
    int v = (int)srt_sql_int(db, "PRAGMA user_version");
    sqlite3_close(db);
    return v;
}

#endif
