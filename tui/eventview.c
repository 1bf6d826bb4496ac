/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Events (model/events.h): every one since headroom started, newest first,
 * on a screen of their own; the newest in a pane of the overview; a row
 * that flashes where an OOM kill just happened. */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "output/evtext.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "util/clock.h"
#include "widgets/format.h"
#include "widgets/table.h"

#define PANE_EVENTS 4 /* events in the overview's pane */

static const struct events *evs(const struct app *a)
{
	return &a->drv.ev;
}

/* How an event looks: kills and stalls stand out. */
static enum style event_style(const struct event *ev)
{
	switch (ev->kind) {
	case EV_OOM_KILL: return ST_OOM;
	case EV_STALL: return ST_CRIT;
	case EV_LIMIT_HIT: case EV_HIGH: case EV_SWAP: case EV_PRESSURE: return ST_WARN;
	default: return ST_NORMAL;
	}
}

/* Where the kernel log stands, for titles. */
static const char *log_note(const struct app *a)
{
	static char b[200];
	const char *why = evs(a)->no_log;
	if (!why)
		return "victims named by the kernel log";
	snprintf(b, sizeof(b), "victims unknown: %s", why);
	return b;
}

int eventview_flash(const struct app *a, const char *path)
{
	double now = clock_mono();
	for (size_t i = 0; i < evs(a)->n; i++) {
		const struct event *ev = events_get(evs(a), i);
		if (now - ev->mono >= EVENT_FLASH_S)
			return 0; /* newest first: the rest are older */
		if (ev->kind == EV_OOM_KILL &&
		    (strcmp(ev->cgroup, path) == 0 || (ev->told && strcmp(ev->kill.oom_memcg, path) == 0)))
			return 1;
	}
	return 0;
}

/* ---- the pane ---- */

int eventview_pane_lines(const struct app *a, int lines)
{
	size_t n = evs(a)->n < PANE_EVENTS ? evs(a)->n : PANE_EVENTS;
	if (!n || lines < 20)
		return 0; /* a small screen keeps its rows for the cgroups */
	return (int)n + 1;
}

/* One event in a line: its age, then its words. */
static void event_line(int y, const struct event *ev, double now, enum style st)
{
	char age[16], text[1600], line[1700];
	snprintf(line, sizeof(line), "%7s  %s", fmt_age(age, sizeof(age), now - ev->mono),
		 event_text(text, sizeof(text), ev));
	draw_text(y, 0, COLS, line, st, 0);
}

void eventview_pane(const struct app *a, int y, int h)
{
	char t[256];
	snprintf(t, sizeof(t), " EVENTS %llu, newest first (%s)  e: all", (unsigned long long)evs(a)->seq, log_note(a));
	draw_text(y, 0, COLS, t, ST_TITLE, 0);
	double now = clock_mono();
	for (int i = 0; i + 1 < h; i++) {
		const struct event *ev = events_get(evs(a), (size_t)i);
		if (ev)
			event_line(y + 1 + i, ev, now, event_style(ev));
	}
}

/* ---- the screen ---- */

static int eventview_list_top(const struct app *a)
{
	(void)a;
	return 2; /* title, column titles */
}

enum { E_TIME, E_AGE, E_WHAT, E_N };
static const struct col_spec ecols[E_N] = {
	[E_TIME] = { .title = "TIME", .min = 8, .max = 8, .prio = 1 },
	[E_AGE] = { .title = "AGO", .min = 7, .max = 7, .prio = 0, .right = 1 },
	[E_WHAT] = { .title = "EVENT", .min = 20, .max = 0, .prio = 0, .flex = 1 },
};

void eventview_open(struct app *a)
{
	if (a->view != VIEW_EVENTS)
		a->ev_back = a->view == VIEW_PROCS ? VIEW_PROCS : VIEW_OVERVIEW;
	a->view = VIEW_EVENTS;
	a->el = (struct listview){ 0 };
}

static void update(struct app *a)
{
	list_resize(&a->el, (int)evs(a)->n, LINES - eventview_list_top(a) - 1);
}

static void row(int y, const int *w, const struct event *ev, double now, int sel)
{
	enum style st = sel ? ST_SELECTED : event_style(ev);
	char b[1600];
	time_t t = (time_t)ev->wall;
	struct tm tm;
	if (sel || st != ST_NORMAL)
		draw_clear(y, 0, COLS, st);
	strftime(b, sizeof(b), "%H:%M:%S", localtime_r(&t, &tm));
	draw_text(y, table_col_x(w, E_TIME), w[E_TIME], b, st, 0);
	draw_text(y, table_col_x(w, E_AGE), w[E_AGE], fmt_age(b, sizeof(b), now - ev->mono), st, 1);
	draw_text(y, table_col_x(w, E_WHAT), w[E_WHAT], event_text(b, sizeof(b), ev), st, 0);
}

static void eventview_draw(struct app *a)
{
	char t[512];
	int w[E_N];
	const struct events *e = evs(a);
	size_t counters, triggers;
	collector_watch_counts(a->col, &counters, &triggers);
	snprintf(t, sizeof(t), " Events since headroom started: %llu (OOM kills %lu; %s; %zu cgroups and %zu PSI triggers watched)",
		 (unsigned long long)e->seq, e->count[EV_OOM_KILL], log_note(a), counters, triggers);
	draw_text(0, 0, COLS, t, ST_NORMAL, 0);
	table_layout(ecols, E_N, COLS, w);
	draw_clear(1, 0, COLS, ST_TITLE);
	for (int k = 0; k < E_N; k++)
		if (w[k])
			draw_text(1, table_col_x(w, k), w[k], ecols[k].title, ST_TITLE, ecols[k].right);
	update(a);
	double now = clock_mono();
	if (!e->n)
		draw_text(eventview_list_top(a), 0, COLS, " none yet", ST_DIM, 0);
	for (int i = 0; i < a->el.height && a->el.top + i < a->el.n; i++)
		row(eventview_list_top(a) + i, w, events_get(e, (size_t)(a->el.top + i)), now, a->el.top + i == a->el.sel);
	static const struct key_hint hints[] = { { "i Cgroup", 2 }, { "Esc Back", 1 }, { "Up/Down PgUp/PgDn Scroll", 3 },
						 { "F1 Help", 0 },  { "q Quit", 0 } };
	draw_footer(a->status, hints, sizeof(hints) / sizeof(hints[0]));
}

/* ---- keys ---- */

static void back(struct app *a, int ch)
{
	(void)ch;
	a->view = a->ev_back;
}

static void detail(struct app *a, int ch)
{
	(void)ch;
	const struct event *ev = events_get(evs(a), (size_t)(a->el.sel >= 0 ? a->el.sel : 0));
	if (ev && sample_find_cg(a->cur, ev->cgroup) >= 0)
		infoview_open(a, ev->cgroup);
	else
		snprintf(a->status, sizeof(a->status), "%s", ev ? "that cgroup is gone" : "no event selected");
}

static const struct key_action keys[] = {
	KEY_ACTION_DETAIL(detail),
	KEY_ACTION_BACK(back),
};

static struct listview *list(struct app *a)
{
	return &a->el;
}

const struct screen eventview_screen = {
	.name = "events",
	.keys = keys,
	.nkeys = sizeof(keys) / sizeof(keys[0]),
	.update = update,
	.draw = eventview_draw,
	.list = list,
	.list_top = eventview_list_top,
};
