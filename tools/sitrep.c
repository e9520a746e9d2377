/*
** sitrep.c: the command-line interface, a thin client of libsitrep.
**
**   sitrep code     articles → events (JSONL, TSV, GDELT, SQLite)
**   sitrep segment  articles → sentences and tokens with offsets
**   sitrep parse    articles or CoNLL-U → CoNLL-U with tags and trees
**   sitrep kb       look up names in, and check, the actor knowledge base
**   sitrep serve    the workbench page and its JSON API over a database (tools/serve)
**
** Documents are read in batches; each batch is processed by -j worker
** threads sharing one engine and written in input order, so the output is
** the same whatever the number of threads.
**
** Exit status: 0 all good; 1 some inputs were rejected (each named on
** stderr, the rest processed); 2 usage error or nothing could start.
*/
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <search.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "serve/serve.h"
#include "sitrep.h" /* the only header of libsitrep the CLI needs */

enum { EXIT_OK = 0, EXIT_REJECTED = 1, EXIT_USAGE = 2 };
enum command { CMD_CODE, CMD_SEGMENT, CMD_PARSE };

/* Everything the options of code/segment/parse set. */
typedef struct options {
    enum command cmd;
    const char *date, *id, *db, *data_dir, *out, *dictionaries;
    unsigned doc_options; /* SR_OPT_* */
    int input;            /* sr_input_kind, or INPUT_CONLLU */
    sr_format format;
    int threads;
    size_t max_bytes; /* limit on one record; 0: the reader's default */
    int progress;     /* stderr is a terminal */
} options;

#define INPUT_CONLLU 100
#define BATCH_PER_THREAD 16

/* One document on its way through a batch. */
typedef struct job {
    sr_record rec;
    sr_doc *doc;
    int failed;
    sr_error err;
} job;

typedef struct batch {
    const sr_engine *engine;
    unsigned doc_options; /* SR_OPT_* for every document */
    unsigned stages;
    job *jobs;
    size_t n;
    atomic_size_t next;
} batch;

/* Running totals for the progress line and the exit status, and the state of the run. */
typedef struct totals {
    size_t docs, sentences, events, rejected;
    struct timespec start, last_report;
    void *ids;      /* tsearch() tree of seen_id: the document ids of the run so far */
    int out_closed; /* standard output failed: nothing more is written to it */
    int stop;       /* a write error with no --db: stop reading input */
    int out_failed; /* the output failed other than by a closed pipe */
} totals;

static const char usage_main[] =
    "usage: sitrep COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "Turn news articles into event data (CAMEO/PLOVER), with evidence spans.\n"
    "\n"
    "commands:\n"
    "  code      code the events of articles (JSONL, TSV, GDELT, SQLite)\n"
    "  segment   print sentences and tokens with byte offsets\n"
    "  parse     print CoNLL-U: tags, lemmas and dependency trees\n"
    "  kb        look up names in the actor knowledge base, or check it\n"
    "  export    write a database's events (or reports) as GDELT 2.0 rows\n"
    "  serve     serve the workbench page and its JSON API over a database\n"
    "\n"
    "Run 'sitrep COMMAND --help' for the options of a command.\n"
    "options: --help, --version\n";

static const char usage_export[] =
    "usage: sitrep export --db FILE [--mentions]\n"
    "\n"
    "Write the events of a database made by 'sitrep code --db' as GDELT 2.0\n"
    "Events rows, one per happening: reports of the same happening are merged,\n"
    "so NumMentions, NumSources and NumArticles count them.  With --mentions,\n"
    "GDELT 2.0 Mentions rows instead: one per report, with its event's id.\n"
    "\n"
    "options:\n"
    "  --db FILE      the database (required)\n"
    "  --mentions     the Mentions table instead of the Events table\n"
    "  -h, --help     this text\n";

