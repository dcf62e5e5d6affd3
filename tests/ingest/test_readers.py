"""Each format read from a small document built here, and each way a file can be refused."""

from __future__ import annotations

import datetime as dt
import io
from email.message import EmailMessage
from pathlib import Path

import docx
import pypdf
import pytest

from crosscheck.errors import ReadError
from crosscheck.ingest.readers import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, Read, normalise, read

REPORT = (
    "Two officials said the northern port was closed on Thursday after a strike by dock "
    "workers. The ministry did not respond to a request for comment, and the union said "
    "that the stoppage would continue until the wages were paid."
)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def refused(path: Path, **options) -> str:
    with pytest.raises(ReadError) as info:
        read(path, **options)
    assert info.value.path == path
    return info.value.reason


# --- plain text ---------------------------------------------------------------------


def test_interface_constants():
    assert SUPPORTED_SUFFIXES == (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".eml")
    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024


def test_txt_is_the_decoded_text_with_no_invented_metadata(tmp_path):
    got = read(write(tmp_path, "report.txt", REPORT + "\n"))
    assert got == Read(text=REPORT, format="txt", language="en")


def test_txt_is_normalised_but_otherwise_kept_exactly(tmp_path):
    # BOM, CRLF and lone CR, NFD accents, blank lines around, spaces inside kept.
    raw = "\ufeff\r\n  \r\n  Caf\u0065\u0301 owner  said:\r\n\r\n\tno.  \rEnd \n\n \n"
    got = read(write(tmp_path, "report.txt", raw))
    assert got.text == "  Caf\u00e9 owner  said:\n\n\tno.  \nEnd"
    assert normalise(got.text) == got.text


def test_suffix_is_matched_without_case(tmp_path):
    assert read(write(tmp_path, "REPORT.TXT", REPORT)).format == "txt"


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    got = read(write(tmp_path, "report.txt", "\ufeffCafé report".encode("utf-16-le")))
    assert got.text == "Café report"


# --- markdown -----------------------------------------------------------------------


def test_markdown_front_matter_gives_metadata_and_is_not_stored(tmp_path):
    md = (
        "---\ntitle: Port closed after strike\noutlet: The Harbour Courier\n"
        "author: [Jane Roe, Sam Poe]\ndate: 2024-03-01\nlanguage: en-GB\n---\n\n"
        "# A heading that is not the title\n\n" + REPORT + "\n"
    )
    got = read(write(tmp_path, "report.md", md))
    assert got.text == "# A heading that is not the title\n\n" + REPORT
    assert (got.title, got.outlet, got.author) == (
        "Port closed after strike",
        "The Harbour Courier",
        "Jane Roe, Sam Poe",
    )
    assert (got.date, got.date_source, got.language, got.format) == (
        "2024-03-01",
        "md:front-matter",
        "en",
        "md",
    )


def test_markdown_date_keeps_the_precision_it_is_given(tmp_path):
    got = read(write(tmp_path, "r.markdown", "---\ndate: 2024-03\n---\n" + REPORT))
    assert (got.date, got.format) == ("2024-03", "md")
    assert read(write(tmp_path, "y.md", "---\ndate: 2024\n---\n" + REPORT)).date == "2024"


def test_markdown_title_falls_back_to_the_first_heading_outside_code(tmp_path):
    md = "Intro line.\n\n```sh\n# not a heading\n```\n\n## Second level\n\n# Port closed #\n\nBody."
    got = read(write(tmp_path, "report.md", md))
    assert got.title == "Port closed"
    assert got.text == md
    assert got.date is None


def test_markdown_rule_at_the_top_is_not_front_matter(tmp_path):
    md = "---\n\nJust text under a rule."
    assert read(write(tmp_path, "report.md", md)).text == md


def test_markdown_front_matter_with_bad_yaml_is_refused_with_its_line(tmp_path):
    reason = refused(write(tmp_path, "report.md", "---\ntitle: ok\nauthor: a: b\n---\nBody."))
    assert reason.startswith("not a readable Markdown file: the YAML front matter at line 3")
    assert "fix it or remove the front matter" in reason


def test_markdown_front_matter_date_that_is_not_a_date_is_refused(tmp_path):
    reason = refused(write(tmp_path, "report.md", "---\ndate: last Tuesday\n---\nBody."))
    assert reason == ("the front matter date 'last Tuesday' is not a date; use YYYY-MM-DD (or YYYY-MM, YYYY)")


