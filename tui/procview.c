/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The processes of a cgroup subtree (or all of them), any column sortable. */
#include <curses.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/xalloc.h"
#include "tui/app.h"
#include "util/clock.h"
#include "tui/draw.h"
#include "tui/find.h"
#include "tui/term.h"
#include "widgets/format.h"
#include "widgets/table.h"

#define B(v) fmt_bytes((char[16]){ 0 }, 16, (v))

static const struct col_spec pcols[PC_N] = {
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
	[PC_CGROUP] = { .title = "CGROUP", .min = 24, .max = 24, .prio = 4 }, /* from 126 columns: COMMAND first */
	[PC_CMD] = { .title = "COMMAND", .min = 16, .max = 0, .prio = 0, .flex = 1 }, /* kept before the optional columns */
};

/* The columns shown (a->pcol, F2), in their order, laid out for the width:
 * by column id, w[k] (0: not shown) and x[k]. */
static void pcols_layout(const struct app *a, int *w, int *x)
{
	struct col_spec shown[PC_N];
	int ws[PC_N];
	for (int i = 0; i < a->npcol; i++)
		shown[i] = pcols[a->pcol[i]];
	table_layout(shown, a->npcol, COLS, ws);
	for (int k = 0; k < PC_N; k++)
		w[k] = x[k] = 0;
	for (int i = 0; i < a->npcol; i++) {
		w[a->pcol[i]] = ws[i];
		x[a->pcol[i]] = table_col_x(ws, i);
	}
}

static int procview_list_top(const struct app *a)
{
	return a->proc_top; /* under a title and the column titles */
}

/* path (NULL: in no cgroup shown) is in the subtree shown. */
static int path_in_view(const struct app *a, const char *path)
{
	return !a->proc_cg || (path && sample_path_under(path, a->proc_cg));
}

static int in_view(const struct app *a, const struct proc_sample *p)
{
	return path_in_view(a, p->cg >= 0 ? a->cur->cgs[p->cg].path : NULL);
}

/* ---- OOM-killed processes: their rows first, for a while ---- */

#define GHOST_S 60.0 /* seconds a killed process keeps its row */

/* A row for the victim of kill event ev: its last figures (headroom's last
 * reading, else what the kernel log said at its death), its command after
 * "OOM-KILLED AGE ago"; its strings are in the struct ghost. */
struct ghost {
	struct proc_sample p;
	char user[32], cmd[320];
};

static void ghost_of(struct ghost *g, const struct event *ev, const struct sample *s, double now)
{
	const struct event_victim *v = &ev->victim;
	const struct oom_kill *k = &ev->kill;
	char age[16];
	val_t res = val_add(val_add(k->anon_rss, k->file_rss), k->shmem_rss);
	g->p = (struct proc_sample){ .pid = k->pid, .cg = sample_find_cg(s, ev->cgroup) }; /* -1: gone too */
	g->p.virt = v->seen ? v->virt : k->total_vm;
	g->p.res = v->seen ? v->res : res;
	g->p.shr = v->seen ? v->shr : val_add(k->file_rss, k->shmem_rss);
	struct proc_detail *d = &g->p.d;
	d->ok = d->asked = d->smaps_asked = 1;
	d->swap = v->seen ? v->swap : val_na(NA_GONE);
	d->rss_anon = k->anon_rss;
	d->rss_file = k->file_rss;
	d->rss_shmem = k->shmem_rss;
	d->pss = d->uss = d->swap_pss = val_na(NA_GONE);
	d->oom_score = sval_na(NA_GONE);
	d->state = 'X'; /* dead, as the kernel names it */
	d->tics = val_na(NA_GONE);
	d->oom_adj = k->oom_score_adj;
	if (v->user[0])
		snprintf(g->user, sizeof(g->user), "%s", v->user);
	else if (val_is_ok(k->uid))
		snprintf(g->user, sizeof(g->user), "%llu", (unsigned long long)k->uid.v);
	else
		snprintf(g->user, sizeof(g->user), "N/A");
	/* its program without its directory: the row is long already */
	snprintf(g->cmd, sizeof(g->cmd), "OOM-KILLED %s ago: %s", fmt_age(age, sizeof(age), now - ev->mono),
		 v->cmdline[0] ? fmt_command(v->cmdline, 0) : k->comm);
	d->user = g->user;
	d->comm = d->cmdline = g->cmd;
}

