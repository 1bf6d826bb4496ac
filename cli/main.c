/* SPDX-License-Identifier: GPL-2.0-or-later */
/* headroom: live memory dashboard for Linux cgroups. */
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "collectors/collector.h"
#include "driver/driver.h"
#include "util/clock.h"
#include "tui/app.h"
#include "tui/term.h"
#include "output/batch.h"
#include "output/json.h"
#include "lab/lab.h"
#include "cli/options.h"

/* Batch text or JSON: print each sample as it comes. */
struct printer {
	struct collector *col;
	const struct options *o;
	int failed; /* stdout could not be written */
};

static int print_sample(void *ctx, struct driver *d)
{
	struct printer *p = ctx;
	collector_details(p->col, d->cur, NULL, 0, p->o->smaps);
	if (p->o->mode == OUT_JSON)
		json_print(stdout, d->cur, &d->ev);
	else
		batch_print(stdout, d->cur, &d->ev);
	p->failed = fflush(stdout) != 0;
	return p->failed;
}

static void print_event(void *ctx, const struct event *ev)
{
	struct printer *p = ctx;
	if (p->o->mode == OUT_JSON)
		json_print_event(stdout, ev);
	else
		batch_print_event(stdout, ev);
	p->failed = fflush(stdout) != 0;
}

static int run(struct collector *c, const struct options *o)
{
	struct driver d;
	struct printer p = { c, o, 0 };
	double interval = o->delay, next = clock_mono();
	struct driver_loop l = { .interval = &interval,
				 .next = &next,
				 .count = o->count,
				 .sample = print_sample,
				 .event = print_event,
				 .ctx = &p };
	driver_init(&d, c);
	int e = driver_run(&d, &l);
	if (e)
		fprintf(stderr, "headroom: cgroup %s went away\n", o->cgroup ? o->cgroup : "/");
	driver_free(&d);
	return e || p.failed ? 1 : 0;
}

int main(int argc, char **argv)
{
	struct options o;
	char err[512];
	setlocale(LC_ALL, "");
	signal(SIGPIPE, SIG_DFL);
	if (argc > 1 && strcmp(argv[1], "eat") == 0)
		return eat_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "run") == 0)
		return run_main(argc - 1, argv + 1);
	if (options_parse(&o, argc, argv, stderr) != 0)
		return 2;
	if (o.help || o.version) {
		if (o.help)
			options_usage(stdout);
		else
			printf("headroom %s\n", HEADROOM_VERSION);
		return 0;
	}
	const char *nc = getenv("NO_COLOR"); /* no-color.org: set and not empty */
	if (nc && *nc)
		o.no_color = 1;
	if (o.mode == OUT_TUI && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)))
		o.mode = OUT_BATCH;
	char why[160];
	if (o.mode == OUT_TUI && !term_can_draw(why, sizeof(why))) {
		fprintf(stderr, "headroom: %s: printing samples instead of the dashboard (as -b)\n", why);
		o.mode = OUT_BATCH;
	}
	struct collector_opts co = { .root = o.root, .cgroup = o.cgroup };
	struct collector *c = collector_open(&co, err, sizeof(err));
	if (!c) {
		fprintf(stderr, "headroom: %s\n", err);
		return 1;
	}
	if (collector_warning(c))
		fprintf(stderr, "headroom: %s\n", collector_warning(c));
	int rc = o.mode == OUT_TUI ? app_run(c, &o) : run(c, &o);
	collector_close(c);
	return rc;
}
