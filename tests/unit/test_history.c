/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The history the sparklines draw from. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "model/history.h"

static void one(struct sample *s, double t, uint64_t id, val_t usage, val_t new_ooms)
{
	s->ncg = 0;
	s->mono = t;
	struct cg_sample *c = sample_add_cg(s);
	c->id = id;
	c->n.usage = usage;
	c->r.new_oom_kills = new_ooms;
	s->sys.psi.some.ok = 1;
	s->sys.psi.some.avg10 = t;
}

static void test_series(void **state)
{
	(void)state;
	struct history h = { 0 };
	struct sample s = { 0 };
	for (int t = 0; t < 700; t++) /* more than HIST_LEN: the ring wraps */
		one(&s, t, 5, t == 650 ? val_na(NA_GONE) : val_ok((uint64_t)t * 10), val_ok(t == 690));
	const struct hist_series *hs = history_cg(&h, 5);
	assert_null(hs); /* nothing pushed yet: one() only builds samples */
	for (int t = 0; t < 700; t++) {
		one(&s, t, 5, t == 650 ? val_na(NA_GONE) : val_ok((uint64_t)t * 10), val_ok(t == 690));
		history_push(&h, &s);
	}
	hs = history_cg(&h, 5);
	assert_non_null(hs);
	assert_int_equal(hs->n, HIST_LEN);
	assert_float_equal(hs->last_oom, 690, 0);
	double b[10];
	history_buckets(hs, 699, 100, b, 10); /* the last 100 s in 10 buckets, max of each */
	assert_float_equal(b[9], 6990, 0);
	assert_float_equal(b[0], 6090, 0); /* ages 90..100 s: t = 599..609 */
	history_buckets(hs, 699, 10, b, 10); /* one sample per bucket */
	for (int i = 0; i < 10; i++)
		assert_float_equal(b[i], 6900 + i * 10, 0);
	/* the N/A sample (t = 650) stays N/A: at now = 651.5 over 3 s in 3
	 * buckets, t = 649 is alone in the first, 650 in the second */
	history_buckets(hs, 651.5, 3, b, 3);
	assert_float_equal(b[0], 6490, 0);
	assert_true(isnan(b[1]));
	assert_float_equal(b[2], 6510, 0);
	history_buckets(&h.psi, 699, 3, b, 3);
	assert_float_equal(b[2], 699, 0);
	/* a cgroup that is gone loses its series; a new one starts empty */
	one(&s, 700, 9, val_ok(1), val_ok(0));
	history_push(&h, &s);
	assert_null(history_cg(&h, 5));
	assert_int_equal(history_cg(&h, 9)->n, 1);
	assert_float_equal(history_cg(&h, 9)->last_oom, -1, 0);
	history_free(&h);
	sample_free(&s);
}

/* Cgroups come in a sample depth first, and ids in the order they were
 * found: x/{a, a/a1, b} made a, b, then a1 lists ids 1, 2, 4, 3. Every
 * cgroup keeps one series whatever the order, and its OOM mark. */
static void test_listing_order(void **state)
{
	(void)state;
	static const uint64_t ids[] = { 1, 2, 4, 3, 9, 5 };
	struct history h = { 0 };
	struct sample s = { 0 };
	for (int t = 0; t < 5; t++) {
		s.ncg = 0;
		s.mono = t;
		for (size_t k = 0; k < sizeof(ids) / sizeof(ids[0]); k++) {
			struct cg_sample *c = sample_add_cg(&s);
			c->id = ids[k];
			c->n.usage = val_ok(ids[k] * 100 + (uint64_t)t);
			c->r.new_oom_kills = val_ok(t == 3 && (ids[k] == 3 || ids[k] == 4));
		}
		history_push(&h, &s);
	}
	assert_int_equal(h.ncg, 6);
	for (size_t k = 0; k < sizeof(ids) / sizeof(ids[0]); k++) {
		const struct hist_series *hs = history_cg(&h, ids[k]);
		if (!hs)
			fail_msg("cgroup id %d lost its series", (int)ids[k]);
		assert_int_equal(hs->n, 5);
		double b[5];
		history_buckets(hs, 4, 5, b, 5);
		assert_float_equal(b[4], (double)(ids[k] * 100 + 4), 0);
		assert_float_equal(hs->last_oom, ids[k] == 3 || ids[k] == 4 ? 3 : -1, 0);
	}
	history_free(&h);
	sample_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_series),
		cmocka_unit_test(test_listing_order),
	};
	return cmocka_run_group_tests_name("history", tests, NULL, NULL);
}
