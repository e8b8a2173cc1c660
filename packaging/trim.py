"""What the bundle leaves out: files the program never loads (policedesk.spec filters by it).

A path is the file's place inside the bundle, as PyInstaller names it (forward slashes on
Linux, backslashes on Windows). The program uses QtCore, QtGui, QtWidgets and QtCharts; the
Qt plugins below are the ones those load for a desk's window, its images and its input
methods. Everything else of Qt (QML, WebEngine, 3D, Multimedia, PDF, SVG, network, the other
languages' catalogues) stays out.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

# Qt plugin folders and the plugins of each kept: a folder not named here is left out whole.
QT_PLUGINS: dict[str, set[str] | None] = {
    # X11 (UOS and Kylin desktops), Windows, and offscreen for the tests; no Wayland client
    # (both desktops run X11 or XWayland), no eglfs, vnc or linuxfb.
    "platforms": {"qxcb", "qoffscreen", "qminimal", "qwindows", "qdirect2d"},
    "xcbglintegrations": None,  # all (small): xcb asks for one of them at start
    # ibus and compose: typing Chinese (fcitx5 answers the ibus protocol too); no virtual
    # keyboard (it is QML).
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    # The desktop portal (DBus only). Not qgtk3: it would bring the build machine's GTK 3,
    # GLib, Cairo and Pango into the bundle, to clash with the desk's own; Qt's file dialogs
    # are used instead, in Chinese.
    "platformthemes": {"qxdgdesktopportal"},
    # The map's background image (PNG and BMP are built into QtGui); ico for the window icon.
    "imageformats": {"qjpeg", "qtiff", "qgif", "qico"},
    "styles": None,  # Windows' native look (qmodernwindowsstyle)
    # Printing the recovery key on the station's printer (CUPS on Linux; Windows prints
    # through its own platform plugin).
    "printsupport": None,
}

# Of Qt's own catalogues, the one the program loads (i18n.qt_translators: qtbase, zh_CN).
QT_CATALOGUES = {"qtbase_zh_CN.qm", "qt_zh_CN.qm"}

# Qt libraries that only the plugins and modules left out would load.
QT_LIBS_OUT = re.compile(
    r"Qt6(Qml|Quick|WebEngine|3D|Multimedia|Pdf|Svg|Network|WaylandClient|WaylandEgl"
    r"|EglFS|VirtualKeyboard|Designer|Test|Sql|Positioning|Location|Sensors|SerialPort"
    r"|Bluetooth|Nfc|RemoteObjects|Scxml|StateMachine|TextToSpeech|HttpServer|WebSockets"
    r"|WebChannel|Graphs|DataVisualization|SpatialAudio|ShaderTools|VirtualKeyboard|Help"
    r"|Xml|UiTools|Concurrent|Wl|Labs|Lottie|Protobuf|Grpc|EglFsKmsSupport)"
)

# Folders of Python packages that are never imported by the program: tests and samples.
PY_OUT = re.compile(
    r"(^|/)(tests?|testing|_testing|conftest\.py|benchmarks?|samples?|examples?)(/|$)"
    r"|^pandas/io/formats/templates|^numpy/_pyinstaller|^ortools/.*\.(pyi|proto)$"
    r"|^PySide6/(typesystems|include|glue|scripts|support/deprecated|Qt/qml|Qt/resources"
    r"|Qt/libexec|Qt/metatypes|Qt/modules|Qt/mkspecs|Qt/lib/cmake|Qt/lib/pkgconfig)"
    # Bindings the hooks add that the program never imports (QtCharts needs Qt's OpenGL
    # libraries, not their Python modules).
    r"|^PySide6/Qt(OpenGL|OpenGLWidgets)\.(abi3\.so|pyd)$"
    r"|\.(pyi|h|hpp|cmake|pc|a|lib)$"
)


def keep(dest: str) -> bool:
    """Whether the file that would land at `dest` in the bundle goes in."""
    path = dest.replace("\\", "/")
    qt = re.search(r"PySide6/Qt/(plugins|translations)/(.+)", path)
    if qt:
        kind, rest = qt.groups()
        if kind == "translations":
            return rest in QT_CATALOGUES
        folder, _, name = rest.partition("/")
        if folder not in QT_PLUGINS:
            return False
        wanted = QT_PLUGINS[folder]
        stem = re.sub(r"^lib|\.(so|dll|dylib)$", "", name.rsplit("/", 1)[-1])
        return wanted is None or stem in wanted
    if QT_LIBS_OUT.search(path.rsplit("/", 1)[-1]):
        return False
    return not PY_OUT.search(path)


def _needed(roots: list[str], toc: list[tuple[str, str, str]]) -> set[str]:
    """The file names of every library that the files `roots` load, directly or through
    others of `toc`."""
    from PyInstaller.depend.bindepend import get_imports  # only inside a build

    by_name = {Path(dest).name: src for dest, src, _kind in toc}
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        with contextlib.suppress(Exception):  # not a binary of this platform: nothing to follow
            for name, _path in get_imports(todo.pop()):
                if name not in seen:
                    seen.add(name)
                    if name in by_name:
                        todo.append(by_name[name])
    return seen


def prune(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The binaries to bundle: those `keep` wants, less the shared libraries at the top of the
    bundle that only the ones left out loaded (the GTK theme plugin brought the build
    machine's GTK, Cairo and Pango). A library nothing names (loaded by ctypes) stays."""
    kept = [entry for entry in binaries if keep(entry[0])]
    out = [entry for entry in binaries if not keep(entry[0])]
    # Libraries at the top are there as something's dependency; the rest are the roots.
    roots = [src for dest, src, kind in kept if "/" in dest.replace("\\", "/") or kind != "BINARY"]
    orphans = _needed([src for _d, src, _k in out], binaries) - _needed(roots, kept)
    return [entry for entry in kept if Path(entry[0]).name not in orphans]
