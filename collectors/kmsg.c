/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "collectors/kmsg.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/xalloc.h"

struct kmsg {
	int fd;
	struct oomlog log;
	char rec[8192]; /* one record: the kernel hands out one per read */
};

struct kmsg *kmsg_open(void)
{
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (lseek(fd, 0, SEEK_END) < 0) { /* what was logged before us is not news */
		int e = errno;
		close(fd);
		errno = e;
		return NULL;
	}
	struct kmsg *k = xcalloc(1, sizeof(*k));
	k->fd = fd;
	oomlog_init(&k->log);
	return k;
}

void kmsg_close(struct kmsg *k)
{
	if (!k)
		return;
	close(k->fd);
	free(k);
}

int kmsg_fd(const struct kmsg *k)
{
	return k ? k->fd : -1;
}

void kmsg_drain(struct kmsg *k, void (*fn)(void *ctx, const struct oom_kill *kill), void *ctx)
{
	for (;;) {
		ssize_t n = read(k->fd, k->rec, sizeof(k->rec) - 1);
		if (n < 0 && errno == EPIPE)
			continue; /* overwritten before we read them: go on from the oldest left */
		if (n <= 0)
			break; /* EAGAIN: nothing more now */
		k->rec[n] = '\0';
		char *nl = memchr(k->rec, '\n', (size_t)n);
		if (nl)
			*nl = '\0'; /* the text; continuation lines (" KEY=value") after it are dropped */
		struct oom_kill kill;
		if (oomlog_feed(&k->log, k->rec, &kill))
			fn(ctx, &kill);
	}
}
