/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Rates from two consecutive samples, matched by cgroup id. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "model/rates.h"

static struct cg_sample *add(struct sample *s, uint64_t id, val_t usage, val_t ooms, const char *stat)
{
	struct cg_sample *c = sample_add_cg(s);
	c->id = id;
	c->n.usage = usage;
	c->n.oom_kills = ooms;
	kvset_parse(&c->kv[K_STAT], stat);
	return c;
}

static void test_cgroup_rates(void **state)
{
	(void)state;
	struct sample a = { 0 }, b = { 0 };
	a.mono = 10.0;
	b.mono = 12.0; /* two seconds apart */
	add(&a, 7, val_ok(1000), val_ok(1),
	    "pgscan 100\npgsteal 50\nworkingset_refault_anon 1\nworkingset_refault_file 2\n");
	add(&a, 8, val_ok(5000), val_ok(3), "pgscan 10\n");
	/* b lists them in another order, plus a cgroup a did not have */
	add(&b, 8, val_ok(1000), val_ok(0), "pgscan 4\n"); /* counters went back: a new cgroup */
	add(&b, 9, val_ok(1), val_ok(0), "");
	add(&b, 7, val_ok(3048), val_ok(2),
	    "pgscan 300\npgsteal 50\nworkingset_refault_anon 3\nworkingset_refault_file 8\n");
	rates_fill(&a, &b);
	struct cg_rates *r7 = &b.cgs[2].r, *r8 = &b.cgs[0].r, *r9 = &b.cgs[1].r;
	assert_float_equal(r7->usage_bps, 1024.0, 1e-9);
	assert_float_equal(r7->pgscan_ps, 100.0, 1e-9);
	assert_float_equal(r7->pgsteal_ps, 0.0, 1e-9);
	assert_float_equal(r7->refault_ps, 4.0, 1e-9); /* (3+8 - (1+2)) / 2 */
	assert_true(r7->new_oom_kills.st == V_OK && r7->new_oom_kills.v == 1);
	assert_float_equal(r8->usage_bps, -2000.0, 1e-9); /* usage falls too */
	assert_true(isnan(r8->pgscan_ps));		  /* 10 -> 4: reset, not a rate */
	assert_true(isnan(r8->pgsteal_ps));		  /* key absent */
	assert_true(r8->new_oom_kills.st == V_OK && r8->new_oom_kills.v == 0);
	assert_true(isnan(r9->usage_bps)); /* first seen */
	assert_int_equal(r9->new_oom_kills.st, V_NA);
	sample_free(&a);
	sample_free(&b);
}

static void test_first_sample_and_system(void **state)
{
	(void)state;
	struct sample a = { 0 }, b = { 0 };
	a.mono = 1.0;
	b.mono = 1.5;
	a.sys.pgscan = val_ok(10);
	b.sys.pgscan = val_ok(60);
	a.sys.vm[VM_OOM_KILL] = val_ok(4);
	b.sys.vm[VM_OOM_KILL] = val_ok(6);
	a.sys.pgsteal = val_na(NA_ABSENT);
	b.sys.pgsteal = val_ok(5);
	rates_fill(NULL, &a);
	assert_true(isnan(a.sys.pgscan_ps));
	assert_int_equal(a.sys.new_oom_kills.st, V_NA);
	rates_fill(&a, &b);
	assert_float_equal(b.sys.pgscan_ps, 100.0, 1e-9);
	assert_true(isnan(b.sys.pgsteal_ps));
	assert_true(b.sys.new_oom_kills.st == V_OK && b.sys.new_oom_kills.v == 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cgroup_rates),
		cmocka_unit_test(test_first_sample_and_system),
	};
	return cmocka_run_group_tests_name("rates", tests, NULL, NULL);
}
