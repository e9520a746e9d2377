/*
** http.h: the libmicrohttpd access handler of `sitrep serve` (http.c).
*/
#ifndef SR_SERVE_HTTP_H
#define SR_SERVE_HTTP_H

#include <microhttpd.h>

/* MHD_AccessHandlerCallback; cls is the sr_serve_app. */
enum MHD_Result sr_serve_handle(void *cls, struct MHD_Connection *c, const char *url,
                                const char *method, const char *version, const char *upload_data,
                                size_t *upload_size, void **con_cls);

#endif
