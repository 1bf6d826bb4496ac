/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_SCREEN_H
#define HEADROOM_SCREEN_H

#include <stddef.h>

/* A screen of the dashboard owns its drawing and its keys; the screen
 * manager (tui/app.c) dispatches to it through this table, and draws the
 * help from the key tables (as htop's Action_setBindings). A screen calls
 * no function of the manager: it changes struct app (a->view to move to
 * another screen) and the manager does the rest. */
struct app;
struct listview;

#define KEY_ACTION_KEYS 6

/* One action and the keys that do it. */
struct key_action {
	int keys[KEY_ACTION_KEYS]; /* curses key codes; 0 ends the list (none: shown in help only) */
	const char *names;	   /* the keys as the help, README and man page write them */
	const char *does;	   /* what it does, a few words */
	void (*fn)(struct app *a, int ch);
};

/* Actions several screens have, written once: the help lists an action
 * once when its keys' names and words are the same everywhere. (Key codes
 * from curses, which the screens include.) */
#define KEY_ACTION_ENTER(f)                                                                                  \
	{ .keys = { '\r', '\n', KEY_ENTER, KEY_RIGHT }, .names = "Enter Right",                              \
	  .does = "a cgroup's processes; a process's mappings", .fn = (f) }
#define KEY_ACTION_DETAIL(f) { .keys = { 'i' }, .names = "i", .does = "cgroup detail (from a process: its cgroup)", .fn = (f) }
#define KEY_ACTION_BACK(f)                                                                                   \
	{ .keys = { 27, KEY_BACKSPACE, 127, KEY_LEFT }, .names = "Esc Backspace Left", .does = "back", .fn = (f) }

struct screen {
	const char *name;
	const struct key_action *keys;
	size_t nkeys;
	/* After a new sample, and when the screen is entered (may be NULL). */
	void (*update)(struct app *a);
	/* After each key: note what is selected (by path, by pid) so that the
	 * next sample keeps it selected (may be NULL). */
	void (*remember)(struct app *a);
	/* Before drawing: everything drawing needs that is read from the kernel
	 * (details of the rows in view); drawing itself reads nothing. May be
	 * NULL. */
	void (*prepare)(struct app *a);
	void (*draw)(struct app *a);
	struct listview *(*list)(struct app *a); /* the list the moving keys move */
	int (*list_top)(const struct app *a);	  /* screen rows above that list */
	/* Search and filter (tui/find.c); NULL where the screen has neither. */
	char *(*filter)(struct app *a);		/* the filter text, sizeof(a->cg_filter) long */
	void (*refilter)(struct app *a);	/* apply a changed filter */
	int (*row_matches)(struct app *a, int row, const char *text);
	void (*before_search)(struct app *a); /* fetch what matching needs, for every row */
	/* A click on the column titles at x (may be NULL). */
	void (*click_title)(struct app *a, int x);
	/* The pane of this screen that has the keys and the moving keys' list
	 * now (app_keyed), or NULL: the screen itself. */
	const struct screen *(*focus)(const struct app *a);
};

/* Sorting, where a table sorts (the cgroups, the processes). */
#define KEY_ACTION_SORT(f)                                                                                   \
	{ .keys = { '<', ',', '>', '.' }, .names = "< > , .", .does = "sort by the column before, after",       \
	  .fn = (f) }
#define KEY_ACTION_SORT_MEM(f)                                                                               \
	{ .keys = { 'M' }, .names = "M", .does = "sort by memory (RES, USAGE), largest first", .fn = (f) }
#define KEY_ACTION_INVERT(f) { .keys = { 'I' }, .names = "I", .does = "invert the sort", .fn = (f) }

#define KEY_ACTION_SORT_MENU(f)                                                                              \
	{ .keys = { KEY_F(6) }, .names = "F6", .does = "sort by: a menu of the columns", .fn = (f) }

/* Tab: between the overview's cgroup tree and its process pane. */
#define KEY_ACTION_PANE(f)                                                                                   \
	{ .keys = { '\t', KEY_BTAB }, .names = "Tab", .does = "between the cgroups and their processes below",   \
	  .fn = (f) }

/* The screens, one file each. */
extern const struct screen overview_screen; /* tui/overview.c */
extern const struct screen procview_screen; /* tui/prockeys.c */
extern const struct screen infoview_screen; /* tui/infoview.c */
extern const struct screen mapview_screen;  /* tui/mapview.c */
extern const struct screen eventview_screen; /* tui/eventview.c */
extern const struct screen procpane_screen; /* tui/prockeys.c: the processes under the overview's tree */

#endif
