/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_FIND_H
#define HEADROOM_FIND_H

#include <stddef.h>

/* Search (/) and filter (\) over the current screen's rows, through its
 * screen hooks (tui/screen.h): the footer becomes a one-line editor. */
struct app;
void find_start(struct app *a, int kind); /* '/' search, '\\' filter */
void find_key(struct app *a, int ch);	  /* a key while a->input */
void find_next(struct app *a, int dir);	  /* n, N */
void find_draw(const struct app *a);	  /* the line editor over the footer */
/* "[filter: x]" for the footer, or "". */
const char *find_filter_note(struct app *a, char *buf, size_t n);

#endif
