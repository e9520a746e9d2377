/*
** html.c: the article text of a scraped HTML page.
**
** The page is parsed with gumbo (the HTML5 parsing algorithm, so broken
** markup parses as browsers parse it).  The body is taken from <article>,
** else <main>, else <body>; navigation, scripts, styles, forms, headers,
** footers and asides are dropped; block elements become paragraphs
** separated by a blank line.  Paragraphs that are scraping debris ("Advertising",
** "Read also: ...") are dropped too.  The title comes from <title> or
** og:title and the date, when the page declares one, from
** article:published_time.  Spans in the output refer to this extracted text.
**
** Limits.  gumbo's cost grows with the square of the nesting depth and of
** the attributes of one element, and by default it records every parse
** error with a copy of the open-element stack (quadratic memory on pages of
** unclosed tags).  So parse errors are not recorded, and before parsing a
** linear pre-scan follows the nesting depth and counts the attributes of
** each tag.  As browsers do, elements deeper than SR_HTML_MAX_DEPTH are not
** nested: their start tags are blanked out (their text is kept), and so are
** the attributes of a tag beyond SR_HTML_MAX_ATTRS; the record then carries
** a warning that says so.  Nothing here recurses.
*/
#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/reader.h"
#include "util/util.h"

/* Deepest element nesting kept (Blink stops nesting at 512). */
#define SR_HTML_MAX_DEPTH 1024
/* Most attributes kept on one element. */
#define SR_HTML_MAX_ATTRS 1024

/* A growable byte buffer; `failed` is set (and the text dropped) when memory runs out. */
typedef struct textbuf {
    char *p;
    size_t len, cap;
    int failed;
} textbuf;

static void tb_put(textbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static int is_skipped(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_HEAD:
        return 1;
    default:
        return 0;
    }
}

static int is_block(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BR: case GUMBO_TAG_TR: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_TABLE: case GUMBO_TAG_PRE: case GUMBO_TAG_MAIN:
        return 1;
    default:
        return 0;
    }
}

/*
** A paragraph that is scraping debris: an advertising label or a
** "read also" teaser.  Matching is on the whole trimmed paragraph (labels)
** or its start (teasers), case-insensitively.
*/
static int is_debris(const char *s, size_t n)
{
    static const char *const labels[] = {"advertising", "advertisement", "ad", "sponsored",
                                         "read also", "read more", "see also", "related"};
    static const char *const teasers[] = {"read also:", "read more:", "see also:",
                                          "related:", "also read:"};
    while (n && (s[n - 1] == ' ' || s[n - 1] == ':' || s[n - 1] == '.'))
        n--;
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (strlen(labels[i]) == n && strncasecmp(s, labels[i], n) == 0)
            return 1;
    for (size_t i = 0; i < sizeof teasers / sizeof *teasers; i++)
        if (strncasecmp(s, teasers[i], strlen(teasers[i])) == 0)
            return 1;
    return 0;
}

/* Paragraph being collected: whitespace is collapsed to single spaces. */
typedef struct extractor {
    textbuf out;  /* finished paragraphs */
    textbuf para; /* the current one */
} extractor;

static void end_paragraph(extractor *x)
{
    size_t n = x->para.len;
    while (n && x->para.p[n - 1] == ' ')
        n--;
    if (n && !is_debris(x->para.p, n)) {
        if (x->out.len)
            tb_put(&x->out, "\n\n", 2);
        tb_put(&x->out, x->para.p, n);
    }
    x->para.len = 0;
}

static void add_text(extractor *x, const char *s)
{
    for (; *s; s++) {
        int space = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r' || *s == '\f';
        if (space) {
            if (x->para.len && x->para.p[x->para.len - 1] != ' ')
                tb_put(&x->para, " ", 1);
        } else {
            tb_put(&x->para, s, 1);
        }
    }
}

/* A stack of (node, next child) frames for the depth-first walks below. */
typedef struct walkstack {
    struct frame {
        GumboNode *node;
        unsigned next; /* the child to visit next */
    } *v;
    size_t n, cap;
} walkstack;

