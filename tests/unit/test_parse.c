/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Parsers of kernel text: numbers, limits, flat-keyed files, PSI. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "collectors/mounts.h"
#include "util/parse.h"

static void test_u64(void **state)
{
	(void)state;
	const char *s = "18446744073709551615 rest";
	val_t v = parse_u64(&s);
	assert_int_equal(v.st, V_OK);
	assert_true(v.v == UINT64_MAX);
	assert_string_equal(s, " rest");
	s = "18446744073709551616";
	v = parse_u64(&s);
	assert_int_equal(v.st, V_NA);
	assert_int_equal(v.why, NA_OVERFLOW);
	s = "x12";
	v = parse_u64(&s);
	assert_int_equal(v.why, NA_GARBAGE);
	s = "-5";
	assert_int_equal(parse_u64(&s).why, NA_GARBAGE);
}

static void test_limit(void **state)
{
	(void)state;
	assert_int_equal(parse_limit("max\n").st, V_UNLIMITED);
	assert_int_equal(parse_limit("9223372036854771712\n").st, V_UNLIMITED); /* v1, 4K pages */
	assert_int_equal(parse_limit("9223372036854710272\n").st, V_UNLIMITED); /* v1, 64K pages */
	val_t v = parse_limit("52428800\n");
	assert_int_equal(v.st, V_OK);
	assert_true(v.v == 52428800);
	assert_int_equal(parse_limit("").why, NA_GARBAGE);
	assert_int_equal(parse_limit("12abc\n").why, NA_GARBAGE);
	assert_int_equal(parse_limit("maximum\n").why, NA_GARBAGE);
	assert_int_equal(parse_counter("max\n").why, NA_GARBAGE);
	assert_int_equal(parse_counter("99999999999999999999\n").why, NA_OVERFLOW);
}

static void test_kvset(void **state)
{
	(void)state;
	struct kvset k = { 0 };
	kvset_parse(&k, "cache 100\nrss 200\nbad x\nhuge 99999999999999999999\n");
	assert_int_equal(k.n, 4);
	assert_true(kvset_get(&k, "cache").v == 100);
	assert_true(kvset_get(&k, "rss").v == 200);
	assert_int_equal(kvset_get(&k, "bad").why, NA_GARBAGE);
	assert_int_equal(kvset_get(&k, "huge").why, NA_OVERFLOW);
	assert_int_equal(kvset_get(&k, "missing").why, NA_ABSENT);
	/* Same keys again: the key strings are reused, values replaced. */
	char *cache_key = k.items[0].key;
	kvset_parse(&k, "cache 5\nrss 6\n");
	assert_int_equal(k.n, 2);
	assert_ptr_equal(k.items[0].key, cache_key);
	assert_true(kvset_get(&k, "cache").v == 5);
	assert_int_equal(kvset_get(&k, "bad").why, NA_ABSENT);
	/* Different keys replace the old ones. */
	kvset_parse(&k, "anon 7\n");
	assert_true(kvset_get(&k, "anon").v == 7);
	assert_int_equal(kvset_get(&k, "cache").why, NA_ABSENT);
	kvset_free(&k);
}

/* Many keys (past the hash index: a scan), then fewer (indexed), then a
 * cleared set: every lookup answers the same. */
static void test_kvset_index(void **state)
{
	(void)state;
	struct kvset k = { 0 };
	char text[8192], *w = text;
	for (int i = 0; i < 300; i++)
		w += sprintf(w, "key%d %d\n", i, i * 3);
	kvset_parse(&k, text);
	assert_int_equal(k.n, 300);
	assert_true(kvset_get(&k, "key299").v == 897);
	assert_true(kvset_get(&k, "key0").v == 0);
	text[0] = '\0';
	w = text;
	for (int i = 0; i < 100; i++)
		w += sprintf(w, "key%d %d\n", i, i + 1);
	kvset_parse(&k, text);
	assert_int_equal(k.n, 100);
	for (int i = 0; i < 100; i++) {
		char key[16];
		snprintf(key, sizeof(key), "key%d", i);
		assert_true(kvset_get(&k, key).v == (uint64_t)i + 1);
	}
	assert_int_equal(kvset_get(&k, "key150").why, NA_ABSENT);
	assert_int_equal(kvset_get(&k, "key").why, NA_ABSENT);
	kvset_clear(&k);
	assert_int_equal(kvset_get(&k, "key5").why, NA_ABSENT);
	kvset_parse(&k, text);
	assert_true(kvset_get(&k, "key5").v == 6);
	kvset_free(&k);
}

