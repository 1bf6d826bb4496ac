/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util/fsio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "util/xalloc.h"

void buf_free(struct buf *b)
{
	free(b->p);
	*b = (struct buf){ 0 };
}

static void buf_reserve(struct buf *b, size_t want)
{
	if (b->cap >= want)
		return;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < want)
		cap *= 2;
	b->p = xreallocarray(b->p, cap, 1);
	b->cap = cap;
}

/* pread from offset 0 into b; whole: until a read returns 0, else until a
 * read leaves room in the buffer. */
static int pread_into(struct buf *b, int fd, int whole)
{
	buf_reserve(b, 4096);
	b->len = 0;
	for (;;) {
		size_t room = b->cap - b->len - 1;
		ssize_t n = pread(fd, b->p + b->len, room, (off_t)b->len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		b->len += (size_t)n;
		if (n == 0 || (!whole && (size_t)n < room))
			break;
		if (b->cap - b->len < 2048)
			buf_reserve(b, b->cap * 2);
	}
	b->p[b->len] = '\0';
	return 0;
}

int buf_pread_all(struct buf *b, int fd)
{
	return pread_into(b, fd, 1);
}

int buf_pread_record(struct buf *b, int fd)
{
	return pread_into(b, fd, 0);
}

int open_ro_at(int dirfd, const char *name)
{
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

int open_dir_at(int dirfd, const char *name)
{
	int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

int buf_read_at(struct buf *b, int dirfd, const char *name)
{
	int fd = open_ro_at(dirfd, name);
	if (fd < 0)
		return -fd;
	int err = buf_pread_all(b, fd);
	close(fd);
	return err;
}

long fd_limit_raise(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return -1;
	if (rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
		getrlimit(RLIMIT_NOFILE, &rl);
	}
	return (long)rl.rlim_cur;
}
