/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "model/diagnose.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/predict.h"
#include "model/victim.h"
#include "widgets/format.h"

/* ---- the thresholds: every one the rules use ---- */

/* Integers, so that the rules' words below say them from here (S()). */
#define NEAR_PCT 90	      /* "at the limit": usage past this share of the effective limit */
#define OOM_RECENT_S 300      /* an OOM kill is news for this long */
#define THRASH_REFAULT_PS 256 /* refaults per second (pages evicted and needed again) */
#define CHARGES_FACTOR 4      /* processes' private memory this many times the usage ... */
#define CHARGES_MIN_M 32      /* ... and at least this many MiB more */
#define CACHE_SHARE_PCT 50    /* reclaimable this share of usage: "mostly cache" */
#define VICTIM_SAY_PCT 80     /* the next OOM victim said past this share of its own limit */
#define APPROACH_S 600	      /* the limit reached within this, at the pace usage grows (model/predict.h) */
#define S_(x) #x
#define S(x) S_(x)
#define OVERCOMMIT_FACTOR 8	    /* VIRT this many times RES ... */
#define OVERCOMMIT_MIN (1ULL << 30) /* ... and at least this much more */

/* The rules, in the order a row shows the first that applies. */
const struct diag_rule diag_rules[DIAG_N] = {
	[DIAG_STALLED] = { "stalled", "STALLED", DS_CRIT,
			   "v1 memory.oom_control under_oom is 1: at its limit with the OOM killer disabled, its "
			   "processes wait" },
	[DIAG_OOM_KILLED] = { "oom_killed", "OOM-killed", DS_OOM,
			      "an OOM kill in the cgroup (or one its limit fired) in the last " S(OOM_RECENT_S) " s" },
	[DIAG_THRASHING] = { "thrashing", "thrashing", DS_CRIT,
			     "past " S(NEAR_PCT) "% of the effective limit and " S(THRASH_REFAULT_PS) " or more refaults "
			     "per second: pages reclaimed are needed again at once" },
	[DIAG_SWAPPING] = { "at_limit_swapping", "swapping", DS_WARN,
			    "past " S(NEAR_PCT) "% of the effective limit and its swap growing" },
	[DIAG_THROTTLED] = { "throttled_high", "throttled", DS_WARN,
			     "v2 memory.events.local high rose since the last sample: over memory.high, its "
			     "allocations are slowed and reclaimed" },
	[DIAG_APPROACHING] = { "approaching_limit", "limit in", DS_WARN,
			       "its usage growing steadily (a least-squares line through the last " S(PREDICT_POINTS)
			       " samples of the last " S(PREDICT_SPAN_S) " s, its R squared at least " S(PREDICT_MIN_R2)
			       ") reaches the effective limit within " S(APPROACH_S) " s" },
	[DIAG_NEXT_VICTIM] = { "next_oom_victim", "next:", DS_WARN,
			       "past " S(VICTIM_SAY_PCT) "% of its own limit: the process the OOM killer would pick, "
			       "ranked as the kernel ranks them at this limit" },
	[DIAG_RECLAIMING] = { "at_limit_reclaiming", "reclaiming", DS_WARN,
			      "past " S(NEAR_PCT) "% of the effective limit, its page cache shrinking or pages "
			      "stolen (pgsteal), and no OOM kill since the last sample" },
	[DIAG_CHARGES_ELSEWHERE] = { "charges_elsewhere", "charged elsewhere", DS_WARN,
				     "its processes' private memory (RES - SHR) at least " S(CHARGES_FACTOR)
				     " times its usage and " S(CHARGES_MIN_M) "M more: charges stay where memory was "
				     "first touched" },
	[DIAG_MOSTLY_CACHE] = { "mostly_cache", "mostly cache", DS_INFO,
				"past " S(NEAR_PCT) "% of the effective limit, " S(CACHE_SHARE_PCT)
				"% or more of it reclaimable" },
	[DIAG_LIMIT_FROM_PARENT] = { "limit_from_parent", "limit^", DS_INFO,
				     "its own limit is set, and an ancestor's lower one applies" },
};

/* ---- what the rules look at ---- */

struct diag_in {
	const struct sample *s;
	size_t i;
	const struct cg_sample *c;
	const struct events *ev;
	double now;
};

