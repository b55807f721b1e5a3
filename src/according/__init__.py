"""according: who said what, which figures, where and when, in news reports.

>>> import according
>>> a = according.analyze(open("article.txt").read(), published="2024-02-14")
>>> a.to_dict()["quotes"][0]["speaker"]["name"]
"""

__version__ = "0.1.0"

from .errors import AccordingError  # noqa: E402


def analyze(text_or_html, *, format=None, published=None, url=None, id=None, model="en_core_web_md"):
    """Analyse one article (plain text or HTML) and return an :class:`~according.model.Analysis`."""
    from .analyzer import analyze as _analyze

    return _analyze(text_or_html, format=format, published=published, url=url, id=id, model=model)


__all__ = ["analyze", "AccordingError", "__version__"]
