/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_CONFIG_H
#define HEADROOM_CONFIG_H

#include <stddef.h>

#include "tui/rows.h"

/* What the dashboard keeps between runs, in $XDG_CONFIG_HOME/headroom/config
 * (else ~/.config/headroom/config): "key = value" lines, # comments.
 *   sort = res            process sort column (a column title, lower case)
 *   sort_ascending = 0
 *   columns = pid,user,...  the process columns shown, in order (F2); "" all
 *   cgroup_columns = cgroup,usage,...  the cgroup table's, likewise
 *   kernel_threads = 0    list processes without memory (K)
 *   cgroup_sort = none    cgroup sort column (cgroup, usage, limit, pct,
 *   cgroup_sort_ascending = 0   ...; none: the tree's order)
 *   warn_percent = 80     colour thresholds, % of the effective limit
 *   critical_percent = 95 not counting reclaimable page cache
 *   interval = 1          seconds between samples (-d overrides it)
 *   tree = 1              cgroup tree (1) or flat list (0)
 *   split = 50            % of the rows the tree may take above the
 *                         selected cgroup's processes (20 to 80)
 *   fold = /some/path     a folded subtree; one line each */
struct config {
	char sort[16];
	int sort_asc;
	char columns[256];
	char cg_columns[256];
	int kthreads;
	char cg_sort[16];
	int cg_sort_asc;
	int warn_pct, crit_pct;
	double interval;
	int tree;
	int split;
	struct folds folds; /* owned */
};

#define SPLIT_MIN 20
#define SPLIT_MAX 80

void config_defaults(struct config *c);
void config_free(struct config *c);

/* Parse text over c. A line that does not parse is skipped and counted;
 * the first one is described in err ("config line 3: ..."). Returns the
 * number of lines skipped. */
int config_parse(struct config *c, const char *text, char *err, size_t errlen);

/* c as the file's text (malloc'd). */
char *config_format(const struct config *c);

/* The file's path; -1 when neither XDG_CONFIG_HOME nor HOME is set. */
int config_path(char *out, size_t n);

/* Read the file into c (defaults first). Returns 0 (a missing file is
 * fine), or -1 with a message in err: an unreadable file, or lines that
 * were skipped (then saving would lose them: see config_save). */
int config_load(struct config *c, char *err, size_t errlen);

/* Write c to the file (its directory made if missing), replacing it
 * whole through a rename. Returns 0 or -1 with a message in err. */
int config_save(const struct config *c, char *err, size_t errlen);

#endif
