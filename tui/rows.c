/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "tui/rows.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

int folds_has(const struct folds *f, const char *path)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->paths[i], path) == 0)
			return 1;
	return 0;
}

void folds_toggle(struct folds *f, const char *path)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->paths[i], path) == 0) {
			free(f->paths[i]);
			f->paths[i] = f->paths[--f->n];
			return;
		}
	f->paths = xreallocarray(f->paths, f->n + 1, sizeof(*f->paths));
	f->paths[f->n++] = xstrdup(path);
}

void folds_free(struct folds *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->paths[i]);
	free(f->paths);
	*f = (struct folds){ 0 };
}

/* qsort_r: rows of sample ctx, largest usage first. */
static int by_usage(const void *a, const void *b, void *ctx)
{
	const struct sample *s = ctx;
	const struct cg_row *x = a, *y = b;
	val_t u = s->cgs[x->cg].n.usage, v = s->cgs[y->cg].n.usage;
	uint64_t ux = val_is_ok(u) ? u.v : 0, vy = val_is_ok(v) ? v.v : 0;
	return ux != vy ? (ux < vy ? 1 : -1) : x->cg - y->cg;
}

int rows_match(const char *text, const char *filter)
{
	return !filter || !*filter || (text && strcasestr(text, filter));
}

static size_t rows_flat(const struct sample *s, const char *filter, struct cg_row *out)
{
	size_t n = 0;
	for (size_t i = 0; i < s->ncg; i++)
		if (rows_match(s->cgs[i].path, filter))
			out[n++] = (struct cg_row){ .cg = (int)i };
	if (n > 1)
		qsort_r(out, n, sizeof(*out), by_usage, (void *)s);
	return n;
}

/* keep[i]: cgs[i] matches the filter, or one of its descendants does. */
static unsigned char *kept(const struct sample *s, const char *filter)
{
	unsigned char *keep = xcalloc(s->ncg ? s->ncg : 1, 1);
	for (size_t i = 0; i < s->ncg; i++)
		if (rows_match(s->cgs[i].path, filter))
			for (int j = (int)i; j >= 0 && !keep[j]; j = s->cgs[j].parent)
				keep[j] = 1;
	return keep;
}

size_t rows_build(const struct sample *s, int tree, const struct folds *f, const char *filter, struct cg_row *out)
{
	if (!tree)
		return rows_flat(s, filter, out);
	unsigned char *keep = kept(s, filter);
	/* lastkid[p]: the index of p's last child shown (children follow parents) */
	int *lastkid = xcalloc(s->ncg ? s->ncg : 1, sizeof(int));
	unsigned char last[ROW_MAXDEPTH + 1] = { 1 };
	size_t n = 0;
	int hide_below = -1; /* depth of a folded row whose subtree is hidden */
	for (size_t i = 0; i < s->ncg; i++)
		lastkid[i] = -1;
	for (size_t i = 0; i < s->ncg; i++)
		if (s->cgs[i].parent >= 0 && keep[i])
			lastkid[s->cgs[i].parent] = (int)i;
	for (size_t i = 0; i < s->ncg; i++) {
		const struct cg_sample *c = &s->cgs[i];
		int d = c->depth - s->cgs[0].depth;
		if (!keep[i])
			continue;
		if (hide_below >= 0 && d > hide_below)
			continue;
		hide_below = -1;
		int dd = d > ROW_MAXDEPTH ? ROW_MAXDEPTH : d;
		last[dd] = c->parent < 0 || lastkid[c->parent] == (int)i;
		struct cg_row *r = &out[n++];
		*r = (struct cg_row){ .cg = (int)i, .depth = dd, .has_kids = lastkid[i] >= 0 };
		r->folded = r->has_kids && folds_has(f, c->path);
		memcpy(r->last, last, sizeof(last));
		if (r->folded)
			hide_below = d;
	}
	free(lastkid);
	free(keep);
	return n;
}
