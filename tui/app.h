/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_APP_H
#define HEADROOM_APP_H

#include <stddef.h>
#include <stdint.h>

#include "collectors/collector.h"
#include "driver/driver.h"
#include "model/history.h"
#include "collectors/procmaps.h"
#include "cli/options.h"
#include "tui/chooser.h"
#include "tui/dlines.h"
#include "tui/menu.h"
#include "tui/rows.h"
#include "tui/screen.h"
#include "tui/style.h"
#include "widgets/colset.h"
#include "widgets/listview.h"

/* The live dashboard: its state. The driver's loop (driver/driver.h) takes
 * the samples; between them the manager draws and waits in poll() on the
 * terminal (scan -> update -> draw). */

enum view {
	VIEW_OVERVIEW,
	VIEW_PROCS,
	VIEW_CGINFO,  /* one cgroup: every file, every memory.stat key with its rate */
	VIEW_PROCMAPS, /* one process: its smaps mappings, grouped */
	VIEW_EVENTS    /* every event since headroom started */
};

/* A guest of the dashboard (lab mode), see app_run_with. */
typedef const char *(*app_guest_fn)(void *ctx, const struct sample *cur, const struct events *ev, double *next_in);

/* Process table columns, in display order. */
enum pcol {
	PC_PID,
	PC_USER,
	PC_STATE,
	PC_CPU,
	PC_VIRT,
	PC_RES,
	PC_SHR,
	PC_SWAP,
	PC_PSS,
	PC_USS,
	PC_OOM,
	PC_ADJ,
	PC_BAR,
	PC_CGROUP,
	PC_CMD,
	PC_N
};

struct app {
	const struct screen *scr; /* the screen of view, set by the manager */
	struct collector *col;
	const struct options *opt;
	struct driver drv;
	struct sample *cur, *prev; /* drv's current and previous samples */
	double interval, next; /* seconds; CLOCK_MONOTONIC of the next sample */
	double file_interval;  /* the settings file's: saved back unless changed on screen */
	int interval_keyed;    /* the interval was changed with a key (then it is saved) */
	int paused, help, quit;
	long taken; /* samples drawn; with -n N the N-th is the last */
	int help_top, help_scrolls; /* the help's first line shown; it does not fit (helpview_draw) */
	enum view view;
	int warn_pct, crit_pct; /* of the effective limit, not counting reclaimable */
	int settings_bad;	/* the config file had lines headroom could not read */
	/* overview */
	struct cg_row *rows;
	size_t nrows;
	struct listview cgl;
	struct folds folds;
	int tree;
	char *sel_path; /* selected cgroup, kept across samples */
	int split;	/* % of the rows under the header the tree may take above the processes */
	int cg_sort;	/* the cgroup column the rows are sorted by (siblings, in a tree); CG_SORT_NONE */
	int cg_sort_asc;
	int pane_focus; /* the keys go to the process pane under the tree */
	struct colset cshow; /* the cgroup columns shown, in order (F2) */
	/* processes */
	char *proc_cg; /* show this cgroup's subtree; NULL for every process */
	size_t *prow;  /* indices into cur->procs, sorted */
	size_t nprow;
	uint64_t *ghosts; /* OOM-killed processes of the view, shown first: event seqs */
	size_t nghost;
	struct listview pl;
	int proc_top, proc_rows; /* where the process rows are: set by the screen showing them */
	int sel_pid;
	int sel_ghost; /* the selected row is an OOM-killed process's */
	enum pcol sort;
	int sort_asc;
	struct colset pshow; /* the process columns shown, in order (F2) */
	int kthreads;	 /* K: list processes without memory (kernel threads, zombies) too */
	char user[40];	 /* u: only this user's processes; "" every user's */
	double smaps_at; /* when smaps_rollup was last read */
	/* cgroup detail: the cgroup at info_path */
	enum view info_back; /* the view Esc returns to */
	char *info_path;
	int info_alive; /* the cgroup is in the current sample */
	struct dlines info;
	struct listview il;
	/* process detail: map_pid, the instance map_id */
	enum view map_back;
	int map_pid;
	uint64_t map_id;
	int map_err;	 /* errno of the last smaps read; ESRCH once the process is gone */
	double maps_at; /* when smaps was last read */
	struct procmaps maps;
	struct listview ml;
	char *map_cg, *map_cmd; /* its cgroup and command, kept when it is gone */
	double map_seen;	/* the sample it was last seen alive in (mono) */
	/* events */
	enum view ev_back;
	struct listview el;
	double wake;  /* CLOCK_MONOTONIC when the screen changes without a sample (a flash ends) */
	double drawn; /* CLOCK_MONOTONIC of the last draw */
	int burst;    /* events came: the next draw waits until 100 ms after the last */
	const struct driver_loop *loop;
	/* search and filter: the footer becomes a line editor while input is
	 * '/' (search: select the next row that matches) or '\\' (filter:
	 * show only rows that match) */
	int input;
	char line[64];
	char search[64];
	char cg_filter[64], proc_filter[64]; /* "" none */
	char status[128]; /* a message for the footer */
	struct menu menu; /* F6 sort, F9 signal, F2 columns, u user: over the screen while open */
	struct chooser chooser; /* F2: the table whose columns the menu chooses */
	int kill_pid;	  /* F9's target, a process instance of the sample */
	uint64_t kill_id;
	int status_guest; /* status holds the guest's line, not a message of ours */
	app_guest_fn guest;
	void *guest_ctx;
	char fatal[128];  /* why the loop ended, printed after the terminal is restored */
};

