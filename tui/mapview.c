/* SPDX-License-Identifier: GPL-2.0-or-later */
/* One process in full: its smaps mappings grouped (heap, stack, anonymous
 * mmap, shared libraries, other files, shmem/tmpfs, kernel), then each
 * mapping by RSS, with the statm fields and the status/oom figures. */
#include <curses.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/diagnose.h"
#include "tui/app.h"
#include "util/clock.h"
#include "util/xalloc.h"
#include "tui/draw.h"
#include "widgets/format.h"
#include "widgets/table.h"

#define B(v) fmt_bytes((char[16]){ 0 }, 16, (v))
#define S(v) fmt_size((char[16]){ 0 }, 16, (v))

enum { M_NAME, M_SIZE, M_RSS, M_PSS, M_PRIV, M_SWAP, M_PERM, M_ADDR, M_N };
static const struct col_spec mcols[M_N] = {
	[M_NAME] = { .title = "MAPPING", .min = 12, .max = 0, .prio = 0, .flex = 1 },
	[M_SIZE] = { .title = "SIZE", .min = 6, .max = 7, .prio = 0, .right = 1 },
	[M_RSS] = { .title = "RSS", .min = 6, .max = 7, .prio = 0, .right = 1 },
	[M_PSS] = { .title = "PSS", .min = 6, .max = 7, .prio = 1, .right = 1 },
	[M_PRIV] = { .title = "PRIVATE", .min = 7, .max = 7, .prio = 1, .right = 1 },
	[M_SWAP] = { .title = "SWAP", .min = 6, .max = 7, .prio = 2, .right = 1 },
	[M_PERM] = { .title = "PERM", .min = 4, .max = 4, .prio = 3 },
	[M_ADDR] = { .title = "ADDRESS", .min = 25, .max = 25, .prio = 4 },
};
#define GROUP_ROWS (SG_N + 3) /* the groups, the total, a blank line, the mappings' title */

static int mapview_list_top(const struct app *a)
{
	(void)a;
	return 4; /* title, statm, status figures, column titles */
}

/* The process in the current sample, or NULL once it has exited (a reused
 * pid is another process: its id differs) or been OOM-killed since. */
static struct proc_sample *mapview_proc(const struct app *a)
{
	struct proc_sample *p = sample_find_proc(a->cur, a->map_pid);
	return p && p->id == a->map_id && !p->oom_killed ? p : NULL;
}

static int by_rss(const void *x, const void *y)
{
	const struct smap *m = x, *n = y;
	if (m->f.rss != n->f.rss)
		return m->f.rss < n->f.rss ? 1 : -1;
	return (m->start > n->start) - (m->start < n->start);
}

/* Keep p's cgroup and command: they are shown once it is gone. A dying
 * process's command line reads empty: the one read while it lived stays. */
static void keep_names(struct app *a, const struct proc_sample *p)
{
	const char *cmd = !p->d.ok				? NULL
			  : p->d.cmdline && *p->d.cmdline ? p->d.cmdline
			  : a->map_cmd			? NULL
							: p->d.comm;
	if (p->cg >= 0) {
		free(a->map_cg);
		a->map_cg = xstrdup(a->cur->cgs[p->cg].path);
	}
	if (cmd) {
		free(a->map_cmd);
		a->map_cmd = xstrdup(cmd);
	}
}

void mapview_open(struct app *a, const struct proc_sample *p)
{
	free(a->map_cg);
	free(a->map_cmd);
	a->map_cg = a->map_cmd = NULL;
	keep_names(a, p);
	a->map_back = a->view;
	a->view = VIEW_PROCMAPS;
	a->map_pid = p->pid;
	a->map_id = p->id;
	a->map_seen = a->cur->mono;
	a->map_err = 0;
	a->maps_at = -1e9;
	procmaps_free(&a->maps);
	for (int i = 0; i < 7; i++)
		a->maps.statm[i] = val_na(NA_NOTREAD);
	a->ml = (struct listview){ 0 };
}

