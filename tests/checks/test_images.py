"""Figure images: relative to the report's root, complete PNG/JPEG, and not too large to decode."""

import io

import pytest
from PIL import Image as PILImage

from bad_inputs.cases_checks import jpeg_header, png
from builders import small_report
from nbreport import build, validate
from nbreport.checks import images
from nbreport.checks.images import check_image, is_relative_inside
from nbreport.load import DatasetError


def figure_report(image: str):
    return small_report(conclusion={"blocks": [{"kind": "figure", "caption": "图", "image": image}]})


def findings(report):
    return [(f.code, f.where.path) for f in validate(report).findings]


def jpeg(width: int, height: int) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (width, height), "white").save(out, "JPEG")
    return out.getvalue()


@pytest.mark.parametrize("image", ["/etc/passwd", "/root/x.png", "../x.png", "a/../../x.png", "C:\\x.png", "\\\\server\\x.png", "a\\..\\..\\x.png"])
def test_an_in_memory_report_may_not_point_outside_its_root(image):
    assert findings(figure_report(image)) == [("E-PATH-ESCAPE", "conclusion.blocks[0].image")]


def test_build_refuses_an_absolute_image_and_writes_nothing(tmp_path):
    with pytest.raises(DatasetError):
        build(figure_report("/etc/passwd"), tmp_path / "out")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_a_symlink_out_of_the_root_is_an_escape(tmp_path, monkeypatch):
    (tmp_path / "outside.png").write_bytes(png(4, 4))
    root = tmp_path / "root"
    root.mkdir()
    (root / "link.png").symlink_to(tmp_path / "outside.png")
    monkeypatch.chdir(root)
    assert findings(figure_report("link.png")) == [("E-PATH-ESCAPE", "conclusion.blocks[0].image")]


@pytest.mark.parametrize(("name", "content"), [("p.png", png(40, 30)), ("p.jpg", jpeg(40, 30)), ("p.jpeg", jpeg(8, 8))])
def test_a_relative_image_of_an_in_memory_report_is_read_from_the_current_folder(name, content, tmp_path, monkeypatch):
    (tmp_path / name).write_bytes(content)
    monkeypatch.chdir(tmp_path)
    report = figure_report(name)
    assert findings(report) == []
    assert all(path.stat().st_size > 0 for path in build(report, tmp_path / "out"))


@pytest.mark.parametrize(("name", "content", "code"), [
    ("p.png", b"plain text", "E-IMAGE-READ"),
    ("p.png", png(10, 10)[:-1], "E-IMAGE-READ"),
    ("p.jpg", jpeg(10, 10)[:-2], "E-IMAGE-READ"),
    ("p.png", jpeg(10, 10), "E-IMAGE-READ"),
    ("p.bmp", b"BM" + b"\x00" * 60, "E-IMAGE-READ"),
    ("p.png", png(7000, 7000, 1, 0), "E-IMAGE-TOO-LARGE"),
    ("p.jpg", jpeg_header(9000, 9000), "E-IMAGE-TOO-LARGE"),
])
def test_check_image_reads_only_the_header(name, content, code, tmp_path):
    (tmp_path / name).write_bytes(content)
    problem = check_image(tmp_path / name)
    assert problem is not None and problem.code == code and name in problem.message


def test_a_file_over_the_byte_limit_is_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(images, "MAX_BYTES", 100)
    (tmp_path / "p.png").write_bytes(png(100, 100) + b"\x00" * 200)
    assert check_image(tmp_path / "p.png").code == "E-IMAGE-TOO-LARGE"


def test_a_missing_image_is_a_missing_file(tmp_path):
    assert check_image(tmp_path / "none.png").code == "E-FILE-MISSING"


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_renderers_refuse_a_bomb_handed_to_them(fmt, tmp_path):
    from nbreport.compose import compose
    from nbreport.render.errors import RenderError
    from nbreport.schema.theme import Theme

    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png(15000, 15000, 1, 0))
    document = compose(figure_report(str(bomb)), Theme())
    if fmt == "pdf":
        from nbreport.render.pdf import render_pdf as render
    else:
        from nbreport.render.docx import render_docx as render
    with pytest.raises(RenderError, match="过大"):
        render(document, Theme(), tmp_path / f"out.{fmt}")


@pytest.mark.parametrize(("image", "inside"), [("a.png", True), ("img/a.png", True), ("./a.png", True),
                                               ("", False), ("/a.png", False), ("..", False), ("a\x00.png", False)])
def test_is_relative_inside(image, inside):
    assert is_relative_inside(image) is inside


def test_a_jpeg_whose_frame_header_sits_after_large_exif_segments_is_read(tmp_path):
    content = jpeg(30, 20)
    app1 = b"\xff\xe1" + (65535).to_bytes(2, "big") + b"Exif\x00\x00" + b"\x00" * 65527
    (tmp_path / "p.jpg").write_bytes(content[:2] + app1 * 3 + content[2:])
    assert check_image(tmp_path / "p.jpg") is None


def test_a_jpeg_with_a_short_trailer_after_its_end_is_complete(tmp_path):
    (tmp_path / "p.jpg").write_bytes(jpeg(30, 20) + b"trailer" * 10)
    assert check_image(tmp_path / "p.jpg") is None
