/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Diagnoses: sequences of samples (the files as the kernel writes them,
 * through the model) and which diagnoses each sample gets, in words, and
 * when they clear; where the charge is; overcommit; and the man page
 * listing every rule as the table says it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tests/unit/man.h"

#include "model/diagnose.h"
#include "model/events.h"
#include "model/model.h"
#include "model/predict.h"
#include "util/xalloc.h"

#define M (1ULL << 20)

/* A v1 cgroup as its files say: usage, limit (0: none), stat (total_*),
 * under_oom; one process (RES, SHR) in it when res is set. */
struct cg {
	const char *path;
	int parent;
	uint64_t usage, limit, rss, cache, swap, refault, under_oom, res, shr;
};

static void sample_of(struct sample *s, double t, const struct cg *g, size_t n)
{
	sample_free(s);
	*s = (struct sample){ .seq = (uint64_t)t, .mono = t, .wall = 1764660000.0 + t, .version = 1 };
	s->base_eff_limit = val_unlimited(); /* nothing above the root */
	for (size_t i = 0; i < n; i++) {
		struct cg_sample *c = sample_add_cg(s);
		c->id = i + 1;
		c->path = xstrdup(g[i].path);
		c->parent = g[i].parent;
		for (int f = 0; f < CG_NFILES; f++)
			c->f[f] = val_na(NA_ABSENT);
		c->f[F1_USAGE] = val_ok(g[i].usage);
		c->f[F1_LIMIT] = g[i].limit ? val_ok(g[i].limit) : val_unlimited();
		c->f[F1_FAILCNT] = val_ok(0);
		c->f[F1_KMEM_USAGE] = val_ok(0);
		char t1[256];
		snprintf(t1, sizeof(t1),
			 "total_rss %llu\ntotal_cache %llu\ntotal_shmem 0\ntotal_swap %llu\ntotal_inactive_file %llu\n"
			 "total_workingset_refault_anon 0\ntotal_workingset_refault_file %llu\n",
			 (unsigned long long)g[i].rss, (unsigned long long)g[i].cache, (unsigned long long)g[i].swap,
			 (unsigned long long)g[i].cache, (unsigned long long)g[i].refault);
		kvset_parse(&c->kv[K_STAT], t1);
		snprintf(t1, sizeof(t1), "oom_kill_disable 0\nunder_oom %llu\noom_kill 0\n",
			 (unsigned long long)g[i].under_oom);
		kvset_parse(&c->kv[K_OOM_CONTROL], t1);
		if (g[i].res) {
			struct proc_sample *p = sample_add_proc(s);
			p->pid = 100 + (int)i;
			p->cg = (int)i;
			p->virt = val_ok(g[i].res * 2);
			p->res = val_ok(g[i].res);
			p->shr = val_ok(g[i].shr);
		}
	}
}

/* A run of samples one second apart, with its events. */
struct run {
	struct sample s[2];
	struct events e;
	struct history h;
	int k;
};

static struct sample *step(struct run *r, const struct cg *g, size_t n)
{
	struct sample *prev = r->k ? &r->s[(r->k - 1) % 2] : NULL, *cur = &r->s[r->k % 2];
	sample_of(cur, r->k + 1, g, n);
	model_update(prev, cur);
	history_push(&r->h, cur);
	predict_fill(cur, &r->h);
	events_from_samples(&r->e, prev, cur);
	diag_fill(cur, &r->e, cur->mono);
	r->k++;
	return cur;
}

static void run_free(struct run *r)
{
	sample_free(&r->s[0]);
	sample_free(&r->s[1]);
	events_free(&r->e);
	history_free(&r->h);
}

/* The ids of cgroup i's diagnoses, in order, space-separated. */
static const char *ids(const struct sample *s, size_t i)
{
	static char b[256];
	b[0] = '\0';
	for (int id = 0; id < DIAG_N; id++)
		if (s->cgs[i].diag.mask & (1u << id)) {
			strcat(b, b[0] ? " " : "");
			strcat(b, diag_rules[id].name);
		}
	return b;
}

