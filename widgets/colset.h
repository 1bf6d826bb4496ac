/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_COLSET_H
#define HEADROOM_COLSET_H
#include <stddef.h>

#include "widgets/table.h"

/* The columns a table shows, in their order (htop's F2 setup): column ids
 * 0..total-1 of a table's col_spec array, each at most once, at least one.
 * Written in the config file as their names, comma separated. Pure. */
#define COLSET_MAX 16

struct colset {
	unsigned char k[COLSET_MAX];
	int n, total;
};

/* Every column, in the table's own order. */
void colset_all(struct colset *s, int total);
/* Where column k is shown (0..n-1), or -1 when hidden. */
int colset_at(const struct colset *s, int k);
/* Space: k shown or hidden (the last one shown stays); - +: k one place
 * earlier or later. Returns 0 when nothing changed. */
int colset_toggle(struct colset *s, int k);
int colset_move(struct colset *s, int k, int by);
/* The column shown d (1 or -1) places after k, round the ends; from a
 * column not shown (or -1), the first (d 1) or the last (d -1). */
int colset_step(const struct colset *s, int k, int d);
/* The index of name in names[0..total), or -1. */
int colset_name(const char *const *names, int total, const char *name);
/* The column whose cells take x on a screen width wide, or -1. */
int colset_hit(const struct colset *s, const struct col_spec *spec, int width, int x);
/* "a,b,c" by names[]: 0, or -1 with the first unknown name in bad (s is
 * then every column); a name twice counts once; "" is every column. */
int colset_parse(struct colset *s, const char *list, const char *const *names, int total, char *bad, size_t badlen);
/* The names, comma separated, or "" when every column shows in the
 * table's order (no line needed). */
void colset_format(const struct colset *s, const char *const *names, char *out, size_t n);
/* The shown columns laid out for width: by column id, w[k] (0: not shown)
 * and x[k]. */
void colset_layout(const struct colset *s, const struct col_spec *spec, int width, int *w, int *x);

#endif
