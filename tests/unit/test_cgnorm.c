/* SPDX-License-Identifier: GPL-2.0-or-later */
/* v1 swap: memory.stat total_swap when the kernel has it, else memsw.usage
 * - usage (two reads at two moments), never below 0. */
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_v1_swap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
