/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The widgets' layout, as pure functions, at every width from 1 to 300. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "widgets/bar.h"
#include "widgets/colset.h"
#include "widgets/keybar.h"
#include "widgets/listview.h"
#include "widgets/spark.h"
#include "widgets/split.h"
#include "widgets/table.h"
#include "widgets/tree.h"

static int count(const int *cells, int w, int id)
{
	int c = 0;
	for (int i = 0; i < w; i++)
		c += cells[i] == id;
	return c;
}

/* Where bar.h says a boundary falls: the cumulative value scaled to the
 * width, rounded half up, worked out here in integers. */
static int boundary(uint64_t cum, uint64_t total, int w)
{
	uint64_t c = (2 * cum * (uint64_t)w + total) / (2 * total);
	return c > (uint64_t)w ? w : (int)c;
}

static void test_bar_every_width(void **state)
{
	(void)state;
	const struct bar_seg segs[] = { { 300, 0 }, { 100, 1 }, { 1, 2 }, { 0, 3 }, { 599, 4 } };
	int cells[300];
	for (int w = 1; w <= 300; w++) {
		int of = -1;
		/* against 2000: half full, each segment exactly where rounding puts it */
		int filled = bar_layout(cells, w, segs, 5, 2000, &of);
		assert_int_equal(of, 0);
		assert_int_equal(filled, boundary(1000, 2000, w));
		uint64_t cum = 0;
		for (int k = 0; k < 5; k++) {
			int from = boundary(cum, 2000, w);
			cum += segs[k].value;
			int to = boundary(cum, 2000, w);
			for (int i = from; i < to; i++)
				if (cells[i] != k)
					fail_msg("width %d: cell %d is %d, not segment %d", w, i, cells[i], k);
		}
		assert_int_equal(count(cells, w, BAR_EMPTY), w - filled);
		/* exactly full, and over full */
		assert_int_equal(bar_layout(cells, w, segs, 5, 1000, &of), w);
		assert_int_equal(of, 0);
		assert_int_equal(bar_layout(cells, w, segs, 5, 800, &of), w);
		assert_int_equal(of, 1);
		/* markers stay inside */
		assert_int_equal(bar_mark_cell(0, 1000, w), 0);
		assert_int_equal(bar_mark_cell(1000, 1000, w), w - 1);
		assert_int_equal(bar_mark_cell(1001, 1000, w), -1);
		assert_int_equal(bar_mark_cell(500, 1000, w), w / 2); /* the cell the value falls in */
	}
	/* 12.5 cells of 25 round to 13, 12.4 to 12 (a truncating bar gives 12, 12) */
	const struct bar_seg half[] = { { 125, 0 } }, less[] = { { 124, 0 } };
	assert_int_equal(bar_layout(cells, 25, half, 1, 250, NULL), 13);
	assert_int_equal(bar_layout(cells, 25, less, 1, 250, NULL), 12);
	assert_int_equal(bar_layout(cells, 10, segs, 5, 0, NULL), 0); /* no total */
	assert_int_equal(bar_layout(cells, 0, segs, 5, 10, NULL), 0);
	const struct bar_seg huge[] = { { UINT64_MAX, 0 }, { UINT64_MAX, 1 } };
	assert_int_equal(bar_layout(cells, 7, huge, 2, UINT64_MAX, NULL), 7);
	assert_int_equal(count(cells, 7, 0), 7);
}

static void test_spark(void **state)
{
	(void)state;
	double v[] = { 0, 1, 50, 100, NAN, 200, -3 };
	int l[7];
	spark_levels(l, v, 7, 0, 100, 8);
	assert_int_equal(l[0], 0);
	assert_int_equal(l[1], 1); /* small but not nothing */
	assert_int_equal(l[2], 4);
	assert_int_equal(l[3], 7);
	assert_int_equal(l[4], -1);
	assert_int_equal(l[5], 7); /* clipped */
	assert_int_equal(l[6], 0);
	assert_float_equal(spark_max(v, 7), 200, 0);
	spark_levels(l, v, 4, 0, 0, 8); /* no scale: all at the bottom */
	assert_int_equal(l[3], 0);
	spark_levels(l, v, 4, 50, 100, 8); /* from a floor: the shape of the change */
	assert_int_equal(l[1], 0);
	assert_int_equal(l[2], 0);
	assert_int_equal(l[3], 7);
	assert_float_equal(spark_min(v, 7), -3, 0);
}

/* The width a table takes, counted here: its kept columns and one space
 * between each two of them. */
