/*
** serve.h: `sitrep serve`, the workbench's HTTP server: the page and the
** JSON API of docs/serve-api.md over a read-only handle on a schema 4
** database.  tools/sitrep.c dispatches the command here.
*/
#ifndef SR_SERVE_H
#define SR_SERVE_H

/*
** Run `sitrep serve` with argv[0] == "serve": parse the options, check the
** database, serve until SIGINT or SIGTERM.  Returns the exit status: 0
** after a clean stop, 2 for a usage error or anything that stops the
** server from starting (each explained on stderr).
*/
int sr_serve_main(int argc, char **argv);

#endif
