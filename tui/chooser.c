/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "tui/chooser.h"

#include <stdio.h>

#include "tui/app.h"

_Static_assert(PC_N <= COLSET_MAX && PC_N <= MENU_ITEMS, "every process column in a set and in the menu");

/* The menu's items: the columns shown, in order, then the others; the
 * selection stays on the column it was on. */
static void items(struct app *a)
{
	const struct colset *s = a->chooser.set;
	int sel = a->menu.n ? a->menu.ids[a->menu.sel] : s->k[0];
	a->menu.n = 0;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < s->total; i++) {
			int k = pass ? i : i < s->n ? s->k[i] : -1;
			if (k < 0 || (pass && colset_at(s, k) >= 0))
				continue;
			char b[40];
			snprintf(b, sizeof(b), "[%c] %s", pass ? ' ' : 'x', a->chooser.spec[k].title);
			if (k == sel)
				a->menu.sel = a->menu.n;
			a->menu.ids[a->menu.n] = k;
			menu_add(&a->menu, b);
		}
}

/* Space: show or hide the column; - +: move it up or down. */
static int key(struct app *a, int ch)
{
	int k = a->menu.ids[a->menu.sel];
	if (ch != ' ' && ch != '-' && ch != '+')
		return 0;
	if (ch == ' ' ? colset_toggle(a->chooser.set, k) : colset_move(a->chooser.set, k, ch == '-' ? -1 : 1)) {
		items(a);
		a->chooser.done(a);
	}
	return 1;
}

static void take(struct app *a, int i)
{
	(void)i;
	a->chooser.done(a);
}

void chooser_open(struct app *a, const char *title, struct colset *set, const struct col_spec *spec,
		  void (*done)(struct app *a))
{
	a->chooser = (struct chooser){ set, spec, done };
	menu_open(&a->menu, title, take);
	a->menu.key = key;
	items(a);
}
