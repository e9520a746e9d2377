/*
** files.c: the page's static files, from the web directory only.
**
** A path may be asked for only in a plain form: segments of letters,
** digits and - _ . ~ + @, none empty or starting with '.', so "..",
** hidden files, absolute paths and backslashes are refused before the file
** system is touched.  The file found must still resolve (symbolic links
** followed) inside the web directory, and be a regular file.
*/
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "serve/serve_internal.h"

#define SR_SERVE_MAX_PATH 512

static const struct {
    const char *ext, *type;
} types[] = {
    {"html", "text/html; charset=utf-8"},
    {"htm", "text/html; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"json", "application/json; charset=utf-8"},
    {"map", "application/json; charset=utf-8"},
    {"txt", "text/plain; charset=utf-8"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"gif", "image/gif"},
    {"webp", "image/webp"},
    {"ico", "image/x-icon"},
    {"woff", "font/woff"},
    {"woff2", "font/woff2"},
    {"ttf", "font/ttf"},
    {"wasm", "application/wasm"},
};

const char *sr_serve_content_type(const char *name)
{
    const char *slash = strrchr(name, '/');
    const char *dot = strrchr(slash ? slash : name, '.');
    if (dot)
        for (size_t i = 0; i < sizeof types / sizeof *types; i++)
            if (strcasecmp(dot + 1, types[i].ext) == 0)
                return types[i].type;
    return "application/octet-stream";
}

/* 1 when rel is a path of plain segments (see the head of the file). */
static int plain_path(const char *rel)
{
    size_t n = strlen(rel);
    if (n == 0 || n > SR_SERVE_MAX_PATH)
        return 0;
    int at_start = 1;
    for (size_t i = 0; i < n; i++) {
        char c = rel[i];
        if (c == '/') {
            if (at_start)
                return 0; /* empty segment or leading '/' */
            at_start = 1;
            continue;
        }
        if (at_start && c == '.')
            return 0; /* "..", "." and hidden files */
        at_start = 0;
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.' || c == '~' || c == '+' || c == '@'))
            return 0;
    }
    return !at_start; /* no trailing '/' */
}

int sr_serve_open_file(const sr_serve_app *app, const char *rel, size_t *size, int *status,
                       char *msg, size_t cap)
{
    *status = 400;
    if (!plain_path(rel)) {
        snprintf(msg, cap,
                 "a file path is made of plain names (letters, digits, - _ . ~ + @), "
                 "with no '..' or hidden files");
        return -1;
    }
    *status = 404;
    if (!app->web_real) {
        snprintf(msg, cap, "no page is installed (no directory %s; see --web)", app->web_dir);
        return -1;
    }
    char path[PATH_MAX], real[PATH_MAX];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", app->web_real, rel) >= sizeof path ||
        !realpath(path, real)) {
        snprintf(msg, cap, "no such file");
        return -1;
    }
    size_t root = strlen(app->web_real);
    if (strncmp(real, app->web_real, root) != 0 || real[root] != '/') {
        *status = 400;
        snprintf(msg, cap, "the file is outside the page's directory");
        return -1;
    }
    int fd = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        if (fd >= 0)
            close(fd);
        snprintf(msg, cap, "no such file");
        return -1;
    }
    *size = (size_t)sb.st_size;
    return fd;
}