/* Push node; 0, or -1 when out of memory. */
static int ws_push(walkstack *w, GumboNode *node)
{
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 256;
        struct frame *v = realloc(w->v, cap * sizeof *v);
        if (!v)
            return -1;
        w->v = v;
        w->cap = cap;
    }
    w->v[w->n++] = (struct frame){node, 0};
    return 0;
}

/* Depth-first walk collecting paragraphs; an explicit stack: deep pages cost no stack. */
static void walk(extractor *x, GumboNode *root)
{
    walkstack w = {0};
    if (ws_push(&w, root) < 0)
        x->out.failed = 1;
    while (w.n && !x->out.failed && !x->para.failed) {
        struct frame *f = &w.v[w.n - 1];
        GumboNode *node = f->node;
        if (node->type == GUMBO_NODE_TEXT) {
            add_text(x, node->v.text.text);
            w.n--;
            continue;
        }
        if (node->type != GUMBO_NODE_ELEMENT) {
            w.n--;
            continue;
        }
        GumboTag tag = node->v.element.tag;
        if (f->next == 0 && is_block(tag))
            end_paragraph(x);
        if (is_skipped(tag) || f->next >= node->v.element.children.length) {
            if (is_block(tag))
                end_paragraph(x);
            w.n--;
            continue;
        }
        GumboNode *child = node->v.element.children.data[f->next++];
        if (ws_push(&w, child) < 0)
            x->out.failed = 1;
    }
    end_paragraph(x);
    free(w.v);
}

/*
** First element with tag under node, in document order, not looking inside
** skipped elements (other than <head>).  Iterative: depth costs no stack.
*/
static GumboNode *find_tag(GumboNode *root, GumboTag tag)
{
    walkstack w = {0};
    GumboNode *hit = NULL;
    if (ws_push(&w, root) < 0)
        return NULL;
    while (w.n && !hit) {
        struct frame *f = &w.v[w.n - 1];
        GumboNode *node = f->node;
        if (f->next == 0 && node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag) {
            hit = node;
            break;
        }
        int enter = node->type == GUMBO_NODE_ELEMENT &&
                    (!is_skipped(node->v.element.tag) || node->v.element.tag == GUMBO_TAG_HEAD);
        if (!enter || f->next >= node->v.element.children.length) {
            w.n--;
            continue;
        }
        GumboNode *child = node->v.element.children.data[f->next++];
        if (ws_push(&w, child) < 0)
            break;
    }
    free(w.v);
    return hit;
}

/* Content of <meta property=prop content=...> in head, or NULL. */
static const char *meta_content(GumboNode *head, const char *prop)
{
    if (!head)
        return NULL;
    GumboVector *c = &head->v.element.children;
    for (unsigned i = 0; i < c->length; i++) {
        GumboNode *m = c->data[i];
        if (m->type != GUMBO_NODE_ELEMENT || m->v.element.tag != GUMBO_TAG_META)
            continue;
        GumboAttribute *p = gumbo_get_attribute(&m->v.element.attributes, "property");
        if (!p)
            p = gumbo_get_attribute(&m->v.element.attributes, "name");
        GumboAttribute *v = gumbo_get_attribute(&m->v.element.attributes, "content");
        if (p && v && strcasecmp(p->value, prop) == 0)
            return v->value;
    }
    return NULL;
}

/* Title and date of the page from its head. */
static void take_head(GumboNode *root, sr_record *rec)
{
    GumboNode *head = find_tag(root, GUMBO_TAG_HEAD);
    const char *title = meta_content(head, "og:title");
    extractor x = {0};
    if (!title && head) {
        GumboNode *t = find_tag(head, GUMBO_TAG_TITLE);
        if (t && t->v.element.children.length) {
            GumboNode *tn = t->v.element.children.data[0];
            if (tn->type == GUMBO_NODE_TEXT) {
                add_text(&x, tn->v.text.text);
                title = x.para.p;
            }
        }
    }
    if (title)
        rec->title = strdup(title);
    free(x.para.p);
    const char *date = meta_content(head, "article:published_time");
    if (date && strlen(date) >= 10) {
        char d[11];
        memcpy(d, date, 10);
        d[10] = '\0';
        if (sr_date_valid(d))
            rec->date = strdup(d);
    }
}

