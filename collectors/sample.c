/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "collectors/sample.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

const char *const vm_counter_names[VM_N] = {
	[VM_PGSCAN_KSWAPD] = "pgscan_kswapd",
	[VM_PGSCAN_DIRECT] = "pgscan_direct",
	[VM_PGSCAN_KHUGEPAGED] = "pgscan_khugepaged",
	[VM_PGSTEAL_KSWAPD] = "pgsteal_kswapd",
	[VM_PGSTEAL_DIRECT] = "pgsteal_direct",
	[VM_PGSTEAL_KHUGEPAGED] = "pgsteal_khugepaged",
	[VM_REFAULT_ANON] = "workingset_refault_anon",
	[VM_REFAULT_FILE] = "workingset_refault_file",
	[VM_REFAULT] = "workingset_refault",
	[VM_PGMAJFAULT] = "pgmajfault",
	[VM_OOM_KILL] = "oom_kill",
};

static void proc_detail_free(struct proc_detail *d)
{
	free(d->user);
	free(d->comm);
	free(d->cmdline);
	*d = (struct proc_detail){ 0 };
}

void sample_free(struct sample *s)
{
	for (size_t i = 0; i < s->cgcap; i++) {
		free(s->cgs[i].path);
		for (int k = 0; k < CG_NKV; k++)
			kvset_free(&s->cgs[i].kv[k]);
	}
	for (size_t i = 0; i < s->proccap; i++)
		proc_detail_free(&s->procs[i].d);
	free(s->cgs);
	free(s->procs);
	free(s->base_eff_from);
	*s = (struct sample){ 0 };
}

struct cg_sample *sample_add_cg(struct sample *s)
{
	if (s->ncg == s->cgcap) {
		size_t cap = s->cgcap ? s->cgcap * 2 : 64;
		s->cgs = xreallocarray(s->cgs, cap, sizeof(*s->cgs));
		memset(s->cgs + s->cgcap, 0, (cap - s->cgcap) * sizeof(*s->cgs));
		s->cgcap = cap;
	}
	struct cg_sample *c = &s->cgs[s->ncg++];
	struct kvset kv[CG_NKV];
	memcpy(kv, c->kv, sizeof(kv));
	free(c->path);
	*c = (struct cg_sample){ 0 };
	memcpy(c->kv, kv, sizeof(kv)); /* keep the parsed keys for reuse */
	for (int k = 0; k < CG_NKV; k++)
		kvset_clear(&c->kv[k]);
	return c;
}

struct proc_sample *sample_add_proc(struct sample *s)
{
	if (s->nproc == s->proccap) {
		size_t cap = s->proccap ? s->proccap * 2 : 256;
		s->procs = xreallocarray(s->procs, cap, sizeof(*s->procs));
		memset(s->procs + s->proccap, 0, (cap - s->proccap) * sizeof(*s->procs));
		s->proccap = cap;
	}
	struct proc_sample *p = &s->procs[s->nproc++];
	if (p->d.user || p->d.comm || p->d.cmdline)
		proc_detail_free(&p->d);
	/* One struct assignment, details N/A until asked for (hot path). */
	const val_t unread = { .st = V_NA, .why = NA_NOTREAD };
	const sval_t sunread = { .st = V_NA, .why = NA_NOTREAD };
	*p = (struct proc_sample){ .d = { .rss_anon = unread, .rss_file = unread, .rss_shmem = unread, .swap = unread,
					  .oom_score = sunread, .oom_adj = sunread, .pss = unread, .uss = unread,
					  .swap_pss = unread } };
	return p;
}

int sample_pid_cmp(const void *key, const void *elem)
{
	int a = *(const int *)key, b = *(const int *)elem;
	return (a > b) - (a < b);
}

int sample_find_cg(const struct sample *s, const char *path)
{
	for (size_t i = 0; i < s->ncg; i++)
		if (strcmp(s->cgs[i].path, path) == 0)
			return (int)i;
	return -1;
}

const char *sample_eff_from_path(const struct sample *s, size_t i)
{
	int from = s->cgs[i].n.eff_from;
	if (from >= 0)
		return s->cgs[from].path;
	return from == EFF_FROM_BASE ? s->base_eff_from : NULL;
}

/* Counter delta per second; NAN when either side is N/A or it went back
 * (a counter that went back was reset: the cgroup is a new one). */
static double per_sec(val_t prev, val_t cur, double dt)
{
	if (!val_is_ok(prev) || !val_is_ok(cur) || cur.v < prev.v || dt <= 0)
		return NAN;
	return (double)(cur.v - prev.v) / dt;
}

static val_t new_events(val_t prev, val_t cur)
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
	c->r.usage_bps = NAN; /* signed: usage falls as well as rises */
	if (val_is_ok(p->n.usage) && val_is_ok(c->n.usage) && dt > 0)
		c->r.usage_bps = ((double)c->n.usage.v - (double)p->n.usage.v) / dt;
	c->r.pgscan_ps = per_sec(kvset_get(&p->kv[K_STAT], "pgscan"), kvset_get(&c->kv[K_STAT], "pgscan"), dt);
	c->r.pgsteal_ps = per_sec(kvset_get(&p->kv[K_STAT], "pgsteal"), kvset_get(&c->kv[K_STAT], "pgsteal"), dt);
	c->r.refault_ps = per_sec(cg_stat_sum(p, ra, rf), cg_stat_sum(c, ra, rf), dt);
	c->r.limit_hits_ps = per_sec(p->n.limit_hits, c->n.limit_hits, dt);
	c->r.new_oom_kills = new_events(p->n.oom_kills, c->n.oom_kills);
}

static void cg_rates_na(struct cg_sample *c)
{
	c->r = (struct cg_rates){ NAN, NAN, NAN, NAN, NAN, val_na(NA_DERIVED) };
}

static void sys_rates(const struct sys_sample *p, struct sys_sample *c, double dt)
{
	c->pgscan_ps = p ? per_sec(p->pgscan, c->pgscan, dt) : NAN;
	c->pgsteal_ps = p ? per_sec(p->pgsteal, c->pgsteal, dt) : NAN;
	c->refault_ps = p ? per_sec(p->refault, c->refault, dt) : NAN;
	c->pgmajfault_ps = p ? per_sec(p->vm[VM_PGMAJFAULT], c->vm[VM_PGMAJFAULT], dt) : NAN;
	c->new_oom_kills = p ? new_events(p->vm[VM_OOM_KILL], c->vm[VM_OOM_KILL]) : val_na(NA_DERIVED);
}

static int cmp_id(const void *a, const void *b)
{
	uint64_t x = ((const uint64_t *)a)[0], y = ((const uint64_t *)b)[0];
	return x < y ? -1 : x > y;
}

void sample_rates(const struct sample *prev, struct sample *cur)
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
		if (hit)
			cg_rates_fill(&prev->cgs[(*hit)[1]], &cur->cgs[i], dt);
		else
			cg_rates_na(&cur->cgs[i]);
	}
	free(ids);
}
