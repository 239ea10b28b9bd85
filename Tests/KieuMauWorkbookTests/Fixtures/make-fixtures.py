#!/usr/bin/env python3
"""Makes the workbooks of this folder. Run once; the .xlsx files are committed.

    Tests/KieuMauWorkbookTests/Fixtures/make-fixtures.py KIEUMAU_BINARY [GROUP…]

GROUPs (default all): nghe-an, types, libreoffice, template, encrypted, hostile. Making one
again leaves the others' bytes as they are (LibreOffice's and the encrypted file differ each time).

Workbooks are written part by part with Python's zipfile, so that each holds exactly the
SpreadsheetML a test is about (shared and inline strings, numbers, booleans, date serials,
merged cells, hidden columns and sheets, a two-row header); two are then saved again by
LibreOffice (`soffice --headless --convert-to xlsx`, LibreOffice 7.4), as a province's
spreadsheet program would write them; the template comes from `kieumau template`. The hostile
files are made from good ones: a zip bomb, a DTD, an encrypted workbook, a truncated or corrupt
zip, CSV and HTML named .xlsx. Needs python3, soffice (Debian's libreoffice-calc) and
msoffcrypto-tool (pip) on the PATH.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def col(index):
    """0 -> A, 26 -> AA."""
    letters = ""
    n = index + 1
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


class Sheet:
    """Cells of one sheet, written as SpreadsheetML with the cell types a test needs."""

    def __init__(self, name, strings, hidden=False):
        self.name, self.strings, self.hidden = name, strings, hidden
        self.rows = {}
        self.merges = []
        self.hidden_columns = []

    def put(self, column, row, xml):
        self.rows.setdefault(row, {})[column] = xml

    def shared(self, column, row, text, style=0):
        if text not in self.strings:
            self.strings.append(text)
        s = f' s="{style}"' if style else ""
        self.put(column, row, f'<c r="{col(column)}{row}"{s} t="s"><v>{self.strings.index(text)}</v></c>')

    def inline(self, column, row, text):
        self.put(column, row, f'<c r="{col(column)}{row}" t="inlineStr"><is><t>{esc(text)}</t></is></c>')

    def number(self, column, row, value, style=0):
        s = f' s="{style}"' if style else ""
        self.put(column, row, f'<c r="{col(column)}{row}"{s}><v>{value}</v></c>')

    def boolean(self, column, row, value):
        self.put(column, row, f'<c r="{col(column)}{row}" t="b"><v>{1 if value else 0}</v></c>')

    def error(self, column, row, text):
        self.put(column, row, f'<c r="{col(column)}{row}" t="e"><v>{esc(text)}</v></c>')

    def formula_text(self, column, row, formula, cached):
        self.put(column, row, f'<c r="{col(column)}{row}" t="str"><f>{esc(formula)}</f><v>{esc(cached)}</v></c>')

    def merge(self, ref):
        self.merges.append(ref)

    def xml(self):
        out = [DECL, f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}">']
        if self.hidden_columns:
            out.append("<cols>" + "".join(f'<col min="{c + 1}" max="{c + 1}" width="10" hidden="1" customWidth="1"/>'
                                          for c in self.hidden_columns) + "</cols>")
        out.append("<sheetData>")
        for r in sorted(self.rows):
            out.append(f'<row r="{r}">' + "".join(self.rows[r][c] for c in sorted(self.rows[r])) + "</row>")
        out.append("</sheetData>")
        if self.merges:
            out.append(f'<mergeCells count="{len(self.merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in self.merges) + "</mergeCells>")
        out.append("</worksheet>")
        return "".join(out)


# Cell formats: 0 general, 1 a built-in date (14: d/m/yyyy), 2 a custom date, 3 bold.
STYLES = DECL + f'''<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
</styleSheet>'''


DATE1904 = ' date1904="1"'
HIDDEN = ' state="hidden"'


def write_workbook(path, sheets, strings, date1904=False, parts=None):
    """Writes the parts of a workbook; `parts` replaces or adds parts by name. The first visible
    sheet is the active one (a hidden sheet cannot be: spreadsheet programs would show it)."""
    active = next(i for i, s in enumerate(sheets) if not s.hidden)
    content = {
        "[Content_Types].xml": DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                  for i in range(len(sheets)))
        + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><workbookPr{DATE1904 if date1904 else ""}/>'
        f'<bookViews><workbookView activeTab="{active}"/></bookViews><sheets>'
        + "".join(f'<sheet name="{esc(s.name)}" sheetId="{i + 1}"{HIDDEN if s.hidden else ""} r:id="rId{i + 1}"/>'
                  for i, s in enumerate(sheets)) + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
        + f'<Relationship Id="rId{len(sheets) + 1}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId{len(sheets) + 2}" Type="{REL}/styles" Target="styles.xml"/></Relationships>',
        "xl/sharedStrings.xml": DECL + f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{esc(s)}</t></si>" for s in strings) + "</sst>",
        "xl/styles.xml": STYLES,
    }
    for i, sheet in enumerate(sheets):
        content[f"xl/worksheets/sheet{i + 1}.xml"] = sheet.xml()
    content.update(parts or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in content.items():
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), text.encode("utf-8") if isinstance(text, str) else text,
                       compress_type=zipfile.ZIP_DEFLATED)


NGHE_AN_WARDS = [
    # district, ward, stage, year, criteria (22 marks as the cells hold them), note
    ("TP Vinh", "Hà Huy Tập", "Đã đăng ký", 2021, [1] * 21 + [0], "Ví dụ hư cấu: chưa đạt một tiêu chí"),
    ("Thành phố Vinh", "Phường Trường Thi", "đã đăng ký", None, [True] * 21 + ["chưa đạt"], ""),
    ("Vinh", "P. Nghi Hòa", "Đăng ký", 2023, [1] * 18 + [0] * 4, ""),
    ("", "Nghi Thu", "đã đăng ký", None, ["Đạt"] * 19 + ["?", None, "?"], ""),
    ("Thái Hòa", "Hòa Hiếu", "Đạt", 2021, [1] * 22, "Ví dụ hư cấu: đạt đủ tiêu chí"),
    ("", "Quang Tiến", "Công nhận", None, ["đạt"] * 22, ""),
    ("", "Long Sơn", "", None, [None] * 22, ""),
]


def nghe_an_2023(path):
    """The CSV sample's seven wards as a province keeps them in Excel: a hidden sheet and a summary
    sheet before the wards, a merged title, a two-row header ("Tiêu chí" over 1…22), the province
    merged down its rows, numbers stored as numbers, booleans, shared and inline strings, a hidden
    column, a total row, and a sheet of notes after it."""
    strings = []
    lookup = Sheet("Danh mục", strings, hidden=True)
    lookup.shared(0, 1, "Mã phường"); lookup.shared(1, 1, "Phường")
    lookup.shared(0, 2, "16666"); lookup.shared(1, 2, "Hà Huy Tập")
    summary = Sheet("Tổng hợp", strings)
    summary.shared(0, 1, "BÁO CÁO TỔNG HỢP", 3)
    summary.shared(0, 2, "Số phường đăng ký"); summary.number(1, 2, 7)
    summary.shared(0, 3, "Ngày báo cáo"); summary.number(1, 3, 45291, 1)

    s = Sheet("Nghệ An", strings)
    last = 29  # AD: a hidden column of the office's own numbers
    s.shared(0, 1, "DANH SÁCH CÔNG AN PHƯỜNG ĐĂNG KÝ XÂY DỰNG ĐIỂN HÌNH, KIỂU MẪU NĂM 2023", 3)
    s.merge(f"A1:{col(last)}1")
    s.shared(0, 2, "(Kèm theo Báo cáo số 125/BC-CAT ngày 31/12/2023)")
    s.merge(f"A2:{col(last)}2")
    heads = ["STT", "Tỉnh/TP", "Quận/Huyện", "Phường", "Trạng thái", "Năm đăng ký"]
    for c, h in enumerate(heads):
        s.shared(c, 4, h, 3)
        s.merge(f"{col(c)}4:{col(c)}5")
    s.shared(6, 4, "Tiêu chí", 3)
    s.merge(f"G4:{col(6 + 21)}4")
    for n in range(1, 23):
        s.number(5 + n, 5, n)
    s.shared(28, 4, "Ghi chú", 3); s.merge("AC4:AC5")
    s.shared(29, 4, "Mã nội bộ", 3); s.merge("AD4:AD5")
    s.hidden_columns = [29]
    first = 6
    for i, (district, ward, stage, year, marks, note) in enumerate(NGHE_AN_WARDS):
        r = first + i
        s.number(0, r, i + 1)
        if i == 0:
            s.shared(1, r, "Nghệ An")
        if district:
            s.shared(2, r, district)
        s.inline(3, r, ward) if i % 2 else s.shared(3, r, ward)
        if stage:
            s.shared(4, r, stage)
        if year:
            s.number(5, r, year)
        for k, mark in enumerate(marks):
            c = 6 + k
            if mark is None:
                continue
            if isinstance(mark, bool):
                s.boolean(c, r, mark)
            elif isinstance(mark, int):
                s.number(c, r, mark)
            elif k % 2:
                s.inline(c, r, mark)
            else:
                s.shared(c, r, mark)
        if note:
            s.shared(28, r, note)
        s.number(29, r, 1000 + i)
    s.merge(f"B{first}:B{first + len(NGHE_AN_WARDS) - 1}")
    total = first + len(NGHE_AN_WARDS)
    s.shared(0, total, "Tổng cộng", 3); s.merge(f"A{total}:D{total}")
    s.formula_text(4, total, 'COUNTA(E6:E12)&" phường"', "6 phường")
    notes = Sheet("Ghi chú", strings)
    notes.shared(0, 1, "Số liệu do Công an tỉnh cung cấp.")
    write_workbook(path, [lookup, summary, s, notes], strings)


def types(path, date1904=False):
    """One cell of each Excel type the import reads, in the columns whose rules read them."""
    strings = []
    s = Sheet("Kiểu ô", strings)
    for c, h in enumerate(["Mã phường", "Trạng thái", "Ngày công nhận", "Quyết định", "Số tiêu chí đạt", "Năm", "Ghi chú"]):
        s.shared(c, 1, h)
    serial = 45383 - (1462 if date1904 else 0)  # 2024-04-01
    # Khuê Trung (Đà Nẵng): code as a number, recognised on a date in a built-in date format.
    s.number(0, 2, 20260); s.shared(1, 2, "Công nhận"); s.number(2, 2, serial, 1)
    s.inline(3, 2, "QĐ 2878/QĐ-BCA"); s.inline(4, 2, "20/20"); s.number(5, 2, 2024)
    s.formula_text(6, 2, '"Ghi"&" chú"', "Ghi chú_x000D_dòng 2")
    # Hà Huy Tập (Nghệ An, 16666): recognised on a date in a custom format, 20 met as a number.
    s.number(0, 3, 16666); s.shared(1, 3, "Công nhận"); s.number(2, 3, serial + 0.75, 2)
    s.number(4, 3, 20); s.number(5, 3, "2.021E3")
    # Quang Trung (16681, Vinh): a boolean where text belongs, an error where a count belongs.
    s.number(0, 4, 16681); s.boolean(1, 4, True); s.error(4, 4, "#N/A")
    write_workbook(path, [s], strings, date1904=date1904)


def libreoffice(source, target):
    """`source` saved again by LibreOffice as .xlsx."""
    with tempfile.TemporaryDirectory() as work:
        profile = "file://" + os.path.join(work, "profile")
        shutil.copy(source, os.path.join(work, "in.xlsx"))
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
                        "--outdir", os.path.join(work, "out"), os.path.join(work, "in.xlsx")], check=True,
                       stdout=subprocess.DEVNULL)
        shutil.copy(os.path.join(work, "out", "in.xlsx"), target)


def filled_template(binary, path):
    """Nghệ An's template (34-province map, 20 criteria), three wards filled in as a province would."""
    with tempfile.TemporaryDirectory() as work:
        blank = os.path.join(work, "blank.xlsx")
        subprocess.run([binary, "template", "--province", "nghe an", "--as-of", "2025-12-31", "--out", blank],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copy(blank, os.path.join(HERE, "template-nghe-an-blank.xlsx"))
        with zipfile.ZipFile(blank) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        sheet = parts["xl/worksheets/sheet1.xml"].decode()

        def fill(ref, text):
            nonlocal sheet
            empty = f'<c r="{ref}" s="4"/>'
            assert empty in sheet, ref
            sheet = sheet.replace(empty, f'<c r="{ref}" s="4" t="inlineStr"><is><t>{esc(text)}</t></is></c>')
        criteria = [col(4 + k) for k in range(20)]  # E…X
        fill("D6", "đã đăng ký")
        for k, c in enumerate(criteria):
            fill(f"{c}6", "chưa đạt" if k == 5 else "đạt")
        fill("D7", "đạt đủ tiêu chí")
        for c in criteria:
            fill(f"{c}7", "đạt")
        fill("Y7", "Đạt đủ 20 tiêu chí")
        fill("D8", "đã đăng ký")
        fill("E8", "?")
        parts["xl/worksheets/sheet1.xml"] = sheet.encode()
        filled = os.path.join(work, "filled.xlsx")
        with zipfile.ZipFile(filled, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
        libreoffice(filled, path)


def patch_sizes(path, name, compressed=None, uncompressed=None):
    """Rewrites an entry's sizes in its local header and the central directory (a lying header)."""
    data = bytearray(open(path, "rb").read())
    encoded = name.encode()
    for signature, at_sizes, at_name in ((b"PK\x03\x04", 18, 30), (b"PK\x01\x02", 20, 46)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            name_length = struct.unpack_from("<H", data, start + (26 if signature == b"PK\x03\x04" else 28))[0]
            if bytes(data[start + at_name:start + at_name + name_length]) == encoded:
                if compressed is not None:
                    struct.pack_into("<I", data, start + at_sizes, compressed)
                if uncompressed is not None:
                    struct.pack_into("<I", data, start + at_sizes + 4, uncompressed)
            start += 4
    open(path, "wb").write(bytes(data))


def hostile(good):
    """Workbooks that must be refused with a message, made from a good one."""
    def variant(name, parts):
        with zipfile.ZipFile(good) as z:
            contents = {n: z.read(n) for n in z.namelist()}
        contents.update(parts)
        path = os.path.join(HERE, name)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for n, data in contents.items():
                z.writestr(zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
        return path

    sheet = f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Mã phường</t></is></c></row></sheetData>'
    # A sheet padded with 20 MB of spaces in a comment: it inflates about 1,000 times.
    variant("hostile-zip-bomb-ratio.xlsx", {"xl/worksheets/sheet3.xml": (DECL + sheet + "<!--" + " " * (20 << 20) + "--></worksheet>").encode()})
    # The same sheet claiming to be 1 KB: inflating it must stop at the declared size.
    path = variant("hostile-zip-bomb-lying.xlsx", {"xl/worksheets/sheet3.xml": (DECL + sheet + "<!--" + " " * (2 << 20) + "--></worksheet>").encode()})
    patch_sizes(path, "xl/worksheets/sheet3.xml", uncompressed=1024)
    # A part claiming 4 GB: refused from its declared size, before any inflating.
    path = variant("hostile-zip-bomb-declared.xlsx", {})
    patch_sizes(path, "xl/sharedStrings.xml", uncompressed=0xFFFFFFF0)
    # Billion laughs in the shared strings, and an external entity in the sheet.
    laughs = '<!DOCTYPE sst [<!ENTITY a "hahahahahahaha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>"
    variant("hostile-dtd-entities.xlsx", {"xl/sharedStrings.xml": (DECL + laughs + f'<sst xmlns="{MAIN}"><si><t>&j;</t></si></sst>').encode()})
    variant("hostile-dtd-external.xlsx", {"xl/worksheets/sheet3.xml": (DECL + '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                                                      + f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>').encode()})
    data = open(good, "rb").read()
    open(os.path.join(HERE, "hostile-truncated.xlsx"), "wb").write(data[: len(data) // 2])
    # A byte of the ward sheet's compressed data flipped.
    corrupt = bytearray(data)
    with zipfile.ZipFile(good) as z:
        info = z.getinfo("xl/worksheets/sheet3.xml")
    at = info.header_offset + 30 + len(info.filename.encode()) + info.compress_size // 2
    corrupt[at] ^= 0xFF
    open(os.path.join(HERE, "hostile-corrupt.xlsx"), "wb").write(bytes(corrupt))
    csv = open(os.path.join(HERE, "..", "..", "KieuMauCoreTests", "Fixtures", "import", "nghe-an-2023.csv"), "rb").read()
    open(os.path.join(HERE, "hostile-really-csv.xlsx"), "wb").write(csv)
    html = ("<html><head><meta charset=\"utf-8\"><title>Báo cáo</title></head><body><table>"
            "<tr><td>Mã phường</td><td>Trạng thái</td></tr><tr><td>16666</td><td>Đạt</td></tr></table></body></html>\n")
    open(os.path.join(HERE, "hostile-really-html.xlsx"), "w", encoding="utf-8").write(html)


def encrypted(source, target):
    """`source` encrypted with the password "kieumau" as Excel encrypts a workbook (ECMA-376 agile
    encryption in an OLE compound file), by msoffcrypto-tool (pip install msoffcrypto-tool)."""
    subprocess.run(["msoffcrypto-tool", "-e", "-p", "kieumau", source, target], check=True)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    only = set(sys.argv[2:])   # names of groups to make again; all when none is given
    nghe_an = os.path.join(HERE, "nghe-an-2023.xlsx")
    steps = [
        ("nghe-an", lambda: nghe_an_2023(nghe_an)),
        ("types", lambda: (types(os.path.join(HERE, "types.xlsx")), types(os.path.join(HERE, "types-1904.xlsx"), date1904=True))),
        ("libreoffice", lambda: libreoffice(nghe_an, os.path.join(HERE, "libreoffice-nghe-an-2023.xlsx"))),
        ("template", lambda: filled_template(binary, os.path.join(HERE, "libreoffice-template-nghe-an-filled.xlsx"))),
        ("encrypted", lambda: encrypted(os.path.join(HERE, "types.xlsx"), os.path.join(HERE, "hostile-encrypted.xlsx"))),
        ("hostile", lambda: hostile(nghe_an)),
    ]
    for name, make in steps:
        if not only or name in only:
            make()


if __name__ == "__main__":
    main()
