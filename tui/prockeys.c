/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The process screen's keys and its screens (the screen and the pane under
 * the overview's tree): moving on, sorting, the menus (F6 sort by, F2
 * columns, F9 a signal, u a user) and toggles (K kernel threads, H). */
#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/procview.h"
#include "util/xalloc.h"

static void sort_menu_take(struct app *a, int i)
{
	a->sort = (enum pcol)i;
	procview_rows_update(a);
}

static void procmenu_sort(struct app *a, int ch)
{
	(void)ch;
	menu_open(&a->menu, "Sort the processes by", sort_menu_take);
	for (int k = 0; k < PC_N; k++)
		menu_add(&a->menu, pcols[k].title);
	a->menu.sel = (int)a->sort;
}

/* ---- F2: which process columns, in which order ---- */

static void procmenu_columns(struct app *a, int ch)
{
	(void)ch;
	chooser_open(a, "Process columns (saved on quit)", &a->pshow, pcols, procview_rows_update);
}

/* ---- F9: a signal to the selected process ---- */

static const struct {
	int sig;
	const char *name;
} signals[] = { { SIGTERM, "SIGTERM" }, { SIGKILL, "SIGKILL" }, { SIGINT, "SIGINT" },	{ SIGHUP, "SIGHUP" },
		{ SIGSTOP, "SIGSTOP" }, { SIGCONT, "SIGCONT" }, { SIGUSR1, "SIGUSR1" }, { SIGUSR2, "SIGUSR2" } };

/* Why a signal was not sent, in words. */
static const char *refusal(int e)
{
	switch (e) {
	case EPERM: return "not permitted: it is another user's (only root may signal it)";
	case ESRCH: return "it has exited (or its pid is another process's now)";
	case EROFS: return "these are a capture's processes (--root), not this machine's";
	case EBADF: return "headroom keeps no descriptor of it, so cannot tell it is the same process";
	default: return strerror(e);
	}
}

static void kill_take(struct app *a, int i)
{
	int e = collector_signal(a->col, a->kill_pid, a->kill_id, signals[i].sig);
	if (e)
		snprintf(a->status, sizeof(a->status), "%s not sent to %d: %s", signals[i].name, a->kill_pid, refusal(e));
	else
		snprintf(a->status, sizeof(a->status), "%s sent to %d", signals[i].name, a->kill_pid);
}

static void procmenu_kill(struct app *a, int ch)
{
	(void)ch;
	struct ghost g;
	const struct proc_sample *p = procview_selected(a, &g);
	char t[160];
	if (!p || !p->id) {
		snprintf(a->status, sizeof(a->status), "no process to signal here%s", p ? ": it was OOM-killed" : "");
		return;
	}
	a->kill_pid = p->pid;
	a->kill_id = p->id;
	snprintf(t, sizeof(t), "Send to %d: %s", p->pid, proc_command(p));
	menu_open(&a->menu, t, kill_take);
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
		char b[40];
		snprintf(b, sizeof(b), "%2d %s", signals[i].sig, signals[i].name);
		menu_add(&a->menu, b);
	}
}

/* ---- K, H, u: which processes ---- */

static void procmenu_kernel_threads(struct app *a, int ch)
{
	(void)ch;
	a->kthreads = !a->kthreads;
	snprintf(a->status, sizeof(a->status), "processes without memory (kernel threads, zombies) %s",
		 a->kthreads ? "shown" : "hidden");
	procview_rows_update(a);
}

static void procmenu_threads(struct app *a, int ch)
{
	(void)ch;
	snprintf(a->status, sizeof(a->status),
		 "headroom lists processes, not threads (they share their process's memory); K: kernel threads");
}

static void user_take(struct app *a, int i)
{
	snprintf(a->user, sizeof(a->user), "%s", i ? a->menu.items[i] : "");
	procview_rows_update(a);
}

/* htop's u: the users of the processes in view, and every user. */
static void procmenu_user(struct app *a, int ch)
{
	(void)ch;
	size_t *idx = xcalloc(a->cur->nproc + 1, sizeof(*idx)), n = 0; /* in view, whatever the user shown */
	for (size_t i = 0; i < a->cur->nproc; i++)
		if (procview_in_view(a, &a->cur->procs[i]))
			idx[n++] = i;
	procview_details_missing(a, idx, n);
	menu_open(&a->menu, "Show the processes of", user_take);
	menu_add(&a->menu, "every user");
	for (size_t i = 0; i < n; i++) {
		const struct proc_detail *d = &a->cur->procs[idx[i]].d;
		int seen = !d->ok || !d->user;
		for (int k = 1; k < a->menu.n && !seen; k++)
			seen = strcmp(a->menu.items[k], d->user) == 0;
		if (!seen)
			menu_add(&a->menu, d->user);
		if (!seen && strcmp(d->user, a->user) == 0)
			a->menu.sel = a->menu.n - 1;
	}
	free(idx);
}

