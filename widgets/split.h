/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_SPLIT_H
#define HEADROOM_SPLIT_H
/* Rows of a screen shared by a list above and a pane below (btop's boxes):
 * the list takes the rows it needs, up to pct percent of avail and never
 * fewer than min_top; the pane gets the rest when that is at least
 * min_pane, else the list has every row (a short terminal). Pure. */
struct split {
	int top;    /* rows of the list above, its titles included */
	int bottom; /* rows of the pane below; 0: none */
};
struct split split_rows(int avail, int need, int pct, int min_top, int min_pane);
#endif
