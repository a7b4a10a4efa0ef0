"""Ask LibreOffice where its layout puts headings and table rows of DOCX files; print JSON lines.

Run by the system Python (``/usr/bin/python3``, which has Debian's python3-uno), never
imported by nbreport: ``python3 lo_layout.py SOFFICE PROFILE_DIR``. It starts one headless
soffice with its own profile, then reads one DOCX path per line on stdin and answers each
with one line ``{"bookmarks": {name: page}, "rows": {bookmark: [page of each row]}}``: the
bookmarks the file's PAGEREF fields name, and the rows of each table named by a bookmark
in its first cell (``tbl*``). Pages are physical page numbers from 1. It ends at the end of
stdin. Any failure exits non-zero with a one-line message on stderr; the caller falls back.

Every UNO call is a round trip to soffice, and making a bookmark's anchor or a cell's
range costs milliseconds: only the bookmarks the 目录 uses are read, and the rows of a
table are found by bisection (a table's rows run forward through the pages).
"""

import html
import json
import os
import re
import subprocess
import sys
import time
import zipfile

TABLE_PREFIX = "tbl"
CONNECT_TRIES = 100
_BOOKMARK = re.compile(r'<w:bookmarkStart\b[^>]*?\bw:name="([^"]+)"')
_PAGEREF = re.compile(r"PAGEREF\s+([^\s<\\]+)")


def main(soffice, profile):
    import uno  # type: ignore[import-not-found]  # the system Python's python3-uno
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    pipe = "nbreport_lo_%d" % os.getpid()
    proc = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "--nolockcheck", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        ctx = _connect(uno, pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        hidden = PropertyValue()
        hidden.Name, hidden.Value = "Hidden", True
        for line in sys.stdin:
            path = line.strip()
            if path:
                sys.stdout.write(json.dumps(_measure_file(uno, desktop, hidden, path)) + "\n")
                sys.stdout.flush()
        try:
            desktop.terminate()
        except Exception:  # the office may drop the bridge while terminating
            pass
    finally:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _connect(uno, pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
    for _ in range(CONNECT_TRIES):
        try:
            return resolver.resolve(url)
        except Exception:  # NoConnectException until soffice listens
            time.sleep(0.1)
    raise RuntimeError("soffice did not accept a connection")


def _measure_file(uno, desktop, hidden, path):
    wanted = _referenced_bookmarks(path)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (hidden,))
    try:
        return _measure(doc, wanted)
    finally:
        doc.close(True)


def _referenced_bookmarks(path):
    """Return the names, in document order, of the bookmarks PAGEREF fields name and of the tables'."""
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    referenced = {html.unescape(name) for name in _PAGEREF.findall(xml)}
    names = (html.unescape(name) for name in _BOOKMARK.findall(xml))
    return [name for name in names if name in referenced or name.startswith(TABLE_PREFIX)]


def _measure(doc, wanted):
    doc.getText()  # make sure the model is there before the layout is asked
    cursor = doc.getCurrentController().getViewCursor()
    bookmarks, rows = {}, {}
    marks = doc.getBookmarks()
    for name in wanted:
        try:
            anchor = marks.getByName(name).getAnchor()
        except Exception:  # NoSuchElementException: LibreOffice dropped or renamed it
            continue
        cursor.gotoRange(anchor, False)
        bookmarks[name] = cursor.getPage()
        if name.startswith(TABLE_PREFIX):
            table = anchor.TextTable
            if table is not None:
                rows[name] = _row_pages(table, cursor)
    return {"bookmarks": bookmarks, "rows": rows, "pages": cursor.getPage() if cursor.jumpToLastPage() else 0}


def _row_pages(table, cursor):
    """Return the page of each row of ``table``, read at its last cell (never under a merge).

    Rows between two rows on one page are on that page, so only the rows around each page
    break are read: about (pages spanned) × log2(rows) cells instead of every row.
    """
    count = table.getRows().getCount()
    last_in_row = {}
    for name in table.getCellNames():
        letters = name.rstrip("0123456789")
        last_in_row[int(name[len(letters):])] = name
    pages = [0] * count

    def page(index):
        if not pages[index]:
            cursor.gotoRange(table.getCellByName(last_in_row[index + 1]).getStart(), False)
            pages[index] = cursor.getPage()
        return pages[index]

    def fill(low, high):
        if high - low < 2:
            return
        if page(low) == page(high):
            pages[low + 1:high] = [pages[low]] * (high - low - 1)
            return
        middle = (low + high) // 2
        page(middle)
        fill(low, middle)
        fill(middle, high)

    if count:
        page(0)
        page(count - 1)
        fill(0, count - 1)
    return pages


if __name__ == "__main__":
    try:
        main(*sys.argv[1:3])
    except ImportError as exc:
        sys.stderr.write("未安装 python3-uno（LibreOffice 的 Python 接口）：%s\n" % exc)
        sys.exit(1)
    except Exception as exc:  # report to the caller, which falls back without LibreOffice
        sys.stderr.write("%s: %s\n" % (type(exc).__name__, exc))
        sys.exit(1)