static const char usage_code[] =
    "usage: sitrep code [OPTIONS] [FILE...]\n"
    "\n"
    "Read each FILE (standard input when none) and write one event per line.\n"
    "\n"
    "  --date YYYY-MM-DD   date of articles that carry none (actor roles depend on it)\n"
    "  --id ID             document id for text/HTML input (default: file name)\n"
    "  --input KIND        text (one article per file, default), jsonl (one JSON object\n"
    "                      per line: id, date, text, optional title, url, source),\n"
    "                      html (article body of a web page)\n"
    "  --format FMT        jsonl (default), tsv, gdelt (GDELT 2.0 Events columns),\n"
    "                      plover (PLOVER-style records: type, mode, context)\n"
    "                      quotes (one JSON object per quote)\n"
    "  --db FILE           also store documents, sentences, actors and events in SQLite\n"
    "                      (a document id stored again by a later run replaces the\n"
    "                      earlier one; within one run a repeated id is rejected)\n"
    "  --max-bytes N       limit on one record (file or JSON line), in bytes, with an\n"
    "                      optional k, M or G suffix (default 16M); larger ones are rejected\n"
    "  --no-statements     drop bare public statements (CAMEO 01x)\n"
    "  --dictionaries DIR  code with the PETRARCH/TABARI dictionaries of DIR (its verbs,\n"
    "                      actors and agents files) instead of sitrep's own\n"
    "  --tree              accepted and ignored (the tree coder is the only one)\n"
    "  -j, --threads N     worker threads (default 1); output order is input order\n"
    "  --data DIR          data directory (default $SITREP_DATA or the built-in one)\n"
    "  -h, --help          this text\n"
    "\n"
    "Exit status: 0 all inputs coded; 1 some inputs rejected (named on stderr,\n"
    "the others still coded); 2 usage error.\n";

static const char usage_segment[] =
    "usage: sitrep segment [OPTIONS] [FILE...]\n"
    "\n"
    "Print each sentence (# text, # span) and its tokens: index, start byte, end byte,\n"
    "form, and SpaceAfter=No where no space follows.  Offsets are bytes of the input.\n"
    "\n"
    "  --input KIND        text (default), jsonl or html, as for 'sitrep code'\n"
    "  --id ID, --date D, --max-bytes N   as for 'sitrep code'\n"
    "  -j, --threads N     worker threads\n"
    "  --data DIR          data directory\n"
    "  -h, --help          this text\n";

static const char usage_parse[] =
    "usage: sitrep parse [OPTIONS] [FILE...]\n"
    "\n"
    "Print CoNLL-U (all ten columns) for each sentence.\n"
    "\n"
    "  --input KIND        text (default), jsonl, html, or conllu: re-tag and re-parse\n"
    "                      the words of a CoNLL-U file (its tokenization is kept)\n"
    "  --id ID, --date D, --max-bytes N   as for 'sitrep code'\n"
    "  -j, --threads N     worker threads\n"
    "  --data DIR          data directory\n"
    "  -h, --help          this text\n";

static const char usage_kb[] =
    "usage: sitrep kb lookup [--date YYYY-MM-DD] NAME...\n"
    "       sitrep kb check\n"
    "       sitrep kb compile [--out FILE]\n"
    "\n"
    "lookup  print the entity and role each NAME resolves to, as one JSON object per\n"
    "        line, or \"match\":null when none does; exit 1 if some did not resolve\n"
    "check   validate the knowledge base (ids, dates, roles); errors name file:line\n"
    "compile compile data/kb/*.kb into the binary the engine maps at start-up (by\n"
    "        default the cache it looks for; done on first use anyway)\n"
    "\n"
    "  --date YYYY-MM-DD   date at which roles are taken (default: the newest)\n"
    "  --out FILE          where kb compile writes (default: the cache)\n"
    "  --data DIR          data directory\n";

/* A document id seen in this run, and where it was first seen. */
typedef struct seen_id {
    char *id;
    char *where; /* "FILE:LINE" */
} seen_id;

static int seen_cmp(const void *a, const void *b)
{
    return strcmp(((const seen_id *)a)->id, ((const seen_id *)b)->id);
}

static void seen_free(void *p)
{
    seen_id *s = p;
    free(s->id);
    free(s->where);
    free(s);
}

/* Fill err with a message and a code (sr_status); returns -1. */
static int fail(sr_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(sr_error *err, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    for (char *p = err->msg; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = '?'; /* the message may quote input */
    err->code = code;
    return -1;
}

static void die_usage(const char *msg, const char *usage)
{
    fprintf(stderr, "sitrep: %s\n\n%s", msg, usage);
    exit(EXIT_USAGE);
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t0->tv_sec) + (now.tv_nsec - t0->tv_nsec) / 1e9;
}

/*
** A whole decimal number in [lo, hi] with an optional k, M or G suffix
** (powers of 1024 when `suffixes`); -1 when s is anything else.
*/
static long long parse_count(const char *s, long long lo, long long hi, int suffixes)
{
    if (*s < '0' || *s > '9')
        return -1; /* strtoull would take spaces and signs */
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s)
        return -1;
    int shift = 0;
    if (suffixes && *end) {
        const char *units = "kMG";
        const char *u = strchr(units, *end);
        if (!u && *end == 'K')
            u = units;
        if (!u)
            return -1;
        shift = 10 * (int)(u - units + 1);
        end++;
    }
    if (*end || v > (unsigned long long)hi >> shift)
        return -1;
    long long r = (long long)(v << shift);
    return r < lo ? -1 : r;
}

