/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The processes of a cgroup subtree (or all of them), any column sortable. */
#include <curses.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/xalloc.h"
#include "tui/procview.h"
#include "util/clock.h"
#include "tui/draw.h"
#include "tui/find.h"
#include "tui/term.h"
#include "widgets/format.h"
#include "widgets/table.h"

#define B(v) fmt_bytes((char[16]){ 0 }, 16, (v))

const struct col_spec pcols[PC_N] = {
	[PC_PID] = { .title = "PID", .min = 7, .max = 7, .prio = 0, .right = 1 },
	[PC_USER] = { .title = "USER", .min = 8, .max = 10, .prio = 2 },
	[PC_STATE] = { .title = "S", .min = 1, .max = 1, .prio = 2 },
	[PC_CPU] = { .title = "CPU%", .min = 5, .max = 5, .prio = 2, .right = 1 },
	[PC_VIRT] = { .title = "VIRT", .min = 6, .max = 7, .prio = 0, .right = 1 },
	[PC_RES] = { .title = "RES", .min = 6, .max = 7, .prio = 0, .right = 1 },
	[PC_SHR] = { .title = "SHR", .min = 6, .max = 7, .prio = 1, .right = 1 },
	[PC_SWAP] = { .title = "SWAP", .min = 6, .max = 7, .prio = 2, .right = 1 },
	[PC_PSS] = { .title = "PSS", .min = 6, .max = 7, .prio = 3, .right = 1 },
	[PC_USS] = { .title = "USS", .min = 6, .max = 7, .prio = 3, .right = 1 },
	[PC_OOM] = { .title = "OOMSC", .min = 6, .max = 6, .prio = 1, .right = 1 }, /* room for the sort mark */
	[PC_ADJ] = { .title = "ADJ", .min = 5, .max = 5, .prio = 3, .right = 1 },
	[PC_BAR] = { .title = "RES of VIRT", .min = 11, .max = 16, .prio = 3, .flex = 1 },
	[PC_CGROUP] = { .title = "CGROUP", .min = 24, .max = 64, .prio = 4, .flex = 1 }, /* from 133 columns: COMMAND first; wider with the spare */
	[PC_CMD] = { .title = "COMMAND", .min = 16, .max = 0, .prio = 0, .flex = 1, .want = 48 }, /* kept before the optional columns; 48 wide before CGROUP grows */
};

int procview_list_top(const struct app *a)
{
	return a->proc_top; /* under a title and the column titles */
}

int procview_in_view(const struct app *a, const struct proc_sample *p)
{
	return procview_path_in_view(a, p->cg >= 0 ? a->cur->cgs[p->cg].path : NULL);
}

/* ---- CPU%: stat's ticks in two samples ---- */

/* p's instance in the previous sample (the same pid and id), or NULL. */
static const struct proc_sample *prev_of(const struct app *a, const struct proc_sample *p)
{
	const struct proc_sample *q = sample_find_proc(a->prev, p->pid);
	return q && q->id == p->id ? q : NULL;
}

/* The share of one core p used since the previous sample, or NAN when
 * unknown. From both samples' ticks; a process begun since the previous
 * sample spent all its ticks since it began (this machine's boot clock:
 * not under --root). A row just scrolled into view has no reading from
 * before (details are read for the rows on screen): NAN. */
static double cpu_pct(const struct app *a, const struct proc_sample *p)
{
	static long hz;
	if (!hz)
		hz = sysconf(_SC_CLK_TCK);
	if (!a->prev || !p->d.ok || !val_is_ok(p->d.tics) || a->cur->mono <= a->prev->mono || hz <= 0)
		return NAN;
	const struct proc_sample *q = prev_of(a, p);
	if (q && q->d.ok && val_is_ok(q->d.tics) && q->d.tics.v <= p->d.tics.v)
		return 100.0 * (double)(p->d.tics.v - q->d.tics.v) / (double)hz / (a->cur->mono - a->prev->mono);
	double began = val_is_ok(p->d.began) ? (double)p->d.began.v / (double)hz : NAN;
	/* start_time is rounded down to a tick: one that may have begun after
	 * the previous sample counts as begun since */
	if (!(began + 1.0 / (double)hz > a->prev->boot) || !(a->cur->boot > began)) /* NAN: not this machine's */
		return NAN;
	return 100.0 * (double)p->d.tics.v / (double)hz / (a->cur->boot - began);
}

