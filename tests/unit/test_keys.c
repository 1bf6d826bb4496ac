/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The keys: each screen's table, the moving keys and the dashboard's own
 * never give one key two actions on a screen; every named action has a
 * line in the help; README.md and the man page list exactly the help's key
 * lines (the man page with its \e and \- escapes undone). */
#include <curses.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tui/helpview.h"
#include "tui/keys.h"
#include "tui/screen.h"

static const struct screen *const screens[] = { &overview_screen, &procview_screen, &infoview_screen,
						&mapview_screen, &procpane_screen };
#define NSCREENS (sizeof(screens) / sizeof(screens[0]))

static size_t count_key(const struct key_action *k, size_t n, int ch)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		for (int j = 0; j < KEY_ACTION_KEYS && k[i].keys[j]; j++)
			c += k[i].keys[j] == ch;
	return c;
}

static void test_one_action_a_key(void **state)
{
	(void)state;
	for (size_t s = 0; s < NSCREENS; s++) {
		const struct key_action *tables[] = { global_keys, nav_keys, screens[s]->keys };
		size_t sizes[] = { global_nkeys, nav_nkeys, screens[s]->nkeys };
		for (size_t t = 0; t < 3; t++)
			for (size_t i = 0; i < sizes[t]; i++)
				for (int j = 0; j < KEY_ACTION_KEYS && tables[t][i].keys[j]; j++) {
					int ch = tables[t][i].keys[j];
					size_t c = 0;
					for (size_t u = 0; u < 3; u++)
						c += count_key(tables[u], sizes[u], ch);
					if (c != 1)
						fail_msg("screen %s: key %s has %zu actions", screens[s]->name, keyname(ch),
							 c);
				}
		for (size_t i = 0; i < screens[s]->nkeys; i++)
			assert_non_null(screens[s]->keys[i].fn); /* a screen's keys all do something */
	}
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		fail_msg("cannot read %s", path);
	char *text = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&text, &n);
	int c;
	while ((c = fgetc(f)) != EOF)
		fputc(c, m);
	fclose(f);
	fclose(m);
	return text;
}

/* The man page's text with \e and \- written as they show. */
static void man_unescape(char *s)
{
	char *w = s;
	for (char *r = s; *r; r++) {
		if (r[0] == '\\' && (r[1] == 'e' || r[1] == '-')) {
			*w++ = r[1] == 'e' ? '\\' : '-';
			r++;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
}

/* Does text hold line as a whole line? */
static int has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	for (const char *p = strstr(text, line); p; p = strstr(p + 1, line))
		if ((p == text || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
			return 1;
	return 0;
}

static void test_docs_list_the_help(void **state)
{
	(void)state;
	char lines[40][HELP_LINE];
	size_t n = help_lines(lines, 40);
	char *readme = slurp("README.md"), *man = slurp("docs/headroom.1");
	man_unescape(man);
	size_t keys = 0;
	for (size_t i = 1; i < n; i++) { /* past the title: the key lines, up to the legend */
		if (strncmp(lines[i], "Bars:", 5) == 0)
			break;
		keys++;
		if (!has_line(readme, lines[i]))
			fail_msg("README.md lacks the help's line '%s'", lines[i]);
		if (!has_line(man, lines[i]))
			fail_msg("docs/headroom.1 lacks the help's line '%s'", lines[i]);
	}
	/* every named action is there */
	size_t named = 0;
	for (size_t i = 0; i < global_nkeys; i++)
		named += global_keys[i].names != NULL;
	assert_true(keys >= named + 2); /* and the moving keys' two lines */
	/* README's block holds no line the help lacks */
	const char *block = strstr(readme, "### Keys");
	assert_non_null(block);
	block = strstr(block, "```\n");
	assert_non_null(block);
	block += 4;
	const char *end = strstr(block, "```");
	assert_non_null(end);
	size_t in_block = 0;
	for (const char *p = block; p < end; p = strchr(p, '\n') + 1)
		in_block++;
	assert_int_equal(in_block, keys);
	free(readme);
	free(man);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_action_a_key),
		cmocka_unit_test(test_docs_list_the_help),
	};
	return cmocka_run_group_tests_name("keys", tests, NULL, NULL);
}
