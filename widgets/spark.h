/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_SPARK_H
#define HEADROOM_SPARK_H

/* A sparkline: each value becomes a level 0..nlevels-1 on the scale
 * min..max (levels are the caller's glyphs, e.g. the eight block elements).
 * NaN (N/A) is -1. A value above min never rounds down to level 0, so
 * activity stays visible. */
void spark_levels(int *out, const double *vals, int n, double min, double max, int nlevels);

/* The largest / smallest finite value of vals, or 0 when there is none. */
double spark_max(const double *vals, int n);
double spark_min(const double *vals, int n);

#endif
