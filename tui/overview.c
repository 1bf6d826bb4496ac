/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The start screen: system memory at the top, the cgroup tree below. */
#include <curses.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/cgnorm.h"
#include "model/diagnose.h"
#include "tui/app.h"
#include "tui/config.h"
#include "tui/draw.h"
#include "tui/find.h"
#include "tui/header.h"
#include "util/xalloc.h"
#include "tui/term.h"
#include "widgets/format.h"
#include "widgets/spark.h"
#include "widgets/split.h"
#include "widgets/table.h"
#include "widgets/tree.h"

#define B(v) fmt_bytes((char[16]){ 0 }, 16, (v))
#define OOM_RECENT 60  /* seconds an OOM kill marks its cgroup's OOM cell */
#define TREND_LABEL_W 6 /* " 1023M": a size as fmt_size writes it, after a space */

static int overview_list_top(const struct app *a)
{
	(void)a;
	return header_lines() + 1; /* + the column titles */
}

#define SPLIT_MIN_TREE 2 /* column titles and a cgroup */
#define SPLIT_MIN_PANE 6 /* title, column titles and 4 processes */

/* What the header, the events pane and the footer leave: the tree (its
 * titles and rows) above the selected cgroup's processes, the tree as
 * long as it needs up to its share (a->split); a short screen has the tree
 * only. */
static struct split layout(const struct app *a)
{
	int avail = LINES - header_lines() - 1 - eventview_pane_lines(a, LINES);
	if (!a->nrows)
		return split_rows(avail, avail, 100, 0, 0);
	return split_rows(avail, (int)a->nrows + 1, a->split, SPLIT_MIN_TREE, SPLIT_MIN_PANE);
}

static int list_height(const struct app *a)
{
	return layout(a).top - 1;
}

/* Colour of a cgroup's row: how much of its effective limit is taken by
 * what cannot be reclaimed (model/cgnorm.h), against the thresholds. */
static enum style headroom_style(const struct app *a, const struct cg_sample *c)
{
	double pct = cgnorm_unreclaimable_pct(&c->n);
	if (isnan(pct))
		return ST_NORMAL;
	return pct >= a->crit_pct ? ST_CRIT : pct >= a->warn_pct ? ST_WARN : ST_OK;
}

/* ---- the cgroup table ---- */

enum { C_NAME, C_USAGE, C_LIMIT, C_PCT, C_BAR, C_TREND, C_OOM, C_HITS, C_PROCS, C_DIAG, C_N };
const char *const cgcol_names[C_N] = { "cgroup", "usage", "limit", "pct",   "memory",
				       "trend",	 "oom",	  "hits",  "procs", "diagnosis" };
const int cgcol_n = C_N;
_Static_assert(C_N <= COLSET_MAX && C_N <= MENU_ITEMS, "every cgroup column in a set and in the menu");
static const struct col_spec cols[C_N] = {
	[C_NAME] = { .title = "CGROUP", .min = 14, .max = 48, .prio = 0, .flex = 1 },
	[C_USAGE] = { .title = "USAGE", .min = 7, .max = 7, .prio = 0, .right = 1 },
	[C_LIMIT] = { .title = "LIMIT", .min = 9, .max = 9, .prio = 0, .right = 1 },
	[C_PCT] = { .title = "%LIM", .min = 5, .max = 5, .prio = 1, .right = 1 },
	[C_BAR] = { .title = "MEMORY", .min = 12, .max = 0, .prio = 1, .flex = 1 },
	[C_TREND] = { .title = "USAGE TREND", .min = 12, .max = 24, .prio = 3, .flex = 1 },
	[C_OOM] = { .title = "OOM", .min = 4, .max = 5, .prio = 1, .right = 1 },
	[C_HITS] = { .title = "HITS/s", .min = 6, .max = 7, .prio = 3, .right = 1 },
	[C_PROCS] = { .title = "PROCS", .min = 5, .max = 6, .prio = 3, .right = 1 },
	[C_DIAG] = { .title = "DIAGNOSIS", .min = 12, .max = 20, .prio = 2, .flex = 1 },
};

/* The parts of a cgroup's MEMORY bar that are available, in order; a part
 * that is N/A has no cells (the row's figures say N/A, the detail why). */
