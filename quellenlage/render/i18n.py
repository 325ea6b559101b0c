"""UI strings in German and English: the labels of the report, the terminal view and the web app.

The message catalogs are data files of the language packages, `quellenlage/lang/<code>/ui.tsv`
(msgid <TAB> text; the msgid is the English label). Templates use Jinja2's i18n extension
(`{{ _("Quotes") }}`, `{{ ngettext("quote", "quotes", n) }}`) with the new-style callables:
a translated string is the catalog's own text, and what is formatted into it is escaped. Python
views call `translations(language).gettext`. A msgid a catalog lacks shows as itself.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment


#: The languages the UI speaks, and the one it speaks when nothing asks for another.
UI_LANGUAGES = ("de", "en")
DEFAULT_UI_LANGUAGE = "en"


@cache
def catalog(language: str) -> dict[str, str]:
    """msgid → text of the language's ui.tsv."""
    text = resources.files(f"quellenlage.lang.{language}").joinpath("ui.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        msgid, _, translated = line.partition("\t")
        out[msgid] = translated or msgid
    return out


class Translations:
    """gettext and ngettext over one catalog (both languages have the plural rule n != 1)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.messages = catalog(language)

    def gettext(self, message: str) -> str:
        return self.messages.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


@cache
def translations(language: str) -> Translations:
    return Translations(ui_language(language))


def ui_language(requested: str | None, article_language: str | None = None) -> str:
    """The UI language: `requested` ('de', 'en', a tag such as 'de-AT') when the UI speaks it;
    for 'auto' or nothing the article's language when the UI speaks it; else English."""
    for tag in (requested, article_language):
        code = (tag or "").strip().lower().replace("_", "-").split("-")[0]
        if code in UI_LANGUAGES:
            return code
    return DEFAULT_UI_LANGUAGE


def accepted_language(header: str | None) -> str | None:
    """The first language of an Accept-Language header, by quality, that the UI speaks."""
    choices = []
    for k, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        code = tag.strip().lower().split("-")[0]
        if code in UI_LANGUAGES and q > 0:
            choices.append((-q, k, code))
    return min(choices)[2] if choices else None


def i18n_environment(loader: BaseLoader, language: str) -> Environment:
    """An autoescaping environment whose templates speak `language`."""
    from jinja2 import Environment, StrictUndefined  # the HTML views only

    env = Environment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    t = translations(language)
    env.install_gettext_callables(t.gettext, t.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals["ui_lang"] = t.language
    return env