/* The dashboard: the screen manager (tui/app.c) runs it. */
int app_run(struct collector *c, const struct options *o);
/* The same with a guest (lab mode): each time round the loop guest sees the
 * current sample and the events, and may give a line for the footer (or
 * NULL), shown where no message of the dashboard's is, and ask for the next
 * sample sooner: *next_in seconds after the current one (it starts as
 * INFINITY: no wish; never later than the interval, never while paused).
 * The guest sees nothing else of it. */
int app_run_with(struct collector *c, const struct options *o, app_guest_fn guest, void *ctx);

/* The screen, or its pane, that has the keys and the moving keys' list
 * (inline: the key files use it, and the manager uses them). */
static inline const struct screen *app_keyed(const struct app *a)
{
	const struct screen *f = a->scr->focus ? a->scr->focus(a) : NULL;
	return f ? f : a->scr;
}

/* The process pane under the overview's tree (tui/procview.c): the
 * processes of cgroup path (already the shown ones: kept as they are) with
 * its first row at y (title, column titles, then rows), in h rows. */
void procview_follow(struct app *a, const char *path, int y, int h);
void procview_pane(struct app *a, int y, int h, int focused);

/* Settings kept between runs (tui/settings.c, the file: tui/config.h). */
extern const char *const pcol_names[PC_N]; /* sort column names */
/* The cgroup table's columns by name (tui/overview.c), for its sort: none
 * asked is the tree's order (flat: largest first). */
#define CG_SORT_NONE (-1)
extern const char *const cgcol_names[];
extern const int cgcol_n;
void settings_load(struct app *a);
/* Returns 0, or -1 with a message in err. */
int settings_save(const struct app *a, char *err, size_t errlen);

/* Moving between screens: each sets a->view (the manager then updates the
 * screen entered). A screen may open another; none opens one that opens
 * it back (overview -> processes -> mappings, each -> cgroup detail). */
void procview_open(struct app *a, const char *cg); /* a cgroup's processes, or all (NULL) */
void infoview_open(struct app *a, const char *path);
/* The detail of the cgroup process p is in, or a word in the footer why not. */
void infoview_open_proc(struct app *a, const struct proc_sample *p);
void mapview_open(struct app *a, const struct proc_sample *p);
void eventview_open(struct app *a);

/* The events pane of the overview (tui/eventview.c): the newest events in
 * the lines from y, under a title; how many lines it wants for a screen of
 * `lines` (0 while there are none). */
int eventview_pane_lines(const struct app *a, int lines);
void eventview_pane(const struct app *a, int y, int h);
/* An OOM kill in path (its victim's cgroup, or the one whose limit fired)
 * within the last EVENT_FLASH_S seconds: its row flashes. */
#define EVENT_FLASH_S 3.0
int eventview_flash(const struct app *a, const char *path);

#endif