/* Usage past pct of the effective limit (none: never). */
static int past(const struct cg_norm *n, unsigned pct)
{
	return val_is_ok(n->usage) && val_is_ok(n->eff_limit) && n->eff_limit.v > 0 &&
	       n->usage.v * 100 >= n->eff_limit.v * pct;
}

static int near_limit(const struct cg_norm *n)
{
	return past(n, NEAR_PCT);
}

static int positive(double rate)
{
	return !isnan(rate) && rate > 0;
}

/* The newest OOM kill in the cgroup, or one its limit fired, within
 * OOM_RECENT_S; how many in *count. */
static const struct event *recent_kill(const struct diag_in *in, unsigned *count)
{
	const struct event *last = NULL;
	*count = 0;
	for (size_t k = 0; in->ev && k < in->ev->n; k++) {
		const struct event *e = events_get(in->ev, k);
		if (in->now - e->mono > OOM_RECENT_S)
			break;
		if (e->kind != EV_OOM_KILL || (strcmp(e->cgroup, in->c->path) != 0 &&
					       !(e->told && strcmp(e->kill.oom_memcg, in->c->path) == 0)))
			continue;
		*count += val_is_ok(e->count) ? (unsigned)e->count.v : 1;
		if (!last)
			last = e;
	}
	return last;
}

static val_t procs_private(const struct cg_sample *c)
{
	return val_sub_clamp(c->diag.procs_res, c->diag.procs_shr);
}

static int applies(const struct diag_in *in, enum diag_id id)
{
	const struct cg_norm *n = &in->c->n;
	const struct cg_rates *r = &in->c->r;
	unsigned kills;
	val_t priv = procs_private(in->c);
	switch (id) {
	case DIAG_STALLED: return val_is_ok(n->under_oom) && n->under_oom.v == 1;
	case DIAG_OOM_KILLED: return recent_kill(in, &kills) != NULL;
	case DIAG_THRASHING: return near_limit(n) && !isnan(r->refault_ps) && r->refault_ps >= THRASH_REFAULT_PS;
	case DIAG_SWAPPING: return near_limit(n) && positive(r->swap_bps);
	case DIAG_THROTTLED: return val_is_ok(r->new_high_local) && r->new_high_local.v > 0;
	case DIAG_NEXT_VICTIM:
		return in->c->diag.victim > 0 && past(n, VICTIM_SAY_PCT);
	case DIAG_APPROACHING: return !isnan(in->c->diag.ttl) && in->c->diag.ttl <= APPROACH_S;
	case DIAG_RECLAIMING:
		return near_limit(n) && (positive(-r->file_bps) || positive(r->pgsteal_ps)) &&
		       !(val_is_ok(r->new_oom_kills) && r->new_oom_kills.v > 0);
	case DIAG_CHARGES_ELSEWHERE:
		return val_is_ok(priv) && val_is_ok(n->usage) && priv.v >= CHARGES_FACTOR * n->usage.v &&
		       priv.v - n->usage.v >= (uint64_t)CHARGES_MIN_M << 20;
	case DIAG_MOSTLY_CACHE:
		return near_limit(n) && val_is_ok(n->reclaimable) && n->reclaimable.v * 100 >= n->usage.v * CACHE_SHARE_PCT;
	case DIAG_LIMIT_FROM_PARENT: return val_is_ok(n->limit) && n->eff_from != (int)in->i && n->eff_from != EFF_FROM_NONE;
	case DIAG_N: break;
	}
	return 0;
}

/* ---- the processes of each subtree ---- */

/* RES and SHR summed over each cgroup's subtree: each process into its
 * cgroup, then (children follow parents) each subtree into its parent. */