static const char *text(const struct run *r, const struct sample *s, size_t i, enum diag_id id)
{
	static char b[512];
	return diag_text(b, sizeof(b), id, s, i, &r->e, s->mono);
}

/* Page cache at the limit: mostly cache; then reclaimed as anon grows
 * (reclaiming); the refaults of a working set that no longer fits
 * (thrashing); back under 90%: all clear. */
static void test_cache_at_limit(void **state)
{
	(void)state;
	struct run r = { 0 };
	events_init(&r.e, NULL);
	struct cg g[] = { { "/", -1, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, { "/lab", 0, 50 * M, 100 * M, 2 * M, 48 * M, 0, 0, 0, 0, 0 } };
	struct sample *s = step(&r, g, 2);
	assert_string_equal(ids(s, 1), ""); /* 50%: nothing to say */
	g[1].usage = 95 * M;
	g[1].cache = 90 * M;
	s = step(&r, g, 2);
	assert_string_equal(ids(s, 1), "mostly_cache"); /* 95%, 90M of it cache, growing */
	assert_string_equal(text(&r, s, 1, DIAG_MOSTLY_CACHE), "mostly cache: 90M of 95M reclaimable (working set 5.0M)");
	g[1].usage = 99 * M;
	g[1].rss = 40 * M;
	g[1].cache = 59 * M; /* anon pushes the cache out */
	s = step(&r, g, 2);
	assert_string_equal(ids(s, 1), "at_limit_reclaiming mostly_cache");
	assert_string_equal(text(&r, s, 1, DIAG_RECLAIMING),
			    "at limit, reclaiming cache: page cache -31M/s (59M left) at 99M of 100M");
	g[1].refault = 300; /* 300 pages needed again in a second */
	s = step(&r, g, 2);
	assert_string_equal(ids(s, 1), "thrashing mostly_cache"); /* the cache holds: no longer shrinking */
	assert_string_equal(text(&r, s, 1, DIAG_THRASHING),
			    "thrashing: 300 refaults/s at 99M of 100M: pages reclaimed are needed again at once");
	g[1].refault = 555; /* 255 a second: under the threshold */
	s = step(&r, g, 2);
	assert_string_equal(ids(s, 1), "mostly_cache");
	g[1].usage = 80 * M; /* 80%: clear */
	s = step(&r, g, 2);
	assert_string_equal(ids(s, 1), "");
	run_free(&r);
}

/* A stall (v1 under_oom), an OOM kill told by the kernel log, swap at the
 * limit; the kill is news for 300 s, then clears. */
static void test_stall_kill_swap(void **state)
{
	(void)state;
	struct run r = { 0 };
	events_init(&r.e, NULL);
	struct cg g[] = { { "/", -1, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, { "/lab", 0, 64 * M, 64 * M, 63 * M, 0, 0, 0, 1, 0, 0 } };
	struct sample *s = step(&r, g, 2);
	assert_string_equal(ids(s, 1), "stalled");
	assert_string_equal(text(&r, s, 1, DIAG_STALLED),
			    "stalled: OOM killer disabled, at 64M of its limit 64M; its processes wait (under_oom 1)");
	struct oom_kill k = { .memcg = 1, .pid = 4242, .oom_memcg = "/lab", .task_memcg = "/lab", .comm = "eat" };
	events_add_kill(&r.e, &k, s, 1.5, 0);
	g[1].under_oom = 0;
	g[1].swap = 4 * M;
	s = step(&r, g, 2);
	assert_string_equal(ids(s, 1), "oom_killed at_limit_swapping");
	assert_string_equal(text(&r, s, 1, DIAG_OOM_KILLED), "OOM-killed 1× (last: eat 4242, 0s ago)");
	assert_string_equal(text(&r, s, 1, DIAG_SWAPPING), "at limit, swapping: swap +4.0M/s (4.0M in swap) at 64M of 64M");
	assert_string_equal(ids(s, 0), ""); /* not the root's: neither its cgroup nor its limit */
	for (int i = 0; i < 299; i++)
		s = step(&r, g, 2);
	assert_string_equal(ids(s, 1), "oom_killed"); /* 299.5 s after */
	s = step(&r, g, 2);
	assert_string_equal(ids(s, 1), ""); /* 300.5 s after: no longer news */
	run_free(&r);
}

/* Charges that did not move: a process holding 100M in a cgroup charged
 * 256K (and its parent, whose subtree it is in, charged the same); where
 * the charge is; a limit capped by an ancestor. */
static void test_charges(void **state)
{
	(void)state;
	struct run r = { 0 };
	events_init(&r.e, NULL);
	struct cg g[] = { { "/", -1, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
			  { "/box", 0, 256 << 10, 200 * M, 0, 0, 0, 0, 0, 0, 0 },
			  { "/box/moved", 1, 256 << 10, 500 * M, 0, 0, 0, 0, 0, 101 * M, 1 * M } };
	struct sample *s = step(&r, g, 3);
	assert_string_equal(ids(s, 2), "charges_elsewhere limit_from_parent");
	assert_string_equal(ids(s, 1), "charges_elsewhere");
	assert_string_equal(text(&r, s, 2, DIAG_CHARGES_ELSEWHERE),
			    "charges did not move: its processes hold 100M, the cgroup is charged 256K");
	assert_string_equal(text(&r, s, 2, DIAG_LIMIT_FROM_PARENT), "limit from /box: 200M caps its own 500M");
	struct diag_charge w;
	diag_charge(&s->cgs[2], &w);
	assert_true(w.held.v == 100 * M && w.shared.v == 1 * M && w.unheld.v == 0);
	g[2].res = 33 * M; /* 32M private: less than 32M more than the usage */
	s = step(&r, g, 3);
	assert_string_equal(ids(s, 2), "limit_from_parent");
	g[2].usage = 60 * M; /* charged: 40M anon, 20M cache; the process holds 20M of the anon */
	g[2].rss = 40 * M;
	g[2].cache = 20 * M;
	g[2].res = 21 * M;
	s = step(&r, g, 3);
	diag_charge(&s->cgs[2], &w);
	assert_true(w.usage.v == 60 * M && w.anon.v == 40 * M && w.file.v == 20 * M && w.other.v == 0);
	assert_true(w.held.v == 20 * M && w.unheld.v == 40 * M);
	assert_true(w.orphan_anon.v == 20 * M && w.unmapped_cache.v == 19 * M);
	run_free(&r);
}

/* Steady growth towards the limit: said from the fourth sample (a line
 * needs PREDICT_MIN_POINTS), with the time it will take; a pause clears it
 * (a flat stretch is no steady growth). */
static void test_approaching(void **state)
{
	(void)state;
	struct run r = { 0 };
	events_init(&r.e, NULL);
	struct cg g[] = { { "/", -1, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, { "/lab", 0, 4 * M, 64 * M, 4 * M, 0, 0, 0, 0, 0, 0 } };
	struct sample *s = NULL;
	for (int k = 0; k < 4; k++) {
		s = step(&r, g, 2);
		assert_string_equal(ids(s, 1), k < 3 ? "" : "approaching_limit");
		g[1].usage += 2 * M; /* 2M a second */
		g[1].rss += 2 * M;
	}
	/* at 4 s 10M: 54M to go at 2M/s */
	assert_string_equal(text(&r, s, 1, DIAG_APPROACHING), "limit in 27s: usage 10M, growing +2.0M/s, reaches 64M");
	char tag[32];
	assert_string_equal(diag_tag(tag, sizeof(tag), DIAG_APPROACHING, s, 1), "limit in 27s");
	g[1].usage -= 2 * M;
	for (int k = 0; k < 12; k++) /* a pause as long as the line's points */
		s = step(&r, g, 2);
	assert_string_equal(ids(s, 1), "");
	run_free(&r);
}

/* v2 throttling at memory.high: told while events.local high rises. */
static void test_throttled(void **state)
{
	(void)state;
	struct sample a = { 0 }, b = { 0 };
	for (int k = 0; k < 2; k++) {
		struct sample *s = k ? &b : &a;
		*s = (struct sample){ .seq = (uint64_t)k + 1, .mono = k + 1, .version = 2 };
		s->base_eff_limit = val_unlimited();
		struct cg_sample *c = sample_add_cg(s);
		c->id = 1;
		c->path = xstrdup("/web");
		c->parent = -1;
		for (int f = 0; f < CG_NFILES; f++)
			c->f[f] = val_na(NA_ABSENT);
		c->f[F2_CURRENT] = val_ok(70 * M);
		c->f[F2_MAX] = val_unlimited();
		c->f[F2_HIGH] = val_ok(64 * M);
		kvset_parse(&c->kv[K_STAT], "anon 70000000\nfile 0\nshmem 0\n");
		kvset_parse(&c->kv[K_EVENTS_LOCAL], k ? "low 0\nhigh 130\nmax 0\noom 0\noom_kill 0\n"
						      : "low 0\nhigh 7\nmax 0\noom 0\noom_kill 0\n");
	}
	model_update(NULL, &a);
	model_update(&a, &b);
	diag_fill(&b, NULL, b.mono);
	char t[256];
	assert_int_equal(diag_first(&b.cgs[0]), DIAG_THROTTLED);
	assert_string_equal(diag_text(t, sizeof(t), DIAG_THROTTLED, &b, 0, NULL, b.mono),
			    "throttled at memory.high 64M: 123 times since the last sample, usage 70M");
	diag_fill(&a, NULL, a.mono); /* the first sample: no rate, nothing said */
	assert_int_equal(diag_first(&a.cgs[0]), DIAG_N);
	sample_free(&a);
	sample_free(&b);
}

static void test_overcommit(void **state)
{
	(void)state;
	char t[160];
	struct proc_sample p = { .virt = val_ok(2048 * M), .res = val_ok(8 * M) };
	assert_true(diag_proc_overcommitted(&p, t, sizeof(t)));
	assert_string_equal(t, "overcommitted: VIRT 2.0G is 256 times RES 8.0M (reserved, never touched)");
	p.virt = val_ok(1031 * M); /* 128 times, but not 1G more */
	assert_false(diag_proc_overcommitted(&p, t, sizeof(t)));
	p.virt = val_ok(4096 * M);
	p.res = val_ok(600 * M); /* 1G more, but 6.8 times */
	assert_false(diag_proc_overcommitted(&p, t, sizeof(t)));
	struct sys_sample y = { .committed_as = val_ok(30000 * M), .commit_limit = val_ok(12000 * M),
				.mem_total = val_ok(24000 * M), .overcommit_memory = val_ok(0) };
	assert_true(diag_sys_overcommitted(&y, t, sizeof(t)));
	assert_string_equal(t, "overcommitted: 29G committed, past MemTotal 23G");
	y.committed_as = val_ok(20000 * M); /* past CommitLimit, but mode 0 compares to MemTotal */
	assert_false(diag_sys_overcommitted(&y, t, sizeof(t)));
	y.overcommit_memory = val_ok(2);
	assert_true(diag_sys_overcommitted(&y, t, sizeof(t)));
	assert_string_equal(t, "overcommitted: 20G committed, past CommitLimit 12G");
}

/* The man page lists every rule, its id and its words as the table has
 * them (roff's "\-" for '-'). */
static void test_documented(void **state)
{
	(void)state;
	char *man = man_text();
	assert_non_null(man);
	for (int id = 0; id < DIAG_N; id++) {
		char want[512];
		snprintf(want, sizeof(want), ".TP\n.B %s\n%s\n", diag_rules[id].name, diag_rules[id].when);
		if (!strstr(man, want))
			fail_msg("docs/headroom.1 does not say '%s' as the table does", diag_rules[id].name);
	}
	free(man);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cache_at_limit), cmocka_unit_test(test_stall_kill_swap),
		cmocka_unit_test(test_charges),	       cmocka_unit_test(test_throttled),
		cmocka_unit_test(test_overcommit),     cmocka_unit_test(test_documented),
		cmocka_unit_test(test_approaching),
	};
	return cmocka_run_group_tests_name("diagnoses", tests, NULL, NULL);
}
