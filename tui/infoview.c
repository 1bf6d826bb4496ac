/* SPDX-License-Identifier: GPL-2.0-or-later */
/* One cgroup in full: every figure, file and memory.stat key, with rates and
 * where each comes from (the lines are built by tui/cginfo.c). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/xalloc.h"
#include "tui/app.h"
#include "tui/cginfo.h"
#include "tui/draw.h"
#include "util/clock.h"
#include "widgets/table.h"

enum { I_LABEL, I_VALUE, I_RATE, I_NOTE, I_N };
static const struct col_spec icols[I_N] = {
	[I_LABEL] = { .title = "FIGURE / KEY", .min = 14, .max = 32, .prio = 0, .flex = 1 }, /* v1 memory.memsw.max_usage_in_bytes */
	[I_VALUE] = { .title = "VALUE", .min = 14, .max = 16, .prio = 0, .right = 1 }, /* PSI: 3 averages */
	[I_RATE] = { .title = "PER SECOND", .min = 10, .max = 12, .prio = 1, .right = 1 },
	[I_NOTE] = { .title = "SOURCE / NOTE", .min = 8, .max = 0, .prio = 2, .flex = 1 },
};

static int infoview_list_top(const struct app *a)
{
	(void)a;
	return 2; /* title, column titles */
}

void infoview_open(struct app *a, const char *path)
{
	free(a->info_path);
	a->info_path = xstrdup(path);
	a->info_back = a->view;
	a->view = VIEW_CGINFO;
	a->il = (struct listview){ 0 };
}

void infoview_open_proc(struct app *a, const struct proc_sample *p)
{
	if (p && p->cg >= 0)
		infoview_open(a, a->cur->cgs[p->cg].path);
	else
		snprintf(a->status, sizeof(a->status), "that process is in no cgroup shown here");
}

/* The lines for the current sample; a cgroup that went away keeps its last
 * lines and says so. */
static void update(struct app *a)
{
	int i = sample_find_cg(a->cur, a->info_path);
	a->info_alive = i >= 0;
	if (i >= 0)
		cginfo_build(a->cur, a->prev, (size_t)i, &a->drv.ev, clock_mono(), &a->info);
}

static void row(int y, const int *w, const struct dline *l, int sel)
{
	enum style st = sel ? ST_SELECTED : l->st;
	if (sel)
		draw_clear(y, 0, COLS, ST_SELECTED);
	if (l->heading) {
		draw_text(y, 0, COLS, l->label, sel ? ST_SELECTED : ST_TITLE, 0);
		return;
	}
	const char *cells[I_N] = { l->label, l->value, l->rate, l->note };
	for (int k = 0; k < I_N; k++)
		if (w[k])
			draw_text(y, table_col_x(w, k), w[k], cells[k], k == I_NOTE && !sel ? ST_DIM : st,
				  icols[k].right);
}

static void infoview_draw(struct app *a)
{
	char t[512];
	int w[I_N], alive = a->info_alive;
	snprintf(t, sizeof(t), " Cgroup %s (memory cgroup v%d)%s", a->info_path, a->cur->version,
		 alive ? "" : " - gone; last figures shown");
	draw_text(0, 0, COLS, t, alive ? ST_NORMAL : ST_CRIT, 0);
	table_layout(icols, I_N, COLS, w);
	draw_clear(1, 0, COLS, ST_TITLE);
	for (int k = 0; k < I_N; k++)
		if (w[k])
			draw_text(1, table_col_x(w, k), w[k], icols[k].title, ST_TITLE, icols[k].right);
	list_resize(&a->il, (int)a->info.n, LINES - infoview_list_top(a) - 1);
	for (int i = 0; i < a->il.height && a->il.top + i < a->il.n; i++)
		row(infoview_list_top(a) + i, w, &a->info.v[a->il.top + i], a->il.top + i == a->il.sel);
	static const struct key_hint hints[] = { { "Esc Back", 1 }, { "Up/Down PgUp/PgDn Scroll", 3 }, { "F1 Help", 0 },
						 { "q Quit", 0 } };
	draw_footer(a->status, hints, sizeof(hints) / sizeof(hints[0]));
}

static void back(struct app *a, int ch)
{
	(void)ch;
	a->view = a->info_back;
}

static const struct key_action keys[] = {
	KEY_ACTION_BACK(back),
};

static struct listview *list(struct app *a)
{
	return &a->il;
}

const struct screen infoview_screen = {
	.name = "cgroup detail",
	.keys = keys,
	.nkeys = sizeof(keys) / sizeof(keys[0]),
	.update = update,
	.draw = infoview_draw,
	.list = list,
	.list_top = infoview_list_top,
};
