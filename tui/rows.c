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

/* The flat list's order when none is asked: largest usage first (N/A
 * with the smallest). */
static int usage_desc(const struct cg_sample *x, const struct cg_sample *y, void *ctx)
{
	(void)ctx;
	uint64_t ux = val_is_ok(x->n.usage) ? x->n.usage.v : 0, uy = val_is_ok(y->n.usage) ? y->n.usage.v : 0;
	return (ux < uy) - (ux > uy);
}
static const struct rows_order largest_first = { usage_desc, NULL };

int rows_match(const char *text, const char *filter)
{
	return !filter || !*filter || (text && strcasestr(text, filter));
}

/* The tree's walk: kept children of each cgroup, in the order asked. */
struct walk {
	const struct sample *s;
	const struct folds *f;
	const struct rows_order *o;
	int **kids;
	size_t *nkids;
	struct cg_row *out;
	size_t n;
	unsigned char last[ROW_MAXDEPTH + 1];
};

/* qsort_r: cgroup indices, by the order asked, then the sample's own
 * (natural) order. */
static int by_order(const void *a, const void *b, void *ctx)
{
	const struct walk *w = ctx;
	int x = *(const int *)a, y = *(const int *)b;
	int c = w->o->cmp(&w->s->cgs[x], &w->s->cgs[y], w->o->ctx);
	return c ? c : (x > y) - (x < y);
}

static void visit(struct walk *w, int i, int d)
{
	int dd = d > ROW_MAXDEPTH ? ROW_MAXDEPTH : d;
	struct cg_row *r = &w->out[w->n++];
	*r = (struct cg_row){ .cg = i, .depth = dd, .has_kids = w->nkids[i] > 0 };
	r->folded = r->has_kids && folds_has(w->f, w->s->cgs[i].path);
	memcpy(r->last, w->last, sizeof(w->last));
	if (r->folded)
		return;
	if (w->o && w->nkids[i] > 1)
		qsort_r(w->kids[i], w->nkids[i], sizeof(int), by_order, w);
	for (size_t k = 0; k < w->nkids[i]; k++) {
		w->last[dd + 1 > ROW_MAXDEPTH ? ROW_MAXDEPTH : dd + 1] = k + 1 == w->nkids[i];
		visit(w, w->kids[i][k], d + 1);
	}
}

static size_t rows_flat(const struct sample *s, const char *filter, const struct rows_order *o, struct cg_row *out)
{
	size_t n = 0;
	for (size_t i = 0; i < s->ncg; i++)
		if (rows_match(s->cgs[i].path, filter))
			out[n++] = (struct cg_row){ .cg = (int)i };
	if (n > 1) {
		struct walk w = { .s = s, .o = o ? o : &largest_first };
		int *idx = xcalloc(n, sizeof(*idx));
		for (size_t i = 0; i < n; i++)
			idx[i] = out[i].cg;
		qsort_r(idx, n, sizeof(*idx), by_order, &w);
		for (size_t i = 0; i < n; i++)
			out[i] = (struct cg_row){ .cg = idx[i] };
		free(idx);
	}
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

size_t rows_build(const struct sample *s, int tree, const struct folds *f, const char *filter,
		  const struct rows_order *order, struct cg_row *out)
{
	if (!tree)
		return rows_flat(s, filter, order, out);
	size_t ncg = s->ncg ? s->ncg : 1, off = 0;
	unsigned char *keep = kept(s, filter);
	struct walk w = { .s = s, .f = f, .o = order, .out = out, .last = { 1 } };
	w.kids = xcalloc(ncg, sizeof(*w.kids));
	w.nkids = xcalloc(ncg, sizeof(*w.nkids));
	int *all = xcalloc(ncg, sizeof(*all));
	for (size_t i = 0; i < s->ncg; i++) /* each parent's kept children, in the sample's order */
		if (keep[i] && s->cgs[i].parent >= 0)
			w.nkids[s->cgs[i].parent]++;
	for (size_t i = 0; i < s->ncg; i++) {
		w.kids[i] = all + off;
		off += w.nkids[i];
		w.nkids[i] = 0;
	}
	for (size_t i = 0; i < s->ncg; i++)
		if (keep[i] && s->cgs[i].parent >= 0) {
			int p = s->cgs[i].parent;
			w.kids[p][w.nkids[p]++] = (int)i;
		}
	for (size_t i = 0; i < s->ncg; i++)
		if (keep[i] && s->cgs[i].parent < 0)
			visit(&w, (int)i, 0);
	free(all);
	free(w.kids);
	free(w.nkids);
	free(keep);
	return w.n;
}
