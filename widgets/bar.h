/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_BAR_H
#define HEADROOM_BAR_H

#include <stdint.h>

/* A stacked bar: segments laid end to end against a total, plus markers.
 * bar_layout decides which segment each cell shows; drawing it (characters,
 * colours) is the caller's. Pure: no terminal. */
struct bar_seg {
	uint64_t value;
	int id; /* the caller's style for this segment */
};

#define BAR_EMPTY (-1) /* a cell no segment reaches */

/* Fill cells[0..width) with segment ids. Boundaries fall at the rounded
 * cumulative sums, so the whole bar is proportional and a bar at total is
 * full. Returns the number of filled cells; 0 when width or total is 0.
 * Segments past total are cut (*overflow set, if given). */
int bar_layout(int *cells, int width, const struct bar_seg *segs, int nseg, uint64_t total, int *overflow);

/* The cell a marker at value `at` falls on, or -1 when it is outside the
 * bar (at > total, or no width). A marker at total is on the last cell. */
int bar_mark_cell(uint64_t at, uint64_t total, int width);

#endif