static int cg_segs(struct bar_seg *out, const struct cg_norm *n)
{
	int split = val_is_ok(n->active_file) && val_is_ok(n->inactive_file);
	const val_t parts[] = { n->anon, n->kernel, n->shmem, split ? n->active_file : n->file,
				split ? n->inactive_file : val_na(NA_NOTAPPLY), n->swap };
	static const enum style st[] = { ST_ANON, ST_KERNEL, ST_SHMEM, ST_FILE_ACTIVE, ST_FILE_INACTIVE, ST_SWAP };
	int k = 0;
	for (int i = 0; i < 6; i++)
		if (val_is_ok(parts[i]))
			out[k++] = (struct bar_seg){ parts[i].v, (int)st[i] };
	return k;
}

/* What a cgroup's bar and %LIM are against: the limit that applies (its
 * own or an ancestor's), else the machine's RAM (*ram set). */
static val_t bar_ref(const struct app *a, const struct cg_sample *c, int *ram)
{
	*ram = !val_is_ok(c->n.eff_limit);
	return *ram ? a->cur->sys.mem_total : c->n.eff_limit;
}

/* The end of a bar against RAM says so, where the bar and its marks leave
 * room: "of 24G RAM", or "RAM" in a narrow one. */
static void ram_label(int y, int x, int w, int filled, val_t ram, const struct bar_mark_at *m, int nm)
{
	char b[32];
	snprintf(b, sizeof(b), "of %s RAM", B(ram));
	int len = (int)strlen(b);
	if (w < len + 10) {
		snprintf(b, sizeof(b), "RAM");
		len = 3;
	}
	int at = x + w - len;
	for (int i = 0; i < nm; i++)
		if (m[i].cell >= w - len - 1)
			return;
	if (w >= len + 4 && filled < w - len - 1)
		draw_text(y, at, len, b, ST_DIM, 0);
}

static void cg_bar(int y, int x, int w, const struct app *a, const struct cg_sample *c)
{
	const struct cg_norm *n = &c->n;
	int ram;
	val_t total = bar_ref(a, c, &ram);
	if (!val_is_ok(total))
		return; /* nothing to draw it against */
	struct bar_seg segs[6];
	int nseg = cg_segs(segs, n);
	struct bar_mark_at marks[4];
	int nm = 0;
	val_t at[] = { n->high, n->low, n->soft_limit, n->min };
	enum style st[] = { ST_CRIT, ST_OK, ST_WARN, ST_OK };
	for (int i = 0; i < 4; i++)
		if (val_is_ok(at[i]) && at[i].v > 0)
			marks[nm++] = (struct bar_mark_at){ bar_mark_cell(at[i].v, total.v, w), st[i] };
	int filled = draw_bar(y, x, w, segs, nseg, total.v, marks, nm);
	if (!filled && nseg) { /* less than a cell: its largest part gets one, as a sparkline's level 1 */
		const struct bar_seg *big = &segs[0];
		for (int i = 1; i < nseg; i++)
			big = segs[i].value > big->value ? &segs[i] : big;
		if (big->value)
			filled = draw_bar(y, x, 1, big, 1, big->value, NULL, 0);
	}
	if (ram)
		ram_label(y, x, w, filled, total, marks, nm);
}

/* Usage as a percentage of the bar's reference (bar_ref), NAN when either
 * is N/A: %LIM's figure, and what it sorts by. */
static double share(const struct app *a, const struct cg_sample *c, int *ram)
{
	val_t ref = bar_ref(a, c, ram);
	if (!val_is_ok(c->n.usage) || !val_is_ok(ref) || !ref.v)
		return NAN;
	return 100.0 * (double)c->n.usage.v / (double)ref.v;
}

/* %LIM: of the limit that applies; of RAM where none does, marked "r". */
static void pct_cell(int y, int x, int w, const struct app *a, const struct cg_sample *c, enum style rs)
{
	char b[16];
	int ram;
	double pct = share(a, c, &ram);
	if (isnan(pct))
		snprintf(b, sizeof(b), "N/A");
	else
		snprintf(b, sizeof(b), !ram ? "%.1f" : pct >= 99.95 ? "%.0fr" : "%.1fr", pct);
	draw_text(y, x, w, b, rs, 1);
}

