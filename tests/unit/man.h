/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Shared by the unit tests that check the man page says what the code
 * does: docs/headroom.1's text, with roff's "\-" turned into '-'. */
#ifndef HEADROOM_TEST_MAN_H
#define HEADROOM_TEST_MAN_H

#include <stdio.h>
#include <string.h>

#include "util/xalloc.h"

/* The man page's text (run from the top of the tree), owned by the
 * caller; NULL when it cannot be read. */
static inline char *man_text(void)
{
	FILE *f = fopen("docs/headroom.1", "r");
	if (!f)
		return NULL;
	char *man = xcalloc(1, 1 << 20);
	size_t n = fread(man, 1, (1 << 20) - 1, f);
	fclose(f);
	man[n] = '\0';
	for (char *p; (p = strstr(man, "\\-"));)
		memmove(p, p + 1, strlen(p + 1) + 1);
	return man;
}

#endif
