"""Set up the project and run it: the README's two commands live here.

    python3 scripts/dev.py serve   # set up, then preview at http://127.0.0.1:8000 with live reload
    python3 scripts/dev.py test    # set up, then run every test (finds or installs Chromium)
    python3 scripts/dev.py build   # set up, then build into site/ (replaced only on success)
    python3 scripts/dev.py check docs/benefits.md ...   # the page checks alone (pre-commit)
    python3 scripts/dev.py host [SITE]                  # serve a build like a real host

    serve --port N     preview on port N (default 8000; a free one if that is taken)
    test ARGS...       extra arguments go to pytest, e.g. `test tests/test_build.py -n0`
    test --quick       only the unit tests (no build, no browser): under 30 seconds
    build --engine zensical   build with Zensical instead of MkDocs (needs `test` once)
    host SITE --port N        gzip, the built _headers and 404 pages, as Cloudflare Pages does

Needs only Python 3.11+. The virtual environment lives in .venv/ and is reused:
`serve` and `build` install requirements.txt (what a build needs); `test` installs
requirements-dev.txt (tests and tools, the build set included). Every file pip downloads
must match a hash in them. Then the project's own package goes in, in place. Each is
reinstalled only when its file changes.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BUILD_REQUIREMENTS = ROOT / "requirements.txt"
DEV_REQUIREMENTS = ROOT / "requirements-dev.txt"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
COMMANDS = {
    "serve": "set up, then preview the site with live reload (--port N; default 8000)",
    "test": "set up, then run every test (extra arguments go to pytest)",
    "build": "set up, then build into site/ (replaced only when the build succeeds)",
    "check": "check the given pages (front matter, Markdown rules), as pre-commit does",
    "host": "serve a built site as Cloudflare Pages does (gzip, _headers); default site/",
}
DEFAULT_PORT = 8000
# `test --quick`: what runs in seconds, for someone changing one module (the `slow` mark
# is set in tests/conftest.py on whatever builds a site, drives Chromium or runs a tool).
QUICK = "not live and not slow"
CHROMIUM_HELP = """\
The browser tests need Chromium, and none was found.
Install it, then run this command again:
  Debian or Ubuntu:  sudo apt-get install chromium
  Fedora:            sudo dnf install chromium
  macOS:             brew install --cask chromium
Or point CHROME_PATH at an installed Chromium or Chrome binary."""
JAVA_HELP = """\
The HTML validity tests run the W3C checker, which needs Java, and none was found.
Install a Java runtime (11 or newer), then run this command again:
  Debian or Ubuntu:  sudo apt-get install default-jre-headless
  Fedora:            sudo dnf install java-21-openjdk-headless
  macOS:             brew install openjdk"""


def say(message: str) -> None:
    print(f"[dev] {message}", file=sys.stderr, flush=True)


def setup(requirements: Path = BUILD_REQUIREMENTS) -> None:
    """Create .venv and install `requirements` (and the set it covers) when changed."""
    # Run by the system python3, which may be older than the project needs.
    if sys.version_info < (3, 11):  # noqa: UP036 (the system python3 may be older)
        sys.exit(f"[dev] Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        say("creating the virtual environment in .venv/")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    if _stamp(requirements).exists() and _stamp(requirements).read_text().strip() == _digest(
        requirements
    ):
        return
    say(f"installing the pinned {requirements.name} (first run only)")
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    # Every package carries the sha256 of its files: pip installs exactly those or stops.
    subprocess.run([*pip, "--require-hashes", "-r", str(requirements)], cwd=ROOT, check=True)
    # Then this project's own package, in place (a folder has no hash to check), built with
    # the pinned setuptools just installed rather than one fetched for the occasion.
    subprocess.run(
        [*pip, "--no-deps", "--no-build-isolation", "--editable", str(ROOT)], cwd=ROOT, check=True
    )
    for installed in _covered(requirements):
        _stamp(installed).write_text(_digest(installed) + "\n")


def _stamp(requirements: Path) -> Path:
    return VENV / f".{requirements.stem}.sha256"


def _digest(requirements: Path) -> str:
    return hashlib.sha256(
        b"".join(path.read_bytes() for path in _covered(requirements)) + sys.version.encode()
    ).hexdigest()


def _covered(requirements: Path) -> list[Path]:
    """`requirements` and the files it brings along: requirements-dev.txt is compiled from
    requirements-dev.in, which reads requirements.in, so it holds the build set too."""
    if requirements == DEV_REQUIREMENTS:
        return [requirements, BUILD_REQUIREMENTS]
    return [requirements]


def can_apt_install() -> bool:
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    return is_root and Path("/etc/debian_version").exists() and bool(shutil.which("apt-get"))


def apt_install(package: str) -> None:
    say(f"installing Debian's {package} package (first run only)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, env=env)


def find_chromium() -> str:
    """CHROME_PATH, then /usr/bin/chromium; as root on Debian or Ubuntu, install it."""
    for candidate in (os.environ.get("CHROME_PATH"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    if can_apt_install():
        apt_install("chromium")
        if Path("/usr/bin/chromium").exists():
            return "/usr/bin/chromium"
    sys.exit(CHROMIUM_HELP)


def ensure_java() -> None:
    """The W3C HTML checker runs on Java; as root on Debian or Ubuntu, install it."""
    if shutil.which("java"):
        return
    if can_apt_install():
        apt_install("default-jre-headless")
        if shutil.which("java"):
            return
    sys.exit(JAVA_HELP)


def tool_env() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUTF8="1")
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def in_venv(module: str, args: list[str]) -> int:
    """Run `python -m module args` with the project's virtual environment."""
    return subprocess.run([str(PYTHON), "-m", module, *args], cwd=ROOT, env=tool_env()).returncode


