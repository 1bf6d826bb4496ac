/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "tui/config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/options.h"
#include "util/xalloc.h"

void config_defaults(struct config *c)
{
	*c = (struct config){ .sort = "res", .cg_sort = "none", .warn_pct = 80, .crit_pct = 95, .interval = 1, .tree = 1, .split = 50 };
}

void config_free(struct config *c)
{
	folds_free(&c->folds);
}

static int parse_int(const char *v, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long x = strtol(v, &end, 10);
	if (errno || end == v || *end || x < lo || x > hi)
		return -1;
	*out = (int)x;
	return 0;
}

/* One "key = value" pair; 0, or -1 with what is wrong in why. */
static int set(struct config *c, const char *key, const char *v, const char **why)
{
	int x;
	*why = "a number in range";
	if (strcmp(key, "sort") == 0 || strcmp(key, "cgroup_sort") == 0) {
		char *to = key[0] == 's' ? c->sort : c->cg_sort;
		*why = "a column name";
		if (!*v || strlen(v) >= sizeof(c->sort))
			return -1;
		snprintf(to, sizeof(c->sort), "%s", v);
	} else if (strcmp(key, "sort_ascending") == 0 || strcmp(key, "tree") == 0 ||
		   strcmp(key, "cgroup_sort_ascending") == 0 || strcmp(key, "kernel_threads") == 0) {
		*why = "0 or 1";
		if (parse_int(v, 0, 1, &x))
			return -1;
		*(key[0] == 't' ? &c->tree : key[0] == 's' ? &c->sort_asc : key[0] == 'k' ? &c->kthreads : &c->cg_sort_asc) = x;
	} else if (strcmp(key, "warn_percent") == 0 || strcmp(key, "critical_percent") == 0) {
		*why = "a percentage from 1 to 100";
		if (parse_int(v, 1, 100, &x))
			return -1;
		*(key[0] == 'w' ? &c->warn_pct : &c->crit_pct) = x;
	} else if (strcmp(key, "columns") == 0 || strcmp(key, "cgroup_columns") == 0) {
		char *to = strcmp(key, "columns") == 0 ? c->columns : c->cg_columns;
		*why = "column names, comma-separated";
		if (!*v || strlen(v) >= sizeof(c->columns))
			return -1;
		snprintf(to, sizeof(c->columns), "%s", v);
	} else if (strcmp(key, "split") == 0) {
		*why = "a percentage from 20 to 80";
		if (parse_int(v, SPLIT_MIN, SPLIT_MAX, &c->split))
			return -1;
	} else if (strcmp(key, "interval") == 0) {
		*why = INTERVAL_RANGE;
		if (options_parse_interval(v, &c->interval) != 0)
			return -1;
	} else if (strcmp(key, "fold") == 0) {
		*why = "a cgroup path";
		if (v[0] != '/')
			return -1;
		if (!folds_has(&c->folds, v))
			folds_toggle(&c->folds, v);
	} else {
		*why = "a known key";
		return -1;
	}
	return 0;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

int config_parse(struct config *c, const char *text, char *err, size_t errlen)
{
	char *copy = xstrdup(text);
	int bad = 0, lineno = 0;
	for (char *line = copy, *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		const char *why = "key = value";
		char *eq = strchr(line, '='), *l = trim(line);
		if (!*l || *l == '#')
			continue;
		if (eq) {
			*eq = '\0';
			if (set(c, trim(l), trim(eq + 1), &why) == 0)
				continue;
		}
		if (!bad++)
			snprintf(err, errlen, "config line %d: '%s' wants %s; skipped", lineno, l, why);
	}
	free(copy);
	if (c->crit_pct < c->warn_pct) {
		if (!bad++)
			snprintf(err, errlen,
				 "config: critical_percent below warn_percent; both set to their defaults");
		c->warn_pct = 80;
		c->crit_pct = 95;
	}
	return bad;
}

char *config_format(const struct config *c)
{
	char *text = xasprintf("# headroom settings, written when it quits (see headroom(1))\n"
			       "sort = %s\nsort_ascending = %d\nwarn_percent = %d\ncritical_percent = %d\n"
			       "interval = %g\ntree = %d\nsplit = %d\ncgroup_sort = %s\ncgroup_sort_ascending = %d\n"
			       "kernel_threads = %d\n",
			       c->sort, c->sort_asc, c->warn_pct, c->crit_pct, c->interval, c->tree, c->split, c->cg_sort,
			       c->cg_sort_asc, c->kthreads);
	const char *const lists[][2] = { { "columns", c->columns }, { "cgroup_columns", c->cg_columns } };
	for (size_t i = 0; i < 2; i++) {
		if (!lists[i][1][0])
			continue;
		char *more = xasprintf("%s%s = %s\n", text, lists[i][0], lists[i][1]);
		free(text);
		text = more;
	}
	for (size_t i = 0; i < c->folds.n; i++) {
		char *more = xasprintf("%sfold = %s\n", text, c->folds.paths[i]);
		free(text);
		text = more;
	}
	return text;
}

int config_path(char *out, size_t n)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && *xdg == '/')
		snprintf(out, n, "%s/headroom/config", xdg);
	else if (home && *home)
		snprintf(out, n, "%s/.config/headroom/config", home);
	else
		return -1;
	return 0;
}

int config_load(struct config *c, char *err, size_t errlen)
{
	char path[4096];
	config_defaults(c);
	if (config_path(path, sizeof(path)) != 0)
		return 0;
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT)
			return 0;
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	char *text = NULL;
	size_t cap = 0;
	ssize_t n = getdelim(&text, &cap, '\0', f); /* the whole file */
	fclose(f);
	int bad = n > 0 ? config_parse(c, text, err, errlen) : 0;
	free(text);
	return bad ? -1 : 0;
}

/* mkdir -p of path's directory. */
static int make_dirs(char *path)
{
	for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		int e = mkdir(path, 0700) == 0 || errno == EEXIST ? 0 : errno;
		*p = '/';
		if (e)
			return e;
	}
	return 0;
}

int config_save(const struct config *c, char *err, size_t errlen)
{
	char path[4096], tmp[4200];
	if (config_path(path, sizeof(path)) != 0) {
		snprintf(err, errlen, "settings not saved: neither XDG_CONFIG_HOME nor HOME is set");
		return -1;
	}
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	char *text = config_format(c);
	int e = make_dirs(path);
	FILE *f = e ? NULL : fopen(tmp, "w");
	if (f) {
		e = fputs(text, f) < 0 ? errno : 0;
		if (fclose(f) != 0 && !e)
			e = errno;
		if (!e && rename(tmp, path) != 0)
			e = errno;
		if (e)
			unlink(tmp);
	} else if (!e) {
		e = errno;
	}
	free(text);
	if (e)
		snprintf(err, errlen, "settings not saved to %s: %s", path, strerror(e));
	return e ? -1 : 0;
}
