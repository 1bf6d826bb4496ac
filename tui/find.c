/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Search (/) and filter (\) over the rows of the screens that have them
 * (the overview, the process list): the footer becomes a one-line editor,
 * matching ignores case, and both act as the user types. */
#include "tui/find.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "tui/app.h"
#include "tui/draw.h"
#include "tui/screen.h"
#include "widgets/listview.h"

/* Select the next row (dir 1) or the previous one (-1) that matches text,
 * starting at the selection itself when from_sel. */
static int seek(struct app *a, const char *text, int dir, int from_sel)
{
	const struct screen *s = app_keyed(a);
	struct listview *l = s->list(a);
	if (l->n <= 0 || !*text)
		return 0;
	if (s->before_search)
		s->before_search(a); /* e.g. the command lines of rows not on screen */
	int start = l->sel < 0 ? 0 : l->sel;
	for (int k = from_sel ? 0 : 1; k <= l->n; k++) {
		int i = ((start + dir * k) % l->n + l->n) % l->n;
		if (s->row_matches(a, i, text)) {
			list_select(l, i);
			return 1;
		}
	}
	return 0;
}

void find_start(struct app *a, int kind)
{
	if (!app_keyed(a)->row_matches)
		return;
	a->input = kind;
	snprintf(a->line, sizeof(a->line), "%s", kind == '/' ? "" : app_keyed(a)->filter(a));
}

void find_next(struct app *a, int dir)
{
	if (!a->search[0])
		snprintf(a->status, sizeof(a->status), "no search yet: / to search");
	else if (!seek(a, a->search, dir, 0))
		snprintf(a->status, sizeof(a->status), "'%s' not found", a->search);
}

/* The line changed: search from the selection, or filter. */
static void changed(struct app *a)
{
	if (a->input == '/') {
		snprintf(a->search, sizeof(a->search), "%s", a->line);
		seek(a, a->line, 1, 1);
	} else {
		snprintf(app_keyed(a)->filter(a), sizeof(a->cg_filter), "%s", a->line);
		app_keyed(a)->refilter(a);
	}
}

void find_key(struct app *a, int ch)
{
	size_t n = strlen(a->line);
	if (ch == 27) { /* Esc: leave; a filter is cleared */
		if (a->input == '\\') {
			a->line[0] = '\0';
			changed(a);
		}
		a->input = 0;
	} else if (ch == '\r' || ch == '\n' || ch == KEY_ENTER) {
		a->input = 0;
	} else if (ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
		if (n) {
			a->line[n - 1] = '\0';
			changed(a);
		}
	} else if (ch >= 32 && ch < 127 && n + 1 < sizeof(a->line)) {
		a->line[n] = (char)ch;
		a->line[n + 1] = '\0';
		changed(a);
	}
}

void find_draw(const struct app *a)
{
	char t[128];
	if (a->input) {
		snprintf(t, sizeof(t), "%s %s_   Enter done  Esc %s", a->input == '/' ? "Search:" : "Filter:", a->line,
			 a->input == '/' ? "leave" : "clear");
		draw_text(LINES - 1, 0, COLS, t, ST_TITLE, 0);
	}
}

const char *find_filter_note(struct app *a, char *buf, size_t n)
{
	const char *f = app_keyed(a)->filter ? app_keyed(a)->filter(a) : "";
	if (!*f)
		return "";
	snprintf(buf, n, "[filter: %s]", f);
	return buf;
}
