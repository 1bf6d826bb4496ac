/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "model/cgnorm.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

/* NF a measurement, NS a setting (a limit or protection someone wrote) */
#define NF(name, v2, v1) { #name, offsetof(struct cg_norm, name), v2, v1, 0 }
#define NS(name, v2, v1) { #name, offsetof(struct cg_norm, name), v2, v1, 1 }
const struct cg_norm_field cg_norm_fields[] = {
	NF(usage, "memory.current", "memory.usage_in_bytes"),
	NS(limit, "memory.max", "memory.limit_in_bytes"),
	{ "effective_limit", offsetof(struct cg_norm, eff_limit), "smallest memory.max up to the root",
	  "smallest limit_in_bytes up to the root", 1 },
	NF(anon, "memory.stat anon", "memory.stat total_rss"),
	NF(file, "memory.stat file - shmem", "total_cache - total_shmem"),
	/* v2 before Linux 5.18: the sum of kernel_stack, pagetables, percpu, sock, slab */
	NF(kernel, "memory.stat kernel", "memory.kmem.usage_in_bytes"),
	NF(shmem, "memory.stat shmem", "memory.stat total_shmem"),
	NF(swap, "memory.swap.current", "memory.stat total_swap"),
	NF(active_file, "memory.stat active_file", "memory.stat total_active_file"),
	NF(inactive_file, "memory.stat inactive_file", "memory.stat total_inactive_file"),
	NF(working_set, "usage - inactive_file", "usage - total_inactive_file"),
	/* v1's memory.stat has no slab split */
	NF(reclaimable, "file + slab_reclaimable", "file"),
	/* v1 counts a kill only in the victim's own cgroup: summed over the subtree */
	NF(oom_kills, "memory.events oom_kill", "oom_control oom_kill, subtree sum"),
	NF(limit_hits, "memory.events max", "memory.failcnt + memory.memsw.failcnt"),
	NF(peak, "memory.peak", "memory.max_usage_in_bytes"),
	NS(min, "memory.min", NULL),
	NS(low, "memory.low", NULL),
	NS(high, "memory.high", NULL),
	NS(soft_limit, NULL, "memory.soft_limit_in_bytes"),
};
const size_t cg_norm_nfields = sizeof(cg_norm_fields) / sizeof(cg_norm_fields[0]);

val_t cg_kv(const struct cg_sample *c, enum cg_kvfile k, const char *key)
{
	if (c->kv_why[k] != NA_NONE)
		return val_na((enum na_reason)c->kv_why[k]);
	return kvset_get(&c->kv[k], key);
}

static val_t st(const struct cg_sample *c, const char *key)
{
	return cg_kv(c, K_STAT, key);
}

/* Kernel memory before the "kernel" key (Linux 5.18). */
static val_t v2_kernel(const struct cg_sample *c)
{
	val_t k = st(c, "kernel");
	if (k.st != V_NA || k.why != NA_ABSENT)
		return k;
	val_t slab = st(c, "slab");
	if (slab.st == V_NA)
		slab = val_add(st(c, "slab_reclaimable"), st(c, "slab_unreclaimable"));
	k = val_add(st(c, "kernel_stack"), st(c, "pagetables"));
	k = val_add(k, val_add(st(c, "percpu"), st(c, "sock")));
	return val_add(k, slab);
}

static void norm_v2(struct cg_sample *c)
{
	struct cg_norm *n = &c->n;
	n->usage = c->f[F2_CURRENT];
	n->limit = c->f[F2_MAX];
	n->anon = st(c, "anon");
	n->shmem = st(c, "shmem");
	n->file = val_sub_clamp(st(c, "file"), n->shmem);
	n->kernel = v2_kernel(c);
	n->swap = c->f[F2_SWAP_CURRENT];
	n->active_file = st(c, "active_file");
	n->inactive_file = st(c, "inactive_file");
	n->working_set = val_sub_clamp(n->usage, n->inactive_file);
	n->reclaimable = val_add(n->file, st(c, "slab_reclaimable"));
	n->oom_kills = cg_kv(c, K_EVENTS, "oom_kill");
	n->limit_hits = cg_kv(c, K_EVENTS, "max");
	n->kills_local = cg_kv(c, K_EVENTS_LOCAL, "oom_kill");
	n->hits_local = cg_kv(c, K_EVENTS_LOCAL, "max");
	n->high_local = cg_kv(c, K_EVENTS_LOCAL, "high");
	n->under_oom = val_na(NA_NOTAPPLY);
	n->peak = c->f[F2_PEAK];
	n->min = c->f[F2_MIN];
	n->low = c->f[F2_LOW];
	n->high = c->f[F2_HIGH];
	n->soft_limit = val_na(NA_NOTAPPLY);
}

/* A charge refused at the memsw limit (memory + swap) is never tried
 * against the memory limit: if the kernel counts it, it is in
 * memsw.failcnt (Linux 6.18 was measured counting it in neither, which is
 * why lab mode limits swap another way), so both counters are limit hits.
 * Without swap accounting (no memsw files), failcnt. */
