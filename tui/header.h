/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_HEADER_H
#define HEADROOM_HEADER_H
/* The overview's header (tui/header.c): the system's meters, their legend
 * from 30 lines, and the status line. */
struct app;

#define TREND_SPAN 120 /* seconds of history a sparkline spans */

/* How many lines the header takes for the terminal's height (LINES). */
int header_lines(void);
void header_draw(const struct app *a);
#endif