static void sum_procs(struct sample *s)
{
	for (size_t i = 0; i < s->ncg; i++) {
		struct cg_diag *d = &s->cgs[i].diag; /* (ttl: model/predict.c's) */
		d->mask = 0;
		d->procs_res = d->procs_shr = val_ok(0);
	}
	for (size_t k = 0; k < s->nproc; k++) {
		const struct proc_sample *p = &s->procs[k];
		if (p->cg < 0)
			continue;
		struct cg_diag *d = &s->cgs[p->cg].diag;
		d->procs_res = val_add(d->procs_res, p->res);
		d->procs_shr = val_add(d->procs_shr, p->shr);
	}
	for (size_t i = s->ncg; i-- > 0;) {
		const struct cg_sample *c = &s->cgs[i];
		if (c->parent < 0)
			continue;
		struct cg_diag *d = &s->cgs[c->parent].diag;
		d->procs_res = val_add(d->procs_res, c->diag.procs_res);
		d->procs_shr = val_add(d->procs_shr, c->diag.procs_shr);
	}
}

void diag_fill(struct sample *s, const struct events *ev, double now)
{
	sum_procs(s);
	for (size_t i = 0; i < s->ncg; i++) {
		struct diag_in in = { s, i, &s->cgs[i], ev, now };
		for (int id = 0; id < DIAG_N; id++)
			if (applies(&in, (enum diag_id)id))
				s->cgs[i].diag.mask |= 1u << id;
	}
}

const struct proc_sample *diag_victim(const struct sample *s, size_t i)
{
	int pid = s->cgs[i].diag.victim;
	return pid > 0 ? sample_find_proc(s, pid) : NULL;
}

static const char *proc_name(const struct proc_sample *p)
{
	return p && p->d.ok && p->d.comm ? p->d.comm : "?";
}

char *diag_tag(char *out, size_t n, enum diag_id id, const struct sample *s, size_t i)
{
	const struct cg_sample *c = &s->cgs[i];
	char age[16];
	if (id == DIAG_NEXT_VICTIM)
		snprintf(out, n, "next: %s", proc_name(diag_victim(s, i)));
	else if (id == DIAG_APPROACHING)
		snprintf(out, n, "limit in %s", fmt_age(age, sizeof(age), c->diag.ttl));
	else
		snprintf(out, n, "%s", id < DIAG_N ? diag_rules[id].tag : "");
	return out;
}

enum diag_id diag_first(const struct cg_sample *c)
{
	for (int id = 0; id < DIAG_N; id++)
		if (c->diag.mask & (1u << id))
			return (enum diag_id)id;
	return DIAG_N;
}

/* ---- in words ---- */

#define B(v) fmt_bytes((char[16]){ 0 }, 16, (v))
#define R(bps) fmt_rate_bytes((char[24]){ 0 }, 24, (bps))

static void say_kill(char *out, size_t n, const struct diag_in *in)
{
	unsigned count;
	const struct event *e = recent_kill(in, &count);
	char age[16];
	if (!e) { /* asked after the kill stopped being news */
		snprintf(out, n, "OOM-killed more than %d s ago", OOM_RECENT_S);
		return;
	}
	fmt_age(age, sizeof(age), in->now - e->mono);
	if (e->told)
		snprintf(out, n, "OOM-killed %u× (last: %s %d, %s ago%s)", count, e->kill.comm, e->kill.pid, age,
			 strcmp(e->cgroup, in->c->path) ? ", in a cgroup below, at this limit" : "");
	else
		snprintf(out, n, "OOM-killed %u× (last %s ago; the victim is not known: %s)", count, age,
			 e->no_log ? e->no_log : "the kernel log was not read");
}

static void say_victim(char *out, size_t n, const struct diag_in *in)
{
	const struct proc_sample *p = diag_victim(in->s, in->i);
	const struct cg_diag *d = &in->c->diag;
	snprintf(out, n, "next OOM victim: %s (pid %d), %lld points of a %llu-page budget (RES %s, oom_score_adj %lld)",
		 proc_name(p), d->victim, (long long)d->victim_points, (unsigned long long)d->victim_budget,
		 p ? B(p->res) : "N/A", p && p->d.oom_adj.st == V_OK ? (long long)p->d.oom_adj.v : 0LL);
}

