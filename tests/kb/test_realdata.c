/*
** test_realdata.c: the cases of the seed article on the project's own
** base (data/kb) and the seed text under ../shared.  A case whose record is
** not in data/kb yet is skipped with a message naming it.
*/
#include "kb_test.h"

#include <dirent.h>
#include <sys/stat.h>

#define SEED SR_SHARED_DIR "/seed/nato-security-guarantees.txt"

static sr_kb *kb;

static int setup(void **state)
{
    (void)state;
    private_cache();
    kb = kb_test_open(SR_DATA_DIR);
    return 0 /* tests skip when the base is missing */;
}

static int teardown(void **state)
{
    (void)state;
    sr_kb_free(kb);
    drop_private_cache();
    return 0;
}

/* Whether the base has record id under its canonical name; says so when not. */
static int has(const char *name, const char *id)
{
    sr_kb_match m;
    if (kb && sr_kb_lookup(kb, name, NULL, &m) && m.entity && strcmp(m.entity, id) == 0)
        return 1;
    fprintf(stderr, "skipped: data/kb has no record '%s' (%s)\n", id, name);
    return 0;
}

static void seed_names(void **state)
{
    (void)state;
    if (!kb)
        skip();
    found f;
    if (has("Giuseppe Cavo Dragone", "cavo-dragone-giuseppe")) {
        found_run(&f, kb,
                  "Admiral Giuseppe Kava -Dragon, head of the Military Committee of the "
                  "Alliance, said so.",
                  "2025-08-20");
        assert_mention(&f, "Kava -Dragon", "IGOWSTNATMIL", "cavo-dragone-giuseppe");
        found_free(&f);
    }
    if (has("Alexus Grynkewich", "grynkewich-alexus")) {
        found_run(&f, kb,
                  "US General Aleksis Grinkevich, senior commander of NATO allies in Europe, "
                  "spoke.",
                  "2025-08-20");
        const sr_mention *m = covering(&f, "Aleksis Grinkevich");
        assert_non_null(m);
        assert_string_equal(m->entity, "grynkewich-alexus");
        found_free(&f);
    }
    if (has("Dan Caine", "caine-dan")) {
        found_run(&f, kb, "General Dan Kane, the head of the General Staff, agreed.", "2025-08-20");
        assert_mention(&f, "Dan Kane", "USAMIL", "caine-dan");
        found_free(&f);
    }
    if (has("Volodymyr Zelensky", "zelensky-volodymyr")) {
        const char *zel[] = {"Zelenski said no.", "Volodimir Zelensky said no.",
                             "Zelenskiy said no.", "Zelenskyy said no."};
        for (size_t i = 0; i < 4; i++) {
            found_run(&f, kb, zel[i], "2025-08-20");
            assert_int_equal(f.n, 1);
            assert_string_equal(f.m[0].entity, "zelensky-volodymyr");
            assert_string_equal(f.m[0].code, "UKRGOV");
            found_free(&f);
        }
    }
}

static void seed_dates_and_negatives(void **state)
{
    (void)state;
    if (!kb)
        skip();
    found f;
    if (has("Donald Trump", "trump-donald") && has("Joe Biden", "biden-joe")) {
        found_run(&f, kb, "The US president spoke.", "2025-08-20");
        assert_mention(&f, "US president", "USAGOV", "trump-donald");
        found_free(&f);
        found_run(&f, kb, "The US president spoke.", "2022-08-20");
        assert_mention(&f, "US president", "USAGOV", "biden-joe");
        found_free(&f);
    }
    /* ("Dan Kane" is an alias in data/kb, so a plumber of that name is not asserted here) */
    const char *neg[] = {"Mr Pution said it would rain.", "Boden said the shop was closed.",
                         "Zelinsky, a pianist, played Chopin."};
    for (size_t i = 0; i < 3; i++) {
        found_run(&f, kb, neg[i], "2025-08-20");
        for (size_t k = 0; k < f.n; k++)
            if (f.m[k].entity && f.m[k].kind != SR_MENTION_AGENT)
                fail_msg("'%s' resolved to %s", neg[i], f.m[k].entity);
        found_free(&f);
    }
    found_run(&f, kb, "Ukrainian Deputy Foreign Minister Mykola Totschenko arrived in Rome.",
              "2025-08-20");
    const sr_mention *m = covering(&f, "Mykola Totschenko");
    assert_non_null(m);
    assert_int_equal(m->kind, SR_MENTION_UNKNOWN);
    assert_string_equal(m->code, "UKRGOV");
    found_free(&f);
}

