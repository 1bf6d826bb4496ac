/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What the cgroup detail screen says, from the v2 QEMU capture and the v1
 * hybrid capture (tests/fixtures/README.md), with values read by hand from
 * their files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "model/cgnorm.h"
#include "model/events.h"
#include "tests/unit/fixture.h"
#include "tui/cginfo.h"

static const struct dline *line(const struct dlines *d, const char *label)
{
	int i = dlines_find(d, label);
	if (i < 0)
		print_error("no line '%s'\n", label);
	assert_true(i >= 0);
	return &d->v[i];
}

/* The first line labelled label after the heading called section. */
static const struct dline *in_section(const struct dlines *d, const char *section, const char *label)
{
	int h = dlines_find(d, section);
	assert_true(h >= 0);
	for (size_t i = (size_t)h + 1; i < d->n && !d->v[i].heading; i++)
		if (strcmp(d->v[i].label, label) == 0)
			return &d->v[i];
	print_error("no line '%s' under '%s'\n", label, section);
	fail();
	return NULL;
}

/* /hr-fixture/child: memory.max 524288000 (500M), but its parent's 200M
 * applies; memory.events max 0 oom_kill 1; pressure some total 6918 us. */
static void test_v2_child(void **state)
{
	(void)state;
	struct sample cur = { 0 };
	struct dlines d = { 0 };
	struct collector *cl = fixture_sample("tests/fixtures/v2-qemu", NULL, &cur);
	assert_non_null(cl);
	int i = sample_find_cg(&cur, "/hr-fixture/child");
	assert_true(i >= 0);
	cginfo_build(&cur, NULL, (size_t)i, NULL, 0, &d);
	assert_string_equal(line(&d, "limit")->value, "500M");
	assert_string_equal(line(&d, "limit")->note, "memory.max");
	assert_string_equal(line(&d, "effective_limit")->value, "200M");
	assert_string_equal(line(&d, "effective_limit")->note, "set by /hr-fixture");
	assert_string_equal(line(&d, "usage")->rate, "");    /* no previous sample */
	assert_int_equal(dlines_find(&d, "soft_limit"), -1); /* v1 only */
	assert_string_equal(line(&d, "memory.max")->value, "500M");
	assert_string_equal(line(&d, "memory.oom.group")->value, "0");
	assert_string_equal(in_section(&d, "memory.events", "oom_kill")->value, "1");
	assert_string_equal(in_section(&d, "memory.stat", "pgfault")->value, "77247");
	const struct dline *some = in_section(&d, "memory.pressure", "some");
	assert_string_equal(some->value, "0.00 0.00 0.00");
	assert_non_null(strstr(some->note, "total 0.007s"));
	assert_int_equal(dlines_find(&d, "memory.oom_control"), -1); /* v1 only */
	assert_int_equal(dlines_find(&d, "OOM kills seen here"), -1); /* no events given */
	/* the kills headroom saw in this path, which the kernel's count forgets
	 * when the cgroup is made anew: one counted in an earlier incarnation */
	struct events ev;
	events_init(&ev, NULL);
	struct oom_kill k = { .pid = 7 };
	snprintf(k.task_memcg, sizeof(k.task_memcg), "/hr-fixture/child");
	assert_non_null(events_add_kill(&ev, &k, NULL, 2, 2));
	cginfo_build(&cur, NULL, (size_t)i, &ev, 3, &d);
	assert_string_equal(in_section(&d, "Diagnoses", "OOM kills seen here")->value, "1");
	events_free(&ev);
	dlines_free(&d);
	sample_free(&cur);
	collector_close(cl);
}

/* Rates: the same cgroup in a previous sample 2 s earlier with 100 fewer
 * page faults, 1000 more major faults (a counter that went back, as when a
 * cgroup is made anew under the same name) and 4 MiB less usage. */
