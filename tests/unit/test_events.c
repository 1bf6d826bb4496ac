/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The event model: sequences of samples (the files as the kernel writes
 * them, through the model) and which events each step tells, and when it
 * stops telling them; kills from the kernel log; events outliving their
 * cgroup. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include <cmocka.h>

#include "tests/unit/man.h"

#include "driver/driver.h"
#include "model/events.h"
#include "model/model.h"
#include "output/evtext.h"
#include "output/json.h"
#include "util/xalloc.h"

/* A v1 cgroup: its limit, failcnt, oom_control (oom_kill, under_oom). */
struct v1cg {
	uint64_t id;
	const char *path;
	int parent;
	uint64_t limit, failcnt, kills, under_oom, swap;
};

/* Sample number seq (seq seconds in) of the cgroups in g[0..n). */
static void v1_sample(struct sample *s, int seq, const struct v1cg *g, size_t n)
{
	*s = (struct sample){ .seq = (uint64_t)seq, .mono = seq, .wall = 1764660000.0 + seq, .version = 1 };
	for (size_t i = 0; i < n; i++) {
		struct cg_sample *c = sample_add_cg(s);
		c->id = g[i].id;
		c->path = xstrdup(g[i].path);
		c->parent = g[i].parent;
		for (int f = 0; f < CG_NFILES; f++)
			c->f[f] = val_na(NA_ABSENT);
		c->f[F1_USAGE] = val_ok(1 << 20);
		c->f[F1_LIMIT] = g[i].limit ? val_ok(g[i].limit) : val_unlimited();
		c->f[F1_FAILCNT] = val_ok(g[i].failcnt);
		char text[128];
		snprintf(text, sizeof(text), "oom_kill_disable 0\nunder_oom %llu\noom_kill %llu\n",
			 (unsigned long long)g[i].under_oom, (unsigned long long)g[i].kills);
		kvset_parse(&c->kv[K_OOM_CONTROL], text);
		snprintf(text, sizeof(text), "total_rss 0\ntotal_cache 0\ntotal_shmem 0\ntotal_swap %llu\n",
			 (unsigned long long)g[i].swap);
		kvset_parse(&c->kv[K_STAT], text);
	}
}

/* The events of a run of samples, each step's cgroups in steps[k]. */
struct run {
	struct events e;
	struct sample s[2];
	int k;
};

static void step(struct run *r, const struct v1cg *g, size_t n)
{
	struct sample *prev = r->k ? &r->s[(r->k - 1) % 2] : NULL, *cur = &r->s[r->k % 2];
	sample_free(cur);
	v1_sample(cur, r->k + 1, g, n);
	model_update(prev, cur);
	events_from_samples(&r->e, prev, cur);
	r->k++;
}

static void run_free(struct run *r)
{
	events_free(&r->e);
	sample_free(&r->s[0]);
	sample_free(&r->s[1]);
}

/* The words of the i-th newest event. */
static const char *text(const struct run *r, size_t i)
{
	static char buf[1600];
	const struct event *ev = events_get(&r->e, i);
	assert_non_null(ev);
	return event_text(buf, sizeof(buf), ev);
}

/* A limit hit told once when hits begin, not while they go on (however
 * long), and again when they begin anew after the quiet time; a limit
 * written; a stall and its end; swap starting. */
