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

/* The slot of id in h->cg: where it is, or where it would go. */
static size_t series_slot(const struct history *h, uint64_t id)
{
	size_t lo = 0, hi = h->ncg;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (h->cg[mid]->id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct hist_series *history_cg(const struct history *h, uint64_t id)
{
	size_t i = series_slot(h, id);
	return i < h->ncg && h->cg[i]->id == id ? h->cg[i] : NULL;
}

/* A cgroup's series, made where the order by id puts it if it is new (a
 * sample lists cgroups depth first, not in the order of their ids). */
static struct hist_series *series_for(struct history *h, uint64_t id)
{
	size_t i = series_slot(h, id);
	if (i < h->ncg && h->cg[i]->id == id)
		return h->cg[i];
	h->cg = xreallocarray(h->cg, h->ncg + 1, sizeof(*h->cg));
	memmove(&h->cg[i + 1], &h->cg[i], (h->ncg - i) * sizeof(*h->cg));
	h->ncg++;
	struct hist_series *s = h->cg[i] = xcalloc(1, sizeof(*s));
	s->id = id;
	s->last_oom = -1;
	return s;
}

/* Series of cgroups that are gone are dropped. */
static void sweep(struct history *h)
{
	size_t w = 0;
	for (size_t i = 0; i < h->ncg; i++) {
		if (h->cg[i]->mark == h->gen)
			h->cg[w++] = h->cg[i];
		else
			free(h->cg[i]);
	}
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
	for (size_t i = 0; i < h->ncg; i++)
		free(h->cg[i]);
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