static void cg_trend(int y, int x, int w, const struct app *a, const struct cg_sample *c)
{
	double v[48];
	if (w > 48)
		w = 48;
	const struct hist_series *h = history_cg(&a->drv.hist, c->id);
	/* Against the limit, so the approach to it shows (the LIMIT column
	 * says the scale); without one, from 0 to the span's highest, said at
	 * the line's end: a usage that only wobbles draws flat. */
	if (val_is_ok(c->n.eff_limit)) {
		history_buckets(h, a->cur->mono, TREND_SPAN, v, w);
		draw_spark(y, x, w, v, 0, (double)c->n.eff_limit.v, headroom_style(a, c));
		return;
	}
	int lw = w >= 10 ? TREND_LABEL_W : 0; /* the scale's top, right-aligned after the line */
	history_buckets(h, a->cur->mono, TREND_SPAN, v, w - lw);
	double top = spark_max(v, w - lw);
	draw_spark(y, x, w - lw, v, 0, top > 0 ? top : 1, ST_NORMAL);
	if (lw && top > 0) {
		char b[16];
		draw_text(y, x + w - lw, lw, fmt_size(b, sizeof(b), (uint64_t)top), ST_DIM, 1);
	}
}

/* A row's name: tree branches and the last path component, or a whole path
 * (the view's root, flat mode) cut to its tail, which names it. */
static void cg_name(char *b, size_t n, const struct app *a, const struct cg_row *r, int w)
{
	const struct cg_sample *c = &a->cur->cgs[r->cg];
	char pre[160] = "", tail[512];
	if (a->tree)
		tree_prefix(pre, sizeof(pre), r->last, r->depth, r->has_kids, r->folded, term_utf8());
	if (a->tree && r->depth) {
		snprintf(b, n, "%s%s", pre, c->name);
		return;
	}
	const char *note = c->n.usage_no_kernel ? " (excl. kernel)" : ""; /* v1's root: see cg_norm */
	fmt_tail(tail, sizeof(tail), c->path, w - (a->tree ? 2 : 0) - (int)strlen(note)); /* the root's prefix: 2 columns at most */
	snprintf(b, n, "%s%s%s", pre, tail, note);
}

/* The most pressing diagnosis, "+N" more; coloured by how pressing (rs:
 * the row's own style when selected or flashing). */
static void diag_cell(int y, int x, int w, const struct app *a, const struct cg_sample *c, enum style rs)
{
	static const enum style sev[] = { [DS_INFO] = ST_DIM, [DS_WARN] = ST_WARN, [DS_CRIT] = ST_CRIT, [DS_OOM] = ST_OOM };
	enum diag_id id = diag_first(c);
	if (id == DIAG_N)
		return;
	char b[48], tag[32];
	int more = __builtin_popcount(c->diag.mask) - 1;
	snprintf(b, sizeof(b), more ? "%s +%d" : "%s", diag_tag(tag, sizeof(tag), id, a->cur, (size_t)(c - a->cur->cgs)), more);
	draw_text(y, x, w, b, rs == ST_SELECTED || rs == ST_OOM ? rs : sev[diag_rules[id].sev], 0);
}

static void cg_cell(int y, int x, int w, int col, const struct app *a, const struct cg_row *r, enum style rs)
{
	const struct cg_sample *c = &a->cur->cgs[r->cg];
	const struct cg_norm *n = &c->n;
	char b[256];
	switch (col) {
	case C_NAME:
		cg_name(b, sizeof(b), a, r, w);
		draw_text(y, x, w, b, rs, 0);
		break;
	case C_USAGE: draw_text(y, x, w, B(n->usage), rs, 1); break;
	case C_LIMIT:
		snprintf(b, sizeof(b), "%s%s", B(n->eff_limit), n->eff_from != r->cg && n->eff_from != EFF_FROM_NONE ? "^" : "");
		draw_text(y, x, w, b, rs, 1);
		break;
	case C_PCT: pct_cell(y, x, w, a, c, rs); break;
	case C_BAR: cg_bar(y, x, w, a, c); break;
	case C_TREND: cg_trend(y, x, w, a, c); break;
	case C_OOM: {
		const struct hist_series *h = history_cg(&a->drv.hist, c->id);
		int recent = h && h->last_oom >= 0 && a->cur->mono - h->last_oom < OOM_RECENT;
		draw_text(y, x, w, fmt_count(b, sizeof(b), n->oom_kills), recent ? ST_OOM : rs, 1);
		break;
	}
	case C_HITS: draw_text(y, x, w, isnan(c->r.limit_hits_ps) ? "N/A" : (snprintf(b, sizeof(b), "%.0f", c->r.limit_hits_ps), b), rs, 1); break;
	case C_PROCS: snprintf(b, sizeof(b), "%u", c->nprocs); draw_text(y, x, w, b, rs, 1); break;
	case C_DIAG: diag_cell(y, x, w, a, c, rs); break;
	}
}

