"""The site's own scripts and style sheets are minified in the built site (issue 18)."""

from __future__ import annotations

from pathlib import Path

from waqai.site.minify import minify_assets

ROOT = Path(__file__).resolve().parent.parent


def test_css_and_js_are_minified_in_place(tmp_path: Path) -> None:
    (tmp_path / "a.css").write_text("/* note */\n.x {\n  color: red;\n}\n", encoding="utf-8")
    (tmp_path / "b.js").write_text("// note\nvar answer = 1 + 2;\n\nfunction f () {\n  return answer;\n}\n",
                                   encoding="utf-8")
    minify_assets(tmp_path, ["a.css", "b.js"])
    assert (tmp_path / "a.css").read_text(encoding="utf-8") == ".x{color:red}"
    assert (tmp_path / "b.js").read_text(encoding="utf-8") == "var answer=1+2;function f(){return answer;}"


def test_minified_files_urls_and_missing_files_are_left_alone(tmp_path: Path) -> None:
    text = "var  a = 1;\n"
    (tmp_path / "lib.min.js").write_text(text, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(text, encoding="utf-8")
    minify_assets(tmp_path, ["lib.min.js", "notes.txt", "https://cdn.example.org/x.js", "gone.css"])
    assert (tmp_path / "lib.min.js").read_text(encoding="utf-8") == text
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == text
    assert not (tmp_path / "gone.css").exists()


def test_the_built_site_serves_waqais_assets_minified(built_site: Path) -> None:
    """Smaller than the readable sources in overrides/, and without their comments (the
    browser tests run the minified copies)."""
    for path in ("assets/stylesheets/waqai.css", "assets/javascripts/waqai-search.js",
                 "assets/javascripts/waqai-copy.js"):
        source = (ROOT / "overrides" / path).read_text(encoding="utf-8")
        built = (built_site / path).read_text(encoding="utf-8")
        assert len(built) < 0.8 * len(source), path
        assert "/*" not in built and "\n//" not in built, path