static int ghost_matches(const struct event *ev, const char *text)
{
	char pid[16];
	snprintf(pid, sizeof(pid), "%d", ev->kill.pid);
	return !text[0] || rows_match(pid, text) || rows_match(ev->kill.comm, text) ||
	       rows_match(ev->victim.cmdline, text) || rows_match("OOM-KILLED", text);
}

/* In the current sample, and not killed since it was taken. */
static int alive(const struct app *a, int pid)
{
	const struct proc_sample *p =
		a->cur->nproc ? bsearch(&pid, a->cur->procs, a->cur->nproc, sizeof(*p), sample_pid_cmp) : NULL;
	return p && !p->oom_killed;
}

/* The kills of the last GHOST_S seconds in the subtree shown whose victim
 * is not (any more) among the processes. */
static void find_ghosts(struct app *a)
{
	const struct events *e = &a->drv.ev;
	double now = clock_mono();
	a->nghost = 0;
	a->ghosts = xreallocarray(a->ghosts, e->n ? e->n : 1, sizeof(*a->ghosts));
	for (size_t i = 0; i < e->n; i++) {
		const struct event *ev = events_get(e, i);
		if (now - ev->mono > GHOST_S)
			break;
		if (ev->kind != EV_OOM_KILL || !ev->told || !path_in_view(a, ev->cgroup) ||
		    !ghost_matches(ev, a->proc_filter) || alive(a, ev->kill.pid))
			continue;
		a->ghosts[a->nghost++] = ev->seq;
	}
}

/* The event of ghost row i, or NULL once the ring dropped it. */
static const struct event *ghost_event(const struct app *a, int row)
{
	return row >= 0 && (size_t)row < a->nghost ? events_by_seq(&a->drv.ev, a->ghosts[row]) : NULL;
}

/* The process of list row `row`: a live one, or a ghost built in g. */
static const struct proc_sample *row_proc(const struct app *a, int row, struct ghost *g)
{
	if (row < 0)
		return NULL;
	if ((size_t)row < a->nghost) {
		const struct event *ev = ghost_event(a, row);
		if (!ev)
			return NULL;
		ghost_of(g, ev, a->cur, clock_mono());
		return &g->p;
	}
	size_t i = (size_t)row - a->nghost;
	return i < a->nprow ? &a->cur->procs[a->prow[i]] : NULL;
}

/* ---- CPU%: stat's ticks in two samples ---- */

/* The share of one core p used since the previous sample, or NAN when
 * either sample lacks its ticks (details are read for the rows on screen:
 * a row just scrolled into view has none from before). */
static double cpu_pct(const struct app *a, const struct proc_sample *p)
{
	static long hz;
	if (!a->prev || !p->d.ok || !val_is_ok(p->d.tics) || a->cur->mono <= a->prev->mono)
		return NAN;
	const struct proc_sample *q =
		a->prev->nproc ? bsearch(&p->pid, a->prev->procs, a->prev->nproc, sizeof(*q), sample_pid_cmp) : NULL;
	if (!q || q->id != p->id || !q->d.ok || !val_is_ok(q->d.tics) || q->d.tics.v > p->d.tics.v)
		return NAN;
	if (!hz)
		hz = sysconf(_SC_CLK_TCK);
	return 100.0 * (double)(p->d.tics.v - q->d.tics.v) / (double)hz / (a->cur->mono - a->prev->mono);
}

/* What a row says its command is: the command line, else the name. */
static const char *proc_command(const struct proc_sample *p)
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
	if (p->d.smaps_asked || !a->prev)
		return;
	const struct proc_sample *q =
		a->prev->nproc ? bsearch(&p->pid, a->prev->procs, a->prev->nproc, sizeof(*q), sample_pid_cmp) : NULL;
	if (q && q->id == p->id && q->d.smaps_asked) {
		p->d.pss = q->d.pss;
		p->d.uss = q->d.uss;
		p->d.swap_pss = q->d.swap_pss;
		p->d.smaps_asked = 1;
	}
}