static void mapview_update(struct app *a)
{
	struct proc_sample *p = mapview_proc(a);
	if (!p) {
		a->map_err = ESRCH; /* keep the last reading on screen */
		return;
	}
	size_t idx = (size_t)(p - a->cur->procs);
	collector_details(a->col, a->cur, &idx, 1, 0); /* PSS, USS: from the smaps read below */
	keep_names(a, p);
	a->map_seen = a->cur->mono;
	if (clock_mono() - a->maps_at < 1.0)
		return;
	struct procmaps m = { 0 };
	a->maps_at = clock_mono();
	a->map_err = collector_procmaps(a->col, a->map_pid, &m);
	if (a->map_err == ESRCH || a->map_err == ENOENT) { /* gone: keep the last reading */
		a->map_err = ESRCH;
		procmaps_free(&m);
		return;
	}
	if (m.n > 1)
		qsort(m.maps, m.n, sizeof(*m.maps), by_rss);
	procmaps_free(&a->maps);
	a->maps = m;
}

/* ---- drawing ---- */

static void figs_row(int y, const int *w, const char *name, const struct smap_figs *f, const struct smap *m,
		     enum style st)
{
	char addr[40];
	const char *cells[M_N] = { name, S(f->size), S(f->rss), S(f->pss), S(f->private), S(f->swap), "", "" };
	if (m) {
		snprintf(addr, sizeof(addr), "%012" PRIx64 "-%012" PRIx64, m->start, m->end);
		cells[M_PERM] = m->perms;
		cells[M_ADDR] = addr;
	}
	for (int k = 0; k < M_N; k++)
		if (w[k])
			draw_text(y, table_col_x(w, k), w[k], cells[k], st, mcols[k].right);
}

static void list_row(const struct app *a, int y, const int *w, int i, int sel)
{
	enum style st = sel ? ST_SELECTED : ST_NORMAL;
	if (sel)
		draw_clear(y, 0, COLS, ST_SELECTED);
	if (i < SG_N) {
		figs_row(y, w, smap_group_names[i], &a->maps.group[i], NULL, a->maps.group[i].size ? st : ST_DIM);
	} else if (i == SG_N) {
		figs_row(y, w, "total", &a->maps.total, NULL, sel ? st : ST_TITLE);
	} else if (i == SG_N + 2) {
		draw_text(y, 0, COLS, "Mappings, largest RSS first", sel ? st : ST_TITLE, 0);
	} else if (i > SG_N + 2) {
		const struct smap *m = &a->maps.maps[i - GROUP_ROWS];
		figs_row(y, w, *m->path ? m->path : "[anonymous]", &m->f, m, st);
	}
}

/* The OOM kill that ended the process shown, if one did: the kernel log
 * named its pid after it was last seen alive (a ghost row: never seen). */
static const struct event *killed_by(const struct app *a)
{
	const struct event *ev = events_kill_of(&a->drv.ev, a->map_pid);
	return ev && (!a->map_id || ev->mono >= a->map_seen) ? ev : NULL;
}

static void title(const struct app *a, const struct proc_sample *p)
{
	char t[768], how[64] = " (exited; last reading)", age[16];
	const char *cg = a->map_cg ? a->map_cg : "-", *name = a->map_cmd ? a->map_cmd : "";
	const struct event *ev = p ? NULL : killed_by(a);
	if (ev) {
		snprintf(how, sizeof(how), " (OOM-KILLED %s ago; last reading)", fmt_age(age, sizeof(age), clock_mono() - ev->mono));
		cg = ev->cgroup;
		name = ev->victim.cmdline[0] ? ev->victim.cmdline : ev->kill.comm;
	}
	snprintf(t, sizeof(t), " Process %d%s in %s: %s", a->map_pid, p ? "" : how, cg, name);
	draw_text(0, 0, COLS, t, p ? ST_NORMAL : ev ? ST_OOM : ST_CRIT, 0);
}

