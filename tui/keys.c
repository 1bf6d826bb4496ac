/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "tui/keys.h"

#include <curses.h>
#include <stdio.h>

#include "tui/app.h"
#include "tui/find.h"
#include "util/clock.h"
#include "widgets/listview.h"

#define N(t) (sizeof(t) / sizeof((t)[0]))

const struct key_action *keys_find(const struct key_action *k, size_t n, int ch)
{
	for (size_t i = 0; i < n; i++)
		for (int j = 0; j < KEY_ACTION_KEYS && k[i].keys[j]; j++)
			if (k[i].keys[j] == ch)
				return &k[i];
	return NULL;
}

/* ---- moving in the screen's list ---- */

static void move_in_list(struct app *a, int ch)
{
	struct listview *l = app_keyed(a)->list(a);
	switch (ch) {
	case KEY_UP: case 'k': list_move(l, -1); break;
	case KEY_DOWN: case 'j': list_move(l, 1); break;
	case KEY_PPAGE: list_move(l, -l->height); break;
	case KEY_NPAGE: list_move(l, l->height); break;
	case KEY_HOME: case 'g': list_home(l); break;
	case KEY_END: case 'G': list_end(l); break;
	}
}

const struct key_action nav_keys[] = {
	{ .keys = { KEY_UP, 'k', KEY_DOWN, 'j' }, .names = "Up Down j k", .does = "move", .fn = move_in_list },
	{ .keys = { KEY_PPAGE, KEY_NPAGE, KEY_HOME, 'g', KEY_END, 'G' },
	  .names = "PgUp PgDn Home End g G",
	  .does = "by a page; to the top, the end",
	  .fn = move_in_list },
};
const size_t nav_nkeys = N(nav_keys);

/* ---- the dashboard's own ---- */

static void quit(struct app *a, int ch)
{
	(void)ch;
	a->quit = 1;
}

static void help(struct app *a, int ch)
{
	(void)ch;
	a->help = 1;
}

static void pause_resume(struct app *a, int ch)
{
	(void)ch;
	a->paused = !a->paused;
	a->next = clock_mono() + a->interval;
}

/* [ faster, ] slower, through steps within the interval's range. */
static void interval(struct app *a, int ch)
{
	static const double steps[] = { INTERVAL_MIN, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30, 60 };
	int n = (int)N(steps), i = 0;
	while (i < n - 1 && steps[i] < a->interval - 1e-9)
		i++;
	i = ch == '[' ? (i > 0 ? i - 1 : 0) : (i < n - 1 ? i + 1 : n - 1);
	a->interval = steps[i];
	a->interval_keyed = 1;
	a->next = clock_mono() + a->interval;
	snprintf(a->status, sizeof(a->status), "refresh every %gs", a->interval);
}

/* / and \ open the editor; n and N go to the next or previous match. */
static void search_filter(struct app *a, int ch)
{
	if (!app_keyed(a)->row_matches)
		snprintf(a->status, sizeof(a->status), "nothing to search or filter here");
	else if (ch == 'n' || ch == 'N')
		find_next(a, ch == 'n' ? 1 : -1);
	else
		find_start(a, ch == KEY_F(3) ? '/' : ch == KEY_F(4) ? '\\' : ch); /* htop's F3, F4 */
}

static void events(struct app *a, int ch)
{
	(void)ch;
	eventview_open(a);
}

const struct key_action global_keys[] = {
	{ .keys = { 'e' }, .names = "e", .does = "events: every one since headroom started", .fn = events },
	{ .keys = { '/', KEY_F(3), 'n', 'N' }, .names = "/ F3 n N", .does = "search; next, previous match",
	  .fn = search_filter },
	{ .keys = { '\\', KEY_F(4) }, .names = "\\ F4", .does = "filter the rows (Esc in the editor clears it)",
	  .fn = search_filter },
	{ .keys = { 'p' }, .names = "p", .does = "pause, resume", .fn = pause_resume },
	{ .keys = { '[', ']' }, .names = "[ ]", .does = "refresh faster, slower", .fn = interval },
	{ .names = "mouse", .does = "click a row; click a column title to sort; wheel" },
	{ .keys = { 'h', '?', KEY_F(1) }, .names = "h ? F1", .does = "this help", .fn = help },
	{ .keys = { 'q', KEY_F(10) }, .names = "q F10 Ctrl-C", .does = "quit", .fn = quit },
};
const size_t global_nkeys = N(global_keys);
