/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_LISTVIEW_H
#define HEADROOM_LISTVIEW_H

/* Selection and scrolling of a list of n rows shown height rows at a time.
 * Pure state: the screens draw rows top..top+height-1. */
struct listview {
	int n;      /* rows */
	int height; /* rows visible */
	int sel;    /* selected row, -1 when n == 0 */
	int top;    /* first visible row */
};

/* Set n and height (after a new sample or a resize), keeping sel in range
 * and visible. */
void list_resize(struct listview *l, int n, int height);
/* Move by delta rows (arrows: +-1, PgUp/PgDn: +-height), clamped. */
void list_move(struct listview *l, int delta);
void list_home(struct listview *l);
void list_end(struct listview *l);
/* Select row i (a mouse click on a visible row, or a search hit). */
void list_select(struct listview *l, int i);

#endif
