/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_XALLOC_H
#define HEADROOM_XALLOC_H

#include <stddef.h>

/* Allocation that never returns NULL: on failure the fatal hook runs (the TUI
 * sets one that restores the terminal), a message is printed and the process
 * aborts. Memory returned is owned by the caller and released with free(). */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
/* Returns the new block; the caller assigns it (never p = realloc(p, n)). */
void *xreallocarray(void *p, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a newly allocated string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Called once before aborting on allocation failure (e.g. endwin). */
void xalloc_set_fatal_hook(void (*hook)(void));

#endif