static int width_taken(const int *w, int n)
{
	int sum = 0, kept = 0;
	for (int i = 0; i < n; i++)
		if (w[i]) {
			sum += w[i];
			kept++;
		}
	return kept ? sum + kept - 1 : 0;
}

static void test_table_every_width(void **state)
{
	(void)state;
	const struct col_spec cols[] = {
		{ "NAME", 8, 40, 0, 1, 0, 0 }, { "USAGE", 7, 7, 0, 0, 1, 0 }, { "LIMIT", 8, 8, 1, 0, 1, 0 },
		{ "BAR", 10, 0, 2, 1, 0, 0 },  { "SPARK", 16, 16, 3, 0, 0, 0 }, { "OOM", 4, 4, 1, 0, 1, 0 },
	};
	int w[6];
	for (int width = 1; width <= 300; width++) {
		int used = table_layout(cols, 6, width, w);
		assert_int_equal(used, width_taken(w, 6));
		assert_true(used <= width);
		for (int i = 0; i < 6; i++) {
			assert_true(w[i] == 0 || w[i] >= cols[i].min);
			assert_true(w[i] == 0 || !cols[i].max || w[i] <= cols[i].max);
			for (int j = 0; j < 6; j++) /* nothing kept that is less important than what was dropped, */
				if (w[i] == 0 && w[j] && cols[j].prio > cols[i].prio)
					fail_msg("width %d: %s kept, %s dropped", width, cols[j].title, cols[i].title);
		}
		if (width >= 8 + 1 + 7)
			assert_true(w[0] && w[1]); /* the essentials */
		if (width >= 120)
			assert_true(w[0] && w[1] && w[2] && w[3] && w[4] && w[5]);
		/* spare width goes to the flexible columns */
		if (w[3] && width > 100)
			assert_int_equal(used, width);
		/* each column starts one space after the one before it */
		for (int i = 0, x = 0; i < 6; i++)
			if (w[i]) {
				assert_int_equal(table_col_x(w, i), x);
				x += w[i] + 1;
			}
	}
	/* 8 + 1 + 7 columns: NAME and USAGE just fit, with nothing to spare */
	assert_int_equal(table_layout(cols, 6, 16, w), 16);
	assert_true(w[0] == 8 && w[1] == 7 && !w[2] && !w[3] && !w[4] && !w[5]);
	assert_int_equal(table_layout(cols, 6, 15, w), 15); /* USAGE no longer fits: NAME takes it all */
	assert_true(w[0] == 15 && !w[1]);
	assert_int_equal(table_col_x((int[]){ 5, 0, 3, 4 }, 3), 10);
	/* a column that wants a width has it before the others grow */
	const struct col_spec wants[] = { { "CG", 4, 30, 1, 1, 0, 0 }, { "CMD", 4, 0, 0, 1, 0, 20 } };
	for (int width = 1; width <= 300; width++) {
		int used = table_layout(wants, 2, width, w);
		assert_true(used <= width);
		if (width >= 9 && width <= 25) /* 4 + 1 + 4, then CMD alone to 20 */
			assert_true(w[0] == 4 && w[1] == width - 5);
		if (width > 25 && width <= 25 + 2 * 26) /* then both, in turn, CG to 30 */
			assert_true(w[0] - 4 >= w[1] - 20 - 1 && w[0] - 4 <= w[1] - 20 + 1);
		if (width > 100)
			assert_true(w[0] == 30 && w[1] == width - 31);
	}
}

static void test_listview(void **state)
{
	(void)state;
	struct listview l = { 0 };
	list_resize(&l, 0, 10);
	assert_int_equal(l.sel, -1);
	list_resize(&l, 100, 10);
	assert_int_equal(l.sel, 0);
	list_move(&l, 10);
	assert_int_equal(l.sel, 10);
	assert_int_equal(l.top, 1);
	list_end(&l);
	assert_int_equal(l.sel, 99);
	assert_int_equal(l.top, 90);
	list_move(&l, -1000);
	assert_int_equal(l.sel, 0);
	/* shrinking keeps the selection in range and visible */
	list_select(&l, 80);
	list_resize(&l, 50, 10);
	assert_int_equal(l.sel, 49);
	assert_int_equal(l.top, 40);
	srand(7);
	for (int i = 0; i < 20000; i++) {
		switch (rand() % 5) {
		case 0: list_move(&l, rand() % 41 - 20); break;
		case 1: list_resize(&l, rand() % 60, 1 + rand() % 30); break;
		case 2: list_home(&l); break;
		case 3: list_end(&l); break;
		default: list_select(&l, rand() % 80 - 10); break;
		}
		if (l.n == 0) {
			assert_int_equal(l.sel, -1);
			continue;
		}
		assert_true(l.sel >= 0 && l.sel < l.n);
		assert_true(l.top >= 0 && l.top <= l.sel && l.sel < l.top + l.height);
	}
}

