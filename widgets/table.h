/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_TABLE_H
#define HEADROOM_TABLE_H

/* Column layout of a table for a given width. Columns are kept in order of
 * priority while their minimum widths (and one space between columns) fit,
 * and none of lower priority once one does not; the rest of the width goes
 * first to the flexible columns that want a width, up to it, then is shared
 * by the flexible columns up to their maximum. Pure. */
struct col_spec {
	const char *title;
	int min, max; /* max 0: as wide as given */
	int prio;     /* 0 is kept first; larger numbers are dropped first */
	int flex;     /* takes leftover width */
	int right;    /* right-aligned (numbers) */
	int want;     /* flex: grown to this first, before the others grow (0: none) */
};

/* widths[i] = 0 for a dropped column. Returns the width used (<= width). */
int table_layout(const struct col_spec *cols, int n, int width, int *widths);

/* x offset of column i given the widths (one space between kept columns). */
int table_col_x(const int *widths, int i);

#endif