char *diag_text(char *out, size_t n, enum diag_id id, const struct sample *s, size_t i, const struct events *ev,
		double now)
{
	struct diag_in in = { s, i, &s->cgs[i], ev, now };
	const struct cg_norm *c = &in.c->n;
	const struct cg_rates *r = &in.c->r;
	const char *from = sample_eff_from_path(s, i);
	switch (id) {
	case DIAG_STALLED:
		snprintf(out, n, "stalled: OOM killer disabled, at %s of its limit %s; its processes wait (under_oom 1)",
			 B(c->usage), B(c->eff_limit));
		break;
	case DIAG_OOM_KILLED: say_kill(out, n, &in); break;
	case DIAG_THRASHING:
		snprintf(out, n, "thrashing: %.0f refaults/s at %s of %s: pages reclaimed are needed again at once",
			 r->refault_ps, B(c->usage), B(c->eff_limit));
		break;
	case DIAG_SWAPPING:
		snprintf(out, n, "at limit, swapping: swap %s (%s in swap) at %s of %s", R(r->swap_bps), B(c->swap),
			 B(c->usage), B(c->eff_limit));
		break;
	case DIAG_THROTTLED:
		snprintf(out, n, "throttled at memory.high %s: %llu times since the last sample, usage %s", B(c->high),
			 (unsigned long long)r->new_high_local.v, B(c->usage));
		break;
	case DIAG_APPROACHING:
		snprintf(out, n, "limit in %s: usage %s, growing %s, reaches %s", fmt_age((char[16]){ 0 }, 16, in.c->diag.ttl),
			 B(c->usage), R(in.c->diag.ttl_bps), B(c->eff_limit));
		break;
	case DIAG_NEXT_VICTIM: say_victim(out, n, &in); break;
	case DIAG_RECLAIMING:
		snprintf(out, n, "at limit, reclaiming cache: page cache %s (%s left) at %s of %s", R(r->file_bps),
			 B(c->file), B(c->usage), B(c->eff_limit));
		break;
	case DIAG_CHARGES_ELSEWHERE:
		snprintf(out, n, "charges did not move: its processes hold %s, the cgroup is charged %s",
			 B(procs_private(in.c)), B(c->usage));
		break;
	case DIAG_MOSTLY_CACHE:
		snprintf(out, n, "mostly cache: %s of %s reclaimable (working set %s)", B(c->reclaimable), B(c->usage),
			 B(c->working_set));
		break;
	case DIAG_LIMIT_FROM_PARENT:
		snprintf(out, n, "limit from %s: %s caps its own %s", from ? from : "an ancestor", B(c->eff_limit),
			 B(c->limit));
		break;
	case DIAG_N: snprintf(out, n, "?"); break;
	}
	return out;
}

void diag_charge(const struct cg_sample *c, struct diag_charge *out)
{
	const struct cg_norm *n = &c->n;
	out->usage = n->usage;
	out->anon = n->anon;
	out->file = n->file;
	out->kernel = n->kernel;
	out->shmem = n->shmem;
	out->other = val_sub_clamp(n->usage, val_add(val_add(n->anon, n->file), val_add(n->kernel, n->shmem)));
	out->held = procs_private(c);
	out->shared = c->diag.procs_shr;
	out->unheld = val_sub_clamp(n->usage, out->held);
	out->unmapped_cache = val_sub_clamp(n->file, out->shared);
	out->orphan_anon = val_sub_clamp(n->anon, out->held);
}

int diag_proc_overcommitted(const struct proc_sample *p, char *out, size_t n)
{
	if (!val_is_ok(p->virt) || !val_is_ok(p->res) || p->virt.v < OVERCOMMIT_MIN + p->res.v ||
	    p->virt.v < OVERCOMMIT_FACTOR * p->res.v)
		return 0;
	snprintf(out, n, "overcommitted: VIRT %s is %.0f times RES %s (reserved, never touched)", B(p->virt),
		 p->res.v ? (double)p->virt.v / (double)p->res.v : INFINITY, B(p->res));
	return 1;
}

int diag_sys_overcommitted(const struct sys_sample *y, char *out, size_t n)
{
	int strict = val_is_ok(y->overcommit_memory) && y->overcommit_memory.v == 2;
	val_t cap = strict ? y->commit_limit : y->mem_total;
	if (!val_is_ok(y->committed_as) || !val_is_ok(cap) || y->committed_as.v <= cap.v)
		return 0;
	snprintf(out, n, "overcommitted: %s committed, past %s %s", B(y->committed_as),
		 strict ? "CommitLimit" : "MemTotal", B(cap));
	return 1;
}
