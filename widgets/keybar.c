/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "widgets/keybar.h"

#include <string.h>

#define KEYBAR_MAX 32

/* The width of the hints kept, with the separators between them. */
static int joined_width(const struct key_hint *h, size_t nh, const int *keep)
{
	int w = 0, any = 0;
	for (size_t i = 0; i < nh; i++)
		if (keep[i]) {
			w += (any ? (int)strlen(KEYBAR_SEP) : 0) + (int)strlen(h[i].text);
			any = 1;
		}
	return w;
}

/* Drop the hint of the largest priority, the last of them; 0 when only
 * priority-0 hints are left. */
static int drop_one(const struct key_hint *h, size_t nh, int *keep)
{
	size_t worst = nh;
	for (size_t i = 0; i < nh; i++)
		if (keep[i] && h[i].prio > 0 && (worst == nh || h[i].prio >= h[worst].prio))
			worst = i;
	if (worst == nh)
		return 0;
	keep[worst] = 0;
	return 1;
}

int keybar_fit(char *out, size_t n, const struct key_hint *h, size_t nh, int width)
{
	int keep[KEYBAR_MAX] = { 0 };
	if (nh > KEYBAR_MAX)
		nh = KEYBAR_MAX;
	for (size_t i = 0; i < nh; i++)
		keep[i] = h[i].text && h[i].text[0];
	while (joined_width(h, nh, keep) > width && drop_one(h, nh, keep))
		;
	size_t len = 0;
	if (n)
		out[0] = '\0';
	for (size_t i = 0; i < nh && n; i++) {
		if (!keep[i])
			continue;
		const char *parts[2] = { len ? KEYBAR_SEP : "", h[i].text };
		for (int p = 0; p < 2; p++)
			for (const char *c = parts[p]; *c && len + 1 < n && (int)len < width; c++)
				out[len++] = *c;
		out[len] = '\0';
	}
	return (int)len;
}