static void table(struct app *a, int top)
{
	int w[C_N], x[C_N];
	colset_layout(&a->cshow, cols, COLS, w, x);
	draw_clear(top, 0, COLS, ST_TITLE);
	for (int k = 0; k < C_N; k++)
		if (w[k])
			draw_col_title(top, x[k], w[k], cols[k].title, a->cg_sort == k, a->cg_sort_asc, cols[k].right);
	for (int i = 0; i < a->cgl.height && a->cgl.top + i < a->cgl.n; i++) {
		const struct cg_row *r = &a->rows[a->cgl.top + i];
		int y = top + 1 + i, sel = a->cgl.top + i == a->cgl.sel;
		const struct cg_sample *c = &a->cur->cgs[r->cg];
		/* the whole row: selected, or flashing for a kill; else its
		 * name and figures in the colour of its headroom */
		enum style whole = eventview_flash(a, c->path) ? ST_OOM : sel ? ST_SELECTED : ST_NORMAL;
		enum style rs = whole != ST_NORMAL ? whole : headroom_style(a, c);
		if (whole != ST_NORMAL)
			draw_clear(y, 0, COLS, whole);
		for (int k = 0; k < C_N; k++)
			if (w[k])
				cg_cell(y, x[k], w[k], k, a, r, k == C_NAME || k == C_PCT || k == C_USAGE ? rs : whole);
	}
}

static void footer(struct app *a)
{
	char note[96];
	if (a->pane_focus) {
		const struct key_hint pane[] = {
			{ find_filter_note(a, note, sizeof(note)), 0 },
			{ "F1 Help", 0 },
			{ "Enter Detail", 1 },
			{ "Tab Tree", 1 },
			{ "i Cgroup", 2 },
			{ "/ Search", 2 },
			{ "\\ Filter", 3 },
			{ "< > Sort", 2 },
			{ "q Quit", 0 },
		};
		draw_footer(a->status, pane, sizeof(pane) / sizeof(pane[0]));
		return;
	}
	const struct key_hint hints[] = {
		{ find_filter_note(a, note, sizeof(note)), 0 },
		{ "F1 Help", 0 },
		{ "Enter Procs", 1 },
		{ "Tab Pane", 2 },
		{ "i Detail", 2 },
		{ "a All", 3 },
		{ "/ Search", 2 },
		{ "\\ Filter", 3 },
		{ "t Tree", 4 },
		{ "Space Fold", 5 },
		{ "p Pause", 4 },
		{ "q Quit", 0 },
	};
	draw_footer(a->status, hints, sizeof(hints) / sizeof(hints[0]));
}

static void overview_draw(struct app *a)
{
	int h = header_lines();
	header_draw(a);
	struct split s = layout(a);
	list_resize(&a->cgl, a->cgl.n, s.top - 1);
	table(a, h);
	if (s.bottom)
		procview_pane(a, h + s.top, s.bottom, a->pane_focus);
	int ph = eventview_pane_lines(a, LINES);
	if (ph)
		eventview_pane(a, LINES - 1 - ph, ph);
	footer(a);
}

/* ---- sorting ---- */

static double num(val_t v)
{
	return v.st == V_OK ? (double)v.v : v.st == V_UNLIMITED ? INFINITY : NAN;
}

/* A cgroup's figure in column col, for sorting (NAN: N/A). */
static double sort_key(const struct app *a, const struct cg_sample *c, int col)
{
	int ram;
	switch (col) {
	case C_USAGE: case C_BAR: return num(c->n.usage);
	case C_LIMIT: return num(c->n.eff_limit);
	case C_PCT: return share(a, c, &ram);
	case C_TREND: return c->r.usage_bps;
	case C_OOM: return num(c->n.oom_kills);
	case C_HITS: return c->r.limit_hits_ps;
	case C_PROCS: return c->nprocs;
	case C_DIAG: {
		enum diag_id id = diag_first(c);
		return id == DIAG_N ? NAN : diag_rules[id].sev + __builtin_popcount(c->diag.mask) / 100.0;
	}
	default: return NAN;
	}
}

