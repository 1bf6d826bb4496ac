/* SPDX-License-Identifier: GPL-2.0-or-later */
/* v1 swap: memory.stat total_swap when the kernel has it, else memsw.usage
 * - usage (two reads at two moments), never below 0. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/cgnorm.h"

static void one_v1(struct sample *s, const char *stat, uint64_t usage, uint64_t memsw)
{
	s->version = 1;
	struct cg_sample *c = sample_add_cg(s);
	c->path = strdup("/");
	c->parent = -1;
	kvset_parse(&c->kv[K_STAT], stat);
	c->f[F1_USAGE] = val_ok(usage);
	c->f[F1_MEMSW_USAGE] = val_ok(memsw);
	c->f[F1_LIMIT] = val_unlimited();
	cgnorm_fill(s);
}

static void test_v1_swap(void **state)
{
	(void)state;
	struct sample s = { 0 };
	one_v1(&s, "total_rss 100\ntotal_swap 4096\n", 1000, 9000);
	assert_int_equal(s.cgs[0].n.swap.st, V_OK);
	assert_true(s.cgs[0].n.swap.v == 4096); /* the counter, not 9000 - 1000 */
	s.ncg = 0;
	one_v1(&s, "total_rss 100\n", 1000, 9000); /* no swap accounting keys */
	assert_true(s.cgs[0].n.swap.v == 8000);
	s.ncg = 0;
	one_v1(&s, "total_rss 100\n", 9000, 1000); /* read apart: never below 0 */
	assert_true(s.cgs[0].n.swap.v == 0);
	sample_free(&s);
}

/* v1 limit hits: a charge refused at the memsw limit (no swap: memsw =
 * limit, as lab mode sets) is counted in memsw.failcnt alone, one at the
 * memory limit in failcnt: both are hits. Without swap accounting (no
 * memsw files), failcnt. */
static void test_v1_hits(void **state)
{
	(void)state;
	struct sample s = { 0 };
	one_v1(&s, "total_rss 100\n", 1000, 1000);
	struct cg_sample *c = &s.cgs[0];
	c->f[F1_FAILCNT] = val_ok(3);
	c->f[F1_MEMSW_FAILCNT] = val_ok(5);
	cgnorm_fill(&s);
	assert_true(c->n.limit_hits.st == V_OK && c->n.limit_hits.v == 8);
	c->f[F1_MEMSW_FAILCNT] = val_na(NA_ABSENT);
	cgnorm_fill(&s);
	assert_true(c->n.limit_hits.st == V_OK && c->n.limit_hits.v == 3);
	c->f[F1_MEMSW_FAILCNT] = val_na(NA_DENIED); /* there but unreadable: the sum is not known */
	cgnorm_fill(&s);
	assert_int_equal(c->n.limit_hits.st, V_NA);
	sample_free(&s);
}

/* The row colour's figure: usage less reclaimable, of the effective limit;
 * N/A (NAN) when any of the three is, never a share counted with a 0. */
static void test_unreclaimable_pct(void **state)
{
	(void)state;
	struct cg_norm n = { .usage = val_ok(150), .reclaimable = val_ok(50), .eff_limit = val_ok(200) };
	assert_float_equal(cgnorm_unreclaimable_pct(&n), 50.0, 1e-9);
	n.reclaimable = val_ok(400); /* more than usage: nothing left to count */
	assert_float_equal(cgnorm_unreclaimable_pct(&n), 0.0, 1e-9);
	n.reclaimable = val_na(NA_ABSENT);
	assert_true(isnan(cgnorm_unreclaimable_pct(&n)));
	n.reclaimable = val_ok(50);
	n.eff_limit = val_unlimited();
	assert_true(isnan(cgnorm_unreclaimable_pct(&n)));
	n.eff_limit = val_ok(200);
	n.usage = val_na(NA_DENIED);
	assert_true(isnan(cgnorm_unreclaimable_pct(&n)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_v1_swap),
		cmocka_unit_test(test_v1_hits),
		cmocka_unit_test(test_unreclaimable_pct),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
