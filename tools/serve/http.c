/*
** http.c: libmicrohttpd's access handler: every request enters here.
**
** It refuses methods other than GET and HEAD (405), routes the path to a
** static file or an API endpoint (anything else is a 404), validates the
** query parameters (params.c), runs the endpoint in one read transaction
** on the thread's own connection (worker.c) and sends the answer with the
** security headers every answer carries.  Errors are {"error": message}.
*/
#include <microhttpd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/http.h"
#include "serve/serve_internal.h"

#define SR_JSON_TYPE "application/json; charset=utf-8"

int sr_serve_fail(sr_serve_req *r, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->msg, sizeof r->msg, fmt, ap);
    va_end(ap);
    return status;
}

int sr_serve_db_fail(sr_serve_req *r, const char *what)
{
    int code = sqlite3_errcode(r->w->db) & 0xFF;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        return sr_serve_fail(r, 503, "the database is busy (%s); try again", what);
    return sr_serve_fail(r, 500, "database error %s: %s", what, sqlite3_errmsg(r->w->db));
}

sqlite3_stmt *sr_serve_filtered(sr_serve_req *r, int kind, int *status)
{
    sqlite3_stmt *st = sr_serve_stmt(r->w, kind, r->p.mask);
    if (!st) {
        *status = sr_serve_db_fail(r, "preparing a query");
        return NULL;
    }
    sr_serve_query_bind(st, &r->p);
    return st;
}

/* Queue resp with status and the headers of every answer, and release it. */
static enum MHD_Result send_response(struct MHD_Connection *c, int status,
                                     struct MHD_Response *resp, const char *type, int api)
{
    if (!resp)
        return MHD_NO;
    MHD_add_response_header(resp, "Content-Type", type);
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self'");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    if (api)
        MHD_add_response_header(resp, "Cache-Control", "no-store");
    if (status == 405)
        MHD_add_response_header(resp, "Allow", "GET, HEAD");
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, resp);
    MHD_destroy_response(resp);
    return ret;
}

/* Send v (consumed) as the JSON answer; a 500 when it cannot be encoded. */
static enum MHD_Result send_json(struct MHD_Connection *c, int status, json_t *v)
{
    size_t len = 0;
    char *body = v ? sr_serve_json_encode(v, &len) : NULL;
    json_decref(v);
    if (!body) {
        static const char oom[] = "{\"error\":\"out of memory\"}";
        return send_response(
            c, 500,
            MHD_create_response_from_buffer(sizeof oom - 1, (void *)oom, MHD_RESPMEM_PERSISTENT),
            SR_JSON_TYPE, 1);
    }
    return send_response(c, status,
                         MHD_create_response_from_buffer_with_free_callback(len, body, free),
                         SR_JSON_TYPE, 1);
}

/* Send {"error": msg} with status. */
static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *msg)
{
    json_t *v = json_object();
    json_object_set_new(v, "error", sr_serve_json_stringn(msg, strlen(msg)));
    return send_json(c, status, v);
}

/* GET / and /static/PATH: a file of the web directory. */
static enum MHD_Result serve_file(struct MHD_Connection *c, const sr_serve_app *app,
                                  const char *rel)
{
    char msg[256];
    size_t size = 0;
    int status;
    int fd = sr_serve_open_file(app, rel, &size, &status, msg, sizeof msg);
    if (fd < 0)
        return send_error(c, status, msg);
    /* MHD closes fd when the response is destroyed */
    return send_response(c, 200, MHD_create_response_from_fd(size, fd), sr_serve_content_type(rel),
                         0);
}

/* The API's routes: path after "/api/", exact or (for an ID) a prefix. */
static const struct route {
    const char *path;
    int prefix;
    unsigned allowed; /* SR_P_* */
    int (*fn)(sr_serve_req *r, json_t **out);
} routes[] = {
    {"meta", 0, 0, sr_serve_api_meta},
    {"events", 0, SR_P_FILTERS, sr_serve_api_events},
    {"events/", 1, 0, sr_serve_api_event},
    {"timeline", 0, SR_P_FILTERS | SR_P_BY, sr_serve_api_timeline},
    {"map", 0, SR_P_FILTERS, sr_serve_api_map},
    {"dyads", 0, SR_P_FILTERS | SR_P_LIMIT, sr_serve_api_dyads},
    {"documents/", 1, 0, sr_serve_api_document},
};

typedef struct collect_ctx {
    sr_serve_req *r;
    unsigned allowed;
    int failed;
} collect_ctx;

