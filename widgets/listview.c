/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "widgets/listview.h"

static void fix(struct listview *l)
{
	if (l->height < 1)
		l->height = 1;
	if (l->n <= 0) {
		l->sel = -1;
		l->top = 0;
		return;
	}
	if (l->sel < 0)
		l->sel = 0;
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + l->height)
		l->top = l->sel - l->height + 1;
	if (l->top > l->n - l->height)
		l->top = l->n - l->height > 0 ? l->n - l->height : 0;
	if (l->top < 0)
		l->top = 0;
}

void list_resize(struct listview *l, int n, int height)
{
	l->n = n;
	l->height = height;
	fix(l);
}

void list_move(struct listview *l, int delta)
{
	l->sel += delta;
	if (l->sel < 0)
		l->sel = 0;
	fix(l);
}

void list_home(struct listview *l)
{
	l->sel = 0;
	fix(l);
}

void list_end(struct listview *l)
{
	l->sel = l->n - 1;
	fix(l);
}

void list_select(struct listview *l, int i)
{
	l->sel = i;
	fix(l);
}