static void test_v2_rates(void **state)
{
	(void)state;
	struct sample cur = { 0 }, p = { 0 };
	struct dlines d = { 0 };
	struct collector *cl = fixture_sample("tests/fixtures/v2-qemu", NULL, &p);
	assert_non_null(cl);
	assert_int_equal(sample_now(cl, &cur), 0);
	int i = sample_find_cg(&p, "/hr-fixture");
	assert_true(i >= 0);
	p.mono = cur.mono - 2;
	struct kvset *st = &p.cgs[i].kv[K_STAT];
	for (size_t k = 0; k < st->n; k++)
		if (strcmp(st->items[k].key, "pgfault") == 0)
			st->items[k].val.v -= 100;
		else if (strcmp(st->items[k].key, "pgmajfault") == 0)
			st->items[k].val.v += 1000; /* a counter that went back: reset, no rate */
	p.cgs[i].n.usage.v -= 4 << 20;
	cginfo_build(&cur, &p, (size_t)sample_find_cg(&cur, "/hr-fixture"), NULL, 0, &d);
	assert_string_equal(in_section(&d, "memory.stat", "pgfault")->rate, "50/s");
	assert_string_equal(in_section(&d, "memory.stat", "pgmajfault")->rate, "");
	assert_string_equal(in_section(&d, "memory.stat", "anon")->rate, "0/s");
	assert_string_equal(line(&d, "usage")->rate, "+2.0M/s");
	assert_string_equal(line(&d, "limit_hits")->value, "35");
	assert_string_equal(line(&d, "limit")->rate, ""); /* a setting has no rate */
	assert_string_equal(line(&d, "memory.max")->rate, "");
	dlines_free(&d);
	sample_free(&cur);
	sample_free(&p);
	collector_close(cl);
}

/* v1: hr-fixture limit 209715200, oom_control all 0, memory.stat
 * total_pgfault 60163; the v1 files, no v2 ones. */
static void test_v1(void **state)
{
	(void)state;
	struct sample cur = { 0 };
	struct dlines d = { 0 };
	struct collector *cl = fixture_sample("tests/fixtures/v1-hybrid", NULL, &cur);
	assert_non_null(cl);
	int i = -1;
	for (size_t k = 0; k < cur.ncg; k++)
		if (strcmp(cur.cgs[k].name, "hr-fixture") == 0)
			i = (int)k;
	assert_true(i >= 0);
	cginfo_build(&cur, NULL, (size_t)i, NULL, 0, &d);
	assert_string_equal(line(&d, "memory.limit_in_bytes")->value, "200M");
	assert_string_equal(line(&d, "limit")->note, "memory.limit_in_bytes");
	assert_int_equal(dlines_find(&d, "memory.max"), -1);
	assert_string_equal(in_section(&d, "memory.oom_control", "under_oom")->value, "0");
	assert_int_equal(in_section(&d, "memory.oom_control", "under_oom")->st, ST_NORMAL);
	assert_string_equal(in_section(&d, "memory.stat", "total_pgfault")->value, "60163");
	/* limits in memory.stat: the counter maximum is unlimited, not 8.0E */
	assert_string_equal(in_section(&d, "memory.stat", "hierarchical_memory_limit")->value, "200M");
	assert_string_equal(in_section(&d, "memory.stat", "hierarchical_memsw_limit")->value, "unlimited");
	assert_true(dlines_find(&d, "memory.pressure (unified tree)") >= 0);
	dlines_free(&d);
	sample_free(&cur);
	collector_close(cl);
}

static void test_key_kinds(void **state)
{
	(void)state;
	assert_true(cginfo_key_is_count("pgfault"));
	assert_true(cginfo_key_is_count("total_pgmajfault"));
	assert_true(cginfo_key_is_count("workingset_refault_file"));
	assert_true(cginfo_key_is_count("thp_fault_alloc"));
	assert_false(cginfo_key_is_count("anon"));
	assert_false(cginfo_key_is_count("total_cache"));
	assert_false(cginfo_key_is_count("hierarchical_memory_limit"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_v2_child),
		cmocka_unit_test(test_v2_rates),
		cmocka_unit_test(test_v1),
		cmocka_unit_test(test_key_kinds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
