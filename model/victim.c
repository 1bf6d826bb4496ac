/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "model/victim.h"

#define PAGE 4096ULL
#define ADJ_NEVER (-1000) /* OOM_SCORE_ADJ_MIN */

int64_t victim_points(const struct proc_sample *p, uint64_t budget, int swap_known_zero, int *known)
{
	const struct proc_detail *d = &p->d;
	if (!val_is_ok(p->res)) /* a kernel thread or a zombie: no memory to free */
		return INT64_MIN;
	if (!d->ok || d->oom_adj.st != V_OK || (!val_is_ok(d->swap) && !swap_known_zero) || !val_is_ok(d->pgtables)) {
		*known = 0;
		return INT64_MIN;
	}
	if (d->oom_adj.v == ADJ_NEVER)
		return INT64_MIN;
	int64_t pts = (int64_t)(p->res.v / PAGE) + (int64_t)(val_is_ok(d->swap) ? d->swap.v / PAGE : 0) +
		      (int64_t)(d->pgtables.v / PAGE);
	return pts + d->oom_adj.v * (int64_t)(budget / 1000);
}

/* The swap a cgroup may use on top of its limit, in bytes. */
static uint64_t swap_allowance(const struct sample *s, const struct cg_sample *c)
{
	val_t total = s->sys.swap_total;
	if (!val_is_ok(total) || total.v == 0)
		return 0;
	val_t allow;
	if (s->version == 1) {
		val_t sw = c->f[F1_SWAPPINESS];
		if (val_is_ok(sw) && sw.v == 0)
			return 0;
		allow = c->f[F1_MEMSW_LIMIT].st == V_OK ? val_sub_clamp(c->f[F1_MEMSW_LIMIT], c->n.limit) : total;
	} else {
		allow = c->f[F2_SWAP_MAX].st == V_OK ? c->f[F2_SWAP_MAX] : total;
	}
	return val_is_ok(allow) && allow.v < total.v ? allow.v : total.v;
}

uint64_t victim_budget(const struct sample *s, size_t i)
{
	const struct cg_sample *c = &s->cgs[i];
	if (!val_is_ok(c->n.limit))
		return 0;
	return (c->n.limit.v + swap_allowance(s, c)) / PAGE;
}

int victim_in_subtree(const struct sample *s, const struct proc_sample *p, int j)
{
	for (int c = p->cg; c >= 0; c = s->cgs[c].parent)
		if (c == j)
			return 1;
	return 0;
}

static void pick(struct sample *s, size_t j)
{
	struct cg_diag *d = &s->cgs[j].diag;
	uint64_t budget = victim_budget(s, j);
	int known = 1, swap0 = val_is_ok(s->sys.swap_total) && s->sys.swap_total.v == 0;
	d->victim_budget = budget;
	for (size_t k = 0; k < s->nproc; k++) {
		const struct proc_sample *p = &s->procs[k];
		if (!victim_in_subtree(s, p, (int)j))
			continue;
		int64_t pts = victim_points(p, budget, swap0, &known);
		if (pts != INT64_MIN && (!d->victim || pts > d->victim_points ||
					 (pts == d->victim_points && p->pid > d->victim)))
			d->victim = p->pid, d->victim_points = pts;
	}
	if (!known)
		d->victim = -1; /* a figure not read: no pick rather than a wrong one */
}

int victim_watched(const struct sample *s, size_t i)
{
	const struct cg_norm *n = &s->cgs[i].n;
	return n->eff_from == (int)i && val_is_ok(n->usage) && val_is_ok(n->eff_limit) &&
	       n->usage.v * 100 >= n->eff_limit.v * VICTIM_FROM_PCT;
}

void victim_fill(struct sample *s)
{
	for (size_t i = 0; i < s->ncg; i++) {
		struct cg_diag *d = &s->cgs[i].diag;
		d->victim = 0;
		d->victim_points = 0;
		d->victim_budget = 0;
		if (victim_watched(s, i))
			pick(s, i);
	}
}
