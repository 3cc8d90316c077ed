"""The `image-local` rule: a page loads pictures, video and sound only from the site.

A picture, video, sound, subtitle file or style sheet from another website lets that
site see every reader who opens the page (a "tracking pixel"), and the site's
Content-Security-Policy blocks it anyway, so the reader sees a broken picture. The rule
reports a Markdown image, and the `src`, `srcset`, `poster`, `data` or `href` of
<img>, <picture>/<source>, <video>, <audio>, <track>, <input>, <image> and <link>,
whose address has a scheme (`https:`...) or starts with `//`. Links (<a href>) to other
websites are fine. A `javascript:`/`data:` address, <iframe>, <object> and <embed> are
unsafe-html's (unsafe_html.py).

Nothing here imports MkDocs: content.py calls `check`.
"""

from __future__ import annotations

from iopguide.checks import markdown_scan
from iopguide.checks.links import CODE_SCHEMES
from iopguide.checks.markdown_scan import Link
from iopguide.checks.problem import Problem
from iopguide.checks.urls import scheme, shown, srcset_urls

# Tag -> the attributes it loads a file from (srcset is a list of addresses).
LOADS = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),  # SVG
    "link": ("href",),
}
FIX = (
    "save the file in docs/assets/ and link it by its path, e.g. ![What it shows](assets/chart.png)"
)


def _remote(address: str) -> bool:
    found = scheme(address)
    return bool(found) and found not in CODE_SCHEMES


def _problem(path: str, line: int, what: str, address: str) -> Problem:
    return Problem(
        path,
        line,
        "image-local",
        f"{what} `{shown(address)}` comes from another website, which the site never "
        f"loads (it would see every reader): {FIX}",
    )


def check(text: str, links: list[Link], path: str) -> list[Problem]:
    """image-local problems of the page `text`, whose links markdown_scan found."""
    problems = [
        _problem(path, link.line, "the image", link.target)
        for link in links
        if link.image and link.kind != "html" and _remote(link.target)
    ]
    for tag in markdown_scan.tags(text):
        for name in LOADS.get(tag.name, ()):
            value = tag.attrs.get(name, "")
            addresses = srcset_urls(value) if name == "srcset" else [value]
            for address in addresses:
                if _remote(address):
                    problems.append(_problem(path, tag.line, f"the <{tag.name}> {name}", address))
    return problems
