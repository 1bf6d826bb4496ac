/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*fatal_hook)(void);

void xalloc_set_fatal_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

static void *fail(size_t n)
{
	if (fatal_hook)
		fatal_hook();
	fprintf(stderr, "headroom: out of memory (%zu bytes)\n", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	return p ? p : fail(n);
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	return p ? p : fail(count * size);
}

void *xreallocarray(void *p, size_t count, size_t size)
{
	void *q = reallocarray(p, count ? count : 1, size ? size : 1);
	return q ? q : fail(count * size);
}

char *xstrdup(const char *s)
{
	char *p = strdup(s);
	return p ? p : fail(strlen(s) + 1);
}

char *xstrndup(const char *s, size_t n)
{
	char *p = strndup(s, n);
	return p ? p : fail(n + 1);
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p = NULL;
	va_start(ap, fmt);
	int n = vasprintf(&p, fmt, ap);
	va_end(ap);
	return n < 0 ? fail(0) : p;
}
