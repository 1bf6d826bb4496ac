/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The cgroup table's rows: tree order, branch lines, folding, flat order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "tui/rows.h"
#include "widgets/tree.h"

static void add(struct sample *s, const char *path, int parent, int depth, uint64_t usage)
{
	struct cg_sample *c = sample_add_cg(s);
	c->path = strdup(path);
	c->parent = parent;
	c->depth = depth;
	c->n.usage = val_ok(usage);
}

/*  /            0
 *  |-a          1
 *  | |-a1       2
 *  | `-a2       3
 *  `-b          4
 *    `-b1       5 */
static void tree(struct sample *s)
{
	add(s, "/", -1, 0, 100);
	add(s, "/a", 0, 1, 10);
	add(s, "/a/a1", 1, 2, 30);
	add(s, "/a/a2", 1, 2, 5);
	add(s, "/b", 0, 1, 50);
	add(s, "/b/b1", 4, 2, 1);
}

static void test_tree_rows(void **state)
{
	(void)state;
	struct sample s = { 0 };
	struct folds f = { 0 };
	struct cg_row r[6];
	char p[64];
	tree(&s);
	assert_int_equal(rows_build(&s, 1, &f, NULL, NULL, r), 6);
	const char *want[] = { "-", "|--", "| |--", "| `--", "`--", "  `--" };
	for (int i = 0; i < 6; i++) {
		tree_prefix(p, sizeof(p), r[i].last, r[i].depth, r[i].has_kids, r[i].folded, 0);
		assert_int_equal(r[i].cg, i);
		assert_string_equal(p, want[i]);
	}
	folds_toggle(&f, "/a");
	assert_int_equal(rows_build(&s, 1, &f, NULL, NULL, r), 4); /* a1, a2 hidden */
	assert_int_equal(r[1].cg, 1);
	assert_true(r[1].folded);
	assert_int_equal(r[2].cg, 4);
	tree_prefix(p, sizeof(p), r[1].last, r[1].depth, r[1].has_kids, r[1].folded, 0);
	assert_string_equal(p, "|-+");
	folds_toggle(&f, "/a");
	assert_int_equal(rows_build(&s, 1, &f, NULL, NULL, r), 6);
	/* flat: largest usage first */
	assert_int_equal(rows_build(&s, 0, &f, "", NULL, r), 6);
	int order[] = { 0, 4, 2, 1, 3, 5 };
	for (int i = 0; i < 6; i++)
		assert_int_equal(r[i].cg, order[i]);
	folds_free(&f);
	sample_free(&s);
}

/* A filter keeps the matching cgroups and, in a tree, their ancestors;
 * the branch lines are drawn for the rows kept. */
static void test_filter(void **state)
{
	(void)state;
	struct sample s = { 0 };
	struct folds f = { 0 };
	struct cg_row r[6];
	char p[64];
	tree(&s);
	assert_int_equal(rows_build(&s, 1, &f, "A1", NULL, r), 3); /* / a a1 */
	assert_int_equal(r[0].cg, 0);
	assert_int_equal(r[1].cg, 1);
	assert_int_equal(r[2].cg, 2);
	tree_prefix(p, sizeof(p), r[1].last, r[1].depth, r[1].has_kids, r[1].folded, 0);
	assert_string_equal(p, "`--"); /* now the last child of / */
	tree_prefix(p, sizeof(p), r[2].last, r[2].depth, r[2].has_kids, r[2].folded, 0);
	assert_string_equal(p, "  `--");
	assert_int_equal(rows_build(&s, 0, &f, "/b", NULL, r), 2); /* flat: the matches only */
	assert_int_equal(r[0].cg, 4);
	assert_int_equal(r[1].cg, 5);
	assert_int_equal(rows_build(&s, 1, &f, "nothing", NULL, r), 0);
	assert_true(rows_match("/Kubepods/Burstable", "burst"));
	assert_false(rows_match(NULL, "x"));
	assert_true(rows_match(NULL, ""));
	sample_free(&s);
}

/* Largest usage first: the test's order. */
static int by_usage_desc(const struct cg_sample *x, const struct cg_sample *y, void *ctx)
{
	(void)ctx;
	return (x->n.usage.v < y->n.usage.v) - (x->n.usage.v > y->n.usage.v);
}

/* An order asked for sorts each cgroup's children in the tree (b, 50,
 * before a, 10; a1, 30, before a2, 5), the branch lines following, and the
 * whole list when flat; a tie keeps the sample's order. */
static void test_sorted(void **state)
{
	(void)state;
	struct sample s = { 0 };
	struct folds f = { 0 };
	struct cg_row r[6];
	char p[64];
	const struct rows_order o = { by_usage_desc, NULL };
	tree(&s);
	assert_int_equal(rows_build(&s, 1, &f, NULL, &o, r), 6);
	const int order[] = { 0, 4, 5, 1, 2, 3 };
	const char *want[] = { "-", "|--", "| `--", "`--", "  |--", "  `--" };
	for (int i = 0; i < 6; i++) {
		tree_prefix(p, sizeof(p), r[i].last, r[i].depth, r[i].has_kids, r[i].folded, 0);
		assert_int_equal(r[i].cg, order[i]);
		assert_string_equal(p, want[i]);
	}
	assert_int_equal(rows_build(&s, 0, &f, NULL, &o, r), 6);
	const int flat[] = { 0, 4, 2, 1, 3, 5 };
	for (int i = 0; i < 6; i++)
		assert_int_equal(r[i].cg, flat[i]);
	s.cgs[4].n.usage = val_ok(10); /* b ties a: a first, as in the sample */
	assert_int_equal(rows_build(&s, 1, &f, NULL, &o, r), 6);
	assert_int_equal(r[1].cg, 1);
	sample_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree_rows),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_sorted),
	};
	return cmocka_run_group_tests_name("rows", tests, NULL, NULL);
}
