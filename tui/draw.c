/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "tui/draw.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util/xalloc.h"
#include "tui/term.h"
#include "widgets/format.h"
#include "widgets/spark.h"

void draw_clear(int y, int x, int width, enum style st)
{
	attrset(style_attr(st));
	for (int i = 0; i < width; i++)
		mvaddch(y, x + i, ' ');
	attrset(A_NORMAL);
}

/* Wide characters of s that fit in width columns; their width in *cols. */
static size_t fit(const wchar_t *ws, int width, int *cols)
{
	size_t n = 0;
	*cols = 0;
	for (; ws[n]; n++) {
		int w = wcwidth(ws[n]);
		if (w < 0)
			w = 1;
		if (*cols + w > width)
			break;
		*cols += w;
	}
	return n;
}

int draw_text(int y, int x, int width, const char *text, enum style st, int right)
{
	char clean[1024];
	wchar_t ws[1024];
	int cols = 0;
	if (width <= 0)
		return 0;
	sanitize(clean, sizeof(clean), text);
	size_t n = mbstowcs(ws, clean, sizeof(ws) / sizeof(ws[0]) - 1);
	if (n == (size_t)-1) { /* not this locale's encoding: ASCII only */
		for (n = 0; clean[n] && n < sizeof(ws) / sizeof(ws[0]) - 1; n++)
			ws[n] = (unsigned char)clean[n] < 0x80 ? (wchar_t)clean[n] : L'?';
	}
	ws[n] = 0;
	size_t k = fit(ws, width, &cols);
	draw_clear(y, x, width, st);
	attrset(style_attr(st));
	mvaddnwstr(y, x + (right ? width - cols : 0), ws, (int)k);
	attrset(A_NORMAL);
	return cols;
}

int draw_bar(int y, int x, int width, const struct bar_seg *segs, int nseg, uint64_t total,
	     const struct bar_mark_at *marks, int nmarks)
{
	if (width <= 0)
		return 0;
	int *cells = xcalloc((size_t)width, sizeof(int));
	int filled = bar_layout(cells, width, segs, nseg, total, NULL);
	for (int i = 0; i < width; i++) {
		enum style st = cells[i] == BAR_EMPTY ? ST_FREE : (enum style)cells[i];
		attrset(style_attr(st));
		mvaddch(y, x + i, (chtype)(st == ST_FREE ? (style_has_color() ? ' ' : '.') : style_char(st)));
	}
	for (int m = 0; m < nmarks; m++)
		if (marks[m].cell >= 0 && marks[m].cell < width) {
			attrset(style_attr(marks[m].st));
			mvaddch(y, x + marks[m].cell, (chtype)style_char(ST_MARK));
		}
	attrset(A_NORMAL);
	free(cells);
	return filled;
}

void draw_spark(int y, int x, int width, const double *vals, double min, double max, enum style st)
{
	static const wchar_t blocks[] = L"\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
	static const char ascii[] = "_.-~=+*#";
	if (width <= 0)
		return;
	int *lv = xcalloc((size_t)width, sizeof(int));
	spark_levels(lv, vals, width, min, max, 8);
	attrset(style_attr(st));
	for (int i = 0; i < width; i++) {
		if (lv[i] < 0)
			mvaddch(y, x + i, ' ');
		else if (term_utf8())
			mvaddnwstr(y, x + i, &blocks[lv[i]], 1);
		else
			mvaddch(y, x + i, (chtype)ascii[lv[i]]);
	}
	attrset(A_NORMAL);
	free(lv);
}

void draw_footer(const char *status, const struct key_hint *h, size_t nh)
{
	char keys[256];
	if (!status || !status[0])
		keybar_fit(keys, sizeof(keys), h, nh, COLS);
	draw_text(LINES - 1, 0, COLS, status && status[0] ? status : keys, ST_DIM, 0);
}

const char *draw_sort_mark(int ascending)
{
	if (term_utf8())
		return ascending ? "\u25b2" : "\u25bc";
	return ascending ? "A" : "v";
}

void draw_col_title(int y, int x, int w, const char *title, int sorted, int ascending, int right)
{
	char t[48];
	int n = (int)strlen(title);
	if (sorted && n + 1 > w)
		n = w > 1 ? w - 1 : 0;
	snprintf(t, sizeof(t), "%.*s%s", n, title, sorted ? draw_sort_mark(ascending) : "");
	draw_text(y, x, w, t, sorted ? ST_SELECTED : ST_TITLE, right);
}
