/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The screen manager: one loop (wait in poll() on the terminal until the
 * next sample is due, take it, update, draw), and keys dispatched to the
 * dashboard's own table, the moving keys, then the screen's table. */
#include "tui/app.h"

#include <curses.h>
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/find.h"
#include "tui/helpview.h"
#include "tui/keys.h"
#include "tui/term.h"
#include "util/clock.h"

static const struct screen *const screens[] = {
	[VIEW_OVERVIEW] = &overview_screen,
	[VIEW_PROCS] = &procview_screen,
	[VIEW_CGINFO] = &infoview_screen,
	[VIEW_PROCMAPS] = &mapview_screen,
	[VIEW_EVENTS] = &eventview_screen,
};

/* Make a->scr the screen of a->view; a screen entered is brought up to date. */
static void enter_view(struct app *a)
{
	const struct screen *s = screens[a->view];
	if (s == a->scr)
		return;
	a->scr = s;
	if (s->update)
		s->update(a);
}

/* A new sample from the driver: every screen's state follows it. */
static int on_sample(void *ctx, struct driver *d)
{
	struct app *a = ctx;
	a->prev = d->prev;
	a->cur = d->cur;
	overview_screen.update(a); /* its rows and selection, whatever is shown */
	if (a->scr != &overview_screen && a->scr->update)
		a->scr->update(a);
	a->taken++;
	return a->quit;
}

/* ---- keys ---- */

static void mouse(struct app *a)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	const struct screen *s = app_keyed(a);
	struct listview *l = s->list(a);
	int top = s->list_top(a);
	if (ev.bstate & BUTTON4_PRESSED)
		list_move(l, -3);
	else if (ev.bstate & BUTTON5_PRESSED)
		list_move(l, 3);
	else if (ev.y >= top && ev.y - top < l->height && l->top + ev.y - top < l->n)
		list_select(l, l->top + ev.y - top);
	else if (ev.y == top - 1 && s->click_title)
		s->click_title(a, ev.x);
}

/* The action of ch: the dashboard's own, moving, then the screen's. */
static const struct key_action *action_of(const struct app *a, int ch)
{
	const struct key_action *k = keys_find(global_keys, global_nkeys, ch);
	if (!k)
		k = keys_find(nav_keys, nav_nkeys, ch);
	if (!k)
		k = keys_find(app_keyed(a)->keys, app_keyed(a)->nkeys, ch);
	return k;
}

static void key(struct app *a, int ch)
{
	if (a->help && ch != KEY_RESIZE) { /* any other key closes the help; q still quits */
		if (helpview_key(ch, a->help_scrolls, &a->help_top))
			return;
		a->help = a->help_top = 0;
		if (ch != 'q')
			return;
	}
	a->status[0] = '\0';
	a->status_guest = 0;
	if (a->menu.open && ch != KEY_RESIZE) {
		menu_key(a, &a->menu, ch);
	} else if (a->input && ch != KEY_RESIZE && ch != KEY_MOUSE) {
		find_key(a, ch);
	} else if (ch == KEY_MOUSE) {
		mouse(a);
	} else if (ch == KEY_RESIZE) {
		if (a->cur && a->scr->update) /* lists sized to the new screen */
			a->scr->update(a);
	} else {
		const struct key_action *k = action_of(a, ch);
		if (k && k->fn)
			k->fn(a, ch);
		else if (ch >= KEY_F(1) && ch <= KEY_F(12))
			snprintf(a->status, sizeof(a->status), "no key 'F%d' here: F1 lists the keys", ch - KEY_F0);
		else if (ch > 0 && ch < 256)
			snprintf(a->status, sizeof(a->status), "no key '%s' here: F1 lists the keys", keyname(ch));
	}
	enter_view(a);
	if (a->scr->remember)
		a->scr->remember(a);
}

/* ---- the loop ---- */

static void draw(struct app *a)
{
	a->drawn = clock_mono();
	if (a->scr->prepare)
		a->scr->prepare(a);
	erase();
	a->scr->draw(a);
	if (a->menu.open)
		menu_draw(&a->menu);
	if (a->help)
		a->help_scrolls = helpview_draw(&a->help_top);
	find_draw(a);
	refresh();
}

/* The guest's footer line (lab mode: what its command prints), where no
 * message of the dashboard's is; and the next sample sooner if it asks. */