static void test_counters(void **state)
{
	(void)state;
	struct run r = { 0 };
	events_init(&r.e, NULL);
	struct v1cg g[2] = { { 1, "/", -1, 0, 0, 0, 0, 0 }, { 2, "/lab", 0, 50 << 20, 0, 0, 0, 0 } };
	step(&r, g, 2);
	assert_int_equal(r.e.seq, 0); /* the first sample tells nothing */
	g[1].failcnt = 36;
	step(&r, g, 2);
	assert_int_equal(r.e.seq, 1);
	assert_string_equal(text(&r, 0), "limit hit: /lab began to hit its limit (36 times since the last sample)");
	g[1].failcnt = 80;
	step(&r, g, 2); /* still hitting: nothing new */
	step(&r, g, 2); /* stopped */
	g[1].failcnt = 81;
	step(&r, g, 2); /* began again 3 s after it began: quiet */
	assert_int_equal(r.e.seq, 1);
	for (int i = 0; i < 8; i++)
		step(&r, g, 2);
	g[1].failcnt = 90;
	step(&r, g, 2); /* 13 s after: told */
	assert_int_equal(r.e.seq, 2);
	assert_string_equal(text(&r, 0), "limit hit: /lab began to hit its limit (9 times since the last sample)");
	for (int i = 0; i < 12; i++) { /* hitting on, past the quiet time: not begun again */
		g[1].failcnt += 5;
		step(&r, g, 2);
	}
	assert_int_equal(r.e.seq, 2);
	g[1].limit = 100 << 20;
	g[1].under_oom = 1;
	g[1].swap = 4096;
	step(&r, g, 2);
	assert_int_equal(r.e.seq, 5);
	assert_string_equal(text(&r, 2), "limit set: /lab from 50M to 100M");
	assert_string_equal(text(&r, 1), "stalled: /lab is at its limit and its OOM killer is disabled: its processes "
					 "wait (under_oom 1)");
	assert_string_equal(text(&r, 0), "swap: /lab began to use swap (4.0K)");
	g[1].under_oom = 0;
	g[1].limit = 0; /* unlimited again */
	step(&r, g, 2);
	assert_string_equal(text(&r, 1), "limit set: /lab from 100M to unlimited");
	assert_string_equal(text(&r, 0), "stall over: /lab (under_oom 0)");
	assert_int_equal(r.e.count[EV_LIMIT_HIT], 2);
	assert_int_equal(r.e.count[EV_OOM_KILL], 0);
	run_free(&r);
}

/* Without the kernel log, a kill is told from the counters, in the cgroup
 * whose process died (v1 counts it there; the model sums it upward, which
 * must not tell it again in the parent); a cgroup removed and made anew
 * keeps its kills. */
static void test_counted_kills(void **state)
{
	(void)state;
	struct run r = { 0 };
	events_init(&r.e, "/dev/kmsg cannot be read: Permission denied");
	struct v1cg g[3] = { { 1, "/", -1, 0, 0, 0, 0, 0 },
			     { 2, "/box", 0, 0, 0, 0, 0, 0 },
			     { 3, "/box/app", 1, 50 << 20, 0, 0, 0, 0 } };
	step(&r, g, 3);
	g[2].kills = 1;
	step(&r, g, 3);
	assert_int_equal(r.e.seq, 1);
	assert_string_equal(text(&r, 0), "OOM kill: 1 killed in /box/app (the victim is not known: /dev/kmsg cannot "
					 "be read: Permission denied)");
	step(&r, g, 2); /* /box/app removed */
	assert_string_equal(text(&r, 0), "cgroup gone: /box/app");
	g[2].id = 4; /* made anew, and killed at once */
	step(&r, g, 3);
	assert_string_equal(text(&r, 1), "new cgroup: /box/app");
	assert_string_equal(text(&r, 0), "OOM kill: 1 killed in /box/app (the victim is not known: /dev/kmsg cannot "
					 "be read: Permission denied)");
	assert_int_equal(events_count_in(&r.e, EV_OOM_KILL, "/box/app"), 2);
	assert_int_equal(events_count_in(&r.e, EV_OOM_KILL, "/box"), 0);
	assert_int_equal(r.e.count[EV_OOM_KILL], 2);
	run_free(&r);
}

/* With the kernel log, the counters tell no kill (the log does); the log's
 * kill takes the victim's last reading from the newest sample; a kill
 * outside the subtree shown is not kept. */
