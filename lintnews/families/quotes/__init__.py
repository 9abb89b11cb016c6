"""LN4xx quotes: quotation marks left broken by translation and scraping, and house quote conventions."""
