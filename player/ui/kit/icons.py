"""Icons: the app icon, and small line icons drawn in the palette's own colours (light and dark themes).

The SVGs in `player/resources/` are hand-written; the themed ones use #000000 (and #ffffff) as placeholders
that are swapped for palette colours before rendering, so no colour is hard-coded in the UI.
"""

from __future__ import annotations

import re
from functools import partial

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QStyle

from player import resources

SIZES = (16, 24, 32, 48)
APP_ICON_SIZES = (*SIZES, 64, 128, 256)
_PLACEHOLDER = re.compile("#000000|#ffffff", re.IGNORECASE)


def _colour(colours: dict[str, str], match: re.Match[str]) -> str:
    return colours[match.group(0).lower()]


def _pixmaps(svg: bytes, sizes: tuple[int, ...]) -> list[QPixmap]:
    """The SVG drawn at each size. From the bytes, not a file name: the package data may be in a zip,
    and Qt's SVG icon engine would read a file lazily, after a temporary copy is gone."""
    renderer = QSvgRenderer(QByteArray(svg))
    pixmaps = []
    for size in sizes:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        pixmaps.append(pixmap)
    return pixmaps


def app_icon() -> QIcon:
    """The application's icon; an empty icon when the file is missing."""
    source = resources.app_icon()
    icon = QIcon()
    if source.is_file():
        for pixmap in _pixmaps(source.read_bytes(), APP_ICON_SIZES):
            icon.addPixmap(pixmap)
    return icon


def themed_icon(
    name: str,
    palette: QPalette,
    *,
    fill: QPalette.ColorRole = QPalette.ColorRole.WindowText,
    detail: QPalette.ColorRole = QPalette.ColorRole.Base,
) -> QIcon:
    """`player/resources/icons/<name>.svg` with #000000 drawn in `fill` and #ffffff in `detail`; for the
    disabled state the disabled colours. An empty icon when the file is missing."""
    path = resources.icon(name)
    if not path.is_file():
        return QIcon()
    source = path.read_text("utf-8")
    icon = QIcon()
    for group, mode in (
        (QPalette.ColorGroup.Active, QIcon.Mode.Normal),
        (QPalette.ColorGroup.Disabled, QIcon.Mode.Disabled),
        (QPalette.ColorGroup.Active, QIcon.Mode.Selected),
    ):
        selected = mode is QIcon.Mode.Selected
        ink = QPalette.ColorRole.HighlightedText if selected else fill
        paper = QPalette.ColorRole.Highlight if selected else detail
        colours = {"#000000": palette.color(group, ink).name(), "#ffffff": palette.color(group, paper).name()}
        svg = _PLACEHOLDER.sub(partial(_colour, colours), source)
        for pixmap in _pixmaps(svg.encode("utf-8"), SIZES):
            icon.addPixmap(pixmap, mode)
    return icon


def insured_badge(palette: QPalette) -> QIcon:
    return themed_icon(
        "insured-badge",
        palette,
        fill=QPalette.ColorRole.Highlight,
        detail=QPalette.ColorRole.HighlightedText,
    )


def media_icon(style: QStyle, which: QStyle.StandardPixmap, palette: QPalette) -> QIcon:
    """A standard `SP_Media*` icon (media glyphs render as boxes: docs/platform.md, "System libraries and
    Qt's platform") recoloured in the palette's button-text colour: Fusion draws them dark grey, which
    vanishes on a dark palette."""
    source = style.standardIcon(which)
    icon = QIcon()
    for mode, group in (
        (QIcon.Mode.Normal, QPalette.ColorGroup.Active),
        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled),
    ):
        colour = palette.color(group, QPalette.ColorRole.ButtonText)
        for size in SIZES:
            pixmap = source.pixmap(size, size)
            if pixmap.isNull():
                continue
            painter = QPainter(pixmap)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            painter.fillRect(pixmap.rect(), colour)
            painter.end()
            icon.addPixmap(pixmap, mode)
    return icon
