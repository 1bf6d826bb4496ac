/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "tui/helpview.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/screen.h"

static const char *const legend[] = {
	"Bars: # anon  K kernel  S shmem  = active  - inactive file  ~ swap  | mark",
	"LIMIT ^: set by an ancestor. Colour: headroom left, cache reclaimable.",
	"No limit: bar and %LIM against RAM (%LIM r); trend 0 to the figure after it.",
	"Any key closes this help.",
};

/* Add the named actions of k not listed yet. */
static size_t add_keys(char (*out)[HELP_LINE], size_t n, size_t max, const struct key_action *k, size_t nk)
{
	for (size_t i = 0; i < nk; i++) {
		char line[HELP_LINE];
		if (!k[i].names)
			continue;
		snprintf(line, sizeof(line), "%-22s %s", k[i].names, k[i].does);
		int seen = 0;
		for (size_t j = 0; j < n && !seen; j++)
			seen = strcmp(out[j], line) == 0;
		if (!seen && n < max)
			snprintf(out[n++], HELP_LINE, "%s", line);
	}
	return n;
}

size_t help_lines(char (*out)[HELP_LINE], size_t max)
{
	static const struct screen *const screens[] = { &overview_screen, &procview_screen, &infoview_screen,
							&mapview_screen };
	size_t n = 0;
	if (max)
		snprintf(out[n++], HELP_LINE, "headroom - live memory of Linux cgroups");
	n = add_keys(out, n, max, nav_keys, nav_nkeys);
	for (size_t s = 0; s < sizeof(screens) / sizeof(screens[0]); s++)
		n = add_keys(out, n, max, screens[s]->keys, screens[s]->nkeys);
	n = add_keys(out, n, max, global_keys, global_nkeys);
	for (size_t i = 0; i < sizeof(legend) / sizeof(legend[0]) && n < max; i++)
		snprintf(out[n++], HELP_LINE, "%s", legend[i]);
	return n;
}

/* Rows of the help's text on this screen (a frame row above and below). */
static int text_rows(void)
{
	return LINES - 2 > 1 ? LINES - 2 : 1;
}

int helpview_draw(int *top)
{
	char lines[40][HELP_LINE];
	int n = (int)help_lines(lines, 40), w = 0;
	for (int i = 0; i < n; i++)
		if ((int)strlen(lines[i]) > w)
			w = (int)strlen(lines[i]);
	w += 4;
	if (w > COLS)
		w = COLS;
	int fits = n <= text_rows(), rows = fits ? n : text_rows() - 1; /* the last: how to scroll */
	if (*top > n - rows)
		*top = n - rows;
	if (*top < 0 || fits)
		*top = 0;
	int h = fits ? n + 2 : LINES, x = (COLS - w) / 2, y = (LINES - h) / 2;
	for (int r = 0; r < h; r++)
		draw_clear(y + r, x, w, ST_TITLE);
	for (int i = 0; i < rows; i++)
		draw_text(y + 1 + i, x + 2, w - 4, lines[*top + i], ST_TITLE, 0);
	if (!fits) {
		char more[96];
		snprintf(more, sizeof(more), "lines %d-%d of %d: Up Down PgUp PgDn; other keys close", *top + 1,
			 *top + rows, n);
		draw_text(y + 1 + rows, x + 2, w - 4, more, ST_DIM, 0);
	}
	return !fits;
}

int helpview_key(int ch, int scrolls, int *top)
{
	int page = text_rows() - 2 > 1 ? text_rows() - 2 : 1;
	switch (scrolls ? ch : 0) {
	case KEY_UP: case 'k': *top -= 1; return 1;
	case KEY_DOWN: case 'j': *top += 1; return 1;
	case KEY_PPAGE: *top -= page; return 1;
	case KEY_NPAGE: *top += page; return 1;
	default: return 0;
	}
}
