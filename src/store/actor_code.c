/*
** actor_code.c: splitting a CAMEO actor code as GDELT does.  A code is a
** run of 3-letter blocks: a country or region first (or "---" for none),
** unless it starts with IGO/NGO or with a role; then roles and sectors,
** which fill Type1..3 in order; after IGO/NGO, the last block that is not
** a role is the known group.
*/
#include <string.h>

#include "store/actor_code.h"

/* Whether the 3 letters at p are one of the list (a space-separated string of codes). */
static int code_in(const char *p, const char *list)
{
    for (;; list += 4) {
        if (memcmp(p, list, 3) == 0)
            return 1;
        if (list[3] == '\0')
            return 0;
    }
}

/* CAMEO role and sector codes: GDELT's Type columns. */
static const char type_codes[] =
    "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG "
    "MED MNC NGM REF SET MOD RAD PTY IMG UNR";
/* CAMEO region codes, which qualify an IGO before its group code. */
static const char region_codes[] =
    "AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SAS SAM SCN SEA "
    "SAF WAF WST";

sr_code_parts sr_actor_code_split(const char *code)
{
    sr_code_parts g;
    memset(&g, 0, sizeof g);
    size_t n = code ? strlen(code) : 0, i = 0, nt = 0;
    if (n < 3)
        return g;
    int org = strncmp(code, "IGO", 3) == 0 || strncmp(code, "NGO", 3) == 0;
    if (org) {
        i = 3;
        while (i + 3 <= n && code_in(code + i, region_codes))
            i += 3;
    } else if (!code_in(code, type_codes)) {
        if (strncmp(code, "---", 3) != 0)
            memcpy(g.country, code, 3);
        i = 3;
    }
    for (; i + 3 <= n; i += 3) {
        if (code_in(code + i, type_codes)) {
            if (nt < 3)
                memcpy(g.type[nt++], code + i, 3);
        } else if (org) {
            memcpy(g.group, code + i, 3);
        }
    }
    return g;
}