/* Parse the options of code/segment/parse; returns the index of the first FILE. */
static int parse_options(int argc, char **argv, options *o, const char *usage)
{
    /* one option per line */
    /* clang-format off */
    static const struct option longopts[] = {
        {"date", required_argument, NULL, 'd'},
        {"id", required_argument, NULL, 'i'},
        {"input", required_argument, NULL, 'I'},
        {"format", required_argument, NULL, 'f'},
        {"db", required_argument, NULL, 'b'},
        {"threads", required_argument, NULL, 'j'},
        {"data", required_argument, NULL, 'D'},
        {"help", no_argument, NULL, 'h'},
        {"out", required_argument, NULL, 'o'},
        {"max-bytes", required_argument, NULL, 'm'},
        {"no-statements", no_argument, NULL, 'S'},
        {"dictionaries", required_argument, NULL, 'P'},
        {"tree", no_argument, NULL, 'T'},
        {NULL, 0, NULL, 0},
    };
    /* clang-format on */
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "j:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if (!sr_date_valid(optarg))
                die_usage("--date wants a calendar date YYYY-MM-DD", usage);
            o->date = optarg;
            break;
        case 'i':
            o->id = optarg;
            break;
        case 'b':
            if (!*optarg)
                die_usage("--db wants a file name", usage);
            o->db = optarg;
            break;
        case 'm': {
            long long n = parse_count(optarg, 1, (long long)1 << 40, 1);
            if (n < 0)
                die_usage("--max-bytes wants a number of bytes, such as 1000000 or 16M", usage);
            o->max_bytes = (size_t)n;
            break;
        }
        case 'D':
            o->data_dir = optarg;
            break;
        case 'o':
            o->out = optarg;
            break;
        case 'S':
            o->doc_options |= SR_OPT_NO_STATEMENTS;
            break;
        case 'T':
            o->doc_options |= SR_OPT_TREE;
            break;
        case 'P':
            o->dictionaries = optarg;
            break;
        case 'I':
            o->input = strcmp(optarg, "conllu") == 0 && o->cmd == CMD_PARSE
                           ? INPUT_CONLLU
                           : sr_input_kind_from_name(optarg);
            if (o->input < 0)
                die_usage("unknown --input kind", usage);
            break;
        case 'f': {
            int f = sr_format_from_name(optarg);
            if (f < 0)
                die_usage("--format is jsonl, tsv, gdelt, plover or quotes", usage);
            o->format = (sr_format)f;
            break;
        }
        case 'j':
            o->threads = (int)parse_count(optarg, 1, 256, 0);
            if (o->threads < 0)
                die_usage("-j wants a number of threads from 1 to 256", usage);
            break;
        case 'h':
            fputs(usage, stdout);
            exit(EXIT_OK);
        default:
            die_usage("bad option", usage);
        }
    }
    return optind;
}

/* Worker: process documents of the batch until none is left. */
static void *worker(void *arg)
{
    batch *b = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&b->next, 1);
        if (i >= b->n)
            return NULL;
        job *j = &b->jobs[i];
        if (j->failed || !j->doc)
            continue;
        if (sr_doc_process(j->doc, b->stages, &j->err) < 0)
            j->failed = 1;
    }
}

