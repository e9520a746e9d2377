/*
** gen-gazetteer: compile the place gazetteer (docs/gazetteer-format.md).
**
**   gen-gazetteer [--iso DIR] [--cities cities.tsv] places.tsv OUT.bin
**
** DIR is Debian's iso-codes JSON folder (default /usr/share/iso-codes/json);
** cities.tsv comes from tools/gazetteer/dump-cities.js.  scripts/gazetteer.sh
** runs it during the build.
*/
#include <stdio.h>
#include <string.h>

#include "attr/gazetteer.h"

int main(int argc, char **argv)
{
    const char *iso = "/usr/share/iso-codes/json", *cities = NULL;
    int i = 1;
    for (; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
        if (strcmp(argv[i], "--iso") == 0)
            iso = argv[i + 1];
        else if (strcmp(argv[i], "--cities") == 0)
            cities = argv[i + 1];
        else
            break;
    }
    if (argc - i != 2) {
        fprintf(stderr, "usage: gen-gazetteer [--iso DIR] [--cities TSV] places.tsv OUT.bin\n");
        return 2;
    }
    sr_error err = {0};
    long n = sr_gazetteer_compile(iso, cities, argv[i], argv[i + 1], &err);
    if (n < 0) {
        fprintf(stderr, "gen-gazetteer: %s\n", err.msg);
        return 1;
    }
    sr_gazetteer *g = sr_gazetteer_map(argv[i + 1], &err);
    if (!g) {
        fprintf(stderr, "gen-gazetteer: %s\n", err.msg);
        return 1;
    }
    size_t places, names;
    int has_cities;
    sr_gaz_stats(g, &places, &names, &has_cities);
    fprintf(stderr, "gen-gazetteer: %s: %zu places, %zu names%s\n", argv[i + 1], places, names,
            has_cities ? "" : " (no cities)");
    sr_gazetteer_free(g);
    return 0;
}
