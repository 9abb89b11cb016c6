"""selectolax (lexbor) against html5lib: speed and correctness of the DOM LN305 reads.

    python benchmarks/html_parsers.py

Speed: both parse the same pages and walk every text node with its ancestors
(what lintnews/families/boilerplate/dom.py does). The pages are the scraped dev set's lines
(../shared/devset/scraped, if present) wrapped in a page skeleton (menus in
`<nav><ul><li><a>`, the rest in `<p>`), plus the `benchmarks/run.py` corpus
rendered as paragraphs; nothing is kept.

Correctness: hand-written HTML5 cases (implied end tags, misnested
formatting, foster parenting, raw text, entities without semicolons, stray
end tags, unclosed comments); each parser's text nodes and their parent
element are compared with what the HTML5 parsing algorithm prescribes.
Reader: lintnews's own HTML reader (parse, align every text node to its source
span, build the prose and the element context) against the tag scanner it
replaced, on the same pages.

Nothing is asserted: the numbers go into docs/boilerplate.md.
"""
from __future__ import annotations

import html
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRAPED = ROOT.parent / "shared" / "devset" / "scraped"
if not SCRAPED.exists():
    SCRAPED = Path("/work/shared/devset/scraped")

# (html, expected [(text, parent tag)]) per the HTML5 tree-construction rules
CASES = [
    ("<p>One<p>Two", [("One", "p"), ("Two", "p")]),
    ("<ul><li>One<li>Two</ul>", [("One", "li"), ("Two", "li")]),
    ("<b><i>x</b>y</i>", [("x", "i"), ("y", "i")]),
    ("<!DOCTYPE html><table><tr><td>a</td></tr>b</table>", [("b", "body"), ("a", "td")]),
    ("<script>if (a < b) document.write('</p>')</script><p>x", [("if (a < b) document.write('</p>')", "script"), ("x", "p")]),
    # "&not" is a legacy entity: it is decoded even without ";" and before other letters
    ("<p>AT&amp;T &copy 2024 &notanentity;</p>", [("AT&T © 2024 ¬anentity;", "p")]),
    ("<p>x<svg><desc>t</desc></svg>", [("x", "p"), ("t", "desc")]),
    ("<select><option>English<option>Español</select>", [("English", "option"), ("Español", "option")]),
    ("<div><p>unclosed <div>inner</div>", [("unclosed ", "p"), ("inner", "div")]),
    ("<p>a</div>b</p>", [("ab", "p")]),
    ("<textarea><p>x</p></textarea>", [("<p>x</p>", "textarea")]),
    ("<!-- unclosed <p>x", []),
    ("<nav><a href=/>Home</a></nav><p>&lt;p&gt;", [("Home", "a"), ("<p>", "p")]),
    ("<h1>Title<p>para", [("Title", "h1"), ("para", "p")]),
]


def selectolax_nodes(source: str):
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(source)
    out = []
    for root in (tree.head, tree.body):
        if root is None:
            continue
        for node in root.traverse(include_text=True):
            if node.tag == "-text" and node.text_content.strip():
                out.append((node.text_content, node.parent.tag))
    return out


def html5lib_nodes(source: str):
    import html5lib

    doc = html5lib.parse(source, treebuilder="etree", namespaceHTMLElements=False)
    out = []

    def walk(el):
        tag = el.tag.rsplit("}", 1)[-1]  # foreign elements (svg, math) carry a namespace
        if el.text and el.text.strip():
            out.append((el.text, tag))
        for child in el:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail and child.tail.strip():
                out.append((child.tail, tag))

    walk(doc)
    return out


def correctness() -> None:
    for name, fn in (("selectolax (lexbor)", selectolax_nodes), ("html5lib", html5lib_nodes)):
        ok = 0
        wrong = []
        for source, expected in CASES:
            got = [(t, p) for t, p in fn(source) if p not in ("html", "head", "title")]
            if sorted(got) == sorted(expected):
                ok += 1
            else:
                wrong.append((source, got))
        print(f"{name}: {ok} of {len(CASES)} HTML5 cases as the spec prescribes")
        for source, got in wrong:
            print(f"   differs on {source!r}: {got}")


