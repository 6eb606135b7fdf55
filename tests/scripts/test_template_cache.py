"""Templates compiled once load from the cache in a new environment, and only while unchanged."""

from __future__ import annotations

import jinja2
import pytest

from sitegen import template_cache


class CountingEnvironment(jinja2.Environment):
    """A Jinja environment that counts the templates it compiles."""

    compiled = 0

    def compile(self, *args, **kwargs):
        CountingEnvironment.compiled += 1
        return super().compile(*args, **kwargs)


@pytest.fixture
def templates(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html").write_text("<h1>{{ title }}</h1>")
    return folder


def render(templates, cache, **settings) -> tuple[str, int]:
    """Render page.html in a new environment, as each build does; and how many it compiled."""
    env = CountingEnvironment(loader=jinja2.FileSystemLoader(templates), **settings)
    env.bytecode_cache = template_cache.compiled_templates(env, cache)
    before = CountingEnvironment.compiled
    html = env.get_template("page.html").render(title="Hi")
    return html, CountingEnvironment.compiled - before


def test_a_second_environment_loads_the_compiled_template(templates, tmp_path):
    assert render(templates, tmp_path / "cache") == ("<h1>Hi</h1>", 1)
    assert render(templates, tmp_path / "cache") == ("<h1>Hi</h1>", 0)


def test_an_edited_template_is_compiled_again(templates, tmp_path):
    render(templates, tmp_path / "cache")
    (templates / "page.html").write_text("<h2>{{ title }}</h2>")
    assert render(templates, tmp_path / "cache") == ("<h2>Hi</h2>", 1)


def test_copies_of_a_template_elsewhere_share_its_entry(templates, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "page.html").write_text((templates / "page.html").read_text())
    render(templates, tmp_path / "cache")
    assert render(copy, tmp_path / "cache") == ("<h1>Hi</h1>", 0)
    assert len(list((tmp_path / "cache").rglob("*.cache"))) == 1


def test_other_compile_settings_use_another_folder(templates, tmp_path):
    render(templates, tmp_path / "cache")
    assert render(templates, tmp_path / "cache", trim_blocks=True)[1] == 1
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_another_filter_or_one_passed_other_arguments_changes_the_folder():
    def digest(**filters) -> str:
        env = jinja2.Environment()
        env.filters.update(filters)
        return template_cache.compile_settings(env)

    shout = jinja2.pass_context(lambda _context, text: text.upper())
    assert digest() == digest()  # the same settings, the same folder
    assert len({digest(), digest(shout=str.upper), digest(shout=shout)}) == 3
