/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The kernel's OOM report, record by record, as /dev/kmsg gave it on this
 * machine kind (tests/fixtures/kmsg/README.md): one kill, every figure of
 * it; and the report's edges. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "collectors/oomlog.h"
#include "output/batch.h"
#include "output/json.h"
#include "model/events.h"
#include "output/evtext.h"

#define CG "/process_api/62923f8e1897ef240e16295ee479c1db/hr-kmsg-20821"

static int feed_file(const char *path, struct oom_kill *kills, int max)
{
	FILE *f = fopen(path, "r");
	if (!f)
		fail_msg("cannot read %s", path);
	char line[4096];
	struct oomlog p;
	int n = 0;
	oomlog_init(&p);
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (n < max && oomlog_feed(&p, line, &kills[n]))
			n++;
	}
	fclose(f);
	return n;
}

/* memory: usage 32768kB, limit 32768kB; oom-kill:constraint=CONSTRAINT_MEMCG,
 * ..., task=hog,pid=20868,uid=0; Memory cgroup out of memory: Killed
 * process 20868 (hog) total-vm:35276kB, anon-rss:32640kB, file-rss:1380kB,
 * shmem-rss:0kB, UID:0 pgtables:104kB oom_score_adj:0 (record 12591). */
static void test_memcg_kill(void **state)
{
	(void)state;
	struct oom_kill k[4];
	assert_int_equal(feed_file("tests/fixtures/kmsg/v1-memcg-oom.txt", k, 4), 1);
	assert_int_equal(k[0].seq, 12591);
	assert_true(k[0].usec == 5662711987ULL);
	assert_int_equal(k[0].memcg, 1);
	assert_string_equal(k[0].constraint, "CONSTRAINT_MEMCG");
	assert_string_equal(k[0].oom_memcg, CG);
	assert_string_equal(k[0].task_memcg, CG);
	assert_string_equal(k[0].comm, "hog");
	assert_int_equal(k[0].pid, 20868);
	assert_true(val_is_ok(k[0].usage) && k[0].usage.v == 32768 * 1024ULL);
	assert_true(val_is_ok(k[0].limit) && k[0].limit.v == 32768 * 1024ULL);
	assert_true(val_is_ok(k[0].total_vm) && k[0].total_vm.v == 35276 * 1024ULL);
	assert_true(val_is_ok(k[0].anon_rss) && k[0].anon_rss.v == 32640 * 1024ULL);
	assert_true(val_is_ok(k[0].file_rss) && k[0].file_rss.v == 1380 * 1024ULL);
	assert_true(val_is_ok(k[0].shmem_rss) && k[0].shmem_rss.v == 0);
	assert_true(val_is_ok(k[0].pgtables) && k[0].pgtables.v == 104 * 1024ULL);
	assert_true(val_is_ok(k[0].uid) && k[0].uid.v == 0);
	assert_true(k[0].oom_score_adj.st == V_OK && k[0].oom_score_adj.v == 0);
}

/* The machine as a whole out of memory (no cgroup's limit), as the v2
 * guest's kernel told it (tests/fixtures/kmsg/capture-global.sh): no
 * "memory: usage" line; oom-kill:constraint=CONSTRAINT_NONE,...,global_oom,
 * task_memcg=/,task=hog,pid=108,uid=0; Out of memory: Killed process 108
 * (hog) total-vm:453248kB, anon-rss:442928kB, file-rss:4kB,
 * shmem-rss:1384kB, UID:0 pgtables:912kB oom_score_adj:0 (record 414). */
static void test_global_kill(void **state)
{
	(void)state;
	struct oom_kill k[4];
	assert_int_equal(feed_file("tests/fixtures/kmsg/v2-global-oom.txt", k, 4), 1);
	assert_int_equal(k[0].seq, 414);
	assert_true(k[0].usec == 9648171ULL);
	assert_int_equal(k[0].memcg, 0);
	assert_string_equal(k[0].constraint, "CONSTRAINT_NONE");
	assert_string_equal(k[0].oom_memcg, "");
	assert_string_equal(k[0].task_memcg, "/");
	assert_string_equal(k[0].comm, "hog");
	assert_int_equal(k[0].pid, 108);
	assert_int_equal(k[0].usage.st, V_NA); /* no cgroup's usage and limit: not 0 */
	assert_int_equal(k[0].limit.st, V_NA);
	assert_true(val_is_ok(k[0].total_vm) && k[0].total_vm.v == 453248 * 1024ULL);
	assert_true(val_is_ok(k[0].anon_rss) && k[0].anon_rss.v == 442928 * 1024ULL);
	assert_true(val_is_ok(k[0].file_rss) && k[0].file_rss.v == 4 * 1024ULL);
	assert_true(val_is_ok(k[0].shmem_rss) && k[0].shmem_rss.v == 1384 * 1024ULL);
	assert_true(val_is_ok(k[0].pgtables) && k[0].pgtables.v == 912 * 1024ULL);
	assert_true(k[0].oom_score_adj.st == V_OK && k[0].oom_score_adj.v == 0);
	struct events e;
	events_init(&e, NULL);
	char text[512];
	event_text(text, sizeof(text), events_add_kill(&e, &k[0], NULL, 9.7, 0));
	assert_string_equal(text, "OOM kill: hog (pid 108) in /; anon 433M file 4.0K shmem 1.4M; oom_score_adj 0; "
				  "the system ran out of memory");
	events_free(&e);
}

