/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "widgets/bar.h"

/* Cells covered by a cumulative value, rounded to nearest. */
static int cells_for(uint64_t cum, uint64_t total, int width)
{
	long double c = (long double)cum * width / (long double)total + 0.5L;
	return c >= width ? width : (int)c;
}

int bar_layout(int *cells, int width, const struct bar_seg *segs, int nseg, uint64_t total, int *overflow)
{
	uint64_t cum = 0;
	int filled = 0;
	if (overflow)
		*overflow = 0;
	for (int i = 0; i < width; i++)
		cells[i] = BAR_EMPTY;
	if (width <= 0 || total == 0)
		return 0;
	for (int k = 0; k < nseg; k++) {
		cum = segs[k].value > UINT64_MAX - cum ? UINT64_MAX : cum + segs[k].value;
		if (cum > total && overflow)
			*overflow = 1;
		int end = cells_for(cum > total ? total : cum, total, width);
		for (; filled < end; filled++)
			cells[filled] = segs[k].id;
	}
	return filled;
}

int bar_mark_cell(uint64_t at, uint64_t total, int width)
{
	if (width <= 0 || total == 0 || at > total)
		return -1;
	int c = (int)((long double)at * width / (long double)total);
	return c >= width ? width - 1 : c;
}
