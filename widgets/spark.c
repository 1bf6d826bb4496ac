/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "widgets/spark.h"

#include <math.h>

double spark_max(const double *vals, int n)
{
	double m = 0;
	for (int i = 0; i < n; i++)
		if (isfinite(vals[i]) && vals[i] > m)
			m = vals[i];
	return m;
}

void spark_levels(int *out, const double *vals, int n, double max, int nlevels)
{
	for (int i = 0; i < n; i++) {
		double v = vals[i];
		if (!isfinite(v)) {
			out[i] = -1;
			continue;
		}
		if (v <= 0 || max <= 0) {
			out[i] = 0;
			continue;
		}
		int l = (int)lround(v / max * (nlevels - 1));
		out[i] = l < 1 ? 1 : l >= nlevels ? nlevels - 1 : l;
	}
}
