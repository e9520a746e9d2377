/*
** reader.h: turning input files into article records.
**
** The readers' interface is public (sitrep.h); this header adds what
** they share inside the library: the check every record passes, and the
** HTML extractor.
*/
#ifndef SR_READER_H
#define SR_READER_H

#include <stddef.h>
#include <stdio.h>

#include "sitrep.h"

/*
** Check that text is usable as an article: valid UTF-8 and no NUL or other
** binary control bytes.  On failure err says which byte, at which line.
*/
int sr_text_check(const char *file, size_t first_line, const char *text, size_t len, sr_error *err);

/* Extract the article text of an HTML page (see html.c). */
int sr_html_extract(const char *file, const char *html, size_t len, sr_record *rec, sr_error *err);

#endif
