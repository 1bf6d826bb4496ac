/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "widgets/tree.h"

#include <string.h>

/* Append s whole, or nothing ever again (*w = n marks the cut). */
static void put(char *out, size_t n, size_t *w, const char *s)
{
	size_t len = strlen(s);
	if (*w < n && *w + len < n) {
		memcpy(out + *w, s, len);
		*w += len;
		out[*w] = '\0';
	} else {
		*w = n;
	}
}

char *tree_prefix(char *out, size_t n, const unsigned char *last, int depth, int has_kids, int folded, int utf8)
{
	size_t w = 0;
	if (!n)
		return out;
	out[0] = '\0';
	for (int d = 1; d < depth; d++)
		put(out, n, &w, last[d] ? "  " : (utf8 ? "\u2502 " : "| "));
	if (depth > 0)
		put(out, n, &w, last[depth] ? (utf8 ? "\u2514\u2500" : "`-") : (utf8 ? "\u251c\u2500" : "|-"));
	put(out, n, &w, has_kids ? (folded ? "+" : "-") : (depth > 0 ? (utf8 ? "\u2500" : "-") : " "));
	return out;
}
