/*
** actor_code.h: a CAMEO actor code split into the parts GDELT gives
** columns of (country, known group, up to three types), for the GDELT
** writer and the store's filter columns.
*/
#ifndef SR_ACTOR_CODE_H
#define SR_ACTOR_CODE_H

/* Each part is a 3-letter code, or "" when the code has none. */
typedef struct sr_code_parts {
    char country[4], group[4], type[3][4];
} sr_code_parts;

/* Split code ("RUSMIL", "IGOWSTNAT", "---CVL", "GOV"); all parts empty for NULL. */
sr_code_parts sr_actor_code_split(const char *code);

#endif
