/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "widgets/table.h"

static int used_width(const int *widths, int n)
{
	int w = 0, kept = 0;
	for (int i = 0; i < n; i++)
		if (widths[i]) {
			w += widths[i];
			kept++;
		}
	return w + (kept ? kept - 1 : 0);
}

/* Keep columns by priority while their minimum widths fit; once one does
 * not, nothing less important is kept either. */
static void keep_by_priority(const struct col_spec *cols, int n, int width, int *widths)
{
	int full = 0;
	for (int i = 0; i < n; i++)
		widths[i] = 0;
	for (int prio = 0; prio < 16 && !full; prio++)
		for (int i = 0; i < n; i++) {
			if (cols[i].prio != prio)
				continue;
			widths[i] = cols[i].min;
			if (used_width(widths, n) > width) {
				widths[i] = 0;
				full = 1;
			}
		}
}

/* Round robin, a cell at a time, to the kept flexible columns below their
 * cap (their want in the first pass, their maximum in the second). */
static int grow(const struct col_spec *cols, int n, int *widths, int spare, int wanted)
{
	for (int grew = 1; spare > 0 && grew;) {
		grew = 0;
		for (int i = 0; i < n && spare > 0; i++) {
			int max = cols[i].max, cap = !wanted ? max : max && cols[i].want > max ? max : cols[i].want;
			if (!widths[i] || !cols[i].flex || (wanted && !cap) || (cap && widths[i] >= cap))
				continue;
			widths[i]++;
			spare--;
			grew = 1;
		}
	}
	return spare;
}

int table_layout(const struct col_spec *cols, int n, int width, int *widths)
{
	keep_by_priority(cols, n, width, widths);
	int spare = grow(cols, n, widths, width - used_width(widths, n), 1);
	grow(cols, n, widths, spare, 0);
	return used_width(widths, n);
}

int table_col_x(const int *widths, int i)
{
	int x = 0;
	for (int k = 0; k < i; k++)
		if (widths[k])
			x += widths[k] + 1;
	return x;
}