/* Details for the visible rows not asked for yet in this sample (a new
 * sample, or rows scrolled into view); smaps_rollup when a second has gone
 * by since it was last read, else the last reading is kept. */
static void fetch_visible(struct app *a)
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

/* libproc2 details for the processes procs[rows[0..n)] that have none yet
 * in this sample. */
static void details_missing(struct app *a, const size_t *rows, size_t n)
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
static void procview_details_all(struct app *a)
{
	details_missing(a, a->prow, a->nprow);
}

static int proc_matches(const struct proc_sample *p, const char *text)
{
	char pid[16];
	snprintf(pid, sizeof(pid), "%d", p->pid);
	return rows_match(pid, text) || rows_match(p->d.user, text) || rows_match(p->d.cmdline, text) ||
	       rows_match(p->d.comm, text);
}

static int procview_row_matches(struct app *a, int row, const char *text)
{
	if ((size_t)row < a->nghost) {
		const struct event *ev = ghost_event(a, row);
		return ev && ghost_matches(ev, text);
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
static void rows_update(struct app *a)
{
	struct sample *s = a->cur;
	a->prow = xreallocarray(a->prow, s->nproc ? s->nproc : 1, sizeof(*a->prow));
	a->nprow = 0;
	for (size_t i = 0; i < s->nproc; i++)
		if (in_view(a, &s->procs[i]) && !s->procs[i].oom_killed && (a->kthreads || has_memory(&s->procs[i])))
			a->prow[a->nprow++] = i;
	if (a->proc_filter[0] || a->user[0])
		filter_rows(a);
	if (a->sort == PC_PSS || a->sort == PC_USS) /* sorting by them needs them for every row */
		collector_details(a->col, s, a->prow, a->nprow, 1);
	else if (needs_details(a->sort))
		procview_details_all(a);
	if (a->nprow > 1)
		qsort_r(a->prow, a->nprow, sizeof(*a->prow), cmp_rows, a);
	find_ghosts(a);
	int n = (int)(a->nghost + a->nprow);
	a->pl.sel = 0;
	for (int i = 0; i < n; i++) {
		struct ghost g;
		if (row_proc(a, i, &g)->pid == a->sel_pid && (a->sel_ghost == ((size_t)i < a->nghost)))
			a->pl.sel = i;
	}
	list_resize(&a->pl, n, a->proc_rows);
	fetch_visible(a);
}

/* The process screen: the rows under its title and column titles, down
 * to the footer. */
static void procview_update(struct app *a)
{
	a->proc_top = 2;
	a->proc_rows = LINES - 3;
	rows_update(a);
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
	rows_update(a);
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
		snprintf(t, sizeof(t), "%s%s", pcols[k].title, (int)a->sort == k ? draw_sort_mark(a->sort_asc) : "");
		draw_text(y + 1, x[k], w[k], t, (int)a->sort == k ? ST_SELECTED : ST_TITLE, pcols[k].right);
	}
}

void procview_pane(struct app *a, int y, int h, int focused)
{
	int w[PC_N], x[PC_N];
	pcols_layout(a, w, x);
	titles(a, w, x, y, focused);
	for (int i = 0; i < h - 2 && i < a->pl.height && a->pl.top + i < a->pl.n; i++) {
		struct ghost g;
		const struct proc_sample *p = row_proc(a, a->pl.top + i, &g);
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

static void procview_draw(struct app *a)
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

static void click_title(struct app *a, int x)
{
	int w[PC_N], cx[PC_N];
	pcols_layout(a, w, cx);
	for (int k = 0; k < PC_N; k++)
		if (w[k] && x >= cx[k] && x < cx[k] + w[k]) {
			if ((int)a->sort == k)
				a->sort_asc = !a->sort_asc;
			a->sort = (enum pcol)k;
			rows_update(a);
		}
}

/* ---- moving and keys ---- */

void procview_open(struct app *a, const char *cg)
{
	free(a->proc_cg);
	a->proc_cg = cg ? xstrdup(cg) : NULL;
	a->view = VIEW_PROCS;
	a->pl = (struct listview){ 0 };
	a->sel_pid = 0;
	a->sel_ghost = 0;
}

static const struct proc_sample *selected(const struct app *a, struct ghost *g)
{
	return row_proc(a, a->pl.sel, g);
}

static void remember(struct app *a)
{
	struct ghost g;
	const struct proc_sample *p = selected(a, &g);
	if (p) {
		a->sel_pid = p->pid;
		a->sel_ghost = p->id == 0;
	}
}

static void open_maps(struct app *a, int ch)
{
	(void)ch;
	struct ghost g;
	const struct proc_sample *p = selected(a, &g);
	if (p)
		mapview_open(a, p);
}

static void detail(struct app *a, int ch)
{
	(void)ch;
	struct ghost g;
	const struct proc_sample *p = selected(a, &g);
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

static void sort_column(struct app *a, int ch)
{
	if (ch == '<' || ch == ',')
		a->sort = a->sort > 0 ? a->sort - 1 : PC_N - 1;
	else
		a->sort = (a->sort + 1) % PC_N;
	rows_update(a);
}

/* htop's M: by resident memory, largest first. */
static void sort_res(struct app *a, int ch)
{
	(void)ch;
	a->sort = PC_RES;
	a->sort_asc = 0;
	rows_update(a);
}

static void invert(struct app *a, int ch)
{
	(void)ch;
	a->sort_asc = !a->sort_asc;
	rows_update(a);
}

static void sort_menu_take(struct app *a, int i)
{
	a->sort = (enum pcol)i;
	rows_update(a);
}

static void sort_menu(struct app *a, int ch)
{
	(void)ch;
	menu_open(&a->menu, "Sort the processes by", sort_menu_take);
	for (int k = 0; k < PC_N; k++)
		menu_add(&a->menu, pcols[k].title);
	a->menu.sel = (int)a->sort;
}

/* ---- F2: which process columns, in which order ---- */

static int shown_at(const struct app *a, int k)
{
	for (int i = 0; i < a->npcol; i++)
		if (a->pcol[i] == k)
			return i;
	return -1;
}

/* The chooser's items: the columns shown, in order, then the others. */
static void chooser_items(struct app *a)
{
	int sel = a->menu.n ? a->menu.ids[a->menu.sel] : a->pcol[0];
	a->menu.n = 0;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < PC_N; i++) {
			int k = pass ? i : i < a->npcol ? a->pcol[i] : -1;
			if (k < 0 || (pass && shown_at(a, k) >= 0))
				continue;
			char b[40];
			snprintf(b, sizeof(b), "[%c] %s", pass ? ' ' : 'x', pcols[k].title);
			if (k == sel)
				a->menu.sel = a->menu.n;
			a->menu.ids[a->menu.n] = k;
			menu_add(&a->menu, b);
		}
}

/* Space: show or hide the column; - +: move it up or down. */
static int chooser_key(struct app *a, int ch)
{
	int k = a->menu.ids[a->menu.sel], at = shown_at(a, k);
	if (ch == ' ' && at >= 0 && a->npcol > 1) {
		memmove(&a->pcol[at], &a->pcol[at + 1], (size_t)(a->npcol - at - 1));
		a->npcol--;
	} else if (ch == ' ' && at < 0) {
		a->pcol[a->npcol++] = (unsigned char)k;
	} else if ((ch == '-' || ch == '+') && at >= 0) {
		int to = ch == '-' ? at - 1 : at + 1;
		if (to < 0 || to >= a->npcol)
			return 1;
		a->pcol[at] = a->pcol[to];
		a->pcol[to] = (unsigned char)k;
	} else {
		return ch == ' ' || ch == '-' || ch == '+';
	}
	chooser_items(a);
	return 1;
}

static void chooser_done(struct app *a, int i)
{
	(void)i;
	rows_update(a);
}

static void columns_menu(struct app *a, int ch)
{
	(void)ch;
	menu_open(&a->menu, "Process columns (saved on quit)", chooser_done);
	a->menu.key = chooser_key;
	chooser_items(a);
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

static void kill_menu(struct app *a, int ch)
{
	(void)ch;
	struct ghost g;
	const struct proc_sample *p = selected(a, &g);
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

static void kernel_threads(struct app *a, int ch)
{
	(void)ch;
	a->kthreads = !a->kthreads;
	snprintf(a->status, sizeof(a->status), "processes without memory (kernel threads, zombies) %s",
		 a->kthreads ? "shown" : "hidden");
	rows_update(a);
}

static void threads(struct app *a, int ch)
{
	(void)ch;
	snprintf(a->status, sizeof(a->status),
		 "headroom lists processes, not threads (they share their process's memory); K: kernel threads");
}

static void user_take(struct app *a, int i)
{
	snprintf(a->user, sizeof(a->user), "%s", i ? a->menu.items[i] : "");
	rows_update(a);
}

/* htop's u: the users of the processes in view, and every user. */
static void user_menu(struct app *a, int ch)
{
	(void)ch;
	size_t *idx = xcalloc(a->cur->nproc + 1, sizeof(*idx)), n = 0; /* in view, whatever the user shown */
	for (size_t i = 0; i < a->cur->nproc; i++)
		if (in_view(a, &a->cur->procs[i]))
			idx[n++] = i;
	details_missing(a, idx, n);
	free(idx);
	menu_open(&a->menu, "Show the processes of", user_take);
	menu_add(&a->menu, "every user");
	for (size_t i = 0; i < a->cur->nproc; i++) {
		const struct proc_detail *d = &a->cur->procs[i].d;
		int seen = !in_view(a, &a->cur->procs[i]) || !d->ok || !d->user;
		for (int k = 1; k < a->menu.n && !seen; k++)
			seen = strcmp(a->menu.items[k], d->user) == 0;
		if (!seen)
			menu_add(&a->menu, d->user);
		if (!seen && strcmp(d->user, a->user) == 0)
			a->menu.sel = a->menu.n - 1;
	}
}

/* Sorting and signals, in the screen and in the pane. */
#define SORT_ACTIONS                                                                                         \
	KEY_ACTION_SORT(sort_column), KEY_ACTION_SORT_MENU(sort_menu), KEY_ACTION_SORT_MEM(sort_res),       \
		KEY_ACTION_INVERT(invert),                                                                   \
		{ .keys = { KEY_F(9) }, .names = "F9", .does = "send the process a signal (a menu)", .fn = kill_menu }, \
		{ .keys = { 'u' }, .names = "u", .does = "one user's processes (a menu)", .fn = user_menu },    \
		{ .keys = { KEY_F(2) }, .names = "F2", .does = "columns: show, hide, order", .fn = columns_menu }, \
		{ .keys = { 'K' }, .names = "K", .does = "kernel threads and zombies: show, hide", .fn = kernel_threads }, \
		{ .keys = { 'H' }, .names = "H", .does = "threads: not listed, said why", .fn = threads }

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

const struct screen procview_screen = {
	.name = "processes",
	.keys = keys,
	.nkeys = sizeof(keys) / sizeof(keys[0]),
	.update = procview_update,
	.remember = remember,
	.prepare = fetch_visible,
	.draw = procview_draw,
	.list = list,
	.list_top = procview_list_top,
	.filter = filter_text,
	.refilter = rows_update,
	.row_matches = procview_row_matches,
	.before_search = procview_details_all,
	.click_title = click_title,
};

/* Not a screen of its own: the overview hands it the keys (its focus hook)
 * and draws it (procview_pane); updates come through procview_follow. */
const struct screen procpane_screen = {
	.name = "processes pane",
	.keys = pane_keys,
	.nkeys = sizeof(pane_keys) / sizeof(pane_keys[0]),
	.remember = remember,
	.prepare = fetch_visible,
	.list = list,
	.list_top = procview_list_top,
	.filter = filter_text,
	.refilter = rows_update,
	.row_matches = procview_row_matches,
	.before_search = procview_details_all,
	.click_title = click_title,
};
