/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_FDPOOL_H
#define HEADROOM_FDPOOL_H

#include "util/fsio.h"

/* The hot path keeps one descriptor per process statm and per cgroup file
 * open across samples (opening a /proc file costs far more than reading it).
 * The pool caps how many stay open, leaving a reserve, so running out of
 * descriptors degrades to open/read/close instead of failing. */
struct fdpool {
	long kept, max;
};
void fdpool_init(struct fdpool *p); /* raises RLIMIT_NOFILE to its hard limit */

/* A kept file slot: >= 0 an open fd, FD_UNOPENED, or FD_ABSENT (the file does
 * not exist; not retried for the life of the slot). */
#define FD_UNOPENED (-1)
#define FD_ABSENT (-2)

/* Read dirfd/name into b through *slot, opening and keeping it if the pool
 * allows. record: the file is one record (buf_pread_record), else it is
 * read to its end. Returns 0 or an errno (ENOENT for an absent file). */
int fdpool_read(struct fdpool *p, int *slot, int dirfd, const char *name, struct buf *b, int record);
void fdpool_close(struct fdpool *p, int *slot);

/* A descriptor kept outside the slots (collectors/watch.h) counts too:
 * fdpool_take returns 1 and counts one when the pool allows, else 0;
 * fdpool_give returns one taken. */
int fdpool_take(struct fdpool *p);
void fdpool_give(struct fdpool *p);

#endif