/* ---- keys, and the screens ---- */

static void remember(struct app *a)
{
	struct ghost g;
	const struct proc_sample *p = procview_selected(a, &g);
	if (p) {
		a->sel_pid = p->pid;
		a->sel_ghost = p->id == 0;
	}
}

static void open_maps(struct app *a, int ch)
{
	(void)ch;
	struct ghost g;
	const struct proc_sample *p = procview_selected(a, &g);
	if (p)
		mapview_open(a, p);
}

static void detail(struct app *a, int ch)
{
	(void)ch;
	struct ghost g;
	const struct proc_sample *p = procview_selected(a, &g);
	const struct event *ev = p && !p->id ? events_kill_of(&a->drv.ev, p->pid) : NULL;
	if (ev && sample_find_cg(a->cur, ev->cgroup) >= 0)
		infoview_open(a, ev->cgroup); /* a ghost's cgroup, while it lives */
	else
		infoview_open_proc(a, p);
}

static void back(struct app *a, int ch)
{
	(void)ch;
	a->view = VIEW_OVERVIEW;
}

/* < >: the column shown left or right of the sort column. */
static void sort_column(struct app *a, int ch)
{
	a->sort = (enum pcol)colset_step(&a->pshow, (int)a->sort, ch == '<' || ch == ',' ? -1 : 1);
	procview_rows_update(a);
}

/* htop's M: by resident memory, largest first. */
static void sort_res(struct app *a, int ch)
{
	(void)ch;
	a->sort = PC_RES;
	a->sort_asc = 0;
	procview_rows_update(a);
}

static void invert(struct app *a, int ch)
{
	(void)ch;
	a->sort_asc = !a->sort_asc;
	procview_rows_update(a);
}

/* Sorting, menus and toggles, in the screen and in the pane. */
#define SORT_ACTIONS                                                                                         \
	KEY_ACTION_SORT(sort_column), KEY_ACTION_SORT_MENU(procmenu_sort), KEY_ACTION_SORT_MEM(sort_res),   \
		KEY_ACTION_INVERT(invert),                                                                   \
		{ .keys = { KEY_F(9) }, .names = "F9", .does = "send the process a signal (a menu)", .fn = procmenu_kill }, \
		{ .keys = { 'u' }, .names = "u", .does = "one user's processes (a menu)", .fn = procmenu_user }, \
		{ .keys = { KEY_F(2) }, .names = "F2", .does = "columns: show, hide, order", .fn = procmenu_columns }, \
		{ .keys = { 'K' }, .names = "K", .does = "kernel threads and zombies: show, hide", .fn = procmenu_kernel_threads }, \
		{ .keys = { 'H' }, .names = "H", .does = "threads: not listed, said why", .fn = procmenu_threads }

static const struct key_action keys[] = {
	KEY_ACTION_ENTER(open_maps),
	KEY_ACTION_DETAIL(detail),
	KEY_ACTION_BACK(back),
	SORT_ACTIONS,
};

/* Esc, Tab in the pane: the keys back to the tree above. */
static void unfocus(struct app *a, int ch)
{
	(void)ch;
	a->pane_focus = 0;
}

/* The pane under the overview's tree has the process screen's keys, but
 * Esc and Tab go back to the tree. */
static const struct key_action pane_keys[] = {
	KEY_ACTION_ENTER(open_maps),
	KEY_ACTION_DETAIL(detail),
	KEY_ACTION_BACK(unfocus),
	KEY_ACTION_PANE(unfocus),
	SORT_ACTIONS,
};

static struct listview *list(struct app *a)
{
	return &a->pl;
}

static char *filter_text(struct app *a)
{
	return a->proc_filter;
}

/* What the screen and the pane share: the rows, their list, search and
 * filter, the column titles. */
#define PROC_ROWS                                                                          \
	.remember = remember, .prepare = procview_prepare, .list = list, .list_top = procview_list_top, \
	.filter = filter_text, .refilter = procview_rows_update, .row_matches = procview_row_matches,   \
	.before_search = procview_details_all, .click_title = procview_click_title

const struct screen procview_screen = {
	.name = "processes",
	.keys = keys,
	.nkeys = sizeof(keys) / sizeof(keys[0]),
	.update = procview_update,
	.draw = procview_draw,
	PROC_ROWS,
};

/* Not a screen of its own: the overview hands it the keys (its focus hook)
 * and draws it (procview_pane); updates come through procview_follow. */
const struct screen procpane_screen = {
	.name = "processes pane",
	.keys = pane_keys,
	.nkeys = sizeof(pane_keys) / sizeof(pane_keys[0]),
	PROC_ROWS,
};