# --- html ---------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Port closed after strike | The Harbour Courier</title>
<meta property="article:published_time" content="2024-03-01T09:30:00Z">
<meta name="author" content="Jane Roe">
<meta property="og:site_name" content="The Harbour Courier">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World desk</a> <a href="/sport">Sport</a></nav></header>
<article>
<h1>Port closed after strike</h1>
<p>Two officials said the northern port was closed on Thursday after a strike by dock workers
that began early in the morning.</p>
<p>The ministry of transport did not respond to a request for comment, and the workers' union
said the stoppage would continue until wages were paid.</p>
<p>Ships waiting offshore were told to anchor outside the harbour, according to a notice seen
by reporters.</p>
</article>
<div class="comments"><p>Reader comment: this is outrageous and nobody cares at all.</p></div>
<footer><p>Copyright 2024 The Harbour Courier. All rights reserved.</p></footer>
</body></html>
"""


def test_html_keeps_the_article_and_its_stated_metadata(tmp_path):
    got = read(write(tmp_path, "report.html", PAGE))
    assert got.format == "html"
    assert "northern port was closed on Thursday" in got.text
    assert "anchor outside the harbour" in got.text
    for furniture in ("World desk", "Copyright", "All rights reserved"):
        assert furniture not in got.text
    assert (got.title, got.author, got.outlet) == (
        "Port closed after strike",
        "Jane Roe",
        "The Harbour Courier",
    )
    assert (got.date, got.date_source, got.language) == ("2024-03-01", "html:meta", "en")
    assert got.text == read(write(tmp_path, "again.htm", PAGE)).text  # deterministic


def test_html_date_is_never_guessed_from_the_text_or_footer(tmp_path):
    page = PAGE.replace('<meta property="article:published_time" content="2024-03-01T09:30:00Z">', "")
    page = page.replace("<title>", "<title>2023-07-08 ").replace("on Thursday", "on 2023-03-02")
    got = read(write(tmp_path, "report.html", page))
    assert "on 2023-03-02" in got.text
    assert (got.date, got.date_source) == (None, None)


def test_html_date_from_json_ld_and_microdata(tmp_path):
    ld = (
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "datePublished": "2022-11-30T08:00:00Z"}</script>'
    )
    got = read(write(tmp_path, "a.html", f"<html><head>{ld}</head><body><p>{REPORT}</p></body></html>"))
    assert got.date == "2022-11-30"
    time = '<time itemprop="datePublished" datetime="2023-05-06T10:00">6 May</time>'
    got = read(write(tmp_path, "b.html", f"<html><body><p>{REPORT}</p>{time}</body></html>"))
    assert got.date == "2023-05-06"
    year = '<meta itemprop="copyrightYear" content="2021">'
    got = read(write(tmp_path, "c.html", f"<html><head>{year}</head><body><p>{REPORT}</p></body></html>"))
    assert got.date is None


def test_short_html_page_gives_its_visible_body_text(tmp_path):
    page = (
        "<html><body><header><a>Home</a></header><nav>Menu</nav><script>var x = 1;</script>"
        "<p>A short note from the ministry.</p><footer>Site footer</footer></body></html>"
    )
    assert read(write(tmp_path, "note.html", page)).text == "A short note from the ministry."


def test_html_with_no_text_is_empty(tmp_path):
    page = "<html><head><title>t</title></head><body><script>var x = 1;</script></body></html>"
    assert refused(write(tmp_path, "blank.html", page)) == (
        "the file is empty (or has no text after extraction)"
    )


# --- pdf ----------------------------------------------------------------------------


def make_pdf(content: bytes, info: bytes | None = None, lang: bytes | None = None) -> bytes:
    """A one-page PDF with a Helvetica text stream, its xref offsets computed."""
    catalog = b"<< /Type /Catalog /Pages 2 0 R" + (b" /Lang (" + lang + b")" if lang else b"") + b" >>"
    objects = [
        catalog,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if info is not None:
        objects.append(info)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"/Size %d /Root 1 0 R" % (len(objects) + 1)
    if info is not None:
        trailer += b" /Info %d 0 R" % len(objects)
    out += b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


TEXT_STREAM = b"BT /F1 12 Tf 72 720 Td (Two officials said the port was closed on Thursday.) Tj ET"
INFO = b"<< /Title (Port closed) /Author (Jane Roe) /CreationDate (D:20240301120000+01'00') >>"


def test_pdf_gives_its_text_layer_and_information(tmp_path):
    got = read(write(tmp_path, "report.pdf", make_pdf(TEXT_STREAM, INFO, lang=b"en-US")))
    assert got.text == "Two officials said the port was closed on Thursday."
    assert (got.format, got.title, got.author) == ("pdf", "Port closed", "Jane Roe")
    assert (got.date, got.date_source, got.language) == ("2024-03-01", "pdf:CreationDate", "en")


def test_pdf_without_information_has_no_metadata(tmp_path):
    got = read(write(tmp_path, "report.pdf", make_pdf(TEXT_STREAM)))
    assert (got.title, got.author, got.date, got.date_source) == (None, None, None, None)


def test_pdf_without_a_text_layer_is_refused(tmp_path):
    reason = refused(write(tmp_path, "scan.pdf", make_pdf(b"0 0 m 100 100 l S")))
    assert reason == "the PDF file has no extractable text (a scanned PDF needs OCR first)"


def test_truncated_pdf_is_corrupt(tmp_path, capsys):
    pdf = make_pdf(TEXT_STREAM, INFO)
    reason = refused(write(tmp_path, "cut.pdf", pdf[: len(pdf) // 2]))
    assert reason.startswith("not a readable PDF file: it is cut short (no %%EOF at the end; ")
    assert reason.endswith("); copy or download it again")
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""  # pypdf's log noise is kept quiet


def test_file_that_is_not_a_pdf_at_all_is_corrupt(tmp_path):
    reason = refused(write(tmp_path, "report.pdf", REPORT))
    assert reason == "not a readable PDF file: it does not start with %PDF-, so it is not a PDF"


def test_pdf_with_an_empty_open_password_is_read(tmp_path):
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(make_pdf(TEXT_STREAM)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    got = read(write(tmp_path, "locked.pdf", buffer.getvalue()))
    assert "Two officials said" in got.text


def test_pdf_protected_by_a_password_is_corrupt(tmp_path):
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(make_pdf(TEXT_STREAM)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    reason = refused(write(tmp_path, "locked.pdf", buffer.getvalue()))
    assert reason == ("not a readable PDF file: it is protected by a password; save an unencrypted copy")


# --- docx ---------------------------------------------------------------------------


def test_docx_gives_paragraphs_then_tables_and_core_properties(tmp_path):
    document = docx.Document()
    document.add_paragraph("Port closed after strike")
    document.add_paragraph(REPORT)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Ships", "12"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "Source: harbour office"
    props = document.core_properties
    props.title, props.author, props.language = "Port closed", "Jane Roe", "en-GB"
    props.created = dt.datetime(2024, 3, 1, 9, 30)
    path = tmp_path / "report.docx"
    document.save(path)
    got = read(path)
    assert got.text == "Port closed after strike\n" + REPORT + "\nShips\t12\nSource: harbour office"
    assert (got.format, got.title, got.author, got.language) == ("docx", "Port closed", "Jane Roe", "en")
    assert (got.date, got.date_source) == ("2024-03-01", "docx:core.created")


def test_docx_from_the_blank_template_states_no_date_or_author(tmp_path):
    document = docx.Document()
    document.add_paragraph(REPORT)
    path = tmp_path / "report.docx"
    document.save(path)
    got = read(path)
    assert (got.date, got.date_source, got.author) == (None, None, None)


def test_docx_that_is_not_a_zip_is_corrupt(tmp_path):
    reason = refused(write(tmp_path, "fake.docx", b"this is not a word file at all"))
    assert reason == "not a readable Word .docx file: it is not a zip package, as a .docx is"


def test_old_binary_word_file_named_docx_is_explained(tmp_path):
    reason = refused(write(tmp_path, "old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 64))
    assert reason == "not a readable Word .docx file: it is an old binary Word file; save it as .docx"


# --- eml ----------------------------------------------------------------------------


def make_email(plain: str | None, html: str | None, charset: str = "utf-8") -> bytes:
    msg = EmailMessage()
    msg["Subject"] = "Port closed after strike"
    msg["From"] = "Jane Roe <jane@example.org>"
    msg["To"] = "desk@example.org"
    msg["Date"] = "Fri, 01 Mar 2024 23:30:00 -0500"
    if plain is not None:
        msg.set_content(plain, charset=charset)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    else:
        msg.set_content(html, subtype="html")
    return msg.as_bytes()


def test_eml_prefers_the_plain_part_and_reads_the_headers(tmp_path):
    raw = make_email(REPORT, "<html><body><p>The HTML version.</p></body></html>")
    got = read(write(tmp_path, "tip.eml", raw))
    assert got.text == REPORT
    assert (got.format, got.title, got.author, got.outlet) == (
        "eml",
        "Port closed after strike",
        "Jane Roe",
        None,
    )
    # The day in the sender's time zone, not converted to UTC.
    assert (got.date, got.date_source) == ("2024-03-01", "eml:Date")


def test_eml_with_only_html_uses_the_html_text(tmp_path):
    html = f"<html><body><nav>Menu</nav><p>{REPORT}</p><footer>Unsubscribe here</footer></body></html>"
    got = read(write(tmp_path, "tip.eml", make_email(None, html)))
    assert got.text == REPORT


def test_eml_body_is_decoded_with_its_declared_charset(tmp_path):
    got = read(write(tmp_path, "tip.eml", make_email("Le café a fermé jeudi.", None, "latin-1")))
    assert got.text == "Le café a fermé jeudi."


def test_eml_without_headers_is_corrupt(tmp_path):
    reason = refused(write(tmp_path, "tip.eml", "\nJust a body and no headers at all.\n"))
    assert reason == ("not a readable e-mail (.eml) file: it has no headers (From, Subject, Date) at the top")


# --- refusals -----------------------------------------------------------------------


def test_empty_file_is_refused(tmp_path):
    assert refused(write(tmp_path, "empty.txt", b"")) == (
        "the file is empty (or has no text after extraction)"
    )


def test_file_of_blank_lines_is_refused_as_empty(tmp_path):
    assert refused(write(tmp_path, "blank.md", "\n  \n\t\n")).startswith("the file is empty")


def test_binary_file_is_refused(tmp_path):
    reason = refused(write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert reason == "the file looks binary, not plain text"


def test_latin1_text_names_the_byte_and_reads_with_the_encoding_given(tmp_path):
    path = write(tmp_path, "report.txt", "Le café a fermé.".encode("latin-1"))
    assert refused(path) == ("the text is not valid UTF-8 (byte 6); pass --encoding with the right one")
    assert read(path, encoding="latin-1").text == "Le café a fermé."


def test_byte_position_counts_the_byte_order_mark(tmp_path):
    path = write(tmp_path, "report.txt", b"\xef\xbb\xbfab\xff")
    assert "(byte 5)" in refused(path)


def test_unknown_encoding_is_refused(tmp_path):
    reason = refused(write(tmp_path, "report.txt", REPORT), encoding="no-such-codec")
    assert reason.startswith("'no-such-codec' is not a known text encoding")


def test_file_over_the_limit_is_refused_before_reading(tmp_path):
    reason = refused(write(tmp_path, "big.txt", "x" * 2000), max_bytes=1000)
    assert reason == ("the file is 2,000 bytes, over the 1,000-byte limit; raise it with --max-bytes")


def test_unsupported_suffix_is_refused(tmp_path):
    reason = refused(write(tmp_path, "sheet.xlsx", b"PK\x03\x04"))
    assert reason == (
        "unsupported file type '.xlsx'; crosscheck reads .txt, .md, .markdown, .html, .htm, .pdf, .docx, .eml"
    )


def test_missing_file_is_refused(tmp_path):
    assert refused(tmp_path / "gone.txt") == "cannot open the file: no such file or directory"


def test_directory_is_refused(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert refused(folder) == "cannot open the file: it is a directory"


def test_html_in_the_charset_it_declares_is_read(tmp_path):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Le café a fermé.</p></body></html>'
    assert read(write(tmp_path, "page.html", page.encode("cp1252"))).text == "Le café a fermé."


def test_html_that_is_not_in_its_declared_utf8_names_the_byte(tmp_path):
    page = '<html><head><meta charset="utf-8"></head><body><p>Café.</p></body></html>'
    reason = refused(write(tmp_path, "page.html", page.encode("cp1252")))
    assert page.index("é") == 53  # one byte per character before it
    assert reason == "the text is not valid UTF-8 (byte 53); pass --encoding with the right one"


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_garbage_in_any_format_is_a_read_error_not_a_traceback(tmp_path, suffix):
    noise = bytes((i * 37 + 11) % 256 for i in range(3000))
    with pytest.raises(ReadError):
        read(write(tmp_path, "noise" + suffix, noise))