static void test_tree(void **state)
{
	(void)state;
	char b[64];
	unsigned char last[] = { 1, 0, 1, 1 };
	assert_string_equal(tree_prefix(b, sizeof(b), last, 0, 1, 0, 0), "-");
	assert_string_equal(tree_prefix(b, sizeof(b), last, 1, 1, 1, 0), "|-+");
	assert_string_equal(tree_prefix(b, sizeof(b), last, 3, 0, 0, 0), "|   `--");
	assert_string_equal(tree_prefix(b, sizeof(b), last, 2, 0, 0, 1), "\u2502 \u2514\u2500\u2500");
	assert_string_equal(tree_prefix(b, 4, last, 3, 0, 0, 0), "| "); /* cut whole, never overrun */
}

/* The footer's hints at every width from 1 to 300: never wider; the
 * kept ones a subsequence in order, two spaces apart; a hint kept only
 * when every hint of smaller priority is; help and quit (priority 0)
 * kept whenever they fit together; exact at 80 and 40 columns. */
static void test_keybar_every_width(void **state)
{
	(void)state;
	static const struct key_hint h[] = {
		{ "F1 Help", 0 }, { "Enter Procs", 1 }, { "i Detail", 2 }, { "a All", 3 },  { "/ Search", 2 },
		{ "\\ Filter", 3 }, { "t Tree", 4 },    { "Space Fold", 5 }, { "p Pause", 4 }, { "q Quit", 0 },
	};
	const size_t n = sizeof(h) / sizeof(h[0]);
	char out[256];
	for (int w = 1; w <= 300; w++) {
		int len = keybar_fit(out, sizeof(out), h, n, w);
		assert_int_equal(len, (int)strlen(out));
		assert_true(len <= w);
		int kept[10] = { 0 };
		const char *p = out;
		for (size_t i = 0; i < n && *p; i++) { /* walk the hints in order */
			size_t l = strlen(h[i].text);
			if (strncmp(p, h[i].text, l) == 0 && (p[l] == '\0' || strncmp(p + l, "  ", 2) == 0)) {
				kept[i] = 1;
				p += l + (p[l] ? 2 : 0);
			}
		}
		if (w >= (int)strlen("F1 Help  q Quit")) {
			assert_int_equal(*p, '\0'); /* nothing but whole hints */
			assert_true(kept[0] && kept[9]);
			for (size_t i = 0; i < n; i++)
				for (size_t j = 0; j < n; j++)
					if (kept[i] && h[j].prio < h[i].prio)
						assert_true(kept[j]);
		}
	}
	keybar_fit(out, sizeof(out), h, n, 80);
	assert_string_equal(out, "F1 Help  Enter Procs  i Detail  a All  / Search  \\ Filter  t Tree  q Quit");
	keybar_fit(out, sizeof(out), h, n, 40);
	assert_string_equal(out, "F1 Help  Enter Procs  i Detail  q Quit");
	keybar_fit(out, sizeof(out), h, n, 10); /* the essentials do not fit: cut */
	assert_string_equal(out, "F1 Help  q");
}

/* The split overview's rows at every height: the pane is all or nothing,
 * the list never takes more than its share while the pane is shown, and
 * it takes no more rows than it needs. */
static void test_split_every_height(void **state)
{
	(void)state;
	static const int pcts[] = { 20, 50, 80 };
	for (int avail = -1; avail <= 300; avail++)
		for (int need = 0; need <= 80; need++)
			for (int p = 0; p < 3; p++) {
				struct split s = split_rows(avail, need, pcts[p], 4, 6);
				if (avail <= 0) {
					assert_int_equal(s.top + s.bottom, 0);
					continue;
				}
				assert_int_equal(s.top + s.bottom, avail);
				if (!s.bottom)
					continue;
				assert_true(s.bottom >= 6);
				assert_true(s.top >= 4);
				assert_true(s.top <= (need > 4 ? need : 4));
				assert_true(s.top <= 4 || s.top * 100 <= avail * pcts[p]);
				/* the list is cut only when its share is used up */
				assert_true(s.top == need || s.top == 4 || (s.top + 1) * 100 > avail * pcts[p]);
			}
	/* 80x24: 19 rows under the header; 6 cgroups and their titles */
	struct split s = split_rows(19, 7, 50, 4, 6);
	assert_int_equal(s.top, 7);
	assert_int_equal(s.bottom, 12);
	s = split_rows(19, 40, 50, 4, 6); /* many cgroups: half */
	assert_int_equal(s.top, 9);
	s = split_rows(8, 3, 50, 4, 6); /* 40x10: the tree only */
	assert_int_equal(s.bottom, 0);
	assert_int_equal(s.top, 8);
}