static void test_told_kill(void **state)
{
	(void)state;
	struct run r = { 0 };
	events_init(&r.e, NULL);
	struct v1cg g[2] = { { 1, "/", -1, 0, 0, 0, 0, 0 }, { 2, "/lab", 0, 50 << 20, 0, 0, 0, 0 } };
	step(&r, g, 2);
	struct sample *cur = &r.s[0];
	struct proc_sample *p = sample_add_proc(cur);
	p->pid = 4242;
	p->cg = 1;
	p->virt = val_ok(120 << 20);
	p->res = val_ok(50 << 20);
	p->shr = val_ok(1 << 20);
	p->d.ok = 1;
	p->d.swap = val_ok(0);
	p->d.user = xstrdup("root");
	p->d.cmdline = xstrdup("headroom eat --anon 100M");
	struct oom_kill k = { .memcg = 1, .pid = 4242, .oom_memcg = "/lab", .task_memcg = "/lab", .comm = "headroom" };
	k.anon_rss = k.file_rss = k.shmem_rss = k.usage = k.limit = val_na(NA_ABSENT);
	k.oom_score_adj = sval_ok(0);
	const struct event *ev = events_add_kill(&r.e, &k, cur, 1.5, 1764660001.5);
	assert_int_equal(ev->victim.seen, 1);
	assert_int_equal(cur->procs[0].oom_killed, 1); /* listed in the sample, but gone: every screen sees it */
	assert_int_equal(ev->victim.res.v, 50 << 20);
	assert_string_equal(ev->victim.cmdline, "headroom eat --anon 100M");
	k.pid = 4243; /* born and killed between samples */
	assert_int_equal(events_add_kill(&r.e, &k, cur, 1.6, 1764660001.6)->victim.seen, 0);
	free(cur->cgs[0].path); /* a view of /lab only: a kill in /other is not its */
	cur->cgs[0].path = xstrdup("/lab");
	struct oom_kill out = { .memcg = 1, .pid = 99, .oom_memcg = "/other", .task_memcg = "/other/x" };
	assert_null(events_add_kill(&r.e, &out, cur, 1.7, 1764660001.7));
	snprintf(out.oom_memcg, sizeof(out.oom_memcg), "/lab"); /* its limit fired, for one of /lab's */
	assert_non_null(events_add_kill(&r.e, &out, cur, 1.7, 1764660001.7));
	snprintf(out.task_memcg, sizeof(out.task_memcg), "/labrador");
	snprintf(out.oom_memcg, sizeof(out.oom_memcg), "/labrador");
	assert_null(events_add_kill(&r.e, &out, cur, 1.7, 1764660001.7));
	free(cur->cgs[0].path);
	cur->cgs[0].path = xstrdup("/");
	g[1].kills = 2;
	step(&r, g, 2);
	assert_int_equal(r.e.seq, 3); /* no more: the counters do not tell them again */
	assert_int_equal(events_count_in(&r.e, EV_OOM_KILL, "/lab"), 2);
	assert_int_equal(events_last_in(&r.e, EV_OOM_KILL, "/lab")->kill.pid, 4243);
	run_free(&r);
}

/* The ring keeps the newest EVENTS_KEEP; counts and numbers go on. */
static void test_ring(void **state)
{
	(void)state;
	struct events e;
	events_init(&e, NULL);
	struct oom_kill k = { .memcg = 1, .task_memcg = "/x" };
	for (int i = 1; i <= EVENTS_KEEP + 3; i++) {
		k.pid = i;
		events_add_kill(&e, &k, NULL, i, i);
	}
	assert_int_equal(e.n, EVENTS_KEEP);
	assert_int_equal(e.count[EV_OOM_KILL], EVENTS_KEEP + 3);
	assert_int_equal(events_get(&e, 0)->kill.pid, EVENTS_KEEP + 3);
	assert_int_equal(events_get(&e, EVENTS_KEEP - 1)->kill.pid, 4);
	assert_null(events_get(&e, EVENTS_KEEP));
	assert_null(events_by_seq(&e, 3));
	assert_int_equal(events_by_seq(&e, 4)->kill.pid, 4);
	assert_null(events_by_seq(&e, EVENTS_KEEP + 4));
	events_free(&e);
}

