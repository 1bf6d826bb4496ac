/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The dashboard's settings from the config file at start, and back into it
 * on quit (tui/config.c reads and writes the file). */
#include <stdio.h>
#include <string.h>

#include "tui/app.h"
#include "tui/config.h"

const char *const pcol_names[PC_N] = {
	[PC_PID] = "pid",	[PC_USER] = "user",	    [PC_STATE] = "state",     [PC_CPU] = "cpu",
	[PC_CGROUP] = "cgroup", [PC_VIRT] = "virt",	    [PC_RES] = "res",
	[PC_SHR] = "shr",	[PC_SWAP] = "swap",	    [PC_PSS] = "pss",	      [PC_USS] = "uss",
	[PC_OOM] = "oom_score", [PC_ADJ] = "oom_score_adj", [PC_BAR] = "res_of_virt", [PC_CMD] = "command",
};

/* columns = a,b,c (or cgroup_columns): the columns shown, in order; none
 * given, all. A name headroom does not know leaves every column shown. */
static void load_columns(struct app *a, struct colset *s, const char *key, const char *list, const char *const *names,
			 int total)
{
	char bad[64];
	if (colset_parse(s, list, names, total, bad, sizeof(bad)) == 0 || a->settings_bad)
		return;
	snprintf(a->status, sizeof(a->status), "config: %s: no column '%s'; every column shown (the file is kept as it is)",
		 key, bad);
	a->settings_bad = 1;
}

void settings_load(struct app *a)
{
	struct config c;
	char err[256] = "";
	a->settings_bad = config_load(&c, err, sizeof(err)) != 0;
	if (a->settings_bad)
		snprintf(a->status, sizeof(a->status), "%s (the file is kept as it is)", err);
	a->file_interval = c.interval;
	a->interval = a->opt->delay_set ? a->opt->delay : c.interval; /* -d overrides, is not saved */
	a->tree = c.tree;
	a->split = c.split;
	a->warn_pct = c.warn_pct;
	a->crit_pct = c.crit_pct;
	a->sort_asc = c.sort_asc;
	int k = colset_name(pcol_names, PC_N, c.sort);
	a->sort = k < 0 ? PC_RES : (enum pcol)k;
	if (k < 0 && !a->settings_bad) {
		snprintf(a->status, sizeof(a->status),
			 "config: no column '%s' to sort by; sorting by res (the file is kept as it is)", c.sort);
		a->settings_bad = 1;
	}
	a->cg_sort = colset_name(cgcol_names, cgcol_n, c.cg_sort); /* -1: CG_SORT_NONE */
	a->cg_sort_asc = c.cg_sort_asc;
	if (a->cg_sort == CG_SORT_NONE && strcmp(c.cg_sort, "none") != 0 && !a->settings_bad) {
		snprintf(a->status, sizeof(a->status),
			 "config: no cgroup column '%s' to sort by; in tree order (the file is kept as it is)", c.cg_sort);
		a->settings_bad = 1;
	}
	load_columns(a, &a->pshow, "columns", c.columns, pcol_names, PC_N);
	load_columns(a, &a->cshow, "cgroup_columns", c.cg_columns, cgcol_names, cgcol_n);
	a->kthreads = c.kthreads;
	a->folds = c.folds; /* the app owns them now */
}

int settings_save(const struct app *a, char *err, size_t errlen)
{
	if (a->settings_bad)
		return 0; /* it held lines headroom could not read: leave it to its owner */
	struct config c;
	config_defaults(&c);
	snprintf(c.sort, sizeof(c.sort), "%s", pcol_names[a->sort]);
	c.sort_asc = a->sort_asc;
	snprintf(c.cg_sort, sizeof(c.cg_sort), "%s", a->cg_sort == CG_SORT_NONE ? "none" : cgcol_names[a->cg_sort]);
	c.cg_sort_asc = a->cg_sort_asc;
	colset_format(&a->pshow, pcol_names, c.columns, sizeof(c.columns));
	colset_format(&a->cshow, cgcol_names, c.cg_columns, sizeof(c.cg_columns));
	c.kthreads = a->kthreads;
	c.warn_pct = a->warn_pct;
	c.crit_pct = a->crit_pct;
	c.interval = a->interval_keyed ? a->interval : a->file_interval;
	c.tree = a->tree;
	c.split = a->split;
	c.folds = a->folds; /* borrowed: not freed here */
	return config_save(&c, err, errlen);
}