/* Names machine translation gives actors, and the near misses that must stay apart. */
static void machine_translation_names(void **state)
{
    (void)state;
    if (!kb)
        skip();
    struct {
        const char *text, *date, *phrase, *code;
    } cases[] = {
        {"The MID of Iran condemned the strike.", "2025-04-12", "MID of Iran", "IRNGOV"},
        {"The Corps of guards of Islamic revolution launched rockets.", "2024-10-01",
         "Corps of guards", "IRNMIL"},
        {"The soldiers of KNDR fought in the Kursk region.", "2025-04-28", "KNDR", "PRKMIL"},
        {"The Air forces of VSU shot down 31 drones.", "2025-08-21", "VSU", "UKRMIL"},
        {"The husites attacked the ship.", "2025-07-09", "husites", "YEMREB"},
        {"The Security council of UNO demanded the withdrawal.", "2025-02-21", "UNO", "IGOUNO"},
        {"The Zionist aviation struck the camp.", "2024-07-13", "Zionist aviation", "ISRMIL"},
        {"Russian occupation forces shelled Kherson.", "2025-03-01", "occupation forces", "RUSMIL"},
        {"Erdoan called Putin.", "2025-05-14", "Erdoan", "TURGOV"},
        /* a place gives an agent word its country */
        {"The Gaza health ministry said 30 people were killed.", "2025-05-14",
         "Gaza health ministry", "PSEGOV"},
        {"Kharkiv police detained two men.", "2025-05-14", "Kharkiv police", "UKRCOP"},
        /* government forces are the army */
        {"Syrian government forces shelled the town.", "2023-03-01", "Syrian government forces",
         "SYRMIL"},
        /* a capitalized ministry keeps its country after "of" */
        {"The Ministry of Defence of Russia reported the attack.", "2024-11-19",
         "Ministry of Defence of Russia", "RUSGOV"},
        /* machine translation's "the president of the USA Baiden" */
        {"The president of the USA Baiden arrived in Kiev.", "2023-02-20", "president of the USA",
         "USAGOV"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        found f;
        found_run(&f, kb, cases[i].text, cases[i].date);
        const sr_mention *m = covering(&f, cases[i].phrase);
        if (!m || strcmp(m->code, cases[i].code) != 0)
            fail_msg("'%s': '%s' gave %s, want %s", cases[i].text, cases[i].phrase,
                     m ? m->code : "nothing", cases[i].code);
        found_free(&f);
    }
    /* an abbreviation written in capitals is no agent in lower case; surnames of new
       records do not take over better-known names */
    const char *neg[] = {"In mid March at 4 pm the shop closed.", "Anti-Zionist students marched.",
                         "The Pope said peace was near.", "Kim said the talks would resume."};
    for (size_t i = 0; i < sizeof neg / sizeof neg[0]; i++) {
        found f;
        found_run(&f, kb, neg[i], "2025-08-20");
        for (size_t k = 0; k < f.n; k++)
            if (f.m[k].entity || strstr(f.m[k].code, "GOV"))
                fail_msg("'%s' gave %s (%s)", neg[i], f.m[k].code,
                         f.m[k].entity ? f.m[k].entity : "agent");
        found_free(&f);
    }
    /* a party or group leader's office is no country's "leader" or "president" */
    const char *gov[][2] = {{"The German leader said no.", "DEUGOV"},
                            {"The Indian president said no.", "INDGOV"},
                            {"The Thai leader said no.", "THAGOV"}};
    for (size_t i = 0; i < sizeof gov / sizeof gov[0]; i++) {
        found f;
        found_run(&f, kb, gov[i][0], "2025-08-20");
        if (f.n != 1 || strcmp(f.m[0].code, gov[i][1]) != 0)
            fail_msg("'%s' gave %s, want %s", gov[i][0], f.n ? f.m[0].code : "nothing", gov[i][1]);
        found_free(&f);
    }
    found f;
    found_run(&f, kb, "Boko Haram attacked a village near the Golan Heights.", "2025-08-20");
    assert_mention(&f, "Boko Haram", "NGAREB", "boko-haram");
    found_free(&f);
}

/* The whole seed article: the mangled names resolve, and nothing breaks. */
static void seed_article(void **state)
{
    (void)state;
    if (!kb)
        skip();
    sr_error err = {0};
    size_t len;
    char *text = sr_read_file(SEED, &len, &err);
    if (!text) {
        fprintf(stderr, "skipped: %s\n", err.msg);
        skip();
    }
    found f;
    found_run(&f, kb, text, "2025-08-20");
    assert_true(f.n > 40);
    struct {
        const char *phrase, *id;
    } want[] = {
        {"Kava -Dragon", "cavo-dragone-giuseppe"},
        {"Aleksis Grinkevich", "grynkewich-alexus"},
        {"Dan Kane", "caine-dan"},
        {"Volodimir Zelensky", "zelensky-volodymyr"},
        {"Zelenski", "zelensky-volodymyr"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const sr_mention *m = covering(&f, want[i].phrase);
        if (!strstr(text, want[i].phrase))
            continue;
        if (!m || !m->entity || strcmp(m->entity, want[i].id) != 0)
            fail_msg("seed: '%s' did not resolve to %s", want[i].phrase, want[i].id);
    }
    /* every antecedent points back, to a mention of the same actor */
    for (size_t i = 0; i < f.n; i++) {
        int32_t a = f.m[i].antecedent;
        if (a < 0)
            continue;
        assert_true(a < (int32_t)i);
        if (f.m[i].entity && f.m[a].entity)
            assert_string_equal(f.m[a].entity, f.m[i].entity);
        else
            assert_string_equal(f.m[a].code, f.m[i].code);
    }
    found_free(&f);
    free(text);
}

/* Office titles resolve to their holder on the article's date. */
static void titles_on_dates(void **state)
{
    (void)state;
    if (!kb)
        skip();
    struct {
        const char *text, *phrase, *date, *name, *id;
    } cases[] = {
        {"The British prime minister spoke.", "British prime minister", "2025-08-20",
         "Keir Starmer", "starmer-keir"},
        {"The German chancellor spoke.", "German chancellor", "2025-08-20", "Friedrich Merz",
         "merz-friedrich"},
        {"The German chancellor spoke.", "German chancellor", "2022-08-20", "Olaf Scholz",
         "scholz-olaf"},
        {"Russia's foreign minister spoke.", "foreign minister", "2025-08-20", "Sergei Lavrov",
         "lavrov-sergei"},
        {"The NATO chief spoke.", "NATO chief", "2025-08-20", "Mark Rutte", "rutte-mark"},
        {"The NATO chief spoke.", "NATO chief", "2020-08-20", "Jens Stoltenberg",
         "stoltenberg-jens"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (!has(cases[i].name, cases[i].id))
            continue;
        found f;
        found_run(&f, kb, cases[i].text, cases[i].date);
        const sr_mention *m = covering(&f, cases[i].phrase);
        if (!m || !m->entity || strcmp(m->entity, cases[i].id) != 0)
            fail_msg("'%s' on %s: want %s, got %s", cases[i].text, cases[i].date, cases[i].id,
                     m && m->entity ? m->entity : "nothing");
        assert_int_equal(m->kind, SR_MENTION_TITLE);
        found_free(&f);
    }
}

/*
** Copy data/kb to dir, leaving out every alias of every person, so that the
** seed's spellings can only be found by transliteration and approximate
** matching.  Returns 0 on success.
*/
static int copy_without_person_aliases(const char *dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s/kb", dir);
    mkdir(dir, 0755);
    mkdir(path, 0755);
    DIR *d = opendir(SR_DATA_DIR "/kb");
    if (!d)
        return -1;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 4 || strcmp(de->d_name + l - 3, ".kb") != 0)
            continue;
        char src[512], dst[512];
        snprintf(src, sizeof src, "%s/kb/%s", SR_DATA_DIR, de->d_name);
        snprintf(dst, sizeof dst, "%s/kb/%s", dir, de->d_name);
        FILE *in = fopen(src, "r"), *out = fopen(dst, "w");
        if (!in || !out) {
            if (in)
                fclose(in);
            if (out)
                fclose(out);
            closedir(d);
            return -1;
        }
        int people = strncmp(de->d_name, "people", 6) == 0;
        char line[4096];
        while (fgets(line, sizeof line, in))
            if (!people || strncmp(line, "alias:", 6) != 0)
                fputs(line, out);
        fclose(in);
        fclose(out);
    }
    closedir(d);
    return 0;
}

/* The seed's mangled names, with no alias of any person to help. */
static void seed_names_without_aliases(void **state)
{
    (void)state;
    if (!kb)
        skip();
    char dir[128], cache[160];
    snprintf(dir, sizeof dir, "/tmp/sitrep-kb-noalias-%ld", (long)getpid());
    snprintf(cache, sizeof cache, "%s/cache.srkb", dir);
    assert_int_equal(copy_without_person_aliases(dir), 0);
    char *saved = strdup(getenv("SITREP_KB_CACHE"));
    setenv("SITREP_KB_CACHE", cache, 1);
    sr_error err = {0};
    sr_kb *bare = sr_kb_open(dir, &err);
    setenv("SITREP_KB_CACHE", saved, 1);
    free(saved);
    assert_non_null(bare);
    struct {
        const char *text, *phrase, *name, *id;
    } cases[] = {
        {"Admiral Giuseppe Kava -Dragon, head of the Military Committee of the Alliance, said "
         "so.",
         "Kava -Dragon", "Giuseppe Cavo Dragone", "cavo-dragone-giuseppe"},
        {"US General Aleksis Grinkevich, senior commander of NATO allies in Europe, spoke.",
         "Aleksis Grinkevich", "Alexus Grynkewich", "grynkewich-alexus"},
        {"General Dan Kane, the head of the General Staff, agreed.", "Dan Kane", "Dan Caine",
         "caine-dan"},
        {"Zelenski said no.", "Zelenski", "Volodymyr Zelensky", "zelensky-volodymyr"},
        {"Volodimir Zelensky said no.", "Volodimir", "Volodymyr Zelensky", "zelensky-volodymyr"},
        {"Zelenskiy said no.", "Zelenskiy", "Volodymyr Zelensky", "zelensky-volodymyr"},
        {"Zelenskyy said no.", "Zelenskyy", "Volodymyr Zelensky", "zelensky-volodymyr"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (!has(cases[i].name, cases[i].id))
            continue;
        found f;
        found_run(&f, bare, cases[i].text, "2025-08-20");
        const sr_mention *m = covering(&f, cases[i].phrase);
        if (!m || !m->entity || strcmp(m->entity, cases[i].id) != 0)
            fail_msg("without aliases: '%s' gave %s, want %s", cases[i].phrase,
                     m && m->entity ? m->entity : "nothing", cases[i].id);
        found_free(&f);
    }
    sr_kb_free(bare);
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_names),
        cmocka_unit_test(seed_dates_and_negatives),
        cmocka_unit_test(seed_article),
        cmocka_unit_test(titles_on_dates),
        cmocka_unit_test(seed_names_without_aliases),
        cmocka_unit_test(machine_translation_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
