"""Make custgroups.ico (Windows) and custgroups.icns (macOS) from custgroups.svg.

Run once after the SVG changes, and check the two files in:

    python -m pip install pillow
    python packaging/make_icons.py

Qt draws the SVG at each size (Pillow reads no SVG; no display is needed); Pillow writes
both icon formats. Only this script needs Pillow, so it is no dependency of custgroups.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ASSETS = Path(__file__).resolve().parent.parent / "custgroups" / "qt" / "assets"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn on a transparent square of ``size`` pixels, as a Pillow image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return Image.frombytes("RGBA", (size, size), bytes(rgba.constBits()), "raw", "RGBA",
                           rgba.bytesPerLine())


def drop_table_of_contents(path: Path) -> None:
    """Rewrite an .icns file without its optional table of contents: Qt's reader calls the one
    Pillow writes corrupt (and warns), while macOS needs none."""
    data = path.read_bytes()
    blocks, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos + 4:pos + 8])
        if data[pos:pos + 4] != b"TOC ":
            blocks.append(data[pos:pos + length])
        pos += length
    body = b"".join(blocks)
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def main() -> int:
    """Write both icon files beside the SVG; 0 when done."""
    renderer = QSvgRenderer(str(ASSETS / "custgroups.svg"))
    if not renderer.isValid():
        print(f"cannot read {ASSETS / 'custgroups.svg'}", file=sys.stderr)
        return 1
    # Each size is drawn from the SVG rather than scaled down from the largest, so the small
    # ones stay sharp.
    ico = [render(renderer, size) for size in ICO_SIZES]
    ico[-1].save(ASSETS / "custgroups.ico", format="ICO",
                 sizes=[(s, s) for s in ICO_SIZES], append_images=ico[:-1])
    icns = [render(renderer, size) for size in ICNS_SIZES]
    icns[-1].save(ASSETS / "custgroups.icns", format="ICNS", append_images=icns[:-1])
    drop_table_of_contents(ASSETS / "custgroups.icns")
    for name in ("custgroups.ico", "custgroups.icns"):
        print(f"wrote {ASSETS / name} ({(ASSETS / name).stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