def pages() -> list[str]:
    out = []
    for path in sorted(SCRAPED.glob("*.txt")):
        parts = ["<!DOCTYPE html><html><head><title>t</title></head><body>"]
        for line in path.read_text(encoding="utf-8").split("\n"):
            line = html.escape(line)
            if len(line.split()) <= 3:
                parts.append(f'<nav class="menu"><ul><li><a href="/x">{line}</a></li></ul></nav>')
            else:
                parts.append(f"<div class='c'><p>{line}</p></div>")
        out.append("\n".join(parts) + "</body></html>")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run import build_corpus

    with tempfile.TemporaryDirectory() as tmp:
        paths, _ = build_corpus(Path(tmp), 8, 50_000)
        for p in paths:
            paras = [html.escape(x) for x in p.read_text(encoding="utf-8").split("\n\n") if x.strip()]
            out.append("<!DOCTYPE html><html><body><article>" + "".join(f"<p>{x}</p>" for x in paras)
                       + "</article></body></html>")
    return out


def rich_pages(total: int = 3_000_000) -> list[str]:
    """News-like pages as sites write them, about `total` bytes in all: a head with
    meta tags, a script (holding markup in strings) and a style, a nav of links, the
    `benchmarks/run.py` corpus as paragraphs with inline links, bold, entities and
    comments, a figure, a footer; every other page with CR LF line endings."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run import build_corpus

    head = ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n<title>News &ndash; Site</title>\n'
            '<meta name="description" content="A > B &amp; more"><link rel="stylesheet" href="/s.css">\n'
            '<style>.nav a{color:red} p>b{x:y}</style>\n'
            '<script>var t = "<div class=\'ad\'></div>"; if (a < b && c > d) { w("</p>"); }</script>\n'
            '</head>\n<body class="article-page">\n<header><nav class="menu"><ul>'
            + "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in "News World Business Sport Culture".split())
            + "</ul></nav></header>\n<main><article>\n<h1>Headline</h1>\n")
    tail = ('</article></main>\n<footer class="footer"><p>&copy; 2024 Site &middot; <a href=/privacy>Privacy</a>'
            "</p></footer>\n</body></html>\n")
    out = []
    size = 0
    with tempfile.TemporaryDirectory() as tmp:
        paths, _ = build_corpus(Path(tmp), 8, 50_000)
        paras = [x for p in paths for x in p.read_text(encoding="utf-8").split("\n\n") if x.strip()]
    i = 0
    while size < total:
        body = []
        for _ in range(40):
            words = html.escape(paras[i % len(paras)]).split(" ")
            i += 1
            if len(words) > 12:
                words[3] = f'<a href="https://example.com/{i}">{words[3]}</a>'
                words[8] = f"<b>{words[8]}</b>&rsquo;s"
                words[11] = words[11] + "&nbsp;&amp;"
            body.append("<p>" + " ".join(words) + "</p><!-- para -->")
            if i % 10 == 0:
                body.append('<figure><img src="/i.jpg" alt="A photo"><figcaption>Photo: Agency</figcaption></figure>')
        page = head + "\n".join(body) + tail
        if len(out) % 2:
            page = page.replace("\n", "\r\n")
        out.append(page)
        size += len(page.encode())
    return out


def speed() -> None:
    docs = pages()
    size = sum(len(d.encode()) for d in docs) / 1e6
    for name, fn in (("selectolax (lexbor)", selectolax_nodes), ("html5lib", html5lib_nodes)):
        best = None
        for _ in range(3 if name.startswith("selectolax") else 1):
            start = time.perf_counter()
            for d in docs:
                fn(d)
            took = time.perf_counter() - start
            best = took if best is None else min(best, took)
        print(f"{name}: {len(docs)} pages, {size:.2f} MB in {best:.2f} s = {size / best:.2f} MB/s")


def reader_speed() -> None:
    """lintnews's HTML reader on the same pages (prose, offset map, element context), and
    the tag scanner it replaced (`scan`, kept as the fallback): MB/s of source HTML."""
    from lintnews.markup.html import read, scan

    for label, docs in (("the pages above", pages()), ("news-like pages", rich_pages())):
        size = sum(len(d.encode()) for d in docs) / 1e6
        for name, fn in (("HTML5 parse + alignment (read)", read), ("old tag scanner (scan)", scan)):
            best = None
            for _ in range(3):
                start = time.perf_counter()
                for d in docs:
                    fn(d, "page.html")
                took = time.perf_counter() - start
                best = took if best is None else min(best, took)
            print(f"lintnews reader, {name}, {label}: {len(docs)} pages, {size:.2f} MB in {best:.2f} s"
                  f" = {size / best:.2f} MB/s")


if __name__ == "__main__":
    correctness()
    speed()
    reader_speed()
