/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The settings file: parsing, clear messages for lines that do not parse,
 * and a round trip through a real file under a temporary XDG_CONFIG_HOME. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tui/config.h"

static void test_parse(void **state)
{
	(void)state;
	struct config c;
	char err[256] = "";
	config_defaults(&c);
	assert_int_equal(config_parse(&c,
				      "# a comment\n\n sort = pss \nsort_ascending=1\nwarn_percent = 70\n"
				      "critical_percent = 90\ninterval = 0.5\ntree = 0\nsplit = 70\ncgroup_sort = pct\ncgroup_sort_ascending = 1\nfold = /a\nfold = /b/c\n"
				      "columns = pid,res\ncgroup_columns = cgroup,oom\nkernel_threads = 1\n",
				      err, sizeof(err)),
			 0);
	assert_string_equal(c.sort, "pss");
	assert_int_equal(c.sort_asc, 1);
	assert_int_equal(c.warn_pct, 70);
	assert_int_equal(c.crit_pct, 90);
	assert_true(c.interval == 0.5);
	assert_int_equal(c.tree, 0);
	assert_int_equal(c.split, 70);
	assert_string_equal(c.cg_sort, "pct");
	assert_int_equal(c.cg_sort_asc, 1);
	assert_int_equal(c.sort_asc, 1);
	assert_int_equal(c.folds.n, 2);
	assert_true(folds_has(&c.folds, "/b/c"));
	assert_string_equal(c.columns, "pid,res");
	assert_string_equal(c.cg_columns, "cgroup,oom");
	assert_int_equal(c.kthreads, 1);
	assert_string_equal(err, "");
	config_free(&c);
}

static void test_bad_lines(void **state)
{
	(void)state;
	struct config c;
	char err[256] = "";
	config_defaults(&c);
	/* line 3 first: empty lines count */
	assert_int_equal(config_parse(&c,
				      "tree = 1\n\nwarn_percent = 150\ninterval = fast\nbogus\ncolour = 1\n"
				      "fold = relative\ninterval = 1e999\n",
				      err, sizeof(err)),
			 6);
	assert_string_equal(err, "config line 3: 'warn_percent' wants a percentage from 1 to 100; skipped");
	assert_int_equal(c.warn_pct, 80); /* the default stays */
	assert_true(c.interval == 1);
	assert_int_equal(c.folds.n, 0);
	config_free(&c);
	config_defaults(&c);
	/* the interval's range is -d's: 0.05 is fine, 0.04 and 3601 are not */
	assert_int_equal(config_parse(&c, "interval = 0.05\n", err, sizeof(err)), 0);
	assert_true(c.interval == 0.05);
	assert_int_equal(config_parse(&c, "interval = 0.04\ninterval = 3601\n", err, sizeof(err)), 2);
	assert_string_equal(err, "config line 1: 'interval' wants seconds from 0.05 to 3600; skipped");
	assert_true(c.interval == 0.05);
	config_free(&c);
	config_defaults(&c);
	assert_int_equal(config_parse(&c, "warn_percent = 96\n", err, sizeof(err)), 1);
	assert_non_null(strstr(err, "critical_percent below warn_percent"));
	assert_int_equal(c.warn_pct, 80);
	assert_int_equal(c.crit_pct, 95);
	config_free(&c);
	config_defaults(&c); /* the tree's share: 20% to 80% */
	assert_int_equal(config_parse(&c, "split = 19\nsplit = 81\nsplit = 80\n", err, sizeof(err)), 2);
	assert_string_equal(err, "config line 1: 'split' wants a percentage from 20 to 80; skipped");
	assert_int_equal(c.split, 80);
	config_free(&c);
}

static void test_round_trip(void **state)
{
	(void)state;
	char dir[] = "/tmp/headroom-config-XXXXXX", path[4096], err[256] = "";
	assert_non_null(mkdtemp(dir));
	setenv("XDG_CONFIG_HOME", dir, 1);
	struct config c, d;
	assert_int_equal(config_load(&c, err, sizeof(err)), 0); /* no file yet: defaults */
	assert_string_equal(c.sort, "res");
	snprintf(c.sort, sizeof(c.sort), "oom_score");
	c.interval = 2.5;
	c.split = 30;
	c.kthreads = 1;
	snprintf(c.columns, sizeof(c.columns), "res,pid");
	snprintf(c.cg_columns, sizeof(c.cg_columns), "cgroup,usage");
	folds_toggle(&c.folds, "/system.slice");
	assert_int_equal(config_save(&c, err, sizeof(err)), 0); /* makes headroom/ */
	assert_int_equal(config_load(&d, err, sizeof(err)), 0);
	assert_string_equal(d.sort, "oom_score");
	assert_true(d.interval == 2.5);
	assert_int_equal(d.split, 30);
	assert_int_equal(d.kthreads, 1);
	assert_string_equal(d.columns, "res,pid");
	assert_string_equal(d.cg_columns, "cgroup,usage");
	assert_true(folds_has(&d.folds, "/system.slice"));
	assert_int_equal(config_path(path, sizeof(path)), 0);
	FILE *f = fopen(path, "a");
	assert_non_null(f);
	fputs("nonsense\n", f);
	fclose(f);
	config_free(&d);
	assert_int_equal(config_load(&d, err, sizeof(err)), -1);
	assert_string_equal(err, "config line 15: 'nonsense' wants key = value; skipped");
	config_free(&c);
	config_free(&d);
	unlink(path);
	snprintf(path, sizeof(path), "%s/headroom", dir);
	rmdir(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_bad_lines),
		cmocka_unit_test(test_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