/* rows_order: by the sort column, N/A below any figure; names in natural
 * order (g2 before g10). */
static int cg_cmp(const struct cg_sample *x, const struct cg_sample *y, void *ctx)
{
	const struct app *a = ctx;
	int c;
	if (a->cg_sort == C_NAME) {
		c = strverscmp(x->path, y->path);
	} else {
		double kx = sort_key(a, x, a->cg_sort), ky = sort_key(a, y, a->cg_sort);
		c = isnan(kx) || isnan(ky) ? !isnan(kx) - !isnan(ky) : (kx > ky) - (kx < ky);
	}
	return a->cg_sort_asc ? c : -c;
}

/* ---- rows, selection and keys ---- */

static const struct cg_sample *selected_cg(const struct app *a);

/* The pane under the tree: the selected cgroup's processes, while the
 * overview is the screen shown (the process screen has them else). */
static void follow(struct app *a)
{
	struct split s = layout(a);
	const struct cg_sample *c = selected_cg(a);
	if (!s.bottom || !c)
		a->pane_focus = 0;
	else if (a->view == VIEW_OVERVIEW)
		procview_follow(a, c->path, header_lines() + s.top, s.bottom);
}

/* The rows of the current sample, the selection kept by cgroup path. */
static void overview_update(struct app *a)
{
	a->rows = xreallocarray(a->rows, a->cur->ncg ? a->cur->ncg : 1, sizeof(*a->rows));
	const struct rows_order by = { cg_cmp, a };
	a->nrows = rows_build(a->cur, a->tree, &a->folds, a->cg_filter, a->cg_sort == CG_SORT_NONE ? NULL : &by, a->rows);
	int sel = 0;
	for (size_t i = 0; a->sel_path && i < a->nrows; i++)
		if (strcmp(a->cur->cgs[a->rows[i].cg].path, a->sel_path) == 0)
			sel = (int)i;
	a->cgl.sel = sel;
	list_resize(&a->cgl, (int)a->nrows, list_height(a));
	follow(a);
}

static const struct cg_sample *selected_cg(const struct app *a)
{
	return a->cgl.sel >= 0 && (size_t)a->cgl.sel < a->nrows ? &a->cur->cgs[a->rows[a->cgl.sel].cg] : NULL;
}

static void remember(struct app *a)
{
	const struct cg_sample *c = selected_cg(a);
	int moved = !c || !a->sel_path || strcmp(c->path, a->sel_path) != 0;
	free(a->sel_path);
	a->sel_path = c ? xstrdup(c->path) : NULL;
	if (moved) /* the pane follows the selection */
		follow(a);
	if (a->pane_focus)
		procpane_screen.remember(a);
}

static void overview_prepare(struct app *a)
{
	if (layout(a).bottom)
		procpane_screen.prepare(a); /* the pane's rows in view */
}

static const struct screen *focus(const struct app *a)
{
	return a->pane_focus ? &procpane_screen : NULL;
}

static void open_procs(struct app *a, int ch)
{
	(void)ch;
	const struct cg_sample *c = selected_cg(a);
	if (c)
		procview_open(a, c->path);
}

static void all_procs(struct app *a, int ch)
{
	(void)ch;
	procview_open(a, NULL);
}

static void detail(struct app *a, int ch)
{
	(void)ch;
	const struct cg_sample *c = selected_cg(a);
	if (c)
		infoview_open(a, c->path);
}

static void tree_flat(struct app *a, int ch)
{
	(void)ch;
	a->tree = !a->tree;
	overview_update(a);
}

static void fold(struct app *a, int ch)
{
	const struct cg_sample *c = selected_cg(a);
	if (c && a->tree && (ch == ' ' || (ch == '-') != folds_has(&a->folds, c->path)))
		folds_toggle(&a->folds, c->path);
	overview_update(a);
}

static void to_pane(struct app *a, int ch)
{
	(void)ch;
	if (layout(a).bottom && selected_cg(a))
		a->pane_focus = 1;
	else
		snprintf(a->status, sizeof(a->status), "no room for the processes under the tree: Enter shows them");
}