/* Whether the tag name [s, s+n) is one of names (lower case), ignoring case. */
static int name_in(const char *s, size_t n, const char *const *names)
{
    for (; *names; names++)
        if (strlen(*names) == n && strncasecmp(s, *names, n) == 0)
            return 1;
    return 0;
}

/* Elements that never hold others, or that the next of their kind closes: no depth. */
static const char *const flat_tags[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", NULL};
/* Elements whose content is raw text up to their end tag. */
static const char *const raw_tags[] = {"script", "style", "textarea", "title", "xmp", NULL};

/* Offset of the first s in h[from, len) (ASCII case-insensitive), or len. */
static size_t find_ci(const char *h, size_t from, size_t len, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = from; i + n <= len; i++)
        if (strncasecmp(h + i, s, n) == 0)
            return i;
    return len;
}

/* The result of prescan(): the markup to parse and what was changed. */
typedef struct prescan_out {
    char *copy;       /* the markup with tags blanked out, or NULL when none was */
    size_t flattened; /* start tags blanked for depth */
    size_t attrs_cut; /* tags whose extra attributes were blanked */
} prescan_out;

/* Blank bytes [from, to) of the copy of h (made on first use); -1 when out of memory. */
static int blank(prescan_out *o, const char *h, size_t len, size_t from, size_t to)
{
    if (!o->copy) {
        if (!(o->copy = malloc(len)))
            return -1;
        memcpy(o->copy, h, len);
    }
    memset(o->copy + from, ' ', to - from);
    return 0;
}

/*
** Linear pre-scan of the markup.  It follows the nesting depth (an
** estimate: unclosed tags count as open, elements that cannot nest do not)
** and counts the attributes of each start tag; a start tag past the depth
** limit, and the attributes of a tag past the attribute limit, are blanked
** in a copy.  Returns 0, or -1 when out of memory.
*/
static int prescan(const char *h, size_t len, prescan_out *o)
{
    size_t depth = 0;
    for (size_t i = 0; i < len;) {
        const char *lt = memchr(h + i, '<', len - i);
        if (!lt)
            break;
        i = (size_t)(lt - h);
        if (i + 1 >= len)
            break;
        if (len - i >= 4 && memcmp(h + i, "<!--", 4) == 0) {
            size_t e = find_ci(h, i + 4, len, "-->");
            i = e < len ? e + 3 : len;
            continue;
        }
        size_t k = i + 1;
        int end_tag = h[k] == '/';
        if (end_tag)
            k++;
        if (k >= len || !((h[k] | 0x20) >= 'a' && (h[k] | 0x20) <= 'z')) {
            i++; /* "<" as text, or <!doctype>, <?xml ...> */
            continue;
        }
        size_t name = k;
        while (k < len && !strchr(" \t\n\r\f/>", h[k]))
            k++;
        size_t nlen = k - name;
        size_t attrs = 0, cut = 0; /* cut: where the attribute past the limit starts */
        int in_attr = 0, self_closing = 0;
        for (; k < len && h[k] != '>'; k++) {
            char c = h[k];
            if (c == '"' || c == '\'') {
                const char *q = memchr(h + k + 1, c, len - k - 1);
                k = q ? (size_t)(q - h) : len - 1;
            } else if (strchr(" \t\n\r\f", c)) {
                in_attr = 0;
            } else if (c == '/' && k + 1 < len && h[k + 1] == '>') {
                self_closing = 1;
            } else if (!in_attr) {
                in_attr = 1;
                if (++attrs == SR_HTML_MAX_ATTRS + 1)
                    cut = k;
            }
        }
        size_t tag_end = k < len ? k + 1 : len;
        if (cut) {
            if (blank(o, h, len, cut, k) < 0)
                return -1;
            o->attrs_cut++;
        }
        int flat = name_in(h + name, nlen, flat_tags);
        if (end_tag && !flat && depth > 0) {
            depth--;
        } else if (!end_tag && !flat && !self_closing) {
            if (depth < SR_HTML_MAX_DEPTH) {
                depth++;
            } else if (!name_in(h + name, nlen, raw_tags)) {
                if (blank(o, h, len, i, tag_end) < 0)
                    return -1;
                o->flattened++;
            }
        }
        i = tag_end;
        if (!end_tag && name_in(h + name, nlen, raw_tags)) {
            char close[16];
            snprintf(close, sizeof close, "</%.*s", (int)nlen, h + name);
            i = find_ci(h, i, len, close);
        }
    }
    return 0;
}

