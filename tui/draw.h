/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_DRAW_H
#define HEADROOM_DRAW_H

#include <stdint.h>

#include "tui/style.h"
#include "widgets/bar.h"
#include "widgets/keybar.h"

/* ncurses at the edge: the widgets' layouts put on the screen. */

/* Text at (y, x) in at most width columns, padded with spaces to width.
 * The text is sanitized first (escape sequences shown inert) and measured
 * in display columns, so multibyte names are cut at a character. right:
 * align right. Returns the columns used by the text. */
int draw_text(int y, int x, int width, const char *text, enum style st, int right);

/* A stacked bar: bar_layout's cells, each drawn with its segment's style
 * and character; marks (cell, style) drawn over them. Returns the cells
 * the segments filled. */
struct bar_mark_at {
	int cell;
	enum style st;
};
int draw_bar(int y, int x, int width, const struct bar_seg *segs, int nseg, uint64_t total,
	      const struct bar_mark_at *marks, int nmarks);

/* A sparkline of vals (NAN = gap) on the scale min..max. */
void draw_spark(int y, int x, int width, const double *vals, double min, double max, enum style st);

/* The footer: status when there is one, else the key hints that fit
 * (widgets/keybar.h: help and quit kept). */
void draw_footer(const char *status, const struct key_hint *h, size_t nh);

/* The sort column's direction for its title: arrows, so that '^' keeps its
 * one meaning (LIMIT set by an ancestor); without UTF-8, v and A. */
const char *draw_sort_mark(int ascending);
/* A column's title in w cells, the sort column's with its mark (title
 * cut to make room: the mark says which column sorts). */
void draw_col_title(int y, int x, int w, const char *title, int sorted, int ascending, int right);
/* Fill the rest of line y from x with spaces in style st. */
void draw_clear(int y, int x, int width, enum style st);

#endif