const char *proc_command(const struct proc_sample *p)
{
	const struct proc_detail *d = &p->d;
	return d->ok ? (d->cmdline && *d->cmdline ? d->cmdline : d->comm) : "N/A";
}

static int cmp_double(double x, double y)
{
	if (isnan(x) || isnan(y))
		return !isnan(x) - !isnan(y); /* N/A sorts below any figure */
	return (x > y) - (x < y);
}

static const char *cg_path(const struct app *a, const struct proc_sample *p)
{
	return p->cg >= 0 ? a->cur->cgs[p->cg].path : NULL;
}

/* ---- sorting ---- */

static int cmp_val(val_t x, val_t y)
{
	if (x.st != y.st)
		return x.st == V_OK ? 1 : -1; /* N/A sorts below any figure */
	return x.st != V_OK ? 0 : x.v < y.v ? -1 : x.v > y.v;
}

static int cmp_sval(sval_t x, sval_t y)
{
	if (x.st != y.st)
		return x.st == V_OK ? 1 : -1;
	return x.st != V_OK ? 0 : x.v < y.v ? -1 : x.v > y.v;
}

static int cmp_str(const char *x, const char *y)
{
	return strcmp(x ? x : "", y ? y : "");
}

static int cmp_col(const struct app *a, const struct proc_sample *x, const struct proc_sample *y, enum pcol c)
{
	switch (c) {
	case PC_PID: return (x->pid > y->pid) - (x->pid < y->pid);
	case PC_USER: return cmp_str(x->d.ok ? x->d.user : NULL, y->d.ok ? y->d.user : NULL);
	case PC_STATE: return (x->d.state > y->d.state) - (x->d.state < y->d.state);
	case PC_CPU: return cmp_double(cpu_pct(a, x), cpu_pct(a, y));
	case PC_CGROUP: return cmp_str(cg_path(a, x), cg_path(a, y));
	case PC_VIRT: case PC_BAR: return cmp_val(x->virt, y->virt);
	case PC_RES: return cmp_val(x->res, y->res);
	case PC_SHR: return cmp_val(x->shr, y->shr);
	case PC_SWAP: return cmp_val(x->d.swap, y->d.swap);
	case PC_PSS: return cmp_val(x->d.pss, y->d.pss);
	case PC_USS: return cmp_val(x->d.uss, y->d.uss);
	case PC_OOM: return cmp_sval(x->d.oom_score, y->d.oom_score);
	case PC_ADJ: return cmp_sval(x->d.oom_adj, y->d.oom_adj);
	case PC_CMD: return cmp_str(x->d.cmdline, y->d.cmdline);
	default: return 0;
	}
}

/* qsort_r: indices into the app's (ctx) current sample, by its sort column. */
static int cmp_rows(const void *a, const void *b, void *ctx)
{
	const struct app *app = ctx;
	const struct proc_sample *x = &app->cur->procs[*(const size_t *)a];
	const struct proc_sample *y = &app->cur->procs[*(const size_t *)b];
	int c = cmp_col(app, x, y, app->sort);
	if (!app->sort_asc)
		c = -c;
	return c ? c : (x->pid > y->pid) - (x->pid < y->pid);
}

/* ---- details: libproc2 for the rows shown, smaps at most once a second ---- */

static int needs_details(enum pcol c)
{
	return c == PC_USER || c == PC_SWAP || c == PC_OOM || c == PC_ADJ || c == PC_CMD || c == PC_PSS || c == PC_USS ||
	       c == PC_STATE || c == PC_CPU;
}

/* PSS/USS of a process not re-read this time: keep the last reading. */
static void carry_smaps(struct app *a, struct proc_sample *p)
{
	const struct proc_sample *q = p->d.smaps_asked ? NULL : prev_of(a, p);
	if (q && q->d.smaps_asked) {
		p->d.pss = q->d.pss;
		p->d.uss = q->d.uss;
		p->d.swap_pss = q->d.swap_pss;
		p->d.smaps_asked = 1;
	}
}

