"""Readers, one per format, behind the one loader: .txt, HTML, .docx and .pdf give the same rows."""
import collections
import io

import pytest
from conftest import SHARED, needs_shared, tsv

from govreport import load_document
from govreport.analyses.targets import extract
from govreport.readers.formats import format_of, read_text
from govreport.readers.html import html_text
from govreport.readers.sources import Source, read

ORIGINALS = SHARED / "holdout" / "originals"
HEADLINE = "主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%以内。"


def docx_bytes(paragraphs):
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "粮食产量1.3万亿斤以上。"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(lines):
    """A minimal one-page PDF whose text layer holds these ASCII lines."""
    text = "".join(f"({line}) Tj 0 -14 Td " for line in lines)
    stream = f"BT /F1 12 Tf 72 720 Td {text}ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_docx_paragraphs_and_tables_in_order():
    data = docx_bytes(["2025年某省政府工作报告", "", "二、2025年工作安排", HEADLINE])
    source = Source("r.docx", data)
    assert format_of(source) == "docx"
    assert read_text(source).splitlines() == ["2025年某省政府工作报告", "二、2025年工作安排", HEADLINE,
                                              "粮食产量1.3万亿斤以上。"]
    rows = extract(load_document(source))
    assert [(r.text, r.line) for r in rows][:2] == [("5%左右", 3), ("5.5%以内", 3)]


def test_pdf_text_layer_by_bytes_not_by_name():
    source = Source("misnamed.txt", pdf_bytes(["GDP 5%", "- 1 -"]))
    assert format_of(source) == "pdf"
    assert read_text(source).splitlines() == ["GDP 5%"]  # the page number is dropped


def test_html_main_text_without_navigation_and_title_from_the_document():
    page = ("<html><head><title>2024年政府工作报告_中国政府网</title><script>var x = '<p>no</p>';</script></head>"
            "<body><div class='crumb'><a href='/'>首页</a> &gt; <a href='/n'>新闻</a></div><nav>导航 菜单</nav>"
            "<h1>政府工作报告</h1><p>二、2024年工作安排</p><p>地区生产总值增长<b>5%</b>左右。<br/>第二行</p>"
            "<footer>版权所有</footer></body></html>")
    assert html_text(page).splitlines() == ["政府工作报告", "二、2024年工作安排", "地区生产总值增长5%左右。", "第二行"]
    without_h1 = html_text("<title>政府工作报告</title><p>正文。</p>")
    assert without_h1.splitlines() == ["政府工作报告", "正文。"]


def test_a_lone_angle_bracket_is_text():
    assert html_text("<p>a < b，3<5。</p><p>下一段") == "a < b，3<5。\n下一段\n"


def test_damaged_files_are_input_errors():
    from govreport.errors import InputError

    for name, data in (("bad.pdf", b"%PDF-1.4 garbage"), ("bad.docx", b"PK\x03\x04 word/ garbage")):
        with pytest.raises(InputError) as err:
            read_text(Source(name, data))
        assert str(err.value).startswith(name + ": ")


def rows(path):
    return collections.Counter((r.value, r.value_high, r.unit, r.comparator, r.indicator, r.kind, r.year)
                               for r in extract(load_document(read(str(path)))))


@needs_shared
@pytest.mark.parametrize("name", ["fujian", "henan", "hubei"])
def test_docx_originals_give_the_rows_of_their_text(name):
    docx_rows = rows(ORIGINALS / "docx" / f"{name}-2025.docx")
    assert sum(docx_rows.values()) > 150
    assert docx_rows == rows(SHARED / "holdout" / "provinces-2025" / f"{name}.txt")


@needs_shared
@pytest.mark.parametrize("year", ["2014", "2017"])
def test_govcn_html_gives_the_rows_of_the_text(year):
    assert rows(ORIGINALS / "html" / f"national-{year}-govcn.html") == rows(SHARED / "holdout" / f"national-{year}.txt")


@needs_shared
def test_pdf_headline_targets_results_and_info(cli):
    pdf = str(ORIGINALS / "pdf" / "beijing-2024.pdf")
    found = {(r.text, r.kind, r.year) for r in extract(load_document(read(pdf)))}
    assert {("5%左右", "target", "2024"), ("5%以内", "target", "2024"), ("3%左右", "target", "2024"),
            ("5.2%", "actual", "2023"), ("4.4 万亿元", "actual", "2023"), ("4.4%", "actual", "2023")} <= found
    info = tsv(cli("info", pdf)[1])[0]
    assert (info["region"], info["level"], info["year"]) == ("北京市", "provincial", "2024")
    text = cli("text", pdf)[1]
    assert text == (SHARED / "holdout" / "beijing-2024-pdftext.txt").read_text(encoding="utf-8")


@needs_shared
def test_a_folder_of_mixed_files(cli, tmp_path):
    for path in (ORIGINALS / "docx" / "henan-2025.docx", ORIGINALS / "pdf" / "beijing-2024.pdf",
                 ORIGINALS / "html" / "national-2017-govcn.html", SHARED / "reports" / "national-2024.txt"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "SOURCES.md").write_text("# 来源", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")
    code, out, err = cli("info", str(tmp_path))
    assert code == 0
    assert {r["file"].rsplit("/", 1)[1] for r in tsv(out)} == {"henan-2025.docx", "beijing-2024.pdf",
                                                              "national-2017-govcn.html", "national-2024.txt"}
    assert err.count("\n") == 1 and "skipped 2 files" in err and ".md" in err and ".png" in err


def test_markdown_is_read_when_named(cli, tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("二、2025年工作安排\n地区生产总值增长5%左右。\n", encoding="utf-8")
    assert len(tsv(cli("targets", str(path))[1])) == 1
    assert cli("targets", str(tmp_path))[0] == 1  # a folder of Markdown holds no report
