/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_ROWS_H
#define HEADROOM_ROWS_H

#include <stddef.h>

#include "collectors/sample.h"

/* The rows of the cgroup table: the sample's cgroups as a tree (depth-first,
 * folded subtrees hidden) or flat (largest usage first). Pure. */
#define ROW_MAXDEPTH 32

struct cg_row {
	int cg;    /* index in sample.cgs */
	int depth; /* display depth (0 in flat mode) */
	int has_kids, folded;
	unsigned char last[ROW_MAXDEPTH + 1]; /* see tree_prefix */
};

/* A set of folded cgroup paths. */
struct folds {
	char **paths;
	size_t n;
};
int folds_has(const struct folds *f, const char *path);
void folds_toggle(struct folds *f, const char *path);
void folds_free(struct folds *f);

/* An order of cgroups: cmp < 0 when x comes first (ties keep the sample's
 * natural order). */
struct rows_order {
	int (*cmp)(const struct cg_sample *x, const struct cg_sample *y, void *ctx);
	void *ctx;
};

/* Fill out[0..) (room for s->ncg rows); returns the number of rows.
 * filter (NULL or "": none): only cgroups whose path holds it, ignoring
 * case, and in a tree their ancestors, so the tree stays whole. order
 * (NULL: none asked) sorts the flat list, and each cgroup's children in
 * the tree; with none, the tree keeps the sample's order and the flat list
 * is largest usage first. */
size_t rows_build(const struct sample *s, int tree, const struct folds *f, const char *filter,
		  const struct rows_order *order, struct cg_row *out);
/* text holds filter, ignoring case (NULL or "" filter: always). */
int rows_match(const char *text, const char *filter);

#endif