/* Details for the visible rows not asked for yet in this sample (a new
 * sample, or rows scrolled into view); smaps_rollup when a second has gone
 * by since it was last read, else the last reading is kept. */
void procview_prepare(struct app *a)
{
	list_resize(&a->pl, a->pl.n, a->proc_rows);
	int smaps = clock_mono() - a->smaps_at >= 1.0;
	size_t top = (size_t)(a->pl.top > 0 ? a->pl.top : 0), n = 0;
	size_t from = top > a->nghost ? top - a->nghost : 0, end = top + (size_t)a->pl.height - a->nghost;
	size_t *idx = xcalloc((size_t)a->pl.height + 1, sizeof(*idx)), nvis = 0;
	for (size_t i = from; i < a->nprow && top + a->pl.height > a->nghost && i < end; i++)
		idx[nvis++] = a->prow[i];
	for (size_t i = 0; i < nvis; i++) { /* those to read first, in place */
		const struct proc_detail *d = &a->cur->procs[idx[i]].d;
		if (!d->asked || (smaps && !d->smaps_asked)) {
			size_t t = idx[n];
			idx[n++] = idx[i];
			idx[i] = t;
		}
	}
	if (n)
		collector_details(a->col, a->cur, idx, n, smaps);
	if (n && smaps)
		a->smaps_at = clock_mono();
	for (size_t i = 0; i < nvis; i++) /* read now, or before by the driver (near a limit) */
		carry_smaps(a, &a->cur->procs[idx[i]]);
	free(idx);
}

void procview_details_missing(struct app *a, const size_t *rows, size_t n)
{
	size_t *idx = xcalloc(n + 1, sizeof(*idx)), k = 0;
	for (size_t i = 0; i < n; i++)
		if (!a->cur->procs[rows[i]].d.asked)
			idx[k++] = rows[i];
	if (k)
		collector_details(a->col, a->cur, idx, k, 0);
	free(idx);
}

/* Details for every row (for sorting, filtering or searching by them). */
void procview_details_all(struct app *a)
{
	procview_details_missing(a, a->prow, a->nprow);
}

static int proc_matches(const struct proc_sample *p, const char *text)
{
	char pid[16];
	snprintf(pid, sizeof(pid), "%d", p->pid);
	return rows_match(pid, text) || rows_match(p->d.user, text) || rows_match(p->d.cmdline, text) ||
	       rows_match(p->d.comm, text);
}

int procview_row_matches(struct app *a, int row, const char *text)
{
	if ((size_t)row < a->nghost) {
		return ghosts_row_matches(a, row, text);
	}
	return proc_matches(&a->cur->procs[a->prow[(size_t)row - a->nghost]], text);
}

/* Keep the rows that match the filter and the user asked for. */
static void filter_rows(struct app *a)
{
	size_t n = 0;
	procview_details_all(a);
	for (size_t i = 0; i < a->nprow; i++) {
		const struct proc_sample *p = &a->cur->procs[a->prow[i]];
		if (proc_matches(p, a->proc_filter) && (!a->user[0] || (p->d.ok && strcmp(p->d.user, a->user) == 0)))
			a->prow[n++] = a->prow[i];
	}
	a->nprow = n;
}

/* A process with an address space: statm all zeros is a kernel thread or
 * a zombie, with no memory of its own to show. */
static int has_memory(const struct proc_sample *p)
{
	return !val_is_ok(p->virt) || p->virt.v > 0;
}

