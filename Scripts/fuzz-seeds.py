#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (Fuzz/Corpus/<target>/) from the project's real
files: the embedded data, the test fixtures, the themes. Large files are cut to small valid
subsets (three provinces of a map), and ids are set to the file name each target decodes as,
so that seeds reach past the id check. Run from the repository root; the output is committed."""
import json, os, shutil, struct, glob

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Sources/KieuMauCore/Resources/Data")
FIX = os.path.join(ROOT, "Tests/KieuMauCoreTests/Fixtures")
OUT = os.path.join(ROOT, "Fuzz/Corpus")
KEEP = {"01", "40", "48"}  # Hà Nội, Nghệ An, Đà Nẵng (as the fuzz targets' small maps)

def fresh(target):
    path = os.path.join(OUT, target)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path

def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)

def dump(value, path, compact=False):
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":") if compact else None,
                      indent=None if compact else 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\n")

def copy(src, dst_dir, name=None):
    shutil.copy(src, os.path.join(dst_dir, name or os.path.basename(src)))

def with_id(src, dst_dir, new_id, name=None, **extra):
    try:
        doc = load(src)
    except (ValueError, UnicodeDecodeError):
        copy(src, dst_dir, name)  # broken JSON stays as it is: it seeds the parser's errors
        return
    if isinstance(doc, dict):
        if "id" in doc:
            doc["id"] = new_id
        doc.update(extra)
    try:
        dump(doc, os.path.join(dst_dir, name or os.path.basename(src)))
    except UnicodeEncodeError:
        copy(src, dst_dir, name)  # a lone surrogate escape: keep the file as it is

# Snapshots: the published record (small), the first demo snapshots, the fixtures.
d = fresh("snapshot")
for f in sorted(glob.glob(os.path.join(DATA, "record/*.snapshot.json"))):
    copy(f, d, "record-" + os.path.basename(f))
demo = load(os.path.join(DATA, "demo/2024-06-30.snapshot.json"))
old = load(os.path.join(DATA, "maps/vn-2025-01.map.json"))
kept_wards = {w[0] for w in old["wards"] if w[2] in KEEP}
demo["wards"] = [r for r in demo["wards"] if r[0] in kept_wards][:40]
dump(demo, os.path.join(d, "demo-2024-06-30-cut.snapshot.json"))
copy(os.path.join(DATA, "demo/2023-06-30.snapshot.json"), d, "demo-2023-06-30.snapshot.json")
for f in sorted(glob.glob(os.path.join(FIX, "good/*/*.snapshot.json")) + glob.glob(os.path.join(FIX, "broken/*.snapshot.json"))):
    copy(f, d, os.path.basename(os.path.dirname(f)) + "-" + os.path.basename(f))

# Criteria sets: the three real ones, the fixtures, broken JSON.
d = fresh("criteria")
for f in sorted(glob.glob(os.path.join(DATA, "criteria/*.json")) + glob.glob(os.path.join(FIX, "good/*.criteria.json"))
                + glob.glob(os.path.join(FIX, "broken/*.criteria.json"))):
    with_id(f, d, "bca-2024-20")

# Maps: both real maps cut to a few provinces, the fixtures, broken maps.
d = fresh("map")
for name in ["vn-2025-01", "vn-2025-07"]:
    m = load(os.path.join(DATA, "maps", name + ".map.json"))
    codes = KEEP if name == "vn-2025-01" else {p[0] for p in m["provinces"][:3]}
    m["id"] = "vn-2025-01"
    m["provinces"] = [p for p in m["provinces"] if p[0] in codes]
    if "districts" in m:
        m["districts"] = [x for x in m["districts"] if x[2] in codes]
    m["wards"] = [w for w in m["wards"] if w[2] in codes]
    dump(m, os.path.join(d, name + "-cut.map.json"), compact=True)
for f in sorted(glob.glob(os.path.join(FIX, "good/*.map.json")) + glob.glob(os.path.join(FIX, "broken/*.map.json"))):
    with_id(f, d, "vn-2025-01")

# Crosswalks: the real one cut to the kept provinces, the fixtures on the real map ids.
d = fresh("crosswalk")
c = load(os.path.join(DATA, "maps/vn-2025-01-to-07.crosswalk.json"))
c["provinces"] = [p for p in c["provinces"] if p[0] in KEEP]
c["wards"] = [w for w in c["wards"] if w[0] in kept_wards]
dump(c, os.path.join(d, "vn-2025-01-to-07-cut.crosswalk.json"), compact=True)
for f in sorted(glob.glob(os.path.join(FIX, "good/*.crosswalk.json")) + glob.glob(os.path.join(FIX, "broken/*.crosswalk.json"))):
    with_id(f, d, "vn-2025-01-to-07", **{"from": "vn-2025-01", "to": "vn-2025-07"})

# Themes: the shipped ones.
d = fresh("theme")
for f in sorted(glob.glob(os.path.join(ROOT, "Themes/*.toml"))):
    copy(f, d)

# CSV import: the import samples, good and broken.
d = fresh("import-csv")
for f in sorted(glob.glob(os.path.join(FIX, "import/*.csv"))):
    copy(f, d)

# Workbooks: the workbook fixtures as files (a zip or an OLE file: the target reads them whole),
# their XML parts as the target's "parts" inputs (sheet, 0x01, shared strings, 0x01, styles: the
# target stores them in a zip, so the fuzzer changes the XML itself), and text for the writer's
# round trip (0x02, then rows of tab-separated cells).
import zipfile
d = fresh("xlsx")
WB = os.path.join(ROOT, "Tests/KieuMauWorkbookTests/Fixtures")
for f in sorted(glob.glob(os.path.join(WB, "*.xlsx"))):
    if os.path.getsize(f) <= 16384:
        copy(f, d)
for name, sheet in [("nghe-an-2023.xlsx", "xl/worksheets/sheet3.xml"), ("libreoffice-nghe-an-2023.xlsx", "xl/worksheets/sheet3.xml"),
                    ("types.xlsx", "xl/worksheets/sheet1.xml"), ("template-nghe-an-blank.xlsx", "xl/worksheets/sheet1.xml")]:
    with zipfile.ZipFile(os.path.join(WB, name)) as z:
        parts = [z.read(sheet)] + [z.read(p) if p in z.namelist() else b"" for p in ("xl/sharedStrings.xml", "xl/styles.xml")]
    with open(os.path.join(d, "parts-" + name.replace(".xlsx", ".xml")), "wb") as f:
        f.write(b"\x01".join(parts))
with open(os.path.join(d, "roundtrip-cells.txt"), "wb") as f:
    f.write(b"\x02" + "Mã phường\tTên phường\tGhi chú\n16666\tHà Huy Tập\t a & b <c> \"d\" \n\t\x01\x1b[31m_x0041_\r\n\tΩ 😀 e\u0301\t]]>".encode("utf-8"))

# Review exports, both formats, as `kieumau reviews export` writes them.
d = fresh("review-import")
header = "snapshot,ward,mark,marked_by,marked_at,note,noted_by,noted_at\n"
rows = ['2023-12-31,16666,ok,lan,2024-01-05T09:30:00Z,,,\n',
        '2023-12-31,16690,follow-up,minh,2024-01-05T10:00:00Z,"Thiếu hồ sơ, cần bổ sung",minh,2024-01-05T10:01:00Z\n',
        "2024-06-30,00094,,,,'=SUM(A1),lan,2024-07-01T08:00:00Z\n"]
with open(os.path.join(d, "export.csv"), "w", encoding="utf-8") as f:
    f.write(header + "".join(rows))
reviews = {"format": "kieumau.reviews", "version": 1, "reviews": [
    {"snapshot": "2023-12-31", "ward": "16666", "mark": "ok", "marked_by": "lan", "marked_at": "2024-01-05T09:30:00Z",
     "note": "", "noted_by": "", "noted_at": None},
    {"snapshot": "2023-12-31", "ward": "16690", "mark": None, "marked_by": "", "marked_at": None,
     "note": "Ghi chú\nhai dòng", "noted_by": "minh", "noted_at": "2024-01-05T10:01:00Z"}]}
dump(reviews, os.path.join(d, "export.json"))

# Keys: records of a flag byte and a big-endian code (then mouse buttons and a cell when flag & 2).
d = fresh("keys")
def key(flag, code, *mouse):
    return struct.pack(">Bi", flag, code) + b"".join(struct.pack(">i", v) for v in mouse)
seeds = {
    "arrows": b"".join(key(1, c) for c in [0o402, 0o403, 0o404, 0o405, 0o522, 0o523, 0o406, 0o550]),
    "text": b"".join(key(0, ord(ch)) for ch in "Phường Hà Huy Tập /q漢"),
    "controls": b"".join(key(0, c) for c in [0, 1, 8, 9, 10, 13, 26, 27, 28, 127, 0x85, 0x9F, 0xD800, 0x10FFFF, 0x110000, -1]),
    "function-keys": b"".join(key(1, 0o410 + n) for n in [0, 1, 12, 63, 64]),
    "mouse": key(3, 0o631, 0o4, 10, 5) + key(3, 0o631, 0o10 | 0o4, 0, 0) + key(3, 0o631, 0o2 << 15, -1, 70000),
}
for name, data in seeds.items():
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

# Dashboard key sequences (see FuzzApp.swift: a setup byte, then one byte a key; 0xE0… mouse, 0xF0… resize).
d = fresh("app")
sequences = {
    "drill-down": bytes([0, 12, 12, 2, 12, 2, 12, 0, 0, 0]),
    "filter": bytes([1, 16, 0xC0, 0xC1, 0xC3, 0xC4, 12, 12, 2, 0]),
    "snapshots-and-series": bytes([2, 23, 23, 23, 21, 21, 25, 25, 23]),
    "resize-small": bytes([3, 0xF0, 1, 1, 12, 0xF0, 0, 0, 2, 0xF0, 30, 8, 2, 0xF0, 200, 60]),
    "mouse": bytes([0x40, 0xE0, 20, 12, 0xE1, 20, 12, 0xE2, 0, 0, 0xE3, 0, 0]),
}
for name, data in sequences.items():
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

total = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(OUT) for f in fs)
print(f"seed corpora written to {OUT}: {total} bytes")
