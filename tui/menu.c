/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "tui/menu.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "tui/draw.h"

void menu_open(struct menu *m, const char *title, void (*take)(struct app *a, int item))
{
	*m = (struct menu){ .open = 1, .take = take };
	snprintf(m->title, sizeof(m->title), "%s", title);
}

void menu_add(struct menu *m, const char *item)
{
	if (m->n < MENU_ITEMS)
		snprintf(m->items[m->n++], sizeof(m->items[0]), "%s", item);
}

void menu_key(struct app *a, struct menu *m, int ch)
{
	if (m->key && m->key(a, ch))
		return;
	switch (ch) {
	case KEY_UP: case 'k': m->sel = m->sel > 0 ? m->sel - 1 : 0; return;
	case KEY_DOWN: case 'j': m->sel = m->sel + 1 < m->n ? m->sel + 1 : m->sel; return;
	case KEY_RESIZE: case KEY_MOUSE: return;
	case '\r': case '\n': case KEY_ENTER:
		m->open = 0;
		if (m->n)
			m->take(a, m->sel);
		return;
	default: m->open = 0; return;
	}
}

/* Centred, a frame row above and below; the items that fit, the selected
 * one kept in view. */
void menu_draw(const struct menu *m)
{
	const char *hint = m->key ? "Space show/hide  - + move  Enter done" : "Enter takes it, Esc cancels";
	int w = (int)strlen(m->title) + 4, rows = m->n + 3; /* title, items, hint */
	if (w < (int)strlen(hint) + 4)
		w = (int)strlen(hint) + 4;
	for (int i = 0; i < m->n; i++)
		if ((int)strlen(m->items[i]) + 6 > w)
			w = (int)strlen(m->items[i]) + 6;
	w = w > COLS ? COLS : w;
	rows = rows + 2 > LINES ? LINES - 2 : rows;
	int shown = rows - 3 > 0 ? rows - 3 : 0, first = m->sel >= shown ? m->sel - shown + 1 : 0;
	int x = (COLS - w) / 2, y = (LINES - rows - 2) / 2;
	for (int r = 0; r < rows + 2; r++)
		draw_clear(y + r, x, w, ST_TITLE);
	draw_text(y + 1, x + 2, w - 4, m->title, ST_TITLE, 0);
	for (int i = 0; i < shown && first + i < m->n; i++) {
		char b[48];
		snprintf(b, sizeof(b), "%s %s", first + i == m->sel ? ">" : " ", m->items[first + i]);
		draw_text(y + 2 + i, x + 2, w - 4, b, first + i == m->sel ? ST_SELECTED : ST_TITLE, 0);
	}
	if (rows >= 3)
		draw_text(y + 2 + shown, x + 2, w - 4, hint, ST_TITLE, 0);
}
