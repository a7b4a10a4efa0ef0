"""Ask LibreOffice where its layout puts headings and table rows of a DOCX; print JSON.

Run by the system Python (``/usr/bin/python3``, which has Debian's python3-uno), never
imported by nbreport: ``python3 lo_layout.py SOFFICE PROFILE_DIR DOCX``. It starts a
headless soffice with its own profile, opens the file hidden, and prints
``{"bookmarks": {name: page}, "rows": {bookmark: [page of each row]}}`` where a table is
named by a bookmark in its first cell (``tbl*``). Pages are physical page numbers from 1.
Any failure exits non-zero with a one-line message on stderr; the caller falls back.
"""

import json
import os
import subprocess
import sys
import time

TABLE_PREFIX = "tbl"
CONNECT_TRIES = 100


def main(soffice, profile, docx):
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
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        hidden = PropertyValue()
        hidden.Name, hidden.Value = "Hidden", True
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(docx)), "_blank", 0, (hidden,))
        try:
            json.dump(_measure(doc), sys.stdout)
        finally:
            doc.close(True)
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


def _measure(doc):
    doc.getText()  # make sure the model is there before the layout is asked
    cursor = doc.getCurrentController().getViewCursor()
    bookmarks, rows = {}, {}
    marks = doc.getBookmarks()
    for name in marks.getElementNames():
        anchor = marks.getByName(name).getAnchor()
        cursor.gotoRange(anchor.getStart(), False)
        bookmarks[name] = cursor.getPage()
        if name.startswith(TABLE_PREFIX):
            table = anchor.TextTable
            if table is not None:
                rows[name] = _row_pages(table, cursor)
    return {"bookmarks": bookmarks, "rows": rows, "pages": cursor.getPage() if cursor.jumpToLastPage() else 0}


def _row_pages(table, cursor):
    """Return the page of each row of ``table``, read at its last cell (never under a merge)."""
    pages = []
    count = table.getRows().getCount()
    names = table.getCellNames()
    last_in_row = {}
    for name in names:
        letters = name.rstrip("0123456789")
        row = int(name[len(letters):])
        last_in_row[row] = name
    for row in range(1, count + 1):
        cell = table.getCellByName(last_in_row[row])
        cursor.gotoRange(cell.getText().getStart(), False)
        pages.append(cursor.getPage())
    return pages


if __name__ == "__main__":
    try:
        main(*sys.argv[1:4])
    except ImportError as exc:
        sys.stderr.write("未安装 python3-uno（LibreOffice 的 Python 接口）：%s\n" % exc)
        sys.exit(1)
    except Exception as exc:  # report to the caller, which falls back without LibreOffice
        sys.stderr.write("%s: %s\n" % (type(exc).__name__, exc))
        sys.exit(1)