/* MHD_KeyValueIteratorN: take one query parameter; stop at the first bad one. */
static enum MHD_Result collect(void *cls, enum MHD_ValueKind kind, const char *key, size_t klen,
                               const char *value, size_t vlen)
{
    (void)kind;
    collect_ctx *a = cls;
    if (a->failed)
        return MHD_NO;
    const sr_serve_app *app = a->r->app;
    if (sr_serve_params_add(&a->r->p, a->allowed, key, klen, value, vlen,
                            (const char *const *)app->plover, app->nplover, a->r->msg,
                            sizeof a->r->msg) != 0) {
        a->failed = 1;
        return MHD_NO;
    }
    return MHD_YES;
}

/* A q the full-text index rejects is the client's error: 400, not 500. */
static int check_q(sr_serve_req *r)
{
    sqlite3_stmt *st = sr_serve_stmt(r->w, SR_Q_FTS_CHECK, 0);
    if (!st)
        return sr_serve_db_fail(r, "preparing the full-text check");
    sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":q"), r->p.q, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    int code = sqlite3_errcode(r->w->db) & 0xFF;
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return 200;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_NOMEM)
        return sr_serve_db_fail(r, "checking q");
    return sr_serve_fail(r, 400, "q is not a full-text query the index accepts (%s)",
                         sqlite3_errmsg(r->w->db));
}

/* Run the endpoint of route rt in one read transaction. */
static int run(sr_serve_req *r, const struct route *rt, json_t **out)
{
    if (!(r->w = sr_serve_worker_get(r->pool, r->msg, sizeof r->msg)))
        return 503;
    if (sqlite3_exec(r->w->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return sr_serve_db_fail(r, "beginning a read");
    int status = 200;
    if (r->p.mask & (1u << SR_F_Q))
        status = check_q(r);
    if (status == 200)
        status = rt->fn(r, out);
    if (sqlite3_exec(r->w->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        sqlite3_exec(r->w->db, "ROLLBACK", NULL, NULL, NULL);
    if (status != 200 && *out) {
        json_decref(*out);
        *out = NULL;
    }
    return status;
}

/*
** GET /api/PATH: find the route, take and check the query parameters,
** run the endpoint and send its answer or its error.
*/
static enum MHD_Result serve_api(struct MHD_Connection *c, sr_serve_app *app, const char *path)
{
    const struct route *rt = NULL;
    const char *id = NULL;
    for (size_t i = 0; i < sizeof routes / sizeof *routes && !rt; i++) {
        size_t n = strlen(routes[i].path);
        if (routes[i].prefix ? strncmp(path, routes[i].path, n) == 0 && path[n]
                             : strcmp(path, routes[i].path) == 0) {
            rt = &routes[i];
            id = path + n;
        }
    }
    if (!rt)
        return send_error(c, 404, "no such API endpoint (see docs/serve-api.md)");
    sr_serve_req *r = calloc(1, sizeof *r);
    if (!r)
        return send_error(c, 500, "out of memory");
    r->app = app;
    r->pool = &app->pool;
    r->id = id;
    sr_serve_params_init(&r->p);
    collect_ctx a = {r, rt->allowed, 0};
    MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, collect, &a);
    int status = 400;
    json_t *out = NULL;
    if (!a.failed && sr_serve_params_check(&r->p, r->msg, sizeof r->msg) == 0)
        status = run(r, rt, &out);
    enum MHD_Result ret = status == 200 ? send_json(c, 200, out) : send_error(c, status, r->msg);
    free(r);
    return ret;
}

/* Every request: method, then route (see the head of the file). */
enum MHD_Result sr_serve_handle(void *cls, struct MHD_Connection *c, const char *url,
                                const char *method, const char *version, const char *upload_data,
                                size_t *upload_size, void **con_cls)
{
    (void)version, (void)upload_data;
    sr_serve_app *app = cls;
    /* other methods are answered at once, without reading a body they may carry */
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return send_error(c, 405, "only GET and HEAD are served");
    /*
    ** The first call has the headers only: answering then would close the
    ** connection.  Mark it and answer on the next call, once any body (of
    ** which nothing is used) has been read, so the connection is kept alive.
    */
    if (!*con_cls) {
        *con_cls = app;
        return MHD_YES;
    }
    if (*upload_size) {
        *upload_size = 0;
        return MHD_YES;
    }
    if (strcmp(url, "/") == 0)
        return serve_file(c, app, "index.html");
    if (strncmp(url, "/static/", 8) == 0)
        return serve_file(c, app, url + 8);
    if (strncmp(url, "/api/", 5) == 0)
        return serve_api(c, app, url + 5);
    return send_error(c, 404, "no such page");
}
