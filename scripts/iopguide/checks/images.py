"""The `image-alt` rule: every picture says what it shows, or is marked as decoration.

A Markdown image needs words in its brackets, `![What the picture shows](...)`, unless
`{ .decorative }` follows it; an HTML <img> needs `alt="..."`, or `alt=""` with
`class="decorative"`. Screen readers read the alt text, and skip a decoration.

Nothing here imports MkDocs: content.py calls `check` with the images
markdown_scan.py finds.
"""

from __future__ import annotations

from iopguide.checks.markdown_scan import Link
from iopguide.checks.problem import Problem


def check(links: list[Link], path: str) -> list[Problem]:
    """image-alt problems among a page's links and images."""
    problems = []
    for link in links:
        if not link.image:
            continue
        decorative = "decorative" in link.classes
        if link.kind == "html":
            if link.text is None or (not link.text.strip() and not decorative):
                problems.append(
                    Problem(
                        path,
                        link.line,
                        "image-alt",
                        f"the <img> `{link.target}` "
                        'has no alt text: add alt="what the picture shows", or '
                        'alt="" class="decorative" if it is only decoration',
                    )
                )
        elif not (link.text or "").strip() and not decorative:
            problems.append(
                Problem(
                    path,
                    link.line,
                    "image-alt",
                    f"the image `{link.target}` has "
                    "no alt text: describe it inside the brackets, "
                    "![What the picture shows](...), or, if it is only "
                    "decoration, add { .decorative } right after it",
                )
            )
    return problems