def build(args: list[str]) -> int:
    """Build into site/ with MkDocs (or `--engine zensical`); site/ is replaced only
    when the build succeeds (iopguide/tools/build.py)."""
    return in_venv("iopguide.tools.build", args)


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno in (errno.EADDRINUSE, errno.EACCES):
                return False
            raise
    return True


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def serve_port(args: list[str]) -> tuple[int, list[str]]:
    """The port asked for with --port N (default 8000) or, when it is taken, a free one;
    and the other arguments, which go to `mkdocs serve`."""
    rest, port, asked = [], DEFAULT_PORT, False
    items = iter(args)
    for arg in items:
        if arg == "--port" or arg.startswith("--port="):
            value = arg.partition("=")[2] or next(items, "")
            if not value.isdigit() or not 0 < int(value) < 65536:
                sys.exit(f"[dev] --port needs a number from 1 to 65535, not {value!r}")
            port, asked = int(value), True
        else:
            rest.append(arg)
    if not port_is_free(port):
        taken = port
        port = free_port()
        why = "" if asked else " (is another preview still running?)"
        say(f"port {taken} is in use{why}: serving on port {port} instead")
    return port, rest


def serve(args: list[str]) -> int:
    """Replace this process with `mkdocs serve`, so stopping it (Ctrl+C, or SIGTERM to
    this process id) stops the server itself, and no child is left holding the port."""
    port, rest = serve_port(args)
    address = f"127.0.0.1:{port}"
    say(
        f"serving at http://{address}/ (Ctrl+C stops). Problems print here, in the "
        "terminal; the browser keeps showing the last good build until the file is fixed."
    )
    command = [str(PYTHON), "-m", "mkdocs", "serve", "--livereload", "--dev-addr", address, *rest]
    if os.name == "nt":  # Windows has no exec: wait for the server instead
        return subprocess.run(command, cwd=ROOT, env=tool_env()).returncode
    os.chdir(ROOT)
    os.execve(str(PYTHON), command, tool_env())
    return 0  # not reached


def usage() -> str:
    width = max(map(len, COMMANDS))
    lines = [f"  python3 scripts/dev.py {name:<{width}}  {what}" for name, what in COMMANDS.items()]
    return "Usage:\n" + "\n".join(lines)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__.strip(), file=sys.stdout if argv else sys.stderr)
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command not in COMMANDS:
        print(f"unknown command: {command}\n{usage()}", file=sys.stderr)
        return 2
    if command == "serve":
        setup()
        return serve(rest)
    if command == "build":
        setup(DEV_REQUIREMENTS if "zensical" in rest else BUILD_REQUIREMENTS)
        return build(rest)
    if command == "check":
        try:  # pre-commit runs this with only the checks' own packages installed
            from iopguide.checks.cli import main as check
        except ImportError:
            setup()
            return in_venv("iopguide.checks.cli", rest)
        return check(rest)
    if command == "host":
        setup()
        return in_venv("iopguide.tools.static_server", rest or ["site"])
    setup(DEV_REQUIREMENTS)
    env = tool_env()
    if "--quick" in rest:  # the unit tests alone: no build, no browser, no Java
        rest = [arg for arg in rest if arg != "--quick"]
        return subprocess.run(
            [str(PYTHON), "-m", "pytest", "-m", QUICK, *rest], cwd=ROOT, env=env
        ).returncode
    env["CHROME_PATH"] = find_chromium()
    ensure_java()
    return subprocess.run([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