static val_t v1_hits(const struct cg_sample *c)
{
	val_t memsw = c->f[F1_MEMSW_FAILCNT];
	if (memsw.st == V_NA && memsw.why == NA_ABSENT)
		return c->f[F1_FAILCNT];
	return val_add(c->f[F1_FAILCNT], memsw);
}

static void norm_v1(struct cg_sample *c)
{
	struct cg_norm *n = &c->n;
	n->usage = c->f[F1_USAGE];
	n->usage_no_kernel = strcmp(c->path, "/") == 0; /* mem_cgroup_usage() of the root */
	n->limit = c->f[F1_LIMIT];
	n->anon = st(c, "total_rss");
	n->shmem = st(c, "total_shmem");
	n->file = val_sub_clamp(st(c, "total_cache"), n->shmem);
	n->kernel = c->f[F1_KMEM_USAGE];
	/* the kernel's own counter; memsw - usage comes from two reads at two
	 * moments, and a process charging meanwhile shows as swap that is not */
	n->swap = st(c, "total_swap");
	if (n->swap.st == V_NA && n->swap.why == NA_ABSENT)
		n->swap = val_sub_clamp(c->f[F1_MEMSW_USAGE], n->usage);
	n->active_file = st(c, "total_active_file");
	n->inactive_file = st(c, "total_inactive_file");
	n->working_set = val_sub_clamp(n->usage, n->inactive_file);
	n->reclaimable = n->file;
	n->oom_kills = cg_kv(c, K_OOM_CONTROL, "oom_kill");
	n->limit_hits = v1_hits(c); /* v1 counts only the cgroup whose limit was hit */
	n->kills_local = n->oom_kills;	   /* summed over the subtree below */
	n->hits_local = n->limit_hits;
	n->high_local = val_na(NA_NOTAPPLY);
	n->under_oom = cg_kv(c, K_OOM_CONTROL, "under_oom");
	n->peak = c->f[F1_MAX_USAGE];
	n->min = n->low = n->high = val_na(NA_NOTAPPLY);
	n->soft_limit = c->f[F1_SOFT_LIMIT];
}

/* One cgroup's own figures (all but the effective limit and the v1
 * subtree sums). */
static void cgnorm_one(struct cg_sample *c, int version)
{
	if (version == 2)
		norm_v2(c);
	else
		norm_v1(c);
}

/* The limit that applies from above cgs[i]: its parent's effective limit,
 * or the limit of the ancestors outside the view. */
static void eff_from_above(const struct sample *s, const struct cg_sample *c, val_t *lim, int *from)
{
	*lim = val_unlimited();
	*from = EFF_FROM_NONE;
	if (c->parent < 0) {
		if (val_is_ok(s->base_eff_limit)) {
			*lim = s->base_eff_limit;
			*from = EFF_FROM_BASE;
		}
		return;
	}
	const struct cg_sample *p = &s->cgs[c->parent];
	val_t hier = p->f[F1_USE_HIERARCHY];
	if (s->version == 1 && val_is_ok(hier) && hier.v == 0)
		return; /* v1: no hierarchical accounting below this parent */
	*lim = p->n.eff_limit;
	*from = p->n.eff_from;
}

/* v1 counts an OOM kill in the victim's cgroup only; v2's memory.events is
 * hierarchical. Sum v1's over each subtree so both mean the same. Children
 * follow their parents in s->cgs, so one backward pass adds each subtree
 * total into its parent. */
static void v1_oom_kills_hierarchical(struct sample *s)
{
	for (size_t i = s->ncg; i-- > 0;) {
		struct cg_sample *c = &s->cgs[i];
		if (c->parent >= 0 && val_is_ok(c->n.oom_kills))
			s->cgs[c->parent].n.oom_kills = val_add(s->cgs[c->parent].n.oom_kills, c->n.oom_kills);
	}
}

void cgnorm_fill(struct sample *s)
{
	for (size_t i = 0; i < s->ncg; i++) {
		struct cg_sample *c = &s->cgs[i];
		val_t above;
		int from;
		cgnorm_one(c, s->version);
		eff_from_above(s, c, &above, &from);
		if (val_is_ok(c->n.limit) && (!val_is_ok(above) || c->n.limit.v <= above.v)) {
			c->n.eff_limit = c->n.limit;
			c->n.eff_from = (int)i;
		} else {
			c->n.eff_limit = above;
			c->n.eff_from = from;
		}
	}
	if (s->version == 1)
		v1_oom_kills_hierarchical(s);
}

double cgnorm_unreclaimable_pct(const struct cg_norm *n)
{
	/* page cache is reclaimable: a cgroup full of cache is not in danger */
	val_t hard = val_sub_clamp(n->usage, n->reclaimable); /* N/A when either is */
	if (!val_is_ok(hard) || !val_is_ok(n->eff_limit) || n->eff_limit.v == 0)
		return NAN;
	return 100.0 * (double)hard.v / (double)n->eff_limit.v;
}
