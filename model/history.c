/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "model/history.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static void series_push(struct hist_series *s, double t, double v)
{
	s->v[s->head] = v;
	s->t[s->head] = t;
	s->head = (s->head + 1) % HIST_LEN;
	if (s->n < HIST_LEN)
		s->n++;
}

static int cmp_series(const void *a, const void *b)
{
	uint64_t x = ((const struct hist_series *)a)->id, y = ((const struct hist_series *)b)->id;
	return x < y ? -1 : x > y;
}

const struct hist_series *history_cg(const struct history *h, uint64_t id)
{
	struct hist_series key = { .id = id };
	return h->ncg ? bsearch(&key, h->cg, h->ncg, sizeof(*h->cg), cmp_series) : NULL;
}

static struct hist_series *series_for(struct history *h, uint64_t id)
{
	struct hist_series *s = (struct hist_series *)history_cg(h, id);
	if (s)
		return s;
	h->cg = xreallocarray(h->cg, h->ncg + 1, sizeof(*h->cg));
	s = &h->cg[h->ncg++];
	memset(s, 0, sizeof(*s));
	s->id = id;
	s->last_oom = -1;
	return s; /* ids only grow, so appending keeps the order */
}

/* Series of cgroups that are gone are dropped. */
static void sweep(struct history *h)
{
	size_t w = 0;
	for (size_t i = 0; i < h->ncg; i++)
		if (h->cg[i].mark == h->gen)
			memmove(&h->cg[w++], &h->cg[i], sizeof(*h->cg));
	h->ncg = w;
}

void history_push(struct history *h, const struct sample *s)
{
	h->gen++;
	for (size_t i = 0; i < s->ncg; i++) {
		const struct cg_sample *c = &s->cgs[i];
		struct hist_series *hs = series_for(h, c->id);
		hs->mark = h->gen;
		series_push(hs, s->mono, val_is_ok(c->n.usage) ? (double)c->n.usage.v : NAN);
		if (val_is_ok(c->r.new_oom_kills) && c->r.new_oom_kills.v > 0)
			hs->last_oom = s->mono;
	}
	sweep(h);
	series_push(&h->psi, s->mono, s->sys.psi.some.ok ? s->sys.psi.some.avg10 : NAN);
}

void history_free(struct history *h)
{
	free(h->cg);
	memset(h, 0, sizeof(*h));
}

void history_buckets(const struct hist_series *s, double now, double span, double *out, int width)
{
	for (int b = 0; b < width; b++)
		out[b] = NAN;
	if (!s || width <= 0 || span <= 0)
		return;
	for (int k = 0; k < s->n; k++) {
		int i = (s->head - 1 - k + HIST_LEN) % HIST_LEN;
		double age = now - s->t[i];
		if (age > span)
			break;
		if (age < 0)
			continue; /* newer than now */
		int b = width - 1 - (int)(age / span * width);
		if (b < 0)
			b = 0;
		if (!isnan(s->v[i]) && (isnan(out[b]) || s->v[i] > out[b]))
			out[b] = s->v[i];
	}
}
