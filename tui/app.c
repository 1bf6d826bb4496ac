/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "tui/app.h"

#include <curses.h>
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/xalloc.h"
#include "tui/style.h"
#include "tui/term.h"

static double mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

enum style app_headroom_style(const struct app *a, const struct cg_sample *c)
{
	const struct cg_norm *n = &c->n;
	if (!val_is_ok(n->usage) || !val_is_ok(n->eff_limit) || n->eff_limit.v == 0)
		return ST_NORMAL;
	/* page cache is reclaimable: a cgroup full of cache is not in danger */
	uint64_t rec = val_is_ok(n->reclaimable) ? n->reclaimable.v : 0;
	uint64_t hard = n->usage.v > rec ? n->usage.v - rec : 0;
	double pct = 100.0 * (double)hard / (double)n->eff_limit.v;
	return pct >= a->crit_pct ? ST_CRIT : pct >= a->warn_pct ? ST_WARN : ST_OK;
}

/* ---- overview rows and the selection kept by path ---- */

void app_rows_refresh(struct app *a)
{
	a->rows = xreallocarray(a->rows, a->cur->ncg ? a->cur->ncg : 1, sizeof(*a->rows));
	a->nrows = rows_build(a->cur, a->tree, &a->folds, a->cg_filter, a->rows);
	int sel = 0;
	for (size_t i = 0; a->sel_path && i < a->nrows; i++)
		if (strcmp(a->cur->cgs[a->rows[i].cg].path, a->sel_path) == 0)
			sel = (int)i;
	a->cgl.sel = sel;
	list_resize(&a->cgl, (int)a->nrows, LINES - overview_list_top() - 1);
}

static const struct cg_sample *selected_cg(const struct app *a)
{
	return a->cgl.sel >= 0 && (size_t)a->cgl.sel < a->nrows ? &a->cur->cgs[a->rows[a->cgl.sel].cg] : NULL;
}

static void remember_selection(struct app *a)
{
	const struct cg_sample *c = selected_cg(a);
	free(a->sel_path);
	a->sel_path = c ? xstrdup(c->path) : NULL;
	if (a->view == VIEW_PROCS && a->pl.sel >= 0 && (size_t)a->pl.sel < a->nprow)
		a->sel_pid = a->cur->procs[a->prow[a->pl.sel]].pid;
}

static void take_sample(struct app *a)
{
	if (driver_next(&a->drv) != 0) {
		snprintf(a->fatal, sizeof(a->fatal), "the cgroup shown went away");
		a->quit = 1;
		return;
	}
	a->prev = a->drv.prev;
	a->cur = a->drv.cur;
	history_push(&a->hist, a->cur);
	app_rows_refresh(a);
	if (a->view == VIEW_PROCS)
		procview_update(a);
	else if (a->view == VIEW_PROCMAPS)
		mapview_update(a);
}

/* ---- keys ---- */

static void set_interval(struct app *a, int faster)
{
	static const double steps[] = { INTERVAL_MIN, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30, 60 }; /* within the range */
	int n = (int)(sizeof(steps) / sizeof(steps[0])), i = 0;
	while (i < n - 1 && steps[i] < a->interval - 1e-9)
		i++;
	i = faster ? (i > 0 ? i - 1 : 0) : (i < n - 1 ? i + 1 : n - 1);
	a->interval = steps[i];
	a->interval_keyed = 1;
	a->next = mono() + a->interval;
	snprintf(a->status, sizeof(a->status), "refresh every %gs", a->interval);
}

static struct listview *current_list(struct app *a)
{
	switch (a->view) {
	case VIEW_PROCS: return &a->pl;
	case VIEW_CGINFO: return &a->il;
	case VIEW_PROCMAPS: return &a->ml;
	default: return &a->cgl;
	}
}

static int list_top(const struct app *a)
{
	switch (a->view) {
	case VIEW_PROCS: return procview_list_top();
	case VIEW_CGINFO: return infoview_list_top();
	case VIEW_PROCMAPS: return mapview_list_top();
	default: return overview_list_top();
	}
}