static void guest_line(struct app *a)
{
	double next_in = INFINITY;
	const char *l = a->guest ? a->guest(a->guest_ctx, a->cur, &a->drv.ev, &next_in) : NULL;
	if (a->cur && !a->paused && a->cur->mono + next_in < a->next)
		a->next = a->cur->mono + next_in;
	if (l && (!a->status[0] || a->status_guest)) {
		snprintf(a->status, sizeof(a->status), "%s", l); /* sanitized when drawn */
		a->status_guest = 1;
	}
}

/* An event from the driver: the screen follows it at once (a victim's
 * row, the pane); a kill's flash ends on time. */
static void on_event(void *ctx, const struct event *ev)
{
	struct app *a = ctx;
	a->burst = 1;
	if (ev->kind == EV_OOM_KILL)
		a->wake = ev->mono + EVENT_FLASH_S + 0.01;
}

/* Events came: a burst is drawn at most every 100 ms. */
static void after_burst(struct app *a)
{
	a->burst = 0;
	double left = a->drawn + 0.1 - clock_mono();
	struct pollfd k = { .fd = STDIN_FILENO, .events = POLLIN };
	if (left > 0)
		poll(&k, 1, (int)ceil(left * 1000)); /* a key ends it early */
	driver_events(&a->drv, a->loop);	     /* what came meanwhile */
	a->burst = 0;
	if (a->cur && a->scr->update)
		a->scr->update(a);
}

/* When to stop waiting: the next sample, or before it when a flash ends. */
static double wake_at(const struct app *a, double until)
{
	return a->wake > clock_mono() && a->wake < until ? a->wake : until;
}

/* Draw, then answer keys and take what the kernel tells until the next
 * sample is due (until). */
static int on_wait(void *ctx, double until)
{
	struct app *a = ctx;
	if (a->burst)
		after_burst(a);
	if (!a->paused && a->next < until)
		until = a->next; /* the kill it told moved the next sample sooner */
	guest_line(a);
	draw(a);
	int r;
	do { /* the kernel tells much else: no redraw until something is told */
		if ((r = driver_poll(&a->drv, a->loop, STDIN_FILENO, wake_at(a, until))) < 0 && errno != EINTR)
			a->quit = 1;
	} while (r == DRIVER_WOKE);
	int ch;
	while (!a->quit && (ch = getch()) != ERR)
		key(a, ch);
	if (a->opt->count && a->taken >= a->opt->count)
		return 1; /* -n N: the N-th sample drawn, done */
	return a->quit || term_quit_requested();
}

static void app_free(struct app *a)
{
	driver_free(&a->drv);
	folds_free(&a->folds);
	free(a->rows);
	free(a->prow);
	free(a->sel_path);
	free(a->proc_cg);
	free(a->ghosts);
	free(a->map_cg);
	free(a->map_cmd);
	free(a->info_path);
	dlines_free(&a->info);
	procmaps_free(&a->maps);
}

int app_run(struct collector *c, const struct options *o)
{
	return app_run_with(c, o, NULL, NULL);
}

int app_run_with(struct collector *c, const struct options *o, app_guest_fn guest, void *ctx)
{
	struct app a = { .col = c, .opt = o, .scr = &overview_screen, .guest = guest, .guest_ctx = ctx };
	char err[512] = "";
	driver_init(&a.drv, c);
	settings_load(&a);
	if (term_open(o->no_color) != 0) {
		fprintf(stderr, "headroom: cannot set up the terminal\n");
		app_free(&a);
		return 1;
	}
	a.next = clock_mono(); /* the first sample at once */
	struct driver_loop l = {
		.interval = &a.interval,
		.next = &a.next,
		.paused = &a.paused,
		.sample = on_sample,
		.wait = on_wait,
		.event = on_event,
		.ctx = &a,
	};
	a.loop = &l;
	if (driver_run(&a.drv, &l) != 0)
		snprintf(a.fatal, sizeof(a.fatal), "the cgroup shown went away");
	term_close();
	if (a.fatal[0])
		fprintf(stderr, "headroom: %s\n", a.fatal);
	if (settings_save(&a, err, sizeof(err)) != 0)
		fprintf(stderr, "headroom: %s\n", err);
	app_free(&a);
	return a.fatal[0] ? 1 : 0;
}
