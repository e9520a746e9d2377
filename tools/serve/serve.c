/*
** serve.c: `sitrep serve`: options, start-up checks, the listening
** socket, the libmicrohttpd daemon and a clean stop.
**
** Everything that can go wrong at start is checked before the daemon runs,
** each with its own message: a missing database, a file that is not a
** sitrep database or has another schema version, a port in use.  The
** socket is bound here rather than by libmicrohttpd so that the error says
** why (and --port 0 can pick a free port and print it).  SIGINT and SIGTERM
** are blocked in every thread and taken with sigwait() by the main thread,
** so stopping needs no signal handler and no global state.
*/
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "serve/http.h"
#include "serve/serve.h"
#include "serve/serve_internal.h"

#define SR_SERVE_MAX_THREADS 64
/* Bytes libmicrohttpd may use per connection for the request line and headers. */
#define SR_SERVE_CONN_MEMORY (64 * 1024)

static const char usage[] =
    "usage: sitrep serve --db FILE [OPTIONS]\n"
    "\n"
    "Serve the workbench page and its JSON API (docs/serve-api.md) over a read-only\n"
    "handle on a database written by `sitrep code --db` (schema version 4).  The\n"
    "database may be written while it is served.  Stop with Ctrl-C (SIGINT) or SIGTERM.\n"
    "\n"
    "  --db FILE        the database to serve (required)\n"
    "  --port N         TCP port (default 8080; 0 picks a free one, printed at start)\n"
    "  --bind ADDR      IPv4 or IPv6 address to listen on (default 127.0.0.1)\n"
    "  --threads N      server threads, each with its own database connection\n"
    "                   (default: the number of processors, at most 16; 1 to 64)\n"
    "  --web DIR        directory of the page (index.html and its files; default\n"
    "                   the data directory's web/, see tools/serve/README.md)\n"
    "  --data DIR       data directory (default $SITREP_DATA or the built-in one)\n"
    "  -h, --help       this text\n"
    "\n"
    "Exit status: 0 stopped by a signal; 2 usage error or the server could not start.\n";

typedef struct serve_opts {
    const char *db, *bind, *web, *data;
    int port, threads;
} serve_opts;

static int usage_error(const char *msg)
{
    fprintf(stderr, "sitrep serve: %s\n\n%s", msg, usage);
    return 2;
}

/* A whole number from lo to hi, or -1. */
static long number(const char *s, long lo, long hi)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    return v;
}

/* Parse argv into o: 0, or the exit status to return (help or a usage error). */
static int parse_options(int argc, char **argv, serve_opts *o)
{
    static const struct option longs[] = {
        {"db", required_argument, NULL, 'd'},   {"port", required_argument, NULL, 'p'},
        {"bind", required_argument, NULL, 'b'}, {"threads", required_argument, NULL, 'j'},
        {"web", required_argument, NULL, 'w'},  {"data", required_argument, NULL, 'D'},
        {"help", no_argument, NULL, 'h'},       {NULL, 0, NULL, 0},
    };
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    *o = (serve_opts){.bind = "127.0.0.1",
                      .port = 8080,
                      .threads = ncpu < 1    ? 1
                                 : ncpu > 16 ? 16
                                             : (int)ncpu};
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "j:h", longs, NULL)) != -1) {
        switch (c) {
        case 'd':
            o->db = optarg;
            break;
        case 'b':
            o->bind = optarg;
            break;
        case 'w':
            o->web = optarg;
            break;
        case 'D':
            o->data = optarg;
            break;
        case 'p':
            if ((o->port = (int)number(optarg, 0, 65535)) < 0)
                return usage_error("--port wants a TCP port from 0 to 65535");
            break;
        case 'j':
            if ((o->threads = (int)number(optarg, 1, SR_SERVE_MAX_THREADS)) < 0)
                return usage_error("--threads wants a number from 1 to 64");
            break;
        case 'h':
            fputs(usage, stdout);
            return -1;
        default:
            return usage_error("bad option");
        }
    }
    if (optind < argc)
        return usage_error("unexpected argument (the database is given with --db FILE)");
    if (!o->db || !*o->db)
        return usage_error("--db FILE is required");
    return 0;
}

