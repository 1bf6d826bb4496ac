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

double spark_min(const double *vals, int n)
{
	double m = INFINITY;
	for (int i = 0; i < n; i++)
		if (isfinite(vals[i]) && vals[i] < m)
			m = vals[i];
	return isfinite(m) ? m : 0;
}

void spark_levels(int *out, const double *vals, int n, double min, double max, int nlevels)
{
	for (int i = 0; i < n; i++) {
		double v = vals[i];
		if (!isfinite(v)) {
			out[i] = -1;
			continue;
		}
		if (v <= min || max <= min) {
			out[i] = 0;
			continue;
		}
		int l = (int)lround((v - min) / (max - min) * (nlevels - 1));
		out[i] = l < 1 ? 1 : l >= nlevels ? nlevels - 1 : l;
	}
}
