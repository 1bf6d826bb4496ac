/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The help overlay: every key. */
#include <curses.h>
#include <string.h>

#include "tui/app.h"
#include "tui/draw.h"

static const char *const lines[] = {
	"headroom - live memory of Linux cgroups",
	"Up/Down j/k  PgUp/PgDn  Home/End   move",
	"Enter, Right       cgroup: its processes; process: its mappings",
	"i                  cgroup detail: every file and memory.stat key",
	"a                  all processes",
	"Esc, Backspace     back",
	"/  n N             search; next / previous match",
	"\\                  filter the rows (Esc in the editor clears)",
	"t                  tree / flat (largest first)",
	"Space  + -         fold / unfold a subtree",
	"< >  F6   I        sort column (processes); invert it",
	"p   [ ]            pause / resume; refresh faster / slower",
	"mouse              click a row; click a title to sort",
	"h ?  F1            this help",
	"q  F10             quit",
	"",
	"Bars: # anon  K kernel  S shmem  = active file",
	"      - inactive file  ~ swap  | marks (high/low)",
	"LIMIT ^: set by an ancestor. Colour: headroom to",
	"the limit, page cache counted as reclaimable.",
	"Any key closes this help.",
};

void helpview_draw(const struct app *a)
{
	(void)a;
	int n = (int)(sizeof(lines) / sizeof(lines[0])), w = 0;
	for (int i = 0; i < n; i++)
		if ((int)strlen(lines[i]) > w)
			w = (int)strlen(lines[i]);
	w += 4;
	if (w > COLS)
		w = COLS;
	int h = n + 2 > LINES ? LINES : n + 2, x = (COLS - w) / 2, y = (LINES - h) / 2;
	for (int r = 0; r < h; r++)
		draw_clear(y + r, x, w, ST_TITLE);
	for (int i = 0; i < n && i < h - 2; i++)
		draw_text(y + 1 + i, x + 2, w - 4, lines[i], ST_TITLE, 0);
}
