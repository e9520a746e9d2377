/*
** webdir.c: where the page lives.  The same order as the rest of sitrep
** finds its data (src/util/util.c, sr_data_dir), with one step more: the
** build directory's data/web, where the build installs the page with the
** libraries it needs (as it writes the gazetteer into data/), comes
** before the source tree's data/web.
**
**   --web DIR           DIR
**   --data DIR          DIR/web
**   $SITREP_DATA        $SITREP_DATA/web
**   the build's         BUILD/data/web, when it has an index.html
**   the source tree's   SOURCE/data/web, when it is there
**   the installed one   PREFIX/share/sitrep/data/web
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "serve/serve_internal.h"

static char *join(const char *dir, const char *rest)
{
    size_t n = strlen(dir) + strlen(rest) + 1;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s", dir, rest);
    return s;
}

char *sr_serve_web_dir(const char *web, const char *data)
{
    if (web && *web)
        return strdup(web);
    if (data && *data)
        return join(data, "/web");
    const char *env = getenv("SITREP_DATA");
    if (env && *env)
        return join(env, "/web");
    if (access(SR_BUILD_DATA_DIR "/web/index.html", R_OK) == 0)
        return strdup(SR_BUILD_DATA_DIR "/web");
    struct stat sb;
    if (stat(SR_DATA_DIR "/web", &sb) == 0 && S_ISDIR(sb.st_mode))
        return strdup(SR_DATA_DIR "/web");
    return strdup(SR_INSTALL_DATA_DIR "/web");
}
