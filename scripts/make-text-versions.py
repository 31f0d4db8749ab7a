#!/usr/bin/env python3
"""Independent text versions of the PDF and DOCX test files in testdata/binary.

Run by hand (not by `make test`) from the repository root:

    pip install pdfminer.six        # 20260107 made the committed outputs
    python3 scripts/make-text-versions.py

Each output is committed next to its file (`X.pdf` -> `X_pdfminer.txt`, `X.docx` ->
`X_docxxml.txt`) and listed in testdata/binary/MANIFEST.tsv. None of gongwen's readers
(poppler, ZIPFoundation, libxml2) is used, so OfficeFileTests can compare what gongwen reads
from the binary file with what another tool reads from it.

PDF (pdfminer.six): pdfminer decodes the glyphs and builds its text lines (LAParams defaults);
this script puts the lines of one page that share a baseline on one row, left to right, cells
separated by two spaces (so a table row stays a row: pdfminer's own order reads a table column
by column), rows top to bottom, and a line holding a form feed after each page.

DOCX (zipfile + xml.etree over word/document.xml): one line per paragraph (`w:p`) of the body,
the text of its `w:t` runs, a `w:tab` as a tab, a `w:br` as a line break; each table row
(`w:tr`) one line, its cells' paragraphs joined by a space, the cells separated by a tab.
Text-box copies under `mc:Fallback` are left out (Word stores the box twice). Word's automatic
numbering (`w:numPr`, markers such as `四、` drawn from word/numbering.xml) is not rendered by
this script: a numbered paragraph comes out without its marker. Headers and footers are left out.
"""

import sys
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextLineHorizontal

FOLDER = Path("testdata/binary")
PDFS = ["statcomm_jiaozuo_city_2025.pdf"]
DOCXS = ["fiscal_chengde_city_2025_budget_report.docx", "statcomm_hotan_prefecture_2025.docx"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def text_lines(node):
    """pdfminer's horizontal text lines anywhere under a layout object."""
    if isinstance(node, LTTextLineHorizontal):
        yield node
    elif hasattr(node, "__iter__"):
        for child in node:
            yield from text_lines(child)


def pdf_text(path):
    out = []
    for page in extract_pages(path, laparams=LAParams()):
        lines = sorted((l for l in text_lines(page) if l.get_text().strip()), key=lambda l: (-l.y1, l.x0))
        rows = []
        for line in lines:
            middle = (line.y0 + line.y1) / 2
            row = next((r for r in rows if r[0] < middle < r[1]), None)
            if row is None:
                rows.append((line.y0, line.y1, [line]))
            else:
                row[2].append(line)
        for _, _, items in rows:
            out.append("  ".join(item.get_text().strip() for item in sorted(items, key=lambda l: l.x0)))
        out.append("\f")
    return "\n".join(out) + "\n"


def run_text(node):
    """The text of the runs under a paragraph, text-box fallbacks left out."""
    out = []
    for child in node:
        if child.tag == FALLBACK:
            continue
        if child.tag == W + "t":
            out.append(child.text or "")
        elif child.tag == W + "tab":
            out.append("\t")
        elif child.tag == W + "br":
            out.append("\n")
        else:
            out.append(run_text(child))
    return "".join(out)


def blocks(node, out):
    """Paragraphs and table rows in document order."""
    for child in node:
        if child.tag == W + "p":
            out.append(run_text(child))
        elif child.tag == W + "tbl":
            for row in child.iter(W + "tr"):
                cells = []
                for cell in row.findall(W + "tc"):
                    paragraphs = []
                    blocks(cell, paragraphs)
                    cells.append(" ".join(p.replace("\t", " ").replace("\n", " ") for p in paragraphs if p))
                out.append("\t".join(cells))
        elif child.tag != W + "sectPr":
            blocks(child, out)


def docx_text(path):
    root = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    lines = []
    blocks(root.find(W + "body"), lines)
    return "\n".join(lines) + "\n"


def main():
    for name in PDFS:
        target = FOLDER / name.replace(".pdf", "_pdfminer.txt")
        target.write_text(pdf_text(FOLDER / name), encoding="utf-8")
        print(target)
    for name in DOCXS:
        target = FOLDER / name.replace(".docx", "_docxxml.txt")
        target.write_text(docx_text(FOLDER / name), encoding="utf-8")
        print(target)


if __name__ == "__main__":
    sys.exit(main())
