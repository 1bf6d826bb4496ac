/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "collectors/fdpool.h"

#include <errno.h>
#include <unistd.h>

/* Descriptors left for everything else (libproc2, output, transient opens). */
#define FD_RESERVE 64

void fdpool_init(struct fdpool *p)
{
	long lim = fd_limit_raise();
	p->kept = 0;
	p->max = lim > FD_RESERVE * 2 ? lim - FD_RESERVE : lim / 2;
}

int fdpool_read(struct fdpool *p, int *slot, int dirfd, const char *name, struct buf *b, int record)
{
	int (*rd)(struct buf *, int) = record ? buf_pread_record : buf_pread_all;
	if (*slot == FD_ABSENT)
		return ENOENT;
	if (*slot >= 0)
		return rd(b, *slot);
	if (p->kept >= p->max)
		return buf_read_at(b, dirfd, name);
	int fd = open_ro_at(dirfd, name);
	if (fd == -ENOENT)
		*slot = FD_ABSENT;
	if (fd < 0)
		return -fd;
	*slot = fd;
	p->kept++;
	return rd(b, fd);
}

void fdpool_close(struct fdpool *p, int *slot)
{
	if (*slot >= 0) {
		close(*slot);
		p->kept--;
	}
	*slot = FD_UNOPENED;
}

int fdpool_take(struct fdpool *p)
{
	if (p->kept >= p->max)
		return 0;
	p->kept++;
	return 1;
}

void fdpool_give(struct fdpool *p)
{
	p->kept--;
}
