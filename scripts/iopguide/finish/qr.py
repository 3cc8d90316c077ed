"""QR codes for printed handouts, made at build time as inline SVG (no request, no script)."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str, label: str) -> str:
    """An accessible inline SVG QR code that opens `url`, named `label` (strings.yml: qr)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer,
        kind="svg",
        scale=3,
        border=2,
        xmldecl=False,
        svgns=True,
        nl=False,
        title=label,
        svgclass="iop-qr",
        lineclass=None,
        dark="#000",
    )
    svg = buffer.getvalue().decode("utf-8")
    return svg.replace("<svg ", '<svg role="img" aria-label="' + label + '" ', 1)
