/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_DLINES_H
#define HEADROOM_DLINES_H

#include <stddef.h>

#include "tui/style.h"

/* The lines of a detail screen: label, value, rate, and a note (where the
 * figure comes from, or why it is N/A). Built by pure functions from
 * samples, so what a detail screen says is tested without a terminal. */
struct dline {
	char label[48];
	char value[32];
	char rate[24];
	char note[200];
	int heading; /* a section title: label only */
	enum style st;
};

struct dlines {
	struct dline *v; /* owned */
	size_t n, cap;
};

/* A new zeroed line at the end (style ST_NORMAL). */
struct dline *dlines_add(struct dlines *d);
void dlines_heading(struct dlines *d, const char *title);
void dlines_clear(struct dlines *d); /* n = 0, keeps the memory */
void dlines_free(struct dlines *d);
/* Index of the first line whose label is label, or -1 (tests). */
int dlines_find(const struct dlines *d, const char *label);

#endif
