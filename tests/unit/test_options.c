/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Command line: good input parses, bad input gets a clear message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli/options.h"

static char msg[512];

static int parse(struct options *o, int argc, char **argv)
{
	FILE *err = fmemopen(msg, sizeof(msg), "w");
	memset(msg, 0, sizeof(msg));
	int rc = options_parse(o, argc, argv, err);
	fclose(err);
	return rc;
}

#define ARGV(...) ((char *[]){ "headroom", __VA_ARGS__, NULL })
#define ARGC(...) ((int)(sizeof((char *[]){ "headroom", __VA_ARGS__ }) / sizeof(char *)))
#define PARSE(o, ...) parse(o, ARGC(__VA_ARGS__), ARGV(__VA_ARGS__))

static void test_good(void **state)
{
	(void)state;
	struct options o;
	assert_int_equal(PARSE(&o, "-j", "-n", "3", "-d", "0.25", "--cgroup", "/a", "--root", "/tmp/x", "--smaps"), 0);
	assert_int_equal(o.mode, OUT_JSON);
	assert_int_equal(o.count, 3);
	assert_float_equal(o.delay, 0.25, 1e-12);
	assert_string_equal(o.cgroup, "/a");
	assert_string_equal(o.root, "/tmp/x");
	assert_true(o.smaps);
	assert_int_equal(PARSE(&o, "-b"), 0);
	assert_int_equal(o.mode, OUT_BATCH);
	assert_int_equal(o.count, 0); /* until interrupted */
	assert_float_equal(o.delay, 1.0, 1e-12);
	assert_string_equal(o.root, "/");
	assert_null(o.cgroup);
}

static void test_bad(void **state)
{
	(void)state;
	struct options o;
	assert_int_equal(PARSE(&o, "-n", "0"), -1);
	assert_non_null(strstr(msg, "-n wants a count of 1 or more, not '0'"));
	assert_int_equal(PARSE(&o, "-n", "12x"), -1);
	assert_int_equal(PARSE(&o, "-n", "99999999999999999999999"), -1);
	assert_int_equal(PARSE(&o, "-d", "-1"), -1);
	assert_non_null(strstr(msg, "-d wants seconds"));
	assert_int_equal(PARSE(&o, "-d", "0"), -1); /* one range for -d, run -d and the settings file */
	assert_non_null(strstr(msg, "-d wants seconds from 0.05 to 3600, not '0'"));
	assert_int_equal(PARSE(&o, "-d", "3601"), -1);
	assert_int_equal(PARSE(&o, "-d", "0.049"), -1);
	assert_int_equal(PARSE(&o, "-d", "0.05"), 0);
	assert_int_equal(PARSE(&o, "-d", "nan"), -1);
	assert_int_equal(PARSE(&o, "-d", "1e999"), -1);
	assert_int_equal(PARSE(&o, "--frobnicate"), -1);
	assert_non_null(strstr(msg, "unknown option '--frobnicate'"));
	assert_int_equal(PARSE(&o, "-d"), -1);
	assert_non_null(strstr(msg, "-d needs an argument"));
	assert_int_equal(PARSE(&o, "extra"), -1);
	assert_non_null(strstr(msg, "unexpected argument 'extra'"));
	assert_int_equal(PARSE(&o, "-c", "-b"), -1); /* not the cgroup "-b" */
	assert_non_null(strstr(msg, "-c needs a path, not the option '-b'"));
	assert_int_equal(PARSE(&o, "--root", "-j"), -1);
	assert_non_null(strstr(msg, "--root needs a path, not the option '-j'"));
	assert_int_equal(PARSE(&o, "-c"), -1);
	assert_non_null(strstr(msg, "-c needs an argument"));
}

/* Sizes for lab mode: powers of 1024, an optional B or iB. */
static void test_sizes(void **state)
{
	(void)state;
	uint64_t v;
	assert_int_equal(options_parse_size("4096", &v), 0);
	assert_true(v == 4096);
	assert_int_equal(options_parse_size("100M", &v), 0);
	assert_true(v == 100ULL << 20);
	assert_int_equal(options_parse_size("1.5G", &v), 0);
	assert_true(v == 3ULL << 29);
	assert_int_equal(options_parse_size("2GiB", &v), 0);
	assert_true(v == 2ULL << 30);
	assert_int_equal(options_parse_size("512KB", &v), 0);
	assert_true(v == 512ULL << 10);
	assert_int_equal(options_parse_size("0", &v), 0);
	assert_true(v == 0);
	const char *bad[] = { "", "-1M", "+1M", "1X", "1m", "M", "1MBB", "1Mi", "16E", "99999999999999999999", "1 M" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (options_parse_size(bad[i], &v) == 0)
			fail_msg("'%s' parsed as %llu", bad[i], (unsigned long long)v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_sizes),
	};
	return cmocka_run_group_tests_name("options", tests, NULL, NULL);
}
