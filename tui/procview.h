/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_PROCVIEW_H
#define HEADROOM_PROCVIEW_H
/* The process screen's parts, between its files, layered: tui/prockeys.c
 * (its keys, menus and the screen tables) over tui/procview.c (rows,
 * sorting, details, drawing) over tui/ghosts.c (the rows of processes
 * OOM-killed lately). */
#include "tui/app.h"
#include "widgets/table.h"

extern const struct col_spec pcols[PC_N];

/* The rows again from the current sample (the view, filter, user, sort). */
void procview_rows_update(struct app *a);
/* Is process p, or a cgroup path (NULL: none; tui/ghosts.c), in the
 * subtree shown. */
int procview_in_view(const struct app *a, const struct proc_sample *p);
int procview_path_in_view(const struct app *a, const char *path);
/* libproc2 details for procs[rows[0..n)] that have none in this sample. */
void procview_details_missing(struct app *a, const size_t *rows, size_t n);
/* What a row says its command is: the command line, else the name. */
const char *proc_command(const struct proc_sample *p);

/* A row for the victim of an OOM kill: its last figures, its strings. */
struct ghost {
	struct proc_sample p;
	char user[32], cmd[320];
};

/* The kills of the last minute in the subtree shown whose victim is not
 * (any more) among the processes: a->ghosts, shown first. */
void ghosts_find(struct app *a);
/* Ghost row `row` matches text (search, filter). */
int ghosts_row_matches(const struct app *a, int row, const char *text);
/* The process of list row `row`: a live one, or a ghost built in g. */
const struct proc_sample *procview_row(const struct app *a, int row, struct ghost *g);
/* The selected row's process, likewise. */
const struct proc_sample *procview_selected(const struct app *a, struct ghost *g);

/* The screen's parts the screen tables (tui/prockeys.c) name. */
void procview_update(struct app *a);
void procview_prepare(struct app *a); /* details for the rows in view */
void procview_draw(struct app *a);
int procview_list_top(const struct app *a);
int procview_row_matches(struct app *a, int row, const char *text);
void procview_details_all(struct app *a);
void procview_click_title(struct app *a, int x);
#endif
