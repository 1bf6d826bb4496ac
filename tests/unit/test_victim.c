/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The next OOM victim, ranked as the kernel's oom_badness ranks them at a
 * cgroup's limit: the budget (limit + the swap it may use), adj scaled by
 * it, -1000 never, ties, page tables, a figure not read, only near the limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "model/victim.h"
#include "util/xalloc.h"

#define M (1ULL << 20)

static struct cg_sample *cg(struct sample *s, const char *path, int parent, val_t limit, uint64_t usage)
{
	struct cg_sample *c = sample_add_cg(s);
	c->path = xstrdup(path);
	c->parent = parent;
	for (int f = 0; f < CG_NFILES; f++)
		c->f[f] = val_na(NA_ABSENT);
	c->n.limit = c->n.eff_limit = limit;
	c->n.usage = val_ok(usage);
	c->n.eff_from = val_is_ok(limit) ? (int)s->ncg - 1 : EFF_FROM_NONE;
	return c;
}

static void proc(struct sample *s, int pid, int cgi, uint64_t res, int64_t adj, val_t swap)
{
	struct proc_sample *p = sample_add_proc(s);
	p->pid = pid;
	p->cg = cgi;
	p->res = val_ok(res);
	p->d.ok = 1;
	p->d.oom_adj = sval_ok(adj);
	p->d.swap = swap;
	p->d.pgtables = val_ok(0);
}

/* A 100M cgroup (25600 pages), no swap on the machine: the small one with
 * adj 1000 (10240 + 1000 × 25) before the big one (15360); with adj 100
 * (+2500) the big one; -1000 never; a tie to the higher pid. */
static void test_ranking(void **state)
{
	(void)state;
	struct sample s = { .version = 2 };
	s.sys.swap_total = val_ok(0);
	cg(&s, "/", -1, val_unlimited(), 0);
	struct cg_sample *lab = cg(&s, "/lab", 0, val_ok(100 * M), 100 * M);
	lab->f[F2_SWAP_MAX] = val_unlimited();
	proc(&s, 10, 1, 40 * M, 1000, val_na(NA_NOTREAD)); /* VmSwap not read: no swap here anyway */
	proc(&s, 11, 1, 60 * M, 0, val_ok(0));
	victim_fill(&s);
	assert_int_equal(s.cgs[1].diag.victim, 10);
	assert_int_equal(s.cgs[1].diag.victim_budget, 25600);
	assert_int_equal(s.cgs[1].diag.victim_points, 10240 + 1000 * 25); /* adj × (budget / 1000), as the kernel divides */
	assert_int_equal(s.cgs[0].diag.victim, 0); /* the root: no limit of its own */
	s.procs[0].d.oom_adj = sval_ok(100);
	victim_fill(&s);
	assert_int_equal(s.cgs[1].diag.victim, 11);
	assert_int_equal(s.cgs[1].diag.victim_points, 15360);
	s.procs[1].d.oom_adj = sval_ok(-1000);
	victim_fill(&s);
	assert_int_equal(s.cgs[1].diag.victim, 10);
	s.procs[1].d.oom_adj = sval_ok(0);
	s.procs[1].res = val_ok(40 * M + 2500 * 4096ULL); /* 12740 points each */
	victim_fill(&s);
	assert_int_equal(s.cgs[1].diag.victim, 11);
	s.procs[0].d.pgtables = val_ok(4096); /* a page of page tables breaks the tie */
	victim_fill(&s);
	assert_int_equal(s.cgs[1].diag.victim, 10);
	assert_int_equal(s.cgs[1].diag.victim_points, 12741);
	s.procs[0].d.pgtables = val_na(NA_GONE); /* gone between the reads: no pick */
	victim_fill(&s);
	assert_int_equal(s.cgs[1].diag.victim, -1);
	s.procs[0].d.pgtables = val_ok(0);
	s.procs[1].d.oom_adj = sval_na(NA_NOTREAD); /* not read: no pick rather than a wrong one */
	victim_fill(&s);
	assert_int_equal(s.cgs[1].diag.victim, -1);
	s.procs[1].d.oom_adj = sval_ok(0);
	s.cgs[1].n.usage = val_ok(49 * M); /* under half the limit: not ranked */
	victim_fill(&s);
	assert_int_equal(s.cgs[1].diag.victim, 0);
	sample_free(&s);
}

/* The budget: the limit plus the swap the cgroup may use, at most
 * SwapTotal; v1 from the memsw limit, none with swappiness 0; and a
 * process's swapped pages and page-table pages count. */
static void test_budget(void **state)
{
	(void)state;
	struct sample s = { .version = 2 };
	s.sys.swap_total = val_ok(256 * M);
	struct cg_sample *c = cg(&s, "/a", -1, val_ok(100 * M), 80 * M);
	c->f[F2_SWAP_MAX] = val_ok(64 * M);
	assert_int_equal(victim_budget(&s, 0), (164 * M) / 4096);
	c->f[F2_SWAP_MAX] = val_unlimited(); /* as much as there is */
	assert_int_equal(victim_budget(&s, 0), (356 * M) / 4096);
	s.version = 1;
	c->f[F1_MEMSW_LIMIT] = val_ok(100 * M); /* memsw = limit: no swap */
	assert_int_equal(victim_budget(&s, 0), (100 * M) / 4096);
	c->f[F1_MEMSW_LIMIT] = val_ok(132 * M);
	assert_int_equal(victim_budget(&s, 0), (132 * M) / 4096);
	c->f[F1_SWAPPINESS] = val_ok(0);
	assert_int_equal(victim_budget(&s, 0), (100 * M) / 4096);
	int known = 1;
	struct proc_sample p = { .pid = 1, .res = val_ok(4 * M) };
	p.d.ok = 1;
	p.d.oom_adj = sval_ok(0);
	p.d.swap = val_ok(8 * M);
	p.d.pgtables = val_ok(64 * 1024); /* 16 pages of page tables */
	assert_int_equal(victim_points(&p, 25600, 0, &known), 1024 + 2048 + 16);
	p.d.swap = val_na(NA_NOTREAD); /* swap on the machine, VmSwap not read: unknown */
	assert_int_equal(victim_points(&p, 25600, 0, &known), INT64_MIN);
	assert_int_equal(known, 0);
	sample_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ranking),
		cmocka_unit_test(test_budget),
	};
	return cmocka_run_group_tests_name("next OOM victim", tests, NULL, NULL);
}