/* F2's column sets: shown and hidden, moved, written and read back, laid
 * out at every width in their own order. */
static void test_colset(void **state)
{
	(void)state;
	static const char *const names[] = { "name", "usage", "limit", "bar" };
	const struct col_spec cols[] = {
		{ "NAME", 8, 40, 0, 1, 0, 0 }, { "USAGE", 7, 7, 0, 0, 1, 0 }, { "LIMIT", 8, 8, 1, 0, 1, 0 }, { "BAR", 10, 0, 2, 1, 0, 0 },
	};
	struct colset s;
	char out[64], bad[16] = "";
	colset_all(&s, 4);
	colset_format(&s, names, out, sizeof(out));
	assert_string_equal(out, ""); /* every column in order: no line */
	assert_int_equal(colset_toggle(&s, 1), 1); /* USAGE hidden */
	assert_int_equal(colset_at(&s, 1), -1);
	assert_int_equal(colset_move(&s, 3, -1), 1); /* BAR before LIMIT */
	assert_int_equal(colset_move(&s, 0, -1), 0); /* the first stays first */
	assert_int_equal(colset_move(&s, 1, 1), 0);  /* hidden: nowhere to move */
	colset_format(&s, names, out, sizeof(out));
	assert_string_equal(out, "name,bar,limit");
	assert_int_equal(colset_toggle(&s, 1), 1); /* shown again: last */
	colset_format(&s, names, out, sizeof(out));
	assert_string_equal(out, "name,bar,limit,usage");
	for (int k = 3; k >= 0; k--) /* the last one shown stays */
		colset_toggle(&s, k);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.k[0], 0);
	assert_int_equal(colset_parse(&s, "limit,name,limit", names, 4, bad, sizeof(bad)), 0);
	assert_int_equal(s.n, 2);
	assert_true(s.k[0] == 2 && s.k[1] == 0);
	assert_int_equal(colset_parse(&s, "name,rss", names, 4, bad, sizeof(bad)), -1);
	assert_string_equal(bad, "rss");
	assert_int_equal(s.n, 4); /* every column, in order */
	colset_parse(&s, "bar,name", names, 4, bad, sizeof(bad));
	assert_int_equal(colset_step(&s, 3, 1), 0); /* < >: in the order shown, */
	assert_int_equal(colset_step(&s, 0, 1), 3); /* round the ends */
	assert_int_equal(colset_step(&s, 3, -1), 0);
	assert_int_equal(colset_step(&s, 1, 1), 3);  /* from a hidden one: the first */
	assert_int_equal(colset_step(&s, -1, -1), 0); /* or the last */
	for (int width = 1; width <= 300; width++) {
		int w[4], x[4];
		colset_layout(&s, cols, width, w, x);
		assert_true(!w[1] && !w[2]); /* hidden */
		if (w[3] && w[0]) /* BAR first, then NAME */
			assert_int_equal(x[0], x[3] + w[3] + 1);
		assert_true(w[0] || width < 8);
		assert_true(x[0] + w[0] <= width && x[3] + w[3] <= width);
		for (int at = 0; at < width; at++) { /* a click: the column under it, -1 between */
			int k = colset_hit(&s, cols, width, at);
			assert_true(k == -1 || (w[k] && at >= x[k] && at < x[k] + w[k]));
			if (w[3] && at < w[3])
				assert_int_equal(k, 3);
			if (w[3] && w[0] && at == w[3])
				assert_int_equal(k, -1);
		}
	}
	assert_int_equal(colset_name(names, 4, "limit"), 2);
	assert_int_equal(colset_name(names, 4, "rss"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bar_every_width), cmocka_unit_test(test_spark),
		cmocka_unit_test(test_table_every_width), cmocka_unit_test(test_listview),
		cmocka_unit_test(test_tree),		cmocka_unit_test(test_keybar_every_width), cmocka_unit_test(test_split_every_height),
		cmocka_unit_test(test_colset),
	};
	return cmocka_run_group_tests_name("widgets", tests, NULL, NULL);
}
