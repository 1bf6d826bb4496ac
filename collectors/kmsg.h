/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_KMSG_H
#define HEADROOM_KMSG_H

#include "collectors/oomlog.h"

/* The kernel's log, /dev/kmsg, read from where it ends when opened, without
 * blocking, for OOM kills (collectors/oomlog.h). Its records stay in the
 * kernel's ring until read, so a kill between two samples is not missed. */
struct kmsg;

/* NULL, with errno, when /dev/kmsg cannot be read (not root, or
 * kernel.dmesg_restrict): kills are then known from the counters alone. */
struct kmsg *kmsg_open(void);
void kmsg_close(struct kmsg *k);
/* For poll(): readable when records came. */
int kmsg_fd(const struct kmsg *k);
/* Read every record there is; fn(ctx, kill) for each kill told. Records
 * the ring overwrote before they were read are skipped (a report cut so
 * loses its first lines, not its kill line). */
void kmsg_drain(struct kmsg *k, void (*fn)(void *ctx, const struct oom_kill *kill), void *ctx);

#endif