static const struct proc_sample *selected_proc(const struct app *a)
{
	return a->pl.sel >= 0 && (size_t)a->pl.sel < a->nprow ? &a->cur->procs[a->prow[a->pl.sel]] : NULL;
}

/* Back from a detail screen to the one it was opened from. */
static void go_back(struct app *a, enum view to)
{
	a->view = to;
	if (to == VIEW_PROCS)
		procview_update(a);
}

static void open_procs(struct app *a, const char *cg)
{
	free(a->proc_cg);
	a->proc_cg = cg ? xstrdup(cg) : NULL;
	a->view = VIEW_PROCS;
	a->pl = (struct listview){ 0 };
	a->sel_pid = 0;
	procview_update(a);
}

static int nav_key(struct listview *l, int ch)
{
	switch (ch) {
	case KEY_UP: case 'k': list_move(l, -1); return 1;
	case KEY_DOWN: case 'j': list_move(l, 1); return 1;
	case KEY_PPAGE: list_move(l, -l->height); return 1;
	case KEY_NPAGE: list_move(l, l->height); return 1;
	case KEY_HOME: case 'g': list_home(l); return 1;
	case KEY_END: case 'G': list_end(l); return 1;
	}
	return 0;
}

static void overview_key(struct app *a, int ch)
{
	const struct cg_sample *c = selected_cg(a);
	switch (ch) {
	case '\r': case '\n': case KEY_ENTER: case KEY_RIGHT:
		if (c)
			open_procs(a, c->path);
		break;
	case 'a': open_procs(a, NULL); break;
	case 'i':
		if (c)
			infoview_open(a, c->path);
		break;
	case 't': a->tree = !a->tree; app_rows_refresh(a); break;
	case ' ': case '+': case '-':
		if (c && a->tree && (ch == ' ' || (ch == '-') != folds_has(&a->folds, c->path)))
			folds_toggle(&a->folds, c->path);
		app_rows_refresh(a);
		break;
	}
}

static int is_back(int ch)
{
	return ch == 27 || ch == KEY_BACKSPACE || ch == 127 || ch == KEY_LEFT;
}

/* The cgroup detail of a process's cgroup. */
static void proc_cgroup_info(struct app *a, const struct proc_sample *p)
{
	if (p && p->cg >= 0)
		infoview_open(a, a->cur->cgs[p->cg].path);
	else
		snprintf(a->status, sizeof(a->status), "that process is in no cgroup shown here");
}

static void detail_key(struct app *a, int ch)
{
	if (is_back(ch))
		go_back(a, a->view == VIEW_CGINFO ? a->info_back : a->map_back);
	else if (ch == 'i' && a->view == VIEW_PROCMAPS)
		proc_cgroup_info(a, mapview_proc(a));
}

static void procs_key(struct app *a, int ch)
{
	const struct proc_sample *p = selected_proc(a);
	if (is_back(ch)) {
		a->view = VIEW_OVERVIEW;
		return;
	}
	switch (ch) {
	case '\r': case '\n': case KEY_ENTER: case KEY_RIGHT:
		if (p)
			mapview_open(a, p);
		break;
	case 'i': proc_cgroup_info(a, p); break;
	case '<': case ',': a->sort = a->sort > 0 ? a->sort - 1 : PC_N - 1; procview_update(a); break;
	case '>': case '.': case KEY_F(6): a->sort = (a->sort + 1) % PC_N; procview_update(a); break;
	case 'I': a->sort_asc = !a->sort_asc; procview_update(a); break;
	}
}

static void mouse_key(struct app *a)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	struct listview *l = current_list(a);
	int top = list_top(a);
	if (ev.bstate & BUTTON4_PRESSED)
		list_move(l, -3);
	else if (ev.bstate & BUTTON5_PRESSED)
		list_move(l, 3);
	else if (ev.y >= top && ev.y - top < l->height && l->top + ev.y - top < l->n)
		list_select(l, l->top + ev.y - top);
	else if (ev.y == top - 1 && a->view == VIEW_PROCS)
		procview_click_header(a, ev.x);
}

