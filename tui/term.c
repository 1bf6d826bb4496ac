/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "tui/term.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <term.h>
#include <unistd.h>
#include <langinfo.h>
#include <signal.h>
#include <string.h>

#include "util/xalloc.h"
#include "tui/style.h"

static volatile sig_atomic_t quit_flag;
static int open_now;

static void on_quit(int sig)
{
	(void)sig;
	quit_flag = 1;
}

static void restore(void)
{
	if (open_now) {
		open_now = 0;
		endwin();
	}
}

static void on_crash(int sig)
{
	restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void handle(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

int term_can_draw(char *why, size_t n)
{
	const char *name = getenv("TERM");
	int err = 0;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		snprintf(why, n, "the terminal (TERM=%s) is not known here", name ? name : "");
		return 0;
	}
	const char *cup = tigetstr("cup");
	int ok = cup && cup != (char *)-1 && !tigetflag("hc");
	del_curterm(cur_term);
	if (!ok)
		snprintf(why, n, "the terminal (TERM=%s) cannot move its cursor", name ? name : "");
	return ok;
}

int term_open(int no_color)
{
	if (!initscr())
		return -1;
	open_now = 1;
	xalloc_set_fatal_hook(restore);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	style_init(no_color);
	handle(SIGINT, on_quit, 0);
	handle(SIGTERM, on_quit, 0);
	handle(SIGHUP, on_quit, 0);
	int crashes[] = { SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGILL };
	for (size_t i = 0; i < sizeof(crashes) / sizeof(crashes[0]); i++)
		handle(crashes[i], on_crash, SA_RESETHAND);
	return 0;
}

void term_close(void)
{
	restore();
}

int term_quit_requested(void)
{
	return quit_flag;
}

int term_utf8(void)
{
	return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}