static void run_batch(batch *b, int threads)
{
    atomic_store(&b->next, 0);
    if (threads <= 1) {
        worker(b);
        return;
    }
    pthread_t tid[256];
    int started = 0;
    for (; started < threads; started++)
        if (pthread_create(&tid[started], NULL, worker, b) != 0)
            break;
    if (started == 0)
        worker(b); /* no thread could start: do the work here */
    for (int i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
}

static void report_progress(totals *t, int force)
{
    if (!force && seconds_since(&t->last_report) < 0.5)
        return;
    clock_gettime(CLOCK_MONOTONIC, &t->last_report);
    double s = seconds_since(&t->start);
    fprintf(stderr, "\r%zu documents, %zu sentences (%.0f/s), %zu events, %zu rejected   ", t->docs,
            t->sentences, s > 0 ? t->sentences / s : 0.0, t->events, t->rejected);
    if (force)
        putc('\n', stderr);
}

/* Print "sitrep: LABEL: MSG" with control characters of LABEL (input) shown as '?'. */
static void warn_about(const char *label, const char *msg)
{
    fputs("sitrep: ", stderr);
    for (const char *p = label; *p; p++)
        putc((unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p, stderr);
    fprintf(stderr, ": %s\n", msg);
}

/*
** After each batch, notice at once when standard output has failed (a full
** disk, a closed pipe).  With --db the documents still go to the database
** and a closed pipe (`| head`) is no error; without it the run stops.
*/
static void check_output(const options *o, totals *t)
{
    if (t->out_closed || (fflush(stdout) == 0 && !ferror(stdout)))
        return;
    int e = errno;
    t->out_closed = 1;
    if (e != EPIPE || !o->db)
        t->out_failed = 1;
    if (o->db) {
        fprintf(stderr, "sitrep: writing standard output: %s; the documents still go to %s\n",
                strerror(e), o->db);
    } else {
        fprintf(stderr, "sitrep: writing standard output: %s; stopping\n", strerror(e));
        t->stop = 1;
    }
}

/* Write the finished batch in input order and release it. */
static void emit_batch(batch *b, const options *o, sr_store *store, totals *t)
{
    for (size_t i = 0; i < b->n; i++) {
        job *j = &b->jobs[i];
        if (j->failed) {
            fprintf(stderr, "sitrep: %s\n", j->err.msg);
            t->rejected++;
        } else {
            sr_error err = {0};
            if (t->out_closed)
                ; /* nothing more goes to standard output */
            else if (o->cmd == CMD_SEGMENT)
                sr_write_tokens(stdout, j->doc);
            else if (o->cmd == CMD_PARSE)
                sr_write_conllu(stdout, j->doc);
            else
                sr_write_events(stdout, j->doc, o->format);
            if (store && sr_store_put(store, j->doc, &err) < 0) {
                warn_about(sr_doc_get_meta(j->doc)->id, err.msg);
                t->rejected++;
            }
            t->docs++;
            t->sentences += sr_doc_sentence_count(j->doc);
            t->events += sr_doc_event_count(j->doc);
        }
        sr_doc_free(j->doc);
        sr_record_clear(&j->rec);
    }
    b->n = 0;
    check_output(o, t);
    if (o->progress)
        report_progress(t, 0);
}

static void add_rejection(batch *b, const sr_error *err)
{
    job *j = &b->jobs[b->n++];
    memset(j, 0, sizeof *j);
    j->failed = 1;
    j->err = *err;
}

/*
** Whether the record's document id was already used in this run (two files
** with one base name, --id with several files, a repeated JSONL id).  The
** later record is rejected: the database would silently keep only one, and
** consumers key on the id.
*/
static int duplicate_id(totals *t, const char *path, const sr_record *rec, sr_error *err)
{
    seen_id key = {rec->id, NULL};
    seen_id **found = tfind(&key, &t->ids, seen_cmp);
    if (found)
        return fail(err, SR_ERR_INVALID,
                    "%s:%zu: document id \"%s\" was already used in this run "
                    "by %s; the record was skipped (give each document its own id)",
                    path, rec->line, rec->id, (*found)->where);
    seen_id *s = malloc(sizeof *s);
    size_t n = strlen(path) + 24;
    if (s) {
        s->id = strdup(rec->id);
        s->where = malloc(n);
    }
    if (!s || !s->id || !s->where || !tsearch(s, &t->ids, seen_cmp)) {
        if (s) {
            free(s->id);
            free(s->where);
        }
        free(s);
        return fail(err, SR_ERR_NOMEM, "%s:%zu: out of memory", path, rec->line);
    }
    snprintf(s->where, n, "%s:%zu", path, rec->line);
    return 0;
}

/* A job for one record: its document, or its rejection. */
static void add_record(batch *b, const sr_engine *e, sr_record *rec, const char *path, totals *t)
{
    sr_error err = {0};
    if (duplicate_id(t, path, rec, &err) < 0) {
        sr_record_clear(rec);
        add_rejection(b, &err);
        return;
    }
    if (rec->warning)
        warn_about(rec->id, rec->warning);
    sr_doc_meta meta = {rec->id, rec->date, rec->title, rec->url, rec->source};
    sr_doc *doc = sr_doc_new(e, &meta, rec->text, rec->len);
    if (!doc) {
        fail(&err, SR_ERR_NOMEM,
             "%s:%zu: out of memory for a record of %zu bytes; the record "
             "was skipped",
             path, rec->line, rec->len);
        sr_record_clear(rec);
        add_rejection(b, &err);
        return;
    }
    sr_doc_set_options(doc, b->doc_options);
    job *j = &b->jobs[b->n++];
    memset(j, 0, sizeof *j);
    j->rec = *rec;
    j->doc = doc;
}

/* Read one input file into batches, processing each batch when it fills. */
static void process_file(const char *path, const options *o, batch *b, size_t cap, sr_store *store,
                         totals *t)
{
    sr_reader_defaults defs = {o->id, o->date, o->max_bytes};
    sr_error err = {0};
    sr_reader *r = sr_reader_open(path, (sr_input_kind)o->input, &defs, &err);
    if (!r) {
        add_rejection(b, &err);
        return;
    }
    while (!t->stop) {
        sr_record rec;
        int rc = sr_reader_next(r, &rec, &err);
        if (rc == 0)
            break;
        if (rc < 0)
            add_rejection(b, &err);
        else
            add_record(b, b->engine, &rec, path, t);
        if (b->n == cap) {
            run_batch(b, o->threads);
            emit_batch(b, o, store, t);
        }
    }
    sr_reader_close(r);
}

/* `sitrep parse --input conllu`: one document per file, its words as given. */
static void add_conllu_file(const char *path, const options *o, batch *b)
{
    sr_doc_meta meta = {o->id ? o->id : path, o->date, NULL, NULL, NULL};
    job *j = &b->jobs[b->n++];
    memset(j, 0, sizeof *j);
    j->doc = sr_doc_from_conllu(b->engine, &meta, path, &j->err);
    j->failed = !j->doc;
}

static int run_documents(int argc, char **argv, options *o, const char *usage)
{
    int first = parse_options(argc, argv, o, usage);
    o->progress = isatty(STDERR_FILENO);
    sr_error err = {0};
    sr_engine *e = o->dictionaries ? sr_engine_open_dictionaries(o->data_dir, o->dictionaries, &err)
                                   : sr_engine_open(o->data_dir, &err);
    if (!e) {
        fprintf(stderr, "sitrep: %s\n", err.msg);
        return EXIT_USAGE;
    }
    sr_store *store = NULL;
    if (o->db)
        signal(SIGPIPE, SIG_IGN); /* `| head` must not stop the ingest */
    if (o->db && !(store = sr_store_open(o->db, &err))) {
        fprintf(stderr, "sitrep: %s\n", err.msg);
        sr_engine_close(e);
        return EXIT_USAGE;
    }
    size_t cap = (size_t)o->threads * BATCH_PER_THREAD;
    batch b = {.engine = e, .doc_options = o->doc_options, .jobs = calloc(cap, sizeof(job))};
    b.stages = o->cmd == CMD_SEGMENT ? SR_STAGE_SEGMENT
               : o->cmd == CMD_PARSE ? SR_STAGE_SEGMENT | SR_STAGE_TAG | SR_STAGE_PARSE
                                     : SR_STAGE_ALL;
    totals t = {0};
    clock_gettime(CLOCK_MONOTONIC, &t.start);
    if (o->cmd == CMD_CODE)
        sr_write_header(stdout, o->format);
    const char *stdin_only[] = {"-"};
    char **files = first < argc ? argv + first : (char **)stdin_only;
    int nfiles = first < argc ? argc - first : 1;
    for (int i = 0; i < nfiles && !t.stop; i++) {
        if (o->input == INPUT_CONLLU)
            add_conllu_file(files[i], o, &b);
        else
            process_file(files[i], o, &b, cap, store, &t);
        if (b.n == cap || i == nfiles - 1 || t.stop) {
            run_batch(&b, o->threads);
            emit_batch(&b, o, store, &t);
        }
    }
    if (o->progress)
        report_progress(&t, 1);
    free(b.jobs);
    if (store && sr_store_merge(store, &err) < 0) {
        fprintf(stderr, "sitrep: %s\n", err.msg);
        t.out_failed = 1;
    }
    sr_store_close(store);
    sr_engine_close(e);
    while (t.ids) { /* the root node's first member points at its key (POSIX) */
        seen_id *root = *(seen_id **)t.ids;
        tdelete(root, &t.ids, seen_cmp);
        seen_free(root);
    }
    check_output(o, &t);
    return t.rejected || t.out_failed ? EXIT_REJECTED : EXIT_OK;
}

/* `sitrep kb lookup|check`. */
static int run_kb(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage_kb, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    options o = {.cmd = CMD_CODE, .threads = 1};
    int first = parse_options(argc - 1, argv + 1, &o, usage_kb) + 1;
    sr_error err = {0};
    if (strcmp(argv[1], "compile") == 0) {
        int problems = sr_kb_compile(o.data_dir, o.out, stderr, &err);
        if (problems < 0)
            fprintf(stderr, "sitrep: %s\n", err.msg);
        return problems == 0 ? EXIT_OK : EXIT_REJECTED;
    }
    sr_engine *e = sr_engine_open(o.data_dir, &err);
    if (!e) {
        fprintf(stderr, "sitrep: %s\n", err.msg);
        return EXIT_USAGE;
    }
    int rc = EXIT_OK;
    if (strcmp(argv[1], "check") == 0) {
        int errors = sr_kb_check(sr_engine_data_dir(e), stderr);
        if (errors)
            fprintf(stderr, "sitrep: %d error%s in the knowledge base\n", errors,
                    errors == 1 ? "" : "s");
        else
            printf("knowledge base OK\n");
        rc = errors ? EXIT_REJECTED : EXIT_OK;
    } else if (strcmp(argv[1], "lookup") == 0) {
        if (first >= argc)
            die_usage("kb lookup wants at least one NAME", usage_kb);
        for (int i = first; i < argc; i++)
            if (!sr_kb_lookup_json(sr_engine_kb(e), argv[i], o.date, stdout))
                rc = EXIT_REJECTED;
    } else {
        die_usage("kb wants 'lookup', 'check' or 'compile'", usage_kb);
    }
    sr_engine_close(e);
    return rc;
}

/* sitrep export: a database's happenings or reports as GDELT rows on stdout. */
static int run_export(int argc, char **argv)
{
    const char *db = NULL;
    int table = SR_EXPORT_EVENTS;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage_export, stdout);
            return EXIT_OK;
        } else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            db = argv[++i];
        } else if (strcmp(argv[i], "--mentions") == 0) {
            table = SR_EXPORT_MENTIONS;
        } else {
            die_usage("unknown option or missing value", usage_export);
        }
    }
    if (!db)
        die_usage("--db FILE is required", usage_export);
    sr_error err = {0};
    sr_store *s = sr_store_open(db, &err);
    if (!s) {
        fprintf(stderr, "sitrep: %s\n", err.msg);
        return EXIT_USAGE;
    }
    int rc = sr_store_export_gdelt(s, stdout, table, &err);
    if (rc < 0)
        fprintf(stderr, "sitrep: %s\n", err.msg);
    sr_store_close(s);
    if (fflush(stdout) != 0 && rc == 0) {
        fprintf(stderr, "sitrep: writing standard output: %s\n", strerror(errno));
        rc = -1;
    }
    return rc < 0 ? EXIT_REJECTED : EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        die_usage("a command is needed", usage_main);
    const char *cmd = argv[1];
    options o = {.threads = 1, .input = SR_INPUT_TEXT, .format = SR_FORMAT_JSONL};
    if (strcmp(cmd, "code") == 0) {
        o.cmd = CMD_CODE;
        return run_documents(argc - 1, argv + 1, &o, usage_code);
    }
    if (strcmp(cmd, "segment") == 0) {
        o.cmd = CMD_SEGMENT;
        return run_documents(argc - 1, argv + 1, &o, usage_segment);
    }
    if (strcmp(cmd, "parse") == 0) {
        o.cmd = CMD_PARSE;
        return run_documents(argc - 1, argv + 1, &o, usage_parse);
    }
    if (strcmp(cmd, "kb") == 0)
        return run_kb(argc - 1, argv + 1);
    if (strcmp(cmd, "export") == 0)
        return run_export(argc - 1, argv + 1);
    if (strcmp(cmd, "serve") == 0)
        return sr_serve_main(argc - 1, argv + 1);
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        fputs(usage_main, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("sitrep %s\n", SR_VERSION);
        return EXIT_OK;
    }
    die_usage("unknown command", usage_main);
    return EXIT_USAGE;
}
