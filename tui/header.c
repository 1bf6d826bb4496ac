/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The overview's header: the system's meters (Mem, Swap, Cmt), their
 * legend, and the status line (PSI, its trend, the interval, LIVE). */
#include <curses.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "model/diagnose.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/header.h"
#include "widgets/format.h"
#include "widgets/spark.h"

#define B(v) fmt_bytes((char[16]){ 0 }, 16, (v))

/* Header lines shown for the terminal height: the meters' legend from 30. */
int header_lines(void)
{
	return LINES >= 30 ? 5 : LINES >= 16 ? 4 : LINES >= 8 ? 1 : 0;
}

/* What the meters' characters and marks mean, in their colours. */
static void legend_line(int y)
{
	static const struct {
		enum style st;
		const char *text;
	} parts[] = { { ST_ANON, "# anon" },	  { ST_KERNEL, "K kernel" }, { ST_SHMEM, "S shmem" },
		      { ST_BUFFERS, "b buffers" }, { ST_CACHE, "= cache" },   { ST_MARK, "| used" },
		      { ST_DIM, "  Cmt:" },	  { ST_MARK, "| MemTotal" }, { ST_CRIT, "| CommitLimit" },
		      { ST_COMMIT_OVER, "+ past one" }, { ST_COMMIT_PAST, "+ past both" } };
	int x = 5;
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]) && x < COLS; i++)
		x += draw_text(y, x, COLS - x, parts[i].text, parts[i].st, 0) + 2;
}

/* A meter's segments, or none when a part is N/A (its text says N/A; a
 * bar would show the part as nothing). Returns how many. */
static int meter_segs(struct bar_seg *out, const val_t *v, const enum style *st, int n)
{
	for (int i = 0; i < n; i++) {
		if (!val_is_ok(v[i]))
			return 0;
		out[i] = (struct bar_seg){ v[i].v, (int)st[i] };
	}
	return n;
}

/* A labelled bar with text after it, in style ts: "Mem [########====  ]
 * text"; no bar without segments or a total. */
static void meter(int y, const char *label, const struct bar_seg *segs, int n, val_t total,
		  const struct bar_mark_at *marks, int nmarks, const char *text, enum style ts)
{
	int tw = (int)strlen(text), bw = COLS - 6 - tw - 1;
	draw_text(y, 0, 4, label, ST_TITLE, 0);
	if (bw < 8) {
		draw_text(y, 5, COLS - 5, text, ts, 0);
		return;
	}
	if (n > 0 && val_is_ok(total))
		draw_bar(y, 5, bw, segs, n, total.v, marks, nmarks);
	else
		draw_clear(y, 5, bw, ST_NORMAL);
	draw_text(y, 5 + bw + 1, tw, text, ts, 0);
}

/* Where a mark for `at` falls on a bar of `total`, or -1 (either N/A). */
static int mark_cell(val_t at, val_t total, int bw)
{
	return val_is_ok(at) && val_is_ok(total) ? bar_mark_cell(at.v, total.v, bw) : -1;
}

/* Where memory is (anon, kernel, shmem, buffers, the rest of the page
 * cache) and, marked, how much of it is used as free(1) counts: what
 * MemAvailable does not cover. */
static void mem_line(int y, const struct sys_sample *m)
{
	static const enum style st[] = { ST_ANON, ST_KERNEL, ST_SHMEM, ST_BUFFERS, ST_CACHE };
	const val_t parts[] = { m->anon_pages, m->kernel, m->shmem, m->buffers, val_sub_clamp(m->cache, m->buffers) };
	struct bar_seg segs[5];
	int n = meter_segs(segs, parts, st, 5);
	char text[96];
	snprintf(text, sizeof(text), "%7s of %-6s avail %s", B(m->used), B(m->mem_total), B(m->mem_available));
	int bw = COLS - 6 - (int)strlen(text) - 1;
	struct bar_mark_at used = { mark_cell(m->used, m->mem_total, bw), ST_MARK };
	meter(y, "Mem", segs, n, m->mem_total, &used, 1, text, ST_NORMAL);
}

/* Swap used: what is on swap only (~), and what is also still in RAM
 * (SwapCached, =: read back without I/O); the figures in the colours of
 * the thresholds as swap fills (a full swap leaves the OOM killer next). */
static void swap_line(const struct app *a, int y, const struct sys_sample *m)
{
	static const enum style st[] = { ST_SWAP, ST_CACHE };
	const val_t parts[] = { val_sub_clamp(m->swap_used, m->swap_cached), m->swap_cached };
	char text[96];
	struct bar_seg segs[2];
	int n = meter_segs(segs, parts, st, 2);
	enum style ts = ST_NORMAL;
	if (val_is_ok(m->swap_total) && m->swap_total.v == 0) {
		snprintf(text, sizeof(text), "no swap");
	} else {
		snprintf(text, sizeof(text), "%7s of %-6s cached %s", B(m->swap_used), B(m->swap_total), B(m->swap_cached));
		double pct = val_is_ok(m->swap_used) && val_is_ok(m->swap_total)
				     ? 100.0 * (double)m->swap_used.v / (double)m->swap_total.v
				     : NAN;
		ts = pct >= a->crit_pct ? ST_CRIT : pct >= a->warn_pct ? ST_WARN : ST_NORMAL;
	}
	meter(y, "Swap", segs, n, m->swap_total, NULL, 0, text, ts);
}

