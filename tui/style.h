/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_STYLE_H
#define HEADROOM_STYLE_H

/* What each kind of thing on screen looks like: a colour pair and
 * attributes, and for bar segments a character of its own, so that a
 * monochrome terminal (or NO_COLOR) still tells them apart. */
enum style {
	ST_NORMAL,
	ST_TITLE,     /* column headers, screen titles */
	ST_SELECTED,  /* the selected row */
	ST_DIM,       /* N/A, hints */
	ST_OK,        /* plenty of headroom */
	ST_WARN,      /* past the warning threshold */
	ST_CRIT,      /* past the critical threshold */
	ST_OOM,       /* an OOM kill in the last minute */
	ST_LIVE,
	ST_PAUSED,
	/* bar segments */
	ST_ANON,
	ST_KERNEL,
	ST_SHMEM,
	ST_FILE_ACTIVE,
	ST_FILE_INACTIVE,
	ST_CACHE, /* page cache as one segment (system bar) */
	ST_SWAP,
	ST_BUFFERS,
	ST_COMMIT,
	ST_COMMIT_OVER, /* Committed_AS past the first of MemTotal, CommitLimit */
	ST_COMMIT_PAST, /* past both */
	ST_VIRT,
	ST_RES,
	ST_FREE,
	ST_MARK, /* a marker on a bar (memory.high, MemAvailable ...) */
	ST_N
};

/* Set up colour pairs unless no_color (NO_COLOR, --no-color, or a terminal
 * without colours). Call after initscr. */
void style_init(int no_color);
int style_attr(enum style s); /* attributes for attron() */
char style_char(enum style s); /* the bar character of a segment style */
int style_has_color(void);

#endif
