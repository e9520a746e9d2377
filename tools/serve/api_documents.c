/*
** api_documents.c: GET /api/documents/ID: one article with its text, its
** sentences' spans and every report coded from it, for the page's
** evidence view (spans in characters, as JavaScript strings count them
** once the page maps code points).
*/
#include <string.h>

#include "serve/serve_internal.h"

#define SR_SERVE_MAX_DOC_ID 1024

/* {"id", "title", "date", "url", "source", "text", "sentences", "mentions"} of document r->id. */
int sr_serve_api_document(sr_serve_req *r, json_t **out)
{
    size_t n = strlen(r->id);
    if (n == 0 || n > SR_SERVE_MAX_DOC_ID || !sr_serve_utf8_valid(r->id, n))
        return sr_serve_fail(r, 400, "a document id is 1 to %d bytes of UTF-8 text",
                             SR_SERVE_MAX_DOC_ID);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)r->id[i] < 0x20 || r->id[i] == 0x7F)
            return sr_serve_fail(r, 400, "a document id has no control characters");
    sqlite3_stmt *st = sr_serve_stmt(r->w, SR_Q_DOC, 0);
    if (!st)
        return sr_serve_db_fail(r, "preparing a query");
    sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":doc"), r->id, (int)n, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE)
        return sr_serve_fail(r, 404, "no such document");
    if (rc != SQLITE_ROW)
        return sr_serve_db_fail(r, "reading the document");
    json_t *doc = json_object();
    static const char *const keys[] = {"id", "title", "date", "url", "source", "text"};
    for (int i = 0; i < 6; i++)
        json_object_set_new(doc, keys[i], sr_serve_json_text(st, i));
    sqlite3_reset(st);

    json_t *sentences = json_array();
    json_object_set_new(doc, "sentences", sentences);
    if (!(st = sr_serve_stmt(r->w, SR_Q_DOC_SENTENCES, 0))) {
        json_decref(doc);
        return sr_serve_db_fail(r, "preparing a query");
    }
    sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":doc"), r->id, (int)n, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        json_t *s = json_object();
        json_object_set_new(s, "idx", sr_serve_json_int(st, 0));
        json_object_set_new(s, "start", sr_serve_json_int(st, 1));
        json_object_set_new(s, "end", sr_serve_json_int(st, 2));
        json_array_append_new(sentences, s);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        json_decref(doc);
        return sr_serve_db_fail(r, "reading sentences");
    }
    if (!(st = sr_serve_stmt(r->w, SR_Q_DOC_MENTIONS, 0))) {
        json_decref(doc);
        return sr_serve_db_fail(r, "preparing a query");
    }
    sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":doc"), r->id, (int)n, SQLITE_STATIC);
    int status = 200;
    json_t *mentions = sr_serve_mention_rows(r, st, &status);
    sqlite3_reset(st);
    if (!mentions) {
        json_decref(doc);
        return status;
    }
    json_object_set_new(doc, "mentions", mentions);
    *out = doc;
    return 200;
}
