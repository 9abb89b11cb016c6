"""Ways in from other tools: the HTTP server (LanguageTool API, JSON API, review page), the language server and Dask."""
