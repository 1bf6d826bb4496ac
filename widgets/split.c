/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "widgets/split.h"

struct split split_rows(int avail, int need, int pct, int min_top, int min_pane)
{
	if (avail <= 0)
		return (struct split){ 0, 0 };
	int cap = (int)((long)avail * pct / 100), top = need < cap ? need : cap;
	if (top < min_top)
		top = min_top;
	if (top >= avail || avail - top < min_pane)
		return (struct split){ avail, 0 };
	return (struct split){ top, avail - top };
}