/*
** A listening TCP socket on addr:port; -1 with msg set.  *family is the
** address family, *bound the port actually bound (for port 0).
*/
static int listen_on(const char *addr, int port, int *family, int *bound, char *msg, size_t cap)
{
    struct addrinfo hints = {.ai_family = AF_UNSPEC,
                             .ai_socktype = SOCK_STREAM,
                             .ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE};
    struct addrinfo *ai = NULL;
    char portstr[8];
    snprintf(portstr, sizeof portstr, "%d", port);
    int rc = getaddrinfo(addr, portstr, &hints, &ai);
    if (rc != 0) {
        snprintf(msg, cap, "--bind %s: not an IPv4 or IPv6 address (%s)", addr, gai_strerror(rc));
        return -1;
    }
    int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    if (fd < 0) {
        snprintf(msg, cap, "cannot open a socket: %s", strerror(errno));
    } else if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
               bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 512) != 0) {
        int e = errno;
        snprintf(msg, cap, "cannot listen on %s port %d: %s%s", addr, port, strerror(e),
                 e == EADDRINUSE      ? " (another server is using it; choose one with --port)"
                 : e == EADDRNOTAVAIL ? " (no interface of this machine has that address)"
                 : e == EACCES        ? " (ports below 1024 need privileges)"
                                      : "");
        close(fd);
        fd = -1;
    }
    if (fd >= 0) {
        struct sockaddr_storage ss;
        socklen_t len = sizeof ss;
        getsockname(fd, (struct sockaddr *)&ss, &len);
        *bound = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
                                                : ((struct sockaddr_in *)&ss)->sin_port);
        *family = ai->ai_family;
    }
    freeaddrinfo(ai);
    return fd;
}

/* libmicrohttpd's own messages, on stderr with the command's prefix. */
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    fputs("sitrep serve: ", stderr);
    vfprintf(stderr, fmt, ap);
}

/* Everything load_app() set up. */
static void free_app(sr_serve_app *app)
{
    sr_serve_pool_free(&app->pool);
    sr_serve_iso_free(&app->iso);
    for (size_t i = 0; i < app->nplover; i++)
        free(app->plover[i]);
    free(app->plover);
    free(app->web_dir);
    free(app->web_real);
}

/* Check the database and load what the answers need; -1 with msg set. */
static int load_app(sr_serve_app *app, const serve_opts *o, char *msg, size_t cap)
{
    memset(app, 0, sizeof *app);
    app->db_path = o->db;
    if (sr_serve_db_check(o->db, &app->plover, &app->nplover, msg, cap) != 0)
        return -1;
    char isomsg[512];
    if (sr_serve_iso_load(&app->iso, SR_ISO_CODES_FILE, isomsg, sizeof isomsg) != 0)
        fprintf(stderr,
                "sitrep serve: warning: %s: /api/map gives no numeric codes "
                "(install iso-codes)\n",
                isomsg);
    app->web_dir = sr_serve_web_dir(o->web, o->data);
    if (!app->web_dir || sr_serve_pool_init(&app->pool, o->db, (size_t)o->threads) != 0) {
        snprintf(msg, cap, "out of memory");
        return -1;
    }
    app->web_real = realpath(app->web_dir, NULL);
    if (!app->web_real)
        fprintf(stderr, "sitrep serve: warning: no page in %s (the API is served; see --web)\n",
                app->web_dir);
    return 0;
}

/* Check, bind, serve until a stop signal, stop (see the head of the file). */
int sr_serve_main(int argc, char **argv)
{
    serve_opts o;
    int rc = parse_options(argc, argv, &o);
    if (rc != 0)
        return rc < 0 ? 0 : rc;
    char msg[1024];
    sr_serve_app app;
    if (load_app(&app, &o, msg, sizeof msg) != 0) {
        fprintf(stderr, "sitrep serve: %s\n", msg);
        free_app(&app);
        return 2;
    }
    int family = AF_INET, port = 0;
    int fd = listen_on(o.bind, o.port, &family, &port, msg, sizeof msg);
    if (fd < 0) {
        fprintf(stderr, "sitrep serve: %s\n", msg);
        free_app(&app);
        return 2;
    }
    /* Block the stop signals before any thread starts, so all inherit the mask. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
    if (family == AF_INET6)
        flags |= MHD_USE_IPv6;
    /* a pool of threads, or (no option at all) the one internal thread */
    struct MHD_OptionItem pool[] = {
        {o.threads > 1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END, o.threads, NULL},
        {MHD_OPTION_END, 0, NULL}};
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, 0, NULL, NULL, sr_serve_handle, &app, MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
        MHD_OPTION_LISTEN_SOCKET, fd, MHD_OPTION_ARRAY, pool, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)SR_SERVE_CONN_MEMORY, MHD_OPTION_CONNECTION_LIMIT, (unsigned)1024,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "sitrep serve: the HTTP server could not start\n");
        close(fd);
        free_app(&app);
        return 2;
    }
    fprintf(stderr, "sitrep: serving %s at http://%s%s%s:%d/\n", o.db,
            family == AF_INET6 ? "[" : "", o.bind, family == AF_INET6 ? "]" : "", port);
    fflush(stderr);
    int sig = 0;
    while (sigwait(&stop, &sig) != 0)
        ;
    fprintf(stderr, "sitrep: %s: stopping\n", sig == SIGINT ? "interrupted" : "terminated");
    MHD_stop_daemon(d); /* waits for the requests being answered; closes fd */
    free_app(&app);
    return 0;
}
