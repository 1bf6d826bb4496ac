/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "model/rates.h"

#include <math.h>
#include <stdlib.h>

#include "util/xalloc.h"

double rate_counter(val_t prev, val_t cur, double dt)
{
	if (!val_is_ok(prev) || !val_is_ok(cur) || cur.v < prev.v || dt <= 0)
		return NAN;
	return (double)(cur.v - prev.v) / dt;
}

double rate_gauge(val_t prev, val_t cur, double dt)
{
	if (!val_is_ok(prev) || !val_is_ok(cur) || dt <= 0)
		return NAN;
	return ((double)cur.v - (double)prev.v) / dt;
}

val_t rate_new_events(val_t prev, val_t cur)
{
	if (!val_is_ok(prev) || !val_is_ok(cur))
		return val_na(NA_DERIVED);
	return val_ok(cur.v >= prev.v ? cur.v - prev.v : cur.v);
}

static val_t cg_stat_sum(const struct cg_sample *c, const char *a, const char *b)
{
	return val_add(kvset_get(&c->kv[K_STAT], a), kvset_get(&c->kv[K_STAT], b));
}

/* Reclaim activity of a cgroup: v2 memory.stat pgscan/pgsteal; refaults
 * from workingset_refault_{anon,file} (v2, and v1 total_ keys). */
static void cg_rates_fill(const struct cg_sample *p, struct cg_sample *c, double dt)
{
	const char *ra = c->kv[K_STAT].n && val_is_ok(kvset_get(&c->kv[K_STAT], "total_workingset_refault_anon"))
				 ? "total_workingset_refault_anon"
				 : "workingset_refault_anon";
	const char *rf = ra[0] == 't' ? "total_workingset_refault_file" : "workingset_refault_file";
	c->r.usage_bps = rate_gauge(p->n.usage, c->n.usage, dt); /* usage falls as well as rises */
	c->r.pgscan_ps = rate_counter(kvset_get(&p->kv[K_STAT], "pgscan"), kvset_get(&c->kv[K_STAT], "pgscan"), dt);
	c->r.pgsteal_ps = rate_counter(kvset_get(&p->kv[K_STAT], "pgsteal"), kvset_get(&c->kv[K_STAT], "pgsteal"), dt);
	c->r.refault_ps = rate_counter(cg_stat_sum(p, ra, rf), cg_stat_sum(c, ra, rf), dt);
	c->r.limit_hits_ps = rate_counter(p->n.limit_hits, c->n.limit_hits, dt);
	c->r.new_oom_kills = rate_new_events(p->n.oom_kills, c->n.oom_kills);
	c->r.new_kills_local = rate_new_events(p->n.kills_local, c->n.kills_local);
	c->r.new_hits_local = rate_new_events(p->n.hits_local, c->n.hits_local);
	c->r.new_high_local = rate_new_events(p->n.high_local, c->n.high_local);
	c->r.swap_bps = rate_gauge(p->n.swap, c->n.swap, dt);
	c->r.file_bps = rate_gauge(p->n.file, c->n.file, dt);
}

static void cg_rates_na(struct cg_sample *c)
{
	val_t na = val_na(NA_DERIVED);
	c->r = (struct cg_rates){ NAN, NAN, NAN, NAN, NAN, na, na, na, na, NAN, NAN };
}

static void sys_rates(const struct sys_sample *p, struct sys_sample *c, double dt)
{
	c->pgscan_ps = p ? rate_counter(p->pgscan, c->pgscan, dt) : NAN;
	c->pgsteal_ps = p ? rate_counter(p->pgsteal, c->pgsteal, dt) : NAN;
	c->refault_ps = p ? rate_counter(p->refault, c->refault, dt) : NAN;
	c->pgmajfault_ps = p ? rate_counter(p->vm[VM_PGMAJFAULT], c->vm[VM_PGMAJFAULT], dt) : NAN;
	c->new_oom_kills = p ? rate_new_events(p->vm[VM_OOM_KILL], c->vm[VM_OOM_KILL]) : val_na(NA_DERIVED);
}

static int cmp_id(const void *a, const void *b)
{
	uint64_t x = ((const uint64_t *)a)[0], y = ((const uint64_t *)b)[0];
	return x < y ? -1 : x > y;
}

void rates_fill(const struct sample *prev, struct sample *cur)
{
	double dt = prev ? cur->mono - prev->mono : 0;
	sys_rates(prev ? &prev->sys : NULL, &cur->sys, dt);
	size_t n = prev ? prev->ncg : 0;
	uint64_t(*ids)[2] = xcalloc(n ? n : 1, sizeof(*ids)); /* {id, index} sorted by id */
	for (size_t i = 0; i < n; i++) {
		ids[i][0] = prev->cgs[i].id;
		ids[i][1] = i;
	}
	qsort(ids, n, sizeof(*ids), cmp_id);
	for (size_t i = 0; i < cur->ncg; i++) {
		uint64_t key[2] = { cur->cgs[i].id, 0 };
		uint64_t(*hit)[2] = n ? bsearch(key, ids, n, sizeof(*ids), cmp_id) : NULL;
		cur->cgs[i].prev = hit ? (int)(*hit)[1] : -1; /* for what else compares the two (model/events.c) */
		if (hit)
			cg_rates_fill(&prev->cgs[(*hit)[1]], &cur->cgs[i], dt);
		else
			cg_rates_na(&cur->cgs[i]);
	}
	free(ids);
}