/* A PSI trigger fires about once a window while pressure lasts: told
 * when it fires first, not while it keeps firing, again after a quiet
 * time; in words and JSON, the system's with a null cgroup. */
static void test_pressure(void **state)
{
	(void)state;
	struct events e;
	events_init(&e, NULL);
	struct psi p = { 0 };
	psi_parse(&p, "some avg10=7.01 avg60=2.49 avg300=0.76 total=14943896\n");
	assert_non_null(events_add_pressure(&e, "", &p, INFINITY, 100.0, 1764660100.0));
	assert_null(events_add_pressure(&e, "", &p, 2.0, 102.0, 1764660102.0));
	assert_null(events_add_pressure(&e, "", &p, EVENTS_QUIET_S - 0.01, 112.0, 1764660112.0));
	const struct event *ev = events_add_pressure(&e, "/lab", &p, INFINITY, 112.5, 1764660112.5);
	assert_non_null(ev); /* another cgroup's trigger: its own */
	assert_non_null(events_add_pressure(&e, "", &p, EVENTS_QUIET_S, 130.0, 1764660130.0));
	assert_int_equal(e.count[EV_PRESSURE], 3);
	char buf[400], *json = NULL;
	assert_string_equal(event_text(buf, sizeof(buf), ev),
			    "memory pressure: tasks in /lab waited for memory 100 ms or more of 2 s "
			    "(some avg10 7.01%, full avg10 N/A)");
	assert_string_equal(event_text(buf, sizeof(buf), events_get(&e, 0)),
			    "memory pressure: tasks in the system waited for memory 100 ms or more of 2 s "
			    "(some avg10 7.01%, full avg10 N/A)");
	size_t jn = 0;
	FILE *f = open_memstream(&json, &jn);
	json_print_event(f, events_get(&e, 0));
	fclose(f);
	assert_string_equal(json, "{\"event\":\"pressure\",\"time\":1764660130.000,\"cgroup\":null,"
				  "\"pressure\":{\"some\":{\"avg10\":7.010,\"avg60\":2.490,\"avg300\":0.760,"
				  "\"total\":14943896},\"full\":null},\"stall_us\":100000,\"window_us\":2000000,"
				  "\"na\":{}}\n");
	free(json);
	events_free(&e);
}

/* The man page (NOTIFICATIONS) says the trigger, the cap on triggers, the
 * pace and the OOM's wait as the code has them. */
static void test_documented(void **state)
{
	(void)state;
	char *man = man_text();
	assert_non_null(man);
	char want[5][160];
	snprintf(want[0], sizeof(want[0]), ".B some %d %d\n(tasks waited for memory %d ms or more of a %d s window)",
		 WATCH_PSI_STALL_US, WATCH_PSI_WINDOW_US, WATCH_PSI_STALL_US / 1000, WATCH_PSI_WINDOW_US / 1000000);
	snprintf(want[1], sizeof(want[1]), "shallowest first, %d at most", DRIVER_TRIGGERS);
	snprintf(want[2], sizeof(want[2]), "No sample comes sooner than %.1f s after the one before.", DRIVER_SOON_S);
	snprintf(want[3], sizeof(want[3]), "the last %.0f\nseconds", EVENTS_QUIET_S);
	snprintf(want[4], sizeof(want[4]), "An OOM told by the counters takes its sample %.2f s later", DRIVER_OOM_SETTLE_S);
	for (int i = 0; i < 5; i++)
		if (!strstr(man, want[i]))
			fail_msg("docs/headroom.1 does not say \"%s\"", want[i]);
	free(man);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counters),
		cmocka_unit_test(test_counted_kills),
		cmocka_unit_test(test_told_kill),
		cmocka_unit_test(test_ring),
		cmocka_unit_test(test_pressure),
		cmocka_unit_test(test_documented),
	};
	return cmocka_run_group_tests_name("events", tests, NULL, NULL);
}
