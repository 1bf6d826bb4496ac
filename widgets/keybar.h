/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_KEYBAR_H
#define HEADROOM_KEYBAR_H

#include <stddef.h>

/* The footer's key hints ("F1 Help  q Quit"), fitted to a width: hints
 * are dropped by priority (larger first, the later first among equals),
 * the rest kept in their order, two spaces apart, so that those of
 * priority 0 (help, quit, a filter's note) stay as long as they fit.
 * Pure. */
struct key_hint {
	const char *text; /* NULL or "": skipped */
	int prio;
};
#define KEYBAR_SEP "  "

/* Into out (n bytes): the hints that fit in width columns (one byte a
 * column: the hints are ASCII). Returns its length. */
int keybar_fit(char *out, size_t n, const struct key_hint *h, size_t nh, int width);

#endif
