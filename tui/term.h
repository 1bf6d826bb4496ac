/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_TERM_H
#define HEADROOM_TERM_H

#include <stddef.h>

/* The terminal: curses set up and always restored, on q, on SIGINT and
 * SIGTERM (which only set a flag the main loop reads), and on a crash
 * (SIGSEGV, SIGBUS, SIGFPE, SIGABRT and the allocation-failure path
 * restore the terminal, then die as they would have). */
int term_open(int no_color);
void term_close(void);
/* Can the terminal ($TERM, on stdout) show the dashboard: is it known,
 * with cursor addressing? 1, or 0 with why (e.g. TERM=dumb). */
int term_can_draw(char *why, size_t n);
/* Set by SIGINT/SIGTERM. */
int term_quit_requested(void);
/* Is the locale UTF-8 (box drawing and block characters)? */
int term_utf8(void);

#endif