/* Committed_AS in up to three segments: to the first of MemTotal and
 * CommitLimit (blue), on to the second (yellow), past both (red). */
static int commit_segs(struct bar_seg *out, const struct sys_sample *m)
{
	static const enum style st[] = { ST_COMMIT, ST_COMMIT_OVER, ST_COMMIT_PAST };
	uint64_t mt = val_is_ok(m->mem_total) ? m->mem_total.v : UINT64_MAX;
	uint64_t cl = val_is_ok(m->commit_limit) ? m->commit_limit.v : UINT64_MAX;
	uint64_t c = m->committed_as.v, from = 0, at[3] = { mt < cl ? mt : cl, mt < cl ? cl : mt, UINT64_MAX };
	int n = 0;
	for (int i = 0; i < 3 && from < c; i++) {
		uint64_t to = c < at[i] ? c : at[i];
		out[n++] = (struct bar_seg){ to - from, (int)st[i] };
		from = to;
	}
	return n;
}

/* Committed_AS against CommitLimit, with MemTotal marked: overcommit. The
 * bar spans the largest of the three that are available. */
static void commit_line(int y, const struct sys_sample *m)
{
	static const char *const modes[] = { "heuristic", "always", "never" };
	char text[128];
	val_t total = val_na(NA_DERIVED);
	const val_t *of[] = { &m->committed_as, &m->commit_limit, &m->mem_total };
	for (int i = 0; i < 3; i++)
		if (val_is_ok(*of[i]) && (!val_is_ok(total) || of[i]->v > total.v))
			total = *of[i];
	struct bar_seg segs[3];
	int n = val_is_ok(m->committed_as) ? commit_segs(segs, m) : 0;
	unsigned mode = val_is_ok(m->overcommit_memory) && m->overcommit_memory.v < 3 ? (unsigned)m->overcommit_memory.v : 3;
	char over[96];
	snprintf(text, sizeof(text), "%7s of %-6s (%s)%s", B(m->committed_as), B(m->commit_limit),
		 mode < 3 ? modes[mode] : "N/A", diag_sys_overcommitted(m, over, sizeof(over)) ? " OVERCOMMITTED" : "");
	int bw = COLS - 6 - (int)strlen(text) - 1;
	struct bar_mark_at marks[] = { { mark_cell(m->mem_total, total, bw), ST_MARK },
				       { mark_cell(m->commit_limit, total, bw), ST_CRIT } };
	meter(y, "Cmt", segs, n, total, marks, 2, text, ST_NORMAL);
}

static void status_line(const struct app *a, int y)
{
	const struct psi *p = &a->cur->sys.psi;
	char psi[64], when[16], right[64];
	time_t now = (time_t)a->cur->wall;
	strftime(when, sizeof(when), "%H:%M:%S", localtime(&now));
	if (p->some.ok)
		snprintf(psi, sizeof(psi), "PSI some %5.2f full %5.2f", p->some.avg10, p->full.ok ? p->full.avg10 : NAN);
	else
		snprintf(psi, sizeof(psi), "PSI N/A");
	snprintf(right, sizeof(right), " every %gs  %s ", a->interval, when);
	int x = draw_text(y, 0, COLS, psi, ST_NORMAL, 0) + 1;
	int sw = COLS - x - (int)strlen(right) - 8;
	if (sw > 30)
		sw = 30;
	if (sw >= 5) {
		double v[30];
		history_buckets(&a->drv.hist.psi, a->cur->mono, TREND_SPAN, v, sw);
		draw_spark(y, x, sw, v, 0, fmax(spark_max(v, sw), 1.0), ST_WARN);
	}
	int rx = COLS - (int)strlen(right) - 8;
	if (rx > x + sw)
		draw_text(y, rx, (int)strlen(right), right, ST_DIM, 0);
	draw_text(y, COLS - 7, 7, a->paused ? "PAUSED" : "LIVE", a->paused ? ST_PAUSED : ST_LIVE, 1);
}

void header_draw(const struct app *a)
{
	int h = header_lines();
	if (h >= 4) {
		mem_line(0, &a->cur->sys);
		swap_line(a, 1, &a->cur->sys);
		commit_line(2, &a->cur->sys);
	}
	if (h == 5)
		legend_line(3);
	if (h)
		status_line(a, h - 1);
}
