# Driving the real binary in tmux: start it at a size, send keys, read the
# screen with capture-pane, and wait for text rather than for time.
TUI_N=0
TMUX_SOCK="headroom-test-$$-0"
tm() { tmux -L "$TMUX_SOCK" -f /dev/null "$@"; }
# The dashboard's settings go to a directory of the test's own, never to
# the user's ~/.config.
TUI_CONFIG=$(mktemp -d)

# tui_start COLS ROWS CMD...: a detached session running CMD; the pane stays
# after CMD exits, so its exit status and last screen can be read.
tui_start() {
  cols=$1 rows=$2; shift 2
  [ "$TUI_N" = 0 ] || tui_stop  # the run before, if its step did not stop it
  TUI_N=$((TUI_N + 1)); TMUX_SOCK="headroom-test-$$-$TUI_N"  # a server of its own
  TUI_STATUS=$(mktemp); rm -f "$TUI_STATUS"
  # each run starts from no settings, unless a test keeps them on purpose
  [ -n "${TUI_KEEP_CONFIG:-}" ] || { rm -rf "$TUI_CONFIG"; TUI_CONFIG=$(mktemp -d); }
  # A wrapper writes the program's exit status: tmux may mark the pane dead
  # on the pty's close before it has reaped the program, and never say.
  # The wrapper outlives a Ctrl-C (a caught signal is default again after
  # exec, so the program still gets a real SIGINT).
  tm new-session -d -s t -x "$cols" -y "$rows" -e LANG=C.UTF-8 -e TERM=xterm-256color \
     -e XDG_CONFIG_HOME="$TUI_CONFIG" -e NO_COLOR= \
     sh -c 'trap : INT; "$@"; echo $? > "$0"' "$TUI_STATUS" "$@" \; \
     set-option -t t remain-on-exit on
}
tui_screen() { tm capture-pane -p -t t; }
tui_keys() { tm send-keys -t t "$@"; }
tui_stop() { tm kill-server 2>/dev/null; rm -f "${TUI_STATUS:-}"; }
tui_cleanup() { tui_stop; rm -rf "$TUI_CONFIG"; }  # for the script's EXIT trap
tui_pid() { pgrep -P "$(tm display -p -t t '#{pane_pid}')"; }  # the program, below the wrapper
tui_dead() { [ "$(tm display -p -t t '#{pane_dead}')" = 1 ]; }
# The program's exit status, once it has exited.
tui_status() {
  i=0
  while [ $i -lt 50 ] && [ ! -s "$TUI_STATUS" ]; do sleep 0.05; i=$((i + 1)); done
  cat "$TUI_STATUS" 2>/dev/null
}
tui_alt() { tm display -p -t t '#{alternate_on}'; }

# tui_until SECONDS CMD...: until CMD succeeds, polling every 0.1 s.
tui_until() {
  i=0; n=$(( $1 * 10 )); shift
  while [ $i -lt $n ]; do
    "$@" && return 0
    sleep 0.1; i=$((i + 1))
  done
  return 1
}
tui_shows() { tui_screen | grep -q "$1" -- "$2"; }  # tui_shows -F|-E PATTERN
tui_lacks() { ! tui_shows -F "$1"; }
# tui_wait TEXT [SECONDS]: until the screen shows TEXT (fixed string).
tui_wait() { tui_until "${2:-5}" tui_shows -F "$1"; }
# tui_wait_line LINE [SECONDS]: until a whole line of the screen is LINE.
tui_wait_line() { tui_until "${2:-5}" tui_shows -xF "$1"; }
# tui_wait_re REGEX [SECONDS]: until a line of the screen matches REGEX (ERE).
tui_wait_re() { tui_until "${2:-5}" tui_shows -E "$1"; }
# tui_gone TEXT [SECONDS]: until the screen no longer shows TEXT.
tui_gone() { tui_until "${2:-5}" tui_lacks "$1"; }
# tui_exit [SECONDS]: until the program has exited.
tui_exit() { tui_until "${1:-5}" tui_dead; }
# tui_row TEXT: the first line below the column titles that holds TEXT, its
# USAGE TREND column (from where its title starts to the OOM column, whose
# title is right-aligned in 4 cells after a separator) shown as "<trend>";
# counted in characters (the tree and the sparkline are UTF-8).
tui_row() {
  tui_screen | awk -v t="$1" 'x && index($0, t) { print x - 1, index(title, " OOM") - x - 1; print; exit }
    !x { x = index($0, "USAGE TREND"); title = $0 }' | {
    read -r x w && LC_ALL=C.UTF-8 sed -E "s/^(.{$x}).{$w}/\1<trend>/"; }
}
tui_row_is() { [ "$(tui_row "$1")" = "$2" ]; }
# tui_wait_row TEXT LINE [SECONDS]: until tui_row TEXT is exactly LINE.
tui_wait_row() { tui_until "${3:-5}" tui_row_is "$1" "$2"; }
# tui_colours N: screen line N as its characters' foreground colours, one
# letter a cell (k r g y b m c w for SGR 30-37, '-' default), a space for a
# blank. For lines of ASCII text only (awk counts bytes).
tui_colours() {
  tm capture-pane -p -e -t t | sed -n "${1}p" | awk '{
    fg = "-"; out = ""; s = $0
    while (length(s)) {
      if (substr(s, 1, 2) == "\033[") {
        i = index(s, "m"); k = split(substr(s, 3, i - 3), c, ";"); s = substr(s, i + 1)
        for (j = 1; j <= k; j++) {
          v = c[j] + 0
          if (c[j] == "" || v == 0 || v == 39) fg = "-"
          else if (v >= 30 && v <= 37) fg = substr("krgybmcw", v - 29, 1)
        }
        continue
      }
      ch = substr(s, 1, 1); s = substr(s, 2); out = out (ch == " " ? " " : fg)
    }
    print out }'
}
# rep CHAR N: CHAR N times.
rep() { printf "%$2s" "" | tr ' ' "$1"; }