/* The rows, in the place the screen showing them set. */
void procview_rows_update(struct app *a)
{
	struct sample *s = a->cur;
	a->prow = xreallocarray(a->prow, s->nproc ? s->nproc : 1, sizeof(*a->prow));
	a->nprow = 0;
	for (size_t i = 0; i < s->nproc; i++)
		if (procview_in_view(a, &s->procs[i]) && !s->procs[i].oom_killed && (a->kthreads || has_memory(&s->procs[i])))
			a->prow[a->nprow++] = i;
	if (a->proc_filter[0] || a->user[0])
		filter_rows(a);
	if (a->sort == PC_PSS || a->sort == PC_USS) /* sorting by them needs them for every row */
		collector_details(a->col, s, a->prow, a->nprow, 1);
	else if (needs_details(a->sort))
		procview_details_all(a);
	if (a->nprow > 1)
		qsort_r(a->prow, a->nprow, sizeof(*a->prow), cmp_rows, a);
	ghosts_find(a);
	int n = (int)(a->nghost + a->nprow);
	a->pl.sel = 0;
	for (int i = 0; i < n; i++) {
		struct ghost g;
		if (procview_row(a, i, &g)->pid == a->sel_pid && (a->sel_ghost == ((size_t)i < a->nghost)))
			a->pl.sel = i;
	}
	list_resize(&a->pl, n, a->proc_rows);
	procview_prepare(a);
}

/* The process screen: the rows under its title and column titles, down
 * to the footer. */
void procview_update(struct app *a)
{
	a->proc_top = 2;
	a->proc_rows = LINES - 3;
	procview_rows_update(a);
}

void procview_follow(struct app *a, const char *path, int y, int h)
{
	int same = a->proc_cg && path ? strcmp(a->proc_cg, path) == 0 : a->proc_cg == path;
	if (!same) {
		free(a->proc_cg);
		a->proc_cg = path ? xstrdup(path) : NULL;
		a->pl = (struct listview){ 0 };
		a->sel_pid = a->sel_ghost = 0;
	}
	a->proc_top = y + 2;
	a->proc_rows = h - 2;
	procview_rows_update(a);
}

/* ---- drawing ---- */

/* p is the one the OOM killer would pick at the limit that applies to it
 * (model/victim.h: ranked near a limit). */
static int next_victim(const struct app *a, const struct proc_sample *p)
{
	if (p->cg < 0 || !p->id)
		return 0;
	int j = a->cur->cgs[p->cg].n.eff_from;
	return j >= 0 && a->cur->cgs[j].diag.victim == p->pid;
}

static void cell(int y, int x, int w, enum pcol c, const struct app *a, const struct proc_sample *p, int victim,
		 enum style rs)
{
	const struct proc_detail *d = &p->d;
	char b[600];
	switch (c) {
	case PC_PID: snprintf(b, sizeof(b), "%d", p->pid); draw_text(y, x, w, b, rs, 1); break;
	case PC_USER: draw_text(y, x, w, d->ok ? d->user : "N/A", rs, 0); break;
	case PC_STATE: /* D: waiting in the kernel, often for memory under a v1 limit */
		snprintf(b, sizeof(b), "%c", d->ok && d->state ? d->state : '?');
		draw_text(y, x, w, b, rs == ST_NORMAL && d->state == 'D' ? ST_WARN : rs, 0);
		break;
	case PC_CPU: {
		double pct = cpu_pct(a, p);
		snprintf(b, sizeof(b), isnan(pct) ? "N/A" : "%.1f", pct);
		draw_text(y, x, w, b, rs, 1);
		break;
	}
	case PC_CGROUP: draw_text(y, x, w, cg_path(a, p) ? fmt_tail(b, sizeof(b), cg_path(a, p), w) : "N/A", rs, 0); break;
	case PC_VIRT: draw_text(y, x, w, B(p->virt), rs, 1); break;
	case PC_RES: draw_text(y, x, w, B(p->res), rs, 1); break;
	case PC_SHR: draw_text(y, x, w, B(p->shr), rs, 1); break;
	case PC_SWAP: draw_text(y, x, w, B(d->swap), rs, 1); break;
	case PC_PSS: draw_text(y, x, w, B(d->pss), rs, 1); break;
	case PC_USS: draw_text(y, x, w, B(d->uss), rs, 1); break;
	case PC_OOM: case PC_ADJ: {
		sval_t v = c == PC_OOM ? d->oom_score : d->oom_adj;
		if (v.st == V_OK)
			snprintf(b, sizeof(b), "%lld", (long long)v.v);
		draw_text(y, x, w, v.st == V_OK ? b : "N/A", rs, 1);
		break;
	}
	case PC_BAR: {
		/* RES against VIRT: a process with much VIRT and little RES has
		 * reserved memory it never touched (overcommit). */
		uint64_t virt = val_is_ok(p->virt) ? p->virt.v : 0, res = val_is_ok(p->res) ? p->res.v : 0;
		struct bar_seg segs[] = { { res, ST_RES }, { virt > res ? virt - res : 0, ST_VIRT } };
		draw_bar(y, x, w, segs, 2, virt, NULL, 0);
		break;
	}
	case PC_CMD: {
		char cmd[600];
		const char *mark = victim ? "[next OOM] " : "";
		snprintf(cmd, sizeof(cmd), "%s%s", mark, fmt_command(proc_command(p), w - (int)strlen(mark)));
		draw_text(y, x, w, cmd, rs, 0);
		break;
	}
	default: break;
	}
}

