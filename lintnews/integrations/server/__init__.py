"""`lintnews server`: LanguageTool's HTTP API, a native JSON API and a review page.

The HTTP layer (`app`, `main`) needs the `server` extra (starlette, uvicorn);
the work a request asks for (`jobs`, `languagetool`) needs nothing beyond
lintnews itself, so the worker processes that lint never import a web framework.
"""
