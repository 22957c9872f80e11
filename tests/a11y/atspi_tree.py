#!/usr/bin/python3
"""Reads the running console's accessibility tree over AT-SPI, as a screen reader does (issue 18).

    atspi_tree.py --console build/bin/cpn-console [--timeout 150]

Starts, each of its own and stopped at the end: an X server (Xvfb), a private D-Bus session
(dbus-run-session; the session bus starts the AT-SPI bus and its registry on demand), and
`cpn-console --demo` with Qt's AT-SPI bridge on, its HOME and XDG directories in a temporary directory.
Then, with pyatspi (Debian's python3-pyatspi over at-spi2-core):

- fails listing every showing interactive control (button, toggle, check box, radio button, combo box,
  text field, spin button, slider, table, tree, list, page tab, menu item) that has no name;
- finds the map ("National map"), gives it the focus, presses N on the keyboard (XTest through the
  registry) and waits for its description to tell the selected node and its status.

Exit status 0 when all is well, 1 with the problems listed, 2 when the setup itself failed.
"""

import argparse
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

INNER = "CPN_ATSPI_INNER"


class ConsoleEnded(Exception):
    """The console ended before the checks did."""


def outer(args):
    """Runs this script again inside its own X server and D-Bus session, within the timeout."""
    for tool in ("Xvfb", "dbus-run-session"):
        if not shutil.which(tool):
            print(f"atspi_tree: {tool} is missing (scripts/install-deps.sh installs it)", file=sys.stderr)
            return 2
    if not os.path.exists(args.console):
        print(f"atspi_tree: no console at {args.console}", file=sys.stderr)
        return 2
    env = dict(os.environ, **{INNER: "1"})
    # Every program of the session (the console, the D-Bus services it starts: the AT-SPI bus, a keyring)
    # gets its home and XDG directories here, never the user's.
    work = tempfile.mkdtemp(prefix="cpn-atspi-")
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
                 "XDG_RUNTIME_DIR"):
        path = os.path.join(work, name.lower())
        os.makedirs(path, mode=0o700)
        env[name] = path
    env["CPN_ATSPI_WORK"] = work
    started = time.monotonic()
    # A display no other X server has, checked by its lock file and its abstract socket (a server in another
    # /tmp, a sandbox's, shows only the latter), far from the usual numbers; the server says when it is ready
    # (-displayfd). -noreset: the first client to leave (the AT-SPI bus launcher) would reset it under the next.
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", ":%d" % free_display(), "-displayfd", str(write_end), "-screen", "0",
                             "1600x1000x24", "-nolisten", "tcp", "-noreset"], pass_fds=(write_end,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    os.close(write_end)
    process = None
    status = 2
    try:
        ready, _, _ = select.select([read_end], [], [], 30)
        display = os.read(read_end, 64).decode().strip() if ready else ""
        if not display:
            print("atspi_tree: Xvfb did not start", file=sys.stderr)
            return 2
        env["DISPLAY"] = ":" + display
        env.pop("XAUTHORITY", None)
        # A fresh D-Bus session on that display: the AT-SPI bus it starts knows the display.
        command = ["dbus-run-session", "--", sys.executable, os.path.abspath(__file__)] + sys.argv[1:]
        process = subprocess.Popen(command, env=env, start_new_session=True)
        try:
            status = process.wait(timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(f"atspi_tree: no answer within {args.timeout} s", file=sys.stderr)
            status = 2
    finally:
        os.close(read_end)
        # Everything started below belongs to the process groups made for it: nothing outlives the test.
        if process is not None:
            stop_group(process)
        stop_group(xvfb)
        shutil.rmtree(work, ignore_errors=True)
    print(f"atspi_tree: {time.monotonic() - started:.1f} s")
    return status


def free_display():
    import random
    import socket
    for _ in range(200):
        number = random.randint(200, 30000)
        if os.path.exists(f"/tmp/.X{number}-lock") or os.path.exists(f"/tmp/.X11-unix/X{number}"):
            continue
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            probe.connect(f"\0/tmp/.X11-unix/X{number}")
        except OSError:
            return number
        finally:
            probe.close()
    raise RuntimeError("no free X display")


def stop_group(process, grace=5.0):
    """SIGTERM to the process's group, then SIGKILL to what is left after `grace` seconds."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        if process.poll() is None:
            try:
                process.wait(timeout=0.1)
            except subprocess.TimeoutExpired:
                pass
        else:
            time.sleep(0.1)
    else:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    if process.poll() is None:
        process.wait()


def wait_for(condition, timeout, what, interval=0.2):
    """The condition's value once it is true, or raises after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except ConsoleEnded:
            raise
        except Exception as error:  # the tree changes under us while the console starts: ask again
            last_error = error
        time.sleep(interval)
    raise TimeoutError(f"{what} not within {timeout} s" + (f" (last error: {last_error})" if last_error else ""))


def inner(args):
    import pyatspi

    # The roles a user acts on, each must have a name; and those not to walk into (their cells and items
    # are named by their data, and a table of 2,000 nodes would be walked over D-Bus cell by cell).
    interactive = {
        pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
        pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY,
        pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_TABLE,
        pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX,
        pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM,
        pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_MENU,
    }
    leaves = {pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_LIST,
              pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_MENU_BAR, pyatspi.ROLE_MENU}

    work = os.environ["CPN_ATSPI_WORK"]  # made by outer(), which removes it
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "xcb",
        "QT_ACCESSIBILITY": "1",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "LC_ALL": "C.UTF-8",
        "LANGUAGE": "en",
    })
    env.pop(INNER, None)
    env.pop("QT_QPA_PLATFORMTHEME", None)
    log = open(os.path.join(work, "console.log"), "w")
    console = subprocess.Popen([args.console, "--demo", "--lang", "en"], env=env, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    problems = []
    try:
        desktop = pyatspi.Registry.getDesktop(0)

        def application():
            if console.poll() is not None:
                raise ConsoleEnded(f"the console ended with status {console.returncode}")
            for i in range(desktop.childCount):
                app = desktop.getChildAtIndex(i)
                if app is not None and app.get_process_id() == console.pid:
                    return app
            return None

        app = wait_for(application, 60, "the console on the AT-SPI bus")

        def main_frame():
            for i in range(app.childCount):
                frame = app.getChildAtIndex(i)
                if frame is not None and frame.getRole() == pyatspi.ROLE_FRAME and \
                        frame.getState().contains(pyatspi.STATE_SHOWING):
                    return frame
            return None

        frame = wait_for(main_frame, 60, "the main window")

        def find(root, predicate, depth=0):
            if root is None or depth > 40:
                return None
            if predicate(root):
                return root
            if root.getRole() in leaves:
                return None
            for i in range(root.childCount):
                found = find(root.getChildAtIndex(i), predicate, depth + 1)
                if found is not None:
                    return found
            return None

        the_map = wait_for(lambda: find(frame, lambda o: o.name == "National map"), 30, "the map")
        nodes_table = wait_for(
            lambda: find(frame, lambda o: o.getRole() == pyatspi.ROLE_TABLE and o.name == "Nodes"), 30,
            "the Nodes table")
        # The demo's simulated federation is on the screen once the Nodes table has rows.
        wait_for(lambda: nodes_table.queryTable().nRows > 10, 60, "the demo's nodes")

        # Every showing control of the window, named.
        checked = 0

        def walk(obj, path, depth=0):
            nonlocal checked
            if obj is None or depth > 40:
                return
            role = obj.getRole()
            state = obj.getState()
            if not state.contains(pyatspi.STATE_SHOWING):
                return
            here = path + [f"{obj.getRoleName()} '{obj.name}'"]
            if role in interactive:
                checked += 1
                if not (obj.name or "").strip():
                    problems.append("unnamed " + " > ".join(here[-4:]))
            if role in leaves:
                return
            for i in range(obj.childCount):
                walk(obj.getChildAtIndex(i), here, depth + 1)

        walk(frame, [])
        print(f"atspi_tree: {checked} showing interactive controls checked")

        # The map: focus it and press N on the keyboard; its description tells the selected node.
        initial = the_map.description
        if not initial:
            problems.append("the map has no description (it should say that no node is selected)")
        # Without a window manager the window is activated by the pointer: a click on the map, near a corner
        # where the sea is (a click selects nothing there), also gives the map the keyboard focus.
        the_map.queryComponent().grabFocus()
        if not the_map.getState().contains(pyatspi.STATE_FOCUSED):
            box = the_map.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            pyatspi.Registry.generateMouseEvent(box.x + box.width - 12, box.y + box.height - 12, "b1c")
        wait_for(lambda: the_map.getState().contains(pyatspi.STATE_FOCUSED), 10, "the focus on the map")
        n_keysym = 0x6E  # XK_n
        pyatspi.Registry.generateKeyboardEvent(n_keysym, None, pyatspi.KEY_SYM)
        try:
            selected = wait_for(lambda: the_map.description if the_map.description.startswith("Selected:")
                                else None, 15, "a node selected with N")
            print(f"atspi_tree: the map says: {selected}")
            if "Status:" not in selected:
                problems.append(f"the map's description does not say the node's status: {selected}")
        except TimeoutError as error:
            problems.append(f"{error}; the map's description: {the_map.description!r}")
    except (TimeoutError, ConsoleEnded) as error:
        problems.append(f"setup: {error}")
        log.flush()
        with open(os.path.join(work, "console.log")) as text:
            print(text.read()[-4000:], file=sys.stderr)
    finally:
        stop_group(console)
        log.close()

    if problems:
        print("atspi_tree: FAILED\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    print("atspi_tree: every showing interactive control has a name; the map tells the selected node")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--console", required=True, help="the cpn-console executable")
    parser.add_argument("--timeout", type=float, default=150, help="seconds for the whole run")
    args = parser.parse_args()
    return inner(args) if os.environ.get(INNER) else outer(args)


if __name__ == "__main__":
    sys.exit(main())
