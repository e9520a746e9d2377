/*
** kb_translit.c: romanized variants of native-script names.
**
** English news writes a Russian or Ukrainian name in one romanization or
** another, and seldom with the patronymic, so a native name in the base
** also stands under its transliterations (the language's BGN system where
** ICU has one, then generic Cyrillic and Any-Latin), their ASCII forms
** with and without soft signs, and first name and surname alone.  ICU's
** transliterators are opened on the first native name: a base read from
** PETRARCH dictionaries, which have none, never opens them.
*/
#include "kb/kb_build_internal.h"

#include <stdio.h>
#include <string.h>
#include <unicode/ustring.h>

enum { TR_RUSSIAN, TR_UKRAINIAN, TR_CYRILLIC, TR_ANY, TR_ASCII };
static const char *const trans_ids[] = {"Russian-Latin/BGN", "Ukrainian-Latin/BGN",
                                        "Cyrillic-Latin", "Any-Latin", "Latin-ASCII"};

static void open_transliterators(kb_builder *b)
{
    if (b->trans_tried)
        return;
    b->trans_tried = 1;
    for (int i = 0; i < 5; i++) {
        UErrorCode st = U_ZERO_ERROR;
        UChar id[64];
        u_uastrcpy(id, trans_ids[i]);
        UParseError pe;
        b->trans[i] = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, &pe, &st);
        if (U_FAILURE(st))
            b->trans[i] = NULL;
    }
}

/* Run transliterator t over a UTF-8 string; result in out (UTF-8). 0 on failure. */
static int transliterate(UTransliterator *t, const char *in, char *out, size_t cap)
{
    UChar buf[512];
    int32_t len = 0;
    UErrorCode st = U_ZERO_ERROR;
    if (!t)
        return 0;
    u_strFromUTF8(buf, 256, &len, in, -1, &st);
    if (U_FAILURE(st) || len >= 256)
        return 0;
    int32_t limit = len;
    utrans_transUChars(t, buf, &len, 512, 0, &limit, &st);
    if (U_FAILURE(st) || len >= 512)
        return 0;
    int32_t outlen = 0;
    u_strToUTF8(out, (int32_t)cap, &outlen, buf, len, &st);
    if (U_FAILURE(st) || outlen >= (int32_t)cap)
        return 0;
    out[outlen] = 0;
    return 1;
}

/* Drop apostrophe-like soft-sign marks (ʹ ʺ ' ’) from a romanized name. */
static void drop_soft_signs(char *s)
{
    char *w = s;
    for (char *r = s; *r;) {
        unsigned char c = (unsigned char)*r;
        if (c == '\'' || c == '"') {
            r++;
            continue;
        }
        if (c == 0xca && ((unsigned char)r[1] == 0xb9 || (unsigned char)r[1] == 0xba)) {
            r += 2;
            continue;
        }
        if (c == 0xe2 && (unsigned char)r[1] == 0x80 && (unsigned char)r[2] == 0x99) {
            r += 3;
            continue;
        }
        *w++ = *r++;
    }
    *w = 0;
}

/* Add a romanized variant, and its form without soft signs, and first+last of three words. */
static void add_variant(kb_builder *b, uint32_t e, char *latin)
{
    char ascii[512];
    sr_kb_add_name(b, e, latin, KB_P_VARIANT, 0);
    if (transliterate(b->trans[TR_ASCII], latin, ascii, sizeof ascii))
        sr_kb_add_name(b, e, ascii, KB_P_VARIANT, 0);
    else
        snprintf(ascii, sizeof ascii, "%s", latin);
    drop_soft_signs(ascii);
    sr_kb_add_name(b, e, ascii, KB_P_VARIANT, 0);
    /* "Vladimir Vladimirovich Putin" is usually "Vladimir Putin". */
    char *sp1 = strchr(ascii, ' ');
    char *sp2 = sp1 ? strchr(sp1 + 1, ' ') : NULL;
    if (sp1 && sp2 && !strchr(sp2 + 1, ' ')) {
        memmove(sp1, sp2, strlen(sp2) + 1);
        sr_kb_add_name(b, e, ascii, KB_P_VARIANT, 0);
    }
}

void sr_kb_add_native(kb_builder *b, uint32_t e, const char *lang, const char *name)
{
    char latin[512];
    sr_kb_add_name(b, e, name, KB_P_NATIVE, 0);
    /* "Владимир Владимирович Путин" is also written "Владимир Путин" */
    const char *sp1 = strchr(name, ' ');
    const char *sp2 = sp1 ? strchr(sp1 + 1, ' ') : NULL;
    if (sp1 && sp2 && !strchr(sp2 + 1, ' ')) {
        snprintf(latin, sizeof latin, "%.*s%s", (int)(sp1 - name), name, sp2);
        sr_kb_add_name(b, e, latin, KB_P_NATIVE, 0);
    }
    open_transliterators(b);
    int first = TR_ANY;
    if (strcmp(lang, "ru") == 0)
        first = TR_RUSSIAN;
    else if (strcmp(lang, "uk") == 0)
        first = TR_UKRAINIAN;
    else if (strcmp(lang, "be") == 0 || strcmp(lang, "bg") == 0 || strcmp(lang, "sr") == 0 ||
             strcmp(lang, "mk") == 0 || strcmp(lang, "kk") == 0)
        first = TR_CYRILLIC;
    int ids[3] = {first, TR_CYRILLIC, TR_ANY};
    for (int i = 0; i < 3; i++) {
        if (i > 0 && ids[i] == ids[i - 1])
            continue;
        if (transliterate(b->trans[ids[i]], name, latin, sizeof latin))
            add_variant(b, e, latin);
    }
}

/* When this file was compiled: part of the cache fingerprint, so a new compiler rebuilds caches. */
const char *sr_kb_stamp_translit(void)
{
    return __DATE__ " " __TIME__;
}
