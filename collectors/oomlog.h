/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_OOMLOG_H
#define HEADROOM_OOMLOG_H

#include <stdint.h>

#include "util/value.h"

/* The kernel's OOM report, as /dev/kmsg hands it out a record at a time
 * ("PRI,SEQ,USEC,FLAGS;TEXT"): a kill is told by "memory: usage ..kB, limit
 * ..kB, failcnt .." (a cgroup's OOM), then "oom-kill:constraint=..,
 * oom_memcg=..,task_memcg=..,task=..,pid=..,uid=..", then "<Memory cgroup
 * out of memory|Out of memory>: Killed process PID (COMM) total-vm:..kB,
 * anon-rss:..kB, file-rss:..kB, shmem-rss:..kB, UID:.. pgtables:..kB
 * oom_score_adj:..". Pure: the caller reads the records. */

/* One OOM kill. What the log did not say is N/A (or "" for a path). */
struct oom_kill {
	uint64_t seq, usec; /* of the "Killed process" record: kmsg sequence, µs since boot */
	int memcg;	    /* 1: a cgroup's limit fired; 0: the system ran out */
	char constraint[32];
	char oom_memcg[512];  /* the cgroup whose limit fired (often an ancestor) */
	char task_memcg[512]; /* the victim's own cgroup */
	char comm[64];
	int pid;
	val_t usage, limit;					 /* bytes: of oom_memcg, as the report says */
	val_t total_vm, anon_rss, file_rss, shmem_rss, pgtables; /* bytes: the victim's, at its death */
	val_t uid;
	sval_t oom_score_adj;
};

/* What is known of the kill being told. */
struct oomlog {
	struct oom_kill cur;
};

void oomlog_init(struct oomlog *p);
/* Feed one record (one line: no newline needed). Returns 1 when it ended
 * the report of a kill, now in *out; 0 for any other record. */
int oomlog_feed(struct oomlog *p, const char *record, struct oom_kill *out);

#endif