static void titles(const struct app *a, const int *w, const int *x, int y, int focused)
{
	char t[256];
	char killed[48] = "";
	if (a->nghost)
		snprintf(killed, sizeof(killed), " and %zu OOM-killed", a->nghost);
	char user[64] = "";
	if (a->user[0])
		snprintf(user, sizeof(user), " of %s", a->user);
	snprintf(t, sizeof(t), " Processes%s %s%s: %zu%s", user, a->proc_cg ? "in " : "(all)", a->proc_cg ? a->proc_cg : "",
		 a->nprow, killed);
	draw_text(y, 0, COLS, t, focused ? ST_NORMAL : ST_DIM, 0);
	draw_clear(y + 1, 0, COLS, ST_TITLE);
	for (int k = 0; k < PC_N; k++) {
		if (!w[k])
			continue;
		draw_col_title(y + 1, x[k], w[k], pcols[k].title, (int)a->sort == k, a->sort_asc, pcols[k].right);
	}
}

void procview_pane(struct app *a, int y, int h, int focused)
{
	int w[PC_N], x[PC_N];
	colset_layout(&a->pshow, pcols, COLS, w, x);
	titles(a, w, x, y, focused);
	for (int i = 0; i < h - 2 && i < a->pl.height && a->pl.top + i < a->pl.n; i++) {
		struct ghost g;
		const struct proc_sample *p = procview_row(a, a->pl.top + i, &g);
		if (!p)
			continue;
		int ry = a->proc_top + i, sel = focused && a->pl.top + i == a->pl.sel;
		int victim = next_victim(a, p);
		enum style rs = sel ? ST_SELECTED : !p->id ? ST_OOM : victim ? ST_WARN : ST_NORMAL; /* id 0: a ghost */
		if (rs != ST_NORMAL)
			draw_clear(ry, 0, COLS, rs);
		for (int k = 0; k < PC_N; k++)
			if (w[k])
				cell(ry, x[k], w[k], (enum pcol)k, a, p, victim, rs);
	}
}

void procview_draw(struct app *a)
{
	procview_pane(a, 0, LINES - 1, 1);
	char note[96];
	const struct key_hint hints[] = {
		{ find_filter_note(a, note, sizeof(note)), 0 },
		{ "Enter Detail", 1 },
		{ "i Cgroup", 2 },
		{ "/ Search", 2 },
		{ "\\ Filter", 3 },
		{ "< > Sort", 2 },
		{ "I Invert", 4 },
		{ "Esc Back", 1 },
		{ "F1 Help", 0 },
		{ "q Quit", 0 },
	};
	draw_footer(a->status, hints, sizeof(hints) / sizeof(hints[0]));
}

void procview_click_title(struct app *a, int x)
{
	int k = colset_hit(&a->pshow, pcols, COLS, x);
	if (k < 0)
		return;
	if ((int)a->sort == k)
		a->sort_asc = !a->sort_asc;
	a->sort = (enum pcol)k;
	procview_rows_update(a);
}

/* ---- moving ---- */

void procview_open(struct app *a, const char *cg)
{
	free(a->proc_cg);
	a->proc_cg = cg ? xstrdup(cg) : NULL;
	a->view = VIEW_PROCS;
	a->pl = (struct listview){ 0 };
	a->sel_pid = 0;
	a->sel_ghost = 0;
}