/* { } or Shift-Up, Shift-Down: the tree's share of the rows. */
static void resize_split(struct app *a, int ch)
{
	int d = ch == '{' || ch == KEY_SR ? -10 : 10;
	a->split = a->split + d < SPLIT_MIN ? SPLIT_MIN : a->split + d > SPLIT_MAX ? SPLIT_MAX : a->split + d;
	snprintf(a->status, sizeof(a->status), "the tree takes up to %d%% of the rows", a->split);
	overview_update(a);
}

/* Sort by column k: numbers largest first, names A to Z. */
static void sort_by(struct app *a, int k)
{
	a->cg_sort = k;
	a->cg_sort_asc = k == C_NAME;
	overview_update(a);
}

/* < > through the columns shown, left to right (the bar sorts as USAGE:
 * skipped). */
static void sort_column(struct app *a, int ch)
{
	int k = a->cg_sort, d = ch == '<' || ch == ',' ? -1 : 1;
	for (int i = 0; i < a->cshow.n && (i == 0 || k == C_BAR); i++)
		k = colset_step(&a->cshow, k, d);
	sort_by(a, k == C_BAR ? C_USAGE : k);
}

static void sort_usage(struct app *a, int ch)
{
	(void)ch;
	sort_by(a, C_USAGE);
}

static void invert(struct app *a, int ch)
{
	(void)ch;
	if (a->cg_sort == CG_SORT_NONE)
		a->cg_sort = C_NAME;
	else
		a->cg_sort_asc = !a->cg_sort_asc;
	overview_update(a);
}

/* F6 takes item i: the columns but the bar (it sorts as USAGE). */
static void sort_menu_take(struct app *a, int i)
{
	sort_by(a, i < C_BAR ? i : i + 1);
}

static void sort_menu(struct app *a, int ch)
{
	(void)ch;
	menu_open(&a->menu, "Sort the cgroups by", sort_menu_take);
	for (int k = 0; k < C_N; k++)
		if (k != C_BAR)
			menu_add(&a->menu, cols[k].title);
	a->menu.sel = a->cg_sort == CG_SORT_NONE ? 0 : a->cg_sort < C_BAR ? a->cg_sort : a->cg_sort - 1;
}

static void click_title(struct app *a, int x)
{
	int k = colset_hit(&a->cshow, cols, COLS, x);
	if (k >= 0 && a->cg_sort == k) {
		a->cg_sort_asc = !a->cg_sort_asc;
		overview_update(a);
	} else if (k >= 0) {
		sort_by(a, k == C_BAR ? C_USAGE : k);
	}
}

static void columns_menu(struct app *a, int ch)
{
	(void)ch;
	chooser_open(a, "Cgroup columns (saved on quit)", &a->cshow, cols, overview_update);
}

static const struct key_action keys[] = {
	KEY_ACTION_ENTER(open_procs),
	KEY_ACTION_SORT(sort_column),
	KEY_ACTION_SORT_MENU(sort_menu),
	KEY_ACTION_SORT_MEM(sort_usage),
	KEY_ACTION_INVERT(invert),
	KEY_ACTION_PANE(to_pane),
	{ .keys = { '{', '}', KEY_SR, KEY_SF }, .names = "{ } Shift-Up/Down", .does = "tree smaller, larger",
	  .fn = resize_split },
	KEY_ACTION_DETAIL(detail),
	{ .keys = { 'a' }, .names = "a", .does = "all processes", .fn = all_procs },
	{ .keys = { 't', KEY_F(5) }, .names = "t F5", .does = "tree or flat", .fn = tree_flat },
	{ .keys = { KEY_F(2) }, .names = "F2", .does = "columns: show, hide, order", .fn = columns_menu },
	{ .keys = { ' ', '+', '-' }, .names = "Space + -", .does = "fold, unfold a subtree", .fn = fold },
};

static struct listview *list(struct app *a)
{
	return &a->cgl;
}

static char *filter_text(struct app *a)
{
	return a->cg_filter;
}

static int row_matches(struct app *a, int row, const char *text)
{
	return rows_match(a->cur->cgs[a->rows[row].cg].path, text);
}

const struct screen overview_screen = {
	.name = "overview",
	.keys = keys,
	.nkeys = sizeof(keys) / sizeof(keys[0]),
	.update = overview_update,
	.remember = remember,
	.prepare = overview_prepare,
	.focus = focus,
	.click_title = click_title,
	.draw = overview_draw,
	.list = list,
	.list_top = overview_list_top,
	.filter = filter_text,
	.refilter = overview_update,
	.row_matches = row_matches,
};
