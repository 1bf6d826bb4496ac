/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_CHOOSER_H
#define HEADROOM_CHOOSER_H
/* F2, as htop's setup: which columns of a table show, in which order. A
 * menu (tui/menu.h) of the columns shown, in order and ticked, then the
 * others; Space shows or hides one, - + move it, Enter closes. The set is
 * changed in place (the settings file keeps it on quit). */
#include "widgets/colset.h"

struct app;

struct chooser {
	struct colset *set;
	const struct col_spec *spec; /* the table's columns: their titles */
	void (*done)(struct app *a); /* the set changed: the screen updates */
};

void chooser_open(struct app *a, const char *title, struct colset *set, const struct col_spec *spec,
		  void (*done)(struct app *a));
#endif