/* statm, the status / oom figures from libproc2, PSS and USS. */
static void figures(const struct app *a, const struct proc_sample *p)
{
	char t[512];
	const val_t *sm = a->maps.statm;
	char over[160] = "";
	int oc = p && diag_proc_overcommitted(p, over, sizeof(over));
	snprintf(t, sizeof(t), " statm: size %s  resident %s  shared %s  text %s  data %s%s%s", B(sm[0]), B(sm[1]),
		 B(sm[2]), B(sm[3]), B(sm[5]), oc ? "  -- " : "", over);
	draw_text(1, 0, COLS, t, oc ? ST_WARN : ST_NORMAL, 0);
	const struct event *ev = p ? NULL : killed_by(a);
	if (ev) { /* what the kernel log said of it at its death */
		const struct oom_kill *k = &ev->kill;
		char adj[16] = "N/A";
		if (k->oom_score_adj.st == V_OK)
			snprintf(adj, sizeof(adj), "%lld", (long long)k->oom_score_adj.v);
		snprintf(t, sizeof(t), " at its death (kernel log): total-vm %s  anon-rss %s  file-rss %s  shmem-rss %s  pgtables %s  oom_score_adj %s",
			 B(k->total_vm), B(k->anon_rss), B(k->file_rss), B(k->shmem_rss), B(k->pgtables), adj);
		draw_text(2, 0, COLS, t, ST_OOM, 0);
		return;
	}
	if (!p || !p->d.ok) {
		draw_text(2, 0, COLS, " status: N/A", ST_DIM, 0);
		return;
	}
	const struct proc_detail *d = &p->d;
	char sc[16] = "N/A", adj[16] = "N/A";
	if (d->oom_score.st == V_OK)
		snprintf(sc, sizeof(sc), "%lld", (long long)d->oom_score.v);
	if (d->oom_adj.st == V_OK)
		snprintf(adj, sizeof(adj), "%lld", (long long)d->oom_adj.v);
	/* PSS and USS (private clean + dirty) summed from the smaps shown below */
	val_t pss = a->maps.n ? val_ok(a->maps.total.pss) : val_na(NA_NOTREAD);
	val_t uss = a->maps.n ? val_ok(a->maps.total.private) : val_na(NA_NOTREAD);
	snprintf(t, sizeof(t), " RssAnon %s  RssFile %s  RssShmem %s  VmSwap %s  PSS %s  USS %s  oom_score %s (adj %s)",
		 B(d->rss_anon), B(d->rss_file), B(d->rss_shmem), B(d->swap), B(pss), B(uss), sc, adj);
	draw_text(2, 0, COLS, t, ST_NORMAL, 0);
}

static void mapview_draw(struct app *a)
{
	int w[M_N];
	const struct proc_sample *p = mapview_proc(a);
	title(a, p);
	figures(a, p);
	table_layout(mcols, M_N, COLS, w);
	draw_clear(3, 0, COLS, ST_TITLE);
	for (int k = 0; k < M_N; k++)
		if (w[k])
			draw_text(3, table_col_x(w, k), w[k], mcols[k].title, ST_TITLE, mcols[k].right);
	int top = mapview_list_top(a), n = a->maps.n ? GROUP_ROWS + (int)a->maps.n : 0;
	list_resize(&a->ml, n, LINES - top - 1);
	if (!n) {
		char t[128];
		if (a->map_err)
			snprintf(t, sizeof(t), " smaps: N/A (%s)", na_reason_str(na_from_errno(a->map_err)));
		else
			snprintf(t, sizeof(t), " no mappings: a kernel thread or a zombie has no user memory");
		draw_text(top, 0, COLS, t, ST_DIM, 0);
	}
	for (int i = 0; i < a->ml.height && a->ml.top + i < a->ml.n; i++)
		list_row(a, top + i, w, a->ml.top + i, a->ml.top + i == a->ml.sel);
	static const struct key_hint hints[] = { { "Esc Back", 1 }, { "i Cgroup", 2 }, { "Up/Down PgUp/PgDn Scroll", 3 },
						 { "F1 Help", 0 },  { "q Quit", 0 } };
	draw_footer(a->status, hints, sizeof(hints) / sizeof(hints[0]));
}

static void back(struct app *a, int ch)
{
	(void)ch;
	a->view = a->map_back;
}

/* The cgroup detail of the process's cgroup. */
static void detail(struct app *a, int ch)
{
	(void)ch;
	infoview_open_proc(a, mapview_proc(a));
}

static const struct key_action keys[] = {
	KEY_ACTION_DETAIL(detail),
	KEY_ACTION_BACK(back),
};

static struct listview *list(struct app *a)
{
	return &a->ml;
}

const struct screen mapview_screen = {
	.name = "process detail",
	.keys = keys,
	.nkeys = sizeof(keys) / sizeof(keys[0]),
	.update = mapview_update,
	.draw = mapview_draw,
	.list = list,
	.list_top = mapview_list_top,
};