static void key(struct app *a, int ch)
{
	if (a->help) { /* any key closes the help; q still quits */
		a->help = 0;
		if (ch != 'q')
			return;
	}
	a->status[0] = '\0';
	if (a->input && ch != KEY_RESIZE && ch != KEY_MOUSE) {
		find_key(a, ch);
	} else if (ch == KEY_MOUSE) {
		mouse_key(a);
	} else if (ch == 'q' || ch == KEY_F(10)) {
		a->quit = 1;
	} else if (ch == 'h' || ch == '?' || ch == KEY_F(1)) {
		a->help = 1;
	} else if (ch == 'p') {
		a->paused = !a->paused;
		a->next = mono() + a->interval;
	} else if (ch == '[' || ch == ']') {
		set_interval(a, ch == '[');
	} else if (ch == '/' || ch == '\\') {
		find_start(a, ch);
	} else if ((ch == 'n' || ch == 'N') && (a->view == VIEW_OVERVIEW || a->view == VIEW_PROCS)) {
		find_next(a, ch == 'n' ? 1 : -1);
	} else if (ch == KEY_RESIZE) {
		list_resize(current_list(a), current_list(a)->n, LINES - list_top(a) - 1);
	} else if (!nav_key(current_list(a), ch)) {
		if (a->view == VIEW_PROCS)
			procs_key(a, ch);
		else if (a->view == VIEW_OVERVIEW)
			overview_key(a, ch);
		else
			detail_key(a, ch);
	}
	remember_selection(a);
}

/* ---- the loop ---- */

static void draw(struct app *a)
{
	erase();
	switch (a->view) {
	case VIEW_PROCS: procview_draw(a); break;
	case VIEW_CGINFO: infoview_draw(a); break;
	case VIEW_PROCMAPS: mapview_draw(a); break;
	default: overview_draw(a); break;
	}
	if (a->help)
		helpview_draw(a);
	find_draw(a);
	refresh();
}

static void wait_input(struct app *a)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	double left = a->next - mono();
	int ms = a->paused ? -1 : left <= 0 ? 0 : (int)ceil(left * 1000);
	if (poll(&p, 1, ms) < 0 && errno != EINTR)
		a->quit = 1;
	int ch;
	while (!a->quit && (ch = getch()) != ERR)
		key(a, ch);
}

static void app_free(struct app *a)
{
	driver_free(&a->drv);
	history_free(&a->hist);
	folds_free(&a->folds);
	free(a->rows);
	free(a->prow);
	free(a->sel_path);
	free(a->proc_cg);
	free(a->info_path);
	dlines_free(&a->info);
	procmaps_free(&a->maps);
}

int app_run(struct collector *c, const struct options *o)
{
	return app_run_with(c, o, NULL, NULL);
}

int app_run_with(struct collector *c, const struct options *o, void (*tick)(struct app *a, void *ctx), void *ctx)
{
	struct app a = { .col = c, .opt = o };
	char err[512] = "";
	driver_init(&a.drv, c);
	settings_load(&a);
	if (term_open(o->no_color) != 0) {
		fprintf(stderr, "headroom: cannot set up the terminal\n");
		app_free(&a);
		return 1;
	}
	take_sample(&a);
	a.next = mono() + a.interval;
	while (!a.quit && !term_quit_requested()) {
		if (!a.paused && mono() >= a.next) {
			take_sample(&a);
			a.next += a.interval;
			if (a.next < mono())
				a.next = mono() + a.interval;
		}
		if (tick)
			tick(&a, ctx);
		draw(&a);
		wait_input(&a);
	}
	term_close();
	if (a.fatal[0])
		fprintf(stderr, "headroom: %s\n", a.fatal);
	if (settings_save(&a, err, sizeof(err)) != 0)
		fprintf(stderr, "headroom: %s\n", err);
	app_free(&a);
	return a.fatal[0] ? 1 : 0;
}
