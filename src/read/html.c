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
*/
#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/reader.h"
#include "util/util.h"

/* A growable byte buffer. */
typedef struct textbuf {
    char *p;
    size_t len, cap;
} textbuf;

static void tb_put(textbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p)
            abort();
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

/* Depth-first walk; an explicit stack keeps deep pages from exhausting ours. */
static void walk(extractor *x, GumboNode *root)
{
    size_t cap = 256, n = 0;
    struct frame { GumboNode *node; unsigned next; } *stack = malloc(cap * sizeof *stack);
    if (!stack)
        abort();
    stack[n++] = (struct frame){root, 0};
    while (n) {
        struct frame *f = &stack[n - 1];
        GumboNode *node = f->node;
        if (node->type == GUMBO_NODE_TEXT) {
            add_text(x, node->v.text.text);
            n--;
            continue;
        }
        if (node->type != GUMBO_NODE_ELEMENT) {
            n--;
            continue;
        }
        GumboTag tag = node->v.element.tag;
        if (f->next == 0 && is_block(tag))
            end_paragraph(x);
        if (is_skipped(tag) || f->next >= node->v.element.children.length) {
            if (is_block(tag))
                end_paragraph(x);
            n--;
            continue;
        }
        GumboNode *child = node->v.element.children.data[f->next++];
        if (n == cap) {
            cap *= 2;
            stack = realloc(stack, cap * sizeof *stack);
            if (!stack)
                abort();
        }
        stack[n++] = (struct frame){child, 0};
    }
    end_paragraph(x);
    free(stack);
}

/* First element with tag under node (breadth does not matter here). */
static GumboNode *find_tag(GumboNode *node, GumboTag tag)
{
    if (node->type != GUMBO_NODE_ELEMENT)
        return NULL;
    if (node->v.element.tag == tag)
        return node;
    if (is_skipped(node->v.element.tag) && node->v.element.tag != GUMBO_TAG_HEAD)
        return NULL;
    GumboVector *c = &node->v.element.children;
    for (unsigned i = 0; i < c->length; i++) {
        GumboNode *hit = find_tag(c->data[i], tag);
        if (hit)
            return hit;
    }
    return NULL;
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

int sr_html_extract(const char *file, const char *html, size_t len, sr_record *rec, sr_error *err)
{
    size_t valid = sr_utf8_valid_prefix(html, len);
    if (valid != len || memchr(html, '\0', len)) {
        return sr_text_check(file, 1, html, len, err);
    }
    GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
    if (!g)
        return sr_error_set(err, "%s: cannot parse HTML", file);
    take_head(g->root, rec);
    GumboNode *body = find_tag(g->root, GUMBO_TAG_ARTICLE);
    if (!body)
        body = find_tag(g->root, GUMBO_TAG_MAIN);
    if (!body)
        body = find_tag(g->root, GUMBO_TAG_BODY);
    extractor x = {0};
    if (body)
        walk(&x, body);
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    free(x.para.p);
    if (x.out.len == 0) {
        free(x.out.p);
        return sr_error_set(err, "%s:1: byte 1: the HTML page has no article text "
                                 "(no text in <article>, <main> or <body>)", file);
    }
    rec->text = x.out.p;
    rec->len = x.out.len;
    return 0;
}