/* A kill told without its context (the records before it lost, as when
 * headroom starts mid-report), one after another report, commas and ") " in
 * names, a negative oom_score_adj, and lines that are not records. */
static void test_edges(void **state)
{
	(void)state;
	struct oomlog p;
	struct oom_kill k;
	oomlog_init(&p);
	assert_int_equal(oomlog_feed(&p, "not a record", &k), 0);
	assert_int_equal(oomlog_feed(&p, "6,1,2,-;memory: usage 100kB, limit 200kB, failcnt 3", &k), 0);
	assert_int_equal(oomlog_feed(&p, "4,2,3,-;x invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0", &k), 0);
	/* the usage above belonged to a report now over: not carried */
	assert_int_equal(oomlog_feed(&p,
				     "3,3,4,-;Out of memory: Killed process 7 (a) b) total-vm:8kB, anon-rss:4kB, "
				     "file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:4kB oom_score_adj:-500",
				     &k),
			 1);
	assert_int_equal(k.memcg, 0);
	assert_int_equal(k.pid, 7);
	assert_string_equal(k.comm, "a) b");
	assert_string_equal(k.oom_memcg, "");
	assert_int_equal(k.usage.st, V_NA);
	assert_true(k.oom_score_adj.st == V_OK && k.oom_score_adj.v == -500);
	assert_true(val_is_ok(k.uid) && k.uid.v == 1000);
	/* paths and a command with commas */
	assert_int_equal(oomlog_feed(&p,
				     "6,4,5,-;oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,"
				     "mems_allowed=0,oom_memcg=/a,b,task_memcg=/a,b/c,d,task=x,y,pid=9,uid=0",
				     &k),
			 0);
	assert_int_equal(oomlog_feed(&p,
				     "3,5,6,-;Memory cgroup out of memory: Killed process 9 (x,y) total-vm:4kB, "
				     "anon-rss:4kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:4kB oom_score_adj:0",
				     &k),
			 1);
	assert_string_equal(k.oom_memcg, "/a,b");
	assert_string_equal(k.task_memcg, "/a,b/c,d");
	assert_string_equal(k.comm, "x,y");
	/* a context for another pid is not this kill's */
	oomlog_feed(&p,
		    "6,6,7,-;oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,"
		    "oom_memcg=/q,task_memcg=/q,task=z,pid=11,uid=0",
		    &k);
	assert_int_equal(oomlog_feed(&p,
				     "3,7,8,-;Memory cgroup out of memory: Killed process 12 (w) total-vm:4kB, "
				     "anon-rss:4kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:4kB oom_score_adj:0",
				     &k),
			 1);
	assert_int_equal(k.pid, 12);
	assert_string_equal(k.task_memcg, "");
	/* garbage after a label: N/A, not 0 */
	assert_int_equal(oomlog_feed(&p, "3,8,9,-;Out of memory: Killed process 13 (v) total-vm:xkB, anon-rss:4kB", &k),
			 1);
	assert_int_equal(k.total_vm.st, V_NA);
	assert_int_equal(k.file_rss.st, V_NA);
}

/* The kill as batch and JSON print it between samples: an event learned
 * before headroom read the victim. */
static void test_printed(void **state)
{
	(void)state;
	struct oom_kill k[1];
	assert_int_equal(feed_file("tests/fixtures/kmsg/v1-memcg-oom.txt", k, 1), 1);
	struct events e;
	events_init(&e, NULL);
	const struct event *ev = events_add_kill(&e, &k[0], NULL, 5662.75, 1764660000.25);
	char *text = NULL, *json = NULL;
	size_t tn = 0, jn = 0;
	FILE *f = open_memstream(&text, &tn);
	batch_print_event(f, ev);
	fclose(f);
	f = open_memstream(&json, &jn);
	json_print_event(f, ev);
	fclose(f);
	events_free(&e);
	assert_string_equal(text, "EVENT OOM kill: hog (pid 20868) in " CG "; anon 32M file 1.3M shmem 0; "
				  "oom_score_adj 0; limit 32M of that cgroup, usage 32M\n");
	assert_string_equal(json, "{\"event\":\"oom_kill\",\"time\":1764660000.250,\"cgroup\":\"" CG "\",\"seq\":12591,\"usec\":5662711987,\"scope\":\"cgroup\","
				  "\"constraint\":\"CONSTRAINT_MEMCG\",\"oom_memcg\":\"" CG "\",\"task_memcg\":\"" CG
				  "\",\"pid\":20868,\"comm\":\"hog\",\"uid\":0,\"usage\":33554432,\"limit\":33554432,"
				  "\"total_vm\":36122624,\"anon_rss\":33423360,\"file_rss\":1413120,\"shmem_rss\":0,"
				  "\"pgtables\":106496,\"oom_score_adj\":0,\"told_after\":0.038,\"last\":null,\"na\":{}}\n");
	free(text);
	free(json);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memcg_kill),
		cmocka_unit_test(test_global_kill),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_printed),
	};
	return cmocka_run_group_tests_name("OOM report", tests, NULL, NULL);
}