/* gumbo's allocator: out of memory goes back to the recovery point of parse() (util.h). */
static void *gumbo_alloc(void *userdata, size_t size)
{
    (void)userdata;
    void *p = malloc(size);
    if (!p)
        sr_oom(size);
    return p;
}

static void gumbo_free(void *userdata, void *p)
{
    (void)userdata;
    free(p);
}

/*
** gumbo_parse_with_options under a recovery point: NULL when memory ran
** out (what gumbo held then is lost; the host goes on).
*/
static GumboOutput *parse(const GumboOptions *opts, const char *html, size_t len)
{
    jmp_buf jb;
    jmp_buf *outer = sr_oom_catch(&jb);
    if (setjmp(jb) != 0) {
        sr_oom_catch(outer);
        return NULL;
    }
    GumboOutput *g = gumbo_parse_with_options(opts, html, len);
    sr_oom_catch(outer);
    return g;
}

int sr_html_extract(const char *file, const char *html, size_t len, sr_record *rec, sr_error *err)
{
    size_t valid = sr_utf8_valid_prefix(html, len);
    if (valid != len || memchr(html, '\0', len)) {
        return sr_text_check(file, 1, html, len, err);
    }
    prescan_out pre = {0};
    if (prescan(html, len, &pre) < 0) {
        free(pre.copy);
        return sr_error_setc(err, SR_ERR_NOMEM, "%s:1: byte 1: out of memory; the page was "
                             "skipped", file);
    }
    /* Parse errors are not recorded: each would copy the open-element stack. */
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0;
    opts.allocator = gumbo_alloc;
    opts.deallocator = gumbo_free;
    GumboOutput *g = parse(&opts, pre.copy ? pre.copy : html, len);
    if (!g) {
        free(pre.copy);
        return sr_error_setc(err, SR_ERR_NOMEM, "%s: cannot parse HTML (out of memory)", file);
    }
    take_head(g->root, rec);
    GumboNode *body = find_tag(g->root, GUMBO_TAG_ARTICLE);
    if (!body)
        body = find_tag(g->root, GUMBO_TAG_MAIN);
    if (!body)
        body = find_tag(g->root, GUMBO_TAG_BODY);
    extractor x = {0};
    if (body)
        walk(&x, body);
    gumbo_destroy_output(&opts, g);
    free(pre.copy);
    free(x.para.p);
    if (x.out.failed || x.para.failed) {
        free(x.out.p);
        return sr_error_setc(err, SR_ERR_NOMEM, "%s:1: byte 1: out of memory extracting the "
                             "article text; the page was skipped", file);
    }
    if (x.out.len == 0) {
        free(x.out.p);
        return sr_error_set(err, "%s:1: byte 1: the HTML page has no article text "
                                 "(no text in <article>, <main> or <body>)", file);
    }
    rec->text = x.out.p;
    rec->len = x.out.len;
    if (pre.flattened || pre.attrs_cut) {
        char note[256];
        snprintf(note, sizeof note, "HTML over the limits: %zu elements nested more than %d deep "
                 "were flattened, %zu tags lost attributes past %d; the text is kept",
                 pre.flattened, SR_HTML_MAX_DEPTH, pre.attrs_cut, SR_HTML_MAX_ATTRS);
        rec->warning = strdup(note);
    }
    return 0;
}
