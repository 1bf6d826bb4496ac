/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_HELPVIEW_H
#define HEADROOM_HELPVIEW_H

#include <stddef.h>

/* The help: every key, from the key tables (tui/keys.h and each screen's),
 * an action that several screens share listed once; then what the marks
 * on screen mean. README and the man page list the same lines (a test
 * checks). */
#define HELP_LINE 96
/* The help's lines into out (at most max); returns how many. Pure. */
size_t help_lines(char (*out)[HELP_LINE], size_t max);
/* The help over the current screen, from line *top (kept in range).
 * When it does not fit, its last row says how to scroll it; returns 1
 * then, else 0. */
int helpview_draw(int *top);
/* A key while the help is shown: 1 when it scrolls the help (Up Down
 * PgUp PgDn j k, when it does not fit), 0 when it closes it. */
int helpview_key(int ch, int scrolls, int *top);

#endif
