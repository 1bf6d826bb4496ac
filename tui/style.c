/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "tui/style.h"

#include <curses.h>

struct look {
	short fg, bg;
	int attr;    /* with colour */
	int mono;    /* without colour */
	char ch;     /* bar character */
};

static const struct look looks[ST_N] = {
	[ST_NORMAL] = { -1, -1, 0, 0, ' ' },
	[ST_TITLE] = { COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE, ' ' },
	[ST_SELECTED] = { COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE, ' ' },
	[ST_DIM] = { COLOR_BLUE, -1, A_BOLD, A_DIM, ' ' },
	[ST_OK] = { COLOR_GREEN, -1, 0, 0, ' ' },
	[ST_WARN] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD, ' ' },
	[ST_CRIT] = { COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE, ' ' },
	[ST_OOM] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD, ' ' },
	[ST_LIVE] = { COLOR_GREEN, -1, A_BOLD, A_BOLD, ' ' },
	[ST_PAUSED] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE, ' ' },
	[ST_ANON] = { COLOR_GREEN, -1, A_BOLD, 0, '#' },
	[ST_KERNEL] = { COLOR_MAGENTA, -1, A_BOLD, 0, 'K' },
	[ST_SHMEM] = { COLOR_CYAN, -1, A_BOLD, 0, 'S' },
	[ST_FILE_ACTIVE] = { COLOR_YELLOW, -1, A_BOLD, 0, '=' },
	[ST_FILE_INACTIVE] = { COLOR_YELLOW, -1, 0, 0, '-' },
	[ST_CACHE] = { COLOR_YELLOW, -1, 0, 0, '=' },
	[ST_SWAP] = { COLOR_RED, -1, 0, 0, '~' },
	[ST_BUFFERS] = { COLOR_BLUE, -1, A_BOLD, 0, 'b' },
	[ST_COMMIT] = { COLOR_BLUE, -1, A_BOLD, 0, '+' },
	[ST_COMMIT_OVER] = { COLOR_YELLOW, -1, A_BOLD, 0, '+' },
	[ST_COMMIT_PAST] = { COLOR_RED, -1, A_BOLD, 0, '+' },
	[ST_VIRT] = { COLOR_BLUE, -1, 0, 0, '.' },
	[ST_RES] = { COLOR_GREEN, -1, A_BOLD, 0, '#' },
	[ST_FREE] = { -1, -1, 0, 0, ' ' },
	[ST_MARK] = { COLOR_WHITE, -1, A_BOLD, A_BOLD, '|' },
};

static int colors;

void style_init(int no_color)
{
	colors = !no_color && has_colors();
	if (!colors)
		return;
	start_color();
	use_default_colors();
	for (int s = 1; s < ST_N; s++)
		init_pair((short)s, looks[s].fg, looks[s].bg);
}

int style_has_color(void)
{
	return colors;
}

int style_attr(enum style s)
{
	if (s <= ST_NORMAL || s >= ST_N)
		return 0;
	return colors ? (int)COLOR_PAIR(s) | looks[s].attr : looks[s].mono;
}

char style_char(enum style s)
{
	return s > 0 && s < ST_N ? looks[s].ch : ' ';
}
