/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_MENU_H
#define HEADROOM_MENU_H
/* A menu over the screen, as htop's F6 (sort by) and F9 (send a signal):
 * a title, its items, one selected. Up Down (j k) choose, Enter takes the
 * item (the menu's take), Esc and any other key close it untaken. */
struct app;

#define MENU_ITEMS 16

struct menu {
	int open;
	char title[160];
	char items[MENU_ITEMS][40];
	int n, sel;
	int ids[MENU_ITEMS]; /* the caller's, per item */
	void (*take)(struct app *a, int item);
	/* A key the menu's owner answers first (NULL: none); non-zero: the
	 * menu stays open (the F2 column chooser's Space and - +). */
	int (*key)(struct app *a, int ch);
};

void menu_open(struct menu *m, const char *title, void (*take)(struct app *a, int item));
void menu_add(struct menu *m, const char *item);
/* A key while the menu is open. */
void menu_key(struct app *a, struct menu *m, int ch);
void menu_draw(const struct menu *m);
#endif