static void test_psi(void **state)
{
	(void)state;
	struct psi p;
	psi_parse(&p, "some avg10=1.50 avg60=0.25 avg300=0.00 total=12345\n"
		      "full avg10=0.75 avg60=0.00 avg300=0.00 total=678\n");
	assert_true(p.some.ok && p.full.ok);
	assert_float_equal(p.some.avg10, 1.5, 1e-9);
	assert_float_equal(p.full.avg10, 0.75, 1e-9);
	assert_true(p.some.total == 12345 && p.full.total == 678);
	/* Older kernels: no "full" line. */
	psi_parse(&p, "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");
	assert_true(p.some.ok && !p.full.ok);
	psi_parse(&p, "garbage\n");
	assert_true(!p.some.ok && !p.full.ok);
	assert_int_equal(p.why, NA_GARBAGE);
	/* A field missing on the first line is not taken from the second. */
	psi_parse(&p, "some avg10=1.00 avg60=1.00 total=5\nfull avg10=0 avg60=0 avg300=2.00 total=1\n");
	assert_false(p.some.ok);
	assert_true(p.full.ok);
}

/* /proc/PID/cgroup: the memory line on v1 (among others, controllers
 * listed together), the "0::" line on v2, a namespaced mount's root cut. */
static void test_cgroup_file(void **state)
{
	(void)state;
	char p[256];
	const char *hybrid = "12:cpuset:/\n5:cpu,cpuacct:/x\n4:memory:/process_api/abc\n0::/init.scope\n";
	assert_int_equal(cgroup_file_path(hybrid, 1, "/", p, sizeof(p)), 0);
	assert_string_equal(p, "/process_api/abc");
	assert_int_equal(cgroup_file_path(hybrid, 2, NULL, p, sizeof(p)), 0);
	assert_string_equal(p, "/init.scope");
	assert_int_equal(cgroup_file_path("3:blkio,memory,pids:/a/b\n", 1, "/a", p, sizeof(p)), 0);
	assert_string_equal(p, "/b");
	assert_int_equal(cgroup_file_path("3:memory:/a\n", 1, "/a", p, sizeof(p)), 0);
	assert_string_equal(p, "/");
	assert_int_equal(cgroup_file_path("3:memory:/ab\n", 1, "/a", p, sizeof(p)), 0);
	assert_string_equal(p, "/ab"); /* /a is not a prefix of /ab */
	assert_int_equal(cgroup_file_path("7:name=memoryish:/x\n0::/y\n", 1, NULL, p, sizeof(p)), -1);
	assert_int_equal(cgroup_file_path("1:memory:/x\n", 2, NULL, p, sizeof(p)), -1);
	assert_int_equal(cgroup_file_path("", 1, NULL, p, sizeof(p)), -1);
}

/* cgroup.procs, a pid a line: garbage, 0 and past INT_MAX are no pid. */
static void test_pid_lines(void **state)
{
	(void)state;
	const char *p = "12\n0\nx1\n2147483648\n 5\n7";
	int want[] = { 12, 0, 0, 0, 0, 7 };
	for (int i = 0; i < 6; i++)
		assert_int_equal(parse_pid_line(&p), want[i]);
	assert_int_equal(*p, '\0');
	assert_int_equal(parse_pid_line(&p), 0); /* at the end: stays there */
	assert_int_equal(*p, '\0');
}

/* mountinfo writes space, tab, newline and backslash in paths as \ooo. */
static void test_unescape(void **state)
{
	(void)state;
	char a[] = "/sys/fs/cgroup/my\\040group\\011x\\134y", b[] = "\\04 \\8zz\\400";
	mounts_unescape(a);
	assert_string_equal(a, "/sys/fs/cgroup/my group\tx\\y");
	mounts_unescape(b); /* not three octal digits (or past \377): kept as written */
	assert_string_equal(b, "\\04 \\8zz\\400");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_u64),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_kvset),
		cmocka_unit_test(test_kvset_index),
		cmocka_unit_test(test_psi),
		cmocka_unit_test(test_cgroup_file),
		cmocka_unit_test(test_unescape),
		cmocka_unit_test(test_pid_lines),
	};
	return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
